#!/usr/bin/env bash
# Beat-tracking evaluation: vgen's tracker (and librosa's beat_track, for comparison) on every
# NAME.wav|flac + NAME.beats pair in DIR. Prints F-measure (+-70 ms), CMLt, AMLt, tempo and time
# per file, per genre and on average. See Benchmarks/README.md.
# usage: Benchmarks/beats-eval.sh DIR [--no-librosa] [--verify-mir-eval] [--half tune|check] [--runs N]
#   --half: a fixed half of the name-sorted files (tune: 1st, 3rd, ...; check: 2nd, 4th, ...).
#   --runs 0: one untimed `vgen beats` per file (fast with a debug build).
#   VGEN=path/to/vgen to skip the release build.
set -euo pipefail
dir=${1:?usage: beats-eval.sh DIR [--no-librosa] [--verify-mir-eval]}; shift
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/Benchmarks/.venv"
if [[ -z "${VGEN:-}" ]]; then
  "$root/scripts/build-cli.sh" >&2
  VGEN="$root/.build/release/vgen"
fi
if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q librosa mir_eval >&2 || echo "pip install failed: running without librosa" >&2
fi
exec "$venv/bin/python" "$root/Benchmarks/beats_eval/evaluate.py" "$dir" --vgen "$VGEN" "$@"

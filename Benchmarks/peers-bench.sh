#!/usr/bin/env bash
# One README rendered in one run by vgen, by the MoviePy + Pillow peer and by the Manim
# Community peer (Benchmarks/peers/), all 1080p30 with x264 veryfast, narration spoken first
# (vgen: its default voice; the peers: espeak-ng) and every slide lasting its narration.
# Prints wall time, peak memory (the whole process tree), video seconds and the speed ratios
# per second of video. Never fails on the figures.
# Usage: Benchmarks/peers-bench.sh [DOCUMENT]   (default: swift-argument-parser's README)
#        VGEN=path/to/vgen Benchmarks/peers-bench.sh [DOCUMENT]   (skips the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
if [[ -z "${VGEN:-}" ]]; then
  scripts/build-cli.sh >/dev/null
fi
vgen=$(realpath "${VGEN:-.build/release/vgen}")
doc=$(realpath "${1:-.build/checkouts/swift-argument-parser/README.md}")
venv=$root/Benchmarks/.venv
# The peers' packages, pinned, in the git-ignored venv (PyPI; manimpango and pycairo build
# against the Debian dev packages that `scripts/install-deps.sh --bench` installs).
[[ -x "$venv/bin/python" ]] || python3 -m venv "$venv"
if ! "$venv/bin/python" -c 'import moviepy, manim' 2>/dev/null; then
  "$venv/bin/pip" install -q moviepy==2.2.1 manim==0.22.0 >&2
fi
work=$(mktemp -d /tmp/vgen-peers-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
measure() { python3 "$root/Benchmarks/peers/measure.py" "$@"; }

measure "$work/vgen.time" "$vgen" --document "$doc" --output-dir "$work/vgen" --preset veryfast \
  --video-id peers >/dev/null 2>"$work/vgen.log"
(cd Benchmarks/peers && measure "$work/moviepy.time" "$venv/bin/python" moviepy_peer.py "$doc" \
  "$work/moviepy.mp4" "$work/moviepy" >"$work/moviepy.log" 2>&1)
(cd Benchmarks/peers && measure "$work/manim.time" "$venv/bin/python" manim_peer.py "$doc" \
  "$work/manim.mp4" "$work/manim" >"$work/manim.log" 2>&1)

length() { ffprobe -v error -show_entries format=duration -of csv=p=0 "$1"; }
python3 - "$(cat "$work/vgen.time")" "$(length "$work/vgen/peers/video.mp4")" \
  "$(cat "$work/moviepy.time")" "$(length "$work/moviepy.mp4")" \
  "$(cat "$work/manim.time")" "$(length "$work/manim.mp4")" <<'PY'
import sys
rows = []
for name, (timing, length) in zip(["vgen", "MoviePy + Pillow", "Manim"], zip(sys.argv[1::2], sys.argv[2::2])):
    wall, tree_kb, single_kb = timing.split()
    rows.append((name, float(wall), int(tree_kb) / 1024, int(single_kb) / 1024, float(length)))
print(f"{'tool':18} {'wall s':>8} {'peak MB (tree)':>15} {'(one process)':>14} {'video s':>8} {'wall / video s':>15}")
for name, wall, tree, single, length in rows:
    print(f"{name:18} {wall:8.2f} {tree:15.0f} {single:14.0f} {length:8.1f} {wall / length:15.3f}")
v = rows[0]
for name, wall, _, _, length in rows[1:]:
    print(f"{name} / vgen: wall time {wall / v[1]:.2f}, time per second of video {(wall / length) / (v[1] / v[4]):.2f}"
          " (above 1: vgen is faster)")
PY

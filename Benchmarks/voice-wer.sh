#!/usr/bin/env bash
# The recognizer's word error rate on vgen's narration: how well an independent speech
# recognizer (Debian's pocketsphinx 0.8, en-us model) understands each voice.
#
# For each document, vgen writes the narration (script stage) and speaks it (audio stage,
# --stop-after audio) with each voice; every scene's WAV is resampled to 16 kHz mono 16-bit
# with sox, recognised with pocketsphinx_continuous, and compared with the scene's narration:
# WER = word-level Levenshtein distance over lower-cased words (punctuation dropped), summed
# over all scenes, divided by the number of narration words. A benchmark, not a test.
#
# Needs: scripts/install-deps.sh --bench (pocketsphinx, pocketsphinx-en-us, sox) and a built vgen.
# Usage: Benchmarks/voice-wer.sh [--voices "male en-us"] DOCUMENT.md...
set -euo pipefail
voices="male en-us"
if [ "${1:-}" = "--voices" ]; then voices="$2"; shift 2; fi
[ $# -gt 0 ] || { echo "usage: $0 [--voices \"male en-us\"] DOCUMENT.md..." >&2; exit 2; }
root="$(cd "$(dirname "$0")/.." && pwd)"
vgen="${VGEN:-$root/.build/debug/vgen}"
[ -x "$vgen" ] || vgen="$root/.build/release/vgen"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

printf "%-40s %-8s %7s %7s %6s\n" document voice words errors WER
for doc in "$@"; do
  for voice in $voices; do
    out="$work/$voice"
    rm -rf "$out"
    "$vgen" --document "$doc" --output-dir "$out" --voice "$voice" --video-id doc --stop-after audio >/dev/null
    folder="$out/doc"
    : >"$work/pairs"
    python3 - "$folder" >"$work/refs" <<'PY'
import json, sys
script = json.load(open(sys.argv[1] + "/script.json"))
for i, scene in enumerate(script["scenes"]):
    print(f"{i + 1:02d}\t{scene.get('narration') or ''}")
PY
    while IFS=$'\t' read -r n text; do
      wav="$folder/audio/scene_$n.wav"
      [ -s "$wav" ] || continue
      sox "$wav" -r 16000 -c 1 -b 16 "$work/16k.wav"
      heard=$(pocketsphinx_continuous -infile "$work/16k.wav" -logfn /dev/null 2>/dev/null | tr '\n' ' ')
      printf "%s\t%s\n" "$text" "$heard" >>"$work/pairs"
    done <"$work/refs"
    python3 - "$work/pairs" "$(basename "$doc")" "$voice" <<'PY'
import re, sys
def words(t): return re.findall(r"[a-z0-9']+", t.lower())
def distance(a, b):
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]
total = errors = 0
for line in open(sys.argv[1]):
    ref, _, hyp = line.rstrip("\n").partition("\t")
    r = words(ref); total += len(r); errors += distance(r, words(hyp))
print(f"{sys.argv[2]:<40} {sys.argv[3]:<8} {total:7d} {errors:7d} {errors / max(total, 1):6.2f}")
PY
  done
done

#!/usr/bin/env bash
# The render benchmark's document (about a minute of narration, 1080p30) rendered with
# --jobs 1 and --jobs 2 from scratch, then re-rendered after one scene's text changed (the
# segment cache at work). Prints wall times and the ratios; never fails on them.
# Usage: Benchmarks/pipeline-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/vgen-pipeline-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
scripts/build-cli.sh >/dev/null 2>&1
vgen=.build/release/vgen
cp Benchmarks/bench-document.md "$work/doc.md"

wall() { /usr/bin/time -f '%e' -o "$work/t" "$@" >/dev/null 2>&1; cat "$work/t"; }
j1=$(wall "$vgen" --document "$work/doc.md" --output-dir "$work/j1" --video-id bench --jobs 1)
j2=$(wall "$vgen" --document "$work/doc.md" --output-dir "$work/j2" --video-id bench --jobs 2)
# Change the words of one scene: its narration, so its timing, changes too.
sed -i 's/Cold starts went from four seconds to under one./Cold starts went from four seconds to well under one second./' "$work/doc.md"
edit=$(wall "$vgen" --document "$work/doc.md" --output-dir "$work/j2" --video-id bench --jobs 2)
python3 - "$j1" "$j2" "$edit" <<'PY'
import sys
j1, j2, edit = map(float, sys.argv[1:])
print(f"full render --jobs 1: {j1:6.2f} s")
print(f"full render --jobs 2: {j2:6.2f} s  ({j1 / j2:.2f}x the speed of --jobs 1)")
print(f"re-render, one scene edited: {edit:6.2f} s  ({edit / j2 * 100:.0f}% of the full render; target <= 20%)")
PY

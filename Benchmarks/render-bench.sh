#!/usr/bin/env bash
# Renders Benchmarks/bench-document.md (about a minute of narration) at 1080p30 and compares
# the wall time with the x264 floor for the same frames: the ffmpeg CLI encoding every frame of
# our video again with libx264 (same preset), decoding time subtracted, in the same run.
# Usage: Benchmarks/render-bench.sh [PRESET]   (default veryfast). Prints figures; never fails on them.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-veryfast}
work=$(mktemp -d /tmp/vgen-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
scripts/build-cli.sh >/dev/null
vgen=.build/release/vgen

# vgen, end to end (document → narrated, encoded, verified MP4).
/usr/bin/time -f '%e %M' -o "$work/time" "$vgen" --document Benchmarks/bench-document.md \
  --output-dir "$work/out" --preset "$preset" --video-id bench >/dev/null 2>"$work/log"
read -r vgen_wall vgen_kb < "$work/time"
frames=$(python3 -c "import json;print(json.load(open('$work/out/bench/timing_manifest.json'))['total_frames'])")
seconds=$(python3 -c "import json;print(json.load(open('$work/out/bench/timing_manifest.json'))['total_duration'])")

# The x264 floor for the same frames: the ffmpeg CLI decoding our own video and encoding every
# one of its frames again with libx264 (same preset, both cores), minus the time it takes to
# only decode them, so what is left is x264 encoding exactly the pictures we show.
/usr/bin/time -f '%e %M' -o "$work/time2" ffmpeg -v error -y -i "$work/out/bench/video.mp4" -an -c:v libx264 \
  -preset "$preset" -pix_fmt yuv420p -f null -
read -r both_wall peer_kb < "$work/time2"
/usr/bin/time -f '%e' -o "$work/time3" ffmpeg -v error -y -i "$work/out/bench/video.mp4" -an -f null -
read -r decode_wall < "$work/time3"
peer_wall=$(python3 -c "print(max($both_wall - $decode_wall, 0.01))")

python3 - "$vgen_wall" "$vgen_kb" "$peer_wall" "$peer_kb" "$frames" "$seconds" "$preset" <<'PY'
import sys
vw, vk, pw, pk, frames, seconds, preset = sys.argv[1:]
vw, vk, pw, pk, frames, seconds = float(vw), int(vk), float(pw), int(pk), int(frames), float(seconds)
print(f"preset {preset}: {frames} frames, {seconds:.2f} s of 1080p30 video")
print(f"vgen end to end : {vw:6.2f} s wall, {seconds / vw:5.2f}x realtime, peak {vk / 1024:6.1f} MB")
print(f"x264 floor      : {pw:6.2f} s wall, {seconds / pw:5.2f}x realtime (ffmpeg decoding + x264 encoding our frames, minus decoding)")
print(f"ratio vgen / x264 floor: {vw / pw:.2f} (target <= 0.15); peak memory {vk / 1024:.0f} MB (target <= 300)")
print(f"per video second: vgen {vw / seconds * 1000:.0f} ms, x264 floor {pw / seconds * 1000:.0f} ms")
PY
sed -n 's/^\(script\|audio\|video\|output\): done/  stage \1:/p' "$work/log"
# Where the video stage's time went (render-profile.json, Docs/RenderProfile.md).
python3 Benchmarks/render-profile.py "$work/out/bench/render-profile.json"
# Where the video stage's frames come from: encoded by x264 or generated as skip frames.
python3 - "$work/out/bench/video.mp4" <<'PY'
import subprocess, sys
out = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "packet=size,flags",
                      "-of", "csv=p=0", sys.argv[1]], capture_output=True, text=True).stdout.split()
sizes = [int(line.split(",")[0]) for line in out]
small = sum(1 for size in sizes if size < 64)
print(f"frames: {len(sizes)}, skip frames (under 64 bytes) {small} ({100 * small / max(len(sizes), 1):.1f} %),"
      f" x264-encoded {len(sizes) - small}")
PY

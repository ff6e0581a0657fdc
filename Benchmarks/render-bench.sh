#!/usr/bin/env bash
# Renders Benchmarks/bench-document.md (about a minute of narration) at 1080p30 and compares
# the wall time with the ffmpeg CLI encoding the same number of 1080p frames with libx264
# (same preset) from one pre-converted YUV frame, in the same run.
# Usage: Benchmarks/render-bench.sh [PRESET]   (default veryfast). Prints figures; never fails on them.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-veryfast}
work=$(mktemp -d /tmp/vgen-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
swift build -c release --product vgen >/dev/null
vgen=.build/release/vgen

# vgen, end to end (document → narrated, encoded, verified MP4).
/usr/bin/time -f '%e %M' -o "$work/time" "$vgen" --document Benchmarks/bench-document.md \
  --output-dir "$work/out" --preset "$preset" --video-id bench >/dev/null 2>"$work/log"
read -r vgen_wall vgen_kb < "$work/time"
frames=$(python3 -c "import json;print(json.load(open('$work/out/bench/timing_manifest.json'))['total_frames'])")
seconds=$(python3 -c "import json;print(json.load(open('$work/out/bench/timing_manifest.json'))['total_duration'])")

# Peer: the ffmpeg CLI encoding the same number of frames from one pre-converted YUV frame
# (a frame of our own video, so the picture is as complex as ours).
ffmpeg -v error -y -i "$work/out/bench/video.mp4" -vf "select=eq(n\,$((frames / 2)))" -frames:v 1 \
  -f rawvideo -pix_fmt yuv420p "$work/frame.yuv"
/usr/bin/time -f '%e %M' -o "$work/time2" ffmpeg -v error -y -stream_loop -1 -f rawvideo -pix_fmt yuv420p \
  -s 1920x1080 -r 30 -i "$work/frame.yuv" -frames:v "$frames" -c:v libx264 -preset "$preset" \
  -pix_fmt yuv420p -f mp4 "$work/peer.mp4"
read -r peer_wall peer_kb < "$work/time2"

python3 - "$vgen_wall" "$vgen_kb" "$peer_wall" "$peer_kb" "$frames" "$seconds" "$preset" <<'PY'
import sys
vw, vk, pw, pk, frames, seconds, preset = sys.argv[1:]
vw, vk, pw, pk, frames, seconds = float(vw), int(vk), float(pw), int(pk), int(frames), float(seconds)
print(f"preset {preset}: {frames} frames, {seconds:.2f} s of 1080p30 video")
print(f"vgen end to end : {vw:6.2f} s wall, {seconds / vw:5.2f}x realtime, peak {vk / 1024:6.1f} MB")
print(f"ffmpeg x264 only: {pw:6.2f} s wall, {seconds / pw:5.2f}x realtime, peak {pk / 1024:6.1f} MB")
print(f"ratio vgen / x264: {vw / pw:.2f} (target <= 1.2); peak memory {vk / 1024:.0f} MB (target <= 300)")
PY
sed -n 's/^\(script\|audio\|video\|output\): done/  stage \1:/p' "$work/log"

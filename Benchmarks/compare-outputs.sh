#!/usr/bin/env bash
# Renders one spec with two vgen binaries and says what differs: each companion file's bytes,
# the MP4's bytes, its H.264 and AAC streams (copied out), and its decoded frames and samples.
# Usage: Benchmarks/compare-outputs.sh OLD_VGEN NEW_VGEN [SPEC.yaml]   (needs the ffmpeg CLI)
set -euo pipefail
old=$1 new=$2 spec=${3:-Examples/all-scenes.yaml}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for side in old new; do
  "${!side}" --yaml "$spec" --output-dir "$work/$side" --resolution 640x360 --preset ultrafast --json > /dev/null
done
o=$(ls -d "$work"/old/*/) n=$(ls -d "$work"/new/*/)
for f in timing_manifest.json script.json metadata.json captions.srt captions.vtt thumbnail.png video.mp4; do
  if cmp -s "$o/$f" "$n/$f"; then echo "same bytes:   $f"; else echo "differs:      $f"; fi
done
stream() { ffmpeg -v error -i "$1/video.mp4" -map "$2" -c copy -f "$3" - | md5sum | cut -c1-32; }
[ "$(stream "$o" 0:v h264)" = "$(stream "$n" 0:v h264)" ] && echo "same bytes:   H.264 stream" || echo "differs:      H.264 stream"
[ "$(stream "$o" 0:a adts)" = "$(stream "$n" 0:a adts)" ] && echo "same bytes:   AAC stream" || echo "differs:      AAC stream"
frames() { ffmpeg -v error -i "$1/video.mp4" -map 0:v -f framemd5 - | grep -v '^#' | awk -F, '{print $6}'; }
paste <(frames "$o") <(frames "$n") | awk '{n++; if ($1 != $2) d++} END {printf "decoded frames: %d, differing: %d\n", n, d}'
[ "$(ffmpeg -v error -i "$o/video.mp4" -map 0:a -f md5 -)" = "$(ffmpeg -v error -i "$n/video.mp4" -map 0:a -f md5 -)" ] \
  && echo "same samples: decoded audio" || echo "differs:      decoded audio"

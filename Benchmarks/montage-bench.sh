#!/usr/bin/env bash
# Montage benchmark (a figure, not a test): a 30 s 1080p montage from 20 photos and 5 clips.
# Generates its inputs (ffmpeg CLI: 3000x2000 JPEG photos, 1080p30 H.264 clips with sound, a
# 120 BPM drum-like beat track), renders with the release build and prints wall time and peak
# memory from /usr/bin/time. Target: <= 10 s wall on 2 cores, <= 400 MB.
#   Benchmarks/montage-bench.sh [WORKDIR]   (extra vgen options via VGEN_ARGS="--style cinematic")
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/vgen-montage-bench}"
mkdir -p "$work/media"
photos=20 clips=5

if [ ! -f "$work/song.wav" ]; then
  echo "generating inputs in $work"
  for i in $(seq 1 $photos); do
    # Each photo a different detailed pattern (mandelbrot / test card at different times and hues).
    if (( i % 2 )); then src="mandelbrot=size=3000x2000:start_scale=$(echo "3/$i" | bc -l)"; else src="testsrc2=size=3000x2000"; fi
    ffmpeg -v error -y -f lavfi -i "$src" -frames:v 1 -vf "hue=h=$((i * 17))" -q:v 3 "$work/media/photo$(printf %02d "$i").jpg"
  done
  for i in $(seq 1 $clips); do
    ffmpeg -v error -y -f lavfi -i "testsrc2=size=1920x1080:rate=30" -f lavfi -i "sine=frequency=$((300 + 100 * i)):sample_rate=48000" \
      -t 6 -vf "hue=h=$((i * 60)),rotate=0.1*t" -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -shortest \
      "$work/media/clip$i.mp4"
  done
  # 120 BPM: a kick on every beat (decaying 60 Hz), a click on every beat, an accent on bar starts.
  ffmpeg -v error -y -f lavfi -i "aevalsrc='0.8*sin(2*PI*60*t)*exp(-30*mod(t,0.5))+0.4*sin(2*PI*1500*t)*exp(-80*mod(t,0.5))+0.3*sin(2*PI*2400*t)*exp(-80*mod(t,2))':s=44100:d=30" \
    "$work/song.wav"
fi

swift build -c release --product vgen >/dev/null
rm -rf "$work/out"
vgen="$PWD/.build/release/vgen"
# Run from the work folder: the default output folder is then $work/out after the move below.
(cd "$work" && /usr/bin/time -f '%e %M' -o "$work/time.txt" \
  "$vgen" montage --music "$work/song.wav" "$work/media" --duration 30 --output-dir "$work/out" ${VGEN_ARGS:-} >/dev/null)
read -r wall peak_kb < "$work/time.txt"
echo "montage 30 s 1080p30, $photos photos + $clips clips: wall ${wall} s, peak memory $((peak_kb / 1024)) MB"
ls -l "$work/out"/*/

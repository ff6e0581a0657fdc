#!/usr/bin/env bash
# Montage benchmark (a figure, not a test): a 30 s 1080p montage from 20 photos and 5 clips.
# Generates its inputs (ffmpeg CLI: 3000x2000 photo-like JPEGs, 1080p30 H.264 camera-like clips with sound, a
# 120 BPM drum-like beat track), renders with the release build and prints wall time and peak
# memory from /usr/bin/time (and user CPU time: the machine may be shared, which stretches the wall
# time but not the CPU time), then times a peer in the same run (see the end). Target: <= 10 s wall
# on 2 cores, <= 400 MB. NO_PEER=1 skips the peer. RUNS=N repeats vgen and the peer N times,
# alternating, and ends with the medians (this host's speed drifts; one run says little).
# VGEN=PATH runs that binary instead of building the release one (say, a copy of an older build).
#   Benchmarks/montage-bench.sh [WORKDIR]   (extra vgen options via VGEN_ARGS="--style cinematic")
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-/tmp/vgen-montage-bench}"
mkdir -p "$work/media"
photos=20 clips=5

if [ ! -f "$work/song.wav" ]; then
  echo "generating inputs in $work"
  for i in $(seq 1 $photos); do
    # Photo-like stills: a smooth sky gradient, a few solid shapes (positions vary per photo),
    # blurred grain as fine texture and mild sensor noise. (The earlier mandelbrot/test-card
    # patterns were far more detailed than real photos and made x264 alone take ~15 s.)
    a=$(( (i * 37) % 400 )) b=$(( (i * 53) % 500 ))
    ffmpeg -v error -y -f lavfi -i "gradients=size=3000x2000:c0=0x3a6ea5:c1=0xf4d6a0:x0=0:y0=0:x1=$((200 + a)):y1=2000:nb_colors=2:seed=$i,format=yuv420p" -frames:v 1 \
      -vf "drawbox=x=$((100 + a)):y=$((1000 + b / 2)):w=700:h=1000:color=0x6b4f3a:t=fill,drawbox=x=$((1100 + b)):y=$((700 + a)):w=500:h=1300:color=0x8c8c7a:t=fill,drawbox=x=$((1900 + a)):y=1300:w=900:h=700:color=0x2f5d3a:t=fill,hue=h=$((i * 17)),noise=alls=24:allf=0,gblur=sigma=2,noise=alls=4" \
      -q:v 3 "$work/media/photo$(printf %02d "$i").jpg"
  done
  for i in $(seq 1 $clips); do
    # Camera-like clips: a drifting gradient, two moving shapes, texture and temporal sensor noise.
    ffmpeg -v error -y -f lavfi -i "gradients=size=1920x1080:rate=30:c0=0x3a6ea5:c1=0xf4d6a0:c2=0x6a8f5a:nb_colors=3:speed=0.02:seed=$i" \
      -f lavfi -i "sine=frequency=$((300 + 100 * i)):sample_rate=48000" -t 6 \
      -vf "format=yuv420p,drawbox=x='mod(200+t*150\,1600)':y=500:w=300:h=500:color=0x6b4f3a:t=fill,drawbox=x='1400-t*80':y=300:w=400:h=780:color=0x8c8c7a:t=fill,hue=h=$((i * 60)),noise=alls=16:allf=0,gblur=sigma=1.5,noise=alls=3:allf=t" \
      -c:v libx264 -preset veryfast -pix_fmt yuv420p -c:a aac -shortest "$work/media/clip$i.mp4"
  done
  # 120 BPM: a kick on every beat (decaying 60 Hz), a click on every beat, an accent on bar starts.
  ffmpeg -v error -y -f lavfi -i "aevalsrc='0.8*sin(2*PI*60*t)*exp(-30*mod(t,0.5))+0.4*sin(2*PI*1500*t)*exp(-80*mod(t,0.5))+0.3*sin(2*PI*2400*t)*exp(-80*mod(t,2))':s=44100:d=30" \
    "$work/song.wav"
fi

if [ -n "${VGEN:-}" ]; then
  vgen="$VGEN"  # another build (an older commit's binary kept for a before/after comparison)
else
  scripts/build-cli.sh >/dev/null
  vgen="$PWD/.build/release/vgen"
fi
runs="${RUNS:-1}"
: > "$work/runs.txt"
for run in $(seq 1 "$runs"); do
  rm -rf "$work/out"
  # Run from the work folder: the default output folder is then $work/out after the move below.
  (cd "$work" && /usr/bin/time -f '%e %U %M' -o "$work/time.txt" \
    "$vgen" montage --music "$work/song.wav" "$work/media" --duration 30 --output-dir "$work/out" ${VGEN_ARGS:-} >/dev/null)
  read -r wall user peak_kb < "$work/time.txt"
  echo "montage 30 s 1080p30, $photos photos + $clips clips: wall ${wall} s, user CPU ${user} s, peak memory $((peak_kb / 1024)) MB"
  [ "$run" = 1 ] && ls -l "$work/out"/*/

  # A peer in the same run, because this machine's speed drifts by 15 % or more between runs:
  # the ffmpeg CLI encoding the montage's own 900 decoded frames with x264 (the same preset and
  # CRF, both cores), which is most of what vgen has to do besides decoding and drawing.
  peer_wall=0
  if [ -z "${NO_PEER:-}" ]; then
    ffmpeg -v error -y -i "$work/out"/*/video.mp4 -f rawvideo -pix_fmt yuv420p "$work/frames.yuv"
    /usr/bin/time -f '%e %U' -o "$work/peer.txt" ffmpeg -v error -y -f rawvideo -pix_fmt yuv420p -s 1920x1080 -r 30 \
      -i "$work/frames.yuv" -c:v libx264 -preset ultrafast -crf 23 -threads 2 -f null -
    rm -f "$work/frames.yuv"
    read -r peer_wall peer_user < "$work/peer.txt"
    echo "peer, ffmpeg x264 encoding the same frames: wall ${peer_wall} s, user CPU ${peer_user} s;" \
      "ratio vgen / peer: $(awk "BEGIN { printf \"%.2f\", $wall / $peer_wall }")"
  fi
  echo "$wall $peer_wall $((peak_kb / 1024))" >> "$work/runs.txt"
done
if [ "$runs" -gt 1 ]; then
  # Median, range and count of a column of numbers.
  summary() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "median %.2f (%.2f–%.2f)", m, v[1], v[NR] }'; }
  echo "$runs runs: wall $(awk '{ print $1 }' "$work/runs.txt" | summary) s," \
    "$(awk '$1 <= 10' "$work/runs.txt" | wc -l) at or under 10 s;" \
    "peak memory up to $(awk '$3 > m { m = $3 } END { print m }' "$work/runs.txt") MB"
  if [ -z "${NO_PEER:-}" ]; then
    echo "vgen / peer: $(awk '{ print $1 / $2 }' "$work/runs.txt" | summary)"
  fi
fi

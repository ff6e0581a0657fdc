#!/usr/bin/env bash
# Checks `vgen edit`'s OpenTimelineIO export with the opentimelineio Python package (PyPI):
# makes a talk (two 3 s stretches of syllable-like tone bursts with a 2.5 s pause between them,
# over a colour picture, muxed by the ffmpeg CLI as a test tool), edits it with vgen (pocketsphinx
# listens to it), opens talk.otio with
# opentimelineio and compares every track's clips with edit.json's kept ranges, frame for frame.
# opentimelineio comes from .venv-test/, which `scripts/install-deps.sh --test` makes (`make test`
# runs this script after the test suite).
# Usage: scripts/check-otio.sh [path/to/vgen]
set -euo pipefail
vgen="${1:-.build/debug/vgen}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
otio_python="$(pwd)/.venv-test/bin/python"
"$otio_python" -c "import opentimelineio" 2>/dev/null || {
  echo "check-otio: opentimelineio is missing: run scripts/install-deps.sh --test" >&2
  exit 1
}
python3 - "$work" <<'PY'
import math, struct, sys, wave
work, rate = sys.argv[1], 16000
def bursts(seconds):
    # 4 syllables a second: a 180 Hz voice with harmonics under a raised-cosine envelope.
    return [0.3 * (0.5 - 0.5 * math.cos(2 * math.pi * 4 * n / rate))
            * sum(math.sin(2 * math.pi * 180 * h * n / rate) / h for h in range(1, 6))
            for n in range(int(seconds * rate))]
samples = [0.0] * 4800 + bursts(3) + [0.0] * int(2.5 * rate) + bursts(3) + [0.0] * 4800
out = wave.open(f"{work}/talk.wav", "wb")
out.setnchannels(1); out.setsampwidth(2); out.setframerate(rate)
out.writeframes(b"".join(struct.pack("<h", int(max(-1, min(1, x)) * 32767)) for x in samples))
out.close()
PY
ffmpeg -loglevel error -f lavfi -i color=c=gray:s=320x180:r=30:d=9.1 -i "$work/talk.wav" \
  -c:v libx264 -pix_fmt yuv420p -c:a aac "$work/talk.mp4"
"$vgen" edit "$work/talk.mp4" --output-dir "$work/out" --preset ultrafast >/dev/null
"$otio_python" - "$work/out/talk" <<'PY'
import json, sys
import opentimelineio as otio
folder = sys.argv[1]
edit = json.load(open(f"{folder}/edit.json"))
fps = edit["fps"]
kept = [(round(r["start"] * fps), round(r["end"] * fps)) for r in edit["kept"]]
timeline = otio.adapters.read_from_file(f"{folder}/talk.otio")
assert [t.kind for t in timeline.tracks] == ["Video", "Audio"], [t.kind for t in timeline.tracks]
for track in timeline.tracks:
    clips = [(round(c.source_range.start_time.value), round(c.source_range.end_time_exclusive().value))
             for c in track.find_clips()]
    assert clips == kept, (track.kind, clips, kept)
    assert all(c.source_range.start_time.rate == fps for c in track.find_clips())
    assert all(c.media_reference.target_url.endswith("talk.mp4") for c in track.find_clips())
duration = timeline.duration().to_seconds()
expected = sum(e - s for s, e in kept) / fps
assert abs(duration - expected) < 1e-9, (duration, expected)
print(f"otio ok: {len(kept)} clips a track, {duration:.3f} s, removed {[r['reason'] for r in edit['removed']]}")
PY

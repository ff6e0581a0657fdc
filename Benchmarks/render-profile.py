#!/usr/bin/env python3
"""Prints the figures of a render-profile.json (Docs/RenderProfile.md): where the video
stage's time went, how much of it overlapped, and the share of the frames that change.
Usage: Benchmarks/render-profile.py TASK_FOLDER/render-profile.json"""
import json
import sys

profile = json.load(open(sys.argv[1]))
summary = profile["summary"]
wall, cpu, cores = profile["wall_seconds"], profile["cpu_seconds"], profile["cores"]
frames = profile["frames"]
print(f"video stage: {wall:.2f} s wall, {cpu:.2f} s CPU (process), {cores} cores, jobs {profile['jobs']}")
print(f"  cores busy {summary['cores_busy']:.2f} of {cores} (utilisation {100 * summary['utilisation']:.0f} %);"
      f" two or more pieces at once {summary['concurrent_seconds']:.2f} s = {100 * summary['overlap_share']:.0f} %"
      f" of the wall, one alone {summary['alone_seconds']:.2f} s, none {summary['idle_seconds']:.2f} s")
print(f"  frames {frames['transition'] + frames['moving'] + frames['held'] + frames['cached']}:"
      f" transition {frames['transition']}, moving {frames['moving']}, held {frames['held']},"
      f" cached {frames['cached']}; x264 {frames['encoded']}, skip {frames['skipped']}")
for c in summary["classes"]:
    print(f"  {c['frames']:<10} {c['frame_count']:6d} frames  {c['cpu_seconds']:7.3f} s CPU"
          f"  {100 * c['share']:5.1f} % of frame work")
print(f"  changed frames (transition + moving): {100 * summary['changed_share']:.1f} % of the frame work's CPU")
pieces = {}
for p in profile["pieces"]:
    seconds, cpu_seconds = pieces.get(p["piece"], (0.0, 0.0))
    pieces[p["piece"]] = (seconds + p["seconds"], cpu_seconds + p["cpu_seconds"])
for s in profile["spans"]:
    seconds, cpu_seconds = pieces.get(s["piece"], (0.0, 0.0))
    pieces[s["piece"]] = (seconds + s["end"] - s["start"], cpu_seconds + s["cpu_seconds"])
order = ["plan", "draw", "blend", "convert", "encode", "skips", "audio", "join"]
print("  CPU s by piece: " + ", ".join(f"{name} {pieces[name][1]:.3f}" for name in order if name in pieces))
by_kind = {}
for segment in profile["segments"]:
    count, cpu_seconds = by_kind.get(segment["kind"], (0, 0.0))
    by_kind[segment["kind"]] = (count + 1, cpu_seconds + segment["cpu_seconds"])
print("  segments: " + ", ".join(f"{kind} {n} ({c:.3f} s CPU)" for kind, (n, c) in sorted(by_kind.items())))
spans = {s["piece"]: s for s in profile["spans"]}
if "audio" in spans and profile["segments"]:
    audio = spans["audio"]
    last = max(s["end"] for s in profile["segments"])
    first = min(s["start"] for s in profile["segments"])
    print(f"  audio {audio['start']:.2f}–{audio['end']:.2f} s beside the segments {first:.2f}–{last:.2f} s;"
          f" join {spans['join']['start']:.2f}–{spans['join']['end']:.2f} s" if "join" in spans else "")

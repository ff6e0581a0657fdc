#!/usr/bin/env python3
"""Replays a render-profile.json's segments (their measured CPU times) on the stage's job
slots in two orders, the segment cost vgen uses (frames) and one counting x264 frames and
pictures drawn, and prints when each order would finish: how long the last segment runs
alone. Usage: Benchmarks/segment-order.py TASK_FOLDER/render-profile.json"""
import json, sys, heapq
p = json.load(open(sys.argv[1]))
segs = p['segments']
def total_frames(s): return s['frames']['transition'] + s['frames']['moving'] + s['frames']['held']
def old(s): return 1 if s['kind'] == 'still' else total_frames(s)
def new(s):
    if s['kind'] == 'still': return 2
    if s['kind'] == 'transition': return total_frames(s) + 2
    pictures = [x for x in s['pieces'] if x['piece'] == 'draw']
    draws = sum(x['calls'] for x in pictures)
    return draws + s['frames']['encoded']
def makespan(order, jobs):
    slots = [0.0] * jobs
    for s in order:
        t = heapq.heappop(slots); heapq.heappush(slots, t + s['cpu_seconds'])
    return max(slots), sum(x['cpu_seconds'] for x in order)
for name, key in [('old', old), ('new', new)]:
    order = sorted(segs, key=lambda s: -key(s))
    span, work = makespan(order, p['jobs'])
    print(f"{name}: segments on {p['jobs']} slots end at {span:.3f} s of CPU time; perfect split {work / p['jobs']:.3f} s; tail {span - work / p['jobs']:.3f} s")

"""Runs `vgen beats` (and librosa's beat_track, when importable) over NAME.wav|flac + NAME.beats
pairs and prints F-measure (+-70 ms), CMLt, AMLt, tempo and time per file, per genre and on average.

usage: evaluate.py DIR --vgen PATH [--no-librosa] [--verify-mir-eval] [--half tune|check] [--runs N]

--half picks a fixed half of the files, so tuning and checking stay apart: with the pairs sorted
by name, "tune" is the 1st, 3rd, 5th ... file and "check" the 2nd, 4th, 6th ... (on the 49 GTZAN
excerpts 25 and 24 files). --runs 0 runs `vgen beats` once without timing (fast, for a debug build).
"""
import argparse
import json
import os
import subprocess
import sys
import time
from collections import defaultdict

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import metrics  # noqa: E402


def load_pairs(folder):
    pairs = []
    for name in sorted(os.listdir(folder)):
        stem, ext = os.path.splitext(name)
        if ext.lower() in (".wav", ".flac", ".mp3", ".m4a", ".ogg", ".opus") and os.path.exists(os.path.join(folder, stem + ".beats")):
            pairs.append((stem, os.path.join(folder, name), os.path.join(folder, stem + ".beats")))
    return pairs


def load_reference(path):
    rows = [line.split() for line in open(path) if line.strip()]
    beats = np.array([float(r[0]) for r in rows])
    downbeats = np.array([float(r[0]) for r in rows if len(r) > 1 and float(r[1]) == 1])
    return beats, downbeats


def half_of(pairs, half):
    """The fixed half of the name-sorted pairs: "tune" takes even indices, "check" odd ones."""
    if half == "all":
        return pairs
    return [p for i, p in enumerate(pairs) if (i % 2 == 0) == (half == "tune")]


def genre_of(stem):
    parts = stem.split("_")
    return parts[1] if len(parts) >= 3 else "all"


# Warm runs per file for each tracker; the median and the fastest are reported (the machine is
# noisy: times of the same call often fall into two groups ~25 % apart).
RUNS = 5


def run_vgen(vgen, path):
    started = time.perf_counter()
    timing = ["--timing", "--timing-runs", str(RUNS)] if RUNS > 0 else []
    out = subprocess.run([vgen, "beats", path, "--json"] + timing, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if out.returncode != 0:
        raise SystemExit(f"vgen failed on {path}: {out.stderr.strip()}")
    cold = warm = best = wall
    for line in out.stderr.splitlines():
        if line.startswith("analysis_seconds"):
            fields = line.split()
            cold, warm = float(fields[2]), float(fields[4])
            best = float(fields[6]) if len(fields) > 6 else warm
    return json.loads(out.stdout), cold, warm, best, wall


def main():
    global RUNS
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--vgen", required=True)
    parser.add_argument("--no-librosa", action="store_true")
    parser.add_argument("--verify-mir-eval", action="store_true")
    parser.add_argument("--half", choices=("all", "tune", "check"), default="all")
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    RUNS = args.runs

    pairs = half_of(load_pairs(args.folder), args.half)
    if not pairs:
        raise SystemExit(f"no NAME.wav|flac + NAME.beats pairs in {args.folder}")

    librosa = None
    if not args.no_librosa:
        try:
            import librosa  # noqa: F401
        except ImportError:
            print("librosa not importable: skipping the comparison", file=sys.stderr)
    if librosa is not None:  # warm numba's JIT outside the timings
        y, sr = librosa.load(pairs[0][1], sr=22050)
        librosa.beat.beat_track(y=y, sr=sr)

    rows = []
    print(f"{'file':28} {'F':>6} {'CMLt':>6} {'AMLt':>6} {'downF':>6} {'bpm':>7} {'ms':>6} {'cold':>6}"
          + (f" | {'lrF':>6} {'lrAMLt':>6} {'lrBpm':>7} {'lr ms':>6} {'dec ms':>6}" if librosa else ""))
    for stem, audio, annotation in pairs:
        reference, ref_down = load_reference(annotation)
        profile, cold, inside, best, wall = run_vgen(args.vgen, audio)
        est = np.array(profile["beats"], float)
        m = metrics.evaluate(reference, est)
        down_f = metrics.f_measure(ref_down, np.array(profile["downbeats"], float)) if ref_down.size else float("nan")
        row = {"stem": stem, "genre": genre_of(stem), **m, "downF": down_f, "bpm": profile["tempo_bpm"],
               "time": inside, "best": best, "cold": cold, "wall": wall}
        line = (f"{stem:28} {m['F']:6.3f} {m['CMLt']:6.3f} {m['AMLt']:6.3f} {down_f:6.3f} "
                f"{profile['tempo_bpm']:7.2f} {inside * 1000:6.1f} {cold * 1000:6.1f}")
        if args.verify_mir_eval:
            import mir_eval
            ref_f = mir_eval.beat.f_measure(reference, est)
            _, ref_cmlt, _, ref_amlt = mir_eval.beat.continuity(reference, est)
            for key, ours, theirs in (("F", m["F"], ref_f), ("CMLt", m["CMLt"], ref_cmlt), ("AMLt", m["AMLt"], ref_amlt)):
                if abs(ours - theirs) > 1e-9:
                    raise SystemExit(f"metric mismatch on {stem}: {key} ours {ours} mir_eval {theirs}")
        if librosa is not None:
            t0 = time.perf_counter()
            y, sr = librosa.load(audio, sr=22050)
            t1 = time.perf_counter()
            times = []
            for _ in range(max(1, RUNS)):
                started = time.perf_counter()
                tempo, frames = librosa.beat.beat_track(y=y, sr=sr, units="time")
                times.append(time.perf_counter() - started)
            t2 = t1 + sorted(times)[len(times) // 2]
            lr_best = min(times)
            lm = metrics.evaluate(reference, np.asarray(frames, float))
            row.update({"lrF": lm["F"], "lrCMLt": lm["CMLt"], "lrAMLt": lm["AMLt"], "lrTime": t2 - t1, "lrBest": lr_best, "lrDecode": t1 - t0})
            line += (f" | {lm['F']:6.3f} {lm['AMLt']:6.3f} {float(np.atleast_1d(tempo)[0]):7.2f} "
                     f"{(t2 - t1) * 1000:6.1f} {(t1 - t0) * 1000:6.1f}")
        print(line, flush=True)
        rows.append(row)

    def mean(key, subset):
        return float(np.mean([r[key] for r in subset]))

    print()
    by_genre = defaultdict(list)
    for r in rows:
        by_genre[r["genre"]].append(r)
    header = f"{'genre':12} {'n':>3} {'F':>6} {'CMLt':>6} {'AMLt':>6}" + (f" | {'lrF':>6} {'lrAMLt':>6}" if librosa else "")
    print(header)
    for genre in sorted(by_genre) + ["ALL"]:
        subset = rows if genre == "ALL" else by_genre[genre]
        line = f"{genre:12} {len(subset):3d} {mean('F', subset):6.3f} {mean('CMLt', subset):6.3f} {mean('AMLt', subset):6.3f}"
        if librosa:
            line += f" | {mean('lrF', subset):6.3f} {mean('lrAMLt', subset):6.3f}"
        print(line)
    down = [r["downF"] for r in rows if not np.isnan(r["downF"])]
    print(f"\nvgen: mean F {mean('F', rows):.3f}  CMLt {mean('CMLt', rows):.3f}  AMLt {mean('AMLt', rows):.3f}  "
          f"downbeat F {np.mean(down) if down else float('nan'):.3f}")
    print(f"vgen time per file (decode + analysis, in-process): {mean('time', rows) * 1000:.1f} ms warm "
          f"(median of {RUNS}; fastest {mean('best', rows) * 1000:.1f} ms), "
          f"{mean('cold', rows) * 1000:.1f} ms cold (first call in the process); "
          f"{mean('wall', rows) * 1000:.1f} ms wall per `vgen beats` process ({1 + RUNS} analyses)")
    if librosa:
        lr = mean("lrTime", rows)
        print(f"librosa: mean F {mean('lrF', rows):.3f}  CMLt {mean('lrCMLt', rows):.3f}  AMLt {mean('lrAMLt', rows):.3f}")
        print(f"librosa time per file: beat_track {lr * 1000:.1f} ms warm (median of {RUNS}; fastest "
              f"{mean('lrBest', rows) * 1000:.1f} ms; decode excluded), load {mean('lrDecode', rows) * 1000:.1f} ms")
        print(f"speed ratio, librosa warm beat_track (decode excluded) / vgen warm (decode included): "
              f"{lr / mean('time', rows):.1f}x (medians), {mean('lrBest', rows) / mean('best', rows):.1f}x (fastest runs); "
              f"vs vgen cold: {lr / mean('cold', rows):.1f}x")
    if args.verify_mir_eval:
        print("metrics verified against mir_eval on every file")


if __name__ == "__main__":
    main()

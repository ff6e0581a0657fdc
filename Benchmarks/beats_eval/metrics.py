"""Beat-tracking metrics with mir_eval's definitions (mir_eval 0.8, `mir_eval.beat`), in our own code.

f_measure: events matched one-to-one within +-70 ms (maximum bipartite matching), untrimmed.
continuity: CMLc, CMLt, AMLc, AMLt (Hainsworth / Klapuri), phase and period thresholds 0.175,
with AML comparing against the off-beat, double and both half-tempo variations of the reference.
"""
import numpy as np


def _max_matching(pairs):
    """Maximum cardinality matching of (ref, est) pairs: list of matched pairs."""
    graph = {}
    for r, e in pairs:
        graph.setdefault(e, []).append(r)
    match_ref = {}

    def augment(e, seen):
        for r in graph[e]:
            if r in seen:
                continue
            seen.add(r)
            if r not in match_ref or augment(match_ref[r], seen):
                match_ref[r] = e
                return True
        return False

    for e in sorted(graph):
        augment(e, set())
    return sorted((r, e) for r, e in match_ref.items())


def f_measure(reference, estimated, window=0.07):
    reference = np.asarray(reference, float)
    estimated = np.asarray(estimated, float)
    if reference.size == 0 or estimated.size == 0:
        return 0.0
    # Written as mir_eval's window test (ref within [est - window, est + window]) so that
    # floating-point rounding at exactly 70 ms decides the same way.
    pairs = [(i, j) for i in range(reference.size) for j in
             np.flatnonzero((reference[i] >= estimated - window) & (reference[i] <= estimated + window))]
    matched = len(_max_matching(pairs))
    precision = matched / estimated.size
    recall = matched / reference.size
    if precision == 0 and recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def _variations(reference):
    idx = np.arange(0, reference.shape[0] - 0.5, 0.5)
    double = np.interp(idx, np.arange(reference.shape[0]), reference)
    return reference, double[1::2], double, reference[::2], reference[1::2]


def continuity(reference, estimated, phase_threshold=0.175, period_threshold=0.175):
    """(CMLc, CMLt, AMLc, AMLt)."""
    reference = np.asarray(reference, float)
    estimated = np.asarray(estimated, float)
    if reference.size <= 1 or estimated.size <= 1:
        return 0.0, 0.0, 0.0, 0.0
    continuous, total = [], []
    for ref in _variations(reference):
        n = max(ref.shape[0], estimated.shape[0])
        used = np.zeros(n)
        success = np.zeros(n)
        for m in range(estimated.shape[0]):
            ok = 0
            diffs = np.abs(estimated[m] - ref)
            nearest = int(np.argmin(diffs))
            dmin = diffs[nearest]
            if used[nearest] == 0:
                if m == 0 or nearest == 0:
                    if nearest + 1 < ref.shape[0]:
                        ref_int = ref[nearest + 1] - ref[nearest]
                    else:
                        ref_int = ref[nearest] - ref[nearest - 1]
                    if ref_int == 0:
                        phase = 1 if dmin == 0 else np.inf
                    else:
                        phase = abs(dmin / ref_int)
                    if m + 1 < estimated.shape[0]:
                        est_int = estimated[m + 1] - estimated[m]
                    else:
                        est_int = estimated[m] - estimated[m - 1]
                    if ref_int == 0:
                        period = 0 if est_int == 0 else np.inf
                    else:
                        period = abs(1 - est_int / ref_int)
                else:
                    ref_int = ref[nearest] - ref[nearest - 1]
                    phase = abs(dmin / ref_int)
                    est_int = estimated[m] - estimated[m - 1]
                    period = abs(1 - est_int / ref_int)
                if phase < phase_threshold and period < period_threshold:
                    used[nearest] = 1
                    ok = 1
            success[m] = ok
        padded = np.concatenate(([0], success, [0]))
        failures = np.flatnonzero(padded == 0)
        longest = np.max(np.diff(failures)) - 1
        continuous.append(longest / success.shape[0])
        total.append(np.sum(success) / success.shape[0])
    return continuous[0], total[0], max(continuous), max(total)


def evaluate(reference, estimated):
    cmlc, cmlt, amlc, amlt = continuity(reference, estimated)
    return {"F": f_measure(reference, estimated), "CMLt": cmlt, "AMLt": amlt}

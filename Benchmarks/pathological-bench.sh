#!/usr/bin/env bash
# Issue 19's resource bound: a pathological document (36 KB of words heavy with combining
# marks, right-to-left text, direction overrides and emoji ZWJ sequences, generated from a
# fixed seed) against an ordinary document with the same paragraphs, so the same scenes.
# Both render with the same settings; prints each one's wall time and peak memory (GNU time's
# %e and %M), the ratio and the targets: at most 3x the ordinary document's time, under 400 MB.
# Prints the figures and whether the targets are met; never fails on them.
# Usage: Benchmarks/pathological-bench.sh [extra vgen options]   (VGEN=path picks the binary)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d /tmp/vgen-pathological-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
if [ -z "${VGEN:-}" ]; then
    scripts/build-cli.sh >/dev/null 2>&1
    VGEN=.build/release/vgen
fi

python3 - "$work" <<'PY'
import random, sys
work = sys.argv[1]
def document(pathological, size=36_000):
    r = random.Random(19)
    marks = [chr(c) for c in range(0x300, 0x36F)]
    letters = "abcdefשלוםעבריתسلاممرحبا"
    separators = [" ", " ", " 👩‍👩‍👧‍👦 ", " \u202E", " \u200F", " 🏳️‍🌈 "]
    ordinary = ["the", "render", "pipeline", "draws", "each", "scene", "with", "text", "and", "sound"]
    text = "# Ṱ̺̺o͞ unicode עברית مرحبا 👩‍👩‍👧‍👦\n\n" if pathological else "# An ordinary document\n\n"
    words = 0
    # Both documents draw the same random numbers, so their paragraphs break at the same words.
    while len(text.encode()) < size:
        word = ""
        for _ in range(r.randint(2, 6)):
            word += r.choice(letters) + "".join(r.choice(marks) for _ in range(r.randint(0, 8)))
        separator = r.choice(separators)
        text += (word + separator) if pathological else (r.choice(ordinary) + " ")
        words += 1
        # A paragraph of 60 words under a heading of its own in both documents, so both split
        # into the same scenes (a section whose narration runs long is split, and the
        # pathological words are longer).
        if words % 60 == 0:
            text += f"\n\n## Part {words // 60}\n\n"
        if not pathological and words >= target_words:
            break
    return text, words
target_words = 10**9
patho, count = document(True)
target_words = count
normal, _ = document(False)
open(f"{work}/pathological.md", "w").write(patho)
open(f"{work}/normal.md", "w").write(normal)
PY

render() {
    /usr/bin/time -f '%e %M' -o "$work/$1.time" "$VGEN" --document "$work/$1.md" --output-dir "$work/out" \
        --video-id "$1" "${@:2}" >/dev/null 2>"$work/$1.log" || { cat "$work/$1.log" >&2; exit 1; }
    cat "$work/$1.time"
}
normal=$(render normal "$@")
patho=$(render pathological "$@")
scenes() { grep -c '"scene_type"' "$work/out/$1/script.json"; }
python3 - "$normal" "$patho" "$(scenes normal)" "$(scenes pathological)" <<'PY'
import sys
(nt, nm), (pt, pm) = (map(float, a.split()) for a in sys.argv[1:3])
ns, ps = sys.argv[3:5]
print(f"ordinary document:     {nt:7.2f} s  {nm / 1024:6.0f} MB peak  ({ns} scenes)")
print(f"pathological document: {pt:7.2f} s  {pm / 1024:6.0f} MB peak  ({ps} scenes)")
print(f"time ratio: {pt / nt:.2f}x (target <= 3x); peak memory {pm / 1024:.0f} MB (target < 400 MB)")
met = pt <= 3 * nt and pm < 400 * 1024 and ns == ps
print("targets met" if met else "TARGETS MISSED")
PY

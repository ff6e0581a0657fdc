"""The peers' shared first half: a Markdown document into slides, and each slide's narration
spoken by espeak-ng into a WAV before any frame is drawn (audio first, as vgen does).

A slide is a heading and the items under it (list items, paragraphs, code lines), at most
MAX_ITEMS items a slide (a longer section continues on a second slide with the same heading).
Each item appears (a "reveal") when the narration reaches its first word: the time is the
item's share of the slide's words, scaled to the WAV's measured length.
"""

import json
import os
import re
import subprocess
import sys
import wave

WIDTH, HEIGHT, FPS = 1920, 1080, 30
MAX_ITEMS = 7
PAUSE = 0.4  # seconds of silence after each slide's narration
VOICE = "en-us"


def _plain(text):
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # inline links
    text = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)  # reference links
    text = re.sub(r"<[^>]+>", "", text)  # HTML
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    return " ".join(text.split())


def parse(markdown):
    """Returns [(title, [(kind, text)])] with kind "text" or "code"."""
    sections, title, items, para, code = [], None, [], [], None
    def flush_para():
        if para:
            items.append(("text", _plain(" ".join(para))))
            para.clear()
    for line in markdown.splitlines():
        if code is not None:
            if line.startswith("```"):
                items.append(("code", "\n".join(code)))
                code = None
            else:
                code.append(line.rstrip())
            continue
        if line.startswith("```"):
            flush_para()
            code = []
        elif re.match(r"^#{1,6} ", line):
            flush_para()
            if title is not None or items:
                sections.append((title or "", items))
            title, items = _plain(line.lstrip("#")), []
        elif re.match(r"^\s*([-*+]|\d+\.) ", line):
            flush_para()
            items.append(("text", _plain(re.sub(r"^\s*([-*+]|\d+\.) ", "", line))))
        elif re.match(r"^\[[^\]]+\]:", line) or not line.strip():
            flush_para()  # reference definitions and blank lines end a paragraph
        else:
            para.append(line.strip())
    flush_para()
    if title is not None or items:
        sections.append((title or "", items))
    slides = []
    for title, items in sections:
        items = [item for item in items if item[1]]
        chunks = [items[i:i + MAX_ITEMS] for i in range(0, len(items), MAX_ITEMS)] or [[]]
        slides.extend((title, chunk) for chunk in chunks)
    return slides


def _words(text):
    return len(text.split())


def narrate(slides, folder):
    """Speaks every slide with espeak-ng; returns a list of dicts with title, items, wav,
    duration and reveal times (seconds from the slide's start), and writes slides.json."""
    os.makedirs(folder, exist_ok=True)
    out = []
    for index, (title, items) in enumerate(slides):
        spoken = [title] + [text for kind, text in items if kind == "text"]
        script = ". ".join(s.rstrip(".") for s in spoken if s) + "."
        wav = os.path.join(folder, f"slide-{index:03d}.wav")
        subprocess.run(["espeak-ng", "-v", VOICE, "-w", wav, script], check=True)
        with wave.open(wav) as w:
            speech = w.getnframes() / w.getframerate()
        total_words = max(sum(_words(s) for s in spoken if s), 1)
        reveals, said = [], _words(title)
        for kind, text in items:
            reveals.append(speech * said / total_words)
            if kind == "text":
                said += _words(text)
        out.append({"title": title, "items": items, "wav": wav, "duration": speech + PAUSE,
                    "reveals": reveals})
    with open(os.path.join(folder, "slides.json"), "w") as f:
        json.dump(out, f, indent=1)
    return out


if __name__ == "__main__":
    document, folder = sys.argv[1], sys.argv[2]
    with open(document) as f:
        slides = narrate(parse(f.read()), folder)
    print(f"{len(slides)} slides, {sum(s['duration'] for s in slides):.1f} s")

"""The Manim Community peer: DOCUMENT into OUTPUT.mp4 at 1080p30, x264 veryfast (CRF 23).

Audio first (slides.py: espeak-ng, one WAV a slide), then one Scene: each slide's title and
items (Pango text; code in a monospaced panel), each item fading in when the narration
reaches it, the slide held for its narration and faded out.
Usage: python manim_peer.py DOCUMENT OUTPUT.mp4 WORKDIR
"""

import glob
import os
import shutil
import sys
import textwrap

from manim import (DOWN, LEFT, UL, UP, FadeIn, FadeOut, RoundedRectangle, Scene, Text, VGroup,
                   config, tempconfig)

import slides

FADE = 0.3
FRAME = 1 / slides.FPS


def item_mobject(kind, text):
    if kind == "code":
        lines = [line[:90] for line in text.splitlines()[:12]]
        body = Text("\n".join(lines) or " ", font="DejaVu Sans Mono", font_size=20, color="#e6e6e6")
        panel = RoundedRectangle(corner_radius=0.15, width=body.width + 0.6, height=body.height + 0.4,
                                 fill_color="#282a36", fill_opacity=1, stroke_width=0)
        return VGroup(panel, body.move_to(panel))
    wrapped = "\n".join(textwrap.wrap(text, 70)[:4])
    return Text("• " + wrapped, font="DejaVu Sans", font_size=28, color="#282828")


class Narrated(Scene):
    narrated = []

    def wait_until(self, clock, target):
        if target - clock >= FRAME:
            self.wait(target - clock)
            return target
        return clock

    def construct(self):
        self.camera.background_color = "#fafaf7"
        for slide in self.narrated:
            self.add_sound(slide["wav"])
            title = Text(slide["title"] or " ", font="DejaVu Sans", weight="BOLD", font_size=48,
                         color="#141414").to_corner(UL, buff=0.6)
            self.add(title)
            items = VGroup(*[item_mobject(kind, text) for kind, text in slide["items"]])
            if len(items):
                items.arrange(DOWN, aligned_edge=LEFT, buff=0.3)
                available = config.frame_height - title.height - 1.8
                if items.height > available:
                    items.scale(available / items.height)
                items.next_to(title, DOWN, buff=0.5, aligned_edge=LEFT)
            clock = 0.0
            for item, reveal in zip(items, slide["reveals"]):
                clock = self.wait_until(clock, reveal)
                self.play(FadeIn(item, shift=UP * 0.2), run_time=FADE)
                clock += FADE
            clock = self.wait_until(clock, slide["duration"] - FADE)
            self.play(FadeOut(title, *items), run_time=FADE)


def main(document, output, workdir):
    with open(document) as f:
        Narrated.narrated = slides.narrate(slides.parse(f.read()), workdir)
    settings = {"pixel_width": slides.WIDTH, "pixel_height": slides.HEIGHT, "frame_rate": slides.FPS,
                "media_dir": os.path.join(workdir, "media"), "disable_caching": True, "verbosity": "WARNING",
                "progress_bar": "none", "video_encoder_options": {"preset": "veryfast", "crf": "23"}}
    with tempconfig(settings):
        Narrated().render()
    rendered = glob.glob(os.path.join(workdir, "media", "videos", "**", "Narrated.mp4"), recursive=True)
    shutil.copyfile(rendered[0], output)


if __name__ == "__main__":
    main(*sys.argv[1:4])

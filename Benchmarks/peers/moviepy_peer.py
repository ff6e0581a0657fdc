"""The MoviePy + Pillow peer: DOCUMENT into OUTPUT.mp4 at 1080p30, x264 veryfast, AAC.

Audio first (slides.py: espeak-ng, one WAV a slide), then each slide lasts its narration and
shows one Pillow picture per reveal state (an item appears when the narration reaches it).
Usage: python moviepy_peer.py DOCUMENT OUTPUT.mp4 WORKDIR
"""

import sys

import numpy as np
from moviepy import AudioFileClip, ImageClip, concatenate_videoclips

import slides
from draw import slide_image


def main(document, output, workdir):
    with open(document) as f:
        narrated = slides.narrate(slides.parse(f.read()), workdir)
    clips = []
    for slide in narrated:
        # Reveal times: the first item is on screen from its reveal; state k shows k items.
        starts = [0.0] + [max(t, 0.0) for t in slide["reveals"]]
        ends = starts[1:] + [slide["duration"]]
        states = []
        for shown, (start, end) in enumerate(zip(starts, ends)):
            if end - start <= 1e-3:
                continue
            picture = np.asarray(slide_image(slide["title"], slide["items"], shown))
            states.append(ImageClip(picture).with_duration(end - start))
        clip = concatenate_videoclips(states).with_audio(AudioFileClip(slide["wav"]))
        clips.append(clip)
    video = concatenate_videoclips(clips)
    video.write_videofile(output, fps=slides.FPS, codec="libx264", preset="veryfast", audio_codec="aac",
                          threads=2, logger=None)


if __name__ == "__main__":
    main(*sys.argv[1:4])

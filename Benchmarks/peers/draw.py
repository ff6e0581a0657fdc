"""Pillow drawing of one slide for the MoviePy peer: a title and the first `shown` items
(text wrapped to the width, code in a monospaced panel), on a plain background."""

import textwrap

from PIL import Image, ImageDraw, ImageFont

from slides import HEIGHT, WIDTH

SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
CODE_LINES = 12

_fonts = {}


def font(path, size):
    if (path, size) not in _fonts:
        _fonts[(path, size)] = ImageFont.truetype(path, size)
    return _fonts[(path, size)]


def slide_image(title, items, shown):
    image = Image.new("RGB", (WIDTH, HEIGHT), (250, 250, 247))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 12), fill=(232, 93, 4))
    draw.text((120, 90), title, font=font(BOLD, 72), fill=(20, 20, 20))
    y = 230
    for kind, text in items[:shown]:
        if y > HEIGHT - 120:
            break
        if kind == "code":
            lines = text.splitlines()[:CODE_LINES]
            height = 34 * len(lines) + 40
            draw.rounded_rectangle((120, y, WIDTH - 120, y + height), 16, fill=(40, 42, 54))
            for i, line in enumerate(lines):
                draw.text((150, y + 20 + 34 * i), line[:90], font=font(MONO, 28), fill=(230, 230, 230))
            y += height + 30
        else:
            lines = textwrap.wrap(text, 70)[:4]
            draw.ellipse((120, y + 16, 136, y + 32), fill=(232, 93, 4))
            for i, line in enumerate(lines):
                draw.text((160, y + 48 * i), line, font=font(SANS, 40), fill=(40, 40, 40))
            y += 48 * len(lines) + 30
    return image

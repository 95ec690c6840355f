#!/usr/bin/env python3
"""Renders a `tmux capture-pane -e` capture (text with SGR colours) to PNG: pyte emulates the
terminal, Pillow draws each cell with DejaVu Sans Mono. Box-drawing characters (the hover card's
border, the diagnostics' virtual lines) are drawn as lines from edge to edge of their cell, so
they join up across the line spacing the font's glyphs leave open.

    render.py CAPTURE.ans COLUMNS ROWS OUT.png
"""
import sys

import pyte
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
SIZE = 15
BG, FG = (0x14, 0x16, 0x1b), (0xe0, 0xe2, 0xea)  # Neovim's default dark scheme
ANSI = {
    "black": (0x07, 0x08, 0x0d), "red": (0xff, 0xc0, 0xb9), "green": (0xb3, 0xf6, 0xc0),
    "brown": (0xfc, 0xe0, 0x94), "yellow": (0xfc, 0xe0, 0x94), "blue": (0xa6, 0xdb, 0xff),
    "magenta": (0xff, 0xca, 0xff), "cyan": (0x8c, 0xf8, 0xf7), "white": (0xee, 0xf1, 0xf8),
    "brightblack": (0x4f, 0x52, 0x58), "brightred": (0xff, 0xc0, 0xb9), "brightgreen": (0xb3, 0xf6, 0xc0),
    "brightbrown": (0xfc, 0xe0, 0x94), "brightyellow": (0xfc, 0xe0, 0x94), "brightblue": (0xa6, 0xdb, 0xff),
    "brightmagenta": (0xff, 0xca, 0xff), "brightcyan": (0x8c, 0xf8, 0xf7), "brightwhite": (0xee, 0xf1, 0xf8),
}
# Light box-drawing characters: the cell edges each one reaches (up, down, left, right); the rounded
# corners are drawn as arcs.
BOX = {
    "─": "lr", "│": "ud", "┌": "dr", "┐": "dl", "└": "ur", "┘": "ul", "├": "udr", "┤": "udl",
    "┬": "dlr", "┴": "ulr", "┼": "udlr", "╭": "dr", "╮": "dl", "╰": "ur", "╯": "ul",
}
ROUNDED = "╭╮╰╯"


def box(draw, char, x0, y0, w, h, fill):
    """Draws a light box-drawing character in the cell at (x0, y0) of size w × h."""
    cx, cy = x0 + w // 2, y0 + h // 2
    edges = BOX[char]
    if char in ROUNDED:
        r = min(w, h) // 2
        # The arc's quarter, then straight lines from its ends to the two edges it reaches.
        ax = cx + (r if "r" in edges else -r)
        ay = cy + (r if "d" in edges else -r)
        start = {"╭": 180, "╮": 270, "╰": 90, "╯": 0}[char]
        draw.arc([ax - r, ay - r, ax + r, ay + r], start, start + 90, fill=fill)
        if "d" in edges:
            draw.line([cx, ay, cx, y0 + h - 1], fill=fill)
        else:
            draw.line([cx, y0, cx, ay], fill=fill)
        if "r" in edges:
            draw.line([ax, cy, x0 + w - 1, cy], fill=fill)
        else:
            draw.line([x0, cy, ax, cy], fill=fill)
        return
    if "u" in edges:
        draw.line([cx, y0, cx, cy], fill=fill)
    if "d" in edges:
        draw.line([cx, cy, cx, y0 + h - 1], fill=fill)
    if "l" in edges:
        draw.line([x0, cy, cx, cy], fill=fill)
    if "r" in edges:
        draw.line([cx, cy, x0 + w - 1, cy], fill=fill)


def colour(value, default):
    if value == "default":
        return default
    if value in ANSI:
        return ANSI[value]
    try:
        return tuple(int(value[i:i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return default


def main():
    capture, columns, rows, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    screen = pyte.Screen(columns, rows)
    stream = pyte.Stream(screen)
    with open(capture, encoding="utf-8") as f:
        # capture-pane ends lines with \n only: the emulator needs \r\n.
        stream.feed(f.read().rstrip("\n").replace("\n", "\r\n"))
    font, bold = ImageFont.truetype(FONT, SIZE), ImageFont.truetype(FONT_BOLD, SIZE)
    left, top, right, bottom = font.getbbox("M")
    cell_w = round(font.getlength("M"))
    cell_h = round(SIZE * 1.3)
    pad = 12
    image = Image.new("RGB", (columns * cell_w + 2 * pad, rows * cell_h + 2 * pad), BG)
    draw = ImageDraw.Draw(image)
    for y in range(rows):
        line = screen.buffer[y]
        for x in range(columns):
            char = line[x]
            fg, bg = colour(char.fg, FG), colour(char.bg, BG)
            if char.reverse:
                fg, bg = bg, fg
            x0, y0 = pad + x * cell_w, pad + y * cell_h
            if bg != BG:
                draw.rectangle([x0, y0, x0 + cell_w - 1, y0 + cell_h - 1], fill=bg)
            if char.data in BOX:
                box(draw, char.data, x0, y0, cell_w, cell_h, fg)
            elif char.data.strip():
                draw.text((x0, y0 + (cell_h - SIZE) // 2 - 1), char.data, font=bold if char.bold else font, fill=fg)
            if char.underscore:
                draw.line([x0, y0 + cell_h - 2, x0 + cell_w - 1, y0 + cell_h - 2], fill=fg)
    image.save(out)


if __name__ == "__main__":
    main()

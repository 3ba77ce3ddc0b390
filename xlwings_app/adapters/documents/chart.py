"""The capaian chart: one horizontal bar per indicator, drawn with Pillow as a PNG.

Rules: bars are labelled with the indicator's kode and its capaian ("87,50%"); a dashed line marks
the target (100%); bars at or above 100 are dark blue, below 100 dark red, and an indicator without
capaian gets no bar and the label "belum ada capaian". The axis runs from 0 to the larger of 120
and the highest capaian (rounded up to a multiple of 20), so 233,33% still fits. Drawn at 200 dpi
for print; the document places it 150 mm wide. Saved with light zlib compression (``PNG_COMPRESS_LEVEL``):
the pixels are the same as at the strongest level, the file a little larger, the save much faster.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from PIL import Image, ImageDraw, ImageFont

from xlwings_app.domain import formatting as fmt

WIDTH = 1200
ROW = 44
TOP = 50
BOTTOM = 60
LABEL_WIDTH = 190
VALUE_WIDTH = 150
BLUE = (31, 56, 100)
RED = (160, 30, 30)
GREY = (120, 120, 120)
FONT_SIZE = 22
PNG_COMPRESS_LEVEL = 3


@dataclass(frozen=True)
class Batang:
    """One bar: the indicator's label and its capaian (``None`` when none)."""

    label: str
    capaian: Decimal | None


def axis_max(values: Sequence[Decimal | None]) -> int:
    """120, or the highest capaian rounded up to a multiple of 20."""
    highest = max((float(v) for v in values if v is not None), default=0.0)
    return max(120, int(math.ceil(highest / 20.0)) * 20)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in ("LiberationSans-Regular.ttf", "DejaVuSans.ttf", "arial.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _fit(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
         width: int) -> str:
    while text and draw.textlength(text, font=font) > width:
        text = text[:-2] + "…" if len(text) > 2 else ""
    return text


def draw_chart(bars: Sequence[Batang]) -> bytes:
    """The chart as PNG bytes (no title: the document's caption names it)."""
    height = TOP + BOTTOM + ROW * max(1, len(bars))
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    small = _font(FONT_SIZE)
    x0, x1 = LABEL_WIDTH, WIDTH - VALUE_WIDTH
    top = axis_max([b.capaian for b in bars])

    def x_of(value: float) -> float:
        return x0 + (x1 - x0) * value / top

    y_axis = TOP + ROW * max(1, len(bars))
    for tick in range(0, top + 1, 20):
        x = x_of(tick)
        draw.line([(x, TOP - 6), (x, y_axis)], fill=(225, 225, 225), width=1)
        draw.text((x, y_axis + 8), fmt.angka(Decimal(tick)), fill=GREY, font=small, anchor="mt")
    x100 = x_of(100)
    for y in range(TOP - 10, y_axis, 12):
        draw.line([(x100, y), (x100, min(y + 6, y_axis))], fill=(0, 0, 0), width=2)
    draw.text((x100, TOP - 12), "Target 100%", fill="black", font=small, anchor="mb")
    for n, bar in enumerate(bars):
        y = TOP + ROW * n
        label = _fit(draw, bar.label, small, LABEL_WIDTH - 16)
        draw.text((x0 - 10, y + ROW / 2), label, fill="black", font=small, anchor="rm")
        if bar.capaian is None:
            draw.text((x0 + 8, y + ROW / 2), "belum ada capaian", fill=GREY, font=small, anchor="lm")
            continue
        end = x_of(max(0.0, float(bar.capaian)))
        colour = BLUE if bar.capaian >= 100 else RED
        draw.rectangle([(x0, y + 8), (max(end, x0 + 1), y + ROW - 8)], fill=colour)
        draw.text((end + 8, y + ROW / 2), f"{fmt.persen(bar.capaian)}%", fill="black", font=small,
                  anchor="lm")
    draw.line([(x0, TOP - 6), (x0, y_axis)], fill="black", width=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(200, 200), compress_level=PNG_COMPRESS_LEVEL)
    return buffer.getvalue()

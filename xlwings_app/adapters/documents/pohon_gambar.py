"""The pohon kinerja as a picture readable on A4: one box per node, indented by level with elbow
connectors, its capaian and predikat at the right, coloured by whether the node reached 100%.

Drawn with Pillow at about 300 dpi for a 170 mm wide place (2,000 px): a row per node (tujuan down to
sub kegiatan), the level's name and the kode in bold type, the name cut to the box with "…", the
capaian ("102,64%") in dark blue at or above 100, dark red below, grey "belum ada" without one. Forty
nodes make a picture about 180 mm high, so the Rekapitulasi keeps it on one page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from PIL import Image, ImageDraw

from xlwings_app.adapters.documents.chart import BLUE, GREY, PNG_COMPRESS_LEVEL, RED, _fit, _font
from xlwings_app.domain import formatting as fmt

WIDTH = 1800
ROW = 62
INDENT = 56
VALUE_WIDTH = 400
FILLS = ((231, 236, 246), (236, 243, 231), (252, 244, 228), (244, 235, 246), (240, 240, 240))
"""Box fill per depth (tujuan, sasaran, program, kegiatan, sub kegiatan)."""


@dataclass(frozen=True)
class Kotak:
    """One node: its depth, its label ("Program 7.01.02 Penyelenggaraan ..."), capaian and predikat."""

    depth: int
    label: str
    capaian: Decimal | None
    predikat: str | None


def draw_tree(boxes: Sequence[Kotak]) -> bytes:
    """The picture of ``boxes`` (depth first, as ``Tree.walk`` gives them) as PNG bytes."""
    height = ROW * len(boxes) + 20
    image = Image.new("RGB", (WIDTH, max(height, ROW)), "white")
    draw = ImageDraw.Draw(image)
    font, bold = _font(29), _font(29)
    last_at_depth: dict[int, int] = {}
    for n, box in enumerate(boxes):
        top = 10 + n * ROW
        left = 10 + box.depth * INDENT
        middle = top + ROW // 2 - 3
        if box.depth:
            parent_y = last_at_depth.get(box.depth - 1, top)
            x = left - INDENT // 2
            draw.line([(x, parent_y), (x, middle), (left, middle)], fill=GREY, width=3)
        last_at_depth[box.depth] = top + ROW - 8
        right = WIDTH - VALUE_WIDTH - 10
        fill = FILLS[min(box.depth, len(FILLS) - 1)]
        draw.rounded_rectangle([left, top + 2, right, top + ROW - 8], radius=8, fill=fill, outline=GREY, width=2)
        draw.text((left + 10, top + 12), _fit(draw, box.label, bold, right - left - 24), font=bold, fill=(0, 0, 0))
        if box.capaian is None:
            text, colour = "belum ada capaian", GREY
        else:
            text = f"{fmt.persen(box.capaian)}% {box.predikat or ''}".strip()
            colour = BLUE if box.capaian >= 100 else RED
        draw.text((right + 14, top + 12), _fit(draw, text, font, VALUE_WIDTH - 20), font=font, fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(300, 300), compress_level=PNG_COMPRESS_LEVEL)
    return buffer.getvalue()

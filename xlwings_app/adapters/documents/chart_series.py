"""The LKjIP's chart of the series: each indicator's capaian per year of the Renstra period, drawn
with Pillow as a PNG (``domain.lkjip.tables.chart_series`` gives the values).

Rules: one group of vertical bars per indicator (labelled with its kode), one bar per year in the
year's colour (a legend names them), the capaian rounded to a whole number above its bar ("88") when the bar is wide enough; a year without a
value leaves a gap, never a zero bar (docs/lkjip.md, "Tabel dan grafik"); a dashed line marks 100%.
The axis runs from 0 to the larger of 120 and the highest capaian rounded up to a multiple of 20.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal

from PIL import Image, ImageDraw

from xlwings_app.adapters.documents.chart import PNG_COMPRESS_LEVEL, _fit, _font, axis_max
from xlwings_app.domain import formatting as fmt
from xlwings_app.domain.lkjip.tables import Series

WIDTH, HEIGHT = 1400, 620
LEFT, RIGHT, TOP, BOTTOM = 80, 30, 70, 90
COLOURS = [(170, 185, 210), (120, 145, 185), (70, 105, 160), (31, 56, 100), (15, 30, 60), (90, 90, 90)]
GREY = (120, 120, 120)


def draw_series(series: Sequence[Series]) -> bytes:
    """The chart as PNG bytes (no title: the document's caption names it)."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    font, small, tiny = _font(20), _font(16), _font(14)
    years = sorted({y for s in series for y, _ in s.titik})
    top = axis_max([v for s in series for _, v in s.titik])
    x0, x1, y0, y1 = LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM, TOP

    def y_of(value: float) -> float:
        return y0 - (y0 - y1) * value / top

    for tick in range(0, top + 1, 20):
        y = y_of(tick)
        draw.line([(x0, y), (x1, y)], fill=(230, 230, 230), width=1)
        draw.text((x0 - 8, y), fmt.angka(Decimal(tick)), fill=GREY, font=small, anchor="rm")
    for x in range(x0, x1, 14):
        draw.line([(x, y_of(100)), (min(x + 7, x1), y_of(100))], fill="black", width=2)
    group = (x1 - x0) / max(1, len(series))
    bar = min(44.0, group * 0.8 / max(1, len(years)))
    for n, s in enumerate(series):
        left = x0 + group * n + (group - bar * len(years)) / 2
        values = dict(s.titik)
        for k, year in enumerate(years):
            value = values.get(year)
            if value is None:
                continue
            xa = left + bar * k
            y = y_of(max(0.0, min(float(value), float(top))))
            draw.rectangle([(xa + 2, y), (xa + bar - 2, y0)], fill=COLOURS[k % len(COLOURS)])
            if bar >= 26:
                draw.text((xa + bar / 2, y - 4), fmt.angka(value, 0), fill="black", font=tiny, anchor="mb")
        label = _fit(draw, s.kode, font, int(group) - 6)
        draw.text((x0 + group * n + group / 2, y0 + 10), label, fill="black", font=font, anchor="mt")
    draw.line([(x0, y0), (x1, y0)], fill="black", width=2)
    draw.line([(x0, y1 - 10), (x0, y0)], fill="black", width=2)
    legend_x = x0
    for k, year in enumerate(years):
        draw.rectangle([(legend_x, 24), (legend_x + 26, 46)], fill=COLOURS[k % len(COLOURS)])
        draw.text((legend_x + 34, 35), str(year), fill="black", font=font, anchor="lm")
        legend_x += 110
    draw.text((x1, 35), "Capaian (%); garis putus-putus: 100%", fill=GREY, font=small, anchor="rm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(200, 200), compress_level=PNG_COMPRESS_LEVEL)
    return buffer.getvalue()

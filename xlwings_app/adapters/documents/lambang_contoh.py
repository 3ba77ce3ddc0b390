"""The example's lambang daerah: a placeholder, plainly marked as such, drawn with Pillow.

It is not any region's coat of arms: a grey shield outline with the words "CONTOH LAMBANG" and
"ganti di sheet Profil", so a document made from the example cannot pass for a real letterhead.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from xlwings_app.adapters.documents.chart import _font

FILE_NAME = "lambang-contoh.png"
SIZE = (300, 360)
GREY = (110, 110, 110)


def placeholder_png() -> bytes:
    """A 300 × 360 px PNG: shield outline and the text CONTOH / LAMBANG / DAERAH / ganti di Profil."""
    image = Image.new("RGB", SIZE, "white")
    draw = ImageDraw.Draw(image)
    w, h = SIZE
    shield = [(20, 20), (w - 20, 20), (w - 20, h * 0.55), (w / 2, h - 15), (20, h * 0.55)]
    draw.polygon(shield, outline=GREY, width=8)
    big, small = _font(40), _font(22)
    for y, text, font in ((80, "CONTOH", big), (125, "LAMBANG", big), (170, "DAERAH", big),
                          (218, "ganti di", small), (244, "sheet Profil", small)):
        draw.text((w / 2, y), text, fill=GREY, font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, format="PNG", dpi=(200, 200))
    return out.getvalue()

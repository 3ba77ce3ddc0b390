"""Text as XML character data and attribute values, for the parts the package writers write as text
(a cell's text is ``cell_xml.text_element``'s: it escapes what a cell cannot hold too), and back
(``xml_unescape``, for the readers that scan a part's XML as bytes).

``html.escape`` does the escaping: lighter to import than ``xml.sax.saxutils`` (which loads
``urllib``), and ``kinerja hitung`` writes with it on every run.
"""

from __future__ import annotations

from html import escape


def xml_text(value: str) -> str:
    """``value`` as XML character data: &, < and > escaped."""
    return escape(value, quote=False)


def xml_attribute(value: str) -> str:
    """``value`` as a quoted XML attribute value."""
    return '"' + escape(value, quote=True) + '"'


_ESCAPES = {b"&lt;": b"<", b"&gt;": b">", b"&quot;": b'"', b"&apos;": b"'", b"&amp;": b"&"}


def xml_unescape(text: bytes) -> str:
    """The text of XML character data with the five predefined entities replaced, as one pass
    would ("&amp;lt;" is "&lt;"): "&amp;" last, so no "&" it leaves starts another entity."""
    if b"&" in text:
        for escaped, plain in _ESCAPES.items():
            if escaped in text:
                text = text.replace(escaped, plain)
    return text.decode("utf-8")

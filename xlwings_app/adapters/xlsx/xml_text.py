"""Text as XML character data and attribute values, for the parts the package writers write as text
(a cell's text is ``cell_xml.text_element``'s: it escapes what a cell cannot hold too).

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

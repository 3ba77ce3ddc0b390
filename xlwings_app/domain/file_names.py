"""File names as a person can read them, whatever bytes the file system stores.

Rule: a name is shown, printed and written into a workbook as UTF-8 text. A name whose bytes are no
valid UTF-8 (POSIX file systems store bytes; Python keeps the undecodable ones as surrogate escapes
"\\udcff") shows each such byte as the replacement character "\\ufffd"; a broken UTF-16 name (Windows)
the same way. A valid name is returned as it is.
"""

from __future__ import annotations


def readable_name(name: str) -> str:
    """``name`` with every byte or code unit that is no text shown as "\\ufffd" (see the module)."""
    if name.isascii():
        return name
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a lone surrogate outside the escapes
        return name.encode("utf-8", "replace").decode("utf-8")

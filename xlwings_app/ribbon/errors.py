"""The one exception a ribbon handler raises to tell the user something, in Indonesian."""

from __future__ import annotations


class PesanPengguna(Exception):
    """Work cannot go on; ``str(self)`` is an Indonesian message for the user, shown as is.

    The dispatcher shows any other exception as a generic message and logs its traceback.
    """

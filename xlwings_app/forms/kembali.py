"""Returned or only distributed: is a form one its filler saved after it was handed out?

A folder of forms may hold, side by side, the blank forms ``kinerja formulir`` wrote and the ones
that came back (README: one folder ``formulir/``, each returned file saved over its blank under
the same name). Only a returned form is "masuk": the rekap, the Laporan Hasil Pengumpulan and the
SOP log count those, whatever folder a form is in; a blank one is "dibagikan, belum kembali".

Rules, from what the form carries:
- at distribution its metadata records a fingerprint of what its table held (every cell but the
  live formulas) and its Status formulir (Draf) (``isian_dibagikan``, covered by the form's mark),
  and Kinerja writes its own
  name as the file's last saver (``KINERJA``, the document property every spreadsheet program
  rewrites with the person's name, or empties, when it saves);
- a form is returned when its table or status differ from that fingerprint (something was typed,
  chosen or edited), or when its file was saved by someone else than Kinerja: its last saver is not
  Kinerja, or its last-saved time is later than the distribution moment (``dibuat``) by more than
  ``SAVE_MARGIN`` (a copy keeps both: a blank form mailed around stays blank);
- a lembar sheet of the master has no file of its own: its cells alone say it;
- a form made before the fingerprint existed counts as returned (as every form did then).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta

from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.numbers import read_number
from xlwings_app.domain.rows import text_of
from xlwings_app.forms.filled import Cell, FilledForm
from xlwings_app.forms.spec import PeriodeError, form_columns

KINERJA = "Kinerja"
"""The last saver Kinerja writes into a form file it makes (``cp:lastModifiedBy``)."""
FINGERPRINT_KEY = "isian_dibagikan"
DISTRIBUTED_STATUS = "Draf"
SAVE_MARGIN = timedelta(minutes=5)
"""A file saved this long after its distribution moment was saved again (Kinerja writes a form in
well under a second after recording the moment)."""


def _canonical(value: object, number: bool) -> str:
    """A cell's content as the fingerprint takes it: a number column's as its number ("95" for 95,
    95.0, "95" or a percent cell of 0.95), a text stripped."""
    if number:
        read = read_number(value)
        if read.galat:
            return "?" + text_of(value)
        return "" if read.value is None else format(read.value.normalize(), "f")
    return text_of(value)


def fingerprint(rows: Iterable[tuple[str, Sequence[str]]], status: str) -> str:
    """SHA-256 (hex, 32 digits) of every row's cells (``(kode, canonical texts)``, kode order) and
    the status."""
    ordered = sorted(([kode.casefold(), *values] for kode, values in rows), key=lambda r: r[0])
    payload = json.dumps({"status": status.strip().casefold(), "isian": ordered}, ensure_ascii=False,
                         separators=(",", ":"))  # fmt: skip
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def _cell_text(cell: Cell | None, number: bool) -> str:
    if cell is None:
        return ""
    if cell.formula:
        return str(cell.value).strip()
    return _canonical(cell.value, number)


def form_fingerprint(form: FilledForm) -> str | None:
    """The fingerprint of what ``form`` holds now: every cell of its table but the live formulas
    (context and inputs: an edited target is a touched form too), and its Status formulir; None
    when its period is damaged (its own check names that)."""
    try:
        columns = [(c.key, c.column.type == "number") for c in form_columns(Periode.parse(form.meta.get("periode")))
                   if c.role != "hitung"]  # fmt: skip
    except (ValueError, PeriodeError):
        return None
    rows = [(row.kode, [_cell_text(row.cells.get(key), number) for key, number in columns]) for row in form.rows]
    status = text_of(form.status.value) if form.status is not None else ""
    return fingerprint(rows, status)


def _dibuat(form: FilledForm) -> datetime | None:
    try:
        made = datetime.fromisoformat(form.meta.get("dibuat"))
    except (TypeError, ValueError):
        return None
    return made if made.tzinfo else made.astimezone()  # Kinerja wrote the local time of its machine


def saved_after_distribution(form: FilledForm) -> bool:
    """Whether the form's file says someone saved it after Kinerja made it (module rules)."""
    saved = form.disimpan
    if saved is None:
        return False
    if (saved.oleh or "").strip() != KINERJA:
        return True
    made = _dibuat(form)
    return saved.waktu is not None and made is not None and saved.waktu > made + SAVE_MARGIN


def kembali(form: FilledForm) -> bool:
    """Whether ``form`` came back from its filler (module rules)."""
    distributed = form.meta.get(FINGERPRINT_KEY)
    if not distributed:
        return True
    return form_fingerprint(form) != distributed or saved_after_distribution(form)


def utc(moment: datetime) -> datetime:
    """``moment`` as an aware UTC time (a naive one is taken as UTC, as a file's W3CDTF "Z" time)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


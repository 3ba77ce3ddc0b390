"""Collecting the forms (SOP Pengumpulan Data Kinerja step 7): who sent which form, when, in what state.

Rules, from what the forms themselves carry:
- the step starts when the forms were handed out: the earliest distribution time in their metadata
  ("dibuat", written by ``kinerja formulir``);
- it ends when the last form came back Final: the latest file time among the returned forms
  (``forms.kembali``: a blank form only handed out is not one), but only once every penanggung
  jawab has returned one and every returned form says Final (a form made before the Status cell
  existed counts as Final); until then the end is unknown;
- the note lists every returned form with its status and time, then who has returned nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from xlwings_app.domain.rows import text_of
from xlwings_app.forms.filled import FilledForm
from xlwings_app.forms.kembali import kembali


@dataclass(frozen=True)
class Masuk:
    """One form as collected: its penanggung jawab, file, status text and file time."""

    penanggung_jawab: str
    file: str
    status: str
    diubah: datetime | None
    indikator: int

    @property
    def final(self) -> bool:
        return self.status.casefold() == "final"


def masuk(form: FilledForm) -> Masuk:
    """What ``form`` says about its own delivery."""
    status = "Final" if form.status is None else (text_of(form.status.value) or "Draf")
    return Masuk(form.meta.get("penanggung_jawab"), form.file, status, form.diubah, len(form.meta.kodes))


def _dibuat(form: FilledForm) -> datetime | None:
    try:
        return datetime.fromisoformat(form.meta.get("dibuat"))
    except (TypeError, ValueError):
        return None


def waktu_pengumpulan(
    forms: Sequence[FilledForm], tanpa_formulir: Sequence[str]
) -> tuple[datetime | None, datetime | None, str]:
    """(start, end or None, note) of collecting ``forms`` (returned or only handed out);
    ``tanpa_formulir`` returned nothing."""
    given = [d for d in (_dibuat(f) for f in forms) if d is not None]
    start = min(given) if given else None
    items = [masuk(f) for f in forms if kembali(f)]
    times = [m.diubah for m in items if m.diubah is not None]
    complete = bool(items) and not tanpa_formulir and all(m.final for m in items) and len(times) == len(items)
    end = max(times) if complete and times else None
    parts = [f"{m.penanggung_jawab} {m.status}" + (f" {m.diubah:%d-%m-%Y %H.%M}" if m.diubah else "") for m in items]
    if tanpa_formulir:
        parts.append(f"belum masuk: {', '.join(tanpa_formulir)}")
    return start, end, "; ".join(parts)

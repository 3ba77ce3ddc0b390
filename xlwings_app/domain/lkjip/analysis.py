"""What the unit recorded per period about its indicators (faktor pendukung and penghambat,
permasalahan, rencana aksi), drafted into the LKjIP's item (5) and its Ikhtisar.

PermenPANRB 53/2014, BAB III A.(5): "analisis penyebab keberhasilan/kegagalan atau
peningkatan/penurunan kinerja serta alternatif solusi yang telah dilakukan". The analysis is the
person's (``structure`` marks it written and required); what the data holds is drafted beside it,
so the writer starts from the facts recorded during the year. Rules:
- an ``Analisis`` is one indicator's text for one period (the analysis is kept per period: TW II's
  rencana aksi answers TW II); the LKjIP gathers every period of the year;
- the same text written for several periods is written once, with its periods: "pendampingan
  operator desa (TW II dan TW III)"; blank texts are left out; a trailing full stop is dropped, and a
  capital that only starts the text is lowered (it now follows a colon); "SIPD", an acronym, stays;
- per indicator, in the order of the results: faktor pendukung, faktor penghambat, permasalahan,
  rencana aksi, each a sentence only when something was recorded;
- nothing recorded for a sasaran's indicators: one sentence says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from xlwings_app.domain.analisis import periode_label
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.lkjip.wording import banyak, daftar, indikator, kapital
from xlwings_app.domain.measure import Hasil
from xlwings_app.domain.tree.model import key_of


@dataclass(frozen=True)
class Analisis:
    """One indicator's analysis written for one period."""

    kode: str
    periode: Periode
    permasalahan: str = ""
    rencana_aksi: str = ""
    faktor_pendukung: str = ""
    faktor_penghambat: str = ""


def analisis_of(indicators: Sequence[Indicator]) -> tuple[Analisis, ...]:
    """Every period's analysis the workbook holds for ``indicators`` (``Indicator.analisis``), one
    ``Analisis`` per indicator and period with something written."""
    return tuple(
        Analisis(i.kode, p, c.permasalahan, c.rencana_aksi, c.faktor_pendukung, c.faktor_penghambat)
        for i in indicators for p in Periode if not (c := i.catatan(p)).kosong
    )


FIELDS = (
    ("faktor_pendukung", "faktor pendukung yang dicatat"),
    ("faktor_penghambat", "faktor penghambat yang dicatat"),
    ("permasalahan", "permasalahan yang dicatat"),
    ("rencana_aksi", "rencana aksi yang dilakukan"),
)
"""The recorded texts in the order they are written, with how a sentence introduces them."""


def recorded(analisis: Sequence[Analisis], kode: str, field: str) -> list[tuple[str, list[Periode]]]:
    """The distinct texts of ``field`` recorded for ``kode``, in period order, each with its periods."""
    texts: dict[str, tuple[str, list[Periode]]] = {}
    for a in sorted((a for a in analisis if key_of(a.kode) == key_of(kode)), key=lambda a: a.periode.number):
        text = _lower_first(" ".join(str(getattr(a, field)).split()).rstrip("."))
        if text:
            texts.setdefault(text.casefold(), (text, []))[1].append(a.periode)
    return list(texts.values())


def catatan_kalimat(hasil: Sequence[Hasil], analisis: Sequence[Analisis]) -> str:
    """Item (5)'s drafted paragraph for one sasaran's results (module rules)."""
    sentences = []
    for h in hasil:
        parts = []
        for field, intro in FIELDS:
            texts = recorded(analisis, h.indicator.kode, field)
            if texts:
                items = [f"{text} ({daftar([periode_label(p) for p in periods])})" for text, periods in texts]
                parts.append(f"{intro}: {'; '.join(items)}")
        if parts:
            label = indikator(h.indicator.kode, h.indicator.nama)
            sentences.append(f"Untuk {label}, " + ". ".join(p if n == 0 else kapital(p) for n, p in enumerate(parts)) + ".")
    if not sentences:
        return ("Belum ada faktor pendukung, faktor penghambat, permasalahan atau rencana aksi yang dicatat untuk "
                "indikator sasaran ini.")
    return " ".join(sentences)


def kendala_kalimat(hasil: Sequence[Hasil], analisis: Sequence[Analisis], tahun: int) -> str:
    """The Ikhtisar's sentence on the year's kendala and the steps taken: the indicators with a
    permasalahan recorded and those with a rencana aksi, named by kode."""
    with_problem = [h.indicator.kode for h in hasil if recorded(analisis, h.indicator.kode, "permasalahan")]
    with_action = [h.indicator.kode for h in hasil if recorded(analisis, h.indicator.kode, "rencana_aksi")]
    if not with_problem and not with_action:
        return f"Sepanjang {tahun} tidak ada permasalahan atau rencana aksi yang dicatat pada analisis per triwulan."
    parts = []
    if with_problem:
        parts.append(f"permasalahan dicatat pada {banyak(len(with_problem))} ({daftar(with_problem)})")
    if with_action:
        parts.append(f"rencana aksi dilakukan pada {banyak(len(with_action))} ({daftar(with_action)})")
    return f"Sepanjang {tahun}, {' dan '.join(parts)}; uraiannya ada pada BAB III butir (5) setiap sasaran."


def _lower_first(text: str) -> str:
    """"Pendampingan desa" → "pendampingan desa"; "SIPD terlambat", "E-KTP" unchanged."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text

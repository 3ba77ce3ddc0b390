"""The rekap of many forms into the master: one pass over every form, all problems together.

``consolidate(forms, indicators, unit, tahun, periode, key)``:
- tells the forms that came back from those only handed out (``forms.kembali``): a blank form in the
  folder is "dibagikan, belum kembali", never "masuk"; it is checked for what it says of itself
  (mark, unit, year, period: ``checks.check_identity``) and delivers nothing;
- checks each returned form (``checks.check_form``; ``key`` is the master's forms key, ``forms.kunci``);
- the same indicator value delivered twice: with the same value a notice, with different values an
  error naming both cells (no rule could choose between them);
- a missing form: a penanggung jawab who has indicators in the master but returned no form is a
  notice listing who is missing. It does not block: sections deliver at different times and the
  rekap can be run again when the rest arrive; the list says who to chase. Indicators of a
  penanggung jawab that are in no delivered form (added after distribution) are noted too;
- the changes: every delivered value that differs from the master (old → new).
Blank inputs change nothing. Nothing here reads or writes a file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from xlwings_app.domain.analisis import value_of
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.problems import Problem
from xlwings_app.forms.checks import check_form, check_identity
from xlwings_app.forms.filled import Change, Delivered, FilledForm, Value
from xlwings_app.forms.kembali import kembali
from xlwings_app.forms.spec import realisasi_key


@dataclass
class Konsolidasi:
    problems: list[Problem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    belum_diisi: list[str] = field(default_factory=list)
    """Kode of indicators whose form left the period's realisasi blank."""
    tanpa_formulir: list[str] = field(default_factory=list)
    """Penanggung jawab with indicators in the master but no form returned."""
    jumlah_formulir: int = 0
    """Forms returned ("masuk")."""
    belum_kembali: list[FilledForm] = field(default_factory=list)
    """Forms found but not returned: as they were handed out."""
    kembali: list[FilledForm] = field(default_factory=list)
    """The returned forms, in the order given."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def master_value(indicator: Indicator, key: str) -> Value | None:
    """The master's current value of column ``key`` (``r1``..``r4`` or a text column)."""
    if key.startswith("r") and key[1:].isdigit():
        return indicator.realisasi_tw[int(key[1:]) - 1]
    analysis = value_of(indicator, key)
    text = str(getattr(indicator, key)) if analysis is None else analysis
    return text or None


def _shown(value: object) -> str:
    """A delivered value as the message shows it: a number the Indonesian way ("97,3")."""
    from decimal import Decimal

    from xlwings_app.domain.formatting import angka

    return angka(value) if isinstance(value, Decimal) else str(value)


def _where(d: Delivered) -> str:
    return f"{d.file} ({d.sheet}!{d.sel})"


def _duplicates(delivered: list[Delivered], problems: list[Problem]) -> list[Delivered]:
    first: dict[tuple[str, str], Delivered] = {}
    for d in delivered:
        key = (d.kode.casefold(), d.key)
        other = first.get(key)
        if other is None:
            first[key] = d
            continue
        same = other.value == d.value
        pesan = (
            f"{d.kolom} {d.kode} dikirim dua kali: {_shown(other.value)} di {_where(other)} dan {_shown(d.value)} "
            f"di {_where(d)}"
            + (" (nilai sama, dipakai sekali)." if same else ": nilai berbeda, tetapkan satu lalu ulangi rekap.")
        )
        problems.append(Problem(pesan, d.sheet, None, d.kolom, d.sel, d.value, d.file,
                                "catatan" if same else "galat"))
    return list(first.values())


def _missing(forms: Sequence[FilledForm], indicators: Sequence[Indicator], result: Konsolidasi) -> None:
    sent = {f.meta.get("penanggung_jawab").casefold() for f in forms}
    in_forms = {k.casefold() for f in forms for k in f.meta.kodes}
    by_pj: dict[str, list[Indicator]] = {}
    for ind in indicators:
        if ind.penanggung_jawab:
            by_pj.setdefault(ind.penanggung_jawab, []).append(ind)
    for pj, rows in by_pj.items():
        if pj.casefold() not in sent:
            result.tanpa_formulir.append(pj)
            continue
        left_out = [i.kode for i in rows if i.kode.casefold() not in in_forms]
        if left_out:
            result.problems.append(Problem(
                f"Indikator {', '.join(left_out)} ({pj}) tidak ada di formulir mana pun "
                "(ditambahkan setelah formulir dibagikan?): isi di workbook induk atau bagikan ulang formulir.",
                tingkat="catatan"))
    if result.tanpa_formulir:
        counts = ", ".join(f"{pj} ({len(by_pj[pj])} indikator)" for pj in result.tanpa_formulir)
        blank = ", ".join(dict.fromkeys(f.file for f in result.belum_kembali))
        result.problems.append(Problem(
            f"Formulir belum masuk dari: {counts}. Rekap tetap dijalankan untuk formulir yang ada; "
            "ulangi rekap bila formulir itu datang."
            + (f" Formulir yang masih seperti saat dibagikan (belum disimpan pengisinya) tidak dihitung masuk: "
               f"{blank}." if blank else ""), tingkat="catatan"))  # fmt: skip


def consolidate(forms: Sequence[FilledForm], indicators: Sequence[Indicator], unit: str, tahun: int,
                periode: Periode, key: bytes | None = None) -> Konsolidasi:
    """Check every form, then list the master changes the returned forms make (nothing is written)."""
    result = Konsolidasi()
    master = {i.kode.casefold(): i for i in indicators}
    delivered: list[Delivered] = []
    for form in forms:
        if not kembali(form):
            result.belum_kembali.append(form)
            result.problems += check_identity(form, unit, tahun, periode, key)
            continue
        result.kembali.append(form)
        problems, values = check_form(form, master, unit, tahun, periode, key)
        result.problems += problems
        delivered += values
    result.jumlah_formulir = len(result.kembali)
    unique = _duplicates(delivered, result.problems)
    _missing(result.kembali, indicators, result)
    column = realisasi_key(periode)
    filled = {d.kode.casefold() for d in unique if d.key == column}
    result.belum_diisi = list(dict.fromkeys(
        k for f in result.kembali for k in f.meta.kodes if k.casefold() not in filled))  # fmt: skip
    for d in unique:
        old = master_value(master[d.kode.casefold()], d.key)
        if old != d.value:
            result.changes.append(Change(d.kode, d.key, d.kolom, old, d.value, d.file, d.sheet, d.sel))
    return result

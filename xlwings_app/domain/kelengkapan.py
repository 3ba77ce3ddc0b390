"""Whether a Pengukuran Kinerja may be signed: the period's data and the analysis of its unmet targets.

Rules (SOP Pengukuran Kinerja, seed 004 step 7; PermenPANRB 53/2014, "analisis capaian kinerja"):
- the analysis: an indicator whose target was not met in the period (status Tidak Tercapai) goes
  back "untuk dibuat rencana aksi" before the head signs, so a final document needs, for every
  such indicator, the Permasalahan and Rencana Aksi written FOR THAT PERIOD (``domain.analisis``:
  TW I's text never answers TW II);
- the data (``missing_realisasi``): a final document reports the period measured, so every
  indicator with a target in the period (``measure.has_target``) has the realisasi of the period's
  last triwulan (the year: TW IV), and a Jumlah indicator every triwulan it sums, or a stated reason
  in that triwulan's Alasan Realisasi Kosong ("data belum tersedia dari BPS"). An earlier triwulan
  carried forward (``measure.carried_from``) is for a draft only: a final document prints such an
  indicator without realisasi, against the period's own target (``own_target``), with its reason
  (``as_signed``);
- each missing cell is one problem naming its sheet, row, column and cell; ``document_gaps``
  returns them all, as errors for a final document or as warnings (``catatan``) for ``periksa``
  and for a draft. An indicator without a target in the period ("Tidak Ada Target") needs neither.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from xlwings_app.domain import formatting as fmt
from xlwings_app.domain.analisis import column_key, periode_label
from xlwings_app.domain.indicator import Agregasi, Indicator, Periode
from xlwings_app.domain.measure import TW_NAMES, Hasil, Status, carried_from, has_target, period_values
from xlwings_app.domain.problems import Problem, Tingkat

FIELDS = (("permasalahan", "Permasalahan"), ("rencana_aksi", "Rencana Aksi"))

Cells = Mapping[tuple[str, int, str], str]


def missing_fields(h: Hasil) -> list[str]:
    """The labels of the analysis cells an unmet indicator still lacks for its period ([] when met
    or complete)."""
    if h.status is not Status.TIDAK_TERCAPAI:
        return []
    own = h.indicator.catatan(h.periode)
    return [label for key, label in FIELDS if not str(getattr(own, key) or "").strip()]


def alasan(indicator: Indicator, triwulan: int) -> str:
    """The reason written for triwulan ``triwulan``'s (1-based) blank realisasi ("" when none)."""
    return indicator.catatan(tuple(Periode)[triwulan - 1]).alasan.strip()


def missing_realisasi(h: Hasil) -> list[int]:
    """The triwulan (1-based) whose realisasi ``h``'s period needs and lacks, with no reason stated:
    the period's last triwulan, and for Jumlah every earlier one with a target ([] for an indicator
    without a target in the period)."""
    i, periode = h.indicator, h.periode
    if h.status is Status.TIDAK_ADA_TARGET or not has_target(i, periode):
        return []
    n = periode.last_tw
    needed = [k for k in range(1, n) if i.target_tw[k - 1] is not None] if i.agregasi is Agregasi.JUMLAH else []
    return [k for k in (*needed, n) if i.realisasi_tw[k - 1] is None and not alasan(i, k)]


def _where(i: Indicator, cells: Cells, key: str) -> str | None:
    return cells.get((i.sheet, i.baris or 0, key))


def document_gaps(results: Sequence[Hasil], cells: Cells | None = None, tingkat: Tingkat = "galat") -> list[Problem]:
    """One problem per missing realisasi (``missing_realisasi``) and per missing Permasalahan /
    Rencana Aksi of an unmet indicator, in input order.

    ``cells`` maps (sheet, row, column key) to the cell address, as the workbook reader records it.
    """
    cells = cells or {}
    problems: list[Problem] = []
    for h in results:
        i, label = h.indicator, periode_label(h.periode)
        for k in missing_realisasi(h):
            tw = TW_NAMES[k - 1]
            problems.append(Problem(
                f"{i.kode}: Realisasi {tw} belum diisi, padahal ada target pada {h.periode.label}: isi "
                f"realisasinya, atau tulis alasannya di kolom Alasan Realisasi Kosong {tw} (mis. data belum "
                "tersedia dari BPS). Nilai triwulan sebelumnya hanya dipakai pada draf.",
                i.sheet or None, i.baris, f"Realisasi {tw}", _where(i, cells, f"r{k}"), None, tingkat=tingkat,
            ))  # fmt: skip
        for key, field in FIELDS:
            if field not in missing_fields(h):
                continue
            problems.append(Problem(
                f"{i.kode} belum mencapai target {h.periode.label} (capaian {fmt.persen(h.capaian)}%): "
                f"{field} {label} wajib diisi sebelum dokumen ditandatangani (analisis periode lain tidak "
                "berlaku untuk periode ini).",
                i.sheet or None, i.baris, f"{field} {label}", _where(i, cells, column_key(key, h.periode)), None,
                tingkat=tingkat,
            ))  # fmt: skip
    return problems


def own_target(indicator: Indicator, periode: Periode) -> Decimal | None:
    """The target of ``periode`` as if its last triwulan were filled (the aggregation's target of the
    period itself, never an earlier triwulan's taken with its value)."""
    n = periode.last_tw
    filled = tuple(Decimal(0) if k == n - 1 else r for k, r in enumerate(indicator.realisasi_tw))
    return period_values(replace(indicator, realisasi_tw=filled), periode)[0]  # type: ignore[arg-type]


def as_signed(results: Sequence[Hasil]) -> list[Hasil]:
    """``results`` as a final document prints them: a result whose realisasi comes from an earlier
    triwulan (``carried_from``), or is blank with a stated reason, is shown without realisasi,
    capaian or predikat ("Belum Diisi"), its message the reason written for the period."""
    signed = []
    for h in results:
        i, n = h.indicator, h.periode.last_tw
        reason = alasan(i, n) if i.realisasi_tw[n - 1] is None else ""
        carried = h.realisasi is not None and carried_from(i, h.periode)
        if not carried and not reason:
            signed.append(h)
            continue
        pesan = f"Realisasi {TW_NAMES[n - 1]} belum tersedia" + (f": {reason}." if reason else ".")
        signed.append(Hasil(i, h.periode, own_target(i, h.periode), None, None, None, Status.BELUM_DIISI, pesan,
                            h.serapan, None))
    return signed

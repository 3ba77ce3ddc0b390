"""The planning documents' contexts (report.context_plan): pure values in, formatted text out."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from tests.domain.builders import indicator
from xlwings_app.domain.profil import Pejabat
from xlwings_app.report.context_plan import (
    TITIK,
    Penetapan,
    pembanding,
    perjanjian_context,
    pihak,
    program,
    rencana_aksi,
    rencana_context,
    sasaran,
    target_text,
)
from xlwings_app.samples import contoh


def test_targets_print_the_indonesian_way() -> None:
    assert target_text(indicator(target_tahunan="4800")) == "4.800"
    assert target_text(indicator(target_tahunan="81.5")) == "81,5"
    assert target_text(indicator(target_tahunan=None, batas_bawah=80, batas_atas=90)) == "80–90"
    assert target_text(indicator(target_tahunan=None)) == "–"
    [row] = rencana_aksi([indicator(target_tahunan=6, target_tw=(2, 1, None, 2.5))])
    assert row["tw"] == ["2", "1", "–", "2,5"] and row["target"] == "6" and row["no"] == "1"


def test_sasaran_groups_in_order_of_first_appearance() -> None:
    rows = [indicator(kode="A", sasaran="S1"), indicator(kode="B", sasaran="S2"), indicator(kode="C", sasaran="S1")]
    groups = sasaran(rows)
    assert [(g["no"], g["nama"], [i["kode"] for i in g["indikator"]]) for g in groups] == [  # type: ignore[attr-defined]
        ("1", "S1", ["A", "C"]),
        ("2", "S2", ["B"]),
    ]


def test_program_sums_pagu_per_program_and_skips_rows_without() -> None:
    rows = [
        replace(indicator(pagu=85_000_000), program="Program A"),
        replace(indicator(pagu=None), program=" Program  A "),
        replace(indicator(pagu=1_500_000), program="Program B"),
        indicator(pagu=9_999),
    ]
    programs, total = program(rows)
    assert programs == [
        {"no": "1", "nama": "Program A", "anggaran": "Rp 85.000.000"},
        {"no": "2", "nama": "Program B", "anggaran": "Rp 1.500.000"},
    ]
    assert total == "Rp 86.500.000"
    assert program([replace(indicator(), program="Program C")]) == (
        [{"no": "1", "nama": "Program C", "anggaran": "–"}], "–"
    )


def test_comparison_only_when_last_year_is_known() -> None:
    assert pembanding([indicator()]) == []
    [row] = pembanding([replace(indicator(target_tahunan=95), target_lalu=Decimal(90), realisasi_lalu=Decimal("92.5"))])
    assert (row["target_lalu"], row["realisasi_lalu"], row["target"], row["renstra"]) == ("90", "92,5", "95", "–")


def test_parties_and_draft() -> None:
    assert pihak(Pejabat("Bupati Lumajang", ""))["nama"] == TITIK
    camat = pihak(contoh.PROFIL.penandatangan)
    assert camat["nip"].startswith("NIP ") and camat["nama"] == contoh.PROFIL.penandatangan.nama
    final = rencana_context(contoh.PROFIL, contoh.INDICATORS, Penetapan(2024, dt.date(2024, 1, 23)))
    assert final["draf"] == "" and final["kekurangan"] == [] and final["lampiran_sop"] == ""
    assert final["tempat_tanggal"] == f"{contoh.PROFIL.tempat}, 23 Januari 2024"
    draft = perjanjian_context(
        contoh.PROFIL, contoh.INDICATORS, contoh.PROFIL.penandatangan, Pejabat("Bupati X", "NAMA"),
        Penetapan(2024, dt.date(2024, 1, 23), True, ("IKU, sel I5: ...",)), "UNIT",
    )  # fmt: skip
    assert draft["draf"] == "DRAF" and draft["kekurangan"] == ["IKU, sel I5: ..."]
    assert draft["kedua"]["jabatan"] == "Bupati X" and draft["dokumen"]["subjudul"] == "UNIT"  # type: ignore[index]

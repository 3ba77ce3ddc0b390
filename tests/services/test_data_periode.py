"""Issue 25, item 3: a final document needs its period's data; "Tidak Ada Target" is its own status.

What broke: a final "S.D. TRIWULAN II" document was produced with no TW II realisasi at all (Akhir and
Rata-rata indicators silently took TW I's value, marked only "(TW I)"); an IKI document whose only
indicator had no target in the quarter said "Seluruh indikator kinerja telah mencapai target"; and
"Belum Diisi" stood where there was nothing to fill.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from tests.services.forms.conftest import find_cell
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.analisis import with_catatan
from xlwings_app.domain.indicator import Agregasi, Indicator, Jenis, Periode
from xlwings_app.domain.measure import Status, has_target, measure
from xlwings_app.domain.summary import summarize
from xlwings_app.samples import example
from xlwings_app.services.hitung import hitung
from xlwings_app.services.laporan import LaporanDitolak, laporan
from xlwings_app.services.laporan_iki import laporan_iki

TW1, TW2 = Periode.TW1, Periode.TW2


def text_of(docx: Path) -> str:
    """Every paragraph of the document, its tables' cells too, as one text."""
    doc = Document(str(docx))
    parts = [p.text for p in doc.paragraphs]
    parts += [p.text for t in doc.tables for row in t.rows for cell in row.cells for p in cell.paragraphs]
    return "\n".join(parts)


def without_tw2(indicators: list[Indicator]) -> list[Indicator]:
    return [replace(i, realisasi_tw=(i.realisasi_tw[0], None, None, None)) for i in indicators]


def build(path: Path, indicators: list[Indicator], periode: Periode = TW2) -> Path:
    settings = replace(example.SETTINGS, periode_aktif=periode)
    build_workbook(example.PROFIL, indicators, settings, pejabat=example.PEJABAT).save(path)
    return path


def test_a_final_without_the_periods_realisasi_is_refused_naming_every_cell(tmp_path: Path) -> None:
    master = build(tmp_path / "induk.xlsx", without_tw2(example.INDICATORS))
    before = master.read_bytes()
    with pytest.raises(LaporanDitolak) as refused:
        laporan(master, tmp_path / "out", TW2, log=False)
    assert "realisasi periode ini belum diisi" in str(refused.value)
    listed = {(p.kolom, p.sel) for p in refused.value.problems if p.kolom == "Realisasi TW II"}
    with_target = [i.kode for i in example.INDICATORS if i.jenis is Jenis.IKU and has_target(i, TW2)]
    assert listed == {("Realisasi TW II", find_cell(master, "IKU", k, "Realisasi TW II")) for k in with_target}
    assert "IKU-04" not in with_target  # no target in TW II: nothing to fill
    assert master.read_bytes() == before and not (tmp_path / "out").exists()


def test_carrying_tw1_forward_is_for_a_draft_only(tmp_path: Path) -> None:
    master = build(tmp_path / "induk.xlsx", without_tw2(example.INDICATORS))
    draft = laporan(master, tmp_path / "out", TW2, draf=True, log=False)
    text = text_of(draft.docx)
    assert "(TW I)" in text and "Realisasi TW II" in text  # the draft says what is missing


def test_a_stated_reason_lets_the_final_through_without_carrying(tmp_path: Path) -> None:
    reason = "data belum tersedia dari BPS"
    indicators = [
        replace(i, analisis=with_catatan(i.analisis, TW2, alasan=reason)) if i.realisasi_tw[1] is None else i
        for i in example.INDICATORS
    ]
    assert any(i.kode == "IKI-PMD-01" for i in indicators)
    iku01 = next(i for i in indicators if i.kode == "IKU-01")
    indicators = [replace(i, realisasi_tw=(i.realisasi_tw[0], None, None, None),
                          analisis=with_catatan(i.analisis, TW2, alasan=reason)) if i is iku01 else i
                  for i in indicators]  # fmt: skip
    master = build(tmp_path / "induk.xlsx", indicators)
    made = laporan(master, tmp_path / "out", TW2, log=False)
    text = text_of(made.docx)
    assert "Data belum tersedia" in text and "(TW I)" not in text
    assert f"Realisasi belum tersedia: IKU-01 ({reason})" in text
    assert "81,2" not in text.split("REALISASI PER TRIWULAN")[0]  # TW I's value is not this period's


def yearly_only(kode: str = "IKI-KEU-09") -> Indicator:
    """An IKI measured once a year: a target in TW IV only."""
    base = next(i for i in example.INDICATORS if i.kode == "IKI-KEU-01")
    return replace(base, kode=kode, agregasi=Agregasi.AKHIR, target_tw=(None, None, None, Decimal(100)),
                   realisasi_tw=(None, None, None, None), analisis=base.analisis)  # fmt: skip


def test_an_indicator_without_a_target_in_the_period_is_its_own_status() -> None:
    hasil = measure(yearly_only(), TW1, example.SETTINGS)
    assert hasil.status is Status.TIDAK_ADA_TARGET and hasil.pesan == "Tidak ada target pada periode ini."
    summary = summarize("", [hasil], example.SETTINGS)
    assert (summary.tercapai, summary.belum_diisi, summary.tanpa_target) == (0, 0, 1)
    assert measure(yearly_only(), Periode.TW4, example.SETTINGS).status is Status.BELUM_DIISI


def test_an_iki_document_whose_only_indicator_has_no_target_says_so(tmp_path: Path) -> None:
    iku = [i for i in example.INDICATORS if i.jenis is Jenis.IKU]
    own = replace(yearly_only(), penanggung_jawab=example.KASI_PMD)
    others = [i for i in example.INDICATORS if i.jenis is Jenis.IKI and i.penanggung_jawab != example.KASI_PMD]
    master = build(tmp_path / "induk.xlsx", [*iku, *others, own], TW1)
    done = laporan_iki(master, tmp_path / "out", TW1)
    doc = next(d for d in done if d.pejabat == example.KASI_PMD)
    text = text_of(doc.docx)
    assert "Seluruh indikator kinerja telah mencapai target" not in text
    assert "tidak memiliki target pada periode ini" in text and "Tidak ada target" in text
    assert "Belum diisi" not in text


def test_hasil_says_tidak_ada_target_never_belum_diisi(tmp_path: Path) -> None:
    master = build(tmp_path / "induk.xlsx", example.INDICATORS, TW1)
    hitung(master)
    ws = load_workbook(master)["Hasil"]
    statuses = [r[9] for r in ws.iter_rows(min_row=5, values_only=True) if r[1] == "IKU-04"]
    assert statuses == ["Tidak Ada Target"] * 3 + ["Belum Diisi"] * 2  # TW I–III, then TW IV and the year

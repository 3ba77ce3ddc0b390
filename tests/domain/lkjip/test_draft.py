"""The LKjIP drafted from the data: every paragraph of the structure in printed order, per sasaran where
repeated, placeholders where a person must still write, and the final gate."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.domain.lkjip.builders import SASARAN_1, SASARAN_2, hasil, rec
from xlwings_app.domain.indicator import Agregasi, Periode, Polaritas
from xlwings_app.domain.lkjip.analysis import Analisis
from xlwings_app.domain.lkjip.budget import ProgramAnggaran
from xlwings_app.domain.lkjip.draft import PER_SASARAN, UNIT, LkjipInput, draft_lkjip
from xlwings_app.domain.lkjip.history import build_history
from xlwings_app.domain.lkjip.renstra import RenstraPeriod
from xlwings_app.domain.lkjip.standar import StandarNasional
from xlwings_app.domain.lkjip.structure import Bentuk, Sumber, required, slot, slots
from xlwings_app.domain.lkjip.written import PLACEHOLDER, Tulisan

PERIOD = RenstraPeriod(2021, 2025)


def data(tulisan: tuple[Tulisan, ...] = ()) -> LkjipInput:
    current = (
        hasil("IKU-01", 90, "92.1", nama="Persentase pelayanan selesai tepat waktu", target_akhir=95),
        hasil("IKU-02", 80, 50, nama="Persentase desa dengan dokumen tepat waktu", target_akhir=100),
        hasil("IKU-03", 12, 10, nama="Jumlah dokumen desa difasilitasi", satuan="dokumen", agregasi=Agregasi.JUMLAH,
              target_akhir=60, sasaran=SASARAN_2),
        hasil("IKU-04", 8, 9, nama="Jumlah pengaduan tidak tertangani", satuan="pengaduan", agregasi=Agregasi.JUMLAH,
              polaritas=Polaritas.NEGATIF, target_akhir=40, sasaran=SASARAN_2),
    )  # fmt: skip
    records = [rec("IKU-01", 2021, 85, 80), rec("IKU-01", 2022, 86, 84), rec("IKU-01", 2023, 88, 77),
               rec("IKU-02", 2023, 75, 70), rec("IKU-03", 2021, 12, 11), rec("IKU-03", 2022, 12, 12),
               rec("IKU-03", 2023, 12, 13), rec("IKU-04", 2021, 8, 10), rec("IKU-04", 2022, 8, 8),
               rec("IKU-04", 2023, 8, 7)]  # fmt: skip
    history, problems = build_history(PERIOD, 2024, current, records)
    assert problems == []
    return LkjipInput(
        "Kecamatan Sukamaju", 2024, current, history,
        analisis=(Analisis("IKU-02", Periode.TW2, permasalahan="Data desa terlambat", rencana_aksi="Pendampingan"),),
        programs=(ProgramAnggaran("7.01.02", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
                                  Decimal(450_000_000), Decimal(280_000_000), Decimal("95.00"), SASARAN_1),),
        standar=(StandarNasional("IKU-01", Decimal(100), "SPM"),), tulisan=tulisan,
    )  # fmt: skip


def everything_written() -> tuple[Tulisan, ...]:
    return tuple(Tulisan(s.kunci, f"Teks {s.kunci}.", of) for s in slots(Sumber.TULISAN)
                 for of in ([SASARAN_1, SASARAN_2] if s.per_sasaran else [""]))  # fmt: skip


def test_the_drafting_rules_cover_exactly_the_structures_data_paragraphs() -> None:
    data_paragraphs = {s.kunci: s.per_sasaran for s in slots(Sumber.DATA) if s.bentuk is Bentuk.PARAGRAF}
    assert set(UNIT) == {k for k, per in data_paragraphs.items() if not per}
    assert set(PER_SASARAN) == {k for k, per in data_paragraphs.items() if per}


def test_the_unit_wide_paragraphs_in_printed_order_with_placeholders() -> None:
    draft = draft_lkjip(data())
    assert [(p.kunci, p.belum_ditulis) for p in draft.paragraphs] == [
        ("ikhtisar.ringkasan", False), ("ikhtisar.kendala", False),
        ("bab1.organisasi", True), ("bab1.tugas_fungsi", True), ("bab1.aspek_strategis", True),
        ("bab1.permasalahan_utama", True), ("bab1.sistematika", False),
        ("bab2.renstra", False), ("bab2.pk", False), ("bab3.a.ringkasan", False), ("bab3.b", False),
        ("bab4.simpulan", False), ("bab4.langkah", True),
    ]  # fmt: skip
    assert draft.paragraph("bab2.pk").teks == (  # type: ignore[union-attr]
        "Perjanjian Kinerja tahun 2024 memuat dua sasaran strategis dengan empat indikator kinerja utama, didukung "
        "satu program dengan pagu Rp 450.000.000.")  # fmt: skip


def test_each_sasaran_has_items_one_to_seven_and_its_tables() -> None:
    draft = draft_lkjip(data())
    assert [s.nama for s in draft.sasaran] == [SASARAN_1, SASARAN_2]
    first, second = draft.sasaran
    assert [p.kunci for p in first.paragraphs] == [
        "bab3.a.1", "bab3.a.2", "bab3.a.3", "bab3.a.4", "bab3.a.5.catatan", "bab3.a.5.analisis", "bab3.a.6", "bab3.a.7"]
    assert [r.kode for r in first.target_realisasi] == ["IKU-01", "IKU-02"]
    assert first.multi_year.tahun == (2021, 2022, 2023, 2024) and len(first.multi_year.rows) == 2
    assert [r.kode for r in first.standar] == ["IKU-01"] and second.standar == ()
    assert [s.kode for s in second.series] == ["IKU-03", "IKU-04"]
    assert first.paragraph("bab3.a.6").teks.startswith("Anggaran untuk sasaran ini sebesar Rp 450.000.000")  # type: ignore[union-attr]
    assert second.paragraph("bab3.a.6").teks.startswith("Anggaran untuk sasaran ini belum dicatat")  # type: ignore[union-attr]
    assert second.paragraph("bab3.a.3").teks.startswith(  # type: ignore[union-attr]
        "Realisasi IKU-03 Jumlah dokumen desa difasilitasi 2021–2024 berjumlah 46 dokumen, atau 76,67% dari target")


def test_a_draft_marks_every_unwritten_required_paragraph_and_notes_it() -> None:
    draft = draft_lkjip(data())
    assert len(draft.placeholders) == 7  # five unit-wide, the analysis of each of two sasaran
    assert all(p.teks.startswith(PLACEHOLDER) for p in draft.placeholders)
    assert len(draft.missing) == 7 and not any(p.is_error for p in draft.missing)


def test_a_final_is_refused_while_a_required_paragraph_is_missing_each_named() -> None:
    written = tuple(t for t in everything_written() if not (t.kunci == "bab3.a.5.analisis" and t.sasaran == SASARAN_2))
    draft = draft_lkjip(data(written), final=True)
    [problem] = draft.missing
    assert problem.is_error
    assert f'untuk sasaran "{SASARAN_2}" belum ditulis' in problem.pesan


def test_everything_written_leaves_no_placeholder_and_no_gap() -> None:
    draft = draft_lkjip(data(everything_written()), final=True)
    assert draft.placeholders == () and draft.missing == ()
    assert draft.paragraph("bab1.tindak_lanjut").teks == "Teks bab1.tindak_lanjut."  # type: ignore[union-attr]
    assert draft.sasaran[1].paragraph("bab3.a.7.analisis").teks == "Teks bab3.a.7.analisis."  # type: ignore[union-attr]


@pytest.mark.parametrize("kunci", [s.kunci for s in required()])
def test_each_required_piece_alone_missing_is_named(kunci: str) -> None:
    written = tuple(t for t in everything_written() if t.kunci != kunci)
    missing = draft_lkjip(data(written), final=True).missing
    assert all(p.pesan.startswith(f"LKjIP 2024: {slot(kunci).nama}") and p.is_error for p in missing)
    assert len(missing) == (2 if kunci == "bab3.a.5.analisis" else 1)

"""Each criterion Kinerja pre-fills, on data built to make it Y (or A) and on data built to make it T (or E).

``GOOD`` is the example unit with every fact met: yearly, triwulan and Renstra targets, realisasi
equal to the target in every triwulan so far, every IKI under an IKU, budget on every IKU, last
year's realisasi, the SOPs, TW1-TW3 sealed, the register followed up, every Rencana Aksi carried
out. ``BAD`` is the same unit with every fact missing. 1.c.3 needs measured IKU below target
(``MISSED``); 2.b.6 and 2.b.7 need nothing measured at all (``BAD``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from xlwings_app.domain.indicator import Indicator, Jenis, Periode, Polaritas
from xlwings_app.domain.lke.criteria import permenpanrb_88_2021
from xlwings_app.domain.lke.prefill import PREFILL
from xlwings_app.domain.lke.recommendations import Recommendation, Status, Sumber
from xlwings_app.domain.lke.rencana_aksi import follow_rencana_aksi
from xlwings_app.domain.lke.usulan import RULES, DataUnit, SopCycle, hint_for, propose
from xlwings_app.domain.seal import SealRecord
from xlwings_app.samples import example

SETTINGS = example.SETTINGS  # periode aktif TW3


def _good(i: Indicator) -> Indicator:
    tahunan = i.target_tahunan if i.target_tahunan is not None else Decimal(100)
    targets = tuple(t if t is not None else Decimal(10) for t in i.target_tw)
    iku = i.jenis is Jenis.IKU
    return replace(
        i, target_tahunan=tahunan, target_tw=targets, realisasi_tw=(*targets[:3], None),
        batas_bawah=None, batas_atas=None, induk=None if iku else "IKU-01",
        pagu=Decimal(1000) if iku else i.pagu, realisasi_anggaran=Decimal(900) if iku else i.realisasi_anggaran,
        target_akhir_renstra=tahunan if iku else None, realisasi_lalu=tahunan if iku else None,
    )  # fmt: skip


def _bad(i: Indicator) -> Indicator:
    return replace(
        i, target_tahunan=None, target_tw=(i.target_tw[0], None, None, None), realisasi_tw=(None,) * 4, batas_bawah=None, batas_atas=None,
        induk=None, pagu=None, realisasi_anggaran=None, target_akhir_renstra=None, realisasi_lalu=None,
    )  # fmt: skip


def _missed(i: Indicator) -> Indicator:
    good = _good(i)
    off = Decimal(3) if i.polaritas is Polaritas.NEGATIF else Decimal("0.5")
    return replace(good, realisasi_tw=(*(t * off if t else Decimal(1) for t in good.target_tw[:3]), None))  # a 0 target missed by 1


def _seal(periode: Periode) -> SealRecord:
    return SealRecord(periode, f"AAAA{periode.number}-BBBBB", dt.datetime(2024, 10, 7), f"Arsip_{periode.value}.zip", "0" * 64, ())


def _register(status: Status) -> list[Recommendation]:
    return [Recommendation(str(n), Sumber.LHE_INSPEKTORAT, 2023, "Perbaiki.", "Camat", None, "Dilakukan.", "Bukti", status)
            for n in range(1, 5)]  # fmt: skip


def _followed(done: bool) -> list:
    return [follow_rencana_aksi(f"IKU-0{n}", "TW1", Decimal(80), "Aksi.", done, "TW2", Decimal(90)) for n in (1, 2, 3)]


GOOD = DataUnit(
    2024, Periode.TW3, SETTINGS, [_good(i) for i in example.INDICATORS], [_good(i) for i in example.INDICATORS],
    [_seal(p) for p in (Periode.TW1, Periode.TW2, Periode.TW3)],
    ["SOP Perencanaan Kinerja", "SOP Pengukuran Kinerja", "SOP Pengumpulan Data Kinerja"],
    _register(Status.SESUAI), _followed(True), [SopCycle("Pengukuran Kinerja", "TW3", 900, 1025, 450)],
    "induk.xlsx", "induk-2023.xlsx",
)  # fmt: skip
BAD = DataUnit(
    2024, Periode.TW3, SETTINGS, [_bad(i) for i in example.INDICATORS],
    [replace(i, kode=f"{i.kode}-LAMA") for i in example.INDICATORS], (), (), _register(Status.BELUM), _followed(False),
    [SopCycle("Pengukuran Kinerja", "TW2", 900, 1025, 450), SopCycle("Pengukuran Kinerja", "TW3", 1530, 1025, 450)],
)  # fmt: skip
MISSED = replace(GOOD, indicators=[_missed(i) for i in example.INDICATORS])


def test_every_prefill_criterion_has_its_rule() -> None:
    assert set(RULES) == set(PREFILL)


@pytest.mark.parametrize("cid", sorted(RULES))
def test_data_meeting_the_fact_proposes_the_best_answer(cid: str) -> None:
    criterion = permenpanrb_88_2021().criterion(cid)
    proposal = propose(GOOD)[cid]
    assert proposal.answer == criterion.scale.letters[0], proposal.reason
    if criterion.scale.value == "A-E":
        assert "%" in proposal.reason and any(ch.isdigit() for ch in proposal.reason), proposal.reason  # its figures


@pytest.mark.parametrize("cid", sorted(set(RULES) - {"1.c.3"}))
def test_data_missing_the_fact_proposes_the_worst_answer(cid: str) -> None:
    criterion = permenpanrb_88_2021().criterion(cid)
    proposal = propose(BAD).get(cid)
    assert proposal is not None and proposal.answer == criterion.scale.letters[-1], proposal


def test_ikus_below_target_propose_e_for_1c3_with_the_figures() -> None:
    proposal = propose(MISSED)["1.c.3"]
    assert proposal.answer == "E"
    assert proposal.reason.startswith("0 dari 8 IKU mencapai target s.d. Triwulan III (0,00%)")
    assert propose(BAD).get("1.c.3") is None  # nothing measured: no proposal


def test_sealed_archives_are_the_evidence_by_name_and_code() -> None:
    proposal = propose(GOOD)["3.a.2"]
    assert [(e.file, e.verification_code) for e in proposal.evidence] == [
        ("Arsip_TW1.zip", "AAAA1-BBBBB"), ("Arsip_TW2.zip", "AAAA2-BBBBB"), ("Arsip_TW3.zip", "AAAA3-BBBBB"),
    ]  # fmt: skip
    assert "TW1, TW2, TW3" in proposal.reason
    assert propose(replace(GOOD, seals=[_seal(Periode.TW1)]))["3.a.2"].reason.startswith(
        "Laporan triwulan yang belum disegel: TW2, TW3"
    )


def test_the_register_share_proposes_4c1_and_4c2_and_no_register_none() -> None:
    mixed = replace(GOOD, register=[*_register(Status.SESUAI)[:3], *_register(Status.BELUM_SESUAI)[3:]])
    assert propose(mixed)["4.c.1"].answer == "C"  # 3 of 4 = 75 %: above 40, not above 75
    assert propose(mixed)["4.c.2"].reason.startswith("3 dari 4 rekomendasi (75,00%)")
    assert "4.c.1" not in propose(replace(GOOD, register=()))


def test_without_last_years_master_1b6_has_no_proposal_and_a_hint_names_the_fact() -> None:
    assert "1.b.6" not in propose(replace(GOOD, lalu=None))
    hint = hint_for("1.b.6", "IKU tahun ini sama dengan IKU tahun-tahun sebelumnya.")
    assert hint.startswith("Kinerja belum dapat mengusulkan jawaban: IKU tahun ini") and "Bukti:" in hint
    assert hint_for("4.a.1").startswith("Tidak dapat dinilai dari data Kinerja") and "pedoman evaluasi" in hint_for("4.a.1")


def test_3a6_reads_the_pengukuran_sops_cycles_in_working_days() -> None:
    assert propose(BAD)["3.a.6"].reason == (
        "Siklus SOP Pengukuran Kinerja sampai laporan disampaikan, TW2: 2,0 hari kerja dari standar 2,3 hari kerja "
        "(tepat waktu); TW3: 3,4 hari kerja dari standar 2,3 hari kerja (terlambat)."
    )
    assert "3.a.6" not in propose(replace(GOOD, sop_cycles=[SopCycle("Perencanaan Kinerja", "2024", 1, 2, 450)]))

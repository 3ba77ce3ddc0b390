"""The LKE workbook's live formulas give the engine's scores, predikat, statuses and kerangka logis.

One LKE workbook is built for the example unit (``services.lke.buat``), then answered in many ways
(the band-edge answer sets of tests/domain/lke/test_scoring.py, totals 90 → A, 90,63 → AA, 80, 70,
60, 50 and 30; a half cent rounding up; seeded random answers typed as "ya", " b ", "Tidak" or left
blank so the proposal counts; letters the scale lacks, "X" and a Y on an A-E criterion, which both
count 0), each file recalculated headless by LibreOffice in one run. Every
sub-component, component, the total, the predikat and its interpretation, the Ringkasan sheet, the
status of each answer and the set of criteria flagged by the kerangka logis column equal what the
engine reads from the same file (``services.lke.hitung``, ``domain.lke.kerangka_logis``).
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.domain.lke.helpers import best, with_sub, worst
from xlwings_app.adapters.documents.libreoffice import convert_many
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.domain.lke.criteria import permenpanrb_88_2021
from xlwings_app.domain.lke.kerangka_logis import check_kerangka_logis
from xlwings_app.domain.lke.model import Lke
from xlwings_app.domain.lke.proposal import Answer, Proposal
from xlwings_app.domain.lke.scoring import normalise_answer
from xlwings_app.samples import example
from xlwings_app.services import lke as service
from xlwings_app.services.workbook import create
from xlwings_app.sheets import lke as S

EDGES = [  # (changes over all-best, total, predikat): the domain's band-edge sets, and 30
    ({"4.c.1": "E", "4.c.2": "E", "4.c.3": "E", "4.c.4": "E"}, "90.00", "A"),
    ({"4.c.1": "E", "4.c.2": "E", "4.c.3": "E", "4.c.4": "D"}, "90.63", "AA"),
    ({"4.b": "E", "4.c": "E"}, "80.00", "BB"),
    ({"1.a": "T", "1.b": "E", "1.b.1": "T", "1.b.2": "T", "1.c": "E"}, "70.00", "B"),
    ({"1.a": "T", "1.b": "E", "1.b.1": "T", "1.b.2": "T", "1.c": "E", "4.a": "T", "3.a": "T",
      "3.b.1": "E", "3.b.2": "E", "3.b.3": "E", "3.b.4": "E"}, "60.00", "CC"),
    ({"1.a": "T", "1.b": "E", "1.b.1": "T", "1.b.2": "T", "1.c": "E", "4.b": "E", "4.c": "E"}, "50.00", "C"),
    ({"2.a": "T", "2.b": "E", "2.b.4": "T", "2.b.6": "T", "2.b.7": "T", "2.c": "E", "3.a": "T", "3.b": "E",
      "3.c": "E", "4.a": "T", "4.b": "E", "4.c": "E"}, "30.00", "D"),
]  # fmt: skip


def _apply(lke: Lke, changes: dict[str, str]) -> dict[str, str | None]:
    answers = best(lke)
    for target, letter in changes.items():
        if target.count(".") == 1:
            answers = with_sub(answers, lke, target, letter)
        else:
            answers[target] = letter
    return answers


def _random(lke: Lke, seed: int) -> dict[str, str | None]:
    rng = random.Random(seed)
    typed: dict[str, str | None] = {}
    for c in lke.criteria():
        pick = rng.choice([*c.scale.letters, None, None])
        if pick == "Y" and rng.random() < 0.3:
            pick = "ya"
        elif pick == "T" and rng.random() < 0.3:
            pick = "Tidak"
        elif pick is not None and rng.random() < 0.3:
            pick = f" {pick.lower()} "
        typed[c.id] = pick
    return typed


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lke")
    master = folder / "induk.xlsx"
    create(master, build_workbook(example.PROFIL, example.INDICATORS, example.SETTINGS, spare_rows=2,
                                  pejabat=example.PEJABAT), overwrite=True)  # fmt: skip
    return service.buat(master).path


def _answered(template: Path, target: Path, typed: dict[str, str | None]) -> Path:
    wb = load_workbook(template)
    ws = wb[S.SHEET]
    rows = S.rows_of(permenpanrb_88_2021())
    for cid, letter in typed.items():
        ws[rows.cell("jawaban", cid)].value = letter
    wb.save(target)
    return target


@pytest.mark.libreoffice
def test_libreoffice_scores_every_answer_set_as_the_engine(built: Path, tmp_path: Path) -> None:
    lke = permenpanrb_88_2021()
    sets: list[tuple[dict[str, str | None], str | None, str | None]] = [
        (_apply(lke, changes), total, kode) for changes, total, kode in EDGES
    ]
    sets.append((with_sub(best(lke), lke, "3.b", "D") | {"3.b.6": "A", "3.b.7": "A", "3.b.8": "A", "3.b.9": "A"}, None, None))
    sets.append((worst(lke), "0.00", "D"))
    sets.append(({c.id: None for c in lke.criteria()}, None, None))  # the proposals alone count
    sets.append((best(lke) | {"2.b.6": "X", "1.c.2": "Y", "4.a.1": None}, None, None))  # invalid: 0 in both
    sets.extend((_random(lke, seed), None, None) for seed in range(6))
    files = [_answered(built, tmp_path / f"jawab{n}.xlsx", typed) for n, (typed, _, _) in enumerate(sets)]
    recalculated = convert_many(files, "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
    rows = S.rows_of(lke)
    for (typed, total, kode), source, live_path in zip(sets, files, recalculated, strict=True):
        engine = service.hitung(source)
        assert all(p.kolom == "Jawaban" and " harus " in p.pesan for p in engine.errors), engine.errors
        if total is not None:
            assert (engine.score.total, engine.score.predikat.kode) == (Decimal(total), kode)
        live = load_workbook(live_path, data_only=True)
        ws, summary = live[S.SHEET], live[S.SHEET_RINGKASAN]
        assert Decimal(str(ws[S.TOTAL_CELL].value)).quantize(Decimal("0.01")) == engine.score.total, source.name
        assert ws[S.PREDIKAT_CELL].value == engine.score.predikat.kode
        assert ws[S.INTERPRETASI_CELL].value == engine.score.predikat.interpretasi
        for n, part in enumerate(engine.score.components):
            cell = ws[f"{S.letter('nilai')}{rows.components[part.component.id]}"].value
            assert Decimal(str(cell)).quantize(Decimal("0.01")) == part.nilai, (source.name, part.component.id)
            assert Decimal(str(summary.cell(5 + n, 4).value)).quantize(Decimal("0.01")) == part.nilai
            for sub in part.subs:
                value = ws[f"{S.letter('nilai')}{rows.subs[sub.sub.id]}"].value
                assert Decimal(str(value)).quantize(Decimal("0.01")) == sub.nilai, (source.name, sub.sub.id, value)
        flagged = {cid for cid in rows.criteria if ws[rows.cell("logis", cid)].value}
        assert flagged == {b.criterion.id for b in check_kerangka_logis(lke, engine.answers)}, source.name
        for cid in rows.criteria:
            proposal = engine.proposals.get(cid)
            answer = Answer(cid, Proposal(cid, proposal, "") if proposal else None, normalise_answer(typed.get(cid)))
            assert ws[rows.cell("status", cid)].value == answer.status.value, (source.name, cid)
            shown = answer.override or proposal  # typed, else the proposal
            assert (ws[rows.cell("akhir", cid)].value or None) == shown, (source.name, cid)
            if engine.answers[cid] != shown:  # an invalid letter: shown as typed, counted 0 by both
                assert engine.answers[cid] is None and ws[rows.cell("nilai", cid)].value == 0, (source.name, cid)


EDGE_TOTALS = ["0", "29.99", "30", "30.004", "30.005", "30.01", "50", "50.004", "50.005", "60", "60.01", "70",
               "70.01", "80", "80.01", "89.99", "90", "90.004", "90.005", "90.01", "100"]


@pytest.mark.libreoffice
def test_predikat_formula_at_each_band_edge(tmp_path: Path) -> None:
    from openpyxl import Workbook

    from xlwings_app.domain.lke.predikat import predikat_akip

    wb = Workbook()
    ws = wb.active
    for row, total in enumerate(EDGE_TOTALS, start=1):
        ws.cell(row, 1, float(total))
        ws.cell(row, 2, S.predikat_formula(f"A{row}"))
        ws.cell(row, 3, S.interpretasi_formula(f"B{row}"))
    wb.save(tmp_path / "band.xlsx")
    [live] = convert_many([tmp_path / "band.xlsx"], "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
    got = load_workbook(live, data_only=True).active
    for row, total in enumerate(EDGE_TOTALS, start=1):
        band = predikat_akip(Decimal(total))
        assert (got.cell(row, 2).value, got.cell(row, 3).value) == (band.kode, band.interpretasi), total


@pytest.mark.libreoffice
def test_the_registers_share_and_overdue_marks_equal_the_engine(built: Path, tmp_path: Path) -> None:
    import datetime as dt

    from xlwings_app.adapters.openpyxl.lke import fill_lke
    from xlwings_app.domain.lke.recommendations import followed_up_share
    from xlwings_app.sheets import lke_register as R

    past, future = dt.date(2020, 1, 31), dt.date(2099, 12, 31)
    target = tmp_path / "register.xlsx"
    target.write_bytes(built.read_bytes())
    fill_lke(target, register=[
        ["1", "LHE Inspektorat", 2023, "A.", "Camat", past, "Dilakukan.", "Bukti", "Sesuai"],
        ["2", "LHE Inspektorat", 2023, "B.", "Camat", past, "", "", "Belum ditindaklanjuti"],
        ["3", "LHE KemenPANRB", 2023, "C.", "Camat", future, "Sebagian.", "", "Belum sesuai"],
        ["4", "Evaluasi internal", 2024, "D.", "Camat", past, "", "", "Tidak dapat ditindaklanjuti"],
        ["5", "Evaluasi internal", 2024, "E.", "Camat", None, "Dilakukan.", "Bukti", "Sesuai"],
        ["6", "Evaluasi internal", 2024, "F.", "Camat", past, "", "", "Belum sesuai"],
    ])  # fmt: skip
    register, problems = R.read_register(list(enumerate(load_workbook(target)[R.SHEET_REKOMENDASI].iter_rows(
        values_only=True), start=1)))  # fmt: skip
    assert not problems and len(register) == 6
    [live] = convert_many([target], "xlsx:Calc MS Excel 2007 XML", tmp_path / "lo")
    ws = load_workbook(live, data_only=True)[R.SHEET_REKOMENDASI]
    share = followed_up_share(register)
    assert (ws["C2"].value, ws["C3"].value) == (share.sesuai, share.total - share.tidak_dapat)  # 2 of 5
    assert Decimal(str(ws["C4"].value)) == share.percent == Decimal("40.00")
    marks = [ws.cell(R.REG_HEADER_ROW + n, len(R.REG_HEADERS)).value or "" for n in range(1, 7)]
    assert marks == ["Lewat batas waktu" if r.overdue(dt.date.today()) else "" for r in register]
    assert marks == ["", "Lewat batas waktu", "", "", "", "Lewat batas waktu"]

"""docs/administrasi-sop.md states what the SOPs and the code say: every step's Output, the example plan."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

import xlwings_app
from xlwings_app.domain.administrasi.program_kerja import susun_program
from xlwings_app.domain.formatting import tanggal
from xlwings_app.domain.sop.calendar import WorkingCalendar
from xlwings_app.domain.sop.presets import preset, preset_ids

PAGE = Path(xlwings_app.__file__).parent.parent / "docs" / "administrasi-sop.md"


@pytest.fixture(scope="module")
def page() -> str:
    return PAGE.read_text(encoding="utf-8")


STATUSES = {"ada", "aturan", "orang", "sebagian"}
"""The page's statuses: built, a domain rule only, a person's work, built in part (the page's legend)."""


@pytest.mark.parametrize("preset_id", preset_ids())
def test_every_step_of_every_seed_sop_has_its_row_with_the_sops_output(page: str, preset_id: str) -> None:
    heading = next(line for line in page.splitlines() if line.startswith("### ") and f"(`{preset_id}`)" in line)
    section = page.split(heading, 1)[1].split("\n### ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and line[2].isdigit()]
    sop = preset(preset_id)
    assert [int(r.split("|")[1]) for r in rows] == [s.no for s in sop.steps]
    for row, step in zip(rows, sop.steps, strict=True):
        assert f"| {step.output} |" in row, (preset_id, step.no)
        status = row.rstrip().rstrip("|").rsplit("|", 1)[1].strip()
        assert status and set(status.split("; ")) <= STATUSES, (preset_id, step.no, status)


def test_the_example_plan_is_what_the_code_computes(page: str) -> None:
    plan = susun_program(preset("pengumpulan-data-tim-sakip"), datetime(2024, 2, 7, 7, 30), WorkingCalendar(),
                         date(2024, 2, 15))  # fmt: skip

    def shown(moment: datetime) -> str:
        return f"{tanggal(moment)} {moment:%H.%M}"

    for step in plan.langkah:
        assert f"| {step.no} | {step.waktu or '–'} | {shown(step.mulai)} | {shown(step.selesai)} |" in page
    assert f"Lama: {plan.menit_kerja} menit kerja ({plan.lama_teks}), {plan.hari_kerja} hari kerja." in page
    assert plan.batas is not None and f"terpenuhi, {plan.batas.uraian()[8:].rstrip('.')} (14 Februari libur)." in page

"""The actions stamp the Pengumpulan Data SOP's steps into Log Langkah; sop periksa measures them."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.ready import ready
from tests.services.forms.conftest import TW4, build_master
from tests.services.sop.helpers import edit, fill_log
from xlwings_app.adapters.openpyxl.form_fill import fill_form
from xlwings_app.adapters.openpyxl.sop_sheets import add_sop_sheets
from xlwings_app.adapters.xlsx.reader import read_sop_workbook
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.sop.log import LogEntry
from xlwings_app.domain.sop.presets import preset
from xlwings_app.services.formulir import formulir
from xlwings_app.services.rekap import rekap
from xlwings_app.services.sop import periksa
from xlwings_app.sheets.sop_layout import SHEET_LOG

TW3 = Periode.TW3

SOP = preset("pengumpulan-data-tim-sakip")


def _with_sop(path: Path, sop_id: str = "pengumpulan-data-tim-sakip") -> Path:
    def add(wb: Workbook) -> None:
        add_sop_sheets(wb, preset(sop_id), 2024)

    edit(path, add)
    return path


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def _runs(path: Path, periode: str = "TW4") -> dict[int, list[LogEntry]]:
    data = read_sop_workbook(path)
    out: dict[int, list[LogEntry]] = {}
    for e in data.entries:
        if e.periode == periode and e.langkah is not None:
            out.setdefault(e.langkah, []).append(e)
    return out


def _set_status(form: Path, status: str, when: datetime) -> None:
    wb = load_workbook(form)
    ws = wb[wb.sheetnames[0]]
    row = next(r[0].row for r in ws.iter_rows(max_row=40) if str(r[0].value or "").startswith("Status formulir"))
    ws.cell(row, 2, status)
    wb.save(form)
    os.utime(form, (when.timestamp(), when.timestamp()))


@pytest.fixture
def induk(tmp_path: Path) -> Path:
    """The forms' master with the Pengumpulan Data SOP (built once per run, copied: ``tests.ready``)."""
    return ready("induk-pengumpulan", lambda p: _with_sop(build_master(p)), tmp_path / "induk.xlsx")


def test_distribution_collection_and_rekap_fill_steps_6_7_8_at_the_times_they_ran(induk: Path, tmp_path: Path) -> None:
    folder = tmp_path / "Formulir TW4"
    before = datetime.now()
    sent = formulir(induk, folder, TW4)
    after = datetime.now()
    assert sent.valid and sent.log == ["Log Langkah: baris periode TW4 ditambahkan; langkah 6 TW4 dicatat."]
    runs = _runs(induk)
    assert sorted(runs) == list(range(1, 13))  # the period's rows, one per SOP step
    step6 = runs[6][0]
    assert isinstance(step6.mulai, datetime) and isinstance(step6.selesai, datetime)
    assert _minute(before) <= step6.mulai <= step6.selesai <= after
    assert step6.catatan.startswith("Dicatat otomatis (kinerja formulir) pada Mulai dan Selesai: 8 formulir, "
                                    "Tanda Terima Formulir TW4.xlsx")
    assert step6.mulai == step6.selesai  # the moment the forms went out, not the seconds the command ran
    assert step6.pelaksana == "NURUL HIDAYATI, S.E."  # Tim SAKIP: the Pengelola Kinerja of Profil
    assert all(runs[n][0].mulai is None for n in runs if n != 6)

    forms = {pj: Path(where) for pj, where, _ in sent.formulir}
    first, *rest = forms
    fill_form(forms[first], {})
    _set_status(forms[first], "Final", datetime.now())
    partial = rekap(induk, [folder], TW4)
    assert partial.valid
    step7 = _runs(induk)[7][0]
    assert step7.mulai == _minute(before) and step7.selesai is None  # some forms are still Draf
    assert f"{first} Final" in step7.catatan and "belum masuk" in step7.catatan  # the blank ones are not back
    step8 = _runs(induk)[8][0]
    assert isinstance(step8.mulai, datetime) and _minute(before) <= step8.mulai <= datetime.now()

    last = datetime.now()  # the forms come back Final one after the other, the last one now
    for offset, pj in enumerate(reversed(rest)):
        _set_status(forms[pj], "Final", last - timedelta(seconds=offset))
    again = rekap(induk, [folder], TW4)
    assert again.valid
    runs = _runs(induk)
    assert runs[7][0].selesai == _minute(last)  # the last form that came back Final
    step8_again = runs[8][0]  # Kinerja's own row: the last rekap is the one that counts
    assert step8_again.baris == step8.baris and _minute(last) <= step8_again.mulai  # type: ignore[operator]
    assert "dicatat ulang" in " ".join(again.log)

    measured = periksa(induk, "TW4")
    assert measured.valid, [str(p) for p in measured.problems]
    statuses = {r.langkah: r.status for r in measured.summaries[0].runs}
    assert statuses[6] == "Dicatat Otomatis" and statuses[8] == "Dicatat Otomatis", statuses  # not measured
    assert statuses[7] == "Tepat Waktu"  # handed out, then the last form saved Final: people's time
    assert statuses[1] == "Belum Dimulai"


def test_a_log_a_person_filled_is_left_as_it_was(induk: Path, tmp_path: Path) -> None:
    typed = [("TW4", n, "NURUL", datetime(2024, 10, 1, 8, n), datetime(2024, 10, 1, 9, n), f"isi {n}")
             for n in range(1, 13)]  # fmt: skip
    fill_log(induk, typed)
    log_before = [tuple(c.value for c in row) for row in load_workbook(induk)[SHEET_LOG].iter_rows()]
    folder = tmp_path / "Formulir TW4"
    sent = formulir(induk, folder, TW4)
    result = rekap(induk, [folder], TW4)
    assert sent.valid and result.valid
    assert result.cadangan is None  # nothing to stamp: the rekap does not rewrite the master
    assert sent.cadangan is not None  # the first forms of this master: its forms key is kept in it
    log_after = [tuple(c.value for c in row) for row in load_workbook(induk)[SHEET_LOG].iter_rows()]
    assert log_after == log_before
    assert "langkah 6 TW4 sudah terisi; tidak diubah." in sent.log[0]


def test_a_workbook_without_sop_is_touched_only_for_its_forms_key(tmp_path: Path) -> None:
    master = build_master(tmp_path / "induk.xlsx")
    first = formulir(master, tmp_path / "f", TW4)  # the first forms: the master keeps their key
    assert first.valid and first.log == [] and first.log_ditulis
    before = master.read_bytes()
    sent = formulir(master, tmp_path / "f", TW4, overwrite=True)
    assert sent.valid and sent.log == [] and not sent.log_ditulis and master.read_bytes() == before


def test_an_open_master_stops_formulir_before_any_form_is_written(induk: Path, tmp_path: Path) -> None:
    (induk.parent / f"~${induk.name}").write_text("lock")
    before = induk.read_bytes()
    folder = tmp_path / "Formulir TW4"
    with pytest.raises(Exception, match="dibuka"):
        formulir(induk, folder, TW4)
    assert induk.read_bytes() == before and not any(folder.glob("*.xlsx"))


@pytest.mark.libreoffice
def test_laporan_and_arsip_stamp_the_pengukuran_sops_steps_7_and_10(tmp_path: Path) -> None:
    from xlwings_app.services.arsip import arsip
    from xlwings_app.services.laporan import laporan

    master = _with_sop(build_master(tmp_path / "induk.xlsx"), "pengukuran-tim-sakip")
    from xlwings_app.services.sop import mulai

    assert mulai(master, "TW3").valid  # the office logs TW3, the period the example is complete for
    before = datetime.now()
    doc = laporan(master, tmp_path / "out", TW3)
    sealed = arsip(master, TW3, tmp_path / "out", dokumen=tmp_path / "out")
    runs = _runs(master, "TW3")
    assert doc.docx.exists() and sealed.zip.exists()
    step7, step10 = runs[7][0], runs[10][0]
    assert step7.catatan == f"Dicatat otomatis (kinerja laporan) pada Mulai dan Selesai: {doc.docx.name}"
    assert step10.catatan == f"Dicatat otomatis (kinerja arsip) pada Mulai dan Selesai: {sealed.zip.name}"
    for row in (step7, step10):
        assert isinstance(row.mulai, datetime) and isinstance(row.selesai, datetime)
        assert _minute(before) <= row.mulai <= row.selesai <= datetime.now()
    assert any("langkah 7 TW3" in p.pesan for p in doc.peringatan)
    assert any("langkah 10 TW3" in line for line in sealed.catatan)

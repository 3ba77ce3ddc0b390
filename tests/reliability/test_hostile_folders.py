"""Every writing command against a read-only folder and a full disk (defects 5, 9 and 13 of the third
probe): exit code 2 with a message naming the file or folder, never "Galat internal", and every file
already there (earlier documents, PDFs, archives, forms, the master, the kabupaten rekap) unchanged."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.reliability.conftest import build_master, kinerja
from tests.reliability.hostile import METHODS, HostileFolder
from xlwings_app.adapters.openpyxl.form_fill import fill_form


def _commands(f: Path) -> list[tuple[object, ...]]:
    """Every command that writes a file, as run in folder ``f`` (the master ``f/kinerja.xlsx``)."""
    m = f / "kinerja.xlsx"
    return [
        ("hitung", m),
        ("laporan", m, "-p", "TW2"),
        ("laporan", m, "-p", "TW2", "--draf"),
        ("laporan-iki", m, "-p", "TW2"),
        ("arsip", m, "-p", "TW2"),
        ("rencana", m),
        ("perjanjian", m),
        ("perjanjian", m, "--iki"),
        ("formulir", m, "-p", "TW2", "--keluar", f / "Formulir TW2", "--timpa"),
        ("formulir", m, "-p", "TW2", "--keluar", f / "Formulir baru"),
        ("laporan", m, "-p", "TW2", "--keluar", f / "hasil baru"),
        ("lembar", m, "-p", "TW2", "--timpa"),
        ("rekap", m, f / "Formulir TW2 diisi", "-p", "TW2"),
        ("tanda-terima", m, f / "Formulir TW2", "-p", "TW2", "--timpa"),
        ("laporan-pengumpulan", m, f / "Formulir TW2", "-p", "TW2"),
        ("kabupaten", f / "kiriman", "-p", "TW2", "--keluar", f / "Rekap Kabupaten.xlsx"),
        ("baru", f / "baru.xlsx", "--timpa", "--tahun", "2025"),
        ("baru", f / "lanjut.xlsx", "--timpa", "--dari", m),
        ("sop", "mulai", m, "-p", "TW3", "--sop", "pengukuran-lumajang"),
        ("sop", "periksa", m),
    ]


def prepare(f: Path) -> None:
    """The folder as an office has it: the master, every document made once, forms handed out and
    recapped, a second batch filled in and waiting, a kabupaten inbox and its rekap."""
    m = build_master(f / "kinerja.xlsx")
    steps: list[tuple[object, ...]] = [
        ("sop", "mulai", m, "-p", "TW2", "--sop", "pengukuran-lumajang"),
        ("formulir", m, "-p", "TW2", "--keluar", f / "Formulir TW2"),
    ]
    for step in steps:
        assert kinerja(*step).exit_code == 0, step
    shutil.copytree(f / "Formulir TW2", f / "Formulir TW2 diisi")
    filled = next((f / "Formulir TW2 diisi").glob("Formulir TW2 - Kasi Pemerintahan*.xlsx"))
    fill_form(filled, {"IKI-PEM-01": {"r2": 7}})
    (f / "kiriman").mkdir()
    shutil.copy(m, f / "kiriman" / "unit.xlsx")
    for command in _commands(f):
        if command[0] == "rekap" or command[:2] == ("sop", "mulai") or " baru" in str(command[-1]):
            continue  # left to do: the hostile run has something to write (a new folder among them)
        run = kinerja(*command)
        assert run.exit_code == 0, (command, run.output)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kantor") / "kantor"
    folder.mkdir()
    prepare(folder)
    return folder


def relocated(prepared: Path, target: Path) -> None:
    """A copy of the prepared office in ``target`` (the master's own paths inside it stay valid)."""
    for item in prepared.iterdir():
        if item.is_dir():
            shutil.copytree(item, target / item.name)
        else:
            shutil.copy2(item, target / item.name)


def refusals(folder: HostileFolder, commands: Callable[[Path], list[tuple[object, ...]]]) -> list[str]:
    """Run every command in the hostile folder; the ways any of them failed the rules."""
    wrong = []
    names = {p.name for p in folder.folder.rglob("*")} | {folder.folder.name, str(folder.folder)}
    for command in commands(folder.folder):
        before = folder.snapshot()
        run = kinerja(*command)
        shown = " ".join(str(c).replace(str(folder.folder), "") for c in command)
        if run.exit_code != 2:
            wrong.append(f"{shown}: exit {run.exit_code}: {run.output[-400:]}")
        elif "Galat internal" in run.output or "Traceback" in run.output:
            wrong.append(f"{shown}: {run.output[-400:]}")
        elif not any(name in run.output for name in names):
            wrong.append(f"{shown}: names no file: {run.output[-400:]}")
        after = folder.snapshot()
        if after != before:
            changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
            wrong.append(f"{shown}: changed {changed}")
    return wrong


@pytest.mark.libreoffice
@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("kind", ["hanya-baca", "penuh"])
def test_every_writing_command_refuses_a_hostile_folder_with_exit_2(
    prepared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hostile: list[HostileFolder],
    kind: str, method: str,
) -> None:
    folder = HostileFolder(tmp_path, kind, method, monkeypatch)
    hostile.append(folder)
    relocated(prepared, folder.folder)
    folder.close_off()
    assert refusals(folder, _commands) == []


@pytest.mark.libreoffice
@pytest.mark.parametrize("method", METHODS)
def test_laporan_with_pdf_on_a_full_disk_keeps_the_earlier_document_and_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hostile: list[HostileFolder], method: str
) -> None:
    folder = HostileFolder(tmp_path, "penuh", method, monkeypatch)
    hostile.append(folder)
    m = build_master(folder.folder / "kinerja.xlsx")
    assert kinerja("laporan", m, "-p", "TW2", "--pdf").exit_code == 0
    folder.close_off()
    assert refusals(folder, lambda f: [("laporan", f / "kinerja.xlsx", "-p", "TW2", "--pdf")]) == []
    docs = sorted(p.name for p in folder.folder.iterdir() if p.suffix in (".docx", ".pdf"))
    assert docs == ["Pengukuran_Kinerja_2024_TW2.docx", "Pengukuran_Kinerja_2024_TW2.pdf"]


@pytest.mark.parametrize("method", METHODS)
def test_a_completely_full_disk_under_the_master_is_exit_2_for_hitung(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hostile: list[HostileFolder], method: str
) -> None:
    """The lock file Kinerja writes before anything else is where a completely full disk shows first."""
    folder = HostileFolder(tmp_path, "penuh", method, monkeypatch)
    hostile.append(folder)
    build_master(folder.folder / "kinerja.xlsx")
    folder.close_off()
    assert refusals(folder, lambda f: [("hitung", f / "kinerja.xlsx")]) == []

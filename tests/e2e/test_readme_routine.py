"""The README's quarterly routine for the office: what to set each quarter, where forms go and come
back, the lambang, adapting the SOP sheet; every command it names exists with the options it uses,
and the office guide says the same (issue 25 item 8)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xlwings_app.cli import app

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
GUIDE = (ROOT / "docs" / "panduan-kantor.md").read_text(encoding="utf-8")
ROUTINE = README[README.index("## Rutinitas kantor setiap triwulan"):README.index("## Pengumpulan data")]
COMMANDS = sorted({m for m in re.findall(r"`kinerja ([a-z-]+(?: [a-z]+)?)", ROUTINE)})


def test_the_routine_says_what_to_set_each_quarter_and_where_forms_go() -> None:
    for words in ("*Periode aktif*", "*Tanggal Penandatanganan*", "`Formulir TW2`", "Berkas Lambang Daerah",
                  "`kinerja sop sesuaikan FILE`", "**Atasan**", "--lampiran scan_ttd.pdf", "**.xlsx**"):
        assert words in ROUTINE, words
    for words in ("*Tanggal\n   Penandatanganan*", "Berkas Lambang Daerah", "`kinerja sop sesuaikan`", "**Atasan**"):
        assert words in GUIDE, words


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_the_routine_names_exists(command: str) -> None:
    result = CliRunner().invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0, result.output


def test_the_options_the_routine_uses_exist() -> None:
    for command, option in (("laporan-pengumpulan", "--nomor"), ("arsip", "--lampiran"), ("laporan", "--draf"),
                            ("formulir", "--keluar"), ("perjanjian", "--iki")):
        result = CliRunner().invoke(app, [command, "--help"], terminal_width=200)
        assert option in result.output, (command, option)
    assert len(COMMANDS) >= 10

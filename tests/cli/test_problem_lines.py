"""Long problem lists in the terminal: every problem, one plain line each, above ``TABLE_LIMIT``."""

from __future__ import annotations

import pytest

from xlwings_app.cli.common import TABLE_LIMIT, print_problems
from xlwings_app.domain.problems import Problem


def _notes(n: int, tingkat: str = "catatan") -> list[Problem]:
    return [
        Problem(sheet="IKI", baris=4 + i, kolom="Realisasi TW IV", sel=f"R{4 + i}", pesan=f"Pesan [{i}]",
                tingkat=tingkat)  # type: ignore[arg-type]
        for i in range(n)
    ]  # fmt: skip


def test_a_long_list_is_one_line_per_problem_naming_its_cell(capsys: pytest.CaptureFixture[str]) -> None:
    print_problems(_notes(TABLE_LIMIT + 1))
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert err == "" and lines[0] == f"Masalah isian ({TABLE_LIMIT + 1}):"
    assert len(lines) == TABLE_LIMIT + 2
    assert lines[1] == "  catatan: sheet IKI, sel R4 (kolom Realisasi TW IV): Pesan [0]"
    assert lines[-1].endswith(f"sel R{4 + TABLE_LIMIT} (kolom Realisasi TW IV): Pesan [{TABLE_LIMIT}]")


def test_a_long_list_with_an_error_goes_to_stderr_with_thousands_dots(capsys: pytest.CaptureFixture[str]) -> None:
    problems = _notes(1_500)
    problems[700] = Problem(sheet="IKU", sel="H9", kolom="Target", pesan="Target bukan angka.")
    print_problems(problems, "Masalah formulir", with_file=True)
    out, err = capsys.readouterr()
    assert out == "" and err.splitlines()[0] == "Masalah formulir (1.500):"
    assert "  galat: sheet IKU, sel H9 (kolom Target): Target bukan angka." in err.splitlines()


def test_up_to_the_limit_it_stays_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    print_problems(_notes(TABLE_LIMIT), with_file=True)
    out = capsys.readouterr().out
    assert "┃ Tingkat ┃ File" in out and "│ catatan │" in out and "Pesan [99]" in out

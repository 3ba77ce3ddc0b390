"""Every command has Indonesian help with an example (the sqlite-utils habit)."""

from __future__ import annotations

from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from xlwings_app.cli import app


def _commands() -> list[tuple[str, Any]]:
    root = typer.main.get_command(app)
    found: list[tuple[str, Any]] = []

    def walk(prefix: str, command: Any) -> None:
        if hasattr(command, "commands"):
            for name, sub in command.commands.items():
                walk(f"{prefix} {name}".strip(), sub)
        else:
            found.append((prefix, command))

    walk("", root)
    return found


COMMANDS = _commands()


def test_the_foundation_commands_exist() -> None:
    names = {name for name, _ in COMMANDS}
    assert {"baru", "contoh", "periksa", "hitung"} <= names


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_every_command_has_help_with_an_example(name: str, command: Any) -> None:
    assert command.help, name
    assert "Contoh:" in command.help and "kinerja " in command.help.split("Contoh:", 1)[1], name
    result = CliRunner().invoke(app, [*name.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert "Contoh:" in result.output


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_help_frame_is_indonesian_too(name: str, command: Any) -> None:
    output = CliRunner().invoke(app, [*name.split(), "--help"]).output
    for english in ("Usage:", "Options", "Show this message", "Arguments", "[required]", "[default:"):
        assert english not in output, (name, english)
    assert "Pemakaian:" in output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["hitung", "x.xlsx", "--periode", "TW9"], "Periode 'TW9' tidak dikenal"),
        (["hitung"], "Argumen belum diisi"),
        (["hitung", "x.xlsx", "--tidak-ada"], "Opsi tidak dikenal"),
        (["hitng"], "Perintah tidak dikenal"),
    ],
    ids=["bad-periode", "missing-file", "unknown-option", "unknown-command"],
)
def test_usage_errors_are_indonesian_exit_2_and_not_internal(args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output and "Galat internal" not in result.output


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_help_screens_show_plain_words_for_option_types(name: str, command: Any) -> None:
    run = CliRunner().invoke(app, [*name.split(), "--help"], terminal_width=100)
    assert run.exit_code == 0, run.output
    for english in ("<bool>", "<str>", "<path>", "<int>", "<list[", "[OPTIONS]", "<file>", "<directory>"):
        assert english not in run.output, (name, english, run.output)


def test_the_type_words() -> None:
    from xlwings_app.cli.bahasa import type_word

    labels = ("<bool>", "<str>", "<list[Path]>", "<path>", "<path>...", "<int>", "TW1|TW2")
    assert [type_word(t) for t in labels] == [
        None, "teks", "berkas...", "lokasi", "lokasi...", "angka", "TW1|TW2"]  # fmt: skip


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_the_entry_points_slim_app_answers_as_the_whole_app(name: str, command: Any) -> None:
    """``main()`` builds only the invoked command's module: its help and its usage errors are the
    whole app's, word for word (a command whose module has a single command uses the whole app)."""
    from xlwings_app.cli import OWNER, build

    top = name.split()[0]
    if top not in OWNER:
        assert top == "kabupaten", top  # the one module with a single command
        return
    slim = build((OWNER[top],))
    for args in ([*name.split(), "--help"], [*name.split(), "--tidak-ada"]):
        whole, mine = CliRunner().invoke(app, args), CliRunner().invoke(slim, args)
        assert (mine.exit_code, mine.output) == (whole.exit_code, whole.output), args


def test_every_command_has_an_owner_or_is_alone_in_its_module() -> None:
    from xlwings_app.cli import MODULES, OWNER, build

    names = {name.split()[0] for name, _ in COMMANDS}
    alone = {n for m in MODULES for n in [c.name for c in build((m,)).registered_commands] if m not in OWNER.values()}
    assert names == set(OWNER) | alone and alone == {"kabupaten"}

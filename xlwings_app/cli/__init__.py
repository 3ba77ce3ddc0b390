"""The ``kinerja`` command: a thin layer over the services, one command per user action.

Each command module registers its commands on the app; they parse arguments, call one service
and print the result. Messages are Indonesian.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from types import ModuleType

import typer

from xlwings_app.cli import (
    addin_cmds,
    administrasi_cmds,
    bahasa,
    forms_cmds,
    kabupaten_cmds,
    lke_cmds,
    pengumpulan_cmds,
    plan_cmds,
    pohon_cmds,
    report_cmds,
    sop_cmds,
    workbook_cmds,
)

bahasa.pasang()

MODULES: tuple[ModuleType, ...] = (
    workbook_cmds, sop_cmds, report_cmds, plan_cmds, forms_cmds, pengumpulan_cmds, administrasi_cmds, kabupaten_cmds,
    lke_cmds, addin_cmds, pohon_cmds,
)  # fmt: skip


def build(modules: Sequence[ModuleType] = MODULES) -> typer.Typer:
    """The ``kinerja`` app with the commands of ``modules`` (all of them by default)."""
    built = typer.Typer(
        name="kinerja",
        help="Kinerja: Pengukuran Kinerja (SAKIP) dari workbook Excel.",
        no_args_is_help=True,
        add_completion=False,
        rich_markup_mode="rich",
    )
    for module in modules:
        module.register(built)
    return built


def _names(built: typer.Typer) -> list[str]:
    """The top-level command names of ``built``, when Typer makes it a group of commands (a Typer
    of one command and no group is that command itself: ``kinerja FILE``, not ``kinerja NAME FILE``)."""
    if not built.registered_groups and len(built.registered_commands) < 2:
        return []
    return [str(c.name) for c in built.registered_commands] + [str(g.name) for g in built.registered_groups]


app = build()
OWNER = {name: module for module in MODULES for name in _names(build((module,)))}
"""The module that registers each top-level command (or command group), for the modules whose
commands alone still make a group."""


def main() -> None:
    """Console-script entry point.

    Typer turns every registered command into a click command (signature, types, defaults) before
    it dispatches (all of them, every time); ``kinerja hitung ...`` needs only the module of
    ``hitung``. Anything else (``--help``, no command, a mistyped one) gets the whole app.
    """
    owner = OWNER.get(sys.argv[1]) if len(sys.argv) > 1 else None
    command = build((owner,)) if owner is not None else app
    # One command, then the process ends: the imported modules' objects are never garbage (frozen,
    # full collections skip them), and the young generation is collected every 10,000 new objects
    # instead of 700 (far fewer collections, docs/jalur-cepat.md). Frozen again at the end, so the
    # interpreter's last full collections at exit skip everything. By then the command's files are
    # written and closed: services write through ``with`` blocks and commit before returning.
    gc.freeze()
    gc.set_threshold(10_000, 50, 50)
    try:
        command()
    finally:
        gc.freeze()

"""The ``kinerja`` command: a thin layer over the services, one command per user action.

Each command module registers its commands on the app; they parse arguments, call one service
and print the result. Messages are Indonesian.
"""

from __future__ import annotations

import typer

from xlwings_app.cli import (
    addin_cmds,
    bahasa,
    forms_cmds,
    kabupaten_cmds,
    pengumpulan_cmds,
    plan_cmds,
    report_cmds,
    sop_cmds,
    workbook_cmds,
)

bahasa.pasang()

app = typer.Typer(
    name="kinerja",
    help="Kinerja: Pengukuran Kinerja (SAKIP) dari workbook Excel.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)

for _module in (
    workbook_cmds, sop_cmds, report_cmds, plan_cmds, forms_cmds, pengumpulan_cmds, kabupaten_cmds, addin_cmds,
):
    _module.register(app)


def main() -> None:
    """Console-script entry point."""
    app()

"""``kinerja addin``: build the Excel add-in, install it into Excel, remove it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

addin_app = typer.Typer(
    name="addin",
    help=("Add-in Excel Kinerja (tab pita 'Kinerja' dan fungsi KINERJA_*).\n\nContoh: kinerja addin build"),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

DEFAULT_TARGET = Path("build") / "Kinerja.xlam"

_WINDOWS_ONLY = (
    "Perintah ini hanya untuk Windows: add-in Kinerja berjalan di Microsoft Excel for Windows. "
    "Di sistem ini gunakan 'kinerja addin build' untuk membuat berkas add-in."
)


@addin_app.command("build")
def build(
    keluar: Annotated[
        Path, typer.Option("--keluar", "-o", help="Berkas add-in yang ditulis.")
    ] = DEFAULT_TARGET,
    interpreter: Annotated[
        str | None,
        typer.Option(
            "--interpreter",
            help="Path python.exe di komputer Windows tujuan (Interpreter_Win), mis. C:\\Kinerja\\venv\\Scripts\\python.exe.",
        ),
    ] = None,
    pythonpath: Annotated[
        str | None, typer.Option("--pythonpath", help="Folder berisi paket xlwings_app di komputer tujuan.")
    ] = None,
) -> None:
    """Membuat berkas add-in Kinerja.xlam dari macros/ (tanpa Excel).

    Tanpa --interpreter add-in tidak menyebut Python mana yang dipakai; di Windows pasang dengan 'kinerja addin pasang', yang menulis Python itu.
    Contoh: kinerja addin build --keluar build/Kinerja.xlam
    """
    from xlwings_app.addin.config_sheet import AddinConfig
    from xlwings_app.addin.install import interpreter_problem
    from xlwings_app.addin.xlam import BuildError, build_xlam

    if interpreter:
        problem = interpreter_problem(interpreter)
        if problem:
            typer.echo(f"Gagal membuat add-in: {problem}", err=True)
            raise typer.Exit(1)
    config = AddinConfig(interpreter_win=interpreter or "", pythonpath=pythonpath or "")
    try:
        path = build_xlam(keluar, config)
    except BuildError as error:
        typer.echo(f"Gagal membuat add-in: {error}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"Add-in ditulis ke {path}")
    if not interpreter:
        typer.echo(
            "Peringatan: add-in ini tidak menyebut interpreter Python (Interpreter_Win), jadi xlwings "
            "memakai 'pythonw' dari PATH dan tidak dapat menemukan DLL-nya. Untuk dipakai di Windows: "
            "pasang dengan 'kinerja addin pasang' di komputer itu, atau buat dengan --interpreter.",
            err=True,
        )


@addin_app.command("pasang")
def pasang() -> None:
    """Memasang add-in Kinerja ke Excel (Windows): disalin ke folder XLSTART pengguna.

    Konfigurasinya memakai Python yang menjalankan perintah ini; Python itu diperiksa dulu (DLL xlwings di sampingnya, bukan Python Microsoft Store).
    Contoh: kinerja addin pasang
    """
    from xlwings_app.addin import install

    if not install.is_windows():
        typer.echo(_WINDOWS_ONLY, err=True)
        raise typer.Exit(1)
    try:
        done = install.pasang(install.xlstart_dir())
    except install.InstallError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(1) from None
    typer.echo(f"Add-in Kinerja dipasang: {done.addin}")
    typer.echo(f"Interpreter Python: {done.interpreter}")
    typer.echo(f"PYTHONPATH: {done.pythonpath}")
    for note in done.notes:
        typer.echo(f"Catatan: {note}")
    typer.echo("Tutup lalu buka kembali Excel; tab 'Kinerja' muncul di pita.")


@addin_app.command("lepas")
def lepas() -> None:
    """Melepas add-in Kinerja dari Excel (Windows): dihapus dari folder XLSTART pengguna.

    Contoh: kinerja addin lepas
    """
    from xlwings_app.addin import install

    if not install.is_windows():
        typer.echo(_WINDOWS_ONLY, err=True)
        raise typer.Exit(1)
    try:
        removed = install.lepas(install.xlstart_dir())
    except install.InstallError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(1) from None
    if removed is None:
        typer.echo("Add-in Kinerja tidak terpasang; tidak ada yang dihapus.")
    else:
        typer.echo(f"Add-in Kinerja dihapus: {removed}")
        typer.echo("Tutup lalu buka kembali Excel agar tab 'Kinerja' hilang.")


def register(app: typer.Typer) -> None:
    """Add this module's commands to app."""
    app.add_typer(addin_app, name="addin")

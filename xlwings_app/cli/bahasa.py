"""Typer's own help and error words in Indonesian ("Usage", "Options", "Show this message ...").

Typer (and the click it vendors) prints a few fixed English words around our Indonesian help
texts. They are module-level strings and one default argument; ``pasang()`` replaces them once,
before the app runs. If a Typer release renames them, the CLI still works and the help test
(tests/cli/test_help.py) fails, naming what to adapt.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from types import ModuleType
from typing import Any

from typer._click import core as click_core
from typer._click import exceptions, formatting

HELP_TEXT = "Tampilkan bantuan ini lalu keluar."

_RICH_WORDS = {
    "ARGUMENTS_PANEL_TITLE": "Argumen",
    "OPTIONS_PANEL_TITLE": "Opsi",
    "COMMANDS_PANEL_TITLE": "Perintah",
    "ERRORS_PANEL_TITLE": "Galat",
    "ABORTED_TEXT": "Dibatalkan.",
    "RICH_HELP": "Coba [blue]'{command_path} {help_option}'[/] untuk bantuan.",
    "DEFAULT_STRING": "[baku: {}]",
    "REQUIRED_LONG_STRING": "[wajib]",
    "DEPRECATED_STRING": "(usang) ",
}


_ERROR_WORDS = (
    ("Invalid value for ", "Nilai tidak sah untuk "),
    ("Invalid value: ", "Nilai tidak sah: "),
    ("Missing argument", "Argumen belum diisi:"),
    ("Missing option", "Opsi belum diisi:"),
    ("Missing parameter", "Parameter belum diisi"),
    ("No such option: ", "Opsi tidak dikenal: "),
    ("No such command", "Perintah tidak dikenal:"),
    ("Did you mean", "Maksud Anda"),
    ("Got unexpected extra argument", "Argumen berlebih"),
    ("Got unexpected extra arguments", "Argumen berlebih"),
    ("requires an argument", "memerlukan nilai"),
)


def _indonesian(text: str) -> str:
    for english, indonesian in _ERROR_WORDS:
        text = text.replace(english, indonesian)
    return text


def _translate_errors(cls: Any) -> None:
    original = cls.__dict__.get("format_message")
    if original is None or getattr(original, "_kinerja", False):
        return

    def format_message(self: Any) -> str:
        return _indonesian(original(self))

    format_message._kinerja = True  # type: ignore[attr-defined]
    cls.format_message = format_message


def _translate_rich(module: ModuleType) -> None:
    for name, text in _RICH_WORDS.items():
        setattr(module, name, text)
    _plain_panel(module)


class _AfterRichUtils(importlib.abc.MetaPathFinder):
    """Translate ``typer.rich_utils`` as soon as Typer imports it (only for help and errors).

    Importing it eagerly would load rich's markdown on every command.
    """

    def find_spec(self, name: str, path: Any, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if name != "typer.rich_utils":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return None
        loader = spec.loader
        original = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            original(module)
            _translate_rich(module)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


TYPE_WORDS = {
    "bool": "", "str": "teks", "int": "angka", "float": "angka", "path": "lokasi", "file": "berkas",
    "directory": "folder", "datetime": "tanggal", "Path": "berkas", "uuid": "teks",
}  # fmt: skip
"""Typer's type labels (``<str>``, ``<list[Path]>``) as the plain words the help shows; a flag
(``bool``) takes no value, so it shows none."""


def type_word(label: str | None) -> str | None:
    """``"<list[Path]>"`` → ``"berkas..."``, ``"<path>..."`` → ``"lokasi..."``, ``"<bool>"`` → ``None``;
    choices ("TW1|TW2") stay."""
    if not label or not label.startswith("<"):
        return label
    inner = label.removesuffix("...").strip("<>")
    many = inner.startswith("list[") or label.endswith("...")
    inner = inner.removeprefix("list[").removesuffix("]")
    word = TYPE_WORDS.get(inner, inner)
    if not word:
        return None
    return f"{word}..." if many else word


class _TypeWord:
    """An argument's parameter type that names itself with its plain word in the help panel."""

    def __init__(self, inner: Any, word: str | None) -> None:
        self._inner, self._word = inner, word

    def get_metavar(self, param: Any, ctx: Any) -> str | None:
        return self._word

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def _argument_label(param: Any, ctx: Any) -> str:
    label = param.type.get_metavar(param=param, ctx=ctx) or f"<{param.type.name}>"
    return f"{label}..." if param.nargs != 1 and not label.endswith("...") else label


def _plain_panel(module: ModuleType) -> None:
    """Typer's help panel takes an argument's type label from its parameter type: give it the word."""
    original = getattr(module, "_print_options_panel")  # noqa: B009 (Typer's private helper)
    if getattr(original, "_kinerja", False):
        return
    from typer.core import TyperArgument

    def panel(*, params: Any, ctx: Any, **rest: Any) -> None:
        arguments = [p for p in params if isinstance(p, TyperArgument)]
        types = [p.type for p in arguments]
        for param in arguments:
            word: Any = _TypeWord(param.type, type_word(_argument_label(param, ctx)))
            param.type = word
        try:
            original(params=params, ctx=ctx, **rest)
        finally:
            for param, kind in zip(arguments, types, strict=True):
                param.type = kind

    panel._kinerja = True  # type: ignore[attr-defined]
    setattr(module, "_print_options_panel", panel)  # noqa: B010


def _plain_types() -> None:
    from typer import core as typer_core

    original = typer_core.TyperOption.make_metavar
    if getattr(original, "_kinerja", False):
        return

    def make_metavar(self: Any, ctx: Any) -> str:
        return type_word(original(self, ctx=ctx)) or ""

    make_metavar._kinerja = True  # type: ignore[attr-defined]
    typer_core.TyperOption.make_metavar = make_metavar  # type: ignore[method-assign]


def pasang() -> None:
    """Put the Indonesian words in place (idempotent)."""
    _plain_types()
    if "typer.rich_utils" in sys.modules:
        _translate_rich(sys.modules["typer.rich_utils"])
    elif not any(isinstance(f, _AfterRichUtils) for f in sys.meta_path):
        sys.meta_path.insert(0, _AfterRichUtils())
    for cls in (exceptions.ClickException.__mro__[1], exceptions.BadParameter,
                exceptions.MissingParameter, exceptions.NoSuchOption):
        _translate_errors(cls)
    if getattr(formatting.HelpFormatter.write_usage, "_kinerja", False):
        return
    original_usage = formatting.HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", "[OPSI]").replace("COMMAND [ARGS]", "PERINTAH [ARGUMEN]")
        original_usage(self, prog, args, "Pemakaian: " if prefix is None else prefix)

    write_usage._kinerja = True  # type: ignore[attr-defined]
    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    original_help = click_core.Command.get_help_option

    def get_help_option(self: Any, ctx: Any) -> Any:
        option = original_help(self, ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    click_core.Command.get_help_option = get_help_option  # type: ignore[method-assign]

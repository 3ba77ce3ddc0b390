"""A template handed in by a user is untrusted: it never runs code, and every way it can be wrong is
exit code 2 naming the template (defects 1 and 10 of the third probe)."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import jinja2
import pytest
from docx import Document

from tests.reliability.conftest import files_of, kinerja
from xlwings_app.adapters.documents import docx as docx_adapter
from xlwings_app.adapters.documents.docx import TemplateError, default_template, render
from xlwings_app.report.context import provided

ESCAPE = (
    "{% for c in ''.__class__.__mro__[1].__subclasses__() %}{% if c.__name__ == '_wrap_close' %}"
    "{{ c.__init__.__globals__['system']('touch MARKER') }}{% endif %}{% endfor %}"
)
"""The probe's template: from a string constant to ``os.system`` (no variable the check knows)."""


def word_template(path: Path, *paragraphs: str) -> Path:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


def escape_template(folder: Path, marker: Path) -> Path:
    return word_template(folder / "jahat.docx", "{{ kop.unit }}", ESCAPE.replace("MARKER", str(marker)))


@pytest.mark.parametrize("command", ["laporan", "laporan-iki"])
def test_a_template_that_reaches_for_os_system_is_refused_and_runs_nothing(
    master: Path, tmp_path: Path, command: str
) -> None:
    marker = tmp_path / "dijalankan"
    template = escape_template(tmp_path, marker)
    before = files_of(master.parent)
    run = kinerja(command, master, "-p", "TW2", "--template", template, "--keluar", tmp_path / "hasil")
    assert not marker.exists(), "the template ran a shell command"
    assert run.exit_code == 2, run.output
    assert "jahat.docx" in run.output and "__class__" in run.output
    assert "Galat internal" not in run.output
    assert files_of(master.parent) == before  # no document, no marker


def test_the_sandbox_itself_stops_the_escape_when_no_check_ran_before(tmp_path: Path) -> None:
    marker = tmp_path / "dijalankan"
    template = escape_template(tmp_path, marker)
    with pytest.raises(TemplateError) as refused:
        render(template, {"kop": {"unit": "Kecamatan"}}, tmp_path / "keluar.docx")
    assert not marker.exists()
    assert "jahat.docx" in refused.value.pesan and "__class__" in refused.value.pesan
    assert not (tmp_path / "keluar.docx").exists()


@pytest.mark.parametrize("text", [
    "{{ kop.unit.__class__ }}",
    "{{ lipsum.__globals__ }}",
    "{{ kop.unit.format_map }}",
    "{{ (kop|attr('__class__')) }}",
    "{{ cycler.__init__ }}",
])
def test_other_ways_at_python_internals_are_refused(master: Path, tmp_path: Path, text: str) -> None:
    template = word_template(tmp_path / "t.docx", text)
    run = kinerja("laporan", master, "-p", "TW2", "--template", template, "--keluar", tmp_path / "hasil")
    assert run.exit_code == 2, run.output
    assert "t.docx" in run.output and "Galat internal" not in run.output


@pytest.mark.parametrize("tag", ["{% include 'lain.docx' %}", "{% import 'makro' as m %}",
                                 "{% extends 'induk' %}", "{% from 'x' import y %}"])
def test_a_template_that_includes_another_is_refused_naming_the_tag(master: Path, tmp_path: Path, tag: str) -> None:
    template = word_template(tmp_path / "sertakan.docx", "{{ kop.unit }}", tag)
    run = kinerja("laporan", master, "-p", "TW2", "--template", template, "--keluar", tmp_path / "hasil")
    assert run.exit_code == 2, run.output
    assert "sertakan.docx" in run.output and "Galat internal" not in run.output
    assert tag.split()[1] in run.output  # include / import / extends / from


def test_rendering_an_include_without_the_check_is_a_template_error(tmp_path: Path) -> None:
    template = word_template(tmp_path / "sertakan.docx", "{% include 'lain.docx' %}")
    with pytest.raises(TemplateError) as refused:
        render(template, {}, tmp_path / "keluar.docx")
    assert "sertakan.docx" in refused.value.pesan


def cut_short(source: Path, target: Path) -> Path:
    """``source`` with word/document.xml cut in the middle (a copy broken in transit)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            zout.writestr(info, data[: len(data) // 2] if info.filename == "word/document.xml" else data)
    return target


@pytest.mark.parametrize("command", ["laporan", "laporan-iki"])
def test_a_template_whose_document_xml_is_cut_short_is_refused(master: Path, tmp_path: Path, command: str) -> None:
    template = cut_short(default_template(), tmp_path / "terpotong.docx")
    run = kinerja(command, master, "-p", "TW2", "--template", template, "--keluar", tmp_path / "hasil")
    assert run.exit_code == 2, run.output
    assert "terpotong.docx" in run.output and "Galat internal" not in run.output


def test_rendering_a_cut_short_template_is_a_template_error(tmp_path: Path) -> None:
    template = cut_short(default_template(), tmp_path / "terpotong.docx")
    with pytest.raises(TemplateError) as refused:
        render(template, {}, tmp_path / "keluar.docx")
    assert "terpotong.docx" in refused.value.pesan


RUN_TIME = re.compile(rb"\d{1,2}[.:]\d{2}(?:[.:]\d{2})?")
"""A clock time in a part (the kabupaten footer says when the command ran, which differs between two
runs that straddle a minute)."""


def parts(folder: Path) -> dict[str, bytes]:
    """The XML parts of every document in ``folder`` (document body, headers, footers)."""
    found = {}
    for doc in sorted(folder.glob("*.docx")):
        with zipfile.ZipFile(doc) as z:
            for name in z.namelist():
                if name.startswith("word/") and name.endswith(".xml"):
                    data = z.read(name)
                    found[f"{doc.name}/{name}"] = RUN_TIME.sub(b"<waktu>", data) if "footer" in name else data
    return found


def test_the_shipped_templates_render_the_same_in_the_sandbox(
    master: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every shipped template, rendered by the commands that use it, gives the same XML in the
    sandbox as in jinja's plain environment (the renderer before the sandbox)."""
    from tests.reliability.test_kabupaten import inbox_of

    def documents(out: Path) -> dict[str, bytes]:
        out.mkdir()
        book = out / master.name
        shutil.copy(master, book)
        for args in (("laporan", book, "-p", "TW2"), ("laporan-iki", book, "-p", "TW2"), ("rencana", book),
                     ("perjanjian", book), ("perjanjian", book, "--iki")):
            run = kinerja(*args, "--tanggal", "2024-07-05", "--keluar", out)
            assert run.exit_code == 0, run.output
        forms = out / "Formulir TW2"
        assert kinerja("formulir", book, "-p", "TW2", "--keluar", forms).exit_code == 0
        for final in ((), ("--final",)):
            run = kinerja("laporan-pengumpulan", book, forms, "-p", "TW2", "--keluar", out, "--tanggal",
                          "2024-07-05", *final)
            assert run.exit_code == 0, run.output
        inbox = inbox_of(out / "kiriman", [book])
        run = kinerja("kabupaten", inbox, "-p", "TW2", "--keluar", out / "Rekap.xlsx")
        assert run.exit_code == 0, run.output
        return parts(out)

    sandboxed = documents(tmp_path / "sandbox")
    monkeypatch.setattr(docx_adapter, "_environment", lambda: jinja2.Environment(autoescape=True))
    plain = documents(tmp_path / "biasa")
    assert len({name.split("/")[0] for name in sandboxed}) >= 7 + 4
    assert sandboxed.keys() == plain.keys()
    differing = [name for name in sandboxed if sandboxed[name] != plain[name]]
    assert differing == []


def test_the_check_still_accepts_every_name_the_shipped_template_uses() -> None:
    from xlwings_app.adapters.documents.template_check import check_template

    assert check_template(default_template(), provided()) == []

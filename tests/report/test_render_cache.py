"""The docx adapter's caches (jinja's compiled code, docxtpl's cleaned XML): the same document, no
second compile or clean-up, done afresh when the template changes or a cache file is damaged."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import jinja2
import pytest
from docx import Document
from docxtpl import DocxTemplate
from jinja2.bccache import FileSystemBytecodeCache
from PIL import Image

from xlwings_app.adapters.documents import docx as docx_adapter
from xlwings_app.adapters.documents.chart import Batang, draw_chart
from xlwings_app.domain.indicator import Periode
from xlwings_app.services.laporan import buat_laporan

from .conftest import NOW, Data


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sources jinja compiles from now on (every part of every render)."""
    seen: list[str] = []
    compile_ = jinja2.Environment.compile

    def counting(self: jinja2.Environment, source: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(source)
        return compile_(self, source, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return seen


@pytest.fixture
def patches(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The parts docxtpl cleans (``patch_xml``) from now on, with this process's memory emptied."""
    seen: list[str] = []
    patch = DocxTemplate.patch_xml

    def counting(self: DocxTemplate, source: str) -> str:
        seen.append(source)
        return str(patch(self, source))

    monkeypatch.setattr(DocxTemplate, "patch_xml", counting)
    monkeypatch.setattr(docx_adapter, "_PATCHED", {})
    return seen


def use_cache(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setattr(
        docx_adapter, "_bytecode_cache",
        lambda: FileSystemBytecodeCache(str(folder), docx_adapter.CACHE_PATTERN),
    )  # fmt: skip


def parts(docx: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(docx) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("word/") and n.endswith(".xml")}


def make(data: Data, out: Path, template: Path | None = None) -> Path:
    return buat_laporan(data, out, Periode.TW2, template=template, now=NOW).docx


def test_the_second_render_compiles_nothing_and_writes_the_same_document(
    data: Data, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiles: list[str]
) -> None:
    use_cache(monkeypatch, tmp_path / "cache")
    (tmp_path / "cache").mkdir()
    first = make(data, tmp_path / "a")
    body = [s for s in compiles if "<w:body" in s]
    assert len(body) == 1, "the body is compiled on the first render"
    assert list((tmp_path / "cache").glob("kinerja-jinja2-*.cache"))
    compiles.clear()
    second = make(data, tmp_path / "b")
    assert compiles == []
    assert parts(first) == parts(second)
    assert "S.D. TRIWULAN II TAHUN 2024" in "\n".join(p.text for p in Document(str(second)).paragraphs)


def test_a_changed_template_is_compiled_afresh(
    data: Data, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiles: list[str]
) -> None:
    use_cache(monkeypatch, tmp_path / "cache")
    (tmp_path / "cache").mkdir()
    make(data, tmp_path / "a")
    doc = Document(str(docx_adapter.default_template()))
    doc.add_paragraph("Catatan tambahan untuk {{ kop.unit }}")
    edited = tmp_path / "sendiri.docx"
    doc.save(str(edited))
    compiles.clear()
    out = make(data, tmp_path / "b", template=edited)
    assert [s for s in compiles if "<w:body" in s], "an edited body is not taken from the cache"
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert data.profil is not None
    assert f"Catatan tambahan untuk {data.profil.unit.upper()}" in text


def test_a_cache_that_cannot_be_used_only_means_compiling(
    data: Data, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiles: list[str]
) -> None:
    blocked = tmp_path / "bukan-folder"
    blocked.write_text("sebuah file, bukan folder")
    use_cache(monkeypatch, blocked)
    reference = make(data, tmp_path / "a")
    assert [s for s in compiles if "<w:body" in s]
    monkeypatch.setattr(docx_adapter, "_bytecode_cache", lambda: None)
    assert parts(make(data, tmp_path / "b")) == parts(reference)
    assert blocked.read_text() == "sebuah file, bukan folder"


def test_a_damaged_cache_file_is_compiled_again(
    data: Data, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiles: list[str]
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    use_cache(monkeypatch, cache)
    reference = make(data, tmp_path / "a")
    for file in cache.glob("kinerja-jinja2-*.cache"):
        file.write_bytes(file.read_bytes()[:40])
    compiles.clear()
    again = make(data, tmp_path / "b")
    assert [s for s in compiles if "<w:body" in s]
    assert parts(again) == parts(reference)


def test_the_cleaned_xml_is_taken_from_the_cache_folder_in_a_new_process(
    data: Data, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, patches: list[str]
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    use_cache(monkeypatch, cache)
    first = make(data, tmp_path / "a")
    assert [s for s in patches if "<w:body" in s]
    [stored] = [f for f in cache.glob("kinerja-docxtpl-*.xml") if "<w:body" in f.read_text(encoding="utf-8")]
    patches.clear()
    monkeypatch.setattr(docx_adapter, "_PATCHED", {})  # as a new process starts
    second = make(data, tmp_path / "b")
    assert patches == []
    assert parts(second) == parts(first)
    stored.write_text(stored.read_text(encoding="utf-8")[:500], encoding="utf-8")  # cut off mid-write
    monkeypatch.setattr(docx_adapter, "_PATCHED", {})
    third = make(data, tmp_path / "c")
    assert [s for s in patches if "<w:body" in s], "a damaged file is cleaned again"
    assert parts(third) == parts(first)


def test_an_edited_template_is_cleaned_afresh(
    data: Data, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, patches: list[str]
) -> None:
    use_cache(monkeypatch, tmp_path / "cache")
    (tmp_path / "cache").mkdir()
    make(data, tmp_path / "a")
    doc = Document(str(docx_adapter.default_template()))
    doc.add_paragraph("Catatan {{ kop.unit }}")
    edited = tmp_path / "sendiri.docx"
    doc.save(str(edited))
    patches.clear()
    out = make(data, tmp_path / "b", template=edited)
    assert [s for s in patches if "Catatan {{ kop.unit }}" in s]
    assert data.profil is not None
    assert f"Catatan {data.profil.unit.upper()}" in "\n".join(p.text for p in Document(str(out)).paragraphs)


@pytest.mark.parametrize("alamat", ["Jl. Raya Senduro 1", "Jl. Raya Senduro 1\nBaris kedua\tRT 2"])
def test_skipping_docxtpl_listing_step_gives_the_same_xml(
    data: Data, alamat: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a newline or tab in any text the step is skipped; with one it still makes the line
    break and the tab (a template that prints a value holding them as they are)."""
    assert data.profil is not None
    source = replace(data, profil=replace(data.profil, alamat=alamat))
    doc = Document(str(docx_adapter.default_template()))
    doc.add_paragraph("Alamat: {{ kop.alamat }}")
    template = tmp_path / "sendiri.docx"
    doc.save(str(template))
    quick = parts(make(source, tmp_path / "a", template))
    monkeypatch.setattr(docx_adapter._Template, "resolve_listing", DocxTemplate.resolve_listing)
    assert parts(make(source, tmp_path / "b", template)) == quick
    body = quick["word/document.xml"].decode()
    if "\n" in alamat:
        assert re.search(r"Senduro 1</w:t><w:br/><w:t[^>]*>Baris kedua</w:t></w:r><w:r><w:tab/></w:r>", body)
    else:
        assert "Alamat: Jl. Raya Senduro 1</w:t>" in body


def test_the_chart_png_keeps_its_pixels_size_and_dpi() -> None:
    from decimal import Decimal

    bars = [Batang(f"IKU-{n:02d}", Decimal(n * 17)) for n in range(25)] + [Batang("IKU-X", None)]
    png = draw_chart(bars)
    image = Image.open(io.BytesIO(png))
    assert image.size == (1200, 50 + 60 + 44 * 26)
    assert image.info["dpi"] == pytest.approx((200, 200), abs=0.01)
    strongest = io.BytesIO()
    image.save(strongest, format="PNG", optimize=True)
    assert Image.open(strongest).tobytes() == image.tobytes()
    assert len(png) < 1.5 * len(strongest.getvalue())

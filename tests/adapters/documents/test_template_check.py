from pathlib import Path

from docx import Document

from xlwings_app.adapters.documents.docx import default_template
from xlwings_app.adapters.documents.template_check import check_template, unknown_names
from xlwings_app.report.context import provided


def test_the_default_template_uses_only_what_kinerja_provides() -> None:
    assert check_template(default_template(), provided()) == []


def test_unknown_names_are_reported_by_the_path_the_template_wrote() -> None:
    source = (
        "{{ kop.logo }}{% for g in sasaran %}{% for i in g.indikator %}{{ i.nama }}{{ i.bobot }}"
        "{{ loop.index }}{% endfor %}{% endfor %}{{ nomor_surat }}{% set x = 1 %}{{ x }}"
        "{{ dokumen.judul|upper }}{{ nomor_surat }}"
    )
    assert unknown_names(source, provided()) == ["kop.logo", "i.bobot", "nomor_surat"]


def test_a_custom_docx_is_checked_in_body_and_footer(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("{{ kop.unit }} {{ nomor_surat }}")
    doc.sections[0].footer.paragraphs[0].text = "{{ kode_qr }}"
    path = tmp_path / "sendiri.docx"
    doc.save(str(path))
    messages = check_template(path, provided())
    assert any("'nomor_surat'" in m for m in messages)
    assert any("'kode_qr'" in m for m in messages)
    assert len(messages) == 2


def test_a_broken_tag_is_reported(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("{% for x in sasaran %}{{ x.nama }}")
    path = tmp_path / "rusak.docx"
    doc.save(str(path))
    [message] = check_template(path, provided())
    assert "salah tulis" in message

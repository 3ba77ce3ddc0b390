"""Every administrative paper of the demo, rendered by LibreOffice and read back with pdftotext.

The demo step (``services.contoh_administrasi``) runs once on the example workbook: the register of
letters, the Lembar Disposisi, the Notulen Rapat, the Program Kerja Kegiatan, the Checklist Dokumen,
the Tanda Terima of the signed TW III document and the Surat Pengantar (draft and final). Each test
reads one paper back for its fields, or the workbook for what the papers recorded.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.administrasi.conftest import PENYUSUNAN, pdf_text
from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.domain.sop.log import normalize_periode
from xlwings_app.samples import administrasi as A
from xlwings_app.samples import example, example_sop
from xlwings_app.services.contoh_administrasi import contoh
from xlwings_app.services.laporan import document_code
from xlwings_app.services.master import using
from xlwings_app.services.sop_master import every_sop
from xlwings_app.services.workbook import load
from xlwings_app.sheets import register_surat as R
from xlwings_app.sheets import surat_keluar as K
from xlwings_app.sheets import tanda_terima_dokumen as T


@pytest.fixture(scope="module")
def papers(example_template: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    folder = tmp_path_factory.mktemp("kertas")
    path = folder / "kinerja.xlsx"
    shutil.copyfile(example_template, path)
    lines = list(contoh(path, folder / "administrasi"))
    return path, folder / "administrasi", lines


def _pdf(papers: tuple[Path, Path, list[str]], name: str) -> str:
    return pdf_text(papers[1] / name)


def test_every_paper_is_made_as_docx_and_pdf(papers) -> None:
    names = sorted(p.name for p in papers[1].glob("*.pdf"))
    assert names == sorted([
        "Lembar_Disposisi_050-1234-427.50-2024.pdf", "Lembar_Disposisi_050-210-427.50.01-2024.pdf",
        "Lembar_Disposisi_050-015-427.50-2025.pdf", "Notulen_Rapat_2024-10-01.pdf",
        "Program_Kerja_Pengukuran_Kinerja_TW3.pdf", "Checklist_Dokumen_2024_TW3.pdf",
        "Tanda_Terima_Pengukuran_Kinerja_2024_TW3.pdf", "Surat_Pengantar_2024_TW3_DRAF.pdf",
        "Surat_Pengantar_2024_TW3.pdf",
    ])  # fmt: skip
    assert all(p.with_suffix(".docx").is_file() for p in papers[1].glob("*.pdf"))


def test_the_lembar_disposisi_prints_the_letter_and_both_dispositions(papers) -> None:
    text = _pdf(papers, "Lembar_Disposisi_050-1234-427.50-2024.pdf")
    for field in ("LEMBAR DISPOSISI", "KECAMATAN LUMAJANG", "Surat dari: Bappeda Kabupaten Lumajang",
                  "Nomor surat: 050/1234/427.50/2024", "Tanggal surat: 25 September 2024",
                  "Diterima tanggal: 26 September 2024 09.15", "Nomor agenda: 412", "Sifat: Segera",
                  "Hal: Penyampaian Data Capaian Kinerja Triwulan III Tahun 2024", "Jenis: Surat Edaran",
                  "Segera laksanakan pengukuran kinerja TW III bersama Tim SAKIP", "1 Oktober 2024 08.10",
                  "Siapkan rapat Tim SAKIP dan rencana kegiatannya", "Kasubag Keuangan",
                  "Batas waktu: 11 Oktober 2024"):  # the earliest deadline of its two dispositions
        assert field in text, field


def test_the_report_sent_up_has_its_own_lembar_disposisi(papers) -> None:
    text = _pdf(papers, "Lembar_Disposisi_050-210-427.50.01-2024.pdf")
    assert "Jenis: Laporan Hasil Pengukuran Kinerja" in text
    assert "Setuju. Tindak lanjuti rencana aksi IKU-03 dan arsipkan" in text
    assert "4 Oktober 2024 10.20" in text


def test_the_camats_disposition_stamps_selesai_after_his_own_mulai(papers) -> None:
    path = papers[0]
    with using(path) as master:
        [row] = [e for e in master.sop().entries if e.periode == "TW4" and e.langkah == 1]
    assert row.mulai == A.CAMAT_MULAI_TW4  # the Camat's own Catat Waktu Langkah
    assert row.selesai == datetime(2025, 1, 7, 8, 30)  # the disposition's date, from the register
    assert "Dicatat otomatis (Surat Edaran nomor 050/015/427.50/2025, register surat) pada Selesai" in row.catatan
    assert any("Log Langkah langkah 1 (TW4): Selesai 07-01-2025 08.30" in line for line in papers[2])


def test_the_notulen_names_the_meeting_its_people_and_its_decisions(papers) -> None:
    text = _pdf(papers, "Notulen_Rapat_2024-10-01.pdf")
    for field in ("NOTULEN RAPAT", "Selasa, 1 Oktober 2024", "09.00 WIB", A.RUANG_RAPAT,
                  "Sekretaris Camat (AGUS WIDODO, S.Sos., M.M.)", "Memberikan arahan pelaksanaan kegiatan",
                  "Disposisi Camat Lumajang atas surat Bappeda Kabupaten Lumajang nomor 050/1234/427.50/2024",
                  *A.KEPUTUSAN, "Notulis", "NURUL HIDAYATI, S.E."):
        assert field in text, field
    for official in example.PEJABAT:
        if official.jabatan != "Sekretaris Camat":
            assert official.nama in text, official.nama


def test_the_program_kerja_plans_the_tw3_measurement_and_compares_it_with_the_log(papers) -> None:
    text = _pdf(papers, "Program_Kerja_Pengukuran_Kinerja_TW3.pdf")
    for field in ("PROGRAM KERJA KEGIATAN", "TW3 1 Oktober 2024 08.00 3 Oktober 2024 10.05",
                  "2 hari 2 jam 5 menit kerja (1025 menit kerja), 3 hari kerja",
                  "11 Oktober 2024 (Surat Edaran Bappeda Kabupaten Lumajang nomor 050/1234/427.50/2024)",
                  "Selesai 6 hari kerja sebelum batas waktu.", "B. Rencana terhadap Log Langkah",
                  "Melewati Rencana", "Ketua Tim SAKIP (Kasubag Keuangan)", "Mengetahui"):
        assert field in text, field


def test_the_checklist_prints_what_the_tim_ticked_and_what_is_missing(papers) -> None:
    text = _pdf(papers, "Checklist_Dokumen_2024_TW3.pdf")
    for field in ("CHECKLIST DOKUMEN", "Periode TW3 Tahun 2024", "Renstra (Rencana Strategis)",
                  "Renstra Kecamatan Lumajang 2021-2026.pdf", "Laporan Hasil Evaluasi", "Menunggu LHE Inspektorat",
                  "ADA", "BELUM", "Yang masih kurang"):
        assert field in text, field
    assert "6 dari 28 dokumen ada" in text


def test_the_tanda_terima_lists_every_official_but_the_signer_with_the_documents_code(papers) -> None:
    text = _pdf(papers, "Tanda_Terima_Pengukuran_Kinerja_2024_TW3.pdf")
    code = document_code(load(papers[0]), Periode.TW3)  # as the signed document prints it: data, date, signer
    assert "TANDA TERIMA DOKUMEN" in text and code in text
    assert "Pengukuran Kinerja Kecamatan Lumajang s.d. Triwulan III Tahun 2024" in text
    assert "7 Oktober 2024 oleh Camat Lumajang" in text
    names = [p.nama for p in example.PEJABAT]
    assert example_sop.CAMAT not in text.replace("oleh Camat Lumajang", "")
    assert all(name in text for name in names[1:])


def test_the_surat_pengantar_lists_each_document_with_its_code(papers) -> None:
    text = _pdf(papers, "Surat_Pengantar_2024_TW3.pdf")
    draft = _pdf(papers, "Surat_Pengantar_2024_TW3_DRAF.pdf")
    for field in ("SURAT PENGANTAR", f"Nomor: {A.PENGANTAR_NOMOR}", "Yth. Kepala Bappeda Kabupaten Lumajang",
                  "Perihal: Penyampaian Dokumen Pengukuran Kinerja s.d. Triwulan III Tahun 2024",
                  "Lumajang, 8 Oktober 2024", "Diterima tanggal: 8 Oktober 2024 10.30", "SITI AMINAH",
                  "Dikirim: 8 Oktober 2024 09.00", "Drs. DEDWI SUPRAPTO, M.Si."):
        assert field in text, field
    assert "DRAF" in draft and "DRAF" not in text
    rows, problems = K.read_keluar(_rows(papers[0], K.SHEET))
    assert not problems and len(rows) == 8
    assert all(r.kode in text for r in rows)
    assert {r.nomor for r in rows} == {A.PENGANTAR_NOMOR} and rows[0].dikirim == A.DIKIRIM


def test_the_final_surat_pengantar_stamps_the_sending_step(papers) -> None:
    with using(papers[0]) as master:
        [book] = [d for d in every_sop(master) if d.sop is not None and d.sop.nama.startswith("Prosedur Penyusunan Peng")]
    assert book.sop is not None and PENYUSUNAN
    step = next(s for s in book.sop.steps if "kepada bappeda" in s.kegiatan.casefold())
    [row] = [e for e in book.entries if normalize_periode(e.periode) == "TW3" and e.langkah == step.no]
    assert (row.mulai, row.selesai) == (A.DIKIRIM, A.DITERIMA)
    assert "Surat Pengantar nomor 050/220/427.50/2024" in row.catatan


def test_the_register_is_a_sheet_read_back_as_typed(papers) -> None:
    rows, problems = R.read_register(_rows(papers[0], R.SHEET))
    assert not problems
    assert rows == list(A.REGISTER)
    assert rows[0].diterima == datetime(2024, 9, 26, 9, 15) and rows[0].batas_waktu == date(2024, 10, 15)


def _rows(path: Path, sheet: str) -> list[list[object]]:
    with using(path) as master:
        return master.rows(sheet)


def test_the_demo_plays_the_planning_round_on_a_copy(papers) -> None:
    path, out, lines = papers
    copy = out / "rencana" / f"{path.stem} (putaran rencana).xlsx"
    assert len(list((out / "rencana" / "Formulir Rencana").glob("Formulir Rencana 2024 - *.xlsx"))) == 8
    planned = {i.kode: i for i in load(copy).indicators}
    assert planned["IKI-PEM-02"].penanggung_jawab == "Kasi Pemerintahan"
    assert planned["IKI-PEM-01"].target_tahunan == 16
    assert "IKI-PEM-02" not in {i.kode for i in load(path).indicators}  # the measured workbook keeps its targets
    assert any(line.startswith("Rekap Formulir Rencana") and "IKI-PEM-02" in line for line in lines)


def test_the_periods_papers_are_archive_members_with_their_step_and_hash(papers) -> None:
    from xlwings_app.services.arsip_administrasi import anggota, manifest_administrasi

    path, out, _ = papers
    members = anggota(out, "TW3")
    assert set(members) == {
        "disposisi/Lembar_Disposisi_050-1234-427.50-2024.pdf", "disposisi/Lembar_Disposisi_050-210-427.50.01-2024.pdf",
        "disposisi/Lembar_Disposisi_050-015-427.50-2025.pdf", "notulen/Notulen_Rapat_2024-10-01.pdf",
        "program-kerja/Program_Kerja_Pengukuran_Kinerja_TW3.pdf", "checklist/Checklist_Dokumen_2024_TW3.pdf",
        "tanda-terima/Tanda_Terima_Pengukuran_Kinerja_2024_TW3.pdf", "surat-pengantar/Surat_Pengantar_2024_TW3.pdf",
    }  # fmt: skip  (the draft Surat Pengantar is not archived)
    with using(path) as master:
        sops = [d.sop for d in every_sop(master) if d.sop is not None]
    manifest = manifest_administrasi(out, "Kecamatan Lumajang", 2024, "TW3", sops)
    assert not manifest.belum_hash
    notulen = next(b for b in manifest.berkas if b.nama.startswith("Notulen"))
    assert notulen.langkah == "Pengukuran Kinerja langkah 2; Pengumpulan Data Kinerja langkah 2"


@pytest.mark.libreoffice
def test_arsip_packs_the_periods_papers_beside_the_signed_document(papers, tmp_path: Path) -> None:
    import json
    import zipfile

    from xlwings_app.services.arsip import arsip
    from xlwings_app.services.laporan import laporan

    path, out, _ = papers
    book = tmp_path / "kinerja.xlsx"
    shutil.copyfile(path, book)
    folder = tmp_path / "dokumen"
    shutil.copytree(out, folder)
    for draft in folder.glob("*_DRAF.*"):
        draft.unlink()
    laporan(book, folder, Periode.TW3, pdf=False, tanggal=date(2024, 10, 7), log=False)
    made = arsip(book, Periode.TW3, tmp_path / "arsip", dokumen=folder)
    with zipfile.ZipFile(made.zip) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
    papers_in = {n for n in names if n.split("/")[0] in {"disposisi", "notulen", "program-kerja", "checklist",
                                                            "tanda-terima", "surat-pengantar"}}  # fmt: skip
    assert "notulen/Notulen_Rapat_2024-10-01.pdf" in papers_in
    assert "surat-pengantar/Surat_Pengantar_2024_TW3.pdf" in papers_in
    assert len(papers_in) == 8 and papers_in <= set(manifest["berkas"]), manifest.get("berkas")


def test_the_kabupaten_reads_the_codes_the_surat_pengantar_listed(papers, tmp_path: Path) -> None:
    from xlwings_app.services.kabupaten_sumber import read_kiriman
    from xlwings_app.sheets.changes import SetCells

    sent = read_kiriman(papers[0], Periode.TW3)
    assert not isinstance(sent, str) and hasattr(sent, "kode_pengantar")
    assert sent.kode in sent.kode_pengantar and len(sent.kode_pengantar) == 8  # type: ignore[union-attr]
    assert not [p for p in sent.problems if p.sheet == K.SHEET]  # type: ignore[union-attr]
    changed = tmp_path / "diubah.xlsx"
    shutil.copyfile(papers[0], changed)
    data = load(changed)
    iku = next(i for i in data.indicators if i.jenis is Jenis.IKU and i.realisasi_tw[0] is not None)
    with using(changed) as master:  # the data changed after the letter went out
        master.stage(SetCells([(iku.sheet, data.cells[(iku.sheet, iku.baris, "r1")], 1)]))
        master.commit()
    late = read_kiriman(changed, Periode.TW3)
    [warning] = [p for p in late.problems if p.sheet == K.SHEET]  # type: ignore[union-attr]
    assert "tidak tercantum di Surat Pengantar" in warning.pesan and warning.tingkat == "peringatan"


def test_the_receipts_typed_back_are_printed_and_stamp_the_distribution_step(papers) -> None:
    text = _pdf(papers, "Tanda_Terima_Pengukuran_Kinerja_2024_TW3.pdf")
    assert "7 Oktober 2024 13.00" in text and "8 Oktober 2024 08.00" in text
    rows, problems = T.read_terima(_rows(papers[0], T.SHEET))
    assert not problems and len(rows) == 7 and all(r.diterima is not None for r in rows)
    with using(papers[0]) as master:
        [book] = [d for d in every_sop(master) if d.sop is not None and d.sop.nama.startswith("Prosedur Penyusunan Peng")]
    assert book.sop is not None
    step = next(s for s in book.sop.steps if "kepada seluruh pejabat" in s.kegiatan.casefold())
    [row] = [e for e in book.entries if normalize_periode(e.periode) == "TW3" and e.langkah == step.no]
    assert (row.mulai, row.selesai) == (min(A.DITERIMA_PEJABAT), max(A.DITERIMA_PEJABAT))
    assert "Tanda Terima Pengukuran Kinerja Kecamatan Lumajang" in row.catatan

"""Handlers of the ribbon's Data group: Ekspor and Impor Formulir, Catat Waktu Langkah (Log Langkah).

Ekspor Formulir runs ``kinerja formulir`` on the saved workbook (``live.saved_path``) for the
active period, into the folder "Formulir <periode>" beside it, the folder Impor Formulir reads.
Impor Formulir checks those forms as ``kinerja rekap`` does, against the open workbook, and
writes the changes and their Riwayat rows into it (all or nothing); the user saves afterwards.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from xlwings_app.ribbon import live
from xlwings_app.ribbon.errors import PesanPengguna

if TYPE_CHECKING:
    import xlwings as xw

    from xlwings_app.domain.sop.otomatis import Jalan

REPLACE_HINT = "Formulir yang ada tidak ditimpa: pindahkan atau hapus dulu bila ingin membuat ulang."


def catat_waktu_langkah(book: xw.Book, now: datetime | None = None) -> None:
    """Stamp the time into Mulai (if empty) else Selesai of the selected Log Langkah row."""
    from xlwings_app.adapters.openpyxl.sop_sheets import DATETIME_FORMAT, SHEET_LOG
    from xlwings_app.adapters.xlwings.book import sheet_rows
    from xlwings_app.adapters.xlwings.protect import unprotected
    from xlwings_app.domain.sop.log import LABELS
    from xlwings_app.domain.sop.stamp import is_blank_row, log_columns, stamp_column

    selected = book.selection
    if selected is None or selected.sheet.name != SHEET_LOG or selected.shape[0] != 1:
        raise PesanPengguna(f"Pilih dulu satu baris langkah di sheet '{SHEET_LOG}', lalu klik lagi.")
    sheet, row = selected.sheet, selected.row
    rows = sheet_rows(sheet)
    found = log_columns(rows)
    if found is None:
        raise PesanPengguna(f"Judul kolom {', '.join(LABELS.values())} tidak ditemukan di sheet '{SHEET_LOG}'.")
    header, cols = found
    values = rows[row - 1] if row <= len(rows) else []
    if row <= header or is_blank_row(values, cols):
        raise PesanPengguna(f"Baris {row} bukan baris langkah: pilih baris yang berisi Periode dan Langkah.")
    cell = lambda key: values[cols[key]] if cols[key] < len(values) else None  # noqa: E731
    kolom = stamp_column(cell("mulai"), cell("selesai"))
    if kolom is None:
        raise PesanPengguna(f"Mulai dan Selesai baris {row} sudah terisi; ubah langsung di sel bila keliru.")
    stamp = (now or datetime.now()).replace(second=0, microsecond=0)
    with unprotected(sheet):
        target = sheet.range((row, cols[kolom] + 1))
        target.number_format = DATETIME_FORMAT
        target.value = stamp
    live.alert(book, f"{LABELS[kolom]} langkah {cell('langkah')} ({cell('periode')}), baris {row}: "
                     f"{stamp:%d-%m-%Y %H:%M}.")  # fmt: skip


def stamp_live(book: xw.Book, periode: str, runs: list[Jalan]) -> tuple[bool, list[str]]:
    """Stamp ``runs`` into the open workbook's Log Langkah (``services.log_otomatis``): whether
    anything was written, and the lines to show."""
    from pathlib import Path

    from xlwings_app.adapters.xlsx.sop_reader import read_sop_source
    from xlwings_app.adapters.xlwings.book import XlwingsSource
    from xlwings_app.adapters.xlwings.log_stamps import write_pencatatan_live
    from xlwings_app.services import log_otomatis

    stamp = log_otomatis.rencana_data(read_sop_source(XlwingsSource(book), Path(book.fullname)), periode, runs)
    written = stamp is not None and log_otomatis.perlu_ditulis(stamp)
    if stamp is not None and written:
        write_pencatatan_live(book, stamp.sop, stamp.plan, stamp.last_row)
    return written, log_otomatis.pesan(stamp)


def ekspor_formulir(book: xw.Book) -> None:
    """One form per penanggung jawab (``kinerja formulir``) into "Formulir <periode>" beside the workbook."""
    from xlwings_app.adapters.xlsx.guard import WorkbookError
    from xlwings_app.domain.sop.otomatis import Jalan
    from xlwings_app.ribbon.messages import problem_list
    from xlwings_app.services.formulir import formulir

    path = live.saved_path(book)
    periode = live.read_live(book).settings.periode_aktif
    folder = path.parent / f"Formulir {periode.value}"
    mulai = datetime.now()
    try:
        result = formulir(path, folder, periode, log=False)  # the log goes into the open workbook
    except WorkbookError as exc:  # forms already there (maybe filled in: never overwritten), TAHUNAN
        raise PesanPengguna(str(exc).replace("Gunakan --timpa untuk menimpanya.", REPLACE_HINT)) from exc
    if not result.valid:
        raise PesanPengguna(f"Formulir tidak dibuat:\n{problem_list(result.problems)}")
    lines = [f"{len(result.formulir)} formulir {periode.value} dibuat di folder:", str(folder)]
    lines += [f"- {pj}: {count} indikator" for pj, _where, count in result.formulir]
    if result.tanpa_penanggung_jawab:
        lines.append(f"Tanpa Penanggung Jawab (tidak masuk formulir): {', '.join(result.tanpa_penanggung_jawab)}")
    if result.tanda_terima:
        lines.append(f"Tanda terima (cetak A4): {result.tanda_terima.name}")
    note = f"{len(result.formulir)} formulir, {result.tanda_terima.name if result.tanda_terima else ''}"
    written, log_lines = stamp_live(book, periode.value, [Jalan("formulir", mulai, datetime.now(), note)])
    lines += [*log_lines, *(["Simpan workbook sekarang (Ctrl+S)."] if written else [])]
    live.alert(book, "\n".join(lines))


def impor_formulir(book: xw.Book) -> None:
    """Check every form of "Formulir <periode>" (``kinerja rekap``); all or nothing into the open workbook."""
    from datetime import datetime
    from pathlib import Path

    from xlwings_app.adapters.xlsx.guard import WorkbookError
    from xlwings_app.adapters.xlwings.rekap import apply_live
    from xlwings_app.ribbon.messages import problem_list
    from xlwings_app.services.rekap import chosen_periode, collect, log_runs, periksa_rekap, riwayat_entries

    path = Path(book.fullname)
    if not path.is_absolute():
        raise PesanPengguna(f"Workbook '{book.name}' belum disimpan di sebuah folder: simpan dulu, lalu klik lagi.")
    mulai = datetime.now()
    data = live.read_live(book)
    try:
        periode = chosen_periode(data, None)
    except WorkbookError as exc:  # TAHUNAN: forms are per triwulan
        raise PesanPengguna(str(exc)) from exc
    folder = path.parent / f"Formulir {periode.value}"
    forms, trouble = collect(path, [folder])
    result = periksa_rekap(data, forms, trouble, periode)
    if not result.valid:
        listed = problem_list(result.problems, with_file=True)
        raise PesanPengguna(f"Formulir tidak diimpor; tidak ada yang diubah. Masalah:\n{listed}")
    cells = [(p.sheet, p.sel, p.change.baru) for p in result.perubahan]
    apply_live(book, cells, riwayat_entries(result.perubahan, datetime.now()))
    k = result.konsolidasi
    lines = [f"{k.jumlah_formulir} formulir {periode.value} diperiksa dari folder:", str(folder),
             f"{len(cells)} sel diubah dan dicatat di sheet Riwayat." if cells else "Tidak ada perubahan.",
             *([f"Realisasi belum diisi: {', '.join(k.belum_diisi)}"] if k.belum_diisi else []),
             *([f"Tanpa formulir: {', '.join(k.tanpa_formulir)}"] if k.tanpa_formulir else [])]  # fmt: skip
    written, log_lines = stamp_live(book, periode.value, log_runs(forms, result, mulai, datetime.now()))
    lines += [*log_lines, *(["Simpan workbook sekarang (Ctrl+S)."] if cells or written else [])]
    live.alert(book, "\n".join(lines))


def buat_lembar_isian(book: xw.Book) -> None:
    """One form sheet per penanggung jawab in the open workbook (``kinerja lembar``), for the active period."""
    from xlwings_app.adapters.xlsx.guard import WorkbookError
    from xlwings_app.adapters.xlwings.forms import write_lembar_live
    from xlwings_app.forms.spec import spec
    from xlwings_app.ribbon.messages import problems_message
    from xlwings_app.services.formulir import by_penanggung_jawab, lembar_forms, lembar_periode

    data = live.read_live(book)
    if data.errors:
        raise PesanPengguna(problems_message(data.problems, live.mark(book, data), "Lembar isian tidak dibuat."))
    names = [sheet.name for sheet in book.sheets]
    if spec().meta_sheet in names:
        raise PesanPengguna("Lembar isian sudah ada di workbook ini. Impor dulu isinya bila sudah diisi "
                            "(kinerja rekap FILE --lembar); untuk membuat ulang: kinerja lembar FILE --timpa.")
    try:
        periode = lembar_periode(data)
    except WorkbookError as exc:
        raise PesanPengguna(str(exc)) from exc
    forms = lembar_forms(data, by_penanggung_jawab(data.indicators), periode, names)
    write_lembar_live(book, forms, periode, data.settings)
    lines = [f"{len(forms)} lembar isian {periode.value} dibuat:",
             *(f"- {meta.sheet}: {len(rows)} indikator" for meta, rows in forms),
             "Sel kuning diisi; sel abu-abu berisi rumus. Dari tombol ini lembar tidak diproteksi dan "
             "tanpa validasi isian (kinerja lembar pada file memasangnya). Simpan workbook (Ctrl+S)."]  # fmt: skip
    live.alert(book, "\n".join(lines))

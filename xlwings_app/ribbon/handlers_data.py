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

REPLACE_HINT = "Formulir yang ada tidak ditimpa: pindahkan atau hapus dulu bila ingin membuat ulang."


def catat_waktu_langkah(book: xw.Book, now: datetime | None = None) -> None:
    """Stamp the time into Mulai (if empty) else Selesai of the selected Log Langkah row (``sop.catat_waktu``)."""
    from xlwings_app.services.sop import catat_waktu
    from xlwings_app.sheets.sop_layout import SHEET_LOG

    master = live.master(book)
    selected = master.selected_row()
    if selected is None or selected[0] != SHEET_LOG:
        raise PesanPengguna(f"Pilih dulu satu baris langkah di sheet '{SHEET_LOG}', lalu klik lagi.")
    done = catat_waktu(master, selected[1], now)
    live.alert(book, f"{done.kolom} langkah {done.langkah} ({done.periode}), baris {done.baris}: "
                     f"{done.waktu:%d-%m-%Y %H:%M}.")  # fmt: skip


def ekspor_formulir(book: xw.Book) -> None:
    """One form per penanggung jawab (``kinerja formulir``) into "Formulir <periode>" beside the workbook."""
    from xlwings_app.domain.problems import Refusal
    from xlwings_app.ribbon.messages import problem_list
    from xlwings_app.services.formulir import formulir

    path, master = live.saved(book)
    periode = master.data().settings.periode_aktif
    folder = path.parent / f"Formulir {periode.value}"
    try:
        result = formulir(master, folder, periode)  # the saved inputs; the log: the open book
    except Refusal as exc:  # forms already there (maybe filled in: never overwritten), TAHUNAN
        raise PesanPengguna(str(exc).replace("Gunakan --timpa untuk menimpanya.", REPLACE_HINT)) from exc
    if not result.valid:
        raise PesanPengguna(f"Formulir tidak dibuat:\n{problem_list(result.problems)}")
    lines = [f"{len(result.formulir)} formulir {periode.value} dibuat di folder:", str(folder)]
    lines += [f"- {pj}: {count} indikator" for pj, _where, count in result.formulir]
    if result.tanpa_penanggung_jawab:
        lines.append(f"Tanpa Penanggung Jawab (tidak masuk formulir): {', '.join(result.tanpa_penanggung_jawab)}")
    if result.tanda_terima:
        lines.append(f"Tanda terima (cetak A4): {result.tanda_terima.name}")
    lines += [*result.log, *(["Simpan workbook sekarang (Ctrl+S)."] if result.log_ditulis else [])]
    live.alert(book, "\n".join(lines))


def impor_formulir(book: xw.Book) -> None:
    """Check every form of "Formulir <periode>" (``kinerja rekap``); all or nothing into the open workbook."""
    from xlwings_app.forms.spec import chosen_periode
    from xlwings_app.ribbon.messages import problem_list
    from xlwings_app.services.rekap import rekap

    master = live.master(book)
    beside = live.folder_of(master)  # the forms folder is beside the saved workbook
    periode = chosen_periode(None, master.data().settings.periode_aktif)  # TAHUNAN: a refusal
    folder = beside / f"Formulir {periode.value}"
    result = rekap(master, [folder], periode)
    if not result.valid:
        listed = problem_list(result.problems, with_file=True)
        raise PesanPengguna(f"Formulir tidak diimpor; tidak ada yang diubah. Masalah:\n{listed}")
    changed = len(result.perubahan)
    k = result.konsolidasi
    lines = [f"{k.jumlah_formulir} formulir {periode.value} diperiksa dari folder:", str(folder),
             f"{changed} sel diubah dan dicatat di sheet Riwayat." if changed else "Tidak ada perubahan.",
             *([f"Realisasi belum diisi: {', '.join(k.belum_diisi)}"] if k.belum_diisi else []),
             *([f"Tanpa formulir: {', '.join(k.tanpa_formulir)}"] if k.tanpa_formulir else []),
             *result.log,
             *(["Simpan workbook sekarang (Ctrl+S)."] if changed or result.log_ditulis else [])]  # fmt: skip
    live.alert(book, "\n".join(lines))


def buat_lembar_isian(book: xw.Book) -> None:
    """One form sheet per penanggung jawab in the open workbook (``kinerja lembar``), for the active period."""
    from xlwings_app.forms.spec import spec
    from xlwings_app.ribbon.messages import kinerja_command, problems_message
    from xlwings_app.services.formulir import lembar

    master = live.master(book)
    data = master.data()
    if data.errors:
        raise PesanPengguna(problems_message(data.problems, master.mark(data.problems), "Lembar isian tidak dibuat."))
    if spec().meta_sheet in master.sheet_names():
        raise PesanPengguna("Lembar isian sudah ada di workbook ini. Impor dulu isinya bila sudah diisi; "
                            f"di Command Prompt, dengan workbook tersimpan dan ditutup: {kinerja_command('rekap', master.path, '--lembar')}. "
                            f"Untuk membuat ulang: {kinerja_command('lembar', master.path, '--timpa')}")  # fmt: skip
    result = lembar(master)
    lines = [f"{len(result.formulir)} lembar isian {result.periode.value} dibuat:",
             *(f"- {sheet}: {count} indikator" for _pj, sheet, count in result.formulir),
             "Sel kuning diisi; sel abu-abu berisi rumus. Dari tombol ini lembar tidak diproteksi dan "
             "tanpa validasi isian; perintah lembar pada file tersimpan memasangnya "
             f"({kinerja_command('lembar', master.path)}). Simpan workbook (Ctrl+S)."]  # fmt: skip
    live.alert(book, "\n".join(lines))

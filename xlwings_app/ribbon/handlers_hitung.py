"""Handlers of the ribbon's Hitung group: Periksa Data, Hitung Capaian, Periksa Waktu SOP.

Each reads the open workbook (one call per sheet), calls the service ``kinerja`` calls, writes
back and ends with a message box. Heavy modules are imported on the click, not with this module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from xlwings_app.ribbon import live
from xlwings_app.ribbon.errors import PesanPengguna

if TYPE_CHECKING:
    from pathlib import Path

    import xlwings as xw

    from xlwings_app.services.hitung import Perhitungan
    from xlwings_app.services.sop import PemeriksaanSemua


def periksa_data(book: xw.Book) -> None:
    """Check every input and the plan (``kinerja periksa``); colour and annotate problem cells; write nothing else."""
    from xlwings_app.ribbon.messages import problems_message
    from xlwings_app.services.rencana import plan_problems

    master = live.master(book)
    data = master.data()
    data.problems.extend(plan_problems(data))
    marked = master.mark(data.problems)
    if data.problems:
        live.alert(book, problems_message(data.problems, marked, "Hasil belum dapat dihitung."))
    else:
        live.alert(book, f"Isian lengkap dan sah: {len(data.indicators)} indikator. Siap dihitung.")


def hitung_capaian(book: xw.Book) -> None:
    """Check and compute (``kinerja hitung``); write Hasil and Rekap only when nothing is wrong."""
    from xlwings_app.ribbon.messages import problems_message
    from xlwings_app.services.hitung import hitung

    master = live.master(book)
    marked = master.mark(master.data().problems)
    result = hitung(master)
    if not result.valid:
        raise PesanPengguna(problems_message(result.problems, marked, "Sheet Hasil dan Rekap tidak ditulis."))
    live.alert(book, hitung_summary(result))


def periksa_waktu_sop(book: xw.Book) -> None:
    """Measure the step log of every SOP (``kinerja sop periksa``); write their Hasil SOP only when no SOP has an error."""
    from xlwings_app.ribbon.messages import problems_message
    from xlwings_app.services.sop import periksa_semua

    master = live.master(book)
    result = periksa_semua(master)
    marked = master.mark(result.problems)
    if not result.valid:
        raise PesanPengguna(problems_message(result.problems, marked, "Sheet Hasil SOP tidak ditulis."))
    live.alert(book, sop_summary(result, master.path))


def sop_summary(result: PemeriksaanSemua, file: Path) -> str:
    """Each SOP by name with its periods' figures, the sheets written, and the notes."""
    from xlwings_app.ribbon.messages import kinerja_command, problem_list
    from xlwings_app.services.sop import summary_lines

    lines: list[str] = []
    for r in result.hasil:
        if r.sop is None:
            continue
        lines.append(f"{r.sop.nama} (sheet {r.place.sop}):")
        lines += [f"  {line}" for s in r.summaries for line in summary_lines(s, r.day_minutes)]
        lines.append(f"  Sheet {r.place.hasil} ditulis." if r.ditulis else "  Tidak ada yang diukur.")
        lines.append("")
    if result.ditulis:
        lines += ["Grafik lini waktu (Gantt) tidak digambar dari tombol ini: grafik muncul setelah",
                  f"workbook disimpan dan ditutup, lalu di Command Prompt: {kinerja_command('sop', 'periksa', file)}"]  # fmt: skip
    if result.problems:
        lines += ["", "Catatan:", problem_list(result.problems)]
    return "\n".join(lines).strip()


def hitung_summary(result: Perhitungan) -> str:
    """Counts per predikat and mean capaian per jenis, and the notices."""
    from xlwings_app.domain.formatting import angka
    from xlwings_app.ribbon.messages import percent, problem_list

    lines = [f"Capaian {result.periode.label} dihitung; sheet Hasil dan Rekap ditulis."]
    for jenis, r in result.per_jenis.items():
        counts = ", ".join(f"{k} {angka(v)}" for k, v in r.per_predikat.items() if v)
        lines.append(
            f"{jenis.value}: {angka(r.jumlah_indikator)} indikator, rata-rata capaian "
            f"{percent(r.rata_rata_capaian)}" + (f"; {counts}" if counts else "") + "."
        )
    if result.problems:
        lines += ["", "Catatan:", problem_list(result.problems)]
    return "\n".join(lines)

"""A paper's stamps written into the step logs (``domain.administrasi.langkah.Stempel``).

A paper (a letter received or disposed, receipts of a signed document, a Surat Pengantar sent and
received) stamps only its own step and only with the moments written on it. The row it fills is
the step's last row of the period in the log of the stamp's SOP (``domain.sop.otomatis``' rules
for a row): only empty cells are filled; Selesai only into a row that has a Mulai (written now or
by a person), and never before it; a date alone is written as a date (measured by the working day).
The log's Catatan gets the stamp's mark after any text already there, once. A period without rows
in that log is left alone (``kinerja sop mulai`` opens it; a yearly SOP's log follows years), and a
step row the paper cannot fill gets a note.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from xlwings_app.domain.administrasi.langkah import Stempel, tampil
from xlwings_app.domain.cell_addresses import column_letter
from xlwings_app.domain.sop.log import LogEntry, Moment, is_before, normalize_periode
from xlwings_app.domain.sop.workbook import SopWorkbook
from xlwings_app.services.master import Master
from xlwings_app.services.sop_master import every_sop
from xlwings_app.sheets.changes import SetCells, Stamp
from xlwings_app.sheets.log import log_header
from xlwings_app.sheets.sop_layout import DATE_FORMAT, DATETIME_FORMAT, SopPlace


def _row(entries: Sequence[LogEntry], periode: str, langkah: int) -> LogEntry | None:
    rows = [e for e in entries if e.langkah == langkah and normalize_periode(e.periode) == periode and e.baris]
    return rows[-1] if rows else None


def _format(moment: Moment) -> str:
    return DATETIME_FORMAT if isinstance(moment, datetime) else DATE_FORMAT


def stage_stempel(master: Master, stamps: Sequence[Stempel], periode: str) -> list[str]:
    """Stage the cells ``stamps`` fill in the logs of ``master`` for ``periode``; what was done, in
    Indonesian (one line per step stamped or left)."""
    if not stamps:
        return []
    wanted = normalize_periode(periode)
    sops: dict[str, SopWorkbook] = {d.sop.nama: d for d in every_sop(master) if d.sop is not None}
    lines: list[str] = []
    for stamp in stamps:
        data = sops.get(stamp.sop)
        place = SopPlace(data.place_name) if data is not None else None
        if data is None or place is None or place.log not in master.sheet_names():
            continue
        found = log_header(master.rows(place.log))
        entry = _row(data.entries, wanted, stamp.langkah.no)
        if found is None or entry is None or entry.baris is None:
            if not any(normalize_periode(e.periode) == wanted for e in data.entries):
                continue  # the SOP's log does not follow this period (a yearly SOP, a period not opened)
            lines.append(f"{place.log}: periode {wanted} belum punya baris langkah {stamp.langkah.no} "
                         f"({stamp.sumber} tidak dicatat; buka periodenya dengan kinerja sop mulai).")  # fmt: skip
            continue
        _, columns = found
        row, written = entry.baris, []
        mulai = entry.mulai
        if stamp.mulai is not None and mulai is None:
            master.stage(Stamp(place.log, row, columns["mulai"] + 1, stamp.mulai, _format(stamp.mulai)))  # type: ignore[arg-type]
            mulai, written = stamp.mulai, ["Mulai"]
        if (stamp.selesai is not None and entry.selesai is None and mulai is not None
                and not is_before(stamp.selesai, mulai)):  # fmt: skip
            master.stage(Stamp(place.log, row, columns["selesai"] + 1, stamp.selesai, _format(stamp.selesai)))  # type: ignore[arg-type]
            written.append("Selesai")
        if not written:
            why = ("belum punya Mulai (isi Mulai dengan Catat Waktu Langkah)" if mulai is None
                   else "sudah terisi")  # fmt: skip
            lines.append(f"{place.log} langkah {stamp.langkah.no} ({wanted}) {why}: {stamp.sumber} tidak "
                         "mengubahnya.")  # fmt: skip
            continue
        mark = f"{stamp.catatan} pada {' dan '.join(written)}"
        if stamp.catatan not in entry.catatan:
            catatan = f"{entry.catatan.strip()}; {mark}" if entry.catatan.strip() else mark
            address = f"{column_letter(columns['catatan'] + 1)}{row}"
            master.stage(SetCells([(place.log, address, catatan)]))
        shown = ", ".join(f"{w} {tampil(stamp.mulai if w == 'Mulai' else stamp.selesai)}" for w in written)  # type: ignore[arg-type]
        lines.append(f"{place.log} langkah {stamp.langkah.no} ({wanted}): {shown} dari {stamp.sumber}.")
    return lines

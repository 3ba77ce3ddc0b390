"""The SOP on-time share of a unit whose workbook has a Log Langkah for the period."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from xlwings_app.adapters.xlsx.safe_write import BACKUP_DIR
from xlwings_app.domain.indicator import Periode
from xlwings_app.samples.example_sop import PERIODE
from xlwings_app.services import sop
from xlwings_app.services.contoh import sop_contoh
from xlwings_app.services.contoh_kabupaten import unit_workbook
from xlwings_app.services.kabupaten import kabupaten
from xlwings_app.sheets import kabupaten as K


def test_the_sop_share_is_the_units_own_sop_periksa(tmp_path: Path) -> None:
    inbox = tmp_path / "kiriman"
    with_log = unit_workbook(inbox / "a.xlsx", "Kecamatan Dengan Log", 6, 1)
    unit_workbook(inbox / "b.xlsx", "Kecamatan Tanpa Log", 6, 2)
    list(sop_contoh(with_log))
    for backup in (inbox / BACKUP_DIR).glob("*"):
        backup.unlink()
    own = sop.periksa(with_log, PERIODE, tulis=False)
    share = next(s.share_on_time for s in own.summaries if s.periode == PERIODE)
    assert share is not None
    rekap = tmp_path / "rekap.xlsx"
    result = kabupaten([inbox], Periode.parse(PERIODE), rekap, dokumen=False)
    by_unit = {u.unit: u.kiriman.sop_tepat_waktu for u in result.rekap.units if u.kiriman}
    assert by_unit == {"Kecamatan Dengan Log": share, "Kecamatan Tanpa Log": None}
    ws = load_workbook(rekap, data_only=True)[K.SHEET_REKAP]
    header = [c.value for c in ws[K.HEADER_ROW]]
    col = header.index("SOP Tepat Waktu (%)")
    values = {r[1]: r[col] for r in ws.iter_rows(min_row=K.HEADER_ROW + 1, values_only=True) if r[1]}
    assert values == {"Kecamatan Dengan Log": float(share), "Kecamatan Tanpa Log": None}

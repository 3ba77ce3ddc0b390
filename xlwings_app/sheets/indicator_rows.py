"""An indicator's input cells as values, by column key of workbook/layout.toml.

The one mapping from ``domain.indicator.Indicator`` to the cells of its IKU/IKI row: the workbook
builder (``adapters.openpyxl.builder``) and the lembar isian (``sheets.forms``) write these values.
"""

from __future__ import annotations

from xlwings_app.domain.analisis import analysis_values
from xlwings_app.domain.indicator import Indicator
from xlwings_app.sheets.grid import excel_value


def indicator_values(indicator: Indicator) -> dict[str, object]:
    """The input cells of an indicator's row, by column key."""
    values: dict[str, object] = {
        "kode": indicator.kode,
        "induk": indicator.induk or "",
        "sasaran": indicator.sasaran,
        "nama": indicator.nama,
        "satuan": indicator.satuan,
        "polaritas": indicator.polaritas.value,
        "agregasi": indicator.agregasi.value,
        "target_tahunan": indicator.target_tahunan,
        "batas_bawah": indicator.batas_bawah,
        "batas_atas": indicator.batas_atas,
        "penanggung_jawab": indicator.penanggung_jawab,
        "pagu": indicator.pagu,
        "realisasi_anggaran": indicator.realisasi_anggaran,
        "keterangan": indicator.keterangan,
        "target_lalu": indicator.target_lalu,
        "realisasi_lalu": indicator.realisasi_lalu,
        "target_akhir_renstra": indicator.target_akhir_renstra,
        "program": indicator.program,
    }
    for i in range(4):
        values[f"t{i + 1}"] = indicator.target_tw[i]
        values[f"r{i + 1}"] = indicator.realisasi_tw[i]
    values.update(analysis_values(indicator))
    return {k: excel_value(v) for k, v in values.items()}

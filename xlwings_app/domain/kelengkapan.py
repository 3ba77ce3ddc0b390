"""Whether a Pengukuran Kinerja may be signed: every unmet target has its analysis.

Rule (SOP Pengukuran Kinerja, seed 004 step 7; PermenPANRB 53/2014, "analisis capaian kinerja"):
an indicator whose target was not met (status Tidak Tercapai) goes back "untuk dibuat rencana
aksi" before the head signs. So a final document needs, for every such indicator, both
Permasalahan and Rencana Aksi filled in. Each missing cell is one problem naming its sheet, row,
column and cell; ``document_gaps`` returns them all, as errors for a final document or as
warnings (``catatan``) for ``periksa`` and for a draft.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from xlwings_app.domain import formatting as fmt
from xlwings_app.domain.measure import Hasil, Status
from xlwings_app.domain.problems import Problem, Tingkat

FIELDS = (("permasalahan", "Permasalahan"), ("rencana_aksi", "Rencana Aksi"))


def missing_fields(h: Hasil) -> list[str]:
    """The labels of the analysis cells an unmet indicator still lacks ([] when met or complete)."""
    if h.status is not Status.TIDAK_TERCAPAI:
        return []
    return [label for key, label in FIELDS if not str(getattr(h.indicator, key) or "").strip()]


def document_gaps(
    results: Sequence[Hasil],
    cells: Mapping[tuple[str, int, str], str] | None = None,
    tingkat: Tingkat = "galat",
) -> list[Problem]:
    """One problem per missing Permasalahan / Rencana Aksi of an unmet indicator, in input order.

    ``cells`` maps (sheet, row, column key) to the cell address, as the workbook reader records it.
    """
    cells = cells or {}
    problems: list[Problem] = []
    for h in results:
        i = h.indicator
        for key, label in FIELDS:
            if label not in missing_fields(h):
                continue
            problems.append(Problem(
                f"{i.kode} belum mencapai target {h.periode.label} (capaian {fmt.persen(h.capaian)}%): "
                f"{label} wajib diisi sebelum dokumen ditandatangani.",
                i.sheet or None, i.baris, label, cells.get((i.sheet, i.baris or 0, key)), None,
                tingkat=tingkat,
            ))  # fmt: skip
    return problems

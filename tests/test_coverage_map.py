"""Every pure module (``xlwings_app/domain``, ``xlwings_app/sheets``) has a test file that tests it.

``TESTED_BY`` lists each module and the test file that imports and tests it (the file named after
the module where there is one). A new module of those layers fails this test until it has its
line here, naming a test file that imports it (or imports from its package a name it defines).
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PURE = ("domain", "sheets")

TESTED_BY = {
    "domain.administrasi": "tests/domain/administrasi/test_checklist.py",
    "domain.administrasi.checklist": "tests/domain/administrasi/test_checklist.py",
    "domain.administrasi.distribusi": "tests/domain/administrasi/test_distribusi.py",
    "domain.administrasi.dokumen": "tests/domain/administrasi/test_distribusi.py",
    "domain.administrasi.formulir_rencana": "tests/domain/administrasi/test_formulir_rencana.py",
    "domain.administrasi.gabung_rencana": "tests/domain/administrasi/test_gabung_rencana.py",
    "domain.administrasi.langkah": "tests/domain/administrasi/test_langkah.py",
    "domain.administrasi.manifest": "tests/domain/administrasi/test_manifest.py",
    "domain.administrasi.notulen": "tests/domain/administrasi/test_notulen.py",
    "domain.administrasi.perbandingan": "tests/domain/administrasi/test_perbandingan.py",
    "domain.administrasi.periksa_rencana": "tests/domain/administrasi/test_periksa_rencana.py",
    "domain.administrasi.program_kerja": "tests/domain/administrasi/test_program_kerja.py",
    "domain.administrasi.surat_masuk": "tests/domain/administrasi/test_surat_masuk.py",
    "domain.administrasi.surat_pengantar": "tests/domain/administrasi/test_surat_pengantar.py",
    "domain.aggregation": "tests/domain/test_expr.py",
    "domain.analisis": "tests/services/test_analisis_periode.py",
    "domain.capaian": "tests/domain/test_capaian.py",
    "domain.cell_addresses": "tests/domain/test_cell_addresses.py",
    "domain.cetak": "tests/domain/test_cetak.py",
    "domain.expr": "tests/domain/test_expr.py",
    "domain.expr.codegen": "tests/domain/test_expr_codegen.py",
    "domain.expr.excel": "tests/domain/test_expr.py",
    "domain.expr.interpreter": "tests/domain/test_expr_codegen.py",
    "domain.expr.nodes": "tests/domain/test_expr.py",
    "domain.expr.semantics": "tests/domain/test_expr.py",
    "domain.file_names": "tests/domain/test_file_names.py",
    "domain.formatting": "tests/domain/test_formatting.py",
    "domain.indicator": "tests/domain/test_indicator.py",
    "domain.kabupaten": "tests/domain/test_kabupaten.py",
    "domain.kabupaten_lkjip": "tests/services/kabupaten/test_lkjip.py",
    "domain.kabupaten_program": "tests/services/kabupaten/test_program.py",
    "domain.kelengkapan": "tests/domain/test_kelengkapan.py",
    "domain.lke": "tests/domain/lke/test_criteria.py",
    "domain.lke.criteria": "tests/domain/lke/test_criteria.py",
    "domain.lke.kerangka_logis": "tests/domain/lke/test_kerangka_logis.py",
    "domain.lke.model": "tests/domain/lke/test_criteria.py",
    "domain.lke.peringkat": "tests/services/test_lke_kabupaten.py",
    "domain.lke.predikat": "tests/domain/lke/test_predikat.py",
    "domain.lke.prefill": "tests/domain/lke/test_prefill.py",
    "domain.lke.proposal": "tests/domain/lke/test_proposal.py",
    "domain.lke.recommendations": "tests/domain/lke/test_recommendations.py",
    "domain.lke.rencana_aksi": "tests/domain/lke/test_rencana_aksi.py",
    "domain.lke.scoring": "tests/domain/lke/test_scoring.py",
    "domain.lke.usulan": "tests/domain/lke/test_usulan.py",
    "domain.lkjip": "tests/domain/lkjip/test_analysis.py",
    "domain.lkjip.analysis": "tests/domain/lkjip/test_analysis.py",
    "domain.lkjip.budget": "tests/domain/lkjip/test_budget.py",
    "domain.lkjip.draft": "tests/domain/lkjip/test_draft.py",
    "domain.lkjip.history": "tests/domain/lkjip/test_history.py",
    "domain.lkjip.narrative": "tests/domain/lkjip/test_narrative.py",
    "domain.lkjip.progress": "tests/domain/lkjip/test_progress.py",
    "domain.lkjip.renames": "tests/domain/lkjip/test_renames.py",
    "domain.lkjip.renstra": "tests/domain/lkjip/test_draft.py",
    "domain.lkjip.seals": "tests/domain/lkjip/test_seals.py",
    "domain.lkjip.standar": "tests/domain/lkjip/test_standar.py",
    "domain.lkjip.structure": "tests/domain/lkjip/test_structure.py",
    "domain.lkjip.tables": "tests/domain/lkjip/test_tables.py",
    "domain.lkjip.wording": "tests/domain/lkjip/test_wording.py",
    "domain.lkjip.written": "tests/domain/lkjip/test_written.py",
    "domain.measure": "tests/domain/test_measure.py",
    "domain.next_year": "tests/domain/test_next_year.py",
    "domain.numbers": "tests/domain/test_row_reading.py",
    "domain.organisasi": "tests/services/report/test_atasan.py",
    "domain.percent_entry": "tests/domain/test_percent_entry.py",
    "domain.planning": "tests/domain/test_planning.py",
    "domain.predikat": "tests/domain/test_predikat.py",
    "domain.problems": "tests/domain/test_problems.py",
    "domain.profil": "tests/domain/test_profil.py",
    "domain.progres": "tests/domain/lkjip/test_progress.py",
    "domain.rows": "tests/domain/test_planning.py",
    "domain.seal": "tests/domain/lkjip/test_seals.py",
    "domain.settings": "tests/domain/lkjip/test_budget.py",
    "domain.sop": "tests/domain/administrasi/test_checklist.py",
    "domain.sop.adapt": "tests/services/sop/test_adapt.py",
    "domain.sop.calendar": "tests/domain/sop/test_calendar.py",
    "domain.sop.calendar_rows": "tests/domain/sop/test_rows.py",
    "domain.sop.identitas": "tests/services/sop/test_identitas.py",
    "domain.sop.log": "tests/domain/sop/test_log.py",
    "domain.sop.measure": "tests/domain/sop/test_measure.py",
    "domain.sop.model": "tests/domain/sop/test_model.py",
    "domain.sop.otomatis": "tests/domain/sop/test_otomatis.py",
    "domain.sop.pelaksana": "tests/domain/sop/test_otomatis.py",
    "domain.sop.presets": "tests/domain/sop/test_presets.py",
    "domain.sop.sop_rows": "tests/domain/sop/test_rows.py",
    "domain.sop.stamp": "tests/addin/test_handlers_data.py",
    "domain.sop.summary": "tests/domain/sop/test_measure.py",
    "domain.sop.waktu": "tests/domain/sop/test_waktu.py",
    "domain.sop.workbook": "tests/domain/sop/test_workbook.py",
    "domain.summary": "tests/domain/test_summary.py",
    "domain.tally": "tests/domain/test_tally.py",
    "domain.tanggal": "tests/services/report/test_signing_date.py",
    "domain.tree": "tests/domain/tree/test_codes.py",
    "domain.tree.codes": "tests/domain/tree/test_codes.py",
    "domain.tree.dpa": "tests/domain/tree/test_dpa.py",
    "domain.tree.manual": "tests/domain/tree/test_manual.py",
    "domain.tree.migration": "tests/domain/tree/test_migration.py",
    "domain.tree.model": "tests/domain/tree/test_dpa.py",
    "domain.tree.nomenklatur": "tests/domain/tree/test_nomenklatur.py",
    "domain.tree.rekap": "tests/domain/tree/test_rekap.py",
    "domain.tree.rollup": "tests/domain/tree/test_rollup.py",
    "domain.tree.rules": "tests/domain/tree/test_rules.py",
    "domain.tree.workbook": "tests/domain/tree/test_workbook.py",
    "domain.validation": "tests/domain/test_validation.py",
    "domain.verification": "tests/domain/test_verification.py",
    "domain.workbook_data": "tests/adapters/xlsx/test_engine_fallback.py",
    "sheets.changes": "tests/sheets/test_three_hasil_writers.py",
    "sheets.charts": "tests/sheets/test_charts.py",
    "sheets.checklist_dokumen": "tests/sheets/test_checklist_dokumen.py",
    "sheets.format_doc": "tests/e2e/test_readme.py",
    "sheets.forms": "tests/sheets/test_forms_reader.py",
    "sheets.formulir_rencana": "tests/services/administrasi/test_rencana.py",
    "sheets.grid": "tests/sheets/test_forms_reader.py",
    "sheets.hasil_spool": "tests/sheets/test_hasil_spool.py",
    "sheets.indicator_rows": "tests/sheets/test_indicator_rows.py",
    "sheets.indicators": "tests/sheets/test_indicators.py",
    "sheets.inputs": "tests/sheets/test_inputs.py",
    "sheets.kabupaten": "tests/sheets/test_kabupaten.py",
    "sheets.kalender": "tests/sheets/test_kalender.py",
    "sheets.layout": "tests/sheets/test_layout.py",
    "sheets.live_formulas": "tests/sheets/test_live_formulas.py",
    "sheets.lke": "tests/services/test_lke.py",
    "sheets.lke_ekspor": "tests/sheets/test_lke_ekspor.py",
    "sheets.lke_kabupaten": "tests/services/test_lke_kabupaten.py",
    "sheets.lke_register": "tests/services/test_lke.py",
    "sheets.lkjip": "tests/services/lkjip/test_history_sheets.py",
    "sheets.log": "tests/sheets/test_log.py",
    "sheets.log_rows": "tests/adapters/xlwings/test_live_changes.py",
    "sheets.palette": "tests/services/sop/test_sop_service.py",
    "sheets.pejabat": "tests/sheets/test_pejabat.py",
    "sheets.pengaturan": "tests/sheets/test_pengaturan.py",
    "sheets.pohon": "tests/sheets/test_pohon.py",
    "sheets.pohon_rekap": "tests/sheets/test_pohon_rekap.py",
    "sheets.profil": "tests/sheets/test_profil.py",
    "sheets.register_surat": "tests/addin/test_handlers_administrasi.py",
    "sheets.results": "tests/sheets/test_hasil_spool.py",
    "sheets.riwayat": "tests/sheets/test_riwayat.py",
    "sheets.segel": "tests/sheets/test_segel.py",
    "sheets.sop_layout": "tests/sheets/test_kalender.py",
    "sheets.sop_results": "tests/addin/test_handlers_sop.py",
    "sheets.sop_sheet": "tests/sheets/test_sop_sheet.py",
    "sheets.sop_workbook": "tests/sheets/test_sop_workbook.py",
    "sheets.source": "tests/sheets/test_indicators.py",
    "sheets.surat_keluar": "tests/services/administrasi/test_kertas.py",
    "sheets.table": "tests/sheets/test_table.py",
    "sheets.tanda_terima": "tests/services/forms/test_tanda_terima.py",
    "sheets.tanda_terima_dokumen": "tests/services/administrasi/test_kertas.py",
}


def _modules() -> set[str]:
    """The modules of the pure layers, a package counted when its ``__init__`` holds code."""
    found = set()
    for layer in PURE:
        for path in (ROOT / "xlwings_app" / layer).rglob("*.py"):
            parts = path.relative_to(ROOT / "xlwings_app").with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
                if len(parts) == 1 or not path.read_text(encoding="utf-8").strip():
                    continue
            found.add(".".join(parts))
    return found


def _imports(test_file: Path) -> set[str]:
    """What the file imports: modules, and ``package.name`` for each name imported from a package."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(test_file.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names |= {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
        elif isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
    return names


def _tests(module: str, imported: set[str]) -> bool:
    """``module`` (or one of its submodules) imported, or a name it defines imported from its package."""
    full = f"xlwings_app.{module}"
    if any(name == full or name.startswith(full + ".") for name in imported):
        return True
    package = full.rpartition(".")[0]
    public = importlib.import_module(package)
    return any(getattr(getattr(public, name.rpartition(".")[2], None), "__module__", None) == full
               for name in imported if name.rpartition(".")[0] == package)  # fmt: skip


def test_every_pure_module_is_listed_with_its_test_file() -> None:
    modules = _modules()
    assert sorted(modules - TESTED_BY.keys()) == [], "a module without its test file: add a test and a line to TESTED_BY"
    assert sorted(TESTED_BY.keys() - modules) == [], "a module that no longer exists"


def test_each_listed_test_file_tests_its_module() -> None:
    wrong = [f"{module}: {test}" for module, test in sorted(TESTED_BY.items())
             if not (ROOT / test).is_file() or not _tests(module, _imports(ROOT / test))]  # fmt: skip
    assert wrong == []

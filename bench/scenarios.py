"""The benchmark scenarios, generated reproducibly (fixed seeds) and cached in ``build/bench/``.

- S: one kecamatan, 25 IKU + 60 IKI, realisasi of four TW, one SOP log (the example's TW3 log);
- L: 2,000 indicators (500 IKU + 1,500 IKI), built by the normal builder;
- XL: 100,000 indicator rows (25,000 IKU + 75,000 IKI), streamed with openpyxl's write-only mode:
  the same sheets, titles and header rows as the builder, input cells only (no live formulas, no
  styles, no validations), which is what the reader reads; XL2 the same with 200,000 rows (the
  fourth point of ``hitung``'s growth; built only when the bench measures XL);
- F: a master of 50 × 40 indicators and 50 filled TW2 forms (``make_forms_scenario``); F-log the
  same master with the SOP Pengumpulan Data and its TW2 step log (``add_sop_log``), whose rekap
  stamps steps 7 and 8 of the log in the same commit;
- K60 / K120: the kabupaten's inbox: 60 (120) unit workbooks of 60 IKU with four TW filled, every
  sixth unit sent as its sealed TW2 archive instead (``services.contoh_kabupaten``); K120 is K60 plus 60.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook

from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.xlsx.safe_write import BACKUP_DIR
from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.domain.settings import Settings
from xlwings_app.samples.synthetic import PENANGGUNG_JAWAB, SYNTHETIC_PROFIL, random_indicators
from xlwings_app.sheets import layout as L
from xlwings_app.sheets.indicator_rows import indicator_values

VERSION = "2"
"""Bump when a generator changes: cached scenarios of another version are rebuilt (2: the builder adds
an empty Riwayat sheet, so the F master is rekap'd through the zip patch)."""
SETTINGS = Settings(periode_aktif=Periode.TW4, daftar_penanggung_jawab=PENANGGUNG_JAWAB)


@dataclass(frozen=True)
class Scenarios:
    s: Path
    l: Path  # noqa: E741
    xl: Path
    f_master: Path
    f_forms: Path
    k60: Path
    k120: Path

    @property
    def xl2(self) -> Path:
        return self.xl.with_name("XL2.xlsx")

    @property
    def f_log_master(self) -> Path:
        return self.f_master.with_name("induk-log.xlsx")


def _build(path: Path, n_iku: int, n_iki: int, seed: int) -> None:
    indicators = random_indicators(n_iku, n_iki, seed=seed)
    build_workbook(SYNTHETIC_PROFIL, indicators, SETTINGS, spare_rows=2).save(path)


def _build_s(path: Path) -> None:
    from xlwings_app.services.contoh import sop_contoh

    _build(path, 25, 60, seed=11)
    for _ in sop_contoh(path):
        pass
    for backup in (path.parent / BACKUP_DIR).glob(f"{path.stem}-*"):
        backup.unlink()


def _build_xl(path: Path, n_iku: int = 25_000, n_iki: int = 75_000) -> None:
    """Stream the XL workbook: every sheet of a small built workbook, IKU and IKI with 100,000 rows."""
    small = path.with_name("xl-kerangka.xlsx")
    build_workbook(SYNTHETIC_PROFIL, [], SETTINGS, spare_rows=0).save(small)
    template = load_workbook(small)
    indicators = random_indicators(n_iku, n_iki, seed=13)
    tables = {table.sheet: table for table in L.layout().tables.values()}
    wb = Workbook(write_only=True)
    for source in template.worksheets:
        ws = wb.create_sheet(source.title)
        table = tables.get(source.title)
        head = L.TITLE_ROWS + 1 if table else source.max_row
        for row in source.iter_rows(max_row=head, values_only=True):
            ws.append(list(row))
        if table is None:
            continue
        rows = (i for i in indicators if i.jenis is table.jenis)
        for indicator in rows:
            values = indicator_values(indicator)
            ws.append([values.get(c.key) if c.is_input else None for c in table.columns])
    wb.save(path)
    small.unlink()


def _build_f(folder: Path) -> None:
    from bench.forms_scenario import make_forms_scenario

    make_forms_scenario(folder, n_forms=50, n_indicators=40)


K_INDICATORS = 60
K_SEAL_EVERY = 6


def _build_k(folder: Path, first: int, last: int) -> None:
    from xlwings_app.services.contoh_kabupaten import seal, unit_name, unit_workbook

    folder.mkdir(parents=True, exist_ok=True)
    for n in range(first, last):
        book = unit_workbook(folder / f"{unit_name(n).replace(' ', '_')}.xlsx", unit_name(n), K_INDICATORS, 7000 + n)
        if n % K_SEAL_EVERY == 0:
            work = folder.parent / f".segel-{folder.name}"
            sealed = work / book.name
            work.mkdir(exist_ok=True)
            book.replace(sealed)
            seal(sealed, Periode.TW2, folder)
            shutil.rmtree(work)


def _build_k120(k60: Path, k120: Path) -> None:
    shutil.copytree(k60, k120)
    _build_k(k120, 60, 120)


def ensure(root: Path, log=print) -> Scenarios:  # type: ignore[no-untyped-def]
    """Generate the scenarios under ``root`` unless this version's are already there."""
    root = root / f"v{VERSION}"
    done = root / ".selesai"
    scenarios = Scenarios(
        root / "S.xlsx", root / "L.xlsx", root / "XL.xlsx", root / "F" / "induk.xlsx", root / "F" / "formulir",
        root / "K60", root / "K120",
    )
    if done.exists():
        ensure_f_log(scenarios, log)
        ensure_kabupaten(scenarios, log)
        return scenarios
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for label, make in (
        ("S", lambda: _build_s(scenarios.s)),
        ("L", lambda: _build(scenarios.l, 500, 1500, seed=12)),
        ("XL", lambda: _build_xl(scenarios.xl)),
        ("F", lambda: _build_f(root / "F")),
    ):
        log(f"membuat skenario {label} ...")
        make()
    done.write_text(VERSION)
    ensure_f_log(scenarios, log)
    ensure_kabupaten(scenarios, log)
    return scenarios


XL2_VERSION = "1"


def ensure_xl2(scenarios: Scenarios, log=print) -> Path:  # type: ignore[no-untyped-def]
    """XL2: 50,000 IKU + 150,000 IKI, as XL (own marker: only a bench with XL builds it)."""
    done = scenarios.xl2.with_name(f".selesai-xl2-{XL2_VERSION}")
    if not done.exists():
        log("membuat skenario XL2 ...")
        _build_xl(scenarios.xl2, 50_000, 150_000)
        done.write_text(XL2_VERSION)
    return scenarios.xl2


F_LOG_VERSION = "1"


def ensure_f_log(scenarios: Scenarios, log=print) -> Path:  # type: ignore[no-untyped-def]
    """F-log: F's master with the SOP Pengumpulan Data and its TW2 log (own marker: added after the
    others, so existing scenarios are not rebuilt)."""
    from bench.forms_scenario import add_sop_log

    target = scenarios.f_log_master
    done = target.with_name(f".selesai-flog-{F_LOG_VERSION}")
    if not done.exists():
        log("membuat skenario F-log ...")
        shutil.copyfile(scenarios.f_master, target)
        add_sop_log(target, Periode.TW2)
        shutil.rmtree(target.parent / BACKUP_DIR, ignore_errors=True)
        done.write_text(F_LOG_VERSION)
    return target


K_VERSION = "1"


def ensure_kabupaten(scenarios: Scenarios, log=print) -> None:  # type: ignore[no-untyped-def]
    """K60 and K120 (own marker: added after the others, so existing scenarios are not rebuilt)."""
    done = scenarios.k120.parent / f".selesai-k{K_VERSION}"
    if done.exists():
        return
    for folder in (scenarios.k60, scenarios.k120):
        shutil.rmtree(folder, ignore_errors=True)
    log("membuat skenario K60 ...")
    _build_k(scenarios.k60, 0, 60)
    log("membuat skenario K120 ...")
    _build_k120(scenarios.k60, scenarios.k120)
    done.write_text(K_VERSION)


def counts() -> dict[str, str]:
    """What each scenario holds, for the table's notes."""
    return {
        "S": f"25 {Jenis.IKU.value} + 60 {Jenis.IKI.value}, 4 TW, 1 log SOP",
        "L": "500 IKU + 1.500 IKI",
        "XL": "25.000 IKU + 75.000 IKI (tanpa rumus hidup)",
        "XL2": "50.000 IKU + 150.000 IKI (tanpa rumus hidup)",
        "F": "50 formulir × 40 indikator",
        "F-log": "F dengan SOP Pengumpulan Data dan log TW2 (rekap mencatat langkah 7 dan 8)",
        "K60": "60 unit × 60 IKU × 4 TW (10 sebagai arsip tersegel)",
        "K120": "120 unit × 60 IKU × 4 TW (20 sebagai arsip tersegel)",
    }

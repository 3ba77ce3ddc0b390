"""``make bench``: generate the scenarios, measure, print the table, write bench/results.json.

Every figure is a whole process (median of N runs; peak memory the highest run) next to its floor
from the same run: ``python -c "import xlwings"`` for start-up, python-calamine reading the same
file for reads. Budgets are issue 17's: hitung S ≤ 0,5 s, L ≤ 1,5 s, XL ≤ 30 s and 1 GiB; rekap F
≤ 2 s; the reader ≤ 3× calamine; laporan ≤ 0,8 s; laporan-iki ≤ 2× one laporan --pdf; XL2 is
hitung's fourth growth point (``growth``: µs per row); hitung P300 (a tree of 300 sub kegiatan) ≤ 1,5×
the same 320 indicators flat (``bench.pohon_scenario``); rekap F-log ≤ 1,2× rekap F (the same rekap
stamping its steps in the SOP log, measured in turns with it). The click in the long-lived Python (issue
16) is budgeted on the seconds its probe reports, the handler without start-up. Options: ``--ulang
N`` (runs per measurement, at least 5 for the report), ``--ulang-xl N`` (XL: 3 by default, each
run takes long), ``--tanpa-xl``, ``--tanpa-pdf``, ``--hanya TEKS``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench import scenarios as SC
from bench.measure import Runs, measure, measure_alternating, require_linux
from xlwings_app.adapters.xlsx.safe_write import BACKUP_DIR

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "bench"
RESULTS = ROOT / "bench" / "results.json"
XL_TIMEOUT = 300.0
"""An XL run longer than this is stopped and reported as a miss (keeps make bench under 15 min)."""
XL_LIMIT_MIB = 6144
"""Address-space limit of an XL run, so a runaway never pushes the machine into swap."""
STAMPED_REKAP_RATIO = 1.2
"""A rekap that stamps its steps in the SOP log costs at most this multiple of one that does not
(issue 24: the stamp is cells, patched with the rest, not a reason to rewrite the workbook)."""
PY = sys.executable
KINERJA = str(Path(sys.executable).parent / "kinerja")


@dataclass
class Item:
    """One measurement: what runs, its floor, its budget."""

    key: str
    label: str
    argv: list[str]
    floor: str | None = None
    budget_s: float | None = None
    """Seconds for the whole process (or, with ``over_floor``, over the floor)."""
    over_floor: bool = False
    budget_ratio: float | None = None
    """At most this multiple of the floor (compares the in-process seconds when both report them)."""
    budget_mib: float | None = None
    budget_inner: bool = False
    """``budget_s`` applies to the seconds the process reports itself (its work without start-up)."""
    prepare: Callable[[], None] | None = None
    repeat: int | None = None
    timeout: float | None = None
    limit_mib: int | None = None
    runs: Runs | None = None
    paired: tuple[Runs, Runs] | None = None
    """For a ratio budget: the floor and this command measured again in turns (``measure_alternating``)."""


def copier(source: Path, target: Path) -> Callable[[], None]:
    """Before each run: a fresh copy of the pristine scenario (a run writes into its file)."""

    def prepare() -> None:
        if source.is_dir():
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            shutil.rmtree(target.parent / BACKUP_DIR, ignore_errors=True)

    return prepare


def both(*steps: Callable[[], None]) -> Callable[[], None]:
    def prepare() -> None:
        for step in steps:
            step()

    return prepare


def handler_modules() -> list[str]:
    from xlwings_app.ribbon.registry import HANDLERS

    return sorted({target.partition(":")[0] for target in HANDLERS.values()})


def items(sc: SC.Scenarios, with_xl: bool, with_pdf: bool, repeat_xl: int) -> list[Item]:
    run = WORK / "jalan"
    found: list[Item] = [
        Item("lantai.mulai", 'python -c "import xlwings"', [PY, "-c", "import xlwings"]),
    ]
    for module in handler_modules():
        found.append(
            Item(
                f"klik.{module.rsplit('.', 1)[-1]}",
                f"klik: import xlwings + ribbon.entry + {module.rsplit('.', 1)[-1]}",
                [PY, "-c", f"import xlwings; import xlwings_app.ribbon.entry; import {module}"],
                floor="lantai.mulai",
                budget_s=0.050,
                over_floor=True,
            )
        )
    found.append(Item("cli.mulai", "kinerja --help (mulai CLI)", [KINERJA, "--help"], floor="lantai.mulai"))
    found.append(
        Item(
            "klik.server.hitung.S",
            "klik Hitung Capaian S di Python yang tetap hidup (handler, tanpa mulai; remote engine)",
            [PY, "-m", "bench.probe", "klik", str(sc.s)],
            budget_s=0.3,
            budget_inner=True,
        )
    )
    found.append(
        Item(
            "klik.server.hitung.L",
            "klik Hitung Capaian L di Python yang tetap hidup (handler, tanpa mulai; remote engine)",
            [PY, "-m", "bench.probe", "klik", str(sc.l)],
        )
    )
    names = {"S": sc.s, "L": sc.l, "F": sc.f_master} | ({"XL": sc.xl, "XL2": sc.xl2} if with_xl else {})
    for name, path in names.items():
        found.append(
            Item(
                f"lantai.baca.{name}",
                f"calamine membaca {name}",
                [PY, "-m", "bench.probe", "calamine", str(path)],
                repeat=repeat_xl if name.startswith("XL") else None,
            )
        )
    found.append(
        Item(
            "baca.L",
            "pembaca Kinerja membaca L",
            [PY, "-m", "bench.probe", "baca", str(sc.l)],
            floor="lantai.baca.L",
            budget_ratio=3.0,
        )
    )
    if with_xl:
        found.append(
            Item(
                "baca.XL",
                "pembaca Kinerja membaca XL (di luar anggaran)",
                [PY, "-m", "bench.probe", "baca", str(sc.xl)],
                floor="lantai.baca.XL",
                repeat=repeat_xl,
            )
        )
    hitung_points = (("S", 0.5, None), ("L", 1.5, None), ("XL", 30.0, 1024.0), ("XL2", None, None))
    for name, budget, mib in hitung_points:
        if name not in names:
            continue
        target = run / f"hitung-{name}.xlsx"
        found.append(
            Item(
                f"hitung.{name}",
                f"kinerja hitung {name}" + (" (pertumbuhan, di luar anggaran)" if budget is None else ""),
                [KINERJA, "hitung", str(target)],
                floor=f"lantai.baca.{name}",
                budget_s=budget,
                budget_mib=mib,
                prepare=copier(names[name], target),
                repeat=repeat_xl if name.startswith("XL") else None,
                timeout=(2 if name == "XL2" else 1) * XL_TIMEOUT if name.startswith("XL") else None,
                limit_mib=XL_LIMIT_MIB if name.startswith("XL") else None,
            )
        )
    master, forms = run / "F" / "induk.xlsx", run / "F" / "formulir"
    found.append(
        Item(
            "rekap.F",
            "kinerja rekap F (50 formulir)",
            [KINERJA, "rekap", str(master), str(forms), "--periode", "TW2"],
            floor="lantai.baca.F",
            budget_s=2.0,
            prepare=both(copier(sc.f_master, master), copier(sc.f_forms, forms)),
        )
    )
    logged, logged_forms = run / "F-log" / "induk-log.xlsx", run / "F-log" / "formulir"
    found.append(
        Item(
            "rekap.F.log",
            "kinerja rekap F-log (50 formulir, langkah 7 dan 8 dicatat di log SOP)",
            [KINERJA, "rekap", str(logged), str(logged_forms), "--periode", "TW2"],
            floor="rekap.F",
            budget_ratio=STAMPED_REKAP_RATIO,
            prepare=both(copier(sc.f_log_master, logged), copier(sc.f_forms, logged_forms)),
        )
    )
    from bench.pohon_scenario import RATIO
    from bench.pohon_scenario import ensure as ensure_pohon

    tree, flat = ensure_pohon(WORK / f"v{SC.VERSION}")
    for key, label, source, floor, ratio in (
        ("hitung.P300.datar", "kinerja hitung P300 datar (320 indikator tanpa pohon)", flat, None, None),
        ("hitung.P300.pohon", "kinerja hitung P300 pohon (300 sub kegiatan, 372 simpul, 320 indikator)", tree,
         "hitung.P300.datar", RATIO),
    ):  # fmt: skip
        target = run / "P300" / source.name
        found.append(Item(key, label, [KINERJA, "hitung", str(target)], floor=floor, budget_ratio=ratio,
                          prepare=copier(source, target)))  # fmt: skip
    for name, folder, budget in (("K60", sc.k60, 10.0), ("K120", sc.k120, 20.0)):
        rekap = run / f"kabupaten-{name}" / "Rekap.xlsx"
        found.append(
            Item(
                f"kabupaten.{name}",
                f"kinerja kabupaten {name} (rekap + .docx)",
                [KINERJA, "kabupaten", str(folder), "--periode", "TW2", "--keluar", str(rekap)],
                budget_s=budget,
                budget_mib=500.0,
                prepare=lambda rekap=rekap: rekap.parent.mkdir(parents=True, exist_ok=True),
            )
        )
    # --draf: S's unmet indicators carry no rencana aksi, so its final document is refused (as it
    # should be); the draft is the same document with DRAF on each page and the gaps highlighted.
    target, out = run / "laporan-S.xlsx", run / "laporan"
    fresh = both(copier(sc.s, target), lambda: shutil.rmtree(out, ignore_errors=True))
    found.append(
        Item(
            "laporan.S",
            "kinerja laporan S (.docx)",
            [KINERJA, "laporan", str(target), "--keluar", str(out), "--draf"],
            floor="lantai.baca.S",
            budget_s=0.8,
            prepare=fresh,
        )
    )
    if with_pdf:
        found.append(
            Item(
                "laporan.S.pdf",
                "kinerja laporan S --pdf",
                [KINERJA, "laporan", str(target), "--keluar", str(out), "--draf", "--pdf"],
                floor="lantai.baca.S",
                prepare=fresh,
            )
        )
        found.append(
            Item(
                "laporan-iki.S.pdf",
                "kinerja laporan-iki S --pdf (4 dokumen pejabat)",
                [KINERJA, "laporan-iki", str(target), "--keluar", str(out), "--draf", "--pdf"],
                floor="laporan.S.pdf",
                budget_ratio=2.0,
                prepare=fresh,
            )
        )
    return found


GROWTH_ROWS = {"S": 85, "L": 2_000, "XL": 100_000, "XL2": 200_000}
"""Indicator rows of each ``hitung`` point (``SC.counts``)."""


def growth(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """``hitung``'s cost per indicator row at each point, beyond the start-up (``cli.mulai``): a
    linear cost keeps it flat from L on."""
    by_id = {str(r["id"]): r for r in rows}
    start = by_id.get("cli.mulai", {}).get("median_s")
    out = []
    for name, n in GROWTH_ROWS.items():
        row = by_id.get(f"hitung.{name}")
        if row is None or row.get("gagal"):
            continue
        work = float(row["median_s"]) - float(start or 0)  # type: ignore[arg-type]
        out.append({"skenario": name, "baris": n, "median_s": row["median_s"], "puncak_mib": row["puncak_mib"],
                    "us_per_baris": round(work / n * 1e6, 1)})  # fmt: skip
    return out


def _ratio(pair: tuple[Runs, Runs], in_turns: bool) -> float:
    """The second's seconds over the first's (the in-process seconds when both report them): for
    runs made in turns the median of the turns' ratios, else the ratio of the medians."""
    base, mine = pair
    a, b = (base.inner, mine.inner) if base.inner and mine.inner else (base.seconds, mine.seconds)
    if in_turns:
        return statistics.median(y / x for x, y in zip(a, b, strict=True))
    return statistics.median(b) / statistics.median(a)


def verdict(item: Item, floors: dict[str, Item]) -> dict[str, object]:
    """The row of one measurement: figures, ratio to its floor, budget and pass/miss."""
    runs = item.runs
    assert runs is not None
    floor = floors.get(item.floor or "")
    floor_s = floor.runs.median if floor and floor.runs else None
    row: dict[str, object] = {
        "id": item.key,
        "ukuran": item.label,
        "jalan": len(runs.seconds),
        "median_s": round(runs.median, 4),
        "semua_s": [round(s, 4) for s in runs.seconds],
        "cpu_median_s": round(runs.cpu_median, 4),
        "puncak_mib": round(runs.peak, 1),
        "dalam_proses_s": round(runs.inner_median, 4) if runs.inner_median is not None else None,
        "panggilan_mesin_remote": max(runs.engine_calls) if runs.engine_calls else None,
        "lantai": item.floor,
        "lantai_s": round(floor_s, 4) if floor_s else None,
        "rasio": round(runs.median / floor_s, 2) if floor_s else None,
    }
    budget, ok = None, None
    if item.budget_s is not None and item.over_floor and floor_s:
        budget = f"≤ lantai + {item.budget_s * 1000:.0f} ms"
        row["di_atas_lantai_s"] = round(runs.median - floor_s, 4)
        ok = runs.median - floor_s <= item.budget_s
    elif item.budget_s is not None and item.budget_inner:
        budget = f"≤ {item.budget_s:g} s per klik"
        row["diukur_dalam_proses"] = True
        ok = runs.inner_median is not None and runs.inner_median <= item.budget_s
    elif item.budget_s is not None:
        budget = f"≤ {item.budget_s:g} s"
        ok = runs.median <= item.budget_s
    if item.budget_ratio is not None and floor and floor.runs:
        ratio = _ratio(item.paired, True) if item.paired else _ratio((floor.runs, runs), False)
        row["rasio_baca"] = round(ratio, 2)
        row["rasio_bergantian"] = item.paired is not None
        against = "calamine" if (item.floor or "").startswith("lantai.baca") else floor.label
        budget = f"≤ {item.budget_ratio:g}× {against}"
        ok = ratio <= item.budget_ratio
    if item.budget_mib is not None:
        size = f"{item.budget_mib / 1024:g} GiB" if item.budget_mib >= 1024 else f"{item.budget_mib:g} MiB"
        budget = f"{budget}, ≤ {size}"
        ok = bool(ok) and runs.peak <= item.budget_mib
    if runs.failed:
        row["gagal"] = runs.failed
        ok = False
    row["anggaran"] = budget
    row["lulus"] = ok
    return row


def print_table(rows: list[dict[str, object]], load: tuple[float, ...]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Kecepatan (median; beban mesin {load[0]:.2f} {load[1]:.2f} {load[2]:.2f})")
    for column in ("Ukuran", "Jalan", "Median (s)", "CPU (s)", "Puncak (MiB)", "Lantai (s)", "Rasio", "Anggaran", "Hasil"):
        table.add_column(column, justify="left" if column in ("Ukuran", "Anggaran") else "right")
    for row in rows:
        ok = row["lulus"]
        ratio = row.get("rasio_baca") or row["rasio"]
        seconds = row["dalam_proses_s"] if row.get("diukur_dalam_proses") else row["median_s"]
        calls = row.get("panggilan_mesin_remote")
        table.add_row(
            str(row["ukuran"]) + (f" [remote engine: {calls} panggilan ke mesin xlwings]" if calls else ""),
            str(row["jalan"]),
            f"{seconds:.3f}" if isinstance(seconds, float) else "-",
            f"{row['cpu_median_s']:.3f}",
            f"{row['puncak_mib']:.0f}",
            f"{row['lantai_s']:.3f}" if row["lantai_s"] else "-",
            f"{ratio}×" if ratio else "-",
            str(row["anggaran"] or "-"),
            "-" if ok is None else ("[green]lulus[/]" if ok else f"[red]meleset[/] {row.get('gagal', '')}".strip()),
        )
    Console(width=170).print(table)


def import_times(module: str, top: int = 12) -> list[dict[str, object]]:
    """``python -X importtime``: the slowest imports (cumulative µs) of a click's module."""
    proc = subprocess.run(
        [PY, "-X", "importtime", "-c", f"import xlwings; import xlwings_app.ribbon.entry; import {module}"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        self_us, cumulative, name = line.removeprefix("import time:").split("|")
        rows.append({"modul": name.strip(), "sendiri_us": int(self_us), "kumulatif_us": int(cumulative)})
    project = [r for r in rows if str(r["modul"]).startswith("xlwings_app")]
    return sorted(project, key=lambda r: -int(r["kumulatif_us"]))[:top]  # type: ignore[call-overload]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--ulang", type=int, default=5)
    parser.add_argument("--ulang-xl", type=int, default=3)
    parser.add_argument("--tanpa-xl", action="store_true")
    parser.add_argument("--tanpa-pdf", action="store_true")
    parser.add_argument("--hanya", help="Hanya ukuran yang id-nya memuat teks ini (lantainya ikut).")
    args = parser.parse_args(argv)
    require_linux()
    started = time.perf_counter()
    # As an installed package runs: its modules compiled (pip does so on install). A shell with
    # PYTHONDONTWRITEBYTECODE would otherwise make every measured process compile the sources again.
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "xlwings_app"), str(ROOT / "bench")], check=True)
    # Scenarios are built in a child: a measured child's peak memory (ru_maxrss) starts from its
    # parent's size at fork, so the bench process itself must stay small.
    build = f"from pathlib import Path; from bench import scenarios as SC; sc = SC.ensure(Path({str(WORK)!r}))"
    subprocess.run([PY, "-c", build + ("" if args.tanpa_xl else "; SC.ensure_xl2(sc)")], check=True, cwd=ROOT)
    sc = SC.ensure(WORK)
    with_pdf = not args.tanpa_pdf and shutil.which("soffice") is not None
    todo = items(sc, not args.tanpa_xl, with_pdf, args.ulang_xl)
    if args.hanya:
        wanted = {i.key for i in todo if args.hanya in i.key}
        wanted |= {i.floor for i in todo if i.key in wanted and i.floor}
        todo = [i for i in todo if i.key in wanted]
    load_before = os.getloadavg()
    floors: dict[str, Item] = {}
    for item in todo:
        print(f"mengukur {item.label} ...", flush=True)
        item.runs = measure(
            item.argv, item.repeat or args.ulang, item.prepare, timeout=item.timeout, limit_mib=item.limit_mib,
            warmup=item.repeat is None,  # XL runs take a minute each: no warm-up run
        )
        floor = floors.get(item.floor or "")
        if item.budget_ratio is not None and floor is not None:
            print(f"mengukur {item.label} bergantian dengan lantainya ...", flush=True)
            item.paired = measure_alternating(floor.argv, item.argv, item.repeat or args.ulang, floor.prepare, item.prepare)
        floors[item.key] = item
    load_after = os.getloadavg()
    rows = [verdict(item, floors) for item in todo]
    print_table(rows, load_after)
    points = growth(rows)
    for point in points:
        print(f"hitung {point['skenario']}: {point['baris']} baris, {point['median_s']} s, "
              f"{point['us_per_baris']} µs per baris di atas mulai CLI, puncak {point['puncak_mib']} MiB")  # fmt: skip
    report = {
        "mesin": {
            "cpu": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "beban_awal": [round(x, 2) for x in load_before],
            "beban_akhir": [round(x, 2) for x in load_after],
        },
        "skenario": SC.counts(),
        "ukuran": rows,
        "pertumbuhan_hitung": points,
        "importtime": {module: import_times(module) for module in handler_modules()},
        "durasi_bench_s": round(time.perf_counter() - started, 1),
    }
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"Ditulis: {RESULTS.relative_to(ROOT)} ({report['durasi_bench_s']} s)")


if __name__ == "__main__":
    main()

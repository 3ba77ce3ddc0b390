"""In-process timings the bench runs as child processes: ``python -m bench.probe WHAT FILE``.

``calamine FILE`` reads every sheet of FILE with python-calamine (the reading floor);
``baca FILE`` reads FILE's inputs with Kinerja's reader. Each prints ``BENCH_SECONDS=<s>`` of the
read alone (imports excluded); the bench also times the whole process.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def calamine(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    start = time.perf_counter()
    wb = CalamineWorkbook.from_path(str(path))
    cells = sum(len(row) for name in wb.sheet_names for row in wb.get_sheet_by_name(name).to_python())
    print(f"BENCH_SECONDS={time.perf_counter() - start:.6f}")
    return cells


def baca(path: Path) -> int:
    from xlwings_app.adapters.xlsx.reader import read_workbook

    start = time.perf_counter()
    data = read_workbook(path)
    print(f"BENCH_SECONDS={time.perf_counter() - start:.6f}")
    if data.errors:
        raise SystemExit(f"{path.name}: {len(data.errors)} galat, mis. {data.errors[0]}")
    return len(data.indicators)


def main(argv: list[str]) -> None:
    what, file = argv
    {"calamine": calamine, "baca": baca}[what](Path(file))


if __name__ == "__main__":
    main(sys.argv[1:])

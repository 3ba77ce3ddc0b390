"""In-process timings the bench runs as child processes: ``python -m bench.probe WHAT FILE``.

``calamine FILE`` reads every sheet of FILE with python-calamine (the reading floor);
``baca FILE`` reads FILE's inputs with Kinerja's reader; ``klik FILE`` clicks Hitung Capaian on
FILE as the add-in's long-lived Python does (``klik``). Each prints ``BENCH_SECONDS=<s>`` of the
work alone (imports excluded); the bench also times the whole process. ``klik`` also prints
``BENCH_PANGGILAN=<n>``: the calls one click makes into xlwings' engine, counted on the remote
engine by tests/addin/engine_calls.py (each one to a few COM round trips in desktop Excel).
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


CLICKS = 5


def klik(path: Path) -> int:
    """Hitung Capaian clicked in a process that stays alive, as the add-in's UDF server is.

    The workbook comes as xlwings' remote engine receives it (the test book of tests/addin), the
    click is ``entry.dispatch`` as the VBA calls it. One click first (the server's first click
    imports the handler's modules), then the median of ``CLICKS`` clicks: handler time only."""
    import copy
    import os
    import statistics

    os.environ.setdefault("XLWINGS_LICENSE_KEY", "noncommercial")  # the remote engine (PolyForm NC)
    import xlwings as xw
    from openpyxl import load_workbook

    from tests.addin.remote_book import payload
    from xlwings_app.ribbon import entry

    data = payload(load_workbook(path), name=str(path))
    seconds = []
    for click in range(CLICKS + 1):
        book = xw.Book(json=copy.deepcopy(data))
        start = time.perf_counter()
        entry.dispatch("hitung_capaian", book)
        elapsed = time.perf_counter() - start
        alerts = [a["args"][0] for a in book.json()["actions"] if a["func"] == "alert"]
        book.close()
        if len(alerts) != 1 or "dihitung" not in alerts[0]:
            raise SystemExit(f"{path.name}: klik Hitung Capaian gagal: {alerts}")
        if click:
            seconds.append(elapsed)
    print(f"BENCH_SECONDS={statistics.median(seconds):.6f}")
    from tests.addin.engine_calls import counting

    wb = load_workbook(path)
    with counting(wb) as calls:  # one more click, not timed: the stand-in slows the calls it counts
        book = xw.Book(json=copy.deepcopy(data))
        entry.dispatch("hitung_capaian", book)
        book.close()
    print(f"BENCH_PANGGILAN={calls.total}")
    return CLICKS


def main(argv: list[str]) -> None:
    what, file = argv
    {"calamine": calamine, "baca": baca, "klik": klik}[what](Path(file))


if __name__ == "__main__":
    main(sys.argv[1:])

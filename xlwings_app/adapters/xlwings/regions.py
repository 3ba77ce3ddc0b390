"""Cells grouped into rectangles, so that the open workbook is written one range at a time.

Every property Kinerja writes into the open workbook (a fill, a number format, bold) costs a
cross-process COM call per range on the desktop engine, whatever the range's size; written cell by
cell, the ribbon's Hitung Capaian made about 10,000 of them on a one-kecamatan workbook. These
functions turn cells and styled spans into few rectangles: a click's calls are bounded by the
number of contiguous regions of the sheet, not by its cells.

A rectangle is ``(top, left, bottom, right)``, 1-based and inclusive.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

Rect = tuple[int, int, int, int]


def runs(numbers: Iterable[int]) -> list[tuple[int, int]]:
    """The runs of consecutive numbers, as (first, last): ``[1, 2, 3, 7, 9, 10]`` →
    ``[(1, 3), (7, 7), (9, 10)]``."""
    found: list[tuple[int, int]] = []
    for n in sorted(set(numbers)):
        if found and n == found[-1][1] + 1:
            found[-1] = (found[-1][0], n)
        else:
            found.append((n, n))
    return found


def merge_rows(rects: Iterable[Rect]) -> list[Rect]:
    """Rectangles of the same columns stacked without a gap merged into one, then rectangles of the
    same rows side by side merged into one."""
    by_columns: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for top, left, bottom, right in rects:
        by_columns[(left, right)].append((top, bottom))
    tall: list[Rect] = []
    for (left, right), spans in by_columns.items():
        for top, bottom in _joined(spans):
            tall.append((top, left, bottom, right))
    by_rows: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for top, left, bottom, right in tall:
        by_rows[(top, bottom)].append((left, right))
    wide = [(top, left, bottom, right) for (top, bottom), spans in by_rows.items() for left, right in _joined(spans)]
    return sorted(wide)


def _joined(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching intervals joined."""
    joined: list[tuple[int, int]] = []
    for first, last in sorted(spans):
        if joined and first <= joined[-1][1] + 1:
            joined[-1] = (joined[-1][0], max(joined[-1][1], last))
        else:
            joined.append((first, last))
    return joined


def rectangles(cells: Iterable[tuple[int, int]]) -> list[Rect]:
    """Rectangles covering exactly ``cells`` (row, column): each row's runs, then merged."""
    by_row: dict[int, list[int]] = defaultdict(list)
    for row, col in cells:
        by_row[row].append(col)
    return merge_rows((row, first, row, last) for row, cols in by_row.items() for first, last in runs(cols))


def overlapping(rects: Sequence[tuple[Rect, object]]) -> bool:
    """Whether two rectangles of ``rects`` with different values share a cell (then the order in
    which they are written matters)."""
    ordered = sorted(rects, key=lambda item: item[0][0])
    active: list[tuple[Rect, object]] = []
    for rect, value in ordered:
        top, left, _bottom, right = rect
        active = [(r, v) for r, v in active if r[2] >= top]
        for (_t, other_left, _b, other_right), other in active:
            if other != value and other_left <= right and left <= other_right:
                return True
        active.append((rect, value))
    return False

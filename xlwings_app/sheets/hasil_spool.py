"""Sheet Hasil's results kept on disk while measuring, so a big workbook's never sit in memory.

``kinerja hitung`` measures every indicator in every period once, before it writes (Rekap's
summaries must be complete first). A workbook of 100,000 indicators has 500,000 results; held as
``Hasil`` objects they would take about 400 MB. ``HasilSpool`` is the sequence of them instead: each
result added is kept as plain values (numbers as their exact ``Decimal`` text) in batches written to
an anonymous temporary file, and every pass over the spool (any writer of sheet Hasil) rebuilds the
results one batch at a time, equal to the ones added. The indicators themselves are referred to by
their position in the list read (``WorkbookData.indicators``, held anyway).
"""

from __future__ import annotations

import marshal
import os
import tempfile
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import IO, overload

from xlwings_app.domain.indicator import Indicator, Jenis, Periode
from xlwings_app.domain.measure import Fields, Hasil, Status
from xlwings_app.sheets.results import hasil_fields_row, shown

BATCH = 2000
"""Results per batch written to the file (and rebuilt at once when read)."""
PERIODS = tuple(Periode)
STATUSES = tuple(Status)
_PERIOD_INDEX = {p: i for i, p in enumerate(PERIODS)}
_STATUS_INDEX = {s: i for i, s in enumerate(STATUSES)}

Record = tuple[int, int, str | None, str | None, str | None, str | None, int, str, str | None, str | None]


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _number(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


_LABELS = tuple(p.label for p in PERIODS)
_STATUS_VALUES = tuple(s.value for s in STATUSES)
_JENIS = {j: j.value for j in Jenis}
"""Each period's label, status's and jenis's text, looked up once (an enum's ``value`` is a
descriptor call, a million times in a run)."""


def _shown_float(text: str) -> float:
    """``float(sheets.results.shown(Decimal(text)))``: the rounding to 2 decimals skipped where
    it changes nothing (a plain number of at most 2 decimals)."""
    dot = text.find(".")
    if (dot < 0 or len(text) - dot <= 3) and "E" not in text and "n" not in text and "N" not in text:
        return float(text)
    return float(shown(Decimal(text)))  # type: ignore[arg-type]


class HasilSpool(Sequence[Hasil]):
    """The results of ``indicators`` in the order added, kept in a temporary file (``add``)."""

    def __init__(self, indicators: Sequence[Indicator]) -> None:
        self._indicators = indicators
        self._file: IO[bytes] | None = None
        self._batches: list[tuple[int, int]] = []  # (offset, size) in the file
        self._pending: list[Record] = []
        self._count = 0
        self._by_status: dict[Status, tuple[int, Periode, Fields]] = {}

    def add(self, h: Hasil, position: int) -> None:
        """Keep ``h``, whose indicator is ``indicators[position]``."""
        if self._indicators[position] is not h.indicator:
            raise ValueError(f"hasil {h.indicator.kode} bukan indikator ke-{position}")
        self.add_fields(position, h.periode, (
            h.target, h.realisasi, h.capaian, h.predikat, h.status, h.pesan, h.serapan, h.efisiensi,
        ))  # fmt: skip

    def add_fields(self, position: int, periode: Periode, fields: Fields) -> None:
        """Keep the result of ``indicators[position]`` in ``periode`` given as its fields
        (``measure.measure_fields``), without making its ``Hasil``: ``add`` of that result."""
        t, r, c, pred, status, pesan, ser, ef = fields
        self._pending.append((
            position, _PERIOD_INDEX[periode], None if t is None else str(t), None if r is None else str(r),
            None if c is None else str(c), pred, _STATUS_INDEX[status], pesan,
            None if ser is None else str(ser), None if ef is None else str(ef),
        ))  # fmt: skip
        self._count += 1
        self._by_status[status] = (position, periode, fields)
        if len(self._pending) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        if self._file is None:
            self._file = tempfile.TemporaryFile(prefix="kinerja-hasil-")  # noqa: SIM115 - the spool owns it (close)
        data = marshal.dumps(self._pending)
        offset = self._file.seek(0, os.SEEK_END)
        self._file.write(data)
        self._batches.append((offset, len(data)))
        self._pending = []

    def by_status(self) -> list[Hasil]:
        """One result per status, statuses in order of first appearance, each the last one added
        (``{h.status: h for h in results}``): the rows a writer takes the row styles from."""
        indicators = self._indicators  # a key re-assigned keeps its first place
        return [Hasil(indicators[i], periode, *fields) for i, periode, fields in self._by_status.values()]

    def __len__(self) -> int:
        return self._count

    def _records(self, batch: int) -> list[Record]:
        if batch == len(self._batches):
            return self._pending
        assert self._file is not None
        offset, size = self._batches[batch]
        self._file.seek(offset)  # a batch is read at once: passes over the spool may interleave
        data = self._file.read(size)
        records: list[Record] = marshal.loads(data)
        return records

    def _rebuild(self, records: list[Record]) -> list[Hasil]:
        indicators, number = self._indicators, _number
        return [
            Hasil(
                indicators[i],
                PERIODS[p],
                number(t),
                number(r),
                number(c),
                pred,
                STATUSES[s],
                pesan,
                number(ser),
                number(ef),
            )  # fmt: skip
            for i, p, t, r, c, pred, s, pesan, ser, ef in records
        ]

    def rows(self) -> Iterator[tuple[Status, tuple[object, ...]]]:
        """Each result's status and ``sheets.results.hasil_row``, in order, without making the
        ``Hasil`` (the zip patch's pass, cheaper than rebuilding each result)."""
        indicators, number, row = self._indicators, _number, hasil_fields_row
        for batch in range(len(self._batches) + 1):
            for i, p, t, r, c, pred, s, pesan, ser, ef in self._records(batch):
                status = STATUSES[s]
                yield status, row(indicators[i], PERIODS[p], number(t), number(r), number(c), pred, status, pesan,
                                  number(ser), number(ef))  # fmt: skip

    def cell_rows(self) -> Iterator[tuple[Status, tuple[object, ...]]]:
        """``rows`` with every number as the float its cell stores (``float`` of the ``Decimal``;
        a target or realisasi rounded to 2 decimals first, as ``hasil_row`` shows it), made
        without the Decimals: for a writer that writes numbers as floats (the zip patch).
        ``float(Decimal(text))`` is ``float(text)`` (a Decimal converts through its text), and a
        number of at most 2 decimals is its own rounding (``_shown_float``)."""
        indicators, labels, values, statuses, jenis = self._indicators, _LABELS, _STATUS_VALUES, STATUSES, _JENIS
        shown_float = _shown_float
        for batch in range(len(self._batches) + 1):
            for i, p, t, r, c, pred, s, pesan, ser, ef in self._records(batch):
                ind = indicators[i]
                yield statuses[s], (
                    jenis[ind.jenis], ind.kode, ind.nama, ind.satuan, labels[p],
                    None if t is None else shown_float(t), None if r is None else shown_float(r),
                    None if c is None else float(c), pred, values[s], pesan,
                    None if ser is None else float(ser), None if ef is None else float(ef),
                )  # fmt: skip

    def __iter__(self) -> Iterator[Hasil]:
        for batch in range(len(self._batches) + 1):
            yield from self._rebuild(self._records(batch))

    @overload
    def __getitem__(self, index: int) -> Hasil: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Hasil]: ...
    def __getitem__(self, index: int | slice) -> Hasil | Sequence[Hasil]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        return self._rebuild([self._records(index // BATCH)[index % BATCH]])[0]

    def close(self) -> None:
        """Remove the temporary file (a closed spool holds no results)."""
        if self._file is not None:
            self._file.close()
            self._file = None
        self._batches, self._pending, self._count = [], [], 0
        self._by_status = {}

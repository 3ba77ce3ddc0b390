"""Read the Kinerja workbook's inputs (Profil, Pengaturan, IKU, IKI) with openpyxl.

Only input cells are read; computed cells are never trusted. Columns are found by header text
(case and spacing ignored), so reordered columns work and a missing column is named. A sheet that
was renamed is found by its header row, with a notice. Every problem is collected with its sheet,
row, column and cell; nothing is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol, TypeVar

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

from xlwings_app.adapters.openpyxl.segel import read_seals
from xlwings_app.adapters.xlsx.calamine import CalamineSource
from xlwings_app.adapters.xlsx.guard import WorkbookError, check_xlsx
from xlwings_app.domain.indicator import Indicator, Jenis, Periode
from xlwings_app.domain.numbers import read_number
from xlwings_app.domain.predikat import check_scale
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.profil import Pejabat, Profil, nip_problem
from xlwings_app.domain.rows import RawRow, is_blank_row, parse_indicator, text_of
from xlwings_app.domain.seal import SHEET as SEAL_SHEET
from xlwings_app.domain.seal import SealRecord
from xlwings_app.domain.settings import DEFAULT_SCALE, Band, Scale, Settings, VarianNegatif
from xlwings_app.domain.tanggal import parse_tanggal
from xlwings_app.domain.validation import check_indicators
from xlwings_app.sheets import layout as L

HEADER_SCAN_ROWS = 12
MAX_ROWS = 200_000
"""Rows read per table at most; a table longer than this is refused (a sheet of formatted but
empty rows to the bottom of Excel would otherwise be read a million times)."""
RENSTRA_HEADER = re.compile(r"target renstra (\d{4})")
"""Optional per-year Renstra target columns (header compared normalised, e.g. "Target Renstra 2025")."""
MAX_BLANK_RUN = 5_000
"""Reading a table stops after this many consecutive blank rows."""


@dataclass
class WorkbookData:
    """What a workbook holds, typed, with every problem found while reading it."""

    path: Path
    profil: Profil | None
    profil_values: dict[str, object]
    settings: Settings
    indicators: list[Indicator]
    problems: list[Problem] = field(default_factory=list)
    cells: dict[tuple[str, int, str], str] = field(default_factory=dict)
    sheets: dict[Jenis, str] = field(default_factory=dict)
    segel: list[SealRecord] = field(default_factory=list)
    rows: list[RawRow] = field(default_factory=list)
    """Every non-blank IKU and IKI row as typed, usable or not (the planner's checks read them)."""
    renstra: dict[str, dict[int, object]] = field(default_factory=dict)
    """Optional "Target Renstra 2025"-style columns: kode (case folded) -> year -> cell value."""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


class SheetSource(Protocol):
    """Where cell values come from: a workbook file (openpyxl) or the live workbook (xlwings)."""

    @property
    def sheetnames(self) -> list[str]: ...

    def iter_values(self, sheet: str) -> Iterable[Sequence[object]]:
        """The sheet's rows from row 1, each a sequence of cell values from column A."""
        ...


class _CachedParser(WorkSheetParser):  # type: ignore[misc]
    """openpyxl's sheet parser reading cached values, except that a formula Excel stored no value
    for comes back as its text ("=SUM(A1:A2)") instead of a blank (it is never evaluated)."""

    def parse_cell(self, element: Any) -> dict[str, Any]:
        cell: dict[str, Any] = super().parse_cell(element)
        if cell["value"] is None and element.find(FORMULA_TAG) is not None:
            cell["value"] = "=" + (element.findtext(FORMULA_TAG) or "")
        return cell


class OpenpyxlSource:
    """A workbook file opened read-only by openpyxl (cached values; formulas are never evaluated)."""

    def __init__(self, wb: Any) -> None:
        self._wb = wb

    @property
    def sheetnames(self) -> list[str]:
        return [ws.title for ws in self._wb.worksheets]

    def iter_values(self, sheet: str) -> Iterable[Sequence[object]]:
        ws = self._wb[sheet]
        if not hasattr(ws, "_get_source"):  # a workbook opened for writing: formulas are text already
            return ws.iter_rows(values_only=True)  # type: ignore[no-any-return]
        return self._read_only_rows(ws)

    def _read_only_rows(self, ws: Any) -> Iterator[Sequence[object]]:
        """As openpyxl's ``iter_rows(values_only=True)``: rows as wide as the sheet's dimension."""
        wb = self._wb
        width, height = ws.max_column, ws.max_row
        with ws._get_source() as src:
            parser = _CachedParser(src, ws._shared_strings, data_only=True, epoch=wb.epoch,
                                   date_formats=wb._date_formats, timedelta_formats=wb._timedelta_formats)
            expected = 1
            for index, cells in parser.parse():
                if height is not None and index > height:
                    break
                for _ in range(expected, index):
                    yield (None,) * (width or 0)
                size = width or max((c["column"] for c in cells), default=0)
                row: list[object] = [None] * size
                for c in cells:
                    if c["column"] <= size:
                        row[c["column"] - 1] = c["value"]
                yield tuple(row)
                expected = index + 1
        for _ in range(expected, (height or 0) + 1):
            yield (None,) * (width or 0)


def _rows(
    source: SheetSource, sheet: str, max_rows: int | None = None
) -> Iterator[tuple[int, Sequence[object]]]:
    for index, row in enumerate(source.iter_values(sheet), start=1):
        if max_rows is not None and index > max_rows:
            return
        yield index, row


def _header_map(row: Sequence[object]) -> dict[str, int]:
    return {L.normalise_header(v): i for i, v in enumerate(row) if L.normalise_header(v)}


def _find_header(source: SheetSource, sheet: str, table: L.Table) -> tuple[int, dict[str, int]] | None:
    required = {L.normalise_header(c.header) for c in table.inputs if c.required}
    for index, row in _rows(source, sheet, HEADER_SCAN_ROWS):
        headers = _header_map(row)
        if required <= headers.keys():
            return index, headers
    return None


def _locate_table(
    source: SheetSource, table: L.Table, problems: list[Problem]
) -> tuple[str, int, dict[str, int]] | None:
    names = source.sheetnames
    if table.sheet in names:
        found = _find_header(source, table.sheet, table)
        if found:
            return table.sheet, found[0], found[1]
        problems.append(
            Problem(
                f"Baris judul kolom tabel {table.jenis.value} tidak ditemukan di {HEADER_SCAN_ROWS} baris pertama: "
                "kolom wajib (Kode, Sasaran Strategis, Indikator, Satuan, Polaritas, Agregasi"
                + (", IKU Induk" if table.jenis is Jenis.IKI else "")
                + ") harus ada.",
                table.sheet,
            )
        )
        return None
    induk = (
        L.normalise_header(L.layout().tables[Jenis.IKI].column("induk").header)
        if table.jenis is Jenis.IKU
        else None
    )
    for name in names:
        found = _find_header(source, name, table)
        if found and (induk is None or induk not in found[1]):
            problems.append(
                Problem(
                    f"Sheet '{table.sheet}' tidak ada; tabel {table.jenis.value} dibaca dari sheet '{name}' "
                    "(sheet diganti nama?).",
                    name,
                    tingkat="catatan",
                )
            )
            return name, found[0], found[1]
    problems.append(
        Problem(
            f"Sheet '{table.sheet}' tidak ditemukan (sheet yang ada: {', '.join(names)}). "
            "Kembalikan nama sheet atau buat workbook baru dengan: kinerja baru FILE.",
            table.sheet,
        )
    )
    return None


def _read_table(source: SheetSource, table: L.Table, data: WorkbookData) -> None:
    located = _locate_table(source, table, data.problems)
    if located is None:
        return
    sheet, header_row, headers = located
    data.sheets[table.jenis] = sheet
    positions: dict[str, int] = {}
    missing = []
    for column in table.inputs:
        position = headers.get(L.normalise_header(column.header))
        if position is None:
            if not column.optional:
                missing.append(column.header)
        else:
            positions[column.key] = position
    if missing:
        data.problems.append(
            Problem(
                f"Kolom tidak ditemukan di baris judul {header_row}: {', '.join(missing)}. "
                "Judul kolom harus sama dengan format workbook (lihat README, Format workbook).",
                sheet,
                header_row,
            )
        )
        return
    labels = {c.key: c.header for c in table.columns}
    renstra = {int(m.group(1)): pos for h, pos in headers.items() if (m := RENSTRA_HEADER.fullmatch(h))}
    letters = {key: get_column_letter(pos + 1) for key, pos in positions.items()}
    blank_run = 0
    for index, row in _rows(source, sheet):
        if index <= header_row:
            continue
        if index - header_row > MAX_ROWS:
            data.problems.append(
                Problem(
                    f"Tabel {table.jenis.value} lebih dari {MAX_ROWS} baris: dibaca hanya {MAX_ROWS} baris pertama.",
                    sheet,
                    index,
                )
            )
            break
        values = {key: (row[pos] if pos < len(row) else None) for key, pos in positions.items()}
        raw = RawRow(
            table.jenis, sheet, index, values, {k: f"{v}{index}" for k, v in letters.items()}, labels
        )
        if is_blank_row(raw):
            blank_run += 1
            if blank_run >= MAX_BLANK_RUN:
                break
            continue
        blank_run = 0
        data.rows.append(raw)
        if renstra:
            data.renstra[text_of(values.get("kode")).casefold()] = {
                year: row[pos] if pos < len(row) else None for year, pos in renstra.items()
            }
        indicator, problems = parse_indicator(raw)
        data.problems.extend(problems)
        for key, letter in letters.items():
            data.cells[(sheet, index, key)] = f"{letter}{index}"
        if indicator is not None:
            data.indicators.append(indicator)


def _grid(source: SheetSource, sheet: str, rows: int, cols: int) -> dict[str, object]:
    grid: dict[str, object] = {}
    for index, row in _rows(source, sheet, rows):
        for col, value in enumerate(row[:cols], start=1):
            grid[f"{get_column_letter(col)}{index}"] = value
    return grid


def _read_profil(source: SheetSource, data: WorkbookData) -> None:
    sheet = L.SHEET_PROFIL
    if sheet not in source.sheetnames:
        data.problems.append(
            Problem(
                f"Sheet '{sheet}' tidak ditemukan: identitas unit dan penandatangan dibaca dari sana.", sheet
            )
        )
        return
    fields = {L.normalise_header(f.label): f for f in L.layout().profil}
    found: dict[str, tuple[object, str]] = {}
    for index, row in _rows(source, sheet, 80):
        if len(row) >= 2 and L.normalise_header(row[0]) in fields:
            found[fields[L.normalise_header(row[0])].key] = (row[1], f"B{index}")
    values = {key: text_of(value) for key, (value, _) in found.items()}
    data.profil_values = dict(values)
    for f in L.layout().profil:
        cell = found.get(f.key, (None, None))[1]
        if f.key not in found:
            data.problems.append(
                Problem(f"Isian '{f.label}' tidak ditemukan di kolom A.", sheet, kolom=f.label)
            )
        elif f.required and not values[f.key]:
            data.problems.append(Problem(f"{f.label} belum diisi.", sheet, kolom=f.label, sel=cell))
    tahun = 0
    if values.get("tahun"):
        read = read_number(found["tahun"][0])
        if (
            read.value is None
            or read.value != read.value.to_integral_value()
            or not 2000 <= read.value <= 2100
        ):
            data.problems.append(
                Problem(
                    f"Tahun '{values['tahun']}' tidak sah: isi tahun 4 angka, mis. 2024.",
                    sheet,
                    kolom="Tahun",
                    sel=found["tahun"][1],
                    nilai=values["tahun"],
                )
            )
        else:
            tahun = int(read.value)
    for key in ("ttd_nip", "pengelola_nip"):
        if isinstance(found.get(key, (None,))[0], float | int) and abs(found[key][0]) >= 10**15:  # type: ignore[arg-type]
            data.problems.append(
                Problem(
                    "NIP tersimpan sebagai angka sehingga digit terakhirnya hilang: ketik ulang sebagai teks "
                    "(awali dengan tanda petik, mis. '19770309 200501 1 003).",
                    sheet,
                    kolom=fields_label(key),
                    sel=found[key][1],
                    nilai=found[key][0],
                )
            )
        elif values.get(key):
            why = nip_problem(values[key])
            if why:
                data.problems.append(
                    Problem(why, sheet, kolom=fields_label(key), sel=found[key][1], nilai=values[key])
                )
    status = values.get("ttd_status", "")
    if status and status.rstrip(".").casefold() not in ("plt", "plh"):
        data.problems.append(
            Problem(
                f"Status penandatangan '{status}' tidak dikenal: kosongkan, atau isi Plt. atau Plh.",
                sheet,
                kolom=fields_label("ttd_status"),
                sel=found["ttd_status"][1],
            )
        )
    tanggal_ttd = None
    if "tanggal_ttd" in found:
        try:
            tanggal_ttd = parse_tanggal(found["tanggal_ttd"][0])
        except ValueError as exc:
            data.problems.append(
                Problem(str(exc), sheet, kolom=fields_label("tanggal_ttd"), sel=found["tanggal_ttd"][1],
                        nilai=values.get("tanggal_ttd"))
            )
    data.profil = Profil(
        kabupaten=values.get("kabupaten", ""),
        unit=values.get("unit", ""),
        alamat=values.get("alamat", ""),
        tahun=tahun,
        penandatangan=Pejabat(
            values.get("ttd_jabatan", ""),
            values.get("ttd_nama", ""),
            values.get("ttd_pangkat", ""),
            values.get("ttd_nip", ""),
            (status.rstrip(".").capitalize() + ".") if status else "",
        ),
        pengelola=Pejabat(
            values.get("pengelola_jabatan", ""),
            values.get("pengelola_nama", ""),
            "",
            values.get("pengelola_nip", ""),
        ),
        tempat=values.get("tempat", ""),
        telepon=values.get("telepon", ""),
        email=values.get("email", ""),
        tanggal_ttd=tanggal_ttd,
        lambang=values.get("lambang", ""),
    )


def fields_label(key: str) -> str:
    return next(f.label for f in L.layout().profil if f.key == key)


def _read_pengaturan(source: SheetSource, data: WorkbookData) -> None:
    sheet = L.SHEET_PENGATURAN
    if sheet not in source.sheetnames:
        data.problems.append(
            Problem(
                f"Sheet '{sheet}' tidak ditemukan: dipakai pengaturan baku (skala Permendagri 86/2017).",
                sheet,
                tingkat="catatan",
            )
        )
        return
    first = L.PENGATURAN_TABLE_ROW
    grid = _grid(source, sheet, first + L.PENGATURAN_PJ_ROWS, 6)
    problems = data.problems
    periode = Periode.TW1
    try:
        periode = Periode.parse(text_of(grid.get(L.PENGATURAN_PERIODE)) or "TW1")
    except ValueError as exc:
        problems.append(Problem(str(exc), sheet, kolom="Periode aktif", sel=L.PENGATURAN_PERIODE))
    varian_text = text_of(grid.get(L.PENGATURAN_VARIAN)).replace(" ", "").upper()
    varian = VarianNegatif.SELISIH
    if varian_text:
        matches = [
            v
            for v in VarianNegatif
            if v.value.upper() == varian_text or v.label.replace(" ", "").upper() == varian_text
        ]
        if matches:
            varian = matches[0]
        else:
            problems.append(
                Problem(
                    f"Rumus polaritas negatif '{text_of(grid.get(L.PENGATURAN_VARIAN))}' tidak dikenal: pilih "
                    + " atau ".join(v.value for v in VarianNegatif)
                    + ".",
                    sheet,
                    kolom="Rumus polaritas negatif",
                    sel=L.PENGATURAN_VARIAN,
                )
            )
    cap_read = read_number(grid.get(L.PENGATURAN_BATAS_RATA))
    if cap_read.galat:
        problems.append(
            Problem(cap_read.galat, sheet, kolom="Batas capaian untuk rata-rata", sel=L.PENGATURAN_BATAS_RATA)
        )
    bands: list[Band] = []
    for i in range(L.PENGATURAN_SKALA_ROWS):
        bound, label = grid.get(f"A{first + i}"), text_of(grid.get(f"B{first + i}"))
        if bound in (None, "") and not label:
            continue
        read = read_number(bound)
        if read.value is None:
            problems.append(
                Problem(
                    read.galat or "Batas bawah predikat belum diisi.",
                    sheet,
                    first + i,
                    "Batas Bawah",
                    f"A{first + i}",
                )
            )
            continue
        bands.append(Band(read.value, label))
    scale = Scale(tuple(bands)) if bands else DEFAULT_SCALE
    problems.extend(check_scale(scale, sheet))
    names = tuple(text_of(grid.get(f"D{first + i}")) for i in range(L.PENGATURAN_PJ_ROWS))
    data.settings = Settings(
        skala=scale,
        varian_negatif=varian,
        batas_rata_rata=cap_read.value,
        periode_aktif=periode,
        daftar_penanggung_jawab=tuple(n for n in names if n),
    )


def _read_pejabat(source: SheetSource, data: WorkbookData) -> None:
    """The officials of sheet Pejabat; once it has entries, they are the Penanggung Jawab list.

    A workbook made before the sheet existed keeps the list of sheet Pengaturan (column D).
    """
    spec = L.layout().pejabat
    if spec is None or spec.sheet not in source.sheetnames:
        return
    wanted = {L.normalise_header(c.header): c.key for c in spec.columns}
    header_row, positions = 0, {}
    for index, row in _rows(source, spec.sheet, HEADER_SCAN_ROWS):
        found = {wanted[h]: i for h, i in _header_map(row).items() if h in wanted}
        if "jabatan" in found:
            header_row, positions = index, found
            break
    if not header_row:
        data.problems.append(Problem(
            "Baris judul tabel Pejabat (kolom Jabatan) tidak ditemukan: daftar pejabat tidak dibaca.",
            spec.sheet, tingkat="catatan",
        ))  # fmt: skip
        return
    letters = {key: get_column_letter(pos + 1) for key, pos in positions.items()}
    label = {c.key: c.header for c in spec.columns}
    officials: list[Pejabat] = []
    for index, row in _rows(source, spec.sheet, header_row + MAX_BLANK_RUN):
        if index <= header_row:
            continue
        raw = {key: (row[pos] if pos < len(row) else None) for key, pos in positions.items()}
        values = {key: text_of(value) for key, value in raw.items()}
        if not any(values.values()):
            continue

        def note(key: str, pesan: str, nilai: object = None, at: int = index) -> None:
            data.problems.append(Problem(pesan, spec.sheet, at, label[key], f"{letters[key]}{at}", nilai,
                                         tingkat="catatan"))

        jabatan = " ".join(values.get("jabatan", "").split())
        if not jabatan:
            note("jabatan", "Jabatan belum diisi: baris pejabat ini tidak dipakai.")
            continue
        if any(" ".join(p.jabatan.split()).casefold() == jabatan.casefold() for p in officials):
            note("jabatan", f"Jabatan '{jabatan}' tertulis dua kali di tabel Pejabat: yang pertama dipakai.",
                 jabatan)
            continue
        nip = values.get("nip", "")
        if isinstance(raw.get("nip"), float | int) and abs(raw["nip"]) >= 10**15:  # type: ignore[arg-type]
            note("nip", "NIP tersimpan sebagai angka sehingga digit terakhirnya hilang: ketik ulang sebagai "
                        "teks (awali dengan tanda petik).", raw["nip"])
            nip = ""
        elif nip and (why := nip_problem(nip)):
            note("nip", why, nip)
        officials.append(Pejabat(jabatan, values.get("nama", ""), values.get("pangkat", ""), nip))
    if not officials:
        return
    data.settings = replace(data.settings, daftar_penanggung_jawab=tuple(p.jabatan for p in officials))
    if data.profil is not None:
        data.profil = replace(data.profil, pejabat=tuple(officials))


def read_workbook(path: Path) -> WorkbookData:
    """Read every input of the workbook at ``path``; raise ``WorkbookError`` if it cannot be opened."""
    return read_file(path, read_source)


T = TypeVar("T")


def read_file(path: Path, read: Callable[[SheetSource, Path], T]) -> T:
    """Open the workbook file at ``path`` safely and hand it to ``read`` as a ``SheetSource``.

    The file is checked first (``check_xlsx``), then read by a ``FileReading``. Any failure becomes
    a ``WorkbookError`` naming the file.
    """
    check_xlsx(path)
    reading = FileReading(path)
    try:
        return reading.read(read)
    finally:
        reading.close()


class FileReading:
    """One already-checked workbook file, open for reading for as long as an action needs it.

    Each ``read(fn)`` hands the file to ``fn`` as a ``SheetSource``: through calamine when it can
    (fast; opened once, its sheets parsed once), otherwise, or when calamine fails, through openpyxl
    (loaded once, read only), whose errors are the messages the user sees. It never checks the
    file itself: whoever opens it has run ``check_xlsx`` once (``read_file``, the file master).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fast: CalamineSource | None = None
        self._fast_failed = False
        self._wb: Any = None

    def read(self, read: Callable[[SheetSource, Path], T]) -> T:
        path = self.path
        fast = self._calamine()
        if fast is not None:
            try:
                return read(fast, path)
            except Exception:
                self._fast_failed = True
        try:
            return read(OpenpyxlSource(self._openpyxl()), path)
        except WorkbookError:
            raise
        except Exception as exc:
            raise WorkbookError(f"File {path.name} tidak dapat dibaca: {type(exc).__name__}: {exc}") from exc

    def _calamine(self) -> CalamineSource | None:
        if self._fast is None and not self._fast_failed:
            try:
                self._fast = CalamineSource(self.path)
            except Exception:
                self._fast_failed = True
        return None if self._fast_failed else self._fast

    def _openpyxl(self) -> Any:
        if self._wb is None:
            path = self.path
            try:
                self._wb = load_workbook(path, read_only=True, data_only=True, keep_links=False)
            except (InvalidFileException, KeyError, ValueError, TypeError, OSError, EOFError) as exc:
                raise WorkbookError(f"File {path.name} tidak dapat dibuka sebagai workbook Excel: {exc}") from exc
            except Exception as exc:  # defusedxml refusals and parser errors of hostile files
                raise WorkbookError(
                    f"File {path.name} ditolak: isinya tidak aman atau rusak ({type(exc).__name__})."
                ) from exc
        return self._wb

    def close(self) -> None:
        if self._fast is not None:
            self._fast.close()
            self._fast = None
        if self._wb is not None:
            self._wb.close()
            self._wb = None


def read_source(source: SheetSource, path: Path) -> WorkbookData:
    """Read every input from ``source`` (a file or the live workbook named ``path``)."""
    data = WorkbookData(path=path, profil=None, profil_values={}, settings=Settings(), indicators=[])
    _read_profil(source, data)
    _read_pengaturan(source, data)
    _read_pejabat(source, data)
    for table in L.layout().tables.values():
        _read_table(source, table, data)
    if SEAL_SHEET in source.sheetnames:
        data.segel, seal_problems = read_seals([tuple(row) for _, row in _rows(source, SEAL_SHEET)])
        data.problems.extend(seal_problems)
    known_iku = {text_of(r.values.get("kode")) for r in data.rows if r.jenis is Jenis.IKU}
    data.problems.extend(
        check_indicators(data.indicators, data.cells, data.settings.daftar_penanggung_jawab, known_iku)
    )
    data.problems = [p.in_file(path.name) for p in data.problems]
    return data

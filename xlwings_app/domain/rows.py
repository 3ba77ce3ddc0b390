"""From raw cell values to an ``Indicator``, with every problem of the row.

The adapter hands over the row's raw values by column key (what the cell holds: text, number,
date, ``None``) and each cell's address; this module types them and says what is wrong, in
Indonesian, naming the cell. Nothing here knows about openpyxl or files.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from xlwings_app.domain.analisis import column_keys, from_texts
from xlwings_app.domain.formatting import angka
from xlwings_app.domain.indicator import NO_CATATAN, Agregasi, Indicator, Jenis, PerPeriode, Polaritas
from xlwings_app.domain.numbers import MAX_MAGNITUDE, read_number
from xlwings_app.domain.problems import Problem

NUMBER_KEYS = (
    "target_tahunan",
    "t1",
    "t2",
    "t3",
    "t4",
    "batas_bawah",
    "batas_atas",
    "r1",
    "r2",
    "r3",
    "r4",
    "pagu",
    "realisasi_anggaran",
    "target_lalu",
    "realisasi_lalu",
    "target_akhir_renstra",
)
TEXT_KEYS = (
    "kode",
    "induk",
    "sasaran",
    "nama",
    "satuan",
    "penanggung_jawab",
    "permasalahan",
    "rencana_aksi",
    "keterangan",
    "program",
    *column_keys(),
)
"""Text columns: the indicator's own, the legacy yearly Permasalahan and Rencana Aksi (read by
``sheets.indicators``, which takes them as the Periode aktif's analysis), then the analysis per period."""
LEGACY_KEYS = ("permasalahan", "rencana_aksi")
_ANALYSIS_AT = 10
"""Where the analysis keys start in ``TEXT_KEYS``."""
REQUIRED_TEXT = ("kode", "sasaran", "nama", "satuan")
MAX_TEXT = 2000
_MAX_INT = int(MAX_MAGNITUDE)
_MAX_FLOAT = float(MAX_MAGNITUDE)
"""Plain numbers within these bounds read without a check of their own (``read_number``'s bound:
a float within it is a Decimal within it, its shortest repr rounding to it)."""


SHARED_LIMIT = 200_000
"""The most numbers a ``SharedNumbers`` keeps; past it, it starts again empty."""


class SharedNumbers:
    """The Decimal of each input number met while reading one table, by the int or by the float's
    ``repr`` (so 1 and 1.0, 0.0 and -0.0 stay apart): rows repeating a target share one object (a
    Decimal is immutable), which halves what 100,000 indicators hold in numbers.

    The reading owns it: the table reader makes one per table and hands it to every
    ``parse_indicator`` of that table; dropping it afterwards leaves the indicators their numbers
    and the process (the ribbon's, long-lived) no look-up."""

    __slots__ = ("ints", "floats")

    def __init__(self) -> None:
        self.ints: dict[int, Decimal] = {}
        self.floats: dict[str, Decimal] = {}


class RowValues(Mapping[str, object]):
    """A row's values by column key, kept as one tuple beside the table's shared key positions:
    what a read keeps of every row (``RawRow.values``), smaller than a dict of its own
    (docs/jalur-cepat.md)."""

    __slots__ = ("_positions", "_values")

    def __init__(self, positions: Mapping[str, int], values: tuple[object, ...]) -> None:
        self._positions = positions
        self._values = values

    def __getitem__(self, key: str) -> object:
        return self._values[self._positions[key]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._positions)

    def __len__(self) -> int:
        return len(self._positions)

    def __repr__(self) -> str:
        return f"RowValues({dict(self)!r})"


class RawRow(NamedTuple):
    """One table row as the adapter read it (a named tuple, made faster than a frozen dataclass: two
    are made for each of 100,000 rows)."""

    jenis: Jenis
    sheet: str
    baris: int
    values: Mapping[str, object]
    cells: Mapping[str, str]
    headers: Mapping[str, str]


def text_of(value: object) -> str:
    """Cell text: numbers without a trailing ".0", surrounding spaces and control chars removed.

    Control characters (Unicode category Cc: C0, DEL, C1) go, except tab and line feed; format
    characters stay, so emoji sequences (zero-width joiner) and right-to-left marks are kept intact.
    """
    if value is None:
        return ""
    if type(value) is str and value.isprintable():  # the common case, first
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if text.isprintable():  # a printable text holds no control character: nothing to remove
        return text.strip()
    return without_control(text).strip()


def without_control(text: str) -> str:
    """``text`` without its control characters (Unicode category Cc) but tab and line feed, read
    character by character: the plain reference of ``text_of``'s shortcut for printable texts."""
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


_INVISIBLE = dict.fromkeys(
    map(ord, "\u00ad\u034f\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
             "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"),
    None,
)
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63\uff0d"), "-")


@dataclass(frozen=True)
class Kode:
    """A kode as compared: ``text`` normalised; ``changed`` when it differs from what the cell
    shows only by invisible characters, dash forms or spacing; ``control`` when the cell holds a
    control character (tab, line break), which no kode may hold."""

    text: str
    changed: bool = False
    control: bool = False


def normalise_kode(value: object) -> Kode:
    """The kode of a cell, normalised before any comparison: Unicode NFKC (full-width and
    compatibility forms, the no-break space), zero-width and bidirectional marks removed, every
    dash form (non-breaking hyphen, en dash, minus sign) as "-", runs of spaces as one space,
    surrounding spaces trimmed. Two kodes are the same indicator when these texts are equal
    (case ignored, as Excel's lookups do)."""
    if value is None:
        return Kode("")
    raw = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    if raw.isascii() and raw.isprintable():  # no control, invisible or dash forms; NFKC changes nothing
        if "  " not in raw and raw == raw.strip():
            return Kode(raw)
        text = " ".join(raw.split())
        return Kode(text, changed=text != raw.strip())
    return normalised_kode(raw)


def normalised_kode(raw: str) -> Kode:
    """``normalise_kode`` of a cell's text, every step taken: the plain reference of its shortcut
    for a printable ASCII text (whose NFKC form, marks, dashes and control characters change nothing)."""
    control = any(unicodedata.category(ch) == "Cc" for ch in raw)
    text = unicodedata.normalize("NFKC", raw).translate(_INVISIBLE).translate(_DASHES)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cc" or ch in "\t\n\r")
    text = " ".join(text.split())
    return Kode(text, changed=text != raw.strip() and not control, control=control)


class KodeSeen(NamedTuple):
    """A kode found in a table row, whether or not the row is usable (for the cross-row checks)."""

    jenis: Jenis
    kode: str
    sheet: str
    baris: int
    sel: str | None


def kode_problems(raw: RawRow, key: str) -> tuple[str, list[Problem]]:
    """The normalised kode in column ``key`` (Kode or IKU Induk) of ``raw`` and its problems."""
    kode = normalise_kode(raw.values.get(key))
    if not (kode.control or kode.changed):
        return kode.text, []
    label = raw.headers.get(key, key)
    typed = raw.values.get(key)
    cell = str(int(typed)) if isinstance(typed, float) and typed.is_integer() else str(typed)
    shown, found = readable(cell.strip(" "))
    if kode.control:
        return kode.text, [_problem(
            raw, key, f"{label} '{shown}' berisi {', '.join(found)}: ketik ulang kodenya.", shown
        )]
    if kode.changed:
        return kode.text, [_problem(
            raw, key, f"{label} '{shown}' berisi {', '.join(found) or 'spasi ganda'}: dibaca sebagai '{kode.text}'.",
            shown, "catatan",
        )]
    return kode.text, []


_CHAR_NAMES = {
    "\t": "tab", "\n": "baris baru", "\r": "baris baru", "\u00a0": "spasi tak terputus",
    "\u200b": "spasi lebar nol", "\ufeff": "tanda BOM", "\u00ad": "tanda hubung lunak",
    "\u200e": "tanda arah teks", "\u200f": "tanda arah teks", "\u2011": "tanda hubung tak terputus",
}  # fmt: skip


def readable(text: str) -> tuple[str, list[str]]:
    """``text`` as a person can read it in a message, never as a Python escape ("IKU\\u201303"): a
    character that shows nothing (control, zero-width, no-break space, direction mark) is written
    as its name in brackets ("IKU-01[spasi lebar nol]"); a visible one stays. Also the names of
    the unusual characters found, once each: those, dash forms ("tanda pisah '–'"), full-width
    letters and double spaces."""
    shown: list[str] = []
    found: list[str] = []

    def note(name: str) -> None:
        if name not in found:
            found.append(name)

    for ch in text:
        category = unicodedata.category(ch)
        name = _CHAR_NAMES.get(ch)
        if name is None and (category in ("Cc", "Cf", "Zl", "Zp") or (category == "Zs" and ch != " ")):
            name = f"karakter tak terlihat U+{ord(ch):04X}"
        if name is not None:
            shown.append(f"[{name}]")
            note("karakter kendali (tab/baris baru)" if category == "Cc" else name)
            continue
        shown.append(ch)
        if ord(ch) in _DASHES:
            note(f"tanda '{ch}' sebagai tanda hubung")
        elif not ch.isascii() and unicodedata.normalize("NFKC", ch) != ch:
            note("huruf atau angka lebar penuh")
    if "  " in text:
        note("spasi ganda")
    return "".join(shown), found


def _choice(
    raw: RawRow, key: str, options: type[Polaritas] | type[Agregasi], problems: list[Problem]
) -> Polaritas | Agregasi | None:
    text = text_of(raw.values.get(key))
    if not text:
        problems.append(_problem(raw, key, f"{raw.headers[key]} belum diisi.", None))
        return None
    found = _CHOICES[options].get(_choice_key(text))
    if found is not None:
        return found
    allowed = ", ".join(o.value for o in options)
    problems.append(_problem(raw, key, f"{raw.headers[key]} '{text}' tidak dikenal: pilih {allowed}.", text))
    return None


def _choice_key(text: str) -> str:
    return text.casefold().replace(" ", "").replace("-", "")


_CHOICES: dict[type[Polaritas] | type[Agregasi], dict[str, Polaritas | Agregasi]] = {}
for _options in (Polaritas, Agregasi):
    for _option in _options:
        _CHOICES.setdefault(_options, {}).setdefault(_choice_key(_option.value), _option)


def _problem(raw: RawRow, key: str, pesan: str, nilai: object, tingkat: str = "galat") -> Problem:
    return Problem(
        pesan=pesan,
        sheet=raw.sheet,
        baris=raw.baris,
        kolom=raw.headers.get(key, key),
        sel=raw.cells.get(key),
        nilai=nilai,
        tingkat="catatan" if tingkat == "catatan" else "galat",
    )


def _numbers(raw: RawRow, problems: list[Problem]) -> dict[str, Decimal | None]:
    numbers: dict[str, Decimal | None] = {}
    get = raw.values.get
    for key in NUMBER_KEYS:
        value = get(key)
        kind = type(value)
        # the plain cells first, as read_number reads them (no notice, within bounds)
        if value is None:
            numbers[key] = None
            continue
        if kind is int and -_MAX_INT <= value <= _MAX_INT:  # type: ignore[operator]
            number: Decimal | None = Decimal(value)  # type: ignore[arg-type]
        elif kind is float and -_MAX_FLOAT <= value <= _MAX_FLOAT:  # type: ignore[operator]  # NaN fails
            number = Decimal(repr(value))
        else:
            read = read_number(value)
            if read.galat:
                problems.append(_problem(raw, key, read.galat, value))
            elif read.catatan:
                problems.append(_problem(raw, key, read.catatan, value, "catatan"))
            number = read.value
        if number is not None and number < 0:
            problems.append(
                _problem(raw, key, f"{raw.headers[key]} tidak boleh negatif ({angka(number)}).", value)
            )
        numbers[key] = number
    return numbers


def is_blank_row(raw: RawRow) -> bool:
    """A row whose every input cell is empty (formatted but unused rows of a table)."""
    return all(text_of(v) == "" for v in raw.values.values())


_EXACT_CHOICES: dict[object, Polaritas | Agregasi] = {o.value: o for o in (*Polaritas, *Agregasi)}


def _clean_indicator(raw: RawRow, shared: SharedNumbers) -> Indicator | None:
    """The row's indicator when the row has no problem at all (no error, no notice) and every cell
    is of the plain kind (text as typed, numbers as numbers); else ``None``, and ``parse_indicator``
    reads the row cell by cell with its messages. Most rows are clean: they are typed here with a
    check per cell and no message made."""
    get = raw.values.get
    texts: list[str] = []
    for key in TEXT_KEYS:
        value = get(key)
        if value is None:
            texts.append("")
        elif type(value) is str and value.isprintable():
            text = value.strip()
            if len(text) > MAX_TEXT:
                return None
            texts.append(text)
        else:
            return None
    kode, induk, sasaran, nama, satuan, penanggung_jawab, _, _, keterangan, program = texts[:_ANALYSIS_AT]
    analysis = texts[_ANALYSIS_AT:]
    # a kode as typed: what normalise_kode leaves alone (ASCII, no outer or doubled spaces)
    if not kode or kode != get("kode") or not kode.isascii() or "  " in kode:
        return None
    if raw.jenis is Jenis.IKI:
        if not induk or induk != get("induk") or not induk.isascii() or "  " in induk:
            return None
    elif induk and (induk != get("induk") or not induk.isascii() or "  " in induk):
        return None
    if not (sasaran and nama and satuan):
        return None
    polaritas = _EXACT_CHOICES.get(get("polaritas"))
    agregasi = _EXACT_CHOICES.get(get("agregasi"))
    if not isinstance(polaritas, Polaritas) or not isinstance(agregasi, Agregasi):
        return None
    numbers: list[Decimal | None] = []
    ints, floats = shared.ints, shared.floats
    for key in NUMBER_KEYS:
        value = get(key)
        kind = type(value)
        if value is None:
            numbers.append(None)
        elif kind is int and 0 <= value <= _MAX_INT:  # type: ignore[operator]
            number = ints.get(value)  # type: ignore[call-overload]
            if number is None:
                number = ints[value] = Decimal(value)  # type: ignore[arg-type, index]
            numbers.append(number)
        elif kind is float and 0 <= value <= _MAX_FLOAT:  # type: ignore[operator]  # not NaN
            text = repr(value)
            number = floats.get(text)
            if number is None:
                number = floats[text] = Decimal(text)
            numbers.append(number)
        else:
            return None
    if len(ints) + len(floats) > SHARED_LIMIT:
        ints.clear()
        floats.clear()
    (target_tahunan, t1, t2, t3, t4, bawah, atas, r1, r2, r3, r4, pagu, realisasi_anggaran, target_lalu,
     realisasi_lalu, target_akhir_renstra) = numbers  # fmt: skip
    if (bawah is None) != (atas is None):
        return None
    if bawah is not None and atas is not None:
        if bawah > atas or agregasi is Agregasi.JUMLAH:
            return None
    elif target_tahunan is None:
        return None
    return Indicator(
        kode=kode,
        jenis=raw.jenis,
        sasaran=sasaran,
        nama=nama,
        satuan=satuan,
        polaritas=polaritas,
        agregasi=agregasi,
        target_tahunan=target_tahunan,
        target_tw=(t1, t2, t3, t4),
        realisasi_tw=(r1, r2, r3, r4),
        batas_bawah=bawah,
        batas_atas=atas,
        penanggung_jawab=penanggung_jawab,
        pagu=pagu,
        realisasi_anggaran=realisasi_anggaran,
        analisis=_analisis(analysis),
        keterangan=keterangan,
        induk=induk or None,
        target_lalu=target_lalu,
        realisasi_lalu=realisasi_lalu,
        target_akhir_renstra=target_akhir_renstra,
        program=program,
        sheet=raw.sheet,
        baris=raw.baris,
    )


def _analisis(texts: list[str]) -> PerPeriode:
    """The analysis per period of a row's analysis texts (in ``TEXT_KEYS`` order); the shared blank
    one when none is written (most rows of a large table)."""
    if not any(texts):
        return NO_CATATAN
    return from_texts(dict(zip(TEXT_KEYS[_ANALYSIS_AT:], texts, strict=True)))


def parse_indicator(raw: RawRow, shared: SharedNumbers | None = None) -> tuple[Indicator | None, list[Problem]]:
    """Type one row; the indicator is ``None`` when an error leaves it unusable. ``shared``: the
    numbers of the table read so far (``SharedNumbers``), which the row's equal numbers reuse."""
    clean = _clean_indicator(raw, shared if shared is not None else SharedNumbers())
    if clean is not None:
        return clean, []
    return _parse_cells(raw)


def _parse_cells(raw: RawRow) -> tuple[Indicator | None, list[Problem]]:
    """``parse_indicator`` cell by cell: every problem of the row, in column order."""
    problems: list[Problem] = []
    texts = {key: text_of(raw.values.get(key)) for key in TEXT_KEYS}
    for key in ("kode", "induk"):
        if key in raw.values:
            texts[key], found = kode_problems(raw, key)
            problems += found
    for key in REQUIRED_TEXT + (("induk",) if raw.jenis is Jenis.IKI else ()):
        if not texts[key]:
            problems.append(_problem(raw, key, f"{raw.headers.get(key, key)} belum diisi.", None))
    for key, text in texts.items():
        if len(text) > MAX_TEXT:
            problems.append(
                _problem(raw, key, f"Teks terlalu panjang ({len(text)} karakter, maksimal {MAX_TEXT}).", None)
            )
    polaritas = _choice(raw, "polaritas", Polaritas, problems)
    agregasi = _choice(raw, "agregasi", Agregasi, problems)
    n = _numbers(raw, problems)
    bawah, atas = n["batas_bawah"], n["batas_atas"]
    if (bawah is None) != (atas is None):
        key = "batas_atas" if atas is None else "batas_bawah"
        problems.append(
            _problem(raw, key, "Target rentang perlu Batas Bawah dan Batas Atas sekaligus.", None)
        )
    elif bawah is not None and atas is not None:
        if bawah > atas:
            problems.append(
                _problem(
                    raw, "batas_bawah", f"Batas Bawah ({angka(bawah)}) lebih besar dari Batas Atas ({angka(atas)}).", bawah
                )
            )
        if agregasi is Agregasi.JUMLAH:
            problems.append(
                _problem(raw, "agregasi", "Target rentang hanya untuk agregasi Akhir atau Rata-rata.", None)
            )
    elif n["target_tahunan"] is None:
        problems.append(
            _problem(
                raw,
                "target_tahunan",
                "Target Tahunan belum diisi (atau isi Batas Bawah dan Batas Atas untuk target rentang).",
                None,
            )
        )
    if any(p.is_error for p in problems) or polaritas is None or agregasi is None:
        return None, problems
    assert isinstance(polaritas, Polaritas) and isinstance(agregasi, Agregasi)
    indicator = Indicator(
        kode=texts["kode"],
        jenis=raw.jenis,
        sasaran=texts["sasaran"],
        nama=texts["nama"],
        satuan=texts["satuan"],
        polaritas=polaritas,
        agregasi=agregasi,
        target_tahunan=n["target_tahunan"],
        target_tw=(n["t1"], n["t2"], n["t3"], n["t4"]),
        realisasi_tw=(n["r1"], n["r2"], n["r3"], n["r4"]),
        batas_bawah=bawah,
        batas_atas=atas,
        penanggung_jawab=texts["penanggung_jawab"],
        pagu=n["pagu"],
        realisasi_anggaran=n["realisasi_anggaran"],
        analisis=_analisis([texts[k] for k in TEXT_KEYS[_ANALYSIS_AT:]]),
        keterangan=texts["keterangan"],
        induk=texts["induk"] or None,
        target_lalu=n["target_lalu"],
        realisasi_lalu=n["realisasi_lalu"],
        target_akhir_renstra=n["target_akhir_renstra"],
        program=texts["program"],
        sheet=raw.sheet,
        baris=raw.baris,
    )
    return indicator, problems

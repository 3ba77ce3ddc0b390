"""The levels of the performance tree and the shape of a national nomenclature code.

Permendagri 90/2019 (Klasifikasi, Kodefikasi, dan Nomenklatur Perencanaan Pembangunan dan Keuangan
Daerah) and Kepmendagri 050-5889/2021 (its verified update, with its later changes) code every
program, kegiatan and sub kegiatan:

- program ``U.BB.PP``: urusan (one digit, 1–8), bidang urusan (two digits), program (two digits),
  e.g. ``7.01.02`` Program Penyelenggaraan Pemerintahan dan Pelayanan Publik;
- kegiatan ``U.BB.PP.K.KK``: ``K`` is 1 for a province's kegiatan, 2 for a kabupaten/kota's, then
  two digits, e.g. ``7.01.02.2.01``;
- sub kegiatan ``U.BB.PP.K.KK.SSSS``: four digits since Kepmendagri 050-5889/2021, e.g.
  ``7.01.02.2.01.0001``. The two-digit numbers of Permendagri 90/2019 (``7.01.02.2.01.01``, still
  in older SIPD exports) name the same sub kegiatan: they are read as four digits, with a notice.

The regulation writes the program that supports every unit as ``X.XX.01``; a unit uses it with its
own bidang urusan (a kecamatan: ``7.01.01``), so ``X`` in a code is an error saying so. Tujuan and
sasaran have no national code: the unit numbers them (``T1``, ``S1.2``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from xlwings_app.domain.rows import normalise_kode


class Jenjang(StrEnum):
    """A level of the tree (not ``Problem.tingkat``, a problem's severity)."""

    TUJUAN = "Tujuan"
    SASARAN = "Sasaran"
    PROGRAM = "Program"
    KEGIATAN = "Kegiatan"
    SUB_KEGIATAN = "Sub Kegiatan"

    @property
    def depth(self) -> int:
        """0 (Tujuan) to 4 (Sub Kegiatan)."""
        return _DEPTH[self]

    @property
    def above(self) -> Jenjang | None:
        """The level a node of this level hangs from (``None`` for Tujuan)."""
        return _ORDER[self.depth - 1] if self.depth else None

    @property
    def below(self) -> Jenjang | None:
        """The level that hangs from this one (``None`` for Sub Kegiatan)."""
        return _ORDER[self.depth + 1] if self.depth < len(_ORDER) - 1 else None

    @property
    def has_budget(self) -> bool:
        """Pagu and realisasi anggaran belong to program, kegiatan and sub kegiatan (the DPA's rows)."""
        return self.depth >= 2

    @property
    def has_national_code(self) -> bool:
        """Program and below carry a nomenclature code; tujuan and sasaran the unit's own."""
        return self.depth >= 2

    @property
    def jenis_indikator(self) -> JenisIndikator:
        """Outcome at tujuan, sasaran and program; output at kegiatan and sub kegiatan
        (Permendagri 86/2017: indikator program = hasil/outcome, indikator kegiatan = keluaran/output)."""
        return JenisIndikator.OUTCOME if self.depth <= 2 else JenisIndikator.OUTPUT

    @classmethod
    def parse(cls, text: str) -> Jenjang | None:
        """"sub kegiatan", "Sub-Kegiatan", "subkegiatan", "sub_giat", "giat", "PROGRAM" → the level."""
        key = re.sub(r"[\s_\-]+", "", text).casefold()
        return _JENJANG_ALIASES.get(key)


class JenisIndikator(StrEnum):
    """What a level's indicators measure: a result (outcome) or a product (output)."""

    OUTCOME = "Outcome"
    OUTPUT = "Output"


_ORDER = tuple(Jenjang)
_DEPTH = {j: n for n, j in enumerate(_ORDER)}
_JENJANG_ALIASES = {
    "tujuan": Jenjang.TUJUAN, "sasaran": Jenjang.SASARAN, "sasaranstrategis": Jenjang.SASARAN,
    "program": Jenjang.PROGRAM, "prog": Jenjang.PROGRAM, "kegiatan": Jenjang.KEGIATAN, "giat": Jenjang.KEGIATAN,
    "subkegiatan": Jenjang.SUB_KEGIATAN, "subgiat": Jenjang.SUB_KEGIATAN, "subkeg": Jenjang.SUB_KEGIATAN,
}  # fmt: skip

NOMENCLATURE_LEVELS = (Jenjang.PROGRAM, Jenjang.KEGIATAN, Jenjang.SUB_KEGIATAN)
SHAPES = "program 7.01.02, kegiatan 7.01.02.2.01, sub kegiatan 7.01.02.2.01.0001"
"""The three shapes as a user reads them in a message."""


@dataclass(frozen=True, slots=True)
class KodeNomenklatur:
    """A valid nomenclature code, written canonically (``7.01.02.2.01.0001``)."""

    text: str
    jenjang: Jenjang

    @property
    def induk(self) -> str | None:
        """The code of the level above that the code itself names (a kegiatan's program, a sub
        kegiatan's kegiatan); ``None`` for a program (its sasaran is the unit's choice)."""
        if self.jenjang is Jenjang.SUB_KEGIATAN:
            return self.text[: -len(".0001")]
        if self.jenjang is Jenjang.KEGIATAN:
            return self.text[: -len(".2.01")]
        return None

    @property
    def bidang(self) -> str:
        """The bidang urusan, ``7.01``."""
        return self.text[:4]

    @property
    def program(self) -> str:
        """The program the code belongs to, ``7.01.02``."""
        return self.text[:7]


@dataclass(frozen=True, slots=True)
class KodeRead:
    """A cell read as a nomenclature code: the code, or an error; a notice when it was rewritten."""

    kode: KodeNomenklatur | None
    galat: str | None = None
    catatan: str | None = None


class Bentuk(StrEnum):
    """What a code-like text in a DPA or RKA table is (only the first three are tree nodes)."""

    PROGRAM = "program"
    KEGIATAN = "kegiatan"
    SUB_KEGIATAN = "sub kegiatan"
    URUSAN = "urusan"
    BIDANG = "bidang urusan"
    REKENING = "rekening"
    ORGANISASI = "organisasi"
    LAIN = "lain"


_DIGITS = re.compile(r"\d+")
_SHAPE_OF = {(1, 2, 2): Jenjang.PROGRAM, (1, 2, 2, 1, 2): Jenjang.KEGIATAN, (1, 2, 2, 1, 2, 4): Jenjang.SUB_KEGIATAN}
_OLD_SUB = (1, 2, 2, 1, 2, 2)


def clean(value: object) -> str:
    """A cell's code text: normalised as every kode (``rows.normalise_kode``), spaces removed
    ("7.01.02. 2.01" is "7.01.02.2.01")."""
    return "".join(normalise_kode(value).text.split())


def bentuk(text: str) -> Bentuk:
    """The kind of a code as DPA/RKA tables print it: ``7`` urusan, ``7.01`` bidang urusan, a node
    code, ``5.1.02.01.01.0024`` rekening (account codes have a one-digit second part),
    ``7.01.0.00.0.00.06.0000`` organisasi (eight parts)."""
    parts = text.split(".")
    if not all(_DIGITS.fullmatch(p) for p in parts):
        return Bentuk.LAIN
    lengths = tuple(len(p) for p in parts)
    if lengths in _SHAPE_OF:
        return Bentuk(_SHAPE_OF[lengths].value.casefold())
    if lengths == _OLD_SUB:
        return Bentuk.SUB_KEGIATAN
    if lengths == (1,):
        return Bentuk.URUSAN
    if lengths == (1, 2):
        return Bentuk.BIDANG
    if len(parts) == 8 and lengths[0] == 1:
        return Bentuk.ORGANISASI
    if len(parts) >= 2 and lengths[0] == 1 and lengths[1] == 1:
        return Bentuk.REKENING
    return Bentuk.LAIN


def parse_kode(value: object, expected: Jenjang | None = None) -> KodeRead:
    """Read a cell as a nomenclature code of ``expected`` level (any of the three when ``None``).

    The rules of the module docstring; every error says which shape was expected and, where the
    digits are all there but grouped otherwise (``7.1.2``, ``7.01.02.02.01``), which code was
    probably meant."""
    text = clean(value)
    what = f"kode {expected.value.lower()}" if expected else "kode program/kegiatan/sub kegiatan"
    if not text:
        return KodeRead(None, galat=f"{what.capitalize()} belum diisi.")
    if "X" in text.upper().split(".")[0] or text.upper().startswith("X"):
        return KodeRead(None, galat=(
            f"Kode '{text}' memakai X.XX dari peraturan: ganti dengan kode bidang urusan unit "
            "(kecamatan: 7.01, mis. 7.01.01 untuk program penunjang)."
        ))  # fmt: skip
    parts = text.split(".")
    lengths = tuple(len(p) for p in parts)
    notice = None
    if all(_DIGITS.fullmatch(p) for p in parts) and lengths == _OLD_SUB:
        parts[-1] = parts[-1].zfill(4)
        notice = (f"Kode sub kegiatan '{text}' bernomor dua digit (Permendagri 90/2019): dibaca sebagai "
                  f"'{'.'.join(parts)}' (Kepmendagri 050-5889/2021).")  # fmt: skip
        text, lengths = ".".join(parts), (1, 2, 2, 1, 2, 4)
    jenjang = _SHAPE_OF.get(lengths) if all(_DIGITS.fullmatch(p) for p in parts) else None
    if jenjang is None:
        return KodeRead(None, galat=f"Kode '{text}' tidak berbentuk {what} nomenklatur ({SHAPES}){_guess(parts)}.")
    if parts[0] == "0" or parts[0] == "9" or "00" in (parts[1], parts[2]) or (
        jenjang is not Jenjang.PROGRAM and (parts[3] not in ("1", "2") or parts[4] == "00")
    ) or (jenjang is Jenjang.SUB_KEGIATAN and parts[5] == "0000"):
        return KodeRead(None, galat=(
            f"Kode '{text}' tidak sah: urusan 1–8, bidang dan program bukan 00, digit kewenangan kegiatan "
            "1 (provinsi) atau 2 (kabupaten/kota), nomor kegiatan dan sub kegiatan bukan nol."
        ))  # fmt: skip
    if expected is not None and jenjang is not expected:
        return KodeRead(None, galat=f"Kode '{text}' adalah kode {jenjang.value.lower()}, bukan {what}.")
    return KodeRead(KodeNomenklatur(text, jenjang), catatan=notice)


def _guess(parts: list[str]) -> str:
    """", mungkin maksudnya '7.01.02.2.01'" when the digits fit one shape once regrouped."""
    if not all(_DIGITS.fullmatch(p) for p in parts) or len(parts) not in (3, 5, 6):
        return ""
    widths = (1, 2, 2, 1, 2, 4)[: len(parts)]
    fixed = []
    for part, width in zip(parts, widths, strict=True):
        number = part.lstrip("0") or "0"
        if len(number) > width:
            return ""
        fixed.append(number.zfill(width))
    if len(parts) == 5 and fixed[3] not in ("1", "2"):
        return ""
    guess = ".".join(fixed)
    return f", mungkin maksudnya '{guess}'" if guess != ".".join(parts) else ""


def split_code_prefix(text: str) -> tuple[str, str]:
    """("7.01.02.2.01.0001", "Koordinasi ...") from a name cell that starts with its code, as
    SIPD's ``nama_sub_giat`` does; ("", text) when it does not start with a code-like word."""
    first, _, rest = text.strip().partition(" ")
    if first and bentuk(clean(first)) in (Bentuk.PROGRAM, Bentuk.KEGIATAN, Bentuk.SUB_KEGIATAN):
        return clean(first), " ".join(rest.split())
    return "", " ".join(text.split())

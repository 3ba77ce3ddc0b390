"""The paragraphs a person writes: the text when written, a marked placeholder in a draft when not,
and the gate a final LKjIP passes.

Rules (PermenPANRB 53/2014 asks for what only the unit knows: its organisation, tugas and fungsi,
aspek strategis, permasalahan utama, the analysis of causes per sasaran, and the steps ahead):
- a written piece (``structure.Sumber.TULISAN``) takes the text a person wrote for it (``Tulisan``;
  per sasaran: the text for that sasaran); text that is blank, or still the placeholder, is not
  written;
- in a draft, an unwritten piece prints as a placeholder that says what is to be written and where
  it goes: "[Belum ditulis: Aspek strategis organisasi (BAB I Pendahuluan, C. Aspek Strategis
  Organisasi). Peran strategis …]"; an optional piece left unwritten is left out;
- a final LKjIP needs every required piece written (``missing_required``): one problem per missing
  piece, per sasaran for those repeated per sasaran, each named; an error for a final, a notice
  (``catatan``) for a draft or a check.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from xlwings_app.domain.lkjip.structure import Slot, required, slot, tempat
from xlwings_app.domain.problems import Problem, Tingkat

PLACEHOLDER = "[Belum ditulis:"
"""How every placeholder starts: a reader of the draft (and a test) finds them by it."""


@dataclass(frozen=True)
class Tulisan:
    """What a person wrote for piece ``kunci`` (for a per-sasaran piece, of ``sasaran``), and where."""

    kunci: str
    teks: str
    sasaran: str = ""
    sheet: str = field(default="", compare=False)
    baris: int | None = field(default=None, compare=False)
    sel: str | None = field(default=None, compare=False)

    @property
    def ditulis(self) -> bool:
        """Whether it holds text: not blank, not a placeholder copied back."""
        text = self.teks.strip()
        return bool(text) and not text.startswith(PLACEHOLDER)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the LKjIP: its piece, its text, its sasaran (when repeated per sasaran), and
    whether it is a placeholder still to be written."""

    kunci: str
    teks: str
    sasaran: str = ""
    belum_ditulis: bool = False


def placeholder(piece: Slot, sasaran: str = "") -> Paragraph:
    """The marked placeholder of an unwritten piece (module rule)."""
    of = f", sasaran \"{sasaran}\"" if sasaran else ""
    text = f"{PLACEHOLDER} {piece.nama} ({tempat(piece.kunci)}{of}). {piece.isi}]"
    return Paragraph(piece.kunci, text, sasaran, belum_ditulis=True)


def find(tulisan: Sequence[Tulisan], kunci: str, sasaran: str = "") -> Tulisan | None:
    """The last text given for ``kunci`` (and ``sasaran``; compared without case and extra spaces)."""
    wanted = _key(sasaran)
    found = [t for t in tulisan if t.kunci == kunci and _key(t.sasaran) == wanted]
    return found[-1] if found else None


def written(kunci: str, tulisan: Sequence[Tulisan], sasaran: str = "") -> Paragraph | None:
    """Piece ``kunci``'s paragraph: the text written, else its placeholder when required, else ``None``."""
    piece = slot(kunci)
    found = find(tulisan, kunci, sasaran if piece.per_sasaran else "")
    if found is not None and found.ditulis:
        return Paragraph(kunci, found.teks.strip(), sasaran if piece.per_sasaran else "")
    return placeholder(piece, sasaran if piece.per_sasaran else "") if piece.wajib else None


def missing_required(
    tulisan: Sequence[Tulisan], sasaran: Sequence[str], tahun: int, tingkat: Tingkat = "galat"
) -> list[Problem]:
    """One problem per required piece not written, in printed order; per-sasaran pieces once for each
    of ``sasaran`` (module rule)."""
    problems = []
    for piece in required():
        for of in (sasaran if piece.per_sasaran else [""]):
            found = find(tulisan, piece.kunci, of)
            if found is not None and found.ditulis:
                continue
            which = f" untuk sasaran \"{of}\"" if of else ""
            problems.append(Problem(
                f"LKjIP {tahun}: {piece.nama}{which} belum ditulis ({tempat(piece.kunci)}); wajib diisi sebelum "
                "LKjIP final.", found.sheet or None if found else None, found.baris if found else None,
                None, found.sel if found else None, None, tingkat=tingkat,
            ))  # fmt: skip
    return problems


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()

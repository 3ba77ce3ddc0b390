"""The LKE workbook's sheet LKE: every component, sub-component and criterion, scored live; and its reader.

Layout (values only; ``adapters/openpyxl/lke.py`` writes the file):
- rows 1-5: title, unit and year, the total (``Nilai Akhir``) and the predikat with its
  interpretation, all formulas; the header at ``HEADER_ROW``;
- one row per component, per sub-component and per criterion, in LKE order. A criterion row holds
  its scale, Kinerja's proposal (``Usulan Kinerja``), the person's answer (``Jawaban``, the one
  unlocked input), the answer that counts (``Jawaban Akhir`` = the person's answer, else the
  proposal: ``domain.lke.proposal.Answer.final``), its value, the status of the answer, the
  kerangka logis check, the reason and evidence of the proposal, the explanation of every answer
  level and a note;
- formulas (rules of ``domain.lke.scoring`` and ``domain.lke.predikat``, written from the same
  values): a criterion's value is its letter's value on its scale (unanswered 0); a sub-component's
  score ROUND(SUM(values) × weight / n; 2); a component's the sum of its sub-components; the total
  the sum of the components; the predikat the first band whose lower bound ROUND(total; 2) exceeds.
  The kerangka logis cell names the rule a criterion breaks and both cells (``domain.lke.kerangka_logis``).

The reader (``read_lke``) takes the sheet's rows back: the person's answers and notes by criterion,
the proposals as written, every invalid answer (galat) and every kerangka logis breach (peringatan)
naming both cells.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from xlwings_app.domain.lke.kerangka_logis import check_kerangka_logis
from xlwings_app.domain.lke.model import SCALE_VALUES, Criterion, Lke, LogicRule, RuleKind, Scale
from xlwings_app.domain.lke.predikat import BANDS
from xlwings_app.domain.lke.proposal import AnswerStatus, Proposal
from xlwings_app.domain.lke.scoring import answer_problems, normalise_answer
from xlwings_app.domain.problems import Problem
from xlwings_app.sheets import palette
from xlwings_app.sheets.grid import Formula, SheetValues
from xlwings_app.sheets.source import Row
from xlwings_app.sheets.table import TableSpec, find_header, table_rows

SHEET = "LKE"
COMPONENT_FILL = "BDD7EE"
"""A component row's fill (light blue; the sub-components take ``palette.COMPUTED``)."""
HEADER_ROW = 7
TOTAL_CELL = "D3"
PREDIKAT_CELL = "D4"
INTERPRETASI_CELL = "E4"

HEADERS: dict[str, str] = {
    "kode": "Kode",
    "uraian": "Komponen / Sub-komponen / Kriteria",
    "skala": "Skala",
    "bobot": "Bobot",
    "usulan": "Usulan Kinerja",
    "jawaban": "Jawaban",
    "akhir": "Jawaban Akhir",
    "nilai": "Nilai",
    "status": "Status Jawaban",
    "logis": "Kerangka Logis",
    "alasan": "Alasan Usulan",
    "bukti": "Bukti Dukung",
    "penjelasan": "Penjelasan Jawaban",
    "catatan": "Catatan",
}
WIDTHS = (8, 60, 7, 8, 9, 9, 9, 8, 31, 30, 50, 40, 55, 30)
COL = {key: index for index, key in enumerate(HEADERS, start=1)}
SPEC = TableSpec("LKE", HEADERS, required=("kode", "jawaban"), optional=tuple(k for k in HEADERS if k not in ("kode", "jawaban")))


def letter(key: str) -> str:
    """The column letter of ``key`` ("F" for jawaban)."""
    return chr(ord("A") + COL[key] - 1)


@dataclass(frozen=True)
class LkeRows:
    """Where each part of the LKE stands on the sheet (1-based rows)."""

    components: dict[str, int]
    subs: dict[str, int]
    criteria: dict[str, int]

    def cell(self, key: str, criterion_id: str) -> str:
        """The address of column ``key`` on criterion ``criterion_id``'s row ("F12")."""
        return f"{letter(key)}{self.criteria[criterion_id]}"

    def sub_range(self, lke: Lke, sub_id: str, key: str = "nilai") -> str:
        """The cells of column ``key`` over the criteria of sub-component ``sub_id`` ("H10:H15")."""
        ids = [c.id for c in lke.sub(sub_id).criteria]
        return f"{letter(key)}{self.criteria[ids[0]]}:{letter(key)}{self.criteria[ids[-1]]}"


def breach_problems(lke: Lke, answers: Mapping[str, str | None], file: str | None = None) -> list[Problem]:
    """Every kerangka logis breach of ``answers`` as a peringatan at its criterion's Jawaban cell,
    naming the basis cell (NILAI) or the basis sub-component's Jawaban cells (RATA_RATA)."""
    rows = rows_of(lke)
    problems = []
    for breach in check_kerangka_logis(lke, answers):
        if breach.rule.kind is RuleKind.NILAI:
            basis_cell = rows.cell("jawaban", breach.rule.basis)
        else:
            basis_cell = rows.sub_range(lke, breach.rule.basis, "jawaban")
        own = rows.cell("jawaban", breach.criterion.id)
        problems.append(breach.problem(sheet=SHEET, sel=own, sel_dasar=basis_cell, file=file,
                                       baris=rows.criteria[breach.criterion.id]))  # fmt: skip
    return problems


def rows_of(lke: Lke) -> LkeRows:
    """Row of every component, sub-component and criterion: one after another below the header."""
    row = HEADER_ROW
    comps: dict[str, int] = {}
    subs: dict[str, int] = {}
    crits: dict[str, int] = {}
    for component in lke.components:
        row += 1
        comps[component.id] = row
        for sub in component.subs:
            row += 1
            subs[sub.id] = row
            for criterion in sub.criteria:
                row += 1
                crits[criterion.id] = row
    return LkeRows(comps, subs, crits)


def _number(value: Decimal) -> str:
    """A Decimal as a formula literal ("0.75", "4.5")."""
    text = format(value.normalize(), "f")
    return text


def final_formula(row: int) -> Formula:
    """The answer that counts: the person's answer, else the proposal; trimmed, upper case, Ya/Tidak → Y/T."""
    f, e = f"{letter('jawaban')}{row}", f"{letter('usulan')}{row}"
    x = f'UPPER(TRIM(IF(TRIM({f})="",{e},{f})))'
    return Formula(f'=IF({x}="YA","Y",IF({x}="TIDAK","T",{x}))')


def value_formula(scale: Scale, row: int) -> Formula:
    """The value of the answer that counts on ``scale`` (an unanswered or unknown letter is 0)."""
    g = f"{letter('akhir')}{row}"
    expression = "0"
    for item in reversed([(k, v) for k, v in SCALE_VALUES[scale].items() if v != 0]):
        expression = f'IF({g}="{item[0]}",{_number(item[1])},{expression})'
    return Formula(f"={expression}")


def sub_formula(weight: Decimal, n: int, values: str) -> Formula:
    """ROUND(SUM(values) × weight / n; 2) (``domain.lke.scoring.score_sub``)."""
    return Formula(f"=ROUND(SUM({values})*{_number(weight)}/{n},2)")


def predikat_formula(total: str) -> Formula:
    """The band of ROUND(total; 2): the first whose (exclusive) lower bound it exceeds, else D."""
    expression = f'"{BANDS[-1].kode}"'
    for band in reversed(BANDS[:-1]):
        expression = f'IF(ROUND({total},2)>{_number(band.batas_bawah)},"{band.kode}",{expression})'
    return Formula(f"={expression}")


def interpretasi_formula(predikat: str) -> Formula:
    """The interpretation of the predikat in cell ``predikat``."""
    expression = '""'
    for band in reversed(BANDS):
        expression = f'IF({predikat}="{band.kode}","{band.interpretasi}",{expression})'
    return Formula(f"={expression}")


def status_formula(row: int) -> Formula:
    """Status of the answer (``domain.lke.proposal.Answer.status``): empty, proposal (un)confirmed,
    changed from the proposal, or filled without one."""
    f, e = f"TRIM({letter('jawaban')}{row})", f"TRIM({letter('usulan')}{row})"
    return Formula(
        f'=IF({f}="",IF({e}="","{AnswerStatus.KOSONG}","{AnswerStatus.USULAN}"),'
        f'IF({e}="","{AnswerStatus.DIISI}",IF({_norm(f)}={_norm(e)},"{AnswerStatus.DIKONFIRMASI}",'
        f'"{AnswerStatus.DIUBAH}")))'
    )


def _norm(text: str) -> str:
    """A typed answer made a letter, as ``normalise_answer``: upper case, Ya/Tidak → Y/T."""
    x = f"UPPER({text})"
    return f'IF({x}="YA","Y",IF({x}="TIDAK","T",{x}))'


def logic_formula(lke: Lke, rules: Iterable[LogicRule], rows: LkeRows, criterion: Criterion) -> Formula | None:
    """The kerangka logis cell of ``criterion``: for every rule it breaks, the basis and both cells."""
    row = rows.criteria[criterion.id]
    own = f"{letter('nilai')}{row}"
    answered = f'{letter("akhir")}{row}<>""'
    parts = []
    for rule in rules:
        if rule.kind is RuleKind.NILAI:
            basis = rows.cell("nilai", rule.basis)
            text = f"melebihi kriteria {rule.basis} ({basis} lawan {own})"
            parts.append(f'IF(AND({answered},{own}>{basis}),"{text}; ","")')
        else:
            n = len(lke.sub(rule.basis).criteria)
            cells = rows.sub_range(lke, rule.basis)
            text = f"melebihi rata-rata sub-komponen {rule.basis} ({cells} lawan {own})"
            parts.append(f'IF(AND({answered},{own}*{n}>SUM({cells})),"{text}; ","")')
    if not parts:
        return None
    return Formula("=" + "&".join(parts))


def levels_text(criterion: Criterion) -> str:
    """Every answer level on its own line: "Y (1): ...", "B (0,75): ..."."""
    return "\n".join(f"{lv.letter} ({str(lv.value.normalize()).replace('.', ',')}): {lv.penjelasan}" for lv in criterion.levels)


LINE_HEIGHT = 12.75
"""Points per line of wrapped text (Excel's default row height)."""
MAX_LINES = 12


def row_height(texts: Mapping[str, str]) -> float:
    """The height of a row whose wrapped cells hold ``texts`` (column key → text): the most lines any
    of them takes at its column's width (about one character per width unit), at most ``MAX_LINES``.
    Neither engine sizes a written row to its wrapped text, so the layout does."""
    lines = 1
    for key, text in texts.items():
        width = max(WIDTHS[COL[key] - 1] - 2, 4)
        count = sum(max(1, -(-len(part) // width)) for part in str(text).split("\n"))
        lines = max(lines, count)
    return min(lines, MAX_LINES) * LINE_HEIGHT


def evidence_text(proposal: Proposal | None) -> str:
    """The evidence of a proposal: each file with its verification code, one per line."""
    if proposal is None:
        return ""
    return "\n".join(f"{e.file} (kode verifikasi {e.verification_code})" for e in proposal.evidence)


def lke_values(
    lke: Lke,
    unit: str,
    tahun: int,
    proposals: Mapping[str, Proposal],
    answers: Mapping[str, str],
    catatan: Mapping[str, str],
    hints: Mapping[str, str],
) -> SheetValues:
    """Sheet LKE: ``proposals`` in Usulan Kinerja (with reason and evidence), the person's
    ``answers`` and ``catatan`` kept, ``hints`` (what evidence would support a criterion Kinerja
    cannot judge) in Alasan Usulan where there is no proposal."""
    sheet = SheetValues(SHEET)
    rows = rows_of(lke)
    sheet.put(1, 1, [lke.judul.upper()], "title")
    sheet.put(2, 1, [f"Evaluasi AKIP mandiri {unit} Tahun {tahun} ({lke.sumber})"], "subtitle")
    total = Formula("=" + "+".join(f"{letter('nilai')}{r}" for r in rows.components.values()))
    sheet.put(3, 1, ["", "Nilai Akhir (0-100)", "", total], "bold")
    sheet.put(3, COL["logis"], [IDENTITY["unit"], unit], "bold")
    sheet.put(4, COL["logis"], [IDENTITY["tahun"], tahun], "bold")
    sheet.put(4, 1, ["", "Predikat", "", predikat_formula(TOTAL_CELL), interpretasi_formula(PREDIKAT_CELL)], "bold")
    sheet.style("format:0.00", 3, 4)
    sheet.put(5, 1, ["", "Isi kolom Jawaban (Y/T atau A-E). Kosong: Usulan Kinerja yang dipakai. Nilai, predikat "
                         "dan kerangka logis dihitung langsung oleh rumus."], "subtitle")  # fmt: skip
    sheet.put(HEADER_ROW, 1, list(HEADERS.values()), "header")
    for col, width in enumerate(WIDTHS, start=1):
        sheet.style(f"width:{width}", HEADER_ROW, col)
    sheet.style(f"height:{2 * LINE_HEIGHT}", HEADER_ROW, 1)
    by_criterion: dict[str, list[LogicRule]] = {}
    for rule in lke.rules:
        by_criterion.setdefault(rule.criterion, []).append(rule)
    for component in lke.components:
        r = rows.components[component.id]
        subs = "+".join(f"{letter('nilai')}{rows.subs[s.id]}" for s in component.subs)
        sheet.put(r, 1, [component.id, component.nama.upper(), "", component.weight, "", "", "", Formula(f"={subs}")],
                  "bold", f"fill:{COMPONENT_FILL}")  # fmt: skip
        sheet.style("format:0.00", r, COL["nilai"])
        sheet.style("box", r, 1, 1, len(HEADERS))
        for sub in component.subs:
            rs = rows.subs[sub.id]
            nilai = sub_formula(sub.weight, len(sub.criteria), rows.sub_range(lke, sub.id))
            sheet.put(rs, 1, [sub.id, f"{sub.nama} ({sub.kind.value}, {sub.kind.share}%)", "", sub.weight, "", "", "", nilai],
                      "bold", f"fill:{palette.COMPUTED}")  # fmt: skip
            sheet.style("format:0.00", rs, COL["nilai"])
            sheet.style("box", rs, 1, 1, len(HEADERS))
            sheet.style("wrap", rs, 2)
            sheet.style(f"height:{row_height({'uraian': sub.nama + ' (pemenuhan, 20%)'})}", rs, 1)
            for criterion in sub.criteria:
                rc = rows.criteria[criterion.id]
                proposal = proposals.get(criterion.id)
                reason = proposal.reason if proposal else hints.get(criterion.id, "")
                sheet.put(rc, 1, [
                    criterion.id, criterion.teks, criterion.scale.value, "",
                    proposal.answer if proposal else "", answers.get(criterion.id, ""),
                    final_formula(rc), value_formula(criterion.scale, rc), status_formula(rc),
                    logic_formula(lke, by_criterion.get(criterion.id, ()), rows, criterion) or "",
                    reason, evidence_text(proposal), levels_text(criterion), catatan.get(criterion.id, ""),
                ], "box", "wrap")  # fmt: skip
                texts = {"uraian": criterion.teks, "alasan": reason, "bukti": evidence_text(proposal),
                         "penjelasan": levels_text(criterion), "catatan": catatan.get(criterion.id, "")}
                sheet.style(f"height:{row_height(texts)}", rc, 1)
                sheet.style("unlocked", rc, COL["jawaban"])
                sheet.style("unlocked", rc, COL["catatan"])
                sheet.style(f"fill:{palette.INPUT}", rc, COL["jawaban"])
    return sheet


IDENTITY = {"unit": "Unit", "tahun": "Tahun"}
"""The labels beside the total (column Kerangka Logis, rows 3-4) whose right-hand cell names the unit and year."""


def read_identity(rows: Iterable[tuple[int, Row]]) -> tuple[str, int | None]:
    """The unit and year written beside the total (rows 3-4); ("", None) when missing."""
    at = COL["logis"] - 1
    found: dict[str, object] = {}
    for index, row in rows:
        if index > HEADER_ROW:
            break
        if len(row) > at + 1 and row[at] in IDENTITY.values():
            found[str(row[at])] = row[at + 1]
    tahun = found.get(IDENTITY["tahun"])
    return str(found.get(IDENTITY["unit"]) or ""), int(tahun) if isinstance(tahun, int | float) else None


def validations(lke: Lke) -> list[tuple[str, tuple[str, ...]]]:
    """The answer lists of column Jawaban: (cell range, letters) per run of criteria on one scale."""
    rows = rows_of(lke)
    out: list[tuple[str, tuple[str, ...]]] = []
    for criterion in lke.criteria():
        out.append((rows.cell("jawaban", criterion.id), criterion.scale.letters))
    return out


@dataclass
class LkeRead:
    """What sheet LKE holds: the person's answers and notes, the proposals written, problems."""

    answers: dict[str, str] = field(default_factory=dict)
    typed: dict[str, str] = field(default_factory=dict)
    """Column Jawaban as typed (valid or not), kept when the workbook is built again."""
    proposals: dict[str, str] = field(default_factory=dict)
    catatan: dict[str, str] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    invalid: set[str] = field(default_factory=set)
    """Criteria whose typed answer is no letter of their scale: they count 0, as the sheet's formula
    gives them (a galat, so no document is made from them)."""

    def final(self) -> dict[str, str | None]:
        """The letters that count: the person's answer, else the proposal; ``None`` (0) for an invalid answer."""
        return {
            k: None if k in self.invalid else self.answers.get(k) or self.proposals.get(k)
            for k in {*self.answers, *self.proposals, *self.invalid}
        }


def read_lke(lke: Lke, rows: Iterable[tuple[int, Row]], file: str | None = None) -> LkeRead:
    """The answers of sheet LKE from its rows (numbered from 1): every invalid answer a galat at its
    cell, every kerangka logis breach a peringatan naming both criteria's answer cells."""
    read = LkeRead()
    listed = list(rows)
    header = find_header(iter(listed), SPEC, SHEET)
    if header is None:
        read.problems.append(Problem("Sheet LKE tidak punya baris judul Kode dan Jawaban.", SHEET, file=file))
        return read
    known = {c.id for c in lke.criteria()}
    for index, _row, cells in table_rows(iter(listed), header, read.problems):
        values = dict(zip(header.columns, cells, strict=True))
        kode = str(values.get("kode") or "").strip()
        if kode not in known:
            continue
        read.cells[kode] = header.cell("jawaban", index)
        read.rows[kode] = index
        if values.get("jawaban") not in (None, ""):
            read.typed[kode] = str(values["jawaban"])
        for key, target in (("jawaban", read.answers), ("usulan", read.proposals)):
            letter_ = normalise_answer(values.get(key))
            if letter_ is None:
                continue
            for problem in answer_problems(lke, {kode: letter_}):
                read.problems.append(Problem(problem.pesan, SHEET, index, HEADERS[key], header.cell(key, index),
                                             letter_, file))  # fmt: skip
                if key == "jawaban":
                    read.invalid.add(kode)
                break
            else:
                target[kode] = letter_
        note = values.get("catatan")
        if note not in (None, ""):
            read.catatan[kode] = str(note)
    for breach in check_kerangka_logis(lke, read.final()):
        if breach.rule.kind is RuleKind.NILAI:
            basis_cell = read.cells.get(breach.rule.basis)
        else:
            ids = [c.id for c in lke.sub(breach.rule.basis).criteria]
            first, last = read.cells.get(ids[0]), read.cells.get(ids[-1])
            basis_cell = f"{first}:{last}" if first and last else None
        own = read.cells.get(breach.criterion.id)
        read.problems.append(breach.problem(sheet=SHEET, sel=own, sel_dasar=basis_cell, file=file,
                                            baris=read.rows.get(breach.criterion.id)))  # fmt: skip
    return read


SHEET_RINGKASAN = "Ringkasan LKE"


def ringkasan_values(lke: Lke, unit: str, tahun: int) -> SheetValues:
    """Sheet Ringkasan LKE: each component's weight and score (formulas on sheet LKE), the total and
    the predikat with its interpretation."""
    sheet = SheetValues(SHEET_RINGKASAN)
    rows = rows_of(lke)
    sheet.put(1, 1, ["RINGKASAN EVALUASI AKIP MANDIRI"], "title")
    sheet.put(2, 1, [f"{unit} Tahun {tahun}"], "subtitle")
    sheet.put(4, 1, ["Kode", "Komponen", "Bobot", "Nilai", "% Bobot"], "header")
    for col, width in enumerate((8, 50, 10, 10, 10), start=1):
        sheet.style(f"width:{width}", 4, col)
    row = 4
    for component in lke.components:
        row += 1
        nilai = f"'{SHEET}'!{letter('nilai')}{rows.components[component.id]}"
        sheet.put(row, 1, [component.id, component.nama, component.weight, Formula(f"={nilai}"),
                           Formula(f"=ROUND(D{row}*100/C{row},2)")], "box")  # fmt: skip
        sheet.style("format:0.00", row, 4, 1, 2)
    first, last = 5, row
    sheet.put(row + 1, 1, ["", "Nilai Akhir", Formula(f"=SUM(C{first}:C{last})"), Formula(f"=SUM(D{first}:D{last})")],
              "bold", "box")  # fmt: skip
    sheet.style("format:0.00", row + 1, 4)
    sheet.put(row + 2, 1, ["", "Predikat", "", predikat_formula(f"D{row + 1}"), interpretasi_formula(f"D{row + 2}")],
              "bold")  # fmt: skip
    return sheet

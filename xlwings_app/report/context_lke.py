"""The context of the summary of the AKIP self-evaluation (``report_templates/evaluasi_akip_mandiri.docx``).

From the LKE workbook read back (answers that count, proposals, scores, kerangka logis) and the
unit's Profil:
- A. Ringkasan: the total (2 decimals), predikat and interpretation (``domain.lke.predikat``), how
  many criteria are answered, how many proposals were confirmed, changed or are still open;
- B. each component and its sub-components with weight, score and percent of the weight;
- C. the criteria that lose the most points (``domain.lke.scoring.points_lost``, at most
  ``TOP_LOST``), each with what would raise it: its best answer level's meaning and the evidence
  that would support it (the reason or hint written beside it in the LKE);
- D. every kerangka logis breach (message naming both cells); E. the list of bukti dukung: each
  document once, with its verification code, whether the code matches a seal of the master, and the
  criteria it supports.
A draft (``kekurangan`` not None) says what is still missing; the final is signed by the head of
the unit, the draft by the Ketua Tim SAKIP. Values only, formatted the Indonesian way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from xlwings_app.domain import formatting as fmt
from xlwings_app.domain.lke.model import Lke
from xlwings_app.domain.lke.predikat import BANDS
from xlwings_app.domain.lke.scoring import LkeScore, points_lost
from xlwings_app.domain.lke.usulan import NO_JUDGEMENT
from xlwings_app.domain.profil import Pejabat, Profil
from xlwings_app.report.context import kop, pejabat

JUDUL = "LAPORAN EVALUASI AKUNTABILITAS KINERJA INSTANSI PEMERINTAH (AKIP) MANDIRI"
TOP_LOST = 10


@dataclass(frozen=True)
class BuktiDukung:
    """One document supporting a criterion: file, verification code, whether a seal of the master holds it."""

    kriteria: str
    file: str
    kode: str
    cocok: bool | None
    """True: the code is the code of a seal of the master; False: it is not; None: no code given."""


@dataclass(frozen=True)
class LkeDokumen:
    """What the summary is about besides the scores: code, dates, draft gaps, signer."""

    kode_verifikasi: str
    tanggal: dt.date
    kekurangan: tuple[str, ...] | None
    penandatangan: Pejabat


def batas_text() -> str:
    """The bands as printed under the summary, and the reading of exactly 90."""
    bands = "; ".join(f"{b.kode} > {fmt.angka(b.batas_bawah)}–{fmt.angka(b.batas_atas)}" for b in BANDS[:-1])
    last = BANDS[-1]
    return (f"Predikat (Lampiran PermenPANRB 88/2021): {bands}; {last.kode} {fmt.angka(last.batas_bawah)}–"
            f"{fmt.angka(last.batas_atas)}. Nilai tepat 90 berpredikat A (batas bawah setiap predikat tidak termasuk).")  # fmt: skip


def daftar_bukti(bukti: Sequence[BuktiDukung], answers: Mapping[str, str | None]) -> list[dict[str, str]]:
    """Each document once (in order of first mention), its code and whether a seal holds it, and the
    criteria it supports with their answers ("1.a.4 (Y), 3.b.3 (A)")."""
    grouped: dict[tuple[str, str], list[BuktiDukung]] = {}
    for item in bukti:
        grouped.setdefault((item.file, item.kode), []).append(item)
    rows = []
    for n, ((file, kode), items) in enumerate(grouped.items(), start=1):
        cocok = items[0].cocok
        seal = "" if cocok is None else (" (cocok dengan Segel)" if cocok else " (TIDAK ditemukan di Segel)")
        kriteria = ", ".join(f"{b.kriteria} ({answers.get(b.kriteria) or fmt.KOSONG})" for b in items)
        rows.append({"no": str(n), "file": file, "verifikasi": (kode or fmt.KOSONG) + seal, "kriteria": kriteria})
    return rows


def build_lke_context(
    profil: Profil,
    lke: Lke,
    answers: Mapping[str, str | None],
    proposals: Mapping[str, str],
    person: Mapping[str, str],
    texts: Mapping[str, Mapping[str, str]],
    score: LkeScore,
    logis: Sequence[str],
    bukti: Sequence[BuktiDukung],
    dokumen: LkeDokumen,
) -> dict[str, object]:
    """The template context (see the module docstring)."""
    confirmed = sum(1 for k, v in proposals.items() if person.get(k) == v)
    changed = sum(1 for k, v in proposals.items() if person.get(k) not in (None, v))
    komponen: list[dict[str, str]] = []
    for part in score.components:
        komponen.append({"kode": part.component.id, "nama": part.component.nama.upper(),
                         "bobot": fmt.angka(part.component.weight), "nilai": fmt.angka(part.nilai, desimal=2),
                         "persen": fmt.angka(part.nilai * 100 / part.component.weight, desimal=2)})  # fmt: skip
        for sub in part.subs:
            komponen.append({"kode": sub.sub.id, "nama": f"{sub.sub.kind.value.capitalize()}: {sub.sub.nama}",
                             "bobot": fmt.angka(sub.sub.weight), "nilai": fmt.angka(sub.nilai, desimal=2),
                             "persen": fmt.angka(sub.percent, desimal=2)})  # fmt: skip
    hilang = []
    for criterion, points in points_lost(lke, answers)[:TOP_LOST]:
        top = criterion.levels[0]
        support = texts.get(criterion.id, {}).get("alasan", "").removeprefix(NO_JUDGEMENT).strip()
        hilang.append({
            "kode": criterion.id, "kriteria": criterion.teks, "jawaban": answers.get(criterion.id) or "belum dijawab",
            "hilang": fmt.angka(points, desimal=2),
            "naik": f"Jawaban {top.letter}: {top.penjelasan}" + (f" {support}" if support else ""),
        })  # fmt: skip
    nama = {c.id: c.teks for c in lke.criteria()}
    tahun = profil.tahun
    return {
        "kop": kop(profil),
        "dokumen": {"judul": JUDUL, "periode": f"TAHUN {tahun}"},
        "draf": "DRAF" if dokumen.kekurangan is not None else "",
        "kekurangan": list(dokumen.kekurangan or ()),
        "ringkasan": {
            "nilai": fmt.angka(score.total, desimal=2),
            "predikat": score.predikat.kode,
            "interpretasi": score.predikat.interpretasi,
            "dijawab": str(len(nama) - len(score.unanswered)),
            "kriteria": str(len(nama)),
            "usulan": str(len(proposals)),
            "dikonfirmasi": str(confirmed),
            "diubah": str(changed),
            "belum": str(len(proposals) - confirmed - changed),
            "dasar": lke.sumber,
            "batas": batas_text(),
        },
        "komponen": komponen,
        "hilang_pengantar": (
            f"{len(hilang)} kriteria dengan kehilangan nilai terbesar terhadap jawaban terbaik (bobot sub-komponen ÷ "
            "jumlah kriteria × (1 − nilai jawaban)), beserta yang akan menaikkan nilainya."
        ),
        "hilang": hilang,
        "logis": [{"no": str(n), "pesan": text} for n, text in enumerate(logis, start=1)],
        "bukti_judul": "E. Daftar Bukti Dukung" if logis else "D. Daftar Bukti Dukung",
        "bukti": daftar_bukti(bukti, answers),
        "penandatangan": pejabat(dokumen.penandatangan),
        "tempat_tanggal": f"{profil.tempat}, {fmt.tanggal(dokumen.tanggal)}",
        "kode_verifikasi": dokumen.kode_verifikasi,
        "tahun": str(tahun),
    }

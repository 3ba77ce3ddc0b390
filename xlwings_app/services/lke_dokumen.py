"""Service: ``lke dokumen``: the summary of the AKIP self-evaluation and its list of bukti dukung.

Rules:
- read from the LKE workbook (``services.lke.hitung``) and the unit's master (Profil, seals);
- the draft (default) is signed by the Ketua Tim SAKIP and says what is still missing; the final
  is signed by the head of the unit (Profil's penandatangan) and is refused (``LkeDitolak``) while
  an answer is invalid or a criterion is unanswered;
- every bukti dukung of the LKE (column Bukti Dukung: "file (kode verifikasi XXXXX-XXXXX)") is
  checked against the master's seals: the code must be the code of a sealed period;
- the document's own verification code covers the unit, the year and every answer that counts
  (``domain.verification.lke_code``); dated on ``tanggal``, else the Profil's Tanggal
  Penandatanganan, else today; the .docx and its PDF are written whole (``adapters.documents.atomic``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from xlwings_app.adapters.documents.docx import render_bytes
from xlwings_app.adapters.documents.folder import output_folder_problem
from xlwings_app.adapters.documents.pdf import write_document
from xlwings_app.domain.lke.kerangka_logis import check_kerangka_logis
from xlwings_app.domain.problems import Problem
from xlwings_app.domain.profil import Pejabat, Profil
from xlwings_app.domain.verification import lke_code
from xlwings_app.report.context_lke import BuktiDukung, LkeDokumen, build_lke_context
from xlwings_app.resources import resource_dir
from xlwings_app.services.lke import LkeDitolak, LkeHasil, hitung, lke_path
from xlwings_app.services.master import using

TEMPLATE = "evaluasi_akip_mandiri.docx"
UNSIGNED = "...................................."
_EVIDENCE = re.compile(r"^(?P<file>.+?)\s*\(kode verifikasi (?P<kode>[A-Z2-7]{5}-[A-Z2-7]{5})\)\s*$")


@dataclass(frozen=True)
class LaporanLke:
    """The document written and what it says."""

    docx: Path
    pdf: Path | None
    final: bool
    hasil: LkeHasil
    bukti: list[BuktiDukung]
    kode_verifikasi: str
    peringatan: list[Problem] = field(default_factory=list)


def default_template() -> Path:
    return resource_dir("report_templates") / TEMPLATE


def evidence_of(hasil: LkeHasil, sealed: set[str] | None) -> list[BuktiDukung]:
    """Each document named in column Bukti Dukung, one per line, with its code checked against ``sealed``."""
    out: list[BuktiDukung] = []
    for criterion in hasil.lke.criteria():
        text = hasil.rows.get(criterion.id, {}).get("bukti", "")
        for line in (x.strip() for x in text.splitlines()):
            if not line:
                continue
            match = _EVIDENCE.match(line)
            if match is None:
                out.append(BuktiDukung(criterion.id, line, "", None))
            else:
                kode = match["kode"]
                out.append(BuktiDukung(criterion.id, match["file"], kode, None if sealed is None else kode in sealed))
    return out


def _signable(official: Pejabat) -> Pejabat:
    return official if official.nama.strip() else replace(official, nama=UNSIGNED)


def signer(profil: Profil, final: bool) -> Pejabat:
    """Final: the head of the unit. Draft: the Ketua Tim SAKIP (Profil's pengelola)."""
    if final:
        return _signable(profil.penandatangan)
    tim = profil.pengelola
    return Pejabat(f"Ketua Tim SAKIP ({tim.jabatan})" if tim.jabatan else "Ketua Tim SAKIP", tim.nama or UNSIGNED,
                   tim.pangkat, tim.nip)  # fmt: skip


def dokumen(
    master: Path,
    lke_file: Path | None = None,
    final: bool = False,
    out_dir: Path | None = None,
    pdf: bool = False,
    tanggal: dt.date | None = None,
    lambang: Path | None = None,
) -> LaporanLke:
    """Render the summary of the LKE of ``master``'s unit and year (draft, or ``final``)."""
    from xlwings_app.services.laporan import lambang_of

    with using(master) as m:
        data = m.data()
    if data.profil is None:
        raise LkeDitolak("Dokumen tidak dibuat: sheet Profil workbook induk belum lengkap.")
    profil = data.profil
    source = lke_file or lke_path(master, profil.tahun)
    if not source.exists():
        raise LkeDitolak(f"Workbook LKE {source.name} belum ada. Jalankan dulu: kinerja lke buat {master.name}")
    folder = out_dir or source.parent
    if why := output_folder_problem(folder):
        raise LkeDitolak(f"Dokumen tidak dibuat: {why}")
    hasil = hitung(source)
    if hasil.errors:
        raise LkeDitolak(f"Dokumen tidak dibuat: {len(hasil.errors)} jawaban tidak sah di {source.name}.", hasil.errors)
    unanswered = hasil.score.unanswered
    if final and unanswered:
        raise LkeDitolak(
            f"Dokumen final tidak dibuat: {len(unanswered)} kriteria belum dijawab ({', '.join(unanswered[:12])}"
            f"{', …' if len(unanswered) > 12 else ''}). Lengkapi kolom Jawaban di sheet LKE, atau buat draf."
        )
    sealed = {s.kode_verifikasi for s in data.segel}
    bukti = evidence_of(hasil, sealed)
    breaches = check_kerangka_logis(hasil.lke, hasil.answers)
    logis = [p.pesan for p in hasil.problems if p.tingkat == "peringatan" and p.pesan.startswith("Kerangka logis")]
    kode = lke_code(profil.kabupaten, profil.unit, profil.tahun, hasil.answers)
    gaps = None if final else tuple(
        [f"{len(unanswered)} kriteria belum dijawab: {', '.join(unanswered)}."] if unanswered else []
    ) + tuple(f"Kerangka logis kriteria {b.criterion.id} melebihi {b.rule.basis}." for b in breaches)  # fmt: skip
    signing = tanggal or profil.tanggal_ttd or dt.date.today()
    context = build_lke_context(
        profil, hasil.lke, hasil.answers, hasil.proposals, hasil.person, hasil.rows, hasil.score, logis, bukti,
        LkeDokumen(kode, signing, gaps, signer(profil, final)),
    )  # fmt: skip
    image, notes = lambang_of(data, master, lambang)
    name = f"Evaluasi_AKIP_Mandiri_{profil.tahun}_{'Final' if final else 'Draf'}"
    docx = folder / f"{name}.docx"
    pdf_path = write_document(docx, render_bytes(default_template(), context, lambang=image), pdf)
    mismatched = [b for b in bukti if b.cocok is False]
    notes = [*notes, *(Problem(f"Bukti dukung {b.file} kriteria {b.kriteria}: kode verifikasi {b.kode} tidak ada di "
                               "sheet Segel workbook induk.", tingkat="peringatan") for b in mismatched)]  # fmt: skip
    return LaporanLke(docx, pdf_path, final, hasil, bukti, kode, notes)

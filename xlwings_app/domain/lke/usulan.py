"""Kinerja's proposed answers from the unit's own data (``domain.lke.prefill.PREFILL`` made concrete).

Each rule below decides one criterion from ``DataUnit`` (values read by the service from the master
workbooks of the year and the year before, their seals, the SOP sheets, the register of
recommendations and the Rencana Aksi followed up), and says why in Indonesian with the figures.
The evidence of a proposal is a sealed archive (file and verification code, ``SealRecord``). Y/T
criteria get Y when the fact holds and T when it does not; A-E criteria get the letter of the share
that meets the fact on the ladder of ``domain.lke.recommendations.answer_for_share`` (A > 90 %,
B > 75-90 %, C > 40-75 %, D > 10-40 %, E <= 10 %), the same ladder the LKE's general explanation
of A-E uses. A criterion whose fact Kinerja cannot establish (no last year's master, nothing
recorded) gets no proposal; ``HINTS`` then says what evidence would support it.

3.a.6 (reported on time) is read from the step log of the Pengukuran Kinerja SOP: a finished cycle
(first start to last finish, in working time) within the sum of the SOP's Mutu Baku Waktu.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from xlwings_app.domain.expr import round_half_away
from xlwings_app.domain.formatting import angka
from xlwings_app.domain.indicator import Indicator, Jenis, Periode
from xlwings_app.domain.lke.proposal import Evidence, Proposal
from xlwings_app.domain.lke.recommendations import Recommendation, answer_for_share, propose_from_register
from xlwings_app.domain.lke.rencana_aksi import RencanaAksiFollowUp, share_carried_out
from xlwings_app.domain.measure import Status, measure
from xlwings_app.domain.seal import SealRecord
from xlwings_app.domain.settings import Settings


@dataclass(frozen=True)
class SopCycle:
    """One finished cycle of an SOP in the step log: its working minutes from first start to last
    finish against the sum of the SOP's Mutu Baku Waktu (``domain.sop.summary``), and the minutes of a
    working day (to print days)."""

    sop: str
    periode: str
    minutes: int
    standard: int
    day_minutes: int


@dataclass(frozen=True)
class DataUnit:
    """What Kinerja holds of a unit for a year, as plain values (gathered by ``services.lke``)."""

    tahun: int
    periode: Periode
    settings: Settings
    indicators: Sequence[Indicator]
    lalu: Sequence[Indicator] | None = None
    """Last year's indicators (its master workbook), ``None`` when none was given."""
    seals: Sequence[SealRecord] = ()
    sops: Sequence[str] = ()
    """The names of the SOPs the workbook holds ("SOP Pengukuran Kinerja ...")."""
    register: Sequence[Recommendation] = ()
    rencana_aksi: Sequence[RencanaAksiFollowUp] = ()
    sop_cycles: Sequence[SopCycle] = ()
    """Finished cycles of the Pengukuran Kinerja SOP (the one that ends with the report sent)."""
    source: str = ""
    source_lalu: str = ""
    iku: list[Indicator] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        self.iku.extend(i for i in self.indicators if i.jenis is Jenis.IKU)


def _share(part: int, whole: int) -> Decimal:
    return round_half_away(Decimal(part) * 100 / whole, 2) if whole else Decimal(0)


def _pct(value: Decimal) -> str:
    return f"{angka(value, desimal=2)}%"


def _evidence(unit: DataUnit) -> tuple[Evidence, ...]:
    return tuple(Evidence(s.arsip, s.kode_verifikasi) for s in unit.seals)


def _yt(unit: DataUnit, cid: str, holds: bool, yes: str, no: str, evidence: bool = False) -> Proposal:
    return Proposal(cid, "Y" if holds else "T", yes if holds else no, _evidence(unit) if evidence and holds else (),
                    unit.source)  # fmt: skip


def _ae(unit: DataUnit, cid: str, part: int, whole: int, what: str, evidence: bool = False) -> Proposal | None:
    if not whole:
        return None
    share = _share(part, whole)
    letter = answer_for_share(share) or "E"
    reason = f"{part} dari {whole} {what} ({_pct(share)}). Jawaban {letter} menurut porsi yang terpenuhi."
    return Proposal(cid, letter, reason, _evidence(unit) if evidence else (), unit.source)


def _has_sop(unit: DataUnit, word: str) -> list[str]:
    return [name for name in unit.sops if word.casefold() in name.casefold()]


def _ranged(i: Indicator) -> bool:
    """A range target (Batas Bawah and Batas Atas): it holds for the year and every triwulan."""
    return i.batas_bawah is not None and i.batas_atas is not None


def _targeted(i: Indicator) -> bool:
    """A yearly target: Target Tahunan, or a range."""
    return i.target_tahunan is not None or _ranged(i)


def _tw_targeted(i: Indicator, index: int) -> bool:
    """A target for triwulan ``index`` (0-based): its own, or a range."""
    return i.target_tw[index] is not None or _ranged(i)


def _named(kodes: Sequence[str]) -> str:
    return ", ".join(kodes[:5]) + (f" dan {len(kodes) - 5} lainnya" if len(kodes) > 5 else "")


def _tw_targets(unit: DataUnit) -> tuple[int, int, list[str]]:
    """Indicators with a target in each of the four triwulan; the total; the kode of those without."""
    missing = [i.kode for i in unit.indicators if not all(_tw_targeted(i, k) for k in range(4))]
    return len(unit.indicators) - len(missing), len(unit.indicators), missing


def _collected(i: Indicator, upto: int) -> bool:
    """Realisasi filled in every triwulan up to ``upto`` that has a target (a triwulan without a
    target, as of an indicator measured once a year, asks for none)."""
    return all(i.realisasi_tw[k] is not None for k in range(upto) if _tw_targeted(i, k))


def _realisasi_berkala(unit: DataUnit) -> tuple[int, int, list[str]]:
    n = unit.periode.last_tw
    missing = [i.kode for i in unit.indicators if not _collected(i, n)]
    return len(unit.indicators) - len(missing), len(unit.indicators), missing


def p_1a1(unit: DataUnit) -> Proposal:
    found = _has_sop(unit, "perencanaan")
    return _yt(unit, "1.a.1", bool(found), f"SOP perencanaan kinerja tersimpan di workbook: {', '.join(found)}.",
               "Workbook tidak memuat SOP Perencanaan Kinerja (kinerja sop).")  # fmt: skip


def p_2a1(unit: DataUnit) -> Proposal:
    found = _has_sop(unit, "pengukuran") + _has_sop(unit, "pengumpulan")
    return _yt(unit, "2.a.1", bool(_has_sop(unit, "pengukuran")),
               f"SOP pengukuran dan pengumpulan data kinerja tersimpan di workbook: {', '.join(found)}.",
               "Workbook tidak memuat SOP Pengukuran Kinerja.")  # fmt: skip


def p_1a4(unit: DataUnit) -> Proposal:
    filled = sum(1 for i in unit.iku if _targeted(i))
    return _yt(unit, "1.a.4", bool(unit.iku) and filled == len(unit.iku),
               f"Rencana Kinerja Tahunan/Perjanjian Kinerja {unit.tahun}: {filled} dari {len(unit.iku)} IKU bertarget tahunan.",
               f"Hanya {filled} dari {len(unit.iku)} IKU yang bertarget tahunan: dokumen perencanaan jangka pendek belum lengkap.",
               evidence=True)  # fmt: skip


def p_1a5(unit: DataUnit) -> Proposal:
    full, total, missing = _tw_targets(unit)
    return _yt(unit, "1.a.5", bool(total) and full == total,
               f"Rencana Aksi: {full} dari {total} indikator punya target keempat triwulan (target rentang berlaku "
               "setiap triwulan).",
               f"Rencana Aksi belum lengkap: hanya {full} dari {total} indikator punya target keempat triwulan; "
               f"tanpa target triwulan: {_named(missing)}.")  # fmt: skip


def p_formal(cid: str, what: str) -> Callable[[DataUnit], Proposal]:
    def rule(unit: DataUnit) -> Proposal:
        periods = ", ".join(str(s.periode) for s in unit.seals)
        return _yt(unit, cid, bool(unit.seals),
                   f"{what} ditandatangani dan disegel sebagai dokumen final: {len(unit.seals)} arsip ({periods}).",
                   f"Belum ada dokumen final yang disegel (kinerja arsip) tahun {unit.tahun}.", evidence=True)  # fmt: skip
    return rule


def p_3a2(unit: DataUnit) -> Proposal:
    wanted = [p for p in (Periode.TW1, Periode.TW2, Periode.TW3, Periode.TW4) if p.last_tw <= unit.periode.last_tw]
    sealed = {s.periode for s in unit.seals}
    done = [p.value for p in wanted if p in sealed]
    missing = [p.value for p in wanted if p not in sealed]
    return _yt(unit, "3.a.2", not missing,
               f"Laporan pengukuran kinerja setiap triwulan sampai {unit.periode.value} disegel: {', '.join(done)}.",
               f"Laporan triwulan yang belum disegel: {', '.join(missing)} (disegel: {', '.join(done) or 'belum ada'}).",
               evidence=True)  # fmt: skip


def _days(minutes: int, day: int) -> str:
    return angka(Decimal(minutes) / day, desimal=1)


def p_3a6(unit: DataUnit) -> Proposal | None:
    """Y when every finished cycle of the Pengukuran Kinerja SOP took no longer than the SOP's standard
    (the sum of its steps' Mutu Baku Waktu), in working time; T when one took longer; no proposal without
    a finished cycle."""
    cycles = [c for c in unit.sop_cycles if "pengukuran" in c.sop.casefold()]
    if not cycles:
        return None
    parts = [f"{c.periode}: {_days(c.minutes, c.day_minutes)} hari kerja dari standar "
             f"{_days(c.standard, c.day_minutes)} hari kerja ({'tepat waktu' if c.minutes <= c.standard else 'terlambat'})"
             for c in cycles]  # fmt: skip
    late = [c.periode for c in cycles if c.minutes > c.standard]
    reason = f"Siklus SOP {cycles[0].sop} sampai laporan disampaikan, " + "; ".join(parts) + "."
    return Proposal("3.a.6", "T" if late else "Y", reason, (), "sheet Log Langkah")


def p_1b6(unit: DataUnit) -> Proposal | None:
    if unit.lalu is None:
        return None
    before = {(i.kode.casefold(), " ".join(i.nama.casefold().split())) for i in unit.lalu if i.jenis is Jenis.IKU}
    kept = sum(1 for i in unit.iku if (i.kode.casefold(), " ".join(i.nama.casefold().split())) in before)
    p = _ae(unit, "1.b.6", kept, len(unit.iku), f"IKU {unit.tahun} sama kode dan namanya dengan IKU {unit.tahun - 1}")
    return p and Proposal(p.criterion, p.answer, p.reason, p.evidence, f"{unit.source}; {unit.source_lalu}")


def p_1b8(unit: DataUnit) -> Proposal | None:
    iki = [i for i in unit.indicators if i.jenis is Jenis.IKI]
    codes = {i.kode.casefold() for i in unit.indicators}
    linked = sum(1 for i in iki if i.induk and i.induk.casefold() in codes)
    return _ae(unit, "1.b.8", linked, len(iki), "IKI menginduk pada IKU/IKI yang ada (kolom Induk)")


def _measured(unit: DataUnit, indicators: Sequence[Indicator]) -> list[Status]:
    return [measure(i, unit.periode, unit.settings).status for i in indicators]


def p_1c3(unit: DataUnit) -> Proposal | None:
    statuses = _measured(unit, unit.iku)
    known = [s for s in statuses if s in (Status.TERCAPAI, Status.TIDAK_TERCAPAI)]
    met = sum(1 for s in known if s is Status.TERCAPAI)
    return _ae(unit, "1.c.3", met, len(known), f"IKU mencapai target {unit.periode.label}")


def p_1c4(unit: DataUnit) -> Proposal | None:
    n = unit.periode.last_tw
    both = sum(1 for i in unit.indicators if all(_tw_targeted(i, k) for k in range(4)) and _collected(i, n))
    return _ae(unit, "1.c.4", both, len(unit.indicators),
               f"indikator bertarget triwulan dan realisasinya terpantau setiap triwulan {unit.periode.label}")


def p_berkala(cid: str) -> Callable[[DataUnit], Proposal]:
    def rule(unit: DataUnit) -> Proposal:
        full, total, missing = _realisasi_berkala(unit)
        tw, _, untargeted = _tw_targets(unit)
        holds = bool(total) and full == total and (cid != "2.b.4" or tw == total)
        gaps = [f"realisasi belum terisi: {_named(missing)}"] if missing else []
        if cid == "2.b.4" and untargeted:
            gaps.append(f"tanpa target triwulan: {_named(untargeted)}")
        return _yt(unit, cid, holds,
                   f"Realisasi {full} dari {total} indikator dikumpulkan setiap triwulan bertarget {unit.periode.label}"
                   + (f"; {tw} indikator bertarget keempat triwulan." if cid == "2.b.4" else " lewat formulir dan rekap Kinerja."),
                   f"Realisasi {full} dari {total} indikator terisi setiap triwulan bertarget {unit.periode.label}; "
                   + "; ".join(gaps) + ".")  # fmt: skip
    return rule


def p_2b5(unit: DataUnit) -> Proposal | None:
    iki = [i for i in unit.indicators if i.jenis is Jenis.IKI]
    officials = {i.penanggung_jawab for i in iki if i.penanggung_jawab}
    measured = {i.penanggung_jawab for i in iki if i.penanggung_jawab and any(r is not None for r in i.realisasi_tw)}
    if not unit.iku:
        return None
    return _ae(unit, "2.b.5", len(measured), len(officials) or 1,
               "pejabat yang IKI-nya diukur di bawah IKU unit (pengukuran berjenjang)")


def p_ti(cid: str) -> Callable[[DataUnit], Proposal]:
    def rule(unit: DataUnit) -> Proposal:
        filled = sum(1 for i in unit.indicators if any(r is not None for r in i.realisasi_tw))
        return _yt(unit, cid, filled > 0,
                   f"Pengumpulan data dan pengukuran memakai aplikasi Kinerja (workbook dan formulir): {filled} dari "
                   f"{len(unit.indicators)} indikator berrealisasi.",
                   "Belum ada realisasi yang dikumpulkan atau diukur dengan aplikasi Kinerja.")  # fmt: skip
    return rule


def p_2c6(unit: DataUnit) -> Proposal | None:
    share = share_carried_out(unit.rencana_aksi)
    if share is None:
        return None
    known = [r for r in unit.rencana_aksi if r.dilaksanakan is not None]
    done = sum(1 for r in known if r.dilaksanakan)
    letter = answer_for_share(share) or "E"
    return Proposal("2.c.6", letter,
                    f"{done} dari {len(known)} Rencana Aksi indikator yang tidak mencapai target dilaksanakan pada "
                    f"periode berikutnya ({_pct(share)}). Jawaban {letter} menurut porsi yang terpenuhi.",
                    (), "sheet Rencana Aksi")  # fmt: skip


def p_efisiensi(cid: str) -> Callable[[DataUnit], Proposal | None]:
    def rule(unit: DataUnit) -> Proposal | None:
        both = sum(1 for i in unit.iku if i.pagu is not None and i.realisasi_anggaran is not None)
        return _ae(unit, cid, both, len(unit.iku), "IKU dengan pagu dan realisasi anggaran (efisiensi dapat dihitung)")
    return rule


def p_3b3(unit: DataUnit) -> Proposal | None:
    filled = sum(1 for i in unit.iku if _targeted(i))
    return _ae(unit, "3.b.3", filled, len(unit.iku), "IKU disajikan terhadap target tahunan", evidence=True)


def p_3b4(unit: DataUnit) -> Proposal | None:
    filled = sum(1 for i in unit.iku if i.target_akhir_renstra is not None)
    return _ae(unit, "3.b.4", filled, len(unit.iku), "IKU dengan Target Akhir Renstra (kemajuan jangka menengah)")


def p_3b5(unit: DataUnit) -> Proposal | None:
    before = {i.kode.casefold() for i in unit.lalu or () if any(r is not None for r in i.realisasi_tw)}
    filled = sum(1 for i in unit.iku if i.realisasi_lalu is not None or i.kode.casefold() in before)
    return _ae(unit, "3.b.5", filled, len(unit.iku), f"IKU dengan realisasi tahun {unit.tahun - 1} pembanding")


def p_register(cid: str) -> Callable[[DataUnit], Proposal | None]:
    def rule(unit: DataUnit) -> Proposal | None:
        return propose_from_register(unit.register, cid, "sheet Rekomendasi") if unit.register else None
    return rule


RULES: dict[str, Callable[[DataUnit], Proposal | None]] = {
    "1.a.1": p_1a1,
    "1.a.4": p_1a4,
    "1.a.5": p_1a5,
    "1.b.1": p_formal("1.b.1", "Perjanjian Kinerja dan laporannya"),
    "1.b.6": p_1b6,
    "1.b.8": p_1b8,
    "1.c.3": p_1c3,
    "1.c.4": p_1c4,
    "2.a.1": p_2a1,
    "2.a.3": p_berkala("2.a.3"),
    "2.b.4": p_berkala("2.b.4"),
    "2.b.5": p_2b5,
    "2.b.6": p_ti("2.b.6"),
    "2.b.7": p_ti("2.b.7"),
    "2.c.6": p_2c6,
    "2.c.8": p_efisiensi("2.c.8"),
    "3.a.1": p_formal("3.a.1", "Laporan Pengukuran Kinerja"),
    "3.a.2": p_3a2,
    "3.a.3": p_formal("3.a.3", "Laporan Pengukuran Kinerja"),
    "3.a.6": p_3a6,
    "3.b.3": p_3b3,
    "3.b.4": p_3b4,
    "3.b.5": p_3b5,
    "3.b.8": p_efisiensi("3.b.8"),
    "4.c.1": p_register("4.c.1"),
    "4.c.2": p_register("4.c.2"),
}
"""Criterion id → its rule (the 26 criteria of ``PREFILL``)."""


def propose(unit: DataUnit) -> dict[str, Proposal]:
    """Every proposal Kinerja can make for ``unit``, by criterion id (rules without an answer left out)."""
    out: dict[str, Proposal] = {}
    for cid, rule in RULES.items():
        proposal = rule(unit)
        if proposal is not None:
            out[cid] = proposal
    return out


HINTS: dict[str, str] = {
    "1.a": "Bukti: RPJPD/RPJMD, Renstra, Renja/RKT, Perjanjian Kinerja, Rencana Aksi, DPA yang ditetapkan.",
    "1.b": "Bukti: dokumen perencanaan yang ditandatangani, bukti publikasi (laman/aplikasi), pohon kinerja, "
           "reviu indikator SMART, cascading sampai pegawai.",
    "1.c": "Bukti: keterkaitan anggaran dan kegiatan dengan kinerja (DPA, RKA), revisi dokumen perencanaan dan notulen "
           "pembahasannya, kesepakatan kinerja setiap unit dan pegawai.",
    "2.a": "Bukti: pedoman/SOP pengukuran, manual IKU (definisi operasional dan cara ukur), mekanisme pengumpulan data.",
    "2.b": "Bukti: notulen/disposisi pimpinan atas hasil pengukuran, sumber data kinerja, laporan pemantauan berjenjang.",
    "2.c": "Bukti: keputusan tunjangan kinerja, mutasi/promosi, perubahan organisasi, strategi, kebijakan, kegiatan dan "
           "anggaran yang merujuk hasil pengukuran kinerja.",
    "3.a": "Bukti: LKjIP/laporan kinerja yang ditandatangani, bukti reviu APIP, bukti publikasi dan tanda terima penyampaian.",
    "3.b": "Bukti: LKjIP sesuai PermenPANRB 53/2014 dengan perbandingan realisasi, analisis keberhasilan/kegagalan, "
           "efisiensi dan rekomendasi perbaikan.",
    "3.c": "Bukti: notulen rapat pimpinan yang membahas laporan kinerja, perubahan kegiatan, anggaran dan perencanaan "
           "yang merujuk laporan.",
    "4.a": "Bukti: pedoman evaluasi internal, surat tugas dan laporan hasil evaluasi internal setiap unit.",
    "4.b": "Bukti: LHE internal sesuai standar, daftar tim evaluator dan kompetensinya, kertas kerja, aplikasi evaluasi.",
    "4.c": "Bukti: register rekomendasi dan tindak lanjutnya (sheet Rekomendasi), bukti perbaikan implementasi SAKIP.",
}
"""By sub-component: the evidence that would support its criteria (shown where Kinerja has no proposal)."""


def hint_for(criterion_id: str, facts: str = "") -> str:
    """What would support criterion ``criterion_id``: "Tidak dapat dinilai dari data Kinerja." and
    its sub-component's evidence, or, for a criterion Kinerja pre-fills but could not here, the fact
    it checks (``facts``)."""
    sub = criterion_id.rsplit(".", 1)[0]
    if facts:
        return f"Kinerja belum dapat mengusulkan jawaban: {facts} {HINTS.get(sub, '')}".strip()
    return f"{NO_JUDGEMENT} {HINTS.get(sub, '')}".strip()


NO_JUDGEMENT = "Tidak dapat dinilai dari data Kinerja; dijawab oleh tim."
"""The opening of the hint of a criterion Kinerja does not pre-fill."""

"""The LKjIP's sentences on capaian, drafted from the data by rules (no external service).

Per sasaran and for the whole unit, in the Indonesian of a Laporan Kinerja (``domain.lkjip.wording``
writes the values, lists and counts). Rules:
- this year (BAB III A.(1)): each indicator's target, realisasi, capaian and predikat; a blank
  realisasi, or a capaian that cannot be computed, is said as such with the reason (no target, or a
  target of 0 on a positive indicator);
- against earlier years (A.(2)): each indicator's capaian this year against its latest earlier year,
  "naik dari 87,50% pada 2023 menjadi 92,10% pada 2024" (capaian compares across polarities: higher
  is better for both), with the realisasi; "tetap" when equal after rounding; with three years or more,
  whether it rose or fell every year, else its highest and lowest year; a lead sentence counts the
  indicators that rose, fell and stayed (the codes named when at most ``NAMED``);
- the count per predikat: the scale's labels from the highest, zero counts left out, "seluruh" when
  all share one, the indicators without a predikat counted apart, then the mean capaian
  (``domain.summary.mean_capaian``, the unit's cap applied);
- furthest from target: the unmet indicators with the lowest capaian first, at most ``FURTHEST``;
- the Renstra progress (A.(3)): ``domain.lkjip.progress.RenstraProgress`` in words, each agregasi
  its own sentence, a negative Jumlah indicator as a ceiling, and each reason progress is missing.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from xlwings_app.domain.indicator import Agregasi, Polaritas
from xlwings_app.domain.lkjip.history import IndicatorHistory, YearRecord
from xlwings_app.domain.lkjip.progress import RenstraProgress
from xlwings_app.domain.lkjip.renstra import RenstraPeriod
from xlwings_app.domain.lkjip.structure import LKJIP
from xlwings_app.domain.lkjip.wording import (
    banyak,
    bilangan,
    daftar,
    indikator,
    kapital,
    ke,
    nilai,
    persen,
    tahun_tahun,
    target_teks,
)
from xlwings_app.domain.measure import Hasil, Status
from xlwings_app.domain.progres import NAIK, TETAP, TURUN, tren
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.summary import mean_capaian

NAMED = 3
"""A group of at most this many indicators is named by its codes."""
FURTHEST = 3
"""How many unmet indicators the "furthest from target" sentence names."""


def _label(h: Hasil) -> str:
    return indikator(h.indicator.kode, h.indicator.nama)


def target_realisasi_kalimat(hasil: Sequence[Hasil], tahun: int) -> str:
    """BAB III A.(1) for one sasaran: one sentence per indicator after a lead giving their number."""
    if not hasil:
        return "Sasaran ini belum mempunyai indikator kinerja."
    sentences = [f"Sasaran ini diukur dengan {banyak(len(hasil))}."]
    for h in hasil:
        i = h.indicator
        target = target_teks(h.target, i.satuan, i.polaritas, i.batas_bawah, i.batas_atas)
        if h.realisasi is None:
            sentences.append(f"{_label(h)} ditargetkan {target}, tetapi realisasi tahun {tahun} belum diisi.")
        elif h.capaian is None:
            why = "targetnya belum diisi" if h.target is None else (
                "targetnya 0 pada indikator berpolaritas positif" if h.target == 0 else "target dan realisasinya")
            sentences.append(f"{_label(h)} terealisasi {nilai(h.realisasi, i.satuan)}, tetapi capaiannya tidak "
                             f"dapat dihitung karena {why}.")  # fmt: skip
        else:
            met = "target tercapai" if h.status is Status.TERCAPAI else "target belum tercapai"
            grade = f", predikat {h.predikat}" if h.predikat else ""
            sentences.append(f"{_label(h)} ditargetkan {target} dan terealisasi {nilai(h.realisasi, i.satuan)}: "
                             f"capaian {persen(h.capaian)}{grade}, {met}.")  # fmt: skip
    return " ".join(sentences)


def perbandingan_indikator(h: IndicatorHistory, tahun: int) -> str:
    """One indicator's capaian this year against its latest earlier year, and its run over the years."""
    label = indikator(h.kode, h.nama)
    now, before = h.record(tahun), h.before(tahun)
    if before is None:
        return f"{label} belum mempunyai data tahun sebelum {tahun} untuk dibandingkan."
    if now is None or now.capaian is None:
        return f"Capaian {label} tahun {tahun} belum dapat dihitung, sehingga belum dapat dibandingkan dengan {before.tahun}."
    if before.capaian is None:
        return f"Capaian {label} tahun {before.tahun} tidak tercatat, sehingga belum dapat dibandingkan dengan {tahun}."
    move = tren(now.capaian, before.capaian)
    realisasi = (f", dengan realisasi dari {nilai(before.realisasi, h.satuan)} menjadi {nilai(now.realisasi, h.satuan)}"
                 if before.realisasi is not None and now.realisasi is not None else "")  # fmt: skip
    if move == TETAP:
        text = f"Capaian {label} tetap {persen(now.capaian)} pada {before.tahun} dan {tahun}{realisasi}."
    else:
        text = (f"Capaian {label} {move} dari {persen(before.capaian)} pada {before.tahun} menjadi "
                f"{persen(now.capaian)} pada {tahun}{realisasi}.")  # fmt: skip
    return text + _run(h.records, tahun)


def _run(records: Sequence[YearRecord], tahun: int) -> str:
    """" Capaiannya naik setiap tahun sejak 2021." or the highest and lowest year, over three years or more."""
    points = [(r.tahun, r.capaian) for r in records if r.tahun <= tahun and r.capaian is not None]
    if len(points) < 3:
        return ""
    values = [v for _, v in points]
    first = points[0][0]
    if all(b > a for a, b in zip(values, values[1:], strict=False)):
        return f" Capaiannya naik setiap tahun sejak {first}."
    if all(b < a for a, b in zip(values, values[1:], strict=False)):
        return f" Capaiannya turun setiap tahun sejak {first}."
    high = max(points, key=lambda p: p[1])
    low = min(points, key=lambda p: p[1])
    if high[1] == low[1]:
        return ""
    return (f" Selama {first}–{points[-1][0]}, capaian tertinggi {persen(high[1])} pada {high[0]} dan terendah "
            f"{persen(low[1])} pada {low[0]}.")  # fmt: skip


def perbandingan_tahunan(histories: Sequence[IndicatorHistory], tahun: int) -> str:
    """BAB III A.(2) for a group of indicators: a lead counting those that rose, fell and stayed
    (with two indicators or more), then one sentence per indicator."""
    moves = [(h, tren(_capaian(h, tahun), _capaian_before(h, tahun))) for h in histories]
    details = " ".join(perbandingan_indikator(h, tahun) for h in histories)
    if len(histories) < 2:
        return details
    groups = [(word, [h.kode for h, m in moves if m == word]) for word in (NAIK, TURUN, TETAP)]
    parts = [f"{word} pada {banyak(len(kodes))}" + (f" ({daftar(kodes)})" if len(kodes) <= NAMED else "")
             for word, kodes in groups if kodes]  # fmt: skip
    if not parts:
        return details
    return f"Dibanding tahun sebelumnya, capaian {daftar(parts)}. {details}"


def _capaian(h: IndicatorHistory, tahun: int) -> Decimal | None:
    record = h.record(tahun)
    return record.capaian if record else None


def _capaian_before(h: IndicatorHistory, tahun: int) -> Decimal | None:
    record = h.before(tahun)
    return record.capaian if record else None


def predikat_kalimat(hasil: Sequence[Hasil], settings: Settings, jenis: str = "indikator kinerja utama") -> str:
    """The count per predikat and the mean capaian of ``hasil`` (module rules)."""
    n = len(hasil)
    if n == 0:
        return f"Belum ada {jenis} yang diukur."
    graded = [h for h in hasil if h.predikat]
    ungraded = [h for h in hasil if not h.predikat]
    mean = mean_capaian(hasil, settings.batas_rata_rata)
    if n == 1:
        h = hasil[0]
        if h.predikat:
            return f"Satu-satunya {jenis}, {_label(h)}, berpredikat {h.predikat} (capaian {persen(h.capaian)})."
        return f"Satu-satunya {jenis}, {_label(h)}, belum dapat diberi predikat karena capaiannya belum dapat dihitung."
    if not graded:
        return f"Dari {bilangan(n)} {jenis}, belum ada yang capaiannya dapat dihitung."
    counts = [(label, sum(1 for h in graded if h.predikat == label)) for label in reversed(settings.skala.labels)]
    counts = [(label, k) for label, k in counts if k]
    if len(counts) == 1 and not ungraded:
        text = f"Seluruh {bilangan(n)} {jenis} berpredikat {counts[0][0]}."
    else:
        parts = [f"{bilangan(k)} " + ("berpredikat " if m == 0 else "") + label for m, (label, k) in enumerate(counts)]
        text = f"Dari {bilangan(n)} {jenis}, {daftar(parts)}."
    if ungraded:
        kodes = [h.indicator.kode for h in ungraded]
        named = f" ({daftar(kodes)})" if len(kodes) <= NAMED else ""
        subject = kapital(banyak(len(kodes)))
        text += f" {subject}{named} belum dapat diberi predikat karena capaiannya belum dapat dihitung."
    if mean is not None:
        share = "" if len(graded) == n else f" dari {banyak(len(graded))} yang dapat dihitung"
        text += f" Rata-rata capaian {persen(mean)}{share}."
    return text


def terjauh(hasil: Sequence[Hasil]) -> list[Hasil]:
    """The unmet indicators furthest from target: lowest capaian first, at most ``FURTHEST``."""
    unmet = [h for h in hasil if h.status is Status.TIDAK_TERCAPAI and h.capaian is not None]
    return sorted(unmet, key=lambda h: h.capaian or Decimal(0))[:FURTHEST]


def terjauh_kalimat(hasil: Sequence[Hasil]) -> str:
    """"Indikator yang paling jauh dari target adalah …, disusul … dan …." (module rules)."""
    unmet = [h for h in hasil if h.status is Status.TIDAK_TERCAPAI and h.capaian is not None]
    far = terjauh(hasil)
    if not far:
        measured = any(h.capaian is not None for h in hasil)
        return "Seluruh indikator yang capaiannya dapat dihitung telah mencapai target." if measured else ""

    def one(h: Hasil) -> str:
        i = h.indicator
        target = target_teks(h.target, i.satuan, i.polaritas, i.batas_bawah, i.batas_atas)
        return f"{_label(h)} (capaian {persen(h.capaian)}; target {target}, realisasi {nilai(h.realisasi, i.satuan)})"

    if len(unmet) == 1:
        return f"Satu-satunya indikator yang belum mencapai target adalah {one(far[0])}."
    text = f"Indikator yang paling jauh dari target adalah {one(far[0])}, disusul {daftar([one(h) for h in far[1:]])}."
    if len(unmet) > len(far):
        text += f" Seluruhnya {banyak(len(unmet))} belum mencapai target."
    return text


def renstra_kalimat(p: RenstraProgress, h: IndicatorHistory, period: RenstraPeriod) -> str:
    """BAB III A.(3) for one indicator: ``p`` in words (module rules)."""
    label, satuan, akhir = indikator(h.kode, h.nama), h.satuan, period.tahun_akhir
    if p.target_akhir is None:
        return f"Target akhir Renstra {label} belum diisi, sehingga kemajuannya belum dapat dihitung."
    if p.agregasi is Agregasi.JUMLAH and p.tahun_kosong and p.nilai is None:
        return (f"Kemajuan {label} terhadap target akhir Renstra belum dapat dihitung: realisasi tahun "
                f"{daftar([str(y) for y in p.tahun_kosong])} belum ada.")  # fmt: skip
    if p.nilai is None:
        return f"{label} belum mempunyai realisasi dalam periode Renstra {period.label}."
    if p.progres is None:
        return (f"Target akhir Renstra {label} bernilai 0, sehingga kemajuan indikator yang dijumlahkan tiap tahun "
                "tidak dapat dihitung.")  # fmt: skip
    years = tahun_tahun(p.tahun_dihitung)
    if p.agregasi is Agregasi.JUMLAH:
        negative = p.polaritas is Polaritas.NEGATIF
        batas = "batas" if negative else "target"
        text = (f"Realisasi {label} {years} berjumlah {nilai(p.nilai, satuan)}, atau {persen(p.progres)} dari "
                f"{batas} akhir Renstra {akhir} sebesar {nilai(p.target_akhir, satuan)}")  # fmt: skip
        sisa = p.sisa or Decimal(0)
        if negative:
            rest = (f"; sisa batas {nilai(sisa, satuan)} (semakin kecil semakin baik)." if sisa > 0
                    else "; seluruh batas telah terpakai." if sisa == 0 else "; batas akhir Renstra telah terlampaui.")
        else:
            rest = (f"; masih kurang {nilai(sisa, satuan)}." if sisa > 0
                    else "; target akhir Renstra telah tercapai." if sisa == 0
                    else "; target akhir Renstra telah terlampaui.")  # fmt: skip
        return text + rest
    target = target_teks(p.target_akhir, satuan, p.polaritas)
    if p.agregasi is Agregasi.AKHIR:
        text = (f"Realisasi {label} pada {years} sebesar {nilai(p.nilai, satuan)} terhadap target akhir Renstra "
                f"{akhir} ({target}): capaian {persen(p.progres)}.")  # fmt: skip
        if p.tahun_kosong:
            text += f" Realisasi {tahun_tahun(p.tahun_kosong)} belum ada, sehingga dipakai realisasi {years}."
    else:
        text = (f"Rata-rata realisasi {label} tahun {years} sebesar {nilai(p.nilai, satuan)} terhadap target akhir "
                f"Renstra {akhir} ({target}): capaian {persen(p.progres)}.")  # fmt: skip
    if p.progres >= 100:
        text += " Target akhir Renstra telah tercapai."
    return text


def sistematika_kalimat() -> str:
    """BAB I's "Sistematika Penyajian": the report's parts in order, from ``structure.LKJIP``."""
    parts = [s.label for s in LKJIP]
    return f"Laporan Kinerja ini disusun menurut sistematika PermenPANRB 53/2014: {daftar(parts)}."


def ikhtisar_kalimat(unit: str, tahun: int, sasaran: Sequence[str], hasil: Sequence[Hasil], settings: Settings,
                     histories: Sequence[IndicatorHistory] = ()) -> str:  # fmt: skip
    """The Ikhtisar's drafted summary: the sasaran and indicators, the count per predikat, the
    furthest from target, and how many rose or fell against the year before."""
    text = (f"Pada tahun {tahun}, {unit or 'unit kerja'} menetapkan {banyak(len(sasaran), 'sasaran strategis')} "
            f"dengan {banyak(len(hasil), 'indikator kinerja utama')} dalam Perjanjian Kinerja.")  # fmt: skip
    more = [predikat_kalimat(hasil, settings), terjauh_kalimat(hasil)]
    if histories:
        moves = [tren(_capaian(h, tahun), _capaian_before(h, tahun)) for h in histories]
        parts = [f"{word} pada {banyak(moves.count(word))}" for word in (NAIK, TURUN, TETAP) if moves.count(word)]
        if parts:
            more.append(f"Dibanding tahun sebelumnya, capaian {daftar(parts)}.")
    return " ".join([text, *(m for m in more if m)])


def simpulan_kalimat(tahun: int, hasil: Sequence[Hasil], settings: Settings) -> str:
    """BAB IV's drafted conclusion: how many indicators met their target, the count per predikat, and
    the unmet ones by kode (their analysis is in BAB III)."""
    if not hasil:
        return f"Belum ada indikator kinerja utama yang diukur pada tahun {tahun}."
    met = sum(1 for h in hasil if h.status is Status.TERCAPAI)
    if met == len(hasil) == 1:
        head = f"Pada tahun {tahun}, satu-satunya indikator kinerja utama mencapai target."
    elif met == len(hasil):
        head = f"Pada tahun {tahun}, seluruh {banyak(met, 'indikator kinerja utama')} mencapai target."
    elif met:
        head = f"Pada tahun {tahun}, {bilangan(met)} dari {banyak(len(hasil), 'indikator kinerja utama')} mencapai target."
    else:
        head = f"Pada tahun {tahun}, belum ada indikator kinerja utama yang mencapai target."
    text = f"{head} {predikat_kalimat(hasil, settings)}"
    unmet = [h.indicator.kode for h in hasil if h.status is Status.TIDAK_TERCAPAI]
    if unmet and met:
        text += (f" Indikator yang belum mencapai target ({daftar(unmet)}) beserta penyebab dan langkah "
                 "perbaikannya diuraikan pada BAB III.")  # fmt: skip
    return text


def renstra_ringkasan_kalimat(period: RenstraPeriod, tahun: int, sasaran: int, indikator_utama: int) -> str:
    """BAB II A: the Renstra period, its sasaran and indicators, and which year of it this is."""
    place = (f"tahun {tahun} adalah tahun {ke(tahun - period.tahun_awal + 1)} dari {banyak(len(period.years), 'tahun')} "
             "periode itu"
             if tahun in period else f"tahun {tahun} di luar periode itu")  # fmt: skip
    return (f"Rencana Strategis periode {period.label} memuat {banyak(sasaran, 'sasaran strategis')} dengan "
            f"{banyak(indikator_utama, 'indikator kinerja utama')}; {place}.")  # fmt: skip


def pk_kalimat(tahun: int, sasaran: int, indikator_utama: int, program: int, pagu: Decimal | None) -> str:
    """BAB II B: what the year's Perjanjian Kinerja holds (the program clause only when programs are recorded)."""
    text = (f"Perjanjian Kinerja tahun {tahun} memuat {banyak(sasaran, 'sasaran strategis')} dengan "
            f"{banyak(indikator_utama, 'indikator kinerja utama')}")  # fmt: skip
    if program:
        money = f" dengan pagu {nilai(pagu, 'Rp')}" if pagu is not None else ""
        text += f", didukung {banyak(program, 'program')}{money}"
    return text + "."

"""The sentences of a document, in the Indonesian a kecamatan writes (pure: values in, text out).

Rules:
- a count is written as a number followed by the noun ("3 indikator"; Indonesian nouns do not
  inflect); a count of one about a single indicator names it ("IKU-05 Jumlah dokumen ...");
  zero is "tidak ada" or the clause is left out;
- the summary counts every indicator in four groups, met, unmet, not filled in, not computable,
  so the groups add up to the total; a group of at most ``NAMED`` indicators lists their codes;
- the predikat scale line starts "Skala predikat:" and gives each band's interval, so a capaian
  of 96,11 "Sangat Tinggi" under "belum mencapai target" reads as it is meant: the predikat grades
  the size of the capaian, the status says whether the target (capaian ≥ 100) was reached;
- an indicator without a target in the period is its own group ("tidak memiliki target pada
  periode ini"), never met and never "belum diisi"; "Seluruh indikator ... telah mencapai target"
  is said only when every indicator reached its target (``tanpa_analisis``);
- the comparison with the previous period counts naik / turun / tetap and names the codes of the
  smaller groups; the indicators furthest from target are the unmet ones with the lowest capaian.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from xlwings_app.domain import formatting as fmt
from xlwings_app.domain.measure import Hasil, Status
from xlwings_app.domain.settings import Scale

NAMED = 3
FURTHEST = 3


def daftar(items: Sequence[str]) -> str:
    """ "a", "a dan b", "a, b, dan c"."""
    items = list(items)
    if len(items) <= 2:
        return " dan ".join(items)
    return ", ".join(items[:-1]) + ", dan " + items[-1]


def _kodes(results: Sequence[Hasil]) -> str:
    return f" ({daftar([h.indicator.kode for h in results])})" if len(results) <= NAMED else ""


_GROUPS = (
    (Status.TERCAPAI, "mencapai target"),
    (Status.TIDAK_TERCAPAI, "belum mencapai target"),
    (Status.BELUM_DIISI, "belum diisi realisasinya"),
    (Status.TIDAK_DAPAT_DIHITUNG, "tidak dapat dihitung capaiannya"),
    (Status.TIDAK_ADA_TARGET, "tidak memiliki target pada periode ini"),
)


def ringkasan(results: Sequence[Hasil], jenis: str, rata_rata: Decimal | None) -> str:
    """ "Dari 8 indikator kinerja, 5 indikator mencapai target, 2 indikator belum ... (IKU-05 dan
    IKU-07), dan 1 indikator belum diisi realisasinya (IKU-04). Rata-rata capaian ..."."""
    n = len(results)
    if n == 0:
        return f"Tidak ada {jenis} pada periode ini."
    counted = [h for h in results if h.capaian is not None]
    if n == 1:
        h = results[0]
        label = dict(_GROUPS)[h.status]
        if h.status is Status.TIDAK_ADA_TARGET:
            return f"Satu {jenis}, {h.indicator.kode} {h.indicator.nama}, {label}: tidak ada yang diukur."
        text = f"Satu {jenis} diukur pada periode ini, {h.indicator.kode} {h.indicator.nama}, yang {label}"
        text += f" (capaian {fmt.persen(h.capaian)}%)." if h.capaian is not None else "."
        return text
    groups = [([h for h in results if h.status is status], label) for status, label in _GROUPS]
    present = [(items, label) for items, label in groups if items]
    if len(present) == 1:
        text = f"Seluruh {n} {jenis} {present[0][1]}."
    else:
        parts = [f"{len(items)} indikator {label}{_kodes(items)}" for items, label in present]
        text = f"Dari {n} {jenis}, {daftar(parts)}."
    if rata_rata is not None:
        share = "" if len(counted) == n else f" dari {len(counted)} indikator yang capaiannya dapat dihitung"
        text += f" Rata-rata capaian {fmt.persen(rata_rata)}%{share}."
    return text


def skala(scale: Scale, sumber: str = "Permendagri 86/2017") -> str:
    """ "Skala predikat: ≥ 91 Sangat Tinggi; 76 – < 91 Tinggi; ...; < 51 Sangat Rendah (...)."."""
    bands = sorted(scale.bands, key=lambda b: b.batas_bawah, reverse=True)
    parts = []
    for n, band in enumerate(bands):
        low = fmt.angka(band.batas_bawah)
        if n == 0:
            parts.append(f"≥ {low} {band.predikat}")
        elif band.batas_bawah == 0:
            parts.append(f"< {fmt.angka(bands[n - 1].batas_bawah)} {band.predikat}")
        else:
            parts.append(f"{low} – < {fmt.angka(bands[n - 1].batas_bawah)} {band.predikat}")
    return (
        f"Skala predikat: {'; '.join(parts)} (capaian dalam %; {sumber}). Predikat menilai besarnya "
        "capaian; target tercapai bila capaian ≥ 100%."
    )


def perbandingan(pairs: Sequence[tuple[Hasil, str]], lalu: str) -> str:
    """ "Dibanding s.d. Triwulan II, capaian naik pada 4 indikator, turun pada 2 indikator
    (IKU-05 dan IKU-07), dan tetap pada 1 indikator." ``pairs``: each result with its trend."""
    groups = [(word, [h for h, t in pairs if t == word]) for word in ("naik", "turun", "tetap")]
    present = [(word, items) for word, items in groups if items]
    if not present:
        return f"Capaian belum dapat dibandingkan dengan periode {lalu}."
    parts = [f"{word} pada {len(items)} indikator{_kodes(items)}" for word, items in present]
    text = f"Dibanding periode {lalu}, capaian {daftar(parts)}."
    missing = len(pairs) - sum(len(items) for _, items in present)
    if missing:
        subject = "Satu indikator" if missing == 1 else f"Sebanyak {missing} indikator"
        text += f" {subject} belum dapat dibandingkan karena capaian salah satu periode tidak ada."
    return text


def terjauh(results: Sequence[Hasil]) -> list[Hasil]:
    """The unmet indicators furthest from target (lowest capaian first), at most ``FURTHEST``."""
    unmet = [h for h in results if h.status is Status.TIDAK_TERCAPAI and h.capaian is not None]
    return sorted(unmet, key=lambda h: h.capaian or 0)[:FURTHEST]


def terjauh_kalimat(results: Sequence[Hasil]) -> str:
    """ "Indikator terjauh dari target: IKU-07 ... (capaian 0,00%), rencana aksi: ...; ..."."""
    far = terjauh(results)
    if not far:
        return ""
    parts = []
    for h in far:
        aksi = " ".join(h.indicator.catatan(h.periode).rencana_aksi.split()).rstrip(".") or "belum diisi"
        parts.append(f"{h.indicator.kode} {h.indicator.nama} (capaian {fmt.persen(h.capaian)}%), rencana aksi: {aksi}")
    head = "Indikator terjauh dari target" if len(far) > 1 else "Indikator yang belum mencapai target"
    return f"{head}: " + "; ".join(parts) + "."


def tanpa_analisis(results: Sequence[Hasil]) -> str:
    """What the analysis section says when no indicator is below target: "Seluruh indikator kinerja
    telah mencapai target pada periode ini." only when every indicator reached it; otherwise that
    none is below target, with the indicators not measured (no target, not filled, not computable)."""
    if results and all(h.status is Status.TERCAPAI for h in results):
        return "Seluruh indikator kinerja telah mencapai target pada periode ini."
    parts = [f"{len(items)} indikator {label}{_kodes(items)}"
             for status, label in _GROUPS[2:] if (items := [h for h in results if h.status is status])]  # fmt: skip
    head = "Tidak ada indikator yang capaiannya di bawah target pada periode ini"
    return f"{head}: {daftar(parts)}." if parts else f"{head}."


def belum_tersedia(reasons: Sequence[tuple[str, str]]) -> str:
    """"Realisasi belum tersedia: IKU-01 (data survei IKM belum tersedia dari BPS)." for the
    indicators whose blank realisasi has a reason written (``kelengkapan.alasan``); "" without."""
    if not reasons:
        return ""
    return "Realisasi belum tersedia: " + "; ".join(f"{kode} ({' '.join(why.split()).rstrip('.')})"
                                                   for kode, why in reasons) + "."

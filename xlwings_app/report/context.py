"""The document's context: every value a template prints, as plain, already formatted text.

Pure: domain results in, dicts/lists/strings out; no docxtpl here. Rules:
- every number is formatted the Indonesian way (``xlwings_app.domain.formatting``): targets and realisasi
  with the decimals they have, capaian/serapan/efisiensi with two ("87,50");
- indicators are grouped by Sasaran Strategis in order of first appearance; groups are numbered
  1, 2, ...; the table's No and Sasaran cells are merged over the group's rows by the template;
- the analysis lists every indicator whose status is "Tidak Tercapai" (capaian below 100), with
  the permasalahan and rencana aksi written for the document's period (``domain.analisis``; an
  earlier period's text is never shown as this period's), one list item per line the user wrote;
  without such an indicator ``pembahasan.tanpa_analisis`` says why (``kalimat.tanpa_analisis``:
  "telah mencapai target" only when every indicator did); a blank one is an
  empty list with ``permasalahan_kosong`` / ``rencana_aksi_kosong`` set ("ya"), which a draft
  highlights (a final document is refused before that: ``domain.kelengkapan``);
- a draft (``Dokumen.kekurangan`` not None) has ``draf`` = "DRAF" and ``kekurangan``, the gaps to
  fill before signing, as text; a final document has ``draf`` = "" and no gaps;
- an indicator with no target in the period prints "Tidak ada target" (never "Belum diisi"); one
  whose blank realisasi has a reason written prints "Data belum tersedia" and the reason (``alasan``);
- the budget table lists only indicators with both pagu and realisasi anggaran (docs/domain.md,
  "Budget efficiency"); efisiensi is printed only where a capaian exists;
- text is passed as typed: the renderer escapes it, and it is never parsed as a template;
- "Kemajuan terhadap Target Akhir Renstra" (``renstra``) lists the indicators whose optional
  column Target Akhir Renstra is filled, with that target and the progress of
  ``domain.progres.progres_renstra``; with the column blank everywhere (or absent) the list is
  empty and the template leaves the section out, so such a document is as before;
- the SOP's timing is not on the signed page (the signing and sending steps happen after it is
  printed): it is the Laporan Kepatuhan Waktu SOP of its own (``report.context_sop``).
  ``lampiran_sop`` stays in the context, always empty, so that a template made when the document
  carried that annex still renders (without it).

``PROVIDED`` is the shape of the context (names and nested keys) a custom template may use; the
renderer adds ``grafik``, the chart image.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from xlwings_app.domain import formatting as fmt
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.kelengkapan import alasan
from xlwings_app.domain.measure import TW_NAMES, Hasil, Status, carried_from, measure_all
from xlwings_app.domain.profil import Pejabat, Profil
from xlwings_app.domain.progres import periode_lalu, progres_renstra, progres_tahunan, tren
from xlwings_app.domain.settings import Settings
from xlwings_app.domain.summary import summarize
from xlwings_app.report import kalimat

JUDUL = "PENGUKURAN KINERJA"

_STATUS_TANPA_PREDIKAT = {
    Status.BELUM_DIISI: "Belum diisi",
    Status.TIDAK_DAPAT_DIHITUNG: "Tidak dapat dihitung",
    Status.TIDAK_ADA_TARGET: "Tidak ada target",
}


@dataclass(frozen=True)
class Dokumen:
    """What the document is about, besides the results: period, code, dates."""

    periode: Periode
    kode_verifikasi: str
    tanggal: dt.date
    dibuat: dt.datetime
    kekurangan: tuple[str, ...] | None = None
    """None: a final document; a tuple (maybe empty): a draft and what it still lacks."""


def pemerintah(kabupaten: str) -> str:
    """"PEMERINTAH KABUPATEN LUMAJANG"; a name already starting with Kabupaten/Kota is kept."""
    name = kabupaten.strip()
    if not name.lower().startswith(("kabupaten", "kota", "kab.")):
        name = f"Kabupaten {name}"
    return f"PEMERINTAH {name.upper()}"


def judul_periode(periode: Periode, tahun: int) -> str:
    """"TRIWULAN I TAHUN 2024", "S.D. TRIWULAN III TAHUN 2024", "TAHUN 2024"."""
    if periode is Periode.TAHUNAN:
        return f"TAHUN {tahun}"
    return f"{periode.label.upper()} TAHUN {tahun}"


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def kop(profil: Profil) -> dict[str, str]:
    kontak = " · ".join(
        f"{label} {value}" for label, value in
        (("Telp.", profil.telepon), ("Email:", profil.email), ("Laman:", profil.laman)) if value
    )
    return {
        "pemerintah": pemerintah(profil.kabupaten),
        "unit": profil.unit.upper(),
        "alamat": profil.alamat,
        "kontak": kontak,
    }


def pejabat(p: Pejabat) -> dict[str, str]:
    """A signature block's lines: jabatan (with Plt./Plh.), nama, pangkat, "NIP 1977...."."""
    return {
        "jabatan": p.jabatan_lengkap,
        "nama": p.nama,
        "pangkat": p.pangkat,
        "nip": f"NIP {fmt.nip(p.nip)}" if p.nip.strip() else "",
    }


def _alasan(h: Hasil) -> str:
    """The reason written for the period's blank realisasi, when the result has none."""
    return alasan(h.indicator, h.periode.last_tw) if h.realisasi is None else ""


def _predikat(h: Hasil) -> str:
    if h.predikat is None and h.status is Status.BELUM_DIISI and _alasan(h):
        return "Data belum tersedia"
    return h.predikat or _STATUS_TANPA_PREDIKAT.get(h.status, fmt.KOSONG)


def _realisasi(h: Hasil) -> str:
    """The period's realisasi; "83,1 (TW II)" when it comes from an earlier triwulan (``carried_from``)."""
    used = carried_from(h.indicator, h.periode) if h.realisasi is not None else ()
    shown = fmt.angka(h.realisasi)
    return f"{shown} ({', '.join(TW_NAMES[i - 1] for i in used)})" if used else shown


def rentang(i: Indicator) -> str:
    """A range target as printed: "80–90" (en dash, Indonesian numbers)."""
    return f"{fmt.angka(i.batas_bawah)}–{fmt.angka(i.batas_atas)}"


def target_tahunan(i: Indicator) -> str:
    return rentang(i) if i.is_range else fmt.angka(i.target_tahunan)


def _tw(i: Indicator, n: int) -> str:
    """Triwulan n as "target / realisasi": "80 / 81,2"; a range target as "80–90 / 92"."""
    target = rentang(i) if i.is_range else fmt.angka(i.target_tw[n])
    return f"{target} / {fmt.angka(i.realisasi_tw[n])}"


def indicator_row(h: Hasil, settings: Settings | None = None, lalu: Hasil | None = None) -> dict[str, str]:
    i = h.indicator
    progres = progres_tahunan(h, settings) if settings is not None else None
    renstra_progres = progres_renstra(h, settings) if settings is not None else None
    capaian_lalu = lalu.capaian if lalu is not None else None
    return {
        "kode": i.kode,
        "nama": i.nama,
        "satuan": i.satuan,
        "target": rentang(i) if i.is_range else fmt.angka(h.target),
        "realisasi": _realisasi(h),
        "capaian": fmt.persen(h.capaian),
        "predikat": _predikat(h),
        "status": h.status.value,
        "penanggung_jawab": i.penanggung_jawab,
        "keterangan": i.keterangan,
        "alasan": _alasan(h),
        "agregasi": i.agregasi.value,
        "target_tahunan": target_tahunan(i),
        "progres": fmt.persen(progres),
        "target_renstra": fmt.angka(i.target_akhir_renstra),
        "progres_renstra": fmt.persen(renstra_progres),
        "capaian_lalu": fmt.persen(capaian_lalu),
        "tren": tren(h.capaian, capaian_lalu),
        **{f"tw{n + 1}": _tw(i, n) for n in range(4)},
    }


def _groups(results: Sequence[Hasil], settings: Settings | None = None) -> list[dict[str, object]]:
    groups: dict[str, list[Hasil]] = {}
    for h in results:
        groups.setdefault(h.indicator.sasaran, []).append(h)
    return [
        {"no": str(n), "nama": name, "indikator": [indicator_row(h, settings) for h in items]}
        for n, (name, items) in enumerate(groups.items(), start=1)
    ]


def previous(results: Sequence[Hasil], settings: Settings) -> tuple[Periode | None, list[Hasil | None]]:
    """The previous period (``domain.progres.periode_lalu``) and each indicator measured in it."""
    if not results:
        return None, []
    lalu = periode_lalu(results[0].periode)
    if lalu is None:
        return None, [None] * len(results)
    return lalu, list(measure_all([h.indicator for h in results], lalu, settings))


def analisis(results: Sequence[Hasil], settings: Settings | None = None) -> list[dict[str, object]]:
    lalu = previous(results, settings)[1] if settings is not None else [None] * len(results)
    rows: list[dict[str, object]] = []
    for h, before in zip(results, lalu, strict=True):
        if h.status is not Status.TIDAK_TERCAPAI:
            continue
        own = h.indicator.catatan(h.periode)  # the analysis written for this period, never another's
        rows.append({
            **indicator_row(h, settings, before),
            "permasalahan": _lines(own.permasalahan),
            "rencana_aksi": _lines(own.rencana_aksi),
            "faktor_pendukung": _lines(own.faktor_pendukung),
            "faktor_penghambat": _lines(own.faktor_penghambat),
            "permasalahan_kosong": "" if _lines(own.permasalahan) else "ya",
            "rencana_aksi_kosong": "" if _lines(own.rencana_aksi) else "ya",
        })
    return rows


def pembahasan(results: Sequence[Hasil], settings: Settings) -> dict[str, str]:
    """The analysis' text: the comparison with the previous period and the furthest from target."""
    lalu, before = previous(results, settings)
    pairs = [(h, tren(h.capaian, b.capaian if b else None)) for h, b in zip(results, before, strict=True)]
    return {
        "periode_lalu": lalu.label if lalu else "",
        "perbandingan": kalimat.perbandingan(pairs, lalu.label) if lalu else "",
        "terjauh": kalimat.terjauh_kalimat(results),
        "tanpa_analisis": kalimat.tanpa_analisis(results),
        "belum_tersedia": kalimat.belum_tersedia([(h.indicator.kode, _alasan(h)) for h in results if _alasan(h)]),
    }


def kemajuan(results: Sequence[Hasil], settings: Settings) -> list[dict[str, str]]:
    """Rows of "Kemajuan terhadap Target Tahunan"; none for the yearly document itself."""
    if not results or results[0].periode is Periode.TAHUNAN:
        return []
    return [indicator_row(h, settings) for h in results]


def renstra(results: Sequence[Hasil], settings: Settings) -> list[dict[str, str]]:
    """Rows of "Kemajuan terhadap Target Akhir Renstra": the indicators with that target; [] without."""
    return [indicator_row(h, settings) for h in results if h.indicator.target_akhir_renstra is not None]


def draf(dokumen: Dokumen) -> dict[str, object]:
    """``draf`` ("DRAF" or "") and ``kekurangan`` (the gaps a draft still has, as text)."""
    return {
        "draf": "" if dokumen.kekurangan is None else "DRAF",
        "kekurangan": list(dokumen.kekurangan or ()),
    }


def _anggaran(results: Sequence[Hasil]) -> list[dict[str, str]]:
    return [
        {
            "kode": h.indicator.kode,
            "nama": h.indicator.nama,
            "pagu": fmt.rupiah(h.indicator.pagu),
            "realisasi": fmt.rupiah(h.indicator.realisasi_anggaran),
            "serapan": fmt.persen(h.serapan),
            "capaian": fmt.persen(h.capaian),
            "efisiensi": fmt.persen(h.efisiensi),
        }
        for h in results if h.serapan is not None
    ]


def ringkasan(results: list[Hasil], settings: Settings, jenis: str = "indikator kinerja") -> dict[str, object]:
    r = summarize("", results, settings)
    return {
        "kalimat": kalimat.ringkasan(results, jenis, r.rata_rata_capaian),
        "jumlah_indikator": str(r.jumlah_indikator),
        "per_predikat": [{"predikat": k, "jumlah": str(v)} for k, v in r.per_predikat.items()],
        "rata_rata_capaian": fmt.persen(r.rata_rata_capaian),
        "tercapai": str(r.tercapai),
        "tidak_tercapai": str(r.tidak_tercapai),
        "belum_diisi": str(r.belum_diisi),
        "tidak_dapat_dihitung": str(r.tidak_dapat_dihitung),
        "tanpa_target": str(r.tanpa_target),
    }


def dokumen_header(profil: Profil, dokumen: Dokumen, judul: str) -> dict[str, str]:
    """The title block every Kinerja document prints: title, period, year, unit, kabupaten."""
    return {
        "judul": judul,
        "periode": judul_periode(dokumen.periode, profil.tahun),
        "periode_label": dokumen.periode.label,
        "periode_tahun": dokumen.periode.dengan_tahun(profil.tahun),
        "tahun": str(profil.tahun),
        "unit": profil.unit,
        "kabupaten": profil.kabupaten,
    }


def build_context(
    profil: Profil,
    settings: Settings,
    results: Sequence[Hasil],
    dokumen: Dokumen,
) -> dict[str, object]:
    """The context of "Dokumen Pengukuran Kinerja" for ``results`` (one period's measurements)."""
    return {
        "kop": kop(profil),
        "dokumen": dokumen_header(profil, dokumen, JUDUL),
        "sasaran": _groups(results, settings),
        "skala": kalimat.skala(settings.skala),
        "ringkasan": ringkasan(list(results), settings),
        "kemajuan": kemajuan(results, settings),
        "renstra": renstra(results, settings),
        "analisis": analisis(results, settings),
        "pembahasan": pembahasan(results, settings),
        "triwulan": [indicator_row(h, settings) for h in results],
        "anggaran": _anggaran(results),
        "penandatangan": pejabat(profil.penandatangan),
        "tempat_tanggal": f"{profil.tempat}, {fmt.tanggal(dokumen.tanggal)}",
        "kode_verifikasi": dokumen.kode_verifikasi,
        "dibuat": fmt.waktu(dokumen.dibuat),
        "lampiran_sop": "",  # the SOP's timing is its own report; kept for templates made before
        **draf(dokumen),
    }


def shape(value: object) -> object:
    """The shape of a context value: dict → {key: shape}, list → [shape of items], else None."""
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        merged: dict[str, object] = {}
        for item in value:
            item_shape = shape(item)
            if isinstance(item_shape, dict):
                merged.update(item_shape)
        return [merged or None]
    return None


def provided() -> dict[str, object]:
    """The shape of the context a template may use, from the example unit (every list filled)."""
    from xlwings_app.samples import contoh

    settings = Settings()
    results = measure_all(contoh.INDICATORS, Periode.TW2, settings)
    dokumen = Dokumen(Periode.TW2, "", dt.date(2024, 1, 1), dt.datetime(2024, 1, 1), ("",))
    names = shape(build_context(contoh.PROFIL, settings, results, dokumen))
    assert isinstance(names, dict)
    return {**names, "grafik": None, "lambang": None}

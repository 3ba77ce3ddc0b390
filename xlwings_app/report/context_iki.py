"""The context of "Dokumen Pengukuran Kinerja Individu": one official's IKI, as formatted text.

Pure, like ``report.context`` (whose row, summary and analysis formats it reuses). Rules:
- an official is a Penanggung Jawab; the document holds the IKI whose Penanggung Jawab is that
  name (spacing and case ignored), in workbook order;
- the IKI are grouped by the IKU they cascade from (column Induk): the group prints the IKU's code
  and name; an IKI whose Induk names no IKU is grouped under the code as written, one without
  Induk under "(tanpa IKU induk)";
- the official's jabatan is the Penanggung Jawab name; name, pangkat and NIP come from the table of
  officials (sheet Pejabat, ``Profil.pejabat``); an official missing there, or without a name or
  NIP, prints dotted lines to fill in by hand;
- "Mengetahui" is the official's direct superior (``domain.organisasi.atasan_langsung``: column
  Atasan of sheet Pejabat, by rule a Kasubag's Sekretaris and everyone else's head of the unit); the
  head of the unit's own document is acknowledged by the head (Profil's penandatangan).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from xlwings_app.domain import formatting as fmt
from xlwings_app.domain.indicator import Indicator
from xlwings_app.domain.measure import Hasil
from xlwings_app.domain.organisasi import atasan_langsung
from xlwings_app.domain.profil import Profil
from xlwings_app.domain.settings import Settings
from xlwings_app.report import kalimat
from xlwings_app.report.context import (
    Dokumen,
    analisis,
    dokumen_header,
    draf,
    indicator_row,
    kemajuan,
    kop,
    pejabat,
    pembahasan,
    renstra,
    ringkasan,
)

JUDUL = "PENGUKURAN KINERJA INDIVIDU"
TITIK_NAMA = "(" + "." * 48 + ")"
TITIK_NIP = "NIP " + "." * 40
TANPA_INDUK = "(tanpa IKU induk)"


def same_official(a: str, b: str) -> bool:
    """Penanggung Jawab names match ignoring case and spacing ("Kasi  pelayanan" = "Kasi Pelayanan")."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def officials(iki: Sequence[Indicator]) -> list[str]:
    """Every Penanggung Jawab of ``iki``, once each, in order of first appearance."""
    names: list[str] = []
    for indicator in iki:
        name = " ".join(indicator.penanggung_jawab.split())
        if name and not any(same_official(name, n) for n in names):
            names.append(name)
    return names


def slug(text: str) -> str:
    """ASCII file-name part: "Kasi Pelayanan Umum" -> "Kasi_Pelayanan_Umum"."""
    return re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_") or "Pejabat"


def _induk(indicator: Indicator, iku: dict[str, Indicator]) -> str:
    code = (indicator.induk or "").strip()
    if not code:
        return TANPA_INDUK
    parent = iku.get(code)
    return f"{parent.kode} {parent.nama}" if parent else code


def _groups(
    results: Sequence[Hasil], iku: dict[str, Indicator], settings: Settings
) -> list[dict[str, object]]:
    groups: dict[str, list[Hasil]] = {}
    for h in results:
        groups.setdefault(_induk(h.indicator, iku), []).append(h)
    return [
        {"no": str(n), "nama": name, "indikator": [indicator_row(h, settings) for h in items]}
        for n, (name, items) in enumerate(groups.items(), start=1)
    ]


def official_block(profil: Profil, official: str) -> dict[str, str]:
    """The official's signature lines from sheet Pejabat; dotted lines where it is blank."""
    known = profil.pejabat_untuk(official)
    if known is None:
        return {"jabatan": official, "nama": TITIK_NAMA, "pangkat": "", "nip": TITIK_NIP}
    block = pejabat(known)
    return {
        **block,
        "jabatan": official,
        "nama": known.nama or TITIK_NAMA,
        "nip": block["nip"] or TITIK_NIP,
    }


def mengetahui(profil: Profil, official: str) -> dict[str, str]:
    """The "Mengetahui" block: the official's direct superior; dotted lines where unnamed."""
    atasan = atasan_langsung(profil, official) or profil.penandatangan
    block = pejabat(atasan)
    return {**block, "nama": atasan.nama or TITIK_NAMA, "nip": block["nip"] or TITIK_NIP}


def build_iki_context(
    profil: Profil,
    settings: Settings,
    official: str,
    results: Sequence[Hasil],
    iku: Sequence[Indicator],
    dokumen: Dokumen,
) -> dict[str, object]:
    """The context for ``official``'s document; ``results`` are that official's IKI measured."""
    return {
        "kop": kop(profil),
        "dokumen": dokumen_header(profil, dokumen, JUDUL),
        "pejabat": official_block(profil, official),
        "iku": _groups(results, {i.kode.strip(): i for i in iku}, settings),
        "skala": kalimat.skala(settings.skala),
        "ringkasan": ringkasan(list(results), settings, "indikator kinerja individu"),
        "kemajuan": kemajuan(results, settings),
        "renstra": renstra(results, settings),
        "analisis": analisis(results, settings),
        "pembahasan": pembahasan(results, settings),
        "triwulan": [indicator_row(h, settings) for h in results],
        "penandatangan": mengetahui(profil, official),
        "tempat_tanggal": f"{profil.tempat}, {fmt.tanggal(dokumen.tanggal)}",
        "kode_verifikasi": dokumen.kode_verifikasi,
        "dibuat": fmt.waktu(dokumen.dibuat),
        **draf(dokumen),
    }


def provided_iki() -> dict[str, object]:
    """The shape of the IKI context a custom template may use (from the built-in example)."""
    import datetime as dt

    from xlwings_app.domain.indicator import Jenis, Periode
    from xlwings_app.domain.measure import measure_all
    from xlwings_app.report.context import shape
    from xlwings_app.samples import contoh, example

    iki = [i for i in example.INDICATORS if i.jenis is Jenis.IKI]
    iku = [i for i in example.INDICATORS if i.jenis is Jenis.IKU]
    results = measure_all(iki, Periode.TW3, example.SETTINGS)
    dokumen = Dokumen(Periode.TW3, "", dt.date(2024, 1, 1), dt.datetime(2024, 1, 1), ("",))
    context = build_iki_context(contoh.PROFIL, example.SETTINGS, "Pejabat", results, iku, dokumen)
    names = shape(context)
    assert isinstance(names, dict)
    return {**names, "grafik": None, "lambang": None}

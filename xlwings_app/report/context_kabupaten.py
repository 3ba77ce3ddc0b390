"""The context of the "Rekapitulasi Pengukuran Kinerja Perangkat Daerah" document, as formatted text.

Pure: the consolidation and its figures in, dicts/lists/strings out. Rules:
- the kop is the kabupaten's government and the compiling office (Bappeda by default), as the
  unit documents print theirs (``report.context.kop``); the signer is the kabupaten's (Kepala
  Bappeda or Sekretaris Daerah, from sheet Isian Kabupaten), with Plt./Plh. when acting;
- the units table lists every unit in ranking order (ranked units first), then the others by name,
  each with its state; figures are blank ("-") for a unit not counted;
- "belum melapor" names every expected unit not received and every unit whose inputs have errors;
  the notes list each unit whose data differs from its seal or from its signed paper;
- numbers the Indonesian way ("87,50"); the document is dated on the tanggal penandatanganan;
- a DRAF until the signer's name, NIP and the date are filled in (``Isian.kekurangan``); the
  moment it was made prints only on a draft's footer, never on a page to be signed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal

from xlwings_app.domain import formatting as fmt
from xlwings_app.domain.expr import round_half_away
from xlwings_app.domain.kabupaten import AgregatUnit, Isian, Keadaan, Konsolidasi, belum_melapor
from xlwings_app.report.context import judul_periode, pejabat, pemerintah

JUDUL = "REKAPITULASI PENGUKURAN KINERJA PERANGKAT DAERAH"


def _order(rekap: Konsolidasi, figures: Mapping[str, AgregatUnit]) -> list[str]:
    ranked = sorted(
        (u.unit for u in rekap.units if (a := figures.get(u.unit)) is not None and a.peringkat is not None),
        key=lambda name: (figures[name].peringkat or 0, name),
    )
    rest = [u.unit for u in rekap.units if u.unit not in ranked]
    return ranked + rest


def rata_rata_kabupaten(figures: Mapping[str, AgregatUnit]) -> Decimal | None:
    """Mean of the counted units' mean capaian (each unit weighs the same), 2 decimals."""
    means = [a.rata_rata for a in figures.values() if a.rata_rata is not None]
    return round_half_away(sum(means, Decimal(0)) / len(means), 2) if means else None


def kabupaten_context(
    rekap: Konsolidasi,
    figures: Mapping[str, AgregatUnit],
    isian: Isian,
    kop: Mapping[str, str],
    tanggal: dt.date,
    dibuat: dt.datetime,
    kekurangan: Sequence[str] = (),
) -> dict[str, object]:
    """Every value the template prints; with ``kekurangan`` (what the signer's block still lacks,
    ``Isian.kekurangan``) the document is a draft: "DRAF" on every page and the gaps under the title."""
    by_name = {u.unit: u for u in rekap.units}
    rows = []
    for n, name in enumerate(_order(rekap, figures), start=1):
        u = by_name[name]
        a = figures.get(name) if u.keadaan.dihitung else None
        rows.append({
            "no": str(n),
            "unit": name,
            "peringkat": str(a.peringkat) if a and a.peringkat else "-",
            "jumlah": str(a.jumlah) if a else "-",
            "rata_rata": fmt.persen(a.rata_rata) if a else "-",
            "tercapai": fmt.persen(a.persen_tercapai) if a else "-",
            "keadaan": u.keadaan.value,
            "kode": (u.kiriman.kode if u.kiriman and u.kiriman.kode else "-"),
        })
    counted = rekap.dihitung
    notes = [
        f"{u.unit}: {u.keadaan.value.lower()} ({'; '.join(u.alasan[:2])})."
        for u in rekap.units if u.keadaan in (Keadaan.BERUBAH, Keadaan.TIDAK_COCOK)
    ]
    tempat = isian.tempat or rekap.kabupaten
    return {
        "kop": {
            "pemerintah": pemerintah(rekap.kabupaten or "-"),
            "unit": kop.get("instansi", "").upper(),
            "alamat": kop.get("alamat", ""),
            "kontak": "",
        },
        "dokumen": {
            "judul": JUDUL,
            "periode": judul_periode(rekap.periode, rekap.tahun),
            "periode_label": rekap.periode.label,
            "periode_tahun": rekap.periode.dengan_tahun(rekap.tahun),
            "tahun": str(rekap.tahun),
        },
        "ringkasan": {
            "jumlah_unit": str(len(rekap.units)),
            "diterima": str(sum(1 for u in rekap.units if u.keadaan is not Keadaan.BELUM_DITERIMA)),
            "dihitung": str(len(counted)),
            "final": str(len(rekap.dengan(Keadaan.FINAL))),
            "rata_rata": fmt.persen(rata_rata_kabupaten(figures)),
            "per_keadaan": [
                {"keadaan": k.value, "jumlah": str(len(rekap.dengan(k)))} for k in Keadaan if rekap.dengan(k)
            ],
        },
        "unit": rows,
        "belum_melapor": belum_melapor(rekap),
        "catatan": notes,
        "tempat_tanggal": f"{tempat}, {fmt.tanggal(tanggal)}",
        "penandatangan": pejabat(isian.penandatangan),
        "dibuat": fmt.waktu(dibuat),
        "draf": "DRAF" if kekurangan else "",
        "kekurangan": [f"Sheet Isian Kabupaten: {gap}" for gap in kekurangan],
    }


def units_in(context: Mapping[str, object]) -> Sequence[str]:
    """The unit names the context's table lists, in order (for tests and messages)."""
    rows = context["unit"]
    assert isinstance(rows, list)
    return [str(r["unit"]) for r in rows]

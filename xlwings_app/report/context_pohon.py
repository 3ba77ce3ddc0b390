"""The contexts of the Tim SAKIP's two measurement papers (seed 002, Pengukuran Kinerja, steps 4–6).

- Kertas Kerja Pengukuran Kinerja (steps 4 and 5): per level of the performance tree, each indicator's
  methodology (the Manual Indikator: definisi operasional, rumus realisasi and capaian, agregasi,
  sumber data, frekuensi, standar nasional/SPM: ``domain.tree.manual.metodologi``), then the
  period's working per indicator (target, realisasi, the formula with its numbers, capaian,
  predikat), and how a level's capaian is made from the level below (``rollup.MetodeRollUp``).
- Rekapitulasi Hasil Pengukuran Kinerja (step 6): the summary per level (``domain.tree.rekap``),
  one table per level (tujuan, sasaran, program, kegiatan, sub kegiatan) with capaian, predikat,
  where it comes from, pagu, serapan and efisiensi, and the whole tree with its capaian, indented.

Both are signed by the Ketua Tim SAKIP (Profil's pengelola) with the Sekretaris's "Mengetahui"
(step 7: the Tim SAKIP reports the rekap to the Sekretaris). Pure: domain values in, text out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from xlwings_app.domain import formatting as fmt
from xlwings_app.domain.indicator import Polaritas
from xlwings_app.domain.measure import Hasil
from xlwings_app.domain.profil import Pejabat, Profil
from xlwings_app.domain.settings import Settings, VarianNegatif
from xlwings_app.domain.tree.codes import Jenjang
from xlwings_app.domain.tree.manual import ManualIndikator, metodologi
from xlwings_app.domain.tree.model import Tree
from xlwings_app.domain.tree.rekap import per_tingkat
from xlwings_app.domain.tree.rollup import CapaianSimpul, MetodeRollUp, Sumber
from xlwings_app.report import kalimat
from xlwings_app.report.context import Dokumen, dokumen_header, draf, kop, pejabat

JUDUL_KERTAS_KERJA = "KERTAS KERJA PENGUKURAN KINERJA"
JUDUL_REKAPITULASI = "REKAPITULASI HASIL PENGUKURAN KINERJA"
ALASAN = {
    MetodeRollUp.RATA_RATA: (
        "Capaian tingkat yang tidak mempunyai indikator sendiri adalah rata-rata capaian tingkat di bawahnya "
        "(evaluasi hasil Renja merata-ratakan capaian program dan kegiatan, Permendagri 86/2017); anggaran "
        "tidak menambah bobot kinerja karena diukur tersendiri dengan efisiensi."
    ),
    MetodeRollUp.BOBOT_PAGU: (
        "Capaian tingkat yang tidak mempunyai indikator sendiri adalah rata-rata capaian tingkat di bawahnya "
        "dibobot pagu: Σ(capaian × pagu) ÷ Σ pagu (pilihan unit di sheet Pohon Kinerja)."
    ),
}  # fmt: skip


DASAR = {
    Sumber.INDIKATOR: "indikator sendiri", Sumber.TURUNAN: "rata-rata tingkat di bawahnya",
    Sumber.TIDAK_ADA: "belum ada indikator terukur",
}  # fmt: skip


def _angka(value: object) -> str:
    return fmt.angka(value) if value is not None else fmt.KOSONG  # type: ignore[arg-type]


def perhitungan(h: Hasil, settings: Settings) -> str:
    """The period's working of one indicator with its numbers: "83,1 ÷ 81,5 × 100 = 101,96"."""
    if h.capaian is None:
        return h.pesan or h.status.value
    t, r, c = fmt.angka(h.target), fmt.angka(h.realisasi), fmt.persen(h.capaian)
    if h.target == 0:
        return f"target 0, realisasi {r}: {c} (target 0: 100 hanya bila realisasi 0)"
    if h.indicator.is_range:
        return f"rentang {fmt.angka(h.indicator.batas_bawah)}–{fmt.angka(h.indicator.batas_atas)}, realisasi {r}: {c}"
    if h.indicator.polaritas is Polaritas.POSITIF:
        return f"{r} ÷ {t} × 100 = {c}"
    if settings.varian_negatif is VarianNegatif.RASIO:
        return f"{t} ÷ {r} × 100 = {c}"
    return f"(2 × {t} − {r}) ÷ {t} × 100 = {c}"


def _simpul(result: CapaianSimpul) -> str:
    node = result.node
    return f"{node.kode} {node.nama}"


def _levels(tree: Tree) -> list[Jenjang]:
    return [j for j in Jenjang if tree.of_level(j)]


def kertas_kerja_context(
    profil: Profil, settings: Settings, tree: Tree, results: Mapping[str, CapaianSimpul],
    manuals: Mapping[str, ManualIndikator], metode: MetodeRollUp, dokumen: Dokumen, sekretaris: Pejabat,
) -> dict[str, object]:  # fmt: skip
    """The Kertas Kerja Pengukuran Kinerja (module docstring)."""
    tingkat = []
    no = 0
    for jenjang in _levels(tree):
        rows, kerja = [], []
        for node in tree.of_level(jenjang):
            result = results.get(node.key)
            if result is None:
                continue
            for h in result.hasil:
                no += 1
                m = metodologi(h.indicator, manuals.get(h.indicator.kode.casefold()), settings)
                rows.append({
                    "no": str(no), "simpul": _simpul(result), "kode": h.indicator.kode, "indikator": h.indicator.nama,
                    "satuan": h.indicator.satuan, "definisi": m.definisi_operasional or "BELUM ADA",
                    "rumus": f"{m.rumus_realisasi}. {m.rumus_capaian}.", "agregasi": m.agregasi,
                    "sumber": m.sumber_data or "BELUM ADA", "frekuensi": m.frekuensi or fmt.KOSONG,
                    "standar": m.standar or fmt.KOSONG, "jenis": jenjang.jenis_indikator.value,
                    "penanggung_jawab": h.indicator.penanggung_jawab or fmt.KOSONG,
                })  # fmt: skip
                kerja.append({
                    "no": str(no), "kode": h.indicator.kode, "indikator": h.indicator.nama,
                    "target": _angka(h.target), "realisasi": _angka(h.realisasi),
                    "perhitungan": perhitungan(h, settings), "capaian": fmt.persen(h.capaian),
                    "predikat": h.predikat or h.status.value,
                })  # fmt: skip
        tanpa = [_simpul(results[n.key]) for n in tree.of_level(jenjang) if n.key in results and not results[n.key].hasil]
        tingkat.append({
            "nama": jenjang.value, "jenis": jenjang.jenis_indikator.value, "metodologi": rows, "kerja": kerja,
            "tanpa_indikator": ", ".join(tanpa),
        })  # fmt: skip
    return {
        "kop": kop(profil),
        "dokumen": dokumen_header(profil, dokumen, JUDUL_KERTAS_KERJA),
        "tingkat": tingkat,
        "gabungan": {"metode": metode.value, "alasan": ALASAN[metode]},
        "skala": kalimat.skala(settings.skala),
        **_tanda_tangan(profil, dokumen, sekretaris),
        **draf(dokumen),
    }


def _tanda_tangan(profil: Profil, dokumen: Dokumen, sekretaris: Pejabat) -> dict[str, object]:
    tim = profil.pengelola
    ketua = Pejabat(f"Ketua Tim SAKIP ({tim.jabatan})" if tim.jabatan else "Ketua Tim SAKIP", tim.nama or
                    "....................................", tim.pangkat, tim.nip)  # fmt: skip
    return {
        "penandatangan": pejabat(ketua),
        "mengetahui": pejabat(sekretaris),
        "tempat_tanggal": f"{profil.tempat}, {fmt.tanggal(dokumen.tanggal)}",
        "kode_verifikasi": dokumen.kode_verifikasi,
        "dibuat": fmt.waktu(dokumen.dibuat),
    }


def _row(no: int, result: CapaianSimpul) -> dict[str, str]:
    node = result.node
    return {
        "no": str(no), "kode": node.kode, "nama": node.nama, "capaian": fmt.persen(result.capaian),
        "predikat": result.predikat or "Belum ada capaian", "dasar": DASAR[result.sumber],
        "sendiri": fmt.persen(result.capaian_sendiri), "turunan": fmt.persen(result.capaian_turunan),
        "indikator": str(len(result.hasil)), "pagu": fmt.rupiah(result.pagu) if result.pagu is not None else fmt.KOSONG,
        "realisasi": fmt.rupiah(result.realisasi_anggaran) if result.realisasi_anggaran is not None else fmt.KOSONG,
        "serapan": fmt.persen(result.serapan), "efisiensi": fmt.persen(result.efisiensi),
        "penanggung_jawab": node.penanggung_jawab,
        "keterangan": DASAR[result.sumber] + (f"; pagu {fmt.rupiah(result.pagu)}" if result.pagu is not None else ""),
    }  # fmt: skip


def rekapitulasi_context(
    profil: Profil, tree: Tree, results: Mapping[str, CapaianSimpul], metode: MetodeRollUp, dokumen: Dokumen,
    sekretaris: Pejabat,
) -> dict[str, object]:  # fmt: skip
    """The Rekapitulasi Hasil Pengukuran Kinerja (module docstring)."""
    ringkasan = [
        {"tingkat": r.jenjang.value, "jumlah": str(r.jumlah), "terukur": str(r.dihitung),
         "rata_rata": fmt.persen(r.rata_rata), "pagu": fmt.rupiah(r.pagu) if r.pagu is not None else fmt.KOSONG,
         "serapan": fmt.persen(r.serapan)}
        for r in per_tingkat(results)
    ]  # fmt: skip
    tingkat = []
    for n, jenjang in enumerate(_levels(tree), start=1):
        rows = [_row(i, results[node.key]) for i, node in enumerate(tree.of_level(jenjang), start=1) if node.key in results]
        tingkat.append({"nomor": str(n), "nama": jenjang.value, "anggaran": jenjang.has_budget, "simpul": rows})
    pohon = [
        {"indent": "    " * depth, "tingkat": node.jenjang.value, "kode": node.kode, "nama": node.nama,
         "capaian": fmt.persen(results[node.key].capaian), "predikat": results[node.key].predikat or fmt.KOSONG}
        for node, depth in tree.walk() if node.key in results
    ]  # fmt: skip
    return {
        "kop": kop(profil),
        "dokumen": dokumen_header(profil, dokumen, JUDUL_REKAPITULASI),
        "ringkasan": ringkasan,
        "tingkat": tingkat,
        "pohon": pohon,
        "gabungan": {"metode": metode.value, "alasan": ALASAN[metode]},
        **_tanda_tangan(profil, dokumen, sekretaris),
        **draf(dokumen),
    }


def chart_bars(tree: Tree, results: Mapping[str, CapaianSimpul]) -> Sequence[tuple[str, object]]:
    """The chart's bars: each sasaran and program with its capaian (label "S1", "7.01.02")."""
    return [(n.kode, results[n.key].capaian) for j in (Jenjang.SASARAN, Jenjang.PROGRAM) for n in tree.of_level(j)
            if n.key in results]  # fmt: skip

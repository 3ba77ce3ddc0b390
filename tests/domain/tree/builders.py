"""A small kecamatan tree written as literal rows, as sheet "Pohon Kinerja" will hold it.

Columns of the sheet the rules' messages name: A Kode, B Induk, C Nama, D Pagu, E Realisasi Anggaran;
the IKU/IKI rows name their node in column X ("Simpul Pohon Kinerja").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from tests.domain.builders import Num, d, indicator
from xlwings_app.domain.indicator import Indicator, Jenis
from xlwings_app.domain.tree.codes import Jenjang
from xlwings_app.domain.tree.model import Node, Tree, TreeIndicator

SHEET = "Pohon Kinerja"
LETTERS = {"kode": "A", "induk": "B", "nama": "C", "pagu": "D", "realisasi_anggaran": "E", "simpul": "X"}

T, S, P, K, SK = Jenjang.TUJUAN, Jenjang.SASARAN, Jenjang.PROGRAM, Jenjang.KEGIATAN, Jenjang.SUB_KEGIATAN


NAMES = {
    "7.01.02": "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
    "7.01.02.2.01": "Koordinasi Penyelenggaraan Kegiatan Pemerintahan di Tingkat Kecamatan",
    "7.01.02.2.01.0001": "Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan dengan Perangkat "
    "Daerah dan Instansi Vertikal Terkait",
    "7.01.02.2.01.0002": "Peningkatan Efektifitas Kegiatan Pemerintahan di Tingkat Kecamatan",
    "7.01.02.2.02": "Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja Perangkat Daerah "
    "yang Ada di Kecamatan",
    "7.01.02.2.02.0003": "Peningkatan Efektifitas Pelaksanaan Pelayanan kepada Masyarakat di Wilayah Kecamatan",
    "7.01.03": "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN",
    "7.01.03.2.01": "Koordinasi Kegiatan Pemberdayaan Desa",
    "7.01.03.2.01.0001": "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa",
    "7.01.06": "PROGRAM PEMBINAAN DAN PENGAWASAN PEMERINTAHAN DESA",
}
"""The nomenclature's names of the codes used here (workbook/nomenklatur/7.01.csv)."""


def node(
    jenjang: Jenjang, kode: str, baris: int, induk: str | None = None, nama: str | None = None,
    pagu: Num = None, realisasi: Num = None,
) -> Node:  # fmt: skip
    nama = nama if nama is not None else NAMES.get(kode, f"{jenjang.value} {kode}")
    return Node(jenjang, kode, nama, induk, "", d(pagu),
                d(realisasi), SHEET, baris)  # fmt: skip


def kecamatan_nodes() -> list[Node]:
    """Two tujuan-sasaran branches, three programs, kegiatan and sub kegiatan with pagu (rows 5..)."""
    return [
        node(T, "T1", 5, nama="Meningkatnya kualitas penyelenggaraan pemerintahan kecamatan"),
        node(S, "S1", 6, "T1", "Meningkatnya kualitas pelayanan publik"),
        node(P, "7.01.02", 7, "S1"),
        node(K, "7.01.02.2.01", 8, "7.01.02"),
        node(SK, "7.01.02.2.01.0001", 9, "7.01.02.2.01", pagu=100_000_000, realisasi=80_000_000),
        node(SK, "7.01.02.2.01.0002", 10, "7.01.02.2.01", pagu=300_000_000, realisasi=150_000_000),
        node(K, "7.01.02.2.02", 11, "7.01.02"),
        node(SK, "7.01.02.2.02.0003", 12, "7.01.02.2.02", pagu=50_000_000, realisasi=50_000_000),
        node(S, "S2", 13, "T1", "Meningkatnya partisipasi masyarakat desa"),
        node(P, "7.01.03", 14, "S2"),
        node(K, "7.01.03.2.01", 15, "7.01.03"),
        node(SK, "7.01.03.2.01.0001", 16, "7.01.03.2.01", pagu=40_000_000, realisasi=30_000_000),
        node(P, "7.01.06", 17, "S2"),
    ]


def iku(kode: str, baris: int, satuan: str = "%", **values: object) -> Indicator:
    """An IKU on row ``baris`` of sheet IKU (``tests.domain.builders.indicator``'s values)."""
    return replace(indicator(kode=kode, jenis=Jenis.IKU, **values), satuan=satuan, sheet="IKU", baris=baris)  # type: ignore[arg-type]


def iki(kode: str, baris: int, satuan: str = "%", **values: object) -> Indicator:
    """An IKI on row ``baris`` of sheet IKI."""
    return replace(indicator(kode=kode, jenis=Jenis.IKI, **values), satuan=satuan, sheet="IKI", baris=baris)  # type: ignore[arg-type]


def tree(nodes: Iterable[Node], hung: Iterable[tuple[Indicator, str]] = ()) -> Tree:
    return Tree(tuple(nodes), tuple(TreeIndicator(i, n) for i, n in hung))


def cells(t: Tree) -> Mapping[tuple[str, int, str], str]:
    """Every node's and indicator's cells, as a reader records them."""
    found = {}
    for n in t.nodes:
        for key, letter in LETTERS.items():
            found[(n.sheet, n.baris or 0, key)] = f"{letter}{n.baris}"
    for h in t.indicators:
        i = h.indicator
        found[(i.sheet, i.baris or 0, "simpul")] = f"X{i.baris}"
        found[(i.sheet, i.baris or 0, "kode")] = f"A{i.baris}"
    return found

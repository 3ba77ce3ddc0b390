"""P300: a performance tree of 300 sub kegiatan, and its flat twin (issue 28).

The tree workbook: 2 tujuan, 4 sasaran, 6 programs, 60 kegiatan and 300 sub kegiatan of the kecamatan
nomenclature's shape, each sub kegiatan with its pagu and realisasi anggaran and one IKI (300 IKI,
hung by the Manual Indikator's Simpul), 20 IKU on the sasaran, a manual for every indicator. The flat
twin holds the same 320 indicators without sheets Pohon Kinerja and Manual Indikator. ``kinerja
hitung`` on the tree (every level measured, the Rekap's tree block) must stay within 1,5× the flat
one (``bench.run``, measured in turns).
"""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

from bench.scenarios import SETTINGS
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.xlsx.safe_write import BACKUP_DIR
from xlwings_app.domain.indicator import Jenis
from xlwings_app.domain.tree.codes import Jenjang
from xlwings_app.domain.tree.manual import Frekuensi, ManualIndikator
from xlwings_app.domain.tree.model import Node
from xlwings_app.samples.synthetic import SYNTHETIC_PROFIL, random_indicators
from xlwings_app.services.master import using
from xlwings_app.sheets.changes import PutPohon
from xlwings_app.sheets.pohon import manual_values, pohon_values

VERSION = "1"
RATIO = 1.5
"""``hitung`` on the tree at most this multiple of the flat twin."""


def nodes() -> list[Node]:
    """The 372 nodes: 2 tujuan, 4 sasaran, 6 programs, 60 kegiatan, 300 sub kegiatan."""
    found = [Node(Jenjang.TUJUAN, f"T{t}", f"Tujuan {t}") for t in (1, 2)]
    found += [Node(Jenjang.SASARAN, f"S{s}", f"Sasaran {s}", f"T{(s + 1) // 2}") for s in range(1, 5)]
    for p in range(1, 7):
        program = f"7.01.{p:02d}"
        found.append(Node(Jenjang.PROGRAM, program, f"Program {p}", f"S{(p - 1) % 4 + 1}"))
        for k in range(1, 11):
            kegiatan = f"{program}.2.{k:02d}"
            found.append(Node(Jenjang.KEGIATAN, kegiatan, f"Kegiatan {p}.{k}"))
            for s in range(1, 6):
                pagu = Decimal(10_000_000 * (s + k))
                found.append(Node(Jenjang.SUB_KEGIATAN, f"{kegiatan}.{s:04d}", f"Sub kegiatan {p}.{k}.{s}", None, "",
                                  pagu, pagu * Decimal("0.7")))  # fmt: skip
    return found


def build(tree: Path, flat: Path) -> None:
    """Both workbooks (module docstring)."""
    indicators = random_indicators(20, 300, seed=28)
    for path in (tree, flat):
        path.parent.mkdir(parents=True, exist_ok=True)
        build_workbook(SYNTHETIC_PROFIL, indicators, SETTINGS, spare_rows=2).save(path)
    subs = [n.kode for n in nodes() if n.jenjang is Jenjang.SUB_KEGIATAN]
    iki = [i for i in indicators if i.jenis is Jenis.IKI]
    simpul = {i.kode: f"S{n % 4 + 1}" for n, i in enumerate(i for i in indicators if i.jenis is Jenis.IKU)}
    simpul |= {i.kode: subs[n] for n, i in enumerate(iki)}
    manuals = [ManualIndikator(i.kode, f"Definisi {i.nama}", sumber_data="Laporan seksi", frekuensi=Frekuensi.TRIWULANAN)
               for i in indicators]  # fmt: skip
    with using(tree) as master:
        master.stage(PutPohon(pohon_values(nodes(), "Kecamatan Bench"), manual_values(manuals, simpul)))
        master.commit()
    for path in (tree, flat):
        shutil.rmtree(path.parent / BACKUP_DIR, ignore_errors=True)


def ensure(root: Path, log=print) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    """P300 and its flat twin under ``root`` (own marker: the other scenarios are not rebuilt)."""
    tree, flat = root / "P300" / "pohon.xlsx", root / "P300" / "datar.xlsx"
    done = root / "P300" / f".selesai-{VERSION}"
    if not done.exists():
        log("membuat skenario P300 ...")
        build(tree, flat)
        done.write_text(VERSION)
    return tree, flat

"""The performance tree (pohon kinerja): Tujuan → Sasaran → Program → Kegiatan → Sub Kegiatan.

Seed 002's Pengukuran Kinerja measures "tiap-tiap tujuan/sasaran/program/kegiatan"; the Renstra
(Permendagri 86/2017) cascades a unit's tujuan and sasaran to the programs, kegiatan and sub kegiatan
of the national nomenclature (Permendagri 90/2019, Kepmendagri 050-5889/2021 and its updates). One
module per concept:

- ``domain.tree.codes``: the levels and the shape of a nomenclature code;
- ``domain.tree.model``: nodes, the indicators hung on them, the tree and its budget sums;
- ``domain.tree.nomenklatur``: the national list of codes shipped as data (workbook/nomenklatur);
- ``domain.tree.rules``: the tree's problems (bad code, wrong parent, skipped level, orphan indicator);
- ``domain.tree.migration``: an existing two-level workbook (IKU → IKI) read as a tree;
- ``domain.tree.dpa``: a SIPD/DPA export's program/kegiatan/sub kegiatan table with pagu;
- ``domain.tree.manual``: the Manual Indikator (definisi operasional, rumus, sumber data) and SMART gaps;
- ``domain.tree.rollup``: capaian at every level, its roll-up, and efisiensi per node.
"""

"""The yearly Laporan Kinerja Instansi Pemerintah (LKjIP, PermenPANRB 53/2014) and the unit's history
across the years of its Renstra, as pure rules (docs/lkjip.md). One module per concept:

- ``domain.lkjip.renstra``: the Renstra period;
- ``domain.lkjip.renames``: indicators renamed from one year to the next, and the renames that conflict;
- ``domain.lkjip.history``: each indicator's earlier years (target, realisasi, capaian, predikat);
- ``domain.lkjip.progress``: cumulative progress toward the Renstra's end target, per agregasi;
- ``domain.lkjip.seals``: an earlier year checked against its seal before it joins the history;
- ``domain.lkjip.structure``: the LKjIP's sections as data, each piece drafted from data or written;
- ``domain.lkjip.wording``: how the sentences write values, counts and lists;
- ``domain.lkjip.narrative``: the sentences on capaian (this year, earlier years, predikat, Renstra);
- ``domain.lkjip.analysis``: the faktor, permasalahan and rencana aksi recorded per period;
- ``domain.lkjip.standar``: realisasi against a national standard;
- ``domain.lkjip.budget``: realisasi anggaran per program and efisiensi;
- ``domain.lkjip.tables``: the tables' rows and the charts' series;
- ``domain.lkjip.written``: what a person writes, its placeholder and the final gate;
- ``domain.lkjip.draft``: the whole LKjIP drafted from its input.
"""

"""The yearly Laporan Kinerja Instansi Pemerintah (LKjIP, PermenPANRB 53/2014) and the unit's history
across the years of its Renstra, as pure rules. One module per concept:

- ``domain.lkjip.renstra``: the Renstra period;
- ``domain.lkjip.renames``: indicators renamed from one year to the next, and the renames that conflict;
- ``domain.lkjip.history``: each indicator's earlier years (target, realisasi, capaian, predikat);
- ``domain.lkjip.progress``: cumulative progress toward the Renstra's end target, per agregasi;
- ``domain.lkjip.seals``: an earlier year checked against its seal before it joins the history.
"""

"""The AKIP self-evaluation (evaluasi AKIP mandiri) of PermenPANRB 88/2021, as pure rules.

The Lembar Kerja Evaluasi (LKE) as data (``model``, read by ``criteria`` from the TOML beside it),
its scoring (``scoring``) and predikat (``predikat``), the kerangka logis checks
(``kerangka_logis``), proposed answers and a person's override (``proposal``), the criteria Kinerja
can pre-fill and the fact each needs (``prefill``), the register of recommendations and their
follow-up (``recommendations``), and the Rencana Aksi of unmet indicators followed to the next
period (``rencana_aksi``). docs/evaluasi-akip.md names the source of every weight, scale and band.
"""

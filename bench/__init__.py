"""``make bench``: generated scenarios, whole-process measurements, budgets (issue 8).

``scenarios`` writes S, L, XL and F into ``build/bench/`` (reproducible, cached); ``measure`` runs
a command as a whole process and records wall time and peak memory; ``run`` is the table and
``bench/results.json``. Linux only (peak memory comes from ``os.wait4``).
"""

"""Which period a rekap is for, when the user did not say: the period the forms carry.

Every form (file or lembar sheet) records the period it was distributed for in its metadata. A
rekap without ``--periode`` takes that period when every form agrees, with a notice saying so;
forms of different periods are one error listing which form has which. Without forms the
master's Periode aktif applies (``services.formulir.chosen_periode``).
"""

from __future__ import annotations

from collections.abc import Sequence

from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.problems import Problem
from xlwings_app.forms.filled import FilledForm


def periode_of_forms(forms: Sequence[FilledForm]) -> tuple[Periode | None, list[Problem]]:
    """The one period of ``forms`` and a notice, or ``None`` and the problem (see module docstring)."""
    found: dict[Periode, list[str]] = {}
    for form in forms:
        try:
            periode = Periode.parse(form.meta.get("periode"))
        except ValueError:
            continue  # the form's own check names a damaged period
        found.setdefault(periode, []).append(f"{form.file} ({form.sheet})" if form.sheet else form.file)
    if not found:
        return None, []
    if len(found) > 1:
        listed = "; ".join(f"{p.value}: {', '.join(names)}" for p, names in found.items())
        return None, [Problem(
            f"Formulir yang diberikan berasal dari periode berbeda ({listed}). Rekap satu periode sekaligus, "
            "atau sebutkan periodenya dengan --periode.",
        )]  # fmt: skip
    [(periode, names)] = found.items()
    return periode, [Problem(
        f"Periode rekap {periode.value} diambil dari {len(names)} formulir (tanpa --periode).", tingkat="catatan"
    )]  # fmt: skip

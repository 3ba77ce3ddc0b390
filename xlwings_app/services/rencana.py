"""The planner's actions: check the plan (``kinerja periksa``) and the Rencana Kinerja document."""

from __future__ import annotations

from xlwings_app.domain.planning import check_plan, plan_row
from xlwings_app.domain.problems import Problem
from xlwings_app.services.workbook import WorkbookData


def plan_problems(data: WorkbookData) -> list[Problem]:
    """The planner's checks (``domain.planning``) on every IKU and IKI row of ``data``."""
    return [p.in_file(data.path.name) for p in check_plan([plan_row(r) for r in data.rows])]

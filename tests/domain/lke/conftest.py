"""The LKE of PermenPANRB 88/2021 as a fixture for the LKE tests."""

from __future__ import annotations

import pytest

from xlwings_app.domain.lke.criteria import permenpanrb_88_2021
from xlwings_app.domain.lke.model import Lke


@pytest.fixture
def lke() -> Lke:
    return permenpanrb_88_2021()

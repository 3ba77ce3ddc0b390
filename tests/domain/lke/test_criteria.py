"""The LKE of PermenPANRB 88/2021 as data: its shape, weights, scales, explanations and the loader's checks."""

from __future__ import annotations

import copy
import tomllib
from decimal import Decimal
from importlib import resources
from typing import Any

import pytest

from xlwings_app.domain.lke import criteria as criteria_module
from xlwings_app.domain.lke.criteria import DATA_FILE, LkeDataError, parse_lke
from xlwings_app.domain.lke.model import Kind, Lke, RuleKind, Scale


def document() -> dict[str, Any]:
    text = resources.files(criteria_module.__package__).joinpath(DATA_FILE).read_text(encoding="utf-8")
    return tomllib.loads(text)


def test_four_components_with_the_regulations_weights(lke: Lke) -> None:
    assert [(c.id, c.nama, c.weight) for c in lke.components] == [
        ("1", "Perencanaan Kinerja", 30),
        ("2", "Pengukuran Kinerja", 30),
        ("3", "Pelaporan Kinerja", 15),
        ("4", "Evaluasi Akuntabilitas Kinerja Internal", 25),
    ]


def test_sub_components_take_20_30_50_percent_of_their_component(lke: Lke) -> None:
    weights = {s.id: s.weight for s in lke.subs()}
    assert weights == {
        "1.a": 6, "1.b": 9, "1.c": 15, "2.a": 6, "2.b": 9, "2.c": 15,
        "3.a": 3, "3.b": Decimal("4.5"), "3.c": Decimal("7.5"),
        "4.a": 5, "4.b": Decimal("7.5"), "4.c": Decimal("12.5"),
    }  # fmt: skip
    assert [s.kind for s in lke.subs()] == [Kind.PEMENUHAN, Kind.KUALITAS, Kind.IMPLEMENTASI] * 4
    assert sum(weights.values()) == 100


def test_eighty_criteria_numbered_within_their_sub_component(lke: Lke) -> None:
    assert [len(s.criteria) for s in lke.subs()] == [6, 11, 8, 3, 7, 10, 6, 9, 7, 3, 5, 5]
    for sub in lke.subs():
        assert [c.id for c in sub.criteria] == [f"{sub.id}.{n}" for n in range(1, len(sub.criteria) + 1)]
    assert lke.criterion("4.c.1").teks == (
        "Seluruh rekomendasi atas hasil evaluasi akuntabilitas kinerja internal telah ditindaklanjuti."
    )
    assert lke.criterion("1.a.1").teks == "Terdapat pedoman teknis perencanaan kinerja."


def test_pemenuhan_is_answered_y_t_and_the_rest_a_e_but_five_sourced_exceptions(lke: Lke) -> None:
    yt_outside_pemenuhan = {
        c.id for s in lke.subs() if s.kind is not Kind.PEMENUHAN for c in s.criteria if c.scale is Scale.YT
    }
    assert yt_outside_pemenuhan == {"1.b.1", "1.b.2", "2.b.4", "2.b.6", "2.b.7"}
    assert all(c.scale is Scale.YT for s in lke.subs() if s.kind is Kind.PEMENUHAN for c in s.criteria)


def test_answer_values_are_the_regulations(lke: Lke) -> None:
    assert [(level.letter, level.value) for level in lke.criterion("1.a.1").levels] == [("Y", 1), ("T", 0)]
    assert [(level.letter, level.value) for level in lke.criterion("1.b.3").levels] == [
        ("A", 1), ("B", Decimal("0.75")), ("C", Decimal("0.5")), ("D", Decimal("0.25")), ("E", 0),
    ]  # fmt: skip


def test_every_level_is_explained_and_every_explanation_names_its_source(lke: Lke) -> None:
    for criterion in lke.criteria():
        assert [level.letter for level in criterion.levels] == list(criterion.scale.letters)
        assert all(level.penjelasan.strip() for level in criterion.levels)
        assert criterion.sumber_penjelasan == "umum" or criterion.sumber_penjelasan.startswith("wp-eval-sakip")
    specific = lke.criterion("4.c.1")
    assert specific.sumber_penjelasan == "wp-eval-sakip"
    assert specific.levels[0].penjelasan == "Lebih dari 90% rekomendasi hasil evaluasi telah ditindaklanjuti."
    general = lke.criterion("1.a.1")
    assert general.sumber_penjelasan == "umum"
    assert general.levels[0].penjelasan.startswith("Ya: kriteria terpenuhi")


def test_the_wording_of_other_transcriptions_is_kept_beside_the_text(lke: Lke) -> None:
    assert "analisis dan evaluasi" in lke.criterion("3.b.3").catatan
    assert "perbandingan" in lke.criterion("3.b.3").teks


def test_kerangka_logis_rules_are_loaded_one_per_criterion_and_basis(lke: Lke) -> None:
    kinds = {(r.criterion, r.kind, r.basis) for r in lke.rules}
    assert len(kinds) == len(lke.rules)
    assert ("1.a.5", RuleKind.NILAI, "1.a.4") in kinds
    assert ("1.c.2", RuleKind.RATA_RATA, "1.b") in kinds
    assert all(r.sumber.startswith("wp-eval-sakip") for r in lke.rules)


def test_the_document_parses_to_the_packaged_lke(lke: Lke) -> None:
    assert parse_lke(document(), source="x.toml") == lke


def _broken(change: str) -> dict[str, Any]:
    data = copy.deepcopy(document())
    first = data["komponen"][0]
    if change == "weights":
        first["bobot"] = "31"
    elif change == "order":
        first["sub"][0]["jenis"], first["sub"][1]["jenis"] = "kualitas", "pemenuhan"
    elif change == "two subs":
        first["sub"].pop()
    elif change == "scale":
        first["sub"][0]["kriteria"][0]["skala"] = "1-5"
    elif change == "numbering":
        first["sub"][0]["kriteria"][1]["id"] = "1.a.7"
    elif change == "explanation letters":
        first["sub"][0]["kriteria"][4]["penjelasan"] = {"A": "x", "B": "y"}
    elif change == "rule basis":
        data["kerangka_logis"][0]["dasar"] = "9.z.9"
    elif change == "rule on itself":
        data["kerangka_logis"][0]["dasar"] = data["kerangka_logis"][0]["kriteria"][0]
    elif change == "rule kind":
        data["kerangka_logis"][0]["jenis"] = "lebih"
    return data


@pytest.mark.parametrize(
    "change",
    ["weights", "order", "two subs", "scale", "numbering", "explanation letters", "rule basis",
     "rule on itself", "rule kind"],
)  # fmt: skip
def test_a_malformed_document_is_refused_naming_the_file(change: str) -> None:
    with pytest.raises(LkeDataError, match="x.toml"):
        parse_lke(_broken(change), source="x.toml")

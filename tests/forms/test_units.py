"""The pure parts: form columns per period, metadata round trip and checksum, import rule."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import xlwings_app.forms
from xlwings_app.domain.indicator import Periode
from xlwings_app.forms.meta import HEADER_KEYS, FormMeta, context_of, from_rows, sealed, to_rows
from xlwings_app.forms.spec import PeriodeError, form_columns, input_keys, row_formulas
from xlwings_app.samples import example

FORMS = Path(xlwings_app.forms.__file__).parent


def test_a_tw2_form_shows_tw1_as_context_and_takes_tw2() -> None:
    roles = {c.key: c.role for c in form_columns(Periode.TW2)}
    assert roles["r1"] == "konteks" and roles["r2"] == "realisasi" and "r3" not in roles
    assert input_keys(Periode.TW2) == ("r2", "permasalahan_tw2", "rencana_aksi_tw2", "faktor_pendukung_tw2",
                                       "faktor_penghambat_tw2", "alasan_tw2", "keterangan")
    assert roles["permasalahan_tw1"] == roles["rencana_aksi_tw1"] == "konteks"  # TW I's text: read-only
    tw1 = {c.key: c.role for c in form_columns(Periode.TW1)}
    assert tw1["permasalahan_tw1"] == "isian" and "permasalahan_tw4" not in tw1  # no earlier triwulan to show
    assert [k for k, r in roles.items() if r == "hitung"] == ["target_periode", "realisasi_periode", "capaian", "predikat"]


def test_tahunan_has_no_form() -> None:
    with pytest.raises(PeriodeError, match="TAHUNAN"):
        form_columns(Periode.TAHUNAN)


def test_formulas_use_the_rows_cells_and_the_settings_as_constants() -> None:
    cells = {c.key: f"{chr(65 + i)}7" for i, c in enumerate(form_columns(Periode.TW1))}
    formulas = row_formulas(Periode.TW1, example.SETTINGS, cells)
    assert formulas["predikat"].startswith(f'=IF({cells["capaian"]}="","",LOOKUP(MAX({cells["capaian"]},0),{{0,51,66,76,91}}')
    assert '"(2T-R)/T"="T/R"' in formulas["capaian"] and "CHOOSE" not in formulas["target_periode"]


def _meta() -> FormMeta:
    rows = [i for i in example.INDICATORS if i.penanggung_jawab == example.KASI_PEL]
    context = {i.kode: context_of(i, Periode.TW2) for i in rows}
    fields = {key: "" for key in HEADER_KEYS} | {"unit": "Kecamatan Lumajang", "periode": "TW2"}
    return sealed(FormMeta("TW2-abc", "Isian", fields, context))


def test_metadata_round_trips_and_the_checksum_sees_any_change() -> None:
    meta = _meta()
    back = from_rows(to_rows(meta))
    assert back == [meta]
    assert meta.context["IKU-02"]["r1"] == "92.5" and meta.context["IKU-02"]["t2"] == "95"
    changed = FormMeta(meta.form_id, meta.sheet, meta.fields,
                       {**meta.context, "IKU-02": {**meta.context["IKU-02"], "t2": "96"}}, meta.checksum)
    assert sealed(changed).checksum != meta.checksum


def test_the_pure_modules_do_no_io() -> None:
    forbidden = {"openpyxl", "typer", "rich", "xlwings"}
    for path in FORMS.glob("*.py"):
        if path.name == "scenario.py":  # the test/benchmark generator writes files on purpose
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert {m.split(".")[0] for m in names} & forbidden == set(), path.name
        assert not any(m.startswith(("xlwings_app.adapters", "xlwings_app.services")) for m in names), path.name

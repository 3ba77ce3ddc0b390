"""The ribbon XML against Microsoft's customUI schema of Office 2010+ (tests/addin/data/README.md)."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
import xmlschema
from defusedxml import ElementTree as SafeET

from tests.addin.conftest import MACROS
from xlwings_app.addin.xlam import CUSTOM_UI_PART

SCHEMA_FILE = Path(__file__).parent / "data" / "customui14.xsd"
SHA256 = "c912e38f6938d79af9d1dc83a05077510f7bb407da386a52e7cfcb13e8afdfd5"
NS = "{http://schemas.microsoft.com/office/2009/07/customui}"


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    assert hashlib.sha256(SCHEMA_FILE.read_bytes()).hexdigest() == SHA256
    return xmlschema.XMLSchema(str(SCHEMA_FILE))


def test_the_ribbon_source_is_valid(schema: xmlschema.XMLSchema) -> None:
    schema.validate(str(MACROS / "customUI.xml"))


def test_the_part_inside_the_built_addin_is_valid(schema: xmlschema.XMLSchema, built_xlam: Path) -> None:
    with zipfile.ZipFile(built_xlam) as archive:
        part = archive.read(CUSTOM_UI_PART)
    schema.validate(SafeET.fromstring(part))


def _mutated(change: str) -> ElementTree.Element:
    root = SafeET.parse(MACROS / "customUI.xml").getroot()
    buttons = list(root.iter(f"{NS}button"))
    if change == "size":
        buttons[0].set("size", "huge")
    elif change == "duplicate id":
        buttons[1].set("id", buttons[0].get("id", ""))
    elif change == "long tag":
        buttons[0].set("tag", "x" * 1025)
    elif change == "unknown attribute":
        buttons[0].set("onClick", "OnAction")
    return root


@pytest.mark.parametrize("change", ["size", "duplicate id", "long tag", "unknown attribute"])
def test_the_schema_refuses_what_office_would_refuse(schema: xmlschema.XMLSchema, change: str) -> None:
    """So that the validation above can fail: Office shows no tab for an invalid part."""
    assert not schema.is_valid(_mutated(change))

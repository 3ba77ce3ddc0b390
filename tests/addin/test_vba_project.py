"""vbaProject.bin: the dir stream, the compound file writer and the project we build."""

from __future__ import annotations

import random
import struct
import zipfile

import pytest
from oletools.olevba import VBA_Parser

from tests.addin.conftest import MACROS, bas_sources
from xlwings_app.addin import vba_dir
from xlwings_app.addin.cfb_writer import CompoundFileError, read_streams, write_compound_file
from xlwings_app.addin.ovba_compression import compress, decompress
from xlwings_app.addin.vba_project import _compress_clear_of_cutoff, read_vba_project
from xlwings_app.addin.xlam import build_vba_project, macro_modules, template_path

TEMPLATE_MODULES = {"ThisWorkbook", "Sheet2", "Dictionary", "xlwings"}


@pytest.fixture(scope="module")
def template_bin() -> bytes:
    with zipfile.ZipFile(template_path()) as archive:
        return archive.read("xl/vbaProject.bin")


@pytest.fixture(scope="module")
def built_bin(template_bin: bytes) -> bytes:
    return build_vba_project(template_bin, macro_modules(MACROS))


def test_template_dir_stream_round_trips_byte_for_byte(template_bin: bytes) -> None:
    data = decompress(read_streams(template_bin)["VBA/dir"])
    records = vba_dir.parse_records(data)
    assert b"".join(record.to_bytes() for record in records) == data


def test_built_project_holds_exactly_our_sources_as_olevba_reads_them(built_bin: bytes) -> None:
    parser = VBA_Parser("vbaProject.bin", data=built_bin)
    found = {name.rsplit(".", 1)[0]: code for _, _, name, code in parser.extract_macros()}
    ours = bas_sources()
    assert set(found) == TEMPLATE_MODULES | set(ours)
    for name, source in ours.items():
        assert found[name] == source.replace("\r\n", "\n") or found[name] == source, name
    assert "RibbonMyAddin" not in found


def test_our_sources_are_stored_exactly(built_bin: bytes) -> None:
    project = read_vba_project(built_bin)
    for name, source in bas_sources().items():
        assert project.module(name).source == source


def test_built_project_is_source_only_named_kinerja(built_bin: bytes, template_bin: bytes) -> None:
    streams = read_streams(built_bin)
    records = vba_dir.parse_records(decompress(streams["VBA/dir"]))
    assert [r.data for r in records if r.id == vba_dir.PROJECTNAME] == [b"Kinerja"]
    offsets = [struct.unpack("<I", r.data)[0] for r in records if r.id == vba_dir.MODULEOFFSET]
    assert offsets and set(offsets) == {0}
    assert streams["VBA/_VBA_PROJECT"] == read_streams(template_bin)["VBA/_VBA_PROJECT"]
    assert len(streams["VBA/_VBA_PROJECT"]) == 7
    project_text = streams["PROJECT"].decode("cp1252")
    assert 'Name="Kinerja"' in project_text
    assert "Module=KinerjaRibbon" in project_text and "Module=KinerjaUDF" in project_text
    assert "RibbonMyAddin" not in project_text
    assert b"K\x00i\x00n\x00e\x00r\x00j\x00a\x00R" in streams["PROJECTwm"]


def test_xlwings_module_differs_from_the_template_in_exactly_two_lines(built_bin: bytes, template_bin: bytes) -> None:
    """PROJECT_NAME (the config sheet kinerja.conf), and the UDF server's command line without the
    active and the add-in's workbook paths: the xlwings DLL keys its Python processes by that line,
    so with the active workbook in it every workbook clicked started a Python of its own (fault 7)."""
    built = read_vba_project(built_bin).module("xlwings").source.replace("\r\n", "\n").split("\n")
    original = read_vba_project(template_bin).module("xlwings").source.replace("\r\n", "\n").split("\n")
    assert len(built) == len(original)
    changed = [(old.strip(), new.strip()) for old, new in zip(original, built, strict=True) if old != new]
    assert changed == [
        ('Public Const PROJECT_NAME As String = "myaddin"', 'Public Const PROJECT_NAME As String = "kinerja"'),
        ('PYTHONPATH = AddExcelDir & ";" & ActiveWorkbook.FullName & ";" & ThisWorkbook.FullName & ";" & '
         'GetConfig("ONEDRIVE_CONSUMER_WIN") & ";" & GetConfig("ONEDRIVE_COMMERCIAL_WIN") & ";" & '
         'GetConfig("SHAREPOINT_WIN") & ";" & GetConfig("PYTHONPATH")',
         'PYTHONPATH = AddExcelDir & ";" & ";" & ";" & GetConfig("ONEDRIVE_CONSUMER_WIN") & ";" & '
         'GetConfig("ONEDRIVE_COMMERCIAL_WIN") & ";" & GetConfig("SHAREPOINT_WIN") & ";" & GetConfig("PYTHONPATH")'),
    ]  # fmt: skip
    command = "\n".join(built)
    command = command[command.index("Function XLPyCommand()") : command.index("End Function", command.index("Function XLPyCommand()"))]
    assert "ActiveWorkbook" not in command and "ThisWorkbook" not in command
    assert 'Lib "xlwings64-0.37.8.dll"' in "\n".join(built)  # the DLL of the pinned xlwings


def test_the_server_command_line_is_the_same_whichever_workbook_is_active() -> None:
    """What ``XLPyCommand`` puts before the PYTHONPATH setting is read by xlwings'
    ``prepare_sys_path``: with the first field not "true" (Kinerja's ADD_WORKBOOK_TO_PYTHONPATH is
    False), the two emptied fields were never used; only the PYTHONPATH setting reaches sys.path."""
    import sys

    from xlwings.utils import prepare_sys_path

    before = list(sys.path)
    try:
        prepare_sys_path("False;;;;;;/kinerja/site-packages")
        assert sys.path[0] == "/kinerja/site-packages" and sys.path[1:] == before
    finally:
        sys.path[:] = before


def test_template_modules_other_than_ribbon_are_kept_unchanged(built_bin: bytes, template_bin: bytes) -> None:
    built, original = read_vba_project(built_bin), read_vba_project(template_bin)
    for name in ("ThisWorkbook", "Sheet2", "Dictionary"):
        assert built.module(name) == original.module(name)


def _streams(sizes: tuple[int, ...]) -> dict[str, bytes]:
    rng = random.Random(sum(sizes))
    streams = {"PROJECT": b"ID=x\r\n"}
    for index, size in enumerate(sizes):
        streams[f"VBA/s{index}"] = rng.randbytes(size)
    return streams


@pytest.mark.parametrize(
    "sizes", [(1,), (64, 4095, 4097), (5000, 100), (20000, 3000), (4095,) * 9, (200,) * 70]
)
def test_compound_file_reads_back_with_olefile(sizes: tuple[int, ...]) -> None:
    streams = _streams(sizes)
    assert read_streams(write_compound_file(streams)) == streams


@pytest.mark.parametrize("sizes", [(0, 1), (4096,), (70000,), (4095,) * 20, (100, 20000)])
def test_compound_file_fails_loudly_where_ms_cfb_would_corrupt(sizes: tuple[int, ...]) -> None:
    with pytest.raises(CompoundFileError):
        write_compound_file(_streams(sizes))


def test_built_project_is_well_inside_the_writer_limit(built_bin: bytes) -> None:
    assert len(built_bin) <= 48 * 1024  # ms-cfb 0.0.6 corrupts files past 64 KB (one FAT sector)


VBA_WORDS = [
    "Dim ",
    "x",
    "y",
    " As ",
    "String",
    "Long",
    "\r\n",
    "    ",
    "If ",
    " Then",
    "End If",
    "=",
    "(",
    ")",
    "Call ",
    "RunPython ",
    '"',
    "a1",
    "b2",
    "zz",
]


def test_a_module_compressing_to_4096_bytes_is_written_at_another_length() -> None:
    rng = random.Random(0)
    data = "".join(rng.choice(VBA_WORDS) for _ in range(6000)).encode()[:10752]
    assert len(compress(data)) == 4096  # found by search; the case this guards against
    packed = _compress_clear_of_cutoff(data)
    assert len(packed) != 4096
    assert decompress(packed) == data

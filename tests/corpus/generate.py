"""The bad-input corpus, built by code: every hostile or damaged file starts from a good one.

Nothing here is a binary fixture. Each builder takes a good workbook (the example master or one of
its forms) or nothing, and writes one bad variant into a temporary folder: damaged containers (not a
zip, truncated, zip bomb, OpenDocument, old .xls, encrypted), hostile XML (external entities, entity
expansion), and edits at the XML level that openpyxl cannot make itself (a formula with a cached
value, an error cell, thousands of formatted empty rows, a shared-strings part).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

from openpyxl import load_workbook

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
VBA_TYPE = "application/vnd.ms-office.vbaProject"
XLSM_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


# --- zip-level helpers -------------------------------------------------------------------------


def rewrite_zip(src: Path, dst: Path, change: Mapping[str, bytes | Callable[[bytes], bytes]]) -> Path:
    """Copy the zip ``src`` to ``dst``, replacing members (bytes, or a function of the old bytes);
    names not in ``src`` are added."""
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            replacement = change.get(info.filename)
            if callable(replacement):
                data = replacement(data)
            elif replacement is not None:
                data = replacement
            new.writestr(info.filename, data)
        for name, data in change.items():
            if name not in old.namelist():
                assert isinstance(data, bytes), name
                new.writestr(name, data)
    return dst


def sheet_part(path: Path, title: str) -> str:
    """The zip member holding the sheet named ``title``."""
    with zipfile.ZipFile(path) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(rf'<sheet [^>]*name="{re.escape(title)}"[^>]*r:id="([^"]+)"', workbook)
    assert rid, f"sheet {title} not in {path.name}"
    target = re.search(rf'<Relationship [^>]*Id="{rid.group(1)}"[^>]*Target="([^"]+)"', rels) or re.search(
        rf'<Relationship [^>]*Target="([^"]+)"[^>]*Id="{rid.group(1)}"', rels
    )
    assert target
    name = target.group(1).lstrip("/")
    return name if name.startswith("xl/") else "xl/" + name


def set_cell_xml(xml: bytes, ref: str, inner: str, cell_type: str | None = None) -> bytes:
    """Replace the content of cell ``ref`` (which must exist) in a sheet's XML, keeping its style."""
    text = xml.decode("utf-8")
    pattern = re.compile(rf'<c r="{ref}"((?: [a-z]+="[^"]*")*)\s*(?:/>|>.*?</c>)', re.DOTALL)
    found = pattern.search(text)
    assert found, f"cell {ref} not in the sheet XML"
    attrs = re.sub(r' t="[^"]*"', "", found.group(1))
    type_attr = f' t="{cell_type}"' if cell_type else ""
    return (text[: found.start()] + f'<c r="{ref}"{attrs}{type_attr}>{inner}</c>' + text[found.end():]).encode()


def patch_cells(src: Path, dst: Path, sheet: str, cells: Mapping[str, tuple[str, str | None]]) -> Path:
    """``cells`` maps an address to (inner XML, t attribute); e.g. a formula with a cached value."""
    part = sheet_part(src, sheet)

    def change(xml: bytes) -> bytes:
        for ref, (inner, kind) in cells.items():
            xml = set_cell_xml(xml, ref, inner, kind)
        return xml

    return rewrite_zip(src, dst, {part: change})


def with_shared_strings(src: Path, dst: Path, sheet: str, ref: str, sst: bytes) -> Path:
    """Make cell ``ref`` read string 0 of a shared-strings part ``sst`` (added to the package)."""
    part = sheet_part(src, sheet)

    def types(xml: bytes) -> bytes:
        override = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{SST_TYPE}"/>'
        return xml.replace(b"</Types>", override.encode() + b"</Types>")

    return rewrite_zip(
        src,
        dst,
        {
            part: lambda xml: set_cell_xml(xml, ref, "<v>0</v>", "s"),
            "[Content_Types].xml": types,
            "xl/sharedStrings.xml": sst,
        },
    )


# --- damaged containers -----------------------------------------------------------------------


def not_a_zip(dst: Path) -> Path:
    dst.write_text("Nama,Target\nIKU-01,90\n", encoding="utf-8")  # a CSV saved as .xlsx
    return dst


def empty(dst: Path) -> Path:
    dst.write_bytes(b"")
    return dst


def truncated(good: Path, dst: Path) -> Path:
    """A real workbook cut off halfway (an interrupted download or copy)."""
    data = good.read_bytes()
    dst.write_bytes(data[: len(data) // 2])
    return dst


def zip_bomb(dst: Path, megabytes: int, level: int = 9) -> Path:
    """A valid .xlsx whose one sheet decompresses to ``megabytes`` MB of rows (about 300:1 at level 9)."""
    row = b'<row><c t="inlineStr"><is><t>bom</t></is></c></row>'
    chunk = row * (1024 * 1024 // len(row))
    head = f'<?xml version="1.0"?><worksheet xmlns="{MAIN_NS}"><sheetData>'.encode()
    tail = b"</sheetData></worksheet>"
    minimal = _minimal_package()
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in minimal.items():
            archive.writestr(name, data)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(head)
            for _ in range(megabytes):
                sheet.write(chunk)
            sheet.write(tail)
    return dst


def _minimal_package() -> dict[str, bytes]:
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    return {
        "[Content_Types].xml": (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{XLSX_TYPE}"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ).encode(),
        "_rels/.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ).encode(),
        "xl/workbook.xml": (
            f'<?xml version="1.0"?><workbook xmlns="{MAIN_NS}" xmlns:r="{rel}"><sheets>'
            '<sheet name="IKU" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ).encode(),
    }


def ods(dst: Path) -> Path:
    """An OpenDocument spreadsheet (LibreOffice's own format) named as the user saved it."""
    with zipfile.ZipFile(dst, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", '<?xml version="1.0"?><office:document-content '
                         'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>')
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
    return dst


def not_a_workbook_zip(dst: Path) -> Path:
    """A Word document (a zip, but no xl/workbook.xml) renamed to .xlsx."""
    with zipfile.ZipFile(dst, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return dst


def old_xls(dst: Path) -> Path:
    """An Excel 97-2003 workbook: an OLE compound file with a BIFF8 ``Workbook`` stream."""
    from xlwings_app.addin.cfb_writer import write_compound_file

    bof = b"\x09\x08\x10\x00\x00\x06\x05\x00" + bytes(12)  # BOF record, BIFF8, workbook globals
    dst.write_bytes(write_compound_file({"Workbook": bof + b"\x0a\x00\x00\x00" + bytes(200)}))
    return dst


def encrypted(good: Path, dst: Path, password: str = "rahasia") -> Path:
    """``good`` protected with a password to open (Agile encryption, as Excel writes it)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    with good.open("rb") as source, dst.open("wb") as out:
        OOXMLFile(source).encrypt(password, out)
    return dst


def with_macros(form: Path, dst: Path) -> Path:
    """``form`` saved as .xlsm carrying a real VBA project (the one of xlwings' quickstart workbook)."""
    import xlwings

    with zipfile.ZipFile(Path(xlwings.__file__).parent / "quickstart.xlsm") as quickstart:
        vba = quickstart.read("xl/vbaProject.bin")

    def types(xml: bytes) -> bytes:
        xml = xml.replace(XLSX_TYPE.encode(), XLSM_TYPE.encode())
        return xml.replace(b"</Types>", f'<Default Extension="bin" ContentType="{VBA_TYPE}"/></Types>'.encode())

    def rels(xml: bytes) -> bytes:
        rel = ('<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
               'Target="vbaProject.bin"/>')
        return xml.replace(b"</Relationships>", rel.encode() + b"</Relationships>")

    return rewrite_zip(
        form, dst, {"xl/vbaProject.bin": vba, "[Content_Types].xml": types, "xl/_rels/workbook.xml.rels": rels}
    )


# --- hostile XML ------------------------------------------------------------------------------

def billion_laughs_dtd(root: str) -> str:
    """A DTD whose entity ``lol9`` expands to 10^9 "lol"s."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    return f"<!DOCTYPE {root} [{''.join(entities)}]>"


def xxe_dtd(root: str, secret: Path) -> str:
    return f'<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "{secret.resolve().as_uri()}">]>'


def hostile_sheet(good: Path, dst: Path, sheet: str, ref: str, dtd: str, entity: str) -> Path:
    """Sheet ``sheet`` carrying ``dtd``, and cell ``ref`` holding ``&entity;`` as inline text."""
    part = sheet_part(good, sheet)

    def change(xml: bytes) -> bytes:
        xml = set_cell_xml(xml, ref, f"<is><t>&{entity};</t></is>", "inlineStr")
        return b'<?xml version="1.0"?>' + dtd.encode() + re.sub(rb"^<\?xml[^>]*\?>", b"", xml)

    return rewrite_zip(good, dst, {part: change})


def hostile_shared_strings(good: Path, dst: Path, sheet: str, ref: str, dtd: str, entity: str) -> Path:
    sst = f'<?xml version="1.0"?>{dtd}<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>&{entity};</t></si></sst>'
    return with_shared_strings(good, dst, sheet, ref, sst.encode())


def hostile_workbook_part(good: Path, dst: Path, dtd: str) -> Path:
    """The DTD in xl/workbook.xml itself (parsed by openpyxl with lxml, not defusedxml)."""
    return rewrite_zip(good, dst, {"xl/workbook.xml": lambda xml: b'<?xml version="1.0"?>' + dtd.encode()
                                   + re.sub(rb"^<\?xml[^>]*\?>", b"", xml)})


# --- content a person (or another program) produces --------------------------------------------


def formatted_empty_rows(good: Path, dst: Path, sheet: str, rows: int, columns: int = 30) -> Path:
    """``rows`` empty but formatted rows (a border on every cell) appended below the table."""
    part = sheet_part(good, sheet)

    def change(xml: bytes) -> bytes:
        text = xml.decode()
        last = max(int(r) for r in re.findall(r'<row r="(\d+)"', text))
        from openpyxl.utils import get_column_letter

        letters = [get_column_letter(c) for c in range(1, columns + 1)]
        body = "".join(
            f'<row r="{r}">' + "".join(f'<c r="{col}{r}" s="1"/>' for col in letters) + "</row>"
            for r in range(last + 1, last + 1 + rows)
        )
        text = text.replace("</sheetData>", body + "</sheetData>")
        text = re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{letters[-1]}{last + rows}"/>', text)
        return text.encode()

    return rewrite_zip(good, dst, {part: change})


def edit_copy(src: Path, dst: Path, change: Callable[..., None]) -> Path:
    """``src`` edited by ``change(wb)`` as a user would in Excel, saved as ``dst``."""
    wb = load_workbook(src, keep_vba=src.suffix == ".xlsm")
    change(wb)
    wb.save(dst)
    return dst

"""The README's "Format workbook" section, generated from workbook/layout.toml.

``python -m xlwings_app.sheets.format_doc`` prints it; a test checks the README holds exactly this text
between the markers, so the documented contract cannot drift from the workbook.
"""

from __future__ import annotations

from xlwings_app.domain.analisis import column_key, periode_label, split_key
from xlwings_app.domain.indicator import Jenis, Periode
from xlwings_app.sheets.layout import layout

BEGIN = "<!-- format-workbook:mulai -->"
END = "<!-- format-workbook:selesai -->"

_TYPES = {"text": "teks", "number": "angka", "choice": "pilihan", "formula": "dihitung"}


def format_section() -> str:
    """Markdown: the IKU/IKI columns, the Profil fields and the Pejabat table."""
    lay = layout()
    iku, iki = lay.tables[Jenis.IKU], lay.tables[Jenis.IKI]
    lines = [
        BEGIN,
        f"Versi format: {lay.versi}. Tabel `{iku.name}` (sheet {iku.sheet}) dan `{iki.name}` (sheet {iki.sheet}); "
        f"baris judul kolom di baris 4. Kolom dicari menurut judulnya (huruf besar/kecil dan spasi diabaikan), "
        "jadi urutan kolom boleh berubah, tetapi judulnya harus sama.",
        "",
        "| Kolom | Jenis | Wajib | Tabel | Keterangan |",
        "|---|---|---|---|---|",
    ]
    seen: set[str] = set()
    for column in iki.columns:
        tables = column.only or "IKU, IKI"
        if (found := split_key(column.key)) is not None:  # one row per analysis field, its periods named
            if found[0] not in seen:
                seen.add(found[0])
                periods = [periode_label(p) for p in Periode if column_key(found[0], p) in {c.key for c in iki.columns}]
                base = column.header.removesuffix(f" {periode_label(found[1])}")
                lines.append(f"| {base} {', '.join(periods)} (satu kolom per periode) | teks |  | {tables} | "
                             f"{column.help} Tidak wajib ada (format lama tanpa kolom ini tetap dibaca). |")
            continue
        kind = _TYPES[column.type]
        if column.choices:
            kind += ": " + " / ".join(column.choices)
        lines.append(
            f"| {column.header} | {kind} | {'ya' if column.required else ''} | {tables} | {column.help} |"
        )
    for column in iki.legacy:
        lines.append(f"| {column.header} (format lama) | teks |  | IKU, IKI | {column.help} Tidak dibuat lagi. |")
    lines += ["", "Sheet Profil (label di kolom A, isian di kolom B):", "", "| Isian | Wajib | Contoh |", "|---|---|---|"]
    for field in lay.profil:
        lines.append(f"| {field.label} | {'ya' if field.required else ''} | {field.contoh} |")
    if lay.pejabat is not None:
        lines += ["", f"Tabel `{lay.pejabat.name}` (sheet {lay.pejabat.sheet}, judul kolom di baris 4): "
                  "daftar pilihan Penanggung Jawab; bila sudah berisi, Penanggung Jawab di luar tabel "
                  "ditandai sebagai masalah.", "", "| Kolom | Wajib | Keterangan |", "|---|---|---|"]
        for column in lay.pejabat.columns:
            lines.append(f"| {column.header} | {'ya' if column.required else ''} | {column.help} |")
    lines.append(END)
    return "\n".join(lines)


if __name__ == "__main__":
    print(format_section())

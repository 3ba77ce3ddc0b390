"""A small plan-year master and returned planning forms, written out, for the planning-round tests."""

from __future__ import annotations

from decimal import Decimal

from xlwings_app.domain.administrasi.periksa_rencana import FormulirRencanaKembali, UsulanBaris
from xlwings_app.domain.indicator import NO_VALUES, Agregasi, Indicator, Jenis, Polaritas, Quarterly

UNIT, TAHUN = "Kecamatan Lumajang", 2025
CAMAT, KASI_PEM, KASI_PEL = "Camat", "Kasi Pemerintahan", "Kasi Pelayanan Umum"


def d(*values: int | str | None) -> Quarterly:
    a, b, c, e = (None if v is None else Decimal(str(v)) for v in values)
    return (a, b, c, e)


def indicator(kode: str, jenis: Jenis, satuan: str, agregasi: Agregasi, target: int | str | None, tw: Quarterly,
              pj: str, induk: str | None = None) -> Indicator:  # fmt: skip
    return Indicator(kode, jenis, "Meningkatnya kualitas pelayanan", f"Indikator {kode}", satuan, Polaritas.POSITIF,
                     agregasi, None if target is None else Decimal(str(target)), tw, penanggung_jawab=pj,
                     induk=induk, target_lalu=Decimal(10), realisasi_lalu=Decimal(9))  # fmt: skip


MASTER = (
    indicator("IKU-01", Jenis.IKU, "dokumen", Agregasi.JUMLAH, 12, d(3, 3, 3, 3), CAMAT),
    indicator("IKU-02", Jenis.IKU, "%", Agregasi.AKHIR, 90, d(90, 90, 90, 90), CAMAT),
    indicator("IKI-01", Jenis.IKI, "dokumen", Agregasi.JUMLAH, 8, d(2, 2, 2, 2), KASI_PEM, "IKU-01"),
    indicator("IKI-02", Jenis.IKI, "dokumen", Agregasi.JUMLAH, 4, d(1, 1, 1, 1), KASI_PEL, "IKU-01"),
    indicator("IKI-03", Jenis.IKI, "%", Agregasi.AKHIR, 92, d(92, 92, 92, 92), KASI_PEM, "IKU-02"),
)


def cells(baris: int) -> dict[str, str]:
    """Column letters of the planning form (A Kode ... O Rencana Aksi) on row ``baris``."""
    columns = ("kode", "jenis", "induk", "sasaran", "nama", "satuan", "polaritas", "agregasi", "target_tahunan",
               "t1", "t2", "t3", "t4", "rencana_aksi")  # fmt: skip
    return {key: f"{chr(ord('A') + i)}{baris}" for i, key in enumerate(columns)}


def usul(kode: str, baris: int, target: int | str | None = None, tw: Quarterly = NO_VALUES, **more: object) -> UsulanBaris:
    value = None if target is None else Decimal(str(target))
    return UsulanBaris(kode=kode, target_tahunan=value, target_tw=tw, baris=baris, cells=cells(baris), **more)  # type: ignore[arg-type]


def form(pj: str, *rows: UsulanBaris, file: str = "", tahun: int | None = TAHUN, unit: str = UNIT) -> FormulirRencanaKembali:
    return FormulirRencanaKembali(file or f"Formulir Rencana {pj}.xlsx", "Rencana", unit, tahun, pj, rows)

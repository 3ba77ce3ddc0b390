"""Readable builders for unit tests: indicators written as literal values."""

from __future__ import annotations

from decimal import Decimal

from xlwings_app.domain.indicator import Agregasi, Indicator, Jenis, Polaritas

Num = Decimal | int | float | str | None


def d(value: Num) -> Decimal | None:
    """``Decimal`` from a literal, keeping ``None`` (a blank cell) as ``None``."""
    if value is None:
        return None
    return value if isinstance(value, Decimal) else Decimal(str(value))


def quarterly(
    *values: Num,
) -> tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]:
    padded = [*values, None, None, None, None][:4]
    return (d(padded[0]), d(padded[1]), d(padded[2]), d(padded[3]))


def indicator(
    *,
    kode: str = "IKU-1",
    sasaran: str = "Meningkatnya kualitas pelayanan publik",
    polaritas: Polaritas = Polaritas.POSITIF,
    agregasi: Agregasi = Agregasi.AKHIR,
    target_tahunan: Num = 100,
    target_tw: tuple[Num, ...] = (),
    realisasi_tw: tuple[Num, ...] = (),
    batas_bawah: Num = None,
    batas_atas: Num = None,
    penanggung_jawab: str = "Sekretaris Kecamatan",
    pagu: Num = None,
    realisasi_anggaran: Num = None,
    jenis: Jenis = Jenis.IKU,
) -> Indicator:
    return Indicator(
        kode=kode,
        jenis=jenis,
        sasaran=sasaran,
        nama=f"Indikator {kode}",
        satuan="%",
        polaritas=polaritas,
        agregasi=agregasi,
        target_tahunan=d(target_tahunan),
        target_tw=quarterly(*target_tw),
        realisasi_tw=quarterly(*realisasi_tw),
        batas_bawah=d(batas_bawah),
        batas_atas=d(batas_atas),
        penanggung_jawab=penanggung_jawab,
        pagu=d(pagu),
        realisasi_anggaran=d(realisasi_anggaran),
    )

"""Random but valid indicator sets, for the cross-engine tests and the benchmarks.

Every polarity, aggregation and edge case appears: range targets, target 0, blank realisasi,
explicit 0, missing TW targets, fractional values. Seeded, so a scenario is reproducible.
"""

from __future__ import annotations

import random
from decimal import Decimal

from xlwings_app.domain.indicator import Agregasi, Indicator, Jenis, Polaritas

SASARAN = (
    "Meningkatnya kualitas pelayanan publik",
    "Meningkatnya akuntabilitas kinerja",
    "Meningkatnya ketenteraman dan ketertiban umum",
    "Meningkatnya keberdayaan masyarakat",
)
PENANGGUNG_JAWAB = ("Sekretaris", "Kasubag Keuangan", "Kasi Pemerintahan", "Kasi Pelayanan Umum")


def _value(rng: random.Random, low: float, high: float) -> Decimal:
    places = rng.choice((0, 0, 1, 2))
    return Decimal(str(round(rng.uniform(low, high), places)))


def _maybe(rng: random.Random, value: Decimal, blank: float) -> Decimal | None:
    return None if rng.random() < blank else value


def random_indicator(rng: random.Random, index: int, jenis: Jenis = Jenis.IKU, induk: str | None = None) -> Indicator:
    """One indicator; about one in eight is a range target and one in ten has target 0."""
    polaritas = rng.choice(tuple(Polaritas))
    agregasi = rng.choice(tuple(Agregasi))
    case = rng.random()
    base = _value(rng, 1, 500)
    targets = tuple(_maybe(rng, _value(rng, 1, 500) if rng.random() < 0.3 else base, 0.08) for _ in range(4))
    realisasi = [_maybe(rng, _value(rng, 0, 600), 0.2) for _ in range(4)]
    if rng.random() < 0.05:
        realisasi = [Decimal(0) if r is not None else None for r in realisasi]
    tahunan: Decimal | None = base * (4 if agregasi is Agregasi.JUMLAH else 1)
    bawah = atas = None
    if case < 0.12 and agregasi is not Agregasi.JUMLAH:
        bawah = _value(rng, 50, 90)
        atas = bawah + _value(rng, 1, 20)
        tahunan, targets = None, (None, None, None, None)
    elif case < 0.22:
        tahunan, targets = Decimal(0), (Decimal(0),) * 4
        realisasi = [_maybe(rng, rng.choice((Decimal(0), Decimal(0), _value(rng, 1, 5))), 0.2) for _ in range(4)]
    satuan = rng.choice(("%", "dokumen", "indeks", "hari", "nilai"))
    if satuan == "%":  # valid: a percentage is no fraction of one percent (domain.percent_entry)
        realisasi = [r + 1 if r is not None and 0 < r <= 1 else r for r in realisasi]
    return Indicator(
        kode=f"{jenis.value}-{index:05d}",
        jenis=jenis,
        sasaran=SASARAN[index % len(SASARAN)],
        nama=f"Indikator uji {index}",
        satuan=satuan,
        polaritas=polaritas,
        agregasi=agregasi,
        target_tahunan=tahunan,
        target_tw=targets,  # type: ignore[arg-type]
        realisasi_tw=tuple(realisasi),  # type: ignore[arg-type]
        batas_bawah=bawah,
        batas_atas=atas,
        penanggung_jawab=PENANGGUNG_JAWAB[index % len(PENANGGUNG_JAWAB)],
        pagu=Decimal(rng.randrange(10, 500)) * 1_000_000 if rng.random() < 0.3 else None,
        realisasi_anggaran=Decimal(rng.randrange(1, 400)) * 1_000_000 if rng.random() < 0.3 else None,
        induk=induk,
    )


def random_indicators(n_iku: int, n_iki: int = 0, seed: int = 2024) -> list[Indicator]:
    """``n_iku`` IKU and ``n_iki`` IKI (each IKI under an existing IKU)."""
    rng = random.Random(seed)
    iku = [random_indicator(rng, i + 1) for i in range(n_iku)]
    iki = [random_indicator(rng, i + 1, Jenis.IKI, induk=iku[i % n_iku].kode) for i in range(n_iki)] if iku else []
    return iku + iki


SYNTHETIC_PROFIL: dict[str, object] = {
    "kabupaten": "Kabupaten Uji",
    "unit": "Kecamatan Uji",
    "alamat": "Jl. Uji No. 1",
    "tahun": 2024,
    "ttd_jabatan": "Camat Uji",
    "ttd_nama": "NAMA CAMAT",
    "ttd_nip": "19770309 200501 1 003",
    "pengelola_jabatan": "Kasubag Keuangan",
    "pengelola_nama": "NAMA KASUBAG",
    "tempat": "Uji",
}

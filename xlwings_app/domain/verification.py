"""The verification code printed in every document's footer.

Rule: the code is a fingerprint of the data a document was rendered from, so a signed paper copy
can be matched to the workbook. Canonical JSON (sorted keys, no spaces, numbers as plain decimal
strings, so 85 and 85.0 are the same value) of

- the unit: kabupaten, unit, tahun;
- the period;
- the settings that change a result: the predikat scale, the negative-polarity variant, the cap on
  means;
- every indicator, in input order, with every input the period's document depends on: its identity
  and texts (kode, jenis, sasaran, nama, satuan, polaritas, agregasi, penanggung jawab, keterangan,
  induk), range bounds, budget, and the targets and realisasi of the triwulan the period covers
  (TW1..TWn; the year: all four and the yearly target); the analysis written FOR THIS PERIOD
  (``domain.analisis``: permasalahan, rencana aksi; faktor pendukung and penghambat only when
  written) and the reasons written for its blank realisasi. Later triwulan and the analysis of any
  other period are left out, so filling in TW III, or writing TW III's Permasalahan, does not change
  a sealed TW II's code (a seal covers what its period's document shows). The
  Target Akhir Renstra, printed since the document shows the progress toward it, counts only
  when filled, so the codes of workbooks without it (sealed before) stay as they were.

and, for a signed document, the signing it prints (``domain.cetak.TandaTangan``: the date above the
signature and the signer's jabatan as printed, nama, pangkat and NIP), so a paper dated or signed
otherwise does not match its code. A code computed without a signing (the data alone) is the code of
archives and seals made before signings were covered; they are checked that way still.

The Rencana Kinerja and the unit's Perjanjian Kinerja (``plan_code``) cover the unit, the year, the
document and its signing, and each IKU's plan: identity and texts, the yearly and triwulan targets,
range bounds, program and pagu, the earlier year and the Renstra's end target. The yearly Laporan
Kinerja (``lkjip_code``) covers the unit, the year, the settings, every IKU's yearly inputs (as the
yearly Pengukuran) and its signing, marked as the LKjIP so its code is never a Pengukuran's.

Each is hashed with SHA-256; the first 50 bits, written in RFC 4648 base32 (A–Z, 2–7: no 0/1/8/9 to
misread), give 10 characters grouped 5-5: "K7Q2M-XR4TB".
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping, Sequence
from decimal import Decimal

from xlwings_app.domain.cetak import TandaTangan
from xlwings_app.domain.indicator import Indicator, Periode
from xlwings_app.domain.profil import Profil
from xlwings_app.domain.settings import Settings

CODE_LENGTH = 10


def _number(value: Decimal | None) -> str | None:
    if value is None:
        return None
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def indicator_inputs(indicator: Indicator, periode: Periode) -> dict[str, object]:
    """The inputs of ``indicator`` that ``periode``'s document depends on, as JSON-ready values."""
    n = periode.last_tw
    own = indicator.catatan(periode)
    inputs: dict[str, object] = {
        "kode": indicator.kode,
        "jenis": indicator.jenis.value,
        "sasaran": indicator.sasaran,
        "nama": indicator.nama,
        "satuan": indicator.satuan,
        "polaritas": indicator.polaritas.value,
        "agregasi": indicator.agregasi.value,
        "target_tw": [_number(v) for v in indicator.target_tw[:n]],
        "realisasi_tw": [_number(v) for v in indicator.realisasi_tw[:n]],
        "batas_bawah": _number(indicator.batas_bawah),
        "batas_atas": _number(indicator.batas_atas),
        "penanggung_jawab": indicator.penanggung_jawab,
        "pagu": _number(indicator.pagu),
        "realisasi_anggaran": _number(indicator.realisasi_anggaran),
        "permasalahan": own.permasalahan,
        "rencana_aksi": own.rencana_aksi,
        "keterangan": indicator.keterangan,
        "induk": indicator.induk,
    }
    for field in ("faktor_pendukung", "faktor_penghambat"):
        if text := getattr(own, field):
            inputs[field] = text
    if reasons := {str(k): alasan for k in range(1, n + 1)
                   if indicator.realisasi_tw[k - 1] is None and (alasan := indicator.analisis[k - 1].alasan)}:
        inputs["alasan"] = reasons
    if periode is Periode.TAHUNAN:
        inputs["target_tahunan"] = _number(indicator.target_tahunan)
    if indicator.target_akhir_renstra is not None:
        inputs["target_akhir_renstra"] = _number(indicator.target_akhir_renstra)
    return inputs


def canonical(data: object) -> bytes:
    """Canonical JSON bytes: sorted keys, compact, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _settings(settings: Settings) -> dict[str, object]:
    return {
        "skala": [[_number(b.batas_bawah), b.predikat] for b in settings.skala.bands],
        "varian_negatif": settings.varian_negatif.value,
        "batas_rata_rata": _number(settings.batas_rata_rata),
    }


def _code(data: object) -> str:
    digest = hashlib.sha256(canonical(data)).digest()
    text = base64.b32encode(digest).decode()[:CODE_LENGTH]
    return f"{text[:5]}-{text[5:]}"


def verification_code(
    profil: Profil, periode: Periode, indicators: Sequence[Indicator], settings: Settings,
    ttd: TandaTangan | None = None,
) -> str:
    """The document's code, e.g. "K7Q2M-XR4TB" (the module docstring states what it covers); with
    ``ttd`` the code of the document signed so."""
    data: dict[str, object] = {
        "kabupaten": profil.kabupaten,
        "unit": profil.unit,
        "tahun": profil.tahun,
        "periode": periode.value,
        "pengaturan": _settings(settings),
        "indikator": [indicator_inputs(i, periode) for i in indicators],
    }
    if ttd is not None:
        data["ditandatangani"] = ttd.inputs()
    return _code(data)


def lkjip_code(
    profil: Profil, indicators: Sequence[Indicator], settings: Settings, ttd: TandaTangan
) -> str:
    """The code of the yearly Laporan Kinerja (LKjIP) signed so: the unit, the year, the settings and
    every IKU's inputs for the year (as the yearly Pengukuran's), marked as the LKjIP."""
    return _code({
        "kabupaten": profil.kabupaten,
        "unit": profil.unit,
        "tahun": profil.tahun,
        "dokumen": "LKJIP",
        "pengaturan": _settings(settings),
        "indikator": [indicator_inputs(i, Periode.TAHUNAN) for i in indicators],
        "ditandatangani": ttd.inputs(),
    })


def plan_inputs(indicator: Indicator) -> dict[str, object]:
    """The inputs of ``indicator`` a Rencana or Perjanjian Kinerja prints, as JSON-ready values."""
    return {
        "kode": indicator.kode,
        "sasaran": indicator.sasaran,
        "nama": indicator.nama,
        "satuan": indicator.satuan,
        "agregasi": indicator.agregasi.value,
        "target_tahunan": _number(indicator.target_tahunan),
        "target_tw": [_number(v) for v in indicator.target_tw],
        "batas_bawah": _number(indicator.batas_bawah),
        "batas_atas": _number(indicator.batas_atas),
        "program": " ".join(indicator.program.split()),
        "pagu": _number(indicator.pagu),
        "target_lalu": _number(indicator.target_lalu),
        "realisasi_lalu": _number(indicator.realisasi_lalu),
        "target_akhir_renstra": _number(indicator.target_akhir_renstra),
    }


def plan_code(profil: Profil, dokumen: str, indicators: Sequence[Indicator], ttd: TandaTangan) -> str:
    """The code of a Rencana Kinerja ("RK") or the unit's Perjanjian Kinerja ("PK") signed so."""
    return _code({
        "kabupaten": profil.kabupaten,
        "unit": profil.unit,
        "tahun": profil.tahun,
        "dokumen": dokumen,
        "indikator": [plan_inputs(i) for i in indicators],
        "ditandatangani": ttd.inputs(),
    })


def plan_fingerprint(indicator: Indicator) -> str:
    """One indicator's own code in a planning document, to say which indicator changed after sealing."""
    return _code(plan_inputs(indicator))


def indicator_fingerprint(indicator: Indicator, periode: Periode) -> str:
    """One indicator's own code for ``periode``, to say which indicator changed after sealing."""
    return _code(indicator_inputs(indicator, periode))


def lke_code(kabupaten: str, unit: str, tahun: int, answers: Mapping[str, str | None]) -> str:
    """The code of an AKIP self-evaluation summary: the unit, the year and every criterion's answer
    that counts (unanswered as null), in the same canonical JSON and hash as ``verification_code``."""
    return _code({"kabupaten": kabupaten, "unit": unit, "tahun": tahun, "lke": dict(answers)})

"""What a final document printed, recorded when it is made: the print record ("catatan cetak").

A signed paper is the document as it was printed, not the document Kinerja would print today. So a
final document (``laporan``, ``rencana``, ``perjanjian``) records, beside its files, what it printed:

- which document (``dokumen``: "TW1".."TAHUNAN" for the Pengukuran Kinerja of that period, "RK" the
  Rencana Kinerja, "PK" the unit's Perjanjian Kinerja, "LKJIP" the yearly Laporan Kinerja) and its verification code;
- the signing (``TandaTangan``): the date printed above the signature and the official printed under
  it (jabatan as printed, with Plt./Plh., nama, pangkat, NIP); the code covers both
  (``domain.verification``), so a paper dated or signed otherwise does not match its code;
- when it was made, the workbook it was made from, each file's name and SHA-256 (the bytes that were
  signed), and each indicator's fingerprint (to name what changed later).

``kinerja arsip`` packs exactly those files, and refuses while the workbook no longer gives that
code (``differences`` says why in Indonesian) or a file is gone or was changed.
Pure: values in, values out (the service reads and writes the record as JSON beside the document).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from xlwings_app.domain import formatting as fmt
from xlwings_app.domain.indicator import Periode
from xlwings_app.domain.profil import Pejabat

FORMAT = 1
SUFFIX = ".cetak.json"
"""The record's file name: the document's stem and this ("Pengukuran_Kinerja_2025_TW1.cetak.json")."""

RENCANA = "RK"
PERJANJIAN = "PK"
PLAN_DOCUMENTS = {RENCANA: "Rencana Kinerja", PERJANJIAN: "Perjanjian Kinerja"}
"""The planning documents that can be sealed, by the name ``arsip --periode`` takes."""
LKJIP = "LKJIP"
LKJIP_LABEL = "Laporan Kinerja (LKjIP)"
"""The yearly Laporan Kinerja Instansi Pemerintah, sealed as "LKJIP" (``arsip --periode LKJIP``)."""


def parse_dokumen(text: str) -> Periode | str:
    """A period ("TW2", "tahunan"...), a planning document ("RK", "PK") or the LKjIP ("LKJIP", "LKjIP");
    ValueError otherwise."""
    key = text.strip().upper()
    if key in PLAN_DOCUMENTS or key == LKJIP:
        return key
    try:
        return Periode.parse(text)
    except ValueError:
        raise ValueError(
            f"Periode '{text}' tidak dikenal: gunakan TW1, TW2, TW3, TW4, TAHUNAN, RK (Rencana Kinerja), "
            "PK (Perjanjian Kinerja) atau LKJIP (Laporan Kinerja)"
        ) from None


def label(dokumen: Periode | str) -> str:
    """ "Pengukuran Kinerja s.d. Triwulan I", "Rencana Kinerja"."""
    if isinstance(dokumen, Periode):
        return f"Pengukuran Kinerja {dokumen.label}"
    return LKJIP_LABEL if dokumen == LKJIP else PLAN_DOCUMENTS[dokumen]


@dataclass(frozen=True)
class TandaTangan:
    """The signing a document prints: its date and its signer."""

    tanggal: dt.date
    penandatangan: Pejabat

    def inputs(self) -> dict[str, str]:
        """What the verification code covers of it (as printed: the jabatan with Plt./Plh.)."""
        p = self.penandatangan
        return {"tanggal": self.tanggal.isoformat(), "jabatan": p.jabatan_lengkap.strip(),
                "nama": p.nama.strip(), "pangkat": p.pangkat.strip(), "nip": "".join(p.nip.split())}  # fmt: skip

    def signer_text(self) -> str:
        """ "Camat Sukamaju | Drs. BUDI | Pembina (IV/a) | 197003..." (one cell of sheet Segel)."""
        p = self.penandatangan
        return " | ".join((p.jabatan_lengkap, p.nama, p.pangkat, p.nip))

    @staticmethod
    def parse_signer(text: str) -> Pejabat:
        """The official ``signer_text`` wrote (the jabatan as printed, Plt./Plh. included)."""
        parts = [*(part.strip() for part in text.split(" | ")), "", "", "", ""][:4]
        status, _, jabatan = parts[0].partition(" ")
        if status not in ("Plt.", "Plh.") or not jabatan:
            status, jabatan = "", parts[0]
        return Pejabat(jabatan, parts[1], parts[2], parts[3], status)


@dataclass(frozen=True)
class Berkas:
    """One file a document was printed as, and the SHA-256 of its bytes."""

    nama: str
    sha256: str


@dataclass(frozen=True)
class CatatanCetak:
    """The print record of one final document (see the module's rules)."""

    dokumen: Periode | str
    kode_verifikasi: str
    tanda_tangan: TandaTangan
    dibuat: dt.datetime
    workbook: str
    berkas: tuple[Berkas, ...]
    sidik_indikator: tuple[tuple[str, str], ...] = ()

    def as_json(self) -> dict[str, object]:
        """The record as its JSON file holds it."""
        p = self.tanda_tangan.penandatangan
        return {
            "format": FORMAT,
            "dokumen": str(self.dokumen),
            "judul": label(self.dokumen),
            "kode_verifikasi": self.kode_verifikasi,
            "tanggal_penandatanganan": self.tanda_tangan.tanggal.isoformat(),
            "penandatangan": {"jabatan": p.jabatan, "status": p.status, "nama": p.nama, "pangkat": p.pangkat,
                              "nip": p.nip},  # fmt: skip
            "dokumen_dibuat": self.dibuat.isoformat(timespec="seconds"),
            "workbook": self.workbook,
            "berkas": {b.nama: b.sha256 for b in self.berkas},
            "sidik_indikator": dict(self.sidik_indikator),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> CatatanCetak:
        """Read a record written by ``as_json``; ValueError (Indonesian) when it cannot be."""
        try:
            signer = data["penandatangan"]
            files = data["berkas"]
            sidik = data.get("sidik_indikator") or {}
            if not isinstance(signer, Mapping) or not isinstance(files, Mapping) or not isinstance(sidik, Mapping):
                raise TypeError
            pejabat = Pejabat(*(str(signer.get(k) or "") for k in ("jabatan", "nama", "pangkat", "nip", "status")))
            return cls(
                dokumen=parse_dokumen(str(data["dokumen"])),
                kode_verifikasi=str(data["kode_verifikasi"]),
                tanda_tangan=TandaTangan(dt.date.fromisoformat(str(data["tanggal_penandatanganan"])), pejabat),
                dibuat=dt.datetime.fromisoformat(str(data["dokumen_dibuat"])),
                workbook=str(data.get("workbook") or ""),
                berkas=tuple(Berkas(str(k), str(v)) for k, v in files.items()),
                sidik_indikator=tuple((str(k), str(v)) for k, v in sidik.items()),
            )
        except (KeyError, TypeError, ValueError):
            raise ValueError("catatan cetak rusak atau diubah dengan tangan") from None


def differences(
    record: CatatanCetak, now: TandaTangan, sidik_now: Sequence[tuple[str, str]], code_now: str
) -> list[str]:
    """Why the workbook no longer gives the document ``record`` printed (Indonesian, one line each);
    empty when ``code_now`` (the code the workbook gives today, dated as printed) is the printed one."""
    if code_now == record.kode_verifikasi:
        return []
    why = []
    printed = record.tanda_tangan.penandatangan
    if TandaTangan(now.tanggal, printed).inputs() != now.inputs():
        why.append(f"penandatangan di sheet Profil berubah: dicetak {_signer(printed)}, "
                   f"sekarang {_signer(now.penandatangan)}")  # fmt: skip
    before, after = dict(record.sidik_indikator), dict(sidik_now)
    if changed := [k for k in after if k in before and before[k] != after[k]]:
        why.append("data indikator berubah: " + ", ".join(changed))
    if added := [k for k in after if k not in before]:
        why.append("indikator ditambahkan: " + ", ".join(added))
    if removed := [k for k in before if k not in after]:
        why.append("indikator dihapus: " + ", ".join(removed))
    return why or ["profil unit, pengaturan atau urutan indikator berubah"]


def _signer(p: Pejabat) -> str:
    nip = f", NIP {p.nip}" if p.nip else ""
    return f"{p.jabatan_lengkap} {p.nama or '(tanpa nama)'}{nip}".strip()


def dated(record: CatatanCetak) -> str:
    """ "bertanggal 10 April 2025, dibuat 10 April 2025 09.12" (for messages)."""
    return f"bertanggal {fmt.tanggal(record.tanda_tangan.tanggal)}, dibuat {fmt.waktu(record.dibuat)}"

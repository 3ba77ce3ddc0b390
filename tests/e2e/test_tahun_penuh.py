"""A whole year for a unit that is not the example, played through the CLI as its office does.

Kecamatan Patrang, Kabupaten Jember, 2025 (tests/e2e/patrang.py): ``kinerja baru`` with the three SOPs
the README recommends, sheet Profil, Pejabat, IKU and IKI typed in, ``sop sesuaikan``, ``periksa``, the
Rencana Kinerja and the Perjanjian Kinerja (unit and each official), then TW I to TW IV and TAHUNAN:
forms handed out and returned (typed in Excel, typed through LibreOffice, saved again by LibreOffice,
saved as .ods), rekap, hitung, the signed Pengukuran Kinerja (``laporan --pdf --tanggal``), the IKI
documents, the collection report, the seal and archive, the SOP logs and their report, and each quarter
the kabupaten recap with a second unit, Kecamatan Kaliwates.

The year is played once per module (``tahun``); each test asserts one point of issue 25 over the
quarters it concerns. Each quarter's outputs are kept in a ``Triwulan`` record, so a further point is one
more test over ``tahun.q[periode]``.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.e2e import patrang as P
from tests.e2e.kantor import EXCEL, LIBRE_KETIK, LIBRE_SIMPAN, ODS, Kantor, Run, docx_text, flat, pdf_text
from xlwings_app.adapters.openpyxl.builder import build_workbook
from xlwings_app.adapters.openpyxl.form_fill import fill_form
from xlwings_app.domain.indicator import Agregasi, Indicator, Jenis, Periode, Polaritas
from xlwings_app.domain.settings import Settings

pytestmark = pytest.mark.libreoffice

TRIWULAN = ("TW1", "TW2", "TW3", "TW4")
PERIODS = (*TRIWULAN, "TAHUNAN")
THREE_SOPS = "pengukuran-lumajang,perencanaan-lumajang,pengumpulan-data-tim-sakip"
LUMAJANG = ("Lumajang", "LUMAJANG", "Sumbersuko", "Senduro", "Kunir", "427.90", "427.50", "Rosyadi", "DEDWI",
            "MUSTAQIM", "19770309", "19701218", "19840518", "Peraturan Bupati", "Peraturan Daerah")  # fmt: skip
"""Names, numbers and regional regulations of the Lumajang SOP presets and the example unit."""

# Each quarter: who returns the form, in which program, what is typed (kode → column key → text or
# value; a tuple is "NN%" typed in Excel: the fraction stored with a percent format), and the realisasi
# the master must then hold. A holder missing from a quarter returns no form that quarter.
Return = tuple[str, dict[str, dict[str, object]]]
YEAR: dict[str, dict[str, Return]] = {
    "TW1": {
        P.SEK: (EXCEL, {"IKU-01": {"r1": ("0%", 0.91)}, "IKU-02": {"r1": 66}}),
        P.KEU: (EXCEL, {"IKI-KEU-01": {"r1": 18, "permasalahan": "Pencairan DAU triwulan I terlambat",
                                       "rencana_aksi": "Percepatan SPJ kegiatan pada April 2025"}}),
        P.UMUM: (LIBRE_SIMPAN, {"IKI-UMUM-01": {"r1": 2}}),
        P.PEM: (LIBRE_KETIK, {"IKI-PEM-01": {"r1": "100%"}}),
        P.PELUM: (EXCEL, {"IKI-PELUM-01": {"r1": 640}}),
        P.TRANTIB: (EXCEL, {"IKI-TRANTIB-01": {"r1": 92}}),
    },  # Kasi Kesejahteraan Sosial has no target in TW I and returns nothing
    "TW2": {
        P.SEK: (LIBRE_KETIK, {"IKU-01": {"r2": "93%"}, "IKU-02": {"r2": "67"}}),
        P.KEU: (EXCEL, {"IKI-KEU-01": {"r2": 46}}),
        P.UMUM: (EXCEL, {"IKI-UMUM-01": {"r2": 1}}),  # comes back late, after the first rekap
        P.PEM: (EXCEL, {"IKI-PEM-01": {"r2": 100}}),
        P.PELUM: (LIBRE_SIMPAN, {"IKI-PELUM-01": {"r2": 615}}),
        P.KESOS: (EXCEL, {"IKI-KESOS-01": {"r2": 104}}),  # first sent as .ods
        P.TRANTIB: (EXCEL, {"IKI-TRANTIB-01": {"r2": ("0.0%", 0.905)}}),
    },
    "TW3": {
        P.SEK: (EXCEL, {"IKU-01": {"r3": 94}, "IKU-02": {"r3": 68}}),
        P.KEU: (LIBRE_KETIK, {"IKI-KEU-01": {"r3": "71%"}}),
        P.UMUM: (EXCEL, {"IKI-UMUM-01": {"r3": 1}}),
        P.PEM: (EXCEL, {"IKI-PEM-01": {"r3": 100}}),
        P.PELUM: (EXCEL, {"IKI-PELUM-01": {"r3": 590, "permasalahan": "Gangguan jaringan aplikasi PATEN",
                                           "rencana_aksi": "Layanan manual cadangan dan perbaikan jaringan"}}),
        P.KESOS: (EXCEL, {"IKI-KESOS-01": {"r3": 100}}),
        P.TRANTIB: (EXCEL, {"IKI-TRANTIB-01": {"r3": 0.9}}),  # 0,9 typed for 90 %: refused, then corrected
    },
    "TW4": {
        P.SEK: (EXCEL, {"IKU-01": {"r4": 95}, "IKU-02": {"r4": 71}}),
        P.KEU: (LIBRE_SIMPAN, {"IKI-KEU-01": {"r4": ("0%", 0.96)}}),
        P.UMUM: (EXCEL, {"IKI-UMUM-01": {"r4": 2}}),
        P.PEM: (LIBRE_KETIK, {"IKI-PEM-01": {"r4": "100"}}),
        P.PELUM: (EXCEL, {"IKI-PELUM-01": {"r4": 620}}),
        P.KESOS: (EXCEL, {"IKI-KESOS-01": {"r4": 101}}),
        P.TRANTIB: (EXCEL, {"IKI-TRANTIB-01": {"r4": 93}}),
    },
}  # fmt: skip
HELD = {  # the realisasi each indicator holds after the year (r1..r4)
    "IKU-01": (91, 93, 94, 95), "IKU-02": (66, 67, 68, 71), "IKI-KEU-01": (18, 46, 71, 96),
    "IKI-UMUM-01": (2, 1, 1, 2), "IKI-PEM-01": (100, 100, 100, 100), "IKI-PELUM-01": (640, 615, 590, 620),
    "IKI-KESOS-01": (None, 104, 100, 101), "IKI-TRANTIB-01": (92, Decimal("90.5"), 90, 93),
}  # fmt: skip
LATE = {"TW2": P.UMUM}
"""A form that is not back at the quarter's first rekap; it arrives after it."""
ODS_FIRST = {"TW2": P.KESOS}
"""A form first sent back as .ods (saved so by LibreOffice), then again as .xlsx."""
TYPED_AS_FRACTION = {"TW3": (P.TRANTIB, "IKI-TRANTIB-01", "r3", "90%")}
"""A %-realisasi typed as a fraction (0,9 for 90 %): refused by rekap naming the cell; retyped in LibreOffice."""


@dataclass
class Triwulan:
    """What one period left: the commands' results and the files they wrote."""

    periode: str
    rekap_dibagikan: dict[str, Any] | None = None  # rekap right after the forms went out
    rekap_awal: dict[str, Any] | None = None  # the first rekap after some forms came back
    rekap: dict[str, Any] | None = None  # the rekap that went in
    ditolak: dict[str, Run] = field(default_factory=dict)  # refusals met on the way, by what caused them
    hitung: dict[str, Any] = field(default_factory=dict)
    laporan: Run | None = None
    kode: str = ""
    signed_docx: Path | None = None
    signed_pdf: Path | None = None
    iki: list[Path] = field(default_factory=list)
    pengumpulan: dict[str, Run] = field(default_factory=dict)
    arsip: Path | None = None
    arsip_run: Run | None = None
    sop: dict[str, dict[int, dict[str, Any]]] = field(default_factory=dict)  # sop periksa: SOP → langkah → run
    log: dict[str, dict[int, dict[str, object]]] = field(default_factory=dict)  # Log sheet → langkah → row
    kabupaten: Run | None = None
    kabupaten_docx: Path | None = None
    periksa: dict[str, Any] = field(default_factory=dict)


@dataclass
class Tahun:
    patrang: Kantor
    kaliwates: Kantor
    rekap_kabupaten: Path
    setup: dict[str, Run] = field(default_factory=dict)
    q: dict[str, Triwulan] = field(default_factory=dict)


# --- the second unit: Kecamatan Kaliwates, typing straight into its master -----------------------------
KALIWATES = {
    "kabupaten": "Kabupaten Jember", "unit": "Kecamatan Kaliwates", "alamat": "Jl. Gajah Mada No. 245, Jember",
    "tahun": P.TAHUN, "ttd_jabatan": "Camat Kaliwates", "ttd_nama": "Drs. ARIF SETIAWAN, M.Si.",
    "ttd_pangkat": "Pembina (IV/a)", "ttd_nip": "19750312 199803 1 004", "pengelola_jabatan": "Sekretaris Camat",
    "pengelola_nama": "SITI AMINAH, S.Sos.", "pengelola_nip": "19800521 200501 2 011", "tempat": "Jember",
    "kd_jabatan": "Bupati Jember", "kd_nama": "H. MUHAMMAD FAWAIT, S.E., M.Sc.",
}  # fmt: skip
K_INDICATORS = [
    Indicator("IKU-01", Jenis.IKU, P.S1, "Persentase layanan administrasi selesai tepat waktu", "%",
              Polaritas.POSITIF, Agregasi.AKHIR, Decimal(90), tuple(Decimal(t) for t in (85, 87, 89, 90)),
              penanggung_jawab="Camat"),
    Indicator("IKU-02", Jenis.IKU, P.S2, "Jumlah dokumen perencanaan dan pelaporan kinerja", "dokumen",
              Polaritas.POSITIF, Agregasi.JUMLAH, Decimal(8), tuple(Decimal(2) for _ in range(4)),
              penanggung_jawab="Sekretaris Camat"),
]  # fmt: skip
K_REALISASI = {"IKU-01": (86, 88, 90, 91), "IKU-02": (2, 2, 2, 2)}


def _kaliwates(root: Path) -> Kantor:
    k = Kantor(root, "Kinerja Kaliwates 2025.xlsx")
    settings = Settings(periode_aktif=Periode.TW1, daftar_penanggung_jawab=("Camat", "Sekretaris Camat"))
    build_workbook(KALIWATES, K_INDICATORS, settings).save(k.master)
    return k


def _kaliwates_quarter(k: Kantor, periode: str) -> None:
    """Kaliwates types its realisasi into its master, signs and seals the period."""
    if periode in TRIWULAN:
        n = int(periode[-1])
        wb = load_workbook(k.master)
        ws = wb["IKU"]
        header = next(r[0].row for r in ws.iter_rows(max_row=10) if r[0].value == "Kode")
        col = next(c.column for c in ws[header] if c.value == f"Realisasi TW {'I' * n if n < 4 else 'IV'}")
        for row in ws.iter_rows(min_row=header + 1, max_row=header + 10):
            if row[0].value in K_REALISASI:
                ws.cell(row[0].row, col, K_REALISASI[str(row[0].value)][n - 1])
        wb.save(k.master)
    k.ok("hitung", k.master, "--periode", periode)
    k.ok("laporan", k.master, "--periode", periode, "--tanggal", P.SIGNED[periode], "--keluar", k.docs)
    k.ok("arsip", k.master, "--periode", periode, "--keluar", k.arsip / periode)


# --- Patrang's year ----------------------------------------------------------------------------------
def _start(k: Kantor, t: Tahun) -> None:
    t.setup["baru"] = k.ok("baru", k.master, "--sop", THREE_SOPS, "--tahun", P.TAHUN)
    k.type_profil(P.PROFIL, P.PEJABAT)
    k.type_indicators(P.INDICATORS)
    t.setup["periksa_sebelum"] = k.run("periksa", k.master, "--json")
    t.setup["sesuaikan"] = k.ok("sop", "sesuaikan", k.master)
    t.setup["periksa"] = k.run("periksa", k.master, "--json")
    k.ok("sop", "mulai", k.master, "--periode", str(P.TAHUN), "--sop", "Perencanaan")
    k.log_steps("Log Perencanaan", str(P.TAHUN), PLANNING_LOG)
    t.setup["rencana"] = k.ok("rencana", k.master, "--pdf", "--keluar", k.docs)
    t.setup["perjanjian"] = k.ok("perjanjian", k.master, "--pdf", "--keluar", k.docs)
    t.setup["perjanjian_iki"] = k.ok("perjanjian", k.master, "--iki", "--keluar", k.docs)


D = dt.datetime
PLANNING_LOG = {  # Log Perencanaan 2025, typed by the Kasubag Keuangan; step 3 on Isra Mi'raj (27 January)
    1: ("SUGENG", D(2025, 1, 6, 8, 0), D(2025, 1, 6, 8, 4)),
    2: (P.NAMA[P.SEK], D(2025, 1, 6, 9, 0), D(2025, 1, 6, 9, 12)),
    3: (P.NAMA[P.CAMAT], D(2025, 1, 27, 9, 0), D(2025, 1, 27, 9, 8)),
    4: (P.NAMA[P.KEU], D(2025, 1, 28, 8, 0), D(2025, 1, 30, 15, 0)),
    5: ("SUGENG", D(2025, 1, 31, 8, 0), D(2025, 2, 5, 15, 0)),
    6: (P.NAMA[P.KEU], D(2025, 2, 6, 8, 0), D(2025, 2, 6, 8, 10)),
    7: (P.NAMA[P.SEK], D(2025, 2, 6, 9, 0), D(2025, 2, 6, 14, 0)),
    8: (P.NAMA[P.SEK], D(2025, 2, 7, 8, 0), D(2025, 2, 7, 8, 10)),
    9: (P.NAMA[P.CAMAT], D(2025, 2, 7, 9, 0), D(2025, 2, 7, 9, 20)),
    10: ("SUGENG", D(2025, 2, 7, 10, 0), D(2025, 2, 7, 10, 10)),
    11: ("SUGENG", D(2025, 2, 7, 13, 0), D(2025, 2, 7, 13, 45)),
}


def _collect(k: Kantor, periode: str, q: Triwulan) -> None:
    """Hand the forms out, take them back as they come, rekap until all are in."""
    folder = k.root / f"Formulir {periode}"
    k.ok("formulir", k.master, "--periode", periode, "--keluar", folder)
    q.rekap_dibagikan = k.run("rekap", k.master, folder, "--json").json()
    returns = YEAR[periode]
    first = {pj: r for pj, r in returns.items() if pj != LATE.get(periode)}
    for pj, (how, values) in first.items():
        k.return_form(periode, pj, ODS if pj == ODS_FIRST.get(periode) else how, values)
    if periode in ODS_FIRST:
        q.ditolak["ods"] = k.refused("rekap", k.master, folder, "--json")
        k.form(periode, ODS_FIRST[periode]).with_suffix(".ods").rename(k.root / "ods-dikembalikan.ods")
        how, values = returns[ODS_FIRST[periode]]
        k.return_form(periode, ODS_FIRST[periode], how, values)
    if periode in TYPED_AS_FRACTION:
        q.ditolak["persen"] = k.refused("rekap", k.master, folder, "--json")
        pj, kode, key, typed = TYPED_AS_FRACTION[periode]
        k.return_form(periode, pj, LIBRE_KETIK, {kode: {key: typed}})
    q.rekap_awal = k.ok("rekap", k.master, folder, "--json").json()
    if periode in LATE:
        how, values = returns[LATE[periode]]
        k.return_form(periode, LATE[periode], how, values)
        q.rekap = k.ok("rekap", k.master, folder, "--json").json()
    else:
        q.rekap = q.rekap_awal
    q.pengumpulan["draf"] = k.ok("laporan-pengumpulan", k.master, folder, "--periode", periode, "--keluar", k.docs)
    q.pengumpulan["final"] = k.ok("laporan-pengumpulan", k.master, folder, "--periode", periode, "--final",
                                  "--keluar", k.docs)  # fmt: skip


def _sign_and_seal(k: Kantor, periode: str, q: Triwulan) -> None:
    q.hitung = k.ok("hitung", k.master, "--periode", periode, "--json").json()
    q.laporan = k.ok("laporan", k.master, "--periode", periode, "--pdf", "--tanggal", P.SIGNED[periode],
                     "--keluar", k.docs)  # fmt: skip
    q.kode = q.laporan.output.split("Kode verifikasi:")[1].split()[0]
    stem = f"Pengukuran_Kinerja_{P.TAHUN}_{periode}"
    q.signed_docx, q.signed_pdf = k.docs / f"{stem}.docx", k.docs / f"{stem}.pdf"
    iki_pdf = periode in ("TW2", "TAHUNAN")  # PDFs twice a year keep the run short; .docx every quarter
    k.ok("laporan-iki", k.master, "--periode", periode, *(["--pdf"] if iki_pdf else []), "--tanggal",
         P.SIGNED[periode], "--keluar", k.docs)  # fmt: skip
    q.iki = sorted(k.docs.glob(f"Pengukuran_Kinerja_Individu_{P.TAHUN}_{periode}_*.docx"))
    q.arsip_run = k.ok("arsip", k.master, "--periode", periode, "--keluar", k.arsip / periode)
    [q.arsip] = (k.arsip / periode).glob("Arsip_*.zip")


def _sop(k: Kantor, periode: str, q: Triwulan) -> None:
    runs = k.ok("sop", "periksa", k.master, "--periode", periode, "--json").json()
    q.sop = {r["sop"]: {x["langkah"]: x for x in r["periode"][0]["langkah"]} for r in runs["semua"] if r["periode"]}
    q.log = {s: k.log_rows(s, periode) for s in ("Log Langkah", "Log Pengumpulan Data")}


@pytest.fixture(scope="module")
def tahun(tmp_path_factory: pytest.TempPathFactory) -> Tahun:
    root = tmp_path_factory.mktemp("tahun")
    (root / "patrang").mkdir()
    (root / "kaliwates").mkdir()
    patrang = Kantor(root / "patrang", "Kinerja Patrang 2025.xlsx")
    t = Tahun(patrang, _kaliwates(root / "kaliwates"), root / "Rekap Kabupaten Jember 2025.xlsx")
    _start(patrang, t)
    for periode in PERIODS:
        q = t.q[periode] = Triwulan(periode)
        patrang.set_periode_aktif(periode)
        if periode in TRIWULAN:
            for sop in ("SOP", "Pengumpulan Data"):
                patrang.ok("sop", "mulai", patrang.master, "--periode", periode, "--sop", sop)
            _collect(patrang, periode, q)
        _sign_and_seal(patrang, periode, q)
        if periode in TRIWULAN:
            _sop(patrang, periode, q)
        q.periksa = patrang.run("periksa", patrang.master, "--json").json()
        _kaliwates_quarter(t.kaliwates, periode)
        q.kabupaten = patrang.ok("kabupaten", patrang.arsip / periode, t.kaliwates.arsip / periode, "--periode",
                                 periode, "--keluar", t.rekap_kabupaten)  # fmt: skip
    return t


# === the tests ======================================================================================
def test_the_year_is_played(tahun: Tahun) -> None:
    assert list(tahun.q) == list(PERIODS)
    print(json.dumps({p: q.kode for p, q in tahun.q.items()}))

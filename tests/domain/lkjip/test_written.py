"""What a person must write: the text when written, a marked placeholder in a draft, and the final gate
naming every missing piece."""

from __future__ import annotations

from xlwings_app.domain.lkjip.structure import required
from xlwings_app.domain.lkjip.written import PLACEHOLDER, Tulisan, missing_required, placeholder, written

SASARAN = ["Meningkatnya kualitas pelayanan publik", "Meningkatnya partisipasi masyarakat desa"]


def test_a_written_piece_takes_the_persons_text() -> None:
    p = written("bab1.aspek_strategis", [Tulisan("bab1.aspek_strategis", "  Kecamatan adalah garda depan. ")])
    assert p is not None and (p.teks, p.belum_ditulis) == ("Kecamatan adalah garda depan.", False)


def test_an_unwritten_required_piece_is_a_marked_placeholder_saying_what_and_where() -> None:
    p = written("bab1.aspek_strategis", [Tulisan("bab1.aspek_strategis", "   ")])
    assert p is not None and p.belum_ditulis
    assert p.teks == ("[Belum ditulis: Aspek strategis organisasi (BAB I Pendahuluan, C. Aspek Strategis "
                      "Organisasi). Peran strategis unit bagi daerah dan masyarakat yang dilayaninya.]")


def test_a_per_sasaran_piece_is_written_for_each_sasaran() -> None:
    tulisan = [Tulisan("bab3.a.5.analisis", "Target tercapai karena layanan daring.", " meningkatnya KUALITAS pelayanan publik")]
    first = written("bab3.a.5.analisis", tulisan, SASARAN[0])
    second = written("bab3.a.5.analisis", tulisan, SASARAN[1])
    assert first is not None and not first.belum_ditulis and first.sasaran == SASARAN[0]
    assert second is not None and second.belum_ditulis
    assert second.teks.startswith(PLACEHOLDER) and 'sasaran "Meningkatnya partisipasi masyarakat desa"' in second.teks


def test_an_optional_piece_left_unwritten_is_left_out() -> None:
    assert written("bab1.tindak_lanjut", []) is None
    assert written("bab3.a.7.analisis", [], SASARAN[0]) is None


def test_a_placeholder_copied_back_is_not_text() -> None:
    copied = placeholder(required()[0]).teks
    assert written("bab1.organisasi", [Tulisan("bab1.organisasi", copied)]).belum_ditulis  # type: ignore[union-attr]


def test_the_final_gate_names_every_missing_piece_per_sasaran() -> None:
    tulisan = [
        Tulisan("bab1.organisasi", "Kecamatan Sukamaju ..."),
        Tulisan("bab1.tugas_fungsi", "", sheet="Narasi LKjIP", baris=5, sel="C5"),
        Tulisan("bab1.aspek_strategis", "Garda depan pelayanan."),
        Tulisan("bab1.permasalahan_utama", "Data desa terlambat."),
        Tulisan("bab3.a.5.analisis", "Layanan daring mempercepat.", SASARAN[0]),
    ]
    problems = missing_required(tulisan, SASARAN, 2024)
    assert [p.pesan for p in problems] == [
        "LKjIP 2024: Tugas dan fungsi belum ditulis (BAB I Pendahuluan, B. Tugas dan Fungsi); wajib diisi "
        "sebelum LKjIP final.",
        'LKjIP 2024: Analisis penyebab keberhasilan/kegagalan dan alternatif solusi untuk sasaran "Meningkatnya '
        'partisipasi masyarakat desa" belum ditulis (BAB III Akuntabilitas Kinerja, A. Capaian Kinerja Organisasi, '
        "(5) Penyebab Keberhasilan atau Kegagalan dan Alternatif Solusi); wajib diisi sebelum LKjIP final.",
        "LKjIP 2024: Langkah di masa mendatang belum ditulis (BAB IV Penutup); wajib diisi sebelum LKjIP final.",
    ]
    assert all(p.is_error for p in problems)
    assert (problems[0].sheet, problems[0].baris, problems[0].sel) == ("Narasi LKjIP", 5, "C5")
    assert str(problems[2]).startswith("LKjIP 2024: Langkah")  # no place to name: the message alone


def test_for_a_draft_the_same_gaps_are_notices() -> None:
    problems = missing_required([], SASARAN, 2024, "catatan")
    assert len(problems) == 7 and not any(p.is_error for p in problems)  # 5 unit-wide + 1 per sasaran × 2


def test_everything_written_passes_the_gate() -> None:
    tulisan = [Tulisan(s.kunci, "Ditulis.", of) for s in required() for of in (SASARAN if s.per_sasaran else [""])]
    assert missing_required(tulisan, SASARAN, 2024) == []

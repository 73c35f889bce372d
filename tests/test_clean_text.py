"""The text cleaner, one rule at a time, on small pages written for these tests."""

from __future__ import annotations

import warta
from warta.clean.text import clean_text


def kinds(text: str, **kw) -> list[tuple[str, str]]:
    c = clean_text(text, **kw)
    return [(p.kind, text[p.start:p.end]) for p in c.pieces]


def test_read_also_line_is_removed_and_prose_kept() -> None:
    text = (
        "JAKARTA, WARTAKITA.ID - Pemerintah kota menambah armada bus listrik untuk rute pinggiran.\n"
        "Baca Juga: Tarif Parkir Naik Mulai Bulan Depan, Ini Daftarnya\n"
        "Kepala dinas perhubungan mengatakan armada baru tiba pekan depan dan langsung beroperasi.\n"
    )
    c = clean_text(text)
    assert "Baca Juga" not in c.body
    assert c.body.startswith("Pemerintah kota menambah")
    assert c.body.endswith("langsung beroperasi.")
    assert ("read_also", "Baca Juga: Tarif Parkir Naik Mulai Bulan Depan, Ini Daftarnya") in kinds(text)
    assert c.dateline is not None and c.dateline.text == "JAKARTA, WARTAKITA.ID -"


def test_glued_read_also_comes_apart_at_the_right_character() -> None:
    text = (
        "SURABAYA, KABARJATIM.COM - Harga cabai di pasar tradisional kembali naik menjelang akhir pekan "
        "karena pasokan dari petani berkurang. BACA JUGA:Jembatan Baru Kali Brantas Dibuka Untuk UmumPara "
        "pedagang mengaku pembeli mulai mengurangi belanja mereka sejak awal minggu ini."
    )
    c = clean_text(text)
    assert "Jembatan" not in c.body
    assert "Para pedagang mengaku pembeli" in c.body
    assert ("read_also", "BACA JUGA:Jembatan Baru Kali Brantas Dibuka Untuk Umum") in kinds(text)


def test_read_also_title_then_sentence_case_prose() -> None:
    text = (
        "Warga diminta waspada terhadap cuaca ekstrem selama sepekan ke depan menurut prakiraan terbaru. "
        "Baca juga: Wali kota tinjau tanggul yang jebol di pesisir utara Sementara itu, petugas gabungan "
        "terus memantau ketinggian air di sejumlah pintu air sejak dini hari."
    )
    c = clean_text(text)
    assert "Wali kota tinjau" not in c.body
    assert "Sementara itu, petugas gabungan" in c.body


def test_related_list_after_header_is_removed() -> None:
    text = (
        "Polisi menutup sementara jalan utama selama perbaikan saluran air di kawasan pasar lama.\n"
        "Petugas mengarahkan pengendara melewati jalan alternatif di sisi timur pasar hingga malam.\n"
        "Artikel Terkait\n"
        "Resep Sambal Matah Segar Untuk Teman Makan Siang\n"
        "Artis Terkenal Umumkan Pernikahan, Netizen Heboh\n"
        "Jadwal Sepak Bola Akhir Pekan Ini Lengkap\n"
    )
    c = clean_text(text)
    assert c.body.count("\n") == 1
    assert "Resep" not in c.body and "Artikel Terkait" not in c.body
    assert [k for k, _ in kinds(text)] == ["related"]


def test_credits_give_authors() -> None:
    text = (
        "BANDUNG - Ribuan warga memadati alun-alun untuk menyaksikan pawai budaya tahunan sejak pagi hari.\n"
        "Pawai diikuti oleh dua puluh kelompok seni dari berbagai kecamatan di kabupaten ini.\n"
        "Penulis: Siti Rahmawati\n"
        "Editor : Dedi Kurniawan\n"
    )
    c = clean_text(text)
    assert c.authors == ["Siti Rahmawati", "Dedi Kurniawan"]
    assert "Penulis" not in c.body and "Editor" not in c.body


def test_initials_at_the_end_are_a_credit_not_an_acronym_in_prose() -> None:
    text = (
        "Bank Indonesia (BI) menahan suku bunga acuan pada rapat bulan ini, kata gubernur bank sentral. "
        "Keputusan itu sesuai perkiraan para analis pasar. (ant/rdk)"
    )
    c = clean_text(text)
    assert "(BI)" in c.body
    assert "(ant/rdk)" not in c.body
    assert c.authors == ["rdk"]  # `ant` is the agency, not an author


def test_promo_sentence_is_removed() -> None:
    text = (
        "Pemerintah daerah membuka pendaftaran beasiswa bagi pelajar berprestasi mulai pekan depan. "
        "Simak berita terkini lainnya di Google News. Pendaftaran ditutup pada akhir bulan depan."
    )
    c = clean_text(text)
    assert "Google News" not in c.body
    assert "Pendaftaran ditutup pada akhir bulan depan." in c.body


def test_photo_caption_with_credit_in_flat_text() -> None:
    text = (
        "Ratusan nelayan menggelar doa bersama di pantai sebelum musim melaut dimulai pekan depan. "
        "Suasana doa bersama nelayan di Pantai Timur. (Foto: Dok. Humas Pemkab) Acara itu juga diisi "
        "dengan pelepasan sesaji ke laut sebagai ungkapan syukur atas hasil tangkapan tahun lalu."
    )
    c = clean_text(text)
    assert "(Foto:" not in c.body
    assert "Suasana doa bersama" not in c.body
    assert "Acara itu juga diisi" in c.body


def test_headline_through_the_url_slug() -> None:
    text = (
        "Banjir Rendam Tiga Desa di Pesisir Utara\n"
        "PEKALONGAN, WARTAPESISIR.COM - Banjir rob kembali merendam tiga desa di pesisir utara sejak Senin pagi.\n"
        "Warga memindahkan barang berharga ke tempat yang lebih tinggi sambil menunggu air surut.\n"
    )
    c = clean_text(text, url="https://wartapesisir.com/read/2025/01/06/banjir-rendam-tiga-desa-di-pesisir-utara")
    assert c.title == "Banjir Rendam Tiga Desa di Pesisir Utara"
    assert not c.body.startswith("Banjir Rendam")
    assert ("headline", "Banjir Rendam Tiga Desa di Pesisir Utara") in [(p.kind, text[p.start:p.end]) for p in c.pieces]


def test_nothing_to_clean_leaves_text_unchanged() -> None:
    text = (
        "Petani di lereng gunung mulai memanen kopi lebih awal tahun ini karena musim kemarau yang panjang. "
        "Mereka berharap harga jual tetap stabil hingga akhir musim panen."
    )
    c = clean_text(text)
    assert c.body == text
    assert c.pieces == []


def test_removed_offsets_point_into_the_input() -> None:
    text = "KUPANG - Festival tenun ikat digelar selama tiga hari di taman kota dengan ratusan peserta.\nBagikan Artikel:\n"
    art = warta.process(text)
    for r in art.removed:
        assert text[r.start:r.end] == r.text
    assert [r.kind for r in art.removed] == ["dateline", "social"]

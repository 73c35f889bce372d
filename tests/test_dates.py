"""warta.understand.dates: every date and time expression in a body, as ISO 8601.

The sentences here are written for these tests; the dev gold is read from ../shared when present.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.evaluate import date_value, prf
from warta.understand.dates import find_dates


def values(body: str, published: str | None = None, **kw) -> dict[str, str]:
    return {d["text"]: d["value"] for d in find_dates(body, published, **kw)}


def check_shape(body: str, found: list[dict]) -> None:
    last_end = 0
    for d in found:
        assert set(d) == {"text", "value", "start", "end"}
        assert body[d["start"]:d["end"]] == d["text"]
        assert d["start"] >= last_end, "spans overlap or are out of order"
        last_end = d["end"]
        assert date_value(d) or d["value"].startswith(("a ", "date not stated")), d


# --- absolute dates -------------------------------------------------------------------------------

def test_full_dates_and_day_names_with_numbers():
    body = ("Rapat digelar pada 30 Desember 2023 di Balai Kota. Warga berkumpul Selasa (18/1/2022) "
            "sebelum hujan. Keputusan diumumkan Jumat, 22 Maret 2025. Dokumen bertanggal 04-02-2021.")
    v = values(body)
    assert v["30 Desember 2023"] == "2023-12-30"
    assert v["Selasa (18/1/2022)"] == "2022-01-18"
    assert v["Jumat, 22 Maret 2025"] == "2025-03-22"
    assert v["04-02-2021"] == "2021-02-04"


def test_day_month_takes_the_year_of_the_publication_date():
    body = "Polisi menangkap pelaku, Jumat (21/3). Ia sudah diburu sejak 23 Desember lalu."
    v = values(body, "2025-03-22")
    assert v["Jumat (21/3)"] == "2025-03-21"
    assert v["23 Desember lalu"] == "2024-12-23"  # `lalu`: the latest such day before the reference


def test_day_month_without_any_year_stays_yearless():
    v = values("Pelaku ditangkap Sabtu (9/5) pagi di depan toko.")
    assert v["Sabtu (9/5) pagi"] == "--05-09"


def test_the_day_name_picks_the_year_among_those_the_text_writes():
    body = "Laba sepanjang 2024 turun. Laporan itu dikutip pada Kamis (20/3)."
    assert values(body)["Kamis (20/3)"] == "2025-03-20"  # 20 March is a Thursday in 2025


def test_a_day_written_again_without_its_year_keeps_it():
    body = "Program dimulai pada 10 Februari 2025. Sejak 10 Februari, pendaftar terus bertambah."
    assert values(body)["10 Februari"] == "2025-02-10"


def test_invalid_year_is_a_note():
    v = values("Tersangka diserahkan ke kejaksaan, Rabu (4/11/205).")
    assert v["Rabu (4/11/205)"].startswith("a ")


def test_months_years_and_names_with_years():
    body = ("Anime itu tayang pada Oktober 2024 dan pelatihan digelar pada bulan Maret 1999. "
            "Kerja sama berjalan sejak tahun 2016, laba sepanjang 2024 naik dibanding pada 2023. "
            "Kota tuan rumah: Bali, Indonesia (2007). Musim IBL 2025 dibuka, JLC Lucky Draw 2024 diundi. "
            "Aturan itu tertuang dalam UU Nomor 11 Tahun 2020. Sebanyak 2000 orang hadir.")
    v = values(body)
    assert v["Oktober 2024"] == "2024-10"
    assert v["bulan Maret 1999"] == "1999-03"
    assert v["tahun 2016"] == "2016"
    assert v["2024"] == "2024" and v["2023"] == "2023"
    assert v["2007"] == "2007"
    assert v["Tahun 2020"] == "2020"
    assert "2025" not in v and "2000" not in v  # a year inside a name, a count of people


# --- times ----------------------------------------------------------------------------------------

def test_times_with_zones_join_their_day():
    body = ("Episode terbaru tayang pada Sabtu, 22 Maret 2025 pukul 23.30 WIB. Pesawat mendarat "
            "Jumat (6/11/2015) pukul 08.45 WITA, lalu berangkat lagi Senin (9/11/2015) pukul 07.10 WIT.")
    v = values(body)
    assert v["Sabtu, 22 Maret 2025 pukul 23.30 WIB"] == "2025-03-22T23:30+07:00"
    assert v["Jumat (6/11/2015) pukul 08.45 WITA"] == "2015-11-06T08:45+08:00"
    assert v["Senin (9/11/2015) pukul 07.10 WIT"] == "2015-11-09T07:10+09:00"


def test_time_takes_the_day_of_its_sentence_or_stays_a_time_of_day():
    v = values('"Pelaku kami tangkap pukul 05.00 WIB pagi tadi," katanya, Jumat (15/5).')
    assert v["pukul 05.00 WIB pagi tadi"] == "--05-15T05:00+07:00"
    assert values("Gempa terjadi pada pukul 14.36 WIB.")["pukul 14.36 WIB"] == "T14:36+07:00"
    v = values("Diskon berlaku hingga 23 Maret 2025. Voucher berlaku setiap hari pukul 19.00 WIB.")
    assert v["pukul 19.00 WIB"] == "T19:00+07:00"  # recurring: a time of day


def test_time_with_the_publication_date_and_parts_of_the_day():
    body = "Rumah itu terbakar Selasa (28/7). Api terlihat sekitar pukul 13.50 dan padam jam 3 sore."
    v = values(body, "2015-07-28")
    assert v["pukul 13.50"] == "2015-07-28T13:50"
    assert v["jam 3 sore"] == "2015-07-28T15:00"


def test_time_ranges():
    v = values("Promo berlaku dari 1 Juli hingga 10 Juli 2024, dari jam 10 pagi hingga 11:59 malam.")
    assert v["1 Juli hingga 10 Juli 2024"] == "2024-07-01/2024-07-10"
    assert v["jam 10 pagi hingga 11:59 malam"] == "T10:00/T23:59"


# --- relative expressions -------------------------------------------------------------------------

def test_relative_days_weeks_and_counts_from_the_publication_date():
    body = ("Kemarin harga cabai naik. Lusa pasar ditutup. Pekan lalu stok menipis, dan minggu lalu "
            "pasokan terlambat. Tiga hari lalu hujan deras; 2 hari yang lalu banjir surut. Panen "
            "dimulai awal Maret. Rapat digelar Selasa malam. Tahun lalu harga stabil, bulan depan "
            "diperkirakan turun, dan akhir pekan ini pasar ramai.")
    v = values(body, "2025-03-21")  # a Friday
    assert v["Kemarin"] == "2025-03-20"
    assert v["Lusa"] == "2025-03-23"
    assert v["Pekan lalu"] == "2025-W11" and v["minggu lalu"] == "2025-W11"
    assert v["Tiga hari lalu"] == "2025-03-18"
    assert v["2 hari yang lalu"] == "2025-03-19"
    assert v["awal Maret"] == "2025-03"
    assert v["Selasa malam"] == "2025-03-18"
    assert v["Tahun lalu"] == "2024"
    assert v["bulan depan"] == "2025-04"
    assert v["akhir pekan ini"] == "2025-03-22/2025-03-23"


def test_bare_day_name_needs_a_reference():
    assert values("Ia mengatakannya di Jakarta, Kamis.")["Kamis"] == "a Thursday (date not stated)"
    assert values("Ia mengatakannya di Jakarta, Kamis.", "2015-11-05")["Kamis"] == "2015-11-05"
    assert "Jumat" not in values("Ia hadir usai salat Jumat.", "2025-03-21")
    assert values("Kantor buka Senin hingga Jumat.", "2025-03-21") == {}


def test_without_publication_date_the_text_dates_its_own_now():
    body = ("IHSG berpeluang melemah pada perdagangan Jumat (21/3/2025). Indeks menguat pada "
            "perdagangan Kamis, 20 Maret 2025. Untuk rekomendasi saham hari ini, analis memilih tiga saham.")
    v = values(body)
    assert v["hari ini"] == "2025-03-21"
    body = "Pekan ini ada promo yang berlaku 21-23 Maret 2025."
    assert values(body)["Pekan ini"] == "2025-W12"


def test_previous_year_counts_from_the_year_last_written():
    body = "Laporan keuangan per 31 Desember 2024 mencatat pendapatan naik dibanding tahun sebelumnya."
    assert values(body)["tahun sebelumnya"] == "2023"


def test_a_count_of_years_is_not_this_year():
    assert values("Selama 17 tahun ini ia bekerja di sana.", "2025-03-21") == {}


# --- ranges and holidays --------------------------------------------------------------------------

def test_ranges():
    body = ("Promo berlangsung 17-23 Maret 2025, lalu 17 - 20 Maret 2025 untuk member, dan 1 hingga 31 "
            "Desember 2024 tahun lalu. Periode Januari-Desember 2024 dan 2020-2024 dibandingkan.")
    v = values(body)
    assert v["17-23 Maret 2025"] == "2025-03-17/2025-03-23"
    assert v["17 - 20 Maret 2025"] == "2025-03-17/2025-03-20"
    assert v["1 hingga 31 Desember 2024"] == "2024-12-01/2024-12-31"
    assert v["Januari-Desember 2024"] == "2024-01/2024-12"
    assert v["2020-2024"] == "2020/2024"
    assert values("Pameran digelar 17-23 Maret.", "2025-03-01")["17-23 Maret"] == "2025-03-17/2025-03-23"


def test_holidays():
    body = ("Bonus dibayar paling lambat tujuh hari sebelum hari raya Idulfitri 2025. Hari Raya Idul "
            "Fitri 2025 diperkirakan jatuh pada Senin, 31 Maret 2025. Arus mudik Lebaran 2025 diprediksi "
            "padat, seperti saat Natal 2024. Pelatihan digelar menjelang Idul Fitri 1444 H.")
    v = values(body)
    assert v["hari raya Idulfitri 2025"] == "2025-03-31"  # the date the text states for it
    assert v["Hari Raya Idul Fitri 2025"] == "2025-03-31"
    assert v["Lebaran 2025"] == "2025"  # a season: its year
    assert v["Natal 2024"] == "2024-12-25"  # a fixed day
    assert v["Idul Fitri 1444 H"].startswith("a ")  # a Hijri year: a note
    assert values("Persiapan Idul Adha 2024 dimulai.")["Idul Adha 2024"] == "2024"


# --- the API --------------------------------------------------------------------------------------

def test_each_distinct_expression_once_unless_asked():
    body = "Promo 21-23 Maret 2025 berlaku di Jawa. Promo 21-23 Maret 2025 tidak berlaku di NTT."
    assert len(find_dates(body)) == 1
    every = find_dates(body, unique=False)
    assert [d["start"] for d in every] == [body.index("21-23"), body.rindex("21-23")]


def test_shape_and_never_raises():
    body = ("Senin (11/3/2024) pukul 14.30 WIB, kemarin, 2 hari yang lalu, pekan lalu, (2007), "
            "31/2/2024, Rabu (32/13), pukul 99.99 WIB, tahun 99999, Minggu (26/7/2020).")
    found = find_dates(body, "2024-03-12")
    check_shape(body, found)
    assert find_dates("") == [] and find_dates(None) == []  # type: ignore[arg-type]
    assert find_dates("Kemarin hujan.", "not a date")[0]["value"].startswith("a ")


_PIECES = st.sampled_from([
    "Senin", "(11/3/2024)", "(31/2)", "pukul", "14.30", "WIB", "Wita", "kemarin", "lusa", "pekan",
    "lalu", "ini", "tahun", "2025", "1444", "H", "Maret", "17-23", "hingga", "Idul Fitri", "Lebaran",
    "tiga", "hari", "yang", "awal", "akhir", ",", ".", "\n", "(", ")", "Jumat", "malam", "IBL", "jam",
    "10", "pagi", "sebelumnya", "depan", "-", "/", "2024/2025", "Kamis,", "20", "Desember",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30), st.sampled_from([None, "2025-03-21", "2016-02-29"]))
def test_any_text_gives_well_formed_spans(pieces, published):
    body = " ".join(pieces)
    check_shape(body, find_dates(body, published))
    check_shape(body, find_dates(body, published, unique=False))


# --- dateparser as an oracle where it reads Indonesian right ----------------------------------------

@pytest.mark.parametrize("phrase", [
    "Senin (11/3/2024)", "Senin, 11 Maret 2024", "30 Desember 2023", "pukul 14.30 WIB",
    "pukul 08.00 WITA", "pukul 20.15 WIT", "kemarin", "besok", "2 hari yang lalu",
])
def test_agrees_with_dateparser(phrase):
    dateparser = pytest.importorskip("dateparser")
    base = dt.datetime(2024, 3, 12, 12, 0)
    want = dateparser.parse(phrase, languages=["id"], settings={"RELATIVE_BASE": base, "DATE_ORDER": "DMY"})
    got = find_dates(phrase, "2024-03-12")
    assert len(got) == 1 and got[0]["text"] == phrase
    if want.tzinfo is not None:  # a clock time with its zone, on the reference day
        assert got[0]["value"] == want.isoformat(timespec="minutes")
    else:
        assert got[0]["value"] == want.date().isoformat()


# --- the dev gold ---------------------------------------------------------------------------------

def test_dev_gold_dates_f1(dev_gold):
    tp = n_pred = n_gold = 0
    for g in dev_gold:
        found = find_dates(g["body"], g.get("published"))
        check_shape(g["body"], found)
        gd = Counter(v for v in map(date_value, g.get("dates") or []) if v)
        pd = Counter(v for v in map(date_value, found) if v)
        tp += sum((gd & pd).values())
        n_pred += sum(pd.values())
        n_gold += sum(gd.values())
    p, r, f = prf(tp, n_pred, n_gold)
    assert f >= 0.95, (p, r, f)

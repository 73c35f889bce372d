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


# --- months with a relative year, counts from the day last mentioned --------------------------------

def test_a_month_with_a_relative_year():
    body = ("Kasus DBD naik dibandingkan Januari tahun lalu. Tol ditargetkan rampung Maret tahun depan, "
            "sedangkan evaluasi digelar Mei tahun ini. Upacara 17 Agustus tahun lalu berlangsung khidmat.")
    v = values(body, "2025-02-06")
    assert v["Januari tahun lalu"] == "2024-01"
    assert v["Maret tahun depan"] == "2026-03"
    assert v["Mei tahun ini"] == "2025-05"
    assert v["17 Agustus tahun lalu"] == "2024-08-17"
    assert "tahun lalu" not in v  # the year belongs to the month's span


def test_a_month_name_alone_is_not_a_month():
    assert values("Januari menjadi bulan tersibuk bagi petugas. Juni datang terlambat.", "2025-02-06") == {}


def test_since_a_month_is_the_latest_one_up_to_the_reference():
    body = "Hujan turun sejak Desember. Harga naik sejak awal November."
    v = values(body, "2025-11-20")
    assert v["Desember"] == "2024-12"  # not the coming December
    assert v["awal November"] == "2025-11"
    body = ("Sebanyak 312 kasus tercatat sepanjang Januari hingga Februari 2025, tertinggi sejak akhir "
            "Desember, kata Kepala Dinas, Selasa (4/3/2025).")
    assert values(body)["akhir Desember"] == "2024-12"  # no publication date: from the text's own day


def test_counts_from_the_day_the_text_last_mentioned():
    body = ("Harga emas menembus Rp5,2 juta per mayam, Selasa (14/10/2025). Sehari sebelumnya harga masih "
            "Rp5,05 juta.")
    assert values(body, "2025-10-20")["Sehari sebelumnya"] == "2025-10-13"  # not the day before publication
    body = ("Gudang terbakar pada Jumat (10/10/2025). Dua hari kemudian polisi menetapkan tersangka, dan "
            "keesokan harinya berkas dilimpahkan.")
    v = values(body, "2025-10-20")
    assert v["Dua hari kemudian"] == "2025-10-12"
    assert v["keesokan harinya"] == "2025-10-13"  # from the day last mentioned, itself counted
    body = "Indeks keyakinan konsumen pada April 2025 turun dari 121,1 pada bulan sebelumnya."
    assert values(body, "2025-05-20")["bulan sebelumnya"] == "2025-03"
    assert values("Sehari sebelumnya harga naik.", "2025-10-14")["Sehari sebelumnya"].startswith("a ")


def test_the_units_ahead_are_a_span():
    body = ("Petugas berjaga selama dua pekan ke depan. Stok beras aman tiga bulan ke depan. Ke depan, "
            "harga diperkirakan naik. Dua pekan lagi pasar dibuka.")
    v = values(body, "2025-02-07")
    assert v["dua pekan ke depan"] == "2025-02-08/2025-02-21"  # the 14 days after the reference
    assert v["tiga bulan ke depan"] == "2025-03/2025-05"
    assert v["Dua pekan lagi"] == "2025-W08"  # `lagi`: one point, two weeks on
    assert "Ke depan" not in v


def test_years_before_in_the_plural_are_not_a_year():
    body = "Praktik numpang KK marak terjadi pada tahun-tahun sebelumnya, kata dia, Senin (2/6/2025)."
    assert "tahun sebelumnya" not in values(body, "2025-06-03")


def test_the_same_period_in_another_year():
    body = ("Kunjungan wisatawan sepanjang Januari hingga Juni 2025 mencapai 2,1 juta orang. Angka itu "
            "naik 9 persen dibanding periode yang sama tahun lalu.")
    v = values(body, "2025-07-12")
    assert v["Januari hingga Juni 2025"] == "2025-01/2025-06"
    assert v["periode yang sama tahun lalu"] == "2024-01/2024-06"
    body = "Angka itu naik 9 persen dibanding periode yang sama tahun lalu."
    assert values(body, "2025-07-12")["periode yang sama tahun lalu"].startswith("a ")  # no period to copy


def test_a_range_of_months_without_a_year():
    v = values("Debit mata air turun pada September hingga November.", "2025-08-14")
    assert v == {"September hingga November": "2025-09/2025-11"}
    assert values("Musim hujan berlangsung November-Februari.", "2025-10-01")["November-Februari"] == "2025-11/2026-02"


def test_ranges_with_a_relative_year_or_lalu():
    body = "Pendaftaran dibuka 1-5 Maret lalu. Banjir terjadi Maret-April lalu. Pameran digelar 10-12 Juni tahun lalu."
    v = values(body, "2025-02-16")
    assert v["1-5 Maret lalu"] == "2024-03-01/2024-03-05"  # `lalu`: the latest before the reference
    assert v["Maret-April lalu"] == "2024-03/2024-04"
    assert v["10-12 Juni tahun lalu"] == "2024-06-10/2024-06-12"
    assert values("Pameran digelar 10-12 Juni tahun lalu.")["10-12 Juni tahun lalu"] == "--06-10/--06-12"


# --- parts of periods, weekends, quarters -----------------------------------------------------------

def test_the_weekend_alone_is_the_one_nearest_the_reference():
    body = "Banyak pengusaha sudah menerima order pengiriman untuk akhir pekan."
    assert values(body, "2025-05-08")["akhir pekan"] == "2025-05-10/2025-05-11"  # a Thursday: the coming one
    assert values(body, "2025-05-12")["akhir pekan"] == "2025-05-10/2025-05-11"  # a Monday: the one just past
    v = values("Akhir pekan lalu pasar sepi, akhir pekan ini ramai.", "2025-05-08")
    assert v["Akhir pekan lalu"] == "2025-05-03/2025-05-04"
    assert v["akhir pekan ini"] == "2025-05-10/2025-05-11"


def test_a_general_weekend_is_not_a_date():
    body = ("Pesepeda datang setiap akhir pekan. Jalan Riau tersendat, terutama pada akhir pekan. "
            "Kedai ramai setiap Sabtu dan Minggu, juga tiap hari Senin.")
    assert values(body, "2025-05-08") == {}


def test_the_end_of_the_year_is_the_year_as_the_end_of_march_is_the_month():
    body = "Harga emas berpotensi naik hingga akhir tahun. Akhir tahun ini stok aman, seperti awal Maret."
    v = values(body, "2025-04-14")
    assert v["akhir tahun"] == "2025"
    assert v["Akhir tahun ini"] == "2025"
    assert v["awal Maret"] == "2025-03"
    body = ("Laporan akhir tahun anggaran 2024 rampung. Diskon diberikan memasuki pertengahan bulan suci "
            "Ramadan. Tagihan dibayar di akhir bulan.")
    v = values(body, "2025-03-14")
    assert v == {"2024": "2024"}  # another period's end, a holiday season, a general habit
    assert values("Stok menipis jelang akhir bulan.", "2025-03-14")["akhir bulan"] == "2025-03"


def test_quarters_and_halves_of_a_year():
    body = ("Laba kuartal I 2025 naik, kuartal IV/2024 turun, triwulan pertama tahun ini stabil, dan "
            "semester II 2024 merugi. Mahasiswa semester 5 ikut magang. Kuartal II diperkirakan lebih buruk.")
    v = values(body, "2025-05-20")
    assert v["kuartal I 2025"] == "2025-01/2025-03"
    assert v["kuartal IV/2024"] == "2024-10/2024-12"
    assert v["triwulan pertama tahun ini"] == "2025-01/2025-03"
    assert v["semester II 2024"] == "2024-07/2024-12"
    assert not any(t.startswith(("semester 5", "Kuartal II")) for t in v)  # no year: nothing read


# --- clock times in words, days said in words ------------------------------------------------------

def test_clock_times_in_words():
    body = ("Rapat dimulai pukul delapan pagi dan makan malam pukul tujuh malam. Ia tiba pukul setengah "
            "delapan, pulang jam sembilan lewat seperempat, dan tidur jam dua belas malam.")
    v = values(body, "2025-03-17")
    assert v["pukul delapan pagi"] == "2025-03-17T08:00"
    assert v["pukul tujuh malam"] == "2025-03-17T19:00"
    assert v["pukul setengah delapan"] == "2025-03-17T07:30"
    assert v["jam sembilan lewat seperempat"] == "2025-03-17T09:15"
    assert v["jam dua belas malam"] == "2025-03-17T00:00"
    assert values("“Biasanya jam delapan sudah sampai,” katanya.", "2025-03-17")["jam delapan"] == "T08:00"


def test_durations_and_numbers_are_not_clock_times():
    body = ("Perjalanan memakan waktu satu jam delapan menit. Antrean mencapai jam tujuh belas orang. "
            "Posko siaga 24 jam 7 hari seminggu, layanan buka 24 jam tiga hari berturut-turut.")
    assert values(body, "2025-03-17") == {}


def test_working_hours_are_times_of_day():
    v = values("Jam operasional kantor pukul 08.00-16.00 WIB. Rapat digelar jam 10 pagi.", "2025-03-17")
    assert v["pukul 08.00-16.00 WIB"] == "T08:00+07:00/T16:00+07:00"
    assert v["jam 10 pagi"] == "2025-03-17T10:00"


def test_earlier_today_and_the_night_of_the_new_year():
    body = ("Mental mereka di final tadi sudah bagus. Tadi pagi hujan. Seperti disebutkan tadi, harga naik. "
            "Hal yang tadi saya sampaikan penting. Jalan Asia Afrika padat pada malam pergantian tahun.")
    v = values(body, "2025-12-22")
    assert v["tadi"] == "2025-12-22"
    assert v["Tadi pagi"] == "2025-12-22"
    # the `tadi` near `disebutkan`, `sampaikan` points back in the text: only `di final tadi` is a day
    every = find_dates(body, "2025-12-22", unique=False)
    assert [d["start"] for d in every if d["text"] == "tadi"] == [body.index("tadi")]
    assert v["malam pergantian tahun"] == "2025-12-31"
    assert values("Pesta malam tahun baru meriah.", "2026-01-02")["malam tahun baru"] == "2025-12-31"
    assert values("Perayaan malam Tahun Baru 2026 digelar.")["malam Tahun Baru 2026"] == "2025-12-31"
    assert values("Jalan padat pada malam pergantian tahun.")["malam pergantian tahun"].startswith("a ")


def test_days_before_a_holiday():
    body = ("Pemudik memadati jalan pada H-7 Lebaran. Idul Fitri 2025 jatuh pada Senin, 31 Maret 2025. "
            "Persiapan sudah dimulai H-10.")
    v = values(body, "2025-03-20")
    assert v["H-7 Lebaran"] == "2025-03-24"
    assert v["H-10"].startswith("a day 10 days before a holiday")  # which holiday: not said, a note
    assert values("Toko tutup pada H-1 Natal.", "2025-12-20")["H-1 Natal"] == "2025-12-24"
    assert values("Arus balik diperkirakan H+3 Lebaran.", "2025-03-20")["H+3 Lebaran"].startswith("a day 3 days after")
    assert values("Visa H-1B diperketat.", "2025-03-20") == {}


def test_a_holiday_dated_beside_its_name_dates_its_other_days():
    body = ("Festival dimulai pada malam takbiran, Minggu (30/3/2025), dan berlangsung hingga hari kedua "
            "Lebaran. Arus mudik memuncak pada H-3 Lebaran.")
    v = values(body)
    assert v["malam takbiran, Minggu (30/3/2025)"] == "2025-03-30"  # one span: the eve is that Sunday
    assert v["hari kedua Lebaran"] == "2025-04-01"  # so Idul Fitri is 31 March
    assert v["H-3 Lebaran"] == "2025-03-28"
    v = values("Toko tutup pada hari kedua Natal dan hari ke-3 Lebaran. Warga berkumpul pada malam takbiran.",
               "2025-12-20")
    assert v["hari kedua Natal"] == "2025-12-26"
    assert v["hari ke-3 Lebaran"].startswith("a day of a holiday")  # Idul Fitri's date is not stated
    assert v["malam takbiran"].startswith("a holiday the text does not date")


def test_a_day_range_in_parentheses():
    body = "Rapat digelar Senin-Selasa (17-18/3/2025). Pameran berlangsung (31/3-2/4) di JCC."
    v = values(body, "2025-03-10")
    assert v["Senin-Selasa (17-18/3/2025)"] == "2025-03-17/2025-03-18"
    assert v["31/3-2/4"] == "2025-03-31/2025-04-02"


def test_a_day_name_its_part_and_the_date_are_one_span():
    body = "KRL terganggu pada Senin pagi, 17 Maret 2025, akibat gangguan sinyal."
    assert values(body, "2025-03-17") == {"Senin pagi, 17 Maret 2025": "2025-03-17"}


def test_a_text_present_is_not_before_the_years_it_names():
    body = ("Festival kuliner digelar di Philadelphia, Sabtu (7/6) siang. Festival pertama kali digelar "
            "pada 2015. Tahun ini panitia menargetkan dana lebih besar.")
    v = values(body)
    assert v["Sabtu (7/6) siang"] == "--06-07"  # 7 June is a Saturday in 2014 and 2025, never 2015-2016
    assert v["Tahun ini"].startswith("a ")


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
    "sehari", "kemudian", "tadi", "disebutkan", "delapan", "setengah", "kuartal", "I", "H-7", "H+3",
    "malam takbiran", "malam pergantian tahun", "(17-18/3)", "Senin-Selasa", "ke depan", "dua",
    "periode yang sama", "setiap", "dan", "Januari", "hingga", "Maret", "keesokan harinya", "sejak",
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

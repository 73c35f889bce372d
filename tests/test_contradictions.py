"""Contradiction checks: sentences written for these tests, and the flags on the dev gold and fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.check.contradictions import find_inconsistencies
from warta.understand.dates import find_dates
from warta.understand.entities import find_entities

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
DEV = [SHARED / "news-dev-lines.jsonl", SHARED / "news-dev-flat.jsonl"]
FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("*-gold.jsonl"))


def check(body: str, published: str | None = None) -> list[dict]:
    return find_inconsistencies(body, find_dates(body, published, unique=False), published,
                                entities=find_entities(body))


def kinds(body: str, published: str | None = None) -> list[str]:
    return [f["kind"] for f in check(body, published)]


def assert_shape(found: list[dict], body: str) -> None:
    for f in found:
        assert set(f) == {"kind", "evidence", "explanation"}
        assert f["evidence"] and f["explanation"].endswith(".")
        for e in f["evidence"]:
            assert body[e["start"]:e["end"]] == e["text"]


# --- weekday-mismatch ----------------------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Festival layang-layang digelar di Pantai Parangtritis, Jumat (15/3/2025).",
    "Pameran itu dibuka pada Senin, 22 Maret 2025 di Gedung Sate.",
    "Pada Rabu 1/5/2025 sore, warga berkumpul di balai desa.",
])
def test_weekday_that_is_not_the_dates_weekday_is_flagged(body):
    found = check(body)
    assert [f["kind"] for f in found] == ["weekday-mismatch"]
    assert_shape(found, body)


def test_weekday_explanation_names_the_real_day():
    (f,) = check("Festival digelar Jumat (15/3/2025).")
    assert f["evidence"][0]["text"] == "Jumat (15/3/2025)"
    assert "Saturday" in f["explanation"] and "Friday" in f["explanation"]


@pytest.mark.parametrize("body, published", [
    ("Festival layang-layang digelar di Pantai Parangtritis, Sabtu (15/3/2025).", None),
    ("Pameran itu dibuka pada Sabtu, 22 Maret 2025 di Gedung Sate.", None),
    ("Rapat digelar Kamis (20/3) di kantor bupati.", "2025-03-21"),  # no year written: not checked
    ("Jadwal: Senin sampai Jumat, 10 Maret 2025 buka pukul 08.00.", None),
])
def test_right_or_unyeared_weekdays_are_not_flagged(body, published):
    assert kinds(body, published) == []


# --- event-after-report --------------------------------------------------------------------------

def test_event_dated_after_the_date_it_was_quoted():
    body = ("Pada 12 Juni 2024, wali kota meresmikan jembatan baru di tepi sungai, "
            "seperti dikutip Kabar Lembah pada 3 Juni 2024.")
    found = check(body)
    assert [f["kind"] for f in found] == ["event-after-report"]
    assert [e["text"] for e in found[0]["evidence"]][0] == "12 Juni 2024"
    assert_shape(found, body)


@pytest.mark.parametrize("body", [
    # the report comes after the event
    "Pada 2 Juni 2024, wali kota meresmikan jembatan, seperti dilansir Kabar Lembah pada 3 Juni 2024.",
    # a future event announced earlier is no contradiction
    "Jembatan itu akan diresmikan pada 12 Juni 2024, seperti dikutip Kabar Lembah pada 3 Juni 2024.",
    "Pendaftaran dibuka hingga 20 Juni 2024, seperti diberitakan Kabar Lembah pada 3 Juni 2024.",
])
def test_report_after_event_or_future_plan_is_not_flagged(body):
    assert kinds(body) == []


def test_statement_that_treats_a_later_day_as_past():
    body = ("\"Semua perahu karet sudah kami siapkan,\" kata Sutrisno, Kepala BPBD Kabupaten Lembah, "
            "Selasa (4/3/2025).\nSutrisno menambahkan, perahu itu sudah dipakai saat banjir melanda "
            "Desa Karangsari pada Kamis (6/3/2025) malam.")
    found = check(body)
    assert [f["kind"] for f in found] == ["event-after-report"]
    assert [e["text"] for e in found[0]["evidence"]] == ["Selasa (4/3/2025)", "Kamis (6/3/2025) malam"]
    assert_shape(found, body)


@pytest.mark.parametrize("body", [
    # a later day spoken of as a plan
    "\"Perahu sudah siap,\" kata Sutrisno, Selasa (4/3/2025).\nSutrisno menambahkan, simulasi akan "
    "digelar pada Kamis (6/3/2025).",
    # a later day told by someone else
    "\"Perahu sudah siap,\" kata Sutrisno, Selasa (4/3/2025).\nWarga mengatakan banjir sudah surut "
    "pada Kamis (6/3/2025).",
    # an earlier day told as past
    "\"Perahu sudah siap,\" kata Sutrisno, Selasa (4/3/2025).\nSutrisno menambahkan, perahu sudah "
    "dipakai pada Minggu (2/3/2025).",
])
def test_plans_other_speakers_and_earlier_days_are_not_flagged(body):
    assert kinds(body) == []


# --- count-mismatch ------------------------------------------------------------------------------

@pytest.mark.parametrize("body, total, parts", [
    ("Petugas menyita 57 karung pupuk palsu yang terdiri atas 30 karung urea dan 25 karung NPK.",
     "57 karung", ["30 karung", "25 karung"]),
    ("Polisi mendata 90 kendaraan.\nKendaraan yang terjaring terdiri dari 41 kendaraan roda dua, "
     "22 kendaraan roda empat, dan 19 kendaraan barang.", "90 kendaraan",
     ["41 kendaraan", "22 kendaraan", "19 kendaraan"]),
    ("Puskesmas mencatat 150 kasus diare pekan ini. Angka itu naik dibandingkan pekan lalu yang "
     "hanya 90 kasus. Dari total kasus tersebut, 80 pasien anak dan 60 pasien dewasa.",
     "150 kasus", ["80 pasien", "60 pasien"]),
])
def test_parts_that_do_not_add_up_to_the_whole(body, total, parts):
    found = check(body)
    assert [f["kind"] for f in found] == ["count-mismatch"]
    assert [e["text"] for e in found[0]["evidence"]] == [total] + parts
    assert_shape(found, body)


@pytest.mark.parametrize("body", [
    "Petugas menyita 57 karung pupuk yang terdiri atas 30 karung urea dan 27 karung NPK.",
    # a subset, not all the parts
    "Petugas menyita 57 karung pupuk, di antaranya 30 karung urea dan 12 karung NPK.",
    "Petugas menyita 57 karung pupuk yang terdiri atas 30 karung urea dan 12 karung NPK serta lainnya.",
    # an approximate whole
    "Petugas menyita sekitar 60 karung pupuk yang terdiri atas 30 karung urea dan 25 karung NPK.",
    # shares, not counts
    "Dari total 200 peserta, 60 persen perempuan dan 30 persen laki-laki.",
    # the sum matches a count named nearby (the whole is ambiguous)
    "Polisi mendata 90 kendaraan, lalu 82 kendaraan lain.\nKendaraan yang terjaring terdiri dari "
    "41 kendaraan roda dua dan 41 kendaraan roda empat.",
    # only one part
    "Dari total 214 kasus, 120 pasien merupakan anak-anak.",
])
def test_sums_that_match_or_cannot_be_checked_are_not_flagged(body):
    assert kinds(body) == []


# --- name-spelling -------------------------------------------------------------------------------

def test_a_persons_name_spelled_two_ways():
    body = ("Film itu dibintangi Rangga Pratama dan Larasati Wulandari.\n"
            "Tokoh Sekar dimainkan Larasati Wulanndari dengan apik.")
    found = check(body)
    assert [f["kind"] for f in found] == ["name-spelling"]
    assert [e["text"] for e in found[0]["evidence"]] == ["Larasati Wulandari", "Larasati Wulanndari"]
    assert_shape(found, body)


@pytest.mark.parametrize("body", [
    # no sign that it is a person: a firm's name typo is not counted
    "Menurut Mandala Sekuritas, pasar menguat. Riset Mandala Sekuitas menyebut saham bank naik.",
    # one letter more at the end: may be two people
    "Kata Bapak Hasan Anwar (50), panen gagal. Tetangganya, Hasan Anwari (47), setuju.",
    # the same spelling twice
    "Film itu dibintangi Larasati Wulandari. Larasati Wulandari memerankan Sekar.",
])
def test_names_that_are_not_flagged(body):
    assert kinds(body) == []


# --- robustness ----------------------------------------------------------------------------------

@pytest.mark.parametrize("body, dates", [
    ("", []), ("   ", None), (None, None), ("Teks biasa tanpa tanggal.", [{"text": "x"}]),
    ("Jumat (15/3/2025).", [{"text": "Jumat (15/3/2025)", "value": "2025-03-15"}]),  # no offsets
    ("Jumat (15/3/2025).", [{"text": "Jumat (15/3/2025)", "value": 5, "start": "a"}]),
])
def test_never_raises(body, dates):
    found = find_inconsistencies(body, dates)
    assert isinstance(found, list)


def test_dates_without_offsets_are_located():
    found = find_inconsistencies("Jumat (15/3/2025).", [{"text": "Jumat (15/3/2025)", "value": "2025-03-15"}])
    assert found[0]["evidence"][0] == {"text": "Jumat (15/3/2025)", "start": 0, "end": 17}


def test_deterministic():
    body = "Festival digelar Jumat (15/3/2025). Petugas menyita 57 karung yang terdiri atas 30 karung dan 25 karung."
    assert check(body) == check(body)


# --- the gold ------------------------------------------------------------------------------------

# --- impossible-date -----------------------------------------------------------------------------

@pytest.mark.parametrize("body, problem", [
    ("Berkas tersangka dilimpahkan ke kejaksaan, Rabu (4/11/205). Ia ditangkap pada 11 Juli 2015.", "205 is not a year"),
    ("Sidang lanjutan digelar Senin (31/4/2025) di Pengadilan Negeri Bandung.", "31/4/2025 is not a day"),
])
def test_a_day_name_with_a_date_no_calendar_has(body, problem):
    found = check(body)
    assert [f["kind"] for f in found] == ["impossible-date"]
    assert problem in found[0]["explanation"]
    assert_shape(found, body)


def test_the_likely_meant_year_is_given_as_evidence():
    body = "Berkas tersangka dilimpahkan ke kejaksaan, Rabu (4/11/205). Ia ditangkap pada 11 Juli 2015."
    found = check(body)
    assert [e["text"] for e in found[0]["evidence"]] == ["Rabu (4/11/205)", "2015"]


@pytest.mark.parametrize("body", [
    "Sesuai Perda No. 4/11/205 tentang retribusi, tarif parkir naik.",  # a reference number, no day name
    "Rapat digelar Rabu (5/3/25) di kantor kecamatan.",  # a two-digit year is a year
    "Laga itu berakhir 4/11 untuk tuan rumah, Rabu (5/3/2025).",
])
def test_reference_numbers_and_short_years_are_not_impossible_dates(body):
    assert "impossible-date" not in kinds(body)


# --- two-dates-one-event -------------------------------------------------------------------------

def test_one_promotion_given_two_periods():
    body = ("Promo Akhir Tahun berlangsung pada 1-15 Desember 2025 dengan potongan hingga Rp500 ribu. "
            "Pelanggan bisa mendapat potongan hingga Rp500 ribu yang berlaku pada 1 - 10 Desember 2025.")
    found = check(body)
    assert [f["kind"] for f in found] == ["two-dates-one-event"]
    assert [e["text"] for e in found[0]["evidence"]] == ["1-15 Desember 2025", "1 - 10 Desember 2025"]
    assert_shape(found, body)


@pytest.mark.parametrize("body", [
    # two things that share a first day, named differently
    "Pendaftaran Lomba Desain dibuka 1-15 Desember 2025. Pameran Karya Siswa berlangsung 1-5 Desember 2025.",
    # the same period twice
    "Promo Akhir Tahun berlangsung 1-15 Desember 2025. Jangan lewatkan Promo Akhir Tahun pada 1-15 Desember 2025.",
    # a shared percentage is not a shared thing
    "Diskon 20% berlaku 1-15 Desember 2025. Toko lain memberi diskon 20% pada 1-10 Desember 2025.",
])
def test_different_things_or_the_same_period_are_not_flagged(body):
    assert "two-dates-one-event" not in kinds(body)


# --- elapsed-years -------------------------------------------------------------------------------

def test_years_counted_from_a_start_that_reach_past_the_article():
    body = ("Tabloid Suara Desa terbit sejak 5 Juni 2018 dan dibaca di tiga kabupaten. "
            "Sudah 15 tahun berlalu sejak diterbitkannya tabloid itu. Pada 5 Juni 2018 ini redaksi menggelar syukuran.")
    found = check(body)
    assert [f["kind"] for f in found] == ["elapsed-years"]
    assert "2033" in found[0]["explanation"]
    assert_shape(found, body)


@pytest.mark.parametrize("body, published", [
    # the count agrees with the publication year
    ("Koperasi itu berdiri sejak 2005. Sudah 20 tahun berlalu sejak didirikan, anggotanya kini 900 orang.", "2025-06-01"),
    # a count from another start
    ("Pasar itu dibuka sejak 2020. Sudah 30 tahun berlalu sejak pedagang pertama datang ke kampung itu.", "2025-06-01"),
])
def test_counts_that_add_up_or_count_from_another_start_are_not_flagged(body, published):
    assert "elapsed-years" not in kinds(body, published)


# --- same-event-two-days ------------------------------------------------------------------------

def test_one_persons_meeting_dated_today_and_another_day():
    body = ("Wali Kota Surabaya Eri Cahyadi mengatakan hal itu, Kamis (20/3/2025). "
            "Eri Cahyadi hari ini menggelar rapat koordinasi dengan camat se-Surabaya. "
            "\"Semua saluran harus bersih sebelum puncak hujan,\" tegas Eri Cahyadi usai rapat di Balai Kota, Rabu (19/3/2025).")
    found = check(body, "2025-03-20")
    assert [f["kind"] for f in found] == ["same-event-two-days"]
    assert [e["text"] for e in found[0]["evidence"]] == ["hari ini menggelar rapat koordinasi", "Rabu (19/3/2025)"]
    assert_shape(found, body)


@pytest.mark.parametrize("body", [
    # the same day
    "Eri Cahyadi hari ini menggelar rapat koordinasi. \"Semua siap,\" kata Eri Cahyadi usai rapat di Balai Kota, Kamis (20/3/2025).",
    # another meeting of the same kind
    "Eri Cahyadi hari ini menggelar rapat koordinasi. Eri Cahyadi juga hadir dalam rapat lanjutan, Rabu (19/3/2025).",
    # another person
    "Eri Cahyadi hari ini menggelar rapat koordinasi. Risma Hartini berbicara usai rapat di Jakarta, Rabu (19/3/2025).",
])
def test_other_days_people_or_meetings_are_not_one_event(body):
    assert "same-event-two-days" not in kinds(body, "2025-03-20")


def _load(paths):
    out = []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            out.extend(json.loads(line) for line in fh if line.strip())
    return out


def _flags(pages):
    return {g["id"]: check(g["body"], g.get("published")) for g in pages}


def test_no_false_alarm_on_the_fixtures_and_the_planted_ones_found():
    pages = _load(FIXTURES)
    got = _flags(pages)
    for g in pages:
        if not g.get("inconsistencies"):
            assert got[g["id"]] == [], g["id"]
        assert_shape(got[g["id"]], g["body"])
    assert [f["kind"] for f in got["blind-06"]] == ["count-mismatch"]
    assert [f["kind"] for f in got["pelita-rinjani-1"]] == ["count-mismatch"]
    assert [f["kind"] for f in got["jakarta-kini-1"]] == ["event-after-report"]


def test_no_false_alarm_on_the_dev_gold():
    if not all(p.exists() for p in DEV):
        pytest.skip("../shared/data/news-dev-*.jsonl is absent: the dev gold pages are third-party text kept outside the repository")
    pages = _load(DEV)
    got = _flags(pages)
    for g in pages:
        if not g.get("inconsistencies"):
            assert got[g["id"]] == [], g["id"]
        assert_shape(got[g["id"]], g["body"])
    assert [f["kind"] for f in got["dev-l00"]] == ["event-after-report"]
    assert [f["kind"] for f in got["dev-f24"]] == ["weekday-mismatch"]
    assert [f["kind"] for f in got["dev-h06"]] == ["name-spelling"]
    assert [f["kind"] for f in got["dev-h03"]] == ["impossible-date"]
    assert [f["kind"] for f in got["dev-f16"]] == ["two-dates-one-event"]
    assert [f["kind"] for f in got["dev-l03"]] == ["elapsed-years"]
    assert [f["kind"] for f in got["dev-f08"]] == ["same-event-two-days"]

"""Readers and decoding: every input kind, every charset path, every bad-input quarantine.

All fixtures are written to tmp_path at test time.
"""

from __future__ import annotations

import gzip
import io
import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.article import Quarantined, RawDoc
from warta.read.decode import decode_bytes, looks_binary
from warta.read.files import input_stem, iter_inputs
from warta.read.sniff import charset_from_content_type, sniff_markup_charset

DEV_LINES = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-dev-lines.jsonl"

PAGE = "JAKARTA - Presiden meresmikan jembatan baru di Jakarta, Senin (3/3/2025).\nWarga menyambutnya.\n"
# Indonesian text with characters where cp1252 and UTF-8 differ: é, curly quotes, an en dash.
LEGACY = "Kafe di Bandung menjual crème brûlée. “Murah sekali”, kata José – pemiliknya."


def read(*paths: Path | str, max_bytes: int = 8_000_000) -> list[RawDoc | Quarantined]:
    return list(iter_inputs([str(path) for path in paths], max_bytes=max_bytes))


def only(items: list[RawDoc | Quarantined]) -> RawDoc | Quarantined:
    assert len(items) == 1, items
    return items[0]


# --- decoding -------------------------------------------------------------------------------

def test_utf8_bom_is_stripped_and_named() -> None:
    assert decode_bytes(b"\xef\xbb\xbf" + PAGE.encode()) == (PAGE, "utf-8-sig")


def test_utf16_bom() -> None:
    text, encoding = decode_bytes(PAGE.encode("utf-16"))
    assert (text, encoding) == (PAGE, "utf-16")


def test_cp1252_with_correct_declared_charset() -> None:
    assert decode_bytes(LEGACY.encode("cp1252"), "windows-1252") == (LEGACY, "cp1252")


def test_latin1_label_reads_as_cp1252_like_browsers() -> None:
    # Curly quotes and dashes are cp1252 bytes 0x93/0x94/0x96, C1 controls in true ISO-8859-1.
    assert decode_bytes(LEGACY.encode("cp1252"), "ISO-8859-1") == (LEGACY, "cp1252")


def test_wrong_declared_charset_does_not_win() -> None:
    text, encoding = decode_bytes(LEGACY.encode("cp1252"), "utf-8")
    assert (text, encoding) == (LEGACY, "cp1252")


def test_single_byte_label_on_valid_utf8_reads_utf8() -> None:
    # latin-1 "decodes" anything, so only valid UTF-8 can show the label is wrong.
    assert decode_bytes(LEGACY.encode("utf-8"), "latin-1") == (LEGACY, "utf-8")


def test_utf16_label_without_nul_bytes_is_ignored() -> None:
    assert decode_bytes(PAGE.encode(), "utf-16") == (PAGE, "utf-8")


def test_unknown_charset_label_is_ignored() -> None:
    assert decode_bytes(PAGE.encode(), "x-no-such-charset") == (PAGE, "utf-8")


def test_missing_charset_with_latin1_bytes() -> None:
    original = "Kafe di Bandung menjual crème brûlée seharga Rp50.000, kata José."
    assert decode_bytes(original.encode("latin-1")) == (original, "cp1252")


def test_plain_utf8_without_declaration() -> None:
    assert decode_bytes(LEGACY.encode()) == (LEGACY, "utf-8")


@pytest.mark.parametrize("meta", [
    '<meta charset="windows-1252">',
    "<meta charset=windows-1252>",
    '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
])
def test_html_meta_charset(meta: str) -> None:
    page = f"<html><head>{meta}<title>t</title></head><body><p>{LEGACY}</p></body></html>"
    text, encoding = decode_bytes(page.encode("cp1252"))
    assert encoding == "cp1252" and LEGACY in text


def test_declared_header_wins_over_meta_when_it_decodes() -> None:
    page = f'<meta charset="windows-1252"><p>{LEGACY}</p>'.encode()
    assert decode_bytes(page, "utf-8")[1] == "utf-8"


def test_wrong_header_falls_back_to_meta() -> None:
    page = f'<meta charset="windows-1252"><p>{LEGACY}</p>'.encode("cp1252")
    assert decode_bytes(page, "utf-8") == (page.decode("cp1252"), "cp1252")


def test_charset_from_content_type() -> None:
    assert charset_from_content_type("text/html; charset=UTF-8") == "utf-8"
    assert charset_from_content_type('text/html; charset="Windows-1252"') == "cp1252"
    assert charset_from_content_type("text/html") is None
    assert charset_from_content_type(None) is None
    assert sniff_markup_charset(b'<?xml version="1.0" encoding="ISO-8859-1"?><html/>') == "cp1252"


def test_undecodable_bytes_still_give_text() -> None:
    # 0x81 and 0x8d are undefined in cp1252 and invalid in UTF-8: the last fallback replaces them.
    text, encoding = decode_bytes(b"caf\xe9 \x81\x8d ok")
    assert encoding and isinstance(text, str) and "ok" in text


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=2048),
       declared=st.sampled_from([None, "utf-8", "utf-16", "utf-32", "latin-1", "shift_jis", "bogus", "", "ascii"]))
def test_decode_bytes_never_raises(data: bytes, declared: str | None) -> None:
    text, encoding = decode_bytes(data, declared)
    assert isinstance(text, str) and isinstance(encoding, str) and encoding
    text.encode("utf-8", errors="surrogatepass")


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=500))
def test_utf8_text_round_trips(text: str) -> None:
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return  # lone surrogates: not text anyone can have written
    decoded, _ = decode_bytes(data)
    assert decoded == text or data.startswith(b"\xef\xbb\xbf")


def test_looks_binary() -> None:
    assert looks_binary(b"\x89PNG\r\n\x1a\n" + bytes(100))
    assert looks_binary(b"abc\x00def")
    assert looks_binary(bytes(range(1, 32)) * 10)
    assert not looks_binary(PAGE.encode())
    assert not looks_binary(LEGACY.encode("cp1252"))
    assert not looks_binary(PAGE.encode("utf-16"))  # full of NULs, but its BOM says it is text
    assert not looks_binary(b"")


# --- page files ------------------------------------------------------------------------------

def test_txt_file(tmp_path: Path) -> None:
    path = tmp_path / "berita-1.txt"
    path.write_text(PAGE, encoding="utf-8")
    doc = only(read(path))
    assert doc == RawDoc(id="berita-1", content=PAGE, kind="text", url=None, encoding="utf-8", source=str(path))


def test_html_file_with_meta_charset(tmp_path: Path) -> None:
    path = tmp_path / "halaman.html"
    path.write_bytes(f'<html><head><meta charset="windows-1252"></head><body><p>{LEGACY}</p></body></html>'
                     .encode("cp1252"))
    doc = only(read(path))
    assert isinstance(doc, RawDoc)
    assert (doc.id, doc.kind, doc.encoding) == ("halaman", "html", "cp1252")
    assert LEGACY in doc.content


def test_htm_file_with_wrong_charset(tmp_path: Path) -> None:
    path = tmp_path / "salah.htm"
    path.write_bytes(f'<html><head><meta charset="utf-8"></head><body><p>{LEGACY}</p></body></html>'
                     .encode("cp1252"))
    doc = only(read(path))
    assert isinstance(doc, RawDoc) and doc.encoding == "cp1252" and LEGACY in doc.content


def test_broken_html_is_read_not_quarantined(tmp_path: Path) -> None:
    path = tmp_path / "rusak.html"
    path.write_text("<html><body><div><p>Paragraf tanpa penutup<p>Lagi <b>tebal <i>miring</div>", encoding="utf-8")
    doc = only(read(path))
    assert isinstance(doc, RawDoc) and doc.kind == "html"


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "kosong.txt").write_bytes(b"")
    (tmp_path / "spasi.html").write_bytes(b" \n\t\r\n ")
    items = read(tmp_path / "kosong.txt", tmp_path / "spasi.html")
    assert [(q.id, q.reason) for q in items] == [("kosong", "empty"), ("spasi", "empty")]


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "gambar.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    item = only(read(path))
    assert isinstance(item, Quarantined) and item.reason == "binary" and item.source == str(path)


def test_fifty_megabyte_page_is_too_large_quickly(tmp_path: Path) -> None:
    path = tmp_path / "besar.html"
    with open(path, "wb") as stream:
        block = b"<p>" + b"kata " * 200_000 + b"</p>\n"  # 1 MB
        for _ in range(50):
            stream.write(block)
    started = time.monotonic()
    item = only(read(path))
    assert time.monotonic() - started < 1.0
    assert isinstance(item, Quarantined) and item.reason == "too-large"
    assert f"{path.stat().st_size:,}" in item.detail and "8,000,000" in item.detail


def test_missing_file_unknown_extension_and_directory(tmp_path: Path) -> None:
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    items = read(tmp_path / "tidak-ada.txt", tmp_path / "data.csv", tmp_path)
    assert [q.reason for q in items] == ["unreadable"] * 3
    assert "does not exist" in items[0].detail
    assert ".csv" not in items[1].detail.split("reads")[1]  # names what it does read
    assert "directory" in items[2].detail


def test_input_stem() -> None:
    assert input_stem("a/news.jsonl.gz") == "news"
    assert input_stem("crawl.warc.gz") == "crawl"
    assert input_stem("x/page.html") == "page"


# --- JSON lines ------------------------------------------------------------------------------

def write_jsonl(path: Path, lines: list[str | dict], compress: bool = False) -> Path:
    text = "".join((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n"
                   for line in lines)
    if compress:
        with gzip.open(path, "wt", encoding="utf-8") as stream:
            stream.write(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


RECORDS: list[str | dict] = [
    {"id": "a1", "text": PAGE, "url": "https://contoh.id/a1"},
    {"html": f"<p>{LEGACY}</p>"},
    {"id": 7, "text": "<html><body><p>teks berisi HTML</p></body></html>"},
]


@pytest.mark.parametrize("name,compress", [("korpus.jsonl", False), ("korpus.jsonl.gz", True),
                                           ("korpus.json", False)])
def test_jsonl_records(tmp_path: Path, name: str, compress: bool) -> None:
    path = write_jsonl(tmp_path / name, RECORDS, compress)
    docs = read(path)
    assert all(isinstance(doc, RawDoc) for doc in docs)
    assert [(d.id, d.kind, d.url, d.source) for d in docs] == [
        ("a1", "text", "https://contoh.id/a1", f"{path}:1"),
        ("korpus:2", "html", None, f"{path}:2"),  # no id: <file stem>:<line number>
        ("7", "html", None, f"{path}:3"),  # kind detected from the text
    ]
    assert docs[1].content == f"<p>{LEGACY}</p>" and docs[0].encoding == "utf-8"


def test_jsonl_bad_lines_are_quarantined_and_the_rest_read(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "campur.jsonl", [
        RECORDS[0], "{not json", "", "[1, 2]", {"id": "kosong", "url": "https://x"},
        {"id": "spasi", "text": "   "}, '{"id": "sur", "text": "\\ud800 rusak"}', {"id": "akhir", "text": PAGE},
    ])
    items = read(path)
    assert [(i.id, type(i).__name__, getattr(i, "reason", None)) for i in items] == [
        ("a1", "RawDoc", None),
        ("campur:2", "Quarantined", "not-json"),
        # line 3 is blank: not a record
        ("campur:4", "Quarantined", "not-an-object"),
        ("kosong", "Quarantined", "no-content"),
        ("spasi", "Quarantined", "empty"),
        ("sur", "Quarantined", "decode-error"),
        ("akhir", "RawDoc", None),
    ]
    assert "Line 2" in items[1].detail and items[1].source == f"{path}:2"


def test_jsonl_line_over_the_limit(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "panjang.jsonl", [{"id": "besar", "text": "x" * 5000}, RECORDS[0]])
    items = read(path, max_bytes=1000)
    assert isinstance(items[0], Quarantined) and items[0].reason == "too-large"
    assert "line 1" in items[0].detail and items[0].source == f"{path}:1"
    assert isinstance(items[1], RawDoc) and items[1].id == "a1"


def test_jsonl_legacy_encoded_line(tmp_path: Path) -> None:
    path = tmp_path / "lama.jsonl"
    path.write_bytes(json.dumps({"id": "l", "text": LEGACY}, ensure_ascii=False).encode("cp1252") + b"\n")
    doc = only(read(path))
    assert isinstance(doc, RawDoc) and doc.content == LEGACY and doc.encoding == "cp1252"


def test_truncated_gzip_is_quarantined(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "putus.jsonl.gz", [RECORDS[0]] * 200, compress=True)
    path.write_bytes(path.read_bytes()[:-30])
    items = read(path)
    assert isinstance(items[-1], Quarantined) and items[-1].reason == "unreadable"
    assert all(isinstance(item, RawDoc) for item in items[:-1])


def test_json_array_file(tmp_path: Path) -> None:
    path = tmp_path / "larik.json"
    path.write_text(json.dumps([RECORDS[0], 3], indent=2), encoding="utf-8")
    items = read(path)
    assert isinstance(items[0], RawDoc) and items[0].id == "a1"
    assert isinstance(items[1], Quarantined) and items[1].reason == "not-an-object"


def test_gold_format_raw_field(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "gold.jsonl", [{"id": "g", "format": "html", "raw": "<p>x</p>", "body": "x"}])
    doc = only(read(path))
    assert isinstance(doc, RawDoc) and doc.content == "<p>x</p>" and doc.kind == "html"


@pytest.mark.skipif(not DEV_LINES.exists(), reason=f"shared dev data not present at {DEV_LINES}")
def test_shared_dev_corpus_reads_cleanly() -> None:
    docs = read(DEV_LINES)
    gold = [json.loads(line) for line in DEV_LINES.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [d.id for d in docs] == [g["id"] for g in gold]
    assert all(isinstance(d, RawDoc) for d in docs)
    assert [d.kind == "html" for d in docs] == [g["format"] == "html" for g in gold]
    assert all(d.content == g["raw"] for d, g in zip(docs, gold))


# --- Parquet ---------------------------------------------------------------------------------

def test_parquet(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "korpus.parquet"
    table = pa.table({"id": ["p1", None, "p3", "p4"],
                      "text": [PAGE, None, "  ", None],
                      "html": [None, f"<p>{LEGACY}</p>", None, None],
                      "url": ["https://contoh.id/p1", None, None, None]})
    pq.write_table(table, path, row_group_size=2)
    items = read(path)
    assert [(i.id, getattr(i, "kind", None), getattr(i, "reason", None), i.source) for i in items] == [
        ("p1", "text", None, f"{path}:1"),
        ("korpus:2", "html", None, f"{path}:2"),
        ("p3", None, "empty", f"{path}:3"),
        ("p4", None, "no-content", f"{path}:4"),
    ]
    assert items[0].url == "https://contoh.id/p1" and items[0].encoding == "utf-8"


def test_parquet_without_content_columns_and_broken_parquet(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": ["a"], "judul": ["x"]}), tmp_path / "tanpa.parquet")
    (tmp_path / "rusak.parquet").write_bytes(b"PAR1 this is not really parquet")
    items = read(tmp_path / "tanpa.parquet", tmp_path / "rusak.parquet")
    assert [q.reason for q in items] == ["no-content", "bad-parquet"]


# --- WARC ------------------------------------------------------------------------------------

def write_warc(path: Path, compress: bool) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def response(url: str, record_id: str, content_type: str, body: bytes):
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                         warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:{record_id}>"})

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=compress)
        request = writer.create_warc_record("https://contoh.id/a", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        writer.write_record(request)
        writer.write_record(response("https://contoh.id/a", "aaa", "text/html; charset=windows-1252",
                                     f"<html><body><p>{LEGACY}</p></body></html>".encode("cp1252")))
        writer.write_record(response("https://contoh.id/logo.png", "bbb", "image/png", b"\x89PNG\r\n\x1a\n"))
        writer.write_record(response("https://contoh.id/b.txt", "ccc", "text/plain", PAGE.encode()))
        writer.write_record(response("https://contoh.id/c", "ddd", "text/html; charset=utf-8",
                                     f"<p>{LEGACY}</p>".encode("cp1252")))  # a wrong charset header
        writer.write_record(response("https://contoh.id/d", "eee", "text/html", b"   "))
    return path


@pytest.mark.parametrize("name,compress", [("arsip.warc", False), ("arsip.warc.gz", True)])
def test_warc(tmp_path: Path, name: str, compress: bool) -> None:
    path = write_warc(tmp_path / name, compress)
    items = read(path)
    assert [(i.id, getattr(i, "kind", None), getattr(i, "encoding", None), getattr(i, "reason", None))
            for i in items] == [
        ("urn:uuid:aaa", "html", "cp1252", None),
        ("urn:uuid:ccc", "text", "utf-8", None),
        ("urn:uuid:ddd", "html", "cp1252", None),
        ("urn:uuid:eee", None, None, "empty"),
    ]
    assert items[0].url == "https://contoh.id/a" and LEGACY in items[0].content
    assert items[0].source == f"{path}:2"


def test_bad_warc(tmp_path: Path) -> None:
    path = tmp_path / "bukan.warc"
    path.write_text("ini bukan arsip web\n", encoding="utf-8")
    item = only(read(path))
    assert isinstance(item, Quarantined) and item.reason == "bad-warc"


def test_readers_are_lazy(tmp_path: Path) -> None:
    stream = iter_inputs([str(tmp_path / "tidak-ada.txt")])
    (tmp_path / "tidak-ada.txt").write_text(PAGE, encoding="utf-8")  # created after the call
    assert isinstance(next(stream), RawDoc)

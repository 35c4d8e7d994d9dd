"""Reading: the encoding is decided from the bytes alone; empty, blank, binary and oversized files are refused."""

import codecs
import re

import pytest

from generator import read
from generator.model import InputError
from generator.read import decode, read_article_bytes, read_meta

TEXT = "Mexico’s “safe third country” talks: café, niño, naïve — done."
CP1252_TEXT = "The minister said “the deal is close” and that it doesn’t matter. We met at the café – twice. " * 3
SPANISH = ("El presidente de México viajó a Asunción. La reunión terminó el jueves. "
           "Asunción es la capital de Paraguay.")


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8-sig"), "utf-8-sig"),
    (TEXT.encode("utf-16"), "utf-16"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    (TEXT.encode("utf-32"), "utf-32"),
    (codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"), "utf-32"),
], ids=["utf-8-sig", "utf-16", "utf-16-be-bom", "utf-32", "utf-32-be-bom"])
def test_byte_order_mark_decides_the_encoding(data, encoding):
    raw = decode(data)
    assert (raw.text, raw.encoding) == (TEXT, encoding)


def test_strict_utf8_is_taken_as_utf8():
    raw = decode(TEXT.encode("utf-8"))
    assert (raw.text, raw.encoding) == (TEXT, "utf-8")


def test_sha256_is_of_the_bytes():
    assert decode(b"abc").sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


@pytest.mark.parametrize("data, text", [
    (CP1252_TEXT.encode("cp1252"), CP1252_TEXT),
    (b"He said \x93quoted\x94 words at the caf\xe9 by the border, and \x93more\x94 at the next caf\xe9. " * 3,
     "He said “quoted” words at the café by the border, and “more” at the next café. " * 3),
    (SPANISH.encode("latin-1"), SPANISH),
], ids=["cp1252-curly-quotes", "cp1252-bytes", "latin-1-spanish"])
def test_single_byte_encodings_are_detected(data, text):
    assert decode(data).text == text


@pytest.mark.parametrize("text", [
    "El señor Ebrard viajó a Washington. La reunión terminó el jueves sin acuerdo.",
    "Mañana el presidente firmará el acuerdo con Guatemala, según funcionarios. España no participa.",
], ids=["senor", "manana"])
def test_latin1_spanish_with_enye_is_decoded(text):
    assert decode(text.encode("latin-1")).text == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_by_its_nul_bytes(codec):
    text = "The president said the deal was close. Café."
    raw = decode(text.encode(codec))
    assert (raw.text, raw.encoding) == (text, codec)


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="^file is empty$"):
        read_article_bytes(path)


@pytest.mark.parametrize("data", [b"   \n\t\n  ", "\u3000 \n".encode(), "  ".encode("utf-16")])
def test_blank_file_is_refused(data):
    with pytest.raises(InputError, match="^file holds only blank space$"):
        decode(data)


def test_text_full_of_control_characters_is_binary():
    with pytest.raises(InputError, match="^file is binary, not text$"):
        decode(b"ab\x01\x02" * 100)


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes((i * 37 + i // 7) % 256 for i in range(3000))
BINARIES = [bytes(range(256)) * 20, PNG]


@pytest.mark.parametrize("data", BINARIES, ids=["all-bytes", "png"])
def test_binary_file_is_refused(data):
    with pytest.raises(InputError):
        decode(data)


@pytest.mark.parametrize("data", BINARIES, ids=["all-bytes", "png"])
def test_binary_file_is_refused_as_binary(data):
    with pytest.raises(InputError, match="binary"):
        decode(data)


def test_oversized_file_is_refused_with_its_size(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 1000)
    with pytest.raises(InputError, match=re.escape("file is 1,000 bytes, over the 100-byte limit")):
        read_article_bytes(path)


def test_file_at_the_size_limit_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_BYTES", 100)
    path = tmp_path / "limit.txt"
    path.write_bytes(b"x" * 100)
    assert read_article_bytes(path) == b"x" * 100


# --- .meta.yml -----------------------------------------------------------------------------------

@pytest.fixture
def meta(tmp_path):
    def write(text: str) -> tuple[dict, list[str]]:
        path = tmp_path / "a.meta.yml"
        path.write_text(text, encoding="utf-8")
        return read_meta(path)

    return write


def test_missing_meta_is_empty(tmp_path):
    assert read_meta(tmp_path / "none.meta.yml") == ({}, [])


@pytest.mark.parametrize("yaml_text, expected", [
    ("title: no", {"title": "no"}),
    ("title: 2024-01-01", {"title": "2024-01-01"}),
    ("published: 2019-06-10", {"published": "2019-06-10"}),
    ('published: "2019-06-10"', {"published": "2019-06-10"}),
    ("authors: Jane Doe", {"authors": ["Jane Doe"]}),
    ("authors: [Jane Doe, John Roe]", {"authors": ["Jane Doe", "John Roe"]}),
    ("title: '  Spaced   out\n  title '", {"title": "Spaced out title"}),
    ("url: https://example.com/a", {"url": "https://example.com/a"}),
    ("title:\nurl: ''", {}),
])
def test_meta_values(meta, yaml_text, expected):
    assert meta(yaml_text) == (expected, [])


@pytest.mark.parametrize("yaml_text, kept, reason", [
    ("headline: x\ntitle: Deal", {"title": "Deal"},
     "unknown field 'headline' dropped (known: authors, note, outlet, published, title, url)"),
    ("url: javascript:alert(1)\ntitle: Deal", {"title": "Deal"},
     "field 'url' dropped: 'javascript:alert(1)' is not an http(s) address"),
    ("url: ftp://example.com/a\nnote: kept", {"note": "kept"},
     "field 'url' dropped: 'ftp://example.com/a' is not an http(s) address"),
    ("published: 2019-13-10\nauthors: [Jane Doe]", {"authors": ["Jane Doe"]},
     "field 'published' dropped: '2019-13-10' is not a date (YYYY-MM-DD)"),
    ("published: next week", {}, "field 'published' dropped: 'next week' is not a date (YYYY-MM-DD)"),
    ("authors: [Jane, [x]]\noutlet: CNN", {"outlet": "CNN"},
     "field 'authors' dropped: must be a name or a list of names, got ['Jane', ['x']]"),
    ("title: {a: b}\nurl: https://example.com/", {"url": "https://example.com/"},
     "field 'title' dropped: must be text, got {'a': 'b'}"),
    ("url: 'javascript:" + "x" * 100 + "'", {},
     "field 'url' dropped: 'javascript:" + "x" * 49 + "…' is not an http(s) address"),
])
def test_a_bad_field_costs_only_itself(meta, yaml_text, kept, reason):
    assert meta(yaml_text) == (kept, [reason])


@pytest.mark.parametrize("yaml_text, message", [
    ("- a list", "expected a mapping of fields, got list"),
    ("title: [unclosed", "invalid YAML: "),
])
def test_unreadable_meta_is_refused_whole(meta, yaml_text, message):
    with pytest.raises(InputError, match="^" + re.escape(message)):
        meta(yaml_text)

"""Stage 1: turn a clipped file's bytes into text, deciding the encoding from the bytes alone."""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from charset_normalizer import from_bytes

from .model import InputError
from .repair import CONTROL

MAX_BYTES = 2 * 1024 * 1024
"""Largest article accepted (2 MiB, about 300,000 words): anything bigger is not a clipped article."""

# Longest BOM first: the UTF-32-LE BOM begins with the UTF-16-LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Share of control characters above which decoded "text" is taken for a binary file.
BINARY_CONTROL_SHARE = 0.10
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
"""The control characters a text file does not hold: C0 but tab, line feed, form feed and carriage return."""
# Share of C0 control bytes (other than tab, line ends, form feed, escape) above which bytes are binary.
BINARY_BYTE_SHARE = 0.05
BINARY_MAGIC = (b"\x89PNG", b"%PDF", b"PK\x03\x04", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b", b"\x7fELF")
CONTROL_BYTES = bytes(byte for byte in range(32) if byte not in b"\t\n\r\f\x1b")
PREFERRED_SINGLE_BYTE = "cp1252"


@dataclass(frozen=True)
class RawText:
    text: str
    encoding: str
    sha256: str


def read_article_bytes(path: Path) -> bytes:
    """Read a file, refusing an oversized one before loading it whole."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(f"file is {size:,} bytes, over the {MAX_BYTES:,}-byte limit")
    data = path.read_bytes()
    if not data:
        raise InputError("file is empty")
    return data


def decode(data: bytes) -> RawText:
    """Decode bytes: BOM, then strict UTF-8, then a statistical detector."""
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise InputError(f"cannot be decoded as {encoding}: {error.reason}") from None
    if looks_binary(text):
        raise InputError("file is binary, not text")
    if not text.strip():
        raise InputError("file holds only blank space")
    return RawText(text=text, encoding=encoding, sha256=hashlib.sha256(data).hexdigest())


def detect_encoding(data: bytes) -> str:
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec
    if b"\x00" in data and (codec := _bomless_utf16(data)):
        return codec
    if bytes_look_binary(data):
        raise InputError("file is binary, not text")
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data))
    if not matches:
        raise InputError("encoding could not be determined: the bytes are not text in any known encoding")
    # Short texts fit several single-byte codecs equally well; among the best fits, prefer the one
    # most Western clippings are in (the detector's first pick for "señor" can be hp-roman8).
    fitting = [m.encoding for m in matches if m.chaos <= matches[0].chaos + 0.01]
    return codecs.lookup(PREFERRED_SINGLE_BYTE if PREFERRED_SINGLE_BYTE in fitting else fitting[0]).name


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: Latin-script text has a NUL in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) > 0.4 * len(odd) and not even.count(0):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and not odd.count(0):
        return "utf-16-be"
    return None


def bytes_look_binary(data: bytes) -> bool:
    if data.startswith(BINARY_MAGIC):
        return True
    controls = len(data) - len(data.translate(None, CONTROL_BYTES))
    return controls > BINARY_BYTE_SHARE * len(data)


def looks_binary(text: str) -> bool:
    # Counted by a pattern: a loop in Python over every character cost 0.5 ms an article, str.translate 0.2 ms.
    controls = len(CONTROL_CHARACTERS.findall(text))
    return controls > BINARY_CONTROL_SHARE * len(text)


class _StringsLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """SafeLoader that reads every plain scalar as a string: a title `no` stays "no", not False."""


_StringsLoader.yaml_implicit_resolvers = {}

Meta = dict[str, object]
"""Publication facts an article records about itself: title, url, authors, published, note, outlet."""


def read_meta(path: Path) -> tuple[Meta, list[str]]:
    """The clipper's record beside an article (``NAME.meta.yml``) and what was dropped from it, field by field.

    A record that cannot be read at all (not UTF-8, not YAML, not a mapping) raises InputError; the
    caller drops the whole record and keeps the article.
    """
    if not path.exists():
        return {}, []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError("is not UTF-8 text") from None
    return parse_meta(text)


def clean_field(value: str) -> str:
    """One line of NFC text without control characters, as every recorded field is shown."""
    return " ".join(CONTROL.sub("", unicodedata.normalize("NFC", value)).split())


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise InputError(f"must be text, got {_shown(value)}")
    return clean_field(value)


def _authors(value: object) -> list[str]:
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise InputError(f"must be a name or a list of names, got {_shown(value)}")
    return [name for name in map(clean_field, names) if name]


def _published(value: object) -> str:
    text = _text(value)
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise InputError(f"{_shown(text)} is not a date (YYYY-MM-DD)") from None


def _url(value: object) -> str:
    text = _text(value)
    if text and urlsplit(text).scheme not in ("http", "https"):
        raise InputError(f"{_shown(text)} is not an http(s) address")
    return text


def _shown(value: object, limit: int = 60) -> str:
    """A value quoted in a one-line message, cut short: the message names the problem, not the payload."""
    if isinstance(value, str) and len(value) > limit:
        value = value[:limit] + "…"
    return repr(value)


META_FIELDS: dict[str, Callable[[object], object]] = {
    "title": _text,
    "url": _url,
    "authors": _authors,
    "published": _published,
    "note": _text,
    "outlet": _text,
}
"""How each recorded field is read; a reader raises InputError for a value it cannot use."""


def parse_meta(text: str, allow_extra: bool = False) -> tuple[Meta, list[str]]:
    """Publication facts written as YAML, and one reason for each field dropped from them.

    A bad field costs only itself: the rest of the record is still used. ``allow_extra`` ignores keys
    other tools add (front matter of a Markdown clipping) instead of reporting them.
    """
    try:
        data = yaml.load(text, Loader=_StringsLoader)  # noqa: S506 - a SafeLoader that types nothing
    except yaml.YAMLError as error:
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise InputError(f"invalid YAML: {reason}") from None
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        raise InputError(f"expected a mapping of fields, got {type(data).__name__}")
    meta: Meta = {}
    dropped: list[str] = []
    for key in sorted(data, key=str):
        read = META_FIELDS.get(key)
        if read is None:
            if not allow_extra:
                dropped.append(f"unknown field {_shown(key)} dropped (known: {', '.join(sorted(META_FIELDS))})")
            continue
        try:
            value = read(data[key]) if data[key] is not None else None
        except InputError as error:
            dropped.append(f"field '{key}' dropped: {error}")
            continue
        if value:
            meta[key] = value
    return meta, dropped

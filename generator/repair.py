"""Stage 2: undo mojibake and normalise decoded text, counting what was changed."""

from __future__ import annotations

import difflib
import re
import unicodedata

import ftfy

# ftfy's defaults also straighten curly quotes, fold full-width characters and unescape HTML;
# all three would change correct text (typography, Chinese punctuation, literal "&lt;").
FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
)

# Characters a GBK decoder makes from the lead bytes of UTF-8 punctuation and Latin letters
# are CJK ideographs; only Latin-script text with a sprinkle of them is a repair candidate.
CJK = re.compile(r"[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]")
NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
MAX_CJK_SHARE = 0.05

# Third byte of the three-byte UTF-8 punctuation that starts E2 80 (which GBK shows as 鈥).
LOST_BYTE_CHOICES = {"dash": "\u2014", "open": "\u201c", "close": "\u201d", "apostrophe": "\u2019"}

# UTF-8 punctuation (E2 80 xx) read as cp1252 whose last byte was lost: "â€" and a replacement character.
LATIN_LOST_PUNCTUATION = "\u00e2\u20ac\ufffd"
# Stands in for it while ftfy repairs the rest (a private-use character no clipping has).
LOST_MARK = "\ue000"

OTHER_LINE_BREAKS = re.compile(r"[\u2028\u2029\x0b\x0c]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff\ufffe]")


def repair(text: str) -> tuple[str, dict[str, int]]:
    """Return the repaired text and how many repairs of each kind were made."""
    repairs: dict[str, int] = {}
    text, repairs["line_endings"] = _normalise_line_endings(text)
    text, repairs["gbk_mojibake"] = undo_gbk_mojibake(text)
    marked = text.replace(LATIN_LOST_PUNCTUATION, LOST_MARK) if LOST_MARK not in text else text
    fixed = restore_lost_punctuation(ftfy.fix_text(marked, config=FTFY_CONFIG))
    repairs["latin_mojibake"] = count_edits(text, fixed)
    text = unicodedata.normalize("NFC", fixed)
    text, repairs["control_chars"] = CONTROL.subn("", text)
    return text, {kind: count for kind, count in repairs.items() if count}


def restore_lost_punctuation(text: str) -> str:
    """Each marked quote, apostrophe or dash whose last byte was lost is chosen from its neighbours and
    its pair, as for GBK mojibake (ftfy has already turned the rest of the text back into Unicode)."""
    if LOST_MARK not in text:
        return text
    pieces: list[str | _Lost] = []
    for index, part in enumerate(text.split(LOST_MARK)):
        if index:
            pieces.append(_Lost(b"\xe2\x80"))
        pieces.append(part)
    return _choose_lost_characters(pieces)


def count_edits(before: str, after: str) -> int:
    if before == after:
        return 0
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return sum(1 for tag, *_ in matcher.get_opcodes() if tag != "equal")


def _normalise_line_endings(text: str) -> tuple[str, int]:
    """CRLF and CR become LF; so do the other line breaks (U+2028/9, form feed, vertical tab)."""
    count = len(OTHER_LINE_BREAKS.findall(text)) + text.count("\r")
    return OTHER_LINE_BREAKS.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n")), count


def undo_gbk_mojibake(text: str) -> tuple[str, int]:
    """Undo UTF-8 bytes that were decoded as GBK (``鈥淗onduras`` → ``“Honduras``).

    Each run of non-ASCII characters is encoded back to GBK and re-read as UTF-8, a few characters
    at a time. Where the GBK decoder dropped a byte it could not pair (the one after ``鈥`` when
    followed by a space or line end), the lost character is chosen from the context.
    """
    if not CJK.search(text):
        return text, 0
    letters = sum(1 for char in text if char.isalpha())
    if len(CJK.findall(text)) > MAX_CJK_SHARE * letters:
        return text, 0
    repairs = 0
    pieces: list[str | _Lost] = []
    position = 0
    for run in NON_ASCII_RUN.finditer(text):
        repaired = _repair_run(run.group())
        if repaired is None:
            continue
        pieces.append(text[position : run.start()])
        pieces += repaired
        position = run.end()
        repairs += 1
    if not repairs:
        return text, 0
    pieces.append(text[position:])
    return _choose_lost_characters(pieces), repairs


class _Lost:
    """A UTF-8 character whose last byte the GBK decoder dropped; ``prefix`` is the two bytes kept."""

    def __init__(self, prefix: bytes):
        self.prefix = prefix


# Three-byte UTF-8 characters by their first two bytes, for when the third was lost. E2 80 is
# punctuation, chosen from the context; for the others the commonest character in news text.
LOST_BYTE_DEFAULTS = {b"\xe2\x82": "\u20ac", b"\xe2\x84": "\u2122"}


def _repair_run(run: str) -> list[str | _Lost] | None:
    """Re-read one run; None when it is not GBK mojibake (so it stays as it is)."""
    out: list[str | _Lost] = []
    index = 0
    changed = False
    while index < len(run):
        for width in range(1, 5):
            chunk = run[index : index + width]
            decoded = _gbk_to_utf8(chunk)
            if decoded is not None:
                out.append(decoded)
                index += len(chunk)
                changed = True
                break
        else:
            prefix = _truncated_prefix(run[index])
            if prefix is None:
                out.append(run[index])
            else:
                out.append(_Lost(prefix))
                changed = True
                if run[index + 1 : index + 2] == "\ufffd":
                    index += 1  # a decoder with errors="replace" marked the byte it could not pair
            index += 1
    return out if changed else None


def _gbk_to_utf8(chunk: str) -> str | None:
    try:
        decoded = chunk.encode("gbk").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    # A genuine repair yields Latin letters and punctuation, never more ideographs.
    if CJK.search(decoded) or decoded == chunk:
        return None
    return decoded


def _truncated_prefix(char: str) -> bytes | None:
    """The two bytes ``char`` stands for when they begin a three-byte UTF-8 character we can name."""
    try:
        encoded = char.encode("gbk")
    except UnicodeEncodeError:
        return None
    if encoded == b"\xe2\x80" or encoded in LOST_BYTE_DEFAULTS:
        return encoded
    return None


def _choose_lost_characters(pieces: list[str | _Lost]) -> str:
    """Put back each character whose last byte was lost; punctuation is judged by its neighbours."""
    flat: list[str | _Lost] = [c for piece in pieces for c in ([piece] if isinstance(piece, _Lost) else piece)]
    out: list[str] = []
    open_quote = False
    for index, char in enumerate(flat):
        if char == "\u201c":
            open_quote = True
        elif char == "\u201d" or char == "\n":
            open_quote = False
        if not isinstance(char, _Lost):
            out.append(char)
            continue
        if char.prefix in LOST_BYTE_DEFAULTS:
            out.append(LOST_BYTE_DEFAULTS[char.prefix])
            continue
        before = out[-1] if out else " "
        after = flat[index + 1] if index + 1 < len(flat) else " "
        after = after if isinstance(after, str) else " "
        if before.isspace() and after.isspace():
            kind = "dash"
        elif before.isspace():
            kind = "open"
            open_quote = True
        elif open_quote:
            kind = "close"
            open_quote = False
        else:
            kind = "apostrophe"
        out.append(LOST_BYTE_CHOICES[kind])
    return "".join(out)

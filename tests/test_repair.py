"""Repair: UTF-8 read as GBK is undone (lost bytes chosen by context), Latin mojibake fixed, correct text kept."""

import unicodedata

import pytest

from generator.read import decode
from generator.repair import repair

# Plain prose after each made-up sentence, as an article has around a garbled quote: repair only
# treats text in which the garbled characters are a sprinkle, not the bulk.
PAD = " The officials met on Thursday in the capital to discuss the agreement and its terms at length." * 3


def gbk_mojibake(text: str, errors: str = "ignore") -> str:
    """UTF-8 bytes read as GBK; with errors='ignore' the byte GBK cannot pair is lost, as in seed 004."""
    return text.encode("utf-8").decode("gbk", errors=errors)


GBK_CASES = {
    "everything": "“Honduras will sign,” Noem said. “We’ve never believed it — not once.” The café agreed.",
    "closing-quote-after-open-quote": "She said “no.” He said “yes.”",
    "apostrophe-inside-word": "It’s Honduras’s choice and the café’s.",
    "em-dash-between-spaces": "The deal — signed today — holds.",
    "quote-at-line-end": "He said: “It is over”\nNext line.",
    "accents-only": "A résumé, a naïve façade and Señor Ebrard of México.",
}


# Cases where GBK could pair every byte, so 'ignore' and 'replace' give the same garbled text.
NO_LOST_BYTE = ["apostrophe-inside-word", "accents-only"]
LOST_BYTE = [name for name in GBK_CASES if name not in NO_LOST_BYTE]


@pytest.mark.parametrize("original", GBK_CASES.values(), ids=GBK_CASES.keys())
def test_gbk_mojibake_is_undone(original):
    garbled = gbk_mojibake(original + PAD)
    assert "鈥" in garbled or "茅" in garbled
    text, _ = repair(garbled)
    assert text == original + PAD
    assert "鈥" not in text


def test_lost_bytes_are_chosen_from_context():
    # Each of these lost its last byte: ” after an open quote, ’ inside a word, — between spaces.
    garbled = gbk_mojibake("“Yes,” he said — it’s done." + PAD)
    assert garbled.startswith("鈥淵es,鈥 he said 鈥 it鈥檚 done.")
    assert repair(garbled)[0].startswith("“Yes,” he said — it’s done.")


def test_gbk_repairs_are_counted_per_garbled_run():
    assert repair(gbk_mojibake("“Yes,” he said — it’s done." + PAD))[1] == {"gbk_mojibake": 4}


@pytest.mark.parametrize("name", NO_LOST_BYTE)
def test_gbk_mojibake_with_nothing_lost_is_undone_whatever_the_error_mode(name):
    original = GBK_CASES[name] + PAD
    assert gbk_mojibake(original, errors="replace") == gbk_mojibake(original, errors="ignore")
    assert repair(gbk_mojibake(original, errors="replace"))[0] == original


@pytest.mark.parametrize("name", LOST_BYTE)
def test_gbk_mojibake_with_replacement_characters_is_undone(name):
    original = GBK_CASES[name]
    assert "\ufffd" in gbk_mojibake(original + PAD, errors="replace")
    assert repair(gbk_mojibake(original + PAD, errors="replace"))[0] == original + PAD


def test_euro_sign_missing_its_last_byte_is_restored():
    assert repair(gbk_mojibake("It cost €5 million." + PAD))[0] == "It cost €5 million." + PAD


def test_nul_in_garbled_text_is_stripped_not_made_punctuation():
    text, _ = repair(gbk_mojibake("“Yes,” he said." + PAD) + " a\x00b")
    assert text.endswith(" ab")


def test_seed_004_is_repaired(seed_bytes):
    raw = decode(seed_bytes(4)).text
    text, repairs = repair(raw)
    assert "鈥" not in text
    for phrase in ("“Honduras", "We’ve", "doesn’t", "United States.”"):
        assert phrase in text
    assert repairs == {"gbk_mojibake": raw.count("鈥")} == {"gbk_mojibake": 12}


@pytest.mark.parametrize("garbled, fixed", [
    ("cafÃ©", "café"),
    ("donâ€™t", "don’t"),
    ("â€œHelloâ€\x9d", "“Hello”"),
])
def test_latin_mojibake_is_fixed(garbled, fixed):
    assert repair(garbled)[0] == fixed


def test_latin_mojibake_repairs_are_counted():
    assert repair("I donâ€™t like the cafÃ© by the border.") == (
        "I don’t like the café by the border.", {"latin_mojibake": 2})


@pytest.mark.parametrize("text", [
    "北京是中国的首都。",
    "北京是中国的首都。他说：“你好！”",
    "القاهرة هي عاصمة مصر.",
    "Привет, мир",
    "He said “hello” and ‘bye’ — it’s fine.",
    "&lt;b&gt; &amp; ＡＢＣ",
])
def test_correct_text_is_left_alone(text):
    assert repair(text) == (text, {})


def test_text_is_nfc_normalised():
    text, repairs = repair("cafe\u0301")
    assert text == "caf\u00e9" and unicodedata.is_normalized("NFC", text)
    assert repairs == {}


@pytest.mark.parametrize("dirty, clean, count", [
    ("a\x00b\x07c", "abc", 2),
    ("x\u200by\ufeffz", "xyz", 2),
    ("bell\x7f", "bell", 1),
])
def test_control_characters_are_stripped(dirty, clean, count):
    assert repair(dirty) == (clean, {"control_chars": count})


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x0c", "\x0b"])
def test_separators_do_not_join_words(separator):
    assert repair(f"border.{separator}The")[0].split() == ["border.", "The"]


def test_line_endings_become_lf():
    assert repair("a\r\nb\rc\n") == ("a\nb\nc\n", {"line_endings": 2})


@pytest.mark.parametrize("garbled, fixed", [
    ("He said \u00e2\u20ac\u0153we will\u00e2\u20ac\ufffd and left.", "He said “we will” and left."),
    ("\u00e2\u20ac\ufffdNo,\u00e2\u20ac\ufffd she said.", "“No,” she said."),
    ("It\u00e2\u20ac\ufffds done.", "It’s done."),
    ("Mexico \u00e2\u20ac\ufffd and Guatemala", "Mexico — and Guatemala"),
    ("A lone \ufffd the context cannot decide stays.", "A lone \ufffd the context cannot decide stays."),
])
def test_latin_mojibake_with_a_lost_last_byte_is_restored_from_context(garbled, fixed):
    assert repair(garbled)[0] == fixed

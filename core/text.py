"""Vietnamese text: normalising, the alphabet's sort order and diacritic-free search."""

import re
import unicodedata
from functools import lru_cache

# Vietnamese alphabet order: base letters (with their shape marks ă â đ ê ô ơ ư)
# first, tone marks only break ties (secondary weight).
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng
_SHAPE_MARKS = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê",
                ("o", "\u0302"): "ô", ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}  # fmt: skip


def normalise_text(value: str) -> str:
    """NFC, trimmed, inner runs of white space folded to one space."""
    return " ".join(unicodedata.normalize("NFC", value).split())


def _letters_and_tones(word: str) -> tuple[list[str], list[int]]:
    letters: list[str] = []
    tones: list[int] = []
    for char in word.lower():
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        tone = 0
        for mark in marks:
            if mark in _TONE_MARKS:
                tone = _TONE_MARKS[mark]
            elif (base, mark) in _SHAPE_MARKS:
                base = _SHAPE_MARKS[(base, mark)]
        letters.append(base)
        tones.append(tone)
    return letters, tones


def _primary(letter: str) -> str:
    index = _ALPHABET.find(letter)
    if index < 0:
        return "~" + letter  # digits and punctuation after letters
    return chr(ord("A") + index)


def vietnamese_sort_key(full_name: str) -> str:
    """A string that sorts names the Vietnamese way: given name, then the rest.

    "Nguyễn Văn An" sorts under "An", then "Nguyễn Văn"; letters follow the
    Vietnamese alphabet (a < ă < â < b ...), and tone marks only break ties.
    """
    words = normalise_text(full_name).split(" ")
    ordered = words[-1:] + words[:-1] if words else []
    keys = [_word_key(word) for word in ordered]
    return " ".join(k[0] for k in keys) + "|" + " ".join(k[1] for k in keys)


def vietnamese_key(text: str) -> str:
    """A string that sorts text (a unit's name, a title) in the Vietnamese alphabet, words in order.

    "Xã Hà Hiệu" < "Xã Hoàng Trĩ" < "Xã Yên Dương" < "Xã Đồng Phúc" is wrong in code-point order
    ("Đ" after "Y", "Hoàng" before "Hà"); here đ follows d and tone marks only break ties.
    """
    keys = [_word_key(word) for word in normalise_text(text).split(" ")]
    return " ".join(k[0] for k in keys) + "|" + " ".join(k[1] for k in keys)


@lru_cache(maxsize=8192)
def _word_key(word: str) -> tuple[str, str]:
    """(primary letters, tone digits) of one syllable; names reuse few syllables, so cached."""
    letters, tones = _letters_and_tones(word)
    return "".join(_primary(letter) for letter in letters), "".join(str(t) for t in tones)


# Apostrophes and quotation marks typed on different keyboards (’ ‘ ʼ ' ` ´ ″ “ ” „ "):
# "H’Mông", "H'Mông" and "HMông" are one word to search and to match against lists.
_QUOTES = str.maketrans("", "", "'\u2019\u2018\u02bc\u02bb`\u00b4\u2032\u2033\"\u201c\u201d\u201e")


def fold_for_search(value: str) -> str:
    """Lower-case, without diacritics or quotes ("Nguyễn Văn Đức" -> "nguyen van duc", "H’Mông" -> "hmong")."""
    return " ".join(_fold_word(word) for word in normalise_text(value.translate(_QUOTES)).lower().split(" "))


@lru_cache(maxsize=8192)
def _fold_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d")


# Tone placement of the open syllables oa, oe, uy ("Hòa", "Thủy", "Ủy ban"): state documents and the
# official names of administrative units put the mark on the first vowel; the other style ("Hoà",
# "Thuỷ", "Uỷ") is the same word. "qu" is a consonant, so "quý" is untouched.
_OPEN_SYLLABLE = re.compile(
    r"(?<![qQ])([oO](?=[aAeE])|[uU](?=[yY]))([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![^\W\d_]|[\u0300-\u036f])"
)


def traditional_tone_placement(text: str) -> str:
    """`text` with the tone of oa/oe/uy at a word's end on the first vowel, as state documents write it."""
    decomposed = unicodedata.normalize("NFD", text)
    moved = _OPEN_SYLLABLE.sub(lambda match: match[1] + match[3] + match[2], decomposed)
    return unicodedata.normalize("NFC", moved)


# --- Numbers as Vietnamese pages and documents write them ------------------------------


def format_thousands(value: int) -> str:
    """35027 -> "35.027" (Vietnamese thousands separator)."""
    sign = "-" if value < 0 else ""
    return f"{sign}{abs(value):,}".replace(",", ".")


def format_vnd(amount: int | None) -> str:
    """12500000 -> "12.500.000 đ"."""
    if amount is None:
        return ""
    return format_thousands(amount) + " đ"


def format_decimal(value) -> str:
    """A coefficient as the decree writes it: Decimal("0.3") -> "0,3", Decimal("3") -> "3,0"."""
    if value is None:
        return ""
    text = f"{value:.1f}" if value == round(value, 1) else f"{value:f}".rstrip("0")
    return text.replace(".", ",")


def format_percent(ratio: float) -> str:
    """A share as the documents write it: 0.505 -> "50,5 %" (decimal comma, one decimal at most,
    a space before the sign). The space is a no-break space, so a narrow table cell never puts
    the sign on a line of its own."""
    return f"{round(ratio * 100, 1):g}".replace(".", ",") + "\u00a0%"


# The number format of a share stored as a number in a workbook: Excel shows 0.505 as "50.5 %",
# and as "50,5 %" where the computer is set to Vietnamese.
PERCENT_NUMBER_FORMAT = "0.0 %"


class Percent(float):
    """A share (0.505) that prints as the documents write it ("50,5 %") and stays a number for Excel."""

    __slots__ = ()

    def __str__(self) -> str:
        return format_percent(self)

    def __repr__(self) -> str:
        return f"Percent({float(self)!r})"

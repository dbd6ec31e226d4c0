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


# --- Amounts in words ("Bằng chữ"), as a decision and a financial document write them ---------

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_SCALES = ("", " nghìn", " triệu")  # three-digit groups below the tỷ; the tỷ repeats above


def _tens_and_units(tens: int, units: int, *, after_hundred: bool, odd: str, five: str) -> str:
    """The last two digits of a group: "linh năm", "mười lăm", "hai mươi mốt", "ba mươi tư"."""
    if tens == 0:
        return f"{odd} {_DIGITS[units]}" if units and after_hundred else (_DIGITS[units] if units else "")
    head = "mười" if tens == 1 else f"{_DIGITS[tens]} mươi"
    if units == 0:
        return head
    if units == 5:
        word = five if tens > 1 else "lăm"
    elif units == 1 and tens > 1:
        word = "mốt"
    elif units == 4 and tens > 1:
        word = "tư"
    else:
        word = _DIGITS[units]
    return f"{head} {word}"


def _group_words(value: int, *, full: bool, odd: str, five: str) -> str:
    """One group of three digits; `full` when a higher group precedes it ("không trăm linh năm")."""
    hundreds, rest = divmod(value, 100)
    tens, units = divmod(rest, 10)
    words = []
    if hundreds or full:
        words.append(f"{_DIGITS[hundreds]} trăm")
    tail = _tens_and_units(tens, units, after_hundred=bool(words), odd=odd, five=five)
    if tail:
        words.append(tail)
    return " ".join(words)


def _below_billion(value: int, *, full: bool, odd: str, five: str) -> str:
    groups = [(value // 1_000_000) % 1000, (value // 1000) % 1000, value % 1000]
    words: list[str] = []
    for group, scale in zip(groups, reversed(_SCALES), strict=True):
        if group:
            words.append(_group_words(group, full=full or bool(words), odd=odd, five=five) + scale)
    return " ".join(words)


def _number_words(value: int, *, full: bool, odd: str, five: str) -> str:
    billions, rest = divmod(value, 1_000_000_000)
    words = []
    if billions:
        words.append(_number_words(billions, full=full, odd=odd, five=five) + " tỷ")
    if rest:
        words.append(_below_billion(rest, full=full or bool(billions), odd=odd, five=five))
    return " ".join(words)


def vnd_in_words(n: int, *, odd: str = "linh", five: str = "lăm") -> str:
    """An amount of đồng in words, as "Bằng chữ" writes it: 2340000 -> "Hai triệu ba trăm bốn mươi
    nghìn đồng", 1005000 -> "Một triệu không trăm linh năm nghìn đồng", 0 -> "Không đồng".

    Reading rules: "linh" (or odd="lẻ", the southern usage) for a zero ten after a hundred; "mười"
    for ten and "mươi" after two to nine; "mốt" and "tư" for one and four after "mươi", "lăm" for
    five after a ten (five="nhăm" reads "hai mươi nhăm"; "mười lăm" either way); "không trăm" for an empty hundred inside the number; nghìn, triệu, tỷ, and
    the tỷ repeating above ("một nghìn tỷ").
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError("Số tiền phải là số nguyên (đồng).")
    if n < 0:
        raise ValueError("Số tiền không được âm.")
    if odd not in ("linh", "lẻ"):
        raise ValueError("Cách đọc số lẻ chỉ là “linh” hoặc “lẻ”.")
    if five not in ("lăm", "nhăm"):
        raise ValueError("Cách đọc số năm sau “mươi” chỉ là “lăm” hoặc “nhăm”.")
    words = _number_words(n, full=False, odd=odd, five=five) if n else "không"
    return f"{words[:1].upper()}{words[1:]} đồng"


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

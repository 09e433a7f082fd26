"""Spellings of names across scripts and transliteration systems.

A reader may type a prisoner's name as the English, French or German press spells it, or
in Cyrillic. Every spelling is reduced to a *name key*: transliterated to Latin, accents
dropped, and the differences between transliteration systems folded away, so that
"Kagarlitsky", "Kagarlitski", "Kagarlizki" and "Кагарлицкий" share the key "kagarlitski".
Keys are lossy on purpose: they only decide which pages to show, never what to display.
"""

import re
import unicodedata

# Russian, Ukrainian and Belarusian letters, close to the BGN/PCGN system the press uses.
CYRILLIC_TO_LATIN = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "є": "ye",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "і": "i",
    "ї": "yi",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ў": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}
_CYRILLIC_TABLE = str.maketrans(CYRILLIC_TO_LATIN)

# Differences between English, French, German and Polish transliterations of the same
# sound, applied in order to one lower-case Latin word.
_FOLDINGS = [
    (re.compile(r"tsch|tch"), "ch"),  # German, French for ч
    (re.compile(r"sch"), "sh"),  # German for ш
    (re.compile(r"kh"), "h"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"w"), "v"),  # German for в
    (re.compile(r"ou"), "u"),  # French for у
    (re.compile(r"x"), "ks"),
    (re.compile(r"j"), "y"),  # German for й
    (re.compile(r"tz|z"), "ts"),  # German z is ц; з folds with it, which is harmless
    (re.compile(r"(\w)\1+"), r"\1"),  # doubled letters
    (re.compile(r"(?:iy|yi|ii|yy|y)$"), "i"),  # -ий, -ый, -ей endings
]

WORD = re.compile(r"\w+")


def fold_yo(text: str) -> str:
    """Russian writes ё and е interchangeably; search treats them as one letter."""
    return text.replace("ё", "е").replace("Ё", "Е")


def to_latin(text: str) -> str:
    """Lower case, Cyrillic transliterated, accents dropped (other scripts left as they are)."""
    latin = text.lower().translate(_CYRILLIC_TABLE)
    decomposed = unicodedata.normalize("NFKD", latin)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def name_key(word: str) -> str:
    """The key of one word of a name."""
    key = to_latin(word)
    if key.isascii():
        for pattern, replacement in _FOLDINGS:
            key = pattern.sub(replacement, key)
    return key


def name_keys(*spellings: str) -> list[str]:
    """Keys of every word of every spelling, each once, in order."""
    keys = []
    for spelling in spellings:
        for word in WORD.findall(spelling or ""):
            key = name_key(word)
            if key and key not in keys:
                keys.append(key)
    return keys


def spellings_of(page) -> list[str]:
    """Every spelling of a page's name that the page knows: its title, a name in native
    script and other spellings where the page type has them (prisoners do)."""
    spellings = [page.title, getattr(page, "native_name", "") or ""]
    other_spellings = getattr(page, "spellings", None)
    if callable(other_spellings):
        spellings.extend(other_spellings())
    return [spelling for spelling in spellings if spelling]

"""People's names written bare ("Maria Gonzalez"), found with the U.S. Census Bureau's name lists.

The lists are the Census Bureau's public-domain frequency files of first names and surnames (1990 census), as the
``names`` package ships them. A name is:

- a known first name followed by a capitalised word (with an initial or a particle such as "de la" between):
  "Maria Gonzalez", "Maria J. Quorvton", "Ana de la Cruz";
- "Surname, First": "Gonzalez, Maria";
- a title followed by a capitalised word: "Mr. Quorvton", "Sra. Lopez";
- in lower case, a known first name followed by a known surname, neither of them a common English word.

Over-redacting a street or a building named after a person is accepted (issue 9); keeping a person's name is not.
Names in scripts other than Latin are not detected: the lists hold none (a known gap, stated in the README).
Tokenising is one pass of a simple pattern and a walk over the tokens: linear in the text.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

# Capitalised or all-capital words of Latin letters, with inner apostrophes and hyphens (O'Neil, Smith-Jones).
_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿ]+)*\.?")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TITLES = _words("mr mrs ms miss mx dr sr sra srta mme mlle herr frau pan pani señor señora senor senora")
_PARTICLES = _words("de del della der di da das dos du la le van von ten ter bin ibn al el st")
# First names that are everyday English words, or words of City work; read as a name only when capitalised and
# followed by a capitalised word that is a known surname.
_COMMON_FIRST = _words(
    """
    will may june mark bill grant art frank rose faith hope joy grace april august sunny chase dean drew guy jack
    jean lane long max miles pat ray rich rob sue ted don gene carol dawn eve holly ivy iris lily daisy ruby pearl
    crystal amber summer autumn winter spring star angel honey precious patience constance prudence charity mercy
    trinity destiny harmony heaven justice major king earl prince lord baron duke judge early young page price
    hunter mason carter cooper fisher porter tanner taylor parker walker turner baker miller marshal marshall
    chance colt cash case cole court clay stone rock ford glen dale wood woods hill field brook brooks river sky
    christian ali love lovely sharon penny ginger candy cherry sandy dusty rusty misty stormy
    allen an in to do be by so no is it at on or as we he us me my go up ok am
    """
)
_COMMON_SURNAME = _words(
    """
    the and of to in for on at by with from as is be are was were will may can call park hall street city state
    police court judge law office house day love white black brown green young king wood hill field long short
    rice bush more most best good well little large small new old north south east west center central federal
    agent agents officer officers staff guard lot lots garage door gate entrance front back side
    """
)


@cache
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    files = resources.files("names")

    def read(name: str, top: int | None = None) -> frozenset[str]:
        words = []
        for line in files.joinpath(name).read_text().splitlines()[:top]:
            word = line.split(" ", 1)[0].strip().lower()
            if word.isalpha() and len(word) > 1:
                words.append(word)
        return frozenset(words)

    first = read("dist.female.first") | read("dist.male.first")
    # The rarest surnames are mostly ordinary words spelt as names; the first 40,000 cover 85 % of people.
    surnames = read("dist.all.last", top=40_000)
    return first, surnames


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def name_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that look like a person's name."""
    first_names, surnames = _lists()
    tokens = [(m.start(), m.end(), m.group().rstrip(".")) for m in _TOKEN.finditer(text)]
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        start, end, word = tokens[i]
        low = word.lower()
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        found: tuple[int, int] | None = None
        # Cheap set lookups first: most words are neither a title, a first name nor a surname.
        if (
            nxt is not None
            and (low in _TITLES or low in first_names or low in surnames)
            and _adjacent(text, end, nxt[0])
        ):
            last = _surname_after(text, tokens, i + 1) if _is_capitalised(word) and low in first_names else None
            if low in _TITLES and _is_capitalised(nxt[2]):
                found, i = (start, nxt[1]), i + 1
            elif last is not None:
                surname = tokens[last][2]
                if low not in _COMMON_FIRST or surname.lower() in surnames:
                    found, i = (start, tokens[last][1]), last
            elif (
                low in first_names
                and low not in _COMMON_FIRST
                and nxt[2].lower() in surnames
                and nxt[2].lower() not in _COMMON_SURNAME
            ) or (
                _is_capitalised(word)
                and low in surnames
                and low not in _COMMON_SURNAME
                and text[end : nxt[0]].strip() == ","
                and _is_capitalised(nxt[2])
                and nxt[2].lower() in first_names
                and nxt[2].lower() not in _COMMON_FIRST
            ):
                found, i = (start, nxt[1]), i + 1
        if found:
            spans.append(found)
        i += 1
    return spans


def _adjacent(text: str, end: int, next_start: int) -> bool:
    """Two words belong to one name when only spaces (or one comma) stand between them."""
    between = text[end:next_start]
    return len(between) <= 3 and between.strip() in ("", ",")


def _surname_after(text: str, tokens: list[tuple[int, int, str]], k: int) -> int | None:
    """The index of the surname that ends a name whose first name is token ``k - 1``, skipping initials and
    particles ("Maria J. Quorvton", "Ana de la Cruz"); None when no capitalised word follows closely."""
    for j in range(k, min(k + 4, len(tokens))):
        if text[tokens[j - 1][1] : tokens[j][0]].strip() != "":
            return None  # a comma or anything else between the words ends the name
        word = tokens[j][2]
        if (len(word) == 1 and word.isupper()) or word.lower() in _PARTICLES:
            continue
        return j if _is_capitalised(word) and len(word) > 1 else None
    return None

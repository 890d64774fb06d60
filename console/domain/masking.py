"""Masking quoted chat fragments before they go into an intervision case note.

A case note may quote a few lines of a chat (by its anonymous reference), but never a
name, phone number or e-mail address. The console masks what it can recognise and shows
the result; the author reads it and confirms (the author knows which words are names in a
way no rule does). Pure: no I/O.

Recognised: e-mail addresses, phone numbers, URLs, postcodes and street addresses (the
forum's marks), names the author lists, and capitalised words inside a sentence that are
not ordinary Dutch words at a sentence start (a cautious guess: better one word too many
masked than a name kept; the author can still un-mask by editing before confirming).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from console.domain.forum import find_marks

#: What replaces each kind of masked text.
PLACEHOLDERS: dict[str, str] = {
    "email": "[e-mail]",
    "phone": "[telefoon]",
    "url": "[link]",
    "postcode": "[postcode]",
    "address": "[adres]",
    "name": "[naam]",
}

#: Capitalised words that are not names even inside a sentence (pronouns, days, months,
#: places every chat names, the service itself).
_NOT_NAMES = frozenset(
    w.casefold()
    for w in (
        "Ik", "Jij", "Je", "U", "Hulpmix", "Kindertelefoon", "Nederland", "Nederlands",
        "God", "Insta", "Instagram", "Snapchat", "TikTok", "WhatsApp", "Google",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
        "september", "oktober", "november", "december", "Kerst", "Pasen", "OK", "Oké",
    )
)  # fmt: skip

_WORD = re.compile(r"\b[^\W\d_][\w'-]*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:\n]\s*$")


@dataclass(frozen=True)
class Masked:
    text: str
    #: (kind, original) for every masked piece, in order: shown to the author to confirm.
    removed: tuple[tuple[str, str], ...]

    @property
    def changed(self) -> bool:
        return bool(self.removed)


def _name_spans(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for name in {n.strip() for n in names if n.strip()}:
        pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
        spans += [(m.start(), m.end()) for m in pattern.finditer(text)]
    for match in _WORD.finditer(text):
        word = match.group()
        if not word[0].isupper() or word.casefold() in _NOT_NAMES:
            continue
        before = text[: match.start()]
        if (
            not before.strip()
            or _SENTENCE_END.search(before)
            or before.rstrip().endswith(('"', "'", "“", "‘", "-"))
        ):
            continue  # a sentence or quote starts here: capitalised for grammar
        spans.append((match.start(), match.end()))
    return spans


def mask_fragment(text: str, names: Iterable[str] = ()) -> Masked:
    """`text` with personal data replaced by placeholders, and what was replaced."""
    pieces: list[tuple[int, int, str]] = [
        (m.start, m.end, m.kind)
        for m in find_marks(text, danger_words=())
        if m.kind in PLACEHOLDERS
    ]
    pieces += [(start, end, "name") for start, end in _name_spans(text, names)]
    pieces.sort(key=lambda p: (p[0], -(p[1] - p[0])))
    out: list[str] = []
    removed: list[tuple[str, str]] = []
    cursor = 0
    for start, end, kind in pieces:
        if start < cursor:
            continue  # inside a piece already masked (a name within an e-mail address)
        out.append(text[cursor:start])
        out.append(PLACEHOLDERS[kind])
        removed.append((kind, text[start:end]))
        cursor = end
    out.append(text[cursor:])
    return Masked("".join(out), tuple(removed))

"""What any key or value in a data file may hold, whatever its field: the rules of plain text.

A pull request may come from anyone, and data text reaches page bodies, navigation, `<title>`, the
search index, JSON, CSV and the contributor's terminal. The renderer escapes what is markup in each of
those places; this module refuses what no escaping can make harmless:

- control characters (NUL, BEL, ESC and the rest, which YAML's double-quoted escapes can produce):
  they drive terminals and corrupt files. Tabs and line breaks are allowed.
- bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and kin): they reorder the characters a
  reader sees, so a name or an id can read as something else. Persian and Arabic text is shown in the
  right direction without them.
- lone surrogates, line and paragraph separators, interlinear annotations and the invisible "tag"
  characters that can smuggle hidden text.
- a paragraph longer than MAX_PARAGRAPH_CHARACTERS: Markdown's inline parser takes time that grows
  with the square of a paragraph's length when it holds many characters to escape, so the cap keeps
  the cost of rendering linear in the size of the text (a long text is several paragraphs).

The JSON Schemas add the rule that a text field holds something visible (see `text` in
common.schema.json); this module applies to every key and value, before any schema is consulted.
"""

from __future__ import annotations

import re
import unicodedata

MAX_PARAGRAPH_CHARACTERS = 4000

_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_OTHER = "\u2028\u2029\ud800-\udfff\ufff9-\ufffb\U000e0000-\U000e007f"
_FORBIDDEN = re.compile(f"[{_CONTROL}{_BIDI}{_OTHER}]")
_BIDI_CHARACTERS = re.compile(f"[{_BIDI}]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def problem(text: str) -> str | None:
    """Why `text` may not stand in a data file, or None when it may."""
    found = _FORBIDDEN.search(text)
    if found:
        return _forbidden_character(found.group())
    if len(text) > MAX_PARAGRAPH_CHARACTERS:
        longest = max(len(" ".join(part.split())) for part in _PARAGRAPH_BREAK.split(text))
        if longest > MAX_PARAGRAPH_CHARACTERS:
            return (
                f"has a paragraph of {longest:,} characters; a paragraph may be at most "
                f"{MAX_PARAGRAPH_CHARACTERS:,}: split it with a blank line"
            )
    return None


def _forbidden_character(character: str) -> str:
    code = f"U+{ord(character):04X}"
    name = unicodedata.name(character, "")
    named = f"{code} ({name})" if name else code
    if _BIDI_CHARACTERS.fullmatch(character):
        return (
            f"contains the bidirectional control {named}, which changes the order in which text is shown; "
            "remove it (Persian and Arabic text shows in the right direction without it)"
        )
    if 0xD800 <= ord(character) <= 0xDFFF:
        return f"contains {code}, half of a surrogate pair, which is not a character; remove the escape that made it"
    kind = "control character" if unicodedata.category(character) == "Cc" else "invisible character"
    return f"contains the {kind} {named}; remove it (data text may hold tabs and line breaks, but no other control characters)"

"""What changed between two revisions of a handout, as readable text.

The text is taken from the revisions' content (title, classification, summary,
StreamField text, referenced partners' names), not from the PDF: it is what an
editor wrote. Paragraphs are compared first; a changed paragraph is compared
word by word, so a single corrected word shows as such.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from django.db.models import Model
from django.utils.html import strip_tags
from wagtail.blocks import StructValue
from wagtail.models import Revision

WORDS = re.compile(r"\S+\s*")


@dataclass
class ChangedLine:
    kind: str  # "added", "removed" or "changed"
    segments: list[tuple[str, str]] = field(default_factory=list)  # (op, text), op in =,+,-


def _clean(text: str) -> str:
    return " ".join(strip_tags(str(text)).split())


def _block_lines(block) -> list[str]:
    lines = [_clean(text) for text in block.block.get_searchable_content(block.value)]
    value = block.value
    if isinstance(value, StructValue):
        # Chooser blocks have no searchable text; the referenced record's name is the content.
        lines += [str(item) for item in value.values() if isinstance(item, Model)]
    return [line for line in lines if line]


def page_text(page) -> list[str]:
    """The readable content of a handout (or any page) as a list of lines."""
    lines = [page.title]
    for name in ("audience", "target_group", "summary"):
        value = getattr(page, name, "")
        if value:
            lines.append(_clean(value))
    for stream_name in ("body", "contacts"):
        for block in getattr(page, stream_name, None) or []:
            lines += _block_lines(block)
    return [line for line in lines if line]


def revision_text(revision: Revision | None) -> list[str] | None:
    if revision is None:
        return None
    return page_text(revision.as_object())


def _word_diff(old: str, new: str) -> list[tuple[str, str]]:
    old_words, new_words = WORDS.findall(old), WORDS.findall(new)
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    segments: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("=", "".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            segments.append(("-", "".join(old_words[i1:i2])))
        if j2 > j1:
            segments.append(("+", "".join(new_words[j1:j2])))
    return segments


def diff_lines(old: list[str], new: list[str]) -> list[ChangedLine]:
    """Only the changed paragraphs; unchanged ones are left out."""
    changes: list[ChangedLine] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        removed, added = old[i1:i2], new[j1:j2]
        paired = min(len(removed), len(added)) if op == "replace" else 0
        for before, after in zip(removed[:paired], added[:paired], strict=True):
            changes.append(ChangedLine("changed", _word_diff(before, after)))
        changes += [ChangedLine("removed", [("-", line)]) for line in removed[paired:]]
        changes += [ChangedLine("added", [("+", line)]) for line in added[paired:]]
    return changes


def revision_diff(older: Revision | None, newer: Revision | None) -> list[ChangedLine] | None:
    """Changes from ``older`` to ``newer``; None when a revision is unknown."""
    old_text, new_text = revision_text(older), revision_text(newer)
    if old_text is None or new_text is None:
        return None
    return diff_lines(old_text, new_text)

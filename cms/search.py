"""Site search in German: stemmed, prefix-matching, with highlighted excerpts.

Wagtail's database backend on PostgreSQL searches with one text-search
configuration; ``german`` stems ("Suchtproblemen" → "suchtproblem"). Stemming alone
does not let "Sucht" find "Suchtproblemen", because German compounds keep their
parts in one word, so every search term is also matched as a prefix of the stored
stems. The excerpt is PostgreSQL's ``ts_headline`` over the plain text that the
index already keeps. SQLite (the embedded default) keeps Wagtail's own backend.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable
from functools import reduce

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db import connection
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.search.backends import database
from wagtail.search.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.search.backends.database.postgres.query import Lexeme
from wagtail.search.models import IndexEntry
from wagtail.search.query import PlainText

SEARCH_CONFIG = "german"
# ts_headline marks hits with these; the text is escaped before they become <mark>.
_START, _STOP = "\ue000", "\ue001"


def _terms(query_string: str) -> list[str]:
    return [term for term in re.split(r"[\s\-]+", query_string) if term]


def prefix_query(query_string: str, *, operator_name: str = "and") -> SearchQuery | None:
    """Every term as a stemmed prefix, joined by AND (or OR)."""
    terms = _terms(query_string)
    if not terms:
        return None
    join = operator.and_ if operator_name == "and" else operator.or_
    lexemes = reduce(join, [Lexeme(term, prefix=True) for term in terms])
    return SearchQuery(lexemes, search_type="raw", config=SEARCH_CONFIG)


class GermanQueryCompiler(PostgresSearchQueryCompiler):
    """Plain-text queries match each term as a prefix; everything else as Wagtail does."""

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText) and not invert:
            return prefix_query(query.query_string, operator_name=query.operator)
        return super().build_tsquery_content(query, config=config, invert=invert)


class GermanSearchBackend(PostgresSearchBackend):
    query_compiler_class = GermanQueryCompiler

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": SEARCH_CONFIG, **params})


def SearchBackend(params):
    """The German backend on PostgreSQL, Wagtail's database backend elsewhere (the name is
    what Wagtail looks up in a backend module)."""
    if connection.vendor == "postgresql":
        return GermanSearchBackend(params)
    return database.SearchBackend(params)


def excerpts(objects: Iterable, query_string: str) -> dict[int, SafeString]:
    """pk → an HTML-safe excerpt of each object's indexed text with the hits in <mark>."""
    objects = list(objects)
    query = prefix_query(query_string)
    if connection.vendor != "postgresql" or not objects or query is None:
        return {}
    types = ContentType.objects.get_for_models(*objects, for_concrete_models=False)
    entries = IndexEntry.objects.filter(
        content_type__in=set(types.values()), object_id__in=[str(obj.pk) for obj in objects]
    ).annotate(
        excerpt=SearchHeadline(
            "body_text",
            query,
            config=SEARCH_CONFIG,
            start_sel=_START,
            stop_sel=_STOP,
            max_words=30,
            min_words=12,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
    )
    found = {}
    for entry in entries.values("object_id", "excerpt"):
        text = entry["excerpt"] or ""
        if _START not in text:
            continue  # the hit was in the title only
        html = escape(text).replace(_START, "<mark>").replace(_STOP, "</mark>")
        found[int(entry["object_id"])] = mark_safe(html)  # noqa: S308 - escaped above
    return found

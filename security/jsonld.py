"""JSON-LD that is safe inside ``<script type="application/ld+json">``: the one serialiser.

Pages (home's ``page_jsonld`` tag) and the partner directory write schema.org
data that contains text editors typed. Escaping ``<``, ``>`` and ``&`` is what
keeps such text from closing the script element, an injection guard rather than
a matter of presentation, so the serialiser lives with the other guards at the
bottom of the layer order, where every app that emits JSON-LD can import it.
"""

from __future__ import annotations

import json
from typing import Any

from django.utils.safestring import SafeString, mark_safe

_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def dump_jsonld(data: dict[str, Any]) -> SafeString:
    """JSON with <, > and & escaped, safe inside <script type="application/ld+json">."""
    text = json.dumps(data, ensure_ascii=False, default=str).translate(_ESCAPES)
    return mark_safe(text)  # noqa: S308 - the three HTML-significant characters are escaped

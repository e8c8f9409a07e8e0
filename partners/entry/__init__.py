"""Partner self-service at /konto/eintrag/: staff change their organisation's public entry.

A change never touches the live entry. It becomes a draft revision and goes into the
entry's moderation workflow; Wagtail publishes it once the coordination approves, and
only then do the public page, the API and the PDFs show it.
"""

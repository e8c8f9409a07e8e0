"""The snippet models a handout's PDF prints: the one list both sides of the pipeline read.

The renderer (documents.rendering.collect) prints the contact blocks of these
models, so a change to one of them must render the pages that use it again
(documents.signals). Keeping the list in one place keeps the two in step: a
model printed but not watched would leave stale PDFs.
"""

PRINTED_SNIPPET_MODELS = ("partners.Partner", "partners.ContactPoint")

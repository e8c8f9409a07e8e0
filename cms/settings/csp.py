"""Content security policy (django-csp): the public site with nonces, the admin and the API
docs with what their own inline code needs. Read by base.py."""

from csp.constants import NONCE, NONE, SELF

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        # Public site: no inline script or style unless it carries {{ request.csp_nonce }}.
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "object-src": [NONE],
        # Video players only after the reader's click (home/blocks.py VideoBlock).
        "frame-src": [SELF, "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# The Wagtail admin ships inline scripts and style attributes; its previews frame the site.
# Swagger UI (API docs) sets inline styles and data: images.
CONTENT_SECURITY_POLICY_BY_PATH = {
    "/admin/": {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF, "'unsafe-inline'"],
            "style-src": [SELF, "'unsafe-inline'"],
            "img-src": [SELF, "data:", "blob:"],
            "font-src": [SELF, "data:"],
            "connect-src": [SELF],
            "media-src": [SELF, "blob:"],
            "object-src": [NONE],
            "frame-src": [SELF],
            "worker-src": [SELF, "blob:"],
            "base-uri": [SELF],
            "form-action": [SELF],
            "frame-ancestors": [SELF],
        },
    },
    "/api/v3/docs/": {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF],
            "style-src": [SELF, "'unsafe-inline'"],
            "img-src": [SELF, "data:"],
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": [SELF],
            "frame-ancestors": [NONE],
        },
    },
}

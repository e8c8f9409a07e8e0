"""Registers the partner network's admin screens (partners/admin.py) with Wagtail."""

from wagtail.snippets.models import register_snippet

from partners.admin import NetworkViewSetGroup

register_snippet(NetworkViewSetGroup)

"""Wagtail API v3 (django-ninja) with the project's own routers mounted."""

from wagtail.api.v3.urls import api

__all__ = ["api"]

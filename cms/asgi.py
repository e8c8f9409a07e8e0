"""ASGI entry point."""

from django.core.asgi import get_asgi_application

from cms.bootstrap import configure

configure()
application = get_asgi_application()

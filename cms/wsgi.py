"""WSGI entry point (gunicorn ``cms.wsgi``)."""

from django.core.wsgi import get_wsgi_application

from cms.bootstrap import configure

configure()
application = get_wsgi_application()

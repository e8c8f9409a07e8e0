"""WSGI entry point of the server under browser test: the project's application plus images.

Production puts a web server in front of gunicorn that serves uploaded images from
MEDIA_ROOT. The browser tests run gunicorn alone with DEBUG off, so this wrapper
serves the two image folders Wagtail writes (originals and renditions) and nothing
else from MEDIA_ROOT: PDFs and documents still go through the project's own views.
"""

from pathlib import Path

from django.conf import settings
from whitenoise import WhiteNoise

from cms.wsgi import application as project_application

IMAGE_FOLDERS = ("original_images", "images")

application = WhiteNoise(project_application, autorefresh=True, max_age=0)
for _folder in IMAGE_FOLDERS:
    application.add_files(
        str(Path(settings.MEDIA_ROOT) / _folder), prefix=f"{settings.MEDIA_URL}{_folder}/"
    )

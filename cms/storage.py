"""Media in an S3-compatible bucket (django-storages), with every address on the site.

The bucket's objects are private. Pages, the API and PDFs refer to files by their
``/media/``, ``/pdf/`` and ``/dokumente/`` addresses, whose views check access and
stream the object, exactly as with the file system (cms/media.py, documents/views.py).
So the bucket's own host never appears in a page, and a restricted file is never
reachable by a bare bucket URL. Presigned URLs (``presigned_url``) expire within
``AWS_QUERYSTRING_EXPIRE`` seconds and are issued only by code that checked access.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class MediaBucketStorage(S3Storage):
    """The default storage when ``AWS_STORAGE_BUCKET_NAME`` is set."""

    default_acl = "private"
    file_overwrite = False

    def url(self, name, parameters=None, expire=None, http_method=None) -> str:
        return settings.MEDIA_URL + filepath_to_uri(clean_name(name))

    def presigned_url(self, name: str) -> str:
        """A short-lived direct URL of the object, for views that already checked access."""
        return super().url(name, expire=settings.AWS_QUERYSTRING_EXPIRE)

"""Where media live: MEDIA_ROOT, or an S3-compatible bucket when AWS_STORAGE_BUCKET_NAME is set.

django-storages reads these AWS_* settings; base.py switches the default storage to
cms.storage.MediaBucketStorage with them. Objects stay private; the site streams them
after its access checks.
"""

from pathlib import Path

import environ

__all__ = [
    "AWS_ACCESS_KEY_ID",
    "AWS_QUERYSTRING_EXPIRE",
    "AWS_S3_ADDRESSING_STYLE",
    "AWS_S3_ENDPOINT_URL",
    "AWS_S3_REGION_NAME",
    "AWS_S3_SIGNATURE_VERSION",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_STORAGE_BUCKET_NAME",
    "FILE_UPLOAD_PERMISSIONS",
    "MEDIA_ROOT",
    "MEDIA_URL",
]

env = environ.Env()
BASE_DIR = Path(__file__).resolve().parent.parent.parent

MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
FILE_UPLOAD_PERMISSIONS = 0o644

AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)
AWS_ACCESS_KEY_ID = env("AWS_ACCESS_KEY_ID", default=None)
AWS_SECRET_ACCESS_KEY = env("AWS_SECRET_ACCESS_KEY", default=None)
AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default=None)
AWS_S3_ADDRESSING_STYLE = env("AWS_S3_ADDRESSING_STYLE", default="path")
AWS_S3_SIGNATURE_VERSION = "s3v4"
AWS_QUERYSTRING_EXPIRE = env.int("AWS_QUERYSTRING_EXPIRE", default=60)

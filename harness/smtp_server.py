"""A real SMTP server for tests: aiosmtpd on a free port, delivering into a Maildir.

Mail tests send through Django's SMTP backend to this server and read what arrived,
headers included, the way a mail client would. A test that takes the server away
to see how the product copes stops only its own instance.
"""

from __future__ import annotations

import email.policy
import mailbox
import socket
import sys
from email.message import EmailMessage
from pathlib import Path

from harness.processes import Process, free_port, wait_for


class SmtpServer:
    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.maildir = workdir / f"maildir-{self.port}"
        self.log = workdir / f"smtp-{self.port}.log"
        self.process: Process | None = None

    @property
    def url(self) -> str:
        """The server as django-environ's EMAIL_URL."""
        return f"smtp://127.0.0.1:{self.port}"

    def start(self, timeout: float = 20) -> SmtpServer:
        mailbox.Maildir(self.maildir, create=True)
        argv = [sys.executable, "-m", "aiosmtpd", "-n", "-u", "-l", f"127.0.0.1:{self.port}"]
        argv += ["-c", "aiosmtpd.handlers.Mailbox", str(self.maildir)]
        self.process = Process("smtp", argv, {}, self.log).start()
        wait_for(self._accepts, timeout, 0.1, "aiosmtpd", [self.process])
        return self

    def _accepts(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                return True
        except OSError:
            return False

    def messages(self) -> list[EmailMessage]:
        """Every message delivered so far, oldest first, parsed with the modern policy."""
        box = mailbox.Maildir(self.maildir, factory=None, create=False)
        found = []
        for key in box.iterkeys():
            with box.get_file(key) as handle:
                parsed = email.message_from_binary_file(handle, policy=email.policy.default)
            found.append((Path(self.maildir, "new", key).stat().st_mtime_ns, key, parsed))
        return [message for _, _, message in sorted(found, key=lambda item: item[:2])]

    def clear(self) -> None:
        mailbox.Maildir(self.maildir, create=False).clear()

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop(10)
        self.process = None

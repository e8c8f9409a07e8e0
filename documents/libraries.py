"""``python -m documents.libraries``: are WeasyPrint's system libraries installed?

WeasyPrint loads Pango and HarfBuzz only when the first PDF renders, so a missing
library would surface as a failed render job long after `make run` started. This
check runs first and names the Debian packages to install. It needs no Django.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Callable

# Debian package -> the library name ctypes looks for.
PACKAGES = {
    "libpango-1.0-0": "pango-1.0",
    "libpangoft2-1.0-0": "pangoft2-1.0",
    "libharfbuzz-subset0": "harfbuzz-subset",
}


def _loads(name: str, find: Callable[[str], str | None]) -> bool:
    path = find(name)
    if not path:
        return False
    try:
        ctypes.CDLL(path)
    except OSError:
        return False
    return True


def missing_packages(find: Callable[[str], str | None] | None = None) -> list[str]:
    """The Debian packages whose library cannot be found or loaded (``find``: ctypes')."""
    find = find or ctypes.util.find_library
    return [package for package, name in PACKAGES.items() if not _loads(name, find)]


def main() -> int:
    missing = missing_packages()
    if not missing:
        return 0
    sys.stderr.write(
        "WeasyPrint (PDF-Erzeugung) findet nicht alle Systembibliotheken.\n"
        f"Bitte installieren: sudo apt-get install -y {' '.join(missing)}\n"
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())

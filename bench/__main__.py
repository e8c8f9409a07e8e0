"""``python -m bench [figure ...] [--size small] [--storage s3]``: one JSON line per figure.

Exits 0 when every requested figure was measured (whether or not it met its
target), 1 if any figure could not run, 2 if the services could not start.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback

from bench.figures import FIGURES, ORDER
from bench.harness import Sizes, Stack, log
from harness import HarnessError


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("figures", nargs="*", metavar="figure", help=", ".join(FIGURES))
    parser.add_argument(
        "--size",
        choices=("full", "small"),
        default=os.environ.get("BENCH_SIZE", "full"),
        help="small: tiny sizes that only prove the benchmarks still run",
    )
    parser.add_argument(
        "--storage",
        choices=("files", "s3"),
        default=os.environ.get("BENCH_STORAGE", "files"),
        help="where media live: MEDIA_ROOT (files) or a SeaweedFS bucket of the run (s3)",
    )
    args = parser.parse_args(argv)
    unknown = [name for name in args.figures if name not in FIGURES]
    if unknown:
        parser.error(f"unknown figure(s) {', '.join(unknown)}; known: {', '.join(FIGURES)}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    names = args.figures or list(ORDER)
    sizes = Sizes.named(args.size)
    failed = []
    started = time.perf_counter()
    try:
        with Stack(sizes, storage=args.storage) as stack:
            for name in names:
                log(f"--- {name} ({sizes.name}), load average {os.getloadavg()[0]:.1f}")
                try:
                    result = FIGURES[name](stack)
                except Exception as exc:
                    failed.append(name)
                    log(f"{name} could not run: {exc}")
                    traceback.print_exc(file=sys.stderr)
                    continue
                line = {**result.as_dict(), "storage": args.storage}
                print(json.dumps(line, ensure_ascii=False), flush=True)
    except (HarnessError, OSError) as exc:
        log(f"the benchmark services could not start: {exc}")
        return 2
    log(f"done in {time.perf_counter() - started:.0f} s, load average {os.getloadavg()[0]:.1f}")
    if failed:
        log(f"could not run: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

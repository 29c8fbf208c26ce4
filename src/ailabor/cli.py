"""Command line: ``ailabor sources | fetch | verify | build | ...``.

Every command prints a short summary and exits non-zero with a one-line reason
on failure.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from ailabor import cli_data, cli_reports
from ailabor.errors import AilaborError


def build_parser() -> argparse.ArgumentParser:
    from ailabor.version import __version__

    p = argparse.ArgumentParser(
        prog="ailabor",
        description="Build and check the ailabor dataset on AI data workers' pay and label quality.",
    )
    p.add_argument("--version", action="version", version=f"ailabor {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("sources", help="list registered sources with licence and snapshot status")
    s.set_defaults(func=cli_data.cmd_sources)

    s = sub.add_parser("fetch", help="fetch sources into data/raw (mirror first, then network)")
    s.add_argument("sources", nargs="*", help="source ids (default: all)")
    s.add_argument("--force", action="store_true", help="fetch again even if unchanged")
    s.add_argument("--quiet", action="store_true", help="no progress bars")
    s.add_argument(
        "--keep-going",
        action="store_true",
        help="exit 0 when some sources could not be fetched (they are still listed)",
    )
    s.set_defaults(func=cli_data.cmd_fetch)

    s = sub.add_parser("verify", help="re-hash every snapshot against its sidecar and pin")
    s.set_defaults(func=cli_data.cmd_verify)

    s = sub.add_parser(
        "pin",
        help="record the sha256 of every file of SOURCE(s) in src/ailabor/sources/pins.csv",
    )
    s.add_argument("sources", nargs="*", help="source ids (default: all)")
    s.add_argument(
        "--refresh",
        action="store_true",
        help="download the files anew from their URLs (a live page) and pin those bytes",
    )
    s.set_defaults(func=cli_data.cmd_pin)

    s = sub.add_parser("summary", help="what was built, what was not, and the one thing to do")
    s.add_argument("outputs", nargs="*", help="figure and paper files that should exist")
    s.add_argument("--strict", action="store_true", help="exit 1 unless everything was built")
    s.set_defaults(func=cli_data.cmd_summary)

    s = sub.add_parser("docs", help="write docs/data_dictionary.md from the schema definitions")
    s.set_defaults(func=cli_reports.cmd_docs)

    s = sub.add_parser(
        "release", help="write dist/ailabor-data-<version>/ (tables, datapackage.json, provenance)"
    )
    s.add_argument("--quiet", action="store_true", help="no progress bar")
    s.set_defaults(func=cli_reports.cmd_release)

    s = sub.add_parser(
        "pay-summary", help="Sama Kenya vs minimum wage; MTurk median vs US federal minimum"
    )
    s.set_defaults(func=cli_reports.cmd_pay_summary)

    s = sub.add_parser(
        "validate-labels",
        help="print label_benchmark: every aggregation method against gold on every dataset",
    )
    s.set_defaults(func=cli_reports.cmd_validate_labels)

    s = sub.add_parser(
        "build", help="build the tidy tables in data/processed (skips what is up to date)"
    )
    s.add_argument(
        "--force", action="store_true", help="rebuild even if inputs and code are unchanged"
    )
    s.add_argument(
        "--keep-going",
        action="store_true",
        help="exit 0 when some tables could not be built (they are still listed)",
    )
    s.add_argument("--quiet", action="store_true", help="only the summary")
    s.set_defaults(func=cli_data.cmd_build)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except AilaborError as exc:
        print(f"ailabor {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except KeyError as exc:
        print(f"ailabor {args.command}: error: {exc.args[0]}", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

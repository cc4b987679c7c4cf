"""``ocs-desktop screenshots``: render the console's main views to PNG, offscreen."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from ocs_desktop.cli.common import (
    EXIT_DATABASE,
    EXIT_FAILED,
    EXIT_OK,
    CommandError,
    add_db_option,
    database_error,
    handled,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "screenshots",
        help="render the console's main views to PNG (offscreen, 1400x900 by default)",
        description="Open the desktop console offscreen on a database and save a PNG of "
        "each main view (machines list, machine detail, software, search, groups, "
        "dashboard, duplicates, tagging rules, every Administration tab) into DIR. "
        "Nothing is written to the database.",
    )
    add_db_option(parser)
    parser.add_argument(
        "--lang", choices=("en", "fr"), default="en", help="interface language (default: en)"
    )
    parser.add_argument(
        "--size",
        type=_size,
        default=None,
        metavar="WxH",
        help="window size in pixels, e.g. 1024x768 (the smallest screen we hold to)",
    )
    parser.add_argument("dir", metavar="DIR", help="folder for the PNG files")
    parser.set_defaults(handler=run)


def _size(text: str) -> tuple[int, int]:
    """``WxH`` as two integers of at least 640x480."""
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size like 1024x768: {text!r}") from None
    if width < 640 or height < 480:
        raise argparse.ArgumentTypeError(f"at least 640x480: {text!r}")
    return width, height


@contextmanager
def _quiet_offscreen_messages() -> Iterator[None]:
    """Drop the offscreen platform's notice that it ignores window size hints."""
    from ocs_desktop.views.qt import QtCore

    previous: Any = None

    def handler(kind: Any, context: Any, message: str) -> None:
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(kind, context, message)
        else:
            print(message, file=sys.stderr)

    previous = QtCore.qInstallMessageHandler(handler)
    try:
        yield
    finally:
        QtCore.qInstallMessageHandler(previous)


@handled("screenshots")
def run(args: argparse.Namespace) -> int:
    from ocs_desktop.views.screenshots import render_screenshots

    try:
        with _quiet_offscreen_messages():
            sized = {"size": args.size} if args.size else {}
            paths = render_screenshots(args.db, args.dir, lang=args.lang, on_saved=print, **sized)
    except ValueError as exc:
        raise CommandError(f"this database cannot be shown:\n{exc}", EXIT_DATABASE) from None
    except FileNotFoundError as exc:
        raise CommandError(str(exc), EXIT_DATABASE) from None
    except SQLAlchemyError as exc:
        raise database_error(exc, "cannot open the database") from exc
    return EXIT_OK if paths else EXIT_FAILED

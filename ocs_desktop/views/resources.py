"""Where the console finds its resources (translations, bundled samples).

They live in the repository's top-level ``resources/`` folder; a PyInstaller bundle
carries the same folder at its root (``sys._MEIPASS``).
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


RESOURCES_DIR = resources_dir()

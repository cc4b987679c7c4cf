"""Every text the console shows has its French, and extracting the texts again keeps them.

``tools/translations.sh check`` runs ``pyside6-lupdate`` on a copy of each ``.ts``: a text
without translation, or a translation the extraction would drop (written where lupdate
cannot see it: an alias of ``translate``, a plural outside ``self.tr``), fails it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_text_is_translated_and_survives_an_update(tmp_path: Path) -> None:
    venv = Path(sys.executable).parent.parent
    done = subprocess.run(
        ["bash", str(ROOT / "tools" / "translations.sh"), "check"],
        cwd=ROOT,
        env={**os.environ, "OCS_VENV": str(venv), "TMPDIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "fr: 0 untranslated, 0 translations an update would drop" in done.stdout
    assert "en: 0 untranslated, 0 translations an update would drop" in done.stdout

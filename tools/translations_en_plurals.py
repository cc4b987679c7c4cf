"""Fill the English catalogue's plural forms from the source texts.

English needs a catalogue only for plurals: ``"%n machine(s)"`` reads "1 machine",
"2 machines" once Qt has both forms. ``tools/translations.sh update`` extracts the plural
messages (``lupdate -pluralonly``) and runs this to give every new one its two forms;
forms already written (by hand, for an irregular word) are kept.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

# Irregular words first; then any "(s)" / "(es)" suffix.
SPECIAL = {"software(s)": ("software title", "software titles")}
SUFFIX = re.compile(r"\((e?s)\)")


def forms(source: str) -> tuple[str, str]:
    one, many = source, source
    for word, (single, plural) in SPECIAL.items():
        one, many = one.replace(word, single), many.replace(word, plural)
    return SUFFIX.sub("", one), SUFFIX.sub(lambda m: m.group(1), many)


def fill(path: Path) -> int:
    tree = ET.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") != "unfinished":
            continue
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        for text in forms(source):
            form = ET.SubElement(translation, "numerusform")
            form.text = text
        del translation.attrib["type"]
        filled += 1
    ET.indent(tree, space="    ")
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


if __name__ == "__main__":
    print(f"{fill(Path(sys.argv[1]))} plural message(s) given their English forms")

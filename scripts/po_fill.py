"""Fill Vietnamese translations into locale/vi/LC_MESSAGES/django.po.

Usage: .venv/bin/python scripts/po_fill.py translations.json
where the JSON maps msgid -> msgstr. Existing translations are replaced by the
given ones; the entries' "fuzzy" flags are removed. Prints what is still missing.
"""

import json
import sys
from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "locale" / "vi" / "LC_MESSAGES" / "django.po"


def main(path: str) -> None:
    translations = json.loads(Path(path).read_text())
    po = polib.pofile(str(PO), wrapwidth=0)
    for entry in po:
        if entry.msgid in translations:
            value = translations[entry.msgid]
            if entry.msgid_plural:
                values = value if isinstance(value, list) else [value]
                entry.msgstr_plural = {i: v for i, v in enumerate(values)}
            else:
                entry.msgstr = value
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
                entry.previous_msgid = None
    po.metadata.update(
        {
            "Project-Id-Version": "daihoi",
            "Last-Translator": "Đại hội developers",
            "Language-Team": "Vietnamese",
            "PO-Revision-Date": po.metadata.get("POT-Creation-Date", ""),
        }
    )
    po.metadata["Language"] = "vi"
    po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    po.save(str(PO))
    missing = [e.msgid for e in po if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]
    for msgid in missing:
        print("MISSING:", json.dumps(msgid, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])

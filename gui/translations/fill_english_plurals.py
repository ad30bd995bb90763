#!/usr/bin/env python3
"""Fills the English plural forms of steward_en.ts from the source texts.

English source texts mark plurals the way Qt recommends, e.g. "%n problem(s)"; this writes the
singular ("%n problem") and plural ("%n problems") forms, so that the shipped English translation
reads correctly for one and for many. Forms already filled in by hand are kept. Run by
`./dev.sh translations` after lupdate.
"""
import re
import sys
import xml.etree.ElementTree as ET

# Words written in the plural right after %n ("%n people"), and their singular.
PLURAL_AFTER_COUNT = {"people": "person", "responsibilities": "responsibility",
                      "matches": "match", "rows": "row", "problems": "problem"}
MARKER = re.compile(r"\((e?s)\)")


def forms(source):
    singular, plural = source, source
    for many, one in PLURAL_AFTER_COUNT.items():
        singular = re.sub(r"%n " + many + r"\b", "%n " + one, singular)
    singular = MARKER.sub("", singular)
    plural = MARKER.sub(lambda m: m.group(1), plural)
    return singular, plural


def main(path):
    tree = ET.parse(path)
    same = []
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source")
        translation = message.find("translation")
        numerus = translation.findall("numerusform")
        if all((n.text or "").strip() for n in numerus):
            continue
        singular, plural = forms(source)
        if singular == plural:
            same.append(source)
        numerus[0].text, numerus[1].text = singular, plural
        translation.attrib.pop("type", None)
    body = ET.tostring(tree.getroot(), encoding="unicode")
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n")
    # Usually right ("Evidence (%n)", "%n new"); listed so that a new "%n item" is noticed.
    for source in same:
        print(f"{path}: the same for one and many: {source!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

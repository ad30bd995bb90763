#!/usr/bin/env python3
"""Validates Steward's OSCAL exports against NIST's OSCAL JSON schemas (assessment results, and
catalog for `steward checklist export --format oscal`).

    validate_oscal.py SCHEMA GENERATOR
    validate_oscal.py SCHEMA --document FILE

GENERATOR (steward-report-sample) prints the OSCAL export of sample audits; each must be valid,
and deliberately broken copies of it must not be, so the check cannot pass vacuously. With
--document, FILE (e.g. written by `steward audit export`) must be valid.

The schema's patterns are ECMA-262 regular expressions with Unicode property escapes (\\p{L}),
which Python's `re` rejects. They are checked here with the `regex` module, after translating the
two constructs whose meaning differs: `$` (the end of the text, not before a final line break) and
`.` (any character but a line terminator).
"""
import copy
import hashlib
import json
import subprocess
import sys

import jsonschema
import regex

# The official NIST OSCAL v1.2.3 release assets oscal_assessment-results_schema.json and
# oscal_catalog_schema.json.
SCHEMA_SHA256 = {"4034e2032332dbf597e59e0646ec16c2c31df992962490371e91f47b219ff42c",
                 "ab95836e9e8dfeb6fde80007f6cc76fa3192f595d427c751a3f3923c3f474fc2"}


def ecma_to_python(pattern):
    out = []
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
            out.append(c)
        elif c == "[":
            in_class = True
            out.append(c)
        elif c == "$":
            out.append(r"\Z")
        elif c == ".":
            out.append(r"[^\n\r\u2028\u2029]")
        else:
            out.append(c)
        i += 1
    return "".join(out)


_compiled = {}


def ecma_pattern(validator, pattern, instance, schema):
    if not validator.is_type(instance, "string"):
        return
    if pattern not in _compiled:
        _compiled[pattern] = regex.compile(ecma_to_python(pattern))
    if not _compiled[pattern].search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


OscalValidator = jsonschema.validators.extend(jsonschema.Draft7Validator, {"pattern": ecma_pattern})


def errors(validator, document):
    return sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))


def expect_valid(validator, name, document):
    found = errors(validator, document)
    for e in found[:20]:
        print(f"{name}: {'/'.join(map(str, e.absolute_path))}: {e.message}", file=sys.stderr)
    if found:
        sys.exit(f"FAIL: {name} has {len(found)} schema errors")
    print(f"ok: {name} is valid")


def expect_invalid(validator, name, document):
    if not errors(validator, document):
        sys.exit(f"FAIL: {name} was accepted but breaks the schema")
    print(f"ok: {name} is rejected")


def broken_copies(document):
    ar = document["assessment-results"]
    result = ar["results"][0]

    def edit(change):
        d = copy.deepcopy(document)
        change(d["assessment-results"])
        return d

    yield "a control id with a space", edit(lambda a: a["results"][0]["reviewed-controls"]["control-selections"][0]
                                           ["include-controls"][0].update({"control-id": "GOVERN 1.1"}))
    yield "a version 1 UUID", edit(lambda a: a.update({"uuid": "6ba7b810-9dad-11d1-80b4-00c04fd430c8"}))
    yield "a time without zone", edit(lambda a: a["metadata"].update({"last-modified": "2026-11-28T15:30:00"}))
    yield "a title ending in a line break", edit(lambda a: a["metadata"].update({"title": "Audit\n"}))
    yield "a missing import-ap", edit(lambda a: a.pop("import-ap"))
    yield "an unknown property", edit(lambda a: a["results"][0].update({"score": 50}))
    if "findings" in result:
        yield "a target status that is not in the enumeration", edit(
            lambda a: a["results"][0]["findings"][0]["target"]["status"].update({"state": "partially-satisfied"}))
    if "observations" in result:
        yield "an observation without methods", edit(lambda a: a["results"][0]["observations"][0].pop("methods"))


def main():
    if len(sys.argv) == 4 and sys.argv[2] == "--document":
        schema_path, document_path = sys.argv[1], sys.argv[3]
        generator = None
    elif len(sys.argv) == 3:
        schema_path, generator = sys.argv[1:]
    else:
        sys.exit(__doc__)
    with open(schema_path, "rb") as f:
        raw = f.read()
    digest = hashlib.sha256(raw).hexdigest()
    if digest not in SCHEMA_SHA256:
        sys.exit(f"FAIL: {schema_path} is not the official v1.2.3 schema (SHA-256 {digest})")
    schema = json.loads(raw)
    # The schema against the draft-07 metaschema, whose "format": "regex" must use the same engine.
    formats = jsonschema.FormatChecker()

    @formats.checks("regex", raises=regex.error)
    def is_regex(instance):
        return not isinstance(instance, str) or bool(regex.compile(ecma_to_python(instance)))

    meta = jsonschema.Draft7Validator.META_SCHEMA
    schema_errors = list(OscalValidator(meta, format_checker=formats).iter_errors(schema))
    if schema_errors:
        sys.exit(f"FAIL: the schema breaks the draft-07 metaschema: {schema_errors[0].message}")
    validator = OscalValidator(schema, format_checker=formats)

    # The translation itself: \p{L} accepted, ECMA's `$` not fooled by a final line break.
    token = r"^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$"
    assert list(ecma_pattern(validator, token, "ärzte-1.1", {})) == []
    assert list(ecma_pattern(validator, token, "govern-1.1\n", {})) != []
    assert list(ecma_pattern(validator, r"^\S(.*\S)?$", "a\u2028b", {})) != []

    if generator is None:
        with open(document_path, encoding="utf-8") as f:
            expect_valid(validator, document_path, json.load(f))
        return
    for variant in ("closed", "planned"):
        output = subprocess.run([generator, "oscal", variant], check=True, capture_output=True).stdout
        document = json.loads(output)
        expect_valid(validator, f"the {variant} audit's export", document)
        for name, broken in broken_copies(document):
            expect_invalid(validator, f"{variant} export with {name}", broken)


if __name__ == "__main__":
    main()

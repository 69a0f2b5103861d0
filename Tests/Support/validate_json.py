#!/usr/bin/env python3
"""Validates claimpack --json output against the shipped schemas, independently of claimpack.

usage: validate_json.py SCHEMA_DIR NAME FILE
Checks every schema of SCHEMA_DIR (draft 2020-12), then that FILE holds exactly one JSON
document valid against SCHEMA_DIR/NAME.schema.json. Prints "valid", or the errors and exits 1.
"""
import json
import pathlib
import sys

import jsonschema
from referencing import Registry, Resource


def main():
    folder, name, path = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    resources = []
    for schema_path in sorted(folder.glob("*.schema.json")):
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        resources.append((schema["$id"], Resource.from_contents(schema)))
    registry = Registry().with_resources(resources)
    schema = json.loads((folder / f"{name}.schema.json").read_text(encoding="utf-8"))
    document = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema, registry=registry)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    if errors:
        for error in errors:
            print("/".join(map(str, error.absolute_path)) + ": " + error.message)
        sys.exit(1)
    print("valid")


main()

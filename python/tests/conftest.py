"""Shared paths and helpers: the repository root, the resgraph binary (the
Rust test that runs this suite passes it in RESGRAPH_BIN), the schemas."""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "golden" / "seed" / "A_C.1_77_L.73.txt"
LINEAGE = ROOT / "data" / "lineage"
SCHEMAS = ROOT / "docs" / "schema"


def resgraph_bin():
    """The command line to compare with, or None (those tests skip)."""
    path = os.environ.get("RESGRAPH_BIN")
    if path and Path(path).is_file():
        return path
    built = ROOT / "target" / "release" / "resgraph"
    return str(built) if built.is_file() else None


@pytest.fixture(scope="session")
def cli():
    """Runs the resgraph command line and returns its parsed JSON output."""
    binary = resgraph_bin()
    if binary is None:
        pytest.skip("no resgraph binary (set RESGRAPH_BIN or build target/release/resgraph)")

    def run(*args, cwd=ROOT):
        out = subprocess.run([binary, *args], cwd=cwd, capture_output=True, text=True)
        assert out.returncode in (0, 1), out.stderr
        return json.loads(out.stdout)

    return run


@pytest.fixture(scope="session")
def lineage_graph():
    import resgraph

    return resgraph.Graph.build([str(LINEAGE)], strict=True)


@pytest.fixture(scope="session")
def validator():
    """A draft 2020-12 validator of each schema of docs/schema."""
    jsonschema = pytest.importorskip("jsonschema")

    def of(name):
        schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        return jsonschema.Draft202012Validator(schema)

    return of

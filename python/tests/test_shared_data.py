"""Every document of `resgraph extract ../shared/data` matches the schema,
and its character offsets index the file as Python reads it. The folder
is beside the repository, never in it: without it these tests skip with a
note (nothing may depend on it)."""

import json
import subprocess
from pathlib import Path

import pytest

import resgraph
from conftest import ROOT, resgraph_bin

SHARED = ROOT.parent / "shared" / "data"

pytestmark = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"note: {SHARED} is absent; the shared-data checks are skipped"
)


@pytest.fixture(scope="module")
def shared_documents():
    binary = resgraph_bin()
    if binary is None:
        pytest.skip("no resgraph binary")
    out = subprocess.run(
        [binary, "extract", str(SHARED), "--format", "jsonl", "-q"], capture_output=True, check=False
    )
    assert out.returncode in (0, 1), out.stderr
    return [json.loads(line) for line in out.stdout.splitlines()]


def test_every_document_of_the_shared_data_matches_the_schema(shared_documents, validator):
    check = validator("document")
    assert len(shared_documents) > 6000
    for doc in shared_documents:
        errors = list(check.iter_errors(doc))
        assert not errors, (doc["source"], errors[0].message, list(errors[0].absolute_path))


def test_character_offsets_index_every_utf8_text_as_python_does(shared_documents):
    checked = moved = 0
    for doc in shared_documents:
        if not doc["citations"]:
            continue
        raw = Path(doc["source"]).read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue  # offsets refer to the decoded text, which a diagnostic names
        for c in doc["citations"]:
            assert raw[c["start"] : c["end"]].decode("utf-8") == text[c["start_char"] : c["end_char"]], (
                doc["source"],
                c,
            )
            checked += 1
            moved += c["start"] != c["start_char"]
    assert checked > 90000 and moved > 1000, (checked, moved)


def test_python_gives_the_command_lines_documents(shared_documents):
    """A sample of every folder: resgraph.extract on the text Python reads
    is the command line's document."""
    by_folder = {}
    for doc in shared_documents:
        folder = Path(doc["source"]).relative_to(SHARED).parts[0]
        by_folder.setdefault(folder, []).append(doc)
    for folder, docs in by_folder.items():
        for doc in docs[:: max(1, len(docs) // 20)]:
            path = Path(doc["source"])
            if path.suffix not in (".txt", ".md"):
                continue
            try:
                text = path.read_bytes().decode("utf-8")
            except UnicodeDecodeError:
                continue
            assert resgraph.extract(text, source=doc["source"]) == doc, doc["source"]

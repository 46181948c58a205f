"""resgraph.extract on real texts: the seed draft's 35 citations, character
offsets that index Python strings, the same document as the command line."""

import json
import re
import threading

import resgraph
from conftest import LINEAGE, ROOT, SEED


def test_the_seed_gives_its_35_citations_and_each_mention_by_character_offsets():
    text = SEED.read_text(encoding="utf-8")
    doc = resgraph.extract(text, source="A_C.1_77_L.73.txt")
    assert doc["schema_version"] == resgraph.SCHEMA_VERSION == 1
    assert doc["symbol"] == "A/C.1/77/L.73"
    assert len(doc["citations"]) == 35
    raw = text.encode("utf-8")
    for c in doc["citations"]:
        mention = text[c["start_char"] : c["end_char"]]
        # The same span in bytes and in characters.
        assert raw[c["start"] : c["end"]].decode("utf-8") == mention
        # `text` is the mention with markdown link wrappers and line breaks
        # removed.
        unwrapped = re.sub(r"\]\([^)]*\)|\[", "", mention)
        assert " ".join(unwrapped.split()) == " ".join(c["text"].split()), (mention, c)
    # Offsets differ as soon as a character of several bytes precedes.
    assert any(c["start"] != c["start_char"] for c in doc["citations"])
    assert doc["diagnostics"] == []


def test_the_document_is_the_command_lines_snapshot():
    """What `resgraph extract --format jsonl` wrote for the seed, field for field."""
    snapshot = ROOT / "crates" / "cli" / "tests" / "unchanged" / "seed.jsonl"
    expected = json.loads(snapshot.read_text(encoding="utf-8"))
    doc = resgraph.extract(SEED.read_text(encoding="utf-8"), source="A_C.1_77_L.73.txt")
    assert doc == expected


def test_every_lineage_text_matches_the_command_line(cli):
    lines = (ROOT / "crates" / "cli" / "tests" / "unchanged" / "lineage" / "extract.jsonl").read_text(encoding="utf-8")
    expected = [json.loads(line) for line in lines.splitlines()]
    for want in expected:
        path = LINEAGE / want["source"]
        got = resgraph.extract(path.read_text(encoding="utf-8"), source=want["source"])
        assert got == want, want["source"]
        text = path.read_text(encoding="utf-8")
        for c in got["citations"]:
            assert text.encode("utf-8")[c["start"] : c["end"]].decode("utf-8") == text[c["start_char"] : c["end_char"]]


def test_keys_come_in_the_order_of_the_command_lines_json(cli):
    """Dicts compare equal whatever their order; printed, they should read
    as the JSON does: the document's fields, then each citation's (the
    optional footnote anchors and cited titles after the others)."""
    lines = (ROOT / "crates" / "cli" / "tests" / "unchanged" / "lineage" / "extract.jsonl").read_text(encoding="utf-8")
    optional_seen = set()
    for want in map(json.loads, lines.splitlines()):
        got = resgraph.extract((LINEAGE / want["source"]).read_bytes(), source=want["source"])
        assert list(got) == list(want), want["source"]
        assert len(got["citations"]) == len(want["citations"]), want["source"]
        for g, w in zip(got["citations"], want["citations"]):
            assert list(g) == list(w), (want["source"], w)
            optional_seen.update(set(w) & {"anchor_section", "anchor_paragraph", "cited_title"})
    # The lineage has footnotes and a cited title: every optional key was compared.
    assert optional_seen == {"anchor_section", "anchor_paragraph", "cited_title"}


def test_a_document_outlives_its_text_and_later_calls():
    """The dicts share strings (relations, sections, kinds) within a
    document: they must stay right after the text is gone and after other
    documents are made."""
    text = SEED.read_text(encoding="utf-8")
    first = resgraph.extract(text, source="A_C.1_77_L.73.txt")
    expected = json.loads(json.dumps(first))
    del text
    for path in sorted(LINEAGE.glob("*.txt")):
        resgraph.extract(path.read_bytes())
    assert first == expected
    assert [c["relation"] for c in first["citations"]].count("recalling") > 1


def test_characters_beyond_the_basic_plane_count_once():
    # An emoji is 4 bytes in UTF-8, 1 character in Python (2 in UTF-16).
    text = "The General Assembly,\n\n😀 Recalling its resolution 76/19 of 6 December 2021,\n"
    c = resgraph.extract(text)["citations"][0]
    assert text[c["start_char"] : c["end_char"]] == "76/19"
    assert c["start"] - c["start_char"] == 3


def test_a_text_without_citations_still_has_every_field():
    doc = resgraph.extract("nothing to see")
    assert doc["citations"] == [] and doc["diagnostics"] == []
    assert doc["source"] == "" and doc["symbol"] is None


def test_a_file_name_gives_the_symbol():
    doc = resgraph.extract("Recalling its resolution 76/19,\n", source="A_RES_77_37.txt")
    assert doc["symbol"] == "A/RES/77/37"


def test_threads_extract_at_once_and_agree():
    text = SEED.read_text(encoding="utf-8")
    alone = resgraph.extract(text)
    results = []
    threads = [threading.Thread(target=lambda: results.append(resgraph.extract(text))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [alone] * 4


def test_documents_match_the_schema(validator):
    check = validator("document")
    check.validate(resgraph.extract(SEED.read_text(encoding="utf-8")))
    for path in sorted(LINEAGE.glob("*.txt")):
        check.validate(resgraph.extract(path.read_text(encoding="utf-8"), source=path.name))


def test_bytes_are_decoded_as_the_command_line_decodes_files():
    raw = SEED.read_bytes()
    assert resgraph.extract(raw, source="A_C.1_77_L.73.txt") == resgraph.extract(
        raw.decode("utf-8"), source="A_C.1_77_L.73.txt"
    )
    # Not UTF-8: decoded with a note, offsets into the decoded text.
    latin = "The General Assembly,\n\nRecalling its resolution 76/19 (Côte d'Ivoire) of 6 December 2021,\n"
    doc = resgraph.extract(latin.encode("windows-1252"))
    assert doc["citations"][0]["target"] == "A/RES/76/19"
    assert "windows-1252" in doc["diagnostics"][0]["message"]


def test_the_two_schemas_name_the_same_kinds_and_sections():
    """rows.schema.json repeats two enums of document.schema.json (each
    file stands alone, with no reference to resolve): they must agree."""
    schemas = ROOT / "docs" / "schema"
    document = json.loads((schemas / "document.schema.json").read_text())
    rows = json.loads((schemas / "rows.schema.json").read_text())
    for name in ("kind", "section"):
        assert rows["$defs"][name]["enum"] == document["$defs"][name]["enum"], name

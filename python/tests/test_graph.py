"""resgraph.Graph on the bundled lineage texts: the rows the command line
gives, a file round trip, errors, networkx."""

import re
import shutil

import pytest

import resgraph
from conftest import LINEAGE


def last_number(symbol):
    """The number a symbol ends with (`240` of `A/RES/75/240`, `512` of
    `A/DEC/77/512`): what a quote of its mention must hold."""
    return re.findall(r"[0-9]+", symbol.split()[0])[-1]


def assert_quoted(rows, cited):
    """Each row's evidence is a non-empty list of occurrences whose quote
    holds the number of `cited(row, evidence)`, and whose bytes in the
    citing text are the mention."""
    assert rows
    for row in rows:
        assert row["evidence"], row
        for e in row["evidence"]:
            number = last_number(cited(row, e))
            assert e["quote"] is not None and number in e["quote"], e
            assert "unknown" not in e, e
            mention = open(e["source"], "rb").read()[e["start"] : e["end"]].decode()
            assert number in mention, (mention, e)


def test_ancestors_of_80_16_at_depth_1_are_the_command_lines(lineage_graph, cli):
    rows = lineage_graph.ancestors("80/16", depth=1)
    assert rows == cli("ancestors", "80/16", "--from", str(LINEAGE), "--depth", "1", "--format", "json", "-q")
    assert len(rows) > 5
    assert all(r["distance"] == 1 and r["schema_version"] == 1 for r in rows)


def test_descendants_path_top_and_check_are_the_command_lines(lineage_graph, cli, tmp_path):
    saved = tmp_path / "lineage.rgraph"
    lineage_graph.save(str(saved))
    # The same file on both sides: PageRank sums floats in node order,
    # which a built graph and a loaded one need not share to the last bit.
    lineage_graph = resgraph.Graph.load(str(saved))
    g = ["--graph", str(saved), "--format", "json"]
    # Whole rows, evidence included: a loaded graph reads its quotes from
    # the sources it was built from, as the command line does.
    assert lineage_graph.descendants("53/70") == cli("descendants", "53/70", *g)
    assert lineage_graph.ancestors("80/16", relation="recalling") == cli(
        "ancestors", "80/16", "--relation", "recalling", *g
    )
    assert lineage_graph.path("A/C.1/77/L.73", "53/70") == cli("path", "A/C.1/77/L.73", "53/70", *g)
    assert lineage_graph.top(5) == cli("top", "--limit", "5", *g)
    assert lineage_graph.top(3, by="pagerank") == cli("top", "--limit", "3", "--by", "pagerank", *g)
    assert lineage_graph.check(all=True) == cli("check", "--all", "--graph", str(saved), "--format", "json")


def test_every_quote_holds_the_cited_number(lineage_graph):
    # What 80/16 builds on: each row quoted from 80/16, holding the row's number.
    assert_quoted(lineage_graph.ancestors("80/16", depth=1), lambda row, e: row["symbol"])
    # Three steps deep, each row quoted from a document one step closer.
    deep = lineage_graph.ancestors("80/16", depth=3)
    assert {r["distance"] for r in deep} == {1, 2, 3}
    assert_quoted(deep, lambda row, e: row["symbol"])
    for row in deep:
        assert all(e["cited"] == row["symbol"] for e in row["evidence"]), row
    # What builds on 53/70: each row is a citing text, quoted where it
    # cites the document one step closer.
    assert_quoted(lineage_graph.descendants("53/70", depth=2), lambda row, e: e["cited"])
    # A path: each step quoted from the one before; the first has none.
    chain = lineage_graph.path("80/16", "53/70")
    assert [r["symbol"] for r in chain] == ["A/RES/80/16", "A/RES/75/240", "A/RES/53/70"]
    assert chain[0]["evidence"] == []
    assert_quoted(chain[1:], lambda row, e: row["symbol"])


def test_evidence_says_why_when_the_texts_are_gone(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    for name in ("A_RES_80_16.txt", "A_RES_79_237.txt"):
        shutil.copy(LINEAGE / name, texts / name)
    g = resgraph.Graph.build([str(texts)])
    for name in ("A_RES_80_16.txt", "A_RES_79_237.txt"):
        (texts / name).unlink()
    rows = g.ancestors("80/16", depth=1)
    assert rows
    for row in rows:
        for e in row["evidence"]:
            # Never a guess: no quote, and the reason names the file.
            assert e["quote"] is None, e
            assert "A_RES_80_16.txt" in e["unknown"], e
            assert e["start"] is not None and e["section"], e


def test_a_saved_graph_loads_with_the_same_answers(lineage_graph, tmp_path):
    path = tmp_path / "g.rgraph"
    lineage_graph.save(str(path))
    loaded = resgraph.Graph.load(str(path))
    assert len(loaded) == len(lineage_graph) == 77
    assert loaded.ancestors("80/16") == lineage_graph.ancestors("80/16")
    assert "77 documents" in repr(loaded)


def test_path_without_a_chain_is_empty(lineage_graph):
    assert lineage_graph.path("53/70", "80/16") == []


def test_an_unknown_symbol_raises_with_suggestions(lineage_graph):
    with pytest.raises(resgraph.UnknownSymbolError, match="80/16") as raised:
        lineage_graph.ancestors("80/61")
    assert isinstance(raised.value, resgraph.ResgraphError)


def test_unknown_words_raise_value_errors(lineage_graph):
    with pytest.raises(ValueError, match="recalling"):
        lineage_graph.ancestors("80/16", relation="recaling")
    with pytest.raises(ValueError, match="preamble"):
        lineage_graph.ancestors("80/16", section="preambule")
    with pytest.raises(ValueError, match="pagerank"):
        lineage_graph.top(by="fame")


def test_files_that_cannot_be_read_raise_naming_them(tmp_path):
    missing = tmp_path / "no such dir"
    with pytest.raises(resgraph.ResgraphError, match="no such dir"):
        resgraph.Graph.build([str(missing)])
    # Not strict: what could be read is built.
    g = resgraph.Graph.build([str(missing), str(LINEAGE)], strict=False)
    assert len(g) == 77


def test_a_graph_file_that_is_not_one_raises_naming_it(tmp_path):
    bad = tmp_path / "bad.rgraph"
    bad.write_bytes(b"not a graph")
    with pytest.raises(resgraph.ResgraphError, match="bad.rgraph"):
        resgraph.Graph.load(str(bad))
    with pytest.raises(resgraph.ResgraphError, match="missing.rgraph"):
        resgraph.Graph.load(str(tmp_path / "missing.rgraph"))


def test_saving_where_nothing_can_be_written_raises(lineage_graph, tmp_path):
    with pytest.raises(resgraph.ResgraphError, match="cannot write"):
        lineage_graph.save(str(tmp_path / "no" / "dir" / "g.rgraph"))


def test_extract_wants_a_string_or_bytes():
    with pytest.raises(TypeError, match="str or bytes"):
        resgraph.extract(42)


def test_rows_match_the_schema(lineage_graph, validator, cli):
    check = validator("rows")
    for rows in (
        lineage_graph.ancestors("80/16"),
        lineage_graph.descendants("53/70"),
        lineage_graph.path("A/C.1/77/L.73", "53/70"),
    ):
        # Evidence is in every row, so its items are validated too.
        assert rows and all("evidence" in r for r in rows)
        check.validate(rows)
    # ... and the schema does hold them: an evidence item without its
    # section, or in a section that does not exist, is refused.
    bad = lineage_graph.ancestors("80/16", depth=1)
    bad[0]["evidence"][0]["section"] = "nowhere"
    assert not check.is_valid(bad)
    del bad[0]["evidence"][0]["section"]
    assert not check.is_valid(bad)
    series = cli("series", "80/16", "--from", str(LINEAGE), "--format", "json", "-q")
    assert series and all("track" in r and "evidence" not in r for r in series)
    check.validate(series)
    check.validate(lineage_graph.top(10))
    check.validate(lineage_graph.top(10, by="pagerank"))
    check.validate(lineage_graph.check(all=True))


def test_to_networkx_round_trip(lineage_graph):
    nx = pytest.importorskip("networkx")
    g = lineage_graph.to_networkx()
    assert isinstance(g, nx.DiGraph)
    assert g.number_of_nodes() == len(lineage_graph)
    data = lineage_graph.node_link()
    assert g.number_of_edges() == len(data["edges"]) and "links" not in data
    # Every ancestor is reachable in networkx too, and nothing else is.
    assert {r["symbol"] for r in lineage_graph.ancestors("A/RES/80/16")} == nx.descendants(g, "A/RES/80/16")
    edge = g.edges["A/C.1/77/L.73", "A/RES/53/70"]
    assert edge["weight"] >= 1 and "recalling" in edge["relations"]
    # And back: networkx writes what it read.
    again = nx.node_link_graph(nx.node_link_data(g))
    assert sorted(again.edges) == sorted(g.edges)

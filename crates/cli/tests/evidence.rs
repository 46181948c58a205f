//! Issue 12: answers carry the evidence of each link (the citing text's
//! source, place, relation and the clause that cites), quoted from the
//! texts in `data/lineage`; a graph without evidence says so.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn resgraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resgraph"))
        .args(args)
        .current_dir(repository())
        .output()
        .expect("resgraph runs")
}

fn json(args: &[&str]) -> Vec<Value> {
    resgraph_test_support::success_json(&resgraph(args))
}

/// The number a symbol ends with (`240` of `A/RES/75/240`, `512` of
/// `A/DEC/77/512`): what a quote of its mention must hold.
fn last_number(symbol: &str) -> String {
    let short = symbol.split_whitespace().next().unwrap_or(symbol);
    short
        .rsplit(|c: char| !c.is_ascii_digit())
        .find(|run| !run.is_empty())
        .unwrap_or_default()
        .to_string()
}

/// Each row's evidence is a non-empty list whose quotes all hold the
/// number of `cited(row, evidence)`.
fn assert_quoted(rows: &[Value], cited: impl Fn(&Value, &Value) -> String) {
    assert!(!rows.is_empty());
    for row in rows {
        let evidence = row["evidence"].as_array().expect("evidence");
        assert!(!evidence.is_empty(), "no evidence: {row}");
        for e in evidence {
            let quote = e["quote"]
                .as_str()
                .unwrap_or_else(|| panic!("no quote: {e}"));
            let number = last_number(&cited(row, e));
            assert!(quote.contains(&number), "{quote:?} lacks {number}");
            for field in ["source", "section", "relation", "start", "end"] {
                assert!(!e[field].is_null(), "{field} missing: {e}");
            }
            // A decision's running sentence and a heading have no paragraph number.
            assert!(e.get("paragraph").is_some(), "{e}");
        }
    }
}

#[test]
fn ancestors_rows_carry_quotes_that_hold_the_cited_number() {
    let rows = json(&[
        "ancestors",
        "80/16",
        "--from",
        "data/lineage",
        "--depth",
        "1",
        "--format",
        "json",
        "-q",
    ]);
    assert_quoted(&rows, |row, _| row["symbol"].as_str().unwrap().to_string());
    for row in &rows {
        for e in row["evidence"].as_array().unwrap() {
            assert_eq!(e["citing"], "A/RES/80/16");
            assert!(
                e["source"].as_str().unwrap().ends_with("A_RES_80_16.txt"),
                "{e}"
            );
        }
    }
    // Read by hand in A/RES/80/16, second preambular paragraph.
    let dec = rows
        .iter()
        .find(|r| r["symbol"] == "A/DEC/77/512")
        .expect("77/512");
    assert_eq!(
        dec["evidence"][0]["quote"],
        "Recalling also its decisions 77/512 of 7 December 2022 and 78/541 of 22 December 2023, as well as its resolution 79/237 of 24 December 2024,"
    );
    assert_eq!(
        (
            &dec["evidence"][0]["section"],
            &dec["evidence"][0]["paragraph"],
            &dec["evidence"][0]["relation"]
        ),
        (
            &Value::from("preamble"),
            &Value::from(2),
            &Value::from("recalling")
        )
    );

    // Three steps deep, each row quoted from the document one step closer.
    let deep = json(&[
        "ancestors",
        "80/16",
        "--from",
        "data/lineage",
        "--depth",
        "3",
        "--format",
        "json",
        "-q",
    ]);
    assert!(deep.len() > rows.len());
    assert_quoted(&deep, |row, _| row["symbol"].as_str().unwrap().to_string());
}

/// Rows of documents a filter shows, reached through documents it does not
/// show, are quoted from those: the walk went through them.
#[test]
fn rows_reached_through_documents_not_shown_are_quoted_too() {
    let rows = json(&[
        "ancestors",
        "80/16",
        "--from",
        "data/lineage",
        "--organ",
        "HRC",
        "--format",
        "json",
        "-q",
    ]);
    assert!(
        rows.iter().all(|r| r["distance"].as_u64() > Some(1)),
        "{rows:?}"
    );
    assert_quoted(&rows, |row, _| row["symbol"].as_str().unwrap().to_string());
    for row in &rows {
        for e in row["evidence"].as_array().unwrap() {
            assert_ne!(e["citing"], "A/RES/80/16", "{e}");
        }
    }
}

#[test]
fn descendants_rows_carry_quotes_of_the_citing_texts() {
    let rows = json(&[
        "descendants",
        "75/240",
        "--from",
        "data/lineage",
        "--depth",
        "2",
        "--format",
        "json",
        "-q",
    ]);
    // A row cites the document one step closer: at distance 1, 75/240.
    assert_quoted(&rows, |_, e| e["cited"].as_str().unwrap().to_string());
    for row in rows.iter().filter(|r| r["distance"] == 1) {
        for e in row["evidence"].as_array().unwrap() {
            assert_eq!(e["cited"], "A/RES/75/240");
            assert_eq!(e["citing"], row["symbol"]);
        }
    }
}

#[test]
fn a_path_quotes_each_step() {
    let steps = json(&[
        "path",
        "80/16",
        "53/70",
        "--from",
        "data/lineage",
        "--format",
        "json",
        "-q",
    ]);
    let symbols: Vec<&str> = steps
        .iter()
        .map(|s| s["symbol"].as_str().unwrap())
        .collect();
    assert_eq!(symbols, ["A/RES/80/16", "A/RES/75/240", "A/RES/53/70"]);
    assert_eq!(steps[0]["evidence"], Value::Array(Vec::new()));
    assert_quoted(&steps[1..], |row, _| {
        row["symbol"].as_str().unwrap().to_string()
    });
    assert_eq!(steps[2]["evidence"][0]["citing"], "A/RES/75/240");

    let table = resgraph(&[
        "path",
        "80/16",
        "53/70",
        "--from",
        "data/lineage",
        "--why",
        "-q",
    ]);
    let said = String::from_utf8_lossy(&table.stdout);
    let mut lines = said.lines();
    assert_eq!(
        lines.next(),
        Some("A/RES/80/16 -> A/RES/75/240 -> A/RES/53/70")
    );
    assert!(
        said.contains("A/RES/75/240 preamble 1, recalling: “Recalling its resolutions 36/103 of 9 December 1981, 43/78 H of 7 December 1988, 53/70 of 4 December 1998,"),
        "{said}"
    );
}

#[test]
fn why_shows_the_evidence_under_each_row_of_a_table() {
    let out = resgraph(&[
        "ancestors",
        "80/16",
        "--from",
        "data/lineage",
        "--depth",
        "1",
        "--why",
        "-q",
    ]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("       A/RES/80/16 preamble 2, recalling: “Recalling also its decisions 77/512 of 7 December 2022"),
        "{said}"
    );
    assert!(
        said.contains("A/RES/80/16 heading, report: “[on the report of the First Committee (A/80/534, para. 7)]”"),
        "{said}"
    );
    // Without --why, the table is as it was: one line per row.
    let plain = resgraph(&[
        "ancestors",
        "80/16",
        "--from",
        "data/lineage",
        "--depth",
        "1",
        "-q",
    ]);
    let plain = String::from_utf8_lossy(&plain.stdout);
    assert!(!plain.contains('“') && plain.lines().count() < said.lines().count());
}

/// A graph file of format version 1 has no evidence: the rows say the
/// quote is unknown and why, and invent none.
#[test]
fn a_graph_of_format_version_1_says_its_evidence_is_unknown() {
    let rows = json(&[
        "ancestors",
        "80/16",
        "--graph",
        "crates/graph/tests/fixtures/lineage-v1.graph",
        "--depth",
        "1",
        "--format",
        "json",
    ]);
    assert!(!rows.is_empty());
    for row in &rows {
        let evidence = row["evidence"].as_array().expect("evidence");
        assert!(!evidence.is_empty(), "{row}");
        for e in evidence {
            assert!(e["quote"].is_null() && e["start"].is_null(), "{e}");
            assert!(
                e["unknown"].as_str().unwrap().contains("format version 1"),
                "{e}"
            );
            assert!(!e["relation"].is_null() && !e["section"].is_null());
        }
    }
}

/// A text changed after the graph was built: its quotes are not taken
/// from wherever the old offsets now point.
#[test]
fn a_source_changed_since_the_build_gives_no_quote() {
    let dir = std::env::temp_dir().join(format!("resgraph-evidence-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = dir.join("A_RES_80_16.txt");
    std::fs::copy(repository().join("data/lineage/A_RES_80_16.txt"), &text).unwrap();
    let graph = dir.join("g.rgraph");
    let built = resgraph(&[
        "build",
        text.to_str().unwrap(),
        "-o",
        graph.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(built.status.code(), Some(0));
    let query = || {
        json(&[
            "ancestors",
            "80/16",
            "--graph",
            graph.to_str().unwrap(),
            "--depth",
            "1",
            "--format",
            "json",
        ])
    };
    assert_quoted(&query(), |row, _| {
        row["symbol"].as_str().unwrap().to_string()
    });
    // Every mention moves by the words put before them.
    let original = std::fs::read_to_string(&text).unwrap();
    std::fs::write(
        &text,
        format!("An added first line of 40 characters...\n{original}"),
    )
    .unwrap();
    let rows = query();
    let evidence: Vec<&Value> = rows
        .iter()
        .flat_map(|r| r["evidence"].as_array().unwrap())
        .collect();
    assert!(
        evidence.iter().all(|e| e["quote"].is_null()),
        "{evidence:?}"
    );
    assert!(evidence.iter().all(|e| e["unknown"]
        .as_str()
        .unwrap()
        .contains("changed since the graph was built")));
    std::fs::remove_file(&text).unwrap();
    let gone = query();
    assert!(
        gone[0]["evidence"][0]["unknown"]
            .as_str()
            .unwrap()
            .contains("cannot read"),
        "{}",
        gone[0]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

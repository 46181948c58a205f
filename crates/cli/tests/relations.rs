//! `--relation` (issue 12): a typo is an error naming what exists, and a
//! class's word matches every verb of the class.

use std::path::Path;
use std::process::{Command, Output};

/// `resgraph ARGS... --from DIR` with DIR under the repository.
fn resgraph_from(dir: &str, args: &[&str]) -> Output {
    let texts = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(dir);
    Command::new(env!("CARGO_BIN_EXE_resgraph"))
        .args(args)
        .arg("--from")
        .arg(texts)
        .output()
        .expect("resgraph runs")
}

fn ancestors(relation: &str) -> Output {
    resgraph_from(
        "data/lineage",
        &[
            "ancestors",
            "80/16",
            "--depth",
            "1",
            "-q",
            "--format",
            "json",
            "--relation",
            relation,
        ],
    )
}

/// The JSON rows of a run that succeeded.
fn json_rows(out: &Output) -> Vec<serde_json::Value> {
    resgraph_test_support::success_json(out)
}

fn rows(out: &Output) -> Vec<String> {
    json_rows(out)
        .iter()
        .map(|r| r["symbol"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn a_misspelt_relation_is_an_error_with_the_nearest_words() {
    let out = ancestors("recaling");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("unknown relation \"recaling\""), "{err}");
    assert!(err.contains("did you mean recalling"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_class_word_matches_every_verb_of_the_class() {
    // Either word asks for the recalling class (recalling, recalls,
    // recalling also, bearing in mind ...), so both give the same rows.
    let recalling = rows(&ancestors("recalling"));
    assert!(!recalling.is_empty());
    assert_eq!(rows(&ancestors("Recalls")), recalling);
    assert!(recalling.iter().all(|s| !s.is_empty()));
}

/// Issue 12: `path --depth 2` said "no chain" without saying that the
/// depth limited it.
#[test]
fn a_path_cut_by_the_depth_says_so() {
    let path = |depth: &str| {
        resgraph_from(
            "data/lineage",
            &["path", "80/16", "53/70", "-q", "--depth", depth],
        )
    };
    let cut = path("1");
    assert_eq!(cut.status.code(), Some(1));
    let said = String::from_utf8_lossy(&cut.stdout);
    assert!(
        said.contains("no chain of at most 1 citation(s)")
            && said.contains("the shortest takes 2 (raise --depth)"),
        "{said}"
    );
    let found = path("2");
    assert_eq!(found.status.code(), Some(0));
    // The chain, then one row per step with its date and title.
    let said = String::from_utf8_lossy(&found.stdout);
    let mut lines = said.lines();
    assert_eq!(
        lines.next(),
        Some("A/RES/80/16 -> A/RES/75/240 -> A/RES/53/70")
    );
    assert_eq!(lines.count(), 3, "{said}");
}

/// Issue 12: `series` of a Security Council symbol printed nothing and
/// exited 0; now it says why there is no series, and exits 1.
#[test]
fn a_series_that_cannot_be_says_why() {
    let out = resgraph_from(
        "tests/golden/sc-1995-2015",
        &["series", "S/RES/1325 (2000)", "-q"],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(out.stdout.is_empty());
    assert!(err.contains("S/RES/1325 (2000) has no series"), "{err}");
    assert!(
        err.contains("not an Assembly text (Security Council)"),
        "{err}"
    );
}

/// Issue 12: `top` printed no titles or dates, not even in JSON.
#[test]
fn top_rows_carry_date_and_title() {
    let rows = json_rows(&resgraph_from(
        "data/lineage",
        &[
            "top", "--by", "pagerank", "--limit", "3", "--format", "json", "-q",
        ],
    ));
    assert_eq!(rows.len(), 3);
    for row in &rows {
        assert!(row["date"].is_string(), "{row}");
        assert!(row.get("title").is_some(), "{row}");
    }
    let first = &rows[0];
    assert_eq!(first["symbol"], "A/RES/75/240");
    assert_eq!(first["date"], "2020-12-31");
    assert!(
        first["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("Developments in the field of information")),
        "{first}"
    );
}

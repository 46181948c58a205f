//! Issue 12: filters on kind, organ, years, relation and section; the
//! headings left out of `top`; `export` of one lineage; `render
//! --max-documents` and its hint; labels that show the organ; titles and
//! dates in the rows. On real texts: the ICT lineage of `data/lineage`
//! and the Assembly's golden texts of `tests/golden`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `resgraph ARGS... --from DIRS...`, the directories under the repository.
fn resgraph_from(dirs: &[&str], args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resgraph"))
        .args(args)
        .arg("-q")
        .arg("--from")
        .args(dirs.iter().map(|d| repository().join(d)))
        .output()
        .expect("resgraph runs")
}

fn lineage(args: &[&str]) -> Output {
    resgraph_from(&["data/lineage"], args)
}

/// The Assembly's resolutions among the golden texts.
const GA_GOLDEN: [&str; 6] = [
    "tests/golden/ga",
    "tests/golden/ga-75-77",
    "tests/golden/ga-78-80",
    "tests/golden/ga-78-80-more",
    "tests/golden/ga-80-markdown",
    "tests/golden/ga-73-pdftotext",
];

fn json(out: &Output) -> Value {
    resgraph_test_support::success_json(out)
}

fn rows(out: &Output) -> Vec<Value> {
    json(out).as_array().expect("rows").clone()
}

fn field<'a>(row: &'a Value, name: &str) -> &'a str {
    row[name].as_str().unwrap_or_default()
}

/// `(symbol, distance)` of each row.
fn pairs(rows: &[Value]) -> Vec<(String, u64)> {
    rows.iter()
        .map(|r| {
            (
                field(r, "symbol").to_owned(),
                r["distance"].as_u64().unwrap_or(u64::MAX),
            )
        })
        .collect()
}

fn ancestors_of_80_16(extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["ancestors", "80/16", "--format", "json"];
    args.extend_from_slice(extra);
    rows(&lineage(&args))
}

#[test]
fn a_kind_shows_only_documents_of_that_kind_at_their_distance() {
    let all = ancestors_of_80_16(&[]);
    let decisions = ancestors_of_80_16(&["--kind", "ga-decision"]);
    assert!(decisions.len() >= 4, "{decisions:?}");
    for row in &decisions {
        assert_eq!(field(row, "kind"), "ga-decision", "{row}");
        assert!(field(row, "label").starts_with("dec. "), "{row}");
    }
    // The walk goes through documents of other kinds: the same rows at
    // the same distances as the unfiltered answer, only fewer.
    let expected: Vec<_> = pairs(&all)
        .into_iter()
        .filter(|(s, _)| s.starts_with("A/DEC/"))
        .collect();
    assert_eq!(pairs(&decisions), expected);
}

#[test]
fn an_organ_shows_only_its_documents() {
    let all = ancestors_of_80_16(&[]);
    let hrc = ancestors_of_80_16(&["--organ", "HRC"]);
    let expected: Vec<_> = pairs(&all)
        .into_iter()
        .filter(|(s, _)| s.starts_with("A/HRC/"))
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(pairs(&hrc), expected);
    assert!(
        hrc.iter().any(|r| field(r, "label") == "HRC 20/8"),
        "{hrc:?}"
    );
    // A name is parsed once, and a wrong one lists the names there are.
    let out = lineage(&["ancestors", "80/16", "--organ", "UNGA"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("unknown organ \"UNGA\"") && err.contains("GA (General Assembly)"),
        "{err}"
    );
    let out = lineage(&["ancestors", "80/16", "--kind", "resolution"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("ga-resolution, ga-decision"), "{err}");
}

#[test]
fn years_keep_the_documents_of_those_years() {
    let year = |row: &Value| -> Option<u64> { field(row, "date").get(..4)?.parse().ok() };
    let all = ancestors_of_80_16(&[]);
    let decade = ancestors_of_80_16(&["--since", "2010", "--until", "2019"]);
    assert!(decade.len() >= 10, "{decade:?}");
    let shown: BTreeSet<_> = pairs(&decade).into_iter().collect();
    for row in &all {
        let pair = (
            field(row, "symbol").to_owned(),
            row["distance"].as_u64().unwrap_or(0),
        );
        match year(row) {
            // A dated document is shown exactly when its year is in.
            Some(y) => assert_eq!(shown.contains(&pair), (2010..=2019).contains(&y), "{row}"),
            // Undated ones by the year of their session: A/65/201 is 2010.
            None if pair.0 == "A/65/201" => assert!(shown.contains(&pair)),
            None if pair.0 == "A/80/534" => assert!(!shown.contains(&pair)),
            None => {}
        }
    }
    let out = lineage(&["ancestors", "80/16", "--since", "2020", "--until", "2010"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--since 2020 is after --until 2010"));
}

#[test]
fn a_section_follows_only_the_citations_made_there() {
    let heading = ancestors_of_80_16(&["--depth", "1", "--section", "heading"]);
    let symbols: Vec<&str> = heading.iter().map(|r| field(r, "symbol")).collect();
    // The committee report 80/16 was adopted on, and its draft.
    assert!(symbols.contains(&"A/80/534"), "{symbols:?}");
    let preamble = ancestors_of_80_16(&["--depth", "1", "--section", "preamble"]);
    let symbols: Vec<&str> = preamble.iter().map(|r| field(r, "symbol")).collect();
    assert!(symbols.contains(&"A/RES/75/240"), "{symbols:?}");
    assert!(!symbols.contains(&"A/80/534"), "{symbols:?}");
}

#[test]
fn a_relation_class_filters_an_export() {
    let out = lineage(&[
        "export",
        "--format",
        "json",
        "--focus",
        "80/16",
        "--depth",
        "1",
        "--relation",
        "recalling",
    ]);
    let graph = json(&out);
    let links = graph["edges"].as_array().expect("edges");
    assert!(!links.is_empty());
    for link in links {
        for occurrence in link["occurrences"].as_array().expect("occurrences") {
            let verb = field(occurrence, "relation");
            assert!(
                verb.starts_with("recall")
                    || verb == "bearing in mind"
                    || verb.starts_with("refer"),
                "{link}"
            );
        }
    }
}

#[test]
fn top_leaves_out_the_reports_a_text_was_adopted_on_unless_asked() {
    let top = |extra: &[&str]| {
        let mut args = vec!["top", "--limit", "100000", "--format", "json"];
        args.extend_from_slice(extra);
        rows(&resgraph_from(&GA_GOLDEN, &args))
    };
    let score = |rows: &[Value], symbol: &str| {
        rows.iter()
            .find(|r| field(r, "symbol") == symbol)
            .and_then(|r| r["score"].as_f64())
    };
    let default = top(&[]);
    let with_headings = top(&["--include-headings"]);
    // "[on the report of the First Committee (A/80/534)]" in three texts.
    assert_eq!(score(&with_headings, "A/80/534"), Some(3.0));
    assert_eq!(score(&default, "A/80/534"), None);
    // Asking for the heading by name counts it too.
    let heading = top(&["--section", "heading"]);
    assert_eq!(score(&heading, "A/80/534"), Some(3.0));
    // Recitals count either way.
    assert_eq!(
        score(&default, "A/RES/70/1"),
        score(&with_headings, "A/RES/70/1")
    );
}

#[test]
fn top_filters_the_documents_it_ranks() {
    let rows = rows(&resgraph_from(
        &["tests/golden"],
        &[
            "top", "--organ", "sc", "--since", "2000", "--format", "json",
        ],
    ));
    assert!(rows.len() >= 5, "{rows:?}");
    let year_in = |text: &str| -> Option<u16> {
        text.split(|c: char| !c.is_ascii_digit())
            .find(|w| w.len() == 4)
            .and_then(|w| w.parse().ok())
    };
    for row in &rows {
        // The Council's resolutions and its documents (S/2002/932).
        let symbol = field(row, "symbol");
        assert!(symbol.starts_with("S/"), "{row}");
        if field(row, "kind") == "sc-resolution" {
            assert!(field(row, "label").starts_with("SC "), "{row}");
        }
        let year = year_in(field(row, "date")).or_else(|| year_in(symbol));
        assert!(year.is_some_and(|y| y >= 2000), "{row}");
    }
    assert!(rows.iter().any(|r| field(r, "kind") == "sc-resolution"));
}

#[test]
fn top_rows_of_the_assembly_texts_have_titles_and_dates() {
    let rows = rows(&resgraph_from(&GA_GOLDEN, &["top", "--format", "json"]));
    assert_eq!(rows.len(), 20);
    for row in &rows {
        for key in ["symbol", "label", "kind", "score", "date", "title"] {
            assert!(row.get(key).is_some(), "{key}: {row}");
        }
    }
    let first = &rows[0];
    assert_eq!(field(first, "symbol"), "A/RES/70/1");
    assert_eq!(field(first, "date"), "2015-09-25");
    assert_eq!(
        field(first, "title"),
        "Transforming our world: the 2030 Agenda for Sustainable Development"
    );
    // Titles from the registry (217 A (III)), from the texts read
    // (75/240) and for other organs' resolutions (242 (1967)).
    for symbol in ["A/RES/217 A (III)", "A/RES/75/240", "S/RES/242 (1967)"] {
        let row = rows.iter().find(|r| field(r, "symbol") == symbol);
        assert!(
            row.is_some_and(|r| r["title"].is_string() && r["date"].is_string()),
            "{symbol}: {rows:?}"
        );
    }
}

#[test]
fn export_writes_just_a_lineage() {
    let nearest = ancestors_of_80_16(&["--depth", "1"]);
    let mut expected: BTreeSet<String> = nearest
        .iter()
        .map(|r| field(r, "symbol").to_owned())
        .collect();
    expected.insert("A/RES/80/16".into());
    let graph = json(&lineage(&[
        "export",
        "--format",
        "json",
        "--focus",
        "80/16",
        "--ancestors",
        "--depth",
        "1",
    ]));
    let nodes: BTreeSet<String> = graph["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| field(n, "id").to_owned())
        .collect();
    assert_eq!(nodes, expected);
    for link in graph["edges"].as_array().expect("edges") {
        assert!(nodes.contains(field(link, "source")) && nodes.contains(field(link, "target")));
    }
    // The documents of a kind, from the whole graph.
    let graph = json(&lineage(&[
        "export",
        "--format",
        "json",
        "--kind",
        "ga-decision",
    ]));
    let nodes = graph["nodes"].as_array().expect("nodes");
    assert!(nodes.len() >= 5);
    assert!(nodes.iter().all(|n| field(n, "kind") == "ga-decision"));
    // A lineage's options without its document are an error.
    let out = lineage(&["export", "--format", "json", "--depth", "1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--focus SYMBOL"));
}

#[test]
fn render_refuses_a_large_lineage_naming_options_that_exist() {
    let dir = std::env::temp_dir().join(format!("resgraph-filters-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    let svg = dir.join("r.svg");
    let render = |max: &str| {
        let mut args: Vec<String> = [
            "render",
            "80/16",
            "--both",
            "--depth",
            "3",
            "--engine",
            "builtin",
            "--max-documents",
            max,
            "-o",
        ]
        .map(String::from)
        .to_vec();
        args.push(svg.display().to_string());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        lineage(&args)
    };
    let out = render("10");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("more than the limit of 10"), "{err}");
    let help = Command::new(env!("CARGO_BIN_EXE_resgraph"))
        .args(["render", "--help"])
        .output()
        .expect("help");
    let help = String::from_utf8_lossy(&help.stdout);
    let named: Vec<&str> = err
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|w| w.starts_with("--"))
        .collect();
    assert!(named.len() >= 7, "{err}");
    for option in named {
        assert!(
            help.contains(&format!("{option} ")) || help.contains(&format!("{option}\n")),
            "{option} is not an option of render: {help}"
        );
    }
    assert!(!svg.exists());
    let out = render("100");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let picture = std::fs::read_to_string(&svg).expect("svg");
    assert!(picture.contains(">dec. 77/512<") && picture.contains(">HRC 20/8<"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn labels_show_the_organ_and_can_be_typed_back() {
    let out = lineage(&["ancestors", "dec. 78/541", "--depth", "1"]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!table.is_empty());
    let out = lineage(&["ancestors", "80/16", "--depth", "1"]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains("  dec. 77/512 "), "{table}");
    assert!(table.contains("  75/240 "), "{table}");
}

#[test]
fn path_rows_carry_date_and_title() {
    let steps = rows(&lineage(&["path", "80/16", "53/70", "--format", "json"]));
    let symbols: Vec<&str> = steps.iter().map(|r| field(r, "symbol")).collect();
    assert_eq!(symbols, ["A/RES/80/16", "A/RES/75/240", "A/RES/53/70"]);
    assert_eq!(field(&steps[1], "date"), "2020-12-31");
    assert!(field(&steps[1], "title").starts_with("Developments in the field of information"));
    assert_eq!(field(&steps[2], "date"), "1998-12-04");
}

#[test]
fn check_rows_name_the_cited_document_by_its_label() {
    let out = Command::new(env!("CARGO_BIN_EXE_resgraph"))
        .args(["check", "--all", "--format", "json", "-q"])
        .arg(repository().join("data/lineage"))
        .output()
        .expect("resgraph runs");
    let findings: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON");
    let own = findings
        .iter()
        .find(|f| field(f, "kind") == "self-citation")
        .expect("decision 77/512 cites its own symbol");
    assert_eq!(field(own, "target_label"), "dec. 77/512 A");
    assert!(own.get("target_title").is_some() && own.get("target_date").is_some());
}

#[test]
fn render_draws_only_the_citations_the_filter_follows() {
    let dir = std::env::temp_dir().join(format!("resgraph-filters-dot-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch");
    let dot = dir.join("r.dot");
    let dot_arg = dot.display().to_string();
    let out = lineage(&[
        "render",
        "80/16",
        "--depth",
        "3",
        "--relation",
        "recalling",
        "--all-links",
        "-o",
        &dot_arg,
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&dot).expect("dot");
    let citations: Vec<&str> = text
        .lines()
        // The legend draws one line of every style; citations say who
        // cites whom.
        .filter(|l| l.contains("class=\"cite") && !l.contains("resgraph:legend"))
        .collect();
    assert!(citations.len() >= 10, "{text}");
    // Only recitals are kept on the links drawn, so every link is drawn
    // as one (unfiltered, 80/16's lineage also draws footnotes, welcoming
    // and other links).
    for line in &citations {
        assert!(line.contains("class=\"cite recalling\""), "{line}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

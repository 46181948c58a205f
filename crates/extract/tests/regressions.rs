//! Inputs that once made extraction hang: each took time quadratic (or
//! worse) in its size, minutes for one megabyte. Each must now finish
//! within a budget far below what the old code took, and still read
//! what it holds. Found by the pathological bench and the fuzzers while
//! hardening (docs/robustness.md); the functions changed are named with
//! each input.
#![forbid(unsafe_code)]

use std::time::{Duration, Instant};

use resgraph_extract::{extract, extract_html, Document, Hint, Section};

/// The input size: 1 MB in a release build, a quarter in a debug build.
fn size() -> usize {
    if cfg!(debug_assertions) {
        250_000
    } else {
        1_000_000
    }
}

/// Far above the linear time (well under a second), far below the old
/// quadratic time (from 6 s to several minutes at 1 MB, release).
fn budget() -> Duration {
    if cfg!(debug_assertions) {
        Duration::from_secs(30)
    } else {
        Duration::from_secs(4)
    }
}

fn repeat_to(text: &str, size: usize) -> String {
    text.repeat(size / text.len() + 1)
}

fn timed(name: &str, run: impl FnOnce() -> Document) -> Document {
    let start = Instant::now();
    let doc = run();
    let elapsed = start.elapsed();
    assert!(
        elapsed < budget(),
        "{name}: {elapsed:?}, over the budget of {:?}",
        budget()
    );
    doc
}

/// `lib.rs` `place_in_running_text` and `relation.rs` `clause_relation`
/// lower-cased and searched everything before each mention of a running
/// paragraph (a GA decision): now `relation::RunningText` reads the
/// paragraph once.
#[test]
fn running_text_full_of_citations() {
    let text = repeat_to(
        "recalling resolution 76/19 of 6 December 2021 (footnote: see A/65/201) and ",
        size(),
    );
    let doc = timed("running text", || extract(&text, &Hint::default()));
    resgraph_test_support::assert_spans(&doc, &text);
    let n = text.matches("76/19").count();
    assert!(
        doc.citations.len() >= n - 1,
        "{} of {n}",
        doc.citations.len()
    );
    for c in &doc.citations {
        match c.target.to_string().as_str() {
            "A/RES/76/19" => {
                assert_eq!(
                    (c.relation.as_str(), c.section),
                    ("recalling", Section::Operative)
                )
            }
            "A/65/201" => assert_eq!((c.relation.as_str(), c.section), ("see", Section::Footnote)),
            other => panic!("unexpected {other}"),
        }
    }
}

/// `text.rs` `markdown_link` searched the rest of the line for `]` and
/// `)` from every `[`, before checking their distance: now it looks only
/// as far as a link may reach.
#[test]
fn brackets_without_their_close() {
    let text = format!(
        "The General Assembly,\n\nRecalling its resolution [76/19](#) {}\n",
        repeat_to("[x", size())
    );
    let doc = timed("`[` without `]`", || extract(&text, &Hint::default()));
    assert_eq!(doc.citations[0].target.to_string(), "A/RES/76/19");
    resgraph_test_support::assert_spans(&doc, &text);
}

/// `text.rs` `html_entity` searched the rest of the line for `;` from
/// every `&#`: now it looks at the next 9 bytes.
#[test]
fn numeric_entities_without_their_semicolon() {
    let text = format!(
        "Recalling its resolution 76/19&#160;{}\n",
        repeat_to("&#1", size())
    );
    let doc = timed("`&#` without `;`", || extract(&text, &Hint::default()));
    assert_eq!(doc.citations[0].target.to_string(), "A/RES/76/19");
}

/// `scan.rs` `masthead` searched the rest of the paragraph for `)` after
/// every symbol followed by `(`: now it looks at the 13 bytes a year or
/// session can take. (The paragraph is running text, so this input also
/// took the path of `running_text_full_of_citations`.)
#[test]
fn masthead_symbols_followed_by_an_open_parenthesis() {
    let text = repeat_to("A/1 (", size());
    let doc = timed("`A/1 (`", || extract(&text, &Hint::default()));
    resgraph_test_support::assert_spans(&doc, &text);
    assert!(doc.citations.iter().all(|c| c.target.to_string() == "A/1"));
    assert!(doc.citations.len() > text.len() / 6);
    let text = "See S/RES/1373 (2001) and A/RES/2625 (XXV) (A/1 (";
    let doc = extract(text, &Hint::default());
    let found: Vec<String> = doc.citations.iter().map(|c| c.target.to_string()).collect();
    assert_eq!(found, ["S/RES/1373 (2001)", "A/RES/2625 (XXV)", "A/1"]);
}

/// `lib.rs` `footnote_anchors` walked back over every earlier footnote to
/// find the body paragraphs before each footnote, and over all the marks
/// of each: now it keeps the list of body paragraphs and the strongest
/// mark per number.
#[test]
fn a_long_run_of_footnotes() {
    let text = format!(
        "The General Assembly,\n\nRecalling resolution 76/19,\u{b9}\n\n____\n{}",
        repeat_to("\u{b9} See A/65/201.\n\n", size())
    );
    let doc = timed("footnote zone", || extract(&text, &Hint::default()));
    let notes: Vec<_> = doc
        .citations
        .iter()
        .filter(|c| c.section == Section::Footnote)
        .collect();
    assert!(notes.len() > size() / 20);
    assert!(notes
        .iter()
        .all(|c| (c.anchor_section, c.anchor_paragraph) == (Some(Section::Preamble), Some(1))));
}

/// `html.rs` `blank_markup` searched the rest of the page for `>` (or
/// `-->`) from every `<` (or `<!--`): now the next match is remembered.
#[test]
fn html_full_of_unclosed_markup() {
    for filler in ["<a", "<!--", "<p x=\"", "</"] {
        let page = format!(
            "<p>The General Assembly,</p><p>Recalling its resolution <b>76/19</b>,</p>{}",
            repeat_to(filler, size())
        );
        let doc = timed(filler, || extract_html(&page, &Hint::default()));
        assert_eq!(doc.citations[0].target.to_string(), "A/RES/76/19");
        let c = &doc.citations[0];
        assert_eq!(&page[c.start..c.end], "76/19");
    }
}

//! The command line on the UN's Akoma Ntoso XML: `.xml` files in a
//! folder are read by their elements, Akoma Ntoso under another name is
//! recognised by its content, and an XML file that is not well-formed or
//! not Akoma Ntoso gets a message naming the file, line and column while
//! the rest is read, with exit code 1.
#![forbid(unsafe_code)]

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use resgraph_test_support::{run_within, stderr, temp_dir};

const BIN: &str = env!("CARGO_BIN_EXE_resgraph");

fn golden_xml(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/golden-xml")
        .join(name)
}

fn jsonl(out: &std::process::Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn malformed_and_foreign_xml_are_named_with_their_place_and_the_rest_is_read() {
    let dir = temp_dir("akn-bad");
    std::fs::copy(
        golden_xml("A_HRC_RES_56_18.xml"),
        dir.join("A_HRC_RES_56_18.xml"),
    )
    .expect("copy");
    std::fs::write(
        dir.join("broken.xml"),
        "<?xml version=\"1.0\"?>\n<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n  <statement>\n    <p>Recalling its resolution 76/19</statement>\n</akomaNtoso>\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("feed.xml"),
        "<rss version=\"2.0\"><channel/></rss>\n",
    )
    .expect("write");
    let out = run_within(
        Command::new(BIN)
            .args(["extract", "--format", "jsonl"])
            .arg(&*dir),
        Duration::from_secs(60),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("broken.xml: not well-formed XML at line 4, column 38: expected 'p' tag, not 'statement'"),
        "{err}"
    );
    assert!(
        err.contains("feed.xml: not Akoma Ntoso XML: the root element at line 1, column 1 is <rss>, expected <akomaNtoso>"),
        "{err}"
    );
    assert!(err.contains("2 file(s) could not be read"), "{err}");
    let docs = jsonl(&out);
    assert_eq!(docs.len(), 1, "the good XML is read");
    assert_eq!(docs[0]["symbol"], "A/HRC/RES/56/18");
    assert_eq!(docs[0]["date"], "2024-07-11");
    assert_eq!(docs[0]["citations"][0]["target"], "A/RES/75/17");
    assert_eq!(docs[0]["citations"][0]["section"], "operative");
    assert_eq!(docs[0]["citations"][0]["paragraph"], 6);
}

#[test]
fn akoma_ntoso_under_another_name_is_read_by_its_elements() {
    let dir = temp_dir("akn-sniff");
    let named = dir.join("resolution.txt");
    std::fs::copy(golden_xml("A_RES_76_19.xml"), &named).expect("copy");
    let out = run_within(
        Command::new(BIN)
            .args(["extract", "--format", "jsonl"])
            .arg(&named),
        Duration::from_secs(60),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = jsonl(&out);
    let doc = &docs[0];
    assert_eq!(doc["symbol"], "A/RES/76/19");
    assert_eq!(
        doc["title"]
            .as_str()
            .map(|t| t.starts_with("Developments in the field")),
        Some(true)
    );
    let citations = doc["citations"].as_array().expect("citations");
    assert_eq!(citations.len(), 35);
    // The footnote of preamble 13, anchored by its element.
    let footnote = citations
        .iter()
        .find(|c| c["target"] == "A/65/201")
        .expect("A/65/201");
    assert_eq!(footnote["section"], "footnote");
    assert_eq!(footnote["anchor_section"], "preamble");
    assert_eq!(footnote["anchor_paragraph"], 13);
}

#[test]
fn a_folder_of_xml_builds_a_graph() {
    let dir = temp_dir("akn-build");
    for name in ["A_RES_76_19.xml", "A_RES_77_294.xml", "S_RES_2399_2018.xml"] {
        std::fs::copy(golden_xml(name), dir.join(name)).expect("copy");
    }
    let graph = dir.join("xml.graph");
    let out = run_within(
        Command::new(BIN)
            .args(["build", "-q", "-o"])
            .arg(&graph)
            .arg(&*dir),
        Duration::from_secs(60),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run_within(
        Command::new(BIN)
            .args(["ancestors", "76/19", "--format", "json", "--graph"])
            .arg(&graph),
        Duration::from_secs(60),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("A/RES/75/240"), "{text}");
}

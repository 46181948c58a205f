//! `resgraph series` on real texts, against series read by hand.
//!
//! Each folder of `tests/series/` holds real GA resolutions (copied
//! unchanged from the shared data folder, see `tests/series/README.md`)
//! and `expected.txt`, written by reading the texts: `seed: SYMBOL`, then
//! the seed's own track, one symbol a line, in order; then any other track
//! that must exist exactly (`track: TITLE` and its members); `not: SYMBOL`
//! lines name what the texts recite that is no member of the seed's track.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use resgraph_test_support::temp_dir;

fn resgraph() -> Command {
    Command::new(env!("CARGO_BIN_EXE_resgraph"))
}

#[derive(Debug, Default)]
struct Expected {
    seed: String,
    own: Vec<String>,
    others: Vec<(String, Vec<String>)>,
    not: Vec<String>,
}

fn read_expected(path: &Path) -> Expected {
    let text = std::fs::read_to_string(path).expect("expected.txt");
    let mut expected = Expected::default();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(seed) = line.strip_prefix("seed:") {
            expected.seed = seed.trim().to_string();
        } else if let Some(title) = line.strip_prefix("track:") {
            expected.others.push((title.trim().to_string(), Vec::new()));
        } else if let Some(symbol) = line.strip_prefix("not:") {
            expected.not.push(symbol.trim().to_string());
        } else if let Some((_, members)) = expected.others.last_mut() {
            members.push(line.to_string());
        } else {
            expected.own.push(line.to_string());
        }
    }
    expected
}

#[test]
fn series_read_by_hand() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/series");
    let mut cases: Vec<_> = std::fs::read_dir(&root)
        .expect("tests/series")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert_eq!(cases.len(), 10, "ten series read by hand");
    let work = temp_dir("series");
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let expected = read_expected(&case.join("expected.txt"));
        let graph = work.join(format!("{name}.rgraph"));
        let built = resgraph()
            .args(["build", "-q"])
            .arg(&case)
            .arg("-o")
            .arg(&graph)
            .output()
            .expect("run build");
        assert!(built.status.success(), "{name}: build failed: {built:?}");
        let out = resgraph()
            .args(["series", &expected.seed, "--format", "json", "--graph"])
            .arg(&graph)
            .output()
            .expect("run series");
        assert!(out.status.success(), "{name}: {out:?}");
        let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
        let mut tracks: BTreeMap<u64, (Option<String>, Vec<String>)> = BTreeMap::new();
        for row in &rows {
            let entry = tracks
                .entry(row["track"].as_u64().expect("track"))
                .or_insert_with(|| (row["track_title"].as_str().map(str::to_string), Vec::new()));
            entry
                .1
                .push(row["symbol"].as_str().expect("symbol").to_string());
        }
        let own = tracks
            .values()
            .find(|(_, members)| members.contains(&expected.seed))
            .unwrap_or_else(|| panic!("{name}: the seed is in no track: {tracks:#?}"));
        assert_eq!(own.1, expected.own, "{name}: the seed's track");
        for (title, members) in &expected.others {
            let found = tracks
                .values()
                .find(|(t, _)| t.as_deref() == Some(title.as_str()))
                .unwrap_or_else(|| panic!("{name}: no track {title:?} in {tracks:#?}"));
            assert_eq!(&found.1, members, "{name}: track {title:?}");
        }
        for symbol in &expected.not {
            assert!(
                !own.1.contains(symbol),
                "{name}: {symbol} is another item's, yet in the seed's track"
            );
        }
    }
}

#[test]
fn a_document_is_answered_with_a_reason() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/series/cooperatives");
    let work = temp_dir("series-sc");
    let graph = work.join("g.rgraph");
    let built = resgraph()
        .args(["build", "-q"])
        .arg(&root)
        .arg("-o")
        .arg(&graph)
        .output()
        .expect("run build");
    assert!(built.status.success());
    // The committee report 80/182 was adopted on is in the graph.
    let out = resgraph()
        .args(["series", "A/80/545", "--graph"])
        .arg(&graph)
        .output()
        .expect("run series");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("has no series"), "{stderr}");
    assert!(stderr.contains("it is no Assembly resolution"), "{stderr}");
}

//! Integration tests of the `resgraph` command line.

use std::path::{Path, PathBuf};
use std::process::Command;

use resgraph_test_support::temp_dir;

fn resgraph() -> Command {
    Command::new(env!("CARGO_BIN_EXE_resgraph"))
}

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden/seed/A_C.1_77_L.73.txt")
}

#[test]
fn extract_json_of_the_seed_has_the_contract_fields() {
    let out = resgraph()
        .args(["extract", "--format", "json"])
        .arg(seed())
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let doc = &docs[0];
    assert_eq!(doc["symbol"], "A/C.1/77/L.73");
    assert_eq!(doc["organ"], "General Assembly");
    assert_eq!(doc["session"], 77);
    assert_eq!(doc["date"], "2022-10-13");
    let citations = doc["citations"].as_array().expect("citations");
    assert_eq!(citations.len(), 35);
    let first = &citations[0];
    assert_eq!(first["target"], "A/RES/43/78 H");
    assert_eq!(first["kind"], "ga-resolution");
    assert_eq!(first["cited_date"], "1988-12-07");
    assert_eq!(first["relation"], "recalling");
    assert_eq!(first["section"], "preamble");
    assert_eq!(first["paragraph"], 1);
    assert_eq!(first["text"], "43/78 H");
    assert!(first["start"].as_u64().unwrap() < first["end"].as_u64().unwrap());
}

#[test]
fn bad_files_are_named_the_rest_is_done_and_the_exit_code_says_so() {
    let dir = temp_dir("bad");
    std::fs::copy(seed(), dir.join("A_C.1_77_L.73.txt")).expect("copy");
    std::fs::write(dir.join("binary.txt"), b"\x7fELF\x00\x00\x01").expect("write");
    std::fs::write(dir.join("empty.txt"), b"").expect("write");
    std::fs::write(
        dir.join("latin1.txt"),
        b"Recalling its resolution 76/19 \xe9t\xe9\n",
    )
    .expect("write");
    let out = resgraph()
        .args(["extract", "--format", "jsonl"])
        .arg(&dir)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("binary.txt") && stderr.contains("not a text file"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.lines().count(),
        3,
        "seed, empty and latin1 are still read"
    );
    // Latin-1 bytes are read as Windows-1252, with a note saying so.
    assert!(stdout.contains("decoded as windows-1252"), "{stdout}");
}

#[test]
fn missing_paths_are_reported() {
    let out = resgraph()
        .args(["extract", "/nonexistent/resgraph/file.txt"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/resgraph/file.txt"));
}

#[test]
fn output_files_are_written_whole() {
    let dir = temp_dir("out");
    let target = dir.join("out.json");
    std::fs::write(&target, "previous").expect("write");
    let out = resgraph()
        .args(["extract", "-o"])
        .arg(&target)
        .arg(seed())
        .output()
        .expect("run");
    assert!(out.status.success());
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&target).expect("read")).expect("json");
    assert_eq!(written[0]["citations"].as_array().map(Vec::len), Some(35));
    // An output into a directory that does not exist fails cleanly and
    // leaves nothing behind.
    let out = resgraph()
        .args(["extract", "-o"])
        .arg(dir.join("no/such/dir/out.json"))
        .arg(seed())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let leftovers = std::fs::read_dir(&dir).expect("dir").count();
    assert_eq!(leftovers, 1);
}

#[test]
fn build_query_and_render_the_bundled_lineage() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lineage");
    let dir = temp_dir("lineage");
    let graph = dir.join("lineage.rgraph");
    let out = resgraph()
        .args(["build", "-q", "-o"])
        .arg(&graph)
        .arg(&data)
        .output()
        .expect("run");
    assert!(graph.exists(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = resgraph()
        .args([
            "ancestors",
            "a/res/77/37",
            "--depth",
            "1",
            "--format",
            "json",
            "--graph",
        ])
        .arg(&graph)
        .output()
        .expect("run");
    assert!(out.status.success());
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let symbols: Vec<&str> = rows
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| r["symbol"].as_str())
        .collect();
    assert!(
        symbols.contains(&"A/RES/43/78 H") && symbols.contains(&"A/RES/76/19"),
        "{symbols:?}"
    );
    let svg = dir.join("lineage.svg");
    let out = resgraph()
        .args([
            "render", "76/19", "--depth", "1", "--engine", "builtin", "-o",
        ])
        .arg(&svg)
        .arg("--graph")
        .arg(&graph)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&svg).expect("svg");
    assert!(text.contains("<svg") && text.contains("76/19") && text.contains("53/70"));
    let unknown = resgraph()
        .args(["ancestors", "76/999", "--graph"])
        .arg(&graph)
        .output()
        .expect("run");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("did you mean"));
}

#[test]
fn explain_prints_a_verdict_for_every_reference_shaped_token() {
    let dir = temp_dir("explain");
    let text = dir.join("A_RES_79_999.txt");
    std::fs::write(
        &text,
        "A/RES/79/999\n\nThe General Assembly,\n\nRecalling its resolution 76/19 and World Health \
         Assembly resolution 58/3, the 2020/21 biennium and the 50/50 goal,\n",
    )
    .expect("write");
    let out = resgraph()
        .args(["extract", "--explain", "--summary", "-q"])
        .arg(&text)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let verdicts: Vec<(&str, &str)> = stdout
        .lines()
        .map(|l| {
            let mut f = l.split('\t');
            let verdict = f.next().unwrap_or("").rsplit(": ").next().unwrap_or("");
            (verdict, f.next().unwrap_or(""))
        })
        .collect();
    assert_eq!(
        verdicts,
        [
            ("own-symbol", "A/RES/79/999"),
            ("cited", "76/19"),
            ("other-body", "58/3"),
            ("period", "2020/21"),
            ("ratio", "50/50"),
        ],
        "{stdout}"
    );
    assert!(
        stdout
            .lines()
            .all(|l| l.contains(":5: ") || l.contains(":1: ")),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("5 reference-shaped tokens"), "{stderr}");
    assert!(stderr.contains("excluded: other-body"), "{stderr}");
}

//! Extraction gives what it gave before it was made faster: the seed's
//! citations, and the counts of documents, citations and verdicts over
//! the golden texts and over the real texts beside the project (see
//! `unchanged/README.md`).

use std::path::{Path, PathBuf};
use std::process::Command;

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn snapshot(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/unchanged")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Runs `resgraph` in `dir` with the environment variables `env`;
/// returns standard output and standard error.
fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_resgraph"))
        .args(args)
        .envs(env.iter().copied())
        .current_dir(dir)
        .output()
        .expect("resgraph runs");
    assert!(
        out.status.success(),
        "resgraph {args:?} in {}: {}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        String::from_utf8(out.stderr).expect("UTF-8 output"),
    )
}

#[test]
fn the_seed_gives_the_same_35_citations() {
    let (stdout, _) = run(
        &repository().join("tests/golden/seed"),
        &["extract", "A_C.1_77_L.73.txt", "--format", "jsonl", "-q"],
        &[],
    );
    assert_eq!(stdout, snapshot("seed.jsonl"));
    let doc: serde_json::Value = serde_json::from_str(stdout.trim()).expect("one JSON line");
    assert_eq!(doc["citations"].as_array().map(Vec::len), Some(35));
}

#[test]
fn the_golden_texts_give_the_same_counts_and_verdicts() {
    let (_, stderr) = run(
        &repository().join("tests/golden"),
        &["extract", ".", "--explain", "--summary", "-q"],
        &[],
    );
    assert_eq!(stderr, snapshot("golden.summary"));
}

#[test]
fn the_shared_real_texts_give_the_same_counts_and_verdicts() {
    let shared = repository().join("../shared/data");
    if !shared.is_dir() {
        eprintln!("{} is not there: nothing to compare", shared.display());
        return;
    }
    // One reading thread and two give the same output.
    for threads in ["1", "2"] {
        let (_, stderr) = run(
            &shared,
            &["extract", ".", "--explain", "--summary", "-q"],
            &[("RAYON_NUM_THREADS", threads)],
        );
        assert_eq!(
            stderr,
            snapshot("shared-data.summary"),
            "with {threads} thread(s)"
        );
    }
}

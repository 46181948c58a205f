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

/// A fresh directory under the system's temporary one, removed first.
fn fresh_dir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("resgraph-unchanged-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `extract`, `build`, `export` and `render` over the bundled lineage
/// texts give byte for byte what they gave before the pipeline moved
/// into the library (see `unchanged/README.md`).
#[test]
fn the_lineage_gives_the_same_extraction_graph_exports_and_pictures() {
    let lineage = repository().join("data/lineage");
    let expected = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/unchanged/lineage");
    let out = fresh_dir("lineage");
    let o = |name: &str| out.join(name).to_str().expect("UTF-8 path").to_owned();

    let (stdout, _) = run(&lineage, &["extract", ".", "--format", "jsonl", "-q"], &[]);
    assert_eq!(stdout, snapshot("lineage/extract.jsonl"), "extract");

    run(
        &lineage,
        &["build", ".", "-o", &o("lineage.graph"), "-q"],
        &[],
    );
    let graph = o("lineage.graph");
    for format in ["graphml", "json", "csv"] {
        let name = format!("export.{format}");
        run(
            &lineage,
            &[
                "export",
                "--graph",
                &graph,
                "--format",
                format,
                "-o",
                &o(&name),
                "-q",
            ],
            &[],
        );
    }
    let render = |symbol: &str, extra: &[&str], name: &str| {
        let mut args = vec!["render", symbol, "--graph", &graph, "-q", "-o"];
        let path = o(name);
        args.push(&path);
        args.extend_from_slice(extra);
        run(&lineage, &args, &[]);
    };
    render(
        "A/RES/80/16",
        &["--engine", "builtin", "--both", "--depth", "3"],
        "r80.svg",
    );
    render("A/RES/80/16", &["--both", "--depth", "3"], "r80.dot");
    render("76/19", &["--engine", "builtin"], "r7619.svg");

    for name in [
        "lineage.graph",
        "export.graphml",
        "export.json",
        "export.csv.nodes.csv",
        "export.csv.edges.csv",
        "r80.svg",
        "r80.dot",
        "r7619.svg",
    ] {
        assert!(
            bytes(&out.join(name)) == bytes(&expected.join(name)),
            "{name} differs from tests/unchanged/lineage/{name}"
        );
    }
    let _ = std::fs::remove_dir_all(&out);
}

/// `ancestors`, `descendants`, `path` and `series` over the bundled
/// lineage texts print, as JSON and as tables (with `--why` too), byte for
/// byte what they printed when the command line inserted the evidence
/// into its JSON by hand, before rows carried it (see
/// `unchanged/README.md`).
#[test]
fn lineage_answers_with_evidence_are_unchanged() {
    let root = repository();
    let out = fresh_dir("answers");
    let graph = out.join("lineage.graph");
    let graph = graph.to_str().expect("UTF-8 path");
    // Built from the repository's root, so that sources read
    // `data/lineage/...` as in the snapshots.
    run(&root, &["build", "data/lineage", "-o", graph, "-q"], &[]);
    let from = ["--from", "data/lineage", "-q"];
    let file = ["--graph", graph];
    let json = ["--format", "json"];
    let cases: [(&str, Vec<&str>); 7] = [
        (
            "ancestors-80-16-depth3.json",
            [&["ancestors", "80/16", "--depth", "3"][..], &from, &json].concat(),
        ),
        (
            "ancestors-80-16-depth3-why.txt",
            [&["ancestors", "80/16", "--depth", "3", "--why"][..], &from].concat(),
        ),
        (
            "ancestors-80-16-depth3.txt",
            [&["ancestors", "80/16", "--depth", "3"][..], &from].concat(),
        ),
        (
            "descendants-53-70-depth2.json",
            [&["descendants", "53/70", "--depth", "2"][..], &file, &json].concat(),
        ),
        (
            "path-80-16-53-70.json",
            [&["path", "80/16", "53/70"][..], &file, &json].concat(),
        ),
        (
            "path-80-16-53-70-why.txt",
            [&["path", "80/16", "53/70", "--why"][..], &file].concat(),
        ),
        (
            "series-80-16.json",
            [&["series", "80/16"][..], &file, &json].concat(),
        ),
    ];
    for (name, args) in cases {
        let (stdout, _) = run(&root, &args, &[]);
        assert!(
            stdout == snapshot(&format!("answers/{name}")),
            "resgraph {args:?} differs from tests/unchanged/answers/{name}"
        );
    }
    let _ = std::fs::remove_dir_all(&out);
}

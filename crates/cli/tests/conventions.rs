//! Command-line conventions (issue 15): shell completions and a manual
//! page generated from the parser, `--color` and `NO_COLOR`, `-` as
//! standard input and output, and the JSON contract's `schema_version`
//! in every JSON output.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn resgraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resgraph"))
        .args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .output()
        .expect("resgraph runs")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

#[test]
fn completions_are_generated_for_bash_zsh_and_fish() {
    for (shell, marker) in [
        ("bash", "complete -F _resgraph"),
        ("zsh", "#compdef resgraph"),
        ("fish", "complete -c resgraph"),
    ] {
        let script = stdout(&resgraph(&["completions", shell]));
        assert!(script.contains(marker), "{shell}: {script:.200}");
        // Every command is offered, the new ones too.
        for command in ["extract", "ancestors", "render", "completions", "man"] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
    }
    let refused = resgraph(&["completions", "cmd.exe"]);
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn a_closed_pipe_ends_completions_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_resgraph"))
        .args(["completions", "zsh"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("resgraph runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("resgraph ends");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn the_manual_page_is_roff_with_every_command() {
    let page = stdout(&resgraph(&["man"]));
    assert!(page.contains(".TH resgraph 1"), "{page:.300}");
    assert!(page.contains("Citation graph and cross\\-reference engine"));
    for command in ["extract", "build", "ancestors", "check", "completions"] {
        assert!(page.contains(command), "the page lacks {command}");
    }
    assert!(page.contains("\\-\\-color"));
}

#[test]
fn color_is_chosen_by_the_flag_and_no_color() {
    let failing = ["top", "--graph", "no-such-graph.rgraph"];
    let with = |color: &str, no_color: Option<&str>| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_resgraph"));
        cmd.args(failing)
            .arg("--color")
            .arg(color)
            .env_remove("NO_COLOR");
        if let Some(value) = no_color {
            cmd.env("NO_COLOR", value);
        }
        String::from_utf8_lossy(&cmd.output().expect("resgraph runs").stderr).into_owned()
    };
    assert!(with("always", None).contains("\u{1b}[1;31merror:\u{1b}[0m"));
    // `always` is asked for in so many words: it wins over NO_COLOR.
    assert!(with("always", Some("1")).contains("\u{1b}["));
    // Not a terminal (a pipe here): auto is no colour, nor is never.
    assert!(!with("auto", None).contains('\u{1b}'));
    assert!(!with("never", None).contains('\u{1b}'));
    assert!(with("never", None).contains("resgraph: error: cannot read no-such-graph.rgraph"));
    let bad = resgraph(&["--color", "sometimes", "top"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("sometimes"));
}

#[test]
fn standard_output_is_never_called_dash() {
    let built = resgraph(&["build", "data/lineage", "-o", "-", "-q"]);
    assert!(built.stdout.starts_with(b"RESGRAPH"));
    let said = String::from_utf8_lossy(&built.stderr);
    assert!(
        said.contains("resgraph: wrote to standard output: 77 documents"),
        "{said}"
    );
    assert!(!said.contains("wrote -"), "{said}");
    let drawn = resgraph(&[
        "render",
        "80/16",
        "--from",
        "data/lineage",
        "--depth",
        "1",
        "--engine",
        "builtin",
        "-o",
        "-",
        "-q",
    ]);
    assert!(String::from_utf8_lossy(&drawn.stdout).contains("<svg"));
    let said = String::from_utf8_lossy(&drawn.stderr);
    assert!(
        said.contains("resgraph: wrote to standard output ("),
        "{said}"
    );
}

#[test]
fn extract_reads_standard_input_and_every_json_output_has_the_schema_version() {
    let seed = std::fs::read(root().join("tests/golden/seed/A_C.1_77_L.73.txt")).expect("seed");
    let mut child = Command::new(env!("CARGO_BIN_EXE_resgraph"))
        .args(["extract", "-", "--format", "json", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("resgraph runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&seed)
        .expect("written");
    let out = child.wait_with_output().expect("resgraph ends");
    let docs: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(docs[0]["schema_version"], 1);
    assert_eq!(docs[0]["citations"].as_array().map(Vec::len), Some(35));
    assert_eq!(docs[0]["diagnostics"], serde_json::json!([]));

    let graph = ["--from", "data/lineage", "-q", "--format", "json"];
    for query in [
        &["ancestors", "80/16"][..],
        &["descendants", "53/70"],
        &["path", "A/C.1/77/L.73", "53/70"],
        &["top"],
    ] {
        let args: Vec<&str> = query.iter().chain(graph.iter()).copied().collect();
        let rows: Vec<serde_json::Value> =
            serde_json::from_str(&stdout(&resgraph(&args))).expect("rows");
        assert!(!rows.is_empty(), "{query:?}");
        assert!(rows.iter().all(|r| r["schema_version"] == 1), "{query:?}");
    }
    let checked = resgraph(&["check", "data/lineage", "--all", "-q", "--format", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&checked.stdout).expect("check rows");
    assert!(rows
        .iter()
        .all(|r| r["schema_version"] == 1 && r["level"].is_string()));

    let exported = stdout(&resgraph(&[
        "export",
        "--from",
        "data/lineage",
        "--format",
        "json",
        "-q",
    ]));
    let data: serde_json::Value = serde_json::from_str(&exported).expect("node-link");
    assert_eq!(data["schema_version"], 1);
    assert!(data["edges"].is_array() && data.get("links").is_none());
}

#[test]
fn no_chain_is_no_rows() {
    let out = resgraph(&[
        "path",
        "53/70",
        "80/16",
        "--from",
        "data/lineage",
        "-q",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");
}

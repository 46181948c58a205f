//! Inputs that used to read until memory ran out, or run for ever
//! (issue 13, defect 10): devices that never end and absurd counts are
//! refused at once, with a message naming them.

use std::process::{Command, Output};
use std::time::Duration;

use resgraph_test_support::{entries, run_within, stderr, temp_dir};

/// Runs `resgraph` with `args`; a run over two minutes is a hang.
fn resgraph(args: &[&str]) -> Output {
    run_within(
        Command::new(env!("CARGO_BIN_EXE_resgraph")).args(args),
        Duration::from_secs(120),
    )
}

#[test]
fn dev_zero_as_a_text_is_binary_read_no_further() {
    if !std::path::Path::new("/dev/zero").exists() {
        return;
    }
    let out = resgraph(&["extract", "/dev/zero", "-q"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("/dev/zero: not a text file (binary content)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn dev_zero_as_a_graph_is_foreign_read_no_further() {
    if !std::path::Path::new("/dev/zero").exists() {
        return;
    }
    let out = resgraph(&["stats", "--graph", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("/dev/zero: not a resgraph graph file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_absurd_synthetic_corpus_is_refused_before_anything_is_written() {
    let scratch = temp_dir("absurd-synth");
    let dir = scratch.join("corpus");
    let out_dir = dir.to_str().expect("UTF-8 path");
    let out = resgraph(&["synth", "--documents", "99999999999999", "-o", out_dir]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("not in 1..=10000000"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.exists(), "nothing written");
}

/// Issue 13, defect 3: `build data/lineage -o g; build data/linage -o g`
/// left an empty graph. A path that is not there fails before anything
/// is written.
#[test]
fn a_typo_in_an_input_path_leaves_the_graph_as_it_was() {
    let lineage = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lineage");
    let scratch = temp_dir("typo");
    let graph = scratch.join("g.graph");
    let graph_arg = graph.to_str().expect("UTF-8 path");
    let good = resgraph(&[
        "build",
        lineage.to_str().expect("UTF-8 path"),
        "-o",
        graph_arg,
        "-q",
    ]);
    assert_eq!(good.status.code(), Some(0), "{}", stderr(&good));
    let before = std::fs::read(&graph).expect("graph written");
    let typo = lineage.with_file_name("linage");
    let out = resgraph(&[
        "build",
        typo.to_str().expect("UTF-8 path"),
        "-o",
        graph_arg,
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("linage: No such file or directory"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("nothing built"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&graph).expect("graph still there"), before);
}

/// Issue 13, defect 5: `ancestors 80/16 --from nosuchdir` printed only
/// "not in the graph". The files that could not be read are named before
/// the query fails on what they would have held.
#[test]
fn read_errors_are_named_when_the_query_then_fails() {
    let scratch = temp_dir("nosuch");
    let out_file = scratch.join("x.svg");
    let out_arg = out_file.to_str().expect("UTF-8 path");
    for args in [
        &["ancestors", "80/16", "--from", "nosuchdir"][..],
        &["descendants", "80/16", "--from", "nosuchdir"],
        &["series", "80/16", "--from", "nosuchdir"],
        &["path", "80/16", "76/19", "--from", "nosuchdir"],
        &["render", "80/16", "--from", "nosuchdir", "-o", out_arg],
    ] {
        let out = resgraph(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("nosuchdir: cannot read: No such file or directory"),
            "{args:?}: {err}"
        );
        assert!(err.contains("not in the graph"), "{args:?}: {err}");
    }
    assert!(!out_file.exists());
}

/// Issue 13, defect 6: a title carrying `ESC ]0;PWNED BEL ESC [2J` and a
/// U+202E reached the terminal raw through `series`, `ancestors`,
/// `extract --format table`. Every output for people shows them escaped;
/// so are file names in messages.
#[test]
fn terminal_escapes_from_texts_are_shown_not_sent() {
    let dir = temp_dir("escapes");
    std::fs::write(
        dir.join("A_RES_76_19.txt"),
        "A/RES/76/19\n\n76/19. Developments \u{1b}]0;PWNED\u{7}\u{1b}[2J in \u{202e} the field\n\nThe General Assembly,\n\nRecalling its resolution 53/70 of 4 December 1998,\n",
    )
    .expect("write");
    std::fs::write(dir.join("evil\u{1b}[2J.txt"), b"\x00binary").expect("write");
    let from = dir.to_str().expect("UTF-8 path");
    let runs = [
        vec!["extract", from, "--format", "table", "-q"],
        vec!["extract", from, "--explain", "-q"],
        vec!["descendants", "53/70", "--from", from, "-q"],
        vec!["series", "76/19", "--from", from, "-q"],
        vec!["top", "--from", from, "-q"],
    ];
    for args in runs {
        let out = resgraph(&args);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let err = stderr(&out);
        for (name, text) in [("stdout", &*stdout), ("stderr", &*err)] {
            assert!(
                !text.contains('\u{1b}') && !text.contains('\u{7}'),
                "{args:?} {name}: {text:?}"
            );
            assert!(!text.contains('\u{202e}'), "{args:?} {name}: {text:?}");
        }
        assert!(err.contains("evil\\u{1b}[2J.txt"), "{args:?}: {err}");
        // The title is shown by the lineage commands.
        if matches!(args[0], "descendants" | "series") {
            assert!(
                stdout.contains("\\u{1b}]0;PWNED\\u{7}\\u{1b}[2J in \\u{202e}"),
                "{args:?}: {stdout}"
            );
        }
    }
}

/// Issue 13, defect 8: `cannot write /dev/full: No space left on device
/// (os error 28): No space left on device (os error 28)`. The reason is
/// said once, whichever command wrote.
#[test]
fn the_reason_of_an_os_error_is_said_once() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    let lineage = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lineage");
    let lineage = lineage.to_str().expect("UTF-8 path");
    for args in [
        &["extract", lineage, "-q", "-o", "/dev/full"][..],
        &["build", lineage, "-q", "-o", "/dev/full"],
        &[
            "export",
            "--from",
            lineage,
            "-q",
            "--format",
            "json",
            "-o",
            "/dev/full",
        ],
        &[
            "render",
            "76/19",
            "--from",
            lineage,
            "-q",
            "--engine",
            "builtin",
            "-o",
            "/dev/full",
        ],
    ] {
        let out = resgraph(args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("cannot write /dev/full"), "{args:?}: {err}");
        assert_eq!(err.matches("os error 28").count(), 1, "{args:?}: {err}");
        assert_eq!(err.matches("No space left").count(), 1, "{args:?}: {err}");
    }
}

/// Issue 13, defect 4: when the edges could not be written, a new
/// `c.nodes.csv` was left beside the old edges. Both files are written
/// before either replaces its old version.
#[test]
fn a_csv_export_is_both_new_or_both_old() {
    let lineage = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lineage");
    let lineage = lineage.to_str().expect("UTF-8 path");
    let dir = temp_dir("csv-pair");
    let prefix = dir.join("c");
    let prefix = prefix.to_str().expect("UTF-8 path");
    std::fs::write(dir.join("c.nodes.csv"), "old nodes\n").expect("old nodes");
    // The edges cannot be written: a directory holds their name.
    std::fs::create_dir(dir.join("c.edges.csv")).expect("a directory");
    let args = [
        "export", "--from", lineage, "-q", "--format", "csv", "-o", prefix,
    ];
    let out = resgraph(&args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("c.edges.csv: it is a directory"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.join("c.nodes.csv")).expect("nodes"),
        "old nodes\n"
    );
    assert_eq!(entries(&dir), ["c.edges.csv", "c.nodes.csv"]);
    // Once the way is clear both are written.
    std::fs::remove_dir(dir.join("c.edges.csv")).expect("rmdir");
    let out = resgraph(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let nodes = std::fs::read_to_string(dir.join("c.nodes.csv")).expect("nodes");
    assert!(nodes.starts_with("id,"), "{nodes}");
    assert!(dir.join("c.edges.csv").is_file());
}

/// Issue 13, defect 11: `render -o x.DOT` wrote SVG; `-o existingdir/`
/// said "Not a directory".
#[test]
fn render_reads_the_extension_in_any_case_and_names_a_directory() {
    let lineage = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lineage");
    let lineage = lineage.to_str().expect("UTF-8 path");
    let dir = temp_dir("render-case");
    let upper = dir.join("x.DOT");
    let upper = upper.to_str().expect("UTF-8 path");
    let out = resgraph(&["render", "76/19", "--from", lineage, "-q", "-o", upper]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let written = std::fs::read_to_string(upper).expect("written");
    assert!(
        written.starts_with("digraph"),
        "{}",
        &written[..80.min(written.len())]
    );
    std::fs::create_dir(dir.join("pictures")).expect("dir");
    let into_dir = format!("{}/", dir.join("pictures").display());
    let out = resgraph(&["render", "76/19", "--from", lineage, "-q", "-o", &into_dir]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("it is a directory"), "{err}");
    assert!(!err.contains("Not a directory"), "{err}");
}

/// Issue 13, defect 11: a `dot` that fails was hidden by the automatic
/// fallback, and one that hangs was waited for for ever. A stand-in
/// `dot` first in `PATH` does both.
#[cfg(unix)]
#[test]
fn a_failing_or_hanging_dot_is_said_and_timed_out() {
    use std::os::unix::fs::PermissionsExt as _;
    let lineage = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lineage");
    let dir = temp_dir("fake-dot");
    let bin = dir.join("bin");
    std::fs::create_dir(&bin).expect("bin");
    let fake = bin.join("dot");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let svg = dir.join("x.svg");
    let render = |script: &str, extra: &[&str]| {
        std::fs::write(&fake, script).expect("script");
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        run_within(
            Command::new(env!("CARGO_BIN_EXE_resgraph"))
                .args(["render", "76/19", "-q", "--from"])
                .arg(&lineage)
                .arg("-o")
                .arg(&svg)
                .args(extra)
                .env("PATH", &path),
            Duration::from_secs(60),
        )
    };
    let failing = "#!/bin/sh\necho 'Error: syntax error in line 1' >&2\nexit 3\n";
    let out = render(failing, &[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("`dot` failed") && err.contains("syntax error in line 1"),
        "{err}"
    );
    assert!(
        err.contains("drawn with the builtin engine instead"),
        "{err}"
    );
    assert!(std::fs::read_to_string(&svg).expect("svg").contains("<svg"));

    let hanging = "#!/bin/sh\nexec sleep 30\n";
    let start = std::time::Instant::now();
    let out = render(hanging, &["--dot-timeout", "1"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("did not finish within 1 s"), "{err}");
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
    // Asked for by name, a hanging `dot` is an error; the timeout can
    // come from the environment.
    std::fs::write(&fake, hanging).expect("script");
    let out = run_within(
        Command::new(env!("CARGO_BIN_EXE_resgraph"))
            .args(["render", "76/19", "-q", "--engine", "dot", "--from"])
            .arg(&lineage)
            .arg("-o")
            .arg(&svg)
            .env("PATH", &path)
            .env("RESGRAPH_DOT_TIMEOUT", "1"),
        Duration::from_secs(60),
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("did not finish within 1 s"), "{err}");
}

/// Issue 13, defect 10: `-` was a file name: `extract -` read a file
/// named `-` and `-o -` created one. It is standard input and output.
#[test]
fn a_dash_is_standard_input_and_output() {
    let text =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lineage/A_RES_73_27.txt");
    let dir = temp_dir("dash");
    let with_stdin = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_resgraph"))
            .args(args)
            .current_dir(&dir)
            .stdin(std::fs::File::open(&text).expect("text"))
            .output()
            .expect("resgraph runs")
    };
    let from_file = resgraph(&["extract", text.to_str().expect("UTF-8 path"), "-q"]);
    let from_stdin = with_stdin(&["extract", "-", "-q", "-o", "-"]);
    assert_eq!(from_stdin.status.code(), Some(0), "{}", stderr(&from_stdin));
    let json = String::from_utf8(from_stdin.stdout).expect("UTF-8");
    // The same citations; only the source differs.
    assert_eq!(
        json.replace("/dev/stdin", "SOURCE"),
        String::from_utf8(from_file.stdout)
            .expect("UTF-8")
            .replace(text.to_str().expect("UTF-8 path"), "SOURCE")
    );
    assert!(json.contains("\"citations\""), "{json}");
    // A graph built from standard input, written to standard output.
    let graph = with_stdin(&["build", "-", "-q", "-o", "-"]);
    assert_eq!(graph.status.code(), Some(0), "{}", stderr(&graph));
    assert!(graph.stdout.starts_with(b"RESGRAPH"));
    let stats = with_stdin(&["stats", "--from", "-"]);
    assert_eq!(stats.status.code(), Some(0), "{}", stderr(&stats));
    assert!(entries(&dir).is_empty(), "no file named -");
}

/// Issue 13, defect 2: in a directory walk, a file under a path of more
/// than 4,096 bytes, and the entries of a subdirectory without the x
/// bit (listable, not enterable, for a user that permissions bind), were
/// skipped in silence, exit 0. Each is named; the rest is read; exit 1.
#[cfg(unix)]
#[test]
fn a_walk_names_what_it_cannot_reach() {
    use std::os::unix::fs::PermissionsExt as _;
    let lineage = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lineage");
    let dir = temp_dir("walk-reach");
    std::fs::copy(lineage.join("A_RES_73_27.txt"), dir.join("A_RES_73_27.txt")).expect("copy");
    // 22 directories of 200 bytes: the file's path passes 4,096 bytes.
    // No single path that long can be made, so the tree is grown from
    // the top: each time the tree so far moves into a new directory.
    let tree = dir.join("tree");
    let next = dir.join("next");
    std::fs::create_dir(&tree).expect("mkdir");
    std::fs::write(tree.join("deep.txt"), "Recalling its resolution 53/70,\n").expect("write");
    let component = "d".repeat(200);
    for _ in 0..22 {
        std::fs::create_dir(&next).expect("mkdir");
        std::fs::rename(&tree, next.join(&component)).expect("move down");
        std::fs::rename(&next, &tree).expect("rename");
    }
    let out = resgraph(&[
        "extract",
        "-q",
        "--format",
        "jsonl",
        dir.to_str().expect("UTF-8"),
    ]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("File name too long (os error 36)"), "{err}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);

    // A directory that can be listed but not entered.
    let shut = dir.join("shut");
    std::fs::create_dir(&shut).expect("mkdir");
    std::fs::write(shut.join("inner.txt"), "resolution 76/19").expect("write");
    std::fs::set_permissions(&shut, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let Some(mut cmd) =
        resgraph_test_support::unprivileged(std::path::Path::new(env!("CARGO_BIN_EXE_resgraph")))
    else {
        eprintln!("note: root without setpriv: the directory without x is not tested");
        return;
    };
    // `nobody` must reach the scratch directory itself.
    let mut up = Some(&*dir);
    let mut opened = Vec::new();
    while let Some(d) = up {
        if let Ok(meta) = std::fs::metadata(d) {
            let mode = meta.permissions().mode();
            if mode & 0o001 == 0 {
                std::fs::set_permissions(d, std::fs::Permissions::from_mode(mode | 0o005))
                    .expect("chmod");
                opened.push((d.to_path_buf(), mode));
            }
        }
        up = d.parent();
    }
    let out = run_within(
        cmd.args(["extract", "-q", "--format", "jsonl"]).arg(&shut),
        Duration::from_secs(60),
    );
    for (d, mode) in opened {
        let _ = std::fs::set_permissions(d, std::fs::Permissions::from_mode(mode));
    }
    std::fs::set_permissions(&shut, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("inner.txt") && err.contains("Permission denied"),
        "{err}"
    );
}

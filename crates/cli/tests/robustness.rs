//! What the `resgraph` command does with bad input and bad output
//! locations: a clear message naming the file, the rest of the work
//! done, exit code 1 for a file that could not be read and 2 for an
//! output that cannot be written, and never a partial output file. Each
//! test backs a row of docs/robustness.md.
#![forbid(unsafe_code)]

use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use resgraph_test_support::{entries, run_within, stderr, temp_dir};

const BIN: &str = env!("CARGO_BIN_EXE_resgraph");

fn resgraph() -> Command {
    Command::new(BIN)
}

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden/seed/A_C.1_77_L.73.txt")
}

/// Builds the graph of the seed text into `dir/seed.graph`.
fn seed_graph(dir: &Path) -> PathBuf {
    let graph = dir.join("seed.graph");
    let out = run_within(
        resgraph()
            .args(["build", "-q", "-o"])
            .arg(&graph)
            .arg(seed()),
        Duration::from_secs(60),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    graph
}

fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// A command that runs `resgraph` as the unprivileged user `nobody`,
/// when the tests run as root (where permissions deny nothing), through
/// util-linux's `setpriv`; `None` when that is not possible.
fn unprivileged() -> Option<Command> {
    resgraph_test_support::unprivileged(Path::new(BIN))
}

fn make_fifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

// ------------------------------------------------------------------ input

#[test]
fn empty_binary_and_invalid_utf8_files_each_get_their_due() {
    let dir = temp_dir("inputs");
    std::fs::copy(seed(), dir.join("A_C.1_77_L.73.txt")).expect("copy");
    std::fs::write(dir.join("empty.txt"), b"").expect("write");
    std::fs::write(
        dir.join("image.txt"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    )
    .expect("write");
    std::fs::write(
        dir.join("latin1.txt"),
        b"The General Assembly,\n\nRecalling its resolution 76/19 \xe9t\xe9 \xff,\n",
    )
    .expect("write");
    let out = run_within(
        resgraph().args(["extract", "--format", "jsonl"]).arg(&dir),
        Duration::from_secs(60),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("image.txt: not a text file (binary content)"),
        "{err}"
    );
    assert!(err.contains("1 file(s) could not be read"), "{err}");
    let docs = jsonl(&out);
    assert_eq!(
        docs.len(),
        3,
        "the seed, the empty and the latin-1 file are read"
    );
    let by_name = |name: &str| {
        docs.iter()
            .find(|d| d["source"].as_str().is_some_and(|s| s.ends_with(name)))
            .unwrap_or_else(|| panic!("{name} in the output"))
    };
    assert_eq!(
        by_name("empty.txt")["citations"].as_array().map(Vec::len),
        Some(0)
    );
    let latin1 = by_name("latin1.txt");
    assert_eq!(latin1["citations"][0]["target"], "A/RES/76/19");
    // Not UTF-8 and no UTF-8 character in it: Windows-1252, with a note.
    assert_eq!(latin1["diagnostics"][0]["severity"], "note");
    assert!(latin1["diagnostics"][0]["message"]
        .as_str()
        .is_some_and(|m| m.starts_with("decoded as windows-1252")));
    assert_eq!(
        by_name("A_C.1_77_L.73.txt")["citations"]
            .as_array()
            .map(Vec::len),
        Some(35)
    );
    // A binary file named on the command line is named the same way.
    let out = run_within(
        resgraph().arg("extract").arg(dir.join("image.txt")),
        Duration::from_secs(30),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("image.txt: not a text file"));
}

#[test]
fn a_100_mb_single_line_is_read_whole() {
    let dir = temp_dir("long-line");
    let path = dir.join("long.txt");
    let filler = "lorem ipsum dolor ".repeat(100_000_000 / 18);
    let text = format!("Recalling its resolution 76/19 {filler}and resolution 77/37");
    assert!(text.len() > 100_000_000 && !text.contains('\n'));
    std::fs::write(&path, &text).expect("write");
    drop(filler);
    let start = Instant::now();
    let out = run_within(
        resgraph()
            .args(["extract", "--format", "jsonl", "-q"])
            .arg(&path),
        Duration::from_secs(300),
    );
    let elapsed = start.elapsed();
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = jsonl(&out);
    let citations = docs[0]["citations"].as_array().expect("citations");
    let found: Vec<&str> = citations
        .iter()
        .filter_map(|c| c["target"].as_str())
        .collect();
    assert_eq!(found, ["A/RES/76/19", "A/RES/77/37"]);
    let last_end = citations[1]["end"].as_u64().expect("end") as usize;
    assert_eq!(last_end, text.len());
    assert_eq!(&text[last_end - 5..last_end], "77/37");
    eprintln!("100 MB single line: {elapsed:?}");
}

#[test]
fn a_directory_symlink_loop_is_not_followed() {
    use std::os::unix::fs::symlink;
    let dir = temp_dir("loop");
    std::fs::copy(seed(), dir.join("A_C.1_77_L.73.txt")).expect("copy");
    std::fs::create_dir(dir.join("sub")).expect("mkdir");
    std::fs::write(dir.join("sub/b.txt"), "Recalling its resolution 76/19,\n").expect("write");
    symlink(&dir, dir.join("loop")).expect("link");
    symlink("..", dir.join("sub/up")).expect("link");
    symlink("sub", dir.join("sub-link.txt")).expect("link");
    symlink("self.txt", dir.join("self.txt")).expect("link");
    symlink("nowhere.txt", dir.join("dangling.txt")).expect("link");
    let out = run_within(
        resgraph().args(["extract", "--format", "jsonl"]).arg(&dir),
        Duration::from_secs(60),
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("self.txt: cannot read:") && err.contains("symbolic links"),
        "{err}"
    );
    assert!(
        err.contains("dangling.txt: cannot read: No such file or directory"),
        "{err}"
    );
    let docs = jsonl(&out);
    let sources: Vec<&str> = docs.iter().filter_map(|d| d["source"].as_str()).collect();
    assert_eq!(sources.len(), 2, "each real file once: {sources:?}");
    assert!(sources[0].ends_with("A_C.1_77_L.73.txt") && sources[1].ends_with("sub/b.txt"));
    // Naming the link itself walks the directory once.
    let out = run_within(
        resgraph()
            .args(["extract", "--format", "jsonl"])
            .arg(dir.join("loop")),
        Duration::from_secs(60),
    );
    assert_eq!(jsonl(&out).len(), 2);
}

#[test]
fn unreadable_files_and_directories_are_named_and_the_rest_is_read() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("denied");
    std::fs::copy(seed(), dir.join("A_C.1_77_L.73.txt")).expect("copy");
    // A FIFO in the tree: reading it would block for ever.
    let fifo = make_fifo(&dir.join("pipe.txt"));
    let out = run_within(
        resgraph().args(["extract", "--format", "jsonl"]).arg(&dir),
        Duration::from_secs(60),
    );
    if fifo {
        assert_eq!(out.status.code(), Some(1));
        assert!(
            stderr(&out)
                .contains("pipe.txt: not a regular file (a FIFO, socket or device): not read"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(jsonl(&out).len(), 1);

    // Permission denied on a file and on a directory.
    std::fs::write(dir.join("secret.txt"), "Recalling its resolution 76/19,\n").expect("write");
    std::fs::create_dir(dir.join("locked")).expect("mkdir");
    std::fs::write(dir.join("locked/inner.txt"), "resolution 76/19").expect("write");
    std::fs::set_permissions(
        dir.join("secret.txt"),
        std::fs::Permissions::from_mode(0o000),
    )
    .expect("chmod");
    std::fs::set_permissions(dir.join("locked"), std::fs::Permissions::from_mode(0o000))
        .expect("chmod");
    let Some(mut cmd) = unprivileged() else {
        eprintln!("note: running as root without setpriv: permission denial not tested");
        return;
    };
    let out = run_within(
        cmd.args(["extract", "--format", "jsonl"]).arg(&dir),
        Duration::from_secs(60),
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("secret.txt: cannot read: Permission denied"),
        "{err}"
    );
    assert!(
        err.contains("locked: cannot list directory: Permission denied"),
        "{err}"
    );
    let docs = jsonl(&out);
    assert_eq!(docs.len(), 1, "the readable file is still read");
    assert_eq!(docs[0]["citations"].as_array().map(Vec::len), Some(35));
    std::fs::set_permissions(dir.join("locked"), std::fs::Permissions::from_mode(0o755))
        .expect("chmod");
}

// ----------------------------------------------------------------- output

#[test]
fn output_to_a_full_device_fails_with_exit_code_2_and_leaves_it_a_device() {
    let full = Path::new("/dev/full");
    if !full.exists() {
        eprintln!("note: no /dev/full here");
        return;
    }
    let dir = temp_dir("full");
    let graph = seed_graph(&dir);
    let symbol = "A/C.1/77/L.73";
    let runs: Vec<Vec<String>> = vec![
        vec![
            "extract".into(),
            "-o".into(),
            "/dev/full".into(),
            seed().display().to_string(),
        ],
        vec![
            "build".into(),
            "-q".into(),
            "-o".into(),
            "/dev/full".into(),
            seed().display().to_string(),
        ],
        vec![
            "export".into(),
            "--graph".into(),
            graph.display().to_string(),
            "--format".into(),
            "graphml".into(),
            "-o".into(),
            "/dev/full".into(),
        ],
        vec![
            "render".into(),
            symbol.into(),
            "--graph".into(),
            graph.display().to_string(),
            "--engine".into(),
            "builtin".into(),
            "-o".into(),
            "/dev/full".into(),
        ],
    ];
    for args in runs {
        let out = run_within(resgraph().args(&args), Duration::from_secs(60));
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("cannot write /dev/full") && err.contains("No space left on device"),
            "{args:?}: {err}"
        );
        let meta = std::fs::metadata(full).expect("/dev/full");
        assert!(meta.file_type().is_char_device(), "/dev/full was replaced");
    }
    // /dev/null takes the output and stays a device.
    let out = run_within(
        resgraph().args(["extract", "-o", "/dev/null"]).arg(seed()),
        Duration::from_secs(60),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::metadata("/dev/null")
        .expect("null")
        .file_type()
        .is_char_device());
}

#[test]
fn output_to_a_read_only_location_fails_with_exit_code_2_and_leaves_nothing() {
    let dir = temp_dir("read-only");
    let graph = seed_graph(&dir);
    // /proc takes no new files, even from root; a directory that does not
    // exist takes nothing either.
    let missing = dir.join("no/such/dir/out.json");
    for target in [
        Path::new("/proc/resgraph-robustness.json"),
        missing.as_path(),
    ] {
        for args in [
            vec!["extract".to_string(), seed().display().to_string()],
            vec![
                "build".to_string(),
                "-q".into(),
                seed().display().to_string(),
            ],
            vec![
                "export".to_string(),
                "--graph".into(),
                graph.display().to_string(),
                "--format".into(),
                "json".into(),
            ],
            vec![
                "render".to_string(),
                "A/C.1/77/L.73".into(),
                "--graph".into(),
                graph.display().to_string(),
                "--engine".into(),
                "builtin".into(),
            ],
        ] {
            let out = run_within(
                resgraph().args(&args).arg("-o").arg(target),
                Duration::from_secs(60),
            );
            let err = stderr(&out);
            assert_eq!(
                out.status.code(),
                Some(2),
                "{args:?} -o {}: {err}",
                target.display()
            );
            assert!(err.contains(&target.display().to_string()), "{err}");
            assert!(!target.exists());
        }
    }
    assert_eq!(entries(&dir), ["seed.graph"]);

    // A file that cannot be read and an output that cannot be written:
    // exit code 2, and the file is still named.
    let out = run_within(
        resgraph()
            .args(["extract", "-o", "/proc/resgraph-robustness.json"])
            .arg(seed())
            .arg(dir.join("missing.txt")),
        Duration::from_secs(60),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("missing.txt: cannot read"), "{err}");
    assert!(
        err.contains("cannot write /proc/resgraph-robustness.json"),
        "{err}"
    );

    // A directory the user may not write to: the previous output stays.
    let locked = dir.join("locked");
    std::fs::create_dir(&locked).expect("mkdir");
    let previous = locked.join("out.json");
    std::fs::write(&previous, "previous").expect("write");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    match unprivileged() {
        Some(mut cmd) => {
            let out = run_within(
                cmd.args(["extract", "-o"]).arg(&previous).arg(seed()),
                Duration::from_secs(60),
            );
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{err}");
            assert!(
                err.contains("out.json") && err.contains("Permission denied"),
                "{err}"
            );
            assert_eq!(
                std::fs::read_to_string(&previous).expect("read"),
                "previous"
            );
            assert_eq!(entries(&locked), ["out.json"]);
        }
        None => eprintln!("note: running as root without setpriv: read-only directory not tested"),
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

#[test]
fn kill_9_during_a_long_extract_leaves_the_previous_output() {
    let dir = temp_dir("kill");
    let input = dir.join("input");
    std::fs::create_dir(&input).expect("mkdir");
    // About 600,000 citations: some 160 MB of JSON to write.
    let text = format!(
        "The General Assembly,\n\nRecalling its resolutions {}76/19.\n",
        "76/19, ".repeat(300_000)
    );
    for name in ["a.txt", "b.txt"] {
        std::fs::write(input.join(name), &text).expect("write");
    }
    let target = dir.join("out.json");
    std::fs::write(&target, "previous output").expect("write");

    let mut child = resgraph()
        .args(["extract", "-q", "-o"])
        .arg(&target)
        .arg(&input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    // The temporary file: `.out.json.PID.RANDOM.tmp` beside the output.
    let temp_prefix = format!(".out.json.{}.", child.id());
    let temp_written = || {
        std::fs::read_dir(&dir)
            .into_iter()
            .flatten()
            .flatten()
            .any(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.starts_with(&temp_prefix)
                    && name.ends_with(".tmp")
                    && e.metadata().is_ok_and(|m| m.len() > 0)
            })
    };
    // Wait until the output is being written, then kill -9.
    let start = Instant::now();
    let mut caught_writing = false;
    loop {
        if temp_written() {
            caught_writing = true;
            break;
        }
        if child.try_wait().expect("wait").is_some() || start.elapsed() > Duration::from_secs(120) {
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let _ = child.kill(); // SIGKILL
    let status = child.wait().expect("wait");
    assert!(
        caught_writing,
        "the run ended before it could be interrupted ({status})"
    );
    assert!(!status.success(), "killed");
    assert_eq!(
        std::fs::read_to_string(&target).expect("read"),
        "previous output",
        "the previous output is intact"
    );
    // Only a temporary file was being written (and stays, as after any
    // kill -9).
    let names = entries(&dir);
    assert!(
        names
            .iter()
            .all(|n| n == "input" || n == "out.json" || n.ends_with(".tmp")),
        "{names:?}"
    );

    // Run to the end: the file is replaced whole.
    let out = run_within(
        resgraph()
            .args(["extract", "-q", "-o"])
            .arg(&target)
            .arg(&input),
        Duration::from_secs(120),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&target).expect("read")).expect("whole JSON");
    assert_eq!(
        written[0]["citations"].as_array().map(Vec::len),
        Some(300_001)
    );
}

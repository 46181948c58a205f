//! # Helpers shared by resgraph's tests
//!
//! Used as a dev-dependency only (and by the fuzz targets), so that each
//! check a test makes is written once:
//!
//! * [`temp_dir`] and [`entries`]: a scratch directory removed when the
//!   test ends, and what is in a directory;
//! * [`span_problem`], [`citation_span_problem`] and [`assert_spans`]:
//!   the rule every span obeys (inside the text, not empty, on character
//!   boundaries);
//! * [`framed`] and [`varint`]: a graph file around any payload, with a correct header
//!   and checksum, so that tests and fuzzers reach the value checks of
//!   the loader;
//! * [`run_within`] and [`stderr`]: running a binary with a time limit;
//!   [`unprivileged`]: running it as a user that permissions bind.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

use std::ffi::OsStr;
use std::io::Read;
use std::ops::Deref;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use resgraph_extract::Document;

/// A scratch directory, removed with what it holds when dropped; reads
/// as the [`Path`] it is.
#[derive(Debug)]
pub struct TempDir(tempfile::TempDir);

impl Deref for TempDir {
    type Target = Path;

    fn deref(&self) -> &Path {
        self.0.path()
    }
}

impl AsRef<Path> for TempDir {
    fn as_ref(&self) -> &Path {
        self.0.path()
    }
}

impl AsRef<OsStr> for TempDir {
    fn as_ref(&self) -> &OsStr {
        self.0.path().as_os_str()
    }
}

/// A new empty scratch directory under the system's temporary directory,
/// its name starting with `resgraph-<name>-` (so that one left by a
/// killed test is recognisable).
///
/// # Panics
///
/// When the directory cannot be created: a test cannot go on without it.
///
/// ```
/// let dir = resgraph_test_support::temp_dir("doc");
/// std::fs::write(dir.join("a.txt"), "a").unwrap();
/// assert_eq!(resgraph_test_support::entries(&dir), ["a.txt"]);
/// ```
pub fn temp_dir(name: &str) -> TempDir {
    let dir = tempfile::Builder::new()
        .prefix(&format!("resgraph-{name}-"))
        .tempdir()
        .expect("a scratch directory");
    TempDir(dir)
}

/// The names of what `dir` holds, sorted.
///
/// # Panics
///
/// When `dir` cannot be listed.
pub fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("a directory to list")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// What is wrong with the span `start..end` of `text`, if anything: it
/// must be inside the text, not empty, and start and end on character
/// boundaries.
///
/// ```
/// use resgraph_test_support::span_problem;
/// assert_eq!(span_problem(0, 2, "ab"), None);
/// assert!(span_problem(1, 1, "ab").is_some());
/// assert!(span_problem(0, 1, "é").is_some());
/// ```
pub fn span_problem(start: usize, end: usize, text: &str) -> Option<String> {
    if !(start < end && end <= text.len()) {
        return Some(format!("span {start}..{end} of {} bytes", text.len()));
    }
    if !(text.is_char_boundary(start) && text.is_char_boundary(end)) {
        return Some(format!("span {start}..{end} not on char boundaries"));
    }
    None
}

/// The first problem with a citation span of `doc` over `text`
/// ([`span_problem`]), or a citation without text.
pub fn citation_span_problem(doc: &Document, text: &str) -> Option<String> {
    doc.citations.iter().find_map(|c| {
        span_problem(c.start, c.end, text).or_else(|| {
            c.text
                .is_empty()
                .then(|| format!("citation at {}..{} has no text", c.start, c.end))
        })
    })
}

/// Fails the test when a citation span of `doc` over `text` is wrong
/// (see [`citation_span_problem`]).
///
/// # Panics
///
/// On the first wrong span, naming it.
pub fn assert_spans(doc: &Document, text: &str) {
    if let Some(problem) = citation_span_problem(doc, text) {
        panic!("{problem}");
    }
}

/// `payload` framed as a graph file of the current format version
/// ([`resgraph_graph::FORMAT_VERSION`]): the `RESGRAPH` magic, the
/// version, no flags, the payload's length, the payload and a correct
/// FNV-1a checksum.
///
/// ```
/// let file = resgraph_test_support::framed(b"");
/// assert_eq!(&file[..8], b"RESGRAPH");
/// assert_eq!(file.len(), 32);
/// ```
pub fn framed(payload: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(payload.len() + 32);
    bytes.extend_from_slice(&resgraph_graph::MAGIC);
    bytes.extend_from_slice(&resgraph_graph::FORMAT_VERSION.to_le_bytes());
    bytes.extend_from_slice(&0u32.to_le_bytes());
    bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    bytes.extend_from_slice(payload);
    let sum = resgraph_graph::fnv1a64(&bytes);
    bytes.extend_from_slice(&sum.to_le_bytes());
    bytes
}

/// Appends `n` as the graph file format writes counts and ids: unsigned
/// LEB128, seven bits a byte, low bits first.
///
/// ```
/// let mut out = Vec::new();
/// resgraph_test_support::varint(300, &mut out);
/// assert_eq!(out, [0xac, 0x02]);
/// ```
pub fn varint(mut n: u64, out: &mut Vec<u8>) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Runs a command with no input, collecting its output, and fails the
/// test if it runs longer than `limit` (a hang on a FIFO or a link
/// loop).
///
/// # Panics
///
/// When the command cannot be started or runs too long.
pub fn run_within(cmd: &mut Command, limit: Duration) -> Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the command");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    // Both pipes are drained at once, so that a full one never blocks
    // the child.
    let out = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    let err = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stderr.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the command ran longer than {limit:?}: hung");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Output {
        status,
        stdout: out.join().expect("stdout thread"),
        stderr: err.join().expect("stderr thread"),
    }
}

/// A command's standard error as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The JSON a command wrote to standard output, after checking that it
/// exited with 0 (its standard error is the failure's message).
pub fn success_json<T: serde::de::DeserializeOwned>(out: &Output) -> T {
    assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
    serde_json::from_slice(&out.stdout).expect("JSON on standard output")
}

/// A command that runs `program` as a user whom file permissions bind:
/// as itself when the test does not run as root, else as `nobody`
/// (65534) through util-linux's `setpriv`; `None` when neither is
/// possible (root without `setpriv`), for the test to say so and skip
/// what needs it.
pub fn unprivileged(program: &Path) -> Option<Command> {
    let uid = Command::new("id").arg("-u").output().ok()?;
    if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
        return Some(Command::new(program));
    }
    let as_nobody = || {
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(program);
        cmd
    };
    if !as_nobody().arg("--version").output().ok()?.status.success() {
        return None;
    }
    Some(as_nobody())
}

//! Finding and reading the files a command is pointed at.

use std::path::{Path, PathBuf};

use anyhow::Result;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use resgraph_extract::{extract_bytes, is_binary, Document, Explained, Hint};

/// Extensions read as text when a directory is walked.
const TEXT_EXTENSIONS: [&str; 6] = ["txt", "md", "html", "htm", "text", "pdf"];

/// A file that could not be read, with the reason.
pub struct FileError {
    pub path: PathBuf,
    pub message: String,
}

/// Expands directories into the text files under them (sorted, symlinked
/// directories not followed, so a link loop cannot trap the walk).
pub fn expand(paths: &[PathBuf], errors: &mut Vec<FileError>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut files, errors),
            Ok(_) => files.push(path.clone()),
            Err(err) => errors.push(FileError {
                path: path.clone(),
                message: format!("cannot read: {err}"),
            }),
        }
    }
    files
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<FileError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            errors.push(FileError {
                path: dir.to_path_buf(),
                message: format!("cannot list directory: {err}"),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            walk(&path, files, errors);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| TEXT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            // Only regular files (or links to them) are read: reading a
            // FIFO or a device found in a tree would block or never end.
            // A link to a directory is not followed; a dangling link is
            // kept, for its read to report it.
            match std::fs::metadata(&path) {
                Ok(target) if target.is_dir() => {}
                Ok(target) if !target.is_file() => errors.push(FileError {
                    path,
                    message: "not a regular file (a FIFO, socket or device): not read".into(),
                }),
                _ => files.push(path),
            }
        }
    }
}

/// Reads and extracts every file in parallel, with a progress bar on a
/// terminal. Files that cannot be read or are not text are reported in
/// `errors`; the rest are returned in input order.
pub fn extract_all(files: &[PathBuf], errors: &mut Vec<FileError>, quiet: bool) -> Vec<Document> {
    let mut docs = Vec::with_capacity(files.len());
    let _ = stream(
        files,
        quiet,
        false,
        |result| -> Result<(), std::convert::Infallible> {
            match result {
                Ok(explained) => docs.push(explained.document),
                Err(err) => errors.push(err),
            }
            Ok(())
        },
    );
    docs
}

/// How many finished documents may wait for an earlier one, per reading
/// thread: enough to keep every thread busy when file sizes vary.
const REORDER_PER_THREAD: usize = 16;

/// Reads and extracts `files` on all reading threads and hands each
/// result to `sink` in input order, as soon as it and every result before
/// it are ready: a consumer writes the first document while later ones
/// are still being read.
///
/// Memory stays bounded by the largest file times the threads, not by
/// the corpus: a thread does not start a file more than
/// `REORDER_PER_THREAD` files per thread ahead of the next one to hand
/// over. The first error `sink` returns stops the reading and is
/// returned.
pub fn stream<E>(
    files: &[PathBuf],
    quiet: bool,
    explain: bool,
    sink: impl FnMut(Result<Explained, FileError>) -> Result<(), E>,
) -> Result<(), E> {
    stream_map(files, quiet, explain, |result| result, sink)
}

/// [`stream`] with `map` applied to each result on the reading thread
/// that read it: work such as serialising a document is spread over the
/// threads, and `sink` only receives what `map` made of it.
pub fn stream_map<T: Send, E>(
    files: &[PathBuf],
    quiet: bool,
    explain: bool,
    map: impl Fn(Result<Explained, FileError>) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    use std::collections::BTreeMap;
    use std::sync::{mpsc, Condvar, Mutex};

    let threads = rayon::current_num_threads().clamp(1, files.len().max(1));
    let bar = progress_bar(quiet);
    // The sizes are looked up only for a bar that is shown.
    if !bar.is_hidden() {
        let total: u64 = files
            .iter()
            .filter_map(|f| std::fs::metadata(f).ok())
            .map(|m| m.len())
            .sum();
        bar.set_length(total);
    }
    let shared = Shared {
        files,
        window: REORDER_PER_THREAD * threads,
        claims: Mutex::new(Claims::default()),
        moved: Condvar::new(),
        progress: Progress::new(bar, files.len()),
    };
    let read = |index: usize| map(read_one(&files[index], explain));
    let (tx, rx) = mpsc::channel::<(usize, T)>();
    let mut failure = None;
    std::thread::scope(|scope| {
        // The calling thread is one of the readers: with one thread
        // nothing is handed between threads at all.
        for _ in 1..threads {
            let tx = tx.clone();
            let (shared, read) = (&shared, &read);
            scope.spawn(move || {
                while let Some(index) = shared.claim(true) {
                    shared.progress.done(&shared.files[index]);
                    if tx.send((index, read(index))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        // The reorder buffer: results that came before their turn.
        let mut waiting: BTreeMap<usize, T> = BTreeMap::new();
        let mut turn = 0;
        while turn < files.len() {
            while let Ok((index, result)) = rx.try_recv() {
                waiting.insert(index, result);
            }
            let before = turn;
            while let Some(result) = waiting.remove(&turn) {
                turn += 1;
                if failure.is_none() {
                    if let Err(err) = sink(result) {
                        failure = Some(err);
                    }
                }
            }
            if turn != before || failure.is_some() {
                shared.hand_over(turn, failure.is_some());
            }
            if failure.is_some() || turn == files.len() {
                break;
            }
            // Read a file here when one is free within the window, or
            // wait for another thread's.
            match shared.claim(false) {
                Some(index) => {
                    shared.progress.done(&files[index]);
                    waiting.insert(index, read(index));
                }
                None => match rx.recv() {
                    Ok((index, result)) => {
                        waiting.insert(index, result);
                    }
                    Err(_) => break,
                },
            }
        }
        shared.hand_over(turn, true);
    });
    shared.progress.finish();
    failure.map_or(Ok(()), Err)
}

/// What the reading threads share.
struct Shared<'a> {
    files: &'a [PathBuf],
    /// How far past the next result to hand over a file may be started.
    window: usize,
    claims: std::sync::Mutex<Claims>,
    /// Signalled when results are handed over or reading stops.
    moved: std::sync::Condvar,
    progress: Progress,
}

#[derive(Default)]
struct Claims {
    /// The next file to read.
    next: usize,
    /// The results handed over so far.
    handed: usize,
    stop: bool,
}

impl Shared<'_> {
    /// The next file to read, if it is within the window (waiting for it
    /// when `wait`), or `None` when all are taken or reading stopped.
    fn claim(&self, wait: bool) -> Option<usize> {
        let mut claims = self.claims.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if claims.stop || claims.next >= self.files.len() {
                return None;
            }
            if claims.next < claims.handed + self.window {
                claims.next += 1;
                return Some(claims.next - 1);
            }
            if !wait {
                return None;
            }
            claims = self.moved.wait(claims).unwrap_or_else(|e| e.into_inner());
        }
    }

    fn hand_over(&self, handed: usize, stop: bool) {
        let mut claims = self.claims.lock().unwrap_or_else(|e| e.into_inner());
        claims.handed = handed;
        claims.stop |= stop;
        self.moved.notify_all();
    }
}

/// The progress bar and its counts.
struct Progress {
    bar: ProgressBar,
    files: usize,
    done: std::sync::atomic::AtomicUsize,
    started: std::time::Instant,
}

impl Progress {
    fn new(bar: ProgressBar, files: usize) -> Progress {
        Progress {
            bar,
            files,
            done: std::sync::atomic::AtomicUsize::new(0),
            started: std::time::Instant::now(),
        }
    }

    /// Counts a file as read (before its extraction: the bar moves with
    /// the bytes taken on).
    fn done(&self, path: &Path) {
        if self.bar.is_hidden() {
            return;
        }
        if let Ok(meta) = std::fs::metadata(path) {
            self.bar.inc(meta.len());
        }
        let n = self.done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        self.bar.set_message(format!(
            "{n}/{} files ({:.0} files/s)",
            self.files,
            n as f64 / secs
        ));
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

fn read_one(path: &Path, explain: bool) -> Result<Explained, FileError> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    let source = path.display().to_string();
    let hint = Hint::from_path(&source);
    let fail = |message: String| FileError {
        path: path.to_path_buf(),
        message,
    };
    let cannot_read = |err: std::io::Error| fail(format!("cannot read: {err}"));
    let not_text = || fail("not a text file (binary content)".into());
    let without_verdicts = |document| Explained {
        document,
        candidates: Vec::new(),
    };
    let html = extension == "html" || extension == "htm";
    if extension == "pdf" || html {
        let bytes = if html {
            std::fs::read(path).map_err(cannot_read)?
        } else {
            pdf_text(path)?
        };
        if is_binary(&bytes) {
            return Err(not_text());
        }
        return Ok(match (html, explain) {
            (true, true) => resgraph_extract::explain_html_bytes(&bytes, &hint),
            (false, true) => resgraph_extract::explain_bytes(&bytes, &hint),
            (true, false) => without_verdicts(resgraph_extract::extract_html_bytes(&bytes, &hint)),
            (false, false) => without_verdicts(extract_bytes(&bytes, &hint)),
        });
    }
    // A text file is decoded as it is read: its bytes and a decoded copy
    // are never both held whole.
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    let size = file
        .metadata()
        .map_or(0, |m| usize::try_from(m.len()).unwrap_or(0));
    let text = resgraph_extract::Text::read(file, size).map_err(cannot_read)?;
    if text.binary {
        return Err(not_text());
    }
    Ok(if explain {
        resgraph_extract::explain_text(&text, &hint)
    } else {
        without_verdicts(resgraph_extract::extract_text(&text, &hint))
    })
}

/// The text of a PDF through poppler's `pdftotext`, when it is installed.
fn pdf_text(path: &Path) -> Result<Vec<u8>, FileError> {
    let output = std::process::Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .map_err(|err| FileError {
            path: path.to_path_buf(),
            message: if err.kind() == std::io::ErrorKind::NotFound {
                "is a PDF, and reading PDFs needs pdftotext (Debian package poppler-utils), which is not installed".into()
            } else {
                format!("cannot run pdftotext: {err}")
            },
        })?;
    if !output.status.success() {
        return Err(FileError {
            path: path.to_path_buf(),
            message: format!(
                "pdftotext failed: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            ),
        });
    }
    Ok(output.stdout)
}

fn progress_bar(quiet: bool) -> ProgressBar {
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {bytes}/{total_bytes} ({bytes_per_sec}, {eta} left) {msg} {wide_bar}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

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
const REORDER_PER_THREAD: usize = 4;

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
    mut sink: impl FnMut(Result<Explained, FileError>) -> Result<(), E>,
) -> Result<(), E> {
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
    use std::sync::{mpsc, Condvar, Mutex};

    let threads = rayon::current_num_threads().clamp(1, files.len().max(1));
    let window = REORDER_PER_THREAD * threads;
    let total_bytes: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let bar = progress_bar(total_bytes, quiet);
    let started = std::time::Instant::now();
    let (done_files, citations) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let next = AtomicUsize::new(0);
    // (results handed over, stop): a thread waits while its file is a
    // window ahead of the hand-over.
    let handed = Mutex::new((0usize, false));
    let moved = Condvar::new();
    let (tx, rx) = mpsc::channel::<(usize, Result<Explained, FileError>)>();
    let mut failure = None;
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, handed, moved, bar) = (&next, &handed, &moved, &bar);
            let (done_files, citations) = (&done_files, &citations);
            scope.spawn(move || loop {
                let index = next.fetch_add(1, Relaxed);
                let Some(path) = files.get(index) else { break };
                {
                    let mut state = handed.lock().unwrap_or_else(|e| e.into_inner());
                    while index >= state.0 + window && !state.1 {
                        state = moved.wait(state).unwrap_or_else(|e| e.into_inner());
                    }
                    if state.1 {
                        break;
                    }
                }
                let result = read_one(path, explain);
                if let Ok(meta) = std::fs::metadata(path) {
                    bar.inc(meta.len());
                }
                if !bar.is_hidden() {
                    let n = done_files.fetch_add(1, Relaxed) + 1;
                    let c = citations.fetch_add(
                        result.as_ref().map_or(0, |d| d.document.citations.len()),
                        Relaxed,
                    );
                    let secs = started.elapsed().as_secs_f64().max(1e-3);
                    bar.set_message(format!(
                        "{n}/{} files, {c} citations ({:.0} files/s, {:.0} citations/s)",
                        files.len(),
                        n as f64 / secs,
                        c as f64 / secs
                    ));
                }
                if tx.send((index, result)).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        // The reorder buffer: results that came before their turn.
        let mut waiting: BTreeMap<usize, Result<Explained, FileError>> = BTreeMap::new();
        let mut turn = 0;
        for (index, result) in rx {
            waiting.insert(index, result);
            while let Some(result) = waiting.remove(&turn) {
                turn += 1;
                if failure.is_none() {
                    if let Err(err) = sink(result) {
                        failure = Some(err);
                    }
                }
                let mut state = handed.lock().unwrap_or_else(|e| e.into_inner());
                *state = (turn, failure.is_some());
                moved.notify_all();
            }
        }
    });
    bar.finish_and_clear();
    failure.map_or(Ok(()), Err)
}

fn read_one(path: &Path, explain: bool) -> Result<Explained, FileError> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    let bytes = if extension == "pdf" {
        pdf_text(path)?
    } else {
        std::fs::read(path).map_err(|err| FileError {
            path: path.to_path_buf(),
            message: format!("cannot read: {err}"),
        })?
    };
    if is_binary(&bytes) {
        return Err(FileError {
            path: path.to_path_buf(),
            message: "not a text file (binary content)".into(),
        });
    }
    let source = path.display().to_string();
    let hint = Hint::from_path(&source);
    let html = extension == "html" || extension == "htm";
    Ok(match (html, explain) {
        (true, true) => resgraph_extract::explain_html_bytes(&bytes, &hint),
        (false, true) => resgraph_extract::explain_bytes(&bytes, &hint),
        (true, false) => Explained {
            document: resgraph_extract::extract_html_bytes(&bytes, &hint),
            candidates: Vec::new(),
        },
        (false, false) => Explained {
            document: extract_bytes(&bytes, &hint),
            candidates: Vec::new(),
        },
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

fn progress_bar(total: u64, quiet: bool) -> ProgressBar {
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::new(total);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {bytes}/{total_bytes} ({bytes_per_sec}, {eta} left) {msg} {wide_bar}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar
}

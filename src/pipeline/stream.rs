//! Reading many files on all threads, handing the results over in input
//! order through a bounded reorder window.

use std::path::{Path, PathBuf};

use resgraph_extract::{Document, Explained};

use super::read::{read_file, ReadError, Verdicts};

/// What a reader reports as it goes, for a progress bar: the library
/// never draws one itself. All methods do nothing by default.
///
/// ```
/// use std::sync::atomic::{AtomicU64, Ordering};
///
/// /// Counts the bytes taken on.
/// #[derive(Default)]
/// struct Bytes(AtomicU64);
///
/// impl resgraph::pipeline::Progress for Bytes {
///     fn file_started(&self, _path: &std::path::Path, bytes: u64) {
///         self.0.fetch_add(bytes, Ordering::Relaxed);
///     }
/// }
/// ```
pub trait Progress: Sync {
    /// Whether anyone looks at the progress: when not, the reader does
    /// not look up file sizes for it.
    fn is_shown(&self) -> bool {
        true
    }
    /// Reading starts: how many files, and their bytes in all.
    fn started(&self, _files: usize, _bytes: u64) {}
    /// A file of `bytes` bytes is taken on (before its extraction), on
    /// whichever reading thread reads it.
    fn file_started(&self, _path: &Path, _bytes: u64) {}
    /// Reading is over.
    fn finished(&self) {}
}

/// No progress reported.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn is_shown(&self) -> bool {
        false
    }
}

/// Reads and extracts every file in parallel. Files that cannot be read or
/// are not text are returned as errors; the documents of the rest come in
/// input order.
///
/// All documents are held at once: for a large corpus, [`stream`] hands
/// each over as soon as it is read.
pub fn extract_all(files: &[PathBuf], progress: &dyn Progress) -> (Vec<Document>, Vec<ReadError>) {
    let mut docs = Vec::with_capacity(files.len());
    let mut errors = Vec::new();
    let _ = stream(
        files,
        Verdicts::Skip,
        progress,
        |result| -> Result<(), std::convert::Infallible> {
            match result {
                Ok(explained) => docs.push(explained.document),
                Err(err) => errors.push(err),
            }
            Ok(())
        },
    );
    (docs, errors)
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
/// the corpus: a thread does not start a file more than 16 files per
/// thread ahead of the next one to hand over. The calling thread reads
/// too; other threads as rayon's thread count
/// (`RAYON_NUM_THREADS`) says. The order, and so the output, is the same
/// whatever the number of threads. The first error `sink` returns stops
/// the reading and is returned.
///
/// # Errors
///
/// The first error `sink` returns; reading stops there.
///
/// ```
/// use resgraph::pipeline::{stream, NoProgress, Verdicts};
///
/// let dir = std::env::temp_dir().join(format!("resgraph-stream-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let mut files = Vec::new();
/// for n in 1..=3 {
///     let path = dir.join(format!("A_RES_76_{n}.txt"));
///     std::fs::write(&path, format!("Recalling its resolution 53/{n} of 4 December 1998,\n")).unwrap();
///     files.push(path);
/// }
/// let mut symbols = Vec::new();
/// stream(&files, Verdicts::Skip, &NoProgress, |read| {
///     symbols.push(read?.document.symbol.unwrap().to_string());
///     Ok::<(), resgraph::pipeline::ReadError>(())
/// })
/// .unwrap();
/// assert_eq!(symbols, ["A/RES/76/1", "A/RES/76/2", "A/RES/76/3"]);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn stream<E>(
    files: &[PathBuf],
    verdicts: Verdicts,
    progress: &dyn Progress,
    sink: impl FnMut(Result<Explained, ReadError>) -> Result<(), E>,
) -> Result<(), E> {
    stream_map(files, verdicts, progress, |result| result, sink)
}

/// [`stream`] with `map` applied to each result on the reading thread
/// that read it: work such as serialising a document is spread over the
/// threads, and `sink` only receives what `map` made of it.
///
/// # Errors
///
/// The first error `sink` returns; reading stops there.
pub fn stream_map<T: Send, E>(
    files: &[PathBuf],
    verdicts: Verdicts,
    progress: &dyn Progress,
    map: impl Fn(Result<Explained, ReadError>) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    use std::collections::BTreeMap;
    use std::sync::{mpsc, Condvar, Mutex};

    let threads = reading_threads(files.len());
    let shown = progress.is_shown();
    // The sizes are looked up only for a progress that is shown.
    if shown {
        let total: u64 = files
            .iter()
            .filter_map(|f| std::fs::metadata(f).ok())
            .map(|m| m.len())
            .sum();
        progress.started(files.len(), total);
    }
    let taken = |path: &Path| {
        if shown {
            let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
            progress.file_started(path, bytes);
        }
    };
    let shared = Shared {
        files,
        window: REORDER_PER_THREAD * threads,
        claims: Mutex::new(Claims::default()),
        moved: Condvar::new(),
    };
    let read = |index: usize| map(read_file(&files[index], verdicts));
    let (tx, rx) = mpsc::channel::<(usize, T)>();
    let mut failure = None;
    std::thread::scope(|scope| {
        // The calling thread is one of the readers: with one thread
        // nothing is handed between threads at all.
        for _ in 1..threads {
            let tx = tx.clone();
            let (shared, read, taken) = (&shared, &read, &taken);
            scope.spawn(move || {
                while let Some(index) = shared.claim(true) {
                    taken(&shared.files[index]);
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
                    taken(&files[index]);
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
    progress.finished();
    failure.map_or(Ok(()), Err)
}

/// How many threads [`stream_map`] reads `files` files on: rayon's
/// thread count (`RAYON_NUM_THREADS`), at most one per file. With one,
/// the calling thread reads every file and hands each result to the sink
/// itself.
///
/// ```
/// assert_eq!(resgraph::pipeline::reading_threads(1), 1);
/// ```
pub fn reading_threads(files: usize) -> usize {
    rayon::current_num_threads().clamp(1, files.max(1))
}

/// What the reading threads share.
struct Shared<'a> {
    files: &'a [PathBuf],
    /// How far past the next result to hand over a file may be started.
    window: usize,
    claims: std::sync::Mutex<Claims>,
    /// Signalled when results are handed over or reading stops.
    moved: std::sync::Condvar,
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

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    /// Counts the files taken on.
    #[derive(Default)]
    struct Counted(AtomicUsize);

    impl Progress for Counted {
        fn file_started(&self, _path: &Path, _bytes: u64) {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// `count` small texts of varied sizes, each naming its number.
    fn texts(name: &str, count: usize) -> (PathBuf, Vec<PathBuf>) {
        let dir =
            std::env::temp_dir().join(format!("resgraph-stream-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temporary directory");
        let files = (1..=count)
            .map(|n| {
                let path = dir.join(format!("A_RES_70_{n}.txt"));
                // Sizes vary, so threads finish out of order.
                let filler = "The General Assembly,\n\n".repeat((n * 7919) % 300);
                std::fs::write(&path, format!("{filler}Recalling its resolution 60/{n},\n"))
                    .expect("write");
                path
            })
            .collect();
        (dir, files)
    }

    fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool")
    }

    #[test]
    fn results_come_in_input_order_whatever_the_threads() {
        let (dir, files) = texts("order", 200);
        for threads in [1, 2, 4] {
            let mut seen = Vec::new();
            let progress = Counted::default();
            pool(threads)
                .install(|| {
                    stream(&files, Verdicts::Skip, &progress, |read| {
                        let doc = read?.document;
                        seen.push((doc.source, doc.citations[0].target.to_string()));
                        Ok::<(), ReadError>(())
                    })
                })
                .expect("all read");
            let expected: Vec<(String, String)> = files
                .iter()
                .enumerate()
                .map(|(i, f)| (f.display().to_string(), format!("A/RES/60/{}", i + 1)))
                .collect();
            assert_eq!(seen, expected, "with {threads} thread(s)");
            assert_eq!(progress.0.load(Ordering::Relaxed), files.len());
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn an_error_of_the_sink_stops_reading_within_the_window() {
        let (dir, files) = texts("stop", 400);
        let threads = 2;
        let progress = Counted::default();
        let result =
            pool(threads).install(|| stream(&files, Verdicts::Skip, &progress, |_| Err("stop")));
        assert_eq!(result, Err("stop"));
        let started = progress.0.load(Ordering::Relaxed);
        assert!(
            started <= REORDER_PER_THREAD * threads + threads,
            "{started} files started"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

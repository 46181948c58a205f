//! The progress bar of the reading commands: on a terminal only, quiet
//! when standard error is piped or `--quiet` asks.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Bytes read of the total, speed, time left, and files per second.
pub struct Bar {
    bar: ProgressBar,
    files: AtomicUsize,
    done: AtomicUsize,
    started: Instant,
}

impl Bar {
    /// A bar drawn on standard error when it is a terminal and not
    /// `quiet`, hidden otherwise.
    pub fn new(quiet: bool) -> Bar {
        use std::io::IsTerminal;
        let bar = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden())
        } else {
            let bar = ProgressBar::new(0);
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {bytes}/{total_bytes} ({bytes_per_sec}, {eta} left) {msg} {wide_bar}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        };
        Bar {
            bar,
            files: AtomicUsize::new(0),
            done: AtomicUsize::new(0),
            started: Instant::now(),
        }
    }
}

impl resgraph::pipeline::Progress for Bar {
    fn is_shown(&self) -> bool {
        !self.bar.is_hidden()
    }

    fn started(&self, files: usize, bytes: u64) {
        self.files.store(files, Ordering::Relaxed);
        self.bar.set_length(bytes);
    }

    /// Counts a file as read (before its extraction: the bar moves with
    /// the bytes taken on).
    fn file_started(&self, _path: &Path, bytes: u64) {
        self.bar.inc(bytes);
        let n = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        self.bar.set_message(format!(
            "{n}/{} files ({:.0} files/s)",
            self.files.load(Ordering::Relaxed),
            n as f64 / secs
        ));
    }

    fn finished(&self) {
        self.bar.finish_and_clear();
    }
}

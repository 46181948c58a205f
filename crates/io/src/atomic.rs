//! Replacing a file in one step.

use std::ffi::{OsStr, OsString};
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use tempfile::TempPath;

/// A file could not be written (see [`write_atomically`]).
#[derive(Debug, thiserror::Error)]
#[error("cannot write {}: {source}", .path.display())]
pub struct WriteError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong.
    #[source]
    pub source: io::Error,
}

/// Writes a file atomically: `write` fills a new temporary file in the
/// same directory (so that the rename below never crosses file systems),
/// which is flushed, synced to disk and then renamed over `path`, so that
/// readers see the old file or the new one, never a part. On failure (or
/// a panic in `write`) the temporary file is removed and `path` is left
/// as it was; after [`abandon_temporaries`] (what the command does on
/// SIGINT or SIGTERM) it is removed too and nothing is renamed.
///
/// A file that already exists keeps its permissions (a `0600` file stays
/// `0600`); a new one gets the permissions `File::create` would give it
/// (`0o666` less the umask on Unix), not the private ones of a temporary
/// file. A symbolic link is followed: its target is replaced and the
/// link stays a link. A device or pipe (`/dev/null`, `/dev/stdout`, a
/// FIFO) is written in place, since renaming a file over it would
/// replace it. The temporary file is named `.NAME.PID.RANDOM.tmp`, with
/// `NAME` shortened when needed so that the name stays within the 255
/// bytes a file name may have.
///
/// # Errors
///
/// A [`WriteError`] naming `path` when `path` names no file or names a
/// directory, when the temporary file cannot be created, written, synced
/// or renamed, when `write` fails, or when the temporaries were
/// abandoned.
///
/// ```
/// use std::io::Write;
/// let path = std::env::temp_dir().join(format!("resgraph-io-doc-{}.txt", std::process::id()));
/// resgraph_io::write_atomically(&path, |w| w.write_all(b"hello"))?;
/// assert_eq!(std::fs::read(&path)?, b"hello");
/// # std::fs::remove_file(&path)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_atomically<P, F>(path: P, write: F) -> Result<(), WriteError>
where
    P: AsRef<Path>,
    F: FnOnce(&mut BufWriter<File>) -> io::Result<()>,
{
    let staged = Staged::write(path.as_ref(), write)?;
    let mut live = live_registry();
    staged.commit(&mut live)
}

/// Writes two files as a pair (CSV's nodes and edges): afterwards both
/// are new or, on failure, both are as they were. Both temporary files
/// are written and synced in full before either is renamed; then the
/// first is renamed, then the second, and should the second rename fail
/// the first file is put back (from a hard link to its old version,
/// taken just before) or removed if it did not exist. Each file follows
/// the rules of [`write_atomically`].
///
/// What remains: between the two renames (microseconds) a reader can
/// see the new first file beside the old second one, and a `kill -9` at
/// that moment leaves them so (and the old version's link,
/// `.NAME.PID.RANDOM.old`, behind). SIGINT and SIGTERM wait for the pair
/// to be renamed. A device or pipe among them is written in place, as it
/// is written.
///
/// # Errors
///
/// A [`WriteError`] naming the file that could not be written or renamed.
///
/// ```
/// use std::io::Write;
/// let dir = std::env::temp_dir();
/// let (a, b) = (dir.join(format!("resgraph-io-pair-{}.a", std::process::id())),
///               dir.join(format!("resgraph-io-pair-{}.b", std::process::id())));
/// resgraph_io::write_pair_atomically(&a, |w| w.write_all(b"a"), &b, |w| w.write_all(b"b"))?;
/// assert_eq!(std::fs::read(&b)?, b"b");
/// # std::fs::remove_file(&a)?; std::fs::remove_file(&b)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_pair_atomically<P, F, Q, G>(
    first: P,
    write_first: F,
    second: Q,
    write_second: G,
) -> Result<(), WriteError>
where
    P: AsRef<Path>,
    F: FnOnce(&mut BufWriter<File>) -> io::Result<()>,
    Q: AsRef<Path>,
    G: FnOnce(&mut BufWriter<File>) -> io::Result<()>,
{
    let first = Staged::write(first.as_ref(), write_first)?;
    let second = Staged::write(second.as_ref(), write_second)?;
    // Under the registry's lock, so that an interruption waits for both.
    let mut live = live_registry();
    let Some(temp) = first.temporary() else {
        first.commit(&mut live)?;
        return second.commit(&mut live);
    };
    if second.temporary().is_none() {
        second.commit(&mut live)?;
        return first.commit(&mut live);
    }
    let backup = match fs::symlink_metadata(&first.target) {
        Ok(_) => {
            let backup = temp.with_extension("old");
            fs::hard_link(&first.target, &backup)
                .or_else(|_| fs::copy(&first.target, &backup).map(drop))
                .map_err(|source| first.error(source))?;
            Some(backup)
        }
        Err(_) => None,
    };
    let first_target = first.target.clone();
    let outcome = first
        .commit(&mut live)
        .and_then(|()| second.commit(&mut live));
    if outcome.is_err() {
        // Put the first file back as it was (best effort: the error
        // reported is the one that stopped the pair).
        match &backup {
            Some(backup) => {
                let _ = fs::rename(backup, &first_target);
            }
            None if first_target.exists() => {
                let _ = fs::remove_file(&first_target);
            }
            None => {}
        }
    }
    if let Some(backup) = &backup {
        let _ = fs::remove_file(backup);
    }
    outcome
}

/// Removes every temporary file that [`write_atomically`] is filling at
/// this moment and stops any from being renamed or created from now on;
/// returns how many were removed. For a signal handler about to exit
/// (the command's, on SIGINT and SIGTERM), so that an interrupted write
/// leaves neither a part of a file nor a temporary file. It waits for a
/// rename (or the two of a pair) under way to finish.
///
/// ```
/// assert_eq!(resgraph_io::abandon_temporaries(), 0);
/// ```
pub fn abandon_temporaries() -> usize {
    let mut live = live_registry();
    live.abandoned = true;
    let paths = std::mem::take(&mut live.paths);
    paths.iter().filter(|p| fs::remove_file(p).is_ok()).count()
}

/// The temporary files being filled, so that an interruption can remove
/// them.
#[derive(Default)]
struct Registry {
    paths: Vec<PathBuf>,
    /// Set by [`abandon_temporaries`]: nothing more is created or renamed.
    abandoned: bool,
}

static LIVE: Mutex<Registry> = Mutex::new(Registry {
    paths: Vec::new(),
    abandoned: false,
});

/// The registry, also after a panic elsewhere held it (its list stays
/// meaningful: each change is one push or one removal).
fn live_registry() -> MutexGuard<'static, Registry> {
    LIVE.lock().unwrap_or_else(PoisonError::into_inner)
}

fn names_no_file() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, "the path names no file")
}

fn interrupted() -> io::Error {
    io::Error::new(io::ErrorKind::Interrupted, "interrupted: nothing written")
}

/// A temporary file's place in the registry, given up when dropped (by
/// then the file is being removed by its `TempPath`) or when released
/// after the rename.
struct Live(PathBuf);

impl Live {
    /// Creates a temporary file in `dir` and lists it, both under the
    /// registry's lock: an interruption between the two would leave a
    /// file that nobody knows of.
    fn create(builder: &tempfile::Builder, dir: &Path) -> io::Result<(File, Live, TempPath)> {
        let mut live = live_registry();
        if live.abandoned {
            return Err(interrupted());
        }
        let (file, temp_path) = builder.tempfile_in(dir)?.into_parts();
        live.paths.push(temp_path.to_path_buf());
        let listed = Live(temp_path.to_path_buf());
        Ok((file, listed, temp_path))
    }

    /// Takes the file off the list through the lock already held (taking
    /// it again in `drop` would deadlock).
    fn release(mut self, live: &mut Registry) {
        live.forget(&self.0);
        // An empty path tells `drop` there is nothing left to do.
        self.0 = PathBuf::new();
    }
}

impl Registry {
    fn forget(&mut self, path: &Path) {
        if let Some(i) = self.paths.iter().position(|p| p == path) {
            self.paths.swap_remove(i);
        }
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        if !self.0.as_os_str().is_empty() {
            live_registry().forget(&self.0);
        }
    }
}

/// A file written but not yet in place.
struct Staged {
    /// The path as given, for messages.
    path: PathBuf,
    /// Where the bytes go: `path` with symbolic links followed.
    target: PathBuf,
    /// The temporary file to rename over `target`; `None` for a device
    /// or pipe, already written in place.
    temp: Option<(TempPath, Live)>,
}

impl Staged {
    fn error(&self, source: io::Error) -> WriteError {
        WriteError {
            path: self.path.clone(),
            source,
        }
    }

    fn temporary(&self) -> Option<&Path> {
        self.temp.as_ref().map(|(temp, _)| &**temp)
    }

    /// Writes `path`'s new content to a temporary file beside its target
    /// (or a device in place).
    fn write<F>(path: &Path, write: F) -> Result<Staged, WriteError>
    where
        F: FnOnce(&mut BufWriter<File>) -> io::Result<()>,
    {
        let err = |source| WriteError {
            path: path.to_path_buf(),
            source,
        };
        if path.file_name().is_none() {
            return Err(err(names_no_file()));
        }
        // Through links, as the kernel sees it: `/dev/stdout` is a pipe
        // or a terminal (its link, `/proc/self/fd/1`, names no file).
        let existing = fs::metadata(path).ok();
        if existing.as_ref().is_some_and(fs::Metadata::is_dir) {
            return Err(err(io::Error::other(
                "it is a directory: name a file to write",
            )));
        }
        if existing.as_ref().is_some_and(|m| !m.is_file()) {
            write_in_place(path, write).map_err(err)?;
            return Ok(Staged {
                path: path.to_path_buf(),
                target: path.to_path_buf(),
                temp: None,
            });
        }
        // A regular file, or none yet: the temporary file goes beside the
        // file a link names, and replaces that file, not the link.
        let target = follow_links(path).map_err(err)?;
        let name = target.file_name().ok_or_else(|| err(names_no_file()))?;
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        // `.NAME.PID.RANDOM.tmp`: hidden, and telling which file and which
        // process it was for should a kill -9 leave it behind.
        let pid = format!(".{}.", std::process::id());
        let fixed = 1 + pid.len() + RANDOM_LEN + SUFFIX.len();
        let mut prefix = std::ffi::OsString::from(".");
        prefix.push(shortened(name, NAME_MAX.saturating_sub(fixed)));
        prefix.push(pid);
        builder
            .prefix(&prefix)
            .suffix(SUFFIX)
            .rand_bytes(RANDOM_LEN);
        #[cfg(unix)]
        if existing.is_none() {
            use std::os::unix::fs::PermissionsExt as _;
            // What `File::create` asks for; the umask applies to both.
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let temp = (|| {
            // The path half removes the file when dropped, also when
            // `write` panics, unless it was persisted.
            // (Bound in this order so that, dropped in reverse, the file
            // is removed before it leaves the list.)
            let (file, live, temp_path) = Live::create(&builder, dir)?;
            if let Some(meta) = &existing {
                file.set_permissions(meta.permissions())?;
            }
            let mut w = BufWriter::new(file);
            write(&mut w)?;
            let file = w.into_inner().map_err(io::IntoInnerError::into_error)?;
            file.sync_all()?;
            Ok((temp_path, live))
        })()
        .map_err(err)?;
        Ok(Staged {
            path: path.to_path_buf(),
            target,
            temp: Some(temp),
        })
    }

    /// Renames the temporary file over the target, unless the
    /// temporaries were abandoned.
    fn commit(self, live: &mut MutexGuard<'static, Registry>) -> Result<(), WriteError> {
        let Some((temp, registered)) = self.temp else {
            return Ok(());
        };
        let err = |source| WriteError {
            path: self.path.clone(),
            source,
        };
        if live.abandoned {
            return Err(err(interrupted()));
        }
        temp.persist(&self.target).map_err(|e| err(e.error))?;
        registered.release(live);
        // Make the rename itself durable (best effort: not every system
        // lets a directory be synced).
        let dir = match self.target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// The longest file name most file systems take (`NAME_MAX`).
const NAME_MAX: usize = 255;
/// Random characters in a temporary file's name.
const RANDOM_LEN: usize = 6;
const SUFFIX: &str = ".tmp";

/// `name` cut to at most `max` bytes (on a character boundary where the
/// name is text), so that a temporary file's name fits; uniqueness comes
/// from the process id and the random part that follow.
fn shortened(name: &OsStr, max: usize) -> OsString {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        let bytes = name.as_bytes();
        let mut end = bytes.len().min(max);
        // Not in the middle of a UTF-8 character, to keep the name
        // readable: continuation bytes are 0b10xx_xxxx.
        while end > 0 && end < bytes.len() && bytes[end] & 0xC0 == 0x80 {
            end -= 1;
        }
        OsStr::from_bytes(&bytes[..end]).to_os_string()
    }
    #[cfg(not(unix))]
    {
        let lossy = name.to_string_lossy();
        let mut end = lossy.len().min(max);
        while !lossy.is_char_boundary(end) {
            end -= 1;
        }
        OsString::from(&lossy[..end])
    }
}

/// `path` with symbolic links followed to the file they name (which may
/// not exist yet), so that writing through a link replaces its target
/// and leaves the link.
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // As many links as Linux follows before ELOOP.
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Writes a device or pipe where it is.
fn write_in_place<F>(path: &Path, write: F) -> io::Result<()>
where
    F: FnOnce(&mut BufWriter<File>) -> io::Result<()>,
{
    let file = OpenOptions::new().write(true).open(path)?;
    let mut w = BufWriter::new(file);
    write(&mut w)?;
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use resgraph_test_support::{entries, temp_dir};

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let dir = temp_dir("fail");
        let path = dir.join("out.txt");
        write_atomically(&path, |w| w.write_all(b"old")).expect("first write");
        let failed = write_atomically(&path, |w| {
            w.write_all(b"partial")?;
            Err(io::Error::other("interrupted"))
        });
        let e = failed.expect_err("the write fails");
        assert!(e.to_string().contains("out.txt"), "{e}");
        assert_eq!(fs::read(&path).expect("read"), b"old");
        assert_eq!(entries(&dir), ["out.txt"]);
    }

    #[test]
    fn a_panicking_writer_leaves_no_temporary() {
        let dir = temp_dir("panic");
        let path = dir.join("out.txt");
        let outcome = std::panic::catch_unwind(|| {
            let _ = write_atomically(&path, |_| panic!("writer panics"));
        });
        assert!(outcome.is_err());
        assert!(entries(&dir).is_empty());
    }

    #[test]
    fn a_path_without_a_file_name_is_refused() {
        let e = write_atomically("/", |_| Ok(())).expect_err("no file name");
        assert_eq!(e.source.kind(), io::ErrorKind::InvalidInput);
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept_or_those_of_a_new_file() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = temp_dir("perm");
        let path = dir.join("out.txt");
        write_atomically(&path, |w| w.write_all(b"a")).expect("new file");
        let reference = dir.join("reference.txt");
        File::create(&reference).expect("reference file");
        let mode = |p: &Path| fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
        assert_eq!(mode(&path), mode(&reference), "as File::create makes it");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
        write_atomically(&path, |w| w.write_all(b"b")).expect("replace");
        assert_eq!(mode(&path), 0o640);
        assert_eq!(fs::read(&path).expect("read"), b"b");
    }

    #[cfg(unix)]
    #[test]
    fn a_device_is_written_in_place() {
        write_atomically("/dev/null", |w| w.write_all(b"discarded")).expect("/dev/null");
        assert!(!fs::metadata("/dev/null").expect("metadata").is_file());
    }

    /// Issue 13, defect 7: a name of 240 bytes and more failed, the
    /// temporary name adding about 20 bytes beyond the 255 allowed.
    #[test]
    fn a_name_of_255_bytes_can_be_written() {
        let dir = temp_dir("long");
        for len in [240, 250, 255] {
            let name = format!(
                "{}.csv",
                "é".repeat((len - 4) / 2) + &"n".repeat((len - 4) % 2)
            );
            assert_eq!(name.len(), len);
            let path = dir.join(&name);
            write_atomically(&path, |w| w.write_all(b"a")).expect("a long name");
            write_atomically(&path, |w| w.write_all(b"b")).expect("replaced");
            assert_eq!(fs::read(&path).expect("read"), b"b");
        }
        assert_eq!(entries(&dir).len(), 3, "no temporary left");
    }

    /// Issue 13, defect 7: writing through a symbolic link replaced the
    /// link with a file; the target is written and the link stays.
    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_followed_not_replaced() {
        let dir = temp_dir("link");
        fs::create_dir(dir.join("real")).expect("dir");
        let target = dir.join("real/graph.bin");
        fs::write(&target, b"old").expect("target");
        let link = dir.join("graph.bin");
        std::os::unix::fs::symlink("real/graph.bin", &link).expect("link");
        let chain = dir.join("chain.bin");
        std::os::unix::fs::symlink("graph.bin", &chain).expect("link to a link");
        write_atomically(&chain, |w| w.write_all(b"new")).expect("through links");
        assert!(fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink());
        assert!(fs::symlink_metadata(&chain)
            .expect("link")
            .file_type()
            .is_symlink());
        assert_eq!(fs::read(&target).expect("target"), b"new");
        // A dangling link: its target is created.
        let dangling = dir.join("dangling.bin");
        std::os::unix::fs::symlink("real/new.bin", &dangling).expect("link");
        write_atomically(&dangling, |w| w.write_all(b"made")).expect("dangling");
        assert_eq!(fs::read(dir.join("real/new.bin")).expect("made"), b"made");
        assert_eq!(entries(&dir.join("real")), ["graph.bin", "new.bin"]);
    }

    /// Issue 13, defect 7: a 0600 file became 0644.
    #[cfg(unix)]
    #[test]
    fn a_private_file_stays_private() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = temp_dir("private");
        let path = dir.join("secret.graph");
        fs::write(&path, b"old").expect("file");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).expect("chmod");
        write_atomically(&path, |w| w.write_all(b"new")).expect("replace");
        let mode = fs::metadata(&path).expect("metadata").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    /// Issue 13, defect 11: `-o existingdir/` said "Not a directory".
    #[test]
    fn a_directory_is_said_to_be_one() {
        let dir = temp_dir("isdir");
        fs::create_dir(dir.join("out")).expect("dir");
        for path in [dir.join("out"), dir.join("out/")] {
            let e = write_atomically(&path, |w| w.write_all(b"x")).expect_err("a directory");
            assert!(e.to_string().contains("it is a directory"), "{e}");
        }
        assert_eq!(entries(&dir), ["out"]);
    }

    /// Issue 13, defect 4: both files of a pair are new, or both old.
    #[test]
    fn a_pair_is_written_whole_or_not_at_all() {
        let dir = temp_dir("pair");
        let (a, b) = (dir.join("c.nodes.csv"), dir.join("c.edges.csv"));
        write_pair_atomically(&a, |w| w.write_all(b"a1"), &b, |w| w.write_all(b"b1"))
            .expect("new pair");
        let failed = write_pair_atomically(
            &a,
            |w| w.write_all(b"a2"),
            &b,
            |w| {
                w.write_all(b"b2")?;
                Err(io::Error::from(io::ErrorKind::StorageFull))
            },
        );
        assert!(failed
            .expect_err("second fails")
            .to_string()
            .contains("c.edges.csv"));
        assert_eq!(fs::read(&a).expect("a"), b"a1");
        assert_eq!(fs::read(&b).expect("b"), b"b1");
        write_pair_atomically(&a, |w| w.write_all(b"a3"), &b, |w| w.write_all(b"b3"))
            .expect("replaced pair");
        assert_eq!(fs::read(&a).expect("a"), b"a3");
        assert_eq!(fs::read(&b).expect("b"), b"b3");
        assert_eq!(entries(&dir), ["c.edges.csv", "c.nodes.csv"]);
    }
}

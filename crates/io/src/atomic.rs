//! Replacing a file in one step.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

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
/// as it was.
///
/// A file that already exists keeps its permissions; a new one gets the
/// permissions `File::create` would give it (`0o666` less the umask on
/// Unix), not the private ones of a temporary file. A device or pipe
/// (`/dev/null`, `/dev/stdout`, a FIFO) is written in place, since
/// renaming a file over it would replace it.
///
/// # Errors
///
/// A [`WriteError`] naming `path` when `path` names no file, when the
/// temporary file cannot be created, written, synced or renamed, or when
/// `write` fails.
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
    let path = path.as_ref();
    let err = |source| WriteError {
        path: path.to_path_buf(),
        source,
    };
    let name = path.file_name().ok_or_else(|| {
        err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the path names no file",
        ))
    })?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let existing = fs::metadata(path).ok();
    if existing
        .as_ref()
        .is_some_and(|m| !m.is_file() && !m.is_dir())
    {
        return write_in_place(path, write).map_err(err);
    }
    let mut builder = tempfile::Builder::new();
    // `.NAME.PID.RANDOM.tmp`: hidden, and telling which file and which
    // process it was for should a kill -9 leave it behind.
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(name);
    prefix.push(format!(".{}.", std::process::id()));
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    if existing.is_none() {
        use std::os::unix::fs::PermissionsExt as _;
        // What `File::create` asks for; the umask applies to both.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let result = (|| {
        let temp = builder.tempfile_in(dir)?;
        if let Some(meta) = &existing {
            temp.as_file().set_permissions(meta.permissions())?;
        }
        // The path half removes the file when dropped, also when `write`
        // panics, unless it was persisted.
        let (file, temp_path) = temp.into_parts();
        let mut w = BufWriter::new(file);
        write(&mut w)?;
        let file = w.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.sync_all()?;
        drop(file);
        temp_path.persist(path).map_err(|e| e.error)
    })();
    result.map_err(err)?;
    // Make the rename itself durable (best effort: not every system lets
    // a directory be synced).
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
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
}

//! Which files a list of paths means: directories walked (on `walkdir`)
//! for the texts under them.

use std::path::{Path, PathBuf};

use super::read::{Format, ReadError, ReadErrorKind};

/// The files a list of paths names, and the paths that could not be
/// looked at, each in the order met.
#[derive(Debug, Default)]
pub struct Expanded {
    /// The files to read, in order.
    pub files: Vec<PathBuf>,
    /// What could not be listed or is not a file that can be read.
    pub errors: Vec<ReadError>,
}

/// The file standard input is read through when `-` is given as a path:
/// a pipe, a terminal or a redirected file alike.
pub const STANDARD_INPUT: &str = "/dev/stdin";

/// `path`, or [`STANDARD_INPUT`] for `-` (the usual name of standard
/// input on a command line; a file named `-` is `./-`).
///
/// ```
/// use std::path::Path;
/// use resgraph::pipeline::input_path;
/// assert_eq!(input_path(Path::new("-")), Path::new("/dev/stdin"));
/// assert_eq!(input_path(Path::new("./-")), Path::new("./-"));
/// ```
pub fn input_path(path: &Path) -> &Path {
    if path == Path::new("-") {
        Path::new(STANDARD_INPUT)
    } else {
        path
    }
}

/// Expands directories into the text files under them; a path that is a
/// file is kept whatever its extension; `-` is standard input
/// ([`input_path`]).
///
/// Under a directory, a file is taken when its extension says it is text,
/// markdown, HTML, PDF or Akoma Ntoso XML ([`Format::of_walked`]). Each directory's entries
/// are taken in the order of their names (a subdirectory's files where the
/// subdirectory's name stands), so the order does not depend on the file
/// system. Symlinked directories are not followed, so a link loop cannot
/// trap the walk; a link to a file is read, and a dangling link is kept
/// for its read to report it. A FIFO, socket or device found in a tree is
/// an error, not a file: reading it would block or never end.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("resgraph-walk-doc-{}", std::process::id()));
/// std::fs::create_dir_all(dir.join("sub")).unwrap();
/// for name in ["b.txt", "a.md", "notes.csv", "sub/c.html"] {
///     std::fs::write(dir.join(name), "text").unwrap();
/// }
/// let expanded = resgraph::pipeline::expand(&[dir.clone()]);
/// let names: Vec<_> = expanded.files.iter().map(|f| f.strip_prefix(&dir).unwrap().to_path_buf()).collect();
/// assert_eq!(names, ["a.md", "b.txt", "sub/c.html"].map(std::path::PathBuf::from));
/// assert!(expanded.errors.is_empty());
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn expand(paths: &[PathBuf]) -> Expanded {
    let mut expanded = Expanded::default();
    for path in paths {
        let path = input_path(path);
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut expanded),
            Ok(_) => expanded.files.push(path.to_path_buf()),
            Err(err) => expanded
                .errors
                .push(ReadError::new(path, ReadErrorKind::CannotRead(err))),
        }
    }
    expanded
}

fn walk(dir: &Path, expanded: &mut Expanded) {
    let entries = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .follow_links(false)
        .sort_by_file_name();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                expanded.errors.push(walk_error(dir, err));
                continue;
            }
        };
        // A directory (not a link to one) is descended into by the walk.
        if entry.file_type().is_dir() || Format::of_walked(entry.path()).is_none() {
            continue;
        }
        // A regular file, as the directory listing says (not a link):
        // taken without looking it up again, which would cost a call to
        // the system per file before the first is read.
        if entry.file_type().is_file() {
            expanded.files.push(entry.into_path());
            continue;
        }
        let path = entry.into_path();
        // Only regular files (or links to them) are read. A link to a
        // directory is not followed; a dangling link is kept, for its read
        // to report it.
        match std::fs::metadata(&path) {
            Ok(target) if target.is_dir() => {}
            Ok(target) if !target.is_file() => expanded
                .errors
                .push(ReadError::new(&path, ReadErrorKind::NotRegularFile)),
            _ => expanded.files.push(path),
        }
    }
}

/// What `walkdir` could not do, as a read error of the path it concerns:
/// a directory that cannot be listed, or an entry whose type cannot be
/// looked up.
fn walk_error(root: &Path, err: walkdir::Error) -> ReadError {
    let path = err.path().unwrap_or(root).to_path_buf();
    // Without following links there is no loop to report; an error
    // without an I/O cause is still named, never dropped.
    let cause = match err.into_io_error() {
        Some(io) => io,
        None => std::io::Error::other("cannot walk"),
    };
    let is_dir = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
    if is_dir {
        ReadError::new(&path, ReadErrorKind::CannotList(cause))
    } else {
        ReadError::new(&path, ReadErrorKind::CannotRead(cause))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("resgraph-walk-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temporary directory");
        dir
    }

    #[test]
    fn files_come_in_name_order_with_subdirectories_in_place() {
        let dir = temp_dir("order");
        for sub in ["b", "b/a", "c"] {
            std::fs::create_dir_all(dir.join(sub)).expect("mkdir");
        }
        for name in [
            "a.TXT",
            "b/a/x.pdf",
            "b/z.htm",
            "c.text",
            "c/readme",
            "d.md",
            "e.rs",
        ] {
            std::fs::write(dir.join(name), "").expect("write");
        }
        let expanded = expand(&[dir.clone(), dir.join("e.rs")]);
        let names: Vec<PathBuf> = expanded
            .files
            .iter()
            .map(|f| f.strip_prefix(&dir).expect("under dir").to_path_buf())
            .collect();
        let expected = ["a.TXT", "b/a/x.pdf", "b/z.htm", "c.text", "d.md", "e.rs"];
        assert_eq!(names, expected.map(PathBuf::from));
        assert!(expanded.errors.is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_missing_path_is_an_error_naming_it() {
        let dir = temp_dir("missing");
        let expanded = expand(&[dir.join("nothing here")]);
        assert!(expanded.files.is_empty());
        let message = expanded.errors[0].to_string();
        assert!(message.contains("nothing here: cannot read:"), "{message}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[cfg(unix)]
    #[test]
    fn links_to_directories_are_not_followed_and_dangling_links_are_kept() {
        use std::os::unix::fs::symlink;
        let dir = temp_dir("links");
        std::fs::create_dir(dir.join("sub")).expect("mkdir");
        std::fs::write(dir.join("sub/b.txt"), "").expect("write");
        symlink(&dir, dir.join("loop")).expect("link");
        symlink("sub", dir.join("sub-link.txt")).expect("link");
        symlink("nowhere.txt", dir.join("dangling.txt")).expect("link");
        let expanded = expand(std::slice::from_ref(&dir));
        assert_eq!(
            expanded.files,
            [dir.join("dangling.txt"), dir.join("sub/b.txt")]
        );
        assert!(expanded.errors.is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }
}

//! Reading one file: the choice of text, HTML or PDF by its extension,
//! decoding, and extraction.

use std::path::{Path, PathBuf};

pub use resgraph_extract::Verdicts;
use resgraph_extract::{akn, is_binary, Explained, Hint};

/// How a file is read, chosen by its extension.
///
/// ```
/// use resgraph::pipeline::Format;
/// use std::path::Path;
///
/// assert_eq!(Format::of(Path::new("a/A_RES_76_19.HTM")), Format::Html);
/// assert_eq!(Format::of(Path::new("notes.rst")), Format::Text);
/// assert_eq!(Format::of_walked(Path::new("notes.rst")), None);
/// assert_eq!(Format::of_walked(Path::new("A_RES_76_19.pdf")), Some(Format::Pdf));
/// assert_eq!(Format::of_walked(Path::new("S_RES_2334_2016.xml")), Some(Format::Akn));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text or markdown, decoded as it is read (invalid UTF-8 as
    /// U+FFFD).
    Text,
    /// An HTML page, its markup blanked in place.
    Html,
    /// A PDF, whose text layer poppler's `pdftotext` gives.
    Pdf,
    /// The UN's Akoma Ntoso XML (AKN4UN), read by its elements
    /// ([`resgraph_extract::akn`]). A file of another extension is read
    /// so too when its first bytes are Akoma Ntoso ([`akn::sniff`]).
    Akn,
}

/// The extensions a directory walk takes, and how each is read. The one
/// list: the walk's selection and the reader's choice both come from it.
const EXTENSIONS: [(&str, Format); 7] = [
    ("txt", Format::Text),
    ("md", Format::Text),
    ("text", Format::Text),
    ("html", Format::Html),
    ("htm", Format::Html),
    ("pdf", Format::Pdf),
    ("xml", Format::Akn),
];

impl Format {
    /// How the file at `path` is read: by its extension (in any case), and
    /// as text when the extension is none of those a walk takes (a file
    /// named on the command line is read whatever its name).
    pub fn of(path: &Path) -> Format {
        Format::of_walked(path).unwrap_or(Format::Text)
    }

    /// How a file found in a directory walk is read, or `None` when its
    /// extension is not one of texts (`txt`, `md`, `text`), HTML (`html`,
    /// `htm`), PDF (`pdf`) or Akoma Ntoso XML (`xml`), and the walk
    /// leaves it.
    pub fn of_walked(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        EXTENSIONS
            .iter()
            .find(|(known, _)| *known == extension)
            .map(|(_, format)| *format)
    }
}

/// A file or directory that could not be read, with the reason.
///
/// Its message is the path and the reason, as the command line prints it:
/// `texts/a.txt: not a text file (binary content)`.
#[derive(Debug, thiserror::Error)]
#[error("{}: {kind}", path.display())]
pub struct ReadError {
    /// The file or directory.
    pub path: PathBuf,
    /// What went wrong.
    pub kind: ReadErrorKind,
}

impl ReadError {
    /// The error `kind` at `path`.
    pub fn new(path: &Path, kind: ReadErrorKind) -> ReadError {
        ReadError {
            path: path.to_path_buf(),
            kind,
        }
    }
}

/// Why a path could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadErrorKind {
    /// The file (or a path named) cannot be opened or read.
    #[error("cannot read: {0}")]
    CannotRead(#[source] std::io::Error),
    /// A directory's entries cannot be listed.
    #[error("cannot list directory: {0}")]
    CannotList(#[source] std::io::Error),
    /// A FIFO, socket or device met in a directory: reading it could block
    /// for ever.
    #[error("not a regular file (a FIFO, socket or device): not read")]
    NotRegularFile,
    /// The bytes are not text (NUL bytes near the start).
    #[error("not a text file (binary content)")]
    Binary,
    /// A PDF, and `pdftotext` is not installed.
    #[error("is a PDF, and reading PDFs needs pdftotext (Debian package poppler-utils), which is not installed")]
    PdfToolMissing,
    /// `pdftotext` could not be started.
    #[error("cannot run pdftotext: {0}")]
    PdfToolFailedToRun(#[source] std::io::Error),
    /// `pdftotext` ran and failed; what it said on standard error.
    #[error("pdftotext failed: {0}")]
    PdfToolFailed(String),
    /// An XML file that is not well-formed or not Akoma Ntoso; the
    /// message says where (line and column).
    #[error("{0}")]
    Akn(#[source] akn::AknError),
}

/// Reads the file at `path` as its [`Format`] says and extracts its
/// citations, with a verdict for every reference-shaped token when
/// `verdicts` asks for them. The document's source is the path, and its
/// symbol may come from the file name when the text states none.
///
/// # Errors
///
/// A [`ReadError`] when the file cannot be read, is no regular
/// file, is binary, or is a PDF `pdftotext` cannot convert.
///
/// ```
/// use resgraph::pipeline::{read_file, Verdicts};
///
/// let path = std::env::temp_dir().join(format!("A_RES_76_19-{}.txt", std::process::id()));
/// std::fs::write(&path, "The General Assembly,\n\nRecalling its resolution 53/70 of 4 December 1998,\n").unwrap();
/// let read = read_file(&path, Verdicts::Skip).unwrap();
/// assert_eq!(read.document.citations[0].target.to_string(), "A/RES/53/70");
/// # std::fs::remove_file(&path).unwrap();
/// ```
pub fn read_file(path: &Path, verdicts: Verdicts) -> Result<Explained, ReadError> {
    let source = path.display().to_string();
    let hint = Hint::from_path(&source);
    let fail = |kind| ReadError::new(path, kind);
    let without_verdicts = |document| Explained {
        document,
        candidates: Vec::new(),
    };
    let explain = verdicts == Verdicts::Judge;
    let format = Format::of(path);
    if format == Format::Akn {
        let bytes = read_whole(path).map_err(|err| fail(ReadErrorKind::CannotRead(err)))?;
        return akn_read(&bytes, &hint, verdicts).map_err(fail);
    }
    if format != Format::Text {
        let bytes = match format {
            Format::Html => read_whole(path).map_err(|err| fail(ReadErrorKind::CannotRead(err)))?,
            _ => pdf_text(path)?,
        };
        if is_binary(&bytes) {
            return Err(fail(ReadErrorKind::Binary));
        }
        let html = format == Format::Html;
        return Ok(match (html, explain) {
            (true, true) => resgraph_extract::explain_html_bytes(&bytes, &hint),
            (false, true) => resgraph_extract::explain_bytes(&bytes, &hint),
            (true, false) => without_verdicts(resgraph_extract::extract_html_bytes(&bytes, &hint)),
            (false, false) => without_verdicts(resgraph_extract::extract_bytes(&bytes, &hint)),
        });
    }
    // A text file is read into one buffer that becomes its text (see
    // `Text::read`: no copy for UTF-8, a binary file known from its first
    // 8 KiB, at most `MAX_TEXT_BYTES`).
    let file = std::fs::File::open(path).map_err(|err| fail(ReadErrorKind::CannotRead(err)))?;
    let size = file
        .metadata()
        .map_or(0, |m| usize::try_from(m.len()).unwrap_or(0));
    let text = resgraph_extract::Text::read(file, size)
        .map_err(|err| fail(ReadErrorKind::CannotRead(err)))?;
    if text.binary {
        return Err(fail(ReadErrorKind::Binary));
    }
    // Akoma Ntoso under another name (or none) is read by its elements.
    if akn::sniff(text.text.as_bytes()) {
        return akn_read(text.text.as_bytes(), &hint, verdicts).map_err(fail);
    }
    Ok(if explain {
        resgraph_extract::explain_text(&text, &hint)
    } else {
        without_verdicts(resgraph_extract::extract_text(&text, &hint))
    })
}

/// The bytes of a file, at most `resgraph_extract::MAX_TEXT_BYTES`.
fn read_whole(path: &Path) -> std::io::Result<Vec<u8>> {
    let file = std::fs::File::open(path)?;
    let size = file
        .metadata()
        .map_or(0, |m| usize::try_from(m.len()).unwrap_or(0));
    resgraph_extract::read_limited(Vec::new(), file, size)
}

/// An Akoma Ntoso file read by its elements; what makes it unreadable,
/// as the kind of a [`ReadError`].
fn akn_read(bytes: &[u8], hint: &Hint, verdicts: Verdicts) -> Result<Explained, ReadErrorKind> {
    match akn::read_bytes(bytes, hint, verdicts) {
        Ok(read) => Ok(read.explained),
        Err(akn::AknError::Binary) => Err(ReadErrorKind::Binary),
        Err(err) => Err(ReadErrorKind::Akn(err)),
    }
}

/// The decoded text of the file at `path`, as [`read_file`] reads it
/// before extracting: the text whose byte offsets citations give (an
/// HTML page or an Akoma Ntoso file with its markup blanked in place
/// (their offsets are the file's), a PDF's text layer from
/// `pdftotext`, bytes decoded as [`resgraph_extract::Text`] decodes
/// them). Quotes of the evidence are read back
/// from it.
///
/// # Errors
///
/// A [`ReadError`] as [`read_file`] gives.
///
/// ```
/// use resgraph::pipeline::read_text;
/// let path = std::env::temp_dir().join(format!("resgraph-read-text-{}.html", std::process::id()));
/// let page = "<p>Recalling its resolution 76/19,</p>";
/// std::fs::write(&path, page).unwrap();
/// let text = read_text(&path).unwrap();
/// // The markup is blanked in place: offsets are the page's.
/// assert_eq!(text.find("76/19"), page.find("76/19"));
/// assert!(!text.contains("<p>"));
/// # std::fs::remove_file(&path).unwrap();
/// ```
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    let fail = |kind| ReadError::new(path, kind);
    let format = Format::of(path);
    let bytes = match format {
        Format::Pdf => pdf_text(path)?,
        Format::Text | Format::Html | Format::Akn => {
            read_whole(path).map_err(|err| fail(ReadErrorKind::CannotRead(err)))?
        }
    };
    let markup = matches!(format, Format::Html | Format::Akn) || akn::sniff(&bytes);
    // A page or an XML file with NUL bytes is refused, as `read_file`
    // refuses it; any other text is decoded as extraction decodes it
    // (`Text::decode`: a UTF-16 byte order mark before the NUL bytes
    // that UTF-16 is full of).
    if markup && is_binary(&bytes) {
        return Err(fail(ReadErrorKind::Binary));
    }
    let decoded = resgraph_extract::Text::decode(bytes);
    if decoded.binary {
        return Err(fail(ReadErrorKind::Binary));
    }
    let mut text = decoded.text;
    if markup {
        text = resgraph_extract::html::blank_markup(&text);
    }
    // Lone carriage returns are left as they are: replaced one byte for
    // one by extraction, they move no offset, and a quote folds them as
    // the whitespace they are.
    Ok(text)
}

/// The text of a PDF through poppler's `pdftotext`, when it is installed.
fn pdf_text(path: &Path) -> Result<Vec<u8>, ReadError> {
    let output = std::process::Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .map_err(|err| {
            ReadError::new(
                path,
                if err.kind() == std::io::ErrorKind::NotFound {
                    ReadErrorKind::PdfToolMissing
                } else {
                    ReadErrorKind::PdfToolFailedToRun(err)
                },
            )
        })?;
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr).trim().to_string();
        return Err(ReadError::new(path, ReadErrorKind::PdfToolFailed(said)));
    }
    Ok(output.stdout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_files_are_refused_with_their_path() {
        let path = std::env::temp_dir().join(format!("resgraph-binary-{}.txt", std::process::id()));
        std::fs::write(&path, b"\0\0\0ELF").expect("write");
        let err = read_file(&path, Verdicts::Skip).expect_err("binary");
        assert!(matches!(err.kind, ReadErrorKind::Binary));
        assert_eq!(
            err.to_string(),
            format!("{}: not a text file (binary content)", path.display())
        );
        let _ = std::fs::remove_file(&path);
    }
}

//! Writing results: formats for people and scripts, to a file or standard output.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use resgraph_extract::Document;

/// The file an `-o` names, or `None` for standard output: `-` is standard
/// output, as is usual on a command line (a file named `-` is `./-`).
pub fn destination(output: &Path) -> Option<&Path> {
    (output != Path::new("-")).then_some(output)
}

/// "wrote PATH", or for `-o -` "wrote to standard output" (never "wrote
/// -"), for the message that follows a write.
pub fn wrote(output: &Path) -> String {
    match destination(output) {
        Some(path) => format!("wrote {}", path.display()),
        None => "wrote to standard output".to_string(),
    }
}

/// Writes to a file atomically ([`resgraph_graph::write_atomically`]:
/// devices and pipes are written in place), or to standard output (where
/// a reader that stops reading is no error), also for `-o -`
/// ([`destination`]).
pub fn emit(
    output: Option<&Path>,
    reader: Reader,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let write = |w: &mut dyn Write| match reader {
        Reader::Programs => write(w),
        Reader::People => {
            let mut safe = crate::terminal::Terminal::new(w);
            write(&mut safe)
        }
    };
    match output.and_then(destination) {
        Some(path) => Ok(resgraph_graph::write_atomically(path, |w| write(w))?),
        None => {
            let stdout = std::io::stdout();
            let mut lock = std::io::BufWriter::new(stdout.lock());
            match write(&mut lock).and_then(|_| lock.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(e).context("cannot write to standard output")
                }
                _ => Ok(()),
            }
        }
    }
}

/// How `extract` writes what it reads.
/// Who reads an output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// Tables and text: control characters and bidi overrides from
    /// documents are shown escaped ([`crate::terminal`]).
    People,
    /// JSON, GraphML, CSV, DOT, SVG: escaped by their own rules.
    Programs,
}

impl Reader {
    /// Programs for JSON, people otherwise.
    pub fn of(json: bool) -> Reader {
        if json {
            Reader::Programs
        } else {
            Reader::People
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocFormat {
    /// One JSON array of documents, written at the end.
    Json,
    /// One JSON object per line, each written as soon as it is read.
    Jsonl,
    /// A table for people.
    Table,
    /// Every reference-shaped token with its verdict (`--explain`).
    Verdicts,
}

/// A document made ready to write in a [`DocFormat`]: the bytes, or the
/// document itself for a JSON array, or for a JSON line that the writer
/// writes in pieces.
pub enum Rendered {
    Bytes(Vec<u8>),
    Document(Box<Document>),
    JsonLine(Box<Document>),
}

/// Where a document is rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenderOn {
    /// On the reading thread that read it: the work is spread over the
    /// threads, and the writer only writes bytes.
    Reader,
    /// By the writer, a JSON line in pieces straight to the output
    /// (`Document::write_json_line_to`): with one reading thread, which
    /// also writes, nothing is gained by rendering first, and a long
    /// text's line (tens of MB) is never held whole.
    Writer,
}

/// Renders a document (on a reading thread) for a [`DocumentWriter`].
pub fn render(
    explained: resgraph_extract::Explained,
    format: DocFormat,
    on: RenderOn,
) -> std::io::Result<Rendered> {
    let document = explained.document;
    // Room for a typical rendering, so the buffer is not grown in steps.
    let room = 512 + 400 * document.citations.len();
    let mut bytes = Vec::new();
    match format {
        DocFormat::Json => return Ok(Rendered::Document(Box::new(document))),
        DocFormat::Jsonl if on == RenderOn::Writer => {
            return Ok(Rendered::JsonLine(Box::new(document)))
        }
        DocFormat::Jsonl => {
            bytes.reserve_exact(room);
            document.write_json_line(&mut bytes);
        }
        DocFormat::Table => {
            bytes.reserve_exact(room);
            write_table(&mut bytes, &document)?;
        }
        DocFormat::Verdicts => {
            let explained = resgraph_extract::Explained {
                document,
                candidates: explained.candidates,
            };
            write_verdicts(&mut bytes, &explained)?;
        }
    }
    Ok(Rendered::Bytes(bytes))
}

/// Writes rendered documents in order; only a JSON array keeps them
/// until [`DocumentWriter::finish`].
pub struct DocumentWriter<'w> {
    out: &'w mut dyn Write,
    format: DocFormat,
    kept: Vec<Document>,
}

impl<'w> DocumentWriter<'w> {
    pub fn new(out: &'w mut dyn Write, format: DocFormat) -> DocumentWriter<'w> {
        DocumentWriter {
            out,
            format,
            kept: Vec::new(),
        }
    }

    pub fn write(&mut self, rendered: Rendered) -> std::io::Result<()> {
        match rendered {
            Rendered::Bytes(bytes) => self.out.write_all(&bytes),
            Rendered::JsonLine(doc) => doc.write_json_line_to(self.out),
            Rendered::Document(doc) => {
                self.kept.push(*doc);
                Ok(())
            }
        }
    }

    pub fn finish(self) -> std::io::Result<()> {
        if self.format == DocFormat::Json {
            serde_json::to_writer_pretty(&mut *self.out, &self.kept)?;
            self.out.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// A document and its citations as table rows.
fn write_table(out: &mut dyn Write, doc: &Document) -> std::io::Result<()> {
    let symbol = doc
        .symbol
        .as_ref()
        .map(|s| s.to_string())
        .unwrap_or_else(|| "?".into());
    writeln!(
        out,
        "{} ({}): {} citations{}",
        symbol,
        doc.source,
        doc.citations.len(),
        doc.date.map(|d| format!(", dated {d}")).unwrap_or_default()
    )?;
    for c in &doc.citations {
        writeln!(
            out,
            "  {:<24} {:<10} {:<10} {:>4}  {:<18} {}",
            c.target.to_string(),
            c.cited_date
                .map(|d| d.to_string())
                .unwrap_or_else(|| "-".into()),
            c.section.as_str(),
            c.paragraph
                .map(|p| p.to_string())
                .unwrap_or_else(|| "-".into()),
            c.relation,
            c.kind()
        )?;
    }
    for d in &doc.diagnostics {
        let level = match d.severity {
            resgraph_extract::Severity::Warning => "warning",
            resgraph_extract::Severity::Note => "note",
        };
        writeln!(out, "  {level}: line {}: {}", d.line, d.message)?;
    }
    Ok(())
}

/// Writes one line per reference-shaped token: `path:line: verdict
/// token  | context`, the context being the token's line with control
/// characters neutralised.
pub fn write_verdicts(
    out: &mut dyn Write,
    explained: &resgraph_extract::Explained,
) -> std::io::Result<()> {
    for c in &explained.candidates {
        let token: String = c
            .text
            .chars()
            .map(|ch| if ch.is_control() { ' ' } else { ch })
            .collect();
        writeln!(
            out,
            "{}:{}: {}\t{}\t| {}",
            explained.document.source, c.line, c.verdict, token, c.context
        )?;
    }
    Ok(())
}

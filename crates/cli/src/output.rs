//! Writing results: formats for people and scripts, and atomic files.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use resgraph_extract::Document;

/// Writes `write`'s output to `path` through a temporary file in the same
/// directory, renamed into place: an interrupted run leaves the previous
/// file intact.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("output");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    // A device or pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written in
    // place: renaming a file over it would replace it.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let result = (|| -> std::io::Result<()> {
            let file = std::fs::OpenOptions::new().write(true).open(path)?;
            let mut out = std::io::BufWriter::new(file);
            write(&mut out)?;
            out.flush()
        })();
        return result.with_context(|| format!("cannot write {}", path.display()));
    }
    let result = (|| -> std::io::Result<()> {
        let file = std::fs::File::create(&tmp)?;
        let mut out = std::io::BufWriter::new(file);
        write(&mut out)?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.with_context(|| format!("cannot write {}", path.display()))
}

/// Writes documents as a JSON array, one JSON object per line (jsonl), or
/// a table for people.
pub fn write_documents(
    out: &mut dyn Write,
    docs: &[Document],
    format: &str,
) -> std::io::Result<()> {
    match format {
        "jsonl" => {
            for doc in docs {
                serde_json::to_writer(&mut *out, doc)?;
                out.write_all(b"\n")?;
            }
        }
        "table" => {
            for doc in docs {
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
                        c.kind
                    )?;
                }
                for d in &doc.diagnostics {
                    let level = match d.severity {
                        resgraph_extract::Severity::Warning => "warning",
                        resgraph_extract::Severity::Note => "note",
                    };
                    writeln!(out, "  {level}: line {}: {}", d.line, d.message)?;
                }
            }
        }
        _ => {
            serde_json::to_writer_pretty(&mut *out, docs)?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

//! Writing results: formats for people and scripts, and atomic files.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use resgraph_extract::Document;

/// Writes `write`'s output to `path` through a temporary file in the same
/// directory, renamed into place, so that an interrupted run leaves the
/// previous file intact: the graph crate's [`resgraph_graph::write_atomically`]
/// (which also writes devices and pipes in place), for any output.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    resgraph_graph::write_atomically(path, |w| write(w)).map_err(anyhow::Error::from)
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

/// Writes one line per reference-shaped token: `path:line: verdict
/// token  | context`, the context being the token's line with control
/// characters neutralised.
pub fn write_verdicts(
    out: &mut dyn Write,
    explained: &[resgraph_extract::Explained],
) -> std::io::Result<()> {
    for e in explained {
        for c in &e.candidates {
            let token: String = c
                .text
                .chars()
                .map(|ch| if ch.is_control() { ' ' } else { ch })
                .collect();
            writeln!(
                out,
                "{}:{}: {}\t{}\t| {}",
                e.document.source, c.line, c.verdict, token, c.context
            )?;
        }
    }
    Ok(())
}

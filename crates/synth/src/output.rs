//! Writing a corpus out: the citation graph as a CSV edge list, and the
//! texts as files in sharded directories.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::{generate, SynthConfig, SynthDocument, SynthStats};

/// The header row of the edge list.
pub const EDGE_CSV_HEADER: &str = "source,target,relation,section,cited_date";

/// Writes the citation graph of documents as CSV rows
/// `source,target,relation,section,cited_date` (RFC 4180 quoting where a
/// field needs it, [`resgraph_io::csv_field`]; `cited_date` as `YYYY-MM-DD`, empty when the text
/// gives none), one row per citation, in text order.
///
/// ```
/// use resgraph_synth::{Corpus, EdgeCsv, SynthConfig};
/// let mut csv = EdgeCsv::new(Vec::new())?;
/// for doc in Corpus::new(&SynthConfig::new(2, 5)) {
///     csv.write_document(&doc)?;
/// }
/// let text = String::from_utf8(csv.into_inner()?).unwrap();
/// let mut lines = text.lines();
/// assert_eq!(lines.next(), Some("source,target,relation,section,cited_date"));
/// assert!(lines.next().unwrap().starts_with("A/RES/80/"));
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct EdgeCsv<W: Write> {
    out: W,
    rows: u64,
}

impl<W: Write> EdgeCsv<W> {
    /// Starts an edge list on `out`, writing the header row.
    ///
    /// # Errors
    ///
    /// Any error of `out` writing the header.
    pub fn new(mut out: W) -> io::Result<EdgeCsv<W>> {
        out.write_all(EDGE_CSV_HEADER.as_bytes())?;
        out.write_all(b"\n")?;
        Ok(EdgeCsv { out, rows: 0 })
    }

    /// Writes one row per citation of `doc`.
    ///
    /// # Errors
    ///
    /// Any error of the writer.
    pub fn write_document(&mut self, doc: &SynthDocument) -> io::Result<()> {
        let source = doc.symbol.to_string();
        for c in &doc.citations {
            let date = c.cited_date.map(|d| d.to_string()).unwrap_or_default();
            let target = c.target.to_string();
            let fields = [
                source.as_str(),
                target.as_str(),
                c.relation.as_str(),
                c.section.as_str(),
                date.as_str(),
            ];
            for (i, field) in fields.iter().enumerate() {
                if i > 0 {
                    self.out.write_all(b",")?;
                }
                self.out
                    .write_all(resgraph_io::csv_field(field).as_bytes())?;
            }
            self.out.write_all(b"\n")?;
            self.rows += 1;
        }
        Ok(())
    }

    /// Rows written so far, the header not counted.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// Flushes and returns the writer.
    ///
    /// # Errors
    ///
    /// Any error of the writer while flushing.
    pub fn into_inner(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Generates the corpus of `config` and writes only its citation graph
/// to `out` (see [`EdgeCsv`]): the same graph as the texts, for tools
/// that load edges directly.
///
/// # Errors
///
/// Any error of `out`.
///
/// ```
/// let mut out = Vec::new();
/// let stats = resgraph_synth::write_edge_csv(&resgraph_synth::SynthConfig::new(3, 1), &mut out)?;
/// let rows = String::from_utf8(out).unwrap().lines().count() as u64;
/// assert_eq!(rows, stats.citations + 1);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write_edge_csv(config: &SynthConfig, out: impl Write) -> io::Result<SynthStats> {
    let mut csv = EdgeCsv::new(BufWriter::new(out))?;
    let stats = generate(config, |doc| csv.write_document(&doc))?;
    csv.into_inner()?.flush()?;
    Ok(stats)
}

/// The subdirectory of document number `index` (0-based, in corpus
/// order): 1,000 documents to a directory, `0000`, `0001`, ...
///
/// ```
/// assert_eq!(resgraph_synth::shard_dir(0), "0000");
/// assert_eq!(resgraph_synth::shard_dir(1_999), "0001");
/// assert_eq!(resgraph_synth::shard_dir(999_999), "0999");
/// ```
pub fn shard_dir(index: usize) -> String {
    format!("{:04}", index / 1000)
}

/// Writes the corpus of `config` under `dir`: each text as
/// `dir/<shard>/<file_name>` (see [`shard_dir`]) and the citation graph
/// as `dir/edges.csv`. Texts are written plainly (a generated corpus is
/// disposable); the edge list is written atomically
/// ([`resgraph_io::write_atomically`]), so that `edges.csv` is always
/// complete.
///
/// # Errors
///
/// Any error creating the directories or writing a text or the
/// edge list (the latter naming `edges.csv`).
///
/// ```
/// let dir = std::env::temp_dir().join(format!("resgraph-synth-doc-{}", std::process::id()));
/// let stats = resgraph_synth::corpus_to_dir(&resgraph_synth::SynthConfig::new(3, 2), &dir)?;
/// assert_eq!(stats.documents, 3);
/// assert!(dir.join("edges.csv").is_file());
/// assert_eq!(std::fs::read_dir(dir.join("0000"))?.count(), 3);
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn corpus_to_dir(config: &SynthConfig, dir: &Path) -> io::Result<SynthStats> {
    fs::create_dir_all(dir)?;
    let mut stats = None;
    resgraph_io::write_atomically(dir.join("edges.csv"), |edges| {
        stats = Some(write_dir(config, dir, edges)?);
        Ok(())
    })
    .map_err(|e| io::Error::new(e.source.kind(), e))?;
    stats.ok_or_else(|| io::Error::other("the corpus was not written"))
}

/// Writes the texts under `dir` and the edge list to `edges`.
fn write_dir(config: &SynthConfig, dir: &Path, edges: impl Write) -> io::Result<SynthStats> {
    let mut csv = EdgeCsv::new(edges)?;
    let mut index = 0usize;
    let mut shard = dir.to_path_buf();
    let stats = generate(config, |doc| {
        if index.is_multiple_of(1000) {
            shard = dir.join(shard_dir(index));
            fs::create_dir_all(&shard)?;
        }
        fs::write(shard.join(&doc.file_name), doc.text.as_bytes())?;
        csv.write_document(&doc)?;
        index += 1;
        Ok(())
    })?;
    csv.into_inner()?;
    Ok(stats)
}

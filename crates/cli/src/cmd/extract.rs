//! `resgraph extract`: the citations of texts, or the verdict of every
//! reference-shaped token, with counts on request.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use clap::ValueEnum;
use resgraph::pipeline::{self, ReadError, Verdicts};

use super::report_errors;
use crate::output;
use crate::progress::Bar;
use crate::terminal::say;

#[derive(Clone, Copy, ValueEnum)]
pub enum DocFormat {
    Json,
    Jsonl,
    Table,
}

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories; `-` for standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: DocFormat,
    /// Write to this file (atomically) instead of standard output (`-`).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Print counts of files, citations per kind and notes to
    /// standard error at the end, and how many reference-shaped
    /// tokens were cited or excluded, per reason.
    #[arg(long)]
    summary: bool,
    /// Instead of the documents, print every reference-shaped token
    /// (`76/19`, `1373 (2001)`, `2625 (XXV)`, `A/65/201`) with its
    /// verdict: cited, or excluded with the reason ("unexplained"
    /// marks a possible missed citation), its line and context.
    #[arg(long)]
    explain: bool,
    /// No progress bar even on a terminal.
    #[arg(short, long)]
    quiet: bool,
}

pub fn run(args: Args) -> Result<bool> {
    let Args {
        paths,
        format,
        output,
        summary,
        explain,
        quiet,
    } = args;
    let expanded = pipeline::expand(&paths);
    let mut errors = expanded.errors;
    let files = expanded.files;
    let format = match (explain, format) {
        (true, _) => output::DocFormat::Verdicts,
        (false, DocFormat::Json) => output::DocFormat::Json,
        (false, DocFormat::Jsonl) => output::DocFormat::Jsonl,
        (false, DocFormat::Table) => output::DocFormat::Table,
    };
    // Verdicts are judged only when they are printed or counted.
    let verdicts = if explain || summary {
        Verdicts::Judge
    } else {
        Verdicts::Skip
    };
    let mut counts = Summary::default();
    // Each document is written as soon as it and those before it
    // are read (a JSON array is written whole at the end).
    let mut write = |w: &mut dyn Write| -> std::io::Result<()> {
        // Tables and verdicts are read by people: what documents hold is
        // shown escaped (`terminal`); JSON escapes by its own rules.
        let mut safe;
        let w: &mut dyn Write = if matches!(
            format,
            output::DocFormat::Table | output::DocFormat::Verdicts
        ) {
            safe = crate::terminal::Terminal::new(w);
            &mut safe
        } else {
            w
        };
        let mut writer = output::DocumentWriter::new(w, format);
        // With several reading threads documents are rendered on them
        // and this thread only writes the bytes, in order; with one, a
        // JSON line is written in pieces as it is rendered
        // (`output::RenderOn`). Counts are taken only for a summary that
        // is printed.
        let on = if pipeline::reading_threads(files.len()) == 1 {
            output::RenderOn::Writer
        } else {
            output::RenderOn::Reader
        };
        let render = |result: Result<resgraph_extract::Explained, ReadError>| {
            result.map(|explained| {
                let counted = summary.then(|| Summary::of(&explained));
                (output::render(explained, format, on), counted)
            })
        };
        pipeline::stream_map(
            &files,
            verdicts,
            &Bar::new(quiet),
            render,
            |rendered| -> std::io::Result<()> {
                match rendered {
                    Ok((rendered, counted)) => {
                        if let Some(counted) = counted {
                            counts.merge(counted);
                        }
                        writer.write(rendered?)?;
                    }
                    Err(err) => errors.push(err),
                }
                Ok(())
            },
        )?;
        writer.finish()
    };
    let written = match output.as_deref().and_then(output::destination) {
        Some(path) => resgraph_graph::write_atomically(path, |w| write(w)).map_err(Into::into),
        None => {
            let stdout = std::io::stdout();
            let mut lock = std::io::BufWriter::new(stdout.lock());
            match write(&mut lock).and_then(|_| lock.flush()) {
                Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => Err(err.into()),
                _ => Ok(()),
            }
        }
    };
    if let Err(err) = written {
        // The files that could not be read are still named.
        report_errors(&errors);
        return Err(err);
    }
    if summary {
        counts.print(files.len());
    }
    Ok(report_errors(&errors))
}

/// Counts of documents, citations and verdicts for `--summary`.
#[derive(Default)]
struct Summary {
    documents: usize,
    citations: usize,
    notes: usize,
    without_symbol: usize,
    kinds: BTreeMap<&'static str, usize>,
    sections: BTreeMap<&'static str, usize>,
    /// Reference-shaped tokens per verdict (when they were judged).
    verdicts: BTreeMap<String, usize>,
    tokens: usize,
}

impl Summary {
    /// The counts of one document.
    fn of(explained: &resgraph_extract::Explained) -> Summary {
        let doc = &explained.document;
        let mut summary = Summary {
            documents: 1,
            citations: doc.citations.len(),
            notes: doc.diagnostics.len(),
            without_symbol: usize::from(doc.symbol.is_none()),
            ..Summary::default()
        };
        for c in &doc.citations {
            *summary.kinds.entry(c.target.kind().as_str()).or_default() += 1;
            *summary.sections.entry(c.section.as_str()).or_default() += 1;
        }
        for c in &explained.candidates {
            summary.tokens += 1;
            *summary.verdicts.entry(c.verdict.to_string()).or_default() += 1;
        }
        summary
    }

    /// Adds another document's counts.
    fn merge(&mut self, other: Summary) {
        self.documents += other.documents;
        self.citations += other.citations;
        self.notes += other.notes;
        self.without_symbol += other.without_symbol;
        for (k, n) in other.kinds {
            *self.kinds.entry(k).or_default() += n;
        }
        for (k, n) in other.sections {
            *self.sections.entry(k).or_default() += n;
        }
        for (k, n) in other.verdicts {
            *self.verdicts.entry(k).or_default() += n;
        }
        self.tokens += other.tokens;
    }

    /// Counts of documents, citations per kind and section, and
    /// reference-shaped tokens per verdict, on standard error.
    fn print(&self, files: usize) {
        say!(
            "{files} files, {} documents read ({} without a symbol), {} citations, {} notes",
            self.documents,
            self.without_symbol,
            self.citations,
            self.notes
        );
        for (kind, n) in &self.kinds {
            say!("  {kind:<20} {n:>8}");
        }
        for (section, n) in &self.sections {
            say!("  section {section:<12} {n:>8}");
        }
        say!("{} reference-shaped tokens:", self.tokens);
        for (verdict, n) in &self.verdicts {
            say!("  {verdict:<32} {n:>8}");
        }
    }
}

//! The `resgraph` command line: a thin layer over the resgraph libraries
//! that knows about terminals, files and output formats.

mod input;
mod output;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};

use input::FileError;

/// Citation graph and cross-reference engine for United Nations documents.
#[derive(Parser)]
#[command(name = "resgraph", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum DocFormat {
    Json,
    Jsonl,
    Table,
}

#[derive(Subcommand)]
enum Command {
    /// Extract the citations of texts (files, or directories of .txt,
    /// .md, .html files).
    Extract {
        /// Files or directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: DocFormat,
        /// Write to this file (atomically) instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Print counts of files, citations per kind and notes to
        /// standard error at the end.
        #[arg(long)]
        summary: bool,
        /// No progress bar even on a terminal.
        #[arg(short, long)]
        quiet: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(err) => {
            eprintln!("resgraph: error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Runs a command; `Ok(false)` when some input failed but the rest was
/// done.
fn run(cli: Cli) -> Result<bool> {
    match cli.command {
        Command::Extract {
            paths,
            format,
            output,
            summary,
            quiet,
        } => {
            let mut errors = Vec::new();
            let files = input::expand(&paths, &mut errors);
            let docs = input::extract_all(&files, &mut errors, quiet);
            let format = match format {
                DocFormat::Json => "json",
                DocFormat::Jsonl => "jsonl",
                DocFormat::Table => "table",
            };
            match output {
                Some(path) => {
                    output::write_atomically(&path, |w| output::write_documents(w, &docs, format))?
                }
                None => {
                    let stdout = std::io::stdout();
                    let mut lock = std::io::BufWriter::new(stdout.lock());
                    if let Err(err) =
                        output::write_documents(&mut lock, &docs, format).and_then(|_| lock.flush())
                    {
                        if err.kind() != std::io::ErrorKind::BrokenPipe {
                            return Err(err.into());
                        }
                    }
                }
            }
            if summary {
                print_summary(&docs, files.len());
            }
            Ok(report_errors(&errors))
        }
    }
}

fn print_summary(docs: &[resgraph_extract::Document], files: usize) {
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let mut sections: BTreeMap<&str, usize> = BTreeMap::new();
    let mut citations = 0;
    let mut notes = 0;
    let mut without_symbol = 0;
    for doc in docs {
        citations += doc.citations.len();
        notes += doc.diagnostics.len();
        without_symbol += usize::from(doc.symbol.is_none());
        for c in &doc.citations {
            *kinds.entry(c.target.kind().as_str()).or_default() += 1;
            *sections.entry(c.section.as_str()).or_default() += 1;
        }
    }
    eprintln!(
        "{files} files, {} documents read ({without_symbol} without a symbol), {citations} citations, {notes} notes",
        docs.len()
    );
    for (kind, n) in kinds {
        eprintln!("  {kind:<20} {n:>8}");
    }
    for (section, n) in sections {
        eprintln!("  section {section:<12} {n:>8}");
    }
}

/// Prints one line per failed file; returns whether all went well.
fn report_errors(errors: &[FileError]) -> bool {
    for e in errors {
        eprintln!("resgraph: {}: {}", e.path.display(), e.message);
    }
    if !errors.is_empty() {
        eprintln!("resgraph: {} file(s) could not be read", errors.len());
    }
    errors.is_empty()
}

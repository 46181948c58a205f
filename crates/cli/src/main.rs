//! The `resgraph` command line: a thin layer over the resgraph libraries
//! that knows about terminals, arguments and output formats. Each command
//! is a file of [`cmd`]; the work is [`resgraph::pipeline`]'s.

#![forbid(unsafe_code)]

// mimalloc: about a fifth faster than the system allocator on extraction,
// which allocates and frees many small strings on every thread.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod cmd;
mod output;
mod progress;
mod terminal;

use std::process::ExitCode;

use clap::{ColorChoice, CommandFactory, FromArgMatches, Parser, Subcommand};

use terminal::say;

/// Citation graph and cross-reference engine for United Nations documents.
#[derive(Parser)]
#[command(name = "resgraph", version)]
struct Cli {
    /// Colour in messages and help: auto (on a terminal, unless NO_COLOR
    /// is set), always, never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read texts and save their citation graph to one file.
    Build(cmd::build::Args),
    /// Everything a document builds on, with distances.
    Ancestors(cmd::ancestors::Args),
    /// Everything that builds on a document, with distances.
    Descendants(cmd::descendants::Args),
    /// The shortest chain of citations from one document to another.
    Path(cmd::path::Args),
    /// The successive resolutions of a recurring series.
    Series(cmd::series::Args),
    /// The most cited documents.
    Top(cmd::top::Args),
    /// Counts of documents, citations, kinds and relations.
    Stats(cmd::stats::Args),
    /// Export the graph for other tools.
    Export(cmd::export::Args),
    /// Check citations against the registry of adoption dates: wrong
    /// dates, anachronisms, impossible symbols, self-citations. Exit code
    /// 1 when an error is found.
    Check(cmd::check::Args),
    /// Write a realistic synthetic corpus of UN-style texts (with an
    /// edges.csv of the same citation graph), deterministic for a seed.
    Synth(cmd::synth::Args),
    /// Draw a document's lineage as SVG (or DOT, for a .dot output).
    Render(cmd::render::Args),
    /// Explore the graph in a browser: search, documents, lineages (a
    /// read-only web server, on 127.0.0.1:8080 unless told otherwise).
    Serve(cmd::serve::Args),
    /// Extract the citations of texts (files, or directories of .txt,
    /// .md, .html, .pdf and Akoma Ntoso .xml files).
    Extract(cmd::extract::Args),
    /// Write a completion script for a shell to standard output (e.g.
    /// `resgraph completions bash > /etc/bash_completion.d/resgraph`).
    Completions(cmd::completions::Args),
    /// Write the manual page (roff) to standard output (`resgraph man >
    /// resgraph.1; man ./resgraph.1`).
    Man(cmd::completions::ManArgs),
}

/// The clap model of the whole command line, for completions and the
/// manual page.
pub fn command_line() -> clap::Command {
    Cli::command()
}

/// Exit code 0 when all went well, 1 when some input failed (or `check`
/// found an error, or `path` no chain) but the rest was done, 2 when the
/// command could not go on.
fn main() -> ExitCode {
    // Help and argument errors are written while the arguments are
    // parsed, so the colour choice is looked for first.
    let color = terminal::color_choice_in(std::env::args_os());
    let matches = Cli::command().color(color).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => err.exit(),
    };
    terminal::use_color(cli.color);
    remove_temporaries_when_interrupted();
    let done = match cli.command {
        Command::Build(args) => cmd::build::run(args),
        Command::Ancestors(args) => cmd::ancestors::run(args),
        Command::Descendants(args) => cmd::descendants::run(args),
        Command::Path(args) => cmd::path::run(args),
        Command::Series(args) => cmd::series::run(args),
        Command::Top(args) => cmd::top::run(args),
        Command::Stats(args) => cmd::stats::run(args),
        Command::Export(args) => cmd::export::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Synth(args) => cmd::synth::run(args),
        Command::Render(args) => cmd::render::run(args),
        Command::Extract(args) => cmd::extract::run(args),
        Command::Completions(args) => cmd::completions::run(args),
        Command::Man(args) => cmd::completions::man(args),
        Command::Serve(args) => cmd::serve::run(args),
    };
    match done {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(err) => {
            say!("resgraph: error: {}", reasons(&err));
            ExitCode::from(2)
        }
    }
}

/// On SIGINT or SIGTERM, removes the temporary files of the writes under
/// way ([`resgraph_io::abandon_temporaries`]: the output stays as it was,
/// and no `.NAME.PID.RANDOM.tmp` is left) and exits with the shell's
/// code for the signal (130, 143). Without it the default action would
/// end the process at once and leave the temporary file behind. A
/// handler that cannot be installed leaves that default, and is no
/// reason not to run.
fn remove_temporaries_when_interrupted() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            resgraph_io::abandon_temporaries();
            std::process::exit(128 + signal);
        }
    });
}

/// The error and its causes joined by `: `, each reason once. An error
/// whose message already ends with its cause's (as `WriteError`'s
/// `cannot write PATH: REASON` does, so that it reads whole where it is
/// printed alone) would otherwise print that reason twice through
/// anyhow's `{:#}`: `...(os error 28): No space left on device (os error
/// 28)`. This is the one place where messages are joined, so the rule
/// holds for every error of every command.
fn reasons(err: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in err.chain() {
        let reason = cause.to_string();
        if message.ends_with(&reason) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&reason);
    }
    message
}

#[cfg(test)]
mod tests {
    use super::reasons;

    #[test]
    fn a_reason_already_in_the_message_is_not_repeated() {
        let os = std::io::Error::from_raw_os_error(28);
        let written = resgraph_graph::WriteError {
            path: "/dev/full".into(),
            source: std::io::Error::from_raw_os_error(28),
        };
        let message = reasons(&anyhow::Error::new(written));
        assert_eq!(message, format!("cannot write /dev/full: {os}"));
        let chained = anyhow::Error::new(os).context("cannot write to standard output");
        assert_eq!(
            reasons(&chained),
            format!(
                "cannot write to standard output: {}",
                std::io::Error::from_raw_os_error(28)
            )
        );
    }
}

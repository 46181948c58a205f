//! `resgraph completions SHELL` and `resgraph man`: what a shell and
//! `man` need, generated from the same clap model as the parser
//! (clap_complete, clap_mangen), so they cannot fall behind the commands.

use std::path::PathBuf;

use anyhow::Result;
use clap_complete::Shell;

use crate::output::{emit, Reader};

#[derive(clap::Args)]
pub struct Args {
    /// The shell: bash, zsh, fish, elvish, powershell.
    #[arg(value_enum)]
    shell: Shell,
    /// Write to this file (atomically) instead of standard output (`-`).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct ManArgs {
    /// Write to this file (atomically) instead of standard output (`-`).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

pub fn run(Args { shell, output }: Args) -> Result<bool> {
    let mut command = crate::command_line();
    // clap_complete panics when its writer fails (a closed pipe): it
    // writes to memory, and the script is written from there.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "resgraph", &mut script);
    emit(output.as_deref(), Reader::Programs, |w| {
        w.write_all(&script)
    })?;
    Ok(true)
}

pub fn man(ManArgs { output }: ManArgs) -> Result<bool> {
    let page = clap_mangen::Man::new(crate::command_line());
    emit(output.as_deref(), Reader::Programs, |w| page.render(w))?;
    Ok(true)
}

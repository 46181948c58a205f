//! Builds `data/registry/` from the metadata in a data folder.
//!
//! ```text
//! cargo run -p resgraph-registry-build --bin build_registry -- /work/shared/data data/registry/registry.tsv
//! ```
//!
//! Writes `registry.tsv` where asked and, beside it, `conflicts.tsv`,
//! `adopted_from.tsv`, `session_counts.tsv`, `complete_sessions.tsv` and
//! `PROVENANCE.md`; prints a
//! summary of what was used and left out (with `--list-skipped`, every
//! source row left out, with the reason).
fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let list_skipped = args.iter().any(|a| a == "--list-skipped");
    args.retain(|a| a != "--list-skipped");
    let [data, out] = &args[..] else {
        eprintln!("usage: build_registry <data folder> <output registry.tsv> [--list-skipped]");
        std::process::exit(2);
    };
    if let Err(e) = run(
        std::path::Path::new(data),
        std::path::Path::new(out),
        list_skipped,
    ) {
        eprintln!("build_registry: {e}");
        std::process::exit(1);
    }
}

fn run(data: &std::path::Path, out: &std::path::Path, list_skipped: bool) -> std::io::Result<()> {
    use resgraph_registry_build::build;

    let inputs = build::Inputs::from_dir(data)?;
    for (name, present) in [
        (build::UNDL_VOTING, inputs.undl_voting.is_some()),
        (
            build::UNVOTES_ROLL_CALLS,
            inputs.unvotes_roll_calls.is_some(),
        ),
        (
            build::VOETEN_DESCRIPTIONS,
            inputs.voeten_descriptions.is_some(),
        ),
        (build::METADATA_78_80, inputs.metadata_78_80.is_some()),
        (build::METADATA_ICT, inputs.metadata_ict.is_some()),
        (build::DECISIONS, inputs.decisions.is_some()),
        (build::MARC_993, inputs.marc_993.is_some()),
        (build::AKN_GA, inputs.akn[0].is_some()),
        (build::AKN_HRC, inputs.akn[1].is_some()),
        (build::AKN_ECOSOC, inputs.akn[2].is_some()),
        (build::AKN_SC, inputs.akn[3].is_some()),
    ] {
        if !present {
            eprintln!("warning: {name} not found under {}", data.display());
        }
    }
    let built = build::build(&inputs);
    let dir = out.parent().unwrap_or(std::path::Path::new("."));
    std::fs::create_dir_all(dir)?;
    let registry = &built.registry;
    std::fs::write(out, registry.to_tsv())?;
    std::fs::write(dir.join("conflicts.tsv"), registry.conflicts_to_tsv())?;
    std::fs::write(dir.join("adopted_from.tsv"), registry.adopted_from_to_tsv())?;
    std::fs::write(
        dir.join("session_counts.tsv"),
        registry.session_counts_to_tsv(),
    )?;
    std::fs::write(
        dir.join("complete_sessions.tsv"),
        registry.complete_sessions_to_tsv(),
    )?;
    let summary = report::Summary::new(&built, &inputs);
    std::fs::write(dir.join("PROVENANCE.md"), summary.provenance())?;
    eprint!("{}", summary.text());
    if list_skipped {
        for s in &built.report.skipped {
            eprintln!("skipped\t{}:{}\t{}\t{}", s.file, s.line, s.value, s.reason);
        }
    }
    Ok(())
}

mod report;

//! Precision and recall of extraction on the golden set: real UN texts
//! whose expected citations a person wrote by reading them.
//!
//! `cargo run --release --example accuracy` prints, per organ and era,
//! per folder of `tests/golden` (source and layout) and in all: the texts, the citations expected and
//! found, precision and recall of targets, and the share of expected rows
//! right in all five columns (target, cited date, section, paragraph,
//! relation). `-- -v` also lists, per text, the targets missed and extra,
//! and the expected rows not found with all five columns right.
//!
//! `-- <folder>` scores one folder of cases instead of the whole set
//! (`cargo run --release --example accuracy -- tests/golden/blind-2026-11`
//! is the blind figure); a relative folder is taken from the crate root.

#[path = "../tests/support/accuracy.rs"]
mod accuracy;

fn main() {
    let verbose = std::env::args().any(|a| a == "-v");
    let crate_root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = match std::env::args().skip(1).find(|a| !a.starts_with('-')) {
        Some(folder) => crate_root.join(folder),
        None => crate_root.join("tests/golden"),
    };
    if !root.is_dir() {
        eprintln!(
            "accuracy: {} is not a folder of golden cases",
            root.display()
        );
        std::process::exit(2);
    }
    let report = accuracy::report(&root);
    let header = |first: &str| {
        println!(
            "| {first} | texts | expected | found | precision | recall | all five columns |\n|---|---:|---:|---:|---:|---:|---:|"
        )
    };
    let line = |name: &str, s: &accuracy::Score| {
        println!(
            "| {name} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
            s.texts,
            s.expected,
            s.found,
            s.precision(),
            s.recall(),
            s.full_recall()
        );
    };
    println!("By organ and era:\n");
    header("organ and era");
    for (name, s) in &report.organ_eras {
        line(name, s);
    }
    line("**all**", &report.total);
    println!("\nBy folder of tests/golden (source and layout):\n");
    header("folder");
    for (name, s) in &report.strata {
        line(name, s);
    }
    line("**all**", &report.total);
    if verbose {
        for (text, missed, extra) in &report.differences {
            println!(
                "{}\n  missed: {missed:?}\n  extra:  {extra:?}",
                text.display()
            );
        }
        for (text, rows) in &report.partial {
            println!("{} (not right in all five columns):", text.display());
            for (expected, found) in rows {
                println!("  - {}", expected.join("\t"));
                if let Some(found) = found {
                    println!("  + {}", found.join("\t"));
                }
            }
        }
    }
}

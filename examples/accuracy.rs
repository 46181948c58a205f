//! Precision and recall of extraction on the golden set: real UN texts
//! whose expected citations a person wrote by reading them.
//!
//! `cargo run --release --example accuracy` prints, per organ and era,
//! per folder of `tests/golden` (source and layout) and in all: the texts, the citations expected and
//! found, precision and recall of targets, and the share of expected rows
//! right in all five columns (target, cited date, section, paragraph,
//! relation). `-- -v` also lists, per text, the targets missed and extra.

#[path = "../tests/support/accuracy.rs"]
mod accuracy;

fn main() {
    let verbose = std::env::args().any(|a| a == "-v");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
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
    }
}

//! Prints one document of a corpus and its ground truth:
//! `cargo run -p resgraph-synth --example sample -- <documents> <seed> <index or symbol> [plain]`.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(3);
    let seed: u64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(1);
    let which = args.get(3).cloned().unwrap_or_default();
    let config = resgraph_synth::SynthConfig {
        page_furniture: args.get(4).is_none_or(|a| a != "plain"),
        ..resgraph_synth::SynthConfig::new(n, seed)
    };
    let mut corpus = resgraph_synth::Corpus::new(&config);
    let found = match which.parse::<usize>() {
        Ok(i) => corpus.nth(i),
        Err(_) if which.starts_with("part") => corpus.find(|d| d.symbol.part().is_some()),
        Err(_) => corpus.find(|d| d.symbol.to_string() == which),
    };
    let Some(doc) = found else {
        eprintln!("no such document");
        return;
    };
    println!("{}", doc.text);
    println!(
        "=========== {} ({}), {} citations",
        doc.symbol,
        doc.file_name,
        doc.citations.len()
    );
    for c in &doc.citations {
        let date = c.cited_date.map_or("-".to_string(), |d| d.to_string());
        let para = c.paragraph.map_or("-".to_string(), |p| p.to_string());
        let flag = if c.wrong_date { "\tWRONG DATE" } else { "" };
        println!(
            "{}\t{date}\t{}\t{para}\t{}{flag}",
            c.target, c.section, c.relation
        );
    }
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(3);
    let seed: u64 = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(1);
    let which: usize = std::env::args().nth(3).and_then(|a| a.parse().ok()).unwrap_or(0);
    let doc = resgraph_synth::Corpus::new(&resgraph_synth::SynthConfig::new(n, seed)).nth(which).unwrap();
    println!("{}", doc.text);
    println!("=========== {} citations", doc.citations.len());
    for c in &doc.citations {
        println!("{}\t{:?}\t{}\t{:?}\t{}\t{}", c.target, c.cited_date, c.section, c.paragraph, c.relation, if c.wrong_date {"WRONG"} else {""});
    }
}

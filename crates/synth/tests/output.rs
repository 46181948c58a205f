//! The corpus on disk and the edge list.

use std::fs;

use resgraph_synth::{
    corpus_to_dir, write_edge_csv, Corpus, EdgeCsv, SynthConfig, EDGE_CSV_HEADER,
};
use resgraph_test_support::temp_dir;

#[test]
fn corpus_on_disk_is_sharded_and_complete() {
    let dir = temp_dir("dir");
    let config = SynthConfig::new(2_300, 21);
    let stats = corpus_to_dir(&config, &dir).unwrap();
    assert_eq!(stats.documents, 2_300);
    let mut shards: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    shards.sort();
    assert_eq!(shards, ["0000", "0001", "0002", "edges.csv"]);
    let counts: Vec<usize> = ["0000", "0001", "0002"]
        .iter()
        .map(|s| fs::read_dir(dir.join(s)).unwrap().count())
        .collect();
    assert_eq!(counts, [1000, 1000, 300]);
    // The texts are the corpus's, in order.
    let first = Corpus::new(&config).next().unwrap();
    assert_eq!(
        fs::read_to_string(dir.join("0000").join(&first.file_name)).unwrap(),
        first.text
    );
    let edges = fs::read_to_string(dir.join("edges.csv")).unwrap();
    assert_eq!(edges.lines().count() as u64, stats.citations + 1);
    assert_eq!(edges.lines().next(), Some(EDGE_CSV_HEADER));
    // The edge list written alone is the same graph.
    let mut alone = Vec::new();
    write_edge_csv(&config, &mut alone).unwrap();
    assert_eq!(String::from_utf8(alone).unwrap(), edges);
}

#[test]
fn edge_rows_match_the_ground_truth() {
    let config = SynthConfig::new(25, 4);
    let mut csv = EdgeCsv::new(Vec::new()).unwrap();
    let mut expected = vec![EDGE_CSV_HEADER.to_string()];
    for doc in Corpus::new(&config) {
        csv.write_document(&doc).unwrap();
        for c in &doc.citations {
            let date = c.cited_date.map(|d| d.to_string()).unwrap_or_default();
            expected.push(format!(
                "{},{},{},{},{date}",
                doc.symbol, c.target, c.relation, c.section
            ));
        }
    }
    assert_eq!(csv.rows() as usize, expected.len() - 1);
    let text = String::from_utf8(csv.into_inner().unwrap()).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows, expected);
    // Symbols with spaces and parentheses need no quoting; none has a comma.
    assert!(rows.iter().any(|r| r.contains(" (")));
}

#[test]
fn failed_write_leaves_no_edge_list() {
    // A file where the directory should be: nothing is written, and no
    // temporary edge list is left behind.
    let dir = temp_dir("blocked");
    fs::write(dir.join("0000"), b"in the way").unwrap();
    let err = corpus_to_dir(&SynthConfig::new(3, 1), &dir);
    assert!(err.is_err());
    let names: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names, ["0000"]);
}

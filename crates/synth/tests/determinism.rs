//! The same seed gives the same corpus, byte for byte; another seed
//! gives another.

use resgraph_synth::{generate, write_edge_csv, Corpus, SynthConfig, SynthDocument};

fn corpus(config: &SynthConfig) -> Vec<SynthDocument> {
    Corpus::new(config).collect()
}

#[test]
fn same_seed_same_bytes() {
    for furniture in [true, false] {
        let config = SynthConfig {
            documents: 150,
            seed: 99,
            wrong_dates_per_mille: 20,
            page_furniture: furniture,
        };
        let a = corpus(&config);
        let b = corpus(&config);
        assert_eq!(a.len(), 150);
        assert_eq!(a, b);
    }
}

#[test]
fn generate_and_iterate_agree() {
    let config = SynthConfig::new(40, 5);
    let mut streamed = Vec::new();
    let stats = generate(&config, |d| {
        streamed.push(d);
        Ok(())
    })
    .unwrap();
    assert_eq!(streamed, corpus(&config));
    assert_eq!(stats.documents, 40);
    assert_eq!(
        stats.bytes,
        streamed.iter().map(|d| d.text.len() as u64).sum::<u64>()
    );
}

#[test]
fn edge_list_is_deterministic() {
    let config = SynthConfig::new(60, 17);
    let mut a = Vec::new();
    let mut b = Vec::new();
    write_edge_csv(&config, &mut a).unwrap();
    write_edge_csv(&config, &mut b).unwrap();
    assert_eq!(a, b);
}

#[test]
fn another_seed_another_corpus() {
    let a = corpus(&SynthConfig::new(50, 1));
    let b = corpus(&SynthConfig::new(50, 2));
    assert_eq!(a.len(), b.len());
    let same_text = a.iter().zip(&b).filter(|(x, y)| x.text == y.text).count();
    assert_eq!(same_text, 0, "texts repeat across seeds");
    // The world differs too: dates, titles, what is cited.
    let dates_a: Vec<_> = a.iter().map(|d| d.adopted).collect();
    let dates_b: Vec<_> = b.iter().map(|d| d.adopted).collect();
    assert_ne!(dates_a, dates_b);
}

#[test]
fn wrong_date_rate_changes_only_dates() {
    // The rate of wrong dates draws from the same streams: with no wrong
    // dates, the texts differ from the default only where a date does.
    let with = corpus(&SynthConfig {
        wrong_dates_per_mille: 0,
        ..SynthConfig::new(30, 8)
    });
    assert!(with
        .iter()
        .all(|d| d.citations.iter().all(|c| !c.wrong_date)));
    let all_wrong = corpus(&SynthConfig {
        wrong_dates_per_mille: 1000,
        ..SynthConfig::new(30, 8)
    });
    let dated: Vec<_> = all_wrong
        .iter()
        .flat_map(|d| &d.citations)
        .filter(|c| c.cited_date.is_some())
        .collect();
    assert!(!dated.is_empty());
    assert!(dated
        .iter()
        .all(|c| c.wrong_date && c.cited_date != c.true_date));
}

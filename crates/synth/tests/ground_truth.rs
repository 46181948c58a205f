//! The ground truth is consistent with itself and with the texts: every
//! cited date of a corpus document is its adoption date (unless flagged
//! wrong), nothing cites the future or itself, every span holds its
//! mention.

use std::collections::{HashMap, HashSet};

use resgraph_symbol::{Kind, Symbol};
use resgraph_synth::{Corpus, Section, SynthConfig, SynthDocument};

fn corpus(n: usize, seed: u64) -> Vec<SynthDocument> {
    Corpus::new(&SynthConfig::new(n, seed)).collect()
}

#[test]
fn cited_dates_are_adoption_dates_unless_flagged() {
    let docs = corpus(1_200, 3);
    let adopted: HashMap<&Symbol, resgraph_synth::Date> =
        docs.iter().map(|d| (&d.symbol, d.adopted)).collect();
    let mut checked = 0;
    let mut wrong = 0;
    // Every mention of a target outside the corpus carries one true date.
    let mut true_dates: HashMap<&Symbol, resgraph_synth::Date> = HashMap::new();
    for d in &docs {
        for c in &d.citations {
            let Some(truth) = c.true_date else {
                assert!(c.cited_date.is_none() && !c.wrong_date);
                continue;
            };
            assert_eq!(c.wrong_date, c.cited_date != Some(truth), "{c:?}");
            wrong += usize::from(c.wrong_date);
            if let Some(&a) = adopted.get(&c.target) {
                assert_eq!(
                    truth, a,
                    "{} cites {} with the wrong true date",
                    d.symbol, c.target
                );
                checked += 1;
            }
            let first = *true_dates.entry(&c.target).or_insert(truth);
            assert_eq!(first, truth, "{} has two true dates", c.target);
            // Nothing cites the future.
            assert!(
                truth <= d.adopted,
                "{} ({:?}) cites {} of {:?}",
                d.symbol,
                d.adopted,
                c.target,
                truth
            );
        }
    }
    assert!(checked > 1_000, "{checked}");
    assert!(wrong > 0);
}

#[test]
fn no_document_cites_itself_and_names_are_unique() {
    let docs = corpus(800, 4);
    let mut names = HashSet::new();
    for d in &docs {
        assert!(names.insert(d.file_name.clone()), "{}", d.file_name);
        assert_eq!(d.file_name, format!("{}.txt", d.symbol.file_stem()));
        assert!(
            d.citations.iter().all(|c| c.target != d.symbol),
            "{}",
            d.symbol
        );
        assert_eq!(d.symbol.kind(), Kind::GaResolution);
    }
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn spans_hold_their_mentions_in_text_order() {
    for furniture in [true, false] {
        let config = SynthConfig {
            page_furniture: furniture,
            ..SynthConfig::new(300, 5)
        };
        for d in Corpus::new(&config) {
            let mut last = 0;
            for c in &d.citations {
                assert!(c.start >= last && c.start < c.end && c.end <= d.text.len());
                last = c.start;
                let span = squeeze(&d.text[c.start..c.end]);
                let canonical = c.target.to_string();
                match c.target.kind() {
                    // `43/78 H`, `2625 (XXV)`, or parts written together:
                    // `53/243 A and B`.
                    Kind::GaResolution => {
                        let whole = c.target.without_part().short();
                        let together = span.starts_with(&whole) && span.contains(" and ");
                        assert!(
                            span == c.target.short() || together,
                            "{span} for {canonical}"
                        );
                    }
                    Kind::ScResolution => {
                        let number = c.target.number().unwrap().to_string();
                        assert!(
                            span == c.target.short() || span == number,
                            "{span} for {canonical}"
                        );
                    }
                    Kind::Document => {
                        // Written whole, or `Add.1` after its base symbol.
                        assert!(
                            canonical == span || canonical.ends_with(&format!("/{span}")),
                            "{span} for {canonical}"
                        );
                    }
                    _ => assert!(canonical.ends_with(&span), "{span} for {canonical}"),
                }
            }
            // Footnotes are numbered in order and every one is cited or not,
            // but never out of order.
            let notes: Vec<u32> = d
                .citations
                .iter()
                .filter(|c| c.section == Section::Footnote)
                .filter_map(|c| c.paragraph)
                .collect();
            assert!(notes.windows(2).all(|w| w[0] <= w[1]), "{notes:?}");
        }
    }
}

#[test]
fn structure_of_a_text() {
    let doc = Corpus::new(&SynthConfig::new(1, 1)).next().unwrap();
    let t = &doc.text;
    for needle in [
        "United Nations",
        "General Assembly",
        "Distr.: General",
        "Eightieth session",
        "Agenda item",
        "Resolution adopted by the General Assembly",
        "The General Assembly,",
        "plenary meeting",
    ] {
        assert!(t.contains(needle), "{needle} missing in\n{t}");
    }
    assert!(
        t.lines().all(|l| l.chars().count() <= 100),
        "a line is too long"
    );
    // The first citation is the committee report or draft in the heading.
    assert_eq!(doc.citations[0].section, Section::Heading);
    // Every section the extractor knows, except annexes, occurs across a corpus.
    let sections: HashSet<Section> = Corpus::new(&SynthConfig::new(50, 1))
        .flat_map(|d| d.citations.into_iter().map(|c| c.section))
        .collect();
    for s in [
        Section::Heading,
        Section::Preamble,
        Section::Operative,
        Section::Footnote,
    ] {
        assert!(sections.contains(&s), "{s}");
    }
}

#[test]
fn every_kind_of_target_occurs() {
    let kinds: HashSet<Kind> = Corpus::new(&SynthConfig::new(600, 6))
        .flat_map(|d| d.citations.into_iter().map(|c| c.target.kind()))
        .collect();
    for k in [
        Kind::GaResolution,
        Kind::GaDecision,
        Kind::ScResolution,
        Kind::EcosocResolution,
        Kind::HrcResolution,
        Kind::ChrResolution,
        Kind::Document,
    ] {
        assert!(kinds.contains(&k), "{k}");
    }
}

#[test]
fn citations_reach_back_like_real_ones() {
    // Most citations of Assembly resolutions are to the last five
    // sessions; a long tail reaches the founding texts.
    let mut recent = 0;
    let mut older = 0;
    let mut founding = 0;
    for d in Corpus::new(&SynthConfig::new(900, 12)) {
        let own = d.symbol.approximate_year().unwrap();
        for c in &d.citations {
            if c.target.kind() != Kind::GaResolution {
                continue;
            }
            let age = own - c.target.approximate_year().unwrap();
            match age {
                0..=5 => recent += 1,
                _ if c.target.approximate_year().unwrap() < 1976 => founding += 1,
                _ => older += 1,
            }
        }
    }
    let total = (recent + older + founding) as f64;
    println!("recent {recent}, older {older}, founding {founding}");
    assert!(recent as f64 / total > 0.4, "{recent} of {total}");
    assert!(founding as f64 / total > 0.02);
}

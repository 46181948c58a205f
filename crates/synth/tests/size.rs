//! How big the corpus is: real Assembly resolutions run from 3 to 200 KB
//! of text (median about 13 KB); the synthetic ones aim at 8 to 20 KB on
//! average, so that 1 GB is some 60,000 to 120,000 documents.

use resgraph_synth::{generate, SynthConfig};

#[test]
fn a_thousand_documents_weigh_like_real_ones() {
    let mut sizes = Vec::new();
    let stats = generate(&SynthConfig::new(1_000, 11), |doc| {
        sizes.push(doc.text.len());
        Ok(())
    })
    .unwrap();
    sizes.sort_unstable();
    let average = stats.bytes as f64 / stats.documents as f64;
    println!(
        "1,000 documents: {} bytes, {average:.0} bytes per document (median {}, 10th percentile {}, \
         90th {}), {:.1} citations per document, sessions {}-{}; 1 GB = {:.0} documents",
        stats.bytes,
        sizes[500],
        sizes[100],
        sizes[900],
        stats.citations as f64 / stats.documents as f64,
        stats.first_session,
        stats.last_session,
        1e9 / average
    );
    assert_eq!(stats.documents, 1_000);
    assert!((8_000.0..20_000.0).contains(&average), "{average}");
    assert!(
        sizes[0] > 1_500 && sizes[999] < 200_000,
        "{} {}",
        sizes[0],
        sizes[999]
    );
    assert_eq!((stats.first_session, stats.last_session), (77, 80));
    let per_doc = stats.citations as f64 / stats.documents as f64;
    assert!((12.0..40.0).contains(&per_doc), "{per_doc}");
    // About half of all citations carry a date, and the wrong ones are
    // rare (5 per 1,000 dated mentions or groups by default).
    assert!(stats.dated_citations * 3 > stats.citations);
    assert!(stats.wrong_dates > 0 && stats.wrong_dates * 50 < stats.dated_citations);
}

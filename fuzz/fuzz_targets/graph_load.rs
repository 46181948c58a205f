//! Loading graph files: arbitrary bytes, and mutations of valid files
//! whose length and checksum are fixed up so that the decoder's value
//! checks (not only the checksum) are exercised. Must never panic, and a
//! file that loads must save back to the same bytes.
#![no_main]
#![forbid(unsafe_code)]

use libfuzzer_sys::fuzz_target;
use resgraph_graph::CitationGraph;
use resgraph_test_support::framed;

fn load(bytes: &[u8]) {
    if let Ok(g) = CitationGraph::from_bytes(bytes) {
        let saved = g.to_bytes();
        let again =
            CitationGraph::from_bytes(&saved).expect("a loaded graph saves to a loadable file");
        assert!(again == g, "save/load round trip changes the graph");
        let _ = g.stats();
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        load(data);
        return;
    };
    match mode % 3 {
        // Raw bytes: magic, header, length and checksum checks.
        0 => load(rest),
        // A payload with a correct frame: the value checks.
        1 => load(&framed(rest)),
        // The raw bytes as given, first byte included.
        _ => load(data),
    }
});

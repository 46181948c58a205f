//! Loading graph files: arbitrary bytes, and mutations of valid files
//! whose length and checksum are fixed up so that the decoder's value
//! checks (not only the checksum) are exercised. Must never panic, and a
//! file that loads must save back to the same bytes.
#![no_main]
#![forbid(unsafe_code)]

use libfuzzer_sys::fuzz_target;
use resgraph_graph::{fnv1a64, CitationGraph};

/// Wraps `payload` in a version-1 header and a correct checksum.
fn framed(payload: &[u8]) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(payload.len() + 32);
    bytes.extend_from_slice(b"RESGRAPH");
    bytes.extend_from_slice(&1u32.to_le_bytes());
    bytes.extend_from_slice(&0u32.to_le_bytes());
    bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    bytes.extend_from_slice(payload);
    let sum = fnv1a64(&bytes);
    bytes.extend_from_slice(&sum.to_le_bytes());
    bytes
}

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

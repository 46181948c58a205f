//! Loading a graph file allocates in proportion to the file, whatever its
//! counts announce (issue 13): forged files whose declared counts are as
//! large as their few bytes allow are refused without allocating more
//! than a small multiple of their size. The allocator of this test binary
//! counts every byte allocated; the file has one test so that nothing
//! else allocates meanwhile.

use std::alloc::System;

use proptest::prelude::*;
use resgraph_graph::CitationGraph;
use resgraph_test_support::{framed, varint};
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

fn str(s: &str, out: &mut Vec<u8>) {
    varint(s.len() as u64, out);
    out.extend_from_slice(s.as_bytes());
}

/// Which table of the payload announces too much.
#[derive(Debug, Clone, Copy)]
enum Forged {
    Relations,
    Nodes,
    Edges,
    OutDegree,
    Occurrences,
    Adoptions,
}

/// A payload valid up to the forged count, which is as large as the
/// loader's first check lets through (`slack` below it), followed by
/// `filler`.
fn payload(forged: Forged, slack: u64, filler: &[u8]) -> Vec<u8> {
    let mut p = Vec::new();
    // The count the rest of the payload could hold at `min` bytes an item.
    let announce = |p: &mut Vec<u8>, min: u64| {
        let rest = filler.len() as u64 + 1;
        varint((rest / min).saturating_sub(slack), p);
        p.extend_from_slice(filler);
    };
    if let Forged::Relations = forged {
        announce(&mut p, 1);
        return p;
    }
    varint(1, &mut p);
    str("recalling", &mut p);
    if let Forged::Nodes = forged {
        announce(&mut p, 2);
        return p;
    }
    varint(2, &mut p);
    for symbol in ["A/RES/76/19", "A/RES/53/70"] {
        str(symbol, &mut p);
        p.push(0);
    }
    match forged {
        Forged::Edges => announce(&mut p, 3),
        Forged::OutDegree => {
            varint(1, &mut p);
            announce(&mut p, 3);
        }
        Forged::Occurrences => {
            varint(1, &mut p);
            varint(1, &mut p);
            varint(1, &mut p);
            announce(&mut p, 2);
        }
        Forged::Adoptions => {
            varint(0, &mut p);
            varint(0, &mut p);
            varint(0, &mut p);
            announce(&mut p, 2);
        }
        Forged::Relations | Forged::Nodes => unreachable!(),
    }
    p
}

fn forged() -> impl Strategy<Value = Forged> {
    prop_oneof![
        Just(Forged::Relations),
        Just(Forged::Nodes),
        Just(Forged::Edges),
        Just(Forged::OutDegree),
        Just(Forged::Occurrences),
        Just(Forged::Adoptions),
    ]
}

/// The filler: runs of one byte (0xFF never ends a varint; 0x00 and
/// 0x01 are small counts and ids) or random bytes, up to 256 KiB.
fn filler() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        (any::<u8>(), 0usize..262_144).prop_map(|(b, n)| vec![b; n]),
        proptest::collection::vec(any::<u8>(), 0..4096),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn forged_counts_cost_at_most_a_few_times_the_file(
        forged in forged(),
        slack in 0u64..20,
        filler in filler(),
    ) {
        let bytes = framed(&payload(forged, slack, &filler));
        let region = Region::new(GLOBAL);
        let loaded = CitationGraph::from_bytes(&bytes);
        let allocated = region.change().bytes_allocated;
        drop(loaded);
        let bound = 8 * bytes.len() + 65_536;
        prop_assert!(
            allocated <= bound,
            "{forged:?}: {allocated} bytes allocated loading a file of {} bytes",
            bytes.len()
        );
    }
}

//! Saving and loading: round trips, and every kind of bad file.

use std::path::Path;

use resgraph_extract::{Date, Section};
use resgraph_graph::{
    write_atomically, CitationGraph, LoadError, NodeInfo, Occurrence, FORMAT_VERSION,
};
use resgraph_symbol::Symbol;
use resgraph_test_support::temp_dir;

fn s(t: &str) -> Symbol {
    Symbol::parse_loose(t).unwrap()
}

fn small_graph() -> CitationGraph {
    let mut g = CitationGraph::new();
    let draft = s("A/C.1/77/L.73");
    g.add_node_info(NodeInfo {
        symbol: draft.clone(),
        title: Some("Programme of action — \"ICT\" & <security>".into()),
        date: Date::new(2022, 10, 13),
        organ: Some("General Assembly".into()),
        read: true,
        source: Some("seed/A_C.1_77_L.73.txt".into()),
    });
    g.add_link(
        &draft,
        &s("76/19"),
        &Occurrence::new(
            "recalling",
            Section::Preamble,
            Some(1),
            Date::new(2021, 12, 6),
        ),
    );
    g.add_link(
        &draft,
        &s("76/19"),
        &Occurrence::new("welcomes", Section::Operative, Some(1), None),
    );
    g.add_link(
        &draft,
        &s("A/77/275"),
        &Occurrence::new("see", Section::Footnote, Some(2), None),
    );
    g.add_link(
        &s("76/19"),
        &s("2625 (XXV)"),
        &Occurrence::new("reaffirming", Section::Preamble, None, None),
    );
    g.add_adopted_as(&draft, &s("77/37"));
    g
}

#[test]
fn save_and_load_round_trip() {
    let dir = temp_dir("roundtrip");
    let g = small_graph();
    let path = dir.join("g.resgraph");
    g.save(&path).unwrap();
    let back = CitationGraph::load(&path).unwrap();
    assert_eq!(back, g);
    assert_eq!(back.adopted_as(&s("A/C.1/77/L.73")), Some(&s("77/37")));
    assert_eq!(back.node(&s("A/C.1/77/L.73")), g.node(&s("A/C.1/77/L.73")));
    // Writers and readers agree with files.
    let mut bytes = Vec::new();
    g.to_writer(&mut bytes).unwrap();
    assert_eq!(bytes, std::fs::read(&path).unwrap());
    assert_eq!(CitationGraph::from_reader(&bytes[..]).unwrap(), g);
    // Saving again replaces the file, leaving no temporary file behind.
    let mut bigger = g.clone();
    bigger.add_node(&s("S/RES/1373 (2001)"));
    bigger.save(&path).unwrap();
    assert_eq!(CitationGraph::load(&path).unwrap(), bigger);
    let names: Vec<_> = std::fs::read_dir(&*dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["g.resgraph"]);
}

#[test]
fn every_truncation_is_an_error() {
    let bytes = small_graph().to_bytes();
    for len in 0..bytes.len() {
        match CitationGraph::from_bytes(&bytes[..len]) {
            Err(LoadError::Truncated {
                expected, found, ..
            }) => {
                assert_eq!(found, len as u64);
                assert!(expected > found);
            }
            other => panic!("truncated at {len}: {other:?}"),
        }
    }
}

#[test]
fn every_bit_flip_is_an_error() {
    let bytes = small_graph().to_bytes();
    for i in 0..bytes.len() {
        for bit in 0..8 {
            let mut bad = bytes.clone();
            bad[i] ^= 1 << bit;
            let err = CitationGraph::from_bytes(&bad).expect_err("a flipped bit must be noticed");
            match i {
                0..=7 => assert!(matches!(err, LoadError::Foreign { .. }), "{err}"),
                8..=11 => assert!(
                    matches!(
                        err,
                        LoadError::FutureVersion { .. } | LoadError::Corrupt { .. }
                    ),
                    "{err}"
                ),
                _ => {}
            }
        }
    }
}

#[test]
fn trailing_bytes_are_an_error() {
    let mut bytes = small_graph().to_bytes();
    bytes.push(0);
    let err = CitationGraph::from_bytes(&bytes).unwrap_err();
    assert!(matches!(err, LoadError::Corrupt { .. }), "{err}");
}

#[test]
fn foreign_future_and_missing_files_are_named() {
    let dir = temp_dir("bad");
    let foreign = dir.join("graph.graphml");
    std::fs::write(&foreign, "<?xml version=\"1.0\"?>\n<graphml/>").unwrap();
    let err = CitationGraph::load(&foreign).unwrap_err();
    assert!(matches!(err, LoadError::Foreign { .. }));
    let message = err.to_string();
    assert!(
        message.contains("graph.graphml") && message.contains("RESGRAPH"),
        "{message}"
    );
    assert_eq!(err.path(), foreign.as_path());

    let empty = dir.join("empty");
    std::fs::write(&empty, b"").unwrap();
    assert!(matches!(
        CitationGraph::load(&empty).unwrap_err(),
        LoadError::Truncated { found: 0, .. }
    ));

    let future = dir.join("future.resgraph");
    let mut bytes = small_graph().to_bytes();
    bytes[8..12].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
    std::fs::write(&future, &bytes).unwrap();
    let err = CitationGraph::load(&future).unwrap_err();
    assert!(
        matches!(err, LoadError::FutureVersion { found, supported, .. } if found == FORMAT_VERSION + 1 && supported == FORMAT_VERSION)
    );
    assert!(err.to_string().contains("future.resgraph"));

    let missing = dir.join("missing.resgraph");
    let err = CitationGraph::load(&missing).unwrap_err();
    assert!(matches!(err, LoadError::Io { .. }));
    assert!(err.to_string().contains("missing.resgraph"));

    let corrupt = dir.join("corrupt.resgraph");
    let mut bytes = small_graph().to_bytes();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x40;
    std::fs::write(&corrupt, &bytes).unwrap();
    let err = CitationGraph::load(&corrupt).unwrap_err();
    assert!(matches!(err, LoadError::Checksum { .. }));
    assert!(err.to_string().contains("corrupt.resgraph"));
}

#[test]
fn failed_atomic_writes_leave_the_old_file() {
    let dir = temp_dir("atomic");
    let path = dir.join("out.csv");
    write_atomically(&path, |w| std::io::Write::write_all(w, b"old")).unwrap();
    let failed = write_atomically(&path, |w| {
        std::io::Write::write_all(w, b"half")?;
        Err(std::io::Error::other("disk on fire"))
    });
    let err = failed.unwrap_err();
    assert!(err.to_string().contains("out.csv") && err.to_string().contains("disk on fire"));
    assert_eq!(std::fs::read(&path).unwrap(), b"old");
    assert_eq!(std::fs::read_dir(&*dir).unwrap().count(), 1);
    let nowhere = Path::new("/nonexistent-dir-for-resgraph/x.resgraph");
    assert!(small_graph().save(nowhere).is_err());
}

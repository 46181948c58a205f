//! A forged graph file cannot make the loader abort by announcing more
//! than it holds (issue 13, defect 1): room reserved before reading is
//! bounded by the bytes that remain, so under a memory limit the file is
//! refused with a message instead of killing the process.

use std::process::Command;

use resgraph_test_support::{framed, temp_dir, varint};

/// The file the issue describes: no relations, `len / 2 - 10` nodes
/// announced, then `len` bytes of 0xFF, with a valid header and checksum.
fn forged(len: usize) -> Vec<u8> {
    let mut payload = Vec::with_capacity(len + 8);
    varint(0, &mut payload);
    varint((len / 2 - 10) as u64, &mut payload);
    payload.resize(payload.len() + len, 0xFF);
    framed(&payload)
}

#[test]
fn a_forged_node_count_is_refused_under_a_memory_limit_not_aborted() {
    let dir = temp_dir("forged");
    let path = dir.join("forged.graph");
    std::fs::write(&path, forged(12_000_000)).expect("write the forged file");
    // 400 MB of address space: the loader used to reserve 670 MB for the
    // announced nodes and die of SIGABRT.
    let out = Command::new("sh")
        .arg("-c")
        .arg(r#"ulimit -v 400000 && exec "$0" stats --graph "$1""#)
        .arg(env!("CARGO_BIN_EXE_resgraph"))
        .arg(&path)
        .output()
        .expect("sh runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "exit status {:?}: {stderr}",
        out.status
    );
    assert!(stderr.contains("corrupt graph file at byte"), "{stderr}");
    assert!(
        stderr.contains("resgraph-forged-"),
        "the message names the file: {stderr}"
    );
}

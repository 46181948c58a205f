//! `resgraph serve` as a person starts it: with no graph it serves the
//! bundled texts, on loopback, and says where; a bad source or address is
//! refused with exit code 2 and a message.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The server, stopped when the test ends however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `resgraph serve ARGS --addr 127.0.0.1:0` in `dir` and returns
/// it with the address it says it serves at.
fn start(dir: &std::path::Path, args: &[&str]) -> (Server, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_resgraph"))
        .current_dir(dir)
        .arg("serve")
        .args(args)
        .args(["--addr", "127.0.0.1:0", "--quiet"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("resgraph starts");
    let stderr = child.stderr.take().expect("its standard error");
    let server = Server(child);
    for line in BufReader::new(stderr).lines() {
        let line = line.expect("a line");
        if let Some(rest) = line.split_once("at http://") {
            let addr = rest.1.split('/').next().expect("an address").to_string();
            return (server, addr);
        }
    }
    panic!("resgraph serve ended without saying where it serves");
}

/// A GET over a plain socket: the status line and the body.
fn get(addr: &str, path: &str) -> (String, String) {
    let mut stream = TcpStream::connect(addr).expect("the server accepts");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("a timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("a request");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("an answer");
    let status = answer.lines().next().unwrap_or_default().to_string();
    let body = answer
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

#[test]
fn with_no_graph_it_serves_the_bundled_texts_on_loopback() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let (_server, addr) = start(&root, &[]);
    assert!(addr.starts_with("127.0.0.1:"), "{addr}");
    let (status, body) = get(&addr, "/doc/A/RES/76/19");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(body.contains("<h1>A/RES/76/19</h1>"));
    // From elsewhere than a checkout, the texts of the checkout it was
    // built from.
    let elsewhere = std::env::temp_dir();
    let (_server, addr) = start(&elsewhere, &[]);
    let (status, _) = get(&addr, "/api/doc/A/RES/80/16");
    assert_eq!(status, "HTTP/1.1 200 OK");
}

#[test]
fn a_bad_source_or_address_is_refused() {
    let out = Command::new(env!("CARGO_BIN_EXE_resgraph"))
        .args(["serve", "--graph", "/nonexistent/g.graph"])
        .output()
        .expect("resgraph runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/g.graph"));
    let out = Command::new(env!("CARGO_BIN_EXE_resgraph"))
        .args(["serve", "--addr", "localhost"])
        .output()
        .expect("resgraph runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--addr"));
    // An address of no interface of this machine cannot be bound.
    let out = Command::new(env!("CARGO_BIN_EXE_resgraph"))
        .args(["serve", "--quiet", "--addr", "192.0.2.1:8080"])
        .output()
        .expect("resgraph runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cannot listen on 192.0.2.1:8080"),
        "{stderr}"
    );
}

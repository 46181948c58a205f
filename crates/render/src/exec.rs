//! Running Graphviz's `dot`.

use std::io::{ErrorKind, Read, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use wait_timeout::ChildExt as _;

use crate::RenderError;

/// Name of the Graphviz program, looked up on `PATH`.
const DOT: &str = "dot";

pub(crate) fn dot_available() -> bool {
    Command::new(DOT)
        .arg("-V")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

fn spawn_error(e: std::io::Error) -> RenderError {
    if e.kind() == ErrorKind::NotFound {
        RenderError::DotNotFound
    } else {
        RenderError::Io(e)
    }
}

/// Feeds `dot_source` to `dot -Tsvg` on stdin and returns its stdout;
/// a `dot` still running after `timeout` is killed.
pub(crate) fn dot_to_svg(dot_source: &str, timeout: Duration) -> Result<String, RenderError> {
    let mut child = Command::new(DOT)
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(spawn_error)?;
    // Write and read from other threads: `dot` may fill its stderr pipe
    // with warnings before it has read all its input, and the wait below
    // must be able to give up.
    let writer = child.stdin.take().map(|mut stdin| {
        let input = dot_source.as_bytes().to_vec();
        std::thread::spawn(move || stdin.write_all(&input))
    });
    let stdout = child.stdout.take().map(drain);
    let stderr = child.stderr.take().map(drain);
    let Some(status) = child.wait_timeout(timeout)? else {
        // Killed, its pipes close and the threads end.
        let _ = child.kill();
        let _ = child.wait();
        return Err(RenderError::DotTimedOut { after: timeout });
    };
    let joined = |reader: Option<std::thread::JoinHandle<std::io::Result<Vec<u8>>>>| {
        reader.map_or(Ok(Vec::new()), |handle| {
            handle
                .join()
                .unwrap_or_else(|_| Err(std::io::Error::other("reader thread panicked")))
        })
    };
    let (stdout, stderr) = (joined(stdout)?, joined(stderr)?);
    let write_result = match writer {
        Some(handle) => handle
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("stdin writer panicked"))),
        None => Ok(()),
    };
    if !status.success() {
        return Err(RenderError::DotFailed {
            status: status.to_string(),
            stderr: String::from_utf8_lossy(&stderr).trim().to_string(),
        });
    }
    write_result?;
    String::from_utf8(stdout).map_err(|e| RenderError::DotFailed {
        status: status.to_string(),
        stderr: format!("output is not UTF-8: {e}"),
    })
}

/// Reads a pipe to its end on a thread of its own.
fn drain<R: Read + Send + 'static>(
    mut pipe: R,
) -> std::thread::JoinHandle<std::io::Result<Vec<u8>>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        pipe.read_to_end(&mut bytes).map(|_| bytes)
    })
}

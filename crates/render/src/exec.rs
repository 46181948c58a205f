//! Running Graphviz's `dot`.

use std::io::{ErrorKind, Write};
use std::process::{Command, Stdio};

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

/// Feeds `dot_source` to `dot -Tsvg` on stdin and returns its stdout.
pub(crate) fn dot_to_svg(dot_source: &str) -> Result<String, RenderError> {
    let mut child = Command::new(DOT)
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(spawn_error)?;
    // Write from another thread: `dot` may fill its stderr pipe with
    // warnings before it has read all its input.
    let writer = child.stdin.take().map(|mut stdin| {
        let input = dot_source.as_bytes().to_vec();
        std::thread::spawn(move || stdin.write_all(&input))
    });
    let output = child.wait_with_output()?;
    let write_result = match writer {
        Some(handle) => handle
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("stdin writer panicked"))),
        None => Ok(()),
    };
    if !output.status.success() {
        return Err(RenderError::DotFailed {
            status: output.status.to_string(),
            stderr: String::from_utf8_lossy(&output.stderr).trim().to_string(),
        });
    }
    write_result?;
    String::from_utf8(output.stdout).map_err(|e| RenderError::DotFailed {
        status: output.status.to_string(),
        stderr: format!("output is not UTF-8: {e}"),
    })
}

//! The Python package (`python/`) and its pytest suite, run from `cargo
//! test` so that CI's one test command covers them: a virtual
//! environment under `target/python-venv` gets maturin, pytest, networkx
//! and jsonschema, then `pip install ./python`, then pytest runs
//! `python/tests` against this build's `resgraph` binary (the suite
//! compares the package's rows with the command line's).
//!
//! The extension compiles in `target/python-build` (CARGO_TARGET_DIR), kept
//! between runs, so a second run only relinks. Without `python3` and its
//! `venv` module, or with `RESGRAPH_SKIP_PYTHON=1`, the test says so and
//! passes: the workspace must build and test on a machine without Python.
//! Once Python is there, any failure (pip, the build, a test) fails it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The workspace's target directory (where this test binary was built
/// from), for the virtual environment and the extension's build.
fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|t| if t.is_absolute() { t } else { root().join(t) })
        .unwrap_or_else(|| root().join("target"))
}

fn run(what: &str, cmd: &mut Command) {
    eprintln!("python: {what}");
    let status = cmd
        .status()
        .unwrap_or_else(|e| panic!("cannot start {what}: {e}"));
    assert!(status.success(), "{what} failed ({status})");
}

#[test]
fn the_python_package_installs_and_its_tests_pass() {
    if std::env::var_os("RESGRAPH_SKIP_PYTHON").is_some_and(|v| v == "1") {
        eprintln!("note: RESGRAPH_SKIP_PYTHON=1: the Python package is not tested");
        return;
    }
    let has_venv = Command::new("python3")
        .args(["-c", "import venv, ensurepip"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_venv {
        eprintln!("note: no python3 with venv and ensurepip: the Python package is not tested");
        return;
    }
    let target = target_dir();
    let venv = target.join("python-venv");
    let python = venv.join("bin/python");
    if !python.is_file() {
        run(
            "python3 -m venv",
            Command::new("python3").args(["-m", "venv"]).arg(&venv),
        );
    }
    let have_tools = Command::new(&python)
        .args(["-c", "import maturin, pytest, networkx, jsonschema"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !have_tools {
        run(
            "pip install maturin pytest networkx jsonschema",
            Command::new(&python).args([
                "-m",
                "pip",
                "install",
                "-q",
                "maturin>=1.5,<2",
                "pytest",
                "networkx>=3.4",
                "jsonschema>=4.18",
            ]),
        );
    }
    // Without build isolation the venv's maturin builds, and nothing is
    // downloaded again on each run; its build hook runs `maturin` by name,
    // so the venv's bin goes first on PATH, as activating it would do.
    let mut path = vec![venv.join("bin")];
    path.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    run(
        "pip install ./python",
        Command::new(&python)
            .args(["-m", "pip", "install", "-q", "--no-build-isolation"])
            .arg(root().join("python"))
            .env("PATH", std::env::join_paths(path).expect("PATH"))
            .env("CARGO_TARGET_DIR", target.join("python-build")),
    );
    run(
        "pytest python/tests",
        Command::new(&python)
            .args(["-m", "pytest", "-q", "-p", "no:cacheprovider"])
            .arg(root().join("python/tests"))
            .current_dir(root())
            .env("RESGRAPH_BIN", env!("CARGO_BIN_EXE_resgraph")),
    );
}

//! Writes the example pictures of a synthetic 30-document lineage spanning
//! 1988-2025: `example.dot`, `example-builtin.svg` and, when Graphviz is
//! installed, `example-dot.svg`, into the directory given as first argument
//! (default: the current directory).
//!
//! ```text
//! cargo run -p resgraph-render --example pictures -- /tmp/pics
//! rsvg-convert -o /tmp/pics/example-builtin.png /tmp/pics/example-builtin.svg
//! ```

#[path = "../tests/common/mod.rs"]
mod common;

use resgraph_render::{dot_available, to_dot, to_svg, Engine, Style};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    std::fs::create_dir_all(&dir)?;
    let lineage = common::synthetic(28, 1988, 2025, 7);
    let style = Style {
        cluster_by_organ: std::env::var_os("CLUSTER").is_some(),
        ..Style::default()
    };
    std::fs::write(dir.join("example.dot"), to_dot(&lineage, &style)?)?;
    std::fs::write(
        dir.join("example-builtin.svg"),
        to_svg(&lineage, &style, Engine::Builtin)?,
    )?;
    if dot_available() {
        std::fs::write(
            dir.join("example-dot.svg"),
            to_svg(&lineage, &style, Engine::Dot)?,
        )?;
    } else {
        eprintln!("Graphviz `dot` not on PATH: example-dot.svg not written");
    }
    println!(
        "{} documents, {} citations",
        lineage.nodes.len(),
        lineage.edges.len()
    );
    Ok(())
}

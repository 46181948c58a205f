#[path = "../tests/common/mod.rs"]
mod common;
use resgraph_render::{to_svg, Engine, Style};
fn main() {
    let style = Style {
        max_nodes: 5000,
        ..Style::default()
    };
    for n in [1000usize] {
        let l = common::synthetic(n, 1988, 2025, 42);
        let t = std::time::Instant::now();
        let r = to_svg(&l, &style, Engine::Builtin);
        println!(
            "n={n} edges={} ok={} {:?}",
            l.edges.len(),
            r.is_ok(),
            t.elapsed()
        );
        if t.elapsed().as_secs() > 60 {
            break;
        }
    }
}

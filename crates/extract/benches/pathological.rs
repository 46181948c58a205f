//! Extraction of pathological texts must stay linear in the input size.
//!
//! `cargo bench -p resgraph-extract --bench pathological` extracts each
//! input below at 10 MB (three runs, the median is printed) and also at a
//! quarter of that, and prints the time ratio: about 4 for a linear pass,
//! 16 for a quadratic one. The three inputs of the robustness table come
//! first; the others are shapes that once were, or could easily become,
//! quadratic (see docs/robustness.md).
//!
//! `PATHOLOGICAL_MB=2` changes the size; `PATHOLOGICAL_ONLY=name` runs
//! one input.
// A bench is no API, and criterion's macros make undocumented public
// functions: the workspace's missing_docs lint does not apply.
#![allow(missing_docs)]
#![forbid(unsafe_code)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use resgraph_extract::{extract, extract_html, Hint};

/// `text` repeated to `size` bytes (cut at a char boundary).
fn repeat_to(text: &str, size: usize) -> String {
    let mut out = text.repeat(size / text.len() + 1);
    let mut cut = size.min(out.len());
    while !out.is_char_boundary(cut) {
        cut -= 1;
    }
    out.truncate(cut);
    out
}

/// Words wrapped into lines of about 80 characters, as pdftotext prints
/// a paragraph.
fn wrapped(words: &str, size: usize) -> String {
    let mut out = String::with_capacity(size + 100);
    let mut line = 0;
    for word in words.split(' ').cycle() {
        if out.len() >= size {
            break;
        }
        if line + word.len() > 80 {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += word.len();
    }
    out
}

pub struct Input {
    pub name: &'static str,
    pub html: bool,
    pub make: fn(usize) -> String,
}

pub const INPUTS: &[Input] = &[
    Input {
        name: "`1/1 1/1 1/1 ...`",
        html: false,
        make: |n| repeat_to("1/1 ", n),
    },
    Input {
        name: "one preambular paragraph",
        html: false,
        make: |n| {
            let head = "The General Assembly,\n\n";
            let body = wrapped(
                "Recalling its resolutions 43/78 H of 7 December 1988, 53/70 of 4 December 1998 \
                 and 76/19, and noting the report of the Secretary-General (A/65/201) on \
                 developments in the field of information and telecommunications in the \
                 context of international security,",
                n.saturating_sub(head.len()),
            );
            format!("{head}{body}")
        },
    },
    Input {
        name: "no citation at all",
        html: false,
        make: |n| {
            let para = wrapped(
                "Stressing the importance of international cooperation in the peaceful uses of \
                 outer space, the Committee noted that the two thousand and twenty five report \
                 of the working group, page two of three, was welcomed by the delegations.",
                1500,
            );
            repeat_to(&format!("{para}\n\n"), n)
        },
    },
    Input {
        name: "one 10 MB line, citations at both ends",
        html: false,
        make: |n| {
            let mut s = String::from("Recalling its resolution 76/19 ");
            s.push_str(&repeat_to("lorem ipsum ", n.saturating_sub(64)));
            s.push_str(" and resolution 77/37");
            s
        },
    },
    Input {
        name: "running text (a decision) full of citations",
        html: false,
        make: |n| repeat_to("recalling resolution 76/19 of 6 December 2021 and ", n),
    },
    Input {
        name: "heading of `[` blocks",
        html: false,
        make: |n| format!("[\n\n{}The General Assembly,\n", repeat_to("x\n\n", n)),
    },
    Input {
        name: "a footnote zone of 10 MB",
        html: false,
        make: |n| {
            format!(
                "The General Assembly,\n\nRecalling resolution 76/19,¹\n\n____\n{}",
                repeat_to("1 See A/65/201.\n\n", n)
            )
        },
    },
    Input {
        name: "`[` without `]`",
        html: false,
        make: |n| repeat_to("[x", n),
    },
    Input {
        name: "`&#` without `;`",
        html: false,
        make: |n| repeat_to("&#1", n),
    },
    Input {
        name: "`A/1 (` without `)`",
        html: false,
        make: |n| repeat_to("A/1 (", n),
    },
    Input {
        name: "long title, then its lines",
        html: false,
        make: |n| {
            let title = repeat_to("Developments in the field of information ", n / 2);
            format!(
                "76/19. {title}\n\nThe General Assembly,\n\n{}",
                repeat_to("Developments in the field of it\n", n / 2)
            )
        },
    },
    Input {
        name: "HTML: `<` without `>`",
        html: true,
        make: |n| repeat_to("<a", n),
    },
    Input {
        name: "HTML: `<!--` without `-->`",
        html: true,
        make: |n| repeat_to("<!--", n),
    },
    Input {
        name: "HTML: deeply nested",
        html: true,
        make: |n| {
            let depth = n / 20;
            format!(
                "{}<p>Recalling its resolution 76/19,</p>{}",
                "<div><span>".repeat(depth / 2),
                "</span></div>".repeat(depth / 2)
            )
        },
    },
];

fn time_once(input: &Input, text: &str) -> Duration {
    let hint = Hint::default();
    let start = Instant::now();
    let doc = if input.html {
        extract_html(black_box(text), &hint)
    } else {
        extract(black_box(text), &hint)
    };
    let elapsed = start.elapsed();
    black_box(doc.citations.len());
    elapsed
}

fn median(input: &Input, text: &str, runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs).map(|_| time_once(input, text)).collect();
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let mb: f64 = std::env::var("PATHOLOGICAL_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10.0);
    let only = std::env::var("PATHOLOGICAL_ONLY").ok();
    let size = (mb * 1_000_000.0) as usize;
    println!("| input | size | time (median of 3) | MB/s | time at 1/4 size | ratio |");
    println!("|---|---|---|---|---|---|");
    for input in INPUTS {
        if only.as_deref().is_some_and(|o| !input.name.contains(o)) {
            continue;
        }
        let quarter = (input.make)(size / 4);
        let small = median(input, &quarter, 3);
        let text = (input.make)(size);
        let full = median(input, &text, 3);
        println!(
            "| {} | {:.1} MB | {:.3} s | {:.1} | {:.3} s | {:.1} |",
            input.name,
            text.len() as f64 / 1e6,
            full.as_secs_f64(),
            text.len() as f64 / 1e6 / full.as_secs_f64(),
            small.as_secs_f64(),
            full.as_secs_f64() / small.as_secs_f64().max(1e-9),
        );
    }
}

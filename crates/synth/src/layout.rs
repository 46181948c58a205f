//! From paragraphs to the text of a PDF text layer: hard-wrapped lines,
//! pages with footnotes at their foot under a `______` rule, running
//! headers that repeat the symbol and title, job numbers and page
//! numbers; and the ground truth put in text order.

use crate::calendar::{ordinal_number, ordinal_word_capital};
use crate::compose::Composed;
use std::borrow::Cow;

use crate::para::Para;
use crate::rng::Rng;
use crate::SynthCitation;

/// Lines per page, blank lines included.
const PAGE_LINES: usize = 56;

/// Byte ranges of the lines of `text` wrapped at `width` characters,
/// breaking at spaces only (a word longer than the width stands alone).
pub(crate) fn wrap(text: &str, width: usize) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / width.max(1) + 1);
    let mut start = 0;
    while start < bytes.len() {
        while start < bytes.len() && bytes[start] == b' ' {
            start += 1;
        }
        if start >= bytes.len() {
            break;
        }
        // Walk characters (counting UTF-8 lead bytes) up to the width;
        // remember the last space that still fits.
        let mut chars = 0;
        let mut i = start;
        let mut last_space = None;
        while i < bytes.len() {
            let b = bytes[i];
            if b == b' ' {
                if chars > width {
                    break;
                }
                last_space = Some(i);
            }
            if b & 0xC0 != 0x80 {
                chars += 1;
            }
            i += 1;
        }
        let stop = if i >= bytes.len() && chars <= width {
            bytes.len()
        } else {
            match last_space {
                Some(space) if space > start => space,
                _ => i,
            }
        };
        lines.push((start, stop));
        start = stop;
    }
    lines
}

/// A line of the output with what it carries.
struct Out<'a> {
    text: Cow<'a, str>,
    /// The paragraph the line comes from and the byte of that paragraph
    /// the line starts at.
    origin: Option<(usize, usize)>,
    /// Footnote marks standing in this line.
    notes: Vec<u32>,
    /// A body line (not blank, not a number alone).
    body: bool,
}

impl<'a> Out<'a> {
    fn plain(text: impl Into<Cow<'a, str>>) -> Out<'a> {
        Out {
            text: text.into(),
            origin: None,
            notes: Vec::new(),
            body: false,
        }
    }
}

/// The lines of paragraph `id`, with the marks standing in each.
fn para_lines(id: usize, p: &Para, width: usize) -> Vec<Out<'_>> {
    let mut out = Vec::new();
    let mut next_mark = 0;
    for (start, end) in wrap(&p.text, width) {
        let mut line = Out {
            text: Cow::Borrowed(&p.text[start..end]),
            origin: Some((id, start)),
            notes: Vec::new(),
            body: true,
        };
        while next_mark < p.marks.len() && p.marks[next_mark].0 <= end {
            line.notes.push(p.marks[next_mark].1);
            next_mark += 1;
        }
        out.push(line);
    }
    out
}

struct Writer {
    text: String,
    /// Per paragraph: (byte in the paragraph, byte in the text) of each
    /// of its lines.
    starts: Vec<Vec<(usize, usize)>>,
}

impl Writer {
    fn line(&mut self, line: &Out) {
        if let Some((id, at)) = line.origin {
            self.starts[id].push((at, self.text.len()));
        }
        self.text.push_str(&line.text);
        self.text.push_str(" \n");
    }

    fn raw(&mut self, text: &str) {
        self.text.push_str(text);
        self.text.push('\n');
    }

    fn blank(&mut self) {
        self.text.push_str(" \n");
    }

    /// The text offset of byte `at` of paragraph `id`.
    fn offset(&self, id: usize, at: usize) -> usize {
        let lines = &self.starts[id];
        let i = lines.partition_point(|(p, _)| *p <= at).saturating_sub(1);
        let (p, t) = lines[i];
        t + (at - p)
    }

    /// The ground truth in text order, with spans, moved out of the
    /// paragraphs (numbered as `offset` numbers them).
    fn citations(&self, paras: Vec<Para>) -> Vec<SynthCitation> {
        let mut out = Vec::new();
        for (id, p) in paras.into_iter().enumerate() {
            for (start, end, mut c) in p.cites {
                c.start = self.offset(id, start);
                c.end = self.offset(id, end - 1) + 1;
                out.push(c);
            }
        }
        out.sort_by_key(|c| c.start);
        out
    }
}

fn into_paras(c: Composed) -> Vec<Para> {
    let mut paras = Vec::with_capacity(2 + c.body.len() + c.footnotes.len());
    paras.push(c.heading_line);
    paras.push(c.title_para);
    paras.extend(c.body);
    paras.extend(c.footnotes);
    paras
}

/// Lays out a composed resolution; returns its text and its citations
/// in text order.
pub(crate) fn lay_out(c: Composed, furniture: bool, rng: &mut Rng) -> (String, Vec<SynthCitation>) {
    let w = write(&c, furniture, rng);
    let cites = w.citations(into_paras(c));
    (w.text, cites)
}

fn write(c: &Composed, furniture: bool, rng: &mut Rng) -> Writer {
    let width = 84 + rng.below(9);
    let symbol = c.symbol.to_string();
    let mut heading: Vec<Out> = Vec::new();
    let h = |heading: &mut Vec<Out>, t: &str| heading.push(Out::plain(t.to_string()));
    if furniture {
        h(&mut heading, "United Nations");
    }
    heading.push(Out::plain(symbol.as_str()));
    if furniture {
        h(&mut heading, "");
    }
    h(&mut heading, "");
    h(&mut heading, "General Assembly");
    h(&mut heading, "Distr.: General");
    h(&mut heading, &c.distr.to_string());
    h(&mut heading, "");
    let job = format!("{:02}-{:05}", c.distr.year % 100, c.job);
    if furniture {
        let code = format!(
            "{:02}{:02}{:02}",
            c.date_code.day,
            c.date_code.month,
            c.date_code.year % 100
        );
        h(&mut heading, &format!("{job} (E)    {code}"));
        h(&mut heading, &format!("*{}*", job.replace('-', "")));
        h(&mut heading, "");
        h(&mut heading, "");
    }
    h(
        &mut heading,
        &format!("{} session", ordinal_word_capital(c.session)),
    );
    h(&mut heading, &format!("Agenda item {}", c.item_number));
    for (a, b) in wrap(&c.item_title, 60) {
        h(&mut heading, &c.item_title[a..b]);
    }
    for _ in 0..4 {
        h(&mut heading, "");
    }
    h(&mut heading, "Resolution adopted by the General Assembly");
    h(&mut heading, &format!("on {}", c.adopted));
    for _ in 0..4 {
        h(&mut heading, "");
    }
    heading.extend(para_lines(0, &c.heading_line, width));
    for _ in 0..3 {
        h(&mut heading, "");
    }
    let title_lines = para_lines(1, &c.title_para, 72);
    heading.extend(title_lines);
    for _ in 0..3 {
        h(&mut heading, "");
    }
    h(&mut heading, "The General Assembly,");
    h(&mut heading, "");

    // The running header's title: as in the heading, or narrower.
    let header_title: Vec<String> = if rng.below(2) == 0 {
        let prefix = c.title_para.text.find(". ").map_or(0, |i| i + 2);
        wrap(&c.title_para.text, 72)
            .into_iter()
            .map(|(a, b)| c.title_para.text[a.max(prefix)..b].to_string())
            .collect()
    } else {
        wrap(&c.title, 60)
            .into_iter()
            .map(|(a, b)| c.title[a..b].to_string())
            .collect()
    };

    // Body lines, paragraph by paragraph.
    let mut paras: Vec<Vec<Out>> = Vec::with_capacity(c.body.len());
    for (i, p) in c.body.iter().enumerate() {
        let mut lines = Vec::new();
        if p.number_alone {
            if let Some(n) = p.number {
                lines.push(Out::plain(format!("{n}.")));
            }
        }
        lines.extend(para_lines(2 + i, p, width));
        paras.push(lines);
    }
    let first_note = 2 + c.body.len();
    let notes: Vec<Vec<Out>> = c
        .footnotes
        .iter()
        .enumerate()
        .map(|(j, f)| para_lines(first_note + j, f, width))
        .collect();
    let para_count = 2 + c.body.len() + c.footnotes.len();
    let closing = [
        Out::plain(format!(
            "{} plenary meeting",
            ordinal_number(u32::from(c.meeting))
        )),
        Out::plain(c.adopted.to_string()),
    ];

    let mut w = Writer {
        text: String::with_capacity(16 * 1024),
        starts: vec![Vec::new(); para_count],
    };
    if !furniture {
        for line in &heading {
            w.line(line);
        }
        for (i, lines) in paras.iter().enumerate() {
            if i > 0 {
                w.blank();
            }
            for l in lines {
                w.line(l);
            }
        }
        w.blank();
        for l in &closing {
            w.line(l);
        }
        if !notes.is_empty() {
            w.raw("__________________");
            for n in &notes {
                w.blank();
                for l in n {
                    w.line(l);
                }
            }
        }
        return w;
    }

    // Pages: each a list of body lines and the footnotes they mark.
    let header_len = header_title.len() + 7;
    let note_block = |set: &[u32]| -> usize {
        if set.is_empty() {
            0
        } else {
            1 + set
                .iter()
                .map(|&n| 1 + notes.get(n as usize - 1).map_or(1, Vec::len))
                .sum::<usize>()
        }
    };
    struct Page<'a> {
        lines: Vec<&'a Out<'a>>,
        notes: Vec<u32>,
    }
    let blank = Out::plain("");
    let mut pages: Vec<Page> = vec![Page {
        lines: Vec::new(),
        notes: Vec::new(),
    }];
    let mut used = heading.len();
    let mut has_body = false;
    let mut units: Vec<Vec<&Out>> = paras.iter().map(|p| p.iter().collect()).collect();
    units.push(closing.iter().collect());
    let closing_unit = units.len() - 1;
    for (u, unit) in units.iter().enumerate() {
        let mut rest: &[&Out] = unit;
        let mut first = true;
        while !rest.is_empty() {
            let page = pages.last_mut().expect("a page");
            let sep = usize::from(first && has_body);
            // How many lines of this unit fit on the page.
            let mut notes_now = page.notes.clone();
            let mut k = 0;
            while k < rest.len() {
                let mut trial = notes_now.clone();
                for n in &rest[k].notes {
                    if !trial.contains(n) {
                        trial.push(*n);
                    }
                }
                if used + sep + k + 1 + note_block(&trial) > PAGE_LINES {
                    break;
                }
                notes_now = trial;
                k += 1;
            }
            let total_body = rest.iter().filter(|l| l.body).count();
            if k < rest.len() {
                // Keep at least two lines of a paragraph on each side of
                // a break (no widows, no orphans); a closing block stays
                // whole.
                let placed_body = rest[..k].iter().filter(|l| l.body).count();
                if u == closing_unit || placed_body < 2 {
                    k = 0;
                } else if total_body - placed_body < 2 {
                    let back = 2 - (total_body - placed_body);
                    k = k.saturating_sub(back);
                    if rest[..k].iter().filter(|l| l.body).count() < 2 {
                        k = 0;
                    }
                }
                if k == 0 && !has_body {
                    // A paragraph longer than a page: split it anyway.
                    k = 1.max(k);
                }
            }
            if k > 0 {
                if sep == 1 {
                    page.lines.push(&blank);
                    used += 1;
                }
                for l in &rest[..k] {
                    for n in &l.notes {
                        if !page.notes.contains(n) {
                            page.notes.push(*n);
                        }
                    }
                    page.lines.push(l);
                }
                used += k;
                has_body = true;
                rest = &rest[k..];
                first = false;
            }
            if !rest.is_empty() {
                pages.push(Page {
                    lines: Vec::new(),
                    notes: Vec::new(),
                });
                used = header_len;
                has_body = false;
            }
        }
    }

    let total = pages.len();
    let job_short = job.clone();
    for (i, page) in pages.iter().enumerate() {
        if i == 0 {
            for line in &heading {
                w.line(line);
            }
        } else {
            let number = format!("{}/{total}", i + 1);
            w.raw("");
            if (i + 1) % 2 == 0 {
                w.line(&Out::plain(symbol.clone()));
                for t in &header_title {
                    w.line(&Out::plain(t.clone()));
                }
                w.blank();
                w.line(&Out::plain(job_short.clone()));
                w.line(&Out::plain(number));
            } else {
                for t in &header_title {
                    w.line(&Out::plain(t.clone()));
                }
                w.line(&Out::plain(symbol.clone()));
                w.blank();
                w.line(&Out::plain(number));
                w.line(&Out::plain(job_short.clone()));
            }
            w.blank();
            w.blank();
        }
        for line in &page.lines {
            w.line(line);
        }
        if !page.notes.is_empty() {
            w.raw("__________________");
            let mut ordered = page.notes.clone();
            ordered.sort_unstable();
            for n in ordered {
                w.blank();
                if let Some(lines) = notes.get(n as usize - 1) {
                    for l in lines {
                        w.line(l);
                    }
                }
            }
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces() {
        let text = "Recalling its resolutions 43/78 H of 7 December 1988, 53/70 of 4 December 1998 and 54/49 of 1 December 1999,";
        let lines = wrap(text, 40);
        for (a, b) in &lines {
            assert!(text[*a..*b].chars().count() <= 40, "{}", &text[*a..*b]);
            assert!(!text[*a..*b].starts_with(' ') && !text[*a..*b].ends_with(' '));
        }
        let joined: Vec<&str> = lines.iter().map(|(a, b)| &text[*a..*b]).collect();
        assert_eq!(joined.join(" "), text);
    }
}

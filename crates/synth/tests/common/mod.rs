//! Comparing what `resgraph_extract::extract` reads in a generated text
//! with what the generator put there.
#![allow(dead_code)]

use resgraph_extract::{extract, Citation, Hint};
use resgraph_symbol::{GaSession, Symbol};
use resgraph_synth::{SynthCitation, SynthDocument};

/// Why a citation was not read as written, for the forms the extractor
/// is known not to read (see the crate's report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gap {
    /// `resolutions 78/92 on <topic> and 77/97 ...`: a list that goes on
    /// after an "on <topic>" phrase, read only when both items are dated
    /// and the topic starts lower-case without digits.
    TopicPhrase,
    /// `resolutions 53/243 A and B and S-26/2`: part letters followed by
    /// a special-session number, read as one more part `S`.
    PartsThenSpecialSession,
    /// A list item continued on the next page after a line ending with a
    /// comma (`..., 74/3 of 27 September 2019,` / page header / `75/3 of ...`).
    ListAcrossPageBreak,
    /// A page break inside a list whose running header wraps the title
    /// into a line under 25 characters (`instruments`): that line is read
    /// as text and breaks the list (or the date) it lands in.
    HeaderTitleFragment,
}

#[derive(Debug, Default)]
pub struct Comparison {
    pub truth: usize,
    pub found: usize,
    pub matched: usize,
    pub relation_ok: usize,
    pub paragraph_ok: usize,
    pub date_ok: usize,
    pub span_ok: usize,
    /// Ground-truth citations not found, with the gap that explains them.
    pub misses: Vec<(SynthCitation, Option<Gap>)>,
    /// Extracted citations the generator did not put there.
    pub extras: Vec<(Citation, Option<Gap>)>,
    /// Found, but with another cited date or span.
    pub mismatches: Vec<(SynthCitation, Option<Gap>)>,
}

impl Comparison {
    pub fn add(&mut self, other: Comparison) {
        self.truth += other.truth;
        self.found += other.found;
        self.matched += other.matched;
        self.relation_ok += other.relation_ok;
        self.paragraph_ok += other.paragraph_ok;
        self.date_ok += other.date_ok;
        self.span_ok += other.span_ok;
        self.misses.extend(other.misses);
        self.extras.extend(other.extras);
        self.mismatches.extend(other.mismatches);
    }

    pub fn recall(&self) -> f64 {
        self.matched as f64 / self.truth.max(1) as f64
    }

    pub fn precision(&self) -> f64 {
        self.matched as f64 / self.found.max(1) as f64
    }

    pub fn unexplained(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .misses
            .iter()
            .filter(|(_, g)| g.is_none())
            .map(|(c, _)| {
                format!(
                    "missed {} ({} {:?}) at {}",
                    c.target, c.section, c.paragraph, c.start
                )
            })
            .collect();
        out.extend(
            self.extras
                .iter()
                .filter(|(_, g)| g.is_none())
                .map(|(c, _)| {
                    format!(
                        "extra {} ({} {:?}) {:?} at {}",
                        c.target, c.section, c.paragraph, c.text, c.start
                    )
                }),
        );
        out.extend(
            self.mismatches
                .iter()
                .filter(|(_, g)| g.is_none())
                .map(|(c, _)| format!("date or span of {} at {} differs", c.target, c.start)),
        );
        out
    }
}

fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `of 7 December 1988` at the start of `text` (normalized) dropped:
/// what follows it, trimmed.
fn strip_date(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("of ") else {
        return text;
    };
    let mut parts = rest.splitn(3, ' ');
    let (Some(day), Some(month), Some(tail)) = (parts.next(), parts.next(), parts.next()) else {
        return text;
    };
    let ok = !day.is_empty()
        && day.len() <= 2
        && day.bytes().all(|b| b.is_ascii_digit())
        && month.chars().next().is_some_and(char::is_uppercase)
        && tail.len() >= 4
        && tail.as_bytes()[..4].iter().all(u8::is_ascii_digit);
    if ok {
        tail[4..].trim()
    } else {
        text
    }
}

/// Whether the page header in `raw` carries a title line under 25
/// characters (which the extractor keeps as text).
fn header_has_short_title_line(doc: &SynthDocument, raw: &str) -> bool {
    let Some(at) = raw.find("\n\n") else {
        return false;
    };
    raw[at..]
        .lines()
        .map(str::trim)
        .any(|l| !l.is_empty() && l.len() < 25 && doc.title.contains(l) && !l.contains('/'))
}

/// Classifies the miss of citation `index`; `missed` holds the gaps of
/// earlier misses (a list the extractor lost stays lost to its end).
fn classify_miss(
    doc: &SynthDocument,
    index: usize,
    missed: &[(usize, Option<Gap>)],
) -> Option<Gap> {
    let c = &doc.citations[index];
    let (pi, prev) = doc.citations[..index]
        .iter()
        .enumerate()
        .rev()
        .find(|(_, p)| p.end <= c.start && p.start != c.start)?;
    if prev.section != c.section || prev.paragraph != c.paragraph {
        return None;
    }
    let raw = &doc.text[prev.end..c.start];
    // The rest of a list whose earlier item was lost for a known reason.
    if let Some((_, Some(g))) = missed.iter().find(|(i, _)| *i == pi) {
        let sep = normalize(raw);
        let sep = strip_date(&sep);
        if matches!(sep, "," | "and" | ", and" | "")
            || (sep.ends_with(" and") && *g == Gap::TopicPhrase)
        {
            return Some(*g);
        }
    }
    if raw.contains("\n\n") {
        // A page header (and maybe the page's footnotes) stands between
        // the previous item and this one.
        if header_has_short_title_line(doc, raw) {
            return Some(Gap::HeaderTitleFragment);
        }
        let cut = raw
            .find("\n___")
            .or_else(|| raw.find("\n\n"))
            .unwrap_or(raw.len());
        if raw[..cut].trim_end().ends_with(',') {
            return Some(Gap::ListAcrossPageBreak);
        }
    }
    let gap = normalize(raw);
    let rest = strip_date(&gap);
    if rest.starts_with("on ") && rest.ends_with(" and") {
        return Some(Gap::TopicPhrase);
    }
    let special = matches!(
        c.target,
        Symbol::GaResolution {
            session: GaSession::Special(_) | GaSession::EmergencySpecial(_),
            ..
        }
    );
    if special && prev.target.part().is_some() && (gap == "and" || gap.ends_with(" and")) {
        return Some(Gap::PartsThenSpecialSession);
    }
    None
}

fn classify_extra(doc: &SynthDocument, e: &Citation) -> Option<Gap> {
    let truth_with_parts = doc
        .citations
        .iter()
        .any(|c| c.start == e.start && c.target.part().is_some());
    let text = normalize(&e.text);
    if truth_with_parts && (text.ends_with(" and S") || text.ends_with(" and ES")) {
        return Some(Gap::PartsThenSpecialSession);
    }
    None
}

/// Extracts `doc.text` and matches the result against the ground truth:
/// first by target, section and start, then by target and section.
pub fn compare(doc: &SynthDocument) -> Comparison {
    let hint = Hint {
        source: doc.file_name.clone(),
        symbol: None,
    };
    let got = extract(&doc.text, &hint);
    let mut used = vec![false; got.citations.len()];
    let mut pairs: Vec<Option<usize>> = vec![None; doc.citations.len()];
    for (i, t) in doc.citations.iter().enumerate() {
        if let Some(j) = got.citations.iter().enumerate().position(|(j, e)| {
            !used[j] && e.target == t.target && e.section == t.section && e.start == t.start
        }) {
            used[j] = true;
            pairs[i] = Some(j);
        }
    }
    for (i, t) in doc.citations.iter().enumerate() {
        if pairs[i].is_some() {
            continue;
        }
        if let Some(j) = got
            .citations
            .iter()
            .enumerate()
            .position(|(j, e)| !used[j] && e.target == t.target && e.section == t.section)
        {
            used[j] = true;
            pairs[i] = Some(j);
        }
    }
    let mut cmp = Comparison {
        truth: doc.citations.len(),
        found: got.citations.len(),
        ..Comparison::default()
    };
    let mut missed: Vec<(usize, Option<Gap>)> = Vec::new();
    for (i, t) in doc.citations.iter().enumerate() {
        match pairs[i] {
            Some(j) => {
                let e = &got.citations[j];
                cmp.matched += 1;
                cmp.relation_ok += usize::from(e.relation == t.relation);
                cmp.paragraph_ok += usize::from(e.paragraph == t.paragraph);
                let date_ok = e.cited_date == t.cited_date;
                let span_ok = e.start == t.start && e.end == t.end;
                cmp.date_ok += usize::from(date_ok);
                cmp.span_ok += usize::from(span_ok);
                if !(date_ok && span_ok) {
                    // A page header inside the mention or its date.
                    let after = &doc.text[t.end..(t.end + 40).min(doc.text.len())];
                    let inside = &doc.text[t.start..t.end];
                    let gap = (header_has_short_title_line(doc, after)
                        || header_has_short_title_line(doc, inside))
                    .then_some(Gap::HeaderTitleFragment);
                    cmp.mismatches.push((t.clone(), gap));
                }
            }
            None => {
                let gap = classify_miss(doc, i, &missed);
                missed.push((i, gap));
                cmp.misses.push((t.clone(), gap));
            }
        }
    }
    for (j, e) in got.citations.iter().enumerate() {
        if !used[j] {
            cmp.extras.push((e.clone(), classify_extra(doc, e)));
        }
    }
    cmp
}

//! The relation of a citation: how the citing paragraph treats what it
//! cites, read from the paragraph's opening words (`Recalling`,
//! `Welcomes`, `Takes note of`).

use resgraph_core::Relation;

/// The opening relation of a paragraph: [`Relation::from_opening`] of
/// its text after any paragraph number and sub-paragraph label.
pub(crate) fn opening_relation(text: &str) -> Relation {
    // The opening words are all that matter: look at no more.
    let mut rest = crate::text::prefix(text, 120).trim_start();
    // `1.`, `(a)`, `*`, quotes.
    loop {
        let before = rest.len();
        let head_window = crate::text::prefix(rest, 8);
        if let Some((head, _)) = head_window.split_once(". ") {
            let tail = &rest[head.len() + 2..];
            if !head.is_empty()
                && head.len() <= 3
                && head.chars().all(|c| c.is_ascii_alphanumeric())
            {
                rest = tail.trim_start();
            }
        }
        // OCR's comma for the number's full stop: `10, Reaffirms`.
        if let Some((_, skip)) = crate::layout::ocr_comma_head(rest) {
            rest = rest[skip..].trim_start();
        }
        if let Some(tail) = rest.strip_prefix('(') {
            if let Some((label, after)) = tail.split_once(')') {
                if label.len() <= 5 && label.chars().all(|c| c.is_ascii_alphanumeric()) {
                    rest = after.trim_start();
                }
            }
        }
        rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
        if rest.len() == before {
            break;
        }
    }
    // The phrase table and the rules after the paragraph's number are
    // the shared ones (`resgraph_core`), which synthetic texts use too.
    Relation::from_opening(&rest.chars().take(60).collect::<String>())
}

/// Clause words that open the recitals of a decision's running sentence
/// ("the General Assembly, recalling ..., and noting ..., decided ...").
const CLAUSE_WORDS: [&str; 12] = [
    "recalling",
    "reaffirming",
    "noting",
    "welcoming",
    "taking note",
    "bearing in mind",
    "recognizing",
    "having considered",
    "decided",
    "took note",
    "elected",
    "appointed",
];

/// A running paragraph (a GA decision) read once for its clause words and
/// inline footnotes, so that placing each of its mentions is a binary
/// search rather than a pass over all the text before it: a decision
/// citing thousands of documents stays linear. Gives the answers of
/// [`clause_relation`] (up to the few non-ASCII letters whose lower case
/// is ASCII, such as the Kelvin sign).
pub(crate) struct RunningText {
    /// Per clause word (in `CLAUSE_WORDS` order), every occurrence in the
    /// ASCII-lower-cased text, ascending: (start, whole word at the
    /// start, followed by a letter).
    clauses: Vec<Vec<(usize, bool, bool)>>,
    /// Starts of `(footnote:` in any case (the iGov export writes
    /// `(Footnote: See A/77/PV.46)`), ascending.
    footnotes: Vec<usize>,
    /// Offsets of `)`, ascending.
    closes: Vec<usize>,
}

const FOOTNOTE_OPEN: &str = "(footnote:";

impl RunningText {
    pub(crate) fn new(text: &str) -> RunningText {
        let lower = text.to_ascii_lowercase();
        let bytes = lower.as_bytes();
        let all = |hay: &str, word: &str| {
            let mut found = Vec::new();
            let mut from = 0;
            while let Some(i) = hay.get(from..).and_then(|h| h.find(word)) {
                found.push(from + i);
                from += i + 1;
            }
            found
        };
        let clauses = CLAUSE_WORDS
            .iter()
            .map(|word| {
                all(&lower, word)
                    .into_iter()
                    .map(|pos| {
                        let start_ok = pos == 0 || !bytes[pos - 1].is_ascii_alphabetic();
                        let letter_after = bytes
                            .get(pos + word.len())
                            .is_some_and(u8::is_ascii_alphabetic);
                        (pos, start_ok, letter_after)
                    })
                    .collect()
            })
            .collect();
        RunningText {
            clauses,
            footnotes: all(&lower, FOOTNOTE_OPEN),
            closes: memchr::memchr_iter(b')', text.as_bytes()).collect(),
        }
    }

    /// Whether the mention at `at` stands in an inline `(footnote: ...)`
    /// left open before it.
    pub(crate) fn in_footnote(&self, at: usize) -> bool {
        let n = self
            .footnotes
            .partition_point(|&p| p + FOOTNOTE_OPEN.len() <= at);
        let Some(&open) = n.checked_sub(1).and_then(|i| self.footnotes.get(i)) else {
            return false;
        };
        let next_close = self.closes.partition_point(|&c| c < open);
        self.closes.get(next_close).is_none_or(|&c| c >= at)
    }

    /// The relation of a mention at `at`: [`clause_relation`] of the text
    /// before it.
    pub(crate) fn relation_at(&self, at: usize) -> Relation {
        let mut best: Option<(usize, &'static str)> = None;
        for (word, found) in CLAUSE_WORDS.iter().zip(&self.clauses) {
            // The last occurrence that ends by `at`, whole words only (a
            // word ending at `at` is whole at its end).
            let n = found.partition_point(|&(p, _, _)| p + word.len() <= at);
            let Some(&(pos, start_ok, letter_after)) = n.checked_sub(1).and_then(|i| found.get(i))
            else {
                continue;
            };
            let end_ok = pos + word.len() >= at || !letter_after;
            if start_ok && end_ok && best.is_none_or(|(p, _)| pos > p) {
                best = Some((pos, word));
            }
        }
        match best {
            Some((_, "elected" | "appointed" | "took note")) | None => Relation::new("decided"),
            Some((_, word)) => Relation::new(word),
        }
    }
}

/// The relation of a mention in running text (a GA decision): the last
/// clause word before it, or `decided`. The reference that
/// [`RunningText::relation_at`] computes without re-reading the text.
#[cfg(test)]
pub(crate) fn clause_relation(before: &str) -> Relation {
    let lower = before.to_lowercase();
    let mut best: Option<(usize, &'static str)> = None;
    for word in CLAUSE_WORDS {
        if let Some(pos) = lower.rfind(word) {
            // Whole words only.
            let start_ok = pos == 0 || !lower.as_bytes()[pos - 1].is_ascii_alphabetic();
            let end = pos + word.len();
            let end_ok = end >= lower.len() || !lower.as_bytes()[end].is_ascii_alphabetic();
            if start_ok && end_ok && best.is_none_or(|(p, _)| pos > p) {
                best = Some((pos, word));
            }
        }
    }
    match best {
        Some((_, "elected" | "appointed" | "took note")) | None => Relation::new("decided"),
        Some((_, word)) => Relation::new(word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openings() {
        for (text, relation) in [
            ("Recalling its resolutions 43/78 H", "recalling"),
            ("1. *Welcomes* the proposal", "welcomes"),
            ("3. Also requests the Secretary-General", "requests"),
            ("Taking note of the report", "taking note"),
            ("(a) Efforts taken", "efforts"),
            ("12. Calls upon Member States", "calls upon"),
            ("Recalling also its resolution", "recalling"),
            ("10, Reaffirms the provisions", "reaffirms"),
        ] {
            assert_eq!(opening_relation(text), relation, "{text}");
        }
    }

    #[test]
    fn running_text_index_agrees_with_clause_relation() {
        let text = "At its 62nd plenary meeting, the General Assembly, recalling its \
                    resolutions 1/1 and 2/2 (Footnote: see A/1/2, and decidedecided 3/3) \
                    and noting 4/4, Recalling5/5, taking note of 6/6 (footnote: and 7/7, \
                    elected 8/8; DECIDED 9/9";
        let index = RunningText::new(text);
        for at in 0..=text.len() {
            if text.is_char_boundary(at) {
                assert_eq!(
                    index.relation_at(at),
                    clause_relation(&text[..at]),
                    "at {at}"
                );
                let before = text[..at].to_ascii_lowercase();
                let open = before
                    .rfind("(footnote:")
                    .is_some_and(|o| !before[o..].contains(')'));
                assert_eq!(index.in_footnote(at), open, "at {at}");
            }
        }
    }

    /// The iGov export's inline footnotes, as written in
    /// `tests/golden/blind-2026-11/A_DEC_77_517.txt`: capital `F`.
    #[test]
    fn inline_footnotes_of_the_igov_export() {
        let text = "by a recorded vote of 158 to 1, with 20 abstentions (Footnote: See \
                    A/77/PV.46),   on the recommendation of the First Committee, \
                    (Footnote: A/77/385, para.111.),  recalling its resolutions 51/45 B";
        let index = RunningText::new(text);
        let at = |needle: &str| text.find(needle).expect(needle);
        assert!(index.in_footnote(at("A/77/PV.46")));
        assert!(index.in_footnote(at("A/77/385")));
        assert!(!index.in_footnote(at("51/45 B")));
        assert!(!index.in_footnote(at("on the recommendation")));
    }

    #[test]
    fn clauses() {
        assert_eq!(
            clause_relation(
                "At its 62nd plenary meeting, the General Assembly, recalling its resolutions "
            ),
            "recalling"
        );
        assert_eq!(
            clause_relation("At its 42nd plenary meeting, on the basis of "),
            "decided"
        );
    }
}

/// The title given right after a mention, past its date: `, entitled
/// “Transforming our world: the 2030 Agenda for Sustainable
/// Development”`. At most 400 characters are looked at; a title is
/// between typographic or straight double quotes.
pub(crate) fn entitled_after(text: &str) -> Option<String> {
    // A title right after the number comes first: the cited date may
    // follow it (`71/28 entitled “...”, adopted by the General Assembly
    // on 5 December 2016`), and the date's reading takes the title in.
    let opening = text.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    let rest = if opening.starts_with("entitled") {
        opening
    } else {
        match crate::dates::date_at(text) {
            Some((_, len)) => &text[len..],
            None => text,
        }
    };
    let rest = rest.trim_start_matches([',', ' ']);
    let rest = rest.strip_prefix("entitled")?.trim_start();
    let rest = rest.strip_prefix(['“', '"'])?;
    let window = crate::text::prefix(rest, 400);
    let end = window.find(['”', '"'])?;
    let title: String = window[..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!title.is_empty()).then_some(title)
}

#[cfg(test)]
mod entitled_tests {
    #[test]
    fn titles_after_mentions() {
        assert_eq!(
            super::entitled_after(" of 25 September 2015, entitled “Transforming our world”, and")
                .as_deref(),
            Some("Transforming our world")
        );
        assert_eq!(
            super::entitled_after(", entitled \"A\n title\"").as_deref(),
            Some("A title")
        );
        // The title before an adoption date (A/RES/73/27 on 71/28).
        assert_eq!(
            super::entitled_after(
                " entitled “Developments in the field”, adopted by the General Assembly on 5 December 2016:"
            )
            .as_deref(),
            Some("Developments in the field")
        );
        assert_eq!(super::entitled_after(" on the subject"), None);
        assert_eq!(super::entitled_after(", entitled “unclosed"), None);
    }
}

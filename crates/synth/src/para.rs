//! A paragraph being written, with the citations it holds: every mention
//! is recorded at the byte where it starts, so that the ground truth can
//! be put in text order once the page is laid out.

use resgraph_core::{Relation, Section};
use resgraph_symbol::Symbol;

use crate::calendar::Day;
use crate::rng::Rng;
use crate::SynthCitation;

/// One paragraph: heading line, preambular or operative paragraph,
/// sub-paragraph or footnote.
#[derive(Debug, Clone)]
pub(crate) struct Para {
    pub text: String,
    /// `Some(n)` for an operative paragraph printed `n.`.
    pub number: Option<u32>,
    /// The number stands on a line of its own (PDF text layer).
    pub number_alone: bool,
    pub section: Section,
    pub relation: Relation,
    pub paragraph: Option<u32>,
    /// (byte span in `text`, citation).
    pub cites: Vec<(usize, usize, SynthCitation)>,
    /// (byte offset just past the mark, footnote number).
    pub marks: Vec<(usize, u32)>,
}

/// What a text claims about the date of what it cites.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Claim {
    pub written: Day,
    pub truth: Day,
    pub wrong: bool,
}

impl Claim {
    /// The true date, or with probability `per_mille / 1000` a wrong one.
    /// `keep_year` keeps the year (a bare Security Council number takes
    /// its year from the date).
    pub fn roll(rng: &mut Rng, truth: Day, per_mille: u32, keep_year: bool) -> Claim {
        if per_mille == 0 || !rng.chance(per_mille) {
            return Claim {
                written: truth,
                truth,
                wrong: false,
            };
        }
        let wrong = loop {
            let candidate = match rng.below(if keep_year { 2 } else { 3 }) {
                0 => {
                    let delta = rng.range(1, 5) as i64 * if rng.below(2) == 0 { -1 } else { 1 };
                    let d = truth.plus(delta);
                    if keep_year && d.year != truth.year {
                        truth.plus(-delta)
                    } else {
                        d
                    }
                }
                1 => {
                    let month = if truth.month == 12 {
                        11
                    } else if truth.month == 1 || rng.below(2) == 0 {
                        truth.month + 1
                    } else {
                        truth.month - 1
                    };
                    let day = truth.day.min(Day::days_in_month(truth.year, month));
                    Day::new(truth.year, month, day)
                }
                _ => {
                    let year = if rng.below(2) == 0 {
                        truth.year + 1
                    } else {
                        truth.year - 1
                    };
                    let day = truth.day.min(Day::days_in_month(year, truth.month));
                    Day::new(year, truth.month, day)
                }
            };
            if candidate != truth {
                break candidate;
            }
        };
        Claim {
            written: wrong,
            truth,
            wrong: true,
        }
    }
}

/// One element of a list of references: one number form and the
/// symbols it names (several for `31/6 A and B`).
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub targets: Vec<Symbol>,
    pub written: String,
    pub date: Option<Day>,
    /// Items whose dates may be written once for all: same session (GA)
    /// or same organ and year. `u64::MAX` never groups.
    pub group: u64,
    /// A bare Security Council number whose year is read from its date.
    pub bare: bool,
}

impl Para {
    pub fn new(section: Section, relation: impl Into<Relation>, paragraph: Option<u32>) -> Para {
        Para {
            text: String::new(),
            number: None,
            number_alone: false,
            section,
            relation: relation.into(),
            paragraph,
            cites: Vec::new(),
            marks: Vec::new(),
        }
    }

    pub fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// Writes `written` and records a citation of each target at its
    /// first byte.
    pub fn cite(&mut self, targets: &[Symbol], written: &str, claim: Option<Claim>) {
        let at = self.text.len();
        for t in targets {
            self.cites.push((
                at,
                at + written.len(),
                SynthCitation {
                    target: t.clone(),
                    cited_date: claim.map(|c| c.written.date()),
                    section: self.section,
                    relation: self.relation.clone(),
                    wrong_date: claim.is_some_and(|c| c.wrong),
                    paragraph: self.paragraph,
                    true_date: claim.map(|c| c.truth.date()),
                    start: 0,
                    end: 0,
                },
            ));
        }
        self.text.push_str(written);
    }

    /// Writes a footnote mark glued to the text before it.
    pub fn mark(&mut self, n: u32) {
        self.text.push_str(&n.to_string());
        self.marks.push((self.text.len(), n));
    }

    /// Writes a list of references. In a dated list every item carries
    /// its date, written once after a pair of items that share it
    /// (`74/28 and 74/29 of 12 December 2019`: the form whose reading is
    /// settled; `73/6, 73/7 and 73/34 of ...` is not); an undated list
    /// carries none, so that no date can be read as another item's.
    pub fn list(&mut self, rng: &mut Rng, items: &[Item], dated: bool, per_mille: u32) {
        // Runs of items written with one date.
        let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
        let mut i = 0;
        while i < items.len() {
            let mut j = i + 1;
            if dated && items[i].group != u64::MAX && !items[i].bare {
                while j < items.len()
                    && j - i < 2
                    && items[j].group == items[i].group
                    && items[j].date == items[i].date
                    && !items[j].bare
                {
                    j += 1;
                }
            }
            runs.push(i..j);
            i = j;
        }
        for (r, run) in runs.iter().enumerate() {
            if r > 0 {
                self.push(if r + 1 == runs.len() { " and " } else { ", " });
            }
            let claim = match (dated, items[run.start].date) {
                (true, Some(truth)) => Some(Claim::roll(
                    rng,
                    truth,
                    per_mille,
                    run.clone().any(|k| items[k].bare),
                )),
                _ => None,
            };
            for (m, k) in run.clone().enumerate() {
                if m > 0 {
                    self.push(if m + 1 == run.len() { " and " } else { ", " });
                }
                self.cite(&items[k].targets, &items[k].written, claim);
            }
            if let Some(c) = claim {
                self.push(" of ");
                self.push(&c.written.to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations() {
        for (opener, relation) in [
            ("Recalling also", "recalling"),
            ("Taking note with appreciation of", "taking note"),
            ("Also requests", "requests"),
            ("Once again urges", "urges"),
            ("Strongly condemns", "condemns"),
            ("Calls upon", "calls upon"),
            ("Expressing deep concern", "expressing"),
            ("Bearing in mind", "bearing in mind"),
            ("Deeply concerned", "deeply"),
        ] {
            // The labels synthetic texts get are the extractor's reading.
            assert_eq!(Relation::from_opening(opener), relation, "{opener}");
        }
    }

    #[test]
    fn wrong_dates_differ_and_exist() {
        let mut rng = Rng::new(9);
        for _ in 0..2000 {
            let truth = Day::new(2019, 12, 31);
            let c = Claim::roll(&mut rng, truth, 1000, true);
            assert!(c.wrong && c.written != truth && c.written.year == 2019);
            let c = Claim::roll(&mut rng, Day::new(2020, 2, 29), 1000, false);
            assert!(c.written.day <= Day::days_in_month(c.written.year, c.written.month));
        }
    }
}

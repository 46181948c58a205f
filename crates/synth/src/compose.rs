//! What a resolution says: its heading, preambular and operative
//! paragraphs and footnotes, with every citation recorded as it is
//! written.

use std::collections::HashSet;

use resgraph_symbol::{GaSession, Symbol};

use crate::calendar::{ordinal_word, ordinal_word_capital, Day};
use crate::famous::{
    chr_date, ecosoc_date, hrc_date, hrc_last_session_before, sc_date, sc_numbers,
    FAMOUS_ECOSOC_ROMAN, FAMOUS_GA, FAMOUS_SC,
};
use crate::para::{Claim, Item, Para};
use crate::rng::{hash, Rng};
use crate::vocab::{
    Committee, Theme, ACTORS, ADJECTIVES, CONCERNS, GERUNDS, GOALS, MANNERS, PERIODS, THEMES, VERBS,
};
use crate::world::{lower_first, Entry, Lineage, Who, World};
use resgraph_core::{HeadingRole, Relation, Section};

/// A resolution before layout.
pub(crate) struct Composed {
    pub symbol: Symbol,
    pub session: u16,
    pub title: String,
    pub item_title: String,
    pub item_number: String,
    pub heading_line: Para,
    pub title_para: Para,
    pub body: Vec<Para>,
    pub footnotes: Vec<Para>,
    pub adopted: Day,
    pub distr: Day,
    pub job: u32,
    pub date_code: Day,
    pub meeting: u16,
}

struct Composer<'w> {
    w: &'w World,
    rng: Rng,
    s: u16,
    entry: Entry,
    series: Option<u32>,
    theme: &'static Theme,
    theme_index: usize,
    per_mille: u32,
    adopted: Day,
    /// Symbols already mentioned: later mentions carry no date.
    cited: HashSet<Symbol>,
    footnotes: Vec<Para>,
    body: Vec<Para>,
    preamble_count: u32,
    operative_count: u32,
    number_alone: bool,
    /// The Secretary-General's report on the item this session.
    sg_report: Symbol,
}

/// Composes the resolution `index` of session `s`.
pub(crate) fn compose(w: &World, s: u16, index: u32, per_mille: u32) -> Composed {
    let entry = *w.entry(s, index);
    let mut rng = Rng::keyed(w.seed, &[0xD0C, u64::from(s), u64::from(index)]);
    let (series, theme_index) = match entry.who {
        Who::Series(k) => (Some(k), w.series[k as usize].theme),
        Who::Famous(f) => (None, famous_theme(usize::from(f))),
        Who::Filler => (None, 1),
    };
    let theme = &THEMES[theme_index];
    let sg_number =
        60 + (hash(w.seed, &[0x5C6, u64::from(s), u64::from(entry.number)]) % 340) as u32;
    let sg_report = document(&format!("A/{s}/{sg_number}"));
    let mut c = Composer {
        w,
        number_alone: rng.chance(700),
        rng,
        s,
        entry,
        series,
        theme,
        theme_index,
        per_mille,
        adopted: entry.date,
        cited: HashSet::new(),
        footnotes: Vec::new(),
        body: Vec::new(),
        preamble_count: 0,
        operative_count: 0,
        sg_report,
    };
    let symbol = World::symbol(s, &entry);
    let title = w.title(s, &entry);
    let item_title = match series {
        Some(k) => w.series[k as usize].item_title(s),
        None if theme_index == 1 => {
            format!("General and complete disarmament: {}", lower_first(&title))
        }
        None => title.clone(),
    };
    let committee = series.map_or(
        if theme_index == 1 {
            Committee::First
        } else {
            Committee::Plenary
        },
        |k| w.series[k as usize].committee,
    );
    let heading_line = c.heading_line(committee);
    let title_para = {
        let mut p = Para::new(
            Section::Heading,
            Relation::heading(HeadingRole::Title),
            None,
        );
        p.push(&format!("{}. {}", World::written(s, &entry), title));
        p
    };
    let item_number = c.item_number(committee);
    let n_op = c.preamble();
    c.operative(n_op, &item_title, &title);
    let distr = entry.date.plus(c.rng.range(2, 9) as i64).to_weekday();
    let date_code = distr.plus(c.rng.range(0, 3) as i64);
    let job = 10_000 + distr.day_of_year() * 60 + c.rng.below(60) as u32;
    Composed {
        symbol,
        session: s,
        title,
        item_title,
        item_number,
        heading_line,
        title_para,
        body: c.body,
        footnotes: c.footnotes,
        adopted: entry.date,
        distr,
        job,
        date_code,
        meeting: entry.meeting,
    }
}

/// Whether a phrase names something that did not exist in `year`.
fn anachronism(phrase: &str, year: u16) -> bool {
    const SINCE: [(&str, u16); 8] = [
        ("2030 Agenda", 2015),
        ("Sustainable Development Goals", 2015),
        ("Human Rights Council", 2006),
        ("universal periodic review", 2007),
        ("Arms Trade Treaty", 2013),
        ("Comprehensive Nuclear-Test-Ban Treaty", 1996),
        ("International Tracing Instrument", 2005),
        ("Central Emergency Response Fund", 2005),
    ];
    SINCE
        .iter()
        .any(|(name, since)| year < *since && phrase.contains(name))
}

/// The theme a famous resolution's own text speaks in.
fn famous_theme(f: usize) -> usize {
    THEMES
        .iter()
        .position(|t| t.famous.first() == Some(&f))
        .unwrap_or(24)
}

/// A masthead symbol of the generator's own making.
fn document(text: &str) -> Symbol {
    match text.parse() {
        Ok(s) => s,
        Err(e) => panic!("generated an unparsable symbol {text:?}: {e}"),
    }
}

fn ga_group(session: GaSession) -> u64 {
    match session {
        GaSession::Regular(n) => u64::from(n),
        GaSession::Special(n) => 1000 + u64::from(n),
        GaSession::EmergencySpecial(n) => 2000 + u64::from(n),
    }
}

impl Composer<'_> {
    // ---- vocabulary -------------------------------------------------

    /// A topic of the theme, preferring ones that existed when the text
    /// was adopted (no 2030 Agenda in 1976).
    fn topic(&mut self) -> &'static str {
        let mut t = self.rng.word(self.theme.topics);
        for _ in 0..3 {
            if !anachronism(t, self.adopted.year) {
                break;
            }
            t = self.rng.word(self.theme.topics);
        }
        t
    }
    fn actor(&mut self) -> &'static str {
        self.rng.word(ACTORS)
    }
    fn goal(&mut self) -> &'static str {
        let mut g = self.rng.word(GOALS);
        while anachronism(g, self.adopted.year) {
            g = self.rng.word(GOALS);
        }
        g
    }
    fn verb(&mut self) -> &'static str {
        self.rng.word(VERBS)
    }
    fn gerund(&mut self) -> &'static str {
        self.rng.word(GERUNDS)
    }
    fn adj(&mut self) -> &'static str {
        self.rng.word(ADJECTIVES)
    }
    fn manner(&mut self) -> &'static str {
        self.rng.word(MANNERS)
    }

    // ---- items ------------------------------------------------------

    fn entry_item(&self, s: u16, i: u32) -> Item {
        let e = self.w.entry(s, i);
        Item {
            targets: vec![World::symbol(s, e)],
            written: World::written(s, e),
            date: Some(e.date),
            group: u64::from(s),
            bare: false,
        }
    }

    fn famous_item(f: usize) -> Item {
        let fam = &FAMOUS_GA[f];
        Item {
            targets: fam.symbols(),
            written: fam.written(),
            date: Some(fam.date),
            group: ga_group(fam.session),
            bare: false,
        }
    }

    fn decision_item(&self, s: u16, n: u32) -> Item {
        Item {
            targets: vec![Symbol::GaDecision {
                session: GaSession::Regular(s),
                number: n,
                part: None,
            }],
            written: format!("{s}/{n}"),
            date: Some(self.w.decision_date(s, n)),
            group: u64::from(s),
            bare: false,
        }
    }

    fn sc_item(&self, number: u32, year: u16, bare: bool) -> Item {
        Item {
            targets: vec![Symbol::ScResolution { number, year }],
            written: if bare {
                number.to_string()
            } else {
                format!("{number} ({year})")
            },
            date: Some(sc_date(self.w.seed, number, year)),
            group: if bare {
                u64::MAX
            } else {
                10_000 + u64::from(year)
            },
            bare,
        }
    }

    /// Drops a list's dates where its items were mentioned before.
    fn first_mention(&mut self, items: &[Item]) -> bool {
        let fresh = items
            .iter()
            .flat_map(|i| i.targets.iter())
            .any(|t| !self.cited.contains(t));
        for t in items.iter().flat_map(|i| i.targets.iter()) {
            self.cited.insert(t.clone());
        }
        fresh
    }

    /// A recent Security Council resolution, adopted before the citing
    /// text.
    fn recent_sc(&mut self) -> (u32, u16) {
        let mut year = self.adopted.year - self.rng.below(4) as u16;
        loop {
            let range = sc_numbers(year);
            let n = range.start + self.rng.below((range.end - range.start) as usize) as u32;
            if sc_date(self.w.seed, n, year) < self.adopted {
                return (n, year);
            }
            year -= 1;
        }
    }

    // ---- heading ----------------------------------------------------

    fn heading_line(&mut self, committee: Committee) -> Para {
        let s = self.s;
        let key = hash(
            self.w.seed,
            &[0x4E, u64::from(s), u64::from(self.entry.number)],
        );
        if committee == Committee::Plenary {
            let mut p = Para::new(
                Section::Heading,
                Relation::heading(HeadingRole::DraftOf),
                None,
            );
            let l = 1 + (key % 120) as u32;
            let draft = document(&format!("A/{s}/L.{l}"));
            p.push("[without reference to a Main Committee (");
            p.cite(std::slice::from_ref(&draft), &draft.to_string(), None);
            if key % 10 < 3 {
                let add = document(&format!("A/{s}/L.{l}/Add.1"));
                p.push(" and ");
                p.cite(&[add], &format!("A/{s}/L.{l}/Add.1"), None);
            }
            p.push(")]");
            return p;
        }
        let mut p = Para::new(
            Section::Heading,
            Relation::heading(HeadingRole::Report),
            None,
        );
        let (lo, _) = committee.items();
        let item = self
            .series
            .map_or(lo, |k| self.w.series[k as usize].item_offset);
        let mut report = format!("A/{s}/{}", committee.report_base() + (item - lo) % 17);
        if committee == Committee::Third && key % 10 < 4 {
            report.push_str(&format!("/Add.{}", 1 + (key >> 8) % 5));
        }
        let symbol = document(&report);
        p.push(&format!(
            "[on the report of the {} (",
            committee.report_name()
        ));
        p.cite(&[symbol], &report, None);
        p.push(&format!(", para. {})]", 5 + (key >> 16) % 120));
        p
    }

    fn item_number(&mut self, committee: Committee) -> String {
        let (lo, _) = committee.items();
        let item = self
            .series
            .map_or(lo + 3, |k| self.w.series[k as usize].item_offset);
        match self.series.and_then(|k| self.w.series[k as usize].group) {
            Some(g) => format!("{} ({})", item, char::from(b'a' + (g % 20) as u8)),
            None if self.theme.titles.len() > 3 && self.rng.chance(250) => {
                format!("{} ({})", item, char::from(b'a' + self.rng.below(6) as u8))
            }
            None => item.to_string(),
        }
    }

    // ---- paragraphs -------------------------------------------------

    fn pre(&mut self, opener: &str) -> Para {
        // No `Recalling also` before anything has been recalled.
        let opener = if self.preamble_count == 0 {
            opener.strip_suffix(" also").unwrap_or(opener)
        } else {
            opener
        };
        self.preamble_count += 1;
        let mut p = Para::new(
            Section::Preamble,
            Relation::from_opening(opener),
            Some(self.preamble_count),
        );
        p.push(opener);
        p.push(" ");
        p
    }

    fn op(&mut self, opener: &str) -> Para {
        let opener = match (self.operative_count, opener.strip_prefix("Also ")) {
            (0, Some(rest)) => {
                let mut chars = rest.chars();
                let first = chars
                    .next()
                    .map(|c| c.to_uppercase().to_string())
                    .unwrap_or_default();
                std::borrow::Cow::Owned(first + chars.as_str())
            }
            _ => std::borrow::Cow::Borrowed(opener),
        };
        let opener = opener.as_ref();
        self.operative_count += 1;
        let n = self.operative_count;
        let mut p = Para::new(Section::Operative, Relation::from_opening(opener), Some(n));
        p.number = Some(n);
        p.number_alone = self.number_alone;
        if !self.number_alone {
            p.push(&format!("{n}. "));
        }
        p.push(opener);
        p.push(" ");
        p
    }

    /// A sub-paragraph `(a)` of the last operative paragraph.
    fn sub(&mut self, letter: usize, relation: &Relation) -> Para {
        let mut p = Para::new(Section::Operative, relation, Some(self.operative_count));
        p.push(&format!("({}) ", char::from(b'a' + letter as u8)));
        p
    }

    /// Opens footnote `n` marked at the current end of `p`.
    fn footnote(&mut self, p: &mut Para) -> Para {
        let n = self.footnotes.len() as u32 + 1;
        p.mark(n);
        let mut f = Para::new(Section::Footnote, "see", Some(n));
        f.push(&format!("{n} "));
        f
    }

    fn done_footnote(&mut self, mut f: Para) {
        if !f.text.ends_with('.') {
            f.push(".");
        }
        self.footnotes.push(f);
    }

    // ---- the preamble ------------------------------------------------

    fn preamble(&mut self) -> usize {
        let total = self.rng.log_normal(40.0, 0.55).clamp(8.0, 180.0) as usize;
        let share = 0.35 + self.rng.unit() * 0.2;
        let n_pre = ((total as f64 * share) as usize).max(3);
        let n_op = total.saturating_sub(n_pre).max(3);
        self.operative_count = 0;
        // The recalling block first, then the rest in a shuffled order.
        let mut plan: Vec<u8> = Vec::new();
        let lineage = self.lineage_items();
        if lineage.is_some() {
            plan.push(0);
        }
        let mut middle: Vec<u8> = Vec::new();
        let famous_count = match self.rng.weighted(&[20, 35, 30, 15]) {
            k if !self.famous_choices().is_empty() => k,
            _ => 0,
        };
        middle.extend(std::iter::repeat_n(1, famous_count));
        if (!self.theme.sc.is_empty() || self.theme.sc_recent) && self.rng.chance(600) {
            middle.push(2);
        }
        if self.theme.ecosoc && self.rng.chance(350) {
            middle.push(3);
        }
        if self.theme.hrc && self.adopted.year >= 2008 && self.rng.chance(450) {
            middle.push(4);
        }
        let related = self.rng.weighted(&[30, 35, 25, 10]);
        middle.extend(std::iter::repeat_n(5, related));
        if self.rng.chance(150) {
            middle.push(6);
        }
        self.rng.shuffle(&mut middle);
        plan.extend(middle);
        let mut later: Vec<u8> = Vec::new();
        if self.rng.chance(700) {
            later.push(7);
        }
        if !self.theme.supplements.is_empty() && self.rng.chance(500) {
            later.push(8);
        }
        if self.rng.chance(120) {
            later.push(9);
        }
        if self.rng.chance(450) {
            later.push(11);
        }
        while plan.len() + later.len() < n_pre {
            later.push(if self.rng.chance(200) { 12 } else { 10 });
        }
        self.rng.shuffle(&mut later);
        plan.extend(later);
        let mut lineage = lineage;
        for kind in plan {
            let p = match kind {
                0 => self.lineage_paragraph(lineage.take().unwrap_or_default()),
                1 => self.famous_paragraph(),
                2 => self.sc_paragraph(),
                3 => self.ecosoc_paragraph(),
                4 => self.hrc_paragraph(),
                5 => self.related_paragraph(),
                6 => self.decision_paragraph(),
                7 => self.report_paragraph(),
                8 => self.supplement_paragraph(),
                9 => self.trap_paragraph(),
                11 => self.named_famous_paragraph(),
                12 => self.footnoted_filler(),
                _ => self.filler_preamble(),
            };
            if let Some(p) = p {
                self.body.push(p);
            }
        }
        n_op
    }

    fn famous_choices(&self) -> Vec<usize> {
        self.theme
            .famous
            .iter()
            .copied()
            .filter(|&f| {
                FAMOUS_GA[f].date < self.adopted
                    && World::symbol_is_not(&FAMOUS_GA[f], self.s, &self.entry)
            })
            .collect()
    }

    /// The predecessors this resolution recalls, as list items.
    fn lineage_items(&mut self) -> Option<Vec<Item>> {
        let k = self.series?;
        let series = &self.w.series[k as usize];
        let preds = self.w.predecessors(k, self.s);
        let mut items: Vec<Item> = Vec::new();
        if let (Lineage::Full, Some(root)) = (series.lineage, series.root) {
            items.push(Self::famous_item(root));
        }
        let chosen: Vec<(u16, u32)> = match series.lineage {
            Lineage::Silent => return None,
            Lineage::Full => preds.clone(),
            Lineage::Recent(n) => preds
                .iter()
                .rev()
                .take(usize::from(n))
                .rev()
                .copied()
                .collect(),
            Lineage::FirstAndLast => match (preds.first(), preds.last()) {
                (Some(a), Some(b)) if a != b => vec![*a, *b],
                (Some(a), _) => vec![*a],
                _ => vec![],
            },
        };
        for (ps, i) in chosen {
            items.push(self.entry_item(ps, i));
            // A related resolution adopted at the same meeting, now and
            // then (`74/28 and 74/29 of 12 December 2019`).
            let plan = self.w.session(ps);
            if self.rng.chance(80) && (i as usize + 1) < plan.entries.len() {
                let next = plan.entries[i as usize + 1];
                if next.date == plan.entries[i as usize].date
                    && next.number != plan.entries[i as usize].number
                {
                    items.push(self.entry_item(ps, i + 1));
                }
            }
        }
        if items.is_empty() {
            None
        } else {
            Some(items)
        }
    }

    fn lineage_paragraph(&mut self, items: Vec<Item>) -> Option<Para> {
        if items.is_empty() {
            return None;
        }
        let k = self.series?;
        let lineage = self.w.series[k as usize].lineage;
        let opener = *self
            .rng
            .pick(&["Recalling", "Recalling", "Recalling", "Reaffirming"]);
        let mut p = self.pre(opener);
        let fresh = self.first_mention(&items);
        if lineage == Lineage::FirstAndLast && items.len() >= 2 {
            let (first, rest) = items.split_at(1);
            p.push("its resolution ");
            p.list(&mut self.rng, first, fresh, self.per_mille);
            p.push(" and all subsequent resolutions on the subject, including resolution ");
            p.list(
                &mut self.rng,
                &rest[rest.len() - 1..],
                fresh,
                self.per_mille,
            );
        } else {
            p.push(if items.len() == 1 && items[0].targets.len() == 1 {
                "its resolution "
            } else {
                "its resolutions "
            });
            p.list(&mut self.rng, &items, fresh, self.per_mille);
        }
        // Decisions on the same item, now and then.
        if self.rng.chance(200) && self.s > 33 {
            let count = self.rng.range(1, 2);
            let mut decisions: Vec<(u16, u32)> = (0..count)
                .map(|_| {
                    let ds = self.s - 1 - self.rng.below(usize::from((self.s - 32).min(8))) as u16;
                    (ds, 401 + self.rng.below(160) as u32)
                })
                .collect();
            decisions.sort_unstable();
            decisions.dedup();
            let decision_items: Vec<Item> = decisions
                .iter()
                .map(|&(ds, n)| self.decision_item(ds, n))
                .collect();
            let fresh = self.first_mention(&decision_items);
            p.push(if decision_items.len() == 1 {
                ", as well as its decision "
            } else {
                ", as well as its decisions "
            });
            p.list(&mut self.rng, &decision_items, fresh, self.per_mille);
        }
        p.push(",");
        Some(p)
    }

    fn famous_paragraph(&mut self) -> Option<Para> {
        let choices = self.famous_choices();
        if choices.is_empty() {
            return None;
        }
        let fi = *self.rng.pick(&choices);
        let fam = &FAMOUS_GA[fi];
        let item = Self::famous_item(fi);
        let fresh = self.first_mention(std::slice::from_ref(&item));
        let form = self.rng.below(5);
        let mut p;
        match form {
            // Named, with the resolution in a footnote.
            0 => {
                let opener =
                    *self
                        .rng
                        .pick(&["Guided by", "Reaffirming", "Recalling", "Bearing in mind"]);
                p = self.pre(opener);
                p.push(&format!(
                    "the purposes and principles of the Charter of the United Nations and {},",
                    fam.name
                ));
                let mut f = self.footnote(&mut p);
                f.push("Resolution ");
                f.list(&mut self.rng, &[Self::famous_item(fi)], false, 0);
                if self.rng.chance(400) {
                    f.push(", annex");
                }
                self.done_footnote(f);
                return Some(p);
            }
            1 => {
                let opener = *self
                    .rng
                    .pick(&["Recalling", "Recalling also", "Reaffirming"]);
                p = self.pre(opener);
                p.push(&format!(
                    "{}, adopted by the General Assembly in its resolution ",
                    fam.name
                ));
                p.list(&mut self.rng, &[item], fresh, self.per_mille);
                p.push(",");
            }
            2 if fam.style() == resgraph_symbol::GaStyle::Modern => {
                let opener = *self
                    .rng
                    .pick(&["Recalling", "Reaffirming", "Reaffirming also"]);
                p = self.pre(opener);
                p.push("its resolution ");
                p.list(&mut self.rng, &[item], fresh, self.per_mille);
                p.push(&format!(", entitled “{}”, ", fam.title));
                let topic = self.topic();
                let goal = self.goal();
                p.push(&format!(
                    "and stressing its relevance to {topic} and to {goal},"
                ));
            }
            3 => {
                // Two famous resolutions in one list.
                let other = *self.rng.pick(&self.famous_choices());
                p = self.pre("Reaffirming");
                if other == fi {
                    p.push("its resolution ");
                    p.list(&mut self.rng, &[item], fresh, self.per_mille);
                } else {
                    let mut pair = vec![item, Self::famous_item(other)];
                    pair.sort_by_key(|i| i.date);
                    let fresh = self.first_mention(&pair) || fresh;
                    p.push("its resolutions ");
                    p.list(&mut self.rng, &pair, fresh, self.per_mille);
                }
                let topic = self.topic();
                p.push(&format!(", and the importance of {topic},"));
            }
            _ => {
                p = self.pre("Recalling also");
                p.push(&format!("{}, contained in its resolution ", fam.name));
                p.list(&mut self.rng, &[item], fresh, self.per_mille);
                p.push(",");
            }
        }
        Some(p)
    }

    fn sc_paragraph(&mut self) -> Option<Para> {
        let opener = *self.rng.pick(&[
            "Recalling",
            "Bearing in mind",
            "Recalling also",
            "Reaffirming",
        ]);
        let mut p = self.pre(opener);
        let mut items: Vec<Item> = Vec::new();
        let famous: Vec<usize> = self
            .theme
            .sc
            .iter()
            .copied()
            .filter(|&i| FAMOUS_SC[i].date < self.adopted)
            .collect();
        if !famous.is_empty() {
            let count = self.rng.range(1, famous.len().min(4));
            let mut picks: Vec<usize> = (0..count).map(|_| *self.rng.pick(&famous)).collect();
            picks.sort_unstable();
            picks.dedup();
            for i in picks {
                let f = &FAMOUS_SC[i];
                items.push(self.sc_item(f.number, f.year, false));
            }
        }
        if self.theme.sc_recent && self.rng.chance(700) {
            let (n, y) = self.recent_sc();
            items.push(self.sc_item(n, y, false));
        }
        if items.is_empty() {
            let (n, y) = self.recent_sc();
            items.push(self.sc_item(n, y, false));
        }
        items.sort_by_key(|i| i.date);
        items.dedup_by(|a, b| a.targets == b.targets);
        let dated = self.first_mention(&items) && self.rng.chance(650);
        if dated && items.len() >= 2 && self.rng.chance(250) {
            // `1547 (2004) of 11 June 2004 and 1585 of 10 March 2005`.
            if let Some(last) = items.last_mut() {
                if let Symbol::ScResolution { number, year } = last.targets[0] {
                    *last = self.sc_item(number, year, true);
                }
            }
        }
        let theme_sc_topic = self.topic();
        if self.theme.sc_recent && items.len() == 1 && self.rng.chance(500) {
            // `... and the subsequent resolutions ..., the latest of which
            // was resolution 2695 (2023) of 31 August 2023`.
            p.push("Security Council resolution ");
            let first = self
                .theme
                .sc
                .iter()
                .copied()
                .find(|&i| FAMOUS_SC[i].date < self.adopted);
            if let Some(i) = first {
                let f = &FAMOUS_SC[i];
                let item = self.sc_item(f.number, f.year, false);
                p.list(&mut self.rng, &[item], true, self.per_mille);
                p.push(" and the subsequent resolutions by which the Council extended the mandate, the latest of which was resolution ");
            }
            p.list(&mut self.rng, &items, true, self.per_mille);
            p.push(",");
            return Some(p);
        }
        p.push(if items.len() == 1 {
            "Security Council resolution "
        } else {
            "Security Council resolutions "
        });
        p.list(&mut self.rng, &items, dated, self.per_mille);
        p.push(&format!(" on {theme_sc_topic},"));
        Some(p)
    }

    fn ecosoc_paragraph(&mut self) -> Option<Para> {
        let opener = *self.rng.pick(&[
            "Recalling",
            "Taking note of",
            "Recalling also",
            "Bearing in mind",
        ]);
        let mut p = self.pre(opener);
        let mut items: Vec<Item> = Vec::new();
        match self.rng.below(6) {
            0 => {
                let f = self.rng.pick(FAMOUS_ECOSOC_ROMAN);
                p.push(&format!(
                    "{}, as set out in Economic and Social Council resolution ",
                    f.name
                ));
                items.push(Item {
                    targets: vec![Symbol::EcosocRomanResolution {
                        number: f.number,
                        session: f.session,
                    }],
                    written: format!(
                        "{} ({})",
                        f.number,
                        resgraph_symbol::roman::to_roman(f.session).unwrap_or_default()
                    ),
                    date: Some(f.date),
                    group: u64::MAX,
                    bare: false,
                });
            }
            1 if self.theme_index == 23 => {
                p.push("Economic and Social Council resolution ");
                items.push(self.ecosoc_item(1980, 67));
                let fresh = self.first_mention(&items);
                p.list(&mut self.rng, &items, fresh, self.per_mille);
                p.push(" on international years and anniversaries,");
                return Some(p);
            }
            _ => {
                let count = self.rng.range(1, 3);
                let mut seen = HashSet::new();
                for _ in 0..count {
                    let back = self.rng.below(12) as u16;
                    let year = (self.adopted.year - back).max(1979);
                    let n = 1 + self.rng.below(45) as u32;
                    if ecosoc_date(self.w.seed, year, n) < self.adopted && seen.insert((year, n)) {
                        items.push(self.ecosoc_item(year, n));
                    }
                }
                if items.is_empty() {
                    items.push(self.ecosoc_item(self.adopted.year - 1, 20));
                }
                items.sort_by_key(|i| i.date);
                p.push(if items.len() == 1 {
                    "Economic and Social Council resolution "
                } else {
                    "Economic and Social Council resolutions "
                });
            }
        }
        let fresh = self.first_mention(&items);
        let dated = fresh && self.rng.chance(800);
        p.list(&mut self.rng, &items, dated, self.per_mille);
        p.push(",");
        Some(p)
    }

    fn ecosoc_item(&self, year: u16, number: u32) -> Item {
        Item {
            targets: vec![Symbol::EcosocResolution { year, number }],
            written: format!("{year}/{number}"),
            date: Some(ecosoc_date(self.w.seed, year, number)),
            group: 20_000 + u64::from(year),
            bare: false,
        }
    }

    fn hrc_item(&self, session: u16, number: u32) -> Item {
        Item {
            targets: vec![Symbol::HrcResolution {
                session: GaSession::Regular(session),
                number,
            }],
            written: format!("{session}/{number}"),
            date: Some(hrc_date(self.w.seed, session, number)),
            group: 30_000 + u64::from(session),
            bare: false,
        }
    }

    fn hrc_paragraph(&mut self) -> Option<Para> {
        let last = hrc_last_session_before(self.adopted);
        let opener =
            *self
                .rng
                .pick(&["Recalling", "Welcoming", "Taking note of", "Recalling also"]);
        let mut p = self.pre(opener);
        let mut items: Vec<Item> = Vec::new();
        if self.rng.chance(200) {
            items.push(self.hrc_item(5, 1));
            items.push(self.hrc_item(5, 2));
        } else {
            let count = self.rng.range(1, 3);
            let mut seen = HashSet::new();
            for _ in 0..count {
                let session = last - self.rng.below(usize::from((last - 6).min(9))) as u16;
                let n = 1 + self.rng.below(40) as u32;
                if seen.insert((session, n)) {
                    items.push(self.hrc_item(session, n));
                }
            }
            items.sort_by_key(|i| (i.date, i.written.clone()));
        }
        p.push(if items.len() == 1 {
            "Human Rights Council resolution "
        } else {
            "Human Rights Council resolutions "
        });
        let fresh = self.first_mention(&items);
        let dated = fresh && self.rng.chance(700);
        p.list(&mut self.rng, &items, dated, self.per_mille);
        if self.adopted.year > 2006 && self.rng.chance(250) {
            let year = 1995 + self.rng.below(11) as u16;
            let n = 10 + self.rng.below(70) as u32;
            p.push(" and Commission on Human Rights resolution ");
            let claim = dated.then(|| {
                Claim::roll(
                    &mut self.rng,
                    chr_date(self.w.seed, year, n),
                    self.per_mille,
                    false,
                )
            });
            p.cite(
                &[Symbol::ChrResolution { year, number: n }],
                &format!("{year}/{n}"),
                claim,
            );
            if let Some(c) = claim {
                p.push(&format!(" of {}", c.written));
            }
        }
        let topic = self.topic();
        p.push(&format!(", and the work of the Council on {topic},"));
        Some(p)
    }

    /// A recent resolution on another item of the same theme.
    fn related(&mut self) -> Option<(u16, u32)> {
        let candidates = &self.w.by_theme[self.theme_index];
        for _ in 0..8 {
            let k = *self.rng.pick(candidates);
            if Some(k) == self.series {
                continue;
            }
            let back = 1 + self.rng.weighted(&[50, 25, 12, 8, 5]) as u16;
            if self.s - back < crate::world::FIRST_SESSION {
                continue;
            }
            let ps = self.s - back;
            if let Some(&(fs, i)) = self.w.by_series[k as usize].iter().find(|(x, _)| *x == ps) {
                return Some((fs, i));
            }
        }
        None
    }

    fn related_paragraph(&mut self) -> Option<Para> {
        let first = self.related()?;
        let opener = *self.rng.pick(&[
            "Recalling also",
            "Recalling",
            "Taking note of",
            "Bearing in mind",
            "Welcoming",
        ]);
        let mut p = self.pre(opener);
        let item = self.entry_item(first.0, first.1);
        let fresh = self.first_mention(std::slice::from_ref(&item));
        match self.rng.below(3) {
            0 => {
                p.push("its resolution ");
                p.list(&mut self.rng, &[item], fresh, self.per_mille);
                let title = self.w.title(first.0, self.w.entry(first.0, first.1));
                p.push(&format!(", entitled “{title}”,"));
            }
            1 => {
                // `resolutions 77/120 of ... on X and 78/50 of ... on Y`.
                let mut items = vec![item];
                if let Some(second) = self.related().filter(|s| *s != first) {
                    let item = self.entry_item(second.0, second.1);
                    let fresh2 = self.first_mention(std::slice::from_ref(&item));
                    items.push(Item {
                        date: if fresh2 { item.date } else { None },
                        ..item
                    });
                }
                items.sort_by_key(|i| (i.targets[0].approximate_year(), i.written.clone()));
                p.push(if items.len() == 2 {
                    "its resolutions "
                } else {
                    "its resolution "
                });
                let first_topic = self.topic();
                for (n, item) in items.into_iter().enumerate() {
                    let mut topic = self.topic();
                    if n == 0 {
                        topic = first_topic;
                    } else {
                        p.push(" and ");
                        for _ in 0..4 {
                            if topic != first_topic {
                                break;
                            }
                            topic = self.topic();
                        }
                    }
                    let dated = fresh && item.date.is_some();
                    p.list(&mut self.rng, &[item], dated, self.per_mille);
                    p.push(&format!(" on {topic}"));
                }
                p.push(",");
            }
            _ => {
                let mut items = vec![item];
                if let Some(second) = self.related().filter(|s| *s != first) {
                    items.push(self.entry_item(second.0, second.1));
                }
                items.sort_by_key(|i| (i.date, i.written.clone()));
                let fresh = self.first_mention(&items) && fresh;
                p.push(if items.len() == 1 {
                    "its resolution "
                } else {
                    "its resolutions "
                });
                let dated = fresh && self.rng.chance(500);
                p.list(&mut self.rng, &items, dated, self.per_mille);
                let topic = self.topic();
                let goal = self.goal();
                p.push(&format!(
                    ", and stressing the need to ensure that {topic} contributes to {goal},"
                ));
            }
        }
        Some(p)
    }

    fn decision_paragraph(&mut self) -> Option<Para> {
        if self.s <= 32 {
            return None;
        }
        let ds = self.s - 1 - self.rng.below(usize::from((self.s - 32).min(4))) as u16;
        let n = 401 + self.rng.below(160) as u32;
        let item = self.decision_item(ds, n);
        let fresh = self.first_mention(std::slice::from_ref(&item));
        let mut p = self.pre("Recalling");
        p.push("its decision ");
        p.list(&mut self.rng, &[item], fresh, self.per_mille);
        let topic = self.topic();
        p.push(&format!(
            ", by which it decided to continue its consideration of {topic},"
        ));
        Some(p)
    }

    fn sg_footnote(&mut self, f: &mut Para) {
        let sg = self.sg_report.clone();
        let text = sg.to_string();
        match self.rng.below(6) {
            0 => {
                f.cite(std::slice::from_ref(&sg), &text, None);
                f.push(" and ");
                let corr = document(&format!("{text}/Corr.1"));
                f.cite(&[corr], &format!("{text}/Corr.1"), None);
            }
            1 => {
                f.cite(std::slice::from_ref(&sg), &text, None);
                f.push(" and ");
                let add = document(&format!("{text}/Add.1"));
                f.cite(&[add], "Add.1", None);
            }
            2 if self.s > 31 => {
                f.push("See ");
                let prev = document(&format!("A/{}/{}", self.s - 1, 60 + self.rng.below(300)));
                f.cite(std::slice::from_ref(&prev), &prev.to_string(), None);
                f.push(" and ");
                f.cite(&[sg], &text, None);
            }
            _ => f.cite(&[sg], &text, None),
        }
    }

    fn report_paragraph(&mut self) -> Option<Para> {
        let opener = *self.rng.pick(&[
            "Taking note of",
            "Taking note with appreciation of",
            "Having considered",
            "Welcoming",
            "Noting with appreciation",
        ]);
        let mut p = self.pre(opener);
        let topic = self.topic();
        p.push(&format!("the report of the Secretary-General on {topic},"));
        let mut f = self.footnote(&mut p);
        self.sg_footnote(&mut f);
        self.done_footnote(f);
        if self.rng.chance(300) {
            let goal = self.goal();
            p.push(&format!(
                " and the recommendations contained therein relating to {goal},"
            ));
        }
        Some(p)
    }

    fn supplement_paragraph(&mut self) -> Option<Para> {
        let (number, what) = *self.rng.pick(self.theme.supplements);
        let opener = *self
            .rng
            .pick(&["Having considered", "Taking note of", "Welcoming"]);
        let mut p = self.pre(opener);
        p.push(&format!("the {},", lower_first(what)));
        let mut f = self.footnote(&mut p);
        let s = self.s;
        f.push(&format!(
            "Official Records of the General Assembly, {} Session, Supplement No. {number} (",
            ordinal_word_capital(s)
        ));
        let symbol = document(&format!("A/{s}/{number}"));
        f.cite(&[symbol], &format!("A/{s}/{number}"), None);
        f.push(")");
        if self.rng.chance(400) {
            f.push(&format!(
                ", chap. {}",
                *self.rng.pick(&["I", "II", "III", "IV", "V", "VI"])
            ));
        }
        self.done_footnote(f);
        Some(p)
    }

    /// Numbers that are not citations, and citations that hide.
    fn trap_paragraph(&mut self) -> Option<Para> {
        let topic = self.topic();
        match self.rng.below(5) {
            0 => {
                let mut p = self.pre("Guided by");
                p.push(&format!("the 2010, 2013 and 2015 reports of the Group of Governmental Experts on {topic},"));
                let mut f = self.footnote(&mut p);
                for (i, (ss, n)) in [(65, 201), (68, 98), (70, 174)].iter().enumerate() {
                    if i > 0 {
                        f.push(if i == 2 { " and " } else { ", " });
                    }
                    let d = document(&format!("A/{ss}/{n}"));
                    f.cite(std::slice::from_ref(&d), &d.to_string(), None);
                }
                self.done_footnote(f);
                Some(p)
            }
            1 => {
                let period = *self.rng.pick(PERIODS);
                let mut p = self.pre("Welcoming");
                p.push(&format!("the work of the open-ended working group {period} on {topic}, and its first and second annual progress reports,"));
                let mut f = self.footnote(&mut p);
                let s = self.s;
                let a = document(&format!("A/{}/{}", s - 1, 100 + self.rng.below(200)));
                f.push("See ");
                f.cite(std::slice::from_ref(&a), &a.to_string(), None);
                let b = document(&format!("A/{s}/{}", 100 + self.rng.below(200)));
                f.push(" and ");
                f.cite(std::slice::from_ref(&b), &b.to_string(), None);
                self.done_footnote(f);
                Some(p)
            }
            2 => {
                let mut p = self.pre("Noting");
                let y = self.adopted.year;
                p.push(&format!(
                    "the outcome of the {} Conference on {topic}, held in {} and {},",
                    ordinal_word(1 + self.rng.below(4) as u16),
                    y - 4,
                    y - 1
                ));
                let mut f = self.footnote(&mut p);
                let conf = 200 + self.rng.below(80);
                let d = document(&format!("A/CONF.{conf}/{}", 2 + self.rng.below(8)));
                f.cite(std::slice::from_ref(&d), &d.to_string(), None);
                f.push(", chap. I, resolution 1, annex");
                self.done_footnote(f);
                Some(p)
            }
            3 => {
                let mut p = self.pre("Noting");
                p.push(&format!("the letter dated {} from the Permanent Representatives to the United Nations addressed to the Secretary-General concerning {topic},", self.adopted.plus(-(40 + self.rng.below(200) as i64))));
                let mut f = self.footnote(&mut p);
                let s = self.s;
                let y = self.adopted.year;
                let a = format!("A/{s}/{}", 500 + self.rng.below(400));
                let b = format!("S/{y}/{}", 100 + self.rng.below(800));
                f.cite(&[document(&a)], &a, None);
                f.push("-");
                f.cite(&[document(&b)], &b, None);
                f.push(", annex");
                self.done_footnote(f);
                Some(p)
            }
            _ => {
                let mut p = self.pre("Recalling");
                p.push(&format!(
                    "the entry into force of the relevant treaty on {topic},"
                ));
                let mut f = self.footnote(&mut p);
                f.push(&format!(
                    "United Nations, Treaty Series, vol. {}, No. {}",
                    1000 + self.rng.below(2300),
                    10_000 + self.rng.below(50_000)
                ));
                self.done_footnote(f);
                Some(p)
            }
        }
    }

    fn filler_preamble(&mut self) -> Option<Para> {
        let t1 = self.topic();
        let t2 = self.topic();
        let a1 = self.actor();
        let a2 = self.actor();
        let g = self.goal();
        let v = self.verb();
        let ge = self.gerund();
        let adj = self.adj();
        let m = self.manner();
        let p = match self.rng.below(12) {
            0 => {
                let mut p = self.pre("Reaffirming");
                p.push(&format!("the purposes and principles of the Charter of the United Nations, and its commitment to {t1},"));
                p
            }
            1 => {
                let opener =
                    *self
                        .rng
                        .pick(&["Recognizing", "Stressing", "Emphasizing", "Underlining"]);
                let mut p = self.pre(opener);
                p.push(&format!(
                    "the {adj} role of {a1} in {ge} {t1}, and the need to {v} {t2} {m},"
                ));
                p
            }
            2 => {
                let opener = *self
                    .rng
                    .pick(&["Convinced", "Conscious", "Mindful", "Aware"]);
                let mut p = self.pre(opener);
                p.push(&format!(
                    "that {t1} is {adj} for {g}, and that {a1} should continue to {v} {t2} {m},"
                ));
                p
            }
            3 => {
                let opener = *self.rng.pick(&[
                    "Expressing concern",
                    "Deeply concerned",
                    "Concerned",
                    "Expressing deep concern",
                ]);
                let concern = *self.rng.pick(CONCERNS);
                let mut p = self.pre(opener);
                p.push(&format!("{} {concern} in {ge} {t1}, in particular in developing countries, and the consequences for {g},",
                    if opener.starts_with("Expressing") { "about" } else { "at" }));
                p
            }
            4 => {
                let mut p = self.pre("Noting with appreciation");
                p.push(&format!("the efforts of {a1} to {v} {t1} {m}, and encouraging {a2} to support those efforts,"));
                p
            }
            5 => {
                let mut p = self.pre("Welcoming");
                p.push(&format!("the progress made in {ge} {t1}, while recognizing that much remains to be done to {v} {t2} and to contribute to {g},"));
                p
            }
            6 => {
                let mut p = self.pre("Bearing in mind");
                p.push(&format!("that {a1} have the primary responsibility for {ge} {t1}, and that {a2} can play an {adj} supporting role {m},"));
                p
            }
            7 => {
                let mut p = self.pre("Recognizing");
                p.push(&format!(
                    "the need to {v} {t1}, in particular {t2}, {m}, in order to contribute to {g},"
                ));
                p
            }
            8 => {
                let mut p = self.pre("Acknowledging");
                p.push(&format!(
                    "the contribution of {a1} and {a2} to {g}, including through {ge} {t1},"
                ));
                p
            }
            9 => {
                let opener = *self
                    .rng
                    .pick(&["Reaffirming also", "Reiterating", "Recalling"]);
                let mut p = self.pre(opener);
                p.push(&format!("that {t1} and {t2} are interlinked and mutually reinforcing, and that {a1} should {v} them {m},"));
                p
            }
            10 => {
                let mut p = self.pre("Considering");
                p.push(&format!(
                    "that it is necessary to {v} {t1} and to prevent any setback in {ge} {t2},"
                ));
                p
            }
            _ => {
                let opener = *self.rng.pick(&["Determined", "Committed"]);
                let mut p = self.pre(opener);
                p.push(&format!(
                    "to {v} {t1} {m}, with a view to {ge} {t2} and achieving {g},"
                ));
                p
            }
        };
        let mut p = p;
        let tail = self.tail();
        if !tail.is_empty() {
            p.text.pop();
            p.push(&tail);
            p.push(",");
        }
        Some(p)
    }

    /// Zero, one or two more clauses for a paragraph.
    fn tail(&mut self) -> String {
        let mut out = String::new();
        for _ in 0..self.rng.weighted(&[35, 45, 20]) {
            let t = self.topic();
            let a = self.actor();
            let ge = self.gerund();
            let g = self.goal();
            let m = self.manner();
            let v = self.verb();
            let clause = match self.rng.below(7) {
                0 => format!(", and {ge} {t} {m}"),
                1 => format!(", in particular through {ge} {t}"),
                2 => format!(", including by {ge} the capacities of {a} to {v} {t}"),
                3 => format!(", while recognizing the contribution of {a} to {g}"),
                4 => format!(", taking into account the specific needs of developing countries, in particular the least developed countries, with regard to {t}"),
                5 => format!(", bearing in mind the importance of {t} for {g}"),
                _ => format!(", and the need for {a} to {v} {t} {m}"),
            };
            out.push_str(&clause);
        }
        out
    }

    /// A founding text named, its resolution in a footnote
    /// (`Reaffirming the 2030 Agenda ...,3` / `3 Resolution 70/1.`).
    fn named_famous_paragraph(&mut self) -> Option<Para> {
        let choices = self.famous_choices();
        if choices.is_empty() {
            return self.filler_preamble();
        }
        let fi = *self.rng.pick(&choices);
        let fam = &FAMOUS_GA[fi];
        let opener = *self.rng.pick(&[
            "Reaffirming",
            "Recalling",
            "Guided by",
            "Bearing in mind",
            "Welcoming",
        ]);
        let mut p = self.pre(opener);
        p.push(fam.name);
        p.push(",");
        let mut f = self.footnote(&mut p);
        let item = Self::famous_item(fi);
        self.first_mention(std::slice::from_ref(&item));
        if self.rng.chance(300) {
            f.push("See resolution ");
            f.list(&mut self.rng, &[item], false, 0);
            f.push(", annex");
        } else {
            f.push("Resolution ");
            f.list(&mut self.rng, &[item], false, 0);
        }
        self.done_footnote(f);
        let tail = self.tail();
        if !tail.is_empty() {
            p.push(&tail[1..]);
            p.push(",");
        }
        Some(p)
    }

    /// A masthead document another body or officer issued, for a footnote.
    fn some_document(&mut self) -> String {
        let s = self.s;
        let y = self.adopted.year;
        let theme = self.theme_index;
        match self.rng.below(9) {
            0..=2 => format!(
                "A/{}/{}",
                s - self.rng.below(2) as u16,
                60 + self.rng.below(340)
            ),
            3 if (11..=16).contains(&theme) || theme == 6 => {
                let hs = hrc_last_session_before(self.adopted);
                format!(
                    "A/HRC/{}/{}",
                    hs - self.rng.below(3) as u16,
                    10 + self.rng.below(60)
                )
            }
            4 => format!(
                "E/{}/{}",
                y - 1 - self.rng.below(2) as u16,
                10 + self.rng.below(90)
            ),
            5 if matches!(theme, 17 | 19 | 24 | 11 | 12 | 21) => format!(
                "S/{}/{}",
                y - self.rng.below(2) as u16,
                100 + self.rng.below(800)
            ),
            6 => format!(
                "A/{}/{}/Add.{}",
                s,
                100 + self.rng.below(300),
                1 + self.rng.below(3)
            ),
            7 if theme == 9 => format!(
                "FCCC/CP/{}/{}/Add.1",
                y - 1 - self.rng.below(3) as u16,
                7 + self.rng.below(6)
            ),
            7 if theme == 12 => format!("CRC/C/GC/{}", 10 + self.rng.below(16)),
            7 if theme == 8 => format!("TD/{}", 500 + self.rng.below(45)),
            _ => format!("A/{}/{}", s - 1, 60 + self.rng.below(340)),
        }
    }

    /// A paragraph naming a report, with its symbol in a footnote.
    fn footnoted_filler(&mut self) -> Option<Para> {
        let t = self.topic();
        let a = self.actor();
        let (opener, text) = match self.rng.below(4) {
            0 => (
                "Taking note of",
                format!("the most recent report of the Special Rapporteur on {t},"),
            ),
            1 => (
                "Welcoming",
                format!("the report of the high-level panel on {t},"),
            ),
            2 => (
                "Noting",
                format!("the conclusions and recommendations of {a} on {t},"),
            ),
            _ => (
                "Recalling",
                format!("the report of the independent expert group on {t},"),
            ),
        };
        let mut p = self.pre(opener);
        p.push(&text);
        let mut f = self.footnote(&mut p);
        let first = self.some_document();
        if self.rng.chance(300) {
            f.push("See ");
        }
        f.cite(&[document(&first)], &first, None);
        if self.rng.chance(250) {
            let second = self.some_document();
            if second != first {
                f.push(" and ");
                f.cite(&[document(&second)], &second, None);
            }
        }
        self.done_footnote(f);
        Some(p)
    }
}

impl World {
    /// Whether a famous resolution is not the citing document itself.
    fn symbol_is_not(f: &crate::famous::FamousGa, s: u16, e: &Entry) -> bool {
        f.regular_modern_slot() != Some((s, e.number))
    }
}

// ---- the operative part ------------------------------------------------

impl Composer<'_> {
    /// The latest predecessor in the series, if any.
    fn latest_predecessor(&self) -> Option<(u16, u32)> {
        let k = self.series?;
        self.w.predecessors(k, self.s).last().copied()
    }

    fn operative(&mut self, n_op: usize, item_title: &str, title: &str) {
        let mut plan: Vec<u8> = Vec::new();
        if self.latest_predecessor().is_some() && self.rng.chance(350) {
            plan.push(1);
        }
        if self.latest_predecessor().is_some() && self.rng.chance(200) {
            plan.push(2);
        }
        if self.rng.chance(150) {
            plan.push(3);
        }
        if self.theme.hrc && self.adopted.year >= 2008 && self.rng.chance(150) {
            plan.push(4);
        }
        if (self.theme.sc_recent || !self.theme.sc.is_empty()) && self.rng.chance(250) {
            plan.push(5);
        }
        if self.rng.chance(300) {
            plan.push(6);
        }
        if self.rng.chance(120) && !self.famous_choices().is_empty() {
            plan.push(7);
        }
        if self.rng.chance(150) {
            plan.push(8);
        }
        if self.rng.chance(400) {
            plan.push(10);
        }
        if self.rng.chance(250) {
            plan.push(11);
        }
        while plan.len() + 2 < n_op {
            plan.push(9);
        }
        self.rng.shuffle(&mut plan);
        if self.rng.chance(450) {
            plan.insert(0, 0);
        }
        for kind in plan {
            match kind {
                0 => self.op_report(),
                1 => self.op_reaffirms(),
                2 => self.op_recalls_paragraph(),
                3 => self.op_as_affirmed(),
                4 => self.op_hrc(),
                5 => self.op_sc(),
                6 => self.op_subparagraphs(),
                7 => self.op_famous(),
                8 => self.op_internal(),
                10 => self.op_pursuant(),
                11 => self.op_recalls_related(),
                _ => {
                    let p = self.op_filler();
                    self.body.push(p);
                }
            }
        }
        self.op_final(item_title, title);
    }

    fn op_report(&mut self) {
        let opener = *self.rng.pick(&[
            "Takes note of",
            "Takes note with appreciation of",
            "Welcomes",
        ]);
        let mut p = self.op(opener);
        p.push("the report of the Secretary-General;");
        if p.section == Section::Operative
            && self
                .footnotes
                .iter()
                .all(|f| !f.text.contains(&self.sg_report.to_string()))
        {
            let mut f = self.footnote(&mut p);
            self.sg_footnote(&mut f);
            self.done_footnote(f);
        }
        self.body.push(p);
    }

    fn op_reaffirms(&mut self) {
        let Some((ps, i)) = self.latest_predecessor() else {
            return;
        };
        let item = self.entry_item(ps, i);
        let fresh = self.first_mention(std::slice::from_ref(&item));
        let mut p = self.op("Reaffirms");
        p.push("its resolution ");
        p.list(&mut self.rng, &[item], fresh, self.per_mille);
        let a = self.actor();
        let v = self.verb();
        let t = self.topic();
        p.push(&format!(", and calls upon {a} to {v} {t};"));
        self.body.push(p);
    }

    fn op_recalls_paragraph(&mut self) {
        let Some((ps, i)) = self.latest_predecessor() else {
            return;
        };
        let item = self.entry_item(ps, i);
        let fresh = self.first_mention(std::slice::from_ref(&item));
        let mut p = self.op("Recalls");
        p.push(&format!(
            "paragraph {} of its resolution ",
            2 + self.rng.below(20)
        ));
        let dated = fresh && self.rng.chance(300);
        p.list(&mut self.rng, &[item], dated, self.per_mille);
        let t = self.topic();
        let m = self.manner();
        p.push(&format!(
            ", and requests the Secretary-General to continue to support {t} {m};"
        ));
        self.body.push(p);
    }

    fn op_as_affirmed(&mut self) {
        let target = self.latest_predecessor().or_else(|| self.related());
        let Some((ps, i)) = target else {
            let p = self.op_filler();
            self.body.push(p);
            return;
        };
        let item = self.entry_item(ps, i);
        let fresh = self.first_mention(std::slice::from_ref(&item));
        let opener = *self.rng.pick(&["Supports", "Calls upon", "Encourages"]);
        let mut p = self.op(opener);
        let a = self.actor();
        let t = self.topic();
        p.push(&format!(
            "{a} to be guided by {t}, as affirmed in General Assembly resolution "
        ));
        let dated = fresh && self.rng.chance(300);
        p.list(&mut self.rng, &[item], dated, self.per_mille);
        p.push(";");
        self.body.push(p);
    }

    fn op_hrc(&mut self) {
        let last = hrc_last_session_before(self.adopted);
        let session = last - self.rng.below(3) as u16;
        let number = 1 + self.rng.below(40) as u32;
        let item = self.hrc_item(session, number);
        let fresh = self.first_mention(std::slice::from_ref(&item));
        let mut p = self.op("Welcomes");
        let t = self.topic();
        p.push("the decision of the Human Rights Council, in its resolution ");
        let dated = fresh && self.rng.chance(500);
        p.list(&mut self.rng, &[item], dated, self.per_mille);
        p.push(&format!(", to convene a panel discussion on {t};"));
        self.body.push(p);
    }

    fn op_sc(&mut self) {
        let opener = *self.rng.pick(&["Underlines", "Requests", "Stresses"]);
        let mut p = self.op(opener);
        let items: Vec<Item> = if self.theme.sc_recent || self.theme.sc.is_empty() {
            let (n, y) = self.recent_sc();
            vec![self.sc_item(n, y, false)]
        } else {
            let choices: Vec<usize> = self
                .theme
                .sc
                .iter()
                .copied()
                .filter(|&i| FAMOUS_SC[i].date < self.adopted)
                .collect();
            if choices.is_empty() {
                let (n, y) = self.recent_sc();
                vec![self.sc_item(n, y, false)]
            } else {
                let i = *self.rng.pick(&choices);
                vec![self.sc_item(FAMOUS_SC[i].number, FAMOUS_SC[i].year, false)]
            }
        };
        let fresh = self.first_mention(&items);
        let t = self.topic();
        match opener {
            "Requests" => p.push(&format!("the Secretary-General to ensure that {t} is fully taken into account, in accordance with Security Council resolution ")),
            _ => p.push(&format!("the importance of {t} and of the full implementation of Security Council resolution ")),
        }
        let dated = fresh && self.rng.chance(400);
        p.list(&mut self.rng, &items, dated, self.per_mille);
        p.push(";");
        self.body.push(p);
    }

    fn op_subparagraphs(&mut self) {
        let a = self.actor();
        let t = self.topic();
        let mut p = self.op("Invites");
        p.push(&format!("{a} to continue to inform the Secretary-General of their views and assessments on {t}, in particular on the following questions:"));
        let relation = p.relation.clone();
        self.body.push(p);
        let count = self.rng.range(2, 5);
        for letter in 0..count {
            let mut sub = self.sub(letter, &relation);
            let t = self.topic();
            let v = self.verb();
            let m = self.manner();
            let text = match self.rng.below(3) {
                0 => format!("Efforts taken at the national level to {v} {t} {m}"),
                1 => format!("The content of the concepts relevant to {t}"),
                _ => format!("Possible measures that could be taken by the international community to {v} {t}"),
            };
            sub.push(&text);
            sub.push(";");
            self.body.push(sub);
        }
    }

    fn op_famous(&mut self) {
        let choices = self.famous_choices();
        let fi = *self.rng.pick(&choices);
        let item = Self::famous_item(fi);
        let fresh = self.first_mention(std::slice::from_ref(&item));
        let opener = *self.rng.pick(&["Calls upon", "Once again urges", "Urges"]);
        let mut p = self.op(opener);
        p.push("all States to implement fully the provisions of its resolution ");
        let dated = fresh && self.rng.chance(300);
        p.list(&mut self.rng, &[item], dated, self.per_mille);
        let t = self.topic();
        p.push(&format!(" as they relate to {t};"));
        self.body.push(p);
    }

    /// `Takes note of the report ... submitted pursuant to resolution 78/12;`
    fn op_pursuant(&mut self) {
        let Some((ps, i)) = self.latest_predecessor().or_else(|| self.related()) else {
            let p = self.op_filler();
            self.body.push(p);
            return;
        };
        let item = self.entry_item(ps, i);
        let fresh = self.first_mention(std::slice::from_ref(&item));
        let opener = *self.rng.pick(&[
            "Takes note with appreciation of",
            "Takes note of",
            "Welcomes",
        ]);
        let mut p = self.op(opener);
        let t = self.topic();
        p.push(&format!(
            "the report of the Secretary-General on {t}, submitted pursuant to its resolution "
        ));
        let dated = fresh && self.rng.chance(300);
        p.list(&mut self.rng, &[item], dated, self.per_mille);
        p.push(";");
        self.body.push(p);
    }

    /// `Recalls its resolutions 77/120 and 78/50, and ...`
    fn op_recalls_related(&mut self) {
        let mut items: Vec<Item> = Vec::new();
        for _ in 0..self.rng.range(1, 3) {
            if let Some((ps, i)) = self.related() {
                let item = self.entry_item(ps, i);
                if !items.iter().any(|x| x.targets == item.targets) {
                    items.push(item);
                }
            }
        }
        if items.is_empty() {
            let p = self.op_filler();
            self.body.push(p);
            return;
        }
        items.sort_by_key(|i| (i.date, i.written.clone()));
        let fresh = self.first_mention(&items);
        let opener = *self.rng.pick(&["Recalls", "Reaffirms", "Also recalls"]);
        let mut p = self.op(opener);
        p.push(if items.len() == 1 {
            "its resolution "
        } else {
            "its resolutions "
        });
        let dated = fresh && self.rng.chance(400);
        p.list(&mut self.rng, &items, dated, self.per_mille);
        let a = self.actor();
        let v = self.verb();
        let t = self.topic();
        p.push(&format!(", and calls upon {a} to {v} {t} without delay;"));
        self.body.push(p);
    }

    fn op_internal(&mut self) {
        let k = 1 + self.rng.below(self.operative_count.max(1) as usize);
        let t = self.topic();
        let period = *self.rng.pick(PERIODS);
        let mut p = self.op("Decides");
        p.push(&format!("that the arrangements set out in paragraph {k} of the present resolution and in annex I to the present resolution shall apply to {t} for the period {period};"));
        self.body.push(p);
    }

    fn op_filler(&mut self) -> Para {
        let t1 = self.topic();
        let t2 = self.topic();
        let a1 = self.actor();
        let g = self.goal();
        let v1 = self.verb();
        let v2 = self.verb();
        let ge = self.gerund();
        let adj = self.adj();
        let m = self.manner();
        let (opener, text) = match self.rng.below(15) {
            0 => ("Calls upon", format!("{a1} to {v1} {t1} {m};")),
            1 => ("Encourages", format!("{a1} to continue to {v1} {t1}, including through {ge} {t2};")),
            2 => ("Urges", format!("{a1} to {v1} their efforts to {v2} {t1}, {m};")),
            3 => ("Invites", format!("{a1} to {v1} {t1}, and requests the Secretary-General to {v2} {t2} {m};")),
            4 => ("Stresses", format!("the importance of {ge} {t1} for {g};")),
            5 => ("Emphasizes", format!("that {t1} is {adj} to {g}, and that {t2} should be addressed {m};")),
            6 => ("Recognizes", format!("the {adj} role of {a1} in {ge} {t1};")),
            7 => ("Welcomes", format!("the efforts of {a1} to {v1} {t1}, and encourages further efforts {m};")),
            8 => ("Expresses its appreciation", format!("to {a1} for {ge} {t1};")),
            9 => ("Also requests", format!("the Secretary-General to {v1} {t1} {m}, and to keep Member States informed of progress in {ge} {t2};")),
            10 => ("Reiterates", format!("its call upon {a1} to {v1} {t1} and to contribute to {g};")),
            11 => ("Takes note with appreciation of", format!("the work of {a1} on {t1};")),
            12 => ("Expresses concern", format!("at {} in {ge} {t1};", self.rng.pick(CONCERNS))),
            13 => ("Strongly encourages", format!("{a1} to {v1} {t1} and to share best practices on {t2};")),
            _ => ("Decides", format!("to continue to {v1} {t1} {m}, with a view to {ge} {t2};")),
        };
        let mut text = text;
        let tail = self.tail();
        if !tail.is_empty() && self.rng.chance(700) {
            text.pop();
            text.push_str(&tail);
            text.push(';');
        }
        let mut p = self.op(opener);
        p.push(&text);
        if self.rng.chance(60) {
            p.text.pop();
            p.push(";");
            let mut f = self.footnote(&mut p);
            let d = self.some_document();
            f.cite(&[document(&d)], &d, None);
            self.done_footnote(f);
        }
        p
    }

    fn op_final(&mut self, item_title: &str, title: &str) {
        let next = ordinal_word(self.s + 1 + (self.rng.below(5) == 0) as u16);
        match self.rng.weighted(&[60, 15, 10, 15]) {
            0 => {
                let mut p = self.op("Decides");
                p.push(&format!("to include in the provisional agenda of its {next} session the item entitled “{item_title}”."));
                self.body.push(p);
            }
            1 if item_title != title => {
                let mut p = self.op("Decides");
                let item = item_title.split(": ").next().unwrap_or(item_title);
                p.push(&format!("to include in the provisional agenda of its {next} session, under the item entitled “{item}”, the sub-item entitled “{title}”."));
                self.body.push(p);
            }
            2 => {
                let mut p = self.op("Decides");
                p.push("to remain seized of the matter.");
                self.body.push(p);
            }
            _ => {
                let mut p = self.op("Requests");
                p.push(&format!("the Secretary-General to submit to the General Assembly at its {next} session a report on the implementation of the present resolution."));
                self.body.push(p);
            }
        }
    }
}

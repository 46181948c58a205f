//! The catalogue: every General Assembly resolution of sessions 31 to 80
//! in the synthetic world, with its number, part, series and adoption
//! date. The corpus is a subset of it; the rest can still be cited.
//!
//! The catalogue holds a few words per resolution (no text), so that a
//! million-document corpus plans in a few tens of megabytes, and every
//! cited date is looked up rather than remembered.

use resgraph_symbol::{GaSession, GaStyle, Part, Symbol};

use crate::calendar::Day;
use crate::famous::{FamousGa, FAMOUS_GA};
use crate::rng::{hash, Rng};
use crate::vocab::{Committee, ICT_THEME, THEMES};

/// The first session numbered `session/number`.
pub(crate) const FIRST_SESSION: u16 = 31;
/// The last session of the world.
pub(crate) const LAST_SESSION: u16 = 80;
const SESSIONS: usize = (LAST_SESSION - FIRST_SESSION + 1) as usize;

/// What fills a slot of the numbering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Who {
    /// A recurring series (index into [`World::series`]).
    Series(u32),
    /// A famous resolution (index into [`FAMOUS_GA`]).
    Famous(u16),
    /// A part of a famous composite resolution that is not itself famous.
    Filler,
}

/// One resolution (or one part of a composite one).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    pub number: u32,
    /// 0 for none, 1 for `A` ...
    pub part: u8,
    pub who: Who,
    pub date: Day,
    /// The plenary meeting that adopted it.
    pub meeting: u16,
}

/// How a series recalls its predecessors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lineage {
    /// Every predecessor, dated (the ICT series).
    Full,
    /// The last few.
    Recent(u8),
    /// The first one and "all subsequent resolutions", then the last.
    FirstAndLast,
    /// None.
    Silent,
}

/// A recurring agenda item and its resolutions.
#[derive(Debug, Clone)]
pub(crate) struct Series {
    pub theme: usize,
    pub committee: Committee,
    title: &'static str,
    filler: Option<&'static str>,
    pub start: u16,
    period: u8,
    phase: u8,
    pub lineage: Lineage,
    rank: u64,
    order: u64,
    /// Block in the session's numbering (see [`Committee::block`]), with
    /// 0 for plenary items taken early and 8 for the resumed session.
    pub block: u8,
    /// Merged into lettered parts of one number in older sessions.
    pub group: Option<u32>,
    /// Another series whose resolutions this one also recalls.
    pub twin: Option<u32>,
    pub item_offset: u32,
    /// The root resolution a full lineage starts from (index into
    /// [`FAMOUS_GA`]).
    pub root: Option<usize>,
}

impl Series {
    /// The title of its resolution in session `s`.
    pub fn title(&self, s: u16) -> String {
        fill(self.title, self.filler, s)
    }

    /// The agenda item it stands under in session `s`.
    pub fn item_title(&self, s: u16) -> String {
        let theme = &THEMES[self.theme];
        let title = self.title(s);
        let lower = lower_first(&title);
        fill(theme.item, self.filler, s)
            .replace("{T}", &title)
            .replace("{t}", &lower)
    }
}

fn fill(template: &str, filler: Option<&str>, s: u16) -> String {
    let mut out = template.to_string();
    if let Some(x) = filler {
        out = out.replace("{X}", x);
    }
    if out.contains("{ilc}") {
        out = out.replace("{ilc}", &crate::calendar::ordinal_word(s.saturating_sub(4)));
    }
    if out.contains("{uncitral}") {
        out = out.replace(
            "{uncitral}",
            &crate::calendar::ordinal_word(s.saturating_sub(22)),
        );
    }
    out
}

/// `Convening of ...` → `convening of ...`, keeping `The` capitalised
/// only where it opens a proper name it cannot tell from.
pub(crate) fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() && !text.starts_with("Non-") => {
            let second = text.chars().nth(1);
            if second.is_some_and(|c| c.is_uppercase()) {
                text.to_string()
            } else {
                c.to_lowercase().chain(chars).collect()
            }
        }
        _ => text.to_string(),
    }
}

/// One session of the catalogue.
#[derive(Debug, Clone)]
pub(crate) struct SessionPlan {
    pub session: u16,
    /// In number order.
    pub entries: Vec<Entry>,
    /// Distinct meeting days, sorted, with their plenary meeting numbers.
    pub meetings: Vec<(Day, u16)>,
    /// How many entries are in the corpus (spread evenly).
    pub in_corpus: u32,
}

impl SessionPlan {
    /// Whether entry `i` is one of the corpus documents.
    pub fn selected(&self, i: usize) -> bool {
        let r = self.entries.len() as u64;
        let p = u64::from(self.in_corpus);
        if r == 0 {
            return false;
        }
        (i as u64 * p) / r != ((i as u64 + 1) * p) / r
    }

    /// The entry with `number` and `part` (0 for none), by binary search.
    #[cfg(test)]
    pub fn find(&self, number: u32, part: u8) -> Option<usize> {
        let first = self.entries.partition_point(|e| e.number < number);
        (first..self.entries.len())
            .take_while(|&i| self.entries[i].number == number)
            .find(|&i| self.entries[i].part == part || part == 0)
    }
}

/// The whole catalogue.
pub(crate) struct World {
    pub seed: u64,
    pub sessions: Vec<SessionPlan>,
    pub series: Vec<Series>,
    /// For each series, its entries `(session, index)` in session order.
    pub by_series: Vec<Vec<(u16, u32)>>,
    /// For each theme, its series.
    pub by_theme: Vec<Vec<u32>>,
}

/// Resolutions per session in the real Assembly, roughly: 240 at the
/// thirty-first session, some 320 at the eightieth.
fn base_count(seed: u64, s: u16) -> u32 {
    let jitter = (hash(seed, &[0xC0, u64::from(s)]) % 31) as i64 - 15;
    let base = 240 + i64::from(s - FIRST_SESSION) * 8 / 5 + jitter;
    let famous_max = FAMOUS_GA
        .iter()
        .filter_map(FamousGa::regular_modern_slot)
        .filter(|(fs, _)| *fs == s)
        .map(|(_, n)| i64::from(n) + 5)
        .max()
        .unwrap_or(0);
    base.max(famous_max) as u32
}

impl World {
    /// Plans the world for a corpus of `documents` resolutions.
    pub fn new(seed: u64, documents: usize) -> World {
        let base: Vec<u32> = (FIRST_SESSION..=LAST_SESSION)
            .map(|s| base_count(seed, s))
            .collect();
        let base_total: u64 = base.iter().map(|&n| u64::from(n)).sum();
        let n = documents as u64;
        // Scale every session up when the corpus needs more than the
        // real Assembly ever adopted.
        let counts: Vec<u32> = if n > base_total {
            base.iter()
                .map(|&b| (u64::from(b) * n).div_ceil(base_total) as u32)
                .collect()
        } else {
            base
        };
        // The corpus: the last sessions that hold `documents`.
        let mut first = SESSIONS;
        let mut held = 0u64;
        while first > 0 && held < n {
            first -= 1;
            held += u64::from(counts[first]);
        }
        let mut in_corpus = [0u32; SESSIONS];
        if n > 0 {
            let mut given = 0u64;
            for i in first..SESSIONS {
                let share = u64::from(counts[i]) * n / held.max(1);
                in_corpus[i] = share as u32;
                given += share;
            }
            // Largest-remainder top-up, newest sessions first.
            let mut i = SESSIONS;
            while given < n {
                i = if i <= first { SESSIONS - 1 } else { i - 1 };
                if in_corpus[i] < counts[i] {
                    in_corpus[i] += 1;
                    given += 1;
                }
            }
        }
        let max_count = counts.iter().copied().max().unwrap_or(300);
        let series = make_series(seed, max_count as usize * 2);
        let mut by_theme = vec![Vec::new(); THEMES.len()];
        for (k, s) in series.iter().enumerate() {
            by_theme[s.theme].push(k as u32);
        }
        let mut sessions = Vec::with_capacity(SESSIONS);
        for (i, s) in (FIRST_SESSION..=LAST_SESSION).enumerate() {
            let mut plan = plan_session(seed, s, counts[i], &series);
            plan.in_corpus = in_corpus[i];
            sessions.push(plan);
        }
        let mut by_series = vec![Vec::new(); series.len()];
        for plan in &sessions {
            for (i, e) in plan.entries.iter().enumerate() {
                if let Who::Series(k) = e.who {
                    by_series[k as usize].push((plan.session, i as u32));
                }
            }
        }
        World {
            seed,
            sessions,
            series,
            by_series,
            by_theme,
        }
    }

    /// The plan of session `s` (31 to 80).
    pub fn session(&self, s: u16) -> &SessionPlan {
        &self.sessions[usize::from(s - FIRST_SESSION)]
    }

    pub fn entry(&self, s: u16, i: u32) -> &Entry {
        &self.session(s).entries[i as usize]
    }

    /// The first session of the corpus.
    pub fn first_corpus_session(&self) -> u16 {
        self.sessions
            .iter()
            .find(|p| p.in_corpus > 0)
            .map_or(LAST_SESSION, |p| p.session)
    }

    /// The symbol of an entry of session `s`.
    pub fn symbol(s: u16, e: &Entry) -> Symbol {
        Symbol::GaResolution {
            session: GaSession::Regular(s),
            number: e.number,
            part: if e.part == 0 {
                None
            } else {
                Part::from_letter(char::from(b'A' + e.part - 1))
            },
            style: GaStyle::Modern,
        }
    }

    /// How the text writes the entry: `76/19`, `49/75 I`.
    pub fn written(s: u16, e: &Entry) -> String {
        if e.part == 0 {
            format!("{s}/{}", e.number)
        } else {
            format!("{s}/{} {}", e.number, char::from(b'A' + e.part - 1))
        }
    }

    /// The title of an entry.
    pub fn title(&self, s: u16, e: &Entry) -> String {
        match e.who {
            Who::Series(k) => self.series[k as usize].title(s),
            Who::Famous(f) => FAMOUS_GA[usize::from(f)].title.to_string(),
            Who::Filler => {
                THEMES[1].fillers[usize::from(e.part) % THEMES[1].fillers.len()].to_string()
            }
        }
    }

    /// The entries of series `k` (and its twin) adopted before session `s`.
    pub fn predecessors(&self, k: u32, s: u16) -> Vec<(u16, u32)> {
        let mut out: Vec<(u16, u32)> = self.by_series[k as usize]
            .iter()
            .copied()
            .filter(|(ps, _)| *ps < s)
            .collect();
        if let Some(t) = self.series[k as usize].twin {
            out.extend(
                self.by_series[t as usize]
                    .iter()
                    .copied()
                    .filter(|(ps, _)| *ps < s),
            );
            out.sort_unstable();
        }
        out
    }

    /// The date and meeting of General Assembly decision `s/n`: one of
    /// the session's meeting days.
    pub fn decision_date(&self, s: u16, n: u32) -> Day {
        let plan = self.session(s);
        let i = (hash(self.seed, &[0xDEC, u64::from(s), u64::from(n)]) % plan.meetings.len() as u64)
            as usize;
        plan.meetings[i].0
    }
}

fn make_series(seed: u64, count: usize) -> Vec<Series> {
    let weights: Vec<u32> = THEMES.iter().map(|t| t.weight).collect();
    let omnibus_theme = THEMES.iter().position(|t| t.omnibus).unwrap_or(1);
    let mut out = Vec::with_capacity(count + 2);
    for k in 0..count.max(2) {
        let mut rng = Rng::keyed(seed, &[0x5E, k as u64]);
        let theme_index = match k {
            0 | 1 => ICT_THEME,
            _ => rng.weighted(&weights),
        };
        let theme = &THEMES[theme_index];
        let title = match k {
            0 => theme.titles[0],
            1 => theme.titles[1],
            _ => *rng.pick(theme.titles),
        };
        let filler = (!theme.fillers.is_empty()).then(|| *rng.pick(theme.fillers));
        let start = if rng.chance(550) {
            FIRST_SESSION
        } else {
            rng.range(usize::from(FIRST_SESSION) + 1, usize::from(LAST_SESSION)) as u16
        };
        let (period, phase) = match rng.weighted(&[65, 22, 8, 5]) {
            0 => (1, 0),
            1 => (2, rng.below(2) as u8),
            2 => (3, rng.below(3) as u8),
            _ => (0, 0),
        };
        let lineage = match rng.weighted(&[12, 60, 16, 12]) {
            0 => Lineage::Full,
            1 => Lineage::Recent(rng.range(1, 7) as u8),
            2 => Lineage::FirstAndLast,
            _ => Lineage::Silent,
        };
        let committee = theme.committee;
        let block = match committee {
            Committee::Plenary => match rng.weighted(&[12, 50, 38]) {
                0 => 0,
                1 => committee.block(),
                _ => 8,
            },
            Committee::Fifth if theme.sc_recent => 8,
            _ => committee.block(),
        };
        let (lo, hi) = committee.items();
        let mut series = Series {
            theme: theme_index,
            committee,
            title,
            filler,
            start,
            period,
            phase,
            lineage,
            rank: rng.next_u64(),
            order: rng.next_u64(),
            block,
            group: None,
            twin: None,
            item_offset: rng.range(lo as usize, hi as usize) as u32,
            root: None,
        };
        if theme_index == omnibus_theme {
            let group = (rng.next_u64() % (count as u64 / 60).max(1)) as u32;
            series.group = Some(group);
            // Keep a group's members side by side in the numbering.
            series.order = hash(seed, &[0x62, u64::from(group)]) ^ (series.order & 0xFF);
        }
        if k == 0 {
            series.start = 53;
            series.period = 1;
            series.lineage = Lineage::Full;
            series.root = Some(crate::famous::ICT_ROOT);
            series.rank = u64::MAX;
            series.twin = Some(1);
        }
        if k == 1 {
            series.start = 73;
            series.period = 2;
            series.phase = 1;
            series.lineage = Lineage::Full;
            series.root = Some(crate::famous::ICT_ROOT);
            series.rank = u64::MAX - 1;
            series.twin = Some(0);
        }
        out.push(series);
    }
    out
}

fn active(seed: u64, k: usize, series: &Series, s: u16) -> bool {
    if s < series.start {
        return false;
    }
    let h = hash(seed, &[0xAC, k as u64, u64::from(s)]);
    match series.period {
        0 => h.is_multiple_of(2),
        p => (s % u16::from(p)) == u16::from(series.phase) && h % 100 >= 4,
    }
}

/// Date windows of the numbering blocks, as (month, day) pairs; the
/// resumed session (block 8) runs into the next year.
fn block_window(block: u8) -> ((u8, u8), (u8, u8), bool) {
    match block {
        0 => ((9, 20), (11, 25), false),
        1 => ((11, 28), (12, 8), false),
        2 => ((12, 2), (12, 12), false),
        3 => ((12, 4), (12, 13), false),
        4 => ((12, 1), (12, 20), false),
        5 => ((12, 14), (12, 20), false),
        6 => ((12, 18), (12, 23), false),
        7 => ((12, 22), (12, 24), false),
        _ => ((1, 20), (9, 5), true),
    }
}

fn plan_session(seed: u64, s: u16, count: u32, series: &[Series]) -> SessionPlan {
    let year = 1945 + s;
    // Famous resolutions of this session keep their numbers and dates.
    let mut famous: Vec<(u32, u8, Option<u8>, usize)> = Vec::new(); // (number, parts, famous part, index)
    for (i, f) in FAMOUS_GA.iter().enumerate() {
        if let Some((fs, n)) = f.regular_modern_slot() {
            if fs == s {
                let last = f.parts.bytes().map(|b| b - b'A' + 1).max().unwrap_or(0);
                famous.push((n, last, None, i));
            }
        }
    }
    famous.sort_unstable();
    let famous_docs: u32 = famous.iter().map(|f| u32::from(f.1.max(1))).sum();
    let budget = count.saturating_sub(famous_docs) as usize;

    let mut rng = Rng::keyed(seed, &[0x5E55, u64::from(s)]);
    let mut started: Vec<(bool, u64, usize)> = series
        .iter()
        .enumerate()
        .filter(|(_, sr)| sr.start <= s)
        .map(|(k, sr)| {
            let on = active(seed, k, sr, s) && sr.start <= s;
            // Mostly stable priorities, a little noise per session.
            let noise = hash(seed, &[0x9A, k as u64, u64::from(s)]) >> 56;
            (on, sr.rank.saturating_sub(noise << 52), k)
        })
        .collect();
    // Active series first, by rank; then inactive ones if short.
    started.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    let mut kept: Vec<usize> = started.iter().take(budget).map(|x| x.2).collect();
    if kept.len() < budget {
        // Not enough started series: borrow later ones.
        let mut taken = vec![false; series.len()];
        for &k in &kept {
            taken[k] = true;
        }
        // Never the two ICT series before their time.
        taken[0] = true;
        taken[1] = true;
        let mut later: Vec<usize> = (0..series.len()).filter(|&k| !taken[k]).collect();
        rng.shuffle(&mut later);
        kept.extend(later.into_iter().take(budget - kept.len()));
    }
    kept.sort_unstable_by_key(|&k| (series[k].block, series[k].order, k));

    // Slots: one number each, lettered parts for omnibus groups before
    // the fifty-seventh session.
    struct Slot {
        members: Vec<usize>,
        block: u8,
    }
    let mut slots: Vec<Slot> = Vec::new();
    for k in kept {
        let sr = &series[k];
        let merge = s <= 56
            && sr.group.is_some()
            && slots.last().is_some_and(|last| {
                last.members.len() < 26 && series[last.members[0]].group == sr.group
            });
        if merge {
            if let Some(last) = slots.last_mut() {
                last.members.push(k);
            }
        } else {
            slots.push(Slot {
                members: vec![k],
                block: sr.block,
            });
        }
    }

    // Meeting days per block.
    let mut block_sizes = [0usize; 9];
    for slot in &slots {
        block_sizes[usize::from(slot.block)] += 1;
    }
    let mut block_days: Vec<Vec<Day>> = Vec::with_capacity(9);
    for (b, &size) in block_sizes.iter().enumerate() {
        let ((m1, d1), (m2, d2), next) = block_window(b as u8);
        let y = if next { year + 1 } else { year };
        let from = Day::new(y, m1, d1).ordinal();
        let to = Day::new(y, m2, d2).ordinal();
        let wanted = (size / 12).clamp(1, if next { 40 } else { 8 });
        let mut days: Vec<Day> = (0..wanted)
            .map(|_| {
                Day::from_ordinal(from + rng.below((to - from + 1) as usize) as i64).to_weekday()
            })
            .collect();
        days.sort_unstable();
        days.dedup();
        block_days.push(days);
    }
    let mut all_days: Vec<Day> = block_days.iter().flatten().copied().collect();
    for f in &famous {
        all_days.push(FAMOUS_GA[f.3].date);
    }
    all_days.sort_unstable();
    all_days.dedup();
    let mut meetings = Vec::with_capacity(all_days.len());
    let mut number = 18 + rng.below(6) as u16;
    for d in all_days {
        meetings.push((d, number));
        number += 1 + rng.below(3) as u16;
    }
    let meeting_of = |d: Day| {
        meetings
            .iter()
            .find(|(m, _)| *m == d)
            .map_or(40, |(_, n)| *n)
    };

    // Numbering.
    let mut entries: Vec<Entry> = Vec::with_capacity(count as usize);
    let mut famous_iter = famous.iter().peekable();
    let mut n = 1u32;
    let mut seen = [0usize; 9];
    let push_famous = |f: &(u32, u8, Option<u8>, usize), entries: &mut Vec<Entry>| {
        let fam = &FAMOUS_GA[f.3];
        let date = fam.date;
        let meeting = meeting_of(date);
        if f.1 == 0 {
            entries.push(Entry {
                number: f.0,
                part: 0,
                who: Who::Famous(f.3 as u16),
                date,
                meeting,
            });
        } else {
            for p in 1..=f.1 {
                let letter = b'A' + p - 1;
                let who = if fam.parts.as_bytes().contains(&letter) {
                    Who::Famous(f.3 as u16)
                } else {
                    Who::Filler
                };
                entries.push(Entry {
                    number: f.0,
                    part: p,
                    who,
                    date,
                    meeting,
                });
            }
        }
    };
    for slot in &slots {
        while let Some(f) = famous_iter.peek() {
            if f.0 <= n {
                push_famous(f, &mut entries);
                n = n.max(f.0 + 1);
                famous_iter.next();
            } else {
                break;
            }
        }
        let b = usize::from(slot.block);
        let days = &block_days[b];
        let day = days[(seen[b] * days.len()) / block_sizes[b].max(1)];
        seen[b] += 1;
        let meeting = meeting_of(day);
        if slot.members.len() == 1 && series[slot.members[0]].group.is_none() || s > 56 {
            entries.push(Entry {
                number: n,
                part: 0,
                who: Who::Series(slot.members[0] as u32),
                date: day,
                meeting,
            });
        } else {
            for (p, &k) in slot.members.iter().enumerate() {
                entries.push(Entry {
                    number: n,
                    part: p as u8 + 1,
                    who: Who::Series(k as u32),
                    date: day,
                    meeting,
                });
            }
        }
        n += 1;
    }
    for f in famous_iter {
        push_famous(f, &mut entries);
    }
    entries.sort_by_key(|e| (e.number, e.part));
    SessionPlan {
        session: s,
        entries,
        meetings,
        in_corpus: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_up() {
        for n in [0usize, 1, 7, 300, 1000, 20_000] {
            let w = World::new(3, n);
            let total: u64 = w.sessions.iter().map(|p| u64::from(p.in_corpus)).sum();
            assert_eq!(total, n as u64);
            let selected: usize = w
                .sessions
                .iter()
                .map(|p| (0..p.entries.len()).filter(|&i| p.selected(i)).count())
                .sum();
            assert_eq!(selected, n);
            assert_eq!(w.sessions.last().unwrap().session, 80);
        }
    }

    #[test]
    fn famous_slots_and_ict_series() {
        let w = World::new(1, 100);
        let p = w.session(70);
        let i = p.find(1, 0).unwrap();
        assert_eq!(p.entries[i].date, Day::new(2015, 9, 25));
        let p43 = w.session(43);
        let h = p43.find(78, 8).unwrap();
        assert_eq!(
            p43.entries[h].who,
            Who::Famous(crate::famous::ICT_ROOT as u16)
        );
        // The ICT series runs every session from the fifty-third.
        let ict = &w.by_series[0];
        assert!(ict.len() >= 20, "{}", ict.len());
        // Numbers are unique per (number, part) and dates fall in the
        // session or the following year.
        for plan in &w.sessions {
            for pair in plan.entries.windows(2) {
                assert!((pair[0].number, pair[0].part) < (pair[1].number, pair[1].part));
            }
            for e in &plan.entries {
                let y = 1945 + plan.session;
                assert!(e.date.year == y || e.date.year == y + 1, "{e:?}");
            }
        }
    }
}

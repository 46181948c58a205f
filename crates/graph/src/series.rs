//! Series lineage: the chain of successive resolutions on one agenda item.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef as _;
use petgraph::Direction;
use resgraph_core::Section;
use resgraph_symbol::{Kind, Symbol};

use crate::graph::CitationGraph;
use crate::packed::{BitSet, PackedOcc};

/// Function words of four letters or more that say nothing about an
/// agenda item and are left out of title comparisons.
const STOP_WORDS: [&str; 14] = [
    "with", "from", "their", "that", "this", "these", "those", "into", "upon", "such", "other",
    "under", "within", "between",
];

/// The parameters of the series-lineage rule (see
/// [`CitationGraph::series_lineage`]). The default is the documented rule.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesRule {
    /// Relations of a series recital (default `recalling`, `reaffirming`).
    pub relations: Vec<String>,
    /// How many preambular paragraphs, from the first, may hold a series
    /// recital (default 3). Unnumbered preambular mentions count too.
    pub preamble_paragraphs: u32,
    /// The largest gap, in General Assembly sessions, between successive
    /// members (default 3: annual, biennial and triennial items).
    pub max_session_gap: u16,
    /// The smallest Jaccard similarity of title words for two known
    /// titles to be on the same item (default 0.5).
    pub min_title_similarity: f64,
    /// The shortest word (in characters) that counts in a title
    /// (default 4).
    pub min_word_len: usize,
}

impl Default for SeriesRule {
    fn default() -> SeriesRule {
        SeriesRule {
            relations: vec!["recalling".into(), "reaffirming".into()],
            preamble_paragraphs: 3,
            max_session_gap: 3,
            min_title_similarity: 0.5,
            min_word_len: 4,
        }
    }
}

/// The distinct words of a title that count in comparisons: lower-cased,
/// split at anything not a letter or digit, at least `min_len`
/// characters, function words left out; sorted.
///
/// ```
/// use resgraph_graph::title_words;
/// assert_eq!(
///     title_words("Developments in the field of information and telecommunications", 4),
///     ["developments", "field", "information", "telecommunications"]
/// );
/// ```
pub fn title_words(title: &str, min_len: usize) -> Vec<String> {
    let lower = title.to_lowercase();
    let mut words: Vec<String> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= min_len && !STOP_WORDS.contains(w))
        .map(str::to_string)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// The Jaccard similarity of two sorted word sets (0 when both empty).
///
/// ```
/// use resgraph_graph::{title_similarity, title_words};
/// let a = title_words("Developments in the field of information and telecommunications in the context of international security", 4);
/// let b = title_words("Advancing responsible State behaviour in cyberspace in the context of international security", 4);
/// assert!(title_similarity(&a, &a) == 1.0);
/// assert!(title_similarity(&a, &b) < 0.5);
/// ```
pub fn title_similarity(a: &[String], b: &[String]) -> f64 {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - common;
    if union == 0 {
        0.0
    } else {
        common as f64 / union as f64
    }
}

struct Rule<'a> {
    rule: &'a SeriesRule,
    relations: Vec<bool>,
}

/// One list of a document in which a series is recited: a series
/// recital's preambular paragraph, or a footnote that lists predecessors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListKey {
    Recital(Option<u32>),
    Footnote(Option<u32>),
}

/// One track of a series: the members that carry one title from session
/// to session. An agenda item can run two resolutions a session (73/27
/// "Developments in the field of information and telecommunications ..."
/// and 73/266 "Advancing responsible State behaviour in cyberspace ..."),
/// each with its own line of predecessors, until a resolution merges them.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesTrack {
    /// The title of the track's latest member whose title is known.
    pub title: Option<String>,
    /// The members, chronologically.
    pub members: Vec<Symbol>,
}

/// Why a symbol has no series (see [`CitationGraph::no_series_reason`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoSeries {
    /// The graph does not hold the symbol.
    Unknown,
    /// A series is a run of General Assembly resolutions; this is another
    /// organ's text (or a document).
    NotAssembly(resgraph_symbol::Organ),
    /// An Assembly text that is no resolution (a decision, a report, a
    /// draft not known to be adopted).
    NotResolution(Kind),
    /// An Assembly resolution that recites no predecessor of its own item
    /// and that none recites.
    NoRecitals,
}

impl std::fmt::Display for NoSeries {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a series is a run of General Assembly resolutions on one agenda item, each reciting the ones before; ")?;
        match self {
            NoSeries::Unknown => f.write_str("the graph does not hold it"),
            NoSeries::NotAssembly(organ) => {
                write!(f, "it is not an Assembly text ({})", organ.name())
            }
            NoSeries::NotResolution(kind) => {
                write!(f, "it is no Assembly resolution ({})", kind.as_str())
            }
            NoSeries::NoRecitals => {
                f.write_str("it recites no predecessor of its own item and none recites it")
            }
        }
    }
}

impl CitationGraph {
    /// Why [`series_lineage`](Self::series_lineage) of `seed` is empty
    /// (`None` when it is not).
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, NoSeries};
    /// let s = |t: &str| resgraph_symbol::Symbol::parse_loose(t).unwrap();
    /// let mut g = CitationGraph::new();
    /// g.add_node(&s("S/RES/1373 (2001)"));
    /// let why = g.no_series_reason(&s("S/RES/1373 (2001)")).unwrap();
    /// assert!(matches!(why, NoSeries::NotAssembly(_)));
    /// assert!(why.to_string().contains("not an Assembly text (Security Council)"));
    /// ```
    pub fn no_series_reason(&self, seed: &Symbol) -> Option<NoSeries> {
        if !self.series_lineage(seed).is_empty() {
            return None;
        }
        Some(if self.idx(seed).is_none() {
            NoSeries::Unknown
        } else {
            match (seed.organ(), seed.kind()) {
                (resgraph_symbol::Organ::GeneralAssembly, Kind::GaResolution) => {
                    NoSeries::NoRecitals
                }
                (resgraph_symbol::Organ::GeneralAssembly, kind) => NoSeries::NotResolution(kind),
                (organ, _) => NoSeries::NotAssembly(organ),
            }
        })
    }

    /// The series of `seed` ([`series_lineage`](Self::series_lineage))
    /// split into its tracks, each named by its latest known title.
    ///
    /// Members whose title is known are taken first, chronologically: each
    /// joins the track whose latest title is most like its own
    /// (title-word similarity at least [`SeriesRule::min_title_similarity`])
    /// and that has no member of its session yet, or starts a track. A
    /// resolution that merges two tracks (76/19, whose title joins both)
    /// continues the one it is most like. Then each member whose title is
    /// unknown joins the longest track with no member of its session, or
    /// starts a track (titled `None`): two resolutions of one session are
    /// never in one track. Tracks come in the order of their first
    /// members.
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, NodeInfo, Occurrence, Section};
    /// let s = |t: &str| resgraph_symbol::Symbol::parse_loose(t).unwrap();
    /// let mut g = CitationGraph::new();
    /// let recalling = Occurrence::new("recalling", Section::Preamble, Some(1), None);
    /// for old in ["73/27", "73/266"] {
    ///     g.add_link(&s("74/29"), &s(old), &recalling);
    /// }
    /// for (sym, title) in [
    ///     ("74/29", "Developments in the field of information and telecommunications"),
    ///     ("73/27", "Developments in the field of information and telecommunications"),
    ///     ("73/266", "Advancing responsible State behaviour in cyberspace"),
    /// ] {
    ///     let mut info = NodeInfo::cited(s(sym));
    ///     info.title = Some(title.into());
    ///     g.add_node_info(info);
    /// }
    /// // Titles tell 73/266 apart from 74/29's own line: it is no member.
    /// let tracks = g.series_tracks(&s("74/29"));
    /// assert_eq!(tracks.len(), 1);
    /// assert_eq!(tracks[0].members, [s("73/27"), s("74/29")]);
    /// ```
    pub fn series_tracks(&self, seed: &Symbol) -> Vec<SeriesTrack> {
        self.series_tracks_with(seed, &SeriesRule::default())
    }

    /// [`series_tracks`](Self::series_tracks) with other parameters.
    pub fn series_tracks_with(&self, seed: &Symbol, rule: &SeriesRule) -> Vec<SeriesTrack> {
        #[derive(Default)]
        struct Track {
            members: Vec<Symbol>,
            sessions: Vec<u16>,
            words: Option<Vec<String>>,
            title: Option<String>,
        }
        let members = self.series_lineage_with(seed, rule);
        let titled = |m: &Symbol| {
            let title = self.node(m).and_then(|n| n.title.clone())?;
            let words = title_words(&title, rule.min_word_len);
            (!words.is_empty()).then_some((title, words))
        };
        let mut tracks: Vec<Track> = Vec::new();
        // Titled members first, chronologically: they make the tracks.
        for member in members.iter().filter(|m| titled(m).is_some()) {
            let Some((title, words)) = titled(member) else {
                continue;
            };
            let session = member.ga_session().unwrap_or(0);
            let mut best: Option<(f64, usize)> = None;
            for (i, t) in tracks.iter().enumerate() {
                let similarity = t
                    .words
                    .as_ref()
                    .map_or(0.0, |tw| title_similarity(&words, tw));
                if !t.sessions.contains(&session)
                    && similarity >= rule.min_title_similarity
                    && best.is_none_or(|(b, _)| similarity > b)
                {
                    best = Some((similarity, i));
                }
            }
            let i = best.map_or_else(
                || {
                    tracks.push(Track::default());
                    tracks.len() - 1
                },
                |(_, i)| i,
            );
            let track = &mut tracks[i];
            track.members.push(member.clone());
            track.sessions.push(session);
            track.words = Some(words);
            track.title = Some(title);
        }
        // Then the untitled, each into the longest track with no member of
        // its session (the item's main line), or a track of their own.
        for member in members.iter().filter(|m| titled(m).is_none()) {
            let session = member.ga_session().unwrap_or(0);
            let room = tracks
                .iter()
                .enumerate()
                .filter(|(_, t)| !t.sessions.contains(&session))
                .max_by_key(|(i, t)| (t.members.len(), Reverse(*i)))
                .map(|(i, _)| i);
            let i = room.unwrap_or_else(|| {
                tracks.push(Track::default());
                tracks.len() - 1
            });
            tracks[i].members.push(member.clone());
            tracks[i].sessions.push(session);
        }
        let position = |m: &Symbol| members.iter().position(|x| x == m);
        let mut out: Vec<SeriesTrack> = tracks
            .into_iter()
            .map(|mut t| {
                t.members.sort_by_key(|m| position(m));
                SeriesTrack {
                    title: t.title,
                    members: t.members,
                }
            })
            .collect();
        out.sort_by_key(|t| t.members.first().and_then(&position));
        out
    }

    /// The series lineage of a recurring resolution: the successive
    /// General Assembly resolutions on the same agenda item, told apart
    /// from one-off citations, chronologically (`53/70, 54/49, ..., 76/19`
    /// for the seed draft A/C.1/77/L.73). The rule of [`SeriesRule::default`]:
    ///
    /// * **Members** are GA resolutions of regular sessions. The result
    ///   holds the seed if it is one; a draft seed is the starting point
    ///   but not a member, though the resolution it was adopted as
    ///   ([`add_adopted_as`](Self::add_adopted_as)) is, and starts the
    ///   search instead.
    /// * A **series recital** is a citation in one of the first 3
    ///   preambular paragraphs (or an unnumbered one) whose relation is
    ///   `recalling` or `reaffirming`. A **predecessor footnote** is a
    ///   footnote that cites at least two documents, all GA resolutions
    ///   ("1 Resolutions 56/183, 57/238, ..., 76/189.", the list behind
    ///   "as well as previous resolutions on the issue"); its citations
    ///   count as series recitals of the document that has it. One
    ///   **list** is the series recitals of one read document in one
    ///   paragraph (a predecessor footnote is no list of this kind: it
    ///   speaks for its own document only).
    /// * The **predecessor candidates** of a member M (or of the seed) are
    ///   the GA resolutions of a session no later than M's that come
    ///   before M chronologically and that (a) M cites in a series
    ///   recital, its own or that of a draft adopted as M, or (b) stand in
    ///   one list with M in any read document (this is how an unread
    ///   resolution finds its predecessors). Its **successor candidates**
    ///   are the GA resolutions after M, of a session no earlier, that (a)
    ///   cite M in a series recital (a draft counts as the resolution it
    ///   was adopted as) or (b) stand in one list with M.
    /// * **Backward**: candidates are taken from the most recent down. One
    ///   more than 3 sessions before the earliest member so far ends the
    ///   chain (a gap: what is older is a one-off citation, like 43/78 H
    ///   ten sessions before 53/70); a seed that is no member bounds
    ///   nothing, so its most recent candidate is always taken. A candidate whose title is known is
    ///   kept only if its title words (lower-cased, of 4 letters or more,
    ///   function words left out) have a Jaccard similarity of at least
    ///   0.5 with those of some member (or of the seed) whose title is
    ///   known; unknown titles do not exclude. A kept candidate is a
    ///   member, and its own predecessor candidates join the queue.
    /// * **Forward** likewise from the seed, earliest first: a candidate
    ///   more than 3 sessions after the latest member ends the chain; the
    ///   same title test; members bring their successor candidates. A
    ///   seed that is no member has no forward search.
    ///
    /// The rule reads only what the graph holds, so it is as good as the
    /// texts read and titles known: with titles, parallel items recalled
    /// in one list (73/27 and 73/266, on different titles) are told apart
    /// unless a later merged resolution (76/19) bridges them. An unknown
    /// seed has no lineage. [`series_lineage_with`](Self::series_lineage_with)
    /// takes other parameters.
    ///
    /// Costs what the documents visited cost: each candidate (a document
    /// citing or cited by a member in the first preambular paragraphs) is
    /// visited once and queued in a binary heap, so O(C log C + O_m) for C
    /// candidates and the O_m occurrences of members' links, plus the title
    /// similarity of each candidate against the member titles known (O(m)
    /// word-set comparisons for m members), and O(V) for the visited set.
    ///
    /// ```
    /// use resgraph_graph::{CitationGraph, Occurrence, Section};
    /// let s = |t: &str| resgraph_symbol::Symbol::parse_loose(t).unwrap();
    /// let mut g = CitationGraph::new();
    /// let draft = s("A/C.1/77/L.73");
    /// for old in ["43/78 H", "53/70", "54/49", "55/28", "56/19"] {
    ///     let occ = Occurrence::new("recalling", Section::Preamble, Some(1), None);
    ///     g.add_link(&draft, &s(old), &occ);
    /// }
    /// g.add_link(&draft, &s("A/65/201"), &Occurrence::new("see", Section::Footnote, Some(1), None));
    /// let series: Vec<String> = g.series_lineage(&draft).iter().map(|x| x.short()).collect();
    /// assert_eq!(series, ["53/70", "54/49", "55/28", "56/19"]);
    /// // The same series seen from any member.
    /// assert_eq!(g.series_lineage(&s("53/70")).len(), 4);
    /// ```
    pub fn series_lineage(&self, seed: &Symbol) -> Vec<Symbol> {
        self.series_lineage_with(seed, &SeriesRule::default())
    }

    /// [`series_lineage`](Self::series_lineage) with other parameters.
    pub fn series_lineage_with(&self, seed: &Symbol, rule: &SeriesRule) -> Vec<Symbol> {
        let Some(seed_n) = self.idx(seed) else {
            return Vec::new();
        };
        let compiled = Rule {
            rule,
            relations: self
                .relations
                .relations()
                .iter()
                .map(|s| {
                    rule.relations
                        .iter()
                        .any(|r| r.eq_ignore_ascii_case(s.verb()))
                })
                .collect(),
        };
        let start = match self.adopted_as.get(&seed_n) {
            Some(&r)
                if self.member_session(seed_n).is_none() && self.member_session(r).is_some() =>
            {
                r
            }
            _ => seed_n,
        };
        let Some(start_session) = self.symbol_of(start).and_then(Symbol::ga_session) else {
            return Vec::new();
        };
        let gap = rule.max_session_gap;
        // A seed that is no member (a draft not known to be adopted, a
        // report) sets no session bound and has no successors.
        let start_is_member = self.member_session(start).is_some();
        let mut accepted = vec![start];
        let mut titles: Vec<Vec<String>> = [seed_n, start]
            .iter()
            .filter_map(|&n| self.words_of(n, rule))
            .collect();
        let mut seen = BitSet::with_capacity(self.node_count());
        seen.insert(start as usize);

        // Backward, most recent first.
        let mut lo = start_is_member.then_some(start_session);
        let mut heap: BinaryHeap<(u32, u32)> = BinaryHeap::new();
        for p in self.candidates(start, &compiled, Direction::Outgoing) {
            if !seen.put(p as usize) {
                heap.push((self.rank(p), p));
            }
        }
        while let Some((_, p)) = heap.pop() {
            let Some(session) = self.member_session(p) else {
                continue;
            };
            if lo.is_some_and(|lo| session.saturating_add(gap) < lo) {
                break;
            }
            if !self.title_fits(p, &titles, rule) {
                continue;
            }
            accepted.push(p);
            titles.extend(self.words_of(p, rule));
            lo = Some(lo.map_or(session, |lo| lo.min(session)));
            for q in self.candidates(p, &compiled, Direction::Outgoing) {
                if !seen.put(q as usize) {
                    heap.push((self.rank(q), q));
                }
            }
        }

        // Forward, earliest first.
        let mut hi = start_session;
        let mut heap: BinaryHeap<Reverse<(u32, u32)>> = BinaryHeap::new();
        if start_is_member {
            for p in self.candidates(start, &compiled, Direction::Incoming) {
                if !seen.put(p as usize) {
                    heap.push(Reverse((self.rank(p), p)));
                }
            }
        }
        while let Some(Reverse((_, p))) = heap.pop() {
            let Some(session) = self.member_session(p) else {
                continue;
            };
            if session > hi.saturating_add(gap) {
                break;
            }
            if !self.title_fits(p, &titles, rule) {
                continue;
            }
            accepted.push(p);
            titles.extend(self.words_of(p, rule));
            hi = hi.max(session);
            for q in self.candidates(p, &compiled, Direction::Incoming) {
                if !seen.put(q as usize) {
                    heap.push(Reverse((self.rank(q), q)));
                }
            }
        }

        accepted.retain(|&n| self.member_session(n).is_some());
        accepted.sort_unstable_by_key(|&n| self.rank(n));
        accepted
            .into_iter()
            .filter_map(|n| self.symbol_of(n).cloned())
            .collect()
    }

    /// The GA regular session of a node that can be a series member.
    fn member_session(&self, n: u32) -> Option<u16> {
        let s = self.symbol_of(n)?;
        if s.kind() == Kind::GaResolution {
            s.ga_session()
        } else {
            None
        }
    }

    fn words_of(&self, n: u32, rule: &SeriesRule) -> Option<Vec<String>> {
        let title = self
            .g
            .node_weight(NodeIndex::new(n as usize))?
            .title
            .as_deref()?;
        let words = title_words(title, rule.min_word_len);
        (!words.is_empty()).then_some(words)
    }

    fn title_fits(&self, n: u32, titles: &[Vec<String>], rule: &SeriesRule) -> bool {
        match self.words_of(n, rule) {
            None => true,
            Some(_) if titles.is_empty() => true,
            Some(w) => titles
                .iter()
                .any(|t| title_similarity(&w, t) >= rule.min_title_similarity),
        }
    }

    fn is_recital(&self, o: PackedOcc, rule: &Rule<'_>) -> bool {
        o.section() == Section::Preamble
            && o.paragraph()
                .is_none_or(|p| p <= rule.rule.preamble_paragraphs)
            && rule
                .relations
                .get(o.relation() as usize)
                .copied()
                .unwrap_or(false)
    }

    /// The footnotes of `d` that are predecessor lists: footnotes that
    /// cite at least two documents, every one a General Assembly
    /// resolution ("1 Resolutions 56/183, 57/238, ..., 76/189.", marked
    /// after "as well as previous resolutions on the issue"). A footnote
    /// that also names a report, another organ's text or a single
    /// resolution is no list.
    fn predecessor_footnotes(&self, d: u32) -> Vec<Option<u32>> {
        let mut per_footnote: Vec<(Option<u32>, bool)> = Vec::new();
        for e in self
            .g
            .edges_directed(NodeIndex::new(d as usize), Direction::Outgoing)
        {
            let is_member = self.member_session(e.target().index() as u32).is_some();
            for o in e.weight().occurrences() {
                if o.section() == Section::Footnote {
                    per_footnote.push((o.paragraph(), is_member));
                }
            }
        }
        per_footnote.sort_unstable();
        per_footnote
            .chunk_by(|a, b| a.0 == b.0)
            .filter(|items| items.len() >= 2 && items.iter().all(|(_, member)| *member))
            .map(|items| items[0].0)
            .collect()
    }

    /// The series list an occurrence of a citation in `d` stands in: a
    /// series recital's paragraph, or a predecessor-list footnote of `d`
    /// (`footnotes`, from [`Self::predecessor_footnotes`]).
    fn list_of(&self, o: PackedOcc, rule: &Rule<'_>, footnotes: &[Option<u32>]) -> Option<ListKey> {
        if self.is_recital(o, rule) {
            return Some(ListKey::Recital(o.paragraph()));
        }
        (o.section() == Section::Footnote && footnotes.contains(&o.paragraph()))
            .then(|| ListKey::Footnote(o.paragraph()))
    }

    /// The series lists in which `from` cites `to`.
    fn lists_citing(&self, from: u32, to: u32, rule: &Rule<'_>) -> Vec<ListKey> {
        let (a, b) = (NodeIndex::new(from as usize), NodeIndex::new(to as usize));
        let Some(e) = self.g.find_edge(a, b).and_then(|e| self.g.edge_weight(e)) else {
            return Vec::new();
        };
        let footnotes = self.predecessor_footnotes(from);
        e.occurrences()
            .iter()
            .filter_map(|o| self.list_of(*o, rule, &footnotes))
            .collect()
    }

    /// The documents `d` recites as its predecessors: every document it
    /// cites in a series list, except, when `d` recites a run (a list of
    /// two or more), a document alone in another list whose title is
    /// unknown. "Reaffirming also its resolution 69/313 of 27 July 2015 on
    /// the Addis Ababa Action Agenda" beside the run of 78/168's own item
    /// is a one-off, and without a title nothing else tells it apart.
    fn predecessors_recited(&self, d: u32, rule: &Rule<'_>) -> Vec<u32> {
        let footnotes = self.predecessor_footnotes(d);
        let mut listed: Vec<(ListKey, u32)> = Vec::new();
        for e in self
            .g
            .edges_directed(NodeIndex::new(d as usize), Direction::Outgoing)
        {
            let target = e.target().index() as u32;
            for o in e.weight().occurrences() {
                if let Some(key) = self.list_of(*o, rule, &footnotes) {
                    if !listed.contains(&(key, target)) {
                        listed.push((key, target));
                    }
                }
            }
        }
        let size = |key: ListKey| listed.iter().filter(|(k, _)| *k == key).count();
        let has_run = listed.iter().any(|(k, _)| size(*k) >= 2);
        let mut out: Vec<u32> = listed
            .iter()
            .filter(|(key, c)| {
                !(has_run && size(*key) == 1 && self.words_of(*c, rule.rule).is_none())
                    // Cited in a run elsewhere in the text: still a member.
                    || listed.iter().any(|(k, x)| x == c && size(*k) >= 2)
            })
            .map(|(_, c)| *c)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The documents `d` cites in a series list, in one of `lists` (any
    /// list when `None`).
    fn recited_by(&self, d: u32, lists: Option<&[ListKey]>, rule: &Rule<'_>) -> Vec<u32> {
        let footnotes = self.predecessor_footnotes(d);
        self.g
            .edges_directed(NodeIndex::new(d as usize), Direction::Outgoing)
            .filter(|e| {
                e.weight().occurrences().iter().any(|o| {
                    self.list_of(*o, rule, &footnotes)
                        .is_some_and(|key| lists.is_none_or(|ls| ls.contains(&key)))
                })
            })
            .map(|e| e.target().index() as u32)
            .collect()
    }

    /// Predecessor (`Outgoing`) or successor (`Incoming`) candidates of
    /// `m`, as the rule defines them.
    fn candidates(&self, m: u32, rule: &Rule<'_>, dir: Direction) -> Vec<u32> {
        let Some(m_symbol) = self.symbol_of(m) else {
            return Vec::new();
        };
        let Some(m_session) = m_symbol.ga_session() else {
            return Vec::new();
        };
        let fits = |c: u32| -> bool {
            let (Some(cs), Some(c_symbol)) = (self.member_session(c), self.symbol_of(c)) else {
                return false;
            };
            match dir {
                Direction::Outgoing => cs <= m_session && c_symbol < m_symbol,
                Direction::Incoming => cs >= m_session && c_symbol > m_symbol,
            }
        };
        let mut out = Vec::new();
        match dir {
            Direction::Outgoing => {
                let mut texts = vec![m];
                texts.extend(self.adopted_from.get(&m).into_iter().flatten().copied());
                for t in texts {
                    out.extend(
                        self.predecessors_recited(t, rule)
                            .into_iter()
                            .filter(|&c| fits(c)),
                    );
                }
            }
            Direction::Incoming => {
                for e in self
                    .g
                    .edges_directed(NodeIndex::new(m as usize), Direction::Incoming)
                {
                    let d = e.source().index() as u32;
                    if self.lists_citing(d, m, rule).is_empty() {
                        continue;
                    }
                    let c = if self.member_session(d).is_some() {
                        Some(d)
                    } else {
                        self.adopted_as.get(&d).copied()
                    };
                    out.extend(c.filter(|&c| fits(c)));
                }
            }
        }
        // Lists that hold `m` together with others.
        for e in self
            .g
            .edges_directed(NodeIndex::new(m as usize), Direction::Incoming)
        {
            let d = e.source().index() as u32;
            // Only recitals: a footnote list of another item may hold one
            // of this item's members among its own (78/160's footnote of
            // science and technology resolutions holds 59/220), and its
            // other entries are no members of this series.
            let lists: Vec<ListKey> = self
                .lists_citing(d, m, rule)
                .into_iter()
                .filter(|key| matches!(key, ListKey::Recital(_)))
                .collect();
            if lists.is_empty() {
                continue;
            }
            out.extend(
                self.recited_by(d, Some(&lists), rule)
                    .into_iter()
                    .filter(|&c| c != m && fits(c)),
            );
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Occurrence;

    fn s(t: &str) -> Symbol {
        Symbol::parse_loose(t).unwrap()
    }

    fn recalling(p: u32) -> Occurrence {
        Occurrence::new("recalling", Section::Preamble, Some(p), None)
    }

    fn titled(g: &mut CitationGraph, sym: &str, title: &str) {
        let mut info = crate::NodeInfo::cited(s(sym));
        info.title = Some(title.into());
        g.add_node_info(info);
    }

    const DEV: &str = "Developments in the field of information and telecommunications in the context of international security";
    const ADV: &str = "Advancing responsible State behaviour in cyberspace in the context of international security";

    #[test]
    fn titles_tell_parallel_items_apart() {
        let mut g = CitationGraph::new();
        // 74/29 (Developments) recalls its strand and, in the same list,
        // the parallel 73/266 (Advancing).
        for old in ["73/27", "73/266", "71/28"] {
            g.add_link(&s("74/29"), &s(old), &recalling(1));
        }
        titled(&mut g, "74/29", DEV);
        titled(&mut g, "73/27", DEV);
        titled(&mut g, "71/28", DEV);
        titled(&mut g, "73/266", ADV);
        let series = g.series_lineage(&s("74/29"));
        assert_eq!(series, [s("71/28"), s("73/27"), s("74/29")]);
        // Without titles, one list is one series.
        let mut bare = CitationGraph::new();
        for old in ["73/27", "73/266", "71/28"] {
            bare.add_link(&s("74/29"), &s(old), &recalling(1));
        }
        assert_eq!(bare.series_lineage(&s("74/29")).len(), 4);
    }

    #[test]
    fn later_paragraphs_and_other_relations_are_not_recitals() {
        let mut g = CitationGraph::new();
        g.add_link(&s("76/19"), &s("75/240"), &recalling(1));
        g.add_link(&s("76/19"), &s("75/100"), &recalling(9));
        g.add_link(
            &s("76/19"),
            &s("75/32"),
            &Occurrence::new("welcomes", Section::Operative, Some(1), None),
        );
        assert_eq!(g.series_lineage(&s("76/19")), [s("75/240"), s("76/19")]);
    }

    #[test]
    fn follows_read_members_and_adoption() {
        let mut g = CitationGraph::new();
        g.add_link(&s("76/19"), &s("75/240"), &recalling(1));
        g.add_link(&s("75/240"), &s("74/29"), &recalling(2));
        // 74/29 recalls a resolution from long before: a one-off.
        g.add_link(&s("74/29"), &s("60/1"), &recalling(1));
        // A draft of the next session, adopted as 77/36.
        let draft = s("A/C.1/77/L.23");
        g.add_link(&draft, &s("76/19"), &recalling(1));
        assert_eq!(
            g.series_lineage(&s("74/29")).len(),
            3,
            "no resolution cites 76/19 yet"
        );
        g.add_adopted_as(&draft, &s("77/36"));
        let expected = [s("74/29"), s("75/240"), s("76/19"), s("77/36")];
        assert_eq!(g.series_lineage(&s("74/29")), expected);
        assert_eq!(g.series_lineage(&draft), expected);
        assert_eq!(g.series_lineage(&s("77/36")), expected);
    }

    #[test]
    fn unknown_and_non_ga_seeds() {
        let g = CitationGraph::new();
        assert!(g.series_lineage(&s("76/19")).is_empty());
        let mut g = CitationGraph::new();
        g.add_node(&s("S/RES/1373 (2001)"));
        assert!(g.series_lineage(&s("S/RES/1373 (2001)")).is_empty());
        g.add_node(&s("76/19"));
        assert_eq!(g.series_lineage(&s("76/19")), [s("76/19")]);
    }
}

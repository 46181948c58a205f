//! Compact internal representations: packed occurrences, edge weights,
//! the relation interner, and the hash map and bit set used on nodes.
//!
//! At 10^7 citations every byte per edge counts: an occurrence is 20
//! bytes (relation id, section and flags in one word, the paragraph, the
//! cited date, and the mention's byte offsets, its evidence), and an edge
//! weight is 24 bytes when it has one occurrence (the usual case), with
//! further occurrences behind a box. Quotes are not kept: they are read
//! back from the citing text by these offsets (`crate::evidence`), which
//! costs 8 bytes an occurrence instead of a clause of text.

use resgraph_core::{Date, Relation, Section};

use crate::model::Span;

/// The largest number of distinct relation strings a graph interns;
/// further new relations are recorded as [`OVERFLOW_RELATION`].
pub(crate) const MAX_RELATIONS: u32 = 1 << 27;

/// The relation recorded once [`MAX_RELATIONS`] distinct ones are known.
pub(crate) const OVERFLOW_RELATION: &str = "(other)";

const RELATION_MASK: u32 = MAX_RELATIONS - 1;
const SECTION_SHIFT: u32 = 27;
const HAS_PARAGRAPH: u32 = 1 << 30;

/// A section as a small number, in the order of [`Section`]'s variants.
pub(crate) fn section_code(section: Section) -> u8 {
    match section {
        Section::Heading => 0,
        Section::Preamble => 1,
        Section::Operative => 2,
        Section::Footnote => 3,
        Section::Annex => 4,
    }
}

/// The section a code stands for, if any.
pub(crate) fn section_from_code(code: u8) -> Option<Section> {
    Some(match code {
        0 => Section::Heading,
        1 => Section::Preamble,
        2 => Section::Operative,
        3 => Section::Footnote,
        4 => Section::Annex,
        _ => return None,
    })
}

/// A date in one word: `year << 16 | month << 8 | day`, 0 for none.
pub(crate) fn pack_date(date: Option<Date>) -> u32 {
    match date {
        Some(d) if d.month != 0 => {
            (u32::from(d.year) << 16) | (u32::from(d.month) << 8) | u32::from(d.day)
        }
        _ => 0,
    }
}

/// The date a packed word stands for; `None` for 0 or an impossible date.
pub(crate) fn unpack_date(word: u32) -> Option<Date> {
    if word == 0 {
        return None;
    }
    let year = u16::try_from(word >> 16).ok()?;
    let month = u8::try_from((word >> 8) & 0xff).ok()?;
    let day = u8::try_from(word & 0xff).ok()?;
    Date::new(year, month, day)
}

/// One occurrence of a citation, in 20 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct PackedOcc {
    /// Bits 0..27 relation id, 27..30 section code, bit 30 paragraph present.
    meta: u32,
    paragraph: u32,
    date: u32,
    /// The mention's byte offsets; both 0 when unknown (a mention is
    /// never empty, so `0..0` is no span).
    start: u32,
    end: u32,
}

impl PackedOcc {
    pub(crate) fn new(
        relation: u32,
        section: Section,
        paragraph: Option<u32>,
        date: Option<Date>,
    ) -> PackedOcc {
        let mut meta =
            (relation & RELATION_MASK) | (u32::from(section_code(section)) << SECTION_SHIFT);
        if paragraph.is_some() {
            meta |= HAS_PARAGRAPH;
        }
        PackedOcc {
            meta,
            paragraph: paragraph.unwrap_or(0),
            date: pack_date(date),
            start: 0,
            end: 0,
        }
    }

    /// This occurrence with the mention's place in the text.
    pub(crate) fn with_span(mut self, span: Option<Span>) -> PackedOcc {
        (self.start, self.end) = span.map_or((0, 0), |s| (s.start, s.end));
        self
    }

    pub(crate) fn span(self) -> Option<Span> {
        (self.start < self.end).then_some(Span {
            start: self.start,
            end: self.end,
        })
    }

    /// What makes two occurrences one: everything but the span (a
    /// document cited twice in one paragraph with one relation is one
    /// occurrence, whose evidence is the first mention).
    pub(crate) fn same_citation(self, other: PackedOcc) -> bool {
        (self.meta, self.paragraph, self.date) == (other.meta, other.paragraph, other.date)
    }

    pub(crate) fn relation(self) -> u32 {
        self.meta & RELATION_MASK
    }

    pub(crate) fn section_code(self) -> u8 {
        // Three bits: always fits.
        ((self.meta >> SECTION_SHIFT) & 0b111) as u8
    }

    pub(crate) fn section(self) -> Section {
        section_from_code(self.section_code()).unwrap_or(Section::Annex)
    }

    pub(crate) fn paragraph(self) -> Option<u32> {
        (self.meta & HAS_PARAGRAPH != 0).then_some(self.paragraph)
    }

    pub(crate) fn date(self) -> Option<Date> {
        unpack_date(self.date)
    }

    pub(crate) fn date_word(self) -> u32 {
        self.date
    }
}

/// The weight of an edge: its occurrences, the first inline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EdgeData {
    One(PackedOcc),
    #[allow(clippy::box_collection)] // a thin pointer keeps the enum at 16 bytes
    Many(Box<Vec<PackedOcc>>),
}

impl EdgeData {
    pub(crate) fn occurrences(&self) -> &[PackedOcc] {
        match self {
            EdgeData::One(o) => std::slice::from_ref(o),
            EdgeData::Many(v) => v,
        }
    }

    /// Adds an occurrence unless one of the same citation is there
    /// ([`PackedOcc::same_citation`]: the first mention's span is kept);
    /// whether it was added.
    pub(crate) fn insert(&mut self, occ: PackedOcc) -> bool {
        match self {
            EdgeData::One(first) => {
                if first.same_citation(occ) {
                    return false;
                }
                *self = EdgeData::Many(Box::new(vec![*first, occ]));
                true
            }
            EdgeData::Many(v) => {
                if v.iter().any(|o| o.same_citation(occ)) {
                    return false;
                }
                v.push(occ);
                true
            }
        }
    }
}

/// A hash map with rustc's Fx hasher: fast, good enough for symbols
/// and node numbers, not meant to resist adversarial keys. No output
/// depends on its iteration order: what is written or returned from one
/// of these maps is sorted first (see `CitationGraph::to_bytes` and
/// `CitationGraph::adoptions`).
pub(crate) type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Relations, each stored once, numbered from 0, and found by their
/// verb.
#[derive(Debug, Clone, Default)]
pub(crate) struct Interner {
    relations: Vec<Relation>,
    ids: FxMap<Box<str>, u32>,
}

impl Interner {
    pub(crate) fn intern(&mut self, relation: &Relation) -> u32 {
        if let Some(&id) = self.ids.get(relation.verb()) {
            return id;
        }
        let len = u32::try_from(self.relations.len()).unwrap_or(u32::MAX);
        if len >= MAX_RELATIONS - 1 && relation.verb() != OVERFLOW_RELATION {
            return self.intern(&Relation::new(OVERFLOW_RELATION));
        }
        self.relations.push(relation.clone());
        self.ids.insert(relation.verb().into(), len);
        len
    }

    pub(crate) fn get(&self, s: &str) -> Option<u32> {
        self.ids.get(s).copied()
    }

    pub(crate) fn resolve(&self, id: u32) -> &Relation {
        self.relations.get(id as usize).unwrap_or(&Relation::EMPTY)
    }

    pub(crate) fn len(&self) -> usize {
        self.relations.len()
    }

    /// The relations, by id.
    pub(crate) fn relations(&self) -> &[Relation] {
        &self.relations
    }
}

/// A fixed-size set of node numbers.
///
/// Every number inserted must be below the length given to
/// `BitSet::with_capacity` (`fixedbitset` panics otherwise); callers size the set
/// with the graph's node count and insert node numbers of that graph.
pub(crate) type BitSet = fixedbitset::FixedBitSet;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_stay_small() {
        assert_eq!(std::mem::size_of::<PackedOcc>(), 20);
        assert_eq!(std::mem::size_of::<EdgeData>(), 24);
    }

    #[test]
    fn occurrence_round_trip() {
        let date = Date::new(1988, 12, 7);
        for section in [
            Section::Heading,
            Section::Preamble,
            Section::Operative,
            Section::Footnote,
            Section::Annex,
        ] {
            for paragraph in [None, Some(0), Some(7), Some(u32::MAX)] {
                let occ = PackedOcc::new(12345, section, paragraph, date);
                assert_eq!(occ.relation(), 12345);
                assert_eq!(occ.section(), section);
                assert_eq!(occ.paragraph(), paragraph);
                assert_eq!(occ.date(), date);
            }
        }
        assert_eq!(unpack_date(pack_date(None)), None);
        assert_eq!(unpack_date(0x07c8_0d01), None, "month 13");
    }

    #[test]
    fn edge_data_dedups() {
        let a = PackedOcc::new(0, Section::Preamble, Some(1), None);
        let b = PackedOcc::new(1, Section::Operative, Some(1), None);
        let mut e = EdgeData::One(a);
        assert!(!e.insert(a));
        assert!(e.insert(b));
        assert!(!e.insert(b));
        assert_eq!(e.occurrences(), &[a, b]);
        // A second mention of the same citation keeps the first's span.
        let later = a.with_span(Some(Span { start: 90, end: 95 }));
        let mut e = EdgeData::One(a.with_span(Some(Span { start: 10, end: 15 })));
        assert!(!e.insert(later));
        assert_eq!(e.occurrences()[0].span().map(|s| s.start), Some(10));
    }

    #[test]
    fn interner_numbers_in_order() {
        let mut i = Interner::default();
        assert_eq!(i.intern(&Relation::new("recalling")), 0);
        assert_eq!(i.intern(&Relation::new("see")), 1);
        assert_eq!(i.intern(&Relation::new("recalling")), 0);
        assert_eq!(i.resolve(1), "see");
        assert_eq!(i.get("nope"), None);
    }
}

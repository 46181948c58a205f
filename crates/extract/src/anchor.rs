//! Where a citation can start, found with byte searches before anything
//! is cleaned or parsed.
//!
//! Most paragraphs of a UN text cite nothing, and the scanner's regexes
//! are the costliest step of extraction. Every reference the scanner
//! reads needs one of a few byte patterns, each of which is a plain
//! byte test:
//!
//! - a head word, `resolution(s)`, `decision(s)` or `RESOLUTION(S)`:
//!   the substrings `esolution`, `ecision`, `ESOLUTION`;
//! - a masthead symbol: an upper-case series letter, `/`, a letter or digit
//!   (`A/65/201`, `S/PRST/2012/11`);
//! - an Assembly or ECOSOC number: a digit, `/`, a digit (`76/19`,
//!   `1994/15`);
//! - a Council number with its year: `(` and four digits and `)`;
//! - a roman session: `(` and one of `IVXLC` (`2625 (XXV)`).
//!
//! [`Triggers::of`] says which of these a text holds, so that the scanner
//! runs only the passes that can find something. On a paragraph still in
//! its raw source form, `Layout::may_cite` asks the same of each block,
//! unless cleaning could drop bytes there (markup, entities, emphasis
//! stars, invisible characters can bring a pattern's bytes together:
//! `76<i>/</i>19`, `reso\u{ad}lution`): a paragraph that fails is neither
//! cleaned nor scanned. It asks through [`Places`], every trigger and
//! dropping byte of the whole source found once. The tests are exact in
//! one direction: a text they pass over holds nothing the scanner would
//! read. That is what keeps extraction's output identical whatever they
//! skip.
//!
//! Cost: a few `memchr`/`memmem` passes over the bytes (several GB/s
//! each), with a byte test at each `/` and `(`.

use std::sync::OnceLock;

#[cfg(test)]
use memchr::memmem::Finder;

use crate::text::{continuation_bytes, CleaningPlaces};

#[cfg(test)]
thread_local! {
    /// In tests: clean and scan every paragraph with every pass, the
    /// oracle that anchor-first reading must agree with.
    pub(crate) static EXHAUSTIVE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether reading skips nothing (only ever in tests).
pub(crate) fn exhaustive() -> bool {
    #[cfg(test)]
    {
        EXHAUSTIVE.with(|e| e.get())
    }
    #[cfg(not(test))]
    {
        false
    }
}

/// Which scanner passes a text can feed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Triggers {
    /// A head word or a masthead symbol: the anchored list and masthead
    /// pass.
    pub anchored: bool,
    /// A Council `(YYYY)`.
    pub council: bool,
    /// An Assembly `S/N` or a roman `(XXV)`.
    pub assembly: bool,
}

impl Triggers {
    /// The triggers in `text`.
    pub fn of(text: &[u8]) -> Triggers {
        let mut found = Triggers {
            anchored: has_head_word(text),
            ..Triggers::default()
        };
        for at in memchr::memchr2_iter(b'/', b'(', text) {
            found.assembly |= assembly_trigger(text, at);
            found.council |= council_trigger(text, at);
            found.anchored |= masthead_trigger(text, at);
            if found.anchored && found.council && found.assembly {
                break;
            }
        }
        found
    }

    /// Every pass: what exhaustive reading asks for.
    pub fn every() -> Triggers {
        Triggers {
            anchored: true,
            council: true,
            assembly: true,
        }
    }

    /// Adds the Council and Assembly triggers of the `/` or `(` at `at`
    /// in `text` (not the masthead's: the scanner finds where those and
    /// head words start itself, and that search answers for them).
    pub fn add_number_trigger(&mut self, text: &[u8], at: usize) {
        self.assembly |= assembly_trigger(text, at);
        self.council |= council_trigger(text, at);
    }

    /// The places in `text` where an Assembly form's trigger stands (see
    /// [`assembly_trigger`]): every match of those forms holds one.
    pub fn assembly_places(text: &[u8]) -> impl Iterator<Item = usize> + '_ {
        memchr::memchr2_iter(b'/', b'(', text).filter(move |&at| assembly_trigger(text, at))
    }

    /// The places in `text` where a Council year's trigger stands.
    pub fn council_places(text: &[u8]) -> impl Iterator<Item = usize> + '_ {
        memchr::memchr_iter(b'(', text).filter(move |&at| council_trigger(text, at))
    }

    /// Whether any pass has something to read.
    pub fn any(self) -> bool {
        self.anchored || self.council || self.assembly
    }
}

/// The places in a whole source where a trigger of any pass stands (a
/// head word's start, a masthead, Assembly or Council trigger's `/` or
/// `(`), and where cleaning drops or replaces bytes
/// ([`CleaningPlaces`]). Found with one search of the whole text per
/// pattern, so that asking whether a paragraph may cite, and how it is
/// to be cleaned, is a lookup rather than searches of its bytes (whose
/// set-up cost a short paragraph does not repay).
///
/// Exact in the direction that matters: a piece of the source in which
/// [`Triggers::of`] finds a trigger holds one of these places. (Each test
/// looks at the bytes around a place; seen from the whole source, a
/// neighbour outside the piece can only add places, never remove one.)
#[derive(Debug, Default)]
pub(crate) struct Places {
    triggers: crate::text::Places,
    /// Where cleaning drops or replaces bytes.
    pub cleaning: CleaningPlaces,
    /// How many line feeds the source holds: counted here, where each
    /// piece is in the cache, for the layout to size its line list with
    /// (a count of its own would read a long text from memory again).
    pub line_feeds: usize,
    /// How many UTF-8 continuation bytes (`0b10xx_xxxx`) stand before a
    /// byte offset ([`Places::char_offset`]): found here, in the cache,
    /// so that counting characters for every citation needs no pass of
    /// its own over the whole text.
    chars: CharCounts,
}

impl Places {
    /// The places of `source`.
    ///
    /// The searches run a piece of [`PIECE`] bytes at a time: a long text
    /// does not fit in the processor's caches, and a dozen searches each
    /// streaming it from memory took twice as long as the same searches
    /// over pieces still in cache (64.6 MB: 58 ms against 29 ms).
    pub fn of(source: &[u8]) -> Places {
        Places::in_pieces(source, PIECE)
    }

    /// [`Places::of`], searching `piece` bytes at a time.
    fn in_pieces(source: &[u8], piece: usize) -> Places {
        let piece = piece.max(1);
        let longest_head = HEAD_WORDS.iter().map(|w| w.len()).max().unwrap_or(0);
        // About one trigger per 300 bytes of UN text: room for them at
        // once, so that the list is not copied into fresh memory as it
        // doubles (room never used is never touched).
        let mut triggers = Vec::with_capacity(source.len() / 128);
        let mut cleaning = CleaningPlaces::finder();
        let mut line_feeds = 0;
        let mut chars = CharCounter::default();
        let mut start = 0;
        while start < source.len() {
            let end = source.len().min(start.saturating_add(piece));
            let from = triggers.len();
            // A head word starting in the piece may end past it.
            let reach = source.len().min(end + longest_head - 1);
            triggers.extend(
                head_word_starts(&source[start..reach])
                    .map(|at| start + at)
                    .take_while(|&at| at < end),
            );
            triggers.extend(
                memchr::memchr2_iter(b'/', b'(', &source[start..end])
                    .map(|at| start + at)
                    .filter(|&at| {
                        assembly_trigger(source, at)
                            || council_trigger(source, at)
                            || masthead_trigger(source, at)
                    }),
            );
            // Each search gives its places in order: sorting the piece's
            // share keeps the whole list sorted.
            triggers[from..].sort_unstable();
            cleaning.add_in(source, start..end);
            line_feeds += memchr::memchr_iter(b'\n', &source[start..end]).count();
            chars.add_in(source, start..end);
            start = end;
        }
        Places {
            triggers: crate::text::Places::in_order(triggers),
            cleaning: cleaning.done(),
            line_feeds,
            chars: chars.done(),
        }
    }

    /// The offset in characters of byte offset `at` of `source` (the
    /// source these places are of; `at` a character boundary): its bytes
    /// less the continuation bytes before it. Asked in order, each answer
    /// is a few comparisons and a count in at most one block.
    pub fn char_offset(&self, source: &[u8], at: usize) -> usize {
        at - self.chars.continuations_before(source, at)
    }

    /// Whether a paragraph's source bytes in `range` may hold a
    /// reference: a trigger, or bytes that cleaning drops (which can
    /// bring a pattern's bytes together).
    pub fn may_cite_in(&self, range: std::ops::Range<usize>) -> bool {
        self.triggers.any_in(range.clone()) || self.cleaning.drops.any_in(range)
    }
}

/// The bytes [`CharCounts`] passes over at once when they are ASCII.
const CHAR_BLOCK: usize = 128;

/// The UTF-8 continuation bytes of a text, counted per block of
/// [`CHAR_BLOCK`] bytes: each block that holds any is listed with the
/// count before it, so that the count before a byte offset is the count
/// before its block plus a count in that block's bytes. Few bytes of a UN
/// text in English are not ASCII, and an ASCII block is passed over by
/// one test of its bytes and takes no room; a text in Russian or Arabic,
/// most of whose bytes are continuations, takes two numbers per block
/// (an eighth of its size), not one per byte.
#[derive(Debug, Default)]
struct CharCounts {
    /// Where each block holding continuation bytes starts, in order.
    blocks: crate::text::Places,
    /// For each of those blocks, the continuation bytes before it.
    before: Vec<usize>,
    /// The continuation bytes of the text.
    total: usize,
}

/// Counts [`CharCounts`] range by range, in the order of the text.
#[derive(Debug, Default)]
struct CharCounter {
    starts: Vec<usize>,
    before: Vec<usize>,
    total: usize,
}

impl CharCounter {
    /// Adds the continuation bytes of `source[range]`; ranges are added
    /// in the order of the text, and may cut a block anywhere.
    fn add_in(&mut self, source: &[u8], range: std::ops::Range<usize>) {
        let mut at = range.start;
        while at < range.end {
            let block = at - at % CHAR_BLOCK;
            let end = range.end.min(block + CHAR_BLOCK);
            let chunk = &source[at..end];
            // A whole block is tested by one OR of its bytes (a fixed
            // length, which the compiler turns into a few vector
            // instructions).
            let ascii = <&[u8; CHAR_BLOCK]>::try_from(chunk)
                .is_ok_and(|whole| whole.iter().fold(0u8, |any, &b| any | b) < 0x80);
            let found = if ascii { 0 } else { continuation_bytes(chunk) };
            if found > 0 {
                // A block cut by the end of a range was listed already if
                // its first part held any.
                if self.starts.last() != Some(&block) {
                    self.starts.push(block);
                    self.before.push(self.total);
                }
                self.total += found;
            }
            at = end;
        }
    }

    fn done(self) -> CharCounts {
        CharCounts {
            blocks: crate::text::Places::in_order(self.starts),
            before: self.before,
            total: self.total,
        }
    }
}

impl CharCounts {
    /// The continuation bytes of `source` before byte offset `at`.
    fn continuations_before(&self, source: &[u8], at: usize) -> usize {
        // The listed blocks starting at or before `at`.
        let listed = self.blocks.count_before(at.saturating_add(1));
        let Some(index) = listed.checked_sub(1) else {
            return 0;
        };
        let start = self.blocks.offset(index);
        if at < start + CHAR_BLOCK {
            self.before[index] + continuation_bytes(&source[start..at.min(source.len())])
        } else {
            // Past the block: the blocks up to the next listed one hold
            // none.
            self.before.get(index + 1).copied().unwrap_or(self.total)
        }
    }
}

/// An upper-case letter, `/` and a letter or digit: a masthead symbol's
/// series (`A/65/201`, `S/PRST/2012/11`).
fn masthead_trigger(text: &[u8], at: usize) -> bool {
    let previous = at.checked_sub(1).map_or(b' ', |p| text[p]);
    let next = text.get(at + 1).copied().unwrap_or(b' ');
    text[at] == b'/' && previous.is_ascii_uppercase() && next.is_ascii_alphanumeric()
}

/// A `/` between digits, or a `(` before a roman numeral's letter.
fn assembly_trigger(text: &[u8], at: usize) -> bool {
    let next = text.get(at + 1).copied().unwrap_or(b' ');
    match text[at] {
        b'/' => {
            at.checked_sub(1).is_some_and(|p| text[p].is_ascii_digit()) && next.is_ascii_digit()
        }
        b'(' => matches!(next, b'I' | b'V' | b'X' | b'L' | b'C'),
        _ => false,
    }
}

/// A `(` before four digits and `)`.
fn council_trigger(text: &[u8], at: usize) -> bool {
    text[at] == b'('
        && text
            .get(at + 1..at + 6)
            .is_some_and(|year| year[..4].iter().all(u8::is_ascii_digit) && year[4] == b')')
}

/// A substring searcher for each head word's distinctive part,
/// `esolution`, `ecision` and `ESOLUTION`: the oracle the packed search
/// ([`head_word_starts`]) is tested against.
#[cfg(test)]
fn head_words() -> &'static [Finder<'static>; 3] {
    static HEADS: OnceLock<[Finder<'static>; 3]> = OnceLock::new();
    HEADS.get_or_init(|| HEAD_WORDS.map(Finder::new))
}

/// Where the head words' distinctive parts start in `text`, in order:
/// the three searched at once (a packed "Teddy" search of their first
/// bytes, about twice as fast on a long text as three substring
/// searches: 64.6 MB in 11 ms against 19 ms in cache-sized pieces). No
/// part overlaps itself or another, so the leftmost non-overlapping
/// matches are all of them. The trigger test, the whole source's places
/// and the scanner's anchored search all use it.
pub(crate) fn head_word_starts(text: &[u8]) -> impl Iterator<Item = usize> + '_ {
    static HEADS: OnceLock<aho_corasick::packed::Searcher> = OnceLock::new();
    let heads = HEADS.get_or_init(|| {
        let mut builder = aho_corasick::packed::Config::new().builder();
        builder.extend(HEAD_WORDS);
        // Three short literals always make a searcher (Teddy where the
        // processor has the instructions, Rabin-Karp otherwise).
        builder
            .build()
            .unwrap_or_else(|| unreachable!("three literals build"))
    });
    heads.find_iter(text).map(|m| m.start())
}

/// The head words' distinctive parts (see [`head_word_starts`]).
const HEAD_WORDS: [&str; 3] = ["esolution", "ecision", "ESOLUTION"];

/// The bytes [`Places::of`] searches at a time: well inside a core's
/// second-level cache, large enough that setting up a search is nothing.
const PIECE: usize = 32 * 1024;

fn has_head_word(text: &[u8]) -> bool {
    head_word_starts(text).next().is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triggers_name_the_passes() {
        let t = |s: &str| Triggers::of(s.as_bytes());
        assert!(t("Recalling its resolution").anchored);
        assert!(t("See A/65/201.").anchored);
        assert!(t("see A/65/201.").assembly);
        assert_eq!(
            t("1373 (2001)"),
            Triggers {
                council: true,
                ..Triggers::default()
            }
        );
        assert!(t("2625 (XXV)").assembly);
        assert!(!t("the 2010 reports (a) and (b), 2021-2025").any());
        assert!(!t("2/ 3 and and / x").any());
    }

    /// Whether the paragraph that `text` makes may cite.
    fn may_cite(text: &[u8]) -> bool {
        let text = std::str::from_utf8(text).expect("UTF-8");
        let furniture = crate::layout::Furniture {
            own_symbol_lines: Vec::new(),
        };
        let layout = crate::layout::layout(text, &furniture);
        assert_eq!(layout.paragraphs.len(), 1, "{text}");
        layout.may_cite(0)
    }

    proptest::proptest! {
        /// The packed search of the head words finds each of them, as
        /// three substring searches do.
        #[test]
        fn head_words_are_found_at_once_as_one_by_one(
            text in "(resolution|RESOLUTION|decision|Resolution|DECISION|ecisions|esolutio|[a-zE ]{1,6}){0,40}",
        ) {
            let bytes = text.as_bytes();
            let mut one_by_one: Vec<usize> =
                head_words().iter().flat_map(|f| f.find_iter(bytes)).collect();
            one_by_one.sort_unstable();
            proptest::prop_assert_eq!(head_word_starts(bytes).collect::<Vec<_>>(), one_by_one);
        }

        /// Searching piece by piece finds what one search of the whole
        /// text finds, whatever the pieces cut (a head word, a `/` whose
        /// neighbours are in the next piece, a character of several
        /// bytes).
        #[test]
        fn pieces_find_what_the_whole_text_holds(
            text in "(resolution|RESOLUTION|decision|A/65/201|76/19|\\(2001\\)|\\(XXV\\)|&amp;|<i>|\\*|\\[|\t|\u{a0}|\u{ad}|\u{2011}|\u{2019}|\u{feff}|\u{3000}|\n|[a-z ]{1,5}){0,40}",
            piece in 1usize..48,
        ) {
            let bytes = text.as_bytes();
            let whole = Places::in_pieces(bytes, usize::MAX);
            let pieces = Places::in_pieces(bytes, piece);
            proptest::prop_assert_eq!(pieces.triggers.offsets(), whole.triggers.offsets());
            proptest::prop_assert_eq!(pieces.cleaning.drops.offsets(), whole.cleaning.drops.offsets());
            proptest::prop_assert_eq!(pieces.cleaning.replaces_offsets(), whole.cleaning.replaces_offsets());
            proptest::prop_assert_eq!(pieces.line_feeds, text.matches('\n').count());
            for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                proptest::prop_assert_eq!(pieces.char_offset(bytes, at), text[..at].chars().count());
            }
        }
    }

    proptest::proptest! {
        /// Continuation bytes counted 32 at a time are those counted one
        /// by one, in any bytes.
        #[test]
        fn continuations_are_counted_as_byte_by_byte(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..100)) {
            proptest::prop_assert_eq!(
                continuation_bytes(&bytes),
                bytes.iter().filter(|&&b| b & 0xC0 == 0x80).count()
            );
        }

        /// Characters counted by blocks, whatever the pieces the text is
        /// added in, are the characters before each offset; texts of
        /// characters of one to four bytes, long enough for many blocks.
        #[test]
        fn characters_counted_by_blocks_are_the_characters_before(
            text in "(\u{e9}|\u{20ac}|\u{1f600}|\u{2019}|[a-z ]{1,60}){0,120}",
            piece in 1usize..300,
        ) {
            let bytes = text.as_bytes();
            let mut counts = CharCounter::default();
            let mut start = 0;
            while start < bytes.len() {
                let end = bytes.len().min(start + piece);
                counts.add_in(bytes, start..end);
                start = end;
            }
            let counts = counts.done();
            for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                proptest::prop_assert_eq!(at - counts.continuations_before(bytes, at), text[..at].chars().count());
            }
        }
    }

    #[test]
    fn a_text_in_cyrillic_takes_two_numbers_per_block_not_one_per_byte() {
        let text =
            "\u{440}\u{435}\u{437}\u{43e}\u{43b}\u{44e}\u{446}\u{438}\u{44f} 76/19 ".repeat(10_000);
        let places = Places::of(text.as_bytes());
        let blocks = text.len().div_ceil(CHAR_BLOCK);
        assert_eq!(places.chars.before.len(), blocks);
        assert_eq!(places.chars.total, text.len() - text.chars().count());
        assert_eq!(
            places.char_offset(text.as_bytes(), text.len()),
            text.chars().count()
        );
    }

    #[test]
    fn cleaning_that_joins_bytes_makes_a_paragraph_worth_scanning() {
        assert!(may_cite("reso\u{ad}lution".as_bytes()));
        assert!(may_cite(b"76&#47;19"));
        assert!(may_cite(b"76<i>/</i>19"));
        assert!(!may_cite("Welcomes the report \u{2019}s work".as_bytes()));
        assert!(!may_cite(b"Decides to remain seized of the matter."));
    }
}

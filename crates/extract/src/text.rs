//! Cleaned paragraph text that remembers where each byte came from.
//!
//! Real texts wrap numbers in markdown links (`[76/19](#)`), HTML tags,
//! no-break spaces, soft hyphens and line breaks. The scanner reads a
//! cleaned copy; every citation's byte span is mapped back to the source
//! through [`Mapped::source_span`].

use std::ops::Range;

/// Text built from pieces of a source, with a map back to source offsets.
#[derive(Debug, Default, Clone)]
pub(crate) struct Mapped {
    pub text: String,
    /// Runs `(clean offset, source offset)`: from each run start on, clean
    /// and source advance together until the next run.
    runs: Vec<(usize, usize)>,
}

impl Mapped {
    /// An empty text with room for `bytes` bytes and `runs` runs.
    pub fn with_capacity(bytes: usize, runs: usize) -> Mapped {
        Mapped {
            text: String::with_capacity(bytes),
            runs: Vec::with_capacity(runs),
        }
    }

    /// Appends `piece`, whose first byte stood at `source` in the source.
    pub fn push(&mut self, source: usize, piece: &str) {
        if piece.is_empty() {
            return;
        }
        let clean = self.text.len();
        let contiguous = self
            .runs
            .last()
            .is_some_and(|&(c, s)| source >= s && source - s == clean - c);
        if !contiguous {
            self.runs.push((clean, source));
        }
        self.text.push_str(piece);
    }

    /// Appends a character that stands for `source_len` bytes at `source`
    /// (a no-break space read as a space, say).
    pub fn push_replacement(&mut self, source: usize, ch: char) {
        let clean = self.text.len();
        self.runs.push((clean, source));
        self.text.push(ch);
    }

    /// The source offset of the clean byte at `clean`.
    pub fn source_offset(&self, clean: usize) -> usize {
        let index = self.runs.partition_point(|&(c, _)| c <= clean);
        match index.checked_sub(1).and_then(|i| self.runs.get(i)) {
            Some(&(c, s)) => s + (clean - c),
            None => 0,
        }
    }

    /// The source span of the clean span `start..end` (non-empty): from
    /// the source of its first byte to just past the source of its last.
    pub fn source_span(&self, start: usize, end: usize) -> (usize, usize) {
        let first = self.source_offset(start);
        let last = self.source_offset(end.saturating_sub(1).max(start));
        (first, last + 1)
    }

    /// Drops the first `n` bytes (a char boundary); the rest keeps its
    /// source offsets.
    pub fn drop_front(&mut self, n: usize) {
        let n = n.min(self.text.len());
        if n == 0 {
            return;
        }
        // The run holding byte `n` now starts there; later runs move
        // down by `n`.
        let first = self
            .runs
            .partition_point(|&(c, _)| c <= n)
            .saturating_sub(1);
        let mut runs: Vec<(usize, usize)> = Vec::with_capacity(self.runs.len() - first);
        if n < self.text.len() {
            if let Some(&(c, s)) = self.runs.get(first) {
                runs.push((0, s + (n - c)));
            }
            runs.extend(self.runs[first + 1..].iter().map(|&(c, s)| (c - n, s)));
        }
        self.runs = runs;
        self.text.drain(..n);
    }

    /// Empties the text, keeping its buffers for reuse.
    pub fn clear(&mut self) {
        self.text.clear();
        self.runs.clear();
    }

    pub fn ends_with_space(&self) -> bool {
        self.text.is_empty() || self.text.ends_with(' ')
    }
}

/// The longest prefix of `text` of at most `max` bytes that ends on a
/// character boundary.
pub(crate) fn prefix(text: &str, max: usize) -> &str {
    &text[..floor_char_boundary(text, max)]
}

/// The largest char boundary of `text` at or below `at`.
pub(crate) fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut end = text.len().min(at);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// Appends the cleaned form of one source line (trimmed, starting at
/// source offset `at`) to `out`.
///
/// Cleaning: markdown links `[text](url)` keep their text; HTML tags are
/// dropped and the common entities decoded; no-break, narrow and other
/// spaces become a space; soft hyphens, zero-width characters and `*`
/// (markdown emphasis, barcode stars) vanish.
pub(crate) fn clean_line_into(out: &mut Mapped, line: &str, at: usize) {
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut copy_from = 0;
    let flush = |out: &mut Mapped, from: usize, to: usize| {
        if to > from {
            out.push(at + from, &line[from..to]);
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'[' => {
                if let Some((text_end, link_end)) = markdown_link(line, i) {
                    flush(out, copy_from, i);
                    // Keep the link text; drop brackets and target.
                    out.push(at + i + 1, &line[i + 1..text_end]);
                    i = link_end;
                    copy_from = i;
                    continue;
                }
                i += 1;
            }
            b'<' => {
                if let Some(tag_end) = html_tag(bytes, i) {
                    flush(out, copy_from, i);
                    i = tag_end;
                    copy_from = i;
                    continue;
                }
                i += 1;
            }
            b'&' => {
                if let Some((ch, len)) = html_entity(&line[i..]) {
                    flush(out, copy_from, i);
                    out.push_replacement(at + i, ch);
                    i += len;
                    copy_from = i;
                    continue;
                }
                i += 1;
            }
            b' ' => {
                // Runs of spaces (and blanked-out markup) read as one.
                if i > copy_from || !out.ends_with_space() {
                    if out.text.is_empty() && i == copy_from {
                        copy_from = i + 1;
                    } else if i > copy_from && bytes[i - 1] != b' ' {
                        // Keep this first space with the copied run.
                    } else if i > copy_from {
                        flush(out, copy_from, i);
                        copy_from = i + 1;
                    }
                } else {
                    copy_from = i + 1;
                }
                i += 1;
            }
            b'*' | b'\t' => {
                flush(out, copy_from, i);
                if b == b'\t' {
                    out.push_replacement(at + i, ' ');
                }
                i += 1;
                copy_from = i;
            }
            0x80.. => {
                let ch = line[i..].chars().next().unwrap_or(' ');
                let len = ch.len_utf8();
                if let Some(replacement) = cleaned_char(ch) {
                    flush(out, copy_from, i);
                    if let Some(replacement) = replacement {
                        out.push_replacement(at + i, replacement);
                    }
                    copy_from = i + len;
                }
                i += len;
            }
            _ => {
                // Most bytes are plain: skip them, and single spaces
                // between words, without going round the match.
                i += 1;
                while let Some(&b) = bytes.get(i) {
                    if PLAIN[usize::from(b)] || (b == b' ' && i > copy_from && bytes[i - 1] != b' ')
                    {
                        i += 1;
                    } else {
                        break;
                    }
                }
            }
        }
    }
    flush(out, copy_from, bytes.len());
}

/// What cleaning does to a piece of source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Cleaning {
    /// It only folds runs of ASCII spaces (and the line breaks between
    /// lines) into one space.
    Folds,
    /// It also turns tabs, Unicode spaces and hyphens into ASCII ones.
    Replaces,
    /// It drops bytes: markup, entities, emphasis stars, invisible
    /// characters. Dropping can bring the bytes on either side together.
    Drops,
}

/// What [`clean_line_into`] would do to `raw`: the most that its
/// [`CleaningPlaces`] say.
#[cfg(test)]
pub(crate) fn cleaning(raw: &[u8]) -> Cleaning {
    CleaningPlaces::of(raw).cleaning_in(0..raw.len())
}

/// Where cleaning would drop or replace bytes in a text, each list
/// sorted, found with byte searches once for a whole text; a piece of
/// the text is then asked with lookups ([`CleaningPlaces::cleaning_in`]).
#[derive(Debug, Default)]
pub(crate) struct CleaningPlaces {
    /// Markup, entities, emphasis stars, invisible characters: what
    /// [`Cleaning::Drops`].
    pub drops: Places,
    /// Tabs, Unicode spaces and hyphens: what [`Cleaning::Replaces`].
    replaces: Places,
}

impl CleaningPlaces {
    /// The places of `raw`.
    #[cfg(test)]
    pub fn of(raw: &[u8]) -> CleaningPlaces {
        let mut found = CleaningPlaces::finder();
        found.add_in(raw, 0..raw.len());
        found.done()
    }

    /// Where cleaning replaces bytes.
    #[cfg(test)]
    pub fn replaces_offsets(&self) -> &[usize] {
        self.replaces.offsets()
    }

    /// Collects [`CleaningPlaces`] piece by piece: see
    /// [`CleaningPlaces::add_in`].
    pub fn finder() -> CleaningFinder {
        CleaningFinder::default()
    }

    /// What cleaning does to the bytes in `range` (a range of whole
    /// characters).
    pub fn cleaning_in(&self, range: Range<usize>) -> Cleaning {
        if self.drops.any_in(range.clone()) {
            Cleaning::Drops
        } else if self.replaces.any_in(range) {
            Cleaning::Replaces
        } else {
            Cleaning::Folds
        }
    }
}

/// [`CleaningPlaces`] being found, one piece of a text after another
/// (so that a long text is searched a cache-sized piece at a time, every
/// search on bytes still in cache, rather than streamed from memory once
/// per search).
#[derive(Debug, Default)]
pub(crate) struct CleaningFinder {
    drops: Vec<usize>,
    replaces: Vec<usize>,
}

impl CleaningFinder {
    /// Adds the places in `raw[range]`; pieces are added in the order of
    /// the text, and a character that starts in the piece is read whole.
    pub fn add_in(&mut self, raw: &[u8], range: Range<usize>) {
        let (drops_from, replaces_from) = (self.drops.len(), self.replaces.len());
        let piece = &raw[range.clone()];
        let at = |offset: usize| range.start + offset;
        self.drops
            .extend(memchr::memchr3_iter(b'&', b'<', b'*', piece).map(at));
        self.drops.extend(memchr::memchr_iter(b'[', piece).map(at));
        self.replaces
            .extend(memchr::memchr_iter(b'\t', piece).map(at));
        for (place, replacement) in touched_chars(raw, range.clone()) {
            match replacement {
                None => self.drops.push(place),
                Some(_) => self.replaces.push(place),
            }
        }
        // Each search gives its places in order: sorting the piece's
        // share (in cache) keeps the whole list sorted.
        self.drops[drops_from..].sort_unstable();
        self.replaces[replaces_from..].sort_unstable();
    }

    /// The places found.
    pub fn done(self) -> CleaningPlaces {
        CleaningPlaces {
            drops: Places::in_order(self.drops),
            replaces: Places::in_order(self.replaces),
        }
    }
}

/// The UTF-8 continuation bytes (`0b10xx_xxxx`) in `bytes`: a text's
/// characters are its bytes less these. Counted 32 bytes at a time in a
/// loop the compiler turns into vector instructions (a short slice's
/// `str::chars().count()` spent twice the time aligning it).
pub(crate) fn continuation_bytes(bytes: &[u8]) -> usize {
    let count = |chunk: &[u8]| -> usize {
        chunk
            .iter()
            .map(|&b| u8::from((b as i8) < -0x40))
            .fold(0u8, u8::wrapping_add)
            .into()
    };
    let mut chunks = bytes.chunks_exact(32);
    let whole: usize = chunks.by_ref().map(count).sum();
    whole + count(chunks.remainder())
}

/// Offsets in a text, sorted, asked by range.
#[derive(Debug, Default)]
pub(crate) struct Places {
    offsets: Vec<usize>,
    /// The answer of the last [`Places::first_from`]: ranges are mostly
    /// asked in the order of the text, so the next answer is near.
    last: std::cell::Cell<usize>,
}

impl Places {
    /// The offsets of `places`, already in order: their finders search a
    /// text piece by piece and sort each piece's share as they go, so
    /// the whole list is never sorted again.
    pub fn in_order(places: Vec<usize>) -> Places {
        debug_assert!(places.is_sorted(), "places given out of order");
        Places {
            offsets: places,
            last: std::cell::Cell::new(0),
        }
    }

    /// The offsets, in order.
    #[cfg(test)]
    pub fn offsets(&self) -> &[usize] {
        &self.offsets
    }

    /// Whether an offset stands in `range`.
    pub fn any_in(&self, range: Range<usize>) -> bool {
        let first = self.first_from(range.start);
        self.offsets.get(first).is_some_and(|&at| at < range.end)
    }

    /// How many offsets stand before `offset` (found from the last
    /// answer, as [`Places::any_in`] is: cheap for offsets asked in
    /// order).
    pub fn count_before(&self, offset: usize) -> usize {
        self.first_from(offset)
    }

    /// The offset at `index` in order.
    pub fn offset(&self, index: usize) -> usize {
        self.offsets[index]
    }

    /// The index of the first offset at or after `offset` (what
    /// `partition_point(|&at| at < offset)` returns), searched in steps
    /// doubling from the last answer: a few comparisons, in memory just
    /// read, for a text's paragraphs asked in order.
    fn first_from(&self, offset: usize) -> usize {
        let offsets = &self.offsets;
        let last = self.last.get().min(offsets.len());
        let found = if offsets.get(last).is_none_or(|&at| at >= offset) {
            // At or before the last answer.
            if last == 0 || offsets[last - 1] < offset {
                last
            } else {
                offsets[..last].partition_point(|&at| at < offset)
            }
        } else {
            // Past it: offsets[last] < offset.
            let (mut low, mut step) = (last + 1, 1);
            let high = loop {
                let probe = last + step;
                if probe >= offsets.len() || offsets[probe] >= offset {
                    break probe.min(offsets.len());
                }
                low = probe + 1;
                step *= 2;
            };
            low + offsets[low..high].partition_point(|&at| at < offset)
        };
        self.last.set(found);
        found
    }
}

/// The non-ASCII characters in `raw` that cleaning replaces or drops,
/// with their offsets and what cleaning makes of them ([`cleaned_char`]).
fn touched_chars(
    raw: &[u8],
    range: Range<usize>,
) -> impl Iterator<Item = (usize, Option<char>)> + '_ {
    // The characters cleaning touches all start with one of these lead
    // bytes (a test checks it): C2 for U+00A0 and U+00AD, E2 for
    // U+2000..U+2060, E3 for U+3000, EF for U+FEFF.
    let piece = &raw[range.clone()];
    memchr::memchr3_iter(0xC2, 0xE2, 0xEF, piece)
        .chain(memchr::memchr_iter(0xE3, piece))
        .filter_map(move |offset| {
            let at = range.start + offset;
            let len = if raw[at] == 0xC2 { 2 } else { 3 };
            let ch = raw
                .get(at..at + len)
                .and_then(|b| std::str::from_utf8(b).ok())
                .and_then(|s| s.chars().next())?;
            cleaned_char(ch).map(|replacement| (at, replacement))
        })
}

/// What cleaning makes of a non-ASCII character: `Some(Some(c))` for one
/// it replaces (Unicode spaces by a space, non-breaking hyphens by `-`),
/// `Some(None)` for one it drops (soft hyphen, zero-width characters, the
/// byte-order mark), `None` for any other, kept as it is.
fn cleaned_char(ch: char) -> Option<Option<char>> {
    match ch {
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
            Some(Some(' '))
        }
        '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => Some(None),
        '\u{2010}' | '\u{2011}' => Some(Some('-')),
        _ => None,
    }
}

/// [`clean_line_into`] for a line whose [`cleaning`] is
/// [`Cleaning::Folds`]: the same text and map, found with a search for
/// double spaces instead of a look at every byte.
pub(crate) fn fold_line_into(out: &mut Mapped, line: &str, at: usize) {
    let bytes = line.as_bytes();
    let mut copy_from = 0;
    // A space opening the line is dropped when the text is empty or
    // already ends with one.
    if bytes.first() == Some(&b' ') && out.ends_with_space() {
        copy_from = bytes.iter().position(|b| *b != b' ').unwrap_or(bytes.len());
    }
    static DOUBLE_SPACE: std::sync::OnceLock<memchr::memmem::Finder<'static>> =
        std::sync::OnceLock::new();
    let double_space = DOUBLE_SPACE.get_or_init(|| memchr::memmem::Finder::new("  "));
    let mut search_from = copy_from;
    while let Some(found) = double_space.find(&bytes[search_from..]) {
        let double = search_from + found;
        // Keep the first space of the run, drop the rest.
        out.push(at + copy_from, &line[copy_from..double + 1]);
        let rest = bytes[double..]
            .iter()
            .position(|b| *b != b' ')
            .unwrap_or(bytes.len() - double);
        copy_from = double + rest;
        search_from = copy_from;
    }
    if copy_from < bytes.len() {
        out.push(at + copy_from, &line[copy_from..]);
    }
}

/// The bytes that cleaning copies as they are: ASCII other than the
/// bytes it looks at (`[`, `<`, `&`, space, `*`, tab).
const PLAIN: [bool; 256] = {
    let mut plain = [false; 256];
    let mut b = 0;
    while b < 128 {
        plain[b] = !matches!(b as u8, b'[' | b'<' | b'&' | b' ' | b'*' | b'\t');
        b += 1;
    }
    plain
};

/// `[text](target)` starting at `open`: returns (end of text, end of link).
/// Markdown footnote references `[^1]` are not links and stay as they are.
fn markdown_link(line: &str, open: usize) -> Option<(usize, usize)> {
    let rest = &line[open + 1..];
    if rest.starts_with('^') {
        return None;
    }
    // A link text of at most 200 bytes and a target of at most 500: look
    // no further, so that a line full of `[` stays linear.
    let close = find_within(rest, b']', 201)?;
    let text_end = open + 1 + close;
    let after = &line[text_end + 1..];
    if !after.starts_with('(') {
        return None;
    }
    let paren = find_within(after, b')', 501)?;
    Some((text_end, text_end + 1 + paren + 1))
}

/// The first `byte` among the first `limit` bytes of `text`.
fn find_within(text: &str, byte: u8, limit: usize) -> Option<usize> {
    memchr::memchr(byte, &text.as_bytes()[..text.len().min(limit)])
}

/// An HTML tag `<a href="...">`, `</a>`, `<br/>` starting at `open`.
fn html_tag(bytes: &[u8], open: usize) -> Option<usize> {
    let next = *bytes.get(open + 1)?;
    if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!') {
        return None;
    }
    let close = memchr::memchr(b'>', &bytes[open..bytes.len().min(open + 2000)])?;
    Some(open + close + 1)
}

fn html_entity(text: &str) -> Option<(char, usize)> {
    const NAMED: [(&str, char); 7] = [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&apos;", '\''),
        ("&nbsp;", ' '),
        ("&shy;", '\u{ad}'),
    ];
    for (name, ch) in NAMED {
        if text.starts_with(name) {
            let ch = if ch == '\u{ad}' { ' ' } else { ch };
            return Some((ch, name.len()));
        }
    }
    let body = text.strip_prefix("&#")?;
    let end = find_within(body, b';', 9)?;
    let digits = &body[..end];
    let code = if let Some(hex) = digits.strip_prefix(['x', 'X']) {
        u32::from_str_radix(hex, 16).ok()?
    } else {
        digits.parse().ok()?
    };
    let ch = char::from_u32(code)?;
    let ch = if ch == '\u{a0}' { ' ' } else { ch };
    Some((ch, 2 + end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(line: &str) -> Mapped {
        let mut m = Mapped::default();
        clean_line_into(&mut m, line, 100);
        m
    }

    #[test]
    fn markdown_links_keep_their_text_and_map_back() {
        let m = clean("resolutions [43/78](#) H of");
        assert_eq!(m.text, "resolutions 43/78 H of");
        let start = m.text.find("43/78").unwrap();
        let (s, e) = m.source_span(start, start + "43/78 H".len());
        assert_eq!((s, e), (100 + 13, 100 + 24));
    }

    #[test]
    fn html_and_spaces() {
        let m = clean("see <a href=\"x\">76/19</a>&nbsp;and&#160;A\u{a0}B\u{ad}C");
        assert_eq!(m.text, "see 76/19 and A BC");
        assert_eq!(clean("43/78      H  of   7").text, "43/78 H of 7");
    }

    #[test]
    fn every_character_cleaning_touches_has_a_lead_byte_cleaning_looks_for() {
        for ch in ('\u{80}'..='\u{ffff}').filter(|c| cleaned_char(*c).is_some()) {
            let mut buf = [0; 4];
            let first = ch.encode_utf8(&mut buf).as_bytes()[0];
            assert!(matches!(first, 0xC2 | 0xE2 | 0xE3 | 0xEF), "{ch:?}");
        }
        assert_eq!(cleaning("a\u{ad}b".as_bytes()), Cleaning::Drops);
        assert_eq!(cleaning("a\u{a0}b".as_bytes()), Cleaning::Replaces);
        assert_eq!(cleaning("a \u{2019}b".as_bytes()), Cleaning::Folds);
    }

    proptest::proptest! {
        #[test]
        fn places_answer_as_a_binary_search_does(
            offsets in proptest::collection::vec(0usize..200, 0..40),
            asked in proptest::collection::vec(0usize..210, 1..40),
        ) {
            let mut sorted = offsets;
            sorted.sort();
            let places = Places::in_order(sorted.clone());
            for offset in asked {
                let expected = sorted.partition_point(|&at| at < offset);
                proptest::prop_assert_eq!(places.first_from(offset), expected);
                for end in [offset, offset + 1, offset + 7] {
                    let any = sorted.iter().any(|&at| (offset..end).contains(&at));
                    proptest::prop_assert_eq!(places.any_in(offset..end), any);
                }
            }
        }
    }

    #[test]
    fn footnote_references_are_not_links() {
        assert_eq!(clean("Headquarters[^1] are").text, "Headquarters[^1] are");
    }
}

//! From a file's bytes to text: UTF-8 as it is, UTF-16 by its byte
//! order mark, other encodings (the Windows-1252 of many UN texts of the
//! 1990s and 2000s) guessed from the bytes, and UTF-8 with a few damaged
//! sequences decoded lossily; and the one rule for line breaks
//! ([`line_feeds`]).
//!
//! A file is read whole into one buffer: valid UTF-8 (nearly every file)
//! becomes the text without a copy, and so does damaged UTF-8 (repaired
//! in the same buffer); only a file in another encoding is held twice,
//! as bytes and decoded.

use std::borrow::Cow;
use std::io::Read;

use encoding_rs::{Encoding, UTF_8};

/// A text decoded from bytes, with what [`crate::extract_text`] needs to
/// report how (see [`crate::extract_bytes`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    /// The text. Byte offsets of citations refer to it: they are the
    /// file's own offsets only when the file is UTF-8.
    pub text: String,
    /// How the bytes were read.
    pub encoding: SourceEncoding,
    /// Where the first invalid UTF-8 sequence stood, if any (each one is
    /// replaced by U+FFFD, as [`String::from_utf8_lossy`] does).
    pub invalid_utf8: Option<InvalidUtf8>,
    /// A NUL byte among the first 8 KiB (and no UTF-16 byte order mark):
    /// a binary file, not a text ([`crate::is_binary`]); `text` is then
    /// empty.
    pub binary: bool,
}

/// The encoding a text was read in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SourceEncoding {
    /// UTF-8 (the default, and what damaged UTF-8 is read as).
    #[default]
    Utf8,
    /// The encoding a byte order mark names (UTF-16LE or UTF-16BE).
    ByteOrderMark(&'static Encoding),
    /// Not UTF-8: the encoding its bytes suggest (chardetng's guess).
    Guessed(&'static Encoding),
}

/// The first byte that was not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidUtf8 {
    /// Its offset in the raw bytes.
    pub byte: usize,
    /// Its 1-based line.
    pub line: usize,
}

impl Text {
    /// Reads everything `reader` gives and decodes it ([`Text::decode`]).
    /// `size_hint` (a file's length) sizes the buffer once. A binary file
    /// is known from its first 8 KiB, and the rest is not read.
    ///
    /// # Errors
    ///
    /// The reader's errors, and [`TooLarge`] for more than
    /// [`MAX_TEXT_BYTES`] (see [`read_limited`]).
    ///
    /// ```
    /// use resgraph_extract::{SourceEncoding, Text};
    /// // A stray byte among UTF-8 quotes: damaged UTF-8, decoded lossily.
    /// let text = Text::read(&b"\xe2\x80\x9c76/19\xe2\x80\x9d \xff and 53/70"[..], 0).unwrap();
    /// assert_eq!(text.text, "\u{201c}76/19\u{201d} \u{fffd} and 53/70");
    /// assert_eq!(text.invalid_utf8.map(|i| (i.byte, i.line)), Some((12, 1)));
    /// // Windows-1252: "Côte d’Ivoire".
    /// let text = Text::read(&b"C\xf4te d\x92Ivoire, 1572 (2004)"[..], 0).unwrap();
    /// assert_eq!(text.text, "C\u{f4}te d\u{2019}Ivoire, 1572 (2004)");
    /// assert_eq!(text.encoding, SourceEncoding::Guessed(encoding_rs::WINDOWS_1252));
    /// ```
    pub fn read(mut reader: impl Read, size_hint: usize) -> std::io::Result<Text> {
        // The first 8 KiB tell a binary file: the rest of it (or of an
        // endless device such as /dev/zero) is not read.
        let mut bytes = Vec::new();
        (&mut reader)
            .take(BINARY_WINDOW as u64)
            .read_to_end(&mut bytes)?;
        let utf16 = Encoding::for_bom(&bytes).is_some_and(|(e, _)| e != UTF_8);
        if !utf16 && crate::is_binary(&bytes) {
            return Ok(Text {
                binary: true,
                ..Text::default()
            });
        }
        Ok(Text::decode(read_limited(bytes, reader, size_hint)?))
    }
    /// Decodes bytes already in memory, as [`Text::read`] would read them.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Text {
        Text::decode(bytes.to_vec())
    }

    /// Decodes a file's bytes: a UTF-16 byte order mark first, then a
    /// binary file (NUL bytes), then UTF-8, then, for bytes that are not
    /// UTF-8, the choice between damaged UTF-8 and another encoding
    /// ([`legacy_encoding`]). Costs one pass over valid UTF-8 and no copy;
    /// a few passes and one copy otherwise.
    pub fn decode(bytes: Vec<u8>) -> Text {
        if let Some((encoding, bom)) = Encoding::for_bom(&bytes) {
            if encoding != UTF_8 {
                let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
                return Text {
                    text: text.into_owned(),
                    encoding: SourceEncoding::ByteOrderMark(encoding),
                    ..Text::default()
                };
            }
        }
        if crate::is_binary(&bytes) {
            return Text {
                binary: true,
                ..Text::default()
            };
        }
        let err = match String::from_utf8(bytes) {
            Ok(text) => {
                return Text {
                    text,
                    ..Text::default()
                }
            }
            Err(err) => err,
        };
        let valid_up_to = err.utf8_error().valid_up_to();
        let bytes = err.into_bytes();
        // One validation pass finds every malformed sequence; the prefix
        // already known to be valid is not looked at again.
        let malformed = malformed_sequences(&bytes, valid_up_to);
        if let Some(encoding) = legacy_encoding_of(&bytes, &malformed) {
            let (text, _) = encoding.decode_without_bom_handling(&bytes);
            return Text {
                text: text.into_owned(),
                encoding: SourceEncoding::Guessed(encoding),
                ..Text::default()
            };
        }
        let line = memchr::memchr_iter(b'\n', &bytes[..valid_up_to]).count() + 1;
        Text {
            text: replace_malformed(bytes, &malformed),
            invalid_utf8: Some(InvalidUtf8 {
                byte: valid_up_to,
                line,
            }),
            ..Text::default()
        }
    }
}

/// A malformed UTF-8 sequence: its start and length in bytes (the
/// "maximal subpart" that [`String::from_utf8_lossy`] replaces with one
/// U+FFFD).
type Malformed = (usize, usize);

/// The malformed sequences of `bytes`, the first `valid` of which are
/// known to be valid UTF-8, in order.
fn malformed_sequences(bytes: &[u8], valid: usize) -> Vec<Malformed> {
    let mut found = Vec::new();
    let mut at = valid;
    while let Err(err) = std::str::from_utf8(&bytes[at..]) {
        let start = at + err.valid_up_to();
        // `None`: a sequence cut short by the end, replaced whole.
        let len = err.error_len().unwrap_or(bytes.len() - start);
        found.push((start, len));
        at = start + len;
    }
    found
}

/// `bytes` with each malformed sequence replaced by U+FFFD, as
/// [`String::from_utf8_lossy`] gives it, but in the same buffer: a
/// sequence is at most 3 bytes and U+FFFD is 3, so the text only grows,
/// and is moved back from the end (a 65 MB file with a few stray bytes
/// is not held twice, nor copied byte by byte).
fn replace_malformed(mut bytes: Vec<u8>, malformed: &[Malformed]) -> String {
    const REPLACEMENT: &[u8] = "\u{fffd}".as_bytes();
    if malformed.iter().any(|&(_, len)| len > REPLACEMENT.len()) {
        return String::from_utf8_lossy(&bytes).into_owned();
    }
    let mut read_end = bytes.len();
    let grown: usize = malformed
        .iter()
        .map(|&(_, len)| REPLACEMENT.len() - len)
        .sum();
    bytes.resize(read_end + grown, 0);
    let mut write_end = bytes.len();
    for &(start, len) in malformed.iter().rev() {
        let tail = start + len..read_end;
        write_end -= tail.len();
        bytes.copy_within(tail, write_end);
        write_end -= REPLACEMENT.len();
        bytes[write_end..write_end + REPLACEMENT.len()].copy_from_slice(REPLACEMENT);
        read_end = start;
    }
    String::from_utf8(bytes)
        .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned())
}

/// How many bytes at the start of a file tell whether it is binary.
const BINARY_WINDOW: usize = 8192;

/// The largest text read: 1 GiB, a thousand times the longest UN
/// document. A larger file (or an endless stream) is refused with
/// [`TooLarge`] instead of filling memory.
pub const MAX_TEXT_BYTES: u64 = 1 << 30;

/// A text longer than [`MAX_TEXT_BYTES`], carried by the
/// [`std::io::Error`] that [`Text::read`] and [`read_limited`] return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge;

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "more than {} MiB: not read (no UN document is this long)",
            MAX_TEXT_BYTES >> 20
        )
    }
}

impl std::error::Error for TooLarge {}

/// Appends what `reader` gives to `bytes` (what was read of it already),
/// up to [`MAX_TEXT_BYTES`] in all. `size_hint` (a file's length) sizes
/// the buffer once; it is only a hint (a file can grow or shrink, a
/// device can claim any size), so room for it is asked for, not insisted
/// on.
///
/// # Errors
///
/// The reader's errors, and [`TooLarge`] (as an [`std::io::Error`] of
/// kind `InvalidData`) for more than [`MAX_TEXT_BYTES`].
///
/// ```
/// let bytes = resgraph_extract::read_limited(Vec::new(), &b"76/19"[..], 5).unwrap();
/// assert_eq!(bytes, b"76/19");
/// ```
pub fn read_limited(
    bytes: Vec<u8>,
    reader: impl Read,
    size_hint: usize,
) -> std::io::Result<Vec<u8>> {
    read_at_most(MAX_TEXT_BYTES, bytes, reader, size_hint)
}

/// [`read_limited`] with another limit (for tests).
fn read_at_most(
    limit: u64,
    mut bytes: Vec<u8>,
    reader: impl Read,
    size_hint: usize,
) -> std::io::Result<Vec<u8>> {
    // One byte more than the hint, to see the end without growing; and
    // room for a few U+FFFD should the bytes be damaged UTF-8
    // (`replace_malformed`), which costs only address space until used.
    let wanted = size_hint
        .saturating_add(1 + size_hint / 512)
        .min(usize::try_from(limit).unwrap_or(usize::MAX));
    let _ = bytes.try_reserve_exact(wanted.saturating_sub(bytes.len()));
    let room = limit.saturating_add(1).saturating_sub(bytes.len() as u64);
    reader.take(room).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            TooLarge,
        ));
    }
    Ok(bytes)
}

/// The encoding of bytes that are not UTF-8, or `None` for UTF-8 with a
/// few damaged sequences.
///
/// The two are told apart by counting: a text with more well-formed
/// non-ASCII UTF-8 characters than malformed sequences is UTF-8 with
/// damage (a stray byte in a text of curly quotes and dashes); otherwise
/// its non-ASCII bytes belong to another encoding, which chardetng
/// guesses from them (Windows-1251 or KOI8-R for Russian, Windows-1256
/// for Arabic, GBK or Big5 for Chinese), except that a Latin script is
/// taken as Windows-1252, the code page of the UN's English, French and
/// Spanish texts. Linear in the length; `malformed` are the malformed
/// sequences of `bytes` ([`malformed_sequences`]), and well-formed
/// characters are counted only until they outnumber them, which in
/// damaged UTF-8 is soon.
fn legacy_encoding_of(bytes: &[u8], malformed: &[Malformed]) -> Option<&'static Encoding> {
    let ends = malformed.iter().copied().chain([(bytes.len(), 0)]);
    let mut well_formed = 0usize;
    let mut from = 0;
    for (start, len) in ends {
        for valid in bytes[from..start].chunks(255) {
            well_formed += usize::from(utf8_leads(valid));
            if well_formed > malformed.len() {
                return None;
            }
        }
        from = start + len;
    }
    if non_ascii_bytes_stand_alone(bytes) {
        return Some(encoding_rs::WINDOWS_1252);
    }
    Some(guessed_by_chardetng(bytes))
}

/// chardetng's guess of a text's encoding, a Latin one taken as
/// Windows-1252.
fn guessed_by_chardetng(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let guess = detector.guess(None, false);
    // The UN writes in Latin script only English, French and Spanish, all
    // Windows-1252. On a short text with few accented letters chardetng
    // can prefer a Central European, Baltic or Vietnamese code page that decodes the
    // same bytes (or turns "Haïti" into "Haīti"); those are not the UN's.
    let other_latin = [
        encoding_rs::WINDOWS_1250,
        encoding_rs::WINDOWS_1254,
        encoding_rs::WINDOWS_1257,
        encoding_rs::WINDOWS_1258,
        encoding_rs::ISO_8859_2,
        encoding_rs::ISO_8859_3,
        encoding_rs::ISO_8859_4,
        encoding_rs::ISO_8859_10,
        encoding_rs::ISO_8859_13,
        encoding_rs::ISO_8859_14,
        encoding_rs::ISO_8859_15,
        encoding_rs::ISO_8859_16,
    ];
    if other_latin.contains(&guess) {
        encoding_rs::WINDOWS_1252
    } else {
        guess
    }
}

/// Whether every byte above ASCII stands between ASCII bytes: a text in
/// a single-byte Latin code page (an accented letter, a curly quote or a
/// dash among plain letters). Cyrillic, Greek, Arabic and Hebrew words
/// are runs of such bytes, and the double-byte Chinese encodings pair
/// them, so only a Latin script gives this shape, and the UN's Latin
/// script is Windows-1252 (see [`legacy_encoding_of`]). Two bytes
/// compared per byte, where chardetng's guess costs about a hundred
/// instructions per byte: it was half of the work of extracting the real
/// texts beside the project, whose 382 texts in Windows-1252 all have
/// this shape.
fn non_ascii_bytes_stand_alone(bytes: &[u8]) -> bool {
    !bytes
        .windows(2)
        .any(|pair| pair[0] >= 0x80 && pair[1] >= 0x80)
}

/// [`legacy_encoding_of`] from the bytes alone (the tests' oracle).
#[cfg(test)]
fn legacy_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    legacy_encoding_of(bytes, &malformed_sequences(bytes, 0))
}

/// How many bytes of at most 255 valid UTF-8 bytes open a non-ASCII
/// character (a lead byte, `0xC0` and above): counted in bytes, which the
/// compiler turns into vector instructions.
fn utf8_leads(valid: &[u8]) -> u8 {
    valid
        .iter()
        .fold(0u8, |n, &b| n.wrapping_add(u8::from(b >= 0xC0)))
}

/// The text with every lone carriage return (the line break of old
/// Macintosh files, and of some converters) made a line feed, so that
/// every step after sees lines; CR LF stays as it is (lines are trimmed of
/// the CR). One byte for one byte: offsets do not move. Borrowed, at the
/// cost of one search for CR, when there is nothing to change.
///
/// ```
/// # use resgraph_extract::extract;
/// let doc = extract("A/RES/76/19\r\rThe General Assembly,\r\rRecalling its resolution 74/28,\r", &Default::default());
/// assert_eq!(doc.citations[0].paragraph, Some(1));
/// ```
pub(crate) fn line_feeds(source: &str) -> Cow<'_, str> {
    let bytes = source.as_bytes();
    let lone = |&at: &usize| bytes.get(at + 1) != Some(&b'\n');
    let mut crs = memchr::memchr_iter(b'\r', bytes).filter(lone).peekable();
    if crs.peek().is_none() {
        return Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len());
    let mut from = 0;
    for at in crs {
        // A CR is ASCII: `at` and `at + 1` are character boundaries.
        out.push_str(&source[from..at]);
        out.push('\n');
        from = at + 1;
    }
    out.push_str(&source[from..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// A reader that gives at most `step` bytes at a time, to cut
    /// sequences at every place.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.step.min(buf.len()).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    /// What `bytes` should decode to, from the standard library and
    /// encoding_rs directly.
    fn expected(bytes: &[u8]) -> (String, SourceEncoding) {
        if let Some((encoding, bom)) = Encoding::for_bom(bytes).filter(|(e, _)| *e != UTF_8) {
            let text = encoding.decode_without_bom_handling(&bytes[bom..]).0;
            return (text.into_owned(), SourceEncoding::ByteOrderMark(encoding));
        }
        if crate::is_binary(bytes) {
            return (String::new(), SourceEncoding::Utf8);
        }
        match legacy_encoding(bytes).filter(|_| std::str::from_utf8(bytes).is_err()) {
            Some(encoding) => {
                let text = encoding.decode_without_bom_handling(bytes).0;
                (text.into_owned(), SourceEncoding::Guessed(encoding))
            }
            None => (
                String::from_utf8_lossy(bytes).into_owned(),
                SourceEncoding::Utf8,
            ),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn reading_in_any_chunks_decodes_as_the_whole(
            bytes in proptest::collection::vec(prop_oneof![any::<u8>(), Just(b'\n'), Just(b'\r'), Just(0xE2), Just(0x80), Just(0xC3), Just(0xF0), Just(0xFF), Just(0xFE)], 0..64),
            step in 1usize..8,
        ) {
            let text = Text::read(Trickle { bytes: &bytes, step }, 0).unwrap();
            let (decoded, encoding) = expected(&bytes);
            prop_assert_eq!(&text.text, &decoded);
            prop_assert_eq!(text.encoding, encoding);
            prop_assert_eq!(text.binary, crate::is_binary(&bytes) && Encoding::for_bom(&bytes).is_none_or(|(e, _)| e == UTF_8));
            let lossy = !text.binary && encoding == SourceEncoding::Utf8;
            let expected_invalid = std::str::from_utf8(&bytes).err().filter(|_| lossy).map(|e| InvalidUtf8 {
                byte: e.valid_up_to(),
                line: bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1,
            });
            prop_assert_eq!(text.invalid_utf8, expected_invalid);
            prop_assert_eq!(Text::from_bytes(&bytes), text);
        }

        /// The shortcut past chardetng gives what chardetng gives: words
        /// with accented letters, curly quotes and dashes of Windows-1252
        /// standing alone among ASCII.
        #[test]
        fn lone_latin_bytes_are_what_chardetng_calls_windows_1252(
            words in proptest::collection::vec(
                ("[A-Za-z]{1,9}", proptest::option::of(prop_oneof![
                    Just(0xE9u8), Just(0xE8), Just(0xE0), Just(0xE7), Just(0xF1), Just(0xF3),
                    Just(0xFA), Just(0xED), Just(0xC9), Just(0x92), Just(0x93), Just(0x94),
                    Just(0x96), Just(0x97), Just(0xAB), Just(0xBB), Just(0xB0),
                ]), "[a-z]{1,6}"),
                4..80,
            ),
        ) {
            let mut bytes = Vec::new();
            for (head, lone, tail) in &words {
                bytes.extend_from_slice(head.as_bytes());
                bytes.extend(lone);
                bytes.extend_from_slice(tail.as_bytes());
                bytes.push(b' ');
            }
            prop_assume!(std::str::from_utf8(&bytes).is_err());
            prop_assert!(non_ascii_bytes_stand_alone(&bytes));
            prop_assert_eq!(guessed_by_chardetng(&bytes), encoding_rs::WINDOWS_1252);
        }

        #[test]
        fn line_feeds_change_only_lone_carriage_returns(text in "[a\r\n\u{e9}]{0,40}") {
            let fed = line_feeds(&text);
            prop_assert_eq!(fed.len(), text.len());
            prop_assert!(!fed.replace("\r\n", "").contains('\r'));
            prop_assert_eq!(fed.replace('\r', "\n"), text.replace('\r', "\n"));
        }
    }

    #[test]
    fn an_endless_text_is_refused_at_the_limit() {
        let err = read_at_most(1 << 20, Vec::new(), std::io::repeat(b'a'), 0).expect_err("endless");
        assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
        assert!(err.get_ref().is_some_and(|e| e.is::<TooLarge>()));
        let exact = read_at_most(4, b"ab".to_vec(), &b"cd"[..], 4).expect("at the limit");
        assert_eq!(exact, b"abcd");
        // An endless binary stream is known from its first 8 KiB.
        let text = Text::read(std::io::repeat(0), 0).expect("binary");
        assert!(text.binary);
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_text() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in "Recalling its resolution 76/19,\n".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        for bytes in [le, be] {
            let text = Text::from_bytes(&bytes);
            assert!(!text.binary);
            assert_eq!(text.text, "Recalling its resolution 76/19,\n");
            assert!(matches!(text.encoding, SourceEncoding::ByteOrderMark(_)));
        }
    }

    #[test]
    fn damaged_utf8_stays_utf8_and_windows_1252_is_recognised() {
        // Curly quotes in UTF-8 and one stray byte: UTF-8, damaged.
        let damaged = "\u{201c}Recalling\u{201d} 76/19 \u{2013} 53/70".as_bytes();
        let mut bytes = damaged.to_vec();
        bytes.push(0x92);
        let text = Text::from_bytes(&bytes);
        assert_eq!(text.encoding, SourceEncoding::Utf8);
        assert!(text.text.ends_with('\u{fffd}'));
        assert_eq!(text.invalid_utf8.map(|i| i.byte), Some(damaged.len()));
        // The same words in Windows-1252.
        let text = Text::from_bytes(b"\x93Recalling\x94 76/19 \x96 53/70");
        assert_eq!(text.text, "\u{201c}Recalling\u{201d} 76/19 \u{2013} 53/70");
        assert_eq!(
            text.encoding,
            SourceEncoding::Guessed(encoding_rs::WINDOWS_1252)
        );
        assert_eq!(text.invalid_utf8, None);
    }
}

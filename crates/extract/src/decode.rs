//! Reading a text file into a string in chunks, decoding as
//! [`extract_bytes`](crate::extract_bytes) does.
//!
//! A file read whole and then decoded is held twice when some of its
//! bytes are not UTF-8 (the bytes and the lossy copy); on a large file the
//! second copy costs more than the decoding, because fresh memory is
//! dear. [`Text::read`] decodes each chunk as it arrives, so only the
//! decoded text is ever held whole.

use std::io::Read;

/// A text decoded from a reader, with what [`crate::extract_text`] needs
/// to report as [`crate::extract_bytes`] would.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    /// The text, each invalid UTF-8 sequence replaced by U+FFFD (as
    /// [`String::from_utf8_lossy`] does).
    pub text: String,
    /// Where the first invalid sequence stood, if any.
    pub invalid_utf8: Option<InvalidUtf8>,
    /// A NUL byte among the first 8 KiB: a binary file, not a text
    /// ([`crate::is_binary`]).
    pub binary: bool,
}

/// The first byte that was not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidUtf8 {
    /// Its offset in the raw bytes.
    pub byte: usize,
    /// Its 1-based line.
    pub line: usize,
}

/// How much is read at a time.
const CHUNK: usize = 1 << 20;

impl Text {
    /// Reads everything `reader` gives. `size_hint` (a file's length)
    /// sizes the string once.
    ///
    /// # Errors
    ///
    /// The reader's errors.
    ///
    /// ```
    /// let text = resgraph_extract::Text::read(&b"76/19 \xff and 53/70"[..], 0).unwrap();
    /// assert_eq!(text.text, "76/19 \u{fffd} and 53/70");
    /// assert_eq!(text.invalid_utf8.map(|i| (i.byte, i.line)), Some((6, 1)));
    /// ```
    pub fn read(mut reader: impl Read, size_hint: usize) -> std::io::Result<Text> {
        let mut out = Text {
            text: String::with_capacity(size_hint + size_hint / 64 + 16),
            ..Text::default()
        };
        // A small file is read in one chunk of its size.
        let mut chunk = vec![0u8; (size_hint + 1).clamp(4096, CHUNK)];
        // Bytes of a sequence cut by the end of a chunk.
        let mut pending: Vec<u8> = Vec::new();
        let mut consumed = 0usize;
        let mut first_bytes_seen = 0usize;
        loop {
            let n = match reader.read(&mut chunk) {
                Ok(n) => n,
                Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(err) => return Err(err),
            };
            if first_bytes_seen < 8192 {
                let look = (8192 - first_bytes_seen).min(n);
                out.binary |= memchr::memchr(0, &chunk[..look]).is_some();
                first_bytes_seen += look;
            }
            if n == 0 {
                out.end(&pending, consumed);
                return Ok(out);
            }
            let data: &[u8] = if pending.is_empty() {
                &chunk[..n]
            } else {
                pending.extend_from_slice(&chunk[..n]);
                &pending
            };
            let (used, tail) = out.decode(data, consumed);
            consumed += used;
            let tail = tail.to_vec();
            pending = tail;
        }
    }

    /// Decodes bytes already in memory, as [`Text::read`] would read them.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Text {
        let mut out = Text {
            text: String::with_capacity(bytes.len() + bytes.len() / 64 + 16),
            binary: crate::is_binary(bytes),
            ..Text::default()
        };
        let (used, tail) = out.decode(bytes, 0);
        out.end(tail, used);
        out
    }

    /// The end of the stream: a sequence left incomplete there, starting
    /// at raw offset `at`, is one invalid sequence.
    fn end(&mut self, tail: &[u8], at: usize) {
        if !tail.is_empty() {
            self.note_invalid(at);
            self.text.push('\u{FFFD}');
        }
    }

    /// Decodes `data` (the stream from byte `at` on), keeping back an
    /// incomplete sequence at its end; returns how many bytes were used
    /// and the kept tail.
    fn decode<'d>(&mut self, data: &'d [u8], at: usize) -> (usize, &'d [u8]) {
        let mut rest = data;
        loop {
            match std::str::from_utf8(rest) {
                Ok(valid) => {
                    self.text.push_str(valid);
                    return (data.len(), &[]);
                }
                Err(err) => {
                    let (valid, after) = rest.split_at(err.valid_up_to());
                    self.text
                        .push_str(std::str::from_utf8(valid).unwrap_or_default());
                    let Some(skip) = err.error_len() else {
                        // Cut by the chunk's end: decided with the next.
                        return (data.len() - after.len(), after);
                    };
                    self.note_invalid(at + (data.len() - after.len()));
                    self.text.push('\u{FFFD}');
                    rest = &after[skip..];
                }
            }
        }
    }

    /// Notes the first invalid byte, at raw offset `byte` (the text so
    /// far is its valid prefix, so its line breaks are the raw ones).
    fn note_invalid(&mut self, byte: usize) {
        if self.invalid_utf8.is_none() {
            let line = memchr::memchr_iter(b'\n', self.text.as_bytes()).count() + 1;
            self.invalid_utf8 = Some(InvalidUtf8 { byte, line });
        }
    }
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

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn chunks_decode_as_the_whole(
            bytes in proptest::collection::vec(prop_oneof![any::<u8>(), Just(b'\n'), Just(0xE2), Just(0x80), Just(0xC3), Just(0xF0)], 0..64),
            step in 1usize..8,
        ) {
            let text = Text::read(Trickle { bytes: &bytes, step }, 0).unwrap();
            prop_assert_eq!(&text.text, &String::from_utf8_lossy(&bytes).into_owned());
            let expected = std::str::from_utf8(&bytes).err().map(|e| InvalidUtf8 {
                byte: e.valid_up_to(),
                line: bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1,
            });
            prop_assert_eq!(text.invalid_utf8, expected);
            prop_assert_eq!(text.binary, crate::is_binary(&bytes));
            prop_assert_eq!(Text::from_bytes(&bytes), text);
        }
    }
}

//! Text made safe for the formats resgraph writes: XML, CSV, URLs.

use percent_encoding::{AsciiSet, CONTROLS, NON_ALPHANUMERIC};

/// Text safe inside XML 1.0 character data and quoted attribute values:
/// `&`, `<`, `>`, `"` and `'` escaped; tab, line feed and carriage return
/// written as character references, since an XML reader turns them into
/// spaces in attribute values (and a carriage return into a line feed in
/// content); the other characters XML 1.0 forbids (the remaining C0
/// controls, U+FFFE, U+FFFF) replaced by U+FFFD, so that the loss shows.
///
/// Costs O(n) in the length of the text.
///
/// ```
/// use resgraph_io::xml_escape;
/// assert_eq!(xml_escape("A & B <\"x\">'"), "A &amp; B &lt;&quot;x&quot;&gt;&apos;");
/// assert_eq!(xml_escape("a\tb\nc\rd\u{1}\u{ffff}"), "a&#9;b&#10;c&#13;d\u{fffd}\u{fffd}");
/// ```
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if u32::from(c) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {
                out.push('\u{fffd}');
            }
            c => out.push(c),
        }
    }
    out
}

/// One CSV field per RFC 4180: quoted when it holds a comma, a double
/// quote, a line break or leading or trailing spaces (which some readers
/// trim), with double quotes doubled.
///
/// ```
/// use resgraph_io::csv_field;
/// assert_eq!(csv_field("76/19"), "76/19");
/// assert_eq!(csv_field("Peace, \"security\""), "\"Peace, \"\"security\"\"\"");
/// assert_eq!(csv_field(" padded"), "\" padded\"");
/// ```
pub fn csv_field(text: &str) -> String {
    let needs =
        text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ');
    if needs {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// The characters [`percent_encode`] encodes in a link that already is a
/// URL: controls, space and `" ' < > \ ^ ` { | }`, leaving letters, digits
/// and `- . _ ~ : / ? # [ ] @ ! $ & ( ) * + , ; = %` (the URL syntax, and
/// escapes already made) as they are.
pub const LINK_ENCODE_SET: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'\'')
    .add(b'<')
    .add(b'>')
    .add(b'\\')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// The characters [`percent_encode`] encodes in text put into a URL
/// path: everything but letters, digits, `/`, `.` and `-`.
pub const PATH_ENCODE_SET: &AsciiSet = &NON_ALPHANUMERIC.remove(b'/').remove(b'.').remove(b'-');

/// `text` with every character of `set`, and every non-ASCII character,
/// written as `%XX` escapes of its UTF-8 bytes (upper-case hex).
///
/// ```
/// use resgraph_io::{percent_encode, LINK_ENCODE_SET, PATH_ENCODE_SET};
/// assert_eq!(percent_encode("A/RES/43/78 H", PATH_ENCODE_SET), "A/RES/43/78%20H");
/// assert_eq!(percent_encode("S/RES/1 (1946)", PATH_ENCODE_SET), "S/RES/1%20%281946%29");
/// assert_eq!(percent_encode("https://x.org/é (a)", LINK_ENCODE_SET), "https://x.org/%C3%A9%20(a)");
/// ```
pub fn percent_encode(text: &str, set: &'static AsciiSet) -> String {
    percent_encoding::utf8_percent_encode(text, set).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The encoders as they were written by hand before, to show that
    /// the sets say the same.
    fn by_hand(text: &str, keep: impl Fn(char) -> bool) -> String {
        let mut out = String::new();
        for c in text.chars() {
            if keep(c) {
                out.push(c);
            } else {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
        }
        out
    }

    #[test]
    fn the_sets_keep_what_the_hand_written_encoders_kept() {
        let every: String = (0u8..0x80)
            .map(char::from)
            .chain(['é', '€', '😀'])
            .collect();
        assert_eq!(
            percent_encode(&every, LINK_ENCODE_SET),
            by_hand(&every, |c| c.is_ascii_alphanumeric()
                || "-._~:/?#[]@!$&()*+,;=%".contains(c))
        );
        assert_eq!(
            percent_encode(&every, PATH_ENCODE_SET),
            by_hand(&every, |c| c.is_ascii_alphanumeric() || "/.-".contains(c))
        );
    }

    #[test]
    fn xml_escape_leaves_only_what_xml_allows() {
        let every: String = (0u32..0x110000).filter_map(char::from_u32).collect();
        let escaped = xml_escape(&every);
        for c in escaped.chars() {
            let allowed =
                matches!(u32::from(c), 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF);
            assert!(allowed, "{:#x} left in", u32::from(c));
            assert!(!"<>\"'".contains(c));
        }
        assert!(!escaped
            .replace("&amp;", "")
            .replace("&lt;", "")
            .replace("&gt;", "")
            .replace("&quot;", "")
            .replace("&apos;", "")
            .replace("&#9;", "")
            .replace("&#10;", "")
            .replace("&#13;", "")
            .contains('&'));
    }
}

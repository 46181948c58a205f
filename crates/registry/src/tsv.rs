//! The records of the registry's tab-separated files, and the escaping
//! of free text (titles) in their fields.

use crate::RegistryError;

/// The records of a tab-separated text of `N` fields a line, each with
/// its 1-based line number; blank lines and `#` headings are skipped. A
/// line of another number of fields is an error saying `expected` (the
/// fields it should hold), and ends the reading for a caller that stops
/// at the first error (`?`).
pub(crate) fn records<'a, const N: usize>(
    text: &'a str,
    expected: &'static str,
) -> impl Iterator<Item = Result<(usize, [&'a str; N]), RegistryError>> + 'a {
    text.lines()
        .enumerate()
        .filter(|(_, raw)| !(raw.trim().is_empty() || raw.starts_with('#')))
        .map(move |(index, raw)| {
            let line = index + 1;
            let fields: Vec<&str> = raw.split('\t').collect();
            <[&str; N]>::try_from(fields)
                .map(|fields| (line, fields))
                .map_err(|_| RegistryError::malformed(line, expected, raw))
        })
}

/// Escapes `\`, tab, line feed and carriage return so that a title fits
/// in one field of one line.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// Reverses [`escape`]; `None` for an unknown escape or a trailing `\`,
/// or a raw tab, line feed or carriage return.
pub(crate) fn unescape(field: &str) -> Option<String> {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(match chars.next()? {
                '\\' => '\\',
                't' => '\t',
                'n' => '\n',
                'r' => '\r',
                _ => return None,
            }),
            '\t' | '\n' | '\r' => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_round_trip() {
        for text in ["plain", "a\tb", "line\nbreak\r", "back\\slash\\t", ""] {
            assert_eq!(unescape(&escape(text)).as_deref(), Some(text));
        }
        assert_eq!(unescape("bad\\q"), None);
        assert_eq!(unescape("trailing\\"), None);
    }
}

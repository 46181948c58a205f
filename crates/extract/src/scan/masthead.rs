//! Masthead symbols written out (`A/65/201`, `S/RES/1373 (2001)`): joined
//! pairs, suffixes (`and Add.1`), OCR slips, year-less `S/RES/1781`.

use std::sync::OnceLock;

use regex::Regex;
use resgraph_symbol::{sc_year_of, Symbol};

use crate::verdict::Reason;

use super::*;

/// A masthead symbol at `start..end`: cleaned of trailing punctuation,
/// split where two symbols are joined (`A/79/302-S/2024/600`), extended
/// by a parenthesised year or session (`S/RES/1373 (2001)`), and followed
/// by any `and Add.1` suffixes.
pub(super) fn masthead(
    text: &str,
    start: usize,
    end: usize,
    state: &mut ScanState,
    out: &mut Vec<Mention>,
) -> usize {
    let raw = &text[start..end];
    let trimmed_len = raw.trim_end_matches(['.', '-', ',']).len();
    let mut end = start + trimmed_len;
    // Joined double symbols.
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut piece_start = start;
    let bytes = text.as_bytes();
    let mut i = start;
    while i + 2 < end {
        if bytes[i] == b'-'
            && matches!(bytes[i + 1], b'A' | b'S' | b'E')
            && bytes.get(i + 2) == Some(&b'/')
        {
            pieces.push((piece_start, i));
            piece_start = i + 1;
        }
        i += 1;
    }
    // `S/RES/1373 (2001)`, `A/RES/2625 (XXV)`.
    let after = &text[end..];
    let mut paren_len = 0;
    if let Some(rest) = after.strip_prefix(' ').or(Some(after)) {
        // A year or session is at most 12 bytes: look no further (a text
        // full of `A/1 (` stays linear).
        let close = rest
            .strip_prefix('(')
            .and_then(|r| r.bytes().take(13).position(|b| b == b')'));
        if let Some(close) = close {
            let inside = &rest[1..1 + close];
            let is_year = inside.len() == 4 && inside.bytes().all(|b| b.is_ascii_digit());
            let is_roman = !inside.is_empty()
                && inside.len() <= 12
                && inside
                    .trim_start_matches("ES-")
                    .trim_start_matches("S-")
                    .chars()
                    .all(|c| "IVXLC".contains(c));
            let res = text[piece_start..end].contains("/RES/");
            if res && (is_year || is_roman) {
                paren_len = (after.len() - rest.len()) + close + 2;
            }
        }
    }
    end += paren_len;
    pieces.push((piece_start, end));
    let mut last_symbol: Option<Symbol> = None;
    for (s, e) in pieces {
        let written = repair_ocr(&text[s..e]);
        // `S/RES/1781`: a Council resolution without its year takes the
        // year of its number; right after a mention of the same
        // resolution ("resolution 1781 of 15 October 2007 (S/RES/1781)")
        // it restates that mention and is no citation of its own.
        let year_less = written
            .strip_prefix("S/RES/")
            .and_then(|n| n.parse::<u32>().ok());
        let parsed = written.parse::<Symbol>().ok().or_else(|| {
            let number = year_less?;
            Some(Symbol::ScResolution {
                number,
                year: sc_year_of(number)?,
            })
        });
        if year_less.is_some()
            && out
                .last()
                .is_some_and(|m| Some(&m.symbol) == parsed.as_ref() && s.saturating_sub(m.end) < 60)
        {
            state.excluded.push((s, e, Reason::Restated));
            continue;
        }
        if let Some(symbol) = parsed {
            last_symbol = Some(symbol.clone());
            out.push(Mention {
                symbol,
                start: s,
                end: e,
                cited_date: None,
            });
        }
    }
    // `S/26777 and Add.1`, `A/63/260/Add.1 and Add.2`.
    let mut pos = end;
    if let Some(base) = last_symbol.filter(|s| matches!(s, Symbol::Document(_))) {
        // Written out only when a suffix follows: most symbols have none.
        let mut base_text = None;
        while let Some((suffix_start, suffix_end, suffix)) = suffix_after(text, pos) {
            let base_text = base_text.get_or_insert_with(|| base.to_string());
            let stem = strip_suffix_components(base_text);
            let candidate = format!("{stem}/{suffix}");
            if let Ok(symbol) = candidate.parse::<Symbol>() {
                out.push(Mention {
                    symbol,
                    start: suffix_start,
                    end: suffix_end,
                    cited_date: None,
                });
            }
            pos = suffix_end;
        }
    }
    pos
}

/// Undoes the commonest OCR slips inside the number of a masthead
/// symbol: one `O`, `o` or `G` read for `0`, or `l` or `I` for `1`, among
/// at least three digits (`S/26G26` is `S/26026`).
pub(super) fn repair_ocr(symbol: &str) -> std::borrow::Cow<'_, str> {
    // A component's one slip: where it stands and the digit meant.
    let slip = |component: &str| -> Option<(usize, char)> {
        let bytes = component.as_bytes();
        let mut odd = None;
        let mut digits = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if b.is_ascii_digit() {
                digits += 1;
            } else if odd.replace((i, b)).is_some() {
                return None;
            }
        }
        let (i, b) = odd?;
        if digits < 3 || i == 0 || i + 1 >= bytes.len() {
            return None;
        }
        match b {
            b'O' | b'o' | b'G' => Some((i, '0')),
            b'l' | b'I' => Some((i, '1')),
            _ => None,
        }
    };
    // Nearly every symbol is printed right: copied only when mended.
    if !symbol.split('/').any(|component| slip(component).is_some()) {
        return std::borrow::Cow::Borrowed(symbol);
    }
    let mut out = String::with_capacity(symbol.len());
    for (n, component) in symbol.split('/').enumerate() {
        if n > 0 {
            out.push('/');
        }
        match slip(component) {
            Some((i, digit)) => {
                out.push_str(&component[..i]);
                out.push(digit);
                out.push_str(&component[i + 1..]);
            }
            None => out.push_str(component),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The symbol without its `/Add.1`, `/Corr.2` ... components.
pub(super) fn strip_suffix_components(symbol: &str) -> &str {
    let mut s = symbol;
    while let Some((head, last)) = s.rsplit_once('/') {
        if ["Add.", "Corr.", "Rev.", "Amend."]
            .iter()
            .any(|p| last.starts_with(p))
        {
            s = head;
        } else {
            break;
        }
    }
    s
}

/// The next `and Add.1` suffix at `pos`: its span and the suffix as a
/// symbol component. The printed line may break between the kind and its
/// number (`and Corr.\n1`, S/RES/465 (1980)), and OCR may read the number
/// one as `I` or `l` (`and Add.I.`, S/RES/182 (1963)): both give `Corr.1`,
/// `Add.1`.
pub(super) fn suffix_after(text: &str, pos: usize) -> Option<(usize, usize, String)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)((Add|Corr|Rev|Amend)\.[ \t]*(?:\r?\n[ \t]*)?(\d{1,3}|[Il]))(?-u:\b)",
        )
        .expect("static regex")
    });
    // The pattern opens with a comma or a space, and past them and an
    // "and" names a kind: most texts after a symbol fail these tests.
    let after = &text[pos..];
    let words = after.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    if words.len() == after.len() {
        return None;
    }
    let kind = words
        .strip_prefix("and")
        .map_or(words, |rest| rest.trim_start_matches(char::is_whitespace));
    if !["Add.", "Corr.", "Rev.", "Amend."]
        .iter()
        .any(|k| kind.starts_with(k))
    {
        return None;
    }
    let caps = re.captures(after)?;
    let (whole, kind, number) = (caps.get(1)?, caps.get(2)?.as_str(), caps.get(3)?.as_str());
    let number = if matches!(number, "I" | "l") {
        "1"
    } else {
        number
    };
    Some((
        pos + whole.start(),
        pos + whole.end(),
        format!("{kind}.{number}"),
    ))
}

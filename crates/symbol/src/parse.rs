//! Parsing canonical symbols (`A/RES/76/19`, `S/RES/1373 (2001)`).

use crate::session::{parse_number, parse_small};
use crate::{DocumentSymbol, GaSession, GaStyle, ParseError, Part, Symbol, MAX_NUMBER, YEARS};

/// Longest input looked at; anything longer is not a symbol.
const MAX_INPUT: usize = 200;

/// Collapses runs of spaces (including no-break and narrow spaces) to one
/// ASCII space and trims the ends, so that `S/RES/1373\u{a0}(2001)` reads
/// as `S/RES/1373 (2001)`.
pub(crate) fn normalize_spaces(input: &str) -> std::borrow::Cow<'_, str> {
    // Most inputs hold single ASCII spaces only, inside: nothing to do.
    let bytes = input.as_bytes();
    let untouched = input.is_ascii()
        && bytes.first() != Some(&b' ')
        && bytes.last() != Some(&b' ')
        && !bytes.iter().any(|&b| (0x09..=0x0d).contains(&b))
        && !bytes.windows(2).any(|pair| pair == b"  ");
    if untouched {
        return std::borrow::Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len());
    let mut pending_space = false;
    for ch in input.chars() {
        if ch.is_whitespace() || ch == '\u{a0}' || ch == '\u{202f}' {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(ch);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `text` in ASCII capitals, copied only when it holds a small letter.
pub(crate) fn ascii_uppercase(text: &str) -> std::borrow::Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_lowercase()) {
        std::borrow::Cow::Owned(text.to_ascii_uppercase())
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

pub(crate) fn parse_canonical(input: &str) -> Result<Symbol, ParseError> {
    if input.len() > MAX_INPUT {
        return Err(ParseError::new(input, "a symbol of at most 200 bytes"));
    }
    let text = normalize_spaces(input);
    if !text.is_ascii() {
        return Err(ParseError::new(input, "ASCII letters, digits and '/'"));
    }
    let upper = ascii_uppercase(&text);
    // Typed prefixes, longest first so that A/HRC/RES/ wins over A/.
    type Typed = fn(&str) -> Option<Symbol>;
    let typed: [(&str, Typed); 8] = [
        ("A/HRC/RES/", |r| {
            hrc_session_number(r).map(|(session, number)| Symbol::HrcResolution { session, number })
        }),
        ("A/HRC/DEC/", |r| {
            hrc_session_number(r).map(|(session, number)| Symbol::HrcDecision { session, number })
        }),
        ("E/CN.4/RES/", |r| {
            year_slash_number(r).map(|(year, number)| Symbol::ChrResolution { year, number })
        }),
        ("A/RES/", ga_resolution),
        ("A/DEC/", |r| {
            let (session, number, part) = ga_modern(r)?;
            Some(Symbol::GaDecision {
                session,
                number,
                part,
            })
        }),
        ("S/RES/", |r| {
            let (number, year) = number_and_paren(r, parse_year)?;
            Some(Symbol::ScResolution { number, year })
        }),
        ("E/RES/", |r| {
            if let Some((year, number)) = year_slash_number(r) {
                return Some(Symbol::EcosocResolution { year, number });
            }
            let (number, session) = number_and_paren(r, crate::roman::from_roman)?;
            Some(Symbol::EcosocRomanResolution { number, session })
        }),
        ("E/DEC/", |r| {
            let (year, tail) = r.split_once('/')?;
            let year = parse_year(year)?;
            let (number, part) = number_and_part(tail)?;
            Some(Symbol::EcosocDecision { year, number, part })
        }),
    ];
    for (prefix, parse_rest) in typed {
        if let Some(rest) = upper.strip_prefix(prefix) {
            if let Some(symbol) = parse_rest(rest) {
                return Ok(symbol);
            }
            // `A/RES/76/19/Corr.1` is a document of its own: a corrigendum.
            if has_document_suffix(rest) {
                return DocumentSymbol::parse(&text).map(Symbol::Document);
            }
            return Err(ParseError::new(input, expected_after(prefix)));
        }
    }
    DocumentSymbol::parse(&text).map(Symbol::Document)
}

fn expected_after(prefix: &str) -> &'static str {
    match prefix {
        "A/RES/" => "A/RES/ followed by session/number (76/19), number (roman session) (2625 (XXV)) or S-/ES- session",
        "A/DEC/" => "A/DEC/ followed by session/number (75/564)",
        "S/RES/" => "S/RES/ followed by number (year), e.g. S/RES/1373 (2001)",
        "E/RES/" => "E/RES/ followed by year/number (1996/31) or number (roman session)",
        "E/DEC/" => "E/DEC/ followed by year/number",
        "E/CN.4/RES/" => "E/CN.4/RES/ followed by year/number",
        _ => "a session/number after the series",
    }
}

fn has_document_suffix(rest: &str) -> bool {
    let Some((head, last)) = rest.rsplit_once('/') else {
        return false;
    };
    !head.is_empty()
        && ["ADD.", "REV.", "CORR.", "AMEND."]
            .iter()
            .any(|s| last.starts_with(s) && last.len() > s.len())
}

pub(crate) fn parse_year(text: &str) -> Option<u16> {
    if text.len() != 4 {
        return None;
    }
    let year = parse_small(text, u32::from(*YEARS.end()))?;
    YEARS.contains(&year).then_some(year)
}

/// `47/16` or, for a special session, `S-28/1`.
pub(crate) fn hrc_session_number(rest: &str) -> Option<(GaSession, u32)> {
    let (session, number) = rest.split_once('/')?;
    let session = GaSession::parse_modern(session)?;
    if matches!(session, GaSession::EmergencySpecial(_)) {
        return None;
    }
    Some((session, parse_number(number, MAX_NUMBER)?))
}

fn year_slash_number(rest: &str) -> Option<(u16, u32)> {
    let (year, number) = rest.split_once('/')?;
    Some((parse_year(year)?, parse_number(number, MAX_NUMBER)?))
}

/// `76/19`, `43/78 H`, `S-8/1`, `ES-10/19`, `31/406 A`.
pub(crate) fn ga_modern(rest: &str) -> Option<(GaSession, u32, Option<Part>)> {
    let (session, tail) = rest.split_once('/')?;
    let session = GaSession::parse_modern(session)?;
    let (number, part) = number_and_part(tail)?;
    Some((session, number, part))
}

/// `78`, `78 H`, `78H`.
fn number_and_part(text: &str) -> Option<(u32, Option<Part>)> {
    let digits_end = text
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(text.len());
    let number = parse_number(&text[..digits_end], MAX_NUMBER)?;
    let rest = text[digits_end..].trim_start();
    let part = if rest.is_empty() {
        None
    } else {
        Some(Part::from_letters(rest)?)
    };
    Some((number, part))
}

/// `2625 (XXV)`, `217 A (III)`, `181(II)[A]`, `3362 (S-VII)`.
fn ga_resolution(rest: &str) -> Option<Symbol> {
    if let Some((session, number, part)) = ga_modern(rest) {
        return Some(Symbol::GaResolution {
            session,
            number,
            part,
            style: GaStyle::Modern,
        });
    }
    // The UN Digital Library writes parts after the session: `181(II)[A]`.
    let (main, bracket_part) = match rest.strip_suffix(']').and_then(|r| r.rsplit_once('[')) {
        Some((main, letter)) if letter.len() == 1 => (
            main.trim_end(),
            Part::from_letter(char::from(letter.as_bytes()[0])),
        ),
        _ => (rest, None),
    };
    let open = main.find('(')?;
    let session_text = main[open..].strip_prefix('(')?.strip_suffix(')')?;
    let session = GaSession::parse_roman(session_text.trim())?;
    let (number, part) = number_and_part(main[..open].trim_end())?;
    if part.is_some() && bracket_part.is_some() {
        return None;
    }
    Some(Symbol::GaResolution {
        session,
        number,
        part: part.or(bracket_part),
        style: GaStyle::Roman,
    })
}

/// `1373 (2001)`, `1373(2001)`, `2008 (LX)`: a number, then a parenthesised
/// value read by `read`.
fn number_and_paren<T>(rest: &str, read: fn(&str) -> Option<T>) -> Option<(u32, T)> {
    let open = rest.find('(')?;
    let inside = rest[open..].strip_prefix('(')?.strip_suffix(')')?;
    let number = parse_number(rest[..open].trim_end(), MAX_NUMBER)?;
    Some((number, read(inside.trim())?))
}

//! The list after a head word: items, part letters and ranges, dates
//! (with and without years), separators, topic phrases, qualifiers, and
//! what each number means for the body named.

use std::borrow::Cow;
use std::sync::OnceLock;

use regex::Regex;
use resgraph_symbol::{sc_number_fits_year, sc_year_of, Act, Body, Symbol};

use crate::dates::{date_at, date_at_in, Date};
use crate::verdict::Reason;

use super::groups::{item_fast, separator_fast, separator_short, titled_separator, Groups};

use super::owner::*;
use super::plausible::*;
use super::*;

/// One number form after a head: `43/78 H`, `S-8/1`, `ES-10/19`,
/// `2625 (XXV)`, `3419 A to D (XXX)`, `1373 (2001)`, `1996/31`, `1585`.
pub(super) fn item() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"^(?:(?P<sess>(?:ES-|S-)?\d{1,4})/(?P<num>\d{1,5})|(?P<bare>\d{1,5}))",
            r"(?P<parts>\s[A-Z]{1,2}(?:(?:\s*,\s*|\s+and\s+|\s+to\s+)[A-Z]{1,2})*)?",
            r"(?:(?P<paren>\s*\((?:(?:ES-|S-)?[IVXLC]{1,9}|(?:ES-|S-)\d{1,2}|\d{4})\))(?P<mark>\d{1,3})?)?",
            r"(?P<after>[^A-Za-z0-9/\-]|$)"
        ))
        .expect("static regex")
    })
}

/// What may separate two items of a list: `, `, ` and `, `; `, ` to `,
/// a footnote mark, a quoted title after "entitled".
const SEPARATOR: &str = concat!(
    r"(?:\s?\d{1,2}(?-u:\b))?",
    r"(?:\s*,\s*(?:\d{1,2}\s+)?(?:and\s+|as\s+well\s+as\s+|or\s+)?|\s+(?:and|or|as\s+well\s+as)\s+|\s*;\s*(?:and\s+)?|\.\s+(?:and\s+)?(?P<ocr>)|\s+(?P<range>to)\s+|(?P<space>\s+))"
);

/// [`SEPARATOR`] with an optional opening title (`, entitled “…”,`):
/// the rule. Outside tests it is never compiled: `titled_separator`
/// reads a title by byte tests and checks itself against this regex only
/// in tests.
pub(super) fn separator() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"^(?:\s*,?\s*entitled\s+[“”\x22][^“”\x22]{{0,400}}[“”\x22],?)?{SEPARATOR}"
        ))
        .expect("static regex")
    })
}

/// [`separator`] without its opening title: the same matches where no
/// "entitled" opens the text, from an automaton a fraction of the size
/// (the title's 400 repetitions of a Unicode class are most of it).
pub(super) fn separator_untitled() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&format!("^{SEPARATOR}")).expect("static regex"))
}

/// [`item`] at the start of `text`. Its first byte must be a digit or
/// the `E`/`S` of `ES-`/`S-`: a byte test spares the automaton most
/// failures.
pub(super) fn item_at(text: &str) -> Option<Groups<'_>> {
    let first = *text.as_bytes().first()?;
    if !(first.is_ascii_digit() || text.starts_with("ES-") || text.starts_with("S-")) {
        return None;
    }
    item_fast(item(), ITEM_NAMES, text).or_else(|| Groups::read(item(), ITEM_NAMES, text))
}

/// The named groups of [`item`].
pub(super) const ITEM_NAMES: &[&str] = &["sess", "num", "bare", "parts", "paren", "mark", "after"];

/// The named groups of [`separator`].
pub(super) fn separator_names() -> &'static [&'static str] {
    &["ocr", "range", "space"]
}

/// [`separator`] at the start of `text`, which must open with a space,
/// a digit, `,`, `;`, `.` or the `e` of `entitled`.
pub(super) fn separator_at(text: &str) -> Option<Groups<'_>> {
    let first = text.chars().next()?;
    if !(first.is_whitespace() || first.is_ascii_digit() || matches!(first, ',' | ';' | '.' | 'e'))
    {
        return None;
    }
    let titled = text
        .trim_start()
        .strip_prefix(',')
        .unwrap_or(text.trim_start())
        .trim_start()
        .starts_with("entitled");
    let untitled_at = |text| {
        let (re, names) = (separator_untitled(), separator_names());
        if let Some(found) = separator_fast(re, names, text) {
            return Some(found);
        }
        separator_short(re, names, text).unwrap_or_else(|| Groups::read(re, names, text))
    };
    if titled {
        titled_separator(separator, separator_names(), text, untitled_at)
    } else {
        untitled_at(text)
    }
}

pub(super) fn part_letters() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"[A-Z]{1,2}|to").expect("static regex"))
}

pub(super) struct ListItem {
    symbols: Vec<Symbol>,
    start: usize,
    end: usize,
    date: Option<Date>,
    /// The next item follows after "and" (`74/28 and 74/29`), not after a
    /// bare comma.
    and_follows: bool,
}

/// Reads the list of numbers after a head word; returns where it ends.
pub(super) fn list(
    text: &str,
    from: usize,
    owner: Owner,
    act: Act,
    state: &mut ScanState,
    out: &mut Vec<Mention>,
) -> usize {
    let mut pos = from;
    let mut reach = from;
    let mut items: Vec<ListItem> = Vec::new();
    let mut body_seen: Option<Body> = match owner {
        Owner::Body(b) | Owner::Own(b) => Some(b),
        _ => None,
    };
    let mut range_from: Option<Symbol> = None;
    // The next item, read ahead after a separator: (where it starts, its
    // groups), so that it is not read twice.
    let mut ahead: Option<(usize, Groups<'_>)> = None;
    loop {
        let ws = text[pos..].len() - text[pos..].trim_start().len();
        let start = pos + ws;
        let read = match ahead.take() {
            Some((at, caps)) if at == start => Some(caps),
            _ => item_at(&text[start..]),
        };
        let Some(caps) = read else {
            break;
        };
        let after_len = caps.name("after").map_or(0, |a| a.as_str().len());
        // A footnote mark glued to the closing parenthesis (`2719 (2023)1`)
        // is not part of the mention.
        let whole = match caps.name("mark") {
            Some(mark) => mark.start(),
            None => caps.get(0).map_or(0, |m| m.end()) - after_len,
        };
        let end = start + whole;
        let (symbols, refused) = match interpret(&caps, owner, act, body_seen, state, text, end) {
            Ok(symbols) => (symbols, None),
            Err(reason) => (Vec::new(), Some(reason)),
        };
        if let Some(reason) = refused {
            state.excluded.push((start, end, reason));
        }
        if symbols.is_empty() && items.is_empty() && caps.name("bare").is_some() {
            // `resolution 5 of ...` in prose, or an unresolvable number.
            break;
        }
        if let (Some(first), Some(last)) = (range_from.take(), symbols.first()) {
            expand_range(&first, last, &mut items, start, end, state);
        }
        if let Some(s) = symbols.first() {
            body_seen = body_seen.or(match s {
                Symbol::ScResolution { .. } => Some(Body::SecurityCouncil),
                _ => None,
            });
        }
        // "45/248 B, section VI, of 21 December 1990", "73/201, para. 7":
        // a part of the resolution named between the number and its date
        // or the next item.
        let end_of_item = end;
        let end = end + qualifier_len(&text[end..]);
        let stated_year = match symbols.first() {
            Some(Symbol::ScResolution { year, .. }) => Some(*year),
            _ => None,
        };
        let (date, date_end) = match date_at_in(&text[end..], stated_year) {
            Some((date, len)) => (Some(date), end + len),
            None => (None, end),
        };
        items.push(ListItem {
            symbols,
            start,
            end: end_of_item,
            date,
            and_follows: false,
        });
        pos = date_end;
        reach = date_end;
        let Some(sep) = separator_at(&text[pos..]) else {
            // "resolutions 1980/67 of 25 July 1980 on international years
            // and 1989/84 of 24 May 1989": a list may go on after a short
            // "on ..." phrase.
            match topic_gap(&text[pos..]) {
                Some(gap) => {
                    pos += gap;
                    continue;
                }
                None => break,
            }
        };
        let sep_len = sep.get(0).map_or(0, |m| m.len());
        let next = &text[pos + sep_len..];
        let Some(next_item) = item_at(next) else {
            if let Some(gap) = topic_gap(&text[pos..]) {
                pos += gap;
                continue;
            }
            break;
        };
        if (sep.name("ocr").is_some() || sep.name("space").is_some())
            && next_item.name("paren").is_none()
        {
            // After a full stop or a bare space only a number with its
            // year or session goes on (`2309 (2016) 2322 (2016)`, a comma
            // lost in print).
            break;
        }
        if let Some(last) = items.last_mut() {
            last.and_follows = sep.get(0).is_some_and(|m| m.as_str().contains("and"));
        }
        if sep.name("range").is_some() {
            range_from = items.last().and_then(|i| i.symbols.first().cloned());
        }
        pos += sep_len;
        ahead = Some((pos, next_item));
    }
    share_dates(&mut items);
    let consumed = reach;
    if owner != Owner::Body(Body::GeneralAssembly) {
        let its = match owner {
            Owner::Own(body) => body == Body::GeneralAssembly,
            Owner::Default => state.own_body == Body::GeneralAssembly,
            _ => false,
        };
        check_assembly_dates(text, act, its, &mut items, state);
    }
    if owner == Owner::Foreign {
        // A number printed with a year that the Security Council's
        // numbering puts in that year is the Council's whoever seems to be
        // named ("the Council's resolution 15 (1946)", "SC RESOLUTION 986
        // (1995)"): no other body numbers its resolutions that way.
        let (council, other): (Vec<ListItem>, Vec<ListItem>) =
            items.into_iter().partition(|item| {
                !item.symbols.is_empty()
                    && item.symbols.iter().all(|s| {
                        matches!(s, Symbol::ScResolution { number, year } if sc_number_fits_year(*number, *year))
                    })
            });
        items = council;
        for item in &other {
            state
                .excluded
                .push((item.start, item.end, Reason::OtherBody));
        }
        if !other.is_empty() {
            state.notes.push(format!(
                "skipped a reference to another organization's {} ({})",
                if act == Act::Decision {
                    "decision"
                } else {
                    "resolution"
                },
                &text[other[0].start..other[other.len() - 1].end]
            ));
        }
    }
    for item in items {
        for symbol in item.symbols {
            if let Symbol::ScResolution { number, year } = symbol {
                state.sc_years.insert(number, year);
            }
            out.push(Mention {
                symbol,
                start: item.start,
                end: item.end,
                cited_date: item.date,
            });
        }
    }
    consumed
}

/// The length of a topic phrase and `and` (` on international years and
/// anniversaries and `) when a dated item follows it; `None` otherwise.
pub(super) fn topic_gap(text: &str) -> Option<usize> {
    if !opens_topic(text) {
        return None;
    }
    let window_end = text
        .char_indices()
        .take_while(|(i, c)| *i < 160 && !matches!(c, '.' | ';' | ':' | '(' | ')' | '/'))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    let window = &text[..window_end];
    let mut joins: Vec<usize> = window
        .match_indices(" and ")
        .map(|(at, m)| at + m.len())
        .chain(window.match_indices(", ").map(|(at, m)| at + m.len()))
        .collect();
    joins.sort_unstable();
    for gap in joins {
        let Some(caps) = item_at(&text[gap..]) else {
            continue;
        };
        let after = caps.name("after").map_or(0, |a| a.as_str().len());
        let end = gap + caps.get(0).map_or(0, |m| m.end()) - after;
        // A dated item, or an undated `session/number` one ("its
        // resolutions 78/92 on ... and 77/97 on ...").
        if date_at(&text[end..]).is_some() || caps.name("sess").is_some() {
            return Some(gap);
        }
    }
    None
}

/// Whether `text` opens a topic phrase: `,?\s+(?:on|entitled)\s+[A-Za-z]`
/// ("on <topic>", or a title without quotes: "57/28 entitled Safety and
/// security of humanitarian personnel ..., 57/155 entitled ..."), read by
/// byte tests (`\s` is Unicode white space, as `char::is_whitespace`).
fn opens_topic(text: &str) -> bool {
    let spaced = text.strip_prefix(',').unwrap_or(text);
    let word = spaced.trim_start();
    if word.len() == spaced.len() {
        return false;
    }
    let Some(after) = word
        .strip_prefix("on")
        .or_else(|| word.strip_prefix("entitled"))
    else {
        return false;
    };
    let next = after.trim_start();
    next.len() < after.len() && next.starts_with(|c: char| c.is_ascii_alphabetic())
}

/// The length of a qualifier naming a part of the resolution just read
/// (`, section VI,`, `, sect. C, para. 3`, `, para. 4`, `, annex`), with
/// the comma that closes it when a date follows; 0 when there is none.
pub(super) fn qualifier_len(text: &str) -> usize {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^,\s*(?:(?:section|sect\.|paragraphs?|paras?\.|chap\.|part)\s+(?:[0-9IVXLC]{1,6}(?:[–-][0-9]{1,3})?|[A-Z])(?:\s?\([a-z]\))?|annex(?:es)?(?:\s+[IVX]{1,4})?)(?:,\s*(?:paras?\.|paragraphs?)\s+[0-9]{1,3}(?:[–-][0-9]{1,3})?)*")
            .expect("static regex")
    });
    if !text.starts_with(',') {
        return 0;
    }
    let Some(m) = re.find(text) else { return 0 };
    let rest = &text[m.end()..];
    let closes_before_date = rest.strip_prefix(',').is_some_and(|r| {
        r.trim_start()
            .strip_prefix("of ")
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    });
    m.end() + usize::from(closes_before_date)
}

/// Turns one matched number form into symbols (several for part ranges).
pub(super) fn interpret(
    caps: &Groups<'_>,
    owner: Owner,
    act: Act,
    body_seen: Option<Body>,
    state: &mut ScanState,
    text: &str,
    end: usize,
) -> Result<Vec<Symbol>, Reason> {
    let parts = caps
        .name("parts")
        .map(|p| expand_parts(p.as_str()))
        .unwrap_or_default();
    // `186 (S-2)`: a special session written in arabic figures.
    let paren_text = caps.name("paren").map(|p| {
        let inside = p
            .as_str()
            .trim()
            .trim_start_matches('(')
            .trim_end_matches(')');
        match inside.split_once('-') {
            Some((kind, n)) if n.bytes().all(|b| b.is_ascii_digit()) => n
                .parse::<u16>()
                .ok()
                .and_then(resgraph_symbol::roman::to_roman)
                .map_or_else(
                    || Cow::Owned(format!("({inside})")),
                    |r| Cow::Owned(format!("({kind}-{r})")),
                ),
            // `(`, what is inside and `)`, as printed: the group without
            // the spaces before it.
            _ => Cow::Borrowed(p.as_str().trim()),
        }
    });
    let paren = paren_text.as_deref();
    // `76/19` as printed: the groups `sess`, `/` and `num` are adjacent.
    let number: &str = if let (Some(sess), Some(num)) = (caps.name("sess"), caps.name("num")) {
        sess.through(&num)
    } else {
        caps.name("bare").map_or("", |b| b.as_str())
    };
    let body = match owner {
        Owner::Body(b) | Owner::Own(b) => Some(b),
        Owner::Default => body_seen.or(Some(state.own_body)),
        Owner::AnyCouncil | Owner::Foreign => body_seen,
    };
    // The form decides where it can: `(2001)` is the Security Council,
    // `(XXV)` the General Assembly (or the Economic and Social Council),
    // `1996/31` the Economic and Social Council.
    let paren_is_year =
        paren.is_some_and(|p| p.len() == 6 && p[1..5].bytes().all(|b| b.is_ascii_digit()));
    // "56/220 (2001)", "42/37 C (1987)", "16/25 (2011)": a slash number
    // with its year in parentheses is read without the year; only the
    // Security Council numbers `1373 (2001)`.
    let (paren, paren_is_year) = if paren_is_year && caps.name("sess").is_some() {
        (None, false)
    } else {
        (paren, paren_is_year)
    };
    // "its decision 2133 (2014)": the Council numbers only resolutions so.
    let act = if paren_is_year { Act::Resolution } else { act };
    let body = if paren_is_year {
        Some(Body::SecurityCouncil)
    } else if let Some(p) = paren {
        let _ = p;
        match (owner, body) {
            (Owner::AnyCouncil, _) | (_, Some(Body::EconomicAndSocialCouncil)) => {
                Some(Body::EconomicAndSocialCouncil)
            }
            _ => Some(Body::GeneralAssembly),
        }
    } else if owner == Owner::AnyCouncil {
        let first = number.split('/').next().unwrap_or("");
        if first.len() == 4 && first.bytes().all(|b| b.is_ascii_digit()) {
            Some(Body::EconomicAndSocialCouncil)
        } else {
            Some(Body::HumanRightsCouncil)
        }
    } else {
        body
    };
    let body = match body {
        Some(Body::SecurityCouncil) if !paren_is_year && caps.name("bare").is_none() => {
            // `Security Council resolution 47/16` cannot be; read the
            // number as the Assembly's would be wrong too: keep SC out.
            Some(Body::GeneralAssembly)
        }
        other => other,
    };
    if caps.name("bare").is_some() && paren.is_none() {
        // A bare number is a Security Council resolution continuing a
        // Council list: `1547 (2004) ... and 1585 of 10 March 2005`.
        if body != Some(Body::SecurityCouncil) || act != Act::Resolution {
            return Err(Reason::NoSessionOrYear);
        }
        let Ok(n) = number.parse::<u32>() else {
            return Err(Reason::NotAUnNumber);
        };
        // The year from a date after it, from an earlier mention with its
        // year, or from the Council's numbering (one series since 1946).
        let year = date_at(&text[end..])
            .map(|(d, _)| d.year)
            .or_else(|| state.sc_years.get(&n).copied())
            .or_else(|| {
                // Only where the Council is named ("Security Council
                // resolutions 1325 and 2250"), never for a number that
                // may be a paragraph ("; 2. Decides") or a count.
                let named = owner == Owner::Body(Body::SecurityCouncil);
                let paragraph_number = text[end..].starts_with('.');
                (named && n >= 10 && !paragraph_number)
                    .then(|| sc_year_of(n))
                    .flatten()
            });
        return match year {
            Some(year) => Ok(vec![Symbol::ScResolution { number: n, year }]),
            None => {
                state.notes.push(format!(
                    "Security Council resolution {n} without a year: not resolved"
                ));
                Err(Reason::NoYear)
            }
        };
    }
    let with_paren = |part: Option<&str>| -> Cow<'_, str> {
        if part.is_none() && paren.is_none() {
            return Cow::Borrowed(number);
        }
        let mut s = String::with_capacity(number.len() + 16);
        s.push_str(number);
        if let Some(p) = part {
            s.push(' ');
            s.push_str(p);
        }
        if let Some(p) = paren {
            s.push(' ');
            s.push_str(p);
        }
        Cow::Owned(s)
    };
    let implied_body = !matches!(owner, Owner::Body(_));
    let make = |part: Option<&str>| {
        let symbol = Symbol::from_reference(&with_paren(part), body, act)?;
        match symbol {
            // "2 Resolution 77/317." in a Human Rights Council text: the
            // Council has held no 77th session; the number is the
            // Assembly's.
            Symbol::HrcResolution {
                session: resgraph_symbol::GaSession::Regular(n),
                ..
            } if implied_body && 2006 + (n.saturating_sub(1)) / 3 > CURRENT_YEAR + 1 => {
                Symbol::from_reference(&with_paren(part), Some(Body::GeneralAssembly), act)
            }
            // The Assembly numbers its decisions from 301 on (elections
            // 3xx, other decisions 4xx and 5xx): `decision 53/107` is
            // another body's.
            Symbol::GaDecision {
                number,
                session: resgraph_symbol::GaSession::Regular(n),
                ..
            } if number < 300 && n >= 31 => None,
            // The Human Rights Council numbers its decisions from 101 on
            // (decision 2/102, 18/120): "noting its decision 14/1" of the
            // Working Group on Ageing (A/HRC/RES/58/13) is another body's.
            Symbol::HrcDecision {
                number,
                session: resgraph_symbol::GaSession::Regular(_),
            } if number < 101 => None,
            // "Council resolution 60/251" in a Council text where the
            // Assembly is meant: the Council adopts some fifty resolutions
            // a session, never 251.
            Symbol::HrcResolution { number, .. } if implied_body && number > MAX_COUNCIL_NUMBER => {
                Symbol::from_reference(&with_paren(part), Some(Body::GeneralAssembly), act)
                    .map(|s| assembly_number(s, false))
            }
            other => Some(assembly_number(other, false)),
        }
    };
    // The whole number's symbol, asked for up to twice below: read once.
    let whole = std::cell::OnceCell::new();
    let make_whole = || whole.get_or_init(|| make(None)).clone();
    // A slash form of a session below 31 cannot be the Assembly's: unless
    // the text names the General Assembly itself, it is another body's
    // (the Environment Assembly's resolution 5/8, the FAO Conference's
    // 7/2025) and no UN symbol.
    if !matches!(owner, Owner::Body(Body::GeneralAssembly)) && paren.is_none() {
        if let Some(
            Symbol::GaResolution {
                session: resgraph_symbol::GaSession::Regular(n),
                ..
            }
            | Symbol::GaDecision {
                session: resgraph_symbol::GaSession::Regular(n),
                ..
            },
        ) = make_whole()
        {
            if n < 31 {
                state.notes.push(format!(
                    "resolution {number} cannot be a General Assembly {} (session {n} numbered its resolutions otherwise) and no other organ is named before it: left out",
                    if act == Act::Decision { "decision" } else { "resolution" }
                ));
                return Err(Reason::ImpossibleSession);
            }
        }
    }
    // Under the citing organ's own name a number may still be another
    // organ's form: `70/1` in an ECOSOC text is the Assembly's, `2004/7`
    // in a Human Rights Council text the Commission on Human Rights'.
    let implied = !matches!(owner, Owner::Body(_));
    let fallback = |part: Option<&str>| -> Option<Symbol> {
        if !implied {
            return None;
        }
        let year_first = number.split('/').next().is_some_and(|f| f.len() == 4);
        let other = match body {
            Some(Body::EconomicAndSocialCouncil) if !year_first => Body::GeneralAssembly,
            Some(Body::HumanRightsCouncil) if year_first => Body::CommissionOnHumanRights,
            // "resolution 1998/36 of 30 July 1998" in an Assembly text.
            Some(Body::GeneralAssembly) if year_first => Body::EconomicAndSocialCouncil,
            _ => return None,
        };
        Symbol::from_reference(&with_paren(part), Some(other), act)
            .filter(|s| {
                !matches!(s,
                    Symbol::GaResolution { session: resgraph_symbol::GaSession::Regular(n), .. }
                    | Symbol::GaDecision { session: resgraph_symbol::GaSession::Regular(n), .. }
                        if *n < 31)
            })
            .filter(|s| !matches!(s, Symbol::GaDecision { number, .. } if *number < 300))
    };
    if parts.is_empty() {
        match make_whole().or_else(|| fallback(None)) {
            Some(s) => Ok(vec![s]),
            None => {
                state.notes.push(format!(
                    "{} {} cannot be read as a UN {}",
                    match body {
                        Some(Body::SecurityCouncil) => "Security Council",
                        Some(Body::HumanRightsCouncil) => "Human Rights Council",
                        Some(Body::EconomicAndSocialCouncil) => "Economic and Social Council",
                        _ => "number",
                    },
                    with_paren(None),
                    if act == Act::Decision {
                        "decision"
                    } else {
                        "resolution"
                    },
                ));
                Err(Reason::NotAUnNumber)
            }
        }
    } else {
        let mut symbols: Vec<Symbol> = parts
            .iter()
            .filter_map(|p| make(Some(p)).or_else(|| fallback(Some(p))))
            .collect();
        if symbols.is_empty() {
            // The Economic and Social Council's parts (`2021/2 A`, `155 C
            // (VII)`) have no symbol of their own here: the resolution as
            // a whole is cited.
            if let Some(whole) = make_whole().or_else(|| fallback(None)) {
                if matches!(
                    whole,
                    Symbol::EcosocResolution { .. } | Symbol::EcosocRomanResolution { .. }
                ) {
                    symbols.push(whole);
                }
            }
        }
        symbols.dedup();
        if symbols.is_empty() {
            Err(Reason::NotAUnNumber)
        } else {
            Ok(symbols)
        }
    }
}

/// `A`, `A and B`, `A to D`, `A, B and C` → the letters.
pub(super) fn expand_parts(text: &str) -> Vec<String> {
    let tokens: Vec<&str> = part_letters().find_iter(text).map(|m| m.as_str()).collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        if token == "to" {
            if let (Some(last), Some(next)) = (out.last().cloned(), tokens.get(i + 1)) {
                let (a, b) = (
                    resgraph_symbol::Part::from_letters(&last),
                    resgraph_symbol::Part::from_letters(next),
                );
                if let (Some(a), Some(b)) = (a, b) {
                    for p in a.range_to(b).skip(1).take(60) {
                        out.push(p.to_string());
                    }
                }
                i += 2;
                continue;
            }
        } else {
            out.push(token.to_string());
        }
        i += 1;
    }
    out
}

/// `resolutions 60/1 to 60/5`: the numbers between, where both ends are
/// of one session; flagged, since such ranges are rare.
pub(super) fn expand_range(
    first: &Symbol,
    last: &Symbol,
    items: &mut Vec<ListItem>,
    start: usize,
    end: usize,
    state: &mut ScanState,
) {
    if let (
        Symbol::GaResolution {
            session: s1,
            number: n1,
            part: None,
            style: st,
        },
        Symbol::GaResolution {
            session: s2,
            number: n2,
            part: None,
            ..
        },
    ) = (first, last)
    {
        if s1 == s2 && n2 > n1 && n2 - n1 <= 50 {
            let symbols = (n1 + 1..*n2)
                .map(|number| Symbol::GaResolution {
                    session: *s1,
                    number,
                    part: None,
                    style: *st,
                })
                .collect();
            items.push(ListItem {
                symbols,
                start,
                end,
                date: None,
                and_follows: false,
            });
            state.notes.push(format!(
                "expanded the range {} to {}",
                first.short(),
                last.short()
            ));
        }
    }
}

/// A date closing a list belongs to the undated items joined to it by
/// "and" when they are of the same session (`74/28 and 74/29 of 12
/// December 2019`), never to an older one (`55/2 and 70/1 of 25 September
/// 2015`) nor across a bare comma (`73/72, 73/91 of 7 December 2018`).
pub(super) fn share_dates(items: &mut [ListItem]) {
    for j in (0..items.len()).rev() {
        let Some(date) = items[j].date else { continue };
        let Some(anchor) = items[j].symbols.first().cloned() else {
            continue;
        };
        for i in (0..j).rev() {
            // `74/28 and 74/29 of 12 December 2019` shares the date;
            // `73/72, 73/91 of 7 December 2018` dates 73/91 alone.
            if items[i].date.is_some() || !items[i].and_follows {
                break;
            }
            let same = items[i]
                .symbols
                .first()
                .is_some_and(|s| same_period(s, &anchor));
            if !same {
                break;
            }
            items[i].date = Some(date);
        }
    }
}

pub(super) fn same_period(a: &Symbol, b: &Symbol) -> bool {
    match (a, b) {
        (Symbol::GaResolution { session: s1, .. }, Symbol::GaResolution { session: s2, .. })
        | (Symbol::GaDecision { session: s1, .. }, Symbol::GaDecision { session: s2, .. })
        | (Symbol::GaResolution { session: s1, .. }, Symbol::GaDecision { session: s2, .. })
        | (Symbol::GaDecision { session: s1, .. }, Symbol::GaResolution { session: s2, .. }) => {
            s1 == s2
        }
        _ => a.kind() == b.kind() && a.approximate_year() == b.approximate_year(),
    }
}

/// Items read as the Assembly's (modern numbers) whose date does not fit
/// the session their number names, in a list where the Assembly is not
/// named. Dated in the year a Human Rights Council session met, the
/// number is the Council's (`24/14 of 26 September 2013`). In the
/// Assembly's own text (after "its" or nothing), or among items whose
/// dates do fit, and no more than a year or two off, it is the Assembly's
/// with a misprinted date, kept and noted (`resgraph check` reports it). Alone, it is another body's
/// (`73/8 of 19 May 2017` of ESCAP): left out with the reason, never
/// emitted as the Assembly's.
pub(super) fn check_assembly_dates(
    text: &str,
    act: Act,
    its: bool,
    items: &mut [ListItem],
    state: &mut ScanState,
) {
    let fits = |item: &ListItem| {
        let Some(date) = item.date else { return false };
        item.symbols.iter().any(|s| {
            assembly_session(s).is_some_and(|n| date.year == 1945 + n || date.year == 1946 + n)
        })
    };
    // The Assembly's own text, or dates that fit beside it, say the
    // Assembly's.
    let confirmed = its || items.iter().any(fits);
    for item in items.iter_mut() {
        let Some(date) = item.date else { continue };
        let Some(session) = item.symbols.first().and_then(assembly_session) else {
            continue;
        };
        if date.year == 1945 + session || date.year == 1946 + session {
            continue;
        }
        let number = &text[item.start..item.end];
        let council_year = 2006 + (session - 1) / 3;
        if date.year == council_year && !number.contains(' ') {
            if let Some(symbol) =
                Symbol::from_reference(number, Some(Body::HumanRightsCouncil), act)
            {
                item.symbols = vec![symbol];
                continue;
            }
        }
        // A year or two off is a misprinted date; further off, a number
        // of another series (a commission's 61/11 of 2018).
        let near = (date.year + 1 >= 1945 + session && date.year <= 1948 + session)
            || date.year > CURRENT_YEAR + 1;
        if confirmed && near {
            state.notes.push(format!(
                "{number} dated {date}: the date does not fit the Assembly session its number names (kept, among dates that do)"
            ));
            continue;
        }
        state.notes.push(format!(
            "{number} dated {date}: outside the Assembly session its number names, so another body's: left out"
        ));
        state
            .excluded
            .push((item.start, item.end, Reason::DateOutsideSession));
        item.symbols.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`opens_topic`] is its expression, read by byte tests.
    #[test]
    fn topics_open_as_the_expression_says() {
        let re = Regex::new(r"^,?\s+(?:on|entitled)\s+[A-Za-z]").expect("static regex");
        for text in [
            " on international years",
            ", on the question",
            ",on the question",
            "  on\u{a0}the question",
            "\u{2003}entitled Safety",
            " entitled “Safety”",
            " onward to",
            " on 12 June",
            " on ",
            " on",
            ", , on it",
            " and on it",
            "on the",
            " entitled\nSafety",
            " Entitled Safety",
            "",
        ] {
            assert_eq!(opens_topic(text), re.is_match(text), "{text:?}");
        }
    }
}

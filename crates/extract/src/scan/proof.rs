//! Numbers that carry their own proof, read wherever they stand: a
//! Council `1500 (2003)` its numbering allows, an Assembly or Council
//! number dated within its session, `ES-11/2`, an ECOSOC `1994/15` dated
//! in its year, a roman session the Assembly's numbering allows,
//! presidential statements numbered without their series.

use std::sync::OnceLock;

use regex::Regex;
use resgraph_symbol::{ga_roman_number_fits_session, sc_number_fits_year, Act, Body, Symbol};

use crate::anchor::Triggers;
use crate::dates::{date_at, date_at_in};
use crate::verdict::Reason;

use super::list::*;
use super::plausible::*;
use super::*;

/// `1500 (2003)` wherever it stands: a number printed with a year that
/// the Security Council's numbering puts in that year is a Council
/// resolution, with or without the word "resolution" before it ("in
/// particular 1500 (2003)", "paragraph 24 of 1970 (2011)", "set forth in
/// 2367 (2017)"). `No. 12 (1999)` is a numbered general comment or
/// convention; a number the year cannot hold is no Council resolution.
pub(super) fn council_forms(text: &str, state: &mut ScanState, out: &mut Vec<Mention>) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re =
        RE.get_or_init(|| Regex::new(r"(?-u:\b)(\d{1,4})\s?\((\d{4})\)").expect("static regex"));
    let taken = taken(out, state);
    // Every match holds a trigger; where all of them lie in spans already
    // read, every match would be passed over.
    let mut first_trigger = None;
    if Triggers::council_places(text.as_bytes())
        .inspect(|&at| {
            first_trigger.get_or_insert(at);
        })
        .all(|at| taken.overlaps(at, at + 1))
    {
        return;
    }
    // Groups are read only for matches not read already.
    for m in matches_from_trigger(re, text, first_trigger, COUNCIL_REACH) {
        let (start, end) = (m.start(), m.end());
        if taken.overlaps(start, end) {
            continue;
        }
        let Some(caps) = re.captures_at(text, start) else {
            continue;
        };
        // Part of something else: `5/2 (2022)`, `A.2 (2020)`.
        if text[..start].ends_with(['/', '.', '-']) {
            continue;
        }
        let (Ok(number), Ok(year)) = (caps[1].parse::<u32>(), caps[2].parse::<u16>()) else {
            continue;
        };
        let before = text[..start].trim_end();
        // "Presidential Statement 11 (2012)": S/PRST/2012/11.
        if before.ends_with("Statement") || before.ends_with("statement") {
            if let Ok(symbol) = format!("S/PRST/{year}/{number}").parse::<Symbol>() {
                out.push(Mention {
                    symbol,
                    start,
                    end,
                    cited_date: None,
                });
                continue;
            }
        }
        if ["No.", "No", "Nos.", "no.", "nos.", "vol.", "Vol."]
            .iter()
            .any(|w| before.ends_with(w))
        {
            state
                .excluded
                .push((start, end, Reason::NumberedInstrument));
            continue;
        }
        let (number, start) = if sc_number_fits_year(number, year) {
            (number, start)
        } else if let Some(repaired) = repaired_council_number(text, start, number, year) {
            repaired
        } else {
            state.excluded.push((start, end, Reason::NotAUnNumber));
            continue;
        };
        let cited_date = date_at_in(&text[end..], Some(year)).map(|(d, _)| d);
        state.sc_years.insert(number, year);
        out.push(Mention {
            symbol: Symbol::ScResolution { number, year },
            start,
            end,
            cited_date,
        });
    }
}

/// How far before its trigger (`(` of the year) a Council form's match
/// can start: four digits and a space, which may be a three-byte one.
const COUNCIL_REACH: usize = 7;

/// How far before its trigger an Assembly form's match can start: the
/// `PRST/2017/` of a statement (9 bytes), `2625 A (`'s digits, spaces
/// (three bytes at most each) and part letter (11).
const ASSEMBLY_REACH: usize = 11;

/// What `re.find_iter(text)` gives, searched from `reach` bytes before
/// the first trigger: every match holds a trigger and starts at most
/// `reach` bytes before it, so none starts earlier, and the bytes before
/// are not run through the automaton. The search keeps the text before
/// as context (`\b`). No match of these regexes is empty.
fn matches_from_trigger<'t>(
    re: &'t Regex,
    text: &'t str,
    first_trigger: Option<usize>,
    reach: usize,
) -> impl Iterator<Item = regex::Match<'t>> + 't {
    let mut next = first_trigger.map_or(0, |at| {
        crate::text::floor_char_boundary(text, at.saturating_sub(reach))
    });
    std::iter::from_fn(move || {
        let found = re.find_at(text, next)?;
        next = found.end();
        Some(found)
    })
}

/// A Council number that print or OCR broke, mended when the mended
/// number fits its year: digits cut off by a space (`1 373 (2001)`, `221
/// 2 (2015)`) or a first digit read as a sign (`!86 (1964)`, `[86
/// (1964)`, `$46 (1984)`). Returns the number and where it now starts.
fn repaired_council_number(
    text: &str,
    start: usize,
    number: u32,
    year: u16,
) -> Option<(u32, usize)> {
    let before = &text[..start];
    let fits = |digits: &str| {
        format!("{digits}{number}")
            .parse::<u32>()
            .ok()
            .filter(|n| sc_number_fits_year(*n, year))
    };
    if let Some(head) = before.strip_suffix(' ') {
        let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let cut = head.len() - digits;
        let alone = head[..cut].ends_with(|c: char| !c.is_alphanumeric()) || cut == 0;
        if (1..=3).contains(&digits) && alone {
            if let Some(n) = fits(&head[cut..]) {
                return Some((n, cut));
            }
        }
    }
    let sign = before.chars().next_back()?;
    let digit = match sign {
        '!' | '[' | '|' | 'l' | 'I' => "1",
        '$' | 'S' => "5",
        _ => return None,
    };
    let n = fits(digit)?;
    Some((n, start - sign.len_utf8()))
}

/// General Assembly numbers that carry their own proof, wherever they
/// stand (after a topic phrase, "in particular", a broken list):
/// `41/187 of 8 December 1986`, a modern number dated within its session
/// (another body's `73/8 of 19 May 2017` or a Council's `33/10 of 30
/// September 2016` is not), and `2918 (XXVII)`, a number the Assembly's
/// numbering puts in that roman session (above session XXX the roman
/// form is the Economic and Social Council's: `1566 (L)`).
pub(super) fn assembly_forms(text: &str, state: &mut ScanState, out: &mut Vec<Mention>) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(concat!(
            r"(?-u:\b)(?:(?P<es>ES-\d{1,2}/\d{1,3})|(?P<prst>PRST/\d{4}/\d{1,3})|(?P<special>S-\d{1,2}/\d{1,3})|(?P<ocr_s>5/(?:19|20)\d\d/\d{1,5})",
            r"|(?P<sess>\d{2})/(?P<num>\d{1,4})(?P<parts>\s[A-Z]{1,2}(?:(?:\s*,\s*|\s+and\s+)[A-Z]{1,2})*(?-u:\b))?",
            r"|(?P<year>(?:19|20)\d{2})/(?P<enum>\d{1,3})",
            r"|(?P<rnum>\d{1,4})(?P<rpart>\s[A-Z](?-u:\b))?\s?\((?P<roman>[IVXLC]{1,7})\))"
        ))
        .expect("static regex")
    });
    let taken = taken(out, state);
    // Every match holds a trigger; where all of them lie in spans already
    // read (the numbers of the lists), every match would be passed over.
    let mut first_trigger = None;
    if Triggers::assembly_places(text.as_bytes())
        .inspect(|&at| {
            first_trigger.get_or_insert(at);
        })
        .all(|at| taken.overlaps(at, at + 1))
    {
        return;
    }
    let mut found: Vec<Mention> = Vec::new();
    // Groups are read only for matches not read already.
    for m in matches_from_trigger(re, text, first_trigger, ASSEMBLY_REACH) {
        let (start, end) = (m.start(), m.end());
        if taken.overlaps(start, end)
            || text[..start].ends_with(['/', '.', '-', '\u{2011}'])
            || text[end..].starts_with(['/', '-', '\u{2011}'])
        {
            continue;
        }
        let Some(caps) = re.captures_at(text, start) else {
            continue;
        };
        let dated = date_at(&text[end..]);
        let dated_on = dated.map(|(d, _)| d);
        // A mention of the whole match.
        let here = |symbol: Option<Symbol>, cited_date: Option<Date>| {
            symbol.map(|symbol| Mention {
                symbol,
                start,
                end,
                cited_date,
            })
        };
        if let Some(prst) = caps.name("prst") {
            // `(PRST/2017/3)`: a presidential statement printed without
            // its `S/`.
            found.extend(here(format!("S/{}", prst.as_str()).parse().ok(), None));
        } else if let Some(ocr) = caps.name("ocr_s") {
            // `5/2002/1005`: OCR read the S of `S/2002/1005` as a 5.
            found.extend(here(format!("S{}", &ocr.as_str()[1..]).parse().ok(), None));
        } else if let Some(special) = caps.name("special") {
            // "pursuant to Human Rights Council S-36/1": a special
            // session's resolution with its organ named and no
            // "resolution".
            if text[..start].trim_end().ends_with("Human Rights Council") {
                let symbol = Symbol::from_reference(
                    special.as_str(),
                    Some(Body::HumanRightsCouncil),
                    Act::Resolution,
                );
                found.extend(here(symbol, dated_on));
            }
        } else if let Some(es) = caps.name("es") {
            // `ES-11/2`: only the Assembly numbers emergency special sessions.
            let symbol =
                Symbol::from_reference(es.as_str(), Some(Body::GeneralAssembly), Act::Resolution);
            found.extend(here(symbol, dated_on));
        } else if let (Some(sess), Some(num)) = (caps.name("sess"), caps.name("num")) {
            let Ok(session) = sess.as_str().parse::<u16>() else {
                continue;
            };
            let Some((date, date_len)) = dated else {
                continue;
            };
            let opened = 1945 + session;
            let assembly = session >= 31 && (date.year == opened || date.year == opened + 1);
            // The Human Rights Council holds three sessions a year since
            // 2006: `53/29 of 14 July 2023` is the Council's.
            let council = session >= 1 && date.year == 2006 + (session - 1) / 3;
            let parts = caps
                .name("parts")
                .map(|p| expand_parts(p.as_str()))
                .unwrap_or_default();
            let body = if assembly {
                Body::GeneralAssembly
            } else if council && parts.is_empty() {
                Body::HumanRightsCouncil
            } else {
                continue;
            };
            let number = format!("{}/{}", sess.as_str(), num.as_str());
            let make = |part: Option<&str>| {
                let text = match part {
                    Some(p) => format!("{number} {p}"),
                    None => number.clone(),
                };
                Symbol::from_reference(&text, Some(body), Act::Resolution)
                    .map(|s| assembly_number(s, true))
            };
            // "77/300 and 77/301 of 4 September 2023": the date closes the
            // numbers of its session joined to it by "and".
            // Over a bare comma ("54/18,37 54/22,38 54/2639 and ...") the
            // number is of the run but the date is not its own.
            let mut at = start;
            let mut shared = true;
            while let Some((s, e, joined, by_and)) = joined_before(text, at) {
                if taken.overlaps(s, e) || joined.split('/').next() != Some(sess.as_str()) {
                    break;
                }
                shared &= by_and;
                match Symbol::from_reference(joined, Some(body), Act::Resolution) {
                    Some(symbol) => found.push(Mention {
                        symbol: assembly_number(symbol, true),
                        start: s,
                        end: e,
                        cited_date: shared.then_some(date),
                    }),
                    None => break,
                }
                at = s;
            }
            if parts.is_empty() {
                found.extend(here(make(None), Some(date)));
            } else {
                // "48/27 A and B of 6 December 1993 and 8 July 1994,
                // respectively": the first date is the first part's.
                let respectively = text[end + date_len..]
                    .get(..60.min(text.len() - end - date_len))
                    .is_some_and(|t| t.contains("respectively"));
                for (i, part) in parts.iter().enumerate() {
                    let cited_date = (i == 0 || !respectively).then_some(date);
                    found.extend(here(make(Some(part)), cited_date));
                }
            }
            // "..., 75/18 of 1 December 2020 and 77/27,": an undated number
            // of the same kind closing the run.
            if let Some((s, e, next)) = joined_after(text, end + date_len) {
                if !taken.overlaps(s, e) && date_at(&text[e..]).is_none() {
                    if let Some(symbol) = Symbol::from_reference(next, Some(body), Act::Resolution)
                    {
                        found.push(Mention {
                            symbol,
                            start: s,
                            end: e,
                            cited_date: None,
                        });
                    }
                }
            }
        } else if let (Some(year), Some(enumber)) = (caps.name("year"), caps.name("enum")) {
            // "Presidential Statement 2015/25", "statements of 18 February
            // 2015 (2015/6)", "(S/PRST/ 2014/23)": a statement by the
            // President of the Security Council, numbered without its
            // series.
            if presidential_statement_before(&text[..start]) {
                found.extend(here(format!("S/PRST/{}", m.as_str()).parse().ok(), None));
                continue;
            }
            // "(1997/226)" after a title in an ECOSOC text: the Council
            // numbers its decisions from 201 in each year.
            let in_parentheses = text[..start].ends_with('(') && text[end..].starts_with(')');
            if dated.is_none() && in_parentheses && state.own_body == Body::EconomicAndSocialCouncil
            {
                let decision = enumber.as_str().parse::<u32>().is_ok_and(|n| n >= 201);
                let symbol = decision
                    .then(|| {
                        Symbol::from_reference(
                            m.as_str(),
                            Some(Body::EconomicAndSocialCouncil),
                            Act::Decision,
                        )
                    })
                    .flatten();
                found.extend(here(symbol, None));
                continue;
            }
            // `1994/15 of 25 July 1994`: the Economic and Social Council's
            // (the Commission on Human Rights' near its name or in a Human
            // Rights Council text), dated in its own year.
            let Some((date, _)) = dated else { continue };
            if year.as_str().parse::<u16>().ok() != Some(date.year) {
                continue;
            }
            let near =
                &text[crate::text::floor_char_boundary(text, start.saturating_sub(300))..start];
            let body = if state.own_body == Body::HumanRightsCouncil
                || near.contains("Commission on Human Rights")
            {
                Body::CommissionOnHumanRights
            } else {
                Body::EconomicAndSocialCouncil
            };
            let act = match enumber.as_str().parse::<u32>() {
                Ok(n) if n >= 200 && body == Body::EconomicAndSocialCouncil => Act::Decision,
                _ => Act::Resolution,
            };
            found.extend(here(
                Symbol::from_reference(m.as_str(), Some(body), act),
                Some(date),
            ));
        } else if let (Some(rnum), Some(roman)) = (caps.name("rnum"), caps.name("roman")) {
            let (Ok(number), Some(session)) = (
                rnum.as_str().parse::<u32>(),
                resgraph_symbol::roman::from_roman(roman.as_str()),
            ) else {
                continue;
            };
            let body = if session > 30 {
                Body::EconomicAndSocialCouncil
            } else if ga_roman_number_fits_session(number, session) {
                Body::GeneralAssembly
            } else {
                continue;
            };
            found.extend(here(
                Symbol::from_reference(m.as_str(), Some(body), Act::Resolution),
                dated_on,
            ));
        }
    }
    // A number found twice (as a run's last item and on its own) counts once.
    found.sort_by_key(|m| (m.start, m.symbol.to_string()));
    found.dedup_by(|a, b| a.start == b.start && a.symbol == b.symbol);
    out.extend(found);
}

/// Whether a `year/number` token that follows `before` numbers a
/// statement by the President of the Security Council: right after
/// "Statement", "S/PRST/ " (a space in print), or in parentheses in the
/// same clause as "statement(s) of <date>".
pub(super) fn presidential_statement_before(before: &str) -> bool {
    let trimmed = before.trim_end();
    if trimmed.ends_with("S/PRST/") || trimmed.ends_with("Statement") {
        return true;
    }
    if !trimmed.ends_with('(') {
        return false;
    }
    let window =
        &before[crate::text::floor_char_boundary(before, before.len().saturating_sub(160))..];
    window
        .rfind("tatement")
        .is_some_and(|at| !window[at..].contains([';', '.']))
}

/// The number joined just before `at` by "and" (`77/300 and ` before
/// `77/301`) or by a comma with a footnote mark (`54/22,38 ` before
/// `54/2639`): its span, its text and whether "and" joined it.
pub(super) fn joined_before(text: &str, at: usize) -> Option<(usize, usize, &str, bool)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?-u:\b)(\d{2}/\d{1,4}(?: [A-Z]{1,2})?)(?:,? and |,\d{0,2} )$")
            .expect("static regex")
    });
    let mut from = at.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let caps = re.captures(&text[from..at])?;
    let m = caps.get(1)?;
    let by_and = caps.get(0)?.as_str().ends_with("and ");
    Some((from + m.start(), from + m.end(), m.as_str(), by_and))
}

/// The undated number joined by "and" just after a dated one (`, and
/// 77/27`): its span and text.
pub(super) fn joined_after(text: &str, at: usize) -> Option<(usize, usize, &str)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^,?\s+and\s+(\d{2}/\d{1,4})(?:[^/\-0-9A-Za-z]|$)").expect("static regex")
    });
    let caps = re.captures(text.get(at..)?)?;
    let m = caps.get(1)?;
    Some((at + m.start(), at + m.end(), m.as_str()))
}

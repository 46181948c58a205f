//! Finding references in one cleaned paragraph.
//!
//! Two kinds of anchor start a reference: the word `resolution(s)` or
//! `decision(s)`, which opens a list of numbers (`resolutions 43/78 H of 7
//! December 1988, 53/70 ... and 76/19`), and a masthead symbol written
//! out (`A/65/201`, `S/RES/1373 (2001)`). Bare numbers anywhere else
//! (`2/3`, `2021–2025`, `12/12/2019`) are never read as citations.

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;
use resgraph_symbol::{
    ga_roman_number_fits_session, sc_number_fits_year, sc_year_of, Act, Body, Symbol,
};

use crate::dates::{date_at, date_at_in, Date};
use crate::verdict::Reason;

/// One reference found in a paragraph, with its span in the cleaned text.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub symbol: Symbol,
    pub start: usize,
    pub end: usize,
    pub cited_date: Option<Date>,
}

/// What a document's scan carries from paragraph to paragraph.
pub(crate) struct ScanState {
    /// The body that "its" means: the organ adopting the document.
    pub own_body: Body,
    /// Security Council resolution years seen so far, to complete a later
    /// bare `resolution 1590` in the same text.
    pub sc_years: HashMap<u32, u16>,
    pub notes: Vec<String>,
    /// Reference-shaped items read and deliberately not cited in the
    /// current paragraph, with why (clean offsets).
    pub excluded: Vec<(usize, usize, Reason)>,
}

fn anchors() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // The masthead alternative spells the UN series the symbol crate
        // accepts, longest first so that `ST/` is not read as `S`.
        let mut series: Vec<&str> = resgraph_symbol::DOCUMENT_SERIES.to_vec();
        series.sort_by_key(|s| std::cmp::Reverse(s.len()));
        Regex::new(&format!(
            concat!(
                r"(?P<head>(?-u:\b)[Rr]esolutions?(?-u:\b)|(?-u:\b)[Dd]ecisions?(?-u:\b)|(?-u:\b)RESOLUTIONS?(?-u:\b))",
                r"|(?P<doc>(?-u:\b)(?:{})",
                r"(?:/[A-Za-z0-9][A-Za-z0-9.\-]*)+)"
            ),
            series.join("|")
        ))
        .expect("static regex")
    })
}

/// One number form after a head: `43/78 H`, `S-8/1`, `ES-10/19`,
/// `2625 (XXV)`, `3419 A to D (XXX)`, `1373 (2001)`, `1996/31`, `1585`.
fn item() -> &'static Regex {
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

fn separator() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"^(?:\s*,?\s*entitled\s+[“”\x22][^“”\x22]{0,400}[“”\x22],?)?",
            r"(?:\s?\d{1,2}(?-u:\b))?",
            r"(?:\s*,\s*(?:\d{1,2}\s+)?(?:and\s+|as\s+well\s+as\s+|or\s+)?|\s+(?:and|or|as\s+well\s+as)\s+|\s*;\s*(?:and\s+)?|\.\s+(?:and\s+)?(?P<ocr>)|\s+(?P<range>to)\s+|(?P<space>\s+))"
        ))
        .expect("static regex")
    })
}

fn part_letters() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"[A-Z]{1,2}|to").expect("static regex"))
}

/// The latest year the numbering checks allow for: a Human Rights Council
/// session numbered beyond it has not been held.
const CURRENT_YEAR: u16 = 2026;

/// Who a head word belongs to, read from the words before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Body(Body),
    /// "its": the citing document's own organ.
    Own(Body),
    /// "Council" without a name: decided by the form of the number.
    AnyCouncil,
    /// Another organization (World Health Assembly, a COP, UNESCO):
    /// its numbers are not UN symbols.
    Foreign,
    /// Nothing said: the citing document's own organ.
    Default,
}

const KNOWN_BODIES: [(&str, Body); 11] = [
    (
        "Economic and Social Council",
        Body::EconomicAndSocialCouncil,
    ),
    ("Commission on Human Rights", Body::CommissionOnHumanRights),
    ("Human Rights Council", Body::HumanRightsCouncil),
    ("Security Council", Body::SecurityCouncil),
    ("General Assembly", Body::GeneralAssembly),
    ("the Assembly", Body::GeneralAssembly),
    ("its", Body::GeneralAssembly),
    ("Assembly", Body::GeneralAssembly),
    ("SECURITY COUNCIL", Body::SecurityCouncil),
    ("GA", Body::GeneralAssembly),
    ("SC", Body::SecurityCouncil),
];

fn owner_before(before: &str, own: Body) -> Owner {
    let trimmed = before.trim();
    // Look through "the", "its", "relevant", "previous" to the name.
    let mut core = trimmed;
    let mut said_its = false;
    // "... the Children of the World and resolutions 56/5": a word before
    // "and" ends another phrase; it names no body of the list.
    let joined_by_and = strip_last_word(core, &["and"]).is_some();
    loop {
        let stripped = strip_last_word(core, &["relevant", "previous", "own", "the", "and"]);
        let (c, its) = match stripped {
            Some(c) => (c, false),
            None => match strip_last_word(core, &["its", "their"]) {
                Some(c) => (c, true),
                None => break,
            },
        };
        said_its |= its;
        core = c;
    }
    if said_its {
        // "the Human Rights Council, in its resolution 47/16"
        let window: &str = tail_chars(core, 60);
        for (name, body) in KNOWN_BODIES.iter().take(5) {
            if window.ends_with(name)
                || window.ends_with(&format!("{name}, in"))
                || window.ends_with(&format!("{name} in"))
            {
                return Owner::Body(*body);
            }
        }
        if adopted_by_another_body(window) {
            return Owner::Foreign;
        }
        // "the United Nations Environment Assembly in its resolution 5/8":
        // another organization's own resolution.
        let before_in = window
            .trim_end()
            .strip_suffix(" in")
            .or_else(|| window.trim_end().strip_suffix(", in"))
            .unwrap_or("");
        let mut words = before_in.rsplit(' ');
        let last = words.next().unwrap_or("");
        // "endorsed by the Assembly in its resolution 70/294".
        if last == "Assembly" && words.next().is_some_and(|w| w == "the") {
            return Owner::Body(Body::GeneralAssembly);
        }
        // "the Economic and Social Commission for Asia and the Pacific in
        // its resolution 73/8": a name other than the known organs.
        // Only a body's name counts ("the CTBT in its resolution 50/245"
        // names a treaty, and "its" is the Assembly's).
        let body_named = [
            "Commission",
            "Conference",
            "Board",
            "Committee",
            "Organization",
            "Agency",
            "Union",
            "Parties",
            "Forum",
            "Programme",
            "Pacific",
            "Caribbean",
            "Africa",
            "Europe",
            "Asia",
        ]
        .iter()
        .any(|w| before_in.contains(w));
        let named = last.chars().next().is_some_and(char::is_uppercase)
            && !last.ends_with([',', '.', ';', ':'])
            && before_in.len() < window.trim_end().len()
            && body_named;
        if named && last != "Council" && last != "Assembly" {
            return Owner::Foreign;
        }
        // "the Council in its decisions 1993/215": a council not named,
        // known by the form of the number.
        if last == "Council" && words.next().is_some_and(|w| w == "the") {
            return Owner::AnyCouncil;
        }
        if [
            "Assembly",
            "Council",
            "Board",
            "Conference",
            "Commission",
            "Committee",
            "Parties",
            "Organization",
        ]
        .contains(&last)
        {
            return Owner::Foreign;
        }
        return Owner::Own(own);
    }
    for (name, body) in KNOWN_BODIES {
        if name == "its" {
            continue;
        }
        if let Some(rest) = core.strip_suffix(name) {
            let prev = rest.trim_end().rsplit(' ').next().unwrap_or("");
            // "World Health Assembly", "Governing Council": someone else.
            if name == "Assembly"
                && prev.chars().next().is_some_and(char::is_uppercase)
                && prev.ends_with(|c: char| c.is_alphabetic())
            {
                return Owner::Foreign;
            }
            return Owner::Body(body);
        }
    }
    if let Some(rest) = core.strip_suffix("Council") {
        let prev = rest.trim_end().rsplit(' ').next().unwrap_or("");
        if prev.chars().next().is_some_and(char::is_uppercase) {
            return Owner::Foreign;
        }
        return Owner::AnyCouncil;
    }
    if adopted_by_another_body(tail_chars(core, 160)) {
        return Owner::Foreign;
    }
    let last = core.rsplit([' ', '(', '“', '"']).next().unwrap_or("");
    let capitalized = last.chars().next().is_some_and(char::is_uppercase);
    // A capitalised word just before the head, not opening the paragraph:
    // the name of another body ("Executive Board decision", "UNEA
    // resolution", "Commission on the Status of Women resolution").
    // The paragraph's own opening word ("1. Recalls resolution 78/16")
    // is no body's name.
    let opening = core.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
    let opening = strip_label(opening);
    // Not a name: a word closing a clause (`Peace, resolution 53/25`), a
    // word before "and", a word opening a sentence or a footnote (`5 See
    // resolution 2200 A (XXI)`).
    let before_last = core[..core.len() - last.len()].trim_end();
    let opens_sentence = before_last.is_empty()
        || before_last.ends_with(['.', ';', ':'])
        || before_last.ends_with(|c: char| c.is_ascii_digit());
    if capitalized
        && opening.len() > last.len()
        && !last.ends_with(['.', ':', ',', ';'])
        && !joined_by_and
        && !opens_sentence
    {
        return Owner::Foreign;
    }
    Owner::Default
}

/// "adopted by the Economic and Social Commission for Asia and the
/// Pacific at its seventy-ninth session, of resolution 79/8": another
/// body named as the author just before, in the same clause.
fn adopted_by_another_body(window: &str) -> bool {
    let Some(at) = window.rfind("by the ") else {
        return false;
    };
    let after = &window[at + "by the ".len()..];
    if after.contains([';', '.']) {
        return false;
    }
    // "the Committee established by resolution 724 (1991)": the body
    // named is the resolution's creature, not its author.
    if [
        " by",
        "established",
        "pursuant",
        "under",
        "set up",
        "created",
        "particular",
        "including",
    ]
    .iter()
    .any(|w| after.contains(w))
    {
        return false;
    }
    let name: Vec<&str> = after
        .split(' ')
        .take_while(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || matches!(*w, "and" | "of" | "for" | "the" | "on")
        })
        .collect();
    let name = name.join(" ");
    let body_word = [
        "Commission",
        "Conference",
        "Assembly",
        "Board",
        "Council",
        "Organization",
        "Committee",
    ]
    .iter()
    .any(|w| name.contains(w));
    let name = name.trim_end_matches([',', ' ']);
    let un_organ = KNOWN_BODIES
        .iter()
        .any(|(known, _)| name == *known || name.starts_with(&format!("{known} ")));
    body_word && !un_organ
}

/// `(a) Recalls` → `Recalls`: drops a sub-paragraph label.
fn strip_label(text: &str) -> &str {
    if let Some(rest) = text.strip_prefix('(') {
        if let Some((label, after)) = rest.split_once(')') {
            if label.len() <= 5 && label.chars().all(|c| c.is_ascii_alphanumeric()) {
                return after.trim_start();
            }
        }
    }
    text
}

fn strip_last_word<'a>(text: &'a str, words: &[&str]) -> Option<&'a str> {
    let trimmed = text.trim_end();
    for word in words {
        if let Some(rest) = trimmed.strip_suffix(word) {
            if rest.is_empty() || rest.ends_with([' ', ',', '(']) {
                return Some(rest.trim_end());
            }
        }
    }
    None
}

fn tail_chars(text: &str, n: usize) -> &str {
    let mut start = text.len().saturating_sub(n);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// Scans one paragraph.
pub(crate) fn scan(text: &str, state: &mut ScanState) -> Vec<Mention> {
    let mut mentions = Vec::new();
    let mut consumed_to = 0;
    let mut last_list: Option<(usize, Owner)> = None;
    for caps in anchors().captures_iter(text) {
        let Some(m) = caps.get(0) else { continue };
        if m.start() < consumed_to {
            continue;
        }
        if let Some(head) = caps.name("head") {
            let act = if head.as_str().to_ascii_lowercase().starts_with("decision") {
                Act::Decision
            } else {
                Act::Resolution
            };
            let mut owner = owner_before(&text[..head.start()], state.own_body);
            // "Human Rights Council decision 18/120 of 30 September 2011
            // and resolutions 24/14 ...": a head joined to the list before
            // it by "and" keeps that list's body.
            if owner == Owner::Default {
                if let Some((end, previous)) = last_list {
                    if joins(&text[end..head.start()]) {
                        owner = previous;
                    }
                }
            }
            consumed_to = list(text, head.end(), owner, act, state, &mut mentions);
            last_list = Some((consumed_to, owner));
        } else if let Some(doc) = caps.name("doc") {
            consumed_to = masthead(text, doc.start(), doc.end(), state, &mut mentions);
        }
    }
    // Both passes need a parenthesis or a slash: most paragraphs have
    // neither, and one byte search spares them the regexes.
    let bytes = text.as_bytes();
    let paren = memchr::memchr(b'(', bytes).is_some();
    if paren {
        council_forms(text, state, &mut mentions);
    }
    if paren || memchr::memchr(b'/', bytes).is_some() {
        assembly_forms(text, state, &mut mentions);
    }
    mentions.sort_by_key(|m| m.start);
    mentions
}

/// The number joined just before `at` by "and" (`77/300 and ` before
/// `77/301`) or by a comma with a footnote mark (`54/22,38 ` before
/// `54/2639`): its span, its text and whether "and" joined it.
fn joined_before(text: &str, at: usize) -> Option<(usize, usize, &str, bool)> {
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

/// The highest number the Human Rights Council has given a resolution in
/// one session, with room (about fifty a session).
const MAX_COUNCIL_NUMBER: u32 = 80;

/// The highest number the Assembly has given a resolution in one regular
/// session since the 31st, with room (about 340).
const MAX_ASSEMBLY_RESOLUTION: u32 = 400;

/// What a modern Assembly resolution number beyond any session's count
/// is: with a footnote mark glued on (`78/22127` is 78/221 and mark 27,
/// `59/3009` is 59/300 and mark 9), the number without it; from 401 to
/// 999, when no word says "resolution" (`decision_range`), a decision
/// (`69/560` in a run of "decisions 66/566 ..., 69/560"), the Assembly
/// numbering its decisions 4xx and 5xx.
fn assembly_number(symbol: Symbol, decision_range: bool) -> Symbol {
    match symbol {
        Symbol::GaResolution {
            session: session @ resgraph_symbol::GaSession::Regular(n),
            number,
            part,
            style: style @ resgraph_symbol::GaStyle::Modern,
        } if n >= 31 && number > MAX_ASSEMBLY_RESOLUTION => {
            if number < 1000 {
                if !decision_range {
                    return symbol;
                }
                return Symbol::GaDecision {
                    session,
                    number,
                    part,
                };
            }
            let mut shorter = number;
            while shorter > MAX_ASSEMBLY_RESOLUTION {
                shorter /= 10;
            }
            Symbol::GaResolution {
                session,
                number: shorter,
                part,
                style,
            }
        }
        Symbol::HrcResolution { session, number } if number > 999 => {
            let mut shorter = number;
            while shorter > MAX_COUNCIL_NUMBER {
                shorter /= 10;
            }
            Symbol::HrcResolution {
                session,
                number: shorter,
            }
        }
        other => other,
    }
}

/// The session of a modern General Assembly number, if the symbol is one.
fn assembly_session(symbol: &Symbol) -> Option<u16> {
    match symbol {
        Symbol::GaResolution {
            session: resgraph_symbol::GaSession::Regular(n),
            ..
        }
        | Symbol::GaDecision {
            session: resgraph_symbol::GaSession::Regular(n),
            ..
        } if *n >= 31 => Some(*n),
        _ => None,
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
fn check_assembly_dates(
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

/// The length of a qualifier naming a part of the resolution just read
/// (`, section VI,`, `, sect. C, para. 3`, `, para. 4`, `, annex`), with
/// the comma that closes it when a date follows; 0 when there is none.
fn qualifier_len(text: &str) -> usize {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^,\s*(?:(?:section|sect\.|paragraphs?|paras?\.|chap\.|part)\s+(?:[0-9IVXLC]{1,6}(?:[–-][0-9]{1,3})?|[A-Z])(?:\s?\([a-z]\))?|annex(?:es)?(?:\s+[IVX]{1,4})?)(?:,\s*(?:paras?\.|paragraphs?)\s+[0-9]{1,3}(?:[–-][0-9]{1,3})?)*")
            .expect("static regex")
    });
    let Some(m) = re.find(text) else { return 0 };
    let rest = &text[m.end()..];
    let closes_before_date = rest.strip_prefix(',').is_some_and(|r| {
        r.trim_start()
            .strip_prefix("of ")
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    });
    m.end() + usize::from(closes_before_date)
}

/// Whether the words between a list and the next head only join them:
/// `and`, `, and`, `as well as`, with a footnote mark or "its".
fn joins(gap: &str) -> bool {
    let gap = gap
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == ',')
        .trim();
    let gap = gap.strip_suffix("its").unwrap_or(gap).trim_end();
    matches!(gap, "and" | "as well as" | "and also" | "and in" | ", and")
}

/// Spans already read in this paragraph (mentions and exclusions),
/// sorted, for overlap tests in logarithmic time: a paragraph may hold
/// hundreds of thousands of mentions.
struct Taken(Vec<(usize, usize)>);

impl Taken {
    fn new(out: &[Mention], state: &ScanState) -> Taken {
        let mut spans: Vec<(usize, usize)> = out
            .iter()
            .map(|m| (m.start, m.end))
            .chain(state.excluded.iter().map(|&(s, e, _)| (s, e)))
            .collect();
        spans.sort_unstable();
        // Keep, at each start, a running maximum of ends, so that one look
        // back finds any span reaching past a point.
        let mut reach = 0;
        for span in &mut spans {
            reach = reach.max(span.1);
            span.1 = reach;
        }
        Taken(spans)
    }

    fn overlaps(&self, start: usize, end: usize) -> bool {
        let i = self.0.partition_point(|&(s, _)| s < end);
        i > 0 && self.0[i - 1].1 > start
    }
}

/// General Assembly numbers that carry their own proof, wherever they
/// stand (after a topic phrase, "in particular", a broken list):
/// `41/187 of 8 December 1986`, a modern number dated within its session
/// (another body's `73/8 of 19 May 2017` or a Council's `33/10 of 30
/// September 2016` is not), and `2918 (XXVII)`, a number the Assembly's
/// numbering puts in that roman session (above session XXX the roman
/// form is the Economic and Social Council's: `1566 (L)`).
fn assembly_forms(text: &str, state: &mut ScanState, out: &mut Vec<Mention>) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(concat!(
            r"(?-u:\b)(?:(?P<es>ES-\d{1,2}/\d{1,3})|(?P<prst>PRST/\d{4}/\d{1,3})|(?P<special>S-\d{1,2}/\d{1,3})",
            r"|(?P<sess>\d{2})/(?P<num>\d{1,4})(?P<parts>\s[A-Z]{1,2}(?:(?:\s*,\s*|\s+and\s+)[A-Z]{1,2})*(?-u:\b))?",
            r"|(?P<year>(?:19|20)\d{2})/(?P<enum>\d{1,3})",
            r"|(?P<rnum>\d{1,4})(?P<rpart>\s[A-Z](?-u:\b))?\s?\((?P<roman>[IVXLC]{1,7})\))"
        ))
        .expect("static regex")
    });
    let taken = Taken::new(out, state);
    let mut found: Vec<Mention> = Vec::new();
    for caps in re.captures_iter(text) {
        let Some(m) = caps.get(0) else { continue };
        let (start, end) = (m.start(), m.end());
        if taken.overlaps(start, end)
            || text[..start].ends_with(['/', '.', '-', '\u{2011}'])
            || text[end..].starts_with(['/', '-', '\u{2011}'])
        {
            continue;
        }
        let dated = date_at(&text[end..]);
        if let Some(prst) = caps.name("prst") {
            // `(PRST/2017/3)`: a presidential statement printed without
            // its `S/`.
            if let Ok(symbol) = format!("S/{}", prst.as_str()).parse::<Symbol>() {
                found.push(Mention {
                    symbol,
                    start,
                    end,
                    cited_date: None,
                });
            }
        } else if let Some(special) = caps.name("special") {
            // "pursuant to Human Rights Council S-36/1": a special
            // session's resolution with its organ named and no
            // "resolution".
            if text[..start].trim_end().ends_with("Human Rights Council") {
                if let Some(symbol) = Symbol::from_reference(
                    special.as_str(),
                    Some(Body::HumanRightsCouncil),
                    Act::Resolution,
                ) {
                    found.push(Mention {
                        symbol,
                        start,
                        end,
                        cited_date: dated.map(|(d, _)| d),
                    });
                }
            }
        } else if let Some(es) = caps.name("es") {
            // `ES-11/2`: only the Assembly numbers emergency special sessions.
            if let Some(symbol) =
                Symbol::from_reference(es.as_str(), Some(Body::GeneralAssembly), Act::Resolution)
            {
                found.push(Mention {
                    symbol,
                    start,
                    end,
                    cited_date: dated.map(|(d, _)| d),
                });
            }
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
                found.extend(make(None).map(|symbol| Mention {
                    symbol,
                    start,
                    end,
                    cited_date: Some(date),
                }));
            } else {
                // "48/27 A and B of 6 December 1993 and 8 July 1994,
                // respectively": the first date is the first part's.
                let respectively = text[end + date_len..]
                    .get(..60.min(text.len() - end - date_len))
                    .is_some_and(|t| t.contains("respectively"));
                for (i, part) in parts.iter().enumerate() {
                    if let Some(symbol) = make(Some(part)) {
                        found.push(Mention {
                            symbol,
                            start,
                            end,
                            cited_date: (i == 0 || !respectively).then_some(date),
                        });
                    }
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
                if let Ok(symbol) = format!("S/PRST/{}", m.as_str()).parse::<Symbol>() {
                    found.push(Mention {
                        symbol,
                        start,
                        end,
                        cited_date: None,
                    });
                }
                continue;
            }
            // "(1997/226)" after a title in an ECOSOC text: the Council
            // numbers its decisions from 201 in each year.
            let in_parentheses = text[..start].ends_with('(') && text[end..].starts_with(')');
            if dated.is_none() && in_parentheses && state.own_body == Body::EconomicAndSocialCouncil
            {
                if let Some(symbol) = enumber
                    .as_str()
                    .parse::<u32>()
                    .ok()
                    .filter(|n| *n >= 201)
                    .and_then(|_| {
                        Symbol::from_reference(
                            m.as_str(),
                            Some(Body::EconomicAndSocialCouncil),
                            Act::Decision,
                        )
                    })
                {
                    found.push(Mention {
                        symbol,
                        start,
                        end,
                        cited_date: None,
                    });
                }
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
            if let Some(symbol) = Symbol::from_reference(m.as_str(), Some(body), act) {
                found.push(Mention {
                    symbol,
                    start,
                    end,
                    cited_date: Some(date),
                });
            }
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
            if let Some(symbol) = Symbol::from_reference(m.as_str(), Some(body), Act::Resolution) {
                found.push(Mention {
                    symbol,
                    start,
                    end,
                    cited_date: dated.map(|(d, _)| d),
                });
            }
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
fn presidential_statement_before(before: &str) -> bool {
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

/// The undated number joined by "and" just after a dated one (`, and
/// 77/27`): its span and text.
fn joined_after(text: &str, at: usize) -> Option<(usize, usize, &str)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^,?\s+and\s+(\d{2}/\d{1,4})(?:[^/\-0-9A-Za-z]|$)").expect("static regex")
    });
    let caps = re.captures(text.get(at..)?)?;
    let m = caps.get(1)?;
    Some((at + m.start(), at + m.end(), m.as_str()))
}

/// `1500 (2003)` wherever it stands: a number printed with a year that
/// the Security Council's numbering puts in that year is a Council
/// resolution, with or without the word "resolution" before it ("in
/// particular 1500 (2003)", "paragraph 24 of 1970 (2011)", "set forth in
/// 2367 (2017)"). `No. 12 (1999)` is a numbered general comment or
/// convention; a number the year cannot hold is no Council resolution.
fn council_forms(text: &str, state: &mut ScanState, out: &mut Vec<Mention>) {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re =
        RE.get_or_init(|| Regex::new(r"(?-u:\b)(\d{1,4})\s?\((\d{4})\)").expect("static regex"));
    let taken = Taken::new(out, state);
    for caps in re.captures_iter(text) {
        let Some(m) = caps.get(0) else { continue };
        let (start, end) = (m.start(), m.end());
        if taken.overlaps(start, end) {
            continue;
        }
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
        if !sc_number_fits_year(number, year) {
            state.excluded.push((start, end, Reason::NotAUnNumber));
            continue;
        }
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

struct ListItem {
    symbols: Vec<Symbol>,
    start: usize,
    end: usize,
    date: Option<Date>,
    /// The next item follows after "and" (`74/28 and 74/29`), not after a
    /// bare comma.
    and_follows: bool,
}

/// Reads the list of numbers after a head word; returns where it ends.
fn list(
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
    loop {
        let ws = text[pos..].len() - text[pos..].trim_start().len();
        let start = pos + ws;
        let Some(caps) = item().captures(&text[start..]) else {
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
        let Some(sep) = separator().captures(&text[pos..]) else {
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
        let Some(next_item) = item().captures(next) else {
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
fn topic_gap(text: &str) -> Option<usize> {
    static RE: OnceLock<Regex> = OnceLock::new();
    // "on <topic>", or a title without quotes ("57/28 entitled Safety and
    // security of humanitarian personnel ..., 57/155 entitled ...").
    let re =
        RE.get_or_init(|| Regex::new(r"^,?\s+(?:on|entitled)\s+[A-Za-z]").expect("static regex"));
    re.find(text)?;
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
        let Some(caps) = item().captures(&text[gap..]) else {
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

/// Turns one matched number form into symbols (several for part ranges).
fn interpret(
    caps: &regex::Captures<'_>,
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
                .map_or_else(|| format!("({inside})"), |r| format!("({kind}-{r})")),
            _ => format!("({inside})"),
        }
    });
    let paren = paren_text.as_deref();
    let number = if let (Some(sess), Some(num)) = (caps.name("sess"), caps.name("num")) {
        format!("{}/{}", sess.as_str(), num.as_str())
    } else {
        caps.name("bare")
            .map_or(String::new(), |b| b.as_str().to_string())
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
    let with_paren = |part: Option<&str>| {
        let mut s = number.clone();
        if let Some(p) = part {
            s.push(' ');
            s.push_str(p);
        }
        if let Some(p) = paren {
            s.push(' ');
            s.push_str(p);
        }
        s
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
        ) = make(None)
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
        match make(None).or_else(|| fallback(None)) {
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
            if let Some(whole) = make(None).or_else(|| fallback(None)) {
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
fn expand_parts(text: &str) -> Vec<String> {
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
fn expand_range(
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
fn share_dates(items: &mut [ListItem]) {
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

fn same_period(a: &Symbol, b: &Symbol) -> bool {
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

/// A masthead symbol at `start..end`: cleaned of trailing punctuation,
/// split where two symbols are joined (`A/79/302-S/2024/600`), extended
/// by a parenthesised year or session (`S/RES/1373 (2001)`), and followed
/// by any `and Add.1` suffixes.
fn masthead(
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
        let base_text = base.to_string();
        let stem = strip_suffix_components(&base_text);
        while let Some((suffix_start, suffix_end)) = suffix_after(text, pos) {
            let candidate = format!("{stem}/{}", &text[suffix_start..suffix_end]);
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
fn repair_ocr(symbol: &str) -> std::borrow::Cow<'_, str> {
    let mut out: Vec<String> = Vec::new();
    let mut changed = false;
    for component in symbol.split('/') {
        let digits = component.bytes().filter(u8::is_ascii_digit).count();
        let odd: Vec<(usize, u8)> = component
            .bytes()
            .enumerate()
            .filter(|(_, b)| !b.is_ascii_digit())
            .collect();
        if digits >= 3 && odd.len() == 1 && odd[0].0 > 0 && odd[0].0 + 1 < component.len() {
            let replacement = match odd[0].1 {
                b'O' | b'o' | b'G' => Some('0'),
                b'l' | b'I' => Some('1'),
                _ => None,
            };
            if let Some(r) = replacement {
                let (i, _) = odd[0];
                out.push(format!("{}{r}{}", &component[..i], &component[i + 1..]));
                changed = true;
                continue;
            }
        }
        out.push(component.to_string());
    }
    if changed {
        std::borrow::Cow::Owned(out.join("/"))
    } else {
        std::borrow::Cow::Borrowed(symbol)
    }
}

fn strip_suffix_components(symbol: &str) -> &str {
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

fn suffix_after(text: &str, pos: usize) -> Option<(usize, usize)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+)((?:Add|Corr|Rev|Amend)\.\d{1,3})(?-u:\b)")
            .expect("static regex")
    });
    let caps = re.captures(&text[pos..])?;
    let m = caps.get(1)?;
    Some((pos + m.start(), pos + m.end()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(String, Option<String>)> {
        let mut state = ScanState {
            own_body: Body::GeneralAssembly,
            sc_years: HashMap::new(),
            notes: Vec::new(),
            excluded: Vec::new(),
        };
        scan(text, &mut state)
            .into_iter()
            .map(|m| (m.symbol.to_string(), m.cited_date.map(|d| d.to_string())))
            .collect()
    }

    #[test]
    fn lists_with_shared_dates_and_parts() {
        let found = run("Recalling its resolutions 43/78 H of 7 December 1988, 74/28 and 74/29 of 12 December 2019 and 3419 A to C (XXX),");
        let targets: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            targets,
            [
                "A/RES/43/78 H",
                "A/RES/74/28",
                "A/RES/74/29",
                "A/RES/3419 A (XXX)",
                "A/RES/3419 B (XXX)",
                "A/RES/3419 C (XXX)"
            ]
        );
        assert_eq!(found[0].1.as_deref(), Some("1988-12-07"));
        assert_eq!(found[1].1.as_deref(), Some("2019-12-12"));
    }

    #[test]
    fn dates_are_not_shared_across_sessions() {
        let found = run("resolutions 55/2 and 70/1 of 25 September 2015");
        assert_eq!(found[0].1, None);
        assert_eq!(found[1].1.as_deref(), Some("2015-09-25"));
    }

    #[test]
    fn security_council_lists_and_bare_continuations() {
        let found = run(
            "Security Council resolutions 1547 (2004) of 11 June 2004 and 1585 of 10 March 2005",
        );
        assert_eq!(found[0].0, "S/RES/1547 (2004)");
        assert_eq!(found[1].0, "S/RES/1585 (2005)");
    }

    #[test]
    fn traps() {
        assert!(
            run("the 2010, 2013 and 2021 reports; working group 2021–2025, page 2/3").is_empty()
        );
        assert!(run("World Health Assembly resolution 58/3 and UNEA resolution 4/14").is_empty());
        assert_eq!(
            run("Human Rights Council resolutions 5/1 and 5/2")[1].0,
            "A/HRC/RES/5/2"
        );
    }

    #[test]
    fn mastheads() {
        let found = run(
            "See A/79/302-S/2024/600, S/26777 and Add.1, A/78/6 (Sect. 3) and S/RES/1373 (2001).",
        );
        let targets: Vec<&str> = found.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            targets,
            [
                "A/79/302",
                "S/2024/600",
                "S/26777",
                "S/26777/Add.1",
                "A/78/6",
                "S/RES/1373 (2001)"
            ]
        );
    }
}

//! Whose resolution is it: the body named before a head word ("Human
//! Rights Council resolution", "its", "the Council's", "adopted by the
//! Economic and Social Commission for Asia and the Pacific").

use resgraph_symbol::Body;

/// Who a head word belongs to, read from the words before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Owner {
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

pub(super) const KNOWN_BODIES: [(&str, Body); 11] = [
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

pub(super) fn owner_before(before: &str, own: Body) -> Owner {
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
            let ends_with_name = |w: Option<&str>| w.is_some_and(|w| w.ends_with(name));
            if window.ends_with(name)
                || ends_with_name(window.strip_suffix(", in"))
                || ends_with_name(window.strip_suffix(" in"))
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
pub(super) fn adopted_by_another_body(window: &str) -> bool {
    // The last "by the ", found from its rare `b` (a substring searcher,
    // built or not, cost more than these 160 bytes).
    let bytes = window.as_bytes();
    let Some(at) =
        memchr::memrchr_iter(b'b', bytes).find(|&at| bytes[at..].starts_with(b"by the "))
    else {
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
    // "mandated by the Council in its resolution 51/30": a council not
    // named is decided by the number's form, not taken for another body.
    if name == "Council" {
        return false;
    }
    let un_organ = KNOWN_BODIES.iter().any(|(known, _)| {
        name.strip_prefix(known)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    });
    body_word && !un_organ
}

/// `(a) Recalls` → `Recalls`: drops a sub-paragraph label.
pub(super) fn strip_label(text: &str) -> &str {
    if let Some(rest) = text.strip_prefix('(') {
        if let Some((label, after)) = rest.split_once(')') {
            if label.len() <= 5 && label.chars().all(|c| c.is_ascii_alphanumeric()) {
                return after.trim_start();
            }
        }
    }
    text
}

pub(super) fn strip_last_word<'a>(text: &'a str, words: &[&str]) -> Option<&'a str> {
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

pub(super) fn tail_chars(text: &str, n: usize) -> &str {
    let mut start = text.len().saturating_sub(n);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// Whether the words between a list and the next head only join them:
/// `and`, `, and`, `as well as`, with a footnote mark or "its".
pub(super) fn joins(gap: &str) -> bool {
    let gap = gap
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == ',')
        .trim();
    let gap = gap.strip_suffix("its").unwrap_or(gap).trim_end();
    matches!(gap, "and" | "as well as" | "and also" | "and in" | ", and")
}

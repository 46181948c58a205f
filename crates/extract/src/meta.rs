//! What a document says about itself: its symbol, date, session, title.

use resgraph_symbol::{GaSession, GaStyle, Symbol};

use crate::dates::first_date;
use crate::layout::Layout;
use resgraph_core::HeadingRole;
use resgraph_core::{Date, Section};

/// The document's own symbol as the text states it in its first lines:
/// a masthead line (`A/RES/76/19`, `A/C.1/80/L.20`, `S/RES/902 (1994)`),
/// a markdown front matter `symbol:`, or a Security Council heading
/// `Resolution 889 (1993)`. Returns the symbol and the line as printed.
pub(crate) fn own_symbol_from_lines(source: &str) -> Option<(Symbol, String)> {
    let mut content_lines = 0;
    for raw in source.lines().take(80) {
        let line = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if let Some(value) = line.strip_prefix("symbol:") {
            let value = value.trim().trim_matches('"');
            if let Ok(symbol) = value.parse::<Symbol>() {
                return Some((symbol, value.to_string()));
            }
        }
        if line.is_empty() || line == "---" {
            continue;
        }
        content_lines += 1;
        if content_lines > 14 {
            break;
        }
        if line.contains('/') && line.len() < 60 {
            if let Ok(symbol) = line.parse::<Symbol>() {
                return Some((symbol, line.to_string()));
            }
        }
        let lower = line.to_ascii_lowercase();
        if let Some(rest) = lower.strip_prefix("resolution ") {
            if let Ok(symbol @ Symbol::ScResolution { .. }) = Symbol::parse_loose(rest.trim()) {
                return Some((symbol, line.to_string()));
            }
        }
    }
    None
}

/// The symbol a numbered title line gives (`76/19. Developments ...`).
pub(crate) fn own_symbol_from_title(layout: &Layout) -> Option<Symbol> {
    let title = layout
        .paragraphs
        .iter()
        .position(|p| p.heading_role == Some(HeadingRole::Title))?;
    let (head, _) = layout.text(title).text.split_once(". ")?;
    match Symbol::parse_loose(head).ok()? {
        s @ Symbol::GaResolution {
            style: GaStyle::Modern,
            ..
        } => Some(s),
        _ => None,
    }
}

/// A symbol from a file name, the way UN stores and this project's data
/// name files: `A_C.1_77_L.73.txt` is `A/C.1/77/L.73`, `A_RES_76_19.txt`
/// is `A/RES/76/19`, `S_RES_0889_1993_EN_GOLD.txt` is `S/RES/889 (1993)`,
/// `A_DEC_71_405_A_and_B.txt` is `A/DEC/71/405 A`.
///
/// ```
/// use resgraph_extract::symbol_from_file_name;
/// assert_eq!(symbol_from_file_name("A_C.1_77_L.73.txt").unwrap().to_string(), "A/C.1/77/L.73");
/// assert_eq!(symbol_from_file_name("S_RES_0889_1993_EN_GOLD.txt").unwrap().to_string(), "S/RES/889 (1993)");
/// assert_eq!(symbol_from_file_name("notes.txt"), None);
/// ```
pub fn symbol_from_file_name(name: &str) -> Option<Symbol> {
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = match stem.rsplit_once('.') {
        Some((s, ext)) if ext.chars().all(|c| c.is_ascii_alphabetic()) && ext.len() <= 4 => s,
        _ => stem,
    };
    let parts: Vec<&str> = stem.split('_').collect();
    if parts.len() >= 4
        && parts[0].eq_ignore_ascii_case("S")
        && parts[1].eq_ignore_ascii_case("RES")
    {
        let number = parts[2].trim_start_matches('0');
        let year = parts[3];
        if year.len() == 4 {
            return format!("S/RES/{number} ({year})").parse().ok();
        }
    }
    if parts.len() >= 4 && parts[1].eq_ignore_ascii_case("DEC") {
        let mut text = format!("A/DEC/{}/{}", parts[2], parts[3]);
        if let Some(part) = parts.get(4).filter(|p| p.len() <= 2) {
            text.push(' ');
            text.push_str(part);
        }
        return text.parse().ok();
    }
    let joined = parts.join("/");
    joined.parse::<Symbol>().ok()
}

/// The adoption date: "adopted by the General Assembly on 6 December
/// 2021", "Adopted by the Security Council at its 3347th meeting, on 11
/// March 1994", "At its 62nd plenary meeting, on 28 April 2021"; else the
/// first date in the heading (a draft's date of issue).
pub(crate) fn document_date(layout: &Layout) -> Option<Date> {
    // The adoption line is in the heading, or opens a decision's running
    // text: no need to search the body.
    let paragraphs = &layout.paragraphs;
    let candidates = (0..paragraphs.len())
        .filter(|&i| paragraphs[i].section == Section::Heading)
        .chain((0..paragraphs.len()).find(|&i| paragraphs[i].running));
    for p in candidates.take(40) {
        let t = crate::text::prefix(&layout.text(p).text, 400);
        // "Resolution adopted by the Human Rights Council on 10 July
        // 2024" (not the "Distr." date of issue above it), "Adopted by the
        // Security Council at its 9672nd meeting, on27 June 2024" (a space
        // lost in the UN's XML).
        for phrase in ["adopted by the ", "Adopted by the ", "At its "] {
            if let Some(i) = t.find(phrase) {
                let window: String = t[i..].chars().take(120).collect();
                let window = window.replace(", on", ", on ").replace(" on", " on ");
                if let Some(d) = first_date(&window) {
                    return Some(d);
                }
            }
        }
    }
    (0..paragraphs.len())
        .filter(|&i| paragraphs[i].section == Section::Heading)
        .find_map(|i| first_date(&layout.text(i).text))
        .or_else(|| layout.front_date.as_deref().and_then(|d| d.parse().ok()))
}

/// The title: the numbered title line without its number, or a draft's
/// title paragraph.
pub(crate) fn title(layout: &Layout) -> Option<String> {
    let paragraphs = &layout.paragraphs;
    let at = paragraphs
        .iter()
        .position(|p| p.heading_role == Some(HeadingRole::Title))?;
    let text = layout.text(at).text.trim();
    let text = match text.split_once(". ") {
        Some((head, rest)) if head.contains('/') && head.len() < 12 => rest,
        _ if text.ends_with('.') && text.contains('/') && text.len() < 12 => {
            // `73/8.` alone: the title is the next heading paragraph.
            paragraphs
                .get(at + 1)
                .filter(|p| p.section == Section::Heading)?;
            layout.text(at + 1).text.trim()
        }
        _ => text,
    };
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

const ORDINAL_UNITS: [(&str, u16); 19] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
];
const ORDINAL_TENS: [(&str, &str, u16); 8] = [
    ("twenty", "twentieth", 20),
    ("thirty", "thirtieth", 30),
    ("forty", "fortieth", 40),
    ("fifty", "fiftieth", 50),
    ("sixty", "sixtieth", 60),
    ("seventy", "seventieth", 70),
    ("eighty", "eightieth", 80),
    ("ninety", "ninetieth", 90),
];

/// `Seventy-seventh session` → 77.
pub(crate) fn session_from_heading(layout: &Layout) -> Option<u16> {
    let paragraphs = &layout.paragraphs;
    for p in (0..paragraphs.len()).filter(|&i| paragraphs[i].section == Section::Heading) {
        let lower = layout.text(p).text.to_lowercase();
        let Some(i) = lower.find(" session") else {
            continue;
        };
        let word = lower[..i].rsplit(' ').next().unwrap_or("");
        if let Some(n) = ordinal(word) {
            return Some(n);
        }
    }
    None
}

fn ordinal(word: &str) -> Option<u16> {
    for (unit, n) in ORDINAL_UNITS {
        if word == unit {
            return Some(n);
        }
    }
    for (tens, tenth, n) in ORDINAL_TENS {
        if word == tenth {
            return Some(n);
        }
        if let Some(rest) = word.strip_prefix(tens).and_then(|r| r.strip_prefix('-')) {
            for (unit, u) in ORDINAL_UNITS.iter().take(9) {
                if rest == *unit {
                    return Some(n + u);
                }
            }
        }
    }
    None
}

/// The session a symbol belongs to, where it has one.
pub(crate) fn session_from_symbol(symbol: &Symbol) -> Option<u16> {
    match symbol {
        Symbol::GaResolution {
            session: GaSession::Regular(n),
            ..
        } => Some(*n),
        other => other.ga_session(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        assert_eq!(ordinal("seventy-seventh"), Some(77));
        assert_eq!(ordinal("eightieth"), Some(80));
        assert_eq!(ordinal("thirty-first"), Some(31));
        assert_eq!(ordinal("session"), None);
    }
}

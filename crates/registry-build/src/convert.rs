//! Reading the source metadata: CSV records, the symbol spellings of the
//! UN Digital Library and of unvotes, titles and printed dates.
//!
//! These are the pieces the `build_registry` binary (and
//! [`crate::build`]) is made of; they are public so that each can be
//! tested and reused on its own.

use resgraph_symbol::{GaSession, GaStyle, Part, Symbol};

use resgraph_registry::Date;

/// One record of a CSV file: the 1-based line it starts on and its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRecord {
    /// The line the record starts on (a quoted field may span lines).
    pub line: usize,
    /// The fields, unquoted.
    pub fields: Vec<String>,
}

/// Splits CSV text (RFC 4180: `,` separated, `"` quoted, `""` for a quote
/// inside quotes, line breaks allowed inside quotes) into records, with
/// the `csv` crate; records may have any number of fields. A quote that
/// opens in the middle of an unquoted field is kept as text; empty lines
/// are skipped.
///
/// ```
/// use resgraph_registry_build::convert::csv_records;
/// let records = csv_records("a,b\n1,\"x, \"\"y\"\"\nz\"\n");
/// assert_eq!(records.len(), 2);
/// assert_eq!(records[1].fields, ["1", "x, \"y\"\nz"]);
/// assert_eq!(records[1].line, 2);
/// ```
pub fn csv_records(text: &str) -> Vec<CsvRecord> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut lines = LineCounter::default();
    // The text is UTF-8 and fields end at ASCII bytes, so no record can
    // fail to decode: reading stops only at the end.
    reader
        .records()
        .map_while(Result::ok)
        .map(|record| {
            let start = record
                .position()
                .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
            CsvRecord {
                line: lines.line_of_record_at(text.as_bytes(), start),
                fields: record.iter().map(str::to_string).collect(),
            }
        })
        .collect()
}

/// Line numbers of records, counted from their byte offsets.
///
/// The `csv` crate's own line numbers lag one behind after a `\r\n` line
/// end, and its byte offset of a record can point at the line end before
/// it (or at empty lines it skips); a record never starts with a line
/// end, so those are stepped over first. Offsets only grow, so counting
/// resumes where the previous record left it: O(n) over a file.
#[derive(Debug)]
struct LineCounter {
    offset: usize,
    line: usize,
}

impl Default for LineCounter {
    fn default() -> LineCounter {
        LineCounter { offset: 0, line: 1 }
    }
}

impl LineCounter {
    fn line_of_record_at(&mut self, text: &[u8], start: usize) -> usize {
        let skipped = text
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        let start = (start + skipped).min(text.len());
        if start >= self.offset {
            let newlines = text[self.offset..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.line += newlines;
            self.offset = start;
        }
        self.line
    }
}

/// A CSV file with a heading row, read by column name.
///
/// ```
/// use resgraph_registry_build::convert::CsvTable;
/// let table = CsvTable::parse("symbol,date\nA/RES/1(I),1946-01-24\n");
/// let row = &table.rows[0];
/// assert_eq!(table.get(row, "date"), "1946-01-24");
/// assert_eq!(table.get(row, "missing"), "");
/// ```
#[derive(Debug, Clone)]
pub struct CsvTable {
    /// The column names.
    pub header: Vec<String>,
    /// The records after the heading.
    pub rows: Vec<CsvRecord>,
}

impl CsvTable {
    /// Reads a CSV text whose first record names the columns.
    pub fn parse(text: &str) -> CsvTable {
        let mut records = csv_records(text.strip_prefix('\u{feff}').unwrap_or(text));
        let header = if records.is_empty() {
            Vec::new()
        } else {
            records.remove(0).fields
        };
        CsvTable {
            header,
            rows: records,
        }
    }

    /// The field of a row in the named column, or `""` where the column
    /// or the field is missing.
    pub fn get<'a>(&self, row: &'a CsvRecord, column: &str) -> &'a str {
        self.header
            .iter()
            .position(|h| h == column)
            .and_then(|i| row.fields.get(i))
            .map_or("", String::as_str)
    }

    /// Whether the table has the named column.
    pub fn has(&self, column: &str) -> bool {
        self.header.iter().any(|h| h == column)
    }
}

/// A symbol as a source spells it, resolved to registry symbols.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceSymbol {
    /// The resolutions (or decisions) meant: one, or several parts
    /// (`A/RES/377(V)[A-C]` is parts A, B and C).
    pub symbols: Vec<Symbol>,
    /// A subdivision below the resolution or part that the record is
    /// about (`IX` in `A/RES/33/116[B-IX]`, `PARA.1`, `RULE-33A`), if any:
    /// the record's facts are then about a section of the symbols, not
    /// the whole.
    pub subdivision: Option<String>,
}

/// Reads a symbol as the UN Digital Library voting registry writes it:
/// `A/RES/181(II)[A]`, `A/RES/2625(XXV)`, `A/RES/997(ES-I)`,
/// `A/RES/76/19`, `A/RES/43/78[A]`, `A/RES/35/217XIII`,
/// `A/RES/377(V)[A-C]`, `S/RES/15(1946)`, `A/DEC/80/506`.
///
/// The error says what could not be read.
///
/// # Errors
///
/// A short reason when `raw` is not a resolution symbol the
/// registry can hold.
///
/// ```
/// use resgraph_registry_build::convert::undl_symbol;
///
/// let one = undl_symbol("A/RES/181(II)[A]").unwrap();
/// assert_eq!(one.symbols[0].to_string(), "A/RES/181 A (II)");
/// assert_eq!(one.subdivision, None);
///
/// let range = undl_symbol("A/RES/377(V)[A-C]").unwrap();
/// let names: Vec<String> = range.symbols.iter().map(|s| s.to_string()).collect();
/// assert_eq!(names, ["A/RES/377 A (V)", "A/RES/377 B (V)", "A/RES/377 C (V)"]);
///
/// let section = undl_symbol("A/RES/33/116[B-IX]").unwrap();
/// assert_eq!(section.symbols[0].to_string(), "A/RES/33/116 B");
/// assert_eq!(section.subdivision.as_deref(), Some("IX"));
///
/// assert!(undl_symbol("A/RES/79/XX").is_err());
/// ```
pub fn undl_symbol(raw: &str) -> Result<SourceSymbol, &'static str> {
    let text = raw.trim().replace("//", "/");
    let (base, bracket) = match text.strip_suffix(']').and_then(|t| t.rsplit_once('[')) {
        Some((base, inside)) => (base.trim_end().to_string(), Some(inside.to_string())),
        None => (text.clone(), None),
    };
    let upper = base.to_ascii_uppercase();
    if let Some(rest) = upper.strip_prefix("A/RES/") {
        return ga_resolution_with_tail(rest, bracket.as_deref());
    }
    if bracket.is_some() {
        return Err("a bracketed part only after an A/RES/ symbol");
    }
    match text.parse::<Symbol>() {
        Ok(symbol) if symbol.is_resolution_or_decision() => Ok(SourceSymbol {
            symbols: vec![symbol],
            subdivision: None,
        }),
        _ => Err("an A/RES/, A/DEC/ or S/RES/ symbol"),
    }
}

/// `76/19`, `43/78A`, `35/217XIII`, `2625(XXV)`, `724(VIII)A-C`, with an
/// optional bracketed tail.
fn ga_resolution_with_tail(
    rest: &str,
    bracket: Option<&str>,
) -> Result<SourceSymbol, &'static str> {
    let rest = rest.trim();
    // Roman-numbered: `number (session)` then a tail.
    if let Some(open) = rest.find('(') {
        let close = rest[open..]
            .find(')')
            .map(|i| open + i)
            .ok_or("a closing parenthesis after the session")?;
        let number_text = rest[..open].trim();
        let (digits, inline_part) = split_digits(number_text);
        let number = parse_number(digits).ok_or("a resolution number before the session")?;
        let session_text = rest[open + 1..close].trim();
        // The Digital Library writes some special sessions with arabic
        // digits: `104(S-1)`.
        let session = GaSession::parse_roman_text(session_text)
            .or_else(|| {
                let upper = session_text.to_ascii_uppercase();
                (upper.starts_with("S-") || upper.starts_with("ES-"))
                    .then(|| GaSession::parse_modern_text(&upper))
                    .flatten()
            })
            .ok_or("a roman session in parentheses (XXV, S-VII, ES-I)")?;
        let tail = combine_tails(inline_part, rest[close + 1..].trim(), bracket)?;
        let (parts, subdivision) = interpret_tail(&tail, true)?;
        let make = |part| Symbol::GaResolution {
            session,
            number,
            part,
            style: GaStyle::Roman,
        };
        return Ok(build(parts, subdivision, make));
    }
    // Modern: `session/number` then a tail.
    let (session_text, tail_text) = rest.split_once('/').ok_or("session/number")?;
    let session = GaSession::parse_modern_text(session_text.trim())
        .ok_or("a session number (76, S-8, ES-10) before the slash")?;
    let (digits, inline_tail) = split_digits(tail_text.trim());
    let number = parse_number(digits).ok_or("a resolution number after the session")?;
    let tail = combine_tails(inline_tail, "", bracket)?;
    let (parts, subdivision) = interpret_tail(&tail, false)?;
    let make = |part| Symbol::GaResolution {
        session,
        number,
        part,
        style: GaStyle::Modern,
    };
    Ok(build(parts, subdivision, make))
}

fn build(
    parts: Vec<Part>,
    subdivision: Option<String>,
    make: impl Fn(Option<Part>) -> Symbol,
) -> SourceSymbol {
    let symbols = if parts.is_empty() {
        vec![make(None)]
    } else {
        parts.into_iter().map(|p| make(Some(p))).collect()
    };
    SourceSymbol {
        symbols,
        subdivision,
    }
}

/// Joins the pieces of a tail written in several places (`217 A (III)`,
/// `724(VIII)A-C`, `181(II)[A]`); at most one may be non-empty.
fn combine_tails(a: &str, b: &str, bracket: Option<&str>) -> Result<String, &'static str> {
    let pieces: Vec<&str> = [a.trim(), b.trim(), bracket.unwrap_or("").trim()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    match pieces[..] {
        [] => Ok(String::new()),
        [one] => Ok(one.to_string()),
        _ => Err("one part or section after the number"),
    }
}

fn split_digits(text: &str) -> (&str, &str) {
    let end = text
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(text.len());
    (&text[..end], text[end..].trim())
}

fn parse_number(digits: &str) -> Option<u32> {
    if digits.is_empty() || digits.len() > 5 || digits.starts_with('0') {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    (n <= resgraph_symbol::MAX_NUMBER).then_some(n)
}

fn is_roman(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
}

fn letter(text: &str) -> Option<Part> {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_uppercase() => Part::from_letter(c),
        _ => None,
    }
}

/// Reads what follows a resolution number: part letters, a part range,
/// a section. `roman_era` says whether the symbol is of the numbered-
/// across-sessions style, where two letters (`[AB]`) are a part and its
/// subdivision rather than a doubled part letter.
fn interpret_tail(
    tail: &str,
    roman_era: bool,
) -> Result<(Vec<Part>, Option<String>), &'static str> {
    let tail = tail.trim().to_ascii_uppercase();
    let tail = tail.as_str();
    if tail.is_empty() {
        return Ok((Vec::new(), None));
    }
    if let Some(part) = letter(tail) {
        return Ok((vec![part], None));
    }
    if let Some((first, second)) = tail.split_once('-') {
        if let (Some(a), Some(b)) = (letter(first), letter(second)) {
            // `C-I` next to `C-II` is part C, section I; `A-C` is a range.
            if !matches!(second, "I" | "V" | "X") && a < b {
                return Ok((a.range_to(b).collect(), None));
            }
        }
        // `I-II`: sections I and II of the whole resolution.
        if is_roman(first) && is_roman(second) {
            return Ok((Vec::new(), Some(tail.to_string())));
        }
        if let Some(part) = letter(first) {
            if is_roman(second) {
                return Ok((vec![part], Some(second.to_string())));
            }
        }
    }
    // `XI`, `VI`, `IV`: a section (a single `I`, `V` or `X` is a part).
    if is_roman(tail) {
        return Ok((Vec::new(), Some(tail.to_string())));
    }
    if tail.len() == 2 && tail.bytes().all(|b| b.is_ascii_uppercase()) {
        let (a, b) = (&tail[..1], &tail[1..]);
        let (pa, pb) = (
            letter(a).ok_or("a part letter")?,
            letter(b).ok_or("a part letter")?,
        );
        if roman_era {
            return Ok((vec![pa], Some(b.to_string())));
        }
        if pa == pb {
            return Ok((
                vec![Part::from_letters(tail).ok_or("a doubled part letter")?],
                None,
            ));
        }
        if pa < pb {
            return Ok((pa.range_to(pb).collect(), None));
        }
        return Err("two part letters in order");
    }
    if let Some(rest) = tail.strip_suffix("ANNEX") {
        if let Some(part) = letter(rest) {
            return Ok((vec![part], Some("ANNEX".to_string())));
        }
    }
    if tail.starts_with("PARA") || tail.starts_with("RULE") || tail.starts_with("SECTION") {
        return Ok((Vec::new(), Some(tail.to_string())));
    }
    Err("a part letter, a part range (A-C) or a section (IX, B-IX, PARA.1)")
}

/// Reads the `unres` field of an unvotes roll call: `A/RES/74/19` for
/// recent sessions, `R/<session>/<number><part>[/<part or section>]`
/// before. Sessions 1 to 30 number their resolutions across sessions:
/// `R/25/2749B` is `A/RES/2749 B (XXV)`; from session 31, `R/43/87` is
/// `A/RES/43/87`.
///
/// Other identifiers (`ESS/1/34`, `SS/2/44`, `GOAR/1/1288B`, empty) are
/// not resolution numbers; the error says so.
///
/// # Errors
///
/// A short reason when `unres` is not a resolution number.
///
/// ```
/// use resgraph_registry_build::convert::unvotes_symbol;
///
/// let old = unvotes_symbol("R/25/2749B").unwrap();
/// assert_eq!(old.symbols[0].to_string(), "A/RES/2749 B (XXV)");
/// let modern = unvotes_symbol("R/43/87").unwrap();
/// assert_eq!(modern.symbols[0].to_string(), "A/RES/43/87");
/// let section = unvotes_symbol("R/36/235/XII").unwrap();
/// assert_eq!((section.symbols[0].to_string(), section.subdivision.as_deref()), ("A/RES/36/235".into(), Some("XII")));
/// assert!(unvotes_symbol("ESS/1/34").is_err());
/// ```
pub fn unvotes_symbol(unres: &str) -> Result<SourceSymbol, &'static str> {
    let unres = unres.trim();
    if unres.is_empty() {
        return Err("a resolution identifier (the field is empty)");
    }
    if unres.starts_with("A/RES/") {
        return undl_symbol(unres);
    }
    let Some(rest) = unres.strip_prefix("R/") else {
        return Err("R/<session>/<number> or A/RES/ (ESS/, SS/ and GOAR/ identifiers are not resolution numbers)");
    };
    let mut pieces = rest.split('/');
    let (Some(session), Some(number_and_part), extra, None) =
        (pieces.next(), pieces.next(), pieces.next(), pieces.next())
    else {
        return Err("R/<session>/<number>");
    };
    let session: u16 = session
        .parse()
        .ok()
        .filter(|s| (1..=200).contains(s))
        .ok_or("a session number after R/")?;
    let (digits, part) = split_digits(number_and_part);
    let number = parse_number(digits).ok_or("a resolution number after the session")?;
    let tail = match (part, extra.map(str::trim).unwrap_or("")) {
        ("", "") => String::new(),
        (p, "") => p.to_string(),
        ("", e) => e.to_string(),
        (p, e) => format!("{p}-{e}"),
    };
    let roman_era = session <= 30;
    let (parts, subdivision) = interpret_tail(&tail, roman_era)?;
    let style = if roman_era {
        GaStyle::Roman
    } else {
        GaStyle::Modern
    };
    let make = |part| Symbol::GaResolution {
        session: GaSession::Regular(session),
        number,
        part,
        style,
    };
    Ok(build(parts, subdivision, make))
}

/// Private helpers on `GaSession` that the symbol crate keeps to itself.
trait SessionText: Sized {
    fn parse_roman_text(text: &str) -> Option<Self>;
    fn parse_modern_text(text: &str) -> Option<Self>;
}

impl SessionText for GaSession {
    /// `XXV`, `S-VII`, `ES-I`.
    fn parse_roman_text(text: &str) -> Option<GaSession> {
        let probe = format!("A/RES/1 ({})", text.trim());
        match probe.parse::<Symbol>().ok()? {
            Symbol::GaResolution { session, .. } => Some(session),
            _ => None,
        }
    }

    /// `76`, `S-8`, `ES-10`.
    fn parse_modern_text(text: &str) -> Option<GaSession> {
        let probe = format!("A/RES/{}/1", text.trim());
        match probe.parse::<Symbol>().ok()? {
            Symbol::GaResolution { session, .. } => Some(session),
            _ => None,
        }
    }
}

/// Removes the UN Digital Library catalogue tail (`: resolution /
/// adopted by the General Assembly`, with its variant spellings) from a
/// title, and tidies spaces.
///
/// ```
/// use resgraph_registry_build::convert::clean_undl_title;
/// assert_eq!(
///     clean_undl_title("Uniting for peace : resolution / adopted by the General Assembly"),
///     "Uniting for peace"
/// );
/// assert_eq!(
///     clean_undl_title("Bilateral nuclear-arms negotiations resolutio / adopted by the General Assembly"),
///     "Bilateral nuclear-arms negotiations"
/// );
/// // A colon that belongs to the title stays.
/// assert_eq!(
///     clean_undl_title("DENUCLEARIZATION OF AFRICA : NUCLEAR CAPABILITY OF SOUTH AFRICA"),
///     "DENUCLEARIZATION OF AFRICA : NUCLEAR CAPABILITY OF SOUTH AFRICA"
/// );
/// ```
pub fn clean_undl_title(title: &str) -> String {
    let title = collapse_spaces(title);
    let lower = title.to_ascii_lowercase();
    if let Some(colon) = title.rfind(':') {
        let tail = &lower[colon + 1..];
        if tail.contains("resol") && tail.contains("general assem") {
            return title[..colon].trim().to_string();
        }
    }
    for marker in [
        " resolutio",
        " / adopted by",
        " adopted by the general assembly",
    ] {
        if let Some(at) = lower.find(marker) {
            if lower[at..].contains("general assem") && at > 0 {
                return title[..at].trim().to_string();
            }
        }
    }
    title
}

/// Removes the `78/16. ` number prefix (and a stray session heading such
/// as `Seventy-ninth session `) from a title as the session 73-80
/// metadata gives it, and tidies spaces.
///
/// ```
/// use resgraph_registry_build::convert::clean_metadata_title;
/// assert_eq!(clean_metadata_title("78/16. Programme of action"), "Programme of action");
/// assert_eq!(clean_metadata_title("Seventy-ninth session Cooperation between"), "Cooperation between");
/// ```
pub fn clean_metadata_title(title: &str) -> String {
    let title = collapse_spaces(title);
    let mut rest = title.as_str();
    let (digits, after) = split_digits(rest);
    if !digits.is_empty() {
        if let Some(after) = after.strip_prefix('/') {
            let (digits2, after2) = split_digits(after);
            if !digits2.is_empty() {
                if let Some(after3) = after2.trim_start().strip_prefix('.') {
                    rest = after3.trim_start();
                }
            }
        }
    }
    // "Seventy-ninth session " picked up from the masthead.
    if let Some((head, tail)) = rest.split_once(" session ") {
        let ordinal = head.split('-').all(|w| {
            let mut c = w.chars();
            c.next().is_some_and(|f| f.is_alphabetic()) && c.all(|ch| ch.is_ascii_lowercase())
        });
        if ordinal && !head.contains(' ') && head.ends_with(['h', 't', 'd']) {
            rest = tail;
        }
    }
    rest.trim().to_string()
}

/// Turns an unvotes description into a title where it is one: mixed case
/// (the all-capital descriptions of older sessions describe the vote, not
/// the resolution: `TO ADOPT DRAFT RESOL. ...`), not a speech
/// transcript, with the UN Digital Library tail removed and the known
/// encoding damage (`People?Ã†s`, `Â` before a no-break space) repaired.
///
/// ```
/// use resgraph_registry_build::convert::unvotes_title;
/// assert_eq!(unvotes_title("The Arms Trade TreatyÂ\u{a0}").as_deref(), Some("The Arms Trade Treaty"));
/// assert_eq!(unvotes_title("TO ADOPT DRAFT RESOL. (A/L. 574)"), None);
/// ```
pub fn unvotes_title(descr: &str) -> Option<String> {
    let repaired = descr
        .replace("?Ã†s", "\u{2019}s")
        .replace("Â\u{a0}", " ")
        .replace('\u{a0}', " ");
    if repaired.contains("(spoke in") || repaired.len() > 400 {
        return None;
    }
    if !repaired.chars().any(|c| c.is_lowercase()) {
        return None;
    }
    let title = clean_undl_title(&repaired);
    let title = title.trim_end_matches('.').trim().to_string();
    (!title.is_empty()).then_some(title)
}

/// Reads a date as texts print it, `5 December 2018`.
///
/// ```
/// use resgraph_registry_build::convert::parse_printed_date;
/// assert_eq!(parse_printed_date("5 December 2018").unwrap().to_string(), "2018-12-05");
/// assert_eq!(parse_printed_date("December 2018"), None);
/// ```
pub fn parse_printed_date(text: &str) -> Option<Date> {
    let mut words = text.split_whitespace();
    let (Some(day), Some(month), Some(year), None) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return None;
    };
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let month = MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(month))
        .and_then(|i| u8::try_from(i + 1).ok())?;
    Date::new(year.parse().ok()?, month, day.parse().ok()?)
}

/// Collapses runs of white space (line breaks included) to one space and
/// trims the ends.
pub fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &SourceSymbol) -> Vec<String> {
        s.symbols.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn undl_forms() {
        let cases = [
            ("A/RES/1(I)", vec!["A/RES/1 (I)"], None),
            (
                "A/RES/17(I)[RULE-33A]",
                vec!["A/RES/17 (I)"],
                Some("RULE-33A"),
            ),
            ("A/RES/63(I)[PARA.1]", vec!["A/RES/63 (I)"], Some("PARA.1")),
            ("A/RES/289(IV)[AB]", vec!["A/RES/289 A (IV)"], Some("B")),
            (
                "A/RES/377(V)[AANNEX]",
                vec!["A/RES/377 A (V)"],
                Some("ANNEX"),
            ),
            (
                "A/RES/724(VIII)A-C",
                vec![
                    "A/RES/724 A (VIII)",
                    "A/RES/724 B (VIII)",
                    "A/RES/724 C (VIII)",
                ],
                None,
            ),
            (
                "A/RES/724(VIII)[C-II]",
                vec!["A/RES/724 C (VIII)"],
                Some("II"),
            ),
            (
                "A/RES/724(VIII)[C-I]",
                vec!["A/RES/724 C (VIII)"],
                Some("I"),
            ),
            ("A/RES/944(X)[I-II]", vec!["A/RES/944 (X)"], Some("I-II")),
            ("A/RES/997(ES-I)", vec!["A/RES/997 (ES-I)"], None),
            ("A/RES/3362(S-VII)", vec!["A/RES/3362 (S-VII)"], None),
            ("A/RES/104(S-1)", vec!["A/RES/104 (S-I)"], None),
            ("A/RES/34/233[XI]", vec!["A/RES/34/233"], Some("XI")),
            ("A/RES/36/235VI", vec!["A/RES/36/235"], Some("VI")),
            ("A/RES/62(I)[II]", vec!["A/RES/62 (I)"], Some("II")),
            ("A/RES/43/78[H]", vec!["A/RES/43/78 H"], None),
            ("A/RES/43/78H", vec!["A/RES/43/78 H"], None),
            ("A/RES/35/217XIII", vec!["A/RES/35/217"], Some("XIII")),
            ("A/RES/36//235IX", vec!["A/RES/36/235"], Some("IX")),
            ("A/RES/37/235C-II", vec!["A/RES/37/235 C"], Some("II")),
            (
                "A/RES/39/236[SectionIII]",
                vec!["A/RES/39/236"],
                Some("SECTIONIII"),
            ),
            (
                "A/RES/61/128A-B",
                vec!["A/RES/61/128 A", "A/RES/61/128 B"],
                None,
            ),
            (
                "A/RES/32/4[B-C]",
                vec!["A/RES/32/4 B", "A/RES/32/4 C"],
                None,
            ),
            ("A/RES/ES-8/1A", vec!["A/RES/ES-8/1 A"], None),
            ("A/RES/S-10/2", vec!["A/RES/S-10/2"], None),
            ("A/RES/78/183 A", vec!["A/RES/78/183 A"], None),
            ("S/RES/15(1946)", vec!["S/RES/15 (1946)"], None),
            ("A/DEC/80/506", vec!["A/DEC/80/506"], None),
        ];
        for (raw, want, sub) in cases {
            let got = undl_symbol(raw).unwrap_or_else(|e| panic!("{raw}: {e}"));
            assert_eq!(names(&got), want, "{raw}");
            assert_eq!(got.subdivision.as_deref(), sub, "{raw}");
        }
        for bad in ["A/RES/79/XX", "A/RES/996(ES-IandII)", "A/C.3/78/L.1", ""] {
            assert!(undl_symbol(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn unvotes_forms() {
        let cases = [
            ("R/25/2749B", vec!["A/RES/2749 B (XXV)"], None),
            ("R/43/87", vec!["A/RES/43/87"], None),
            ("R/1/1287/A", vec!["A/RES/1287 A (I)"], None),
            ("R/33/116B/VII", vec!["A/RES/33/116 B"], Some("VII")),
            ("R/61/128AB", vec!["A/RES/61/128 A", "A/RES/61/128 B"], None),
            ("R/39/236/XI", vec!["A/RES/39/236"], Some("XI")),
            ("R/53/77AA", vec!["A/RES/53/77 AA"], None),
            ("A/RES/74/19", vec!["A/RES/74/19"], None),
            ("A/RES/ES-10/19", vec!["A/RES/ES-10/19"], None),
        ];
        for (raw, want, sub) in cases {
            let got = unvotes_symbol(raw).unwrap_or_else(|e| panic!("{raw}: {e}"));
            assert_eq!(names(&got), want, "{raw}");
            assert_eq!(got.subdivision.as_deref(), sub, "{raw}");
        }
        for bad in ["", "ESS/1/34", "SS/2/44", "SS/5", "GOAR/1/1288B", "R/10 65"] {
            assert!(unvotes_symbol(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn titles() {
        assert_eq!(
            clean_undl_title("Question of Antarctica"),
            "Question of Antarctica"
        );
        assert_eq!(
            clean_undl_title("X : resolutions / adopted by the General Assembly."),
            "X"
        );
        assert_eq!(
            clean_undl_title("X : resolution / by the General Assembly"),
            "X"
        );
        assert_eq!(
            clean_undl_title("Security Council resolution 1 (1946) [on establishment of the Military Staff Committee]"),
            "Security Council resolution 1 (1946) [on establishment of the Military Staff Committee]"
        );
        assert_eq!(
            unvotes_title("Situation of human rights in the Democratic People?Ã†s Republic of Korea : resolution / adopted by the General Assembly").as_deref(),
            Some("Situation of human rights in the Democratic People\u{2019}s Republic of Korea")
        );
    }

    #[test]
    fn csv_edge_cases() {
        let r = csv_records("a,\"b\"\"c\",\r\nd");
        assert_eq!(r[0].fields, ["a", "b\"c", ""]);
        assert_eq!(r[1].fields, ["d"]);
        // The odd quoting of voeten_descriptions_1_70.csv: quotes inside
        // an unquoted field stay.
        let r = csv_records("x,A \\B\\\\\"\" C,y\n");
        assert_eq!(r[0].fields, ["x", "A \\B\\\\\"\" C", "y"]);
        // Records are numbered by the line they start on, whatever the
        // line ends, quoted line breaks and empty lines before them.
        for text in ["a\nb\n\"x\ny\"\n\nc\n", "a\r\nb\r\n\"x\r\ny\"\r\n\r\nc\r\n"] {
            let lines: Vec<usize> = csv_records(text).iter().map(|r| r.line).collect();
            assert_eq!(lines, [1, 2, 3, 6], "{text:?}");
        }
    }
}

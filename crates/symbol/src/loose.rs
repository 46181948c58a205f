//! Parsing the forms people type and texts print: `76/19`,
//! `resolution 2625 (XXV)`, `Security Council resolution 1373 (2001)`.

use crate::parse::{ga_modern, normalize_spaces, parse_canonical, parse_year};
use crate::session::parse_number;
use crate::{GaSession, GaStyle, ParseError, Part, Symbol, MAX_NUMBER};

/// The body a running-text reference names, which decides what its
/// digits mean (`47/16` is a GA resolution unless the Human Rights Council
/// is named).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Body {
    /// The General Assembly (the default for bare numbers).
    GeneralAssembly,
    /// The Security Council.
    SecurityCouncil,
    /// The Economic and Social Council.
    EconomicAndSocialCouncil,
    /// The Human Rights Council.
    HumanRightsCouncil,
    /// The former Commission on Human Rights.
    CommissionOnHumanRights,
}

/// Whether a reference is to a resolution or a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Act {
    /// A resolution.
    Resolution,
    /// A decision.
    Decision,
}

const BODIES: [(&str, Body); 7] = [
    (
        "economic and social council ",
        Body::EconomicAndSocialCouncil,
    ),
    ("commission on human rights ", Body::CommissionOnHumanRights),
    ("human rights council ", Body::HumanRightsCouncil),
    ("security council ", Body::SecurityCouncil),
    ("general assembly ", Body::GeneralAssembly),
    ("assembly ", Body::GeneralAssembly),
    ("council ", Body::SecurityCouncil),
];

impl Symbol {
    /// Parses a symbol the way people write it, besides every canonical
    /// form: `76/19`, `43/78 H`, `resolution 2625 (XXV)`, `ES-10/19`,
    /// `decision 75/564`, `1373 (2001)`, `Security Council resolution
    /// 1373 (2001)`, `Economic and Social Council resolution 1996/31`,
    /// `Human Rights Council resolution 47/16`, in any letter case.
    ///
    /// Bare `session/number` means the General Assembly, as it does in
    /// the Assembly's own texts; a four-digit first part (`1996/31`) is a
    /// year and so the Economic and Social Council.
    ///
    /// # Errors
    ///
    /// A [`ParseError`] when `input` is no symbol in any of the accepted
    /// forms.
    ///
    /// ```
    /// use resgraph_symbol::Symbol;
    /// for (typed, canonical) in [
    ///     ("76/19", "A/RES/76/19"),
    ///     ("a/res/76/19", "A/RES/76/19"),
    ///     ("decision 75/564", "A/DEC/75/564"),
    ///     ("resolutions 3419 A (XXX)", "A/RES/3419 A (XXX)"),
    ///     ("Human Rights Council resolution 47/16", "A/HRC/RES/47/16"),
    ///     ("1996/31", "E/RES/1996/31"),
    /// ] {
    ///     assert_eq!(Symbol::parse_loose(typed).unwrap().to_string(), canonical);
    /// }
    /// assert!(Symbol::parse_loose("resolution").is_err());
    /// ```
    pub fn parse_loose(input: &str) -> Result<Symbol, ParseError> {
        if let Ok(symbol) = parse_canonical(input) {
            return Ok(symbol);
        }
        if input.len() > 200 {
            return Err(ParseError::new(input, "a symbol of at most 200 bytes"));
        }
        let text = normalize_spaces(input);
        let lower = text.to_lowercase();
        let mut rest: &str = &lower;
        let mut body = None;
        if let Some(r) = rest.strip_prefix("the ") {
            rest = r;
        }
        for (name, b) in BODIES {
            if let Some(r) = rest.strip_prefix(name) {
                body = Some(b);
                rest = r;
                break;
            }
        }
        let mut act = Act::Resolution;
        for (word, a) in [
            ("resolutions ", Act::Resolution),
            ("resolution ", Act::Resolution),
            ("decisions ", Act::Decision),
            ("decision ", Act::Decision),
        ] {
            if let Some(r) = rest.strip_prefix(word) {
                act = a;
                rest = r;
                break;
            }
        }
        from_parts(rest.trim(), body, act).ok_or_else(|| {
            ParseError::new(
                input,
                "a symbol such as A/RES/76/19, 76/19, 2625 (XXV), 1373 (2001) or A/65/201",
            )
        })
    }

    /// Builds the symbol that a running-text number means, given the body
    /// named before it (or implied by "its") and whether it is a
    /// resolution or a decision: `("47/16", HumanRightsCouncil,
    /// Resolution)` is `A/HRC/RES/47/16`.
    ///
    /// The number text is one of `76/19`, `43/78 H`, `S-8/1`, `ES-10/19`,
    /// `2625 (XXV)`, `217 A (III)`, `3362 (S-VII)`, `1373 (2001)`,
    /// `1996/31`. Returns `None` when the combination cannot exist (a
    /// Security Council resolution without its year, a GA decision in
    /// roman form).
    ///
    /// ```
    /// use resgraph_symbol::{Act, Body, Symbol};
    /// let s = Symbol::from_reference("20/8", Some(Body::HumanRightsCouncil), Act::Resolution);
    /// assert_eq!(s.unwrap().to_string(), "A/HRC/RES/20/8");
    /// ```
    pub fn from_reference(number_text: &str, body: Option<Body>, act: Act) -> Option<Symbol> {
        from_parts(number_text, body, act)
    }
}

fn from_parts(rest: &str, body: Option<Body>, act: Act) -> Option<Symbol> {
    let upper = crate::parse::ascii_uppercase(rest);
    let rest: &str = &upper;
    if let Some(open) = rest.find('(') {
        let inside = rest[open..].strip_prefix('(')?.strip_suffix(')')?.trim();
        let head = rest[..open].trim_end();
        if let Some(year) = parse_year(inside) {
            // `1373 (2001)`: only the Security Council numbers this way.
            if matches!(body, None | Some(Body::SecurityCouncil)) && act == Act::Resolution {
                let number = parse_number(head, MAX_NUMBER)?;
                return Some(Symbol::ScResolution { number, year });
            }
            return None;
        }
        let (number, part) = number_part(head)?;
        if body == Some(Body::EconomicAndSocialCouncil) {
            let session = crate::roman::from_roman(inside)?;
            return (part.is_none() && act == Act::Resolution)
                .then_some(Symbol::EcosocRomanResolution { number, session });
        }
        if !matches!(body, None | Some(Body::GeneralAssembly)) || act != Act::Resolution {
            return None;
        }
        let session = GaSession::parse_roman(inside)?;
        return Some(Symbol::GaResolution {
            session,
            number,
            part,
            style: GaStyle::Roman,
        });
    }
    let (first, _) = rest.split_once('/')?;
    let is_year = first.len() == 4 && parse_year(first).is_some();
    match (body, act) {
        (Some(Body::HumanRightsCouncil), _) => {
            let (session, number) = crate::parse::hrc_session_number(rest)?;
            Some(match act {
                Act::Resolution => Symbol::HrcResolution { session, number },
                Act::Decision => Symbol::HrcDecision { session, number },
            })
        }
        (Some(Body::CommissionOnHumanRights), Act::Resolution) if is_year => {
            let (year, number) = year_number(rest)?;
            Some(Symbol::ChrResolution { year, number })
        }
        (Some(Body::EconomicAndSocialCouncil) | None, _) if is_year => {
            let (head, part) = match rest.split_once(' ') {
                Some((head, letters)) if act == Act::Decision => {
                    (head, Some(Part::from_letters(letters)?))
                }
                Some(_) => return None,
                None => (rest, None),
            };
            let (year, number) = year_number(head)?;
            Some(match act {
                Act::Resolution => Symbol::EcosocResolution { year, number },
                Act::Decision => Symbol::EcosocDecision { year, number, part },
            })
        }
        (Some(Body::GeneralAssembly) | None, _) => {
            let (session, number, part) = ga_modern(rest)?;
            Some(match act {
                Act::Resolution => Symbol::GaResolution {
                    session,
                    number,
                    part,
                    style: GaStyle::Modern,
                },
                Act::Decision => Symbol::GaDecision {
                    session,
                    number,
                    part,
                },
            })
        }
        _ => None,
    }
}

fn number_part(text: &str) -> Option<(u32, Option<Part>)> {
    match text.split_once(' ') {
        Some((digits, letters)) if letters.len() <= 2 => Some((
            parse_number(digits, MAX_NUMBER)?,
            Some(Part::from_letters(letters)?),
        )),
        Some(_) => None,
        None => Some((parse_number(text, MAX_NUMBER)?, None)),
    }
}

fn year_number(text: &str) -> Option<(u16, u32)> {
    let (year, number) = text.split_once('/')?;
    Some((parse_year(year)?, parse_number(number, MAX_NUMBER)?))
}

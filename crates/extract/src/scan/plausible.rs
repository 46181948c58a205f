//! What a number can be: an Assembly resolution number beyond any
//! session's count is a decision or carries a glued footnote mark.

use resgraph_symbol::Symbol;

/// The highest number the Human Rights Council has given a resolution in
/// one session, with room (about fifty a session).
pub(super) const MAX_COUNCIL_NUMBER: u32 = 80;

/// The highest number the Assembly has given a resolution in one regular
/// session since the 31st, with room (about 340).
pub(super) const MAX_ASSEMBLY_RESOLUTION: u32 = 400;

/// What a modern Assembly resolution number beyond any session's count
/// is: with a footnote mark glued on (`78/22127` is 78/221 and mark 27,
/// `59/3009` is 59/300 and mark 9), the number without it; from 401 to
/// 999, when no word says "resolution" (`decision_range`), a decision
/// (`69/560` in a run of "decisions 66/566 ..., 69/560"), the Assembly
/// numbering its decisions 4xx and 5xx.
pub(super) fn assembly_number(symbol: Symbol, decision_range: bool) -> Symbol {
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
            Symbol::GaResolution {
                session,
                number: without_glued_mark(number, MAX_ASSEMBLY_RESOLUTION),
                part,
                style,
            }
        }
        Symbol::HrcResolution { session, number } if number > 999 => Symbol::HrcResolution {
            session,
            number: without_glued_mark(number, MAX_COUNCIL_NUMBER),
        },
        other => other,
    }
}

/// `22127` → `221` for a series that never passes 400: the trailing
/// digits of a footnote mark dropped until the number fits.
fn without_glued_mark(mut number: u32, max: u32) -> u32 {
    while number > max {
        number /= 10;
    }
    number
}

/// The session of a modern General Assembly number, if the symbol is one.
pub(super) fn assembly_session(symbol: &Symbol) -> Option<u16> {
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

//! Symbol parsing on arbitrary strings: never panics, and whatever parses
//! prints back to text that parses to the same value (canonically and,
//! for `parse_loose`, loosely too).
#![no_main]
#![forbid(unsafe_code)]

use libfuzzer_sys::fuzz_target;
use resgraph_symbol::{Act, Body, Symbol};

fn round_trip(symbol: &Symbol, input: &str) {
    let printed = symbol.to_string();
    let again: Symbol = printed
        .parse()
        .unwrap_or_else(|e| panic!("{input:?} -> {printed:?} does not parse back: {e}"));
    assert_eq!(&again, symbol, "{input:?} -> {printed:?}");
    assert_eq!(again.to_string(), printed);
    let loose = Symbol::parse_loose(&printed)
        .unwrap_or_else(|e| panic!("{printed:?} does not parse loosely: {e}"));
    assert_eq!(&loose, symbol, "{input:?} -> {printed:?} (loose)");
    // Every accessor runs without panicking.
    let _ = (
        symbol.kind(),
        symbol.organ(),
        symbol.short(),
        symbol.file_stem(),
        symbol.approximate_year(),
        symbol.ga_session(),
        symbol.without_part(),
    );
    assert_eq!(symbol.cmp(&again), std::cmp::Ordering::Equal);
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(symbol) = input.parse::<Symbol>() {
        round_trip(&symbol, input);
    }
    if let Ok(symbol) = Symbol::parse_loose(input) {
        round_trip(&symbol, input);
    }
    for body in [
        None,
        Some(Body::GeneralAssembly),
        Some(Body::SecurityCouncil),
        Some(Body::EconomicAndSocialCouncil),
        Some(Body::HumanRightsCouncil),
        Some(Body::CommissionOnHumanRights),
    ] {
        for act in [Act::Resolution, Act::Decision] {
            if let Some(symbol) = Symbol::from_reference(input, body, act) {
                round_trip(&symbol, input);
            }
        }
    }
    let _ = resgraph_symbol::roman::from_roman(input);
});

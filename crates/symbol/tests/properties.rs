//! Property tests: every symbol prints back to itself; no string makes
//! parsing panic; the order is total and agrees with equality.

use proptest::prelude::*;
use resgraph_symbol::{GaSession, GaStyle, Part, Symbol, MAX_NUMBER};

fn part() -> impl Strategy<Value = Option<Part>> {
    prop_oneof![
        Just(None),
        (b'A'..=b'Z').prop_map(|b| Part::from_letter(char::from(b)))
    ]
}

fn ga_session(max: u16) -> impl Strategy<Value = GaSession> {
    prop_oneof![
        (1..=max).prop_map(GaSession::Regular),
        (1..=40u16).prop_map(GaSession::Special),
        (1..=15u16).prop_map(GaSession::EmergencySpecial),
    ]
}

fn hrc_session() -> impl Strategy<Value = GaSession> {
    prop_oneof![
        (1..=999u16).prop_map(GaSession::Regular),
        (1..=99u16).prop_map(GaSession::Special)
    ]
}

fn number() -> impl Strategy<Value = u32> {
    1..=MAX_NUMBER
}

fn year() -> impl Strategy<Value = u16> {
    1945..=2199u16
}

fn document() -> impl Strategy<Value = Symbol> {
    let component = prop_oneof![
        "[0-9]{1,4}",
        "[A-Z]{1,4}",
        "(C|AC|CN|CONF|WG)\\.[0-9]{1,3}",
        "(L|PV|SR)\\.[0-9]{1,3}",
        "(Add|Rev|Corr|Amend)\\.[0-9]{1,2}",
    ];
    (
        prop_oneof![Just("A"), Just("S"), Just("E"), Just("ST"), Just("CRC")],
        "[0-9]{1,4}",
        proptest::collection::vec(component, 0..4),
    )
        .prop_filter_map("not a document symbol", |(series, first, rest)| {
            let mut text = format!("{series}/{first}");
            for c in rest {
                text.push('/');
                text.push_str(&c);
            }
            match text.parse::<Symbol>() {
                Ok(s @ Symbol::Document(_)) => Some(s),
                _ => None,
            }
        })
}

fn symbol() -> impl Strategy<Value = Symbol> {
    prop_oneof![
        (ga_session(999), number(), part()).prop_map(|(session, number, part)| {
            Symbol::GaResolution {
                session,
                number,
                part,
                style: GaStyle::Modern,
            }
        }),
        (ga_session(399), number(), part()).prop_map(|(session, number, part)| {
            Symbol::GaResolution {
                session,
                number,
                part,
                style: GaStyle::Roman,
            }
        }),
        (ga_session(999), number(), part()).prop_map(|(session, number, part)| {
            Symbol::GaDecision {
                session,
                number,
                part,
            }
        }),
        (number(), year()).prop_map(|(number, year)| Symbol::ScResolution { number, year }),
        (year(), number()).prop_map(|(year, number)| Symbol::EcosocResolution { year, number }),
        (number(), 1..=399u16)
            .prop_map(|(number, session)| Symbol::EcosocRomanResolution { number, session }),
        (year(), number(), part()).prop_map(|(year, number, part)| Symbol::EcosocDecision {
            year,
            number,
            part
        }),
        (hrc_session(), number())
            .prop_map(|(session, number)| Symbol::HrcResolution { session, number }),
        (hrc_session(), number())
            .prop_map(|(session, number)| Symbol::HrcDecision { session, number }),
        (year(), number()).prop_map(|(year, number)| Symbol::ChrResolution { year, number }),
        document(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn parse_display_round_trips(sym in symbol()) {
        let text = sym.to_string();
        prop_assert_eq!(text.parse::<Symbol>().unwrap(), sym.clone(), "{}", text);
        prop_assert_eq!(Symbol::parse_loose(&text).unwrap(), sym.clone());
        prop_assert_eq!(text.to_lowercase().parse::<Symbol>().unwrap(), sym);
    }

    #[test]
    fn serde_round_trips(sym in symbol()) {
        let json = serde_json::to_string(&sym).unwrap();
        prop_assert_eq!(json.clone(), format!("{:?}", sym.to_string()));
        let back: Symbol = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, sym);
    }

    #[test]
    fn short_form_parses_back_loosely(sym in symbol()) {
        // The short form of a GA resolution is what texts print.
        if matches!(sym, Symbol::GaResolution { .. }) {
            prop_assert_eq!(Symbol::parse_loose(&sym.short()).unwrap(), sym);
        }
    }

    #[test]
    fn order_is_total_and_agrees_with_eq(a in symbol(), b in symbol(), c in symbol()) {
        use std::cmp::Ordering::*;
        prop_assert_eq!(a.cmp(&b) == Equal, a == b);
        prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        if a <= b && b <= c {
            prop_assert!(a <= c);
        }
    }

    #[test]
    fn no_string_makes_parsing_panic(text in any::<String>()) {
        let _ = text.parse::<Symbol>();
        let _ = Symbol::parse_loose(&text);
    }

    #[test]
    fn no_symbol_like_string_makes_parsing_panic(text in "[AESaes0-9/ ().\\-RESDCHRVXLIa-z\\[\\]]{0,40}") {
        if let Ok(sym) = text.parse::<Symbol>() {
            // Whatever parses prints back to something that parses the same.
            prop_assert_eq!(sym.to_string().parse::<Symbol>().unwrap(), sym);
        }
        if let Ok(sym) = Symbol::parse_loose(&text) {
            prop_assert_eq!(sym.to_string().parse::<Symbol>().unwrap(), sym);
        }
    }
}

#[test]
fn canonical_forms_of_the_citation_guide() {
    for (input, canonical) in [
        ("A/RES/76/19", "A/RES/76/19"),
        ("A/RES/43/78 H", "A/RES/43/78 H"),
        ("A/RES/2625 (XXV)", "A/RES/2625 (XXV)"),
        ("A/RES/217 A (III)", "A/RES/217 A (III)"),
        ("A/RES/S-8/1", "A/RES/S-8/1"),
        ("A/RES/3362 (S-VII)", "A/RES/3362 (S-VII)"),
        ("A/RES/ES-10/19", "A/RES/ES-10/19"),
        ("A/RES/1000 (ES-I)", "A/RES/1000 (ES-I)"),
        ("A/DEC/75/564", "A/DEC/75/564"),
        ("A/DEC/ES-7/11", "A/DEC/ES-7/11"),
        ("S/RES/1373 (2001)", "S/RES/1373 (2001)"),
        ("S/RES/15(1946)", "S/RES/15 (1946)"),
        ("A/RES/181(II)[A]", "A/RES/181 A (II)"),
        ("E/RES/1996/31", "E/RES/1996/31"),
        ("E/DEC/2025/218 A", "E/DEC/2025/218 A"),
        ("E/RES/2008 (LX)", "E/RES/2008 (LX)"),
        ("A/HRC/RES/47/16", "A/HRC/RES/47/16"),
        ("A/HRC/RES/S-28/1", "A/HRC/RES/S-28/1"),
        ("A/RES/53/77 AA", "A/RES/53/77 AA"),
        ("E/CN.4/RES/2005/45", "E/CN.4/RES/2005/45"),
        ("A/65/201", "A/65/201"),
        ("a/c.1/77/l.73", "A/C.1/77/L.73"),
        ("E/CN.4/2005/L.10/ADD.17", "E/CN.4/2005/L.10/Add.17"),
        ("A/HRC/47/16/Rev.1", "A/HRC/47/16/Rev.1"),
        ("A/RES/76/19/Corr.1", "A/RES/76/19/Corr.1"),
        ("S/2023/123", "S/2023/123"),
    ] {
        let sym: Symbol = input.parse().unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(sym.to_string(), canonical, "{input}");
    }
}

#[test]
fn malformed_symbols_are_refused_with_a_reason() {
    for bad in [
        "",
        "A/RES/",
        "A/RES/0/0",
        "S/RES/1373",
        "A/RES/2625 (XXY)",
        "A/RES/76/19 HX",
        "76/19",
        "X/12/3",
        "A/",
        "A/RES/1234567/1",
        &format!("A/RES/76/{}", "9".repeat(10_000)),
    ] {
        let err = bad.parse::<Symbol>().unwrap_err();
        assert!(!err.expected.is_empty(), "{bad}");
    }
}

#[test]
fn chronological_order() {
    let mut symbols: Vec<Symbol> = [
        "76/19",
        "2625 (XXV)",
        "1373 (2001)",
        "76/240",
        "43/78 H",
        "S-8/1",
        "53/70",
    ]
    .iter()
    .map(|s| Symbol::parse_loose(s).unwrap())
    .collect();
    symbols.sort();
    let shorts: Vec<String> = symbols.iter().map(|s| s.short()).collect();
    assert_eq!(
        shorts,
        [
            "2625 (XXV)",
            "S-8/1",
            "43/78 H",
            "53/70",
            "1373 (2001)",
            "76/19",
            "76/240"
        ]
    );
}

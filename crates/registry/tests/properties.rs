//! Property tests: writing and reading back a registry changes nothing,
//! and no input makes the reader panic.

use proptest::prelude::*;
use resgraph_registry::{Date, Registry, Source, Symbol};
use resgraph_symbol::{GaSession, GaStyle, Part};

fn part() -> impl Strategy<Value = Option<Part>> {
    prop::option::of((b'A'..=b'Z').prop_map(|b| Part::from_letter(char::from(b)).unwrap()))
}

fn symbol() -> impl Strategy<Value = Symbol> {
    prop_oneof![
        (31u16..=99, 1u32..=400, part()).prop_map(|(s, number, part)| Symbol::GaResolution {
            session: GaSession::Regular(s),
            number,
            part,
            style: GaStyle::Modern,
        }),
        (1u16..=30, 1u32..=3600, part()).prop_map(|(s, number, part)| Symbol::GaResolution {
            session: GaSession::Regular(s),
            number,
            part,
            style: GaStyle::Roman,
        }),
        (1u16..=11, 1u32..=40).prop_map(|(s, number)| Symbol::GaResolution {
            session: GaSession::EmergencySpecial(s),
            number,
            part: None,
            style: GaStyle::Modern,
        }),
        (1u32..=2800, 1946u16..=2030)
            .prop_map(|(number, year)| Symbol::ScResolution { number, year }),
        (31u16..=80, 401u32..=600).prop_map(|(s, number)| Symbol::GaDecision {
            session: GaSession::Regular(s),
            number,
            part: None,
        }),
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (1946u16..=2030, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn source() -> impl Strategy<Value = Source> {
    prop_oneof![
        Just(Source::TextHeading),
        Just(Source::Igov),
        Just(Source::IgovEarliest),
        Just(Source::Undl),
        Just(Source::Unvotes),
        Just(Source::Metadata7880),
        Just(Source::MetadataIct),
        Just(Source::Marc993),
        (0u32..1000).prop_map(Source::CitedByTexts),
        "[a-z][a-z0-9.-]{0,8}(\\([1-9][0-9]{0,3}\\))?"
            .prop_filter("not a known tag", |t| matches!(
                t.parse::<Source>(),
                Ok(Source::Other(_))
            ))
            .prop_map(Source::Other),
    ]
}

/// What can be said about a symbol.
#[derive(Debug, Clone)]
enum Op {
    Date(Symbol, Date, Source),
    Title(Symbol, String, Source),
    Seen(Symbol, Source),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (symbol(), date(), source()).prop_map(|(s, d, src)| Op::Date(s, d, src)),
        // Titles with tabs, line breaks, backslashes and non-ASCII text.
        (symbol(), "[ -~\t\n\r\\\\é’ß]{1,40}", source())
            .prop_map(|(s, t, src)| Op::Title(s, t, src)),
        (symbol(), source()).prop_map(|(s, src)| Op::Seen(s, src)),
    ]
}

fn registry_from(ops: &[Op]) -> Registry {
    let mut registry = Registry::new();
    for op in ops {
        match op.clone() {
            Op::Date(s, d, src) => {
                registry.add_evidence(s, d, src);
            }
            Op::Title(s, t, src) => {
                registry.add_title(s, &t, src);
            }
            Op::Seen(s, src) => registry.add_seen(s, src),
        }
    }
    registry
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn to_tsv_from_tsv_round_trips(ops in prop::collection::vec(op(), 0..60)) {
        let registry = registry_from(&ops);
        let text = registry.to_tsv();
        let again = Registry::from_tsv(&text).unwrap();
        prop_assert_eq!(again.len(), registry.len());
        prop_assert!(again.iter().eq(registry.iter()));
        prop_assert_eq!(again.to_tsv(), text);
        prop_assert_eq!(again.session_counts_to_tsv(), registry.session_counts_to_tsv());
    }

    #[test]
    fn merge_into_empty_is_a_copy(ops in prop::collection::vec(op(), 0..40)) {
        let registry = registry_from(&ops);
        let mut copy = Registry::new();
        copy.merge(Registry::from_tsv(&registry.to_tsv()).unwrap());
        prop_assert_eq!(copy.to_tsv(), registry.to_tsv());
    }

    #[test]
    fn reading_never_panics(text in "([ -~\t\n\\\\]{0,30}\n){0,8}") {
        let (_, errors) = Registry::from_tsv_lenient(&text);
        let strict = Registry::from_tsv(&text);
        prop_assert_eq!(strict.is_err(), !errors.is_empty());
        if let Err(e) = strict {
            prop_assert_eq!(e.line(), errors[0].line());
        }
    }

    #[test]
    fn fill_never_overrides(ops in prop::collection::vec(op(), 0..30),
                            cited in prop::collection::vec((symbol(), date()), 0..30)) {
        let mut registry = registry_from(&ops);
        let before: Vec<(Symbol, Option<Date>)> =
            registry.iter().map(|e| (e.symbol.clone(), e.adopted)).collect();
        registry.fill_from_citations(cited.clone());
        for (symbol, date) in before {
            if date.is_some() {
                prop_assert_eq!(registry.adoption_date(&symbol), date);
            }
        }
        for (symbol, _) in cited {
            prop_assert!(registry.adoption_date(&symbol).is_some());
        }
    }
}

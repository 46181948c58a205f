//! The registry shipped in `data/registry/`.

use resgraph_registry::{Date, GaSession, Registry, Source, Symbol};

fn sym(text: &str) -> Symbol {
    text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn day(text: &str) -> Date {
    text.parse().unwrap()
}

#[test]
fn shipped_files_parse_and_are_canonical() {
    let registry = Registry::from_tsv(resgraph_registry::BUNDLED_REGISTRY_TSV).unwrap();
    // The shipped file is exactly what the writer produces: no stray
    // hand edits, stable order.
    assert_eq!(registry.to_tsv(), resgraph_registry::BUNDLED_REGISTRY_TSV);
    let bundled = Registry::bundled_ref();
    assert_eq!(
        bundled.adopted_from_to_tsv(),
        resgraph_registry::BUNDLED_ADOPTED_FROM_TSV
    );
    assert_eq!(
        bundled.session_counts_to_tsv(),
        include_str!("../../../data/registry/session_counts.tsv"),
        "session_counts.tsv is what the registry says"
    );
    assert!(bundled.len() > 11_000, "{}", bundled.len());
}

#[test]
fn recorded_vote_71_28() {
    let registry = Registry::bundled_ref();
    let entry = registry
        .get(&sym("A/RES/71/28"))
        .expect("71/28 is in the registry");
    assert_eq!(entry.adopted, Some(day("2016-12-05")));
    assert_eq!(entry.sources.date.first(), Some(&Source::Undl));
    assert_eq!(
        entry.title.as_deref(),
        Some("Developments in the field of information and telecommunications in the context of international security")
    );
}

#[test]
fn security_council_1373() {
    let registry = Registry::bundled_ref();
    assert_eq!(
        registry.adoption_date(&sym("S/RES/1373 (2001)")),
        Some(day("2001-09-28"))
    );
    // The Digital Library's spelling reaches the same entry.
    assert_eq!(
        registry.adoption_date(&sym("S/RES/1373(2001)")),
        Some(day("2001-09-28"))
    );
}

#[test]
fn resolution_78_16_date_and_title() {
    let registry = Registry::bundled_ref();
    let entry = registry.get(&sym("A/RES/78/16")).unwrap();
    assert_eq!(entry.adopted, Some(day("2023-12-04")));
    // The date printed in the text, confirmed by the Digital Library.
    assert_eq!(entry.sources.date, [Source::TextHeading, Source::Undl]);
    let title = registry.title(&sym("A/RES/78/16")).unwrap();
    assert!(
        title.starts_with("Programme of action to advance responsible State behaviour"),
        "{title}"
    );
    assert!(!title.contains("resolution /"), "{title}");
}

#[test]
fn adopted_without_a_vote_comes_from_the_text() {
    // 76/19 was adopted without a vote: no Digital Library voting record,
    // only the date printed in its text, which its XML states alike.
    let registry = Registry::bundled_ref();
    let entry = registry.get(&sym("A/RES/76/19")).unwrap();
    assert_eq!(entry.adopted, Some(day("2021-12-06")));
    assert_eq!(
        entry.sources.date,
        [
            Source::TextHeading,
            Source::Akn(resgraph_registry::AknCollection::GeneralAssembly)
        ]
    );
    // The XML's printed title ranks with the texts' own metadata.
    assert_eq!(
        entry.sources.title,
        Some(Source::Akn(
            resgraph_registry::AknCollection::GeneralAssembly
        ))
    );
}

#[test]
fn decisions_and_links() {
    let registry = Registry::bundled_ref();
    let decision = registry.get(&sym("A/DEC/75/564")).unwrap();
    assert!(decision.adopted.is_some());
    assert!(matches!(
        decision.sources.date[0],
        Source::Igov | Source::IgovEarliest
    ));
    assert_eq!(
        registry.adopted_from(&sym("A/RES/78/213")),
        [sym("A/C.3/78/L.49/Rev.1")]
    );
    assert_eq!(
        registry.adopted_as(&sym("A/C.3/78/L.26")),
        [sym("A/RES/78/183 A")]
    );
    // No decision carries the iGov export's empty date.
    assert!(registry
        .iter()
        .all(|e| e.adopted != Some(day("1969-12-31"))));
}

#[test]
fn session_maxima() {
    let registry = Registry::bundled_ref();
    let (n78, source) = registry.max_number(GaSession::Regular(78)).unwrap();
    assert_eq!(n78, 331);
    assert_eq!(source, &Source::TextHeading);
    assert!(registry.max_number(GaSession::Regular(80)).unwrap().0 >= 246);
    assert!(registry
        .max_number(GaSession::EmergencySpecial(10))
        .is_some());
}

#[test]
fn no_dates_from_unvotes_sessions_with_a_wrong_day() {
    // Before session 58 the unvotes day of month is wrong; no entry of
    // those sessions may take its date from unvotes.
    let registry = Registry::bundled_ref();
    for entry in registry.iter() {
        if entry.sources.date.first() == Some(&Source::Unvotes) {
            let session = entry.symbol.ga_session().unwrap();
            assert!(session >= 58, "{}", entry.symbol);
        }
    }
}

#[test]
fn every_entry_is_a_resolution_or_decision_with_a_source() {
    let registry = Registry::bundled_ref();
    for entry in registry.iter() {
        assert!(entry.symbol.is_resolution_or_decision(), "{}", entry.symbol);
        assert!(entry.sources.primary().is_some(), "{}", entry.symbol);
    }
}

#[test]
fn bundled_is_an_owned_copy() {
    let mut mine = Registry::bundled();
    let before = Registry::bundled_ref().len();
    mine.add_evidence(
        sym("A/RES/53/70"),
        day("1998-12-04"),
        Source::CitedByTexts(3),
    );
    assert_eq!(Registry::bundled_ref().len(), before);
    assert!(mine.len() >= before);
}

#[test]
fn sessions_listed_whole() {
    let registry = Registry::bundled_ref();
    // The XML of sessions 75-77 and the texts of 78-79 reach each session's end.
    for (session, highest) in [(75, 328), (76, 307), (77, 338), (78, 331), (79, 334)] {
        let whole = registry
            .complete_session(GaSession::Regular(session))
            .unwrap_or_else(|| panic!("session {session}"));
        assert_eq!(whole.highest, highest, "session {session}");
    }
    // Session 80 was still sitting; session 60 is known from recorded votes only
    // (60/288 exists though the registry knows no number that high).
    assert!(registry.complete_session(GaSession::Regular(80)).is_none());
    assert!(registry.complete_session(GaSession::Regular(60)).is_none());
}

#[test]
fn xml_registries_cover_other_organs() {
    let registry = Registry::bundled_ref();
    // ECOSOC numbers by session year: E/RES/2021/1 was adopted in July 2020.
    assert_eq!(
        registry.adoption_date(&sym("E/RES/2021/1")),
        Some(day("2020-07-21"))
    );
    assert_eq!(
        registry.adoption_date(&sym("A/HRC/RES/54/5")),
        Some(day("2023-10-11"))
    );
    assert!(registry.title(&sym("A/RES/76/305")).is_some());
    assert!(registry.adoption_date(&sym("S/RES/2825 (2026)")).is_some());
}

#[test]
fn disputed_dates_are_shipped() {
    // Two sources, two dates, and the citing texts give a third.
    let registry = Registry::bundled_ref();
    let disputed = registry.date_conflicts(&sym("A/RES/62/249"));
    assert_eq!(disputed.len(), 1);
    assert_eq!(disputed[0].kept, day("2008-04-15"));
    assert_eq!(disputed[0].other, day("2008-04-14"));
}

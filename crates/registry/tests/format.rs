//! Reading and writing the registry format, and the evidence rules.

use resgraph_registry::{Date, Evidence, Registry, RegistryError, Source, Symbol};

fn sym(text: &str) -> Symbol {
    text.parse().unwrap()
}

fn day(text: &str) -> Date {
    text.parse().unwrap()
}

const GOOD: &str = "#symbol\tadopted\ttitle\tsources\n\
A/RES/78/16\t2023-12-04\tProgramme of action\tdate:text-heading,undl;title:undl;seen:metadata-78-80\n\
\n\
S/RES/1373 (2001)\t2001-09-28\tSecurity Council resolution 1373 (2001)\tdate:undl;title:undl\n\
A/RES/78/183 A\t\t\tseen:marc-993\n\
A/DEC/75/564\t2021-04-28\tTab\\there and a \\\\ backslash\tdate:igov;title:igov\n";

#[test]
fn reads_a_good_file() {
    let registry = Registry::from_tsv(GOOD).unwrap();
    assert_eq!(registry.len(), 4);
    let entry = registry.get(&sym("A/RES/78/16")).unwrap();
    assert_eq!(entry.adopted, Some(day("2023-12-04")));
    assert_eq!(entry.sources.date, [Source::TextHeading, Source::Undl]);
    assert_eq!(entry.sources.seen, [Source::Metadata7880]);
    assert_eq!(
        registry.title(&sym("A/DEC/75/564")),
        Some("Tab\there and a \\ backslash")
    );
    assert_eq!(registry.get(&sym("A/RES/78/183 A")).unwrap().adopted, None);
    // Written back in chronological order, byte for byte the same lines.
    let again = registry.to_tsv();
    let mut want: Vec<&str> = GOOD.lines().filter(|l| !l.is_empty()).collect();
    let mut got: Vec<&str> = again.lines().collect();
    want.sort_unstable();
    got.sort_unstable();
    assert_eq!(got, want);
    let order: Vec<String> = registry.iter().map(|e| e.symbol.to_string()).collect();
    assert_eq!(
        order,
        [
            "S/RES/1373 (2001)",
            "A/DEC/75/564",
            "A/RES/78/16",
            "A/RES/78/183 A"
        ]
    );
}

fn error_of(text: &str) -> RegistryError {
    Registry::from_tsv(text).expect_err(text)
}

fn expected_of(err: &RegistryError) -> &'static str {
    match err {
        RegistryError::Malformed { expected, .. } => expected,
        other => panic!("not Malformed: {other:?}"),
    }
}

#[test]
fn malformed_lines_are_typed_errors_naming_the_line() {
    let header = "#symbol\tadopted\ttitle\tsources\n";
    let ok = "A/RES/76/19\t2021-12-06\t\tdate:text-heading\n";
    let cases: [(&str, &str); 10] = [
        ("A/RES/76/20\t2021-12-06\tTitle\n", "4 tab-separated fields"),
        (
            "A/RES/76/20\t2021-12-06\t\tdate:undl\textra\n",
            "4 tab-separated fields",
        ),
        ("resolution 76/20\t2021-12-06\t\tdate:undl\n", "symbol"),
        ("A/RES/76/20\t6 December 2021\t\tdate:undl\n", "YYYY-MM-DD"),
        ("A/RES/76/20\t2021-02-30\t\tdate:undl\n", "YYYY-MM-DD"),
        ("A/RES/76/20\t\tBad \\q escape\ttitle:undl\n", "escape"),
        ("A/RES/76/20\t2021-12-06\t\tdate:UNDL\n", "sources"),
        ("A/RES/76/20\t2021-12-06\t\t\n", "at least one source"),
        ("A/RES/76/20\t2021-12-06\t\tseen:undl\n", "date: source"),
        ("A/RES/76/20\t\tA title\tseen:undl\n", "title: source"),
    ];
    for (bad, want) in cases {
        let text = format!("{header}{ok}{bad}{ok}");
        let err = error_of(&text);
        assert_eq!(err.line(), 3, "{bad:?}: {err}");
        assert!(
            expected_of(&err).contains(want),
            "{bad:?}: expected {want:?} in {err}"
        );
        // The message names the line.
        assert!(err.to_string().starts_with("line 3: expected "), "{err}");
    }
}

#[test]
fn a_repeated_symbol_is_an_error() {
    let text = "A/RES/76/19\t2021-12-06\t\tdate:undl\n# comment\nA/RES/76/19\t\t\tseen:undl\n";
    assert_eq!(
        error_of(text),
        RegistryError::Duplicate {
            line: 3,
            symbol: "A/RES/76/19".into(),
            first: 1
        }
    );
}

#[test]
fn lenient_reading_reports_every_bad_line() {
    let text = "x\nA/RES/76/19\t2021-12-06\t\tdate:undl\nA/RES/76/20\tnope\t\tdate:undl\n\nS/RES/1 (1946)\t\t\tseen:undl\n";
    let (registry, errors) = Registry::from_tsv_lenient(text);
    assert_eq!(registry.len(), 2);
    let lines: Vec<usize> = errors.iter().map(RegistryError::line).collect();
    assert_eq!(lines, [1, 3]);
}

#[test]
fn adopted_from_errors() {
    let mut registry = Registry::new();
    let err = registry
        .load_adopted_from("#draft\tresolution\nA/C.3/78/L.1\n")
        .unwrap_err();
    assert_eq!(err.line(), 2);
    let err = registry
        .load_adopted_from("A/C.3/78/L.1\tnot a symbol at all !\n")
        .unwrap_err();
    assert_eq!(err.line(), 1);
}

#[test]
fn evidence_ranks_and_conflicts() {
    let mut registry = Registry::new();
    let s = sym("A/RES/43/87");
    assert_eq!(
        registry.add_evidence(s.clone(), day("1988-12-04"), Source::Unvotes),
        Evidence::New
    );
    // The Digital Library outranks unvotes.
    assert_eq!(
        registry.add_evidence(s.clone(), day("1988-12-07"), Source::Undl),
        Evidence::Replaced {
            previous: day("1988-12-04")
        }
    );
    // The printed date outranks both; here it agrees.
    assert_eq!(
        registry.add_evidence(s.clone(), day("1988-12-07"), Source::TextHeading),
        Evidence::Agreed
    );
    let entry = registry.get(&s).unwrap();
    assert_eq!(
        entry.sources.to_string(),
        "date:text-heading,undl;seen:unvotes"
    );
    assert_eq!(registry.conflicts().len(), 1);
    assert_eq!(registry.conflicts()[0].other, day("1988-12-04"));
    // Same rank, different dates: the earlier is kept.
    let t = sym("A/RES/17 (I)");
    registry.add_evidence(t.clone(), day("1946-01-29"), Source::Undl);
    assert_eq!(
        registry.add_evidence(t.clone(), day("1946-01-26"), Source::Undl),
        Evidence::Replaced {
            previous: day("1946-01-29")
        }
    );
    assert_eq!(
        registry.add_evidence(t.clone(), day("1946-02-01"), Source::Undl),
        Evidence::Conflict {
            kept: day("1946-01-26")
        }
    );
    assert_eq!(registry.conflicts().len(), 3);
    assert!(registry
        .conflicts_to_tsv()
        .contains("A/RES/43/87\t1988-12-07\tundl\t1988-12-04\tunvotes\n"));
}

#[test]
fn titles_follow_their_ranks() {
    let mut registry = Registry::new();
    let s = sym("A/RES/79/9");
    assert!(!registry.add_title(s.clone(), "   ", Source::Undl));
    assert!(registry.is_empty());
    assert!(registry.add_title(s.clone(), "From unvotes", Source::Unvotes));
    assert!(registry.add_title(s.clone(), " From metadata ", Source::Metadata7880));
    assert!(!registry.add_title(s.clone(), "Also metadata", Source::Metadata7880));
    assert_eq!(registry.title(&s), Some("From metadata"));
    assert_eq!(
        registry.get(&s).unwrap().sources.to_string(),
        "title:metadata-78-80;seen:unvotes"
    );
}

#[test]
fn fill_from_citations_majority_then_earliest() {
    let mut registry =
        Registry::from_tsv("A/RES/53/70\t\t\tseen:unvotes\nA/RES/54/49\t1999-12-01\t\tdate:undl\n")
            .unwrap();
    let cited = vec![
        // 53/70: two texts say 4 December, one says 14 December.
        (sym("A/RES/53/70"), day("1998-12-14")),
        (sym("A/RES/53/70"), day("1998-12-04")),
        (sym("A/RES/53/70"), day("1998-12-04")),
        // 54/49 has a date already: untouched.
        (sym("A/RES/54/49"), day("1999-12-09")),
        // 43/78 H is new; a tie goes to the earlier date.
        (sym("A/RES/43/78 H"), day("1988-12-07")),
        (sym("A/RES/43/78 H"), day("1988-12-06")),
    ];
    assert_eq!(registry.fill_from_citations(cited), 2);
    let e = registry.get(&sym("A/RES/53/70")).unwrap();
    assert_eq!(e.adopted, Some(day("1998-12-04")));
    assert_eq!(e.sources.to_string(), "date:cited-by-texts(2);seen:unvotes");
    assert_eq!(
        registry.adoption_date(&sym("A/RES/54/49")),
        Some(day("1999-12-01"))
    );
    let h = registry.get(&sym("A/RES/43/78 H")).unwrap();
    assert_eq!(h.adopted, Some(day("1988-12-06")));
    assert_eq!(h.sources.date, [Source::CitedByTexts(1)]);
    // The minority dates are kept as conflicts.
    assert_eq!(registry.conflicts().len(), 2);
    // Round trip keeps the count in the tag.
    let again = Registry::from_tsv(&registry.to_tsv()).unwrap();
    assert_eq!(
        again.get(&sym("A/RES/53/70")),
        registry.get(&sym("A/RES/53/70"))
    );
}

#[test]
fn merge_adds_evidence_and_links() {
    let mut a = Registry::from_tsv("A/RES/77/37\t2022-12-07\t\tdate:text-heading\n").unwrap();
    let mut b = Registry::from_tsv(
        "A/RES/77/37\t2022-12-08\tProgramme of action\tdate:cited-by-texts(1);title:metadata-ict-73-77\n\
         A/RES/77/36\t2022-12-07\t\tdate:undl\n",
    )
    .unwrap();
    b.add_adoption_link(sym("A/C.1/77/L.73"), sym("A/RES/77/37"));
    a.merge(b);
    assert_eq!(a.len(), 2);
    let e = a.get(&sym("A/RES/77/37")).unwrap();
    assert_eq!(e.adopted, Some(day("2022-12-07")));
    assert_eq!(e.title.as_deref(), Some("Programme of action"));
    assert_eq!(a.conflicts().len(), 1);
    assert_eq!(a.adopted_from(&sym("A/RES/77/37")), [sym("A/C.1/77/L.73")]);
}

#[test]
fn source_tags() {
    for tag in [
        "text-heading",
        "igov",
        "igov-earliest",
        "undl",
        "unvotes",
        "metadata-78-80",
        "metadata-ict-73-77",
        "marc-993",
        "cited-by-texts(12)",
        "my-list",
        "other(3)",
    ] {
        let source: Source = tag.parse().unwrap();
        assert_eq!(source.to_string(), tag);
    }
    for bad in [
        "",
        "UNDL",
        "a,b",
        "x(",
        "x(1)(2)",
        "cited-by-texts(01)",
        "a b",
    ] {
        assert!(bad.parse::<Source>().is_err(), "{bad:?}");
    }
    // An Other tag that could not be read back is written readably.
    assert_eq!(Source::Other("Bad Tag;x".into()).to_string(), "-ad--ag-x");
}

//! Building a registry from small fixtures in the formats of the source
//! metadata files.

use resgraph_registry::{Date, Source, Symbol};
use resgraph_registry_build::build::{build, Inputs};
use resgraph_registry_build::convert::unvotes_symbol;

fn sym(text: &str) -> Symbol {
    text.parse().unwrap()
}

fn day(text: &str) -> Date {
    text.parse().unwrap()
}

const UNDL: &str = "organ,symbol,vote_date,title,meeting_record,committee_reports,agenda,undl_record_id
GA,A/RES/2749(XXV)[B],1970-12-07,Question of Namibia : resolution / adopted by the General Assembly,A/PV.1,A/1,x,1
GA,A/RES/108(II),1947-09-30,Admission of Yemen and Pakistan : resolution / adopted by the General Assembly,A/PV.1,A/1,x,15
GA,A/RES/2800(XXVI),1971-12-14,Something of session 26 : resolution / adopted by the General Assembly,A/PV.1,A/1,x,2
GA,A/RES/43/87,1988-12-07,Preparation of societies for life in peace : resolution / adopted by the General Assembly,A/PV.1,A/1,x,3
GA,A/RES/43/88,1988-12-07,Another one : resolution / adopted by the General Assembly,A/PV.1,A/1,x,4
GA,A/RES/63/10,2008-11-04,Sixty-third session item : resolution / adopted by the General Assembly,A/PV.1,A/1,x,5
GA,A/RES/63/11,2008-11-05,Another of session 63 : resolution / adopted by the General Assembly,A/PV.1,A/1,x,6
GA,A/RES/78/16,2023-12-04,Programme of action to advance responsible State behaviour : resolution / adopted by the General Assembly,A/78/PV.1,A/78/404,x,7
GA,A/RES/33/116[B-IX],1978-12-21,Disarmament commission : resolution / adopted by the General Assembly,A/PV.1,A/1,x,8
GA,A/RES/33/116[B-VIII],1978-12-21,Conditions of service : resolution / adopted by the General Assembly,A/PV.1,A/1,x,9
GA,A/RES/63(I)[PARA.1],1946-12-13,Approval of Trusteeship Agreements [New Guinea] : resolution / adopted by the General Assembly,A/PV.1,A/1,x,10
GA,A/RES/63(I)[PARA.2],1946-12-13,Approval of Trusteeship Agreements [Ruanda-Urundi] : resolution / adopted by the General Assembly,A/PV.1,A/1,x,11
GA,A/RES/79/XX,2025-05-27,A placeholder : resolution / adopted by the General Assembly,A/PV.1,A/1,x,12
SC,S/RES/1373(2001),2001-09-28,Security Council resolution 1373 (2001) [on threats to international peace and security caused by terrorist acts],S/PV.4385,,x,13
";

// Session 1: `unres` numbers are not resolution numbers (1287 lies far
// outside session 1); session 25: in range, dates wrong by day; session
// 43: numbers confirmed, dates wrong by day (ignored); session 63: dates
// agree (used), and 63/12 is known only here.
const UNVOTES: &str = "rcid,session,importantvote,date,unres,amend,para,short,descr
1,1.0,0,1946-12-06,R/1/1287/A,0,0,NEW GUINEA,TO ADOPT SOMETHING
2,25.0,0,1970-12-02,R/25/2749B,,,NAMIBIA,TO ADOPT DRAFT RESOL. ON NAMIBIA
3,43.0,0,1988-12-04,R/43/87,,,LIFE IN PEACE,Preparation of societies for life in peace
4,43.0,0,1988-12-04,R/43/88,1,0,AMENDMENT,An amendment vote
5,63.0,0,2008-11-04,R/63/10,0,0,X,Sixty-third session item : resolution / adopted by the General Assembly
6,63.0,0,2008-11-05,R/63/11,0,0,X,Another of session 63
7,63.0,0,2008-11-06,R/63/12,0,0,X,Only in unvotes
8,63.0,0,2008-11-06,ESS/1/34,0,0,X,Suez
9,43.0,0,1988-12-04,R/43/89,0,0,X,Not in the Digital Library
";

const METADATA: &str = "symbol,kind,file,title,adopted_on,distr_date,adoption_basis,agenda_item,chars
A/80/L.1,draft,drafts-80/A_80_L.1.txt,A draft,,9 September 2025,,,1
A/RES/78/16,resolution,resolutions/A_RES_78_16.txt,78/16. Programme of action to advance responsible State behaviour,4 December 2023,8 December 2023,\"on the report of the First Committee
(A/78/404, para. 14)\",94,1
A/RES/78/17,resolution,resolutions/A_RES_78_17.txt,78/17. Printed date differs,5 December 2023,8 December 2023,x,1,1
";

const DECISIONS: &str = "decision,symbol_guess,file,title,type,agenda_item,originating_body,plenary_committee,session,meetings,disclaimer,chars
75/564,A/DEC/75/564,decisions/A_DEC_75_564.txt,Open-ended working group ,Other Decisions,96,Plenary,Plenary,75th session,72nd plenary meeting 2021-04-28,x,1
71/406 A and B,A/DEC/71/406,decisions/A_DEC_71_406_A_and_B.txt,Appointment of members,Elections,115,Fifth,Fifth,71st,84th plenary meeting 2017-06-01; 68th plenary meeting 1969-12-31; 45th plenary meeting 2016-11-10,x,1
78/528 A,A/DEC/78/528,decisions/A_DEC_78_528_A.txt,Participation,Other,20,Plenary,Plenary,78th,50th plenary meeting 2023-12-07,x,1
\"78/528 B, C and D\",A/DEC/78/528,decisions/A_DEC_78_528_B.txt,Participation,Other,20,Plenary,Plenary,78th,70th plenary meeting 2024-02-07,x,1
";

const MARC: &str = "undl_record_id,symbol,date,title,field,ind1,related_symbol
1,A/C.3/78/L.49/Rev.1,2023-11-08,Digital technologies : revised draft resolution /,993,1,A/RES/78/213
1,A/C.3/78/L.49/Rev.1,2023-11-08,Digital technologies : revised draft resolution /,993,3,A/78/481/Add.2
2,A/C.3/78/L.26,2023-11-01,UNHCR : draft resolution /,993,1,A/RES/78/183 A
";

fn fixture_inputs() -> Inputs {
    let mut undl = UNDL.to_string();
    // Make A/RES/78/17 a recorded vote with another date than its text.
    undl.push_str("GA,A/RES/78/17,2023-12-06,Printed date differs : resolution / adopted by the General Assembly,A/78/PV.1,A/78/1,x,14\n");
    Inputs {
        undl_voting: Some(undl),
        unvotes_roll_calls: Some(UNVOTES.into()),
        voeten_descriptions: None,
        metadata_78_80: Some(METADATA.into()),
        metadata_ict: None,
        decisions: Some(DECISIONS.into()),
        marc_993: Some(MARC.into()),
        akn: [None, None, None, None],
    }
}

#[test]
fn unvotes_symbols_convert() {
    let one = |s: &str| unvotes_symbol(s).unwrap().symbols[0].to_string();
    assert_eq!(one("R/25/2749B"), "A/RES/2749 B (XXV)");
    assert_eq!(one("R/43/87"), "A/RES/43/87");
    assert_eq!(one("R/30/3379"), "A/RES/3379 (XXX)");
    assert_eq!(one("R/31/6A"), "A/RES/31/6 A");
    assert_eq!(one("A/RES/74/19"), "A/RES/74/19");
    assert!(unvotes_symbol("R/10 65").is_err());
    assert!(unvotes_symbol("SS/1/59").is_err());
}

#[test]
fn builds_by_the_rules() {
    let built = build(&fixture_inputs());
    let r = &built.registry;

    // Text heading and Digital Library agree; title from the Library,
    // without its catalogue tail.
    let e = r.get(&sym("A/RES/78/16")).unwrap();
    assert_eq!(e.adopted, Some(day("2023-12-04")));
    assert_eq!(
        e.sources.to_string(),
        "date:text-heading,undl;title:undl;seen:metadata-78-80"
    );
    assert_eq!(
        e.title.as_deref(),
        Some("Programme of action to advance responsible State behaviour")
    );

    // The printed date wins over the vote date, and the conflict is kept.
    assert_eq!(
        r.adoption_date(&sym("A/RES/78/17")),
        Some(day("2023-12-05"))
    );
    let c = r
        .conflicts()
        .iter()
        .find(|c| c.symbol == sym("A/RES/78/17"))
        .unwrap();
    assert_eq!(
        (c.kept_source.clone(), c.other_source.clone()),
        (Source::TextHeading, Source::Undl)
    );
    assert_eq!(c.other, day("2023-12-06"));

    // unvotes session 63: dates agree with the Library, so they are used,
    // and 63/12 enters with unvotes as its only source.
    let e = r.get(&sym("A/RES/63/10")).unwrap();
    assert_eq!(e.sources.date, [Source::Undl, Source::Unvotes]);
    let e = r.get(&sym("A/RES/63/12")).unwrap();
    assert_eq!(e.adopted, Some(day("2008-11-06")));
    assert_eq!(e.title.as_deref(), Some("Only in unvotes"));
    assert_eq!(e.sources.to_string(), "date:unvotes;title:unvotes");

    // Session 43: the unvotes day is wrong, so its dates are not used and
    // it adds no symbols of its own.
    let e = r.get(&sym("A/RES/43/87")).unwrap();
    assert_eq!(e.adopted, Some(day("1988-12-07")));
    assert_eq!(e.sources.to_string(), "date:undl;title:undl;seen:unvotes");
    assert!(r.get(&sym("A/RES/43/89")).is_none());
    // An amendment vote is not the resolution.
    assert!(!r
        .get(&sym("A/RES/43/88"))
        .unwrap()
        .sources
        .contains(&Source::Unvotes));

    // Session 25 converted to the roman form and matched; session 1 not
    // used at all.
    let e = r.get(&sym("A/RES/2749 B (XXV)")).unwrap();
    assert_eq!(e.sources.seen, [Source::Unvotes]);
    assert!(r.get(&sym("A/RES/1287 A (I)")).is_none());
    assert!(r
        .conflicts()
        .iter()
        .all(|c| c.other_source != Source::Unvotes));

    // Section records: date to the part; the title only where the
    // sections agree.
    let e = r.get(&sym("A/RES/33/116 B")).unwrap();
    assert_eq!(e.adopted, Some(day("1978-12-21")));
    assert_eq!(e.title, None);
    assert_eq!(
        r.title(&sym("A/RES/63 (I)")),
        Some("Approval of Trusteeship Agreements")
    );

    // SC title kept whole.
    assert!(r
        .title(&sym("S/RES/1373 (2001)"))
        .unwrap()
        .starts_with("Security Council resolution 1373 (2001) [on threats"));

    // Decisions: one meeting -> igov; several -> the earliest, and the
    // empty 1969-12-31 is ignored; parts on several rows are one decision.
    let d = r.get(&sym("A/DEC/75/564")).unwrap();
    assert_eq!(d.adopted, Some(day("2021-04-28")));
    assert_eq!(d.sources.to_string(), "date:igov;title:igov");
    assert_eq!(d.title.as_deref(), Some("Open-ended working group"));
    let d = r.get(&sym("A/DEC/71/406")).unwrap();
    assert_eq!(d.adopted, Some(day("2016-11-10")));
    assert_eq!(d.sources.date, [Source::IgovEarliest]);
    assert_eq!(
        r.adoption_date(&sym("A/DEC/78/528")),
        Some(day("2023-12-07"))
    );
    assert_eq!(built.report.igov_empty_dates, 1);

    // MARC links, ind1 = 1 only.
    assert_eq!(
        r.adopted_from(&sym("A/RES/78/213")),
        [sym("A/C.3/78/L.49/Rev.1")]
    );
    assert_eq!(r.adopted_as(&sym("A/C.3/78/L.49/Rev.1")).len(), 1);
    assert_eq!(
        r.get(&sym("A/RES/78/183 A")).unwrap().sources.to_string(),
        "seen:marc-993"
    );

    // Drafts in the metadata are not entries; the placeholder 79/XX is
    // reported, not guessed.
    assert!(r.iter().all(|e| e.symbol.is_resolution_or_decision()));
    assert!(built
        .report
        .skipped
        .iter()
        .any(|s| s.value == "A/RES/79/XX"));

    // The per-session unvotes verdicts.
    let verdict = |s: u16| {
        let v = built
            .report
            .unvotes_sessions
            .iter()
            .find(|v| v.session == s)
            .unwrap();
        (v.symbols_used, v.dates_used)
    };
    assert_eq!(verdict(1), (false, false));
    assert_eq!(verdict(25), (true, false));
    assert_eq!(verdict(43), (true, false));
    assert_eq!(verdict(63), (true, true));

    // Session counts: the highest number per session and its source.
    assert_eq!(
        r.max_number(resgraph_registry::GaSession::Regular(78)),
        Some((213, &Source::Marc993))
    );
}

#[test]
fn built_registry_round_trips() {
    let built = build(&fixture_inputs());
    let text = built.registry.to_tsv();
    let again = resgraph_registry::Registry::from_tsv(&text).unwrap();
    assert_eq!(again.to_tsv(), text);
    assert_eq!(
        again.session_counts_to_tsv(),
        built.registry.session_counts_to_tsv()
    );
}

/// Rows in the form of the XML folders' `registry.tsv` (copied from
/// `ga-xml-75-77/`, `hrc-xml-54-60/`, `ecosoc-xml-2021-2025/` and
/// `sc-xml-2016-2026/` of the shared data folder; titles shortened).
const AKN_GA: &str = "symbol\tadopted\ttitle\tsource_file
A/RES/75/1\t2020-09-21\tDeclaration on the commemoration of the seventy-fifth anniversary of the United Nations\t75session/English/75_1_E.xml
A/RES/75/101 A-B\t2020-12-10\tQuestions relating to information\t75session/English/75_101_E.xml
A/RES/75/2\t2020-10-13\tScale of assessments\t75session/English/75_2_E.xml
A/RES/76/254\t\tInternational Day to Combat Islamophobia\t76session/English/A_RES_76_254-2203841E.xml
";
const AKN_ECOSOC: &str = "symbol\tadopted\ttitle\tsource_file
E/RES/2021/1\t2020-07-21\tWorking arrangements for the 2021 session of the Economic and Social Council\t2021/English/E_RES_2021_1-2010157E.xml
E/RES/2021/2 B\t2021-07-21\tSupport to Non-Self-Governing Territories\t2021/English/x.xml
";
const AKN_SC: &str = "symbol\tadopted\ttitle\tsource_file
S/RES/1373 (2001)\t2001-09-29\t\tx.xml
";

#[test]
fn xml_registries_are_sources_and_disagreements_are_kept() {
    let mut inputs = fixture_inputs();
    inputs.akn = [
        Some(AKN_GA.into()),
        Some("symbol\tadopted\ttitle\tsource_file\nA/HRC/RES/54/5\t2023-10-11\tEnsuring quality education for peace and tolerance for every child\tx.xml\n".into()),
        Some(AKN_ECOSOC.into()),
        Some(AKN_SC.into()),
    ];
    let built = build(&inputs);
    let r = &built.registry;
    // A part range counts for each part.
    for part in ["A/RES/75/101 A", "A/RES/75/101 B"] {
        let e = r.get(&sym(part)).unwrap();
        assert_eq!(e.adopted, Some(day("2020-12-10")), "{part}");
        assert_eq!(e.sources.to_string(), "date:akn-ga;title:akn-ga");
    }
    // No date where the XML's two statements disagree: only seen.
    let e = r.get(&sym("A/RES/76/254")).unwrap();
    assert_eq!(e.adopted, None);
    assert_eq!(
        e.title.as_deref(),
        Some("International Day to Combat Islamophobia")
    );
    // ECOSOC symbols keep the session year; the date is the adoption's.
    assert_eq!(
        r.adoption_date(&sym("E/RES/2021/1")),
        Some(day("2020-07-21"))
    );
    assert_eq!(
        r.adoption_date(&sym("A/HRC/RES/54/5")),
        Some(day("2023-10-11"))
    );
    // A part of an ECOSOC resolution has no symbol in resgraph: skipped, said why.
    assert!(built
        .report
        .skipped
        .iter()
        .any(|s| s.value == "E/RES/2021/2 B" && s.reason.contains("ECOSOC")));
    // The XML and the Digital Library disagree on 1373 (2001): a conflict,
    // the printed date kept.
    assert_eq!(
        r.adoption_date(&sym("S/RES/1373 (2001)")),
        Some(day("2001-09-29"))
    );
    assert!(r
        .conflicts()
        .iter()
        .any(|c| c.symbol == sym("S/RES/1373 (2001)")
            && c.kept_source.to_string() == "akn-sc"
            && c.other == day("2001-09-28")
            && c.other_source == Source::Undl));
    // Three numbers of session 75 adopted in its first months: not whole.
    assert!(r
        .complete_session(resgraph_registry::GaSession::Regular(75))
        .is_none());
    assert!(built
        .report
        .listings
        .iter()
        .any(|l| l.session == 75 && l.not_whole.is_some()));
}

#[test]
fn a_session_listed_whole() {
    // Session 77 numbered 1 to 20, the last adopted in its last weeks.
    let mut text = String::from("symbol\tadopted\ttitle\tsource_file\n");
    for n in 1..=20 {
        let date = if n == 20 { "2023-09-01" } else { "2022-12-07" };
        text.push_str(&format!("A/RES/77/{n}\t{date}\tTitle {n}\tx.xml\n"));
    }
    let mut inputs = Inputs::default();
    inputs.akn[0] = Some(text.clone());
    let built = build(&inputs);
    let whole = built
        .registry
        .complete_session(resgraph_registry::GaSession::Regular(77))
        .unwrap();
    assert_eq!((whole.highest, whole.numbers_held), (20, 20));
    assert_eq!(whole.source.to_string(), "akn-ga");
    // Another source knowing 77/21 makes the list not whole.
    inputs.undl_voting = Some(
        "organ,symbol,vote_date,title,meeting_record,committee_reports,agenda,undl_record_id\n\
         GA,A/RES/77/21,2023-09-02,Late : resolution / adopted by the General Assembly,A/PV.1,A/1,x,1\n"
            .into(),
    );
    let built = build(&inputs);
    assert!(built
        .registry
        .complete_session(resgraph_registry::GaSession::Regular(77))
        .is_none());
}

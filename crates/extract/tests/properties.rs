//! Extraction never fails and never panics, whatever the input; spans
//! always lie inside the text, on character boundaries.

use proptest::prelude::*;
use resgraph_extract::{explain, extract, extract_bytes, Hint, Verdict};
use resgraph_test_support::{citation_span_problem, span_problem};

fn check(text: &str) -> Result<(), TestCaseError> {
    // Explaining never panics, judges tokens inside the text, reads
    // exactly the document extraction reads, and calls a token cited only
    // where a citation's span covers it.
    let explained = explain(text, &Hint::default());
    for c in &explained.candidates {
        prop_assert_eq!(span_problem(c.start, c.end, text), None);
        if c.verdict == Verdict::Cited {
            prop_assert!(explained
                .document
                .citations
                .iter()
                .any(|d| d.start < c.end && c.start < d.end));
        }
    }
    let doc = extract(text, &Hint::default());
    prop_assert_eq!(&doc, &explained.document);
    prop_assert_eq!(citation_span_problem(&doc, text), None);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = extract_bytes(&bytes, &Hint::default());
    }

    #[test]
    fn arbitrary_text_gives_spans_inside_the_text(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn un_like_text_gives_spans_inside_the_text(
        text in "(The General Assembly,\n|Recalling its resolutions |[0-9]{1,4}/[0-9]{1,4}|\\([IVX]{1,4}\\)|\\([0-9]{4}\\)| of [0-9]{1,2} December [0-9]{4}| and |, | H |[¹²³]|\n|_____\n|[0-9] |A/[0-9]{2}/[0-9]{3}|\\[|\\]\\(#\\)|<a>|&amp;|\u{a0}|1\\. Decides |\\(a\\) |Annex\n|S/RES/|-\n|–|2/5 15-21698|P-2/1|MSC |No\\. |vol\\. | on [0-9] April){0,60}"
    ) {
        check(&text)?;
    }
}

#[test]
fn found_by_proptest_multibyte_at_a_probed_offset() {
    // A line starting with `A` whose 8th byte falls inside a character
    // once made the closing-line test slice off a char boundary.
    for text in ["A*᎓🕴핬===O/ܯ𐮯ೇ%W", "A*🕴핬===O/ܯ𐮯ೇ%W"] {
        let _ = extract(text, &Hint::default());
    }
}

#[test]
fn pathological_inputs_finish() {
    let many = "1/1 ".repeat(50_000);
    let _ = extract(&many, &Hint::default());
    let list = format!("Recalling its resolutions {}", "76/19, ".repeat(20_000));
    let doc = extract(&list, &Hint::default());
    assert_eq!(doc.citations.len(), 20_000);
    let long_line = "x".repeat(1_000_000);
    assert!(extract(&long_line, &Hint::default()).citations.is_empty());
    let huge_number = format!(
        "resolution {}/1 and A/{}",
        "9".repeat(10_000),
        "7".repeat(10_000)
    );
    assert!(extract(&huge_number, &Hint::default()).citations.is_empty());
    assert!(extract("", &Hint::default()).citations.is_empty());
}

//! Input formats: an HTML rendition of a real text reads the same as the
//! text; markdown texts are covered by the golden tests (tests/golden/other/*.md).

use std::path::Path;

use resgraph::extract::{extract, extract_html, Hint};

fn key(doc: &resgraph::extract::Document) -> Vec<String> {
    doc.citations
        .iter()
        .map(|c| {
            format!(
                "{} {:?} {} {:?} {}",
                c.target, c.cited_date, c.section, c.paragraph, c.relation
            )
        })
        .collect()
}

#[test]
fn html_rendition_of_a_real_resolution_reads_like_its_text() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/ga/A_RES_76_19.txt");
    let text = std::fs::read_to_string(path).expect("golden text");
    // The page a web site would make of it: escaped text, one <p> per
    // paragraph, every resolution number linked, a script in the head
    // that mentions a resolution which is not part of the text.
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let linked = regex::Regex::new(r"(\s)(\d{2}/\d{2,3})\b")
        .expect("regex")
        .replace_all(
            &escaped,
            r#"$1<a href="https://undocs.org/A/RES/$2" class="ref">$2</a>"#,
        );
    let body: Vec<String> = linked
        .split("\n \n")
        .map(|p| format!("<p>{p}</p>"))
        .collect();
    let page = format!(
        "<!DOCTYPE html><html><head><title>A/RES/76/19</title><script>var cited = \"resolution 99/99\";</script></head>\n<body>\n{}\n</body></html>",
        body.join("\n")
    );
    let hint = Hint::from_path("A_RES_76_19.html");
    let from_html = extract_html(&page, &hint);
    let from_text = extract(&text, &hint);
    assert_eq!(key(&from_html), key(&from_text));
    assert_eq!(from_html.citations.len(), 35);
    for c in &from_html.citations {
        let slice = &page[c.start..c.end];
        assert!(
            slice.contains(
                c.target
                    .number()
                    .map(|n| n.to_string())
                    .unwrap_or_default()
                    .as_str()
            ) || c.target.number().is_none(),
            "{slice:?}"
        );
    }
}

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

/// Every golden text (real texts of every organ and era), as bytes.
fn golden_texts() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut texts: Vec<(String, Vec<u8>)> = accuracy::cases(&root)
        .into_iter()
        .map(|case| {
            let path = accuracy::text_beside(&case.expected);
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_owned();
            (name, std::fs::read(&path).expect("golden text"))
        })
        .collect();
    texts.sort();
    assert!(texts.len() > 100, "{} golden texts", texts.len());
    texts
}

/// A document as far as line breaks can change it: everything but the
/// source.
fn reading(doc: &resgraph::extract::Document) -> String {
    let mut doc = doc.clone();
    doc.source.clear();
    serde_json::to_string(&doc).expect("JSON")
}

/// Issue 13, defect 9: texts with old Macintosh line breaks (a lone CR,
/// as some converters write) lost titles and sections; with CR LF or CR
/// alone, each golden text reads as with LF, offsets included (one break
/// byte for one, so spans do not move; CR LF adds a byte per line, so
/// only the citations' places and targets are compared there).
#[test]
fn line_breaks_cr_and_crlf_read_like_lf() {
    for (name, bytes) in golden_texts() {
        let hint = Hint::from_path(&name);
        let lf = resgraph::extract::extract_bytes(&bytes, &hint);
        let cr: Vec<u8> = bytes
            .iter()
            .map(|&b| if b == b'\n' { b'\r' } else { b })
            .collect();
        let from_cr = resgraph::extract::extract_bytes(&cr, &hint);
        assert_eq!(
            reading(&from_cr),
            reading(&lf),
            "{name} with CR line breaks"
        );
        let crlf: Vec<u8> = bytes
            .iter()
            .flat_map(|&b| {
                if b == b'\n' {
                    vec![b'\r', b'\n']
                } else {
                    vec![b]
                }
            })
            .collect();
        let from_crlf = resgraph::extract::extract_bytes(&crlf, &hint);
        assert_eq!(key(&from_crlf), key(&lf), "{name} with CR LF line breaks");
        assert_eq!(
            (&from_crlf.symbol, &from_crlf.date, &from_crlf.title),
            (&lf.symbol, &lf.date, &lf.title),
            "{name} with CR LF line breaks"
        );
    }
}

/// Issue 13, defect 9: a text in UTF-16 with its byte order mark (as
/// Windows editors save "Unicode" text) reads as the same text in UTF-8.
#[test]
fn utf16_with_a_byte_order_mark_reads_like_utf8() {
    for (name, bytes) in golden_texts().into_iter().step_by(10) {
        let Ok(text) = String::from_utf8(bytes.clone()) else {
            continue;
        };
        let hint = Hint::from_path(&name);
        let utf8 = resgraph::extract::extract_bytes(&bytes, &hint);
        for little_endian in [true, false] {
            let mut utf16 = if little_endian {
                vec![0xFF, 0xFE]
            } else {
                vec![0xFE, 0xFF]
            };
            for unit in text.encode_utf16() {
                let pair = if little_endian {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                };
                utf16.extend_from_slice(&pair);
            }
            let doc = resgraph::extract::extract_bytes(&utf16, &hint);
            assert_eq!(key(&doc), key(&utf8), "{name} in UTF-16");
            assert_eq!(doc.title, utf8.title, "{name} in UTF-16");
            assert!(
                doc.diagnostics[0].message.starts_with("decoded as utf-16"),
                "{name}"
            );
        }
    }
}

/// Issue 13, defect 9: the Security Council texts of 1995-2015 in the
/// golden set that are Windows-1252 (their `é`, `ô`, `’`, `–` are single
/// bytes) read as their UTF-8 transcodings do, with a note instead of a
/// warning and no U+FFFD.
#[test]
fn windows_1252_texts_read_like_their_utf8_transcodings() {
    let mut legacy = 0;
    for (name, bytes) in golden_texts() {
        if std::str::from_utf8(&bytes).is_ok() {
            continue;
        }
        legacy += 1;
        let hint = Hint::from_path(&name);
        let doc = resgraph::extract::extract_bytes(&bytes, &hint);
        let utf8: String = bytes.iter().map(|&b| windows_1252(b)).collect();
        let transcoded = extract(&utf8, &hint);
        assert_eq!(key(&doc), key(&transcoded), "{name}");
        assert_eq!(doc.title, transcoded.title, "{name}");
        assert!(
            !doc.title.unwrap_or_default().contains('\u{fffd}'),
            "{name}"
        );
        assert_eq!(
            doc.diagnostics[0].severity,
            resgraph::extract::Severity::Note,
            "{name}"
        );
        assert!(
            doc.diagnostics[0]
                .message
                .starts_with("decoded as windows-1252"),
            "{name}"
        );
    }
    assert!(legacy >= 3, "{legacy} Windows-1252 golden texts");
}

/// Windows-1252 by its table (written out here, not through the decoder
/// under test).
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

// Shared with examples/accuracy.rs and tests/golden.rs.
#[allow(dead_code)]
#[path = "support/accuracy.rs"]
mod accuracy;

/// Quotes of the evidence are read back from the text as extraction read
/// it: a text file in UTF-16 with its byte order mark gives the same text
/// as in UTF-8, so every citation's offsets still hold its mention.
#[test]
fn the_text_quotes_are_read_from_is_the_text_extraction_read_in_utf16() {
    let (name, bytes) = golden_texts()
        .into_iter()
        .find(|(name, _)| name.ends_with("A_C.1_77_L.73.txt"))
        .expect("the seed is a golden text");
    let text = String::from_utf8(bytes).expect("the seed is UTF-8");
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let dir = resgraph_test_support::temp_dir("utf16-quotes");
    let path = dir.join("A_C.1_77_L.73.txt");
    std::fs::write(&path, utf16).expect("write the UTF-16 copy");
    let read = resgraph::pipeline::read_file(&path, resgraph::pipeline::Verdicts::Skip)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let quoted = resgraph::pipeline::read_text(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(quoted, text);
    let spans = |doc: &resgraph::extract::Document| -> Vec<(usize, usize)> {
        doc.citations.iter().map(|c| (c.start, c.end)).collect()
    };
    let utf8 = resgraph::extract::extract(&text, &Hint::from_path(&name));
    assert_eq!(read.document.citations.len(), 35);
    assert_eq!(spans(&read.document), spans(&utf8));
}

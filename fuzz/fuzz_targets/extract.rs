//! Extraction of arbitrary bytes (as a text and as an HTML page): never
//! panics, and every citation span lies inside the input on character
//! boundaries.
#![no_main]
#![forbid(unsafe_code)]

use libfuzzer_sys::fuzz_target;
use resgraph_extract::{extract_bytes, extract_html, html::blank_markup, Document, Hint};

fn check(doc: &Document, text: &str) {
    resgraph_test_support::assert_spans(doc, text);
}

fuzz_target!(|data: &[u8]| {
    let hint = Hint::from_path("A_RES_76_19.txt");
    let doc = extract_bytes(data, &hint);
    if !resgraph_extract::is_binary(data) {
        // Spans refer to the (lossily) decoded text.
        let text = String::from_utf8_lossy(data);
        check(&doc, &text);
    }
    let doc = extract_bytes(data, &Hint::default());
    if let Ok(text) = std::str::from_utf8(data) {
        check(&doc, text);
        let blanked = blank_markup(text);
        assert_eq!(blanked.len(), text.len(), "blank_markup keeps offsets");
        let doc = extract_html(text, &Hint::default());
        check(&doc, text);
    }
});

//! Robustness of the libraries against bad input: each test backs a row
//! of docs/robustness.md (the command-line rows are in
//! crates/cli/tests/robustness.rs). The property tests at the end run the
//! fuzz targets' checks (fuzz/) on arbitrary input in the normal test run.
#![forbid(unsafe_code)]

use std::io::{self, Write};
use std::path::Path;

use proptest::prelude::*;
use resgraph::extract::{extract, extract_bytes, extract_html, Date, Document, Hint, Severity};
use resgraph::graph::{write_atomically, CitationGraph, LoadError, NodeInfo, Occurrence, Section};
use resgraph::render::{to_dot, to_svg, Engine, Style};
use resgraph::symbol::{Act, Body, Symbol};
use resgraph_test_support::{assert_spans, entries, framed, temp_dir};

// ---------------------------------------------------------------- helpers

fn targets(doc: &Document) -> Vec<String> {
    doc.citations.iter().map(|c| c.target.to_string()).collect()
}

fn sym(text: &str) -> Symbol {
    Symbol::parse_loose(text).expect("symbol")
}

/// A small graph with every kind of field the file format carries:
/// titles, dates, organs, sources, several relations and sections,
/// paragraphs and cited dates, and an adoption link.
fn small_graph() -> CitationGraph {
    let mut g = CitationGraph::new();
    let date = |y, m, d| Date::new(y, m, d);
    g.add_node_info(NodeInfo {
        symbol: sym("A/RES/77/37"),
        title: Some("Developments in the field of ICT".into()),
        date: date(2022, 12, 7),
        organ: Some("General Assembly".into()),
        read: true,
        source: Some("data/A_RES_77_37.txt".into()),
    });
    g.add_link(
        &sym("A/RES/77/37"),
        &sym("76/19"),
        &Occurrence::new("recalling", Section::Preamble, Some(1), date(2021, 12, 6)),
    );
    g.add_link(
        &sym("A/RES/77/37"),
        &sym("76/19"),
        &Occurrence::new("welcomes", Section::Operative, Some(3), None),
    );
    g.add_link(
        &sym("A/RES/77/37"),
        &sym("A/76/135"),
        &Occurrence::new("see", Section::Footnote, None, None),
    );
    g.add_link(
        &sym("76/19"),
        &sym("S/RES/1373 (2001)"),
        &Occurrence::new("recalling", Section::Preamble, Some(2), date(2001, 9, 28)),
    );
    g.add_adopted_as(&sym("A/C.1/77/L.23"), &sym("A/RES/77/37"));
    g
}

/// The payload of a graph file (no header, no checksum).
fn payload(file: &[u8]) -> &[u8] {
    &file[24..file.len() - 8]
}

/// Loading never panics; what loads saves back to a file that loads to
/// the same graph.
fn load_checked(bytes: &[u8]) -> Result<CitationGraph, LoadError> {
    let loaded = CitationGraph::from_bytes(bytes);
    if let Ok(g) = &loaded {
        let again = CitationGraph::from_bytes(&g.to_bytes()).expect("a loaded graph saves");
        assert!(&again == g, "save/load round trip changes the graph");
    }
    loaded
}

/// A small well-formedness check of XML: tags closed in order, attribute
/// values quoted, `&` only in entities, one root element.
fn assert_well_formed_xml(xml: &str) {
    fn entity_ok(rest: &str) -> bool {
        let Some(end) = rest.find(';') else {
            return false;
        };
        let name = &rest[1..end];
        matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
            || name
                .strip_prefix("#x")
                .is_some_and(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()))
            || name
                .strip_prefix('#')
                .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    }
    let mut stack: Vec<&str> = Vec::new();
    let mut roots = 0;
    let mut i = 0;
    let b = xml.as_bytes();
    while i < b.len() {
        match b[i] {
            b'<' => {
                let rest = &xml[i..];
                let skip_to = |end: &str| rest.find(end).map(|e| i + e + end.len());
                if rest.starts_with("<?") {
                    i = skip_to("?>").expect("unclosed <?");
                } else if rest.starts_with("<!--") {
                    let end = skip_to("-->").expect("unclosed comment");
                    assert!(!xml[i + 4..end - 3].contains("--"), "`--` in a comment");
                    i = end;
                } else if rest.starts_with("<![CDATA[") {
                    i = skip_to("]]>").expect("unclosed CDATA");
                } else if rest.starts_with("<!") {
                    i = skip_to(">").expect("unclosed declaration");
                } else if let Some(close) = rest.strip_prefix("</") {
                    let end = close.find('>').expect("unclosed end tag");
                    let name = close[..end].trim_end();
                    assert_eq!(stack.pop(), Some(name), "end tag </{name}> out of order");
                    i += 2 + end + 1;
                } else {
                    let body = &rest[1..];
                    let name_len = body
                        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                        .expect("unclosed tag");
                    let name = &body[..name_len];
                    assert!(!name.is_empty(), "empty tag name at {i}");
                    let mut j = i + 1 + name_len;
                    loop {
                        while b[j].is_ascii_whitespace() {
                            j += 1;
                        }
                        if xml[j..].starts_with("/>") {
                            j += 2;
                            if stack.is_empty() {
                                roots += 1;
                            }
                            break;
                        }
                        if b[j] == b'>' {
                            j += 1;
                            if stack.is_empty() {
                                roots += 1;
                            }
                            stack.push(name);
                            break;
                        }
                        let eq = xml[j..].find('=').expect("attribute without value") + j;
                        let attr = xml[j..eq].trim();
                        assert!(
                            !attr.is_empty() && !attr.contains(['<', '>', '"', '\'', ' ']),
                            "bad attribute name {attr:?}"
                        );
                        let quote = b[eq + 1];
                        assert!(quote == b'"' || quote == b'\'', "unquoted value of {attr}");
                        let close =
                            xml[eq + 2..].find(quote as char).expect("unclosed value") + eq + 2;
                        let value = &xml[eq + 2..close];
                        assert!(!value.contains('<'), "`<` in attribute {attr}: {value:?}");
                        for (k, _) in value.match_indices('&') {
                            assert!(entity_ok(&value[k..]), "bare `&` in {attr}: {value:?}");
                        }
                        j = close + 1;
                    }
                    i = j;
                }
            }
            b'&' => {
                assert!(entity_ok(&xml[i..]), "bare `&` in text at {i}");
                i += 1;
            }
            _ => i += 1,
        }
    }
    assert!(stack.is_empty(), "unclosed elements {stack:?}");
    assert_eq!(roots, 1, "one root element");
}

/// DOT lexes: every double-quoted string ends, braces and brackets
/// balance outside strings, and no HTML-like `<...>` label is formed.
fn assert_dot_lexes(dot: &str) {
    let mut in_string = false;
    let mut escaped = false;
    let (mut braces, mut brackets) = (0i64, 0i64);
    let mut previous = ' ';
    for c in dot.chars() {
        let before = std::mem::replace(&mut previous, c);
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' => braces += 1,
            '}' => braces -= 1,
            '[' => brackets += 1,
            ']' => brackets -= 1,
            '<' => panic!("`<` outside a string in DOT"),
            '>' if before != '-' => panic!("`>` outside a string in DOT"),
            _ => {}
        }
        assert!(braces >= 0 && brackets >= 0, "unbalanced DOT");
    }
    assert!(!in_string, "unterminated DOT string");
    assert_eq!((braces, brackets), (0, 0), "unbalanced DOT");
}

// ------------------------------------------------------ rows of the table

#[test]
fn empty_input_gives_an_empty_document() {
    for text in ["", "\n", "\n\n\n", " \t\u{a0}\r\n", "\u{c}"] {
        let doc = extract(text, &Hint::default());
        assert!(doc.citations.is_empty() && doc.symbol.is_none(), "{text:?}");
        assert!(
            doc.diagnostics.is_empty(),
            "{text:?}: {:?}",
            doc.diagnostics
        );
    }
    let doc = extract_bytes(b"", &Hint::from_path("A_RES_76_19.txt"));
    assert!(doc.citations.is_empty());
    assert_eq!(
        doc.symbol.map(|s| s.to_string()).as_deref(),
        Some("A/RES/76/19")
    );
    assert!(extract_html("", &Hint::default()).citations.is_empty());
}

#[test]
fn binary_input_is_refused_with_a_warning() {
    let elf = b"\x7fELF\x02\x01\x01\x00\x00\x00resolution 76/19";
    let doc = extract_bytes(elf, &Hint::default());
    assert!(doc.citations.is_empty());
    assert_eq!(doc.diagnostics.len(), 1);
    assert_eq!(doc.diagnostics[0].severity, Severity::Warning);
    assert!(doc.diagnostics[0].message.contains("binary"));
    // A NUL past the first 8 KiB: read as (odd) text, not refused.
    let mut late = vec![b'x'; 9000];
    late.extend_from_slice(b"\nRecalling its resolution 76/19\x00,\n");
    let doc = extract_bytes(&late, &Hint::default());
    assert_eq!(targets(&doc), ["A/RES/76/19"]);
}

#[test]
fn invalid_utf8_is_decoded_lossily_and_reported() {
    // A UTF-8 text (accents, quotes, dashes) damaged by a stray byte, a
    // truncated sequence, an overlong encoding and a UTF-16 surrogate
    // around a citation. Its well-formed characters outnumber the
    // damage: UTF-8, read lossily.
    let mut bytes = "« Progrès », l’Assemblée générale – ".as_bytes().to_vec();
    bytes.extend_from_slice(b"Recalling \xff its \xc3 resolution 76/19 of 6 December 2021, ");
    bytes.extend_from_slice("“Développements” – décidée – ".as_bytes());
    bytes.extend_from_slice(b"\xc0\xaf \xed\xa0\x80\xe2\x82");
    let doc = extract_bytes(&bytes, &Hint::default());
    assert_eq!(targets(&doc), ["A/RES/76/19"]);
    assert_eq!(doc.diagnostics[0].severity, Severity::Warning);
    assert!(
        doc.diagnostics[0]
            .message
            .contains("invalid UTF-8 at byte 56"),
        "{}",
        doc.diagnostics[0].message
    );
    let lossy = String::from_utf8_lossy(&bytes);
    assert_spans(&doc, &lossy);
    assert_eq!(
        &lossy[doc.citations[0].start..doc.citations[0].end],
        "76/19"
    );
}

#[test]
fn bytes_of_another_encoding_are_decoded_as_it_with_a_note() {
    // No well-formed UTF-8 character among bytes that are not UTF-8: the
    // text is in another encoding (here Windows-1252: "Haïti", "–").
    let bytes = b"Recalling its resolution 1529 (2004) on Ha\xefti \x96 and 76/19,";
    let doc = extract_bytes(bytes, &Hint::default());
    assert_eq!(targets(&doc), ["S/RES/1529 (2004)", "A/RES/76/19"]);
    assert_eq!(doc.diagnostics[0].severity, Severity::Note);
    assert!(
        doc.diagnostics[0]
            .message
            .starts_with("decoded as windows-1252 (guessed from its bytes"),
        "{}",
        doc.diagnostics[0].message
    );
    let text = "Recalling its resolution 1529 (2004) on Ha\u{ef}ti \u{2013} and 76/19,";
    assert_spans(&doc, text);
    assert_eq!(&text[doc.citations[1].start..doc.citations[1].end], "76/19");
}

#[test]
fn deeply_nested_html_is_read_in_one_pass() {
    let depth = 100_000;
    let page = format!(
        "<html><body>{}<p>The General Assembly,</p><p>Recalling its resolution <a href=\"#\">76/19</a> of 6 December 2021,</p>{}</body></html>",
        "<div><span>".repeat(depth),
        "</span></div>".repeat(depth)
    );
    let doc = extract_html(&page, &Hint::default());
    assert_eq!(targets(&doc), ["A/RES/76/19"]);
    let c = &doc.citations[0];
    assert_eq!(&page[c.start..c.end], "76/19");
    // Unclosed markup everywhere: `<` and `<!--` without their ends.
    let unclosed = format!(
        "{}<p>Recalling its resolution 76/19,</p>{}",
        "<a".repeat(depth),
        "<!--".repeat(depth)
    );
    let doc = extract_html(&unclosed, &Hint::default());
    assert_spans(&doc, &unclosed);
}

#[test]
fn symbols_with_ten_thousand_digits_are_not_symbols() {
    let digits = "9".repeat(10_000);
    let forms = [
        format!("A/RES/{digits}/1"),
        format!("A/RES/76/{digits}"),
        format!("S/RES/{digits} (2001)"),
        format!("S/RES/1373 ({digits})"),
        format!("A/{digits}"),
        format!("E/RES/{digits}/1"),
        format!("A/HRC/RES/{digits}/1"),
        format!("{digits}/1"),
        format!("76/{digits}"),
        format!("resolution {digits} (XXV)"),
        format!("A/RES/76/19 {}", "H".repeat(10_000)),
        format!("A/RES/2625 ({})", "X".repeat(10_000)),
    ];
    for form in &forms {
        let err = form.parse::<Symbol>().expect_err("not a symbol");
        assert!(
            err.input.chars().count() <= 80,
            "the message quotes at most 80 characters"
        );
        assert!(Symbol::parse_loose(form).is_err());
        for body in [
            None,
            Some(Body::SecurityCouncil),
            Some(Body::HumanRightsCouncil),
        ] {
            assert!(Symbol::from_reference(form, body, Act::Resolution).is_none());
        }
        let text =
            format!("The General Assembly,\n\nRecalling its resolution {form} and {form},\n");
        let doc = extract(&text, &Hint::default());
        assert_spans(&doc, &text);
        assert!(
            doc.citations.iter().all(|c| c.text.len() < 200),
            "{:?}",
            targets(&doc)
        );
    }
    // Footnote marks and paragraph numbers of 10,000 digits.
    let text = format!(
        "The General Assembly,\n\nRecalling resolution 76/19,{sup}\n\n{digits}. Decides\n\n____\n{sup} See A/65/201.\n[^{digits}]: See A/65/202.\n",
        sup = "¹".repeat(10_000)
    );
    let doc = extract(&text, &Hint::default());
    assert_spans(&doc, &text);
    assert!(targets(&doc).contains(&"A/RES/76/19".to_string()));
}

#[test]
fn numbers_that_overflow_are_refused_not_wrapped() {
    for form in [
        "A/RES/4294967296/1",
        "A/RES/76/4294967296",
        "A/RES/65536/1",
        "A/RES/S-65536/1",
        "A/RES/ES-18446744073709551616/1",
        "S/RES/1 (65536)",
        "S/RES/1 (99999)",
        "S/RES/4294967297 (2001)",
        "E/RES/65536/1",
        "E/DEC/2004/4294967296",
        "A/HRC/RES/65536/1",
        "A/RES/1000 (CCCC)",
        "A/RES/76/100000",
        "A/DEC/76/4294967296",
    ] {
        assert!(form.parse::<Symbol>().is_err(), "{form}");
        assert!(Symbol::parse_loose(form).is_err(), "{form}");
    }
    let text = "The General Assembly,\n\n\
        Recalling its resolutions 76/4294967296 of 4294967296 December 2021, 65536/1 and \
        Security Council resolution 1 (65536) of 31 December 99999,\u{b9}\u{2070}\u{2070}\u{2070}\u{2070}\u{2070}\u{2070}\u{2070}\u{2070}\u{2070}\u{2070}\u{2070}\n\n\
        4294967296. Decides to remain seized of 18446744073709551616/1;\n\n\
        ____\n\
        99999999999999999999 See A/65/201.\n\
        [^18446744073709551616]: See A/65/202.\n\
        \u{b9}\u{2070}\u{2070}\u{2070}\u{2070}\u{2070}\u{2070}\u{2070}\u{2070}\u{2070}\u{2070}\u{2070} See A/65/203.\n";
    let doc = extract(text, &Hint::default());
    assert_spans(&doc, text);
    for c in &doc.citations {
        assert!(
            c.target.kind().as_str() == "document",
            "no resolution from an overflowing number: {}",
            c.target
        );
    }
    // In a graph file: counts and lengths near u64::MAX.
    let mut huge_len = small_graph().to_bytes();
    huge_len[16..24].copy_from_slice(&u64::MAX.to_le_bytes());
    assert!(matches!(
        CitationGraph::from_bytes(&huge_len),
        Err(LoadError::Corrupt { offset: 16, .. })
    ));
    let max_varint = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
    let too_big = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f];
    let eleven = [0xff; 11];
    for count in [&max_varint[..], &too_big[..], &eleven[..]] {
        let err = CitationGraph::from_bytes(&framed(count)).expect_err("absurd count");
        assert!(
            matches!(err, LoadError::Corrupt { offset: 24, .. }),
            "{err}"
        );
    }
}

#[test]
fn a_graph_file_truncated_at_every_offset_is_refused() {
    let file = small_graph().to_bytes();
    assert!(file.len() < 1000, "a small file: {} bytes", file.len());
    for len in 0..file.len() {
        let err = CitationGraph::from_bytes(&file[..len]).expect_err("truncated");
        assert!(
            matches!(err, LoadError::Truncated { found, .. } if found == len as u64),
            "at {len}: {err}"
        );
        assert!(err.to_string().contains("truncated graph file"), "{err}");
    }
    // On disk, the message names the file.
    let dir = temp_dir("truncated");
    let path = dir.join("cut.graph");
    std::fs::write(&path, &file[..file.len() / 2]).expect("write");
    let err = CitationGraph::load(&path).expect_err("truncated");
    assert!(err.to_string().contains("cut.graph"), "{err}");
}

#[test]
fn a_graph_file_with_any_bit_flipped_is_refused() {
    let file = small_graph().to_bytes();
    for byte in 0..file.len() {
        for bit in 0..8 {
            let mut bad = file.clone();
            bad[byte] ^= 1 << bit;
            assert!(
                CitationGraph::from_bytes(&bad).is_err(),
                "flipping bit {bit} of byte {byte} went unnoticed"
            );
        }
    }
}

#[test]
fn a_graph_file_with_a_bit_flipped_and_its_checksum_fixed_never_panics() {
    // Past the checksum: every value check of the decoder, at every bit.
    let file = small_graph().to_bytes();
    let body = payload(&file);
    let mut loaded = 0;
    for byte in 0..body.len() {
        for bit in 0..8 {
            let mut bad = body.to_vec();
            bad[byte] ^= 1 << bit;
            loaded += usize::from(load_checked(&framed(&bad)).is_ok());
        }
        // And the payload cut at every byte, framed.
        assert!(load_checked(&framed(&body[..byte])).is_err());
    }
    // Some flips give another valid graph (a different relation letter,
    // date or title byte); most are caught.
    assert!(loaded < body.len() * 8);
}

#[test]
fn a_graph_file_of_a_future_version_names_both_versions() {
    // Version 2 (evidence) is the newest this resgraph reads.
    for version in [3u32, 7, u32::MAX] {
        let mut file = small_graph().to_bytes();
        file[8..12].copy_from_slice(&version.to_le_bytes());
        let err = CitationGraph::from_bytes(&file).expect_err("future");
        assert!(
            matches!(err, LoadError::FutureVersion { found, supported: 2, .. } if found == version),
            "{err}"
        );
        let message = err.to_string();
        assert!(
            message.contains(&format!("version {version} is newer"))
                && message.contains("(version 2)")
                && message.contains("newer resgraph"),
            "{message}"
        );
    }
    let mut file = small_graph().to_bytes();
    file[8..12].copy_from_slice(&0u32.to_le_bytes());
    assert!(matches!(
        CitationGraph::from_bytes(&file),
        Err(LoadError::Corrupt { offset: 8, .. })
    ));
}

#[test]
fn titles_with_dot_and_svg_metacharacters_are_escaped() {
    let nasty = [
        "a \"quoted\" title \\ with \\\" escapes \\N \\G \\l",
        "</text><script>alert(1)</script><![CDATA[ x ]]> &amp; &lt; &#0; &bogus",
        "braces { } [ ] ; -> -- -- > <!-- comment --> ' apostrophe",
        "control \u{0} \u{1} \u{7} \u{1b}[31m \u{7f} \u{85} \r\n line\rbreaks\ttab \u{fffe}\u{ffff}",
        "bidi \u{202e}txet\u{202c} and emoji 🗺 and CJK 決議",
        "<",
    ];
    let mut g = CitationGraph::new();
    let focus = sym("A/RES/77/37");
    let mut members = vec![focus.clone()];
    for (i, title) in nasty.iter().enumerate() {
        let cited = sym(&format!("76/{}", i + 1));
        g.add_node_info(NodeInfo {
            symbol: cited.clone(),
            title: Some((*title).to_string()),
            date: None,
            organ: Some(format!("organ {title}")),
            read: true,
            source: Some(format!("dir/{title}.txt")),
        });
        g.add_link(
            &focus,
            &cited,
            &Occurrence::new(format!("rel\"<{i}>&"), Section::Preamble, Some(1), None),
        );
        members.push(cited);
    }
    let picture = resgraph::view::lineage(&g, Some(&focus), &members);
    let style = Style {
        cluster_by_organ: true,
        ..Style::default()
    };
    let dot = to_dot(&picture, &style).expect("dot");
    assert_dot_lexes(&dot);
    let svg = to_svg(&picture, &style, Engine::Builtin).expect("svg");
    assert_well_formed_xml(&svg);
    assert!(
        !svg.contains("<script"),
        "markup from a title reached the SVG"
    );
    assert!(
        svg.contains("&lt;/text&gt;&lt;script&gt;"),
        "the title is shown, escaped"
    );
    if resgraph::render::dot_available() {
        let svg = to_svg(&picture, &style, Engine::Dot).expect("dot accepts the DOT");
        assert_well_formed_xml(&svg);
        assert!(!svg.contains("<script"));
    } else {
        eprintln!("note: Graphviz dot not installed: checked the builtin SVG only");
    }
    // The exports carry the same texts.
    let mut graphml = Vec::new();
    g.write_graphml(&mut graphml).expect("graphml");
    assert_well_formed_xml(&String::from_utf8(graphml).expect("utf-8"));
    let mut json = Vec::new();
    g.write_json_node_link(&mut json).expect("json");
    let value: serde_json::Value = serde_json::from_slice(&json).expect("valid JSON");
    assert!(value.to_string().contains("alert(1)"));
    // And the graph file.
    assert!(load_checked(&g.to_bytes()).expect("loads") == g);
}

// ------------------------------------------------------------ atomic writes

#[test]
fn an_interrupted_graph_write_leaves_the_previous_file_and_no_temp() {
    let dir = temp_dir("atomic");
    let path = dir.join("lineage.graph");
    let old = small_graph();
    old.save(&path).expect("save");
    let before = std::fs::read(&path).expect("read");
    let mut bigger = small_graph();
    bigger.add_link(
        &sym("76/19"),
        &sym("75/240"),
        &Occurrence::new("recalling", Section::Preamble, Some(3), None),
    );
    let new_bytes = bigger.to_bytes();

    // The writer fails half-way (a full disk, a closed pipe).
    let err = write_atomically(&path, |w| {
        w.write_all(&new_bytes[..new_bytes.len() / 2])?;
        w.flush()?;
        Err(io::Error::new(
            io::ErrorKind::StorageFull,
            "no space left (simulated)",
        ))
    })
    .expect_err("the write fails");
    assert!(err.to_string().contains("lineage.graph"), "{err}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert_eq!(entries(&dir), ["lineage.graph"], "no temporary file left");

    // The writer panics half-way.
    let panicked = std::panic::catch_unwind(|| {
        let _ = write_atomically(&path, |w| {
            w.write_all(&new_bytes[..new_bytes.len() / 2])?;
            w.flush()?;
            panic!("interrupted (simulated)");
        });
    });
    assert!(panicked.is_err());
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert_eq!(entries(&dir), ["lineage.graph"], "no temporary file left");
    assert!(CitationGraph::load(&path).expect("still loads") == old);

    // A write that completes replaces the file whole.
    bigger.save(&path).expect("save");
    assert!(CitationGraph::load(&path).expect("loads") == bigger);
    assert_eq!(entries(&dir), ["lineage.graph"]);

    // A directory that does not exist: an error naming the file, nothing created.
    let missing = dir.join("no/such/dir/lineage.graph");
    let err = bigger.save(&missing).expect_err("no directory");
    assert!(
        err.to_string().contains("no/such/dir/lineage.graph"),
        "{err}"
    );
}

#[test]
fn a_device_is_written_in_place_not_replaced() {
    // `/dev/null` stays a device: renaming a temporary file over it
    // would replace it (as root).
    use std::os::unix::fs::FileTypeExt;
    write_atomically("/dev/null", |w| w.write_all(b"discarded")).expect("write to /dev/null");
    assert!(std::fs::metadata("/dev/null")
        .expect("dev null")
        .file_type()
        .is_char_device());
    if Path::new("/dev/full").exists() {
        let err = small_graph().save("/dev/full").expect_err("a full device");
        assert!(err.to_string().contains("/dev/full"), "{err}");
        assert!(std::fs::metadata("/dev/full")
            .expect("dev full")
            .file_type()
            .is_char_device());
    }
}

// ------------------------------------------------------------- properties

fn symbol_round_trips(symbol: &Symbol) -> Result<(), TestCaseError> {
    let printed = symbol.to_string();
    let again: Symbol = printed
        .parse()
        .map_err(|e| TestCaseError::fail(format!("{printed:?}: {e}")))?;
    prop_assert_eq!(&again, symbol);
    prop_assert_eq!(again.to_string(), printed.clone());
    let loose = Symbol::parse_loose(&printed).ok();
    prop_assert_eq!(loose.as_ref(), Some(symbol));
    Ok(())
}

fn graph_file() -> &'static [u8] {
    static FILE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    FILE.get_or_init(|| small_graph().to_bytes())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string_parses_to_a_symbol_that_prints_back_or_to_an_error(text in any::<String>()) {
        if let Ok(s) = text.parse::<Symbol>() {
            symbol_round_trips(&s)?;
        }
        if let Ok(s) = Symbol::parse_loose(&text) {
            symbol_round_trips(&s)?;
        }
    }

    #[test]
    fn symbol_like_strings_round_trip(
        text in "(the |Security Council |Human Rights Council |Economic and Social Council |Commission on Human Rights )?(resolutions? |decisions? )?(A/RES/|A/DEC/|S/RES/|E/RES/|E/DEC/|A/HRC/RES/|A/HRC/DEC/|E/CN\\.4/RES/|A/|S/|E/|ST/|a/res/)?(ES-|S-|s-)?[0-9]{1,5}(/[0-9]{1,5})?( ?[A-Za-z]{1,3})?( ?\\(([IVXLCivxlc]{1,6}|S-[IVX]{1,4}|ES-[IVX]{1,3}|[0-9]{4})\\))?(\\[[A-Z]\\])?(/(Add|Rev|Corr|add)\\.[0-9]{1,2})?"
    ) {
        for body in [None, Some(Body::GeneralAssembly), Some(Body::SecurityCouncil), Some(Body::EconomicAndSocialCouncil), Some(Body::HumanRightsCouncil), Some(Body::CommissionOnHumanRights)] {
            for act in [Act::Resolution, Act::Decision] {
                if let Some(s) = Symbol::from_reference(&text, body, act) {
                    symbol_round_trips(&s)?;
                }
            }
        }
        if let Ok(s) = text.parse::<Symbol>() {
            symbol_round_trips(&s)?;
        }
        if let Ok(s) = Symbol::parse_loose(&text) {
            symbol_round_trips(&s)?;
        }
    }

    #[test]
    fn any_bytes_extract_with_spans_inside_the_decoded_text(
        bytes in proptest::collection::vec(any::<u8>(), 0..3000)
    ) {
        let doc = extract_bytes(&bytes, &Hint::default());
        if !resgraph::extract::is_binary(&bytes) {
            // Spans point into the text as decoding gives it: bytes that
            // are not UTF-8 may be read as Windows-1252, not replaced.
            let decoded = resgraph::extract::Text::decode(bytes.clone());
            assert_spans(&doc, &decoded.text);
        }
    }

    #[test]
    fn html_like_pages_extract_with_spans_inside_the_page(
        page in "(<p>|</p>|<div>|<a href=\"#\">|</a>|<script>|</script>|<!--|-->|<|>|&amp;|&#160;|&#x2F;|&|The General Assembly,|Recalling its resolutions |76/19|43/78 H|2625 \\(XXV\\)| and |, |\n|\u{a0}|é|[^<>&]{0,8}){0,80}"
    ) {
        let doc = extract_html(&page, &Hint::default());
        assert_spans(&doc, &page);
        prop_assert_eq!(resgraph::extract::html::blank_markup(&page).len(), page.len());
    }

    #[test]
    fn any_bytes_load_as_a_graph_or_give_an_error(
        bytes in proptest::collection::vec(any::<u8>(), 0..600),
        frame in any::<bool>(),
    ) {
        let bytes = if frame { framed(&bytes) } else { bytes };
        let _ = load_checked(&bytes);
    }

    #[test]
    fn mutated_graph_files_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
        refix in any::<bool>(),
    ) {
        let file = graph_file();
        let mut body = payload(file).to_vec();
        for (at, value) in &edits {
            let i = at.index(body.len());
            body[i] = *value;
        }
        if truncate {
            body.truncate(cut.index(body.len() + 1));
        }
        let bytes = if refix {
            framed(&body)
        } else {
            let mut raw = file.to_vec();
            let end = raw.len() - 8;
            raw.splice(24..end, body.iter().copied());
            raw
        };
        let _ = load_checked(&bytes);
    }
}

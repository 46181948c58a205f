//! The UN's own XML (AKN4UN) against its plain-text renderings and
//! registries in `../shared/data` (skipped, with a note, when that folder
//! is not there: nothing may depend on it).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use resgraph::extract::{akn, Hint};

const FOLDERS: [&str; 4] = [
    "ga-xml-75-77",
    "hrc-xml-54-60",
    "ecosoc-xml-2021-2025",
    "sc-xml-2016-2026",
];

fn shared() -> Option<PathBuf> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if shared.is_dir() {
        Some(shared)
    } else {
        eprintln!("{} is not there: nothing to compare", shared.display());
        None
    }
}

fn xml_files(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder.join("xml"))
        .expect("xml folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    files
}

fn read_xml(path: &Path) -> akn::AknRead {
    let bytes = std::fs::read(path).expect("xml");
    let name = path.display().to_string();
    akn::read_bytes(
        &bytes,
        &Hint::from_path(&name),
        resgraph::extract::Verdicts::Skip,
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn targets(doc: &resgraph::extract::Document) -> Vec<String> {
    let mut t: Vec<String> = doc.citations.iter().map(|c| c.target.to_string()).collect();
    t.sort();
    t
}

#[test]
fn xml_and_its_text_rendering_cite_the_same_targets() {
    let Some(shared) = shared() else { return };
    let mut total = 0;
    let mut same = 0;
    let mut report = String::new();
    for folder in FOLDERS {
        for xml in xml_files(&shared.join(folder)) {
            total += 1;
            let from_xml = targets(&read_xml(&xml).explained.document);
            let text = shared
                .join(folder)
                .join("text")
                .join(xml.with_extension("txt").file_name().expect("name"));
            let bytes = std::fs::read(&text).expect("text rendering");
            let name = text.display().to_string();
            let from_text = targets(&resgraph::extract::extract_bytes(
                &bytes,
                &Hint::from_path(&name),
            ));
            if from_xml == from_text {
                same += 1;
                continue;
            }
            let mut count: BTreeMap<&str, i32> = BTreeMap::new();
            for t in &from_xml {
                *count.entry(t).or_default() += 1;
            }
            for t in &from_text {
                *count.entry(t).or_default() -= 1;
            }
            let diff: Vec<String> = count
                .iter()
                .filter(|(_, n)| **n != 0)
                .map(|(t, n)| format!("{t} {n:+}"))
                .collect();
            report.push_str(&format!(
                "{}/{}: {}\n",
                folder,
                xml.file_name().unwrap().to_string_lossy(),
                diff.join(", ")
            ));
        }
    }
    eprintln!("{same} of {total} identical\n{report}");
    let known: String = KNOWN_DIFFERENCES
        .iter()
        .map(|(file, diff, _why)| format!("{file}: {diff}\n"))
        .collect();
    assert_eq!(
        report, known,
        "the differences between XML and text renderings are not the known ones"
    );
    assert!(
        same as f64 >= 0.99 * total as f64,
        "{same} of {total} identical"
    );
}

/// Documents whose targets differ between the XML and its text
/// rendering, with the difference (`+` more in the XML, `-` more in the
/// text) and why: each is resolved by the XML's structure, or (the last)
/// a limit of the symbol model.
const KNOWN_DIFFERENCES: [(&str, &str, &str); 7] = [
    (
        "ga-xml-75-77/A_RES_75_219.xml",
        "CBD/CP/MOP/VIII/19 +1, CBD/CP/MOP/VIII/1913 -1",
        "the rendering glues footnote mark 13 to the symbol; the XML's mark is an element",
    ),
    (
        "ga-xml-75-77/A_RES_75_97.xml",
        "S/RES/12 (1946) -1",
        "the rendering's footnote mark 12 after \"resolution 2334 (2016),\" read as a Council number",
    ),
    (
        "ga-xml-75-77/A_RES_76_207.xml",
        "CBD/CP/MOP/VIII/19 +1, CBD/CP/MOP/VIII/1913 -1",
        "footnote mark 13 glued to the symbol in the rendering",
    ),
    (
        "ga-xml-75-77/A_RES_76_82.xml",
        "S/RES/16 (1947) -1",
        "footnote mark 16 after \"resolution 2334 (2016),\" read as a Council number",
    ),
    (
        "ga-xml-75-77/A_RES_77_126.xml",
        "S/RES/16 (1947) -1",
        "footnote mark 16 after \"resolution 2334 (2016),\" read as a Council number",
    ),
    (
        "ga-xml-75-77/A_RES_77_167.xml",
        "CBD/CP/MOP/VIII/19 +1, CBD/CP/MOP/VIII/1914 -1",
        "footnote mark 14 glued to the symbol in the rendering",
    ),
    (
        "ecosoc-xml-2021-2025/E_RES_2021_2_B.xml",
        "E/RES/2021/2 -4",
        "the cover's own symbol and preface number are no citations in the XML (the text path, \
         without an own symbol, cites them twice); ECOSOC symbols carry no part letters, so \
         part B is read as E/RES/2021/2 and its two mentions of part A count as its own symbol",
    ),
];

/// Own symbol, adoption date and title from the XML's metadata, for
/// every document, against the `registry.tsv` written beside each
/// folder from what the XML states (an empty cell: the XML's two
/// statements disagree or there is no title, nothing to compare).
#[test]
fn symbol_date_and_title_come_from_the_metadata() {
    let Some(shared) = shared() else { return };
    let mut problems = Vec::new();
    let mut rows = 0;
    for folder in FOLDERS {
        let registry = std::fs::read_to_string(shared.join(folder).join("registry.tsv"))
            .expect("registry.tsv");
        for line in registry.lines().skip(1) {
            let cells: Vec<&str> = line.split('\t').collect();
            let [symbol, adopted, title, _source] = cells[..] else {
                panic!("{folder}/registry.tsv: bad row {line:?}");
            };
            rows += 1;
            let file = shared
                .join(folder)
                .join("xml")
                .join(format!("{}.xml", file_name_of(symbol)));
            let doc = read_xml(&file).explained.document;
            let got_symbol = doc.symbol.as_ref().map(ToString::to_string);
            // Parts symbols cannot carry (a collection `A-B`, an ECOSOC
            // part) are read as the resolution without parts.
            let expected = match symbol.rsplit_once(' ') {
                Some((base, parts)) if parts.contains('-') || base.starts_with("E/") => base,
                _ => symbol,
            };
            if got_symbol.as_deref() != Some(expected) {
                problems.push(format!("{symbol}: symbol {got_symbol:?}"));
            }
            let got_date = doc.date.map(|d| d.to_string());
            if !adopted.is_empty() && got_date.as_deref() != Some(adopted) {
                problems.push(format!("{symbol}: date {got_date:?}, registry {adopted}"));
            }
            let got_title = doc.title.clone().unwrap_or_default();
            if got_title != title {
                problems.push(format!("{symbol}: title {got_title:?}, registry {title:?}"));
            }
        }
    }
    assert_eq!(rows, 1878, "rows in the four registries");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `S/RES/2334 (2016)` -> `S_RES_2334_2016`, as the folders name files.
fn file_name_of(symbol: &str) -> String {
    symbol.replace(['/', ' '], "_").replace(['(', ')'], "")
}

/// The seed-like ICT resolutions exist twice: as the UN's XML and as the
/// text layer of their PDFs. Sections and paragraph numbers read from the
/// XML's elements equal those the text path reads from the PDF's layout.
#[test]
fn ict_resolutions_have_the_same_places_as_their_pdf_texts() {
    let Some(shared) = shared() else { return };
    for name in [
        "A_RES_75_32",
        "A_RES_75_240",
        "A_RES_76_19",
        "A_RES_77_36",
        "A_RES_77_37",
    ] {
        let xml = read_xml(&shared.join(format!("ga-xml-75-77/xml/{name}.xml")))
            .explained
            .document;
        let pdf_path = shared.join(format!("ga-ict-lineage-73-77/{name}.txt"));
        let pdf = resgraph::extract::extract_bytes(
            &std::fs::read(&pdf_path).expect("pdf text"),
            &Hint::from_path(&pdf_path.display().to_string()),
        );
        let places = |doc: &resgraph::extract::Document| {
            let mut places: Vec<String> = doc
                .citations
                .iter()
                .map(|c| {
                    format!(
                        "{} {} {:?} {:?}",
                        c.target, c.section, c.paragraph, c.anchor_paragraph
                    )
                })
                .collect();
            places.sort();
            places
        };
        assert_eq!(places(&xml), places(&pdf), "{name}");
        assert!(!xml.citations.is_empty(), "{name}");
    }
}

#[allow(dead_code)]
#[path = "support/accuracy.rs"]
mod accuracy;

/// Golden XML: real AKN4UN files copied into `tests/golden-xml/` (see its
/// SOURCES.md) beside the citations written by reading them; all five
/// columns, the own symbol and the date must come out exactly, and every
/// span must hold the mention's digits in the XML file.
#[test]
fn golden_xml_documents_give_exactly_the_citations_a_reader_finds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden-xml");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/golden-xml")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "expected"))
        .collect();
    cases.sort();
    assert!(cases.len() >= 5, "golden XML cases: {}", cases.len());
    let mut failures = Vec::new();
    for expected_path in &cases {
        let xml_path = expected_path.with_extension("xml");
        let xml = std::fs::read_to_string(&xml_path).expect("xml beside");
        let doc = read_xml(&xml_path).explained.document;
        let expected = accuracy::expected_rows(expected_path);
        let got: Vec<accuracy::Row> = doc.citations.iter().map(accuracy::row).collect();
        let mut report = String::new();
        if got != expected {
            report.push_str(&format!("  expected {expected:#?}\n  got {got:#?}\n"));
        }
        let symbol = doc.symbol.as_ref().map(ToString::to_string);
        if symbol != accuracy::header(expected_path, "# symbol:") {
            report.push_str(&format!("  symbol {symbol:?}\n"));
        }
        let date = doc.date.map(|d| d.to_string());
        if date != accuracy::header(expected_path, "# date:") {
            report.push_str(&format!("  date {date:?}\n"));
        }
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        for c in &doc.citations {
            let slice = xml.get(c.start..c.end).unwrap_or("");
            if slice.is_empty() || digits(slice) != digits(&c.text) {
                report.push_str(&format!(
                    "  span {}..{} {slice:?} does not hold {:?}\n",
                    c.start, c.end, c.text
                ));
            }
        }
        if !report.is_empty() {
            failures.push(format!("{}:\n{report}", xml_path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The editors' links in S/RES/2399 (2018) run shuffled: "2127 (2013)" is
/// linked to S/RES/2196(2015), and so on. The citations come from the
/// words; each such link is a finding and a note.
#[test]
fn a_link_naming_another_document_than_its_words_is_reported() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden-xml/S_RES_2399_2018.xml");
    let read = read_xml(&path);
    let wrong: Vec<&akn::LinkFinding> = read
        .links
        .iter()
        .filter(|l| l.kind == akn::LinkKind::OtherDocument)
        .collect();
    let shuffled = wrong
        .iter()
        .find(|l| l.cited.iter().any(|c| c.to_string() == "S/RES/2127 (2013)"))
        .expect("the link on 2127 (2013)");
    assert_eq!(
        shuffled.linked.as_ref().map(ToString::to_string).as_deref(),
        Some("S/RES/2196 (2015)")
    );
    let notes = read
        .explained
        .document
        .diagnostics
        .iter()
        .filter(|d| d.message.starts_with("hyperlink names"))
        .count();
    assert_eq!(notes, wrong.len());
    // The citation stands: the words say 2127 (2013).
    assert!(read
        .explained
        .document
        .citations
        .iter()
        .any(|c| c.target.to_string() == "S/RES/2127 (2013)"));
}

/// The hyperlinks of every XML document in `../shared/data`, counted by
/// what comparing them with the words found (printed for the record: the
/// closing note of issue 14 quotes these counts). The shared README
/// counts at least 68 links naming another document than their words.
#[test]
fn hyperlinks_of_the_shared_xml_by_kind() {
    let Some(shared) = shared() else { return };
    let mut kinds: BTreeMap<akn::LinkKind, usize> = BTreeMap::new();
    let mut documents_with_wrong_links = 0;
    // How the document a link names differs from the one its words cite.
    let mut how: BTreeMap<&str, usize> = BTreeMap::new();
    for folder in FOLDERS {
        for xml in xml_files(&shared.join(folder)) {
            let read = read_xml(&xml);
            let mut wrong = false;
            for link in &read.links {
                *kinds.entry(link.kind).or_default() += 1;
                if link.kind == akn::LinkKind::OtherDocument {
                    wrong = true;
                    let linked = link
                        .linked
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default();
                    let cited = link
                        .cited
                        .first()
                        .map(ToString::to_string)
                        .unwrap_or_default();
                    let tail = |s: &str| s.rsplit('/').next().unwrap_or("").to_string();
                    let kind = if link.linked.as_ref().and_then(|l| l.number()).is_some()
                        && link.linked.as_ref().and_then(|l| l.number())
                            == link.cited.first().and_then(|c| c.number())
                        && tail(&linked) == tail(&cited)
                    {
                        "same number, another organ"
                    } else if linked.starts_with(&cited) || cited.starts_with(&linked) {
                        "the same document with or without a suffix"
                    } else {
                        "another number"
                    };
                    *how.entry(kind).or_default() += 1;
                    eprintln!(
                        "{}:{}: {} -> {}",
                        xml.file_name().unwrap().to_string_lossy(),
                        link.line,
                        link.cited
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", "),
                        link.linked
                            .as_ref()
                            .map(ToString::to_string)
                            .unwrap_or_default()
                    );
                }
            }
            documents_with_wrong_links += usize::from(wrong);
        }
    }
    for (kind, n) in &kinds {
        eprintln!("{:>20} {n}", kind.as_str());
    }
    for (kind, n) in &how {
        eprintln!("  other-document: {kind}: {n}");
    }
    eprintln!("documents with a link naming another document: {documents_with_wrong_links}");
    let wrong = kinds
        .get(&akn::LinkKind::OtherDocument)
        .copied()
        .unwrap_or(0);
    assert!(wrong >= 68, "only {wrong} links naming another document");
    assert!(kinds.get(&akn::LinkKind::Agrees).copied().unwrap_or(0) > 10 * wrong);
}

/// `build` over everything in `../shared/data` (the four XML folders and
/// the text folders) gives one graph: every XML document is a node that
/// was read, with the date and title its metadata states, and the XML
/// resolutions and the texts that cite them meet in it.
#[test]
fn one_graph_from_the_xml_and_the_text_folders() {
    let Some(shared) = shared() else { return };
    let built = resgraph::pipeline::build_graph(
        std::slice::from_ref(&shared),
        &resgraph::pipeline::NoProgress,
        resgraph::registry::Registry::bundled_ref(),
    );
    let errors: Vec<String> = built.errors.iter().map(ToString::to_string).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    let graph = &built.graph;
    eprintln!(
        "{} documents, {} citations, {} without a symbol; {} nodes, {} edges",
        built.documents,
        built.citations,
        built.without_symbol,
        graph.node_count(),
        graph.edge_count()
    );
    for folder in FOLDERS {
        let registry = std::fs::read_to_string(shared.join(folder).join("registry.tsv"))
            .expect("registry.tsv");
        for line in registry.lines().skip(1) {
            let symbol = line.split('\t').next().unwrap_or("");
            let file = shared
                .join(folder)
                .join("xml")
                .join(format!("{}.xml", file_name_of(symbol)));
            let doc = read_xml(&file).explained.document;
            let own = doc.symbol.expect("own symbol");
            let node = graph
                .node(&own)
                .unwrap_or_else(|| panic!("{own} is a node"));
            assert!(node.read, "{own} was read");
        }
    }
    // 76/19 is read from its XML and its PDF text, and cited by the
    // texts of later sessions.
    let ict: resgraph::symbol::Symbol = "A/RES/76/19".parse().expect("symbol");
    let cited_by = graph.edges().filter(|e| e.to() == &ict).count();
    assert!(cited_by >= 5, "76/19 cited by {cited_by}");
}

//! Every route of the explorer, answered in process (tower's `oneshot`,
//! no network) over the graph of the bundled `data/lineage` texts, and
//! over a graph whose titles and verbs are hostile markup.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use resgraph::pipeline::{build_graph, NoProgress, Quotes};
use resgraph::registry::Registry;
use resgraph_graph::evidence::Toward;
use resgraph_graph::{CitationGraph, NodeInfo, Occurrence, QueryOptions, Section, Span, Symbol};
use resgraph_serve::{router, Explorer};
use resgraph_test_support::{temp_dir, TempDir};
use tower::ServiceExt;

/// The explorer of the bundled lineage texts, built once.
fn lineage() -> Arc<Explorer> {
    static EXPLORER: OnceLock<Arc<Explorer>> = OnceLock::new();
    EXPLORER
        .get_or_init(|| {
            let texts = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lineage");
            let built = build_graph(&[texts], &NoProgress, Registry::bundled_ref());
            assert!(built.errors.is_empty(), "{:?}", built.errors);
            Arc::new(Explorer::new(built.graph))
        })
        .clone()
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Answer {
    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

async fn send(app: Router, request: Request<Body>) -> Answer {
    let response = app.oneshot(request).await.expect("the router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("a whole body")
        .to_bytes();
    Answer {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).expect("UTF-8"),
    }
}

async fn get_from(explorer: Arc<Explorer>, uri: &str) -> Answer {
    let request = Request::get(uri).body(Body::empty()).expect("a request");
    send(router(explorer), request).await
}

async fn get(uri: &str) -> Answer {
    get_from(lineage(), uri).await
}

#[tokio::test]
async fn home_has_the_search_box_counts_and_most_cited() {
    let a = get("/").await;
    assert_eq!(a.status, StatusCode::OK);
    let stats = lineage().graph().stats();
    assert!(a.body.contains(&format!("{} documents", stats.nodes)));
    assert!(a.body.contains(r#"<form class="search" action="/search""#));
    assert!(
        a.body.contains(r#"<option value="76/19">"#),
        "symbols suggested"
    );
    assert!(
        a.body.contains(r#"<option value="information">"#),
        "title words suggested"
    );
    // The most cited document of the graph heads the table.
    let (top, count) = &lineage().graph().most_cited(1, None)[0];
    let row = format!(r#"href="/doc/{top}""#);
    assert!(a.body.contains(&row), "{row}");
    assert!(a.body.contains(&format!("<td>{count}</td>")));
    // Nothing is loaded from elsewhere, and no script may run.
    assert!(!a.body.contains("<script"));
    assert!(!a.body.contains("src=\"http"));
    let csp = a.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.starts_with("default-src 'none'"), "{csp}");
    assert_eq!(a.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
}

#[tokio::test]
async fn a_symbol_searched_goes_to_its_page() {
    for q in ["76/19", "A/RES/76/19", "a/res/76/19", "%2076/19%20"] {
        let a = get(&format!("/search?q={q}")).await;
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{q}");
        assert_eq!(a.headers[header::LOCATION], "/doc/A/RES/76/19", "{q}");
    }
    let a = get("/search?q=dec.%2077/512").await;
    assert_eq!(a.headers[header::LOCATION], "/doc/A/DEC/77/512");
}

#[tokio::test]
async fn title_words_find_documents() {
    let a = get("/search?q=information+security").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains(r#"href="/doc/A/RES/76/19""#));
    let a = get("/search?q=zzzzqqq").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains("Nothing found"));
}

#[tokio::test]
async fn search_api_answers_rows() {
    let a = get("/api/search?q=76/19").await;
    assert_eq!(a.status, StatusCode::OK);
    assert_eq!(a.headers[header::CONTENT_TYPE], "application/json");
    let v = a.json();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["exact"], "A/RES/76/19");
    assert_eq!(v["hits"][0]["symbol"], "A/RES/76/19");
    assert_eq!(v["hits"][0]["label"], "76/19");
    assert_eq!(v["hits"][0]["page"], "/doc/A/RES/76/19");
    let words = get("/api/search?q=telecommunications").await.json();
    let found: Vec<&str> = words["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["symbol"].as_str().unwrap())
        .collect();
    for read in ["A/RES/76/19", "A/RES/75/240", "A/RES/73/27"] {
        assert!(found.contains(&read), "{read} in {found:?}");
    }
    // Near symbols for a typo that finds nothing.
    let typo = get("/api/search?q=76/91").await.json();
    assert_eq!(typo["exact"], serde_json::Value::Null);
    assert_eq!(typo["suggestions"][0], "A/RES/76/19");
    let long = get(&format!("/api/search?q={}", "7".repeat(300))).await;
    assert_eq!(long.status, StatusCode::BAD_REQUEST);
    assert!(long.json()["error"].as_str().unwrap().contains("300 bytes"));
}

#[tokio::test]
async fn document_page_shows_facts_picture_tables_and_views() {
    let a = get("/doc/A/RES/76/19").await;
    assert_eq!(a.status, StatusCode::OK);
    let body = &a.body;
    assert!(body.contains("<h1>A/RES/76/19</h1>"));
    assert!(body.contains("Developments in the field of information and telecommunications"));
    assert!(body.contains("2021-12-06"));
    assert!(body.contains("General Assembly"));
    assert!(body.contains("ga-resolution"));
    assert!(body.contains(r#"href="https://undocs.org/A/RES/76/19""#));
    // The picture is inline, each document a link to its page, in the
    // same window.
    assert!(body.contains("<svg "));
    assert!(!body.contains("<?xml"));
    assert!(body.contains(r#"<a href="/doc/A/RES/53/70" xlink:href="/doc/A/RES/53/70">"#));
    assert!(!body.contains(r#"target="_blank""#));
    // What it builds on: 53/70 with the relation, section and paragraph.
    let builds_on =
        &body[body.find(r#"id="builds-on""#).unwrap()..body.find(r#"id="cited-by""#).unwrap()];
    let row = builds_on
        .split("<tr>")
        .find(|r| r.contains(r#"href="/doc/A/RES/53/70""#))
        .expect("53/70 among what it builds on");
    assert!(
        row.contains(
            "<td>recalling</td><td>preamble</td><td>1</td><td class=\"date\">1998-12-04</td>"
        ),
        "{row}"
    );
    // ... and the clause of 76/19 that cites it, quoted from its text.
    let quote = quote_cell(row).expect("a quote cell");
    assert!(quote.starts_with("Recalling its resolutions"), "{quote}");
    // The mention is marked: of the many numbers of the clause, the one
    // that cites 53/70.
    assert!(
        quote.contains("<mark>53/70</mark> of 4 December 1998"),
        "{quote}"
    );
    assert_eq!(quote.matches("<mark>").count(), 1, "{quote}");
    // Every mention of both tables is quoted, each quote holding its
    // cited number (the data/lineage texts are all there to read).
    for table in ["builds-on", "cited-by"] {
        let from = body.find(&format!(r#"id="{table}""#)).unwrap();
        let rows = &body[from..];
        let rows = &rows[..rows.find("</table>").unwrap()];
        assert!(!rows.contains("no quote"), "{table}: {rows}");
        assert!(rows.contains(r#"<td class="quote">"#), "{table}");
    }
    let cited_by = &body[body.find(r#"id="cited-by""#).unwrap()..];
    assert!(cited_by.contains(r#"href="/doc/A/RES/77/37""#));
    // Views as links.
    assert!(body.contains(r#"href="/doc/A/RES/76/19?depth=3""#));
    assert!(body.contains(r#"href="/doc/A/RES/76/19?direction=both""#));
    assert!(body.contains(r#"href="/doc/A/RES/76/19?relation=recalling""#));
    assert!(body.contains(r#"href="/api/doc/A/RES/76/19""#));
}

/// The text of the quote cell of a table row, if it has one.
fn quote_cell(row: &str) -> Option<&str> {
    let open = r#"<td class="quote">"#;
    let from = row.find(open)? + open.len();
    Some(&row[from..from + row[from..].find("</td>")?])
}

/// The digit runs of a symbol's short form (`53/70` -> `53`, `70`).
fn numbers(symbol: &str) -> Vec<String> {
    let symbol: Symbol = symbol.parse().unwrap();
    symbol
        .short()
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

#[tokio::test]
async fn document_api_is_the_page_as_json() {
    let v = get("/api/doc/A/RES/76/19?depth=2").await.json();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["symbol"], "A/RES/76/19");
    assert_eq!(v["kind"], "ga-resolution");
    assert_eq!(v["undocs"], "https://undocs.org/A/RES/76/19");
    let graph = lineage();
    let graph = graph.graph();
    let focus: Symbol = "A/RES/76/19".parse().unwrap();
    // The lineage rows are the graph's ancestors, in its order.
    let expected: Vec<(String, u32)> = graph
        .ancestors(&focus, &QueryOptions::new().depth(2))
        .into_iter()
        .map(|(s, d)| (s.to_string(), d))
        .collect();
    let rows: Vec<(String, u32)> = v["lineage"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["symbol"].as_str().unwrap().to_string(),
                u32::try_from(r["distance"].as_u64().unwrap()).unwrap(),
            )
        })
        .collect();
    assert_eq!(rows, expected);
    // Whole rows, evidence included, are the library's: what `resgraph
    // ancestors 76/19 --depth 2 --format json` prints.
    let library = resgraph::rows::walk_rows(
        graph,
        &focus,
        Toward::Ancestors,
        &QueryOptions::new().depth(2),
        Some(&mut Quotes::new()),
    );
    assert_eq!(v["lineage"], serde_json::to_value(&library).unwrap());
    for row in v["lineage"].as_array().unwrap() {
        let evidence = row["evidence"].as_array().expect("evidence");
        assert!(!evidence.is_empty(), "{row}");
        for e in evidence {
            let quote = e["quote"].as_str().unwrap_or_else(|| panic!("{e}"));
            let wanted = numbers(e["cited"].as_str().unwrap());
            assert!(wanted.iter().all(|n| quote.contains(n.as_str())), "{e}");
        }
    }
    // Builds on: each cited document with its mentions, as the graph
    // holds them, each quoted from 76/19's text with the cited number.
    for link in v["builds_on"].as_array().unwrap() {
        let cited: Symbol = link["symbol"].as_str().unwrap().parse().unwrap();
        let occurrences = graph.occurrences(&focus, &cited);
        let citations = link["citations"].as_array().unwrap();
        assert_eq!(citations.len(), occurrences.len());
        let wanted = numbers(&cited.to_string());
        for c in citations {
            let quote = c["quote"].as_str().unwrap_or_else(|| panic!("{c}"));
            assert!(wanted.iter().all(|n| quote.contains(n.as_str())), "{c}");
            assert!(c.get("unknown").is_none(), "{c}");
            // The mention's place in the quote holds the cited number.
            let at = |i: usize| usize::try_from(c["mention"][i].as_u64().unwrap()).unwrap();
            let mention = &quote[at(0)..at(1)];
            assert!(
                mention.contains(wanted.last().unwrap().as_str()),
                "{mention:?} in {c}"
            );
        }
    }
    let seventy = v["builds_on"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["symbol"] == "A/RES/53/70")
        .expect("53/70");
    assert_eq!(seventy["citations"][0]["relation"], "recalling");
    assert_eq!(seventy["citations"][0]["paragraph"], 1);
    // Cited by the texts that cite it, and the series it belongs to.
    let citing: Vec<&str> = v["cited_by"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["symbol"].as_str().unwrap())
        .collect();
    assert!(citing.contains(&"A/RES/77/37"), "{citing:?}");
    let series: Vec<String> = graph
        .series_lineage(&focus)
        .iter()
        .map(Symbol::to_string)
        .collect();
    let shown: Vec<&str> = v["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["symbol"].as_str().unwrap())
        .collect();
    assert_eq!(shown, series);
    assert!(!series.is_empty());
}

#[tokio::test]
async fn views_filter_what_is_shown() {
    let v = get("/api/doc/A/RES/76/19?depth=1&direction=descendants&relation=recalling")
        .await
        .json();
    assert_eq!(v["view"]["depth"], 1);
    assert_eq!(v["view"]["direction"], "descendants");
    let graph = lineage();
    let focus: Symbol = "A/RES/76/19".parse().unwrap();
    let filter = resgraph_graph::Filter::default().with_relations(["recalling"]);
    let expected: Vec<String> = graph
        .graph()
        .descendants(&focus, &QueryOptions::new().depth(1).filter(filter))
        .into_iter()
        .map(|(s, _)| s.to_string())
        .collect();
    let rows: Vec<&str> = v["lineage"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["symbol"].as_str().unwrap())
        .collect();
    assert_eq!(rows, expected);
    for link in v["builds_on"]
        .as_array()
        .unwrap()
        .iter()
        .chain(v["cited_by"].as_array().unwrap())
    {
        for c in link["citations"].as_array().unwrap() {
            let verb = c["relation"].as_str().unwrap();
            assert_eq!(
                resgraph_core::RelationClass::of(verb),
                resgraph_core::RelationClass::Recalling,
                "{verb}"
            );
        }
    }
    let both = get("/doc/A/RES/76/19?direction=both&depth=1").await;
    assert_eq!(both.status, StatusCode::OK);
    assert!(both.body.contains("<strong>both</strong>"));
}

#[tokio::test]
async fn bad_views_are_refused_with_the_reason() {
    let deep = get("/doc/A/RES/76/19?depth=9").await;
    assert_eq!(deep.status, StatusCode::BAD_REQUEST);
    assert!(deep.body.contains("depth 9 is out of bounds: give 1 to 4"));
    let zero = get("/api/doc/A/RES/76/19?depth=0").await;
    assert_eq!(zero.status, StatusCode::BAD_REQUEST);
    let typo = get("/doc/A/RES/76/19?relation=recaling").await;
    assert_eq!(typo.status, StatusCode::BAD_REQUEST);
    assert!(
        typo.body.contains("did you mean recalling"),
        "{}",
        typo.body
    );
    let way = get("/doc/A/RES/76/19?direction=sideways").await;
    assert_eq!(way.status, StatusCode::BAD_REQUEST);
    let nan = get("/api/doc/A/RES/76/19?depth=two").await;
    assert_eq!(nan.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn unknown_documents_are_404_with_suggestions() {
    let a = get("/doc/A/RES/76/91").await;
    assert_eq!(a.status, StatusCode::NOT_FOUND);
    assert!(a.body.contains("A/RES/76/91 is not in the graph"));
    assert!(a
        .body
        .contains(r#"<a href="/doc/A/RES/76/19">A/RES/76/19</a>"#));
    let api = get("/api/doc/76/91").await;
    assert_eq!(api.status, StatusCode::NOT_FOUND);
    assert_eq!(api.json()["suggestions"][0], "A/RES/76/19");
    let nonsense = get("/doc/not%20a%20symbol").await;
    assert_eq!(nonsense.status, StatusCode::NOT_FOUND);
    let long = get(&format!("/doc/{}", "A".repeat(500))).await;
    assert_eq!(long.status, StatusCode::BAD_REQUEST);
    let nowhere = get("/admin").await;
    assert_eq!(nowhere.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn symbols_with_spaces_are_reached_by_their_encoded_path() {
    let a = get("/doc/A/RES/43/78%20H").await;
    assert_eq!(a.status, StatusCode::OK);
    assert!(a.body.contains("<h1>A/RES/43/78 H</h1>"));
    // And 76/19's page links to it so.
    assert!(get("/doc/A/RES/76/19")
        .await
        .body
        .contains(r#"href="/doc/A/RES/43/78%20H""#));
}

#[tokio::test]
async fn the_explorer_is_read_only_and_bounded() {
    let app = router(lineage());
    let post = Request::builder()
        .method(Method::POST)
        .uri("/doc/A/RES/76/19")
        .body(Body::from("x"))
        .unwrap();
    assert_eq!(
        send(app.clone(), post).await.status,
        StatusCode::METHOD_NOT_ALLOWED
    );
    let big = Request::get("/")
        .header(header::CONTENT_LENGTH, 4096)
        .body(Body::from(vec![b'x'; 4096]))
        .unwrap();
    assert_eq!(send(app, big).await.status, StatusCode::PAYLOAD_TOO_LARGE);
}

/// A graph whose title, organ, verb and quoted text are markup that
/// would run if a page wrote them as they are (the citing text, whose
/// clause the tables quote, is written in `dir`).
fn hostile() -> (Arc<Explorer>, TempDir) {
    const EVIL: &str = r#"<script>alert("t")</script><img src=x onerror=alert(1)>&amp;'"#;
    // No `;` in the clause: it would end the quote before the markup.
    const TEXT: &str = "The General Assembly,\n\nRecalling its resolution 53/70 <script>alert(\"q\")</script> <img src=x onerror=alert(2)>,\n";
    let dir = temp_dir("hostile-quote");
    let source = dir.join("A_RES_76_19.txt");
    std::fs::write(&source, TEXT).unwrap();
    let mention = TEXT.find("53/70").unwrap();
    let mut graph = CitationGraph::new();
    let citing: Symbol = "A/RES/76/19".parse().unwrap();
    let cited: Symbol = "A/RES/53/70".parse().unwrap();
    graph.add_link(
        &citing,
        &cited,
        &Occurrence::new(EVIL, Section::Preamble, Some(1), None)
            .with_span(Span::new(mention, mention + "53/70".len())),
    );
    graph.set_info(NodeInfo {
        title: Some(EVIL.to_string()),
        organ: Some(EVIL.to_string()),
        read: true,
        source: Some(source.display().to_string()),
        ..NodeInfo::cited(citing)
    });
    graph.set_info(NodeInfo {
        title: Some(EVIL.to_string()),
        ..NodeInfo::cited(cited)
    });
    (Arc::new(Explorer::new(graph)), dir)
}

fn assert_escaped(body: &str, what: &str) {
    assert!(!body.contains("<script"), "{what}: {body}");
    assert!(!body.contains("<img"), "{what}: {body}");
    assert!(body.contains("&lt;script&gt;"), "{what}: {body}");
}

#[tokio::test]
async fn hostile_texts_are_escaped_everywhere() {
    let (explorer, _dir) = hostile();
    for uri in [
        "/",
        "/doc/A/RES/76/19",
        "/doc/A/RES/53/70?direction=descendants",
        "/search?q=alert",
    ] {
        let a = get_from(explorer.clone(), uri).await;
        assert_eq!(a.status, StatusCode::OK, "{uri}");
        assert_escaped(&a.body, uri);
    }
    // The picture's tooltips and the table's relation are escaped too.
    let doc = get_from(explorer.clone(), "/doc/A/RES/76/19").await.body;
    let svg = &doc[doc.find("<svg").unwrap()..doc.find("</svg>").unwrap()];
    assert!(svg.contains("&lt;script&gt;"), "{svg}");
    // The quote, read from a text holding markup, is escaped as text.
    let row = doc[doc.find(r#"id="builds-on""#).unwrap()..]
        .split("<tr>")
        .find(|r| r.contains(r#"href="/doc/A/RES/53/70""#))
        .expect("53/70 among what it builds on");
    assert_eq!(
        quote_cell(row),
        Some("Recalling its resolution <mark>53/70</mark> &lt;script&gt;alert(&quot;q&quot;)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;,"),
        "{row}"
    );
    let cited_by = get_from(explorer.clone(), "/doc/A/RES/53/70?direction=descendants")
        .await
        .body;
    assert!(
        cited_by.contains("&lt;script&gt;alert(&quot;q&quot;)"),
        "{cited_by}"
    );
    let api = get_from(explorer.clone(), "/api/doc/A/RES/76/19")
        .await
        .json();
    assert_eq!(
        api["builds_on"][0]["citations"][0]["quote"],
        r#"Recalling its resolution 53/70 <script>alert("q")</script> <img src=x onerror=alert(2)>,"#
    );
    // What was typed comes back escaped.
    let typed = get_from(explorer.clone(), "/search?q=%3Cscript%3Ex%3C/script%3E").await;
    assert_escaped(&typed.body, "the query");
    let typed = get_from(explorer, "/doc/%3Cscript%3Ex").await;
    assert_eq!(typed.status, StatusCode::NOT_FOUND);
    assert!(!typed.body.contains("<script"));
}

#[tokio::test]
async fn a_mention_whose_text_is_gone_says_why_it_has_no_quote() {
    let dir = temp_dir("gone-quote");
    let gone = dir.join("A_RES_76_19.txt");
    let mut graph = CitationGraph::new();
    let citing: Symbol = "A/RES/76/19".parse().unwrap();
    let cited: Symbol = "A/RES/53/70".parse().unwrap();
    graph.add_link(
        &citing,
        &cited,
        &Occurrence::new("recalling", Section::Preamble, Some(1), None)
            .with_span(Span::new(48, 53)),
    );
    graph.set_info(NodeInfo {
        read: true,
        source: Some(gone.display().to_string()),
        ..NodeInfo::cited(citing)
    });
    let explorer = Arc::new(Explorer::new(graph));
    // Never a guess: no quote, and the reason names the file.
    let api = get_from(explorer.clone(), "/api/doc/A/RES/76/19")
        .await
        .json();
    let mention = &api["builds_on"][0]["citations"][0];
    assert!(mention["quote"].is_null(), "{mention}");
    let why = mention["unknown"].as_str().expect("why there is none");
    assert!(why.contains("A_RES_76_19.txt"), "{why}");
    assert_eq!(api["lineage"][0]["evidence"][0]["unknown"], why);
    let page = get_from(explorer, "/doc/A/RES/76/19").await.body;
    let builds_on = &page[page.find(r#"id="builds-on""#).unwrap()..];
    assert!(
        builds_on.contains(r#"<td class="note">no quote: "#),
        "{builds_on}"
    );
    assert!(!builds_on.contains(r#"<td class="quote">"#), "{builds_on}");
}

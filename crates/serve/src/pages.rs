//! The HTML pages, written with maud: every text from the graph (titles,
//! labels, relations, quotes, what was typed) goes through maud's
//! escaping; the one piece of markup inserted as it is, the lineage
//! picture, comes from the renderer, which escapes what it draws.

use maud::{html, Markup, PreEscaped, DOCTYPE};
use resgraph_graph::{GraphStats, CLASS_WORDS};

use crate::data::{page_path, DocumentFacts, DocumentPage, LinkRow, View, Way, MAX_DEPTH};
use crate::search::{SearchHit, SearchResults};

/// The style sheet, inline: the explorer loads nothing from elsewhere.
const STYLE: &str = "
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:75rem;padding:0 1rem 3rem;color:#1d1d1d;line-height:1.4}
header{border-bottom:1px solid #ccc;padding:.6rem 0;display:flex;gap:1rem;align-items:center}
header a.home{font-weight:bold;text-decoration:none;color:#1d1d1d}
h1{font-size:1.5rem;margin:.8rem 0 .2rem}h2{font-size:1.15rem;margin:1.6rem 0 .4rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{border-bottom:1px solid #e2e2e2;padding:.3rem .4rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}
td.quote{font-style:italic;color:#333}
td.quote mark{font-style:normal;font-weight:600;background:#fff3b0;color:#1d1d1d;padding:0 .1em}
td.date{white-space:nowrap}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.4rem 0}
dl.facts dt{color:#555}dl.facts dd{margin:0}
.picture{overflow:auto;max-height:34rem;border:1px solid #ddd;padding:.4rem;background:#fff}
.views a,.views strong{margin-right:.6rem}
.note{color:#666;font-size:.9rem}
form.search input[type=search]{font-size:1rem;padding:.3rem;width:22rem}
.cited-only{color:#666}
";

/// A whole page: header with the search box, then `body`.
fn page(title: &str, suggestions: &[String], body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · resgraph" }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    a.home href="/" { "resgraph" }
                    (search_form("", suggestions))
                }
                (body)
            }
        }
    }
}

/// The search box; its suggestions are a `datalist`, which browsers
/// offer as one types without any script.
fn search_form(value: &str, suggestions: &[String]) -> Markup {
    html! {
        form.search action="/search" method="get" role="search" {
            input type="search" name="q" value=(value) list="suggestions"
                placeholder="76/19, A/RES/76/19, information security" aria-label="Search";
            " "
            button type="submit" { "Search" }
            @if !suggestions.is_empty() {
                datalist #suggestions {
                    @for s in suggestions { option value=(s) {} }
                }
            }
        }
    }
}

/// A link to a document's page, by its label, greyed when only cited.
fn doc_link(d: &DocumentFacts) -> Markup {
    html! {
        a href=(d.page) class=[(!d.read).then_some("cited-only")] title=(d.symbol) { (d.label) }
    }
}

/// `/`: the search box, the counts, the most cited documents.
pub fn home(stats: &GraphStats, most_cited: &[SearchHit], suggestions: &[String]) -> Markup {
    page(
        "Explorer",
        suggestions,
        html! {
            h1 { "Citation graph explorer" }
            p {
                (stats.nodes) " documents (" (stats.read) " read, " (stats.cited_only)
                " only cited), " (stats.edges) " citation links, " (stats.occurrences)
                " mentions, " (stats.adoptions) " draft-to-resolution links."
            }
            p.note {
                "Type a symbol (" code { "76/19" } ", " code { "A/RES/76/19" } ", "
                code { "dec. 77/512" } ") or words of a title."
            }
            h2 { "Most cited" }
            (hits_table(most_cited))
        },
    )
}

fn hits_table(hits: &[SearchHit]) -> Markup {
    html! {
        table {
            thead { tr { th { "document" } th { "cited by" } th { "date" } th { "title" } } }
            tbody {
                @for h in hits {
                    tr {
                        td { (doc_link(&h.document)) }
                        td { (h.cited_by) }
                        td.date { (h.document.date.as_deref().unwrap_or("")) }
                        td { (h.document.title.as_deref().unwrap_or("")) }
                    }
                }
            }
        }
    }
}

/// `/search?q=`: what a query found, or the near symbols when nothing.
pub fn search(results: &SearchResults, suggestions: &[String]) -> Markup {
    page(
        &format!("Search: {}", results.query),
        suggestions,
        html! {
            h1 { "Search: " (results.query) }
            @if results.hits.is_empty() {
                p { "Nothing found." }
                (near(&results.suggestions))
            } @else {
                (hits_table(&results.hits))
            }
        },
    )
}

fn near(suggestions: &[String]) -> Markup {
    html! {
        @if !suggestions.is_empty() {
            p {
                "Did you mean "
                @for (i, s) in suggestions.iter().enumerate() {
                    @if i > 0 { ", " }
                    a href=(page_path(s)) { (s) }
                }
                "?"
            }
        }
    }
}

/// The 404 page of an unknown document, with the near symbols.
pub fn not_found(message: &str, suggestions: &[String], box_suggestions: &[String]) -> Markup {
    page(
        "Not found",
        box_suggestions,
        html! {
            h1 { "Not found" }
            p { (message) }
            (near(suggestions))
        },
    )
}

/// A request that cannot be answered as asked (a depth out of bounds, an
/// unknown relation, a query too long).
pub fn bad_request(message: &str, box_suggestions: &[String]) -> Markup {
    page(
        "Bad request",
        box_suggestions,
        html! {
            h1 { "Bad request" }
            p { (message) }
        },
    )
}

/// `/doc/{symbol}`: a document, its lineage drawn, what it builds on and
/// what cites it, the views, its series.
pub fn document(
    doc: &DocumentPage,
    picture: Result<&str, String>,
    suggestions: &[String],
) -> Markup {
    let d = &doc.document;
    page(
        &d.label,
        suggestions,
        html! {
            h1 { (d.symbol) }
            @if let Some(t) = &d.title { p { (t) } }
            dl.facts {
                dt { "date" } dd { (d.date.as_deref().unwrap_or("unknown")) }
                dt { "organ" } dd { (d.organ) }
                dt { "kind" } dd { (d.kind) }
                dt { "text" } dd { @if d.read { "read" } @else { "only cited by the texts read" } }
                dt { "official text" } dd { a href=(d.undocs) rel="noopener noreferrer" { (d.undocs) } }
            }
            h2 { "Lineage" }
            (views(doc))
            @match picture {
                Ok(svg) => div.picture { (PreEscaped(svg)) },
                Err(why) => p.note { "No picture: " (why) },
            }
            h2 #builds-on { "Builds on (" (doc.builds_on.len()) ")" }
            (links_table(&doc.builds_on, "cites nothing the view follows"))
            h2 #cited-by { "Cited by (" (doc.cited_by.len()) ")" }
            (links_table(&doc.cited_by, "cited by no text read"))
            h2 { "Series" }
            @if doc.series.is_empty() {
                p.note { "No series: no predecessor of its own item recited, and none reciting it." }
            } @else {
                ol { @for s in &doc.series { li { (doc_link(s)) @if let Some(t) = &s.title { " " span.note { (t) } } } } }
            }
            h2 { "Lineage rows" }
            table {
                thead { tr { th { "steps" } th { "document" } th { "date" } th { "title" } } }
                tbody {
                    @for r in &doc.lineage {
                        tr {
                            td { (r.distance) }
                            td { a href=(page_path(&r.symbol)) class=[(!r.read).then_some("cited-only")] title=(r.symbol) { (r.label) } }
                            td.date { (r.date.as_deref().unwrap_or("")) }
                            td { (r.title.as_deref().unwrap_or("")) }
                        }
                    }
                }
            }
            p.note { a href=(format!("/api{}{}", d.page, doc.view.query())) { "this page as JSON" } }
        },
    )
}

/// The depth, direction and relation of the picture and the rows, as
/// links to the other views.
fn views(doc: &DocumentPage) -> Markup {
    let page = &doc.document.page;
    let current = &doc.view;
    let link = |view: View, text: &str, chosen: bool| -> Markup {
        html! {
            @if chosen { strong { (text) } } @else { a href=(format!("{page}{}", view.query())) { (text) } }
        }
    };
    html! {
        p.views {
            "depth: "
            @for depth in 1..=MAX_DEPTH {
                (link(View { depth, ..current.clone() }, &depth.to_string(), depth == current.depth))
            }
        }
        p.views {
            "direction: "
            @for way in Way::ALL {
                (link(View { direction: way, ..current.clone() }, way.as_str(), way == current.direction))
            }
        }
        p.views {
            "relation: "
            (link(View { relation: None, ..current.clone() }, "all", current.relation.is_none()))
            @for word in CLASS_WORDS {
                (link(View { relation: Some(word.to_string()), ..current.clone() }, word,
                    current.relation.as_deref() == Some(word)))
            }
        }
    }
}

/// A table of neighbours: one row per mention (relation, section,
/// paragraph, cited date, quote), the document in the first row of its
/// mentions.
fn links_table(rows: &[LinkRow], empty: &str) -> Markup {
    html! {
        @if rows.is_empty() {
            p.note { (empty) }
        } @else {
            table {
                thead { tr { th { "document" } th { "relation" } th { "section" } th { "para." } th { "date given" } th { "quote" } th { "title" } } }
                tbody {
                    @for row in rows {
                        @if row.citations.is_empty() {
                            tr {
                                td { (doc_link(&row.document)) }
                                td colspan="5" class="note" { "no mention the view follows" }
                                td { (row.document.title.as_deref().unwrap_or("")) }
                            }
                        }
                        @for (i, c) in row.citations.iter().enumerate() {
                            tr {
                                td { @if i == 0 { (doc_link(&row.document)) } }
                                td { (c.relation) }
                                td { (c.section) }
                                td { @if let Some(p) = c.paragraph { (p) } }
                                td.date { (c.cited_date.as_deref().unwrap_or("")) }
                                @match (c.quote_parts(), &c.unknown) {
                                    (Some((before, mention, after)), _) => td.quote {
                                        (before)
                                        @if !mention.is_empty() { mark { (mention) } }
                                        (after)
                                    },
                                    (None, Some(why)) => td.note { "no quote: " (why) },
                                    (None, None) => td {},
                                }
                                td { @if i == 0 { (row.document.title.as_deref().unwrap_or("")) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

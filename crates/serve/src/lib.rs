//! # resgraph-serve
//!
//! A read-only web explorer of a citation graph: search a document, walk
//! its lineage, read how each citation is made. Server-rendered HTML
//! (maud, every text escaped), no script and no file from elsewhere, and
//! the same data as JSON.
//!
//! | route | answer |
//! |---|---|
//! | `/` | search box with suggestions, counts, the most cited documents |
//! | `/search?q=` | the documents found; straight to the page of a symbol named exactly |
//! | `/doc/{symbol}` | a document: facts, lineage picture, builds on, cited by, series |
//! | `/api/doc/{symbol}` | [`DocumentPage`] as JSON |
//! | `/api/search?q=` | [`SearchResults`] as JSON |
//!
//! `/doc/...` and `/api/doc/...` take `?depth=1..4&direction=ancestors|descendants|both&relation=WORD`.
//! An unknown document is a 404 with the nearest symbols; a depth out of
//! bounds, an unknown relation or a query too long a 400 that says why.
//!
//! **Safe by default**: the command line binds to 127.0.0.1 unless told
//! otherwise; only `GET` (and `HEAD`) routes exist, nothing is written;
//! request bodies are refused above [`MAX_BODY_BYTES`], queries above
//! [`search::MAX_QUERY_BYTES`], and a request that takes longer than
//! [`REQUEST_TIMEOUT`] is answered 408; every answer carries a
//! Content-Security-Policy that allows no script and nothing from another
//! site.
//!
//! ```
//! use std::sync::Arc;
//! use resgraph::pipeline::{build_graph, NoProgress};
//! use resgraph::registry::Registry;
//! use resgraph_serve::{router, Explorer};
//!
//! let texts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lineage");
//! let built = build_graph(&[texts], &NoProgress, Registry::bundled_ref());
//! let app = router(Arc::new(Explorer::new(built.graph)));
//! // `axum::serve(listener, app)` on a tokio runtime, or `resgraph_serve::run`.
//! # drop(app);
//! ```
#![forbid(unsafe_code)]

pub mod data;
mod pages;
pub mod search;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Json, Router};
use resgraph_graph::{CitationGraph, Symbol};
use serde::Deserialize;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

pub use data::{DocumentFacts, DocumentPage, LineageEvidence, LinkRow, View, ViewParams, Way};
pub use resgraph::rows::LineageRow;
pub use search::{SearchHit, SearchIndex, SearchResults};

/// The address the command line binds to unless told otherwise: the
/// loopback interface, so that nobody else on the network can reach it.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";

/// The largest request body accepted; the explorer reads none (every
/// route is `GET`), so anything above a few bytes is refused (413).
pub const MAX_BODY_BYTES: usize = 1024;

/// How long a request may take before it is answered 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// How many of the most cited documents the home page lists.
const HOME_MOST_CITED: usize = 25;

/// The Content-Security-Policy of every answer: no script, no plugin,
/// nothing loaded from another site, forms only to this one.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// How many drawn lineages are kept for the next request that asks for
/// the same document and view (about 100 KB each).
const PICTURES_KEPT: usize = 128;

/// A drawn lineage, or why it could not be drawn.
type Picture = Result<Arc<str>, String>;

/// The graph being explored and its search index, shared read-only by
/// every request, and the lineages drawn lately.
pub struct Explorer {
    graph: CitationGraph,
    index: SearchIndex,
    /// Drawing is most of a document page's cost, and the graph never
    /// changes, so a picture drawn once is the picture; emptied when
    /// [`PICTURES_KEPT`] are held, which bounds memory.
    pictures: std::sync::Mutex<std::collections::HashMap<(Symbol, View), Picture>>,
}

impl Explorer {
    /// An explorer of `graph` (its search index is built here, once).
    pub fn new(graph: CitationGraph) -> Explorer {
        // The graph's lazily built arrays are built now, not by the first
        // request.
        graph.prepare();
        let index = SearchIndex::new(&graph);
        Explorer {
            graph,
            index,
            pictures: std::sync::Mutex::new(std::collections::HashMap::new()),
        }
    }

    /// The lineage of `symbol` in `view` as inline SVG
    /// ([`data::lineage_svg`]), drawn once per document and view while it
    /// is among the last [`PICTURES_KEPT`] drawn.
    ///
    /// # Errors
    ///
    /// Why it cannot be drawn (the renderer's message: too many
    /// documents, a layout that failed).
    pub fn picture(&self, symbol: &Symbol, view: &View) -> Picture {
        let key = (symbol.clone(), view.clone());
        // A poisoned lock only means another request panicked while
        // holding it; the map is still a valid cache.
        if let Some(kept) = self
            .pictures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .get(&key)
        {
            return kept.clone();
        }
        let drawn: Picture = data::lineage_svg(&self.graph, symbol, view)
            .map(Arc::from)
            .map_err(|e| e.to_string());
        let mut kept = self
            .pictures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if kept.len() >= PICTURES_KEPT {
            kept.clear();
        }
        kept.insert(key, drawn.clone());
        drawn
    }

    /// The graph.
    pub fn graph(&self) -> &CitationGraph {
        &self.graph
    }

    /// The search index.
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }
}

/// Why the server could not run.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be bound (in use, not this machine's, no
    /// permission).
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The runtime could not start, or the server stopped on an error.
    #[error("the server stopped: {0}")]
    Io(#[from] std::io::Error),
}

/// The explorer's routes over `explorer`, with the request limits and
/// security headers of every answer.
pub fn router(explorer: Arc<Explorer>) -> Router {
    Router::new()
        .route("/", get(home))
        .route("/search", get(search_page))
        .route("/doc/{*symbol}", get(document_page))
        .route("/api/doc/{*symbol}", get(document_json))
        .route("/api/search", get(search_json))
        .fallback(no_route)
        .with_state(explorer)
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
}

/// Serves `explorer` at `addr` until the process ends, on a tokio
/// runtime of its own; `ready` is called with the bound address (port 0
/// asks the system for a free one) before the first request is read.
///
/// # Errors
///
/// [`ServeError::Bind`] when the address cannot be bound,
/// [`ServeError::Io`] when the runtime cannot start or serving fails.
pub fn run(
    addr: SocketAddr,
    explorer: Explorer,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServeError::Bind { addr, source })?;
        ready(listener.local_addr()?);
        axum::serve(listener, router(Arc::new(explorer))).await?;
        Ok(())
    })
}

type Shared = State<Arc<Explorer>>;

/// The query string of the search routes.
#[derive(Debug, Deserialize)]
struct SearchParams {
    #[serde(default)]
    q: String,
}

async fn home(State(ex): Shared) -> Html<String> {
    let most = ex.index.most_cited(&ex.graph, HOME_MOST_CITED);
    Html(pages::home(&ex.graph.stats(), &most, ex.index.suggestions()).into_string())
}

async fn search_page(State(ex): Shared, Query(params): Query<SearchParams>) -> Response {
    match ex.index.search(&ex.graph, &params.q) {
        Ok(results) => match &results.exact {
            // A symbol named exactly is a document to show, not a list.
            Some(symbol) => Redirect::to(&data::page_path(symbol)).into_response(),
            None => {
                Html(pages::search(&results, ex.index.suggestions()).into_string()).into_response()
            }
        },
        Err(e) => bad_request_page(&ex, &e.to_string()),
    }
}

async fn search_json(State(ex): Shared, Query(params): Query<SearchParams>) -> Response {
    match ex.index.search(&ex.graph, &params.q) {
        Ok(results) => Json(results).into_response(),
        Err(e) => json_error(StatusCode::BAD_REQUEST, &e.to_string(), &[]),
    }
}

/// What a document route found: the document and the view, or the
/// answer to give instead.
enum Found {
    Document(Symbol, View),
    Unknown {
        message: String,
        suggestions: Vec<String>,
    },
    Bad(String),
}

fn find(ex: &Explorer, typed: &str, params: &ViewParams) -> Found {
    if typed.len() > search::MAX_QUERY_BYTES {
        return Found::Bad(search::QueryError::TooLong(typed.len()).to_string());
    }
    match ex.graph.resolve(typed) {
        Ok(symbol) => match params.check(&ex.graph) {
            Ok(view) => Found::Document(symbol, view),
            Err(e) => Found::Bad(e.to_string()),
        },
        Err(unknown) => Found::Unknown {
            message: unknown.to_string(),
            suggestions: unknown.suggestions.iter().map(Symbol::to_string).collect(),
        },
    }
}

async fn document_page(
    State(ex): Shared,
    Path(typed): Path<String>,
    Query(params): Query<ViewParams>,
) -> Response {
    match find(&ex, &typed, &params) {
        Found::Document(symbol, view) => {
            // Drawing is work for a CPU, not for the threads that read
            // requests.
            let drawn = tokio::task::spawn_blocking(move || {
                let page = DocumentPage::build(&ex.graph, &symbol, &view, LineageEvidence::Omitted);
                let picture = ex.picture(&symbol, &view);
                pages::document(
                    &page,
                    picture.as_deref().map_err(Clone::clone),
                    ex.index.suggestions(),
                )
                .into_string()
            })
            .await;
            match drawn {
                Ok(html) => Html(html).into_response(),
                Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
            }
        }
        Found::Unknown {
            message,
            suggestions,
        } => (
            StatusCode::NOT_FOUND,
            Html(pages::not_found(&message, &suggestions, ex.index.suggestions()).into_string()),
        )
            .into_response(),
        Found::Bad(message) => bad_request_page(&ex, &message),
    }
}

async fn document_json(
    State(ex): Shared,
    Path(typed): Path<String>,
    Query(params): Query<ViewParams>,
) -> Response {
    match find(&ex, &typed, &params) {
        Found::Document(symbol, view) => {
            // Building reads the citing texts for their quotes: blocking
            // work, kept off the threads that read requests as the page's is.
            let built = tokio::task::spawn_blocking(move || {
                DocumentPage::build(&ex.graph, &symbol, &view, LineageEvidence::Quoted)
            })
            .await;
            match built {
                Ok(page) => Json(page).into_response(),
                Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
            }
        }
        Found::Unknown {
            message,
            suggestions,
        } => json_error(StatusCode::NOT_FOUND, &message, &suggestions),
        Found::Bad(message) => json_error(StatusCode::BAD_REQUEST, &message, &[]),
    }
}

async fn no_route(State(ex): Shared) -> Response {
    (
        StatusCode::NOT_FOUND,
        Html(
            pages::not_found(
                "No such page: the explorer has /, /search, /doc/SYMBOL and /api/.",
                &[],
                ex.index.suggestions(),
            )
            .into_string(),
        ),
    )
        .into_response()
}

fn bad_request_page(ex: &Explorer, message: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Html(pages::bad_request(message, ex.index.suggestions()).into_string()),
    )
        .into_response()
}

fn json_error(status: StatusCode, message: &str, suggestions: &[String]) -> Response {
    (
        status,
        Json(serde_json::json!({
            "schema_version": data::SCHEMA_VERSION,
            "error": message,
            "suggestions": suggestions,
        })),
    )
        .into_response()
}

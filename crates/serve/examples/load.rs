//! A load run on loopback: the explorer of the bundled `data/lineage`
//! texts served in this process on 127.0.0.1 (a free port), then 2,000
//! requests, 16 at a time, over the routes a person and a program use
//! (home, a document page with its picture, the JSON of a document, a
//! search). A picture is drawn once per document and view, then kept:
//! the cost of a first drawing is printed first. Prints the count of errors and the latency figures; stops
//! with an error after 120 s whatever happens. A measurement, not a test:
//! `cargo run --release -p resgraph-serve --example load [REQUESTS] [CONCURRENCY]`.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use resgraph::pipeline::{build_graph, NoProgress};
use resgraph::registry::Registry;
use resgraph_serve::{router, Explorer};

/// The paths asked for, in turn.
const PATHS: [&str; 4] = [
    "/",
    "/doc/A/RES/76/19",
    "/api/doc/A/RES/80/16?depth=3",
    "/api/search?q=information%20security",
];

const LIMIT: Duration = Duration::from_secs(120);

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let requests: usize = args.next().map_or(Ok(2000), |a| a.parse())?;
    let concurrency: usize = args.next().map_or(Ok(16), |a| a.parse())?;

    let texts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lineage");
    let built = build_graph(&[texts], &NoProgress, Registry::bundled_ref());
    let documents = built.graph.node_count();
    // What a page costs the first time its picture is drawn (the run
    // below then finds it drawn): each read document, default view.
    let mut draws: Vec<Duration> = Vec::new();
    let read: Vec<_> = built
        .graph
        .nodes()
        .filter(|n| n.read)
        .map(|n| n.symbol.clone())
        .collect();
    for symbol in &read {
        let t = Instant::now();
        resgraph_serve::data::lineage_svg(&built.graph, symbol, &resgraph_serve::View::default())?;
        draws.push(t.elapsed());
    }
    draws.sort();
    println!(
        "first drawing of a page's picture, {} read documents (depth 2, ancestors): p50 {:.1} ms, max {:.1} ms",
        draws.len(),
        at(&draws, 0.5),
        at(&draws, 1.0)
    );
    let app = router(Arc::new(Explorer::new(built.graph)));
    let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0))).await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move { axum::serve(listener, app).await });

    let client: Client<_, Empty<Bytes>> = Client::builder(TokioExecutor::new()).build_http();
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (client, next) = (client.clone(), next.clone());
        workers.push(tokio::spawn(async move {
            let mut times = Vec::new();
            let mut errors = Vec::new();
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= requests {
                    break;
                }
                let uri: hyper::Uri = format!("http://{addr}{}", PATHS[i % PATHS.len()])
                    .parse()
                    .expect("a valid URI");
                let sent = Instant::now();
                let route = i % PATHS.len();
                match client.get(uri.clone()).await {
                    Ok(response) => {
                        let status = response.status();
                        let body = response.into_body().collect().await;
                        if !status.is_success() || body.is_err() {
                            errors.push(format!("{uri}: {status}"));
                        }
                    }
                    Err(e) => errors.push(format!("{uri}: {e}")),
                }
                times.push((route, sent.elapsed()));
            }
            (times, errors)
        }));
    }
    let mut times = Vec::new();
    let mut errors = Vec::new();
    let all = tokio::time::timeout(LIMIT, futures_join(workers)).await;
    let Ok(results) = all else {
        return Err(format!("the run took more than {} s", LIMIT.as_secs()).into());
    };
    for r in results {
        let (t, e) = r?;
        times.extend(t);
        errors.extend(e);
    }
    let wall = started.elapsed();
    let mut all: Vec<Duration> = times.iter().map(|(_, t)| *t).collect();
    all.sort();
    println!(
        "{} requests, {concurrency} at a time, over {documents} documents ({} routes in turn): {} errors",
        times.len(),
        PATHS.len(),
        errors.len()
    );
    println!(
        "wall {:.2} s, {:.0} requests/s; latency ms: p50 {:.2}, p90 {:.2}, p99 {:.2}, max {:.2}",
        wall.as_secs_f64(),
        times.len() as f64 / wall.as_secs_f64(),
        at(&all, 0.5),
        at(&all, 0.9),
        at(&all, 0.99),
        at(&all, 1.0)
    );
    for (route, path) in PATHS.iter().enumerate() {
        let mut these: Vec<Duration> = times
            .iter()
            .filter(|(r, _)| *r == route)
            .map(|(_, t)| *t)
            .collect();
        these.sort();
        println!(
            "  {path}: p50 {:.2}, p90 {:.2}, p99 {:.2} ms",
            at(&these, 0.5),
            at(&these, 0.9),
            at(&these, 0.99)
        );
    }
    for e in errors.iter().take(10) {
        eprintln!("error: {e}");
    }
    if errors.is_empty() && times.len() == requests {
        Ok(())
    } else {
        Err(format!("{} of {requests} requests failed", errors.len()).into())
    }
}

/// The `q` quantile of sorted latencies, in milliseconds.
fn at(sorted: &[Duration], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 * q).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1000.0
}

/// Waits for every worker, in order.
async fn futures_join<T>(
    handles: Vec<tokio::task::JoinHandle<T>>,
) -> Vec<Result<T, tokio::task::JoinError>> {
    let mut out = Vec::with_capacity(handles.len());
    for h in handles {
        out.push(h.await);
    }
    out
}

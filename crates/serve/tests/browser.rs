//! The explorer in a real browser: Debian's headless `chromium` driven
//! through `chromedriver` (installed by `.ci/run`) with the W3C WebDriver
//! protocol. A person's path: open `/`, search "76/19", reach
//! `/doc/A/RES/76/19`, see 53/70 among what it builds on with the quoted
//! sentence that cites it, follow the link of a node in the picture to
//! that document's page.
//!
//! Skips, with a note, when `chromium` or `chromedriver` is not
//! installed. The WebDriver calls are the handful of JSON requests the
//! protocol defines (new session, navigate, find, type, click, current
//! URL), sent with hyper, which the explorer already depends on.

use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::Method;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use resgraph::pipeline::{build_graph, NoProgress};
use resgraph::registry::Registry;
use resgraph_serve::{router, Explorer};
use serde_json::{json, Value};

/// The key under which WebDriver returns an element's id.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// How long any one WebDriver call may take.
const CALL_LIMIT: Duration = Duration::from_secs(60);

fn on_path(program: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(program))
            .find(|p| p.is_file())
    })
}

/// chromedriver, stopped when the test ends however it ends.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A WebDriver session over chromedriver at `base`.
struct Session {
    client: Client<hyper_util::client::legacy::connect::HttpConnector, Full<Bytes>>,
    base: String,
    id: String,
}

async fn call(
    client: &Client<hyper_util::client::legacy::connect::HttpConnector, Full<Bytes>>,
    method: Method,
    url: &str,
    body: Option<Value>,
) -> Value {
    let request = hyper::Request::builder()
        .method(method.clone())
        .uri(url)
        .header("content-type", "application/json")
        .body(Full::new(Bytes::from(
            body.map(|b| b.to_string()).unwrap_or_default(),
        )))
        .expect("a request");
    let response = tokio::time::timeout(CALL_LIMIT, client.request(request))
        .await
        .unwrap_or_else(|_| panic!("{method} {url}: no answer in {CALL_LIMIT:?}"))
        .unwrap_or_else(|e| panic!("{method} {url}: {e}"));
    let status = response.status();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    let value: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    assert!(status.is_success(), "{method} {url}: {status} {value}");
    value["value"].clone()
}

impl Session {
    async fn send(&self, method: Method, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}/session/{}{path}", self.base, self.id);
        call(&self.client, method, &url, body).await
    }

    async fn go(&self, url: &str) {
        self.send(Method::POST, "/url", Some(json!({ "url": url })))
            .await;
    }

    async fn url(&self) -> String {
        let v = self.send(Method::GET, "/url", None).await;
        v.as_str().expect("a URL").to_string()
    }

    async fn find(&self, using: &str, value: &str) -> String {
        let v = self
            .send(
                Method::POST,
                "/element",
                Some(json!({ "using": using, "value": value })),
            )
            .await;
        v[ELEMENT].as_str().expect("an element").to_string()
    }

    async fn text(&self, element: &str) -> String {
        let v = self
            .send(Method::GET, &format!("/element/{element}/text"), None)
            .await;
        v.as_str().unwrap_or_default().to_string()
    }

    async fn click(&self, element: &str) {
        self.send(
            Method::POST,
            &format!("/element/{element}/click"),
            Some(json!({})),
        )
        .await;
    }

    async fn type_into(&self, element: &str, text: &str) {
        self.send(
            Method::POST,
            &format!("/element/{element}/value"),
            Some(json!({ "text": text })),
        )
        .await;
    }

    /// Waits (at most 30 s) for the page to be at a URL that ends so.
    async fn wait_for_url(&self, ending: &str) -> String {
        let start = Instant::now();
        loop {
            let url = self.url().await;
            if url.ends_with(ending) || start.elapsed() > Duration::from_secs(30) {
                return url;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// The row of 53/70 in the table of what the page's document builds on.
const ROW_53_70: &str =
    "//h2[@id='builds-on']/following-sibling::table[1]//tr[td/a[@href='/doc/A/RES/53/70']]";

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_person_searches_reads_and_follows_the_picture() {
    let (Some(chromium), Some(chromedriver)) = (on_path("chromium"), on_path("chromedriver"))
    else {
        eprintln!("note: chromium or chromedriver not installed (apt-get install chromium chromium-driver): browser test skipped");
        return;
    };

    // The explorer of the bundled texts, on loopback.
    let texts = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/lineage");
    let built = build_graph(&[texts], &NoProgress, Registry::bundled_ref());
    let app = router(Arc::new(Explorer::new(built.graph)));
    let listener = tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], 0)))
        .await
        .expect("a loopback port");
    let site = format!("http://{}", listener.local_addr().expect("an address"));
    tokio::spawn(async move { axum::serve(listener, app).await });

    let port = free_port();
    let _driver = Driver(
        Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts"),
    );
    let client = Client::builder(TokioExecutor::new()).build_http();
    let base = format!("http://127.0.0.1:{port}");
    let start = Instant::now();
    loop {
        let request = hyper::Request::get(format!("{base}/status"))
            .body(Full::new(Bytes::new()))
            .expect("a request");
        if let Ok(Ok(r)) =
            tokio::time::timeout(Duration::from_secs(2), client.request(request)).await
        {
            if r.status().is_success() {
                break;
            }
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "chromedriver did not answer in 30 s"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let profile = resgraph_test_support::temp_dir("browser-profile");
    let capabilities = json!({
        "capabilities": { "alwaysMatch": { "goog:chromeOptions": {
            "binary": chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000",
                format!("--user-data-dir={}", profile.display()),
            ],
        }}}
    });
    let created = call(
        &client,
        Method::POST,
        &format!("{base}/session"),
        Some(capabilities),
    )
    .await;
    let session = Session {
        client: client.clone(),
        base: base.clone(),
        id: created["sessionId"]
            .as_str()
            .expect("a session id")
            .to_string(),
    };

    // Open the home page and search "76/19".
    session.go(&format!("{site}/")).await;
    let input = session.find("css selector", "input[name=q]").await;
    session.type_into(&input, "76/19").await;
    let button = session.find("css selector", "form.search button").await;
    session.click(&button).await;
    let url = session.wait_for_url("/doc/A/RES/76/19").await;
    assert_eq!(url, format!("{site}/doc/A/RES/76/19"));
    let h1 = session.find("css selector", "h1").await;
    assert_eq!(session.text(&h1).await, "A/RES/76/19");

    // 53/70 among what it builds on, with how the text cites it.
    let row = session.find("xpath", ROW_53_70).await;
    let text = session.text(&row).await;
    assert!(text.starts_with("53/70"), "{text}");
    assert!(text.contains("recalling preamble 1 1998-12-04"), "{text}");
    // ... and the sentence of 76/19 that cites it, quoted in its cell.
    let quote = session
        .find("xpath", &format!("{ROW_53_70}/td[@class='quote']"))
        .await;
    let quote = session.text(&quote).await;
    assert!(quote.starts_with("Recalling its resolutions"), "{quote}");
    assert!(quote.contains("53/70"), "{quote}");

    // The node of 53/70 in the picture leads to its page.
    let node = session
        .find("css selector", "div.picture svg a[href='/doc/A/RES/53/70']")
        .await;
    session.click(&node).await;
    let url = session.wait_for_url("/doc/A/RES/53/70").await;
    assert_eq!(url, format!("{site}/doc/A/RES/53/70"));
    let h1 = session.find("css selector", "h1").await;
    assert_eq!(session.text(&h1).await, "A/RES/53/70");

    let _ = call(
        &client,
        Method::DELETE,
        &format!("{base}/session/{}", session.id),
        None,
    )
    .await;
}

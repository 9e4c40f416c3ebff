//! The local HTTP server the `urlopen__*` conformance programs talk to.
//!
//! Exposes [`router`] (every route, as one axum `Router` that later features extend by
//! merging or nesting), [`router_with_static`] (the same routes plus a static directory
//! under a path prefix, for browser tests), [`router_with_static_isolated`] (the same,
//! with every response cross-origin isolating the page: [`ISOLATION_HEADERS`]), [`serve`] (run it on a listener) and
//! [`TestServer`] (run it on a thread of its own with its own tokio runtime, for
//! in-process harnesses).
//!
//! Invariant: every response is a pure function of the request — no clocks, counters or
//! randomness in bodies — so CPython's recorded output and every backend's output agree.
//! (hyper adds a `Date` header; programs never print it. Static files are a function of
//! the request and the served directory.) Every response also carries permissive CORS
//! headers so that browser backends served from another origin can read it exactly as
//! CPython does.
//!
//! Routes:
//! - `GET /` — plain-text list of the routes;
//! - `GET /hello` — `Hello, world!\n` as `text/plain; charset=utf-8`;
//! - `GET /json` — a fixed JSON document ([`JSON_DOCUMENT`]);
//! - `ANY /echo` — JSON `{method, path, query, headers, body, body_length}` of the request
//!   (header names lower-cased, sorted; repeated headers joined with `, `);
//! - `ANY /status/{code}` — that status (200..=599) with body `status {code}\n`;
//! - `GET /bytes/{n}` — `n` bytes (at most [`MAX_BYTES`]), byte `i` being `i % 256`;
//! - `GET /slow/{ms}` — waits `ms` milliseconds (at most [`MAX_SLOW_MS`]), then `slept {ms}\n`;
//! - `GET /redirect/{n}` — `302` to `/redirect/{n-1}`, the last one to `/hello` (n >= 1);
//! - `GET /headers` — custom headers `X-Course: CS101` and `X-Answer: 42`;
//! - `GET /utf8` — non-ASCII UTF-8 text;
//! - `GET /lines/{n}` — `n` lines `line 1` .. `line n` (at most 10 000);
//! - `GET /add?a=INT&b=INT` — JSON `{"a": a, "b": b, "sum": a + b}`, `400` on bad input;
//! - `GET {prefix}/{file}` — only with [`router_with_static`]: the files of a directory
//!   (the web distribution: pages, `.js`/`.mjs` modules, `.wasm`), with the MIME type of
//!   their extension (`text/javascript`, `application/javascript`, `application/wasm`,
//!   `text/html`), so that a page, its modules and the interpreter load from the same
//!   origin as the routes above;
//! - anything else — `404` with body `not found: {path}\n`.

use std::collections::BTreeMap;
use std::collections::HashMap;
use std::future::IntoFuture;
use std::net::SocketAddr;
use std::path::Path as FsPath;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, Request};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::Router;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// The body of `GET /json`; keys in a fixed order so CPython's `json.loads` dict order is known.
pub const JSON_DOCUMENT: &str = r#"{"name": "stackswitch", "version": 3, "pi": 3.14159, "tags": ["python", "wasm", "stack"], "nested": {"ok": true, "missing": null, "count": 12}, "students": [{"name": "Ada", "grade": 91}, {"name": "Alan", "grade": 78}, {"name": "Grace", "grade": 85}]}"#;

/// The body of `GET /utf8`.
pub const UTF8_TEXT: &str =
    "h\u{e9}llo w\u{f6}rld \u{2713} \u{65e5}\u{672c}\u{8a9e} \u{3c0}\u{2248}3.14\n";

/// Largest `n` that `/bytes/{n}` serves.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

/// Longest wait `/slow/{ms}` accepts, so a typo cannot hang a test run.
pub const MAX_SLOW_MS: u64 = 10_000;

const MAX_LINES: usize = 10_000;

const TEXT_PLAIN: &str = "text/plain; charset=utf-8";
const APPLICATION_JSON: &str = "application/json";

/// Every route of the test server. Later features add routes with `router().merge(...)`.
pub fn router() -> Router {
    routes().layer(middleware::from_fn(cors))
}

/// [`router`] plus the files of `dir` under `prefix` (for example `"/web"`: `dir/a/b.js`
/// is `GET /web/a/b.js`). `prefix` must start with `/` and must not end with one.
/// Directories are not listed; a missing file is a `404`.
pub fn router_with_static(prefix: &str, dir: impl AsRef<FsPath>) -> Router {
    routes()
        .nest_service(prefix, ServeDir::new(dir.as_ref()))
        .layer(middleware::from_fn(cors))
}

/// A static site: the files of `dir` from `/` (a directory serves its `index.html`), a
/// `file.gz` beside a file sent instead when the client accepts gzip, and nothing else —
/// the playground as `cargo xtask serve` hosts it. With `isolated`, every response has
/// [`ISOLATION_HEADERS`].
pub fn site_router(dir: impl AsRef<FsPath>, isolated: bool) -> Router {
    let site = Router::new().fallback_service(ServeDir::new(dir.as_ref()).precompressed_gzip());
    if isolated {
        isolate(site)
    } else {
        site
    }
}

/// The headers that make a page cross-origin isolated (`crossOriginIsolated`, hence
/// `SharedArrayBuffer`): every response of [`router_with_static_isolated`] has them.
pub const ISOLATION_HEADERS: [(&str, &str); 2] = [
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-embedder-policy", "require-corp"),
];

/// [`router_with_static`] with [`ISOLATION_HEADERS`] on every response (pages, modules,
/// workers, wasm and the routes alike, all same-origin, so `require-corp` lets them load).
/// The same files served by [`router_with_static`] make a page without isolation.
pub fn router_with_static_isolated(prefix: &str, dir: impl AsRef<FsPath>) -> Router {
    isolate(router_with_static(prefix, dir))
}

/// `router` with [`ISOLATION_HEADERS`] on every response.
fn isolate(router: Router) -> Router {
    let [(opener, opener_value), (embedder, embedder_value)] = ISOLATION_HEADERS;
    router
        .layer(SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static(opener),
            HeaderValue::from_static(opener_value),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static(embedder),
            HeaderValue::from_static(embedder_value),
        ))
}

/// The routes, before the CORS layer that [`router`] and [`router_with_static`] add last
/// (a layer only wraps the routes that exist when it is added).
fn routes() -> Router {
    Router::new()
        .route("/", get(index))
        .route("/hello", get(hello))
        .route("/json", get(json_document))
        .route("/echo", any(echo))
        .route("/status/{code}", any(status))
        .route("/bytes/{n}", get(bytes))
        .route("/slow/{ms}", get(slow))
        .route("/redirect/{n}", get(redirect))
        .route("/headers", get(custom_headers))
        .route("/utf8", get(utf8))
        .route("/lines/{n}", get(lines))
        .route("/add", get(add))
        .fallback(not_found)
}

/// Serve `app` on `listener` until the future is dropped or the listener fails.
pub async fn serve(listener: tokio::net::TcpListener, app: Router) -> std::io::Result<()> {
    axum::serve(listener, app).await
}

/// The test server running on a background thread with its own single-threaded runtime.
/// Dropping it stops the server and joins the thread.
pub struct TestServer {
    address: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl TestServer {
    /// Bind `127.0.0.1` on a free port and start serving [`router`].
    pub fn start() -> std::io::Result<TestServer> {
        TestServer::start_with(router(), 0)
    }

    /// Bind `127.0.0.1` on a free port and serve [`router_with_static`]`(prefix, dir)`:
    /// the routes plus a static directory, e.g. the web distribution for browser tests.
    pub fn start_with_static(prefix: &str, dir: impl AsRef<FsPath>) -> std::io::Result<TestServer> {
        TestServer::start_with(router_with_static(prefix, dir), 0)
    }

    /// As [`TestServer::start_with_static`], with [`router_with_static_isolated`].
    pub fn start_with_static_isolated(
        prefix: &str,
        dir: impl AsRef<FsPath>,
    ) -> std::io::Result<TestServer> {
        TestServer::start_with(router_with_static_isolated(prefix, dir), 0)
    }

    /// Bind `127.0.0.1:port` (0: any free port) and start serving `app`.
    pub fn start_with(app: Router, port: u16) -> std::io::Result<TestServer> {
        // Bind on the caller's thread so that the address is known, and errors reported,
        // before `start` returns.
        let listener = std::net::TcpListener::bind(("127.0.0.1", port))?;
        listener.set_nonblocking(true)?;
        let address = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_io()
            .enable_time()
            .build()?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("stackswitch-testserver".into())
            .spawn(move || {
                runtime.block_on(async move {
                    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                        return;
                    };
                    // Spawned rather than awaited: when `stopped` fires, dropping the runtime
                    // cancels the server and any connection still open (keep-alive clients
                    // must not keep a test run waiting).
                    tokio::spawn(axum::serve(listener, app).into_future());
                    let _ = stopped.await;
                });
            })?;
        Ok(TestServer {
            address,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash: what programs get as `sys.argv[1]`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// The bound address.
    pub fn address(&self) -> SocketAddr {
        self.address
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

async fn cors(request: Request, next: Next) -> Response {
    let preflight = request.method() == Method::OPTIONS
        && request
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    let mut response = if preflight {
        let mut response = StatusCode::NO_CONTENT.into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS"),
        );
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static("*"),
        );
        headers.insert(
            header::ACCESS_CONTROL_MAX_AGE,
            HeaderValue::from_static("600"),
        );
        response
    } else {
        next.run(request).await
    };
    let headers = response.headers_mut();
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    headers.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static("*"),
    );
    response
}

fn text(status: StatusCode, body: impl Into<Body>) -> Response {
    (status, [(header::CONTENT_TYPE, TEXT_PLAIN)], body.into()).into_response()
}

fn json(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, APPLICATION_JSON)], body).into_response()
}

fn bad_request(message: String) -> Response {
    text(StatusCode::BAD_REQUEST, format!("bad request: {message}\n"))
}

async fn index() -> Response {
    text(
        StatusCode::OK,
        "stackswitch test server\n/hello\n/json\n/echo\n/status/{code}\n/bytes/{n}\n\
         /slow/{ms}\n/redirect/{n}\n/headers\n/utf8\n/lines/{n}\n/add?a=&b=\n",
    )
}

async fn hello() -> Response {
    text(StatusCode::OK, "Hello, world!\n")
}

async fn json_document() -> Response {
    json(StatusCode::OK, JSON_DOCUMENT.to_owned())
}

async fn echo(method: Method, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for (name, value) in &headers {
        let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
        names
            .entry(name.as_str().to_ascii_lowercase())
            .and_modify(|joined| {
                joined.push_str(", ");
                joined.push_str(&value);
            })
            .or_insert(value);
    }
    let document = serde_json::json!({
        "method": method.as_str(),
        "path": uri.path(),
        "query": uri.query().unwrap_or(""),
        "headers": names,
        "body": String::from_utf8_lossy(&body),
        "body_length": body.len(),
    });
    json(StatusCode::OK, document.to_string())
}

async fn status(Path(code): Path<String>) -> Response {
    let status = match code.parse::<u16>() {
        Ok(number @ 200..=599) => StatusCode::from_u16(number).ok(),
        _ => None,
    };
    let Some(status) = status else {
        return bad_request(format!("status must be 200..=599, not {code:?}"));
    };
    // These statuses must not carry a body.
    if status == StatusCode::NO_CONTENT || status == StatusCode::NOT_MODIFIED {
        return status.into_response();
    }
    text(status, format!("status {}\n", status.as_u16()))
}

async fn bytes(Path(n): Path<String>) -> Response {
    match n.parse::<usize>() {
        Ok(n) if n <= MAX_BYTES => {
            // Truncation to the low byte is the point: byte i is i % 256.
            let body: Vec<u8> = (0..n).map(|i| (i % 256) as u8).collect();
            (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "application/octet-stream")],
                body,
            )
                .into_response()
        }
        _ => bad_request(format!("n must be 0..={MAX_BYTES}, not {n:?}")),
    }
}

async fn slow(Path(ms): Path<String>) -> Response {
    match ms.parse::<u64>() {
        Ok(ms) if ms <= MAX_SLOW_MS => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            text(StatusCode::OK, format!("slept {ms}\n"))
        }
        _ => bad_request(format!("ms must be 0..={MAX_SLOW_MS}, not {ms:?}")),
    }
}

async fn redirect(Path(n): Path<String>) -> Response {
    let target = match n.parse::<u32>() {
        Ok(1) => "/hello".to_owned(),
        Ok(n @ 2..=50) => format!("/redirect/{}", n - 1),
        _ => return bad_request(format!("n must be 1..=50, not {n:?}")),
    };
    (StatusCode::FOUND, [(header::LOCATION, target)]).into_response()
}

async fn custom_headers() -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, TEXT_PLAIN),
            (header::HeaderName::from_static("x-course"), "CS101"),
            (header::HeaderName::from_static("x-answer"), "42"),
        ],
        "see the headers\n",
    )
        .into_response()
}

async fn utf8() -> Response {
    text(StatusCode::OK, UTF8_TEXT)
}

async fn lines(Path(n): Path<String>) -> Response {
    match n.parse::<usize>() {
        Ok(n) if n <= MAX_LINES => {
            let body: String = (1..=n).map(|i| format!("line {i}\n")).collect();
            text(StatusCode::OK, body)
        }
        _ => bad_request(format!("n must be 0..={MAX_LINES}, not {n:?}")),
    }
}

async fn add(Query(query): Query<HashMap<String, String>>) -> Response {
    let operand = |name: &str| -> Result<i64, String> {
        let value = query
            .get(name)
            .ok_or_else(|| format!("missing parameter {name}"))?;
        value
            .trim()
            .parse::<i64>()
            .map_err(|_| format!("{name} is not an integer: {value:?}"))
    };
    let (a, b) = match (operand("a"), operand("b")) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(message), _) | (_, Err(message)) => return bad_request(message),
    };
    let sum = i128::from(a) + i128::from(b);
    json(
        StatusCode::OK,
        format!("{{\"a\": {a}, \"b\": {b}, \"sum\": {sum}}}"),
    )
}

async fn not_found(uri: Uri) -> Response {
    text(
        StatusCode::NOT_FOUND,
        format!("not found: {}\n", uri.path()),
    )
}

#[cfg(test)]
mod unit {
    use super::*;
    use std::io::{Read, Write};

    /// A bare HTTP/1.0 request: enough to smoke-test the server without a client crate.
    fn get(server: &TestServer, path: &str) -> String {
        let mut stream = std::net::TcpStream::connect(server.address()).expect("connect");
        write!(stream, "GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n").expect("send");
        let mut response = String::new();
        stream.read_to_string(&mut response).expect("receive");
        response
    }

    #[test]
    fn serves_routes_and_stops() {
        let server = TestServer::start().expect("start");
        assert!(server.base_url().starts_with("http://127.0.0.1:"));
        let hello = get(&server, "/hello");
        assert!(hello.starts_with("HTTP/1.0 200 OK\r\n"), "{hello}");
        assert!(hello.ends_with("\r\n\r\nHello, world!\n"), "{hello}");
        assert!(hello.contains("access-control-allow-origin: *"), "{hello}");
        assert!(get(&server, "/status/418").starts_with("HTTP/1.0 418 I'm a teapot"));
        assert!(get(&server, "/nope").contains("not found: /nope"));
        assert!(get(&server, "/add?a=2&b=40").ends_with("{\"a\": 2, \"b\": 40, \"sum\": 42}"));
        assert!(get(&server, "/redirect/2").contains("location: /redirect/1"));
        let address = server.address();
        drop(server);
        assert!(std::net::TcpStream::connect(address).is_err());
    }

    #[test]
    fn serves_a_static_directory_beside_the_routes() {
        let dir = std::env::temp_dir().join(format!("stackswitch-static-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("tests")).expect("create the directory");
        let files = [
            ("tests/page.html", "<!doctype html>\n"),
            ("glue.js", "export {};\n"),
            ("cli.mjs", "export {};\n"),
            ("module.wasm", "\0asm"),
        ];
        for (name, body) in files {
            std::fs::write(dir.join(name), body).expect("write a file");
        }
        let server = TestServer::start_with_static("/web", &dir).expect("start");
        let content_type = |path: &str| {
            let response = get(&server, path);
            assert!(
                response.starts_with("HTTP/1.0 200 OK\r\n"),
                "{path}: {response}"
            );
            assert!(
                response.contains("access-control-allow-origin: *"),
                "{response}"
            );
            let line = response
                .lines()
                .find_map(|line| line.strip_prefix("content-type: "))
                .unwrap_or("")
                .to_owned();
            line
        };
        assert_eq!(content_type("/web/tests/page.html"), "text/html");
        assert_eq!(content_type("/web/glue.js"), "text/javascript");
        assert!(content_type("/web/cli.mjs").ends_with("/javascript"));
        assert_eq!(content_type("/web/module.wasm"), "application/wasm");
        assert!(get(&server, "/web/module.wasm").ends_with("\r\n\r\n\0asm"));
        assert!(get(&server, "/web/missing.js").starts_with("HTTP/1.0 404"));
        // The routes are unchanged.
        assert!(get(&server, "/hello").ends_with("\r\n\r\nHello, world!\n"));
        assert!(get(&server, "/nope").contains("not found: /nope"));
        drop(server);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_isolated_variant_adds_coop_and_coep_to_every_response() {
        let dir = std::env::temp_dir().join(format!("stackswitch-isolated-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create the directory");
        std::fs::write(dir.join("page.html"), "<!doctype html>\n").expect("write a file");
        let isolated = TestServer::start_with_static_isolated("/web", &dir).expect("start");
        let plain = TestServer::start_with_static("/web", &dir).expect("start");
        for path in ["/web/page.html", "/hello", "/nope"] {
            let response = get(&isolated, path);
            for (name, value) in ISOLATION_HEADERS {
                assert!(
                    response.contains(&format!("{name}: {value}\r\n")),
                    "{response}"
                );
            }
            assert!(!get(&plain, path).contains("cross-origin-"), "{path}");
        }
        drop((isolated, plain));
        let _ = std::fs::remove_dir_all(&dir);
    }
}

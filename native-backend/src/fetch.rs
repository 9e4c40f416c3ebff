//! [`HttpClient`]: `urlopen()` for the native host, a blocking plain-HTTP client on `ureq`.
//!
//! It behaves like CPython's default opener where a program can tell: redirects are
//! followed (at most 10), every status — 4xx and 5xx included — is a response for the
//! interpreter to turn into `HTTPError`, the default `User-Agent` is `Python-urllib/3.11`,
//! header names are passed on lower-cased (as the `http` crate stores them, and as the
//! test server's hyper sends them, so CPython shows the same), and failures to reach the
//! server read like CPython's `URLError` reasons (`[Errno 111] Connection refused`). The
//! backend is built without TLS, so an `https` URL is a `Network` error that says so.
//!
//! Invariant: every failure is a [`HostError`]; nothing here panics on a bad URL or reply.

use std::io;
use std::time::Duration;

use stackswitch_core::{
    response_too_large, FetchRequest, FetchResponse, HostError, HostErrorKind,
    DEFAULT_MAX_RESPONSE_BYTES,
};
use ureq::http;
use ureq::{Agent, ResponseExt};

/// CPython's `urllib.request.HTTPRedirectHandler.max_redirections`.
const MAX_REDIRECTS: u32 = 10;
/// The `User-Agent` CPython 3.11's `urlopen` sends.
const USER_AGENT: &str = "Python-urllib/3.11";

/// Lazily built HTTP agents (one following redirects, one not); building one costs
/// nothing until the first request.
pub(crate) struct HttpClient {
    agent: Option<Agent>,
    agent_without_redirects: Option<Agent>,
    /// Larger bodies are refused ([`NativeHost::max_response_bytes`](crate::NativeHost)).
    pub(crate) max_body_bytes: usize,
    /// Only these origins may be asked, redirects included
    /// ([`NativeHost::allowed_origins`](crate::NativeHost)); `None`: any.
    pub(crate) allowed_origins: Option<Vec<Origin>>,
}

impl Default for HttpClient {
    fn default() -> Self {
        HttpClient {
            agent: None,
            agent_without_redirects: None,
            max_body_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            allowed_origins: None,
        }
    }
}

/// A URL's origin: scheme and host lowercased, the port explicit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Origin {
    scheme: String,
    host: String,
    port: u16,
}

impl Origin {
    /// The origin of an absolute `http`/`https` URL (or of an origin such as
    /// `http://127.0.0.1:8000`); `None` for anything else.
    pub(crate) fn of(url: &str) -> Option<Origin> {
        let uri: http::Uri = url.parse().ok()?;
        let scheme = uri.scheme_str()?.to_ascii_lowercase();
        let default_port = match scheme.as_str() {
            "http" => 80,
            "https" => 443,
            _ => return None,
        };
        Some(Origin {
            host: uri.host()?.to_ascii_lowercase(),
            port: uri.port_u16().unwrap_or(default_port),
            scheme,
        })
    }
}

impl std::fmt::Display for Origin {
    /// As the Web's `URL.origin` shows it (the default port left out), so that a
    /// refusal reads the same on every backend.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let default = matches!(
            (self.scheme.as_str(), self.port),
            ("http", 80) | ("https", 443)
        );
        match default {
            true => write!(f, "{}://{}", self.scheme, self.host),
            false => write!(f, "{}://{}:{}", self.scheme, self.host, self.port),
        }
    }
}

impl HttpClient {
    /// Perform `request`, waiting for the whole response body. With an allow-list,
    /// redirects are followed here, each hop's origin checked before it is asked.
    pub(crate) fn fetch(&mut self, request: &FetchRequest) -> Result<FetchResponse, HostError> {
        if self.allowed_origins.is_none() {
            let response = self.send(request, true)?;
            return self.read(response);
        }
        let mut request = request.clone();
        let mut hops = 0;
        loop {
            self.check_origin(&request.url)?;
            let response = self.send(&request, false)?;
            let status = response.status().as_u16();
            let location = response
                .headers()
                .get(http::header::LOCATION)
                .and_then(|v| v.to_str().ok());
            match location {
                Some(location)
                    if hops < MAX_REDIRECTS && matches!(status, 301 | 302 | 303 | 307 | 308) =>
                {
                    request.url = resolve(&request.url, location);
                    // As CPython's HTTPRedirectHandler: 303, and 301/302 after a POST,
                    // go on as a GET without the body.
                    let keeps_method = matches!(request.method.as_str(), "GET" | "HEAD");
                    if status == 303 || (matches!(status, 301 | 302) && !keeps_method) {
                        request.method = "GET".to_owned();
                        request.body = None;
                        request.headers.retain(|(name, _)| {
                            !name.eq_ignore_ascii_case("content-type")
                                && !name.eq_ignore_ascii_case("content-length")
                        });
                    }
                    hops += 1;
                }
                _ => return self.read(response),
            }
        }
    }

    /// A `Network` error unless `url`'s origin is allowed.
    fn check_origin(&self, url: &str) -> Result<(), HostError> {
        let Some(allowed) = &self.allowed_origins else {
            return Ok(());
        };
        match Origin::of(url) {
            Some(origin) if allowed.contains(&origin) => Ok(()),
            Some(origin) => Err(HostError::new(
                HostErrorKind::Network,
                format!("origin {origin} is not allowed (allowedOrigins)"),
            )),
            None => Err(HostError::new(
                HostErrorKind::Network,
                format!("unknown url type: {url}"),
            )),
        }
    }

    /// Send `request` and wait for the response's head.
    fn send(
        &mut self,
        request: &FetchRequest,
        follow_redirects: bool,
    ) -> Result<http::Response<ureq::Body>, HostError> {
        check_scheme(&request.url)?;
        let http_request = build_request(request)?;
        let agent = match follow_redirects {
            true => self.agent.get_or_insert_with(|| build_agent(MAX_REDIRECTS)),
            false => self
                .agent_without_redirects
                .get_or_insert_with(|| build_agent(0)),
        };
        let result = match &request.body {
            Some(body) => agent.run(http_request.map(|()| body.as_slice())),
            None => agent.run(http_request),
        };
        result.map_err(network_error)
    }

    /// The whole response, its body read as a stream up to the size limit.
    fn read(&self, mut response: http::Response<ureq::Body>) -> Result<FetchResponse, HostError> {
        let status = response.status();
        let url = response.get_uri().to_string();
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| {
                let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                (name.as_str().to_owned(), value)
            })
            .collect();
        let limit = self.max_body_bytes;
        let too_large = || HostError::new(HostErrorKind::Network, response_too_large(limit));
        let declared = response
            .headers()
            .get(http::header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok()?.trim().parse::<u64>().ok());
        if declared.is_some_and(|n| n > limit as u64) {
            return Err(too_large());
        }
        // Read as a stream: ureq stops at the first byte past the limit.
        let body = response
            .body_mut()
            .with_config()
            .limit(limit as u64)
            .read_to_vec()
            .map_err(|error| match error {
                ureq::Error::BodyExceedsLimit(_) => too_large(),
                other => network_error(other),
            })?;
        Ok(FetchResponse {
            status: status.as_u16(),
            reason: status.canonical_reason().unwrap_or("").to_owned(),
            url,
            headers,
            body,
        })
    }
}

fn build_agent(max_redirects: u32) -> Agent {
    Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(max_redirects)
        .user_agent(USER_AGENT)
        .accept("")
        .allow_non_standard_methods(true)
        // Deterministic: the environment's proxy settings do not apply, as the programs
        // this host runs talk to servers on this machine.
        .proxy(None)
        .timeout_connect(Some(Duration::from_secs(60)))
        .build()
        .into()
}

/// `location` (a redirect's target, possibly relative) resolved against `base`.
fn resolve(base: &str, location: &str) -> String {
    if location.contains("://") {
        return location.to_owned();
    }
    let (scheme, rest) = base.split_once("://").unwrap_or(("http", base));
    if let Some(authority_and_path) = location.strip_prefix("//") {
        return format!("{scheme}://{authority_and_path}");
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if location.starts_with('/') {
        return format!("{scheme}://{authority}{location}");
    }
    let path = rest[authority.len()..]
        .split(['?', '#'])
        .next()
        .unwrap_or("");
    let directory = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    let directory = if directory.is_empty() { "/" } else { directory };
    format!("{scheme}://{authority}{directory}{location}")
}

/// Reject what this client cannot do before `ureq` sees it, with CPython-like messages.
fn check_scheme(url: &str) -> Result<(), HostError> {
    let scheme = match url.split_once("://") {
        Some((scheme, _)) => scheme.to_ascii_lowercase(),
        None => {
            return Err(HostError::new(
                HostErrorKind::Network,
                format!("unknown url type: {url}"),
            ))
        }
    };
    match scheme.as_str() {
        "http" => Ok(()),
        "https" => Err(HostError::new(
            HostErrorKind::Network,
            format!(
                "https is not supported by the native backend (it is built without TLS): {url}"
            ),
        )),
        _ => Err(HostError::new(
            HostErrorKind::Network,
            format!("unknown url type: {scheme}"),
        )),
    }
}

fn build_request(request: &FetchRequest) -> Result<http::Request<()>, HostError> {
    let method = http::Method::from_bytes(request.method.as_bytes()).map_err(|_| {
        HostError::new(
            HostErrorKind::Failed,
            format!("invalid HTTP method {:?}", request.method),
        )
    })?;
    let mut builder = http::Request::builder()
        .method(method)
        .uri(request.url.as_str());
    for (name, value) in &request.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    builder
        .body(())
        .map_err(|error| HostError::new(HostErrorKind::Failed, format!("invalid request: {error}")))
}

/// A `ureq` failure as the reason of a `URLError`.
fn network_error(error: ureq::Error) -> HostError {
    let message = match error {
        ureq::Error::Io(error) => io_reason(&error),
        ureq::Error::HostNotFound => "[Errno -2] Name or service not known".to_owned(),
        ureq::Error::Timeout(_) => "timed out".to_owned(),
        ureq::Error::ConnectionFailed => "[Errno 111] Connection refused".to_owned(),
        other => other.to_string(),
    };
    HostError::new(HostErrorKind::Network, message)
}

/// `Connection refused (os error 111)` -> `[Errno 111] Connection refused`, as CPython
/// formats an `OSError`.
fn io_reason(error: &io::Error) -> String {
    let text = error.to_string();
    match error.raw_os_error() {
        Some(code) => {
            let suffix = format!(" (os error {code})");
            let strerror = text.strip_suffix(&suffix).unwrap_or(&text);
            format!("[Errno {code}] {strerror}")
        }
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;
    use std::thread;

    fn get(url: &str) -> FetchRequest {
        FetchRequest {
            url: url.to_owned(),
            method: "GET".to_owned(),
            headers: Vec::new(),
            body: None,
        }
    }

    /// A tiny_http server on a free loopback port answering `requests` requests with
    /// `answer`; returns its base URL.
    fn serve(
        requests: usize,
        answer: impl Fn(&mut tiny_http::Request) -> tiny_http::Response<io::Cursor<Vec<u8>>>
            + Send
            + 'static,
    ) -> (String, thread::JoinHandle<()>) {
        let server = tiny_http::Server::http("127.0.0.1:0").expect("bind a loopback port");
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let handle = thread::spawn(move || {
            for _ in 0..requests {
                let Ok(mut request) = server.recv() else {
                    return;
                };
                let response = answer(&mut request);
                let _ = request.respond(response);
            }
        });
        (format!("http://127.0.0.1:{port}"), handle)
    }

    fn header(name: &str, value: &str) -> tiny_http::Header {
        tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
    }

    #[test]
    fn get_returns_status_headers_and_body() {
        let (base, server) = serve(1, |request| {
            let user_agent = request
                .headers()
                .iter()
                .find(|h| h.field.equiv("User-Agent"))
                .map(|h| h.value.to_string())
                .unwrap_or_default();
            tiny_http::Response::from_data(format!("hello from {}", request.url()).into_bytes())
                .with_header(header("X-Agent", &user_agent))
        });
        let response = HttpClient::default()
            .fetch(&get(&format!("{base}/hello")))
            .unwrap();
        server.join().unwrap();
        assert_eq!(response.status, 200);
        assert_eq!(response.reason, "OK");
        assert_eq!(response.url, format!("{base}/hello"));
        assert_eq!(response.body, b"hello from /hello");
        assert!(response
            .headers
            .contains(&("x-agent".to_owned(), USER_AGENT.to_owned())));
    }

    #[test]
    fn post_sends_method_headers_and_body() {
        let (base, server) = serve(1, |request| {
            let mut body = String::new();
            let _ = request.as_reader().read_to_string(&mut body);
            let kind = request
                .headers()
                .iter()
                .find(|h| h.field.equiv("Content-Type"))
                .map(|h| h.value.to_string())
                .unwrap_or_default();
            tiny_http::Response::from_data(
                format!("{} {kind} {body}", request.method()).into_bytes(),
            )
        });
        let request = FetchRequest {
            url: format!("{base}/echo"),
            method: "POST".to_owned(),
            headers: vec![("Content-Type".to_owned(), "text/plain".to_owned())],
            body: Some(b"x=1".to_vec()),
        };
        let response = HttpClient::default().fetch(&request).unwrap();
        server.join().unwrap();
        assert_eq!(
            String::from_utf8_lossy(&response.body),
            "POST text/plain x=1"
        );
    }

    #[test]
    fn error_statuses_are_responses() {
        let (base, server) = serve(1, |_| {
            tiny_http::Response::from_data(b"nope".to_vec()).with_status_code(404)
        });
        let response = HttpClient::default()
            .fetch(&get(&format!("{base}/missing")))
            .unwrap();
        server.join().unwrap();
        assert_eq!(
            (response.status, response.reason.as_str()),
            (404, "Not Found")
        );
        assert_eq!(response.body, b"nope");
    }

    #[test]
    fn redirects_are_followed_and_the_final_url_reported() {
        let (base, server) = serve(2, |request| {
            if request.url() == "/start" {
                tiny_http::Response::from_data(Vec::new())
                    .with_status_code(302)
                    .with_header(header("Location", "/end"))
            } else {
                tiny_http::Response::from_data(b"arrived".to_vec())
            }
        });
        let response = HttpClient::default()
            .fetch(&get(&format!("{base}/start")))
            .unwrap();
        server.join().unwrap();
        assert_eq!(response.status, 200);
        assert_eq!(response.url, format!("{base}/end"));
        assert_eq!(response.body, b"arrived");
    }

    #[test]
    fn a_refused_connection_reads_like_cpython() {
        // Bind then drop a listener: its port is free and nothing accepts on it.
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let error = HttpClient::default()
            .fetch(&get(&format!("http://127.0.0.1:{port}/")))
            .unwrap_err();
        assert_eq!(error.kind, HostErrorKind::Network);
        assert_eq!(error.message, "[Errno 111] Connection refused");
    }

    #[test]
    fn unsupported_urls_are_network_errors() {
        let mut client = HttpClient::default();
        let https = client.fetch(&get("https://example.com/")).unwrap_err();
        assert_eq!(https.kind, HostErrorKind::Network);
        assert!(https.message.contains("without TLS"), "{}", https.message);
        let ftp = client.fetch(&get("ftp://example.com/")).unwrap_err();
        assert_eq!(ftp.message, "unknown url type: ftp");
        let bare = client.fetch(&get("example.com")).unwrap_err();
        assert_eq!(bare.kind, HostErrorKind::Network);
        let bad = client.fetch(&get("http://exa mple.com/")).unwrap_err();
        assert_eq!(bad.kind, HostErrorKind::Failed);
        let method = FetchRequest {
            method: "BAD METHOD".to_owned(),
            ..get("http://127.0.0.1:1/")
        };
        assert_eq!(
            client.fetch(&method).unwrap_err().kind,
            HostErrorKind::Failed
        );
    }

    #[test]
    fn bodies_past_the_limit_are_refused_streamed_or_declared() {
        let (base, server) = serve(4, |request| {
            let n: usize = request.url()[1..].parse().unwrap_or(0);
            let response = tiny_http::Response::from_data(vec![b'a'; n]);
            if n % 2 == 1 {
                response // with its Content-Length
            } else {
                response.with_chunked_threshold(0) // streamed, no length declared
            }
        });
        let mut client = HttpClient {
            max_body_bytes: 1000,
            ..HttpClient::default()
        };
        let refused = response_too_large(1000);
        assert_eq!(
            client
                .fetch(&get(&format!("{base}/1000")))
                .unwrap()
                .body
                .len(),
            1000
        );
        for n in [1001, 1002, 200_000] {
            let error = client.fetch(&get(&format!("{base}/{n}"))).unwrap_err();
            assert_eq!(
                (error.kind, error.message.as_str()),
                (HostErrorKind::Network, refused.as_str()),
                "{n} bytes"
            );
        }
        server.join().unwrap();
        assert_eq!(
            HttpClient::default().max_body_bytes,
            DEFAULT_MAX_RESPONSE_BYTES
        );
    }

    #[test]
    fn allowed_origins_refuse_other_origins_and_redirects_to_them_before_asking() {
        let (other, other_server) = serve(1, |_| tiny_http::Response::from_data(b"other".to_vec()));
        let to_other = format!("{other}/hello");
        let (base, server) = serve(3, move |request| match request.url() {
            "/away" => tiny_http::Response::from_data(Vec::new())
                .with_status_code(302)
                .with_header(header("Location", &to_other)),
            "/dir/home" => tiny_http::Response::from_data(Vec::new())
                .with_status_code(301)
                .with_header(header("Location", "here")),
            _ => tiny_http::Response::from_data(b"home".to_vec()),
        });
        let mut client = HttpClient {
            allowed_origins: Some(vec![Origin::of(&base).unwrap()]),
            ..HttpClient::default()
        };
        let refused = format!(
            "origin {} is not allowed (allowedOrigins)",
            Origin::of(&other).unwrap()
        );
        let direct = client.fetch(&get(&format!("{other}/hello"))).unwrap_err();
        assert_eq!(
            (direct.kind, direct.message.as_str()),
            (HostErrorKind::Network, refused.as_str())
        );
        let redirected = client.fetch(&get(&format!("{base}/away"))).unwrap_err();
        assert_eq!(redirected.message, refused);
        let local = client.fetch(&get(&format!("{base}/dir/home"))).unwrap();
        assert_eq!(
            (local.body.as_slice(), local.url.as_str()),
            (&b"home"[..], format!("{base}/dir/here").as_str())
        );
        server.join().unwrap();
        // The other origin was never asked: its one request is still to be made.
        assert_eq!(
            HttpClient::default()
                .fetch(&get(&format!("{other}/x")))
                .unwrap()
                .body,
            b"other"
        );
        other_server.join().unwrap();
    }

    #[test]
    fn origins_and_relative_redirects_resolve_as_urls_do() {
        let origin = Origin::of("HTTP://Example.test:80/path").unwrap();
        assert_eq!(origin, Origin::of("http://example.test").unwrap());
        assert_eq!(origin.to_string(), "http://example.test");
        assert_eq!(
            Origin::of("http://127.0.0.1:8000/").unwrap().to_string(),
            "http://127.0.0.1:8000"
        );
        assert_eq!(Origin::of("ftp://example.test/"), None);
        assert_eq!(resolve("http://h:1/a/b?q", "c"), "http://h:1/a/c");
        assert_eq!(resolve("http://h:1/a/b", "/c"), "http://h:1/c");
        assert_eq!(resolve("http://h:1", "c"), "http://h:1/c");
        assert_eq!(resolve("http://h/a", "//g/x"), "http://g/x");
        assert_eq!(resolve("http://h/a", "https://g/x"), "https://g/x");
    }

    #[test]
    fn io_errors_are_formatted_like_oserror() {
        let refused = io::Error::from_raw_os_error(111);
        assert_eq!(io_reason(&refused), "[Errno 111] Connection refused");
        let custom = io::Error::other("boom");
        assert_eq!(io_reason(&custom), "boom");
    }
}

//! `pressroom serve`: serves the built site, rebuilds on a change, keeps the last good
//! site while the build is broken, recovers when it is fixed, and refuses to leave its
//! folder.

mod common;

use common::{pressroom, root, TestResult};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The server, stopped when dropped.
struct Server {
    child: Child,
    address: String,
}

impl Drop for Server {
    /// Asks the server to stop, as Ctrl-C would, so that it removes its folder; kills it
    /// if it has not stopped within two seconds.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(2) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(site: &std::path::Path) -> Result<Server, Box<dyn std::error::Error>> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pressroom"))
        .args(["serve", "--port", "0"])
        .current_dir(site)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut lines = BufReader::new(stdout).lines();
    let address = loop {
        let line = lines.next().ok_or("serve stopped before it listened")??;
        if let Some(rest) = line.strip_prefix("serving http://") {
            break rest.split('/').next().unwrap_or_default().to_string();
        }
    };
    // Keep reading its output so that it never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    Ok(Server { child, address })
}

/// A GET of `path` as sent, without normalising it: the status and the body.
fn get(server: &Server, path: &str) -> Result<(u16, String), Box<dyn std::error::Error>> {
    let (status, _, body) = request(server, &format!("GET {path} HTTP/1.1"))?;
    Ok((status, body))
}

/// Waits up to ten seconds for `path` to hold `text`.
fn eventually(server: &Server, path: &str, text: &str) -> TestResult {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(10) {
        if get(server, path)?.1.contains(text) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Err(format!("{path} never held {text:?}").into())
}

/// The first event the page stream sends to a new page, if one comes within a second.
fn first_event(server: &Server) -> Result<String, Box<dyn std::error::Error>> {
    let mut stream = TcpStream::connect(&server.address)?;
    stream.set_read_timeout(Some(Duration::from_secs(1)))?;
    write!(
        stream,
        "GET /__pressroom/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.address
    )?;
    let mut seen = String::new();
    let mut buffer = [0u8; 4096];
    while let Ok(n) = stream.read(&mut buffer) {
        if n == 0 {
            break;
        }
        seen.push_str(&String::from_utf8_lossy(&buffer[..n]));
        if seen.contains("event:") && seen.contains("\n\n") {
            break;
        }
    }
    Ok(seen)
}

#[test]
fn serve_rebuilds_keeps_the_last_good_site_and_recovers() -> TestResult {
    let dir = tempfile::tempdir()?;
    let site = dir.path().join("site");
    pressroom(&["init", &site.display().to_string()], root())?;
    let server = start(&site)?;
    let article = "/articles/minister-opens-the-new-harbour-ferry-terminal/";

    let (status, home) = get(&server, "/")?;
    assert_eq!(status, 200);
    assert!(
        home.contains("/__pressroom/reload.js"),
        "serve injects its reload script"
    );
    let (status, page) = get(&server, article)?;
    assert_eq!(status, 200);
    assert!(page.contains("two million passengers"));

    let source = site.join("texts/example.txt");
    let text = std::fs::read_to_string(&source)?;
    std::fs::write(&source, text.replace("two million", "three million"))?;
    eventually(&server, article, "three million passengers")?;

    let broken = site.join("templates/article.html");
    std::fs::write(
        &broken,
        "{% extends \"base.html\" %}{% block main %}{{ oops( }}{% endblock main %}",
    )?;
    let started = Instant::now();
    let mut event = String::new();
    while started.elapsed() < Duration::from_secs(10) && !event.contains("error-message") {
        event = first_event(&server)?;
    }
    assert!(
        event.contains("error-message") && event.contains("article.html"),
        "{event}"
    );
    let (status, page) = get(&server, article)?;
    assert_eq!(status, 200, "the last good page is still served");
    assert!(page.contains("three million passengers"));

    std::fs::remove_file(&broken)?;
    std::fs::write(&source, text.replace("two million", "four million"))?;
    eventually(&server, article, "four million passengers")?;
    assert!(
        !first_event(&server)?.contains("error-message"),
        "the error is gone"
    );

    for path in [
        "/../site.toml",
        "/%2e%2e/site.toml",
        "/articles/../../site.toml",
        "/nowhere/",
    ] {
        let (status, _) = get(&server, path)?;
        assert!(status == 400 || status == 404, "{path}: {status}");
    }
    Ok(())
}

#[test]
fn serve_answers_under_the_base_urls_path_as_the_host_will() -> TestResult {
    let dir = tempfile::tempdir()?;
    let site = dir.path().join("site");
    pressroom(&["init", &site.display().to_string()], root())?;
    let config = site.join("site.toml");
    let text = std::fs::read_to_string(&config)?;
    std::fs::write(
        &config,
        text.replace(
            "base_url = \"/\"",
            "base_url = \"https://example.org/archive/\"",
        ),
    )?;
    let server = start(&site)?;
    let (status, home) = get(&server, "/archive/")?;
    assert_eq!(status, 200);
    assert!(home.contains("Minister opens the new harbour ferry terminal"));
    assert_eq!(get(&server, "/archive/static/style.css")?.0, 200);
    assert_eq!(
        get(&server, "/")?.0,
        404,
        "nothing is served outside the sub-path"
    );
    let (status, missing) = get(&server, "/archive/no-such-page/")?;
    assert_eq!(status, 404);
    assert!(
        missing.contains("Page not found"),
        "misses get the site's 404 page"
    );
    Ok(())
}

/// A response: the status code, the headers (lower-cased names) and the body.
type Answer = (u16, Vec<(String, String)>, String);

/// A raw request of `head` (its request line and any headers).
fn request(server: &Server, head: &str) -> Result<Answer, Box<dyn std::error::Error>> {
    let mut stream = TcpStream::connect(&server.address)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(
        stream,
        "{head}\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.address
    )?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let response = String::from_utf8_lossy(&response).into_owned();
    let (top, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let mut lines = top.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Ok((status, headers, body.to_string()))
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

#[test]
fn serve_answers_conditional_and_head_requests_and_follows_every_input() -> TestResult {
    let dir = tempfile::tempdir()?;
    let site = dir.path().join("site");
    pressroom(&["init", &site.display().to_string()], root())?;
    let server = start(&site)?;

    let (status, headers, body) = request(&server, "GET / HTTP/1.1")?;
    assert_eq!(status, 200);
    assert!(header(&headers, "content-type").is_some_and(|t| t.starts_with("text/html")));
    let etag = header(&headers, "etag")
        .ok_or("a page has an ETag")?
        .to_string();
    let (status, _, again) = request(&server, &format!("GET / HTTP/1.1\r\nIf-None-Match: {etag}"))?;
    assert_eq!(status, 304, "an unchanged page is not sent again");
    assert!(again.is_empty());
    let (status, headers, empty) = request(&server, "HEAD / HTTP/1.1")?;
    assert_eq!(status, 200);
    assert!(empty.is_empty(), "HEAD has no body");
    assert_eq!(
        header(&headers, "content-length").and_then(|n| n.parse().ok()),
        Some(body.len())
    );
    let (status, headers, _) = request(&server, "GET /static/style.css HTTP/1.1")?;
    assert_eq!(status, 200);
    assert!(header(&headers, "content-type").is_some_and(|t| t.starts_with("text/css")));

    // A new site title in site.toml, with the collection kept.
    let config = site.join("site.toml");
    let settings = std::fs::read_to_string(&config)?;
    let title = settings
        .lines()
        .find_map(|l| l.strip_prefix("title = "))
        .ok_or("site.toml has a title")?
        .to_string();
    std::fs::write(
        &config,
        settings.replacen(&title, "\"The Harbour Archive\"", 1),
    )?;
    eventually(&server, "/", "The Harbour Archive")?;
    let (status, _, _) = request(&server, &format!("GET / HTTP/1.1\r\nIf-None-Match: {etag}"))?;
    assert_eq!(status, 200, "a changed page is sent again");

    // A new headline: the article moves, and the API written beside the pages follows.
    let source = site.join("texts/example.txt");
    let text = std::fs::read_to_string(&source)?;
    std::fs::write(
        &source,
        text.replacen(
            "Minister opens the new harbour ferry terminal",
            "Minister opens the harbour's new ferry pier",
            1,
        ),
    )?;
    eventually(
        &server,
        "/",
        "Minister opens the harbour&#39;s new ferry pier",
    )?;
    eventually(
        &server,
        "/api/documents.json",
        "Minister opens the harbour's new ferry pier",
    )?;
    Ok(())
}

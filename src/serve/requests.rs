//! Answers a request for the site: a page from the live site, rendered on demand, or a
//! file from the folder the other files are written to (search index, feeds, API,
//! static files), under the site's base path; the site's 404 page for anything else.

use super::live::{with_reload_script, Live, Rendered};
use super::Shared;
use axum::body::Body;
use axum::http::{header, HeaderValue, Method, Request, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use tower::ServiceExt;
use tower_http::services::ServeDir;

/// The largest HTML file from the folder the reload script is put into.
const MAX_INJECT_BYTES: usize = 64 * 1024 * 1024;

/// What a request asks for, once its path is read.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// A file under the site: "index.html", "people/index.html", "static/style.css".
    File(String),
    /// A folder named without its closing slash: sent on to the address with it.
    Outside,
    Refused,
}

/// The file under the site that `path` names, once decoded; refused when any part of
/// it would leave the site (`..`, `%2e%2e`, a backslash, a NUL) or is not UTF-8.
fn target(path: &str, base: &str) -> Target {
    let Some(under) = path.strip_prefix(base) else {
        return Target::Outside;
    };
    let Ok(decoded) = percent_encoding::percent_decode_str(under).decode_utf8() else {
        return Target::Refused;
    };
    let leaves = decoded
        .split('/')
        .any(|part| part == ".." || part == "." || part.contains(['\\', '\0']));
    if leaves || decoded.starts_with('/') {
        return Target::Refused;
    }
    let mut file = decoded.into_owned();
    if file.is_empty() || file.ends_with('/') {
        file.push_str("index.html");
    }
    Target::File(file)
}

/// Answers one request.
pub async fn answer(
    shared: Arc<Shared>,
    files: ServeDir,
    base: String,
    request: Request<Body>,
) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    let Some(live) = shared.live() else {
        return (StatusCode::SERVICE_UNAVAILABLE, "the site is being built").into_response();
    };
    let path = request.uri().path().to_string();
    if format!("{path}/") == base {
        return redirect(&base);
    }
    let file = match target(&path, &base) {
        Target::File(file) => file,
        Target::Outside => return not_found(live, request).await,
        Target::Refused => return (StatusCode::BAD_REQUEST, "bad path").into_response(),
    };
    if live.has_page(&file) {
        return page(live, file, request).await;
    }
    let is_folder = std::path::Path::new(&file).extension().is_none();
    if is_folder && live.has_page(&format!("{file}/index.html")) {
        return redirect(&format!("{path}/"));
    }
    from_folder(live, files, &path[base.len() - 1..], request).await
}

fn redirect(to: &str) -> Response {
    match HeaderValue::from_str(to) {
        Ok(location) => (
            StatusCode::PERMANENT_REDIRECT,
            [(header::LOCATION, location)],
        )
            .into_response(),
        Err(_) => StatusCode::BAD_REQUEST.into_response(),
    }
}

/// A page of the live site, rendered off the server's threads when it must be.
async fn page(live: Arc<Live>, file: String, request: Request<Body>) -> Response {
    let rendered = tokio::task::spawn_blocking(move || live.page(&file)).await;
    match rendered {
        Ok(Some(Ok(rendered))) => html(&rendered, StatusCode::OK, &request),
        Ok(Some(Err(error))) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("cannot render this page: {error}"),
        )
            .into_response(),
        _ => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// The site's 404 page, with status 404.
async fn not_found(live: Arc<Live>, request: Request<Body>) -> Response {
    let rendered = tokio::task::spawn_blocking(move || live.page("404.html")).await;
    match rendered {
        Ok(Some(Ok(rendered))) => html(&rendered, StatusCode::NOT_FOUND, &request),
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}

/// A rendered page, or 304 when the browser holds it already; no body for HEAD.
fn html(rendered: &Rendered, status: StatusCode, request: &Request<Body>) -> Response {
    let fresh = request
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|tags| tags.split(',').any(|t| t.trim() == rendered.etag));
    let status = if fresh && status == StatusCode::OK {
        StatusCode::NOT_MODIFIED
    } else {
        status
    };
    let body = if status == StatusCode::NOT_MODIFIED || request.method() == Method::HEAD {
        Body::empty()
    } else {
        Body::from(rendered.body.clone())
    };
    let mut response = Response::new(body);
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    if let Ok(etag) = HeaderValue::from_str(&rendered.etag) {
        headers.insert(header::ETAG, etag);
    }
    if request.method() == Method::HEAD {
        headers.insert(header::CONTENT_LENGTH, rendered.body.len().into());
    }
    response
}

/// A file of the folder, at `under` (the path below the base, from its '/'); the 404
/// page when there is none. An HTML file from the folder gets the reload script too.
async fn from_folder(
    live: Arc<Live>,
    files: ServeDir,
    under: &str,
    request: Request<Body>,
) -> Response {
    let (mut parts, body) = request.into_parts();
    let query = parts
        .uri
        .query()
        .map(|q| format!("?{q}"))
        .unwrap_or_default();
    let Ok(uri) = format!("{under}{query}").parse::<Uri>() else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let original = std::mem::replace(&mut parts.uri, uri);
    let method = parts.method.clone();
    let response = match files.oneshot(Request::from_parts(parts, body)).await {
        Ok(response) => response.map(Body::new),
        Err(never) => match never {},
    };
    if response.status() == StatusCode::NOT_FOUND {
        let mut request = Request::new(Body::empty());
        *request.method_mut() = method;
        *request.uri_mut() = original;
        return not_found(live, request).await;
    }
    inject_into_html(response).await
}

async fn inject_into_html(response: Response) -> Response {
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_html || response.status() != StatusCode::OK {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_INJECT_BYTES).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    parts
        .headers
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    Response::from_parts(parts, Body::from(with_reload_script(bytes.to_vec())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_read_under_the_base_and_never_leave_the_site() {
        let file = |p: &str| Target::File(p.to_string());
        assert_eq!(target("/", "/"), file("index.html"));
        assert_eq!(target("/people/", "/"), file("people/index.html"));
        assert_eq!(target("/a/b%20c.txt", "/a/"), file("b c.txt"));
        assert_eq!(target("/other/", "/a/"), Target::Outside);
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/x",
            "/a/..%2fb",
            "//etc/passwd",
            "/a%5c..%5cb",
            "/%ff",
        ] {
            assert_eq!(target(bad, "/"), Target::Refused, "{bad}");
        }
    }
}

//! Pages link to each other relatively ("../../speeches/s-1/"); the tests compare the
//! addresses those links lead to.

/// Where `href` on the page at `page` ("/archive/articles/x/") leads: an absolute path, or
/// the link itself where it has a scheme or is only a fragment.
pub fn resolve(page: &str, href: &str) -> String {
    if href.starts_with('/') || href.starts_with('#') || href.contains("://") {
        return href.to_string();
    }
    let mut parts: Vec<&str> = page.split('/').filter(|p| !p.is_empty()).collect();
    for part in href.split('/') {
        match part {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    let mut path = format!("/{}", parts.join("/"));
    if (href.ends_with('/') || href == "." || href.ends_with("/.")) && path != "/" {
        path.push('/');
    }
    path
}

#[test]
fn relative_links_resolve_against_their_page() {
    assert_eq!(
        resolve("/a/articles/x/", "../../speeches/s/"),
        "/a/speeches/s/"
    );
    assert_eq!(resolve("/", "./articles/x/"), "/articles/x/");
    assert_eq!(resolve("/articles/x/", "../../"), "/");
    assert_eq!(
        resolve("/search/", "../static/search.js"),
        "/static/search.js"
    );
    assert_eq!(resolve("/x/", "https://e.org/"), "https://e.org/");
}

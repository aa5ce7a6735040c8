//! Internal links of a built site that lead nowhere: every `href` and `src` of every page,
//! resolved against the page's own address, must name a file or a folder with an
//! `index.html` in the output.

use std::path::Path;

/// Where a link on the page in folder `page` ("articles/x/") leads, as a path within the
/// site ("speeches/s-1/"); none for links off the site, fragments, mail and data links.
/// `base_path` ("/" or "/archive/") is stripped from root-relative links.
pub fn resolve(page: &str, href: &str, base_path: &str) -> Option<String> {
    let href = href.split(['#', '?']).next().unwrap_or_default();
    if href.is_empty() || href.contains("://") || href.starts_with("//") || href.contains(':') {
        return None;
    }
    let (mut parts, rest): (Vec<&str>, &str) = match href.strip_prefix('/') {
        Some(_) => (
            Vec::new(),
            href.strip_prefix(base_path)
                .unwrap_or(href.trim_start_matches('/')),
        ),
        None => (page.split('/').filter(|p| !p.is_empty()).collect(), href),
    };
    for part in rest.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// Whether `path` within `output` is something a host would serve.
fn exists(output: &Path, path: &str) -> bool {
    let target = output.join(path);
    target.is_file() || target.join("index.html").is_file()
}

/// Every link of the site in `output` that leads to nothing, as "page: link".
pub fn broken_links(output: &Path, base_path: &str) -> Vec<String> {
    let mut broken = Vec::new();
    for entry in walkdir::WalkDir::new(output)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let Ok(html) = std::fs::read_to_string(path) else {
            continue;
        };
        let relative = path.strip_prefix(output).unwrap_or(path);
        let name = relative.to_string_lossy().replace('\\', "/");
        // 404.html is served at any depth, so its links are root-relative.
        let page = match name.rsplit_once('/') {
            Some((folder, _)) if name != "404.html" => format!("{folder}/"),
            _ => String::new(),
        };
        for link in links_in(&html) {
            let href = html_escape::decode_html_entities(link);
            if let Some(target) = resolve(&page, &href, base_path) {
                if !exists(output, &target) {
                    broken.push(format!("{name}: {href}"));
                }
            }
        }
    }
    broken
}

/// The values of the `href` and `src` attributes of a page.
fn links_in(html: &str) -> impl Iterator<Item = &str> {
    [" href=\"", " src=\""].into_iter().flat_map(move |needle| {
        html.split(needle)
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_resolve_against_their_page_and_the_base_path() {
        assert_eq!(
            resolve("articles/x/", "../../speeches/s/", "/").as_deref(),
            Some("speeches/s")
        );
        assert_eq!(
            resolve("", "./static/style.css", "/").as_deref(),
            Some("static/style.css")
        );
        assert_eq!(
            resolve("a/", "/archive/events/", "/archive/").as_deref(),
            Some("events")
        );
        assert_eq!(resolve("a/", "#top", "/"), None);
        assert_eq!(resolve("a/", "https://example.org/", "/"), None);
        assert_eq!(resolve("a/", "mailto:x@y.z", "/"), None);
    }

    #[test]
    fn a_link_to_a_missing_page_is_reported_with_its_page() {
        let dir = tempfile::tempdir().expect("a folder");
        let out = dir.path();
        std::fs::create_dir_all(out.join("articles/x")).expect("folders");
        std::fs::write(
            out.join("index.html"),
            "<a href=\"./articles/x/\">x</a> <a href=\"./articles/y/\">y</a>",
        )
        .expect("write");
        std::fs::write(
            out.join("articles/x/index.html"),
            "<a href=\"../../\">home</a>",
        )
        .expect("write");
        assert_eq!(broken_links(out, "/"), ["index.html: ./articles/y/"]);
    }
}

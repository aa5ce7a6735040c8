//! The raw source texts, copied into the output beside the pages made from them, so a
//! reader can always see what the archive was given.

use crate::crosslink::Collection;
use crate::load::Document;
use crate::write::{Staging, WriteError};
use rayon::prelude::*;
use std::path::{Component, Path};

/// Where the copies go, under the output folder.
const SOURCES: &str = "sources";

/// Where a document's source is copied, relative to the output: under `sources/`, by its
/// path in the source folder. None for a path that would leave that folder.
pub fn copy_path(doc: &Document) -> Option<String> {
    let path = Path::new(&doc.source_path);
    let inside = path.components().all(|c| matches!(c, Component::Normal(_)));
    (inside && !doc.source_path.is_empty()).then(|| format!("{SOURCES}/{}", doc.source_path))
}

/// A copy's path as a URL path: each character outside the unreserved set
/// percent-encoded, the slashes kept.
pub fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(byte))
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Copies every document's source into the output; returns how many.
pub fn copy_sources(
    source_root: &Path,
    collection: &Collection,
    staging: &Staging,
) -> Result<usize, WriteError> {
    collection
        .documents
        .par_iter()
        .filter_map(|doc| copy_path(doc).map(|to| (doc, to)))
        .map(|(doc, to)| {
            staging
                .copy_file(&source_root.join(&doc.source_path), &to)
                .map(|()| 1)
        })
        .try_reduce(|| 0, |a, b| Ok(a + b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_s_address_is_percent_encoded_and_never_leaves_the_folder() {
        assert_eq!(
            url_path("sources/Lugar/a b#1.txt"),
            "sources/Lugar/a%20b%231.txt"
        );
        assert_eq!(url_path("sources/café.txt"), "sources/caf%C3%A9.txt");
    }
}

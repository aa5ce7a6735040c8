//! Links set by hand: `together` and `apart` in site.toml's `[crosslink]` table, or in a
//! document's sidecar or front matter. They win over what the texts suggest: `apart`
//! stops any link that would join the two documents, `together` joins them whatever the
//! texts say.

use super::unionfind::UnionFind;
use super::{Link, LinkEvidence, LinkKind};
use crate::config::CrosslinkConfig;
use crate::load::{Diagnostic, Document, Severity};
use std::collections::HashMap;

/// The hand-set links of a collection, resolved to document indices.
pub struct HandSet {
    /// Groups to join, with where they were set.
    together: Vec<(Vec<usize>, String)>,
    apart: Vec<(usize, usize)>,
    /// Names that are no document of the collection.
    pub diagnostics: Vec<Diagnostic>,
}

impl HandSet {
    pub fn new(documents: &[Document], config: &CrosslinkConfig) -> Self {
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (i, doc) in documents.iter().enumerate() {
            index.insert(doc.id.0.as_str(), i);
            index.insert(doc.source_path.as_str(), i);
        }
        let mut hand_set = HandSet {
            together: Vec::new(),
            apart: Vec::new(),
            diagnostics: Vec::new(),
        };
        let resolve = |name: &str, path: &str, diagnostics: &mut Vec<Diagnostic>| {
            let found = index.get(name.trim()).copied();
            if found.is_none() {
                diagnostics.push(Diagnostic {
                    path: path.to_string(),
                    line: None,
                    severity: Severity::Warning,
                    message: format!(
                        "a hand-set link names `{name}`, which is no document of the collection (give its source path or id)"
                    ),
                });
            }
            found
        };
        let site = "site.toml [crosslink]";
        for names in &config.together {
            let members: Vec<usize> = names
                .iter()
                .filter_map(|n| resolve(n, site, &mut hand_set.diagnostics))
                .collect();
            hand_set
                .together
                .push((members, "set by hand in site.toml".to_string()));
        }
        for pair in &config.apart {
            if let [a, b] = pair.as_slice() {
                let a = resolve(a, site, &mut hand_set.diagnostics);
                let b = resolve(b, site, &mut hand_set.diagnostics);
                if let (Some(a), Some(b)) = (a, b) {
                    hand_set.apart.push((a, b));
                }
            }
        }
        for (i, doc) in documents.iter().enumerate() {
            let path = doc.source_path.as_str();
            if !doc.together.is_empty() {
                let mut members = vec![i];
                members.extend(
                    doc.together
                        .iter()
                        .filter_map(|n| resolve(n, path, &mut hand_set.diagnostics)),
                );
                let source = format!("set by hand for {path}");
                hand_set.together.push((members, source));
            }
            for other in &doc.apart {
                if let Some(j) = resolve(other, path, &mut hand_set.diagnostics) {
                    hand_set.apart.push((i, j));
                }
            }
        }
        hand_set
    }

    /// Whether joining `a` and `b` would put two documents set apart in one group.
    pub fn forbids(&self, uf: &mut UnionFind, a: usize, b: usize) -> bool {
        if self.apart.is_empty() {
            return false;
        }
        let (ra, rb) = (uf.find(a), uf.find(b));
        self.apart.iter().any(|&(x, y)| {
            let (rx, ry) = (uf.find(x), uf.find(y));
            (rx == ra && ry == rb) || (rx == rb && ry == ra)
        })
    }

    /// The links that join each hand-set group.
    pub fn together_links(&self, documents: &[Document]) -> Vec<Link> {
        let mut links = Vec::new();
        for (members, source) in &self.together {
            let Some((&first, rest)) = members.split_first() else {
                continue;
            };
            for &other in rest.iter().filter(|&&o| o != first) {
                links.push((
                    (first.min(other), first.max(other)),
                    LinkEvidence {
                        a: documents[first].id.clone(),
                        b: documents[other].id.clone(),
                        kind: LinkKind::HandSet,
                        shared_quotes: Vec::new(),
                        score: 0,
                        containment: None,
                        reason: source.clone(),
                    },
                ));
            }
        }
        links
    }
}

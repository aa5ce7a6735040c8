//! The site as `serve` holds it: the collection, its page plan and templates, and the
//! pages rendered since the last change. A page is rendered when it is first asked for,
//! so a change costs only the pages that are looked at, not every page of the site.

use crate::build::Collected;
use crate::config::SiteConfig;
use crate::render::context::SiteContext;
use crate::render::pages::{Page, Plan};
use crate::render::{RenderError, Renderer};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The script tag that connects a served page to the server's notices.
const RELOAD_TAG: &[u8] = b"<script src=\"/__pressroom/reload.js\" defer></script>";

/// One rendered page, with the reload script in it.
pub struct Rendered {
    pub body: bytes::Bytes,
    /// A validator for conditional requests: a hash of the body.
    pub etag: String,
}

/// A loaded, linked and planned site, ready to render any of its pages.
pub struct Live {
    pub config: SiteConfig,
    pub collected: Arc<Collected>,
    site: SiteContext,
    plan: Arc<Plan>,
    renderer: Arc<Renderer>,
    rendered: Mutex<HashMap<String, Arc<Rendered>>>,
}

impl Live {
    /// The site of `collected`, planned from its collection.
    pub fn new(config: SiteConfig, collected: Arc<Collected>, renderer: Renderer) -> Live {
        let site = SiteContext::new(&config);
        let plan = Plan::new(
            &site,
            &collected.collection,
            &config.browse,
            config.page_size,
        );
        Live {
            config,
            collected,
            site,
            plan: Arc::new(plan),
            renderer: Arc::new(renderer),
            rendered: Mutex::new(HashMap::new()),
        }
    }

    /// The same site with other templates: nothing rendered is kept.
    pub fn with_renderer(&self, renderer: Renderer) -> Live {
        Live {
            config: self.config.clone(),
            collected: Arc::clone(&self.collected),
            site: self.site.clone(),
            plan: Arc::clone(&self.plan),
            renderer: Arc::new(renderer),
            rendered: Mutex::new(HashMap::new()),
        }
    }

    /// Another collection in the same templates: planned again, nothing rendered kept.
    pub fn with_collected(&self, collected: Arc<Collected>) -> Live {
        let plan = Plan::new(
            &self.site,
            &collected.collection,
            &self.config.browse,
            self.config.page_size,
        );
        Live {
            config: self.config.clone(),
            collected,
            site: self.site.clone(),
            plan: Arc::new(plan),
            renderer: Arc::clone(&self.renderer),
            rendered: Mutex::new(HashMap::new()),
        }
    }

    /// The collection with edited documents put in place, where every page stays where
    /// it was: the plan is kept, nothing rendered is.
    pub fn with_patched(&self, collected: Arc<Collected>) -> Live {
        Live {
            config: self.config.clone(),
            collected,
            site: self.site.clone(),
            plan: Arc::clone(&self.plan),
            renderer: Arc::clone(&self.renderer),
            rendered: Mutex::new(HashMap::new()),
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// Whether `file` (a path under the site, "people/index.html") is one of its pages.
    pub fn has_page(&self, file: &str) -> bool {
        self.plan.find(file).is_some()
    }

    /// The page at `file`, rendered now unless it was since the last change; None when
    /// the site has no page there.
    pub fn page(&self, file: &str) -> Option<Result<Arc<Rendered>, RenderError>> {
        let page = self.plan.find(file)?;
        if let Some(done) = self.rendered.lock().ok()?.get(file) {
            return Some(Ok(Arc::clone(done)));
        }
        Some(self.render(page).map(|rendered| {
            let rendered = Arc::new(rendered);
            if let Ok(mut cache) = self.rendered.lock() {
                cache.insert(file.to_string(), Arc::clone(&rendered));
            }
            rendered
        }))
    }

    fn render(&self, page: Page) -> Result<Rendered, RenderError> {
        let html =
            self.plan
                .render(&self.renderer, &self.site, &self.collected.collection, page)?;
        let body = with_reload_script(html.into_bytes());
        let etag = format!("\"{}\"", crate::text::short_hash_bytes(&body));
        Ok(Rendered {
            body: body.into(),
            etag,
        })
    }

    /// Renders the first page of each kind the site has, so that a template that fails
    /// only when it runs (an unknown variable, a missing filter) is reported at once,
    /// not when its page is first opened.
    pub fn try_each_kind(&self) -> Result<(), RenderError> {
        let mut seen: Vec<std::mem::Discriminant<Page>> = Vec::new();
        for (file, page) in &self.plan.pages {
            let kind = std::mem::discriminant(page);
            if seen.contains(&kind) {
                continue;
            }
            seen.push(kind);
            let rendered = Arc::new(self.render(*page)?);
            if let Ok(mut cache) = self.rendered.lock() {
                cache.insert(file.clone(), rendered);
            }
        }
        Ok(())
    }
}

/// The page with the reload script before its last `</body>` (at its end if it has none).
pub fn with_reload_script(page: Vec<u8>) -> Vec<u8> {
    let at = find_last(&page, b"</body>").unwrap_or(page.len());
    let mut out = Vec::with_capacity(page.len() + RELOAD_TAG.len());
    out.extend_from_slice(&page[..at]);
    out.extend_from_slice(RELOAD_TAG);
    out.extend_from_slice(&page[at..]);
    out
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reload_script_goes_before_the_last_closing_body_tag() {
        let page = b"<body><p>&lt;/body&gt;</p></body></html>".to_vec();
        let out = String::from_utf8(with_reload_script(page)).unwrap_or_default();
        assert!(out.ends_with("reload.js\" defer></script></body></html>"));
        let bare = String::from_utf8(with_reload_script(b"<p>x</p>".to_vec())).unwrap_or_default();
        assert!(bare.starts_with("<p>x</p><script"));
    }
}

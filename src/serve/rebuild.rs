//! Makes the served site again after a change: templates alone are read again; changed
//! sources alone are loaded again on their own (see load::reload) and the collection is
//! linked again; anything else builds from scratch. The site's other files (search
//! index, feeds, API) are written after the pages are served.

use super::live::Live;
use super::watch::Change;
use super::{Notice, Shared};
use crate::build::link_keeping;
use crate::config::SiteConfig;
use crate::crosslink::patch::patched;
use crate::crosslink::relink::relinked;
use crate::crosslink::LinkState;
use crate::load::reload::{Reloaded, Sources};
use crate::render::context::SiteContext;
use crate::render::{write_files, Renderer};
use crate::write::Staging;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Instant;

/// What the rebuilds keep between changes: the configuration and the loaded sources.
pub struct Builder {
    config: SiteConfig,
    sources: Option<Sources>,
    links: Option<LinkState>,
}

impl Builder {
    pub fn new(config: SiteConfig) -> Builder {
        Builder {
            config,
            sources: None,
            links: None,
        }
    }

    /// Makes the site again after `change` of `paths` and tells open pages: reload (or
    /// swap stylesheets), or show the error while the last good site stays served.
    /// Returns the new site when its other files are to be written again.
    pub fn rebuild(
        &mut self,
        shared: &Shared,
        change: Change,
        paths: &[PathBuf],
    ) -> Option<Arc<Live>> {
        let started = Instant::now();
        // While a build error stands (a broken site.toml, say), only a full build can
        // tell whether this change mends it.
        let standing = shared.error.lock().is_ok_and(|e| e.is_some());
        let result = match (change, shared.live()) {
            (Change::Templates, Some(live)) if !standing => new_templates(&live),
            (Change::Sources, Some(live)) if !standing && self.sources.is_some() => {
                self.new_sources(&live, paths)
            }
            (Change::Settings, Some(live)) if !standing => self.new_settings(&live),
            _ => self.build_afresh(),
        };
        match result {
            Ok((live, rewrite)) => {
                println!("{} ({} ms)", summary(&live), started.elapsed().as_millis());
                let live = Arc::new(live);
                if let Ok(mut slot) = shared.live.write() {
                    *slot = Some(Arc::clone(&live));
                }
                tell_ok(shared, change);
                rewrite.then_some(live)
            }
            Err(message) => {
                eprintln!("error: {message}\n(the last good site is still served)");
                if let Ok(mut error) = shared.error.lock() {
                    *error = Some(message.clone());
                }
                let _ = shared.notices.send(Notice {
                    kind: "error-message",
                    data: message,
                });
                None
            }
        }
    }

    /// The site with changed sources loaded again and the collection linked again, in
    /// the templates of `live`: the edited documents put in place when the edits leave
    /// what the cross-linker reads as it was; one document linked again on its own when
    /// only its text changed; else the whole collection linked again.
    fn new_sources(&mut self, live: &Live, paths: &[PathBuf]) -> Result<(Live, bool), String> {
        let (Some(sources), Some(links)) = (self.sources.as_mut(), self.links.as_mut()) else {
            return self.build_afresh();
        };
        let reloaded = sources
            .reload(&live.config, paths)
            .map_err(|e| e.to_string())?;
        if let Reloaded::Files(files) = reloaded {
            let old = &live.collected;
            let edits = sources.edited();
            let collection = edits.as_ref().and_then(|edits| {
                let patched = patched(&old.collection, edits);
                if patched.is_some() {
                    println!("read {files} source(s) again; what links them is unchanged");
                    return patched;
                }
                let [(before, after)] = edits.as_slice() else {
                    return None;
                };
                let relinked = relinked(&old.collection, links, before, after, &live.config.crosslink);
                if relinked.is_some() {
                    println!("read {files} source(s) again; linked its text again, its links are unchanged");
                }
                relinked
            });
            if let Some(collection) = collection {
                let collected = old.with_collection(collection, sources.diagnostics());
                return Ok((live.with_patched(Arc::new(collected)), true));
            }
            println!("read {files} source(s) again; linking again");
        } else {
            println!("the change alters what the collection teaches the loader: every source was read again");
        }
        let (collected, state) = link_keeping(&live.config, sources.loaded());
        *links = state;
        let next = live.with_collected(Arc::new(collected));
        next.try_each_kind().map_err(|e| e.to_string())?;
        Ok((next, true))
    }

    /// The site with site.toml read again: when what it says of the sources, the loader
    /// and the linker stays, the linked collection is kept and only planned and rendered
    /// anew (a title, the page size, the browse pages); else everything is built again.
    fn new_settings(&mut self, live: &Live) -> Result<(Live, bool), String> {
        let config = reload_config(&self.config)?;
        let old = &live.config;
        let same_collection = config.source == old.source
            && config.loader == old.loader
            && config.publishers == old.publishers
            && config.crosslink == old.crosslink;
        if !same_collection {
            return self.build_afresh();
        }
        println!("site.toml changed neither the sources, the loader nor the linker: the collection is kept");
        let renderer = Renderer::new(&config.root).map_err(|e| e.to_string())?;
        let next = Live::new(config, Arc::clone(&live.collected), renderer);
        next.try_each_kind().map_err(|e| e.to_string())?;
        Ok((next, true))
    }

    /// The site loaded, linked and planned from scratch, with site.toml read again.
    fn build_afresh(&mut self) -> Result<(Live, bool), String> {
        self.sources = None;
        self.links = None;
        let config = reload_config(&self.config)?;
        let renderer = Renderer::new(&config.root).map_err(|e| e.to_string())?;
        crate::write::check_output_is_safe(&config.output, &[&config.source, &config.root])
            .map_err(|e| e.to_string())?;
        let sources = Sources::load(&config).map_err(|e| e.to_string())?;
        let (collected, links) = link_keeping(&config, sources.loaded());
        let collected = Arc::new(collected);
        let live = Live::new(config, collected, renderer);
        live.try_each_kind().map_err(|e| e.to_string())?;
        self.sources = Some(sources);
        self.links = Some(links);
        Ok((live, true))
    }
}

/// Tells open pages the site changed, or that it is mended after an error.
fn tell_ok(shared: &Shared, change: Change) {
    let had_error = shared
        .error
        .lock()
        .ok()
        .and_then(|mut e| e.take())
        .is_some();
    let kind = match (had_error, change) {
        (true, _) => "ok",
        (false, Change::Styles) => "css",
        (false, _) => "reload",
    };
    let _ = shared.notices.send(Notice {
        kind,
        data: String::new(),
    });
}

/// The live site with the templates read again; its other files need no rewrite.
fn new_templates(live: &Live) -> Result<(Live, bool), String> {
    let renderer = Renderer::new(&live.config.root).map_err(|e| e.to_string())?;
    let next = live.with_renderer(renderer);
    next.try_each_kind().map_err(|e| e.to_string())?;
    Ok((next, false))
}

/// The one line printed for each rebuild.
fn summary(live: &Live) -> String {
    let collected = &live.collected;
    let warnings = collected
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::load::Severity::Warning)
        .count();
    format!(
        "{} documents, {} speech groups, {} events, {} pages ready, {} warnings",
        collected.collection.documents.len(),
        collected.collection.speech_groups.len(),
        collected.collection.events.len(),
        live.plan().pages.len(),
        warnings
    )
}

/// How long the sources must rest before the files other than pages are written again.
const QUIET: std::time::Duration = std::time::Duration::from_millis(300);

/// Writes the site's files other than its pages (search index, feeds, API, sources,
/// static files) in a thread of its own, so that a page is served before they are
/// done; a newer site waiting replaces an older one not yet written.
pub struct FileWriter {
    latest: Arc<(Mutex<Option<Arc<Live>>>, Condvar)>,
}

impl FileWriter {
    pub fn start() -> FileWriter {
        let latest: Arc<(Mutex<Option<Arc<Live>>>, Condvar)> = Arc::default();
        let waiting = Arc::clone(&latest);
        std::thread::spawn(move || {
            let (slot, ready) = &*waiting;
            while let Some(live) = next_quiet(slot, ready) {
                if let Err(message) = write_other_files(&live) {
                    eprintln!("error: {message}");
                }
            }
        });
        FileWriter { latest }
    }

    pub fn write(&self, live: Arc<Live>) {
        let (slot, ready) = &*self.latest;
        if let Ok(mut next) = slot.lock() {
            *next = Some(live);
            ready.notify_one();
        }
    }

    /// Writes `live`'s files now, in this thread.
    pub fn write_now(&self, live: &Live) {
        if let Err(message) = write_other_files(live) {
            eprintln!("error: {message}");
        }
    }
}

/// The site to write next, once no newer one has come for [`QUIET`]: a run of saves is
/// written once, after the last, and the cores stay free for the pages meanwhile. None
/// when the lock is broken.
fn next_quiet(slot: &Mutex<Option<Arc<Live>>>, ready: &Condvar) -> Option<Arc<Live>> {
    let mut next = slot.lock().ok()?;
    while next.is_none() {
        next = ready.wait(next).ok()?;
    }
    loop {
        let seen = next.as_ref().map(Arc::as_ptr);
        let (guard, waited) = ready.wait_timeout(next, QUIET).ok()?;
        next = guard;
        if waited.timed_out() && next.as_ref().map(Arc::as_ptr) == seen {
            return next.take();
        }
    }
}

fn write_other_files(live: &Live) -> Result<(), String> {
    let config = &live.config;
    let staging = Staging::new(&config.output).map_err(|e| e.to_string())?;
    let site = SiteContext::new(config);
    let collection = &live.collected.collection;
    if let Err(error) = write_files(config, &site, collection, live.plan(), &staging) {
        staging.abandon();
        return Err(error.to_string());
    }
    staging.commit().map_err(|e| e.to_string())
}

/// The configuration read again from its site.toml, when it has one, so that a change to
/// it applies; the output folder stays the server's.
fn reload_config(config: &SiteConfig) -> Result<SiteConfig, String> {
    let file = config.root.join("site.toml");
    if !file.is_file() {
        return Ok(config.clone());
    }
    let overrides = crate::config::Overrides {
        source: Some(config.source.clone()),
        output: Some(config.output.clone()),
        base_url: None,
    };
    SiteConfig::load(&file, &overrides).map_err(|e| e.to_string())
}

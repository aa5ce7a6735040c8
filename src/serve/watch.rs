//! Watches a site's inputs and rebuilds it when they change, telling open pages.

use super::live::Live;
use super::{Notice, ServeError, Shared};
use crate::build::{collect, Collected};
use crate::config::SiteConfig;
use crate::render::context::SiteContext;
use crate::render::{write_files, Renderer};
use crate::write::Staging;
use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// Changes that come this close together are one save (editors write in steps).
const SETTLE: Duration = Duration::from_millis(30);

/// What changed: only stylesheets, only templates, or anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Styles,
    Templates,
    Everything,
}

fn change_of(paths: &[PathBuf]) -> Change {
    if !paths.is_empty()
        && paths
            .iter()
            .all(|p| p.extension().is_some_and(|e| e == "css"))
    {
        Change::Styles
    } else {
        Change::Everything
    }
}

/// The change, with templates told apart: every path under the site's `templates/`.
fn classify(config: &SiteConfig, paths: &[PathBuf]) -> Change {
    let folder = config.root.join("templates");
    let folder = folder.canonicalize().unwrap_or(folder);
    let in_templates = |p: &PathBuf| {
        let p = p.canonicalize().unwrap_or_else(|_| p.clone());
        p.starts_with(&folder)
    };
    if !paths.is_empty() && paths.iter().all(in_templates) {
        Change::Templates
    } else {
        change_of(paths)
    }
}

/// Copies changed files of the site's `static/` into the served site, which is all such a
/// change needs; returns false, for a full rebuild, when any change is not one: a file
/// outside `static/`, or one removed (a built-in file of its name may have to return).
fn refresh_static(config: &SiteConfig, paths: &[PathBuf]) -> bool {
    let folder = config.root.join("static");
    let folder = folder.canonicalize().unwrap_or(folder);
    let copies: Option<Vec<(PathBuf, PathBuf)>> = paths
        .iter()
        .map(|path| {
            let path = path.canonicalize().ok()?;
            let relative = path.strip_prefix(&folder).ok()?.to_path_buf();
            path.is_file()
                .then(|| (path.clone(), config.output.join("static").join(relative)))
        })
        .collect();
    let Some(copies) = copies else {
        return false;
    };
    copies.iter().all(|(from, to)| {
        to.parent()
            .is_some_and(|p| std::fs::create_dir_all(p).is_ok())
            && std::fs::copy(from, to).is_ok()
    })
}

/// Makes the site again after a change and tells open pages: reload (or swap
/// stylesheets), or show the error while the last good site stays served. Returns the
/// new site when its other files (search index, API...) are to be written again.
pub fn rebuild(config: &SiteConfig, shared: &Shared, change: Change) -> Option<Arc<Live>> {
    let started = Instant::now();
    // While a build error stands (a broken site.toml, say), only a full build can tell
    // whether this change mends it.
    let standing = shared.error.lock().is_ok_and(|e| e.is_some());
    let result = match (change, shared.live()) {
        (Change::Templates, Some(live)) if !standing => new_templates(&live),
        _ => reload_config(config).and_then(|config| build_live(&config)),
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

/// The site loaded, linked and planned from scratch.
fn build_live(config: &SiteConfig) -> Result<(Live, bool), String> {
    let renderer = Renderer::new(&config.root).map_err(|e| e.to_string())?;
    let (collection, diagnostics) = collect(config).map_err(|e| e.to_string())?;
    let collected = Arc::new(Collected {
        collection,
        diagnostics,
    });
    let live = Live::new(config.clone(), collected, renderer);
    live.try_each_kind().map_err(|e| e.to_string())?;
    Ok((live, true))
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
        std::thread::spawn(move || loop {
            let (slot, ready) = &*waiting;
            let Ok(mut next) = slot.lock() else { return };
            while next.is_none() {
                match ready.wait(next) {
                    Ok(guard) => next = guard,
                    Err(_) => return,
                }
            }
            let Some(live) = next.take() else { continue };
            drop(next);
            if let Err(message) = write_other_files(&live) {
                eprintln!("error: {message}");
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

/// The folders and files a site is made from.
fn inputs(config: &SiteConfig) -> Vec<(PathBuf, RecursiveMode)> {
    let mut inputs = vec![(config.source.clone(), RecursiveMode::Recursive)];
    for folder in ["templates", "static"] {
        let path = config.root.join(folder);
        if path.is_dir() {
            inputs.push((path, RecursiveMode::Recursive));
        }
    }
    let file = config.root.join("site.toml");
    if file.is_file() {
        inputs.push((file, RecursiveMode::NonRecursive));
    }
    inputs
}

fn is_ours(path: &Path, output: &Path) -> bool {
    path.starts_with(output)
        || path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.') || n.ends_with('~') || n.ends_with(".swp"))
}

/// Starts watching; the watcher stops when the returned value is dropped.
pub fn start(
    config: SiteConfig,
    shared: Arc<Shared>,
    files: FileWriter,
) -> Result<notify::RecommendedWatcher, ServeError> {
    let (sender, receiver) = mpsc::channel::<PathBuf>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event {
            if !matches!(event.kind, notify::EventKind::Access(_)) {
                for path in event.paths {
                    let _ = sender.send(path);
                }
            }
        }
    })
    .map_err(|e| ServeError::Watch {
        path: config.root.display().to_string(),
        message: e.to_string(),
    })?;
    for (path, mode) in inputs(&config) {
        watcher.watch(&path, mode).map_err(|e| ServeError::Watch {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
    }
    std::thread::spawn(move || {
        while let Ok(first) = receiver.recv() {
            let mut changed = vec![first];
            while let Ok(more) = receiver.recv_timeout(SETTLE) {
                changed.push(more);
            }
            changed.retain(|p| !is_ours(p, &config.output));
            changed.sort();
            changed.dedup();
            if changed.is_empty() {
                continue;
            }
            let standing_error = shared.error.lock().is_ok_and(|e| e.is_some());
            if !standing_error && refresh_static(&config, &changed) {
                println!("copied {} static file(s)", changed.len());
                let kind = match change_of(&changed) {
                    Change::Styles => "css",
                    _ => "reload",
                };
                let _ = shared.notices.send(Notice {
                    kind,
                    data: String::new(),
                });
            } else {
                if let Some(live) = rebuild(&config, &shared, classify(&config, &changed)) {
                    files.write(live);
                }
            }
        }
    });
    Ok(watcher)
}

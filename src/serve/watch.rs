//! Watches a site's inputs and rebuilds it when they change, telling open pages.

use super::rebuild::{Builder, FileWriter};
use super::{Notice, ServeError, Shared};
use crate::config::SiteConfig;
use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::Arc;
use std::time::Duration;

/// Changes that come this close together are one save (editors write in steps).
const SETTLE: Duration = Duration::from_millis(10);

/// What changed: only stylesheets, only templates, only sources and their sidecars, only
/// site.toml, or anything else (a static file removed, several kinds at once).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Styles,
    Templates,
    Sources,
    Settings,
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

/// Where a path is, once its folder's links are resolved (the path may be gone).
fn resolved(path: &Path) -> PathBuf {
    match (
        path.parent().and_then(|p| p.canonicalize().ok()),
        path.file_name(),
    ) {
        (Some(folder), Some(name)) => folder.join(name),
        _ => path.to_path_buf(),
    }
}

/// The change, with templates and sources told apart: every path under the site's
/// `templates/`, or under the source folder (and none of the site's own files).
fn classify(config: &SiteConfig, paths: &[PathBuf]) -> Change {
    let folder = |name: &str| {
        let folder = config.root.join(name);
        folder.canonicalize().unwrap_or(folder)
    };
    let (templates, statics, sources) = (folder("templates"), folder("static"), folder(""));
    let sources = config
        .source
        .canonicalize()
        .unwrap_or_else(|_| sources.clone());
    let settings = resolved(&config.root.join("site.toml"));
    let paths: Vec<PathBuf> = paths.iter().map(|p| resolved(p)).collect();
    let all = |test: &dyn Fn(&PathBuf) -> bool| !paths.is_empty() && paths.iter().all(test);
    if all(&|p| p.starts_with(&templates)) {
        Change::Templates
    } else if all(&|p| *p == settings) {
        Change::Settings
    } else if all(&|p| {
        p.starts_with(&sources)
            && *p != settings
            && !p.starts_with(&templates)
            && !p.starts_with(&statics)
    }) {
        Change::Sources
    } else {
        change_of(&paths)
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
    mut builder: Builder,
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
                if let Some(live) = builder.rebuild(&shared, classify(&config, &changed), &changed)
                {
                    files.write(live);
                }
            }
        }
    });
    Ok(watcher)
}

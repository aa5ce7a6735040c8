//! `pressroom serve`: builds the site into a temporary folder, serves it on loopback,
//! rebuilds when a source, sidecar, site.toml, template or static file changes, and tells
//! open pages to reload (or to swap their stylesheets, or to show the build's error over
//! the last good pages) through server-sent events and a script injected only here.

mod live;
mod rebuild;
mod requests;
mod watch;

use crate::config::SiteConfig;
use axum::body::Body;
use axum::http::{header, Request};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, RwLock};
use tokio::sync::broadcast;
use tower_http::services::ServeDir;

const RELOAD_JS: &str = include_str!("reload.js");

/// Where to listen.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub bind: IpAddr,
    pub port: u16,
    /// Open the site in the system's browser once it listens.
    pub open: bool,
}

/// What can stop the server.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on {address}: {source}")]
    Listen {
        address: SocketAddr,
        source: std::io::Error,
    },
    #[error("cannot make the folder to build into: {0}")]
    Scratch(std::io::Error),
    #[error("cannot start the server: {0}")]
    Runtime(std::io::Error),
    #[error("cannot watch {path}: {message}")]
    Watch { path: String, message: String },
}

/// What the watcher tells open pages: "reload", "css", "ok" or "error-message".
#[derive(Debug, Clone)]
pub struct Notice {
    pub kind: &'static str,
    pub data: String,
}

/// The state every request sees.
pub struct Shared {
    pub notices: broadcast::Sender<Notice>,
    /// The last build's error, shown to pages that open while it stands.
    pub error: Mutex<Option<String>>,
    /// The site being served: the last good build.
    pub live: RwLock<Option<Arc<live::Live>>>,
}

impl Shared {
    pub fn live(&self) -> Option<Arc<live::Live>> {
        self.live.read().ok().and_then(|live| live.clone())
    }

    pub fn set_live(&self, site: live::Live) {
        if let Ok(mut live) = self.live.write() {
            *live = Some(Arc::new(site));
        }
    }
}

/// Builds, serves and watches until the process is stopped.
pub fn serve(mut config: SiteConfig, options: &ServeOptions) -> Result<(), ServeError> {
    let scratch = scratch_folder().map_err(ServeError::Scratch)?;
    config.output = scratch.path().join("site");
    let (notices, _) = broadcast::channel(16);
    let shared = Arc::new(Shared {
        notices,
        error: Mutex::new(None),
        live: RwLock::new(None),
    });
    let files = rebuild::FileWriter::start();
    let mut builder = rebuild::Builder::new(config.clone());
    if let Some(live) = builder.rebuild(&shared, watch::Change::Everything, &[]) {
        files.write_now(&live);
    }
    let _watcher = watch::start(config.clone(), Arc::clone(&shared), builder, files)?;
    let address = SocketAddr::new(options.bind, options.port);
    if !options.bind.is_loopback() {
        eprintln!(
            "warning: serving on {address}, which other machines can reach; the preview is \
             meant for this one (--bind 127.0.0.1)"
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(ServeError::Runtime)?;
    let open = options.open;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .map_err(|source| ServeError::Listen { address, source })?;
        let local = listener.local_addr().unwrap_or(address);
        let url = format!("http://{local}{}", config.base_path);
        println!("serving {url} (Ctrl-C stops)");
        if open {
            open_browser(&url);
        }
        let app = router(&config, shared);
        // Ctrl-C removes the temporary folder and stops at once: open pages hold their
        // event streams open, so waiting for connections to end would wait for ever.
        let folder = scratch.path().to_path_buf();
        tokio::spawn(async move {
            stopped().await;
            let _ = std::fs::remove_dir_all(&folder);
            std::process::exit(0);
        });
        axum::serve(listener, app)
            .await
            .map_err(ServeError::Runtime)
    })
}

/// Opens `url` with the system's opener; a system without one gets a warning.
fn open_browser(url: &str) {
    let (program, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    let opened = std::process::Command::new(program)
        .args(&args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if opened.is_err() {
        eprintln!("warning: cannot open a browser ({program} is missing); open {url}");
    }
}

/// Resolves on Ctrl-C, or on a request to terminate where the system sends one.
async fn stopped() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut terminate) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = terminate.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// The folder to build into: in memory (/dev/shm) where the system has it, as writing a
/// large site there takes a fraction of the time it takes on disk; else the temporary
/// folder.
fn scratch_folder() -> std::io::Result<tempfile::TempDir> {
    let memory = std::path::Path::new("/dev/shm");
    if memory.is_dir() {
        if let Ok(folder) = tempfile::Builder::new()
            .prefix("pressroom-serve-")
            .tempdir_in(memory)
        {
            return Ok(folder);
        }
    }
    tempfile::Builder::new()
        .prefix("pressroom-serve-")
        .tempdir()
}

fn router(config: &SiteConfig, shared: Arc<Shared>) -> Router {
    let events = {
        let shared = Arc::clone(&shared);
        get(move || events(Arc::clone(&shared)))
    };
    let files = ServeDir::new(&config.output).append_index_html_on_directories(true);
    let base = config.base_path.clone();
    Router::new()
        .route("/__pressroom/events", events)
        .route("/__pressroom/reload.js", get(reload_js))
        .fallback(move |request: Request<Body>| {
            requests::answer(Arc::clone(&shared), files.clone(), base.clone(), request)
        })
}

async fn reload_js() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        RELOAD_JS,
    )
}

/// The stream of notices to one page, starting with the build's standing error, if any.
async fn events(
    shared: Arc<Shared>,
) -> Sse<impl futures_util::Stream<Item = Result<Event, Infallible>>> {
    let standing = shared.error.lock().ok().and_then(|e| e.clone());
    let receiver = shared.notices.subscribe();
    let first = standing.map(|message| Notice {
        kind: "error-message",
        data: message,
    });
    let stream =
        futures_util::stream::unfold((first, receiver), |(first, mut receiver)| async move {
            let notice = match first {
                Some(notice) => notice,
                None => loop {
                    match receiver.recv().await {
                        Ok(notice) => break notice,
                        Err(broadcast::error::RecvError::Lagged(_)) => continue,
                        Err(broadcast::error::RecvError::Closed) => return None,
                    }
                },
            };
            let event = Event::default().event(notice.kind).data(notice.data);
            Some((Ok(event), (None, receiver)))
        });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

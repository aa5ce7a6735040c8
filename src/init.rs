//! `pressroom init DIR`: a new site that builds at once, with a commented site.toml, one
//! example source, and the folders a site's own templates and static files go in.

use std::path::{Path, PathBuf};

/// The files of a new site, by path within it.
const FILES: &[(&str, &str)] = &[
    ("site.toml", include_str!("init/site.toml")),
    ("texts/example.txt", include_str!("init/example.txt")),
    ("templates/README.md", include_str!("init/templates.md")),
    ("static/README.md", include_str!("init/static.md")),
];

/// What can stop `init`.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error("{0}: the folder is not empty; init writes only into a new or empty folder")]
    NotEmpty(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> InitError + '_ {
    move |source| InitError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes a new site into `dir`, which must be new or empty; returns the files written.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, InitError> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(io(dir))?;
        if entries.next().is_some() {
            return Err(InitError::NotEmpty(dir.to_path_buf()));
        }
    }
    let mut written = Vec::new();
    for (name, text) in FILES {
        let path = dir.join(name);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(io(folder))?;
        }
        std::fs::write(&path, text).map_err(io(&path))?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_new_site_toml_parses_and_an_occupied_folder_is_refused() {
        let dir = tempfile::tempdir().expect("a folder");
        let site = dir.path().join("site");
        let files = init(&site).expect("init writes");
        assert_eq!(files.len(), FILES.len());
        let config = crate::config::SiteConfig::load(
            &site.join("site.toml"),
            &crate::config::Overrides::default(),
        );
        let config = config.map_err(|e| e.to_string()).expect("site.toml parses");
        assert_eq!(config.source, site.join("texts"));
        let again = init(&site).map(|_| ()).unwrap_err().to_string();
        assert!(again.contains("not empty"), "{again}");
    }
}

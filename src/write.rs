//! Writing the site: every file goes into a staging folder beside the output, which is
//! swapped in only when the whole build succeeded, so a failed build leaves the previous
//! site in place. A file whose bytes are those the previous site has at the same place
//! is that file, hard-linked into the staging folder rather than written again: its
//! modification time stays, so a sync to a host or a browser's cache sees it unchanged.

use std::path::{Path, PathBuf};

/// What can go wrong writing the output.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{path}: cannot write: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: refusing to replace it: it is not a folder Pressroom can replace")]
    NotAFolder { path: PathBuf },
    #[error("{output}: refusing to use it as the output folder: it holds {holds}, which a build would delete")]
    UnsafeOutput { output: PathBuf, holds: PathBuf },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A file being written into the staging folder; [`StagedFile::finish`] flushes it.
pub struct StagedFile {
    writer: std::io::BufWriter<std::fs::File>,
    path: PathBuf,
    /// The previous site's file at the same place, where there was one.
    previous: Option<PathBuf>,
}

impl StagedFile {
    pub fn writer(&mut self) -> &mut impl std::io::Write {
        &mut self.writer
    }

    /// Flushes the file, reporting any error the buffered writes hid.
    pub fn finish(mut self) -> Result<(), WriteError> {
        use std::io::Write;
        self.writer.flush().map_err(io(&self.path))?;
        if let Some(previous) = &self.previous {
            if same_bytes(previous, &self.path) {
                // Linked to a temporary name first, so the new file is lost only once
                // the old one stands in its place.
                let linked = self.path.with_extension("unchanged");
                if std::fs::hard_link(previous, &linked).is_ok()
                    && std::fs::rename(&linked, &self.path).is_err()
                {
                    let _ = std::fs::remove_file(&linked);
                }
            }
        }
        Ok(())
    }
}

/// A staging folder that becomes the output folder on [`Staging::commit`].
#[derive(Debug)]
pub struct Staging {
    output: PathBuf,
    dir: PathBuf,
    /// The output folder, when a previous site is there to keep unchanged files from.
    previous: Option<PathBuf>,
}

/// Refuses an output folder that is, or contains, a folder the build must not delete
/// (the source folder, the site's own folder): the output is replaced wholesale.
pub fn check_output_is_safe(output: &Path, keep: &[&Path]) -> Result<(), WriteError> {
    let Ok(output_abs) = std::path::absolute(output) else {
        return Ok(());
    };
    let output_real = std::fs::canonicalize(output).unwrap_or_else(|_| output_abs.clone());
    for kept in keep {
        let kept_real = std::fs::canonicalize(kept).or_else(|_| std::path::absolute(kept));
        if let Ok(kept_real) = kept_real {
            if kept_real.starts_with(&output_real) || kept_real.starts_with(&output_abs) {
                return Err(WriteError::UnsafeOutput {
                    output: output.to_path_buf(),
                    holds: kept.to_path_buf(),
                });
            }
        }
    }
    Ok(())
}

impl Staging {
    /// Creates an empty staging folder next to `output` (same file system, so the final
    /// swap is a rename).
    pub fn new(output: &Path) -> Result<Self, WriteError> {
        if output.exists() && !output.is_dir() {
            return Err(WriteError::NotAFolder {
                path: output.to_path_buf(),
            });
        }
        let name = output
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let parent = output
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(io(parent))?;
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(io(&dir))?;
        }
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        Ok(Staging {
            output: output.to_path_buf(),
            dir,
            previous: output.is_dir().then(|| output.to_path_buf()),
        })
    }

    /// The previous site's file at a site-relative path, if it has one.
    fn previous(&self, relative: impl AsRef<Path>) -> Option<PathBuf> {
        let path = self.previous.as_ref()?.join(relative);
        // Only a plain file is kept: a link put in the output would be kept as a link.
        let plain = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
        plain.then_some(path)
    }

    /// Puts the previous site's file at `target` when it holds exactly `contents`.
    fn keep_unchanged(&self, relative: &str, target: &Path, contents: &[u8]) -> bool {
        let Some(previous) = self.previous(relative) else {
            return false;
        };
        holds(&previous, contents) && std::fs::hard_link(&previous, target).is_ok()
    }

    /// Writes one file at a site-relative path such as `articles/x/index.html`.
    pub fn write(&self, relative: &str, contents: &[u8]) -> Result<(), WriteError> {
        let path = self.dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        if self.keep_unchanged(relative, &path, contents) {
            return Ok(());
        }
        std::fs::write(&path, contents).map_err(io(&path))
    }

    /// Creates one file at a site-relative path, for output written piece by piece.
    pub fn create(&self, relative: &str) -> Result<StagedFile, WriteError> {
        let path = self.dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        let file = std::fs::File::create(&path).map_err(io(&path))?;
        Ok(StagedFile {
            writer: std::io::BufWriter::new(file),
            path,
            previous: self.previous(relative),
        })
    }

    /// Copies one file to a site-relative path.
    pub fn copy_file(&self, from: &Path, relative: &str) -> Result<(), WriteError> {
        let target = self.dir.join(relative);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        self.copy(from, relative, &target)
    }

    /// Copies `from` to `target` (at `relative` in the site), or links the previous
    /// site's copy where it has the same bytes.
    fn copy(
        &self,
        from: &Path,
        relative: impl AsRef<Path>,
        target: &Path,
    ) -> Result<(), WriteError> {
        if let Some(previous) = self.previous(relative) {
            if same_bytes(from, &previous) {
                // A site's own static file replaces a built-in one written before it.
                let _ = std::fs::remove_file(target);
                if std::fs::hard_link(&previous, target).is_ok() {
                    return Ok(());
                }
            }
        }
        std::fs::copy(from, target).map_err(io(from))?;
        Ok(())
    }

    /// Copies a folder's files into the staging folder under `prefix`.
    pub fn copy_dir(&self, from: &Path, prefix: &str) -> Result<usize, WriteError> {
        let mut copied = 0;
        for entry in walkdir::WalkDir::new(from).sort_by_file_name() {
            let entry = entry.map_err(|e| WriteError::Io {
                path: e
                    .path()
                    .map_or_else(|| from.to_path_buf(), Path::to_path_buf),
                source: e
                    .into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("file system loop")),
            })?;
            if entry.file_type().is_file() {
                let rel = entry.path().strip_prefix(from).unwrap_or(entry.path());
                let relative = Path::new(prefix).join(rel);
                let target = self.dir.join(&relative);
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent).map_err(io(parent))?;
                }
                self.copy(entry.path(), &relative, &target)?;
                copied += 1;
            }
        }
        Ok(copied)
    }

    /// Swaps the staging folder in as the output; the previous output is removed only
    /// after the new one is in place.
    pub fn commit(self) -> Result<(), WriteError> {
        let old = self.dir.with_file_name(format!(
            ".{}.old-{}",
            self.output
                .file_name()
                .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned()),
            std::process::id()
        ));
        let had_output = self.output.exists();
        if had_output {
            std::fs::rename(&self.output, &old).map_err(io(&self.output))?;
        }
        if let Err(source) = std::fs::rename(&self.dir, &self.output) {
            if had_output {
                // Put the previous site back before reporting the failure.
                let _ = std::fs::rename(&old, &self.output);
            }
            return Err(WriteError::Io {
                path: self.output.clone(),
                source,
            });
        }
        if had_output {
            std::fs::remove_dir_all(&old).map_err(io(&old))?;
        }
        Ok(())
    }

    /// Discards the staging folder after a failed build (dropping it does the same).
    pub fn abandon(self) {}
}

/// Whether a file holds exactly `contents` (its size first, so most changed files cost
/// one look at their metadata).
fn holds(path: &Path, contents: &[u8]) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.len() == contents.len() as u64)
        && std::fs::read(path).is_ok_and(|bytes| bytes == contents)
}

/// Whether two files hold the same bytes.
fn same_bytes(a: &Path, b: &Path) -> bool {
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).ok();
    size(a).is_some_and(|x| size(b) == Some(x))
        && std::fs::read(a).is_ok_and(|bytes| holds(b, &bytes))
}

impl Drop for Staging {
    /// A staging folder that was not committed is never left behind, whatever failed.
    fn drop(&mut self) {
        if self.dir.exists() {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_abandon_keeps_the_old_site() -> Result<(), Box<dyn std::error::Error>> {
        let tmp = tempfile::tempdir()?;
        let out = tmp.path().join("public");
        let first = Staging::new(&out)?;
        first.write("index.html", b"one")?;
        first.commit()?;
        let second = Staging::new(&out)?;
        second.write("index.html", b"two")?;
        second.abandon();
        assert_eq!(std::fs::read_to_string(out.join("index.html"))?, "one");
        let third = Staging::new(&out)?;
        third.write("a/b.html", b"three")?;
        third.commit()?;
        assert!(!out.join("index.html").exists());
        assert_eq!(std::fs::read_to_string(out.join("a/b.html"))?, "three");
        assert_eq!(
            std::fs::read_dir(tmp.path())?.count(),
            1,
            "no staging or old folders are left behind"
        );
        Ok(())
    }

    #[cfg(unix)]
    #[test]
    fn a_rebuild_leaves_unchanged_files_alone_and_replaces_changed_ones(
    ) -> Result<(), Box<dyn std::error::Error>> {
        use std::os::unix::fs::MetadataExt;
        let tmp = tempfile::tempdir()?;
        let out = tmp.path().join("public");
        let static_dir = tmp.path().join("static");
        std::fs::create_dir_all(&static_dir)?;
        std::fs::write(static_dir.join("style.css"), "body{}")?;
        let build = |page: &str, feed: &str| -> Result<(), WriteError> {
            let staging = Staging::new(&out)?;
            staging.write("same/index.html", b"unchanged")?;
            staging.write("changed/index.html", page.as_bytes())?;
            let mut file = staging.create("feed.xml")?;
            std::io::Write::write_all(file.writer(), feed.as_bytes()).map_err(io(&out))?;
            file.finish()?;
            staging.write("static/style.css", b"built-in")?;
            staging.copy_dir(&static_dir, "static")?;
            staging.commit()
        };
        let inode = |rel: &str| std::fs::metadata(out.join(rel)).map(|m| m.ino());
        build("one", "feed")?;
        let before: Vec<u64> = [
            "same/index.html",
            "changed/index.html",
            "feed.xml",
            "static/style.css",
        ]
        .iter()
        .map(|r| inode(r))
        .collect::<Result<_, _>>()?;
        build("two", "feed")?;
        assert_eq!(
            inode("same/index.html")?,
            before[0],
            "an unchanged page is the same file"
        );
        assert_ne!(inode("changed/index.html")?, before[1]);
        assert_eq!(inode("feed.xml")?, before[2], "a streamed file too");
        assert_eq!(inode("static/style.css")?, before[3], "a copied file too");
        assert_eq!(
            std::fs::read_to_string(out.join("changed/index.html"))?,
            "two"
        );
        assert_eq!(
            std::fs::read_to_string(out.join("static/style.css"))?,
            "body{}"
        );
        build("two", "other feed")?;
        assert_eq!(std::fs::read_to_string(out.join("feed.xml"))?, "other feed");
        assert_eq!(
            std::fs::read_dir(tmp.path())?.count(),
            2,
            "nothing is left behind"
        );
        Ok(())
    }
}

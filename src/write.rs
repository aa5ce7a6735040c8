//! Writing the site: every file goes into a staging folder beside the output, which is
//! swapped in only when the whole build succeeded, so a failed build leaves the previous
//! site in place.

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
}

impl StagedFile {
    pub fn writer(&mut self) -> &mut impl std::io::Write {
        &mut self.writer
    }

    /// Flushes the file, reporting any error the buffered writes hid.
    pub fn finish(mut self) -> Result<(), WriteError> {
        use std::io::Write;
        self.writer.flush().map_err(io(&self.path))
    }
}

/// A staging folder that becomes the output folder on [`Staging::commit`].
#[derive(Debug)]
pub struct Staging {
    output: PathBuf,
    dir: PathBuf,
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
        })
    }

    /// Writes one file at a site-relative path such as `articles/x/index.html`.
    pub fn write(&self, relative: &str, contents: &[u8]) -> Result<(), WriteError> {
        let path = self.dir.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
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
        })
    }

    /// Copies one file to a site-relative path.
    pub fn copy_file(&self, from: &Path, relative: &str) -> Result<(), WriteError> {
        let target = self.dir.join(relative);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        std::fs::copy(from, &target).map_err(io(from))?;
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
                let target = self.dir.join(prefix).join(rel);
                if let Some(parent) = target.parent() {
                    std::fs::create_dir_all(parent).map_err(io(parent))?;
                }
                std::fs::copy(entry.path(), &target).map_err(io(entry.path()))?;
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
}

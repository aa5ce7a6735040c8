//! What the command-line tests share: the crate root and a way to run the binary.

use assert_cmd::Command;
use std::error::Error;
use std::path::Path;

pub type TestResult = Result<(), Box<dyn Error>>;

/// The repository root, where the sample site's site.toml is.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `pressroom ARGS` in `dir`: whether it succeeded, its stdout and its stderr. A
/// panic is never an acceptable outcome, whatever the input.
pub fn pressroom(args: &[&str], dir: &Path) -> Result<(bool, String, String), Box<dyn Error>> {
    let output = Command::cargo_bin("pressroom")?
        .current_dir(dir)
        .args(args)
        .output()?;
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    Ok((
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr,
    ))
}

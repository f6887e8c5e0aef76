//! File helpers: atomic writes (temp file + rename), private files (0600), bounded reads.

use crate::error::{io, CliError, CliResult};
use credential_core::message;
use serde::Serialize;
use std::io::{Read, Write};
use std::path::Path;

/// Largest input file the CLI reads (credentials, subjects, keys).
pub const MAX_INPUT_BYTES: u64 = 1024 * 1024;
/// Largest trust bundle file (the core's own bundle limit).
pub const MAX_BUNDLE_BYTES: u64 = 16 * 1024 * 1024;
/// Largest image file (a phone photo of a QR code).
pub const MAX_IMAGE_BYTES: u64 = 16 * 1024 * 1024;

/// Writes `bytes` to `path` atomically: a temporary file in the same directory, fsync, rename.
/// With `private`, the file is created 0600 before any byte is written.
pub fn write_atomic(path: &Path, bytes: &[u8], private: bool) -> CliResult<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".laissez-tmp-")
        .tempfile_in(dir)
        .map_err(|e| CliError::io(io::temporary, dir, e))?;
    if private {
        set_private(tmp.path())?;
    }
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| CliError::io(io::write, path, e))?;
    if !private {
        set_mode(tmp.path(), 0o644)?;
    }
    tmp.persist(path)
        .map_err(|e| CliError::io(io::write, path, e.error))?;
    Ok(())
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> CliResult<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|e| CliError::io(io::permissions, path, e))
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> CliResult<()> {
    Ok(())
}

fn set_private(path: &Path) -> CliResult<()> {
    set_mode(path, 0o600)
}

/// Writes `value` as pretty-printed JSON to `path`, atomically (see [`write_atomic`]).
pub fn write_json(path: &Path, value: &impl Serialize) -> CliResult<()> {
    let text = serde_json::to_string_pretty(value).map_err(|e| {
        CliError::input(message!(
            "serialise_file",
            path = path.display().to_string(),
            detail = e.to_string()
        ))
    })?;
    write_atomic(path, text.as_bytes(), false)
}

/// Reads a file (or standard input for `-`), at most [`MAX_INPUT_BYTES`].
pub fn read_input(path: &Path) -> CliResult<Vec<u8>> {
    read_input_max(path, MAX_INPUT_BYTES)
}

/// Reads a file (or standard input for `-`), at most `max` bytes.
pub fn read_input_max(path: &Path, max: u64) -> CliResult<Vec<u8>> {
    let mut buf = Vec::new();
    let read = if path == Path::new("-") {
        std::io::stdin().take(max + 1).read_to_end(&mut buf)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(max + 1).read_to_end(&mut buf))
    };
    read.map_err(|e| CliError::io(io::read, path, e))?;
    if buf.len() as u64 > max {
        return Err(CliError::input(message!(
            "file_too_large",
            path = path.display().to_string(),
            max = max
        )));
    }
    Ok(buf)
}

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

/// Writes `bytes` to `path` through a temporary file beside it (`.<name>.laissez-tmp`) and a
/// rename, without syncing: a reader or a crashed process never sees half a file, and
/// [`sync_files_under`] later makes a whole batch durable at once. For files that can be
/// rewritten from elsewhere (a batch's outputs, from the registry).
pub fn write_replace(path: &Path, bytes: &[u8]) -> CliResult<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.laissez-tmp"));
    std::fs::write(&tmp, bytes).map_err(|e| CliError::io(io::write, path, e))?;
    std::fs::rename(&tmp, path).map_err(|e| CliError::io(io::write, path, e))
}

/// A file written line by line under a temporary name beside it (`.<name>.laissez-tmp`), then
/// synced and renamed into place by [`LinesFile::commit`]: until then the old file (if any)
/// stays, so a crashed writer never leaves a partial file under the final name.
pub struct LinesFile {
    path: std::path::PathBuf,
    tmp: std::path::PathBuf,
    file: std::io::BufWriter<std::fs::File>,
}

impl LinesFile {
    /// Starts the file (creating its directory; truncating a temporary file a crash left).
    pub fn create(path: &Path) -> CliResult<LinesFile> {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(dir).map_err(|e| CliError::io(io::create, dir, e))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        let tmp = dir.join(format!(".{name}.laissez-tmp"));
        let file = std::fs::File::create(&tmp).map_err(|e| CliError::io(io::write, path, e))?;
        Ok(LinesFile {
            path: path.to_owned(),
            tmp,
            file: std::io::BufWriter::with_capacity(1 << 20, file),
        })
    }

    /// Appends `line` and a line feed.
    pub fn append(&mut self, line: &[u8]) -> CliResult<()> {
        self.file
            .write_all(line)
            .and_then(|_| self.file.write_all(b"\n"))
            .map_err(|e| CliError::io(io::write, &self.path, e))
    }

    /// Flushes and syncs the file, renames it into place and syncs its directory.
    pub fn commit(self) -> CliResult<()> {
        let path = self.path;
        let file = self
            .file
            .into_inner()
            .map_err(|e| CliError::io(io::write, &path, e.into_error()))?;
        file.sync_all()
            .map_err(|e| CliError::io(io::write, &path, e))?;
        std::fs::rename(&self.tmp, &path).map_err(|e| CliError::io(io::write, &path, e))?;
        sync_directory_of(&path)
    }
}

/// Syncs the directory holding `path` (so a rename in it is durable), where directories can be
/// opened and synced (Unix).
#[cfg(unix)]
fn sync_directory_of(path: &Path) -> CliResult<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| CliError::io(io::write, dir, e))
}

#[cfg(not(unix))]
fn sync_directory_of(_path: &Path) -> CliResult<()> {
    Ok(())
}

/// Flushes what was written under `dir` to disk: `syncfs` on its file system (Linux), `sync`
/// (other Unix systems).
#[cfg(unix)]
pub fn sync_files_under(dir: &Path) -> CliResult<()> {
    let handle = std::fs::File::open(dir).map_err(|e| CliError::io(io::write, dir, e))?;
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: syncfs on a descriptor this function owns and keeps open for the call.
        #[allow(unsafe_code)]
        let rc = unsafe { libc::syncfs(handle.as_raw_fd()) };
        if rc != 0 {
            return Err(CliError::io(
                io::write,
                dir,
                std::io::Error::last_os_error(),
            ));
        }
    }
    #[cfg(not(target_os = "linux"))]
    {
        drop(handle);
        // SAFETY: sync takes no arguments and cannot fail.
        #[allow(unsafe_code)]
        unsafe {
            libc::sync()
        };
    }
    Ok(())
}

/// Flushes what was written under `dir` to disk (each file of the directory, where no
/// file-system-wide sync exists).
#[cfg(not(unix))]
pub fn sync_files_under(dir: &Path) -> CliResult<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| CliError::io(io::list, dir, e))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_file() {
            std::fs::File::open(&path)
                .and_then(|f| f.sync_all())
                .map_err(|e| CliError::io(io::write, &path, e))?;
        }
    }
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

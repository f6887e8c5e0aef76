//! What the `laissez` end-to-end tests share.

use assert_cmd::Command;
use std::path::Path;

/// The `laissez` binary with its home at `home`, no passphrase from the environment, no colours,
/// and English output (the tests read it).
pub fn laissez(home: &Path) -> Command {
    let mut c = Command::cargo_bin("laissez").unwrap();
    c.env("LAISSEZ_HOME", home)
        .env_remove("LAISSEZ_PASSPHRASE")
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    c
}

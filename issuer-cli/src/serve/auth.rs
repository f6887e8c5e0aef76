//! API keys: a client sends `Authorization: Bearer <token>`; the home keeps only the SHA-256 of
//! each token (`api-keys.json`, 0600), with the key's scopes. A token is 32 random bytes, so one
//! unsalted hash is enough; hashes are compared in constant time. `laissez serve key
//! add|list|revoke` manage the file; the server re-reads it when it changes, so a revoked key is
//! refused from the next request on.

use crate::cli::Scope;
use crate::clock;
use crate::error::{io, CliError, CliResult};
use crate::fsutil::write_atomic;
use crate::home::Home;
use crate::i18n::say;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use credential_core::codec::hex;
use credential_core::message;
use rand_core::{OsRng, RngCore};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::SystemTime;

/// One API key as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ApiKey {
    /// Public id (shown in logs and `key list`).
    pub id: String,
    /// SHA-256 of the token, hex.
    pub hash: String,
    /// What the key may do.
    pub scopes: Vec<Scope>,
    /// A label for people.
    #[serde(default)]
    pub label: String,
    /// Creation time (RFC 3339).
    pub created: String,
    /// Whether the key was revoked.
    #[serde(default)]
    pub revoked: bool,
}

/// Prefix of every token, so a leaked one is recognisable (secret scanners).
const TOKEN_PREFIX: &str = "lzk_";

fn path(home: &Home) -> PathBuf {
    home.root().join("api-keys.json")
}

fn read(home: &Home) -> CliResult<Vec<ApiKey>> {
    let p = path(home);
    match std::fs::read(&p) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
            CliError::input(message!(
                "home_invalid_config",
                path = p.display().to_string(),
                detail = e.to_string()
            ))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(CliError::io(io::read, &p, e)),
    }
}

fn write(home: &Home, keys: &[ApiKey]) -> CliResult<()> {
    let text = serde_json::to_vec_pretty(keys)
        .map_err(|e| CliError::input(message!("serialise_config", detail = e.to_string())))?;
    write_atomic(&path(home), &text, true)
}

fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// `laissez serve key add --scope …`: prints the key id, then the token (once).
pub fn add(home: &Home, scopes: &[Scope], label: &str) -> CliResult<()> {
    let mut keys = read(home)?;
    let mut secret = [0u8; 32];
    OsRng.fill_bytes(&mut secret);
    let token = format!("{TOKEN_PREFIX}{}", URL_SAFE_NO_PAD.encode(secret));
    let mut id_bytes = [0u8; 6];
    OsRng.fill_bytes(&mut id_bytes);
    let id = hex(&id_bytes);
    let mut scopes = scopes.to_vec();
    scopes.dedup();
    keys.push(ApiKey {
        id: id.clone(),
        hash: token_hash(&token),
        scopes,
        label: label.to_owned(),
        created: clock::now().to_rfc3339(),
        revoked: false,
    });
    write(home, &keys)?;
    say!("serve_key_added", id = &id);
    println!("{token}");
    Ok(())
}

/// `laissez serve key list`.
pub fn list(home: &Home) -> CliResult<()> {
    let keys = read(home)?;
    if keys.is_empty() {
        say!("serve_key_none");
    }
    for k in keys {
        let scopes: Vec<&str> = k.scopes.iter().map(|s| scope_name(*s)).collect();
        let state = if k.revoked {
            message!("serve_key_revoked_state")
        } else {
            message!("serve_key_active_state")
        };
        say!(
            "serve_key_line",
            id = &k.id,
            scopes = scopes.join(","),
            label = &k.label,
            created = &k.created,
            state = crate::i18n::text(&state)
        );
    }
    Ok(())
}

/// `laissez serve key revoke ID`.
pub fn revoke(home: &Home, id: &str) -> CliResult<()> {
    let mut keys = read(home)?;
    let Some(k) = keys.iter_mut().find(|k| k.id == id) else {
        return Err(CliError::input(message!("serve_key_unknown", id = id)));
    };
    k.revoked = true;
    write(home, &keys)?;
    say!("serve_key_revoked", id = id);
    Ok(())
}

/// A scope's name, as `--scope` takes it.
pub fn scope_name(s: Scope) -> &'static str {
    match s {
        Scope::Issue => "issue",
        Scope::Status => "status",
        Scope::Verify => "verify",
    }
}

/// Why a request was not let through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// No usable bearer token (missing, unknown or revoked): 401.
    Unauthenticated,
    /// A valid key without the scope: 403.
    Forbidden,
}

/// The API keys as the server sees them, re-read when the file changes.
pub struct KeyRing {
    file: PathBuf,
    cached: Mutex<(Option<SystemTime>, Vec<ApiKey>)>,
}

/// Equal byte strings, in time independent of where they differ.
fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl KeyRing {
    /// The key ring of `home`.
    pub fn open(home: &Home) -> CliResult<KeyRing> {
        let keys = read(home)?;
        let mtime = std::fs::metadata(path(home))
            .and_then(|m| m.modified())
            .ok();
        Ok(KeyRing {
            file: path(home),
            cached: Mutex::new((mtime, keys)),
        })
    }

    /// The key the `Authorization` header names, when it may do `scope`: its id.
    pub fn check(&self, authorization: Option<&str>, scope: Scope) -> Result<String, Denied> {
        let token = authorization
            .and_then(|h| h.strip_prefix("Bearer "))
            .map(str::trim)
            .filter(|t| t.starts_with(TOKEN_PREFIX) && t.len() < 200)
            .ok_or(Denied::Unauthenticated)?;
        let hash = token_hash(token);
        let mut cached = self.cached.lock().unwrap_or_else(|p| p.into_inner());
        let mtime = std::fs::metadata(&self.file)
            .and_then(|m| m.modified())
            .ok();
        if mtime != cached.0 {
            if let Ok(bytes) = std::fs::read(&self.file) {
                if let Ok(keys) = serde_json::from_slice::<Vec<ApiKey>>(&bytes) {
                    *cached = (mtime, keys);
                }
            } else {
                *cached = (mtime, Vec::new());
            }
        }
        let mut found = None;
        for k in &cached.1 {
            if ct_eq(k.hash.as_bytes(), hash.as_bytes()) {
                found = Some(k);
            }
        }
        match found {
            Some(k) if k.revoked => Err(Denied::Unauthenticated),
            Some(k) if k.scopes.contains(&scope) => Ok(k.id.clone()),
            Some(_) => Err(Denied::Forbidden),
            None => Err(Denied::Unauthenticated),
        }
    }
}

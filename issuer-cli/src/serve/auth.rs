//! API keys and OAuth2 clients: a client sends `Authorization: Bearer <token>` (an API key), or
//! exchanges its client secret for a short-lived access token (`oauth`). The home keeps only the
//! SHA-256 of each API key token (`api-keys.json`, 0600) or client secret (`oauth-clients.json`,
//! 0600), with its scopes. A token or secret is 32 random bytes, so one unsalted hash is enough;
//! hashes are compared in constant time. `laissez serve key|client add|list|revoke` manage the
//! files; the server re-reads them when they change, so a revoked key or client is refused from
//! the next request on.

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

/// One API key or OAuth2 client as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ApiKey {
    /// Public id (shown in logs and `key list`; the `client_id` of a client).
    pub id: String,
    /// SHA-256 of the token (client secret), hex.
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

/// What a credential file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// API keys (`serve key`): the token is the bearer token.
    ApiKey,
    /// OAuth2 clients (`serve client`): the secret buys access tokens at `/oauth/token`.
    Client,
}

impl Kind {
    /// The file in the home.
    fn file(self) -> &'static str {
        match self {
            Kind::ApiKey => "api-keys.json",
            Kind::Client => "oauth-clients.json",
        }
    }

    /// Prefix of every token or secret, so a leaked one is recognisable (secret scanners).
    fn prefix(self) -> &'static str {
        match self {
            Kind::ApiKey => "lzk_",
            Kind::Client => "lzs_",
        }
    }
}

fn path(home: &Home, kind: Kind) -> PathBuf {
    home.root().join(kind.file())
}

fn read(home: &Home, kind: Kind) -> CliResult<Vec<ApiKey>> {
    let p = path(home, kind);
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

fn write(home: &Home, kind: Kind, keys: &[ApiKey]) -> CliResult<()> {
    let text = serde_json::to_vec_pretty(keys)
        .map_err(|e| CliError::input(message!("serialise_config", detail = e.to_string())))?;
    write_atomic(&path(home, kind), &text, true)
}

fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// `laissez serve key|client add --scope …`: prints the id, then the token or secret (once).
pub fn add(home: &Home, kind: Kind, scopes: &[Scope], label: &str) -> CliResult<()> {
    let mut keys = read(home, kind)?;
    let mut secret = [0u8; 32];
    OsRng.fill_bytes(&mut secret);
    let token = format!("{}{}", kind.prefix(), URL_SAFE_NO_PAD.encode(secret));
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
    write(home, kind, &keys)?;
    match kind {
        Kind::ApiKey => say!("serve_key_added", id = &id),
        Kind::Client => say!("serve_client_added", id = &id),
    }
    println!("{token}");
    Ok(())
}

/// `laissez serve key|client list`.
pub fn list(home: &Home, kind: Kind) -> CliResult<()> {
    let keys = read(home, kind)?;
    if keys.is_empty() {
        match kind {
            Kind::ApiKey => say!("serve_key_none"),
            Kind::Client => say!("serve_client_none"),
        }
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

/// `laissez serve key|client revoke ID`.
pub fn revoke(home: &Home, kind: Kind, id: &str) -> CliResult<()> {
    let mut keys = read(home, kind)?;
    let Some(k) = keys.iter_mut().find(|k| k.id == id) else {
        return Err(CliError::input(match kind {
            Kind::ApiKey => message!("serve_key_unknown", id = id),
            Kind::Client => message!("serve_client_unknown", id = id),
        }));
    };
    k.revoked = true;
    write(home, kind, &keys)?;
    match kind {
        Kind::ApiKey => say!("serve_key_revoked", id = id),
        Kind::Client => say!("serve_client_revoked", id = id),
    }
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
    /// No usable bearer token (missing, unknown, forged or revoked): 401.
    Unauthenticated,
    /// An access token past its expiry: 401.
    Expired,
    /// A valid key without the scope: 403.
    Forbidden,
}

/// The API keys or clients as the server sees them, re-read when the file changes.
pub struct KeyRing {
    kind: Kind,
    file: PathBuf,
    cached: Mutex<(Option<SystemTime>, Vec<ApiKey>)>,
}

/// Equal byte strings, in time independent of where they differ.
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

impl KeyRing {
    /// The API keys (or clients) of `home`.
    pub fn open(home: &Home, kind: Kind) -> CliResult<KeyRing> {
        let keys = read(home, kind)?;
        let mtime = std::fs::metadata(path(home, kind))
            .and_then(|m| m.modified())
            .ok();
        Ok(KeyRing {
            kind,
            file: path(home, kind),
            cached: Mutex::new((mtime, keys)),
        })
    }

    /// The API key a bearer token is, when it may do `scope`: its id.
    pub fn check(&self, token: &str, scope: Scope) -> Result<String, Denied> {
        if !token.starts_with(self.kind.prefix()) || token.len() > 200 {
            return Err(Denied::Unauthenticated);
        }
        let hash = token_hash(token);
        match self.find(|k| ct_eq(k.hash.as_bytes(), hash.as_bytes())) {
            Some(k) if k.revoked => Err(Denied::Unauthenticated),
            Some(k) if k.scopes.contains(&scope) => Ok(k.id),
            Some(_) => Err(Denied::Forbidden),
            None => Err(Denied::Unauthenticated),
        }
    }

    /// The scopes of client `id` when `secret` is its secret and it is not revoked.
    pub fn authenticate(&self, id: &str, secret: &str) -> Option<Vec<Scope>> {
        let hash = token_hash(secret);
        self.find(|k| k.id == id)
            .filter(|k| !k.revoked && ct_eq(k.hash.as_bytes(), hash.as_bytes()))
            .map(|k| k.scopes)
    }

    /// The scopes of client `id`, unless it was revoked.
    pub fn active_scopes(&self, id: &str) -> Option<Vec<Scope>> {
        self.find(|k| k.id == id)
            .filter(|k| !k.revoked)
            .map(|k| k.scopes)
    }

    /// The stored entry `matches` accepts (the file re-read when it changed).
    fn find(&self, matches: impl Fn(&ApiKey) -> bool) -> Option<ApiKey> {
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
        // Every entry is looked at, so the time taken does not tell where a match is.
        let mut found = None;
        for k in &cached.1 {
            if matches(k) {
                found = Some(k.clone());
            }
        }
        found
    }
}

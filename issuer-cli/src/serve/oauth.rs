//! OAuth2 client credentials (RFC 6749 § 4.4): a client registered with `laissez serve client
//! add` posts `grant_type=client_credentials` (form-encoded, § 4.4.2) with its id and secret
//! (HTTP Basic, § 2.3.1, or `client_id` / `client_secret` in the body) to `POST /oauth/token`
//! and gets a bearer access token (§ 5.1) that expires.
//!
//! An access token is self-contained and checked locally, by every front-end sharing the home's
//! token key (`token-key`, 32 random bytes, 0600): `lzt_` + base64url(JSON claims `sub` (client
//! id), `scope`, `exp` (Unix seconds)) + `.` + base64url(HMAC-SHA-256 of that claims text). A
//! token is refused when forged, expired (at or after `exp`), or when its client was revoked
//! since; its scopes are those granted, narrowed by the client's current ones.

use super::auth::{scope_name, Denied, KeyRing};
use crate::cli::Scope;
use crate::error::{io, CliError, CliResult};
use crate::home::Home;
use axum::http::StatusCode;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use credential_core::{message, Message};
use hmac::{Hmac, Mac};
use rand_core::{OsRng, RngCore};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sha2::Sha256;
use std::collections::BTreeMap;
use std::io::Write;

/// Prefix of every access token.
pub const TOKEN_PREFIX: &str = "lzt_";

/// The file of the token key in the home.
const KEY_FILE: &str = "token-key";

/// What an access token says.
#[derive(Debug, Serialize, Deserialize, PartialEq)]
struct Claims {
    /// The client id.
    sub: String,
    /// Granted scopes, space-separated (RFC 6749 § 3.3).
    scope: String,
    /// Expiry, Unix seconds.
    exp: i64,
}

/// The key access tokens are signed (MACed) with.
pub struct TokenKey([u8; 32]);

impl TokenKey {
    /// The home's token key, made on first use (two front-ends starting at once agree on one:
    /// the file is created only when absent).
    pub fn open(home: &Home) -> CliResult<TokenKey> {
        let path = home.root().join(KEY_FILE);
        if !path.exists() {
            let mut key = [0u8; 32];
            OsRng.fill_bytes(&mut key);
            // tempfile creates the file 0600; persisting never replaces an existing key.
            let mut tmp = tempfile::NamedTempFile::new_in(home.root())
                .map_err(|e| CliError::io(io::write, &path, e))?;
            tmp.write_all(&key)
                .map_err(|e| CliError::io(io::write, &path, e))?;
            if let Err(e) = tmp.persist_noclobber(&path) {
                if e.error.kind() != std::io::ErrorKind::AlreadyExists {
                    return Err(CliError::io(io::write, &path, e.error));
                }
            }
        }
        let bytes = std::fs::read(&path).map_err(|e| CliError::io(io::read, &path, e))?;
        let key = <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| {
            CliError::input(message!(
                "home_invalid_config",
                path = path.display().to_string(),
                detail = "not 32 bytes"
            ))
        })?;
        Ok(TokenKey(key))
    }

    fn mac(&self) -> Hmac<Sha256> {
        // HMAC takes a key of any length.
        Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC key")
    }

    /// A token for client `sub` with `scopes`, expiring at `exp`.
    fn mint(&self, sub: &str, scopes: &[Scope], exp: i64) -> String {
        let names: Vec<&str> = scopes.iter().map(|s| scope_name(*s)).collect();
        let claims = Claims {
            sub: sub.to_owned(),
            scope: names.join(" "),
            exp,
        };
        let text = serde_json::to_vec(&claims).expect("claims serialise");
        let mut mac = self.mac();
        mac.update(&text);
        format!(
            "{TOKEN_PREFIX}{}.{}",
            URL_SAFE_NO_PAD.encode(&text),
            URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
        )
    }

    /// The claims of a token this key made, `None` for anything else.
    fn open_token(&self, token: &str) -> Option<Claims> {
        if token.len() > 2048 {
            return None;
        }
        let (text, tag) = token.strip_prefix(TOKEN_PREFIX)?.split_once('.')?;
        let text = URL_SAFE_NO_PAD.decode(text).ok()?;
        let tag = URL_SAFE_NO_PAD.decode(tag).ok()?;
        let mut mac = self.mac();
        mac.update(&text);
        mac.verify_slice(&tag).ok()?; // constant time
        serde_json::from_slice(&text).ok()
    }
}

/// The client an access token belongs to, when it may do `scope` at time `now` (Unix seconds);
/// `current` gives a client's scopes now (`None` once revoked: `KeyRing::active_scopes`).
pub fn check(
    key: &TokenKey,
    token: &str,
    scope: Scope,
    now: i64,
    current: impl FnOnce(&str) -> Option<Vec<Scope>>,
) -> Result<String, Denied> {
    let claims = key.open_token(token).ok_or(Denied::Unauthenticated)?;
    if now >= claims.exp {
        return Err(Denied::Expired);
    }
    let current = current(&claims.sub).ok_or(Denied::Unauthenticated)?;
    let granted = claims.scope.split(' ').any(|s| s == scope_name(scope));
    if granted && current.contains(&scope) {
        Ok(claims.sub)
    } else {
        Err(Denied::Forbidden)
    }
}

/// A token request refused: the RFC 6749 § 5.2 error code, its status, and why.
#[derive(Debug)]
pub struct Refusal {
    /// HTTP status (400, or 401 for `invalid_client`).
    pub status: StatusCode,
    /// `error`.
    pub error: &'static str,
    /// `error_description`.
    pub message: Message,
}

fn refuse(error: &'static str, message: Message) -> Refusal {
    let status = if error == "invalid_client" {
        StatusCode::UNAUTHORIZED
    } else {
        StatusCode::BAD_REQUEST
    };
    Refusal {
        status,
        error,
        message,
    }
}

/// The parameters of a form-encoded body; a parameter given twice is refused (§ 3.2).
fn form(body: &[u8]) -> Result<BTreeMap<String, String>, Refusal> {
    let invalid = || refuse("invalid_request", message!("serve_oauth_invalid_request"));
    let text = std::str::from_utf8(body).map_err(|_| invalid())?;
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(&s.replace('+', " "))
            .decode_utf8()
            .map(|c| c.into_owned())
            .map_err(|_| invalid())
    };
    let mut out = BTreeMap::new();
    for pair in text.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        if out.insert(decode(name)?, decode(value)?).is_some() {
            return Err(invalid());
        }
    }
    Ok(out)
}

/// The client id and secret of an `Authorization: Basic` header (§ 2.3.1: each form-encoded).
fn basic(header: &str) -> Option<(String, String)> {
    let encoded = header.strip_prefix("Basic ")?.trim();
    let text = String::from_utf8(STANDARD.decode(encoded).ok()?).ok()?;
    let (id, secret) = text.split_once(':')?;
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(&s.replace('+', " "))
            .decode_utf8()
            .ok()
            .map(|c| c.into_owned())
    };
    Some((decode(id)?, decode(secret)?))
}

/// `POST /oauth/token` at time `now`: the § 5.1 answer and the client id, or a refusal.
pub fn token(
    clients: &KeyRing,
    key: &TokenKey,
    lifetime: i64,
    authorization: Option<&str>,
    body: &[u8],
    now: i64,
) -> Result<(Value, String), Refusal> {
    let params = form(body)?;
    match params.get("grant_type").map(String::as_str) {
        Some("client_credentials") => {}
        Some(_) => {
            return Err(refuse(
                "unsupported_grant_type",
                message!("serve_oauth_unsupported_grant"),
            ))
        }
        None => {
            return Err(refuse(
                "invalid_request",
                message!("serve_oauth_invalid_request"),
            ))
        }
    }
    let in_body = params
        .get("client_id")
        .zip(params.get("client_secret"))
        .map(|(i, s)| (i.clone(), s.clone()));
    let (id, secret) = match (authorization.and_then(basic), in_body) {
        (Some(c), None) | (None, Some(c)) => c,
        // § 2.3: one authentication method per request.
        (Some(_), Some(_)) => {
            return Err(refuse(
                "invalid_request",
                message!("serve_oauth_invalid_request"),
            ))
        }
        (None, None) => {
            return Err(refuse(
                "invalid_client",
                message!("serve_oauth_invalid_client"),
            ))
        }
    };
    let Some(allowed) = clients.authenticate(&id, &secret) else {
        return Err(refuse(
            "invalid_client",
            message!("serve_oauth_invalid_client"),
        ));
    };
    let scopes = match params.get("scope") {
        None => allowed,
        Some(asked) => {
            let mut scopes = Vec::new();
            for name in asked.split(' ').filter(|s| !s.is_empty()) {
                let scope = allowed
                    .iter()
                    .find(|s| scope_name(**s) == name)
                    .ok_or_else(|| {
                        refuse(
                            "invalid_scope",
                            message!("serve_oauth_invalid_scope", scope = name),
                        )
                    })?;
                if !scopes.contains(scope) {
                    scopes.push(*scope);
                }
            }
            scopes
        }
    };
    let names: Vec<&str> = scopes.iter().map(|s| scope_name(*s)).collect();
    let answer = json!({
        "access_token": key.mint(&id, &scopes, now + lifetime),
        "token_type": "Bearer",
        "expires_in": lifetime,
        "scope": names.join(" "),
    });
    Ok((answer, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(byte: u8) -> TokenKey {
        TokenKey([byte; 32])
    }

    #[test]
    fn a_token_opens_with_its_key_only_and_untouched() {
        let t = key(1).mint("c1", &[Scope::Issue, Scope::Status], 1_000);
        let claims = key(1).open_token(&t).unwrap();
        assert_eq!(
            claims,
            Claims {
                sub: "c1".into(),
                scope: "issue status".into(),
                exp: 1_000
            }
        );
        assert!(key(2).open_token(&t).is_none());
        // Another expiry with the old tag.
        let (text, tag) = t
            .strip_prefix(TOKEN_PREFIX)
            .unwrap()
            .split_once('.')
            .unwrap();
        let claims_text = String::from_utf8(URL_SAFE_NO_PAD.decode(text).unwrap()).unwrap();
        let forged = URL_SAFE_NO_PAD.encode(claims_text.replace("1000", "9999"));
        assert!(key(1)
            .open_token(&format!("{TOKEN_PREFIX}{forged}.{tag}"))
            .is_none());
        assert!(key(1).open_token("lzt_").is_none());
        assert!(key(1).open_token("lzt_.").is_none());
    }

    #[test]
    fn a_token_works_until_it_expires_within_its_scopes_while_its_client_lasts() {
        let k = key(7);
        let t = k.mint("c1", &[Scope::Issue], 1_000);
        let both = |_: &str| Some(vec![Scope::Issue, Scope::Status]);
        assert_eq!(check(&k, &t, Scope::Issue, 999, both), Ok("c1".into()));
        assert_eq!(
            check(&k, &t, Scope::Issue, 1_000, both),
            Err(Denied::Expired)
        );
        assert_eq!(
            check(&k, &t, Scope::Issue, 5_000, both),
            Err(Denied::Expired)
        );
        // Not granted, or no longer the client's.
        assert_eq!(
            check(&k, &t, Scope::Status, 999, both),
            Err(Denied::Forbidden)
        );
        let status_only = |_: &str| Some(vec![Scope::Status]);
        assert_eq!(
            check(&k, &t, Scope::Issue, 999, status_only),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            check(&k, &t, Scope::Issue, 999, |_| None),
            Err(Denied::Unauthenticated)
        );
        assert_eq!(
            check(&key(8), &t, Scope::Issue, 999, both),
            Err(Denied::Unauthenticated)
        );
    }

    #[test]
    fn form_bodies_and_basic_credentials_decode() {
        let p = form(b"grant_type=client_credentials&scope=issue+status&x=%41%2B").unwrap();
        assert_eq!(p["grant_type"], "client_credentials");
        assert_eq!(p["scope"], "issue status");
        assert_eq!(p["x"], "A+");
        assert!(form(b"a=1&a=2").is_err());
        assert!(form(b"a=%FF").is_err());
        let header = format!("Basic {}", STANDARD.encode("c%3A1:s+1"));
        assert_eq!(basic(&header), Some(("c:1".into(), "s 1".into())));
        assert_eq!(basic("Basic !!!"), None);
    }
}

//! Key files from outside the keystore: a secret key to import or to sign a holder's key binding
//! with, and a holder's public key for an SD-JWT VC's `cnf`.

use crate::error::{CliError, CliResult};
use crate::fsutil::read_input;
use credential_core::did::resolve;
use credential_core::keys::{PublicKey, SecretKey};
use credential_core::message;
use std::path::Path;
use zeroize::Zeroizing;

/// A secret key file: PKCS#8 PEM, a JWK with `d`, or a Multikey secret.
pub fn read_secret(file: &Path) -> CliResult<SecretKey> {
    let bytes = Zeroizing::new(read_input(file)?);
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| CliError::input(message!("file_not_utf8", path = file.display().to_string())))?
        .trim();
    if text.starts_with("-----BEGIN") {
        Ok(SecretKey::from_pkcs8_pem(text)?)
    } else if text.starts_with('{') {
        let jwk = credential_core::json::parse_bounded(text.as_bytes(), Default::default())?;
        if jwk.get("d").is_none() {
            return Err(CliError::input(message!("key_jwk_no_secret")));
        }
        Ok(SecretKey::from_jwk(&jwk)?)
    } else if text.starts_with('z') {
        Ok(SecretKey::from_multikey(text)?)
    } else {
        Err(CliError::input(message!(
            "key_unknown_format",
            path = file.display().to_string()
        )))
    }
}

/// A public key given inline (`did:key:…`, `did:jwk:…`, a Multikey `z…`) or as a file holding
/// SPKI PEM, a JWK (its public members) or one of the inline forms.
pub fn read_public(value: &str) -> CliResult<PublicKey> {
    if let Some(k) = public_text(value)? {
        return Ok(k);
    }
    let path = Path::new(value);
    let bytes = read_input(path)?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| CliError::input(message!("file_not_utf8", path = value)))?
        .trim();
    if text.starts_with("-----BEGIN") {
        return Ok(PublicKey::from_spki_pem(text)?);
    }
    if text.starts_with('{') {
        let jwk = credential_core::json::parse_bounded(text.as_bytes(), Default::default())?;
        return Ok(PublicKey::from_jwk(&jwk)?);
    }
    public_text(text)?.ok_or_else(|| CliError::input(message!("key_unknown_format", path = value)))
}

/// An inline public key, or `None` when `text` is not one.
fn public_text(text: &str) -> CliResult<Option<PublicKey>> {
    if text.starts_with("did:key:") || text.starts_with("did:jwk:") {
        return Ok(Some(resolve(text, None)?.public_key));
    }
    if text.starts_with('z') && !Path::new(text).exists() {
        return Ok(Some(PublicKey::from_multikey(text)?));
    }
    Ok(None)
}

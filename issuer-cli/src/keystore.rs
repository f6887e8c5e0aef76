//! Key files: `keys/<name>.json`, 0600, written atomically; optionally encrypted with a
//! passphrase (Argon2id key derivation, XChaCha20-Poly1305).

use crate::error::{io, CliError, CliResult};
use crate::fsutil::{read_input, write_atomic};
use crate::home::Home;
use argon2::{Algorithm as Argon, Argon2, Params, Version};
use base64::engine::general_purpose::STANDARD_NO_PAD as B64;
use base64::Engine as _;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use credential_core::keys::{Algorithm, PublicKey, SecretKey};
use credential_core::message;
use rand_core::{OsRng, RngCore};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

/// The on-disk key file.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct KeyFile {
    version: u32,
    algorithm: String,
    public_key_multibase: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    secret_key_multibase: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    encrypted: Option<Encrypted>,
}

#[derive(Serialize, Deserialize)]
struct Encrypted {
    kdf: String,
    m_cost: u32,
    t_cost: u32,
    p_cost: u32,
    salt: String,
    nonce: String,
    ciphertext: String,
}

/// A key's public description.
pub struct KeyInfo {
    /// File name without `.json`.
    pub name: String,
    /// The public key.
    pub public: PublicKey,
    /// Whether the secret is passphrase-encrypted.
    pub encrypted: bool,
}

/// Checks a key name: 1 to 64 of `A-Z a-z 0-9 _ -`.
pub fn check_name(name: &str) -> CliResult<()> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(CliError::input(message!("key_invalid_name", name = name)))
    }
}

fn derive(passphrase: &str, salt: &[u8], m: u32, t: u32, p: u32) -> CliResult<Zeroizing<[u8; 32]>> {
    let params = Params::new(m, t, p, Some(32))
        .map_err(|e| CliError::input(message!("key_kdf_parameters", detail = e.to_string())))?;
    let mut out = Zeroizing::new([0u8; 32]);
    Argon2::new(Argon::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, out.as_mut())
        .map_err(|e| CliError::input(message!("key_derivation_failed", detail = e.to_string())))?;
    Ok(out)
}

/// Saves `key` as `keys/<name>.json`; refuses to overwrite an existing key.
pub fn save(home: &Home, name: &str, key: &SecretKey, passphrase: Option<&str>) -> CliResult<()> {
    check_name(name)?;
    let path = home.keys_dir().join(format!("{name}.json"));
    if path.exists() {
        return Err(CliError::input(message!("key_exists", name = name)));
    }
    let public = key.public_key().to_multikey();
    let secret = key.to_multikey();
    let (secret_key_multibase, encrypted) = match passphrase {
        None => (Some(secret.to_string()), None),
        Some(pass) => {
            let (m, t, p) = (19_456, 2, 1);
            let mut salt = [0u8; 16];
            let mut nonce = [0u8; 24];
            OsRng.fill_bytes(&mut salt);
            OsRng.fill_bytes(&mut nonce);
            let k = derive(pass, &salt, m, t, p)?;
            let cipher = XChaCha20Poly1305::new(k.as_ref().into());
            let ct = cipher
                .encrypt(
                    &XNonce::from(nonce),
                    Payload {
                        msg: secret.as_bytes(),
                        aad: public.as_bytes(),
                    },
                )
                .map_err(|_| CliError::input(message!("key_encryption_failed")))?;
            (
                None,
                Some(Encrypted {
                    kdf: "argon2id".into(),
                    m_cost: m,
                    t_cost: t,
                    p_cost: p,
                    salt: B64.encode(salt),
                    nonce: B64.encode(nonce),
                    ciphertext: B64.encode(ct),
                }),
            )
        }
    };
    let file = KeyFile {
        version: 1,
        algorithm: key.algorithm().name().into(),
        public_key_multibase: public,
        secret_key_multibase,
        encrypted,
    };
    let text = Zeroizing::new(serde_json::to_string_pretty(&file).map_err(|e| {
        CliError::input(message!(
            "serialise_key_file",
            path = path.display().to_string(),
            detail = e.to_string()
        ))
    })?);
    write_atomic(&path, text.as_bytes(), true)
}

fn read_file(home: &Home, name: &str) -> CliResult<KeyFile> {
    check_name(name)?;
    let path = home.keys_dir().join(format!("{name}.json"));
    if !path.exists() {
        return Err(CliError::Input {
            message: message!("key_not_found", name = name),
            hint: Some(message!("hint_see_key_list")),
        });
    }
    let bytes = Zeroizing::new(read_input(&path)?);
    serde_json::from_slice(&bytes).map_err(|e| {
        CliError::input(message!(
            "key_file_invalid",
            path = path.display().to_string(),
            detail = e.to_string()
        ))
    })
}

/// The public description of key `name`.
pub fn info(home: &Home, name: &str) -> CliResult<KeyInfo> {
    let f = read_file(home, name)?;
    Ok(KeyInfo {
        name: name.to_owned(),
        public: PublicKey::from_multikey(&f.public_key_multibase)?,
        encrypted: f.encrypted.is_some(),
    })
}

/// Loads the secret key `name`, decrypting with `passphrase` when the file is encrypted.
pub fn load(home: &Home, name: &str, passphrase: Option<&str>) -> CliResult<SecretKey> {
    let f = read_file(home, name)?;
    let secret: Zeroizing<String> = match (&f.secret_key_multibase, &f.encrypted) {
        (Some(s), None) => Zeroizing::new(s.clone()),
        (None, Some(e)) => {
            let pass = passphrase.ok_or_else(|| {
                CliError::input(message!("key_encrypted_no_passphrase", name = name))
            })?;
            let salt = B64
                .decode(&e.salt)
                .map_err(|_| CliError::input(message!("key_file_corrupt_salt")))?;
            let nonce: [u8; 24] = B64
                .decode(&e.nonce)
                .ok()
                .and_then(|n| n.try_into().ok())
                .ok_or_else(|| CliError::input(message!("key_file_corrupt_nonce")))?;
            let ct = B64
                .decode(&e.ciphertext)
                .map_err(|_| CliError::input(message!("key_file_corrupt")))?;
            if e.kdf != "argon2id" || e.m_cost > 1 << 20 || e.t_cost > 16 {
                return Err(CliError::input(message!("key_file_unsupported_encryption")));
            }
            let k = derive(pass, &salt, e.m_cost, e.t_cost, e.p_cost)?;
            let cipher = XChaCha20Poly1305::new(k.as_ref().into());
            let pt = cipher
                .decrypt(
                    &XNonce::from(nonce),
                    Payload {
                        msg: &ct,
                        aad: f.public_key_multibase.as_bytes(),
                    },
                )
                .map_err(|_| CliError::input(message!("key_wrong_passphrase", name = name)))?;
            Zeroizing::new(
                String::from_utf8(pt).map_err(|_| CliError::input(message!("key_file_corrupt")))?,
            )
        }
        _ => return Err(CliError::input(message!("key_file_no_secret", name = name))),
    };
    let key = SecretKey::from_multikey(&secret)?;
    if key.public_key().to_multikey() != f.public_key_multibase
        || key.algorithm() != Algorithm::from_name(&f.algorithm)?
    {
        return Err(CliError::input(message!(
            "key_file_inconsistent",
            name = name
        )));
    }
    Ok(key)
}

/// Every key in the home, sorted by name.
pub fn list(home: &Home) -> CliResult<Vec<KeyInfo>> {
    let dir = home.keys_dir();
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&dir).map_err(|e| CliError::io(io::list, &dir, e))? {
        let entry = entry.map_err(|e| CliError::io(io::list, &dir, e))?;
        // Names that are not UTF-8 cannot be key names (see `check_name`): not a key file.
        if let Some(name) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.strip_suffix(".json"))
        {
            names.push(name.to_owned());
        }
    }
    names.sort();
    names.iter().map(|n| info(home, n)).collect()
}

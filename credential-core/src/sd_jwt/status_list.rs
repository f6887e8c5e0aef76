//! Token Status List (draft-ietf-oauth-status-list): a credential's `status.status_list`
//! `{idx, uri}` checked against a status list token (`typ` `statuslist+jwt`) the caller holds —
//! fetched and cached by the host, e.g. carried in the trust bundle. Nothing is fetched here.
//!
//! The list (`status_list.lst`) is base64url of the ZLIB-compressed bytes; entry `idx` of
//! `bits` bits sits in byte `idx * bits / 8`, counted from the least significant bit (§4.1).

use super::digest::truncate;
use super::jws::{self, Jws};
use super::verify::VerifiedSdJwt;
use super::Limits;
use crate::codec::inflate;
use crate::codec::Base64::UrlSafeNoPad as B64;
use crate::error::{Error, Result};
use crate::keys::{PublicKey, Signer};
use crate::model::Timestamp;
use serde_json::{json, Map, Value};

/// The `typ` of a status list token.
pub const STATUS_LIST_TYP: &str = "statuslist+jwt";
/// Largest decompressed list accepted (16 MiB: 134 million 1-bit entries); bounds zip bombs.
const MAX_LIST_BYTES: usize = 16 * 1024 * 1024;

/// A credential's reference into a status list: `status.status_list`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusReference {
    /// `idx`: the entry.
    pub idx: u64,
    /// `uri`: the status list token's `sub`.
    pub uri: String,
}

impl StatusReference {
    /// The `status` claim: `{"status_list": {"idx": …, "uri": …}}`.
    pub fn to_json(&self) -> Value {
        json!({"status_list": {"idx": self.idx, "uri": self.uri}})
    }

    /// Reads the `status` claim of verified claims; `None` when there is none.
    pub fn from_claims(claims: &Map<String, Value>) -> Result<Option<Self>> {
        let Some(status) = claims.get("status") else {
            return Ok(None);
        };
        let Some(list) = status.get("status_list") else {
            return Ok(None);
        };
        let idx = list.get("idx").and_then(Value::as_u64);
        let uri = list.get("uri").and_then(Value::as_str);
        match (idx, uri) {
            (Some(idx), Some(uri)) => Ok(Some(StatusReference {
                idx,
                uri: uri.to_owned(),
            })),
            _ => Err(Error::SdJwtMalformed(
                "status.status_list needs an integer idx and a string uri".into(),
            )),
        }
    }
}

/// A status value (§7.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenStatus {
    /// 0x00.
    Valid,
    /// 0x01: revoked.
    Invalid,
    /// 0x02: suspended.
    Suspended,
    /// Any other value (0x03 is application-specific; the rest reserved).
    Other(u8),
}

impl TokenStatus {
    /// The status value.
    pub fn to_u8(self) -> u8 {
        match self {
            TokenStatus::Valid => 0,
            TokenStatus::Invalid => 1,
            TokenStatus::Suspended => 2,
            TokenStatus::Other(n) => n,
        }
    }

    fn from_u8(v: u8) -> Self {
        match v {
            0 => TokenStatus::Valid,
            1 => TokenStatus::Invalid,
            2 => TokenStatus::Suspended,
            n => TokenStatus::Other(n),
        }
    }
}

/// A verified status list token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusListToken {
    /// `sub`: the URI credentials reference.
    pub uri: String,
    /// `iat`.
    pub issued_at: Timestamp,
    /// `exp`, if any.
    pub expires: Option<Timestamp>,
    /// `ttl` in seconds, if any.
    pub ttl: Option<u64>,
    bits: u8,
    list: Vec<u8>,
}

fn invalid(m: impl Into<String>) -> Error {
    Error::StatusListInvalid(m.into())
}

impl StatusListToken {
    /// Verifies a status list token (§5.1, §8.3): signature by `key`, `typ`, `sub`, `iat`, not
    /// expired at `now`, and a well-formed list.
    pub fn verify(token: &str, key: &PublicKey, now: Timestamp) -> Result<Self> {
        let limits = Limits {
            max_bytes: 4 * 1024 * 1024,
            ..Limits::default()
        };
        if token.len() > limits.max_bytes {
            return Err(invalid(format!("a token of {} bytes", token.len())));
        }
        let jws = Jws::decode(token.trim(), &limits)?;
        if jws.typ() != Some(STATUS_LIST_TYP) {
            return Err(invalid(format!("its typ is not {STATUS_LIST_TYP:?}")));
        }
        jws.verify(key)?;
        let p = &jws.payload;
        let uri = p
            .get("sub")
            .and_then(Value::as_str)
            .ok_or_else(|| invalid("no string \"sub\""))?;
        let iat = p
            .get("iat")
            .and_then(Value::as_i64)
            .ok_or_else(|| invalid("no integer \"iat\""))?;
        let exp = p
            .get("exp")
            .map(|v| {
                v.as_i64()
                    .ok_or_else(|| invalid("\"exp\" is not an integer"))
            })
            .transpose()?;
        if let Some(exp) = exp {
            if now.0 >= exp {
                return Err(invalid(format!(
                    "it expired at {}",
                    Timestamp(exp).to_rfc3339()
                )));
            }
        }
        let ttl = p.get("ttl").and_then(Value::as_u64);
        let list = p
            .get("status_list")
            .ok_or_else(|| invalid("no \"status_list\""))?;
        let bits = match list.get("bits").and_then(Value::as_u64) {
            Some(b @ (1 | 2 | 4 | 8)) => b as u8,
            _ => return Err(invalid("\"bits\" is not 1, 2, 4 or 8")),
        };
        let lst = list
            .get("lst")
            .and_then(Value::as_str)
            .ok_or_else(|| invalid("no string \"lst\""))?;
        let compressed = B64
            .decode(lst)
            .ok_or_else(|| invalid("\"lst\" is not base64url"))?;
        let header = match compressed.get(..2) {
            Some(h) => [h[0], h[1]],
            None => return Err(invalid("\"lst\" is empty")),
        };
        let list = inflate::zlib(&compressed, header, None, MAX_LIST_BYTES).map_err(|e| {
            invalid(match e {
                inflate::InflateError::Corrupt(m) => format!("\"lst\" is not ZLIB data: {m}"),
                inflate::InflateError::Truncated => "\"lst\" is truncated".into(),
                inflate::InflateError::TooLarge => {
                    format!("\"lst\" decompresses to more than {MAX_LIST_BYTES} bytes")
                }
            })
        })?;
        Ok(StatusListToken {
            uri: uri.to_owned(),
            issued_at: Timestamp(iat),
            expires: exp.map(Timestamp),
            ttl,
            bits,
            list,
        })
    }

    /// Signs a status list token of `statuses` (one value per entry, each below 2^`bits`).
    pub fn issue(
        uri: &str,
        bits: u8,
        statuses: &[u8],
        issued_at: Timestamp,
        expires: Option<Timestamp>,
        signer: &dyn Signer,
    ) -> Result<String> {
        if !matches!(bits, 1 | 2 | 4 | 8) || statuses.iter().any(|s| u16::from(*s) >> bits != 0) {
            return Err(invalid("bits must be 1, 2, 4 or 8 and hold every status"));
        }
        let per_byte = 8 / usize::from(bits);
        let mut bytes = vec![0u8; statuses.len().div_ceil(per_byte)];
        for (i, s) in statuses.iter().enumerate() {
            bytes[i / per_byte] |= s << ((i % per_byte) * usize::from(bits));
        }
        let lst = B64.encode(crate::codec::zlib::compress(&bytes, false));
        let mut payload = json!({
            "sub": uri,
            "iat": issued_at.0,
            "status_list": {"bits": bits, "lst": lst},
        });
        if let Some(e) = expires {
            payload["exp"] = e.0.into();
        }
        let mut header = Map::new();
        header.insert("typ".into(), STATUS_LIST_TYP.into());
        jws::sign(header, &payload, signer)
    }

    /// Number of entries.
    pub fn len(&self) -> u64 {
        self.list.len() as u64 * 8 / u64::from(self.bits)
    }

    /// Whether the list has no entries.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The status of entry `idx`.
    pub fn get(&self, idx: u64) -> Result<TokenStatus> {
        if idx >= self.len() {
            return Err(invalid(format!(
                "index {idx} is past the end of the list ({} entries)",
                self.len()
            )));
        }
        let bits = u64::from(self.bits);
        let byte = self.list[((idx * bits) / 8) as usize];
        let shift = (idx * bits) % 8;
        let mask = ((1u16 << bits) - 1) as u8;
        Ok(TokenStatus::from_u8((byte >> shift) & mask))
    }

    /// The status of a verified credential: its `status.status_list` must name this list.
    /// `Ok(None)` when the credential has no status reference.
    pub fn check(&self, credential: &VerifiedSdJwt) -> Result<Option<TokenStatus>> {
        let Some(r) = StatusReference::from_claims(&credential.claims)? else {
            return Ok(None);
        };
        if r.uri != self.uri {
            return Err(invalid(format!(
                "the credential's status list is {}, this token is {}",
                truncate(&r.uri),
                truncate(&self.uri)
            )));
        }
        self.get(r.idx).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::{Algorithm, SecretKey};

    #[test]
    fn spec_example_and_round_trip() {
        // draft-ietf-oauth-status-list §4.1, 1-bit example: statuses
        // [1,0,0,1,1,1,0,1, 1,1,0,0,0,1,0,1, ...] encode to bytes b9 a3.
        let key = SecretKey::from_bytes(Algorithm::Ed25519, &[3; 32]).unwrap();
        let now = Timestamp(1_700_000_000);
        let statuses = [1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1];
        let token =
            StatusListToken::issue("https://s.example/1", 1, &statuses, now, None, &key).unwrap();
        let list = StatusListToken::verify(&token, &key.public_key(), now).unwrap();
        assert_eq!(list.list, [0xb9, 0xa3]);
        assert_eq!(list.get(0).unwrap(), TokenStatus::Invalid);
        assert_eq!(list.get(1).unwrap(), TokenStatus::Valid);
        assert_eq!(list.get(16).unwrap_err().code(), "status_list_invalid");
        let two = [1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3];
        let token =
            StatusListToken::issue("u", 2, &two, now, Some(Timestamp(now.0 + 10)), &key).unwrap();
        let list = StatusListToken::verify(&token, &key.public_key(), now).unwrap();
        assert_eq!(list.list, [0xc9, 0x44, 0xf9]);
        assert_eq!(list.get(1).unwrap(), TokenStatus::Suspended);
        assert_eq!(list.get(3).unwrap(), TokenStatus::Other(3));
        assert_eq!(
            StatusListToken::verify(&token, &key.public_key(), Timestamp(now.0 + 10))
                .unwrap_err()
                .code(),
            "status_list_invalid"
        );
    }
}

//! The two `proofValue` forms of `ecdsa-sd-2023` (VC DI ECDSA §3.4.2): serializeBaseProofValue /
//! parseBaseProofValue (CBOR after the header `d9 5d 00`) and serializeDerivedProofValue /
//! parseDerivedProofValue (header `d9 5d 01`, label map compressed), each the multibase
//! base64url-no-pad (`u`) of the bytes.
//!
//! Parsing is bounded before decoding (string length), then by the strict CBOR reader (lengths
//! against the bytes left, depth), then by count limits; every component's type and length is
//! checked, so what the algorithms receive is well-formed.

use super::label_map::{compress, decompress};
use super::{MAX_LABELS, MAX_POINTERS, MAX_STATEMENTS};
use crate::codec::{cbor, Base64};
use crate::error::{Error, Result};
use ciborium::value::{Integer, Value as Cbor};
use zeroize::Zeroizing;

/// Header of a base proof value (CBOR tag 0x5d00).
pub const BASE_HEADER: [u8; 3] = [0xd9, 0x5d, 0x00];
/// Header of a derived proof value (CBOR tag 0x5d01).
pub const DERIVED_HEADER: [u8; 3] = [0xd9, 0x5d, 0x01];

/// Bytes of a P-256 signature (`r || s`).
const SIGNATURE_BYTES: usize = 64;
/// Bytes of a P-256 Multikey public key: the varint of 0x1200 and the compressed point.
const PUBLIC_KEY_BYTES: usize = 35;
/// Bytes of the HMAC key and of each label map value.
const HMAC_BYTES: usize = 32;

/// Longest `proofValue` accepted, in characters: room for [`MAX_STATEMENTS`] signatures.
pub const MAX_PROOF_VALUE_CHARS: usize = (MAX_STATEMENTS * (SIGNATURE_BYTES + 3) + 4096) * 4 / 3;

/// A parsed base proof value.
#[derive(Clone, PartialEq, Eq)]
pub struct BaseProofValue {
    /// The issuer's signature over proof hash, proof-scoped public key and mandatory hash.
    pub base_signature: Vec<u8>,
    /// The proof-scoped P-256 public key, Multikey bytes (`80 24` and the compressed point).
    pub public_key: Vec<u8>,
    /// The HMAC key (secret: the holder's only).
    pub hmac_key: Zeroizing<Vec<u8>>,
    /// One signature per non-mandatory statement, in statement order.
    pub signatures: Vec<Vec<u8>>,
    /// The issuer's mandatory JSON pointers.
    pub mandatory_pointers: Vec<String>,
}

impl std::fmt::Debug for BaseProofValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BaseProofValue")
            .field("signatures", &self.signatures.len())
            .field("mandatory_pointers", &self.mandatory_pointers)
            .field("hmac_key", &"(redacted)")
            .finish_non_exhaustive()
    }
}

/// A parsed derived proof value (its label map decompressed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DerivedProofValue {
    /// The issuer's base signature.
    pub base_signature: Vec<u8>,
    /// The proof-scoped public key, Multikey bytes.
    pub public_key: Vec<u8>,
    /// Signatures of the disclosed non-mandatory statements, in statement order.
    pub signatures: Vec<Vec<u8>>,
    /// Verifier's canonical label (`c14n0`) -> signed label (`u…`), by ascending `c14n` number.
    pub label_map: Vec<(String, String)>,
    /// Positions of the mandatory statements among the disclosed ones, ascending.
    pub mandatory_indexes: Vec<usize>,
}

fn malformed(m: &str) -> Error {
    Error::MalformedProof(format!("ecdsa-sd-2023 proofValue: {m}"))
}

/// The multibase string of `header` and the CBOR array of `components`. The intermediate copies
/// (the base proof's hold the HMAC key) are zeroized.
fn encode(header: [u8; 3], components: Vec<Cbor>) -> Result<String> {
    // Reserved up front: a growing buffer would leave copies behind when it moves.
    fn size(v: &Cbor) -> usize {
        9 + match v {
            Cbor::Bytes(b) => b.len(),
            Cbor::Text(t) => t.len(),
            Cbor::Array(a) => a.iter().map(size).sum(),
            Cbor::Map(m) => m.iter().map(|(k, v)| size(k) + size(v)).sum(),
            _ => 0,
        }
    }
    let mut array = Cbor::Array(components);
    let mut bytes = Zeroizing::new(Vec::with_capacity(3 + size(&array)));
    bytes.extend_from_slice(&header);
    let written = ciborium::ser::into_writer(&array, &mut *bytes);
    if let Cbor::Array(items) = &mut array {
        for item in items {
            if let Cbor::Bytes(b) = item {
                zeroize::Zeroize::zeroize(b);
            }
        }
    }
    written.map_err(|_| Error::SigningFailed("CBOR encoding".into()))?;
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 2);
    out.push('u');
    out.push_str(&Base64::UrlSafeNoPad.encode(&*bytes));
    Ok(out)
}

fn bytes_array(items: &[Vec<u8>]) -> Cbor {
    Cbor::Array(items.iter().map(|s| Cbor::Bytes(s.clone())).collect())
}

/// serializeBaseProofValue.
pub fn serialize_base_proof_value(v: &BaseProofValue) -> Result<String> {
    encode(
        BASE_HEADER,
        vec![
            Cbor::Bytes(v.base_signature.clone()),
            Cbor::Bytes(v.public_key.clone()),
            Cbor::Bytes(v.hmac_key.to_vec()),
            bytes_array(&v.signatures),
            Cbor::Array(
                v.mandatory_pointers
                    .iter()
                    .map(|p| Cbor::Text(p.clone()))
                    .collect(),
            ),
        ],
    )
}

/// serializeDerivedProofValue (compresses the label map).
pub fn serialize_derived_proof_value(v: &DerivedProofValue) -> Result<String> {
    let map = compress(&v.label_map)?;
    encode(
        DERIVED_HEADER,
        vec![
            Cbor::Bytes(v.base_signature.clone()),
            Cbor::Bytes(v.public_key.clone()),
            bytes_array(&v.signatures),
            Cbor::Map(
                map.into_iter()
                    .map(|(k, b)| (Cbor::Integer(Integer::from(k)), Cbor::Bytes(b)))
                    .collect(),
            ),
            Cbor::Array(
                v.mandatory_indexes
                    .iter()
                    .map(|&i| Cbor::Integer(Integer::from(i as u64)))
                    .collect(),
            ),
        ],
    )
}

/// Which header a proof value carries, if it is one of ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProofValueKind {
    /// `d9 5d 00`: an issuer's base proof (for the holder only).
    Base,
    /// `d9 5d 01`: a holder's derived proof (for verifiers).
    Derived,
}

/// Decodes the multibase string and splits off the header; the five CBOR components follow.
fn components(proof_value: &str) -> Result<(ProofValueKind, Vec<Cbor>)> {
    if proof_value.len() > MAX_PROOF_VALUE_CHARS {
        return Err(malformed("longer than the limit"));
    }
    let body = proof_value
        .strip_prefix('u')
        .ok_or_else(|| malformed("not multibase base64url-no-pad (u)"))?;
    let bytes = Zeroizing::new(
        Base64::UrlSafeNoPad
            .decode(body)
            .ok_or_else(|| malformed("not base64url-no-pad"))?,
    );
    let kind = match bytes.get(..3) {
        Some(h) if h == BASE_HEADER => ProofValueKind::Base,
        Some(h) if h == DERIVED_HEADER => ProofValueKind::Derived,
        _ => return Err(malformed("no ecdsa-sd-2023 header (d9 5d 00 or d9 5d 01)")),
    };
    let item = cbor::read(&bytes[3..], 3).map_err(|e| match e {
        cbor::ReadError::TooDeep => malformed("CBOR nested too deep"),
        cbor::ReadError::Invalid(_) => malformed("invalid CBOR"),
    })?;
    match item {
        Cbor::Array(items) if items.len() == 5 => Ok((kind, items)),
        _ => Err(malformed("not an array of five components")),
    }
}

/// The kind of proof value `proof_value` is, from its header alone.
pub fn proof_value_kind(proof_value: &str) -> Result<ProofValueKind> {
    components(proof_value).map(|(k, _)| k)
}

fn take_bytes(v: &Cbor, len: usize, what: &str) -> Result<Vec<u8>> {
    match v {
        Cbor::Bytes(b) if b.len() == len => Ok(b.clone()),
        _ => Err(malformed(&format!(
            "{what} is not a byte string of {len} bytes"
        ))),
    }
}

fn signatures(v: &Cbor) -> Result<Vec<Vec<u8>>> {
    let Cbor::Array(items) = v else {
        return Err(malformed("signatures is not an array"));
    };
    if items.len() > MAX_STATEMENTS {
        return Err(malformed("more signatures than the limit"));
    }
    items
        .iter()
        .map(|s| take_bytes(s, SIGNATURE_BYTES, "a signature"))
        .collect()
}

fn public_key(v: &Cbor) -> Result<Vec<u8>> {
    let key = take_bytes(v, PUBLIC_KEY_BYTES, "publicKey")?;
    if key[..2] != [0x80, 0x24] {
        return Err(malformed("publicKey is not a P-256 Multikey"));
    }
    Ok(key)
}

/// parseBaseProofValue. A derived proof value is refused here.
pub fn parse_base_proof_value(proof_value: &str) -> Result<BaseProofValue> {
    let (kind, mut c) = components(proof_value)?;
    if kind != ProofValueKind::Base {
        return Err(malformed("a derived proof, not a base proof"));
    }
    let hmac_key = take_bytes(&c[2], HMAC_BYTES, "hmacKey").map(Zeroizing::new);
    if let Cbor::Bytes(b) = &mut c[2] {
        zeroize::Zeroize::zeroize(b);
    }
    let hmac_key = hmac_key?;
    let Cbor::Array(pointers) = &c[4] else {
        return Err(malformed("mandatoryPointers is not an array"));
    };
    if pointers.len() > MAX_POINTERS {
        return Err(malformed("more mandatory pointers than the limit"));
    }
    Ok(BaseProofValue {
        base_signature: take_bytes(&c[0], SIGNATURE_BYTES, "baseSignature")?,
        public_key: public_key(&c[1])?,
        hmac_key,
        signatures: signatures(&c[3])?,
        mandatory_pointers: pointers
            .iter()
            .map(|p| match p {
                Cbor::Text(t) => Ok(t.clone()),
                _ => Err(malformed("a mandatory pointer is not text")),
            })
            .collect::<Result<_>>()?,
    })
}

/// parseDerivedProofValue. A base proof value is refused with its own error,
/// [`Error::BaseProofNotVerifiable`]: verifiers only accept derived proofs.
pub fn parse_derived_proof_value(proof_value: &str) -> Result<DerivedProofValue> {
    let (kind, c) = components(proof_value)?;
    if kind != ProofValueKind::Derived {
        return Err(Error::BaseProofNotVerifiable {
            suite: super::CRYPTOSUITE.into(),
        });
    }
    let Cbor::Map(entries) = &c[3] else {
        return Err(malformed("labelMap is not a map"));
    };
    if entries.len() > MAX_LABELS {
        return Err(malformed("more labels than the limit"));
    }
    let mut map = Vec::with_capacity(entries.len());
    for (k, v) in entries {
        let key = match k {
            Cbor::Integer(i) => u32::try_from(i128::from(*i))
                .map_err(|_| malformed("a labelMap key is not a small unsigned integer"))?,
            _ => return Err(malformed("a labelMap key is not an integer")),
        };
        map.push((
            u64::from(key),
            take_bytes(v, HMAC_BYTES, "a labelMap value")?,
        ));
    }
    crate::sort::sort_by(&mut map, &|a, b| a.0 < b.0);
    if map.windows(2).any(|w| w[0].0 == w[1].0) {
        return Err(malformed("a labelMap key repeats"));
    }
    let Cbor::Array(indexes) = &c[4] else {
        return Err(malformed("mandatoryIndexes is not an array"));
    };
    if indexes.len() > MAX_STATEMENTS {
        return Err(malformed("more mandatory indexes than the limit"));
    }
    let mandatory_indexes = indexes
        .iter()
        .map(|i| match i {
            Cbor::Integer(i) => usize::try_from(i128::from(*i))
                .ok()
                .filter(|&i| i < MAX_STATEMENTS)
                .ok_or_else(|| malformed("a mandatory index is out of range")),
            _ => Err(malformed("a mandatory index is not an integer")),
        })
        .collect::<Result<Vec<_>>>()?;
    if mandatory_indexes.windows(2).any(|w| w[0] >= w[1]) {
        return Err(malformed("mandatoryIndexes are not strictly ascending"));
    }
    Ok(DerivedProofValue {
        base_signature: take_bytes(&c[0], SIGNATURE_BYTES, "baseSignature")?,
        public_key: public_key(&c[1])?,
        signatures: signatures(&c[2])?,
        label_map: decompress(&map),
        mandatory_indexes,
    })
}

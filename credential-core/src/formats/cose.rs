//! COSE_Sign1 (RFC 9052 §4.2): reading the structure and checking its signature over the
//! `Sig_structure` (§4.4). Algorithms (RFC 9053, IANA COSE Algorithms): ES256 (-7), EdDSA (-8,
//! Ed25519 keys), PS256 (-37, RSASSA-PSS with SHA-256, RFC 8230).

use super::{cbor, FormatLimits};
use crate::error::{Error, Result};
use crate::keys::PublicKey;
use ciborium::value::Value as Cbor;

/// CBOR tag of COSE_Sign1 (RFC 9052 §2).
const TAG_SIGN1: u64 = 18;
/// CBOR tag of COSE_Encrypt0.
pub(crate) const TAG_ENCRYPT0: u64 = 16;

/// A COSE signing algorithm this verifier implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Alg {
    Es256,
    EdDsa,
    Ps256,
}

impl Alg {
    fn from_id(id: i128) -> Result<Alg> {
        match id {
            -7 => Ok(Alg::Es256),
            -8 => Ok(Alg::EdDsa),
            -37 => Ok(Alg::Ps256),
            other => Err(Error::CoseUnsupportedAlgorithm(other.to_string())),
        }
    }

    /// The JOSE-style name shown in reports.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Alg::Es256 => "ES256",
            Alg::EdDsa => "EdDSA",
            Alg::Ps256 => "PS256",
        }
    }
}

/// A key that can check a COSE signature.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum VerifyKey {
    /// Ed25519 or an elliptic-curve key.
    Core(PublicKey),
    /// An RSA key (PS256).
    Rsa(rsa::RsaPublicKey),
}

impl VerifyKey {
    pub(crate) fn verify(&self, alg: Alg, message: &[u8], signature: &[u8]) -> Result<()> {
        use crate::keys::Algorithm;
        match (self, alg) {
            (VerifyKey::Core(k), Alg::Es256) if k.algorithm() == Algorithm::P256 => {
                k.verify(message, signature)
            }
            (VerifyKey::Core(k), Alg::EdDsa) if k.algorithm() == Algorithm::Ed25519 => {
                k.verify(message, signature)
            }
            (VerifyKey::Rsa(k), Alg::Ps256) => {
                use rsa::signature::Verifier;
                let sig = rsa::pss::Signature::try_from(signature)
                    .map_err(|_| Error::InvalidSignature)?;
                rsa::pss::VerifyingKey::<sha2::Sha256>::new(k.clone())
                    .verify(message, &sig)
                    .map_err(|_| Error::InvalidSignature)
            }
            _ => Err(Error::CoseUnsupportedAlgorithm(format!(
                "{} with a key of another type",
                alg.name()
            ))),
        }
    }
}

/// A decoded COSE_Sign1 whose signature is not yet checked.
#[derive(Debug, Clone)]
pub(crate) struct Sign1 {
    protected: Vec<u8>,
    /// The algorithm of the protected header.
    pub alg: Alg,
    /// The key id: the protected header's, else the unprotected one's.
    pub kid: Option<Vec<u8>>,
    /// The payload bytes.
    pub payload: Vec<u8>,
    signature: Vec<u8>,
}

fn malformed(m: &str) -> Error {
    Error::CoseMalformed(m.to_owned())
}

/// The value of integer label `label` in a CBOR map.
pub(crate) fn get(map: &[(Cbor, Cbor)], label: i128) -> Option<&Cbor> {
    map.iter()
        .find(|(k, _)| matches!(k, Cbor::Integer(i) if i128::from(*i) == label))
        .map(|(_, v)| v)
}

/// An integer value as i128.
pub(crate) fn int(v: &Cbor) -> Option<i128> {
    match v {
        Cbor::Integer(i) => Some(i128::from(*i)),
        _ => None,
    }
}

/// Whether a decoded item is a COSE_Encrypt0 (tag 16): an encrypted payload.
pub(crate) fn is_encrypt0(item: &Cbor) -> bool {
    matches!(item, Cbor::Tag(TAG_ENCRYPT0, _))
}

impl Sign1 {
    /// Reads a COSE_Sign1, tagged (18) or not, from an already decoded CBOR item.
    pub(crate) fn from_cbor(item: Cbor, limits: &FormatLimits) -> Result<Sign1> {
        let item = match item {
            Cbor::Tag(TAG_SIGN1, inner) => *inner,
            Cbor::Tag(other, _) => {
                return Err(Error::CoseMalformed(format!(
                    "CBOR tag {other}, not COSE_Sign1 (18)"
                )))
            }
            other => other,
        };
        let Cbor::Array(parts) = item else {
            return Err(malformed("not a COSE_Sign1 array"));
        };
        let [Cbor::Bytes(protected), Cbor::Map(unprotected), payload, Cbor::Bytes(signature)] =
            <[Cbor; 4]>::try_from(parts).map_err(|_| malformed("COSE_Sign1 has four members"))?
        else {
            return Err(malformed("COSE_Sign1 members have the wrong types"));
        };
        let Cbor::Bytes(payload) = payload else {
            return Err(malformed("detached or non-byte payload"));
        };
        let header = if protected.is_empty() {
            Vec::new()
        } else {
            match cbor(&protected, limits)? {
                Cbor::Map(m) => m,
                _ => return Err(malformed("the protected header is not a map")),
            }
        };
        // The algorithm belongs in the protected header (RFC 9052 §3.1); some issuers put it in
        // the unprotected one, where it is read too (it is not what a forger could gain from).
        let alg = get(&header, 1)
            .or_else(|| get(&unprotected, 1))
            .and_then(int)
            .ok_or_else(|| malformed("the headers name no algorithm"))?;
        let alg = Alg::from_id(alg)?;
        let kid_of = |m: &[(Cbor, Cbor)]| match get(m, 4) {
            Some(Cbor::Bytes(b)) => Some(b.clone()),
            _ => None,
        };
        // RFC 9052 §3: a parameter in the protected header wins over the unprotected one.
        let kid = kid_of(&header).or_else(|| kid_of(&unprotected));
        Ok(Sign1 {
            protected,
            alg,
            kid,
            payload,
            signature,
        })
    }

    /// Whether the message carries a signature at all (some test QR codes are unsigned).
    pub(crate) fn is_signed(&self) -> bool {
        !self.signature.is_empty()
    }

    /// `Sig_structure = ["Signature1", protected, external_aad (empty), payload]`, encoded.
    fn to_be_signed(&self) -> Vec<u8> {
        let s = Cbor::Array(vec![
            Cbor::Text("Signature1".into()),
            Cbor::Bytes(self.protected.clone()),
            Cbor::Bytes(Vec::new()),
            Cbor::Bytes(self.payload.clone()),
        ]);
        let mut out = Vec::with_capacity(self.payload.len() + self.protected.len() + 32);
        // Writing to a Vec cannot fail.
        let _ = ciborium::ser::into_writer(&s, &mut out);
        out
    }

    /// Checks the signature with `key`.
    pub(crate) fn verify(&self, key: &VerifyKey) -> Result<()> {
        key.verify(self.alg, &self.to_be_signed(), &self.signature)
    }
}

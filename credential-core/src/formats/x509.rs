//! The parts of an X.509 document signer certificate (RFC 5280) an EU DCC verifier uses: its
//! public key, validity, key usage and extended key usage. Parsed with RustCrypto `x509-cert`.

use super::cose::VerifyKey;
use crate::error::{Error, Result};
use crate::keys::{Algorithm, PublicKey};
use crate::model::Timestamp;
use x509_cert::der::Decode;
use x509_cert::ext::pkix::{ExtendedKeyUsage, KeyUsage};
use x509_cert::Certificate;

/// id-ecPublicKey (RFC 5480) and rsaEncryption (RFC 8017).
const EC_PUBLIC_KEY: &str = "1.2.840.10045.2.1";
const RSA_ENCRYPTION: &str = "1.2.840.113549.1.1.1";
/// prime256v1 / secp256r1 (RFC 5480).
const P256_CURVE: &str = "1.2.840.10045.3.1.7";
/// Key usage and extended key usage extensions (RFC 5280 §4.2.1.3, §4.2.1.12).
const KEY_USAGE: &str = "2.5.29.15";
const EXT_KEY_USAGE: &str = "2.5.29.37";

/// A parsed document signer certificate.
#[derive(Debug, Clone)]
pub(crate) struct SignerCertificate {
    pub key: VerifyKey,
    pub not_before: Timestamp,
    pub not_after: Timestamp,
    /// Whether a key usage extension is present without `digitalSignature`.
    pub no_digital_signature: bool,
    /// The extended key usage OIDs, dotted.
    pub ext_key_usage: Vec<String>,
    /// The subject, as text (for display).
    pub subject: String,
}

fn bad(m: impl std::fmt::Display) -> Error {
    Error::DccSignerNotPermitted(format!("unreadable certificate: {m}"))
}

impl SignerCertificate {
    /// Parses a DER certificate.
    pub(crate) fn from_der(der: &[u8]) -> Result<SignerCertificate> {
        let cert = Certificate::from_der(der).map_err(bad)?;
        let tbs = &cert.tbs_certificate;
        let spki = &tbs.subject_public_key_info;
        let key_bytes = spki
            .subject_public_key
            .as_bytes()
            .ok_or_else(|| bad("the public key is not whole bytes"))?;
        let key = match spki.algorithm.oid.to_string().as_str() {
            EC_PUBLIC_KEY => {
                let curve = spki
                    .algorithm
                    .parameters
                    .as_ref()
                    .and_then(|p| p.decode_as::<x509_cert::der::asn1::ObjectIdentifier>().ok())
                    .map(|o| o.to_string());
                if curve.as_deref() != Some(P256_CURVE) {
                    return Err(Error::CoseUnsupportedAlgorithm(
                        "an elliptic-curve key on a curve other than P-256".into(),
                    ));
                }
                VerifyKey::Core(PublicKey::from_bytes(Algorithm::P256, key_bytes)?)
            }
            RSA_ENCRYPTION => {
                use rsa::pkcs1::DecodeRsaPublicKey;
                VerifyKey::Rsa(rsa::RsaPublicKey::from_pkcs1_der(key_bytes).map_err(bad)?)
            }
            other => {
                return Err(Error::CoseUnsupportedAlgorithm(format!(
                    "a certificate key of algorithm {other}"
                )))
            }
        };
        let secs = |t: x509_cert::time::Time| Timestamp(t.to_unix_duration().as_secs() as i64);
        let mut no_digital_signature = false;
        let mut ext_key_usage = Vec::new();
        for ext in tbs.extensions.iter().flatten() {
            let value = ext.extn_value.as_bytes();
            match ext.extn_id.to_string().as_str() {
                KEY_USAGE => {
                    let ku = KeyUsage::from_der(value).map_err(bad)?;
                    no_digital_signature = !ku.digital_signature();
                }
                EXT_KEY_USAGE => {
                    let eku = ExtendedKeyUsage::from_der(value).map_err(bad)?;
                    ext_key_usage = eku.0.iter().map(ToString::to_string).collect();
                }
                _ => {}
            }
        }
        Ok(SignerCertificate {
            key,
            not_before: secs(tbs.validity.not_before),
            not_after: secs(tbs.validity.not_after),
            no_digital_signature,
            ext_key_usage,
            subject: tbs.subject.to_string(),
        })
    }
}

//! MOSIP Claim 169 identity QR codes (MOSIP "QR Code Specification", claim 169 registered in
//! the IANA CWT Claims registry): Base45 (RFC 9285) of zlib (RFC 1950) of a COSE_Sign1 (EdDSA
//! with Ed25519, or ES256) over a CWT whose claim 169 is a map of integer keys: demographics
//! 1-23, biometrics 50-65 (each an array of `{0: data, 1: format, 2: subFormat, 3: issuer}`).
//! Keys this verifier does not know are kept (under `unknown`, by number) and flagged.
//! An encrypted code (COSE_Encrypt0) is refused with `claim169_encrypted`: this verifier holds
//! no decryption key.

use super::cose::{get, int, is_encrypt0, Sign1};
use super::cwt::Claims;
use super::report::{self, field};
use super::{base45, cbor, unzlib, Format, FormatLimits, FormatTrust};
use crate::codec::Base64;
use crate::error::{Error, Result};
use crate::message;
use crate::model::Timestamp;
use crate::verify::{CheckCode, VerificationReport};
use ciborium::value::Value as Cbor;
use serde_json::{Map, Value};

/// The CWT claim key of the identity.
const CLAIM_169: i128 = 169;
/// The CWT CBOR tag (RFC 8392 §6), which may wrap the COSE message.
const TAG_CWT: u64 = 61;

/// The demographic and biometric keys of claim 169 and their names (MOSIP QR Code
/// Specification, "Claim 169 - Identity Data").
const FIELDS: &[(i128, &str)] = &[
    (1, "id"),
    (2, "version"),
    (3, "language"),
    (4, "fullName"),
    (5, "firstName"),
    (6, "middleName"),
    (7, "lastName"),
    (8, "dateOfBirth"),
    (9, "gender"),
    (10, "address"),
    (11, "email"),
    (12, "phone"),
    (13, "nationality"),
    (14, "maritalStatus"),
    (15, "guardian"),
    (16, "photo"),
    (17, "photoFormat"),
    (18, "bestQualityFingers"),
    (19, "secondaryFullName"),
    (20, "secondaryLanguage"),
    (21, "locationCode"),
    (22, "legalStatus"),
    (23, "countryOfIssuance"),
    (50, "rightThumb"),
    (51, "rightPointerFinger"),
    (52, "rightMiddleFinger"),
    (53, "rightRingFinger"),
    (54, "rightLittleFinger"),
    (55, "leftThumb"),
    (56, "leftPointerFinger"),
    (57, "leftMiddleFinger"),
    (58, "leftRingFinger"),
    (59, "leftLittleFinger"),
    (60, "rightIris"),
    (61, "leftIris"),
    (62, "face"),
    (63, "rightPalm"),
    (64, "leftPalm"),
    (65, "voice"),
];

/// Keys of a biometric entry.
const BIOMETRIC: &[(i128, &str)] = &[(0, "data"), (1, "format"), (2, "subFormat"), (3, "issuer")];

/// A decoded Claim 169 code whose signature is not yet checked.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub(crate) sign1: Sign1,
    /// The CWT's registered claims.
    pub claims: Claims,
    /// The identity with its keys named (bytes as standard Base64); unknown keys under
    /// `unknown` by number.
    pub identity: Map<String, Value>,
    /// The numbers of the keys this verifier does not know.
    pub unknown: Vec<String>,
    /// The face photo, as a `data:` URL, when the code carries one in an image format.
    pub photo: Option<String>,
}

fn json_of(v: &Cbor) -> Value {
    match v {
        Cbor::Bytes(b) => Value::String(Base64::Standard.encode(b)),
        Cbor::Array(a) => Value::Array(a.iter().map(json_of).collect()),
        Cbor::Map(m) => {
            let mut out = Map::new();
            for (k, v) in m {
                let key = match k {
                    Cbor::Text(t) => t.clone(),
                    other => int(other).map(|i| i.to_string()).unwrap_or_default(),
                };
                out.insert(key, json_of(v));
            }
            Value::Object(out)
        }
        other => crate::codec::cbor::to_json(other).unwrap_or(Value::Null),
    }
}

/// A biometric entry with its keys named.
fn biometric(v: &Cbor) -> Value {
    match v {
        Cbor::Array(items) => Value::Array(
            items
                .iter()
                .map(|item| match item {
                    Cbor::Map(m) => {
                        let mut out = Map::new();
                        for (k, v) in m {
                            let name = int(k)
                                .and_then(|i| BIOMETRIC.iter().find(|(n, _)| *n == i))
                                .map(|(_, name)| (*name).to_owned())
                                .unwrap_or_else(|| json_of(k).to_string());
                            out.insert(name, json_of(v));
                        }
                        Value::Object(out)
                    }
                    other => json_of(other),
                })
                .collect(),
        ),
        other => json_of(other),
    }
}

/// The media type of an image by its biometric sub-format (0 PNG, 1 JPEG, 2 JPEG 2000,
/// 3 AVIF, 4 WEBP, 5 TIFF).
fn image_type(sub_format: i128) -> Option<&'static str> {
    Some(match sub_format {
        0 => "image/png",
        1 => "image/jpeg",
        2 => "image/jp2",
        3 => "image/avif",
        4 => "image/webp",
        5 => "image/tiff",
        _ => return None,
    })
}

/// The face photo: the first face entry in an image format (format 0), else the `photo` (16)
/// with its `photoFormat` (17: 1 JPEG, 2 JPEG 2000, 3 AVIF, 4 WEBP).
fn photo(identity: &[(Cbor, Cbor)]) -> Option<String> {
    let data_url = |media: &str, bytes: &[u8]| {
        format!("data:{media};base64,{}", Base64::Standard.encode(bytes))
    };
    if let Some(Cbor::Array(faces)) = get(identity, 62) {
        for face in faces {
            if let Cbor::Map(m) = face {
                let format = get(m, 1).and_then(int).unwrap_or(0);
                let media = get(m, 2).and_then(int).and_then(image_type);
                if let (0, Some(media), Some(Cbor::Bytes(b))) = (format, media, get(m, 0)) {
                    return Some(data_url(media, b));
                }
            }
        }
    }
    let media = match get(identity, 17).and_then(int) {
        Some(1) => "image/jpeg",
        Some(2) => "image/jp2",
        Some(3) => "image/avif",
        Some(4) => "image/webp",
        _ => return None,
    };
    match get(identity, 16) {
        Some(Cbor::Bytes(b)) => Some(data_url(media, b)),
        _ => None,
    }
}

/// Decodes a Claim 169 QR text. Errors by stage: `format_invalid_base45`,
/// `format_decompress_failed`, `claim169_encrypted`, `cose_malformed` (not COSE),
/// `claim169_missing`.
pub fn decode(text: &str, limits: &FormatLimits) -> Result<Decoded> {
    let compressed = base45(text.trim(), limits)?;
    let bytes = unzlib(&compressed, limits)?;
    let mut item = cbor(&bytes, limits)?;
    if let Cbor::Tag(TAG_CWT, inner) = item {
        item = *inner;
    }
    if is_encrypt0(&item) {
        return Err(Error::Claim169Encrypted);
    }
    let sign1 = Sign1::from_cbor(item, limits)?;
    let Cbor::Map(cwt) = cbor(&sign1.payload, limits)? else {
        return Err(Error::CoseMalformed("the CWT is not a map".into()));
    };
    let claims = Claims::read(&cwt);
    let Some(Cbor::Map(id)) = get(&cwt, CLAIM_169) else {
        return Err(Error::Claim169Missing);
    };
    let mut identity = Map::new();
    let mut unknown = Vec::new();
    let mut extra = Map::new();
    for (k, v) in id {
        let key = int(k);
        match key.and_then(|i| FIELDS.iter().find(|(n, _)| *n == i)) {
            Some((n, name)) if *n >= 50 => {
                identity.insert((*name).to_owned(), biometric(v));
            }
            Some((_, name)) => {
                identity.insert((*name).to_owned(), json_of(v));
            }
            None => {
                let label = key.map_or_else(|| json_of(k).to_string(), |i| i.to_string());
                unknown.push(label.clone());
                extra.insert(label, json_of(v));
            }
        }
    }
    if !extra.is_empty() {
        identity.insert("unknown".into(), Value::Object(extra));
    }
    Ok(Decoded {
        photo: photo(id),
        sign1,
        claims,
        identity,
        unknown,
    })
}

/// Verifies a Claim 169 QR text: decoding, the signature with the issuer's key from the bundle
/// (`trust`: `None` when no bundle is loaded), the CWT validity window, unknown fields.
pub fn verify(
    text: &str,
    trust: Option<&FormatTrust>,
    now: Timestamp,
    limits: &FormatLimits,
) -> VerificationReport {
    report::decoded_or_refused(Format::Claim169, now, decode(text, limits), |d| {
        verify_decoded(d, trust, now)
    })
}

fn verify_decoded(d: &Decoded, trust: Option<&FormatTrust>, now: Timestamp) -> VerificationReport {
    let mut r = report::new(Format::Claim169, now);
    report::decoded(&mut r, Format::Claim169);
    summarize(&mut r, d);
    r.pass(
        CheckCode::DataModel,
        message!("payload_conforms", format = Format::Claim169.as_str()),
    );
    if !d.unknown.is_empty() {
        r.warn(
            CheckCode::DataModel,
            message!("unknown_fields", fields = d.unknown.join(", ")),
        );
    }
    let iss = d.claims.iss.clone().unwrap_or_default();
    let issuer = trust.and_then(|t| t.claim169_issuer(&iss));
    let outcome = issuer.map(|i| {
        let mut last = Err(Error::InvalidSignature);
        for k in &i.keys {
            last = d.sign1.verify(&super::cose::VerifyKey::Core(k.clone()));
            if last.is_ok() {
                break;
            }
        }
        last
    });
    let verified = matches!(outcome, Some(Ok(())));
    report::cose_signature(&mut r, &d.sign1, &iss, outcome);
    if let (Some(i), true) = (issuer, verified) {
        report::issuer_recognised(&mut r, i.name.as_deref().unwrap_or(&i.iss), None);
    }
    if trust.is_none() {
        report::no_bundle(&mut r);
    }
    report::window(&mut r, d.claims.nbf, d.claims.exp, now);
    r.conclude();
    r
}

fn summarize(r: &mut VerificationReport, d: &Decoded) {
    let text = |k: &str| d.identity.get(k).and_then(Value::as_str).map(str::to_owned);
    r.credential.issuer = d.claims.iss.clone();
    r.credential.id = text("id");
    r.credential.types = vec!["Claim169Identity".into()];
    let name = text("fullName").or_else(|| {
        let parts: Vec<String> = ["firstName", "middleName", "lastName"]
            .iter()
            .filter_map(|k| text(k))
            .collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    });
    r.credential.holder = name.clone();
    field(r, message!("field_name"), name);
    field(
        r,
        message!("field_secondary_name"),
        text("secondaryFullName"),
    );
    field(r, message!("field_birth_date"), text("dateOfBirth"));
    field(r, message!("field_id"), text("id"));
    field(r, message!("field_nationality"), text("nationality"));
    field(r, message!("field_legal_status"), text("legalStatus"));
    field(
        r,
        message!("field_issuing_country"),
        text("countryOfIssuance"),
    );
    r.credential.photo = d.photo.clone();
}

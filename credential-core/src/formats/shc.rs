//! SMART Health Cards (spec.smarthealth.cards, "SMART Health Cards Framework"): a compact JWS
//! (ES256, header `zip: "DEF"`) whose payload is raw DEFLATE (RFC 1951) of JSON with `iss`,
//! `nbf` and `vc` (`type`, `credentialSubject.fhirBundle`, optional `rid`). In a QR code the
//! JWS is in numeric mode: `shc:/` then two digits per character (its code minus 45); a card
//! too large for one code is split into chunks `shc:/i/n/...` (i of n).
//!
//! The issuer's keys (its JWKS by `kid`) and revocation lists (method `rid`: an entry `rid` or
//! `rid.time`, the latter revoking cards whose `nbf` is before `time`) come from the trust
//! bundle's `shcIssuers`.

use super::report::{self, field};
use super::{check_len, inflate_raw, Format, FormatLimits, FormatTrust};
use crate::codec::Base64;
use crate::error::{Error, Result};
use crate::json::{parse_bounded, JsonLimits};
use crate::keys::Algorithm;
use crate::message;
use crate::model::Timestamp;
use crate::verify::{CheckCode, VerificationReport};
use serde_json::{Map, Value};

/// The QR prefix.
pub const PREFIX: &str = "shc:/";

fn malformed(m: impl Into<String>) -> Error {
    Error::ShcMalformed(m.into())
}

/// A decoded card whose signature is not yet checked.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The JWS header.
    pub header: Map<String, Value>,
    /// The inflated payload (`iss`, `nbf`, `vc`).
    pub payload: Value,
    signing_input: String,
    signature: Vec<u8>,
}

/// Joins the QR texts of a card (one, or every chunk `shc:/i/n/…` in any order, separated by
/// white space) into its compact JWS.
pub fn unchunk(text: &str, limits: &FormatLimits) -> Result<String> {
    check_len(text, limits)?;
    let mut total = None;
    let mut chunks: Vec<(usize, &str)> = Vec::new();
    for (n, part) in text.split_whitespace().enumerate() {
        if n >= limits.max_chunks {
            return Err(malformed(format!("more than {} chunks", limits.max_chunks)));
        }
        let body = part
            .strip_prefix(PREFIX)
            .ok_or_else(|| malformed("a chunk does not start with shc:/"))?;
        let pieces: Vec<&str> = body.split('/').collect();
        match pieces[..] {
            [digits] if total.is_none() && text.split_whitespace().count() == 1 => {
                total = Some(1);
                chunks.push((1, digits));
            }
            [i, n, digits] => {
                let number = |s: &str| {
                    s.parse::<usize>()
                        .ok()
                        .filter(|v| (1..=limits.max_chunks).contains(v))
                        .ok_or_else(|| malformed(format!("chunk number {s:?}")))
                };
                let (i, n) = (number(i)?, number(n)?);
                if i > n || *total.get_or_insert(n) != n {
                    return Err(malformed("chunks of different cards or a bad index"));
                }
                if chunks.iter().any(|(j, _)| *j == i) {
                    return Err(malformed(format!("chunk {i} twice")));
                }
                chunks.push((i, digits));
            }
            _ => return Err(malformed("a chunk is shc:/DIGITS or shc:/i/n/DIGITS")),
        }
    }
    let total = total.ok_or_else(|| malformed("no shc:/ text"))?;
    if chunks.len() != total {
        return Err(malformed(format!("{} of {total} chunks", chunks.len())));
    }
    chunks.sort_by_key(|(i, _)| *i);
    let mut jws = String::with_capacity(text.len() / 2);
    for (_, digits) in chunks {
        let d = digits.as_bytes();
        if d.len() % 2 != 0 || !d.iter().all(u8::is_ascii_digit) {
            return Err(malformed("numeric mode holds pairs of digits"));
        }
        for pair in d.chunks(2) {
            let v = (pair[0] - b'0') * 10 + (pair[1] - b'0');
            if v > 77 {
                return Err(malformed(format!("digit pair {v} is above 77")));
            }
            jws.push(char::from(v + 45));
        }
    }
    Ok(jws)
}

fn json_limits(limits: &FormatLimits) -> JsonLimits {
    JsonLimits {
        max_bytes: limits.max_inflated,
        ..JsonLimits::default()
    }
}

/// Decodes a compact JWS of a card: header, inflated payload, signature.
pub fn decode_jws(jws: &str, limits: &FormatLimits) -> Result<Decoded> {
    let mut parts = jws.split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(malformed("a JWS has three parts"));
    };
    let b64 = |t: &str, what: &str| {
        Base64::UrlSafeNoPad
            .decode(t)
            .ok_or_else(|| malformed(format!("the JWS {what} is not base64url")))
    };
    let header = match parse_bounded(&b64(h, "header")?, json_limits(limits))? {
        Value::Object(m) => m,
        _ => return Err(malformed("the JWS header is not an object")),
    };
    if header.get("alg").and_then(Value::as_str) != Some("ES256") {
        return Err(Error::CoseUnsupportedAlgorithm(
            header
                .get("alg")
                .and_then(Value::as_str)
                .unwrap_or("none")
                .to_owned(),
        ));
    }
    if header.get("zip").and_then(Value::as_str) != Some("DEF") {
        return Err(malformed("the JWS header lacks zip: DEF"));
    }
    let payload = inflate_raw(&b64(p, "payload")?, limits)?;
    let payload = parse_bounded(&payload, json_limits(limits))?;
    Ok(Decoded {
        header,
        payload,
        signing_input: jws[..h.len() + 1 + p.len()].to_owned(),
        signature: b64(s, "signature")?,
    })
}

/// Decodes the QR text of a card (one code or all its chunks).
pub fn decode(text: &str, limits: &FormatLimits) -> Result<Decoded> {
    decode_jws(&unchunk(text.trim(), limits)?, limits)
}

/// Verifies the QR text of a SMART Health Card: decoding, the signature with the issuer's key
/// from the bundle (`trust`: `None` when no bundle is loaded), its `nbf`, and revocation by `rid`.
pub fn verify(
    text: &str,
    trust: Option<&FormatTrust>,
    now: Timestamp,
    limits: &FormatLimits,
) -> VerificationReport {
    report::decoded_or_refused(Format::Shc, now, decode(text, limits), |d| {
        verify_decoded(d, trust, now)
    })
}

fn str_at<'a>(v: &'a Value, pointer: &str) -> Option<&'a str> {
    v.pointer(pointer).and_then(Value::as_str)
}

/// Verifies a decoded card.
pub fn verify_decoded(
    d: &Decoded,
    trust: Option<&FormatTrust>,
    now: Timestamp,
) -> VerificationReport {
    let mut r = report::new(Format::Shc, now);
    report::decoded(&mut r, Format::Shc);
    summarize(&mut r, &d.payload);
    let iss = str_at(&d.payload, "/iss").unwrap_or_default();
    let has_bundle = d
        .payload
        .pointer("/vc/credentialSubject/fhirBundle/entry")
        .is_some_and(Value::is_array);
    if !iss.is_empty() && has_bundle {
        r.pass(
            CheckCode::DataModel,
            message!("payload_conforms", format = Format::Shc.as_str()),
        );
    } else {
        r.fail(
            CheckCode::DataModel,
            &malformed("the payload needs iss and vc.credentialSubject.fhirBundle.entry"),
        );
    }
    r.pass(
        CheckCode::ProofPresent,
        message!("enveloping_proof", format = "JWS ES256"),
    );
    r.credential.cryptosuites = vec!["JWS ES256".into()];
    let kid = d
        .header
        .get("kid")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let issuer = trust.and_then(|t| t.shc_issuer(iss));
    let key = issuer.and_then(|i| i.keys.iter().find(|(k, _)| k == kid).map(|(_, k)| k));
    let outcome = key.map(|k| {
        if k.algorithm() != Algorithm::P256 {
            return Err(Error::CoseUnsupportedAlgorithm(
                "ES256 with a key of another type".into(),
            ));
        }
        k.verify(d.signing_input.as_bytes(), &d.signature)
    });
    let verified = matches!(outcome, Some(Ok(())));
    report::signature(&mut r, "JWS ES256", kid, outcome);
    if let (Some(i), true) = (issuer, verified) {
        report::issuer_recognised(&mut r, i.name.as_deref().unwrap_or(&i.iss), None);
    }
    if trust.is_none() {
        report::no_bundle(&mut r);
    }
    let nbf = match d.payload.get("nbf") {
        Some(Value::Number(n)) => n.as_f64().map(|f| Timestamp(f as i64)),
        _ => None,
    };
    report::window(&mut r, nbf, None, now);
    if let (Some(i), Some(rid)) = (issuer, str_at(&d.payload, "/vc/rid")) {
        if let Some((_, rids)) = i.revoked.iter().find(|(k, _)| k == kid) {
            let revoked = rids.iter().any(|(listed, cutoff)| {
                listed == rid && cutoff.is_none_or(|c| nbf.is_none_or(|n| n.0 < c))
            });
            if revoked {
                r.fail_with(
                    CheckCode::RevocationStatus,
                    "credential_revoked",
                    message!("rid_revoked", rid = rid),
                );
            } else {
                r.pass(
                    CheckCode::RevocationStatus,
                    message!("rid_not_revoked", rid = rid),
                );
            }
        }
    }
    r.conclude();
    r
}

fn summarize(r: &mut VerificationReport, payload: &Value) {
    r.credential.issuer = str_at(payload, "/iss").map(str::to_owned);
    r.credential.types = payload
        .pointer("/vc/type")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect();
    let entries = payload
        .pointer("/vc/credentialSubject/fhirBundle/entry")
        .and_then(Value::as_array);
    let resources = entries
        .into_iter()
        .flatten()
        .filter_map(|e| e.get("resource"));
    let mut immunizations = Vec::new();
    for res in resources {
        match res.get("resourceType").and_then(Value::as_str) {
            Some("Patient") if r.credential.holder.is_none() => {
                let name = res.pointer("/name/0");
                let mut parts: Vec<String> = name
                    .and_then(|n| n.get("given"))
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect();
                if let Some(f) = name.and_then(|n| str_at(n, "/family")) {
                    parts.push(f.to_owned());
                }
                let name = (!parts.is_empty()).then(|| parts.join(" "));
                r.credential.holder = name.clone();
                field(r, message!("field_name"), name);
                field(
                    r,
                    message!("field_birth_date"),
                    str_at(res, "/birthDate").map(str::to_owned),
                );
            }
            Some("Immunization") => {
                let parts: Vec<&str> = [
                    str_at(res, "/vaccineCode/coding/0/code"),
                    str_at(res, "/occurrenceDateTime"),
                    str_at(res, "/performer/0/actor/display"),
                ]
                .into_iter()
                .flatten()
                .collect();
                immunizations.push(parts.join(" · "));
            }
            _ => {}
        }
    }
    for i in immunizations {
        field(r, message!("field_immunization"), Some(i));
    }
}

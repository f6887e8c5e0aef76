//! EU Digital COVID Certificate and WHO DDCC (the same `HC1:` format): `HC1:` + Base45 (RFC
//! 9285) of zlib (RFC 1950) of a COSE_Sign1 (RFC 9052) over a CWT (RFC 8392) whose claim -260
//! (`hcert`) holds, at key 1, the DCC payload (eHealth Network, "Technical Specifications for
//! EU Digital COVID Certificates", Volume 1 §2-§3, and the DCC JSON schema 1.3: `nam`, `dob`,
//! `v` vaccination, `t` test, `r` recovery entries).
//!
//! The signer is looked up by `kid` among the document signer certificates of the trust bundle
//! (`dccSigners`). Its certificate must be valid at the verification time, carry
//! `digitalSignature` when it has a key usage, and, when it has any of the DCC extended key
//! usages (Volume 1 §5, Document Signer Certificates: `1.3.6.1.4.1.1847.2021.1.1` test,
//! `.2` vaccination, `.3` recovery, or the same under `1.3.6.1.4.1.0.1847.2021.1`), be
//! entitled to every entry type of the payload.

use super::cose::{get, Sign1};
use super::cwt::Claims;
use super::report::{self, field};
use super::{base45, cbor, unzlib, Format, FormatLimits, FormatTrust};
use crate::error::{Error, Result};
use crate::message;
use crate::model::Timestamp;
use crate::verify::{CheckCode, VerificationReport};
use ciborium::value::Value as Cbor;
use serde_json::Value;

/// The context identifier this verifier reads (Volume 1 §2.6.7: `HC1:`).
pub const PREFIX: &str = "HC1:";

/// CWT claim key of the health certificate (`hcert`), and its key of the EU DCC v1 payload.
const HCERT: i128 = -260;
const EU_DCC_V1: i128 = 1;

/// A decoded DCC whose signature is not yet checked.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub(crate) sign1: Sign1,
    /// The CWT's registered claims.
    pub claims: Claims,
    /// The DCC payload as JSON (`ver`, `nam`, `dob`, `v` / `t` / `r`).
    pub payload: Value,
}

/// The stages of decoding, each with its own error code: prefix (`dcc_unsupported_prefix`),
/// Base45 (`format_invalid_base45`), zlib (`format_decompress_failed`), COSE and CBOR
/// (`cose_malformed`, `cose_unsupported_algorithm`), the CWT and payload (`dcc_malformed`).
pub fn decode(text: &str, limits: &FormatLimits) -> Result<Decoded> {
    let text = text.trim();
    let body = text
        .strip_prefix(PREFIX)
        .ok_or_else(|| Error::DccUnsupportedPrefix(text.chars().take(4).collect()))?;
    let compressed = base45(body, limits)?;
    let cose = unzlib(&compressed, limits)?;
    let sign1 = Sign1::from_cbor(cbor(&cose, limits)?, limits)?;
    let Cbor::Map(cwt) = cbor(&sign1.payload, limits)? else {
        return Err(Error::DccMalformed("the CWT is not a map".into()));
    };
    let claims = Claims::read(&cwt);
    let payload = match get(&cwt, HCERT) {
        Some(Cbor::Map(h)) => get(h, EU_DCC_V1),
        _ => None,
    }
    .ok_or_else(|| Error::DccMalformed("no hcert claim (-260) with an EU DCC (1)".into()))?;
    let payload = crate::codec::cbor::to_json(payload).map_err(Error::DccMalformed)?;
    Ok(Decoded {
        sign1,
        claims,
        payload,
    })
}

impl Decoded {
    /// The CWT as signed (the CBOR stage of the test vectors).
    pub fn cwt_bytes(&self) -> &[u8] {
        &self.sign1.payload
    }
}

/// Which DCC entry types the payload holds: `v`, `t`, `r`.
fn entry_types(payload: &Value) -> Vec<&'static str> {
    ["v", "t", "r"]
        .into_iter()
        .filter(|t| {
            payload
                .get(*t)
                .and_then(Value::as_array)
                .is_some_and(|a| !a.is_empty())
        })
        .collect()
}

/// The payload has a name, a date of birth, a version and exactly one kind of entry.
fn check_payload(payload: &Value) -> Result<()> {
    let has = |k: &str| payload.get(k).is_some();
    if !payload.is_object() || !has("ver") || !has("nam") || !has("dob") {
        return Err(Error::DccMalformed(
            "the payload needs ver, nam and dob".into(),
        ));
    }
    if entry_types(payload).len() != 1 {
        return Err(Error::DccMalformed(
            "the payload holds exactly one of v, t, r".into(),
        ));
    }
    Ok(())
}

/// The DCC extended key usage OID of an entry type, in both arcs the specification names.
fn eku_of(entry: &str) -> [&'static str; 2] {
    match entry {
        "t" => ["1.3.6.1.4.1.1847.2021.1.1", "1.3.6.1.4.1.0.1847.2021.1.1"],
        "v" => ["1.3.6.1.4.1.1847.2021.1.2", "1.3.6.1.4.1.0.1847.2021.1.2"],
        _ => ["1.3.6.1.4.1.1847.2021.1.3", "1.3.6.1.4.1.0.1847.2021.1.3"],
    }
}

fn is_dcc_eku(oid: &str) -> bool {
    ["t", "v", "r"].iter().any(|e| eku_of(e).contains(&oid))
}

/// The certificate rules: validity at `now`, key usage, extended key usage for the entry types.
fn check_certificate(
    cert: &super::x509::SignerCertificate,
    entries: &[&str],
    now: Timestamp,
) -> Result<()> {
    if now < cert.not_before || now > cert.not_after {
        return Err(Error::DccSignerNotPermitted(format!(
            "its certificate is valid from {} to {}",
            cert.not_before.to_rfc3339(),
            cert.not_after.to_rfc3339()
        )));
    }
    if cert.no_digital_signature {
        return Err(Error::DccSignerNotPermitted(
            "its key usage lacks digitalSignature".into(),
        ));
    }
    if cert.ext_key_usage.iter().any(|o| is_dcc_eku(o)) {
        if let Some(e) = entries.iter().find(|e| {
            !eku_of(e)
                .iter()
                .any(|o| cert.ext_key_usage.iter().any(|c| c == o))
        }) {
            return Err(Error::DccSignerNotPermitted(format!(
                "its extended key usage does not allow {} entries",
                match *e {
                    "v" => "vaccination",
                    "t" => "test",
                    _ => "recovery",
                }
            )));
        }
    }
    Ok(())
}

/// Verifies `HC1:` text: decoding, the payload, the signature with the bundle's document signer
/// (`trust`: `None` when no bundle is loaded), the signer's certificate rules, and the validity
/// window (issued at, expiry).
pub fn verify(
    text: &str,
    trust: Option<&FormatTrust>,
    now: Timestamp,
    limits: &FormatLimits,
) -> VerificationReport {
    report::decoded_or_refused(Format::EuDcc, now, decode(text, limits), |d| {
        verify_decoded(d, trust, now)
    })
}

fn verify_decoded(d: &Decoded, trust: Option<&FormatTrust>, now: Timestamp) -> VerificationReport {
    let mut r = report::new(Format::EuDcc, now);
    report::decoded(&mut r, Format::EuDcc);
    summarize(&mut r, d);
    let entries = entry_types(&d.payload);
    match check_payload(&d.payload) {
        Ok(()) => r.pass(
            CheckCode::DataModel,
            message!("payload_conforms", format = Format::EuDcc.as_str()),
        ),
        Err(e) => r.fail(CheckCode::DataModel, &e),
    }
    let kid = d.sign1.kid.clone().unwrap_or_default();
    let kid_text = crate::codec::Base64::Standard.encode(&kid);
    let signer = trust.and_then(|t| t.dcc_signer(&kid));
    report::cose_signature(
        &mut r,
        &d.sign1,
        &kid_text,
        signer.map(|s| d.sign1.verify(s.key())),
    );
    if let Some(s) = signer {
        match check_certificate(&s.certificate, &entries, now) {
            Ok(()) => {
                let name = s.certificate.subject.clone();
                let country = s.country.clone().or_else(|| d.claims.iss.clone());
                report::issuer_recognised(&mut r, &name, country.as_deref());
            }
            Err(e) => r.fail(CheckCode::IssuerTrusted, &e),
        }
    }
    if trust.is_none() {
        report::no_bundle(&mut r);
    }
    report::window(&mut r, d.claims.nbf.or(d.claims.iat), d.claims.exp, now);
    r.credential.id = first_entry(&d.payload).and_then(|e| text_of(e, "ci"));
    r.conclude();
    r
}

fn text_of(v: &Value, k: &str) -> Option<String> {
    match v.get(k)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn first_entry(payload: &Value) -> Option<&Value> {
    ["v", "t", "r"]
        .iter()
        .find_map(|k| payload.get(*k).and_then(Value::as_array)?.first())
}

/// Values joined with " · ", the missing ones left out.
fn joined(parts: &[Option<String>]) -> Option<String> {
    let parts: Vec<&str> = parts.iter().flatten().map(String::as_str).collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

fn summarize(r: &mut VerificationReport, d: &Decoded) {
    let p = &d.payload;
    r.credential.issuer = d.claims.iss.clone();
    r.credential.types = entry_types(p)
        .iter()
        .map(|t| format!("EuDcc.{t}"))
        .collect();
    let nam = p.get("nam");
    let name = [
        nam.and_then(|n| text_of(n, "gn")),
        nam.and_then(|n| text_of(n, "fn")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let name = (!name.is_empty()).then_some(name);
    r.credential.holder = name.clone();
    field(r, message!("field_name"), name);
    field(r, message!("field_birth_date"), text_of(p, "dob"));
    for v in p.get("v").and_then(Value::as_array).into_iter().flatten() {
        let dose = match (text_of(v, "dn"), text_of(v, "sd")) {
            (Some(dn), Some(sd)) => Some(format!("{dn}/{sd}")),
            _ => None,
        };
        let value = joined(&[dose, text_of(v, "mp"), text_of(v, "dt"), text_of(v, "co")]);
        field(r, message!("field_vaccination"), value);
    }
    for t in p.get("t").and_then(Value::as_array).into_iter().flatten() {
        let value = joined(&[
            text_of(t, "tt"),
            text_of(t, "tr"),
            text_of(t, "sc"),
            text_of(t, "co"),
        ]);
        field(r, message!("field_test"), value);
    }
    for x in p.get("r").and_then(Value::as_array).into_iter().flatten() {
        let value = joined(&[
            text_of(x, "fr"),
            text_of(x, "df"),
            text_of(x, "du"),
            text_of(x, "co"),
        ]);
        field(r, message!("field_recovery"), value);
    }
    field(r, message!("field_issuing_country"), d.claims.iss.clone());
}

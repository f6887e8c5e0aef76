//! Trust bundle sections for the other credential formats (`specs/trust-bundle.md`):
//! `laissez bundle add-dcc-signers | add-shc-issuer | add-claim169-key`. Every entry is checked
//! with the core's own parser before it is written.

use super::bundle::read_json;
use crate::cli::{BundleAddClaim169KeyArgs, BundleAddDccSignersArgs, BundleAddShcIssuerArgs};
use crate::error::{CliError, CliResult};
use crate::fsutil::write_json;
use crate::i18n::{note, say};
use credential_core::codec::Base64;
use credential_core::formats::{DccSigner, ShcIssuer};
use credential_core::keys::PublicKey;
use credential_core::message;
use serde_json::{json, Map, Value};
use std::path::Path;

/// The bundle as an object, its signature removed (the anchor signs it again).
fn open(bundle: &mut Value) -> CliResult<&mut Map<String, Value>> {
    let obj = bundle
        .as_object_mut()
        .ok_or_else(|| CliError::input(message!("bundle_not_object")))?;
    if obj.remove("proof").is_some() {
        note!("bundle_signature_removed");
    }
    Ok(obj)
}

/// The array member `name` of the bundle, created if absent.
fn section<'a>(
    obj: &'a mut Map<String, Value>,
    name: &'static str,
) -> CliResult<&'a mut Vec<Value>> {
    obj.entry(name)
        .or_insert_with(|| json!([]))
        .as_array_mut()
        .ok_or_else(|| CliError::input(message!("bundle_not_array", member = name)))
}

fn in_file(path: &Path, e: &credential_core::Error) -> CliError {
    CliError::in_file(&path.display().to_string(), &e.message())
}

/// `laissez bundle add-dcc-signers BUNDLE FILE`: the `DSC` entries of a DCC Gateway trust list
/// (`kid`, `country`, `certificateType`, `rawData` = the certificate, Base64 DER).
pub fn add_dcc_signers(args: &BundleAddDccSignersArgs) -> CliResult<()> {
    let list = read_json(&args.file)?;
    let items = list
        .as_array()
        .ok_or_else(|| CliError::input(message!("bundle_not_array", member = "trust list")))?;
    let mut entries = Vec::new();
    for item in items {
        if item
            .get("certificateType")
            .and_then(Value::as_str)
            .is_some_and(|t| t != "DSC")
        {
            continue;
        }
        let raw = item
            .get("rawData")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let der = Base64::Standard.decode(raw).ok_or_else(|| {
            in_file(
                &args.file,
                &credential_core::Error::BundleMalformed("rawData is Base64 DER".into()),
            )
        })?;
        let country = item
            .get("country")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let signer = DccSigner::from_certificate(&der, country.clone())
            .map_err(|e| in_file(&args.file, &e))?;
        let mut entry = json!({
            "kid": Base64::Standard.encode(&signer.kid),
            "certificate": raw,
        });
        if let Some(c) = country {
            entry["country"] = json!(c);
        }
        entries.push(entry);
    }
    let mut bundle = read_json(&args.bundle)?;
    let signers = section(open(&mut bundle)?, "dccSigners")?;
    let count = entries.len();
    for e in entries {
        signers.retain(|s| s.get("kid") != e.get("kid"));
        signers.push(e);
    }
    write_json(&args.bundle, &bundle)?;
    say!("bundle_added_dcc_signers", count = count);
    Ok(())
}

/// `laissez bundle add-shc-issuer BUNDLE --iss URL --jwks FILE [--crl FILE]…`.
pub fn add_shc_issuer(args: &BundleAddShcIssuerArgs) -> CliResult<()> {
    let jwks = read_json(&args.jwks)?;
    let mut issuer = ShcIssuer::from_jwks(&args.iss, args.name.clone(), &jwks)
        .map_err(|e| in_file(&args.jwks, &e))?;
    let mut crls = Vec::new();
    for path in &args.crl {
        let crl = read_json(path)?;
        issuer.add_crl(&crl).map_err(|e| in_file(path, &e))?;
        crls.push(crl);
    }
    let mut entry = json!({"iss": &args.iss, "jwks": jwks, "crls": crls});
    if let Some(n) = &args.name {
        entry["name"] = json!(n);
    }
    let mut bundle = read_json(&args.bundle)?;
    let issuers = section(open(&mut bundle)?, "shcIssuers")?;
    issuers.retain(|i| i.get("iss").and_then(Value::as_str) != Some(&args.iss));
    issuers.push(entry);
    write_json(&args.bundle, &bundle)?;
    say!("bundle_added_shc_issuer", iss = &args.iss);
    Ok(())
}

/// `laissez bundle add-claim169-key BUNDLE --iss ISS --key KEY…`: keys are appended to the
/// issuer's entry (created if absent).
pub fn add_claim169_key(args: &BundleAddClaim169KeyArgs) -> CliResult<()> {
    let mut keys = Vec::new();
    for k in &args.key {
        let (value, parsed) = if k.trim_start().starts_with('{') {
            let jwk: Value = serde_json::from_str(k).map_err(|e| {
                CliError::input(credential_core::Error::MalformedJson(e.to_string()).message())
            })?;
            let parsed = PublicKey::from_jwk(&jwk);
            (jwk, parsed)
        } else {
            (json!(k), PublicKey::from_multikey(k))
        };
        parsed.map_err(|e| CliError::input(e.message()))?;
        keys.push(value);
    }
    let mut bundle = read_json(&args.bundle)?;
    let issuers = section(open(&mut bundle)?, "claim169Issuers")?;
    let at = match issuers
        .iter()
        .position(|i| i.get("iss").and_then(Value::as_str) == Some(&args.iss))
    {
        Some(at) => at,
        None => {
            issuers.push(json!({"iss": &args.iss, "publicKeys": []}));
            issuers.len() - 1
        }
    };
    let entry = &mut issuers[at];
    if let Some(n) = &args.name {
        entry["name"] = json!(n);
    }
    let list = entry
        .get_mut("publicKeys")
        .and_then(Value::as_array_mut)
        .ok_or_else(|| CliError::input(message!("bundle_not_array", member = "publicKeys")))?;
    let count = keys.len();
    list.extend(keys);
    write_json(&args.bundle, &bundle)?;
    say!("bundle_added_claim169_keys", iss = &args.iss, count = count);
    Ok(())
}

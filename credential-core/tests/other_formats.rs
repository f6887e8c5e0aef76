//! The other formats' reference files (`../shared/vectors/other-formats`, see
//! `test-vectors/manifest.md`): every EU DCC file gives its `EXPECTEDRESULTS` stage by stage at
//! its validation clock, SMART Health Cards 00-02 verify with the issuer's JWKS and 03 is
//! revoked, Claim 169 `valid/` decode to their expected claims (and verify where signed),
//! `invalid/` are refused with the right code, `edge/` are flagged.
#![cfg(feature = "other-formats")]

mod common;

use common::*;
use credential_core::codec::{hex, Base64};
use credential_core::formats::{
    claim169, dcc, shc, Claim169Issuer, DccSigner, FormatLimits, FormatTrust, ShcIssuer,
};
use credential_core::keys::{Algorithm, PublicKey};
use credential_core::model::Timestamp;
use credential_core::verify::{CheckCode, CheckStatus, Verdict, VerificationReport};
use serde_json::Value;
use std::path::Path;

fn status(r: &VerificationReport, code: CheckCode) -> Option<CheckStatus> {
    r.check(code).map(|c| c.status)
}

fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    out.sort();
    out
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn eu_dcc_files_give_their_expected_results_stage_by_stage() {
    let Some(dir) = vectors_subdir("other-formats/eu-dcc") else {
        return;
    };
    let limits = FormatLimits::default();
    let mut checked = 0;
    for path in files(&dir) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let v = read_json(&path);
        let ctx = &v["TESTCTX"];
        let expect = |k: &str| v["EXPECTEDRESULTS"].get(k).and_then(Value::as_bool);
        let now = Timestamp::parse(ctx["VALIDATIONCLOCK"].as_str().unwrap()).unwrap();
        let der = Base64::Standard
            .decode(ctx["CERTIFICATE"].as_str().unwrap())
            .unwrap();
        let trust = FormatTrust {
            dcc_signers: vec![DccSigner::from_certificate(&der, None).unwrap()],
            ..Default::default()
        };
        let prefix = v["PREFIX"].as_str().unwrap();
        let decoded = dcc::decode(prefix, &limits);
        let code = decoded.as_ref().err().map(|e| e.code());
        // The stages that fail before the signature, each with its own code.
        for (stage, want) in [
            ("EXPECTEDUNPREFIX", "dcc_unsupported_prefix"),
            ("EXPECTEDB45DECODE", "format_invalid_base45"),
            ("EXPECTEDCOMPRESSION", "format_decompress_failed"),
        ] {
            match expect(stage) {
                Some(false) => assert_eq!(code, Some(want), "{name}: {stage}"),
                Some(true) => assert_ne!(code, Some(want), "{name}: {stage}"),
                None => {}
            }
        }
        if expect("EXPECTEDDECODE") == Some(true) {
            assert!(decoded.is_ok(), "{name}: {code:?}");
        }
        if let Ok(d) = &decoded {
            // `CBOR` is the signed CWT in some files, the payload alone (indefinite lengths) in
            // others: the signed bytes must contain the payload's values either way, which
            // the JSON stage checks.
            if let Some(cbor) = v.get("CBOR").and_then(Value::as_str) {
                if cbor.starts_with("a4") || cbor.starts_with("a5") || cbor.starts_with("a6") {
                    assert_eq!(hex(d.cwt_bytes()), cbor, "{name}: CBOR stage");
                }
            }
            if expect("EXPECTEDVALIDJSON") == Some(true) {
                assert_eq!(d.payload, v["JSON"], "{name}: JSON stage");
            }
        }
        let r = dcc::verify(prefix, Some(&trust), now, &limits);
        assert_eq!(r.format, "eu-dcc");
        match expect("EXPECTEDVERIFY") {
            Some(true) => assert_eq!(
                status(&r, CheckCode::SignatureValid),
                Some(CheckStatus::Pass),
                "{name}: {:?}",
                r.checks
            ),
            Some(false) => assert_ne!(
                status(&r, CheckCode::SignatureValid),
                Some(CheckStatus::Pass),
                "{name}"
            ),
            None => {}
        }
        if expect("EXPECTEDKEYUSAGE") == Some(false) {
            let c = r.check(CheckCode::IssuerTrusted).unwrap();
            assert_eq!(c.status, CheckStatus::Fail, "{name}");
            assert_eq!(c.error, Some("dcc_signer_not_permitted"), "{name}");
        }
        if let Some(want) = expect("EXPECTEDEXPIRATIONCHECK") {
            assert_eq!(
                status(&r, CheckCode::ValidUntil) == Some(CheckStatus::Pass),
                want,
                "{name}: {:?}",
                r.checks
            );
        }
        let all_good = expect("EXPECTEDVERIFY") == Some(true)
            && expect("EXPECTEDEXPIRATIONCHECK") != Some(false)
            && expect("EXPECTEDKEYUSAGE") != Some(false);
        if all_good {
            assert_eq!(r.verdict, Verdict::Valid, "{name}: {:?}", r.checks);
            assert!(r.credential.holder.is_some(), "{name}");
        } else {
            assert_ne!(r.verdict, Verdict::Valid, "{name}");
        }
        checked += 1;
    }
    assert_eq!(checked, 16);
}

fn shc_trust(dir: &Path) -> FormatTrust {
    let jwks = read_json(&dir.join("issuer/.well-known/jwks.json"));
    let mut issuer = ShcIssuer::from_jwks(
        "https://spec.smarthealth.cards/examples/issuer",
        None,
        &jwks,
    )
    .unwrap();
    let crl_dir = dir.join("issuer/.well-known/crl");
    for crl in files(&crl_dir) {
        issuer.add_crl(&read_json(&crl)).unwrap();
    }
    FormatTrust {
        shc_issuers: vec![issuer],
        ..Default::default()
    }
}

/// The QR texts of example `n`, every chunk, one per line.
fn shc_qr(dir: &Path, n: u32) -> String {
    let mut chunks = Vec::new();
    for i in 0.. {
        let p = dir.join(format!("example-{n:02}-f-qr-code-numeric-value-{i}.txt"));
        if !p.is_file() {
            break;
        }
        chunks.push(read(&p).trim().to_owned());
    }
    assert!(!chunks.is_empty());
    // Out of order on purpose: the chunks say their index.
    chunks.reverse();
    chunks.join("\n")
}

#[test]
fn smart_health_cards_00_to_02_verify_and_03_is_revoked() {
    let Some(dir) = vectors_subdir("other-formats/smart-health-cards") else {
        return;
    };
    let limits = FormatLimits::default();
    let trust = shc_trust(&dir);
    let now = Timestamp::parse("2026-06-01T00:00:00Z").unwrap();
    for n in 0..=3 {
        let qr = shc_qr(&dir, n);
        let jws = shc::unchunk(&qr, &limits).unwrap();
        assert_eq!(
            jws,
            read(&dir.join(format!("example-{n:02}-d-jws.txt"))).trim(),
            "{n}"
        );
        let d = shc::decode(&qr, &limits).unwrap();
        let want = read_json(&dir.join(format!("example-{n:02}-c-jws-payload-minified.json")));
        assert_eq!(d.payload, want, "{n}");
        let r = shc::verify(&qr, Some(&trust), now, &limits);
        assert_eq!(r.format, "shc");
        assert_eq!(
            status(&r, CheckCode::SignatureValid),
            Some(CheckStatus::Pass),
            "{n}: {:?}",
            r.checks
        );
        let want = if n == 3 {
            Verdict::Revoked
        } else {
            Verdict::Valid
        };
        assert_eq!(r.verdict, want, "{n}: {:?}", r.checks);
        // Example 02 (a lab result bundle) has no Patient resource.
        assert_eq!(r.credential.holder.is_some(), n != 2, "{n}");
        // Without the issuer's keys nothing vouches for the card.
        let r = shc::verify(&qr, None, now, &limits);
        assert_eq!(r.verdict, Verdict::Invalid, "{n}");
    }
    // A tampered card (one payload character changed) no longer verifies.
    let jws = read(&dir.join("example-00-d-jws.txt")).trim().to_owned();
    let dot = jws.rfind('.').unwrap();
    let mut bytes = jws.into_bytes();
    bytes[dot - 5] = if bytes[dot - 5] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(bytes).unwrap();
    if let Ok(d) = shc::decode_jws(&tampered, &limits) {
        let r = shc::verify_decoded(&d, Some(&trust), now);
        assert_ne!(r.verdict, Verdict::Valid);
    }
}

/// Compares the decoded identity with `expected_claim169`. Biometric `data` is compared as
/// bytes, except in `with-face.json`, whose expected value is not the bytes its QR carries
/// (`//3+4AAQ` for the JPEG header `/9j/4AAQ` it encodes): there the decoded bytes must be a
/// JPEG start of image.
fn same_identity(name: &str, got: &serde_json::Map<String, Value>, want: &Value) {
    for (k, w) in want.as_object().unwrap() {
        let g = got.get(k).unwrap_or_else(|| panic!("{name}: no {k}"));
        match (g, w) {
            (Value::Array(ga), Value::Array(wa)) if ga.iter().all(Value::is_object) => {
                assert_eq!(ga.len(), wa.len(), "{name}: {k}");
                for (ge, we) in ga.iter().zip(wa) {
                    for (field, wv) in we.as_object().unwrap() {
                        let gv = &ge[field];
                        if field == "data" && name == "with-face.json" {
                            let b = Base64::Standard.decode(gv.as_str().unwrap()).unwrap();
                            assert_eq!(&b[..3], &[0xff, 0xd8, 0xff], "{name}");
                        } else {
                            assert_eq!(gv, wv, "{name}: {k}.{field}");
                        }
                    }
                }
            }
            _ => assert_eq!(g, w, "{name}: {k}"),
        }
    }
}

fn claim169_trust(v: &Value) -> Option<FormatTrust> {
    let key = v.get("signing_key")?;
    let alg = match key["algorithm"].as_str().unwrap() {
        "EdDSA" => Algorithm::Ed25519,
        "ES256" => Algorithm::P256,
        other => panic!("{other}"),
    };
    let pk = PublicKey::from_bytes(alg, &unhex(key["public_key_hex"].as_str().unwrap())).unwrap();
    let iss = v["expected_cwt_meta"]["issuer"].as_str().unwrap();
    Some(FormatTrust {
        claim169_issuers: vec![Claim169Issuer::new(iss, None, vec![pk])],
        ..Default::default()
    })
}

#[test]
fn claim_169_valid_invalid_and_edge_files() {
    let Some(dir) = vectors_subdir("other-formats/claim-169") else {
        return;
    };
    let limits = FormatLimits::default();
    // Inside every valid file's window (the earliest ends 2026-08-28).
    let now = Timestamp(1_760_000_000);
    let mut seen = 0;
    for path in files(&dir.join("valid")) {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let v = read_json(&path);
        let qr = v["qr_data"].as_str().unwrap();
        if v.get("encryption_key").is_some() {
            // No decryption key is configured: refused with its own code.
            let e = claim169::decode(qr, &limits).unwrap_err();
            assert_eq!(e.code(), "claim169_encrypted", "{name}");
            let r = claim169::verify(qr, None, now, &limits);
            assert_eq!(r.verdict, Verdict::Invalid);
            seen += 1;
            continue;
        }
        let d = claim169::decode(qr, &limits).unwrap_or_else(|e| panic!("{name}: {e}"));
        same_identity(&name, &d.identity, &v["expected_claim169"]);
        let meta = &v["expected_cwt_meta"];
        assert_eq!(d.claims.iss.as_deref(), meta["issuer"].as_str(), "{name}");
        assert_eq!(
            d.claims.exp.map(|t| t.0),
            meta["expiresAt"].as_i64(),
            "{name}"
        );
        assert_eq!(
            d.claims.iat.map(|t| t.0),
            meta["issuedAt"].as_i64(),
            "{name}"
        );
        assert_eq!(
            d.claims.nbf.map(|t| t.0),
            meta["notBefore"].as_i64(),
            "{name}"
        );
        assert!(d.unknown.is_empty(), "{name}: {:?}", d.unknown);
        let r = claim169::verify(qr, claim169_trust(&v).as_ref(), now, &limits);
        assert_eq!(r.format, "claim169");
        assert_eq!(
            r.credential.holder.as_deref(),
            v["expected_claim169"]["fullName"].as_str(),
            "{name}"
        );
        if v.get("signing_key").is_some() {
            assert_eq!(r.verdict, Verdict::Valid, "{name}: {:?}", r.checks);
            // Another key does not verify it.
            let other = credential_core::keys::SecretKey::from_bytes(Algorithm::Ed25519, &[7; 32])
                .unwrap()
                .public_key();
            let iss = d.claims.iss.as_deref().unwrap();
            let wrong = FormatTrust {
                claim169_issuers: vec![Claim169Issuer::new(iss, None, vec![other])],
                ..Default::default()
            };
            let r = claim169::verify(qr, Some(&wrong), now, &limits);
            assert_eq!(r.verdict, Verdict::Invalid, "{name}");
        } else {
            // An unsigned code proves nothing.
            assert_eq!(
                status(&r, CheckCode::ProofPresent),
                Some(CheckStatus::Fail),
                "{name}"
            );
            assert_eq!(r.verdict, Verdict::Invalid, "{name}");
        }
        if name == "with-face.json" {
            assert!(r
                .credential
                .photo
                .as_deref()
                .unwrap()
                .starts_with("data:image/jpeg;base64,/9j/"));
        }
        seen += 1;
    }
    assert_eq!(seen, 11);

    for (file, code) in [
        ("bad-base45.json", "format_invalid_base45"),
        ("bad-zlib.json", "format_decompress_failed"),
        ("not-cose.json", "cose_malformed"),
        ("missing-169.json", "claim169_missing"),
    ] {
        let v = read_json(&dir.join("invalid").join(file));
        let qr = v["qr_data"].as_str().unwrap();
        let e = claim169::decode(qr, &limits).unwrap_err();
        assert_eq!(e.code(), code, "{file}");
        let r = claim169::verify(qr, None, now, &limits);
        let c = r.check(CheckCode::WellFormed).unwrap();
        assert_eq!((c.status, c.error), (CheckStatus::Fail, Some(code)));
    }
    assert_eq!(files(&dir.join("invalid")).len(), 4);

    for (file, check) in [
        ("expired.json", CheckCode::ValidUntil),
        ("not-yet-valid.json", CheckCode::ValidFrom),
    ] {
        let v = read_json(&dir.join("edge").join(file));
        let qr = v["qr_data"].as_str().unwrap();
        let d = claim169::decode(qr, &limits).unwrap();
        same_identity(file, &d.identity, &v["expected_claim169"]);
        let r = claim169::verify(qr, None, now, &limits);
        assert_eq!(status(&r, check), Some(CheckStatus::Fail), "{file}");
    }
    let v = read_json(&dir.join("edge/unknown-fields.json"));
    let qr = v["qr_data"].as_str().unwrap();
    let d = claim169::decode(qr, &limits).unwrap();
    same_identity("unknown-fields", &d.identity, &v["expected_claim169"]);
    assert_eq!(d.unknown, ["30", "45", "70", "99"]);
    assert!(d.identity["unknown"].get("30").is_some());
    let r = claim169::verify(qr, None, now, &limits);
    assert!(r.checks.iter().any(|c| c.code == CheckCode::DataModel
        && c.status == CheckStatus::Warning
        && c.message.id == "unknown_fields"));
}

#[path = "common/hostile_formats.rs"]
mod hostile_formats;

#[test]
fn hostile_inputs_of_each_format_are_refused_with_their_codes() {
    for case in hostile_formats::cases() {
        assert_eq!(hostile_formats::run(&case), case.code, "{}", case.name);
    }
}

/// A trust bundle signed by `anchor` with the three sections, from the reference files.
fn bundle_with_sections(vectors: &Path, anchor: &credential_core::keys::SecretKey) -> Vec<u8> {
    use credential_core::did::did_key_vm;
    use credential_core::jsonld::ContextStore;
    use credential_core::proof::{add_proof, ProofOptions};
    use credential_core::suites::Cryptosuite;
    use credential_core::verify::Verifier;
    let dcc = read_json(&vectors.join("other-formats/eu-dcc/DE-1.json"));
    let shc = vectors.join("other-formats/smart-health-cards/issuer/.well-known");
    let crls: Vec<Value> = files(&shc.join("crl"))
        .into_iter()
        .map(|p| read_json(&p))
        .collect();
    let c169 = read_json(&vectors.join("other-formats/claim-169/valid/ed25519-signed.json"));
    let x = Base64::UrlSafeNoPad.encode(unhex(
        c169["signing_key"]["public_key_hex"].as_str().unwrap(),
    ));
    let body = serde_json::json!({
        "type": "LaissezTrustBundle",
        "version": 1,
        "issued": "2021-05-01T00:00:00Z",
        "nextUpdate": "2030-01-01T00:00:00Z",
        "issuers": [],
        "dccSigners": [{"country": "DE", "certificate": dcc["TESTCTX"]["CERTIFICATE"]}],
        "shcIssuers": [{
            "iss": "https://spec.smarthealth.cards/examples/issuer",
            "name": "SMART example issuer",
            "jwks": read_json(&shc.join("jwks.json")),
            "crls": crls,
        }],
        "claim169Issuers": [{
            "iss": "https://mosip.example.org",
            "name": "MOSIP example",
            "publicKeys": [{"kty": "OKP", "crv": "Ed25519", "x": x}],
        }],
    });
    let opts = ProofOptions::assertion(Cryptosuite::EddsaJcs2022, did_key_vm(&anchor.public_key()));
    let v = Verifier::new(ContextStore::bundled());
    serde_json::to_vec(&add_proof(body.as_object().unwrap(), &opts, anchor, v.processor()).unwrap())
        .unwrap()
}

#[test]
fn verify_input_detects_each_format_and_uses_the_bundle_sections() {
    use credential_core::jsonld::ContextStore;
    use credential_core::keys::SecretKey;
    use credential_core::verify::{Verifier, VerifyOptions};
    let Some(vectors) = vectors_dir() else {
        return;
    };
    if vectors_subdir("other-formats").is_none() {
        return;
    }
    let anchor = SecretKey::from_bytes(Algorithm::Ed25519, &[9; 32]).unwrap();
    let bundle = bundle_with_sections(&vectors, &anchor);
    let mut v = Verifier::new(ContextStore::bundled());
    let load_at = Timestamp::parse("2021-06-01T00:00:00Z").unwrap();
    v.load_trust_bundle(&bundle, &[anchor.public_key()], load_at)
        .unwrap();

    let dcc = read_json(&vectors.join("other-formats/eu-dcc/DE-1.json"));
    let at = Timestamp::parse(dcc["TESTCTX"]["VALIDATIONCLOCK"].as_str().unwrap()).unwrap();
    let r = v.verify_input(
        dcc["PREFIX"].as_str().unwrap().as_bytes(),
        &VerifyOptions::at(at),
    );
    assert_eq!(
        (r.format, r.verdict),
        ("eu-dcc", Verdict::Valid),
        "{:?}",
        r.checks
    );
    assert_eq!(r.credential.holder.as_deref(), Some("Erika Mustermann"));
    assert!(r.trust_bundle.is_some());

    let shc_dir = vectors.join("other-formats/smart-health-cards");
    let at = Timestamp::parse("2026-06-01T00:00:00Z").unwrap();
    for (n, want) in [(2, Verdict::Valid), (3, Verdict::Revoked)] {
        let r = v.verify_input(shc_qr(&shc_dir, n).as_bytes(), &VerifyOptions::at(at));
        assert_eq!((r.format, r.verdict), ("shc", want), "{n}: {:?}", r.checks);
    }

    let c169 = read_json(&vectors.join("other-formats/claim-169/valid/ed25519-signed.json"));
    let at = Timestamp(1_760_000_000);
    let r = v.verify_input(
        c169["qr_data"].as_str().unwrap().as_bytes(),
        &VerifyOptions::at(at),
    );
    assert_eq!(
        (r.format, r.verdict),
        ("claim169", Verdict::Valid),
        "{:?}",
        r.checks
    );
    assert_eq!(r.credential.issuer_name.as_deref(), Some("MOSIP example"));

    // Without a bundle nothing vouches for them.
    let bare = Verifier::new(ContextStore::bundled());
    let r = bare.verify_input(
        c169["qr_data"].as_str().unwrap().as_bytes(),
        &VerifyOptions::at(at),
    );
    assert_eq!((r.format, r.verdict), ("claim169", Verdict::Invalid));
    assert_eq!(
        status(&r, CheckCode::TrustNotEvaluated),
        Some(CheckStatus::Warning)
    );
    // JSON is still a Laissez credential.
    let r = bare.verify_input(b"{\"a\": 1}", &VerifyOptions::at(at));
    assert_eq!(r.format, "laissez");
}

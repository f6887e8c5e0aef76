//! The other formats through the CLI: a trust bundle built with `laissez bundle add-dcc-signers |
//! add-shc-issuer | add-claim169-key` and signed by an anchor, then `laissez verify` of an `HC1:`
//! EU DCC, `shc:/` SMART Health Cards (one revoked) and Claim 169 codes from
//! ../shared/vectors/other-formats; bad input (wrong kind of file, keys that do not parse, a
//! wrong key, garbage payloads) refused with a typed code, no panic, the bundle unchanged.

use credential_core::codec::Base64;
use predicates::prelude::*;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

mod common;
use common::laissez;

fn vectors() -> Option<PathBuf> {
    let dir = std::env::var_os("LAISSEZ_VECTORS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/vectors"))
        .join("other-formats");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "vectors missing at {}",
        dir.display()
    );
    eprintln!("*** SKIPPING: no vectors at {} ***", dir.display());
    None
}

fn json_file(p: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

/// What the tests share: an anchor home, the vectors, and files derived from them.
struct Setup {
    _dir: tempfile::TempDir,
    dir: PathBuf,
    anchor: PathBuf,
    anchor_did: String,
    vectors: PathBuf,
}

impl Setup {
    fn new() -> Option<Setup> {
        let vectors = vectors()?;
        let d = tempfile::tempdir().unwrap();
        let dir = d.path().to_owned();
        let anchor = dir.join("anchor");
        laissez(&anchor).arg("init").assert().success();
        let shown = laissez(&anchor)
            .args(["key", "show", "ed25519-1"])
            .output()
            .unwrap()
            .stdout;
        let anchor_did = String::from_utf8(shown)
            .unwrap()
            .split_whitespace()
            .find(|w| w.starts_with("did:key:"))
            .unwrap()
            .to_owned();
        Some(Setup {
            _dir: d,
            dir,
            anchor,
            anchor_did,
            vectors,
        })
    }

    fn vector(&self, rel: &str) -> PathBuf {
        self.vectors.join(rel)
    }

    /// A file in the temporary folder with `text`.
    fn file(&self, name: &str, text: &str) -> PathBuf {
        let p = self.dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    fn bundle_cmd(&self, args: &[&str], bundle: &Path) -> assert_cmd::assert::Assert {
        laissez(&self.anchor)
            .arg("bundle")
            .arg(args[0])
            .arg(bundle)
            .args(&args[1..])
            .assert()
    }

    /// A DCC Gateway trust list holding DE-1's document signer certificate (and a CSCA entry,
    /// which is not a document signer and is left out).
    fn dsc_list(&self) -> PathBuf {
        let cert = json_file(&self.vector("eu-dcc/DE-1.json"))["TESTCTX"]["CERTIFICATE"].clone();
        let list = json!([
            {"kid": "", "country": "DE", "certificateType": "CSCA", "rawData": "AAAA"},
            {"kid": "", "country": "DE", "certificateType": "DSC", "rawData": cert},
        ]);
        self.file("dsc.json", &list.to_string())
    }

    fn claim169_jwk(&self, file: &str) -> String {
        let v = json_file(&self.vector(&format!("claim-169/valid/{file}")));
        let key = hex(v["signing_key"]["public_key_hex"].as_str().unwrap());
        let b64 = |b: &[u8]| Base64::UrlSafeNoPad.encode(b);
        let jwk = if key.len() == 32 {
            json!({"kty": "OKP", "crv": "Ed25519", "x": b64(&key)})
        } else {
            json!({"kty": "EC", "crv": "P-256", "x": b64(&key[1..33]), "y": b64(&key[33..65])})
        };
        jwk.to_string()
    }

    /// A signed bundle with DE-1's signer, the SMART Health Cards examples' issuer (JWKS and
    /// revocation list) and the Claim 169 key of `claim169` (a file of claim-169/valid).
    fn bundle(&self, name: &str, claim169: &str) -> PathBuf {
        let b = self.dir.join(name);
        laissez(&self.anchor)
            .args(["bundle", "create", "--out"])
            .arg(&b)
            .assert()
            .success();
        let wk = self.vector("smart-health-cards/issuer/.well-known");
        let mut shc = vec![
            "add-shc-issuer".to_owned(),
            "--iss".into(),
            "https://spec.smarthealth.cards/examples/issuer".into(),
            "--jwks".into(),
            wk.join("jwks.json").display().to_string(),
        ];
        for e in std::fs::read_dir(wk.join("crl")).unwrap() {
            shc.push("--crl".into());
            shc.push(e.unwrap().path().display().to_string());
        }
        let shc: Vec<&str> = shc.iter().map(String::as_str).collect();
        let list = self.dsc_list();
        laissez(&self.anchor)
            .args(["bundle", "add-dcc-signers"])
            .arg(&b)
            .arg(&list)
            .assert()
            .success()
            .stdout(predicate::str::contains("added one EU DCC document signer"));
        self.bundle_cmd(&shc, &b).success();
        let jwk = self.claim169_jwk(claim169);
        self.bundle_cmd(
            &[
                "add-claim169-key",
                "--iss",
                "https://mosip.example.org",
                "--key",
                &jwk,
            ],
            &b,
        )
        .success();
        self.bundle_cmd(&["sign", "--anchor-key", "ed25519-1"], &b)
            .success();
        b
    }

    /// `laissez verify` of `text` (standard input) at `at` (default: now) with `bundle`: exit
    /// code and report. A bundle is signed now, so it is checked at the current time: its proof
    /// was not created yet at the vectors' 2021 validation clocks.
    fn verify(&self, text: &str, at: Option<&str>, bundle: Option<&Path>) -> (i32, Value) {
        let mut c = laissez(&self.anchor);
        c.args(["verify", "-", "--json"])
            .write_stdin(text.to_owned());
        if let Some(at) = at {
            c.args(["--at", at]);
        }
        if let Some(b) = bundle {
            c.arg("--bundle")
                .arg(b)
                .args(["--anchor", &self.anchor_did]);
        }
        let out = c.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{stderr}");
        let report = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
        (out.status.code().unwrap(), report)
    }
}

fn qr_text(v: &Path, key: &str) -> String {
    json_file(v)[key].as_str().unwrap().to_owned()
}

fn check<'a>(r: &'a Value, code: &str) -> &'a Value {
    r["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == code)
        .unwrap_or_else(|| panic!("no {code} check in {r}"))
}

#[test]
fn a_bundle_with_each_formats_signers_verifies_their_codes() {
    let Some(s) = Setup::new() else { return };
    // The DSC entry was kept, the CSCA entry left out.
    let b = s.bundle("bundle.json", "ed25519-signed.json");
    let doc = json_file(&b);
    assert_eq!(doc["dccSigners"].as_array().unwrap().len(), 1);
    assert_eq!(doc["shcIssuers"][0]["crls"].as_array().unwrap().len(), 1);
    assert_eq!(
        doc["claim169Issuers"][0]["publicKeys"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // EU DCC DE-1 (2021): today its signature checks with the bundle's key, but its signer's
    // certificate has expired (so has the DCC). credential-core's tests check it at its clock.
    let dcc = qr_text(&s.vector("eu-dcc/DE-1.json"), "PREFIX");
    let (code, r) = s.verify(&dcc, None, Some(&b));
    assert_eq!((code, r["verdict"].as_str()), (1, Some("untrusted")), "{r}");
    assert_eq!(r["format"], "eu-dcc");
    assert_eq!(r["credential"]["holder"], "Erika Mustermann");
    assert_eq!(check(&r, "signature_valid")["status"], "pass", "{r}");
    assert_eq!(
        check(&r, "issuer_trusted")["error"],
        "dcc_signer_not_permitted"
    );
    // Without the bundle the signer is unknown: the signature is not checked.
    let (code, r) = s.verify(&dcc, None, None);
    assert_eq!((code, r["verdict"].as_str()), (1, Some("invalid")));
    assert_eq!(check(&r, "signature_valid")["status"], "skipped");
    assert_eq!(check(&r, "issuer_trusted")["error"], "issuer_key_unknown");

    let shc = |n: &str| {
        std::fs::read_to_string(s.vector(&format!(
            "smart-health-cards/example-{n}-f-qr-code-numeric-value-0.txt"
        )))
        .unwrap()
    };
    let (code, r) = s.verify(&shc("00"), None, Some(&b));
    assert_eq!((code, r["verdict"].as_str()), (0, Some("valid")), "{r}");
    assert_eq!(r["format"], "shc");
    let (code, r) = s.verify(&shc("03"), None, Some(&b));
    assert_eq!((code, r["verdict"].as_str()), (1, Some("revoked")), "{r}");

    let c169 = s.vector("claim-169/valid/ed25519-signed.json");
    let (code, r) = s.verify(&qr_text(&c169, "qr_data"), None, Some(&b));
    // Valid until the code's expiry (2027-01-15), expired after.
    let expired = json_file(&c169)["expected_cwt_meta"]["expiresAt"]
        .as_u64()
        .unwrap()
        <= std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs();
    let expected = if expired {
        (1, "expired")
    } else {
        (0, "valid")
    };
    assert_eq!((code, r["verdict"].as_str().unwrap()), expected, "{r}");
    assert_eq!(check(&r, "signature_valid")["status"], "pass", "{r}");
    assert_eq!(r["format"], "claim169");
    assert_eq!(r["credential"]["holder"], "Signed Test Person");
}

#[test]
fn a_wrong_claim169_key_does_not_verify() {
    let Some(s) = Setup::new() else { return };
    // The issuer's P-256 key, but an Ed25519-signed code.
    let b = s.bundle("bundle.json", "ecdsa-p256-signed.json");
    let c169 = qr_text(&s.vector("claim-169/valid/ed25519-signed.json"), "qr_data");
    let (code, r) = s.verify(&c169, None, Some(&b));
    assert_eq!(code, 1);
    assert_ne!(r["verdict"], "valid");
    assert_eq!(check(&r, "signature_valid")["status"], "fail", "{r}");
}

#[test]
fn bad_files_and_keys_are_refused_and_the_bundle_is_left_unchanged() {
    let Some(s) = Setup::new() else { return };
    let b = s.bundle("bundle.json", "ed25519-signed.json");
    let before = std::fs::read(&b).unwrap();
    let jwks = s.vector("smart-health-cards/issuer/.well-known/jwks.json");
    let dsc = s.dsc_list();
    let not_a_cert = s.file(
        "not-a-cert.json",
        r#"[{"kid": "", "country": "DE", "certificateType": "DSC", "rawData": "AAAA"}]"#,
    );
    let not_base64 = s.file(
        "not-base64.json",
        r#"[{"country": "DE", "certificateType": "DSC", "rawData": "%%%"}]"#,
    );
    let garbage = s.file("garbage.json", "\u{0}\u{1}not json");
    let jwks_s = jwks.display().to_string();
    let dsc_s = dsc.display().to_string();
    let iss = "https://mosip.example.org";
    let cases: Vec<(&str, Vec<String>, &str)> = vec![
        // A JWKS where a DCC trust list is expected, and the other way round.
        (
            "add-dcc-signers",
            vec![jwks_s.clone()],
            "trust list is not an array",
        ),
        (
            "add-shc-issuer",
            vec!["--iss".into(), iss.into(), "--jwks".into(), dsc_s],
            "a JWKS has a keys array",
        ),
        (
            "add-dcc-signers",
            vec![not_a_cert.display().to_string()],
            "unreadable certificate",
        ),
        (
            "add-dcc-signers",
            vec![not_base64.display().to_string()],
            "rawData is Base64 DER",
        ),
        (
            "add-dcc-signers",
            vec![garbage.display().to_string()],
            "not valid JSON",
        ),
        (
            "add-claim169-key",
            vec![
                "--iss".into(),
                iss.into(),
                "--key".into(),
                "zNotAKey".into(),
            ],
            "multibase",
        ),
        (
            "add-claim169-key",
            vec![
                "--iss".into(),
                iss.into(),
                "--key".into(),
                r#"{"kty":"EC","crv":"P-256","x":"AAAA"}"#.into(),
            ],
            "",
        ),
    ];
    for (cmd, args, says) in cases {
        let mut all = vec![cmd];
        all.extend(args.iter().map(String::as_str));
        let out = s.bundle_cmd(&all, &b).code(2).get_output().clone();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{cmd}: {stderr}");
        assert!(stderr.contains(says), "{cmd} {args:?}: {stderr}");
        assert_eq!(
            std::fs::read(&b).unwrap(),
            before,
            "{cmd} {args:?} changed the bundle"
        );
    }
    // The bundle still loads: its signature was not removed.
    let (_, r) = s.verify(
        &qr_text(&s.vector("claim-169/valid/ed25519-signed.json"), "qr_data"),
        None,
        Some(&b),
    );
    assert_eq!(check(&r, "signature_valid")["status"], "pass", "{r}");
}

#[test]
fn garbage_payloads_get_a_typed_code_not_a_panic() {
    let Some(s) = Setup::new() else { return };
    for (text, format, error) in [
        ("HC1:%%%", "eu-dcc", "format_invalid_base45"),
        ("HC1:6BF+70", "eu-dcc", "format_decompress_failed"),
        ("shc:/12345", "shc", "shc_malformed"),
        ("shc:/2/1/5676", "shc", "shc_malformed"),
        ("6BFU60V40FFWJWG", "claim169", "format_decompress_failed"),
        (":::", "claim169", "format_invalid_base45"),
    ] {
        let (code, r) = s.verify(text, None, None);
        assert_eq!(code, 1, "{text}");
        assert_eq!(r["verdict"], "invalid", "{text}");
        assert_eq!(r["format"], format, "{text}");
        let wf = check(&r, "well_formed");
        assert_eq!(wf["status"], "fail", "{text}");
        assert_eq!(wf["error"], error, "{text}: {r}");
    }
}

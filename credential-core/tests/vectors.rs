//! Official W3C test vectors (vc-di-eddsa, vc-di-ecdsa, Data Integrity proof sets and chains),
//! read from `../shared/vectors` (see `test-vectors/manifest.md`). Every intermediate value is
//! compared byte for byte; deterministic Ed25519 signatures too.

mod common;

use common::*;
use credential_core::codec::hex;
use credential_core::keys::{SecretKey, Signer};
use credential_core::model::Timestamp;
use credential_core::proof::{add_proof, hash_data, ProofOptions};
use credential_core::suites::Cryptosuite;
use credential_core::verify::{CheckCode, CheckStatus, Verdict, VerifyOptions};
use serde_json::Value;
use std::path::Path;

/// One vector set: folder, file suffix, unsigned input, key file, key member names.
struct Case {
    dir: &'static str,
    suffix: &'static str,
    input: &'static str,
    keys: &'static str,
    secret_member: &'static str,
    deterministic: bool,
}

const CASES: &[Case] = &[
    Case {
        dir: "eddsa-rdfc-2022",
        suffix: "DataInt",
        input: "eddsa-rdfc-2022/unsigned.json",
        keys: "eddsa-rdfc-2022/keyPair.json",
        secret_member: "privateKeyMultibase",
        deterministic: true,
    },
    Case {
        dir: "eddsa-rdfc-2022/employ",
        suffix: "DataInt",
        input: "eddsa-rdfc-2022/employmentAuth.json",
        keys: "eddsa-rdfc-2022/keyPair.json",
        secret_member: "privateKeyMultibase",
        deterministic: true,
    },
    Case {
        dir: "eddsa-jcs-2022",
        suffix: "JCS",
        input: "eddsa-jcs-2022/unsigned.json",
        keys: "eddsa-jcs-2022/keyPair.json",
        secret_member: "privateKeyMultibase",
        deterministic: true,
    },
    Case {
        dir: "ecdsa-rdfc-2019/ecdsa-rdfc-2019-p256",
        suffix: "ECDSAP256",
        input: "ecdsa-rdfc-2019/unsigned.json",
        keys: "ecdsa-rdfc-2019/p256KeyPair.json",
        secret_member: "secretKeyMultibase",
        deterministic: false,
    },
    Case {
        dir: "ecdsa-rdfc-2019/ecdsa-rdfc-2019-p256/employ",
        suffix: "ECDSAP256",
        input: "ecdsa-rdfc-2019/employmentAuth.json",
        keys: "ecdsa-rdfc-2019/p256KeyPair.json",
        secret_member: "secretKeyMultibase",
        deterministic: false,
    },
    Case {
        dir: "ecdsa-rdfc-2019/ecdsa-rdfc-2019-p384",
        suffix: "ECDSAP384",
        input: "ecdsa-rdfc-2019/unsigned.json",
        keys: "ecdsa-rdfc-2019/p384KeyPair.json",
        secret_member: "secretKeyMultibase",
        deterministic: false,
    },
    Case {
        dir: "ecdsa-rdfc-2019/ecdsa-rdfc-2019-p384/employ",
        suffix: "ECDSAP384",
        input: "ecdsa-rdfc-2019/employmentAuth.json",
        keys: "ecdsa-rdfc-2019/p384KeyPair.json",
        secret_member: "secretKeyMultibase",
        deterministic: false,
    },
    Case {
        dir: "ecdsa-jcs-2019/ecdsa-jcs-2019-p256",
        suffix: "JCSECDSAP256",
        input: "ecdsa-jcs-2019/unsigned.json",
        keys: "ecdsa-jcs-2019/p256KeyPair.json",
        secret_member: "secretKeyMultibase",
        deterministic: false,
    },
    Case {
        dir: "ecdsa-jcs-2019/ecdsa-jcs-2019-p384",
        suffix: "JCSECDSAP384",
        input: "ecdsa-jcs-2019/unsigned.json",
        keys: "ecdsa-jcs-2019/p384KeyPair.json",
        secret_member: "secretKeyMultibase",
        deterministic: false,
    },
];

fn file(v: &Path, case: &Case, stem: &str, ext: &str) -> std::path::PathBuf {
    v.join(case.dir)
        .join(format!("{stem}{}.{ext}", case.suffix))
}

fn run_case(v: &Path, case: &Case) {
    let processor = processor(v);
    let unsigned = read_json(&v.join(case.input));
    let unsigned = unsigned.as_object().unwrap();
    let config = read_json(&file(v, case, "proofConfig", "json"));
    let config = config.as_object().unwrap();
    let suite = Cryptosuite::from_name(config["cryptosuite"].as_str().unwrap()).unwrap();
    let key = SecretKey::from_multikey(
        read_json(&v.join(case.keys))[case.secret_member]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    let public = read_json(&v.join(case.keys))["publicKeyMultibase"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        key.public_key().to_multikey(),
        public,
        "{}: key pair",
        case.dir
    );

    let h = hash_data(suite, key.algorithm(), unsigned, config, &processor).unwrap();
    assert_eq!(
        h.canonical_document,
        read(&file(v, case, "canonDoc", "txt")),
        "{}: canonical document",
        case.dir
    );
    assert_eq!(
        h.canonical_proof_config,
        read(&file(v, case, "proofCanon", "txt")),
        "{}: canonical proof config",
        case.dir
    );
    assert_eq!(
        hex(&h.document_hash),
        read(&file(v, case, "docHash", "txt")).trim(),
        "{}: document hash",
        case.dir
    );
    assert_eq!(
        hex(&h.proof_config_hash),
        read(&file(v, case, "proofHash", "txt")).trim(),
        "{}: proof hash",
        case.dir
    );
    assert_eq!(
        hex(&h.combined()),
        read(&file(v, case, "combinedHash", "txt")).trim(),
        "{}: combined hash",
        case.dir
    );

    let sig = key.sign(&h.combined()).unwrap();
    if case.deterministic {
        assert_eq!(
            hex(&sig),
            read(&file(v, case, "sigHex", "txt")).trim(),
            "{}: signature",
            case.dir
        );
        assert_eq!(
            format!("z{}", bs58::encode(&sig).into_string()),
            read(&file(v, case, "sigBTC58", "txt")).trim()
        );
    }
    // The published signature verifies over our combined hash.
    let published = hex_decode(read(&file(v, case, "sigHex", "txt")).trim());
    key.public_key().verify(&h.combined(), &published).unwrap();

    // Signing through the public API reproduces the signed document (exactly, for EdDSA).
    let mut options =
        ProofOptions::assertion(suite, config["verificationMethod"].as_str().unwrap());
    options.created = Some(Timestamp::parse(config["created"].as_str().unwrap()).unwrap());
    let ours = add_proof(unsigned, &options, &key, &processor).unwrap();
    let signed = read_json(&file(v, case, "signed", "json"));
    if case.deterministic {
        assert_eq!(
            Value::Object(ours.clone()),
            signed,
            "{}: signed document",
            case.dir
        );
    }

    // Both the published and our signed credential verify. The `employ` vectors name a P-256
    // did:key as issuer but are signed by other keys: their proofs verify, and our verdict is
    // `untrusted` because the signer is not the issuer.
    let verifier = verifier(v);
    let expected = if case.dir.ends_with("employ") {
        Verdict::Untrusted
    } else {
        Verdict::IssuerNotChecked
    };
    for (who, doc) in [("published", signed), ("ours", Value::Object(ours))] {
        let report = verifier.verify_credential(&doc, &VerifyOptions::at(now()));
        assert_eq!(
            report.check(CheckCode::SignatureValid).unwrap().status,
            CheckStatus::Pass,
            "{} {who}: {report:#?}",
            case.dir
        );
        assert_eq!(report.verdict, expected, "{} {who}: {report:#?}", case.dir);
    }
}

fn hex_decode(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn official_cryptosuite_vectors_match_byte_for_byte() {
    let Some(v) = vectors_dir() else { return };
    for case in CASES {
        run_case(&v, case);
    }
}

#[test]
fn official_proof_sets_and_chains_verify() {
    let Some(v) = vectors_dir() else { return };
    let verifier = verifier(&v);
    let dir = v.join("eddsa-rdfc-2022-proof-set-chain");
    for name in [
        "signedProofSet1",
        "signedProofSet2",
        "signedProofChain1",
        "signedProofChain2",
    ] {
        let doc = read_json(&dir.join(format!("{name}.json")));
        let report = verifier.verify_credential(&doc, &VerifyOptions::at(now()));
        assert_eq!(
            report.verdict,
            Verdict::IssuerNotChecked,
            "{name}: {report:#?}"
        );
    }
}

#[test]
fn proof_chain_vectors_reproduce_with_our_signer() {
    let Some(v) = vectors_dir() else { return };
    let processor = processor(&v);
    let dir = v.join("eddsa-rdfc-2022-proof-set-chain");
    let keys = read_json(&dir.join("multiKeyPairs.json"));
    let key = |n: u8| {
        SecretKey::from_multikey(
            keys[format!("keyPair{n}")]["privateKeyMultibase"]
                .as_str()
                .unwrap(),
        )
        .unwrap()
    };
    // Chain step 2 (proofChainConfig2 over signedProofChain1) must give signedProofChain2 exactly.
    let step1 = read_json(&dir.join("signedProofChain1.json"));
    let cfg = read_json(&dir.join("proofChainConfig2.json"));
    let mut options = ProofOptions::assertion(
        Cryptosuite::EddsaRdfc2022,
        cfg["verificationMethod"].as_str().unwrap(),
    );
    options.created = Timestamp::parse(cfg["created"].as_str().unwrap());
    options.previous_proof = Some(cfg["previousProof"].clone());
    let ours = add_proof(step1.as_object().unwrap(), &options, &key(4), &processor).unwrap();
    assert_eq!(
        Value::Object(ours),
        read_json(&dir.join("signedProofChain2.json"))
    );
}

#[test]
fn previous_proof_suite_cases_have_the_named_outcome() {
    let Some(v) = vectors_dir() else { return };
    let verifier = verifier(&v);
    let mut seen = 0;
    for entry in std::fs::read_dir(v.join("di-previousProof")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let doc = read_json(&path);
        let report = verifier.verify_credential(&doc, &VerifyOptions::at(now()));
        let sig_ok = report
            .check(CheckCode::SignatureValid)
            .is_some_and(|c| c.status == CheckStatus::Pass)
            && report
                .check(CheckCode::ProofChain)
                .is_none_or(|c| c.status == CheckStatus::Pass);
        if name.contains("Ok") {
            assert!(sig_ok, "{name} should verify: {report:#?}");
        } else {
            assert!(
                !sig_ok && report.verdict == Verdict::Invalid,
                "{name} should fail: {report:#?}"
            );
        }
        seen += 1;
    }
    assert_eq!(seen, 12);
}

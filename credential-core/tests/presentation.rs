//! Verifiable Presentations: an `authentication` proof bound to the verifier's challenge and
//! domain, made by the holder, around credentials that are verified in turn.

use credential_core::did::{did_key, did_key_vm};
use credential_core::issue::issue;
use credential_core::jsonld::ContextStore;
use credential_core::keys::{Algorithm, SecretKey};
use credential_core::model::{Credential, Timestamp};
use credential_core::proof::{add_proof, ProofOptions};
use credential_core::suites::Cryptosuite;
use credential_core::verify::{CheckCode, CheckStatus, Verdict, Verifier, VerifyOptions};
use rand_chacha::rand_core::SeedableRng;
use serde_json::{json, Value};

fn now() -> Timestamp {
    Timestamp::parse("2026-01-01T00:00:00Z").unwrap()
}

fn presentation(suite: Cryptosuite, tamper_credential: bool) -> (Verifier, Value) {
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(21);
    let verifier = Verifier::new(ContextStore::bundled());
    let issuer = SecretKey::generate(Algorithm::Ed25519, &mut rng).unwrap();
    let holder = SecretKey::generate(suite.default_algorithm(), &mut rng).unwrap();
    let sign = |name: &str| {
        let cred = Credential::from_json(json!({
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiableCredential"],
            "issuer": did_key(&issuer.public_key()),
            "validFrom": "2025-01-01T00:00:00Z",
            "credentialSubject": {"id": did_key(&holder.public_key()), "https://schema.org/name": name}
        }))
        .unwrap();
        issue(
            &cred,
            &ProofOptions::assertion(Cryptosuite::EddsaRdfc2022, did_key_vm(&issuer.public_key())),
            &issuer,
            verifier.processor(),
        )
        .unwrap()
        .into_json()
    };
    // A good credential first, then the one that may be tampered with: the presentation's
    // verdict must be the worst of them, not the first that is not `valid`.
    let good = sign("Amina Yusuf");
    let mut vc = sign("Amina");
    if tamper_credential {
        vc["credentialSubject"]["https://schema.org/name"] = json!("Amira");
    }
    let vp = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "holder": did_key(&holder.public_key()),
        "verifiableCredential": [good, vc]
    });
    let options = ProofOptions::authentication(
        suite,
        did_key_vm(&holder.public_key()),
        Some("c-8f2e".into()),
        Some("border.example".into()),
    );
    let signed = add_proof(
        vp.as_object().unwrap(),
        &options,
        &holder,
        verifier.processor(),
    )
    .unwrap();
    (verifier, Value::Object(signed))
}

fn opts<'a>(challenge: &'a str, domain: &'a str) -> VerifyOptions<'a> {
    VerifyOptions {
        now: now(),
        resolver: None,
        challenge: Some(challenge),
        domain: Some(domain),
    }
}

#[test]
fn presentations_verify_with_challenge_and_domain() {
    for suite in Cryptosuite::ALL {
        let (verifier, vp) = presentation(suite, false);
        let r = verifier.verify_presentation(&vp, &opts("c-8f2e", "border.example"));
        assert_eq!(r.verdict, Verdict::IssuerNotChecked, "{suite}: {r:#?}");
        assert_eq!(
            r.check(CheckCode::HolderBinding).unwrap().status,
            CheckStatus::Pass
        );
        assert_eq!(r.embedded.len(), 2);
        // Replayed to another verifier (other challenge or domain): rejected.
        for (c, d) in [("c-other", "border.example"), ("c-8f2e", "evil.example")] {
            let r = verifier.verify_presentation(&vp, &opts(c, d));
            assert_eq!(r.verdict, Verdict::Invalid, "{suite} {c} {d}");
        }
        // A credential proof purpose is not a presentation's.
        let r = verifier.verify_credential(&vp, &VerifyOptions::at(now()));
        assert_eq!(r.verdict, Verdict::Invalid);
    }
}

#[test]
fn a_tampered_embedded_credential_spoils_the_presentation() {
    let (verifier, vp) = presentation(Cryptosuite::EddsaJcs2022, true);
    let r = verifier.verify_presentation(&vp, &opts("c-8f2e", "border.example"));
    assert_eq!(
        r.check(CheckCode::SignatureValid).unwrap().status,
        CheckStatus::Pass,
        "the holder signed what it got"
    );
    assert_eq!(r.embedded[0].verdict, Verdict::IssuerNotChecked);
    assert_eq!(r.embedded[1].verdict, Verdict::Invalid);
    assert_eq!(r.verdict, Verdict::Invalid);
    assert!(!r.is_authentic());
}

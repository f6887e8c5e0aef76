//! The holder's three ways to present: derive an `ecdsa-sd-2023` credential, present an SD-JWT
//! VC (with a Key Binding JWT), and wrap a credential in a Verifiable Presentation signed by the
//! holder's key for one verifier.

use credential_core::did::{did_key, did_key_vm};
use credential_core::error::{Error, Result};
use credential_core::jsonld::{JsonLdProcessor, CONTEXT_V2};
use credential_core::keys::{Algorithm, PublicKey, SecretKey};
use credential_core::model::Timestamp;
use credential_core::proof::{add_proof, ProofOptions};
use credential_core::sd::{proof_value_kind, ProofValueKind, CRYPTOSUITE};
use credential_core::sd_jwt::credential::claim_paths;
use credential_core::sd_jwt::{KeyBindingInput, SdJwt};
use credential_core::suites::Cryptosuite;
use serde_json::{json, Map, Value};

/// What binds an SD-JWT VC presentation to one verifier.
pub struct KeyBinding {
    /// The holder's key: the one in the credential's `cnf`.
    pub holder: SecretKey,
    /// The verifier (`aud`).
    pub aud: String,
    /// The verifier's challenge (`nonce`).
    pub nonce: String,
    /// The time of presentation (`iat`).
    pub iat: Timestamp,
}

/// The compact SD-JWT (`~`-terminated, or with a KB-JWT) disclosing `pointers` (into the
/// credential view) of `sd_jwt`. The key binding's key must be the credential's `cnf` key:
/// another algorithm is `key_type_mismatch`, another key of the same one `key_binding_invalid`.
pub fn present_sd_jwt(
    sd_jwt: &SdJwt,
    pointers: &[String],
    key_binding: Option<&KeyBinding>,
) -> Result<String> {
    let paths = claim_paths(pointers)?;
    let Some(kb) = key_binding else {
        return sd_jwt.present(&paths, None);
    };
    let cnf = sd_jwt
        .claims()
        .get("cnf")
        .and_then(|c| c.get("jwk"))
        .ok_or_else(|| {
            Error::KeyBindingInvalid("the credential names no holder key (cnf.jwk)".into())
        })?;
    let expected = PublicKey::from_jwk(cnf)?;
    let given = kb.holder.public_key();
    if given.algorithm() != expected.algorithm() {
        return Err(Error::KeyTypeMismatch(format!(
            "the credential's holder key is {}, the key given is {}",
            expected.algorithm().name(),
            given.algorithm().name()
        )));
    }
    if given != expected {
        return Err(Error::KeyBindingInvalid(
            "the key given is not the credential's holder key (cnf)".into(),
        ));
    }
    let input = KeyBindingInput {
        signer: &kb.holder,
        aud: &kb.aud,
        nonce: &kb.nonce,
        iat: kb.iat,
    };
    sd_jwt.present(&paths, Some(&input))
}

/// A Verifiable Presentation of `credential` by `holder` (its `did:key`), with an
/// `authentication` proof bound to the verifier's `challenge` and `domain`: `eddsa-rdfc-2022`
/// for an Ed25519 key, `ecdsa-rdfc-2019` for P-256 and P-384. A credential still carrying an
/// `ecdsa-sd-2023` base proof is refused: it would hand the verifier every claim and the HMAC key.
pub fn present_vp(
    credential: &Value,
    holder: &SecretKey,
    challenge: &str,
    domain: &str,
    processor: &JsonLdProcessor,
) -> Result<Value> {
    if carries_base_proof(credential) {
        return Err(Error::InvalidProperty {
            property: "proof".into(),
            reason: format!("is an {CRYPTOSUITE} base proof: derive a credential first"),
        });
    }
    let key = holder.public_key();
    let suite = match key.algorithm() {
        Algorithm::Ed25519 => Cryptosuite::EddsaRdfc2022,
        // P-256 (and P-384 where the core has it).
        _ => Cryptosuite::EcdsaRdfc2019,
    };
    let mut vp = Map::new();
    vp.insert("@context".into(), json!([CONTEXT_V2]));
    vp.insert("type".into(), json!(["VerifiablePresentation"]));
    vp.insert("holder".into(), Value::String(did_key(&key)));
    vp.insert("verifiableCredential".into(), json!([credential]));
    let options = ProofOptions::authentication(
        suite,
        did_key_vm(&key),
        Some(challenge.to_owned()),
        Some(domain.to_owned()),
    );
    add_proof(&vp, &options, holder, processor).map(Value::Object)
}

/// Whether `credential` has an `ecdsa-sd-2023` proof whose value is a base proof.
fn carries_base_proof(credential: &Value) -> bool {
    let proofs: Vec<&Value> = match credential.get("proof") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(p) => vec![p],
        None => Vec::new(),
    };
    proofs.into_iter().any(|p| {
        p.get("cryptosuite").and_then(Value::as_str) == Some(CRYPTOSUITE)
            && p.get("proofValue")
                .and_then(Value::as_str)
                .and_then(|v| proof_value_kind(v).ok())
                == Some(ProofValueKind::Base)
    })
}

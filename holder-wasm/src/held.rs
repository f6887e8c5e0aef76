//! What a holder's wallet keeps and presents from: a Data Integrity credential secured with an
//! `ecdsa-sd-2023` base proof, or an SD-JWT VC (compact, as issued: every disclosure).

use credential_core::error::{Error, Result};
use credential_core::json::{parse_bounded, JsonLimits};
use credential_core::profiles::{Profile, Profiles};
use credential_core::sd::{proof_value_kind, ProofValueKind, CRYPTOSUITE};
use credential_core::sd_jwt::credential::to_credential;
use credential_core::sd_jwt::SdJwt;
use credential_core::verify::Verifier;
use serde_json::{Map, Value};

/// A credential the holder can disclose parts of.
#[derive(Debug, Clone)]
pub enum Held {
    /// A Data Integrity credential (a JSON object) with an `ecdsa-sd-2023` base proof, from its
    /// issuer.
    Base(Value),
    /// An SD-JWT VC as issued, and its credential view (every claim, all disclosures applied).
    SdJwt {
        /// The parsed SD-JWT.
        sd_jwt: Box<SdJwt>,
        /// The credential the claims make (`sd_jwt::credential::to_credential`).
        view: Value,
    },
}

impl Held {
    /// Reads credential JSON (text) or a compact SD-JWT (`<JWT>~<D1>~…~`). JSON must carry an
    /// `ecdsa-sd-2023` base proof: a derived proof, or another suite, has nothing left to choose.
    pub fn read(input: &str, profiles: &Profiles) -> Result<Held> {
        let text = input.trim();
        if !text.starts_with('{') && text.contains('~') {
            let sd_jwt = SdJwt::parse(text)?;
            let view = to_credential(sd_jwt.claims(), profiles);
            return Ok(Held::SdJwt {
                sd_jwt: Box::new(sd_jwt),
                view,
            });
        }
        let credential = parse_bounded(text.as_bytes(), JsonLimits::default())?;
        let document = credential
            .as_object()
            .ok_or_else(|| Error::MalformedDocument("a credential is a JSON object".into()))?;
        check_base_proof(document)?;
        Ok(Held::Base(credential))
    }

    /// The credential as a JSON value (for an SD-JWT, its credential view).
    pub fn credential(&self) -> &Value {
        match self {
            Held::Base(credential) => credential,
            Held::SdJwt { view, .. } => view,
        }
    }

    /// The profile of the credential: for Data Integrity by its expanded types, for SD-JWT VC
    /// by `vct`. `None` for a credential of no Laissez profile.
    pub fn profile<'v>(&self, verifier: &'v Verifier) -> Result<Option<&'v Profile>> {
        match self {
            Held::Base(credential) => match credential.as_object() {
                Some(document) => verifier.profile_of(document),
                None => Ok(None),
            },
            Held::SdJwt { sd_jwt, .. } => Ok(sd_jwt
                .claims()
                .get("vct")
                .and_then(Value::as_str)
                .and_then(|vct| verifier.profiles().by_vct(vct))),
        }
    }
}

/// Checks that `document` has exactly one `ecdsa-sd-2023` proof and that it is a base proof.
fn check_base_proof(document: &Map<String, Value>) -> Result<()> {
    let proofs: Vec<&Value> = match document.get("proof") {
        None => return Err(Error::ProofMissing),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(p) => vec![p],
    };
    let mut sd = proofs
        .into_iter()
        .filter(|p| p.get("cryptosuite").and_then(Value::as_str) == Some(CRYPTOSUITE));
    let (Some(proof), None) = (sd.next(), sd.next()) else {
        return Err(Error::UnsupportedCryptosuite(format!(
            "a holder discloses from one {CRYPTOSUITE} base proof; this credential has none or several"
        )));
    };
    let value = proof
        .get("proofValue")
        .and_then(Value::as_str)
        .ok_or_else(|| Error::MalformedProof("proofValue is missing or not a string".into()))?;
    match proof_value_kind(value)? {
        ProofValueKind::Base => Ok(()),
        ProofValueKind::Derived => Err(Error::MalformedProof(
            "a derived proof: only the base proof from the issuer can be derived from".into(),
        )),
    }
}

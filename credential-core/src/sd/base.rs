//! The issuer's base proof (VC DI ECDSA §3.4.3 "Create Base Proof", with its transformation,
//! hashing, configuration and serialization steps).

use super::group::canonicalize_and_group;
use super::proof_value::{serialize_base_proof_value, BaseProofValue};
use super::{CRYPTOSUITE, MAX_POINTERS};
use crate::canon::rdfc::{self, RdfcHash, RdfcLimits};
use crate::error::{Error, Result};
use crate::jsonld::JsonLdProcessor;
use crate::keys::{Algorithm, PublicKey, SecretKey, Signer};
use crate::model::Timestamp;
use rand_core::CryptoRngCore;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

/// Options of a base proof.
#[derive(Debug, Clone, PartialEq)]
pub struct BaseProofOptions {
    /// The issuer's verification method (a DID URL of a P-256 key).
    pub verification_method: String,
    /// `assertionMethod` for credentials.
    pub proof_purpose: String,
    /// Creation time (the caller's clock).
    pub created: Option<Timestamp>,
    /// Expiry of the proof.
    pub expires: Option<Timestamp>,
    /// Proof id.
    pub id: Option<String>,
    /// JSON pointers (RFC 6901) to what every derived document must disclose.
    pub mandatory_pointers: Vec<String>,
}

impl BaseProofOptions {
    /// An `assertionMethod` base proof by `verification_method`, with no mandatory pointers.
    pub fn assertion(verification_method: impl Into<String>) -> Self {
        BaseProofOptions {
            verification_method: verification_method.into(),
            proof_purpose: "assertionMethod".into(),
            created: None,
            expires: None,
            id: None,
            mandatory_pointers: Vec::new(),
        }
    }

    /// Sets `created`.
    pub fn created(mut self, t: Timestamp) -> Self {
        self.created = Some(t);
        self
    }

    /// Sets the mandatory pointers.
    pub fn mandatory<S: Into<String>>(mut self, pointers: impl IntoIterator<Item = S>) -> Self {
        self.mandatory_pointers = pointers.into_iter().map(Into::into).collect();
        self
    }

    /// The proof configuration (Base Proof Configuration, §3.4.6), without `@context`, members
    /// in the order of the specification's examples.
    pub fn to_config(&self) -> Result<Map<String, Value>> {
        crate::proof::config::ConfigMembers {
            id: self.id.as_deref(),
            cryptosuite: CRYPTOSUITE,
            created: self.created,
            expires: self.expires,
            verification_method: &self.verification_method,
            proof_purpose: &self.proof_purpose,
            challenge: None,
            domain: None,
            nonce: None,
            previous_proof: None,
        }
        .to_map()
    }
}

/// The per-proof secrets: the HMAC key and the proof-scoped P-256 key. Both are zeroized when
/// dropped; they never leave the base proof except the HMAC key, which the holder needs.
pub struct BaseProofSecrets {
    hmac_key: Zeroizing<[u8; 32]>,
    /// Zeroizes its scalar on drop.
    proof_key: p256::ecdsa::SigningKey,
}

impl std::fmt::Debug for BaseProofSecrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BaseProofSecrets(redacted)")
    }
}

impl BaseProofSecrets {
    /// Fresh secrets from `rng` (the core has no randomness of its own).
    pub fn generate(rng: &mut impl CryptoRngCore) -> Self {
        let mut hmac_key = Zeroizing::new([0u8; 32]);
        rng.fill_bytes(&mut hmac_key[..]);
        BaseProofSecrets {
            hmac_key,
            proof_key: p256::ecdsa::SigningKey::random(rng),
        }
    }

    /// Given secrets (for test vectors). The proof-scoped key must be P-256.
    pub fn from_parts(hmac_key: [u8; 32], proof_key: SecretKey) -> Result<Self> {
        let hmac_key = Zeroizing::new(hmac_key);
        if proof_key.algorithm() != Algorithm::P256 {
            return Err(Error::KeyTypeMismatch(
                "the ecdsa-sd-2023 proof-scoped key is P-256".into(),
            ));
        }
        let proof_key = p256::ecdsa::SigningKey::from_slice(&proof_key.to_bytes())
            .map_err(|_| Error::InvalidKey("not a P-256 secret key".into()))?;
        Ok(BaseProofSecrets {
            hmac_key,
            proof_key,
        })
    }

    /// The proof-scoped public key.
    pub fn proof_public_key(&self) -> PublicKey {
        PublicKey::P256(*self.proof_key.verifying_key())
    }

    /// ES256 over one statement: RFC 6979 nonces, `s` as computed (not normalized to the lower
    /// half, as Digital Bazaar's implementation signs, so the W3C vectors match byte for byte).
    fn sign_statement(&self, statement: &str) -> Result<Vec<u8>> {
        use p256::ecdsa::signature::Signer as _;
        let s: p256::ecdsa::Signature = self
            .proof_key
            .try_sign(statement.as_bytes())
            .map_err(|_| Error::SigningFailed("ES256".into()))?;
        Ok(s.to_bytes().to_vec())
    }
}

/// The base proof transformation (§3.4.4): the canonical statements, split into mandatory and
/// non-mandatory with their positions.
#[derive(Debug, Clone)]
pub struct BaseTransform {
    /// RDFC-1.0 canonical N-Quads of the document (`c14n` labels).
    pub canonical: String,
    /// Every statement with HMAC labels, sorted.
    pub nquads: Vec<String>,
    /// The mandatory statements, with their positions in [`Self::nquads`].
    pub mandatory: Vec<(usize, String)>,
    /// The other statements (one signature each), with their positions.
    pub non_mandatory: Vec<(usize, String)>,
}

/// Base Proof Transformation.
pub fn base_transform(
    document: &Map<String, Value>,
    mandatory_pointers: &[String],
    hmac_key: &[u8; 32],
    processor: &JsonLdProcessor,
) -> Result<BaseTransform> {
    if mandatory_pointers.len() > MAX_POINTERS {
        return Err(Error::InvalidProperty {
            property: "mandatoryPointers".into(),
            reason: format!("more than {MAX_POINTERS}"),
        });
    }
    let grouped = canonicalize_and_group(
        document,
        hmac_key,
        &[("mandatory", mandatory_pointers)],
        processor,
    )?;
    let group = &grouped.groups[0];
    let pick = |idx: &[usize]| -> Vec<(usize, String)> {
        idx.iter()
            .map(|&i| (i, grouped.nquads[i].clone()))
            .collect()
    };
    Ok(BaseTransform {
        mandatory: pick(&group.matching),
        non_mandatory: pick(&group.non_matching),
        canonical: grouped.canonical.clone(),
        nquads: grouped.nquads.clone(),
    })
}

/// Base Proof Hashing: the proof configuration's canonical form and hash, and the mandatory hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseHashes {
    /// RDFC-1.0 canonical N-Quads of the proof configuration.
    pub canonical_proof_config: String,
    /// SHA-256 of it.
    pub proof_hash: [u8; 32],
    /// SHA-256 of the mandatory statements joined (hashMandatoryNQuads).
    pub mandatory_hash: [u8; 32],
}

/// The canonical form and SHA-256 of a proof configuration (which carries the document's
/// `@context`).
pub(crate) fn proof_config_hash(
    config: &Map<String, Value>,
    processor: &JsonLdProcessor,
) -> Result<(String, [u8; 32])> {
    let canonical = rdfc::canonicalize(
        processor.to_rdf(config)?,
        RdfcHash::Sha256,
        RdfcLimits::default(),
    )?;
    let hash = Sha256::digest(canonical.as_bytes()).into();
    Ok((canonical, hash))
}

/// hashMandatoryNQuads.
pub(crate) fn mandatory_hash<'a>(mandatory: impl IntoIterator<Item = &'a String>) -> [u8; 32] {
    let mut h = Sha256::new();
    for nq in mandatory {
        h.update(nq.as_bytes());
    }
    h.finalize().into()
}

/// serializeSignData: proof hash, proof-scoped public key (Multikey bytes), mandatory hash.
pub(crate) fn sign_data(proof_hash: &[u8], public_key: &[u8], mandatory_hash: &[u8]) -> Vec<u8> {
    [proof_hash, public_key, mandatory_hash].concat()
}

/// Multikey bytes of a P-256 key: `80 24` and the compressed point.
pub(crate) fn multikey_bytes(key: &PublicKey) -> Vec<u8> {
    [&[0x80, 0x24][..], &key.to_bytes()].concat()
}

/// Base Proof Hashing.
pub fn base_hashes(
    transform: &BaseTransform,
    proof_config: &Map<String, Value>,
    processor: &JsonLdProcessor,
) -> Result<BaseHashes> {
    let (canonical_proof_config, proof_hash) = proof_config_hash(proof_config, processor)?;
    Ok(BaseHashes {
        canonical_proof_config,
        proof_hash,
        mandatory_hash: mandatory_hash(transform.mandatory.iter().map(|(_, s)| s)),
    })
}

/// Secures `document` with an `ecdsa-sd-2023` base proof signed by `signer` (a P-256 key),
/// drawing the HMAC key and the proof-scoped key from `rng`. The result goes to the holder only;
/// verifiers accept derived proofs ([`derive`](super::derive())).
pub fn create_base_proof(
    document: &Map<String, Value>,
    options: &BaseProofOptions,
    signer: &dyn Signer,
    rng: &mut impl CryptoRngCore,
    processor: &JsonLdProcessor,
) -> Result<Map<String, Value>> {
    let secrets = BaseProofSecrets::generate(rng);
    create_base_proof_with(document, options, signer, &secrets, processor)
}

/// [`create_base_proof`] with given secrets (deterministic; for test vectors).
pub fn create_base_proof_with(
    document: &Map<String, Value>,
    options: &BaseProofOptions,
    signer: &dyn Signer,
    secrets: &BaseProofSecrets,
    processor: &JsonLdProcessor,
) -> Result<Map<String, Value>> {
    if signer.public_key().algorithm() != Algorithm::P256 {
        return Err(Error::KeyTypeMismatch(format!(
            "{CRYPTOSUITE} signs with P-256 (its proof value fixes 64-byte signatures)"
        )));
    }
    if document.contains_key("proof") {
        return Err(Error::InvalidProperty {
            property: "proof".into(),
            reason: "an ecdsa-sd-2023 base proof secures an unsecured document".into(),
        });
    }
    let context = document
        .get("@context")
        .ok_or_else(|| Error::InvalidContext("@context is missing".into()))?;
    let transform = base_transform(
        document,
        &options.mandatory_pointers,
        &secrets.hmac_key,
        processor,
    )?;
    let mut config = options.to_config()?;
    config.insert("@context".into(), context.clone());
    let hashes = base_hashes(&transform, &config, processor)?;

    let signatures = transform
        .non_mandatory
        .iter()
        .map(|(_, nq)| secrets.sign_statement(nq))
        .collect::<Result<Vec<_>>>()?;
    let public_key = multikey_bytes(&secrets.proof_public_key());
    let base_signature = signer.sign(&sign_data(
        &hashes.proof_hash,
        &public_key,
        &hashes.mandatory_hash,
    ))?;
    let proof_value = serialize_base_proof_value(&BaseProofValue {
        base_signature,
        public_key,
        hmac_key: Zeroizing::new(secrets.hmac_key.to_vec()),
        signatures,
        mandatory_pointers: options.mandatory_pointers.clone(),
    })?;
    config.remove("@context");
    config.insert("proofValue".into(), Value::String(proof_value));
    let mut secured = document.clone();
    secured.insert("proof".into(), Value::Object(config));
    Ok(secured)
}

//! SD-JWT (RFC 9901) and SD-JWT VC (draft-ietf-oauth-sd-jwt-vc): issue, present, verify.
//!
//! The flow, by module:
//! - [`issue()`]: a JSON claim set and a policy (which [`ClaimPath`]s are disclosable) become an
//!   SD-JWT VC (`typ` `dc+sd-jwt`) signed by the issuer, with salts and decoys from the caller's
//!   RNG;
//! - [`SdJwt::present`]: the holder keeps the disclosures of the claims it chooses and may add a
//!   Key Binding JWT signed by its key (`cnf`);
//! - [`verify()`]: signature, digests (each referenced exactly once), the processed payload,
//!   key binding and validity period, against a `now` the caller gives; the result is
//!   [`VerifiedSdJwt`] with exactly the disclosed claims;
//! - [`status_list`]: the Token Status List (`status.status_list`) check against a status list
//!   token the caller holds.
//!
//! Building blocks: `jws` (compact JWS with ES256, ES384 and EdDSA on [`crate::keys`]),
//! `disclosure`, `digest`, `path`, `serial` (compact and JSON serializations), `kb_jwt`.
//!
//! ```
//! use credential_core::keys::{Algorithm, SecretKey};
//! use credential_core::model::Timestamp;
//! use credential_core::sd_jwt::{self, ClaimPath, IssueParams, KeyBindingCheck, KeyBindingInput, SdJwt, VerifyParams};
//! use rand_core::SeedableRng;
//!
//! let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(7); // use an OS RNG in real code
//! let issuer = SecretKey::from_bytes(Algorithm::P256, &[1; 32])?;
//! let holder = SecretKey::from_bytes(Algorithm::Ed25519, &[2; 32])?;
//! let now = Timestamp::parse("2026-06-01T09:00:00Z").unwrap();
//! let claims = serde_json::json!({"given_name": "Amina", "birthdate": "1990-01-01", "is_over_18": true});
//! let mut params = IssueParams::new("https://registry.example/", "urn:laissez:identity", now);
//! params.holder_key = Some(holder.public_key());
//! let policy = [ClaimPath::claim("given_name"), ClaimPath::claim("birthdate"), ClaimPath::claim("is_over_18")];
//! let issued = sd_jwt::issue(claims.as_object().unwrap(), &policy, &params, &issuer, &mut rng)?;
//!
//! let kb = KeyBindingInput { signer: &holder, aud: "https://kiosk.example", nonce: "n-4711", iat: now };
//! let shown = SdJwt::parse(&issued.sd_jwt)?.present(&[ClaimPath::claim("is_over_18")], Some(&kb))?;
//!
//! let issuer_key = issuer.public_key(); // in practice: from the trust bundle, by `iss` / `kid`
//! let mut verify = VerifyParams::new(&issuer_key, now);
//! verify.key_binding = Some(KeyBindingCheck { aud: "https://kiosk.example", nonce: "n-4711", max_age: 300 });
//! let verified = sd_jwt::verify(&shown, &verify)?;
//! assert_eq!(verified.claims["is_over_18"], true);
//! assert!(verified.claims.get("birthdate").is_none());
//! # Ok::<(), credential_core::Error>(())
//! ```

pub mod credential;
pub(crate) mod digest;
mod disclosure;
mod issue;
pub mod jws;
mod kb_jwt;
mod path;
mod present;
mod serial;
pub mod status_list;
mod verify;

pub use digest::HashAlg;
pub use disclosure::Disclosure;
pub use issue::{issue, Decoys, IssueParams, Issued};
pub use kb_jwt::{KeyBinding, KeyBindingInput};
pub use path::{ClaimPath, PathElement};
pub use present::{to_flattened_json, SdJwt};
pub use verify::{issuer_hint, verify, IssuerHint, KeyBindingCheck, VerifiedSdJwt, VerifyParams};

use crate::json::JsonLimits;

/// The `typ` of an SD-JWT VC.
pub const SD_JWT_VC_TYP: &str = "dc+sd-jwt";
/// The `typ` earlier SD-JWT VC drafts used; read, never written.
pub const SD_JWT_VC_TYP_LEGACY: &str = "vc+sd-jwt";
/// The `typ` of a Key Binding JWT.
pub const KB_JWT_TYP: &str = "kb+jwt";

/// Bounds on an SD-JWT from outside. Each is checked before the work it bounds, so a hostile
/// input costs at most a linear pass over `max_bytes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The whole input, in bytes (512 KiB: a PID with a portrait photo is about 60 KiB).
    pub max_bytes: usize,
    /// Disclosures in one SD-JWT (counted by separators before any is decoded).
    pub max_disclosures: usize,
    /// One encoded disclosure, in bytes.
    pub max_disclosure_bytes: usize,
    /// One salt, in bytes (the RFC recommends 128 bits: 22 characters).
    pub max_salt_bytes: usize,
    /// Nesting depth of the processed claims, recursive disclosures included.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 512 * 1024,
            max_disclosures: 1024,
            max_disclosure_bytes: 256 * 1024,
            max_salt_bytes: 128,
            max_depth: 32,
        }
    }
}

impl Limits {
    /// The bounds for each JSON document inside (header, payload, one disclosure). No JSON-LD
    /// work follows, so value counts can be higher than [`JsonLimits::default`]: parsing is
    /// linear and the byte bound already caps it.
    pub(crate) fn json(&self) -> JsonLimits {
        JsonLimits {
            max_bytes: self.max_bytes,
            max_depth: self.max_depth,
            max_objects: 16_384,
            max_array_len: 4_096,
            max_values: 131_072,
        }
    }
}

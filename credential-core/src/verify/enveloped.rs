//! Credentials secured by an enveloping JWS: `vc+jwt` (VC-JOSE-COSE) and SD-JWT VC. The
//! signature is checked here; the credential (for an SD-JWT VC, its credential view with exactly
//! the disclosed claims) then goes through the same checks as a Data Integrity credential:
//! data model, profile schema, issuer binding, validity, trust bundle.

use super::codes::CheckCode;
use super::report::VerificationReport;
use super::verifier::{Securing, Verifier, VerifyOptions};
use crate::did::{self, VerificationMethod};
use crate::error::Error;
use crate::message;
use crate::model::Timestamp;
use crate::proof::ProofOutcome;
use crate::sd_jwt::digest::truncate;
use crate::sd_jwt::jws::JwsAlg;
use crate::sd_jwt::status_list::{StatusReference, TokenStatus};
use crate::sd_jwt::{self, KeyBindingCheck, VerifiedSdJwt, VerifyParams};
use crate::status::checks::usable_list;
use crate::trust::TrustBundle;
use crate::vc_jose::VcJwt;
use serde_json::Value;

/// The oldest Key Binding JWT accepted, in seconds before the verification time: a presentation
/// is made for one verifier at one moment (RFC 9901 §7.3 leaves the window to the verifier).
pub const KEY_BINDING_MAX_AGE: u64 = 300;

impl Verifier {
    /// Verifies a `vc+jwt`: the signature by the issuer's key (by `kid`, else the issuer's DID,
    /// else the trust bundle's keys for the issuer), then the secured credential.
    pub(super) fn verify_vc_jwt(
        &self,
        input: &str,
        opts: &VerifyOptions<'_>,
    ) -> (VerificationReport, Option<Value>) {
        let vc = match VcJwt::decode(input) {
            Ok(v) => v,
            Err(e) => return (failed_early(CheckCode::WellFormed, &e, opts.now), None),
        };
        let format = format!("vc+jwt {}", vc.alg().name());
        let outcome = match self.jwt_signer_keys(vc.kid(), vc.issuer(), vc.alg(), opts) {
            Ok(keys) => first_key_that_verifies(keys, &format, |k| vc.verify(k)),
            Err(e) => ProofOutcome {
                cryptosuite: Some(format),
                verification_method: None,
                chained: false,
                result: Err(e),
            },
        };
        let credential = vc.credential();
        let securing = Securing::Enveloped {
            outcome: Box::new(outcome),
            selective: false,
        };
        let mut r = self.verify_document(&credential, opts, securing);
        r.conclude();
        (r, Some(credential))
    }

    /// Verifies an SD-JWT VC (an issued one, or a presentation with or without a Key Binding
    /// JWT): signature, disclosures, key binding and validity (RFC 9901 §7), then the credential
    /// view of the disclosed claims, and the Token Status List entry against the trust bundle.
    pub(super) fn verify_sd_jwt(
        &self,
        input: &str,
        opts: &VerifyOptions<'_>,
    ) -> (VerificationReport, Option<Value>) {
        let hint = match sd_jwt::issuer_hint(input) {
            Ok(h) => h,
            Err(e) => return (failed_early(CheckCode::WellFormed, &e, opts.now), None),
        };
        let keys =
            match self.jwt_signer_keys(hint.kid.as_deref(), hint.iss.as_deref(), hint.alg, opts) {
                Ok(k) => k,
                Err(e) => return (failed_early(CheckCode::SignatureValid, &e, opts.now), None),
            };
        let key_binding = match (opts.domain, opts.challenge) {
            (Some(aud), Some(nonce)) => Some(KeyBindingCheck {
                aud,
                nonce,
                max_age: KEY_BINDING_MAX_AGE,
            }),
            _ => None,
        };
        let mut verified = Err(Error::VerificationMethodNotFound(String::new()));
        let mut signer = None;
        for vm in keys {
            let mut params = VerifyParams::new(&vm.public_key, opts.now);
            params.key_binding = key_binding;
            verified = sd_jwt::verify(input, &params);
            match &verified {
                Err(Error::InvalidSignature | Error::KeyTypeMismatch(_)) => continue,
                _ => {
                    signer = Some(vm);
                    break;
                }
            }
        }
        let v = match verified {
            Ok(v) => v,
            Err(e) => return (failed_early(sd_jwt_check(&e), &e, opts.now), None),
        };
        let view = sd_jwt::credential::to_credential(&v.claims, self.profiles());
        let outcome = ProofOutcome {
            cryptosuite: Some(format!("sd-jwt {}", hint.alg.name())),
            verification_method: signer,
            chained: false,
            result: Ok(()),
        };
        let securing = Securing::Enveloped {
            outcome: Box::new(outcome),
            selective: true,
        };
        let mut r = self.verify_document(&view, opts, securing);
        match (&v.key_binding, key_binding) {
            (Some(_), Some(kb)) => r.pass(
                CheckCode::HolderBinding,
                message!("key_binding_verified", aud = kb.aud),
            ),
            (Some(_), None) => r.warn(CheckCode::HolderBinding, message!("key_binding_unchecked")),
            (None, _) => r.warn(CheckCode::HolderBinding, message!("key_binding_absent")),
        }
        check_token_status(&mut r, self.trust_bundle(), &v, opts.now);
        r.conclude();
        (r, Some(view))
    }

    /// The keys that may have signed a JWT: the verification method `kid` names when it is a DID
    /// URL; else the issuer's DID (`did:key`, `did:jwk`, or one the bundle or resolver knows);
    /// else the keys the trust bundle lists for the issuer, with the JWT's algorithm.
    fn jwt_signer_keys(
        &self,
        kid: Option<&str>,
        issuer: Option<&str>,
        alg: JwsAlg,
        opts: &VerifyOptions<'_>,
    ) -> Result<Vec<VerificationMethod>, Error> {
        let resolver = opts
            .resolver
            .or(self.trust_bundle().map(|t| t as &dyn did::DidResolver));
        if let Some(kid) = kid.filter(|k| k.starts_with("did:")) {
            return did::resolve(kid, resolver).map(|vm| vec![vm]);
        }
        let issuer = issuer.unwrap_or_default();
        if issuer.starts_with("did:") {
            if let Ok(vm) = did::resolve(issuer, resolver) {
                return Ok(vec![vm]);
            }
        }
        let listed = self.trust_bundle().and_then(|b| b.issuer(issuer));
        let Some(listed) = listed else {
            return Err(Error::VerificationMethodNotFound(format!(
                "no key for the issuer {}: the kid is not a DID URL and no trust bundle lists the issuer",
                truncate(issuer)
            )));
        };
        let keys: Vec<VerificationMethod> = listed
            .public_keys
            .iter()
            .filter(|k| JwsAlg::for_key(k) == alg)
            .map(|k| VerificationMethod {
                id: kid.unwrap_or(issuer).to_owned(),
                controller: issuer.to_owned(),
                public_key: k.clone(),
            })
            .collect();
        if keys.is_empty() {
            return Err(Error::VerificationMethodNotFound(format!(
                "the trust bundle lists no {} key for {}",
                alg.name(),
                truncate(issuer)
            )));
        }
        Ok(keys)
    }
}

/// The outcome of trying `keys` in turn: the first that verifies, else the last failure.
fn first_key_that_verifies(
    keys: Vec<VerificationMethod>,
    format: &str,
    verify: impl Fn(&crate::keys::PublicKey) -> Result<(), Error>,
) -> ProofOutcome {
    let mut outcome = ProofOutcome {
        cryptosuite: Some(format.to_owned()),
        verification_method: None,
        chained: false,
        result: Err(Error::InvalidSignature),
    };
    for vm in keys {
        outcome.result = verify(&vm.public_key);
        outcome.verification_method = Some(vm);
        if outcome.result.is_ok() {
            break;
        }
    }
    outcome
}

/// A report with the one failure that stopped verification before the claims were known.
fn failed_early(check: CheckCode, e: &Error, now: Timestamp) -> VerificationReport {
    let mut r = VerificationReport::new("credential", now.to_rfc3339());
    if check != CheckCode::WellFormed {
        r.pass(CheckCode::WellFormed, message!("input_well_formed"));
    }
    r.fail(check, e);
    r.conclude();
    r
}

/// The check an SD-JWT verification failure belongs to.
fn sd_jwt_check(e: &Error) -> CheckCode {
    match e {
        Error::SdJwtExpired { .. } => CheckCode::ValidUntil,
        Error::SdJwtNotYetValid { .. } => CheckCode::ValidFrom,
        Error::KeyBindingMissing
        | Error::KeyBindingInvalid(_)
        | Error::KeyBindingMismatch { .. }
        | Error::KeyBindingStale { .. } => CheckCode::HolderBinding,
        Error::InvalidSignature
        | Error::KeyTypeMismatch(_)
        | Error::DisclosureNotReferenced(_)
        | Error::DisclosureDigestDuplicate(_)
        | Error::DisclosureInvalid(_) => CheckCode::SignatureValid,
        _ => CheckCode::WellFormed,
    }
}

/// The Token Status List check of a verified SD-JWT VC against the bundle's status list tokens:
/// `0` valid, `1` revoked, `2` suspended (draft-ietf-oauth-status-list §7.1); another value is
/// reported as unknown.
fn check_token_status(
    r: &mut VerificationReport,
    bundle: Option<&TrustBundle>,
    v: &VerifiedSdJwt,
    now: Timestamp,
) {
    let reference = match StatusReference::from_claims(&v.claims) {
        Ok(Some(s)) => s,
        Ok(None) => return,
        Err(e) => {
            r.fail(CheckCode::CredentialStatus, &e);
            return;
        }
    };
    let purpose = "revocation";
    let uri = reference.uri.as_str();
    let Some(token) = usable_list(
        r,
        bundle,
        purpose,
        uri,
        |b| b.status_token(uri),
        |t| Some(t.issuer.as_str()) == v.issuer(),
    ) else {
        return;
    };
    let days = (now.0 - token.list.issued_at.0).max(0) / 86_400;
    match token.list.get(reference.idx) {
        Ok(TokenStatus::Valid) => r.pass(
            CheckCode::RevocationStatus,
            message!("status_clear", purpose = purpose, days = days),
        ),
        Ok(TokenStatus::Invalid) => r.fail_with(
            CheckCode::RevocationStatus,
            "revoked",
            message!("status_set", purpose = purpose, days = days),
        ),
        Ok(TokenStatus::Suspended) => r.fail_with(
            CheckCode::SuspensionStatus,
            "suspended",
            message!("status_set", purpose = "suspension", days = days),
        ),
        Ok(other) => r.warn(
            CheckCode::StatusUnknown,
            message!("token_status_other", status = u32::from(other.to_u8())),
        ),
        Err(e) => r.fail(CheckCode::CredentialStatus, &e),
    }
}

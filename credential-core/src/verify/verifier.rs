//! The verifier: configured once (contexts, limits), then called many times.

use super::codes::CheckCode;
use super::report::{CheckStatus, TrustBundleUsed, VerificationReport};
use crate::did::{self, DidResolver};
use crate::error::Error;
use crate::json::{parse_bounded, JsonLimits};
use crate::jsonld::CONTEXT_V2;
use crate::jsonld::{ContextStore, JsonLdProcessor};
use crate::keys::PublicKey;
use crate::message;
use crate::model::{Credential, Issuer, Presentation, Timestamp};
use crate::profiles::{Profile, Profiles};
use crate::proof::{verify_proofs, ProofOutcome, ProofRequirements};
use crate::status::{check_status, StatusList, StatusPurpose};
use crate::suites::{Canonicalization, Cryptosuite};
use crate::trust::{check_trust, ProfileMatch, TrustBundle, VerifiedStatusList};
use serde_json::Value;

/// Per-call options.
#[derive(Clone, Copy)]
pub struct VerifyOptions<'a> {
    /// The time of verification (the core has no clock).
    pub now: Timestamp,
    /// Resolver for DIDs that do not resolve inline.
    pub resolver: Option<&'a dyn DidResolver>,
    /// For presentations: the challenge the verifier issued.
    pub challenge: Option<&'a str>,
    /// For presentations: the verifier's domain.
    pub domain: Option<&'a str>,
}

impl<'a> VerifyOptions<'a> {
    /// Options with only the time set.
    pub fn at(now: Timestamp) -> Self {
        VerifyOptions {
            now,
            resolver: None,
            challenge: None,
            domain: None,
        }
    }
}

/// How a credential document is secured.
pub(super) enum Securing {
    /// By the Data Integrity proofs it embeds.
    Embedded,
    /// By an enveloping signature (`vc+jwt`, SD-JWT VC) checked before: its outcome, and
    /// whether the document shows only the claims its holder chose.
    Enveloped {
        /// The signature's outcome, with the key that made it.
        outcome: Box<ProofOutcome>,
        /// Whether the claims were selectively disclosed.
        selective: bool,
    },
}

/// Verifies credentials and presentations, offline.
///
/// Holds the JSON-LD processor, whose processed contexts are reused across calls, and the trust
/// bundle last loaded, which every later verification evaluates: build one and keep it.
pub struct Verifier {
    processor: JsonLdProcessor,
    profiles: Profiles,
    /// For each profile (same order), its types as absolute IRIs, expanded with its contexts.
    profile_type_iris: Vec<Vec<String>>,
    limits: JsonLimits,
    trust: Option<TrustBundle>,
    /// The highest bundle version ever loaded (rollback protection outlives `clear_trust_bundle`).
    highest_bundle_version: Option<u64>,
}

impl Verifier {
    /// A verifier over `store`.
    pub fn new(store: ContextStore) -> Self {
        let processor = JsonLdProcessor::new(store);
        let profiles = Profiles::bundled();
        let profile_type_iris = profile_type_iris(&processor, &profiles);
        Verifier {
            processor,
            profiles,
            profile_type_iris,
            limits: JsonLimits::default(),
            trust: None,
            highest_bundle_version: None,
        }
    }

    /// The trust bundle every verification evaluates issuers and status against, if one is loaded.
    pub fn trust_bundle(&self) -> Option<&TrustBundle> {
        self.trust.as_ref()
    }

    /// Forgets the loaded trust bundle: later reports say `issuer_not_checked` at best. The
    /// rollback protection stays (an older bundle is still refused).
    pub fn clear_trust_bundle(&mut self) {
        self.trust = None;
    }

    /// The resolver for DIDs that do not resolve inline: the caller's, else the trust bundle.
    fn resolver<'a>(&'a self, opts: &VerifyOptions<'a>) -> Option<&'a dyn DidResolver> {
        opts.resolver
            .or(self.trust.as_ref().map(|t| t as &dyn DidResolver))
    }

    /// The JSON-LD processor (shared with issuance to reuse processed contexts).
    pub fn processor(&self) -> &JsonLdProcessor {
        &self.processor
    }

    /// The credential profiles (for display labels and schema checks).
    pub fn profiles(&self) -> &Profiles {
        &self.profiles
    }

    /// The most specific Laissez profile whose types the credential has, compared as expanded
    /// IRIs: a credential whose short type name equals a profile's but is defined by another
    /// context is not judged against the Laissez schema.
    /// Fails when a type does not expand to an IRI (or the `@context` cannot be processed).
    pub fn profile_of(
        &self,
        credential: &serde_json::Map<String, Value>,
    ) -> Result<Option<&Profile>, Error> {
        let iris = self.processor.expand_types(credential)?;
        Ok(self
            .profiles
            .all()
            .iter()
            .zip(&self.profile_type_iris)
            .filter(|(_, want)| !want.is_empty() && want.iter().all(|t| iris.contains(t)))
            .max_by_key(|(_, want)| want.len())
            .map(|(p, _)| p))
    }

    /// The bounds a parsed value (from an envelope, or from the caller) must meet, the same as
    /// for bytes: nesting depth and number of objects.
    fn check_shape(&self, value: &Value) -> Result<(), Error> {
        crate::json::check_value(value, self.limits)
    }

    /// Verifies a credential given as bytes from outside (bounded parse first).
    pub fn verify_credential_bytes(
        &self,
        input: &[u8],
        opts: &VerifyOptions<'_>,
    ) -> VerificationReport {
        match parse_bounded(input, self.limits) {
            Ok(v) => self.verify_credential(&v, opts),
            Err(e) => {
                let mut r = VerificationReport::new("credential", opts.now.to_rfc3339());
                r.fail(CheckCode::WellFormed, &e);
                r.conclude();
                r
            }
        }
    }

    /// Verifies a credential as a verifier receives it from outside: QR envelope text
    /// (`LZ1:...`), credential JSON (Data Integrity proofs; a Verifiable Presentation, JSON whose
    /// `type` has `VerifiablePresentation`, is verified as one), a `vc+jwt` (VC-JOSE-COSE), or an
    /// SD-JWT VC presentation (compact, `~`-separated; with a Key Binding JWT checked against
    /// `opts.domain` as audience and `opts.challenge` as nonce when both are given). Another
    /// JWT is `unsupported_format`. The CLI and the WASM verifier both call this, so they report
    /// the same input the same way.
    pub fn verify_input(&self, input: &[u8], opts: &VerifyOptions<'_>) -> VerificationReport {
        self.verify_input_document(input, opts).0
    }

    /// As [`Verifier::verify_input`], also returning the credential document when the input
    /// could be read as one (for display: a verdict screen shows the holder's fields).
    pub fn verify_input_document(
        &self,
        input: &[u8],
        opts: &VerifyOptions<'_>,
    ) -> (VerificationReport, Option<Value>) {
        let failed = |e: Error| {
            let mut r = VerificationReport::new("credential", opts.now.to_rfc3339());
            r.fail(CheckCode::WellFormed, &e);
            r.conclude();
            (r, None)
        };
        #[cfg(feature = "other-formats")]
        if let Some(r) = self.verify_other_format(input, opts) {
            return (r, None);
        }
        let document = match std::str::from_utf8(input).map(str::trim) {
            Ok(t) if crate::envelope::is_envelope(t) => {
                let limits = crate::envelope::EnvelopeLimits::default();
                match crate::envelope::decode(t, limits, self.processor.store()) {
                    Ok((doc, _)) => doc,
                    Err(e) => return failed(e),
                }
            }
            Ok(t) if looks_like_jwt(t) => return self.verify_jwt(t, opts),
            _ => match parse_bounded(input, self.limits) {
                Ok(v) => v,
                Err(e) => return failed(e),
            },
        };
        // An envelope of a JWT form carries its compact text.
        if let Value::String(t) = &document {
            if looks_like_jwt(t) {
                return self.verify_jwt(t, opts);
            }
        }
        let report = if is_presentation(&document) {
            self.verify_presentation(&document, opts)
        } else {
            self.verify_credential(&document, opts)
        };
        (report, Some(document))
    }

    /// Verifies an EU DCC (`HC1:`), a SMART Health Card (`shc:/`) or a Claim 169 QR (bare
    /// Base45) against the trust bundle's sections for them; `None` for any other input
    /// (detection reads a bounded prefix: [`crate::formats::Format::detect`]). Public for a
    /// module that verifies only these formats (`formats-wasm`): it links none of the Laissez
    /// input forms that [`Verifier::verify_input`] reaches.
    #[cfg(feature = "other-formats")]
    pub fn verify_other_format(
        &self,
        input: &[u8],
        opts: &VerifyOptions<'_>,
    ) -> Option<VerificationReport> {
        use crate::formats::{claim169, dcc, shc, Format, FormatLimits};
        let text = std::str::from_utf8(input).ok()?.trim();
        let trust = self.trust.as_ref().map(|t| &t.formats);
        let limits = FormatLimits::default();
        let mut r = match Format::detect(text) {
            Format::Laissez => return None,
            Format::EuDcc => dcc::verify(text, trust, opts.now, &limits),
            Format::Shc => shc::verify(text, trust, opts.now, &limits),
            Format::Claim169 => claim169::verify(text, trust, opts.now, &limits),
        };
        if self.trust.is_some() {
            self.note_trust(&mut r, opts.now);
        }
        Some(r)
    }

    /// Verifies the compact text of a JWT form: an SD-JWT VC (it has `~`) or a `vc+jwt`.
    fn verify_jwt(&self, t: &str, opts: &VerifyOptions<'_>) -> (VerificationReport, Option<Value>) {
        if t.contains('~') {
            self.verify_sd_jwt(t, opts)
        } else if crate::vc_jose::is_vc_jwt(t) {
            self.verify_vc_jwt(t, opts)
        } else {
            let mut r = VerificationReport::new("credential", opts.now.to_rfc3339());
            r.fail(
                CheckCode::WellFormed,
                &Error::UnsupportedFormat(
                    "a JWT that is neither a vc+jwt credential nor an SD-JWT VC".into(),
                ),
            );
            r.conclude();
            (r, None)
        }
    }

    /// Verifies a parsed credential.
    pub fn verify_credential(&self, value: &Value, opts: &VerifyOptions<'_>) -> VerificationReport {
        let mut r = self.verify_document(value, opts, Securing::Embedded);
        r.conclude();
        r
    }

    /// The checks of a credential document, secured by its embedded proofs or by an enveloping
    /// signature checked before; the caller adds its own checks and concludes.
    pub(super) fn verify_document(
        &self,
        value: &Value,
        opts: &VerifyOptions<'_>,
        securing: Securing,
    ) -> VerificationReport {
        let mut r = VerificationReport::new("credential", opts.now.to_rfc3339());
        if let Err(e) = self.check_shape(value) {
            r.fail(CheckCode::WellFormed, &e);
            return r;
        }
        r.pass(CheckCode::WellFormed, message!("input_well_formed"));
        let cred = match Credential::from_json(value.clone()) {
            Ok(c) => c,
            Err(e) => {
                r.fail(CheckCode::DataModel, &e);
                return r;
            }
        };
        let issuer = cred.issuer().ok();
        summarize(&mut r, &cred, issuer.as_ref());
        match cred.validate() {
            Ok(v) => r.pass(
                CheckCode::DataModel,
                message!("conforms_to_data_model", model = v.to_string()),
            ),
            Err(e) => r.fail(CheckCode::DataModel, &e),
        }
        // Types that do not expand are data loss whatever the suite (JCS suites never expand the
        // document otherwise); the profile is then unknown and no trust type check can pass.
        let profile = match self.profile_of(cred.as_json()) {
            Ok(p) => p,
            Err(e) => {
                r.fail(CheckCode::DataModel, &e);
                None
            }
        };
        // A selectively disclosed credential (a derived ecdsa-sd-2023 proof, an SD-JWT VC)
        // shows only some subject claims: those it shows must conform; the absent ones are not
        // violations. The report lists the claims shown.
        let selective = match &securing {
            Securing::Embedded => selectively_disclosed(cred.as_json()),
            Securing::Enveloped { selective, .. } => *selective,
        };
        if selective {
            r.credential.disclosed = disclosed_claims(value);
        }
        if let Some(profile) = profile {
            r.credential.profile = Some(profile.name().to_owned());
            let checked = if selective {
                profile.check_disclosed(value)
            } else {
                profile.check(value)
            };
            match checked {
                Ok(()) => r.pass(
                    CheckCode::SchemaValid,
                    message!("conforms_to_profile", profile = profile.name()),
                ),
                Err(e) => r.fail(CheckCode::SchemaValid, &e),
            }
        }

        let outcomes = match securing {
            Securing::Embedded => {
                let req = ProofRequirements {
                    purpose: "assertionMethod",
                    challenge: None,
                    domain: None,
                    now: opts.now,
                    resolver: self.resolver(opts),
                };
                self.record_proofs(&mut r, cred.as_json(), &req)
            }
            Securing::Enveloped { outcome, .. } => Some(record_envelope(&mut r, *outcome)),
        };
        if let Some(outcomes) = &outcomes {
            check_issuer_binding(&mut r, issuer.as_ref(), outcomes);
            if !outcomes.is_empty() && outcomes.iter().all(|o| o.result.is_ok()) {
                r.credential.photo = signed_portrait(cred.as_json());
            }
        }
        check_validity_period(&mut r, &cred, opts.now);
        if let Some(bundle) = &self.trust {
            let profile = ProfileMatch {
                all: &self.profiles,
                selected: profile,
            };
            check_trust(
                &mut r,
                bundle,
                &cred,
                profile,
                outcomes.as_deref(),
                opts.now,
            );
        }
        self.note_trust(&mut r, opts.now);
        check_status(&mut r, self.trust.as_ref(), &cred, opts.now);
        r
    }

    /// Verifies a presentation: its own `authentication` proof (with challenge and domain, when
    /// given) and each embedded credential.
    pub fn verify_presentation(
        &self,
        value: &Value,
        opts: &VerifyOptions<'_>,
    ) -> VerificationReport {
        let mut r = VerificationReport::new("presentation", opts.now.to_rfc3339());
        if let Err(e) = self.check_shape(value) {
            r.fail(CheckCode::WellFormed, &e);
            r.conclude();
            return r;
        }
        r.pass(CheckCode::WellFormed, message!("input_well_formed"));
        let vp = match Presentation::from_json(value.clone()) {
            Ok(p) => p,
            Err(e) => {
                r.fail(CheckCode::DataModel, &e);
                r.conclude();
                return r;
            }
        };
        match vp.validate() {
            Ok(()) => r.pass(
                CheckCode::DataModel,
                message!("conforms_to_presentation_model"),
            ),
            Err(e) => r.fail(CheckCode::DataModel, &e),
        }
        let req = ProofRequirements {
            purpose: "authentication",
            challenge: opts.challenge,
            domain: opts.domain,
            now: opts.now,
            resolver: self.resolver(opts),
        };
        if let Some(outcomes) = self.record_proofs(&mut r, vp.as_json(), &req) {
            match vp.holder() {
                Some(holder) if outcomes.iter().any(|o| controller_is(o, holder)) => {
                    r.pass(CheckCode::HolderBinding, message!("holder_signed"))
                }
                Some(holder) => r.fail_with(
                    CheckCode::HolderBinding,
                    "verification_method_not_found",
                    message!("holder_not_signer", holder = holder),
                ),
                None => r.warn(CheckCode::HolderBinding, message!("no_holder")),
            }
        }
        match vp.credentials() {
            Ok(creds) => {
                for c in creds {
                    r.embedded
                        .push(self.verify_credential(&c.into_json(), opts));
                }
            }
            Err(e) => r.fail(CheckCode::DataModel, &e),
        }
        self.note_trust(&mut r, opts.now);
        r.conclude();
        r
    }

    /// Names the trust bundle in the report, or warns that there was none (then the verdict is
    /// `issuer_not_checked` at best).
    fn note_trust(&self, r: &mut VerificationReport, now: Timestamp) {
        match &self.trust {
            Some(bundle) => {
                r.trust_bundle = Some(TrustBundleUsed {
                    id: bundle.id.clone(),
                    version: bundle.version,
                    issued: bundle.issued.to_rfc3339(),
                    next_update: bundle.next_update.to_rfc3339(),
                    age_days: bundle.age_days(now),
                })
            }
            None => r.warn(CheckCode::TrustNotEvaluated, message!("no_trust_bundle")),
        }
    }

    /// Checks and loads a trust bundle: its proof must be a JCS Data Integrity proof by one of
    /// `anchors`; it must be well-formed and not older than a bundle this verifier already loaded.
    /// Its contexts are added (pinned) and its status list credentials verified and decoded now,
    /// once. The verifier keeps the bundle: every later verification evaluates it (and its report
    /// names it), until another bundle is loaded or [`Verifier::clear_trust_bundle`] is called.
    /// On error the bundle loaded before stays in force.
    pub fn load_trust_bundle(
        &mut self,
        input: &[u8],
        anchors: &[PublicKey],
        now: Timestamp,
    ) -> Result<&TrustBundle, Error> {
        let limits = JsonLimits {
            max_bytes: 16 * 1024 * 1024,
            max_depth: 64,
            max_objects: 200_000,
            max_array_len: 100_000,
            max_values: 10_000_000,
        };
        let value = parse_bounded(input, limits)?;
        let doc = value
            .as_object()
            .ok_or_else(|| Error::BundleMalformed("a trust bundle is a JSON object".into()))?;
        let proof = match doc.get("proof") {
            None => return Err(Error::BundleUnsigned),
            Some(Value::Object(p)) => p,
            Some(_) => {
                return Err(Error::BundleMalformed(
                    "a trust bundle has exactly one proof".into(),
                ))
            }
        };
        let suite = proof
            .get("cryptosuite")
            .and_then(Value::as_str)
            .map(Cryptosuite::from_name)
            .transpose()?
            .ok_or_else(|| Error::BundleMalformed("proof.cryptosuite is missing".into()))?;
        if suite.canonicalization() != Canonicalization::Jcs {
            return Err(Error::BundleMalformed(
                "a trust bundle is secured with eddsa-jcs-2022 or ecdsa-jcs-2019".into(),
            ));
        }
        let vm_id = proof
            .get("verificationMethod")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let vm =
            did::resolve(vm_id, None).map_err(|_| Error::BundleUnknownAnchor(vm_id.to_owned()))?;
        if !anchors.contains(&vm.public_key) {
            return Err(Error::BundleUnknownAnchor(vm_id.to_owned()));
        }
        let req = ProofRequirements {
            purpose: "assertionMethod",
            challenge: None,
            domain: None,
            now,
            resolver: None,
        };
        for outcome in verify_proofs(doc, &self.processor, &req)? {
            outcome.result?;
        }
        let mut bundle = TrustBundle::parse(doc, vm.public_key)?;
        if let Some(loaded) = self.highest_bundle_version {
            if bundle.version < loaded {
                return Err(Error::BundleRollback {
                    loaded,
                    offered: bundle.version,
                });
            }
        }
        // Every cached list is filed under its URL: one without is a malformed bundle, refused
        // before anything of the bundle is kept.
        let mut lists = Vec::new();
        if let Some(items) = doc.get("statusLists").and_then(Value::as_array) {
            for list in items {
                let url = list.get("id").and_then(Value::as_str).ok_or_else(|| {
                    Error::BundleMalformed("every statusLists entry needs its URL as id".into())
                })?;
                lists.push((url.to_owned(), list));
            }
        }
        let contexts = std::mem::take(&mut bundle.contexts);
        if !contexts.is_empty() {
            self.processor.add_pinned_contexts(&contexts)?;
            // A pinned document may stand at a profile's context URL.
            self.profile_type_iris = profile_type_iris(&self.processor, &self.profiles);
        }
        for (url, list) in lists {
            let verified = self.verify_status_list(list, &bundle, now);
            bundle.status_lists.insert(url, verified);
        }
        if let Some(items) = doc.get("statusListTokens") {
            let items = items.as_array().ok_or_else(|| {
                Error::BundleMalformed("statusListTokens must be an array".into())
            })?;
            for entry in items {
                let (uri, verified) = bundle.verify_status_token(entry, now)?;
                bundle.status_tokens.insert(uri, verified);
            }
        }
        self.highest_bundle_version = Some(bundle.version);
        Ok(self.trust.insert(bundle))
    }

    fn verify_status_list(
        &self,
        list: &Value,
        bundle: &TrustBundle,
        now: Timestamp,
    ) -> Result<VerifiedStatusList, Error> {
        let r = self.verify_credential(
            list,
            &VerifyOptions {
                resolver: Some(bundle),
                ..VerifyOptions::at(now)
            },
        );
        let required = [
            CheckCode::DataModel,
            CheckCode::SignatureValid,
            CheckCode::IssuerKeyBinding,
            CheckCode::ValidFrom,
            CheckCode::ValidUntil,
        ];
        if let Some(bad) = r
            .checks
            .iter()
            .find(|c| required.contains(&c.code) && c.status != CheckStatus::Pass)
        {
            return Err(Error::InvalidProperty {
                property: "statusLists".into(),
                reason: format!("{}: {}", bad.code, bad.error.unwrap_or(bad.message.id)),
            });
        }
        if !r
            .credential
            .types
            .iter()
            .any(|t| t == "BitstringStatusListCredential")
        {
            return Err(Error::InvalidProperty {
                property: "statusLists".into(),
                reason: "not a BitstringStatusListCredential".into(),
            });
        }
        let subject = list
            .get("credentialSubject")
            .and_then(Value::as_object)
            .ok_or_else(|| Error::InvalidProperty {
                property: "statusLists".into(),
                reason: "no credentialSubject".into(),
            })?;
        let purpose = subject
            .get("statusPurpose")
            .and_then(Value::as_str)
            .and_then(StatusPurpose::from_name)
            .ok_or_else(|| Error::InvalidProperty {
                property: "statusPurpose".into(),
                reason: "must be revocation or suspension".into(),
            })?;
        let encoded = subject
            .get("encodedList")
            .and_then(Value::as_str)
            .unwrap_or_default();
        Ok(VerifiedStatusList {
            issuer: r.credential.issuer.clone().unwrap_or_default(),
            purpose,
            list: StatusList::decode(encoded)?,
            valid_from: r
                .credential
                .valid_from
                .as_deref()
                .and_then(Timestamp::parse),
            valid_until: r
                .credential
                .valid_until
                .as_deref()
                .and_then(Timestamp::parse),
        })
    }

    /// Adds `proof_present`, `signature_valid` and (for chains) `proof_chain` checks.
    fn record_proofs(
        &self,
        r: &mut VerificationReport,
        doc: &serde_json::Map<String, Value>,
        req: &ProofRequirements<'_>,
    ) -> Option<Vec<ProofOutcome>> {
        let outcomes = match verify_proofs(doc, &self.processor, req) {
            Ok(o) => o,
            Err(e) => {
                r.fail(CheckCode::ProofPresent, &e);
                r.skip(CheckCode::SignatureValid, message!("no_usable_proof"));
                return None;
            }
        };
        r.pass(
            CheckCode::ProofPresent,
            message!("proof_count", count = outcomes.len()),
        );
        r.credential.cryptosuites = outcomes
            .iter()
            .filter_map(|o| o.cryptosuite.clone())
            .collect();
        match outcomes.iter().enumerate().find(|(_, o)| o.result.is_err()) {
            Some((i, o)) => {
                if let Err(e) = &o.result {
                    let code = if matches!(e, Error::InvalidProofChain(_)) {
                        CheckCode::ProofChain
                    } else {
                        CheckCode::SignatureValid
                    };
                    r.fail(code, &annotate(e, i, outcomes.len()));
                }
            }
            None => {
                let suites: Vec<String> = outcomes
                    .iter()
                    .filter_map(|o| o.cryptosuite.clone())
                    .collect();
                r.pass(
                    CheckCode::SignatureValid,
                    message!("proofs_verify", suites = suites.join(", ")),
                );
                if outcomes.iter().any(|o| o.chained) {
                    r.pass(CheckCode::ProofChain, message!("proof_chain_verified"));
                }
            }
        }
        Some(outcomes)
    }
}

/// For each profile (same order), its types as absolute IRIs, expanded with its own contexts. A
/// profile whose types do not expand (its context missing from the store) gets none and is then
/// never selected.
fn profile_type_iris(processor: &JsonLdProcessor, profiles: &Profiles) -> Vec<Vec<String>> {
    profiles
        .all()
        .iter()
        .map(|p| {
            let mut doc = serde_json::Map::new();
            doc.insert(
                "@context".into(),
                Value::from(vec![CONTEXT_V2, p.context_url()]),
            );
            doc.insert("type".into(), Value::from(p.types()));
            processor.expand_types(&doc).unwrap_or_default()
        })
        .collect()
}

/// Names which proof of a set an error concerns (the code is unchanged).
fn annotate(e: &Error, index: usize, total: usize) -> Error {
    let n = index + 1;
    match e {
        Error::MalformedProof(m) if total > 1 => Error::MalformedProof(format!("proof {n}: {m}")),
        Error::InvalidProofChain(m) if total > 1 => {
            Error::InvalidProofChain(format!("proof {n}: {m}"))
        }
        other => other.clone(),
    }
}

fn controller_is(o: &ProofOutcome, did: &str) -> bool {
    o.result.is_ok()
        && o.verification_method
            .as_ref()
            .is_some_and(|vm| vm.controller == did)
}

/// The issuer must control the key that signed, when the issuer is a DID. When the issuer is
/// another URL, the binding can only come from a trust bundle: a warning.
fn check_issuer_binding(
    r: &mut VerificationReport,
    issuer: Option<&Issuer>,
    outcomes: &[ProofOutcome],
) {
    let Some(issuer) = issuer else {
        r.skip(CheckCode::IssuerKeyBinding, message!("no_readable_issuer"));
        return;
    };
    if outcomes.iter().any(|o| o.result.is_err()) {
        r.skip(
            CheckCode::IssuerKeyBinding,
            message!("proof_did_not_verify"),
        );
        return;
    }
    if outcomes.iter().any(|o| controller_is(o, &issuer.id)) {
        r.pass(CheckCode::IssuerKeyBinding, message!("issuer_key_signed"));
    } else if issuer.id.starts_with("did:") {
        let signer = outcomes
            .iter()
            .filter_map(|o| o.verification_method.as_ref())
            .map(|vm| did::did_of(&vm.id).to_owned())
            .next()
            .unwrap_or_default();
        r.fail_with(
            CheckCode::IssuerKeyBinding,
            "verification_method_not_found",
            message!(
                "signed_by_another_key",
                issuer = &issuer.id,
                signer = signer
            ),
        );
    } else {
        r.warn(
            CheckCode::IssuerKeyBinding,
            message!("issuer_not_did", issuer = &issuer.id),
        );
    }
}

fn check_validity_period(r: &mut VerificationReport, cred: &Credential, now: Timestamp) {
    match cred.valid_from() {
        Ok(Some(t)) if t > now => r.fail_with(
            CheckCode::ValidFrom,
            "invalid_property",
            message!("not_valid_before", time = t.to_rfc3339()),
        ),
        Ok(Some(t)) => r.pass(
            CheckCode::ValidFrom,
            message!("valid_since", time = t.to_rfc3339()),
        ),
        Ok(None) => r.pass(CheckCode::ValidFrom, message!("no_valid_from")),
        Err(e) => r.fail(CheckCode::ValidFrom, &e),
    }
    match cred.valid_until() {
        Ok(Some(t)) if t <= now => r.fail_with(
            CheckCode::ValidUntil,
            "invalid_property",
            message!("expired_at", time = t.to_rfc3339()),
        ),
        Ok(Some(t)) => r.pass(
            CheckCode::ValidUntil,
            message!("valid_until_time", time = t.to_rfc3339()),
        ),
        Ok(None) => r.pass(CheckCode::ValidUntil, message!("no_valid_until")),
        Err(e) => r.fail(CheckCode::ValidUntil, &e),
    }
}

/// The report's summary of `cred` (whose `issuer`, read once, is given).
fn summarize(r: &mut VerificationReport, cred: &Credential, issuer: Option<&Issuer>) {
    r.credential.id = cred.id().map(str::to_owned);
    r.credential.issuer = issuer.map(|i| i.id.clone());
    r.credential.types = cred.types().into_iter().map(str::to_owned).collect();
    r.credential.valid_from = cred.valid_from().ok().flatten().map(|t| t.to_rfc3339());
    r.credential.valid_until = cred.valid_until().ok().flatten().map(|t| t.to_rfc3339());
}

/// Records an enveloping signature's outcome as `proof_present` and `signature_valid`.
/// The subject's `portrait` (decision 0023), for display once every signature verified: a
/// `data:` URL of a JPEG, PNG or WebP image in Base64, at most [`MAX_PORTRAIT_URL`] characters.
fn signed_portrait(doc: &serde_json::Map<String, Value>) -> Option<String> {
    let url = doc.get("credentialSubject")?.get("portrait")?.as_str()?;
    let data = ["jpeg", "png", "webp"]
        .iter()
        .find_map(|t| url.strip_prefix(&format!("data:image/{t};base64,")))?;
    let base64 = data
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='));
    (url.len() <= MAX_PORTRAIT_URL && !data.is_empty() && base64).then(|| url.to_owned())
}

/// Longest portrait `data:` URL shown: 2,048 bytes of image in Base64 and its prefix, as the
/// legal-identity schema bounds it.
const MAX_PORTRAIT_URL: usize = 2755;

fn record_envelope(r: &mut VerificationReport, outcome: ProofOutcome) -> Vec<ProofOutcome> {
    let format = outcome.cryptosuite.clone().unwrap_or_default();
    r.pass(
        CheckCode::ProofPresent,
        message!("enveloping_proof", format = &format),
    );
    r.credential.cryptosuites = vec![format.clone()];
    match &outcome.result {
        Ok(()) => r.pass(
            CheckCode::SignatureValid,
            message!("proofs_verify", suites = format),
        ),
        Err(e) => r.fail(CheckCode::SignatureValid, e),
    }
    vec![outcome]
}

/// JSON pointers of the subject claims a selectively disclosed credential shows (its leaves,
/// without the subject's `id`), in document order.
fn disclosed_claims(doc: &Value) -> Vec<String> {
    fn leaves(v: &Value, at: &mut String, out: &mut Vec<String>) {
        let len = at.len();
        match v {
            Value::Object(o) if !o.is_empty() => {
                for (k, v) in o {
                    at.push('/');
                    at.push_str(&k.replace('~', "~0").replace('/', "~1"));
                    leaves(v, at, out);
                    at.truncate(len);
                }
            }
            Value::Array(a) if !a.is_empty() => {
                for (i, v) in a.iter().enumerate() {
                    at.push('/');
                    at.push_str(&i.to_string());
                    leaves(v, at, out);
                    at.truncate(len);
                }
            }
            _ => out.push(at.clone()),
        }
    }
    let mut out = Vec::new();
    let subjects = match doc.get("credentialSubject") {
        Some(Value::Array(a)) => a
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("/credentialSubject/{i}"), s))
            .collect(),
        Some(s) => vec![("/credentialSubject".to_owned(), s)],
        None => Vec::new(),
    };
    for (base, subject) in subjects {
        if let Some(o) = subject.as_object() {
            for (k, v) in o.iter().filter(|(k, _)| *k != "id") {
                let mut at = format!("{base}/{}", k.replace('~', "~0").replace('/', "~1"));
                leaves(v, &mut at, &mut out);
            }
        }
    }
    out
}

/// Whether a proof of `doc` is a selective-disclosure proof (`ecdsa-sd-2023`), whose credential
/// carries only the claims its holder chose to show. (A forged claim fails the proof check.)
fn selectively_disclosed(doc: &serde_json::Map<String, Value>) -> bool {
    let is_sd = |p: &Value| p.get("cryptosuite").and_then(Value::as_str) == Some("ecdsa-sd-2023");
    match doc.get("proof") {
        Some(Value::Array(proofs)) => proofs.iter().any(is_sd),
        Some(p) => is_sd(p),
        None => false,
    }
}

/// Whether `doc` is a Verifiable Presentation (its `type` has `VerifiablePresentation`).
fn is_presentation(doc: &Value) -> bool {
    match doc.get("type") {
        Some(Value::String(t)) => t == "VerifiablePresentation",
        Some(Value::Array(a)) => a.iter().any(|t| t == "VerifiablePresentation"),
        _ => false,
    }
}

/// Compact JWS (`a.b.c`) or SD-JWT (`a.b.c~d~...`): base64url segments and dots.
fn looks_like_jwt(t: &str) -> bool {
    let jws = t.split('~').next().unwrap_or_default();
    jws.split('.').count() == 3
        && jws
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
}

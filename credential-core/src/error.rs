//! The crate's one error type. Every variant has a stable snake_case code (for UIs and reports)
//! and an English message (for logs and the CLI).

use crate::message;
use crate::message::Message;
use std::fmt;

/// Everything that can go wrong in `credential-core`.
///
/// Match on the variant or on [`Error::code`]; the code is part of the public contract and never
/// changes meaning once published.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// Input larger than the configured maximum.
    InputTooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The limit in bytes.
        max: usize,
    },
    /// Input bytes are not valid UTF-8.
    InvalidUtf8,
    /// JSON nested deeper than allowed.
    JsonTooDeep {
        /// The depth limit.
        max: usize,
    },
    /// JSON with more objects than allowed.
    TooManyObjects {
        /// The limit.
        max: usize,
    },
    /// JSON with more values than allowed.
    TooManyValues {
        /// The limit.
        max: usize,
    },
    /// A JSON array with more elements than allowed.
    ArrayTooLong {
        /// The limit.
        max: usize,
    },
    /// Input is not well-formed JSON.
    MalformedJson(String),
    /// A JSON object names the same member twice (I-JSON, RFC 7493 §2.3): two parsers could
    /// each read a different value as the signed one.
    DuplicateMember(String),
    /// A document is structurally not what was expected (wrong JSON type, missing member).
    MalformedDocument(String),

    /// `@context` missing, or its first item is not the VC base context.
    InvalidContext(String),
    /// A context URL is not in the context store. Contexts are never fetched.
    UnknownContext(String),
    /// `type` missing or lacks `VerifiableCredential` / `VerifiablePresentation`.
    InvalidType(String),
    /// `issuer` missing or not a URL / object with an `id` URL.
    InvalidIssuer(String),
    /// `credentialSubject` missing or empty.
    InvalidCredentialSubject(String),
    /// A date is not a valid XML Schema `dateTimeStamp`.
    InvalidDate {
        /// The property holding the date.
        property: String,
        /// The offending value.
        value: String,
    },
    /// An `id` (or another URL-valued property) is not a URL.
    InvalidUrl {
        /// The property holding the URL.
        property: String,
        /// The offending value.
        value: String,
    },
    /// A property value has the wrong shape (e.g. `credentialStatus` without `type`).
    InvalidProperty {
        /// The property.
        property: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The credential does not conform to its profile's JSON Schema (pointer and rule).
    SchemaInvalid(String),
    /// A profile name that is not one of the Laissez profiles.
    UnknownProfile(String),
    /// A disclosure preset name the profile does not define.
    UnknownPreset(String),
    /// The credential has none of the claims a disclosure preset shows (e.g. `yellow-fever`
    /// for a certificate without that vaccination).
    PresetNotApplicable(String),
    /// A holder asked to disclose a claim that this credential cannot selectively disclose: not
    /// one of its profile's selective claims (or inside one), or absent from the credential.
    ClaimNotDisclosable(String),
    /// Issuing is refused for VC 1.1 documents (they are read and verified only).
    UnsupportedVersion(String),

    /// JSON-LD expansion failed (invalid JSON-LD).
    JsonLd(String),
    /// A term or type did not expand to an IRI: signing or verifying it would lose data.
    DataLossDetected(String),
    /// RDF canonicalization would need more work than allowed (poison graph).
    CanonicalizationLimit(String),

    /// Key bytes have the wrong length or encoding.
    InvalidKey(String),
    /// A key is valid encoding but weak (e.g. a small-order Ed25519 point).
    WeakKey(String),
    /// The key type is not usable for the requested operation or suite.
    KeyTypeMismatch(String),
    /// A multibase / multicodec value could not be decoded.
    InvalidMultibase(String),
    /// A JWK could not be read.
    InvalidJwk(String),
    /// A PEM / PKCS#8 document could not be read.
    InvalidPem(String),

    /// A DID is malformed.
    InvalidDid(String),
    /// No resolver can resolve this DID offline.
    UnresolvableDid(String),
    /// The verification method is not found in, or not authorised by, the DID document.
    VerificationMethodNotFound(String),

    /// The credential has no `proof`.
    ProofMissing,
    /// The proof is malformed (missing or wrong-typed members).
    MalformedProof(String),
    /// A selective-disclosure base proof shown to a verifier: it is the holder's (it carries the
    /// HMAC key and every signature); verifiers accept only a proof the holder derived from it.
    BaseProofNotVerifiable {
        /// The cryptosuite, e.g. `ecdsa-sd-2023`.
        suite: String,
    },
    /// The proof names a cryptosuite we do not implement.
    UnsupportedCryptosuite(String),
    /// The signature does not verify.
    InvalidSignature,
    /// A `previousProof` reference is missing or malformed.
    InvalidProofChain(String),
    /// Signing failed.
    SigningFailed(String),

    /// The text does not start with the envelope prefix.
    EnvelopeWrongPrefix,
    /// Characters outside the Base45 alphabet, or an impossible length.
    EnvelopeInvalidBase45(String),
    /// The envelope ends early.
    EnvelopeTruncated,
    /// An encoding id this verifier does not know.
    EnvelopeUnknownEncoding(u8),
    /// The compressed data is damaged (checksum or format).
    EnvelopeCorrupt(String),
    /// Decompression would exceed the limit (a zip bomb).
    EnvelopeTooLarge {
        /// The limit in bytes.
        max: usize,
    },
    /// CBOR nested deeper than allowed.
    EnvelopeTooDeep {
        /// The limit.
        max: usize,
    },
    /// The CBOR is malformed or not a JSON-compatible value.
    EnvelopeInvalidCbor(String),
    /// No QR code could be found or read in the image.
    QrNotFound(String),
    /// An input in a format this verifier recognises but does not support (for example a JWT).
    UnsupportedFormat(String),
    /// CBOR-LD bytes that are not a well-formed payload for their registry entry (unknown term
    /// id, unknown compressed value, wrong shape).
    CborLdInvalid(String),
    /// A CBOR-LD registry entry this decoder has no tables for.
    CborLdUnknownRegistryEntry(u64),
    /// A document CBOR-LD cannot carry without changing it (the generic encoding still can).
    CborLdCannotEncode(String),

    /// A trust bundle has no proof.
    BundleUnsigned,
    /// A trust bundle is signed by a key that is not a configured anchor.
    BundleUnknownAnchor(String),
    /// A trust bundle is not in the documented format.
    BundleMalformed(String),
    /// A trust bundle is older than one already loaded.
    BundleRollback {
        /// Version already loaded.
        loaded: u64,
        /// Version offered.
        offered: u64,
    },

    /// An SD-JWT that is not well-formed (separators, base64url, JWT parts, claim types).
    SdJwtMalformed(String),
    /// An SD-JWT signing or digest algorithm this verifier does not implement (or `none`).
    SdJwtUnsupportedAlgorithm(String),
    /// A disclosure that is malformed or may not be applied (a `_sd` or `...` claim name, a
    /// claim name that already exists, an object disclosure where an array element is expected).
    DisclosureInvalid(String),
    /// A disclosure whose digest the credential does not list: it was taken from another
    /// credential or altered (RFC 9901 §7.1 step 4).
    DisclosureNotReferenced(String),
    /// A digest that appears more than once in the payload and disclosures (RFC 9901 §7.1
    /// step 3.4), or one disclosure given twice.
    DisclosureDigestDuplicate(String),
    /// Key binding is required but the presentation has no Key Binding JWT.
    KeyBindingMissing,
    /// The Key Binding JWT is malformed, or not signed by the holder key (`cnf`).
    KeyBindingInvalid(String),
    /// The Key Binding JWT was made for another audience, nonce or presentation (`sd_hash`).
    KeyBindingMismatch {
        /// The claim that differs: `aud`, `nonce` or `sd_hash`.
        claim: String,
        /// The value the verifier expected.
        expected: String,
        /// The value in the Key Binding JWT.
        found: String,
    },
    /// The Key Binding JWT is older than the verifier accepts.
    KeyBindingStale {
        /// Its age in seconds.
        age: u64,
        /// The largest age accepted, in seconds.
        max: u64,
    },
    /// The SD-JWT's `exp` has passed.
    SdJwtExpired {
        /// `exp`, as an RFC 3339 date.
        date: String,
    },
    /// The SD-JWT's `nbf` (or `iat`) is still in the future.
    SdJwtNotYetValid {
        /// `nbf` or `iat`, as an RFC 3339 date.
        date: String,
    },
    /// A Token Status List (`statuslist+jwt`) that cannot be used: bad signature, wrong
    /// subject, expired, malformed list, index out of range.
    StatusListInvalid(String),
    /// A `vc+jwt` (VC-JOSE-COSE) that is not well-formed: JWT parts, header `typ`, payload.
    VcJwtMalformed(String),
    /// A signature this build cannot check: P-384 without the `p384` feature (the browser
    /// verifier, to fit its size budget) and no platform check for it (decision 0025).
    UnsupportedKeyAlgorithm(String),

    /// QR text that is not Base45 (RFC 9285) where a format requires it.
    FormatInvalidBase45(String),
    /// A zlib or DEFLATE payload that does not decompress.
    FormatDecompress(String),
    /// A QR text, or its decompressed payload, larger than allowed (bombs stop here).
    FormatTooLarge {
        /// The limit in bytes.
        max: usize,
    },
    /// Not a well-formed COSE_Sign1 (RFC 9052), or CBOR that is malformed or too deep.
    CoseMalformed(String),
    /// A signature algorithm (or key type) the other formats' verifier does not implement.
    CoseUnsupportedAlgorithm(String),
    /// A Claim 169 QR whose CWT has no claim 169.
    Claim169Missing,
    /// An encrypted Claim 169 QR (COSE_Encrypt0): no decryption key is configured.
    Claim169Encrypted,
    /// A health certificate with a context prefix other than `HC1:`.
    DccUnsupportedPrefix(String),
    /// An EU DCC / DDCC whose CWT or payload is not what the specification requires.
    DccMalformed(String),
    /// A DCC document signer certificate that is out of its validity or whose key usage does not
    /// allow this certificate.
    DccSignerNotPermitted(String),
    /// A SMART Health Card whose QR chunks, numeric encoding, JWS or payload is malformed.
    ShcMalformed(String),
}

impl Error {
    /// Stable snake_case code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InputTooLarge { .. } => "input_too_large",
            Error::InvalidUtf8 => "invalid_utf8",
            Error::JsonTooDeep { .. } => "json_too_deep",
            Error::TooManyObjects { .. } => "too_many_objects",
            Error::TooManyValues { .. } => "too_many_values",
            Error::ArrayTooLong { .. } => "array_too_long",
            Error::MalformedJson(_) => "malformed_json",
            Error::DuplicateMember(_) => "duplicate_member",
            Error::MalformedDocument(_) => "malformed_document",
            Error::InvalidContext(_) => "invalid_context",
            Error::UnknownContext(_) => "unknown_context",
            Error::InvalidType(_) => "invalid_type",
            Error::InvalidIssuer(_) => "invalid_issuer",
            Error::InvalidCredentialSubject(_) => "invalid_credential_subject",
            Error::InvalidDate { .. } => "invalid_date",
            Error::InvalidUrl { .. } => "invalid_url",
            Error::InvalidProperty { .. } => "invalid_property",
            Error::SchemaInvalid(_) => "schema_invalid",
            Error::UnknownProfile(_) => "unknown_profile",
            Error::UnknownPreset(_) => "unknown_preset",
            Error::PresetNotApplicable(_) => "preset_not_applicable",
            Error::ClaimNotDisclosable(_) => "claim_not_disclosable",
            Error::UnsupportedVersion(_) => "unsupported_version",
            Error::JsonLd(_) => "jsonld_error",
            Error::DataLossDetected(_) => "data_loss_detected",
            Error::CanonicalizationLimit(_) => "canonicalization_limit",
            Error::InvalidKey(_) => "invalid_key",
            Error::WeakKey(_) => "weak_key",
            Error::KeyTypeMismatch(_) => "key_type_mismatch",
            Error::InvalidMultibase(_) => "invalid_multibase",
            Error::InvalidJwk(_) => "invalid_jwk",
            Error::InvalidPem(_) => "invalid_pem",
            Error::InvalidDid(_) => "invalid_did",
            Error::UnresolvableDid(_) => "unresolvable_did",
            Error::VerificationMethodNotFound(_) => "verification_method_not_found",
            Error::ProofMissing => "proof_missing",
            Error::MalformedProof(_) => "malformed_proof",
            Error::BaseProofNotVerifiable { .. } => "base_proof_not_verifiable",
            Error::UnsupportedCryptosuite(_) => "unsupported_cryptosuite",
            Error::InvalidSignature => "invalid_signature",
            Error::InvalidProofChain(_) => "invalid_proof_chain",
            Error::SigningFailed(_) => "signing_failed",
            Error::EnvelopeWrongPrefix => "envelope_wrong_prefix",
            Error::EnvelopeInvalidBase45(_) => "envelope_invalid_base45",
            Error::EnvelopeTruncated => "envelope_truncated",
            Error::EnvelopeUnknownEncoding(_) => "envelope_unknown_encoding",
            Error::EnvelopeCorrupt(_) => "envelope_corrupt",
            Error::EnvelopeTooLarge { .. } => "envelope_too_large",
            Error::EnvelopeTooDeep { .. } => "envelope_too_deep",
            Error::EnvelopeInvalidCbor(_) => "envelope_invalid_cbor",
            Error::QrNotFound(_) => "qr_not_found",
            Error::UnsupportedFormat(_) => "unsupported_format",
            Error::CborLdInvalid(_) => "cborld_invalid",
            Error::CborLdUnknownRegistryEntry(_) => "cborld_unknown_registry_entry",
            Error::CborLdCannotEncode(_) => "cborld_cannot_encode",
            Error::BundleUnsigned => "bundle_unsigned",
            Error::BundleUnknownAnchor(_) => "bundle_unknown_anchor",
            Error::BundleMalformed(_) => "bundle_malformed",
            Error::BundleRollback { .. } => "bundle_rollback",
            Error::SdJwtMalformed(_) => "sd_jwt_malformed",
            Error::SdJwtUnsupportedAlgorithm(_) => "sd_jwt_unsupported_algorithm",
            Error::DisclosureInvalid(_) => "disclosure_invalid",
            Error::DisclosureNotReferenced(_) => "disclosure_not_referenced",
            Error::DisclosureDigestDuplicate(_) => "disclosure_digest_duplicate",
            Error::KeyBindingMissing => "key_binding_missing",
            Error::KeyBindingInvalid(_) => "key_binding_invalid",
            Error::KeyBindingMismatch { .. } => "key_binding_mismatch",
            Error::KeyBindingStale { .. } => "key_binding_stale",
            Error::SdJwtExpired { .. } => "sd_jwt_expired",
            Error::SdJwtNotYetValid { .. } => "sd_jwt_not_yet_valid",
            Error::StatusListInvalid(_) => "status_list_invalid",
            Error::VcJwtMalformed(_) => "vc_jwt_malformed",
            Error::UnsupportedKeyAlgorithm(_) => "unsupported_key_algorithm",
            Error::FormatInvalidBase45(_) => "format_invalid_base45",
            Error::FormatDecompress(_) => "format_decompress_failed",
            Error::FormatTooLarge { .. } => "format_too_large",
            Error::CoseMalformed(_) => "cose_malformed",
            Error::CoseUnsupportedAlgorithm(_) => "cose_unsupported_algorithm",
            Error::Claim169Missing => "claim169_missing",
            Error::Claim169Encrypted => "claim169_encrypted",
            Error::DccUnsupportedPrefix(_) => "dcc_unsupported_prefix",
            Error::DccMalformed(_) => "dcc_malformed",
            Error::DccSignerNotPermitted(_) => "dcc_signer_not_permitted",
            Error::ShcMalformed(_) => "shc_malformed",
        }
    }
}

impl Error {
    /// The error as a catalogue message (id: the error's code; the arguments its details), for
    /// rendering in the reader's language. `Display` gives the English text of the same entry.
    pub fn message(&self) -> Message {
        match self {
            Error::InputTooLarge { size, max } => {
                message!("input_too_large", size = *size, max = *max)
            }
            Error::InvalidUtf8 => message!("invalid_utf8"),
            Error::JsonTooDeep { max } => message!("json_too_deep", max = *max),
            Error::TooManyObjects { max } => message!("too_many_objects", max = *max),
            Error::TooManyValues { max } => message!("too_many_values", max = *max),
            Error::ArrayTooLong { max } => message!("array_too_long", max = *max),
            Error::MalformedJson(m) => message!("malformed_json", detail = m),
            Error::DuplicateMember(m) => message!("duplicate_member", detail = m),
            Error::MalformedDocument(m) => message!("malformed_document", detail = m),
            Error::InvalidContext(m) => message!("invalid_context", detail = m),
            Error::UnknownContext(u) => message!("unknown_context", url = u),
            Error::InvalidType(m) => message!("invalid_type", detail = m),
            Error::InvalidIssuer(m) => message!("invalid_issuer", detail = m),
            Error::InvalidCredentialSubject(m) => {
                message!("invalid_credential_subject", detail = m)
            }
            Error::InvalidDate { property, value } => {
                message!("invalid_date", property = property, value = value)
            }
            Error::InvalidUrl { property, value } => {
                message!("invalid_url", property = property, value = value)
            }
            Error::InvalidProperty { property, reason } => {
                message!("invalid_property", property = property, detail = reason)
            }
            Error::SchemaInvalid(m) => message!("schema_invalid", detail = m),
            Error::UnknownProfile(m) => message!("unknown_profile", profile = m),
            Error::UnknownPreset(m) => message!("unknown_preset", preset = m),
            Error::PresetNotApplicable(m) => message!("preset_not_applicable", preset = m),
            Error::ClaimNotDisclosable(m) => message!("claim_not_disclosable", pointer = m),
            Error::UnsupportedVersion(m) => message!("unsupported_version", detail = m),
            Error::JsonLd(m) => message!("jsonld_error", detail = m),
            Error::DataLossDetected(m) => message!("data_loss_detected", detail = m),
            Error::CanonicalizationLimit(m) => message!("canonicalization_limit", detail = m),
            Error::InvalidKey(m) => message!("invalid_key", detail = m),
            Error::WeakKey(m) => message!("weak_key", detail = m),
            Error::KeyTypeMismatch(m) => message!("key_type_mismatch", detail = m),
            Error::InvalidMultibase(m) => message!("invalid_multibase", detail = m),
            Error::InvalidJwk(m) => message!("invalid_jwk", detail = m),
            Error::InvalidPem(m) => message!("invalid_pem", detail = m),
            Error::InvalidDid(m) => message!("invalid_did", detail = m),
            Error::UnresolvableDid(d) => message!("unresolvable_did", did = d),
            Error::VerificationMethodNotFound(m) => {
                message!("verification_method_not_found", detail = m)
            }
            Error::ProofMissing => message!("proof_missing"),
            Error::MalformedProof(m) => message!("malformed_proof", detail = m),
            Error::BaseProofNotVerifiable { suite } => {
                message!("base_proof_not_verifiable", suite = suite)
            }
            Error::UnsupportedCryptosuite(s) => message!("unsupported_cryptosuite", suite = s),
            Error::InvalidSignature => message!("invalid_signature"),
            Error::InvalidProofChain(m) => message!("invalid_proof_chain", detail = m),
            Error::SigningFailed(m) => message!("signing_failed", detail = m),
            Error::EnvelopeWrongPrefix => message!("envelope_wrong_prefix"),
            Error::EnvelopeInvalidBase45(m) => message!("envelope_invalid_base45", detail = m),
            Error::EnvelopeTruncated => message!("envelope_truncated"),
            Error::EnvelopeUnknownEncoding(id) => {
                message!(
                    "envelope_unknown_encoding",
                    encoding = format!("0x{id:02x}")
                )
            }
            Error::EnvelopeCorrupt(m) => message!("envelope_corrupt", detail = m),
            Error::EnvelopeTooLarge { max } => message!("envelope_too_large", max = *max),
            Error::EnvelopeTooDeep { max } => message!("envelope_too_deep", max = *max),
            Error::EnvelopeInvalidCbor(m) => message!("envelope_invalid_cbor", detail = m),
            Error::QrNotFound(m) => message!("qr_not_found", detail = m),
            Error::UnsupportedFormat(m) => message!("unsupported_format", detail = m),
            Error::CborLdInvalid(m) => message!("cborld_invalid", detail = m),
            Error::CborLdUnknownRegistryEntry(id) => {
                message!("cborld_unknown_registry_entry", entry = *id)
            }
            Error::CborLdCannotEncode(m) => message!("cborld_cannot_encode", detail = m),
            Error::BundleUnsigned => message!("bundle_unsigned"),
            Error::BundleUnknownAnchor(k) => message!("bundle_unknown_anchor", anchor = k),
            Error::BundleMalformed(m) => message!("bundle_malformed", detail = m),
            Error::BundleRollback { loaded, offered } => {
                message!("bundle_rollback", loaded = *loaded, offered = *offered)
            }
            Error::SdJwtMalformed(m) => message!("sd_jwt_malformed", detail = m),
            Error::SdJwtUnsupportedAlgorithm(a) => {
                message!("sd_jwt_unsupported_algorithm", alg = a)
            }
            Error::DisclosureInvalid(m) => message!("disclosure_invalid", detail = m),
            Error::DisclosureNotReferenced(d) => message!("disclosure_not_referenced", digest = d),
            Error::DisclosureDigestDuplicate(d) => {
                message!("disclosure_digest_duplicate", digest = d)
            }
            Error::KeyBindingMissing => message!("key_binding_missing"),
            Error::KeyBindingInvalid(m) => message!("key_binding_invalid", detail = m),
            Error::KeyBindingMismatch {
                claim,
                expected,
                found,
            } => message!(
                "key_binding_mismatch",
                claim = claim,
                expected = expected,
                found = found
            ),
            Error::KeyBindingStale { age, max } => {
                message!("key_binding_stale", age = *age, max = *max)
            }
            Error::SdJwtExpired { date } => message!("sd_jwt_expired", date = date),
            Error::SdJwtNotYetValid { date } => message!("sd_jwt_not_yet_valid", date = date),
            Error::StatusListInvalid(m) => message!("status_list_invalid", detail = m),
            Error::VcJwtMalformed(m) => message!("vc_jwt_malformed", detail = m),
            Error::UnsupportedKeyAlgorithm(a) => {
                message!("unsupported_key_algorithm", algorithm = a)
            }
            Error::FormatInvalidBase45(m) => message!("format_invalid_base45", detail = m),
            Error::FormatDecompress(m) => message!("format_decompress_failed", detail = m),
            Error::FormatTooLarge { max } => message!("format_too_large", max = *max),
            Error::CoseMalformed(m) => message!("cose_malformed", detail = m),
            Error::CoseUnsupportedAlgorithm(a) => {
                message!("cose_unsupported_algorithm", algorithm = a)
            }
            Error::Claim169Missing => message!("claim169_missing"),
            Error::Claim169Encrypted => message!("claim169_encrypted"),
            Error::DccUnsupportedPrefix(p) => message!("dcc_unsupported_prefix", prefix = p),
            Error::DccMalformed(m) => message!("dcc_malformed", detail = m),
            Error::DccSignerNotPermitted(m) => message!("dcc_signer_not_permitted", detail = m),
            Error::ShcMalformed(m) => message!("shc_malformed", detail = m),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InputTooLarge { size, max } => {
                write!(f, "input is {size} bytes; the limit is {max} bytes")
            }
            Error::InvalidUtf8 => write!(f, "input is not valid UTF-8"),
            Error::JsonTooDeep { max } => write!(f, "JSON is nested deeper than {max} levels"),
            Error::TooManyObjects { max } => {
                write!(f, "JSON has more than {max} objects")
            }
            Error::TooManyValues { max } => write!(f, "JSON has more than {max} values"),
            Error::ArrayTooLong { max } => {
                write!(f, "a JSON array has more than {max} elements")
            }
            Error::MalformedJson(m) => write!(f, "input is not valid JSON: {m}"),
            Error::DuplicateMember(m) => write!(
                f,
                "a JSON object repeats a member name, {m} (I-JSON forbids it: readers could disagree on its value)"
            ),
            Error::MalformedDocument(m) => write!(f, "malformed document: {m}"),
            Error::InvalidContext(m) => write!(f, "invalid @context: {m}"),
            Error::UnknownContext(u) => write!(
                f,
                "unknown JSON-LD context {u}: it is not in the offline context store (contexts are never fetched)"
            ),
            Error::InvalidType(m) => write!(f, "invalid type: {m}"),
            Error::InvalidIssuer(m) => write!(f, "invalid issuer: {m}"),
            Error::InvalidCredentialSubject(m) => write!(f, "invalid credentialSubject: {m}"),
            Error::InvalidDate { property, value } => write!(
                f,
                "{property} is not a valid dateTimeStamp (date, time and time zone required): {value:?}"
            ),
            Error::InvalidUrl { property, value } => {
                write!(f, "{property} is not a URL: {value:?}")
            }
            Error::InvalidProperty { property, reason } => write!(f, "invalid {property}: {reason}"),
            Error::SchemaInvalid(m) => write!(f, "does not conform to the profile schema: {m}"),
            Error::UnknownProfile(m) => write!(f, "unknown profile {m}"),
            Error::UnknownPreset(m) => write!(f, "unknown disclosure preset {m}"),
            Error::PresetNotApplicable(m) => write!(
                f,
                "the credential has none of the claims the {m} preset shows"
            ),
            Error::ClaimNotDisclosable(m) => {
                write!(f, "the claim {m} cannot be selectively disclosed in this credential")
            }
            Error::UnsupportedVersion(m) => write!(f, "unsupported data model version: {m}"),
            Error::JsonLd(m) => write!(f, "JSON-LD processing failed: {m}"),
            Error::DataLossDetected(m) => write!(
                f,
                "data loss detected: {m}, so it would not be signed"
            ),
            Error::CanonicalizationLimit(m) => {
                write!(f, "RDF canonicalization refused: {m}")
            }
            Error::InvalidKey(m) => write!(f, "invalid key: {m}"),
            Error::WeakKey(m) => write!(f, "weak key refused: {m}"),
            Error::KeyTypeMismatch(m) => write!(f, "key type mismatch: {m}"),
            Error::InvalidMultibase(m) => write!(f, "invalid multibase value: {m}"),
            Error::InvalidJwk(m) => write!(f, "invalid JWK: {m}"),
            Error::InvalidPem(m) => write!(f, "invalid PEM/PKCS#8: {m}"),
            Error::InvalidDid(m) => write!(f, "invalid DID: {m}"),
            Error::UnresolvableDid(d) => write!(
                f,
                "cannot resolve {d} offline: only did:key and did:jwk resolve inline; other methods need a resolver (trust bundle)"
            ),
            Error::VerificationMethodNotFound(m) => {
                write!(f, "verification method not found: {m}")
            }
            Error::ProofMissing => write!(f, "the document has no proof"),
            Error::MalformedProof(m) => write!(f, "malformed proof: {m}"),
            Error::BaseProofNotVerifiable { suite } => write!(
                f,
                "this is a {suite} base proof, which only its holder may use: a verifier accepts only a proof the holder derived from it, disclosing what is asked"
            ),
            Error::UnsupportedCryptosuite(s) => write!(f, "unsupported cryptosuite {s:?}"),
            Error::InvalidSignature => write!(f, "the signature does not verify"),
            Error::InvalidProofChain(m) => write!(f, "invalid proof chain: {m}"),
            Error::SigningFailed(m) => write!(f, "signing failed: {m}"),
            Error::EnvelopeWrongPrefix => write!(
                f,
                "not a Laissez envelope: the text must start with LZ1: (another QR format?)"
            ),
            Error::EnvelopeInvalidBase45(m) => write!(f, "the envelope is not valid Base45: {m}"),
            Error::EnvelopeTruncated => write!(f, "the envelope is truncated"),
            Error::EnvelopeUnknownEncoding(id) => {
                write!(f, "unknown envelope encoding 0x{id:02x} (a newer format?)")
            }
            Error::EnvelopeCorrupt(m) => write!(f, "the envelope is damaged: {m}"),
            Error::EnvelopeTooLarge { max } => {
                write!(f, "the envelope decompresses to more than {max} bytes")
            }
            Error::EnvelopeTooDeep { max } => {
                write!(f, "the envelope's CBOR is nested deeper than {max} levels")
            }
            Error::EnvelopeInvalidCbor(m) => write!(f, "the envelope's CBOR is invalid: {m}"),
            Error::QrNotFound(m) => write!(f, "no readable QR code: {m}"),
            Error::UnsupportedFormat(m) => write!(f, "unsupported input format: {m}"),
            Error::CborLdInvalid(m) => write!(f, "invalid CBOR-LD: {m}"),
            Error::CborLdUnknownRegistryEntry(id) => write!(
                f,
                "CBOR-LD registry entry {id} is not known to this verifier (a newer format?)"
            ),
            Error::CborLdCannotEncode(m) => write!(f, "CBOR-LD cannot encode this document: {m}"),
            Error::BundleUnsigned => write!(f, "the trust bundle is not signed"),
            Error::BundleUnknownAnchor(k) => write!(
                f,
                "the trust bundle is signed by {k}, which is not a configured trust anchor"
            ),
            Error::BundleMalformed(m) => write!(f, "malformed trust bundle: {m}"),
            Error::BundleRollback { loaded, offered } => write!(
                f,
                "trust bundle version {offered} is older than version {loaded} already loaded (rollback refused)"
            ),
            Error::SdJwtMalformed(m) => write!(f, "malformed SD-JWT: {m}"),
            Error::SdJwtUnsupportedAlgorithm(a) => write!(
                f,
                "unsupported SD-JWT algorithm \"{a}\" (ES256, ES384 and EdDSA signatures, sha-256, sha-384 and sha-512 digests are supported)"
            ),
            Error::DisclosureInvalid(m) => write!(f, "a disclosure is not acceptable: {m}"),
            Error::DisclosureNotReferenced(d) => write!(
                f,
                "a disclosure (digest {d}) is not referenced by the credential: it belongs to another credential or was altered"
            ),
            Error::DisclosureDigestDuplicate(d) => write!(
                f,
                "the digest {d} appears more than once in the SD-JWT"
            ),
            Error::KeyBindingMissing => write!(
                f,
                "the presentation has no key binding JWT, and one is required"
            ),
            Error::KeyBindingInvalid(m) => write!(f, "invalid key binding JWT: {m}"),
            Error::KeyBindingMismatch {
                claim,
                expected,
                found,
            } => write!(
                f,
                "the key binding JWT was made for another {claim}: expected \"{expected}\", found \"{found}\""
            ),
            Error::KeyBindingStale { age, max } => write!(
                f,
                "the key binding JWT was made {age} seconds ago; at most {max} seconds are accepted"
            ),
            Error::SdJwtExpired { date } => write!(f, "the SD-JWT expired at {date}"),
            Error::SdJwtNotYetValid { date } => write!(f, "the SD-JWT is not valid before {date}"),
            Error::StatusListInvalid(m) => write!(f, "invalid status list token: {m}"),
            Error::VcJwtMalformed(m) => write!(f, "malformed vc+jwt credential: {m}"),
            Error::UnsupportedKeyAlgorithm(a) => write!(
                f,
                "{a} signatures cannot be checked here: this verifier build leaves them to the platform's crypto (WebCrypto, through verifyAsync), which is missing or was not used"
            ),
            Error::FormatInvalidBase45(m) => write!(f, "the QR text is not valid Base45: {m}"),
            Error::FormatDecompress(m) => write!(f, "the compressed payload cannot be decompressed: {m}"),
            Error::FormatTooLarge { max } => write!(f, "the credential is larger than {max} bytes (text or decompressed)"),
            Error::CoseMalformed(m) => write!(f, "not a well-formed COSE message: {m}"),
            Error::CoseUnsupportedAlgorithm(a) => write!(f, "signature algorithm {a} is not supported for this format"),
            Error::Claim169Missing => write!(f, "the CWT has no identity claim (169)"),
            Error::Claim169Encrypted => write!(f, "the identity QR code is encrypted and this verifier has no key to decrypt it"),
            Error::DccUnsupportedPrefix(p) => write!(f, "health certificate context {p} is not supported (only HC1:)"),
            Error::DccMalformed(m) => write!(f, "malformed health certificate payload: {m}"),
            Error::DccSignerNotPermitted(m) => write!(f, "the document signer may not sign this certificate: {m}"),
            Error::ShcMalformed(m) => write!(f, "malformed SMART Health Card: {m}"),
        }
    }
}

impl std::error::Error for Error {}

/// Result alias for this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

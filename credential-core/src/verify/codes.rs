//! The stable codes of checks and verdicts: one Rust enum each, serialised to the same snake_case
//! strings on every wire (`laissez verify --json`, the WASM package, the kiosk, bundle files).
//!
//! The TypeScript union of the WASM package and the kiosk's list of check names are generated
//! from [`CheckCode::ALL`] and [`Verdict::ALL`]; a test fails when they drift.

use serde::{Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Declares a fieldless enum with its stable string codes, `ALL`, `as_str`, `Display`, `FromStr`
/// and `Serialize` (as the string).
macro_rules! stable_codes {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The stable snake_case code.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownCode;

            fn from_str(s: &str) -> Result<Self, UnknownCode> {
                match s {
                    $($code => Ok($name::$variant),)+
                    _ => Err(UnknownCode(s.to_owned())),
                }
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

/// A string that is not one of the stable codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode(pub String);

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown code {:?}", self.0)
    }
}

impl std::error::Error for UnknownCode {}

stable_codes! {
    /// What a check examined. Each check of a report carries one.
    CheckCode {
        /// The input is bounded, well-formed JSON (or a well-formed envelope).
        WellFormed = "well_formed",
        /// The document conforms to the VC data model.
        DataModel = "data_model",
        /// The credential conforms to its Laissez profile's JSON Schema.
        SchemaValid = "schema_valid",
        /// At least one usable proof is present.
        ProofPresent = "proof_present",
        /// Every proof verifies.
        SignatureValid = "signature_valid",
        /// The key that signed belongs to the issuer.
        IssuerKeyBinding = "issuer_key_binding",
        /// Every `previousProof` of a proof chain is present and verified.
        ProofChain = "proof_chain",
        /// The holder signed the presentation.
        HolderBinding = "holder_binding",
        /// The start of validity has passed.
        ValidFrom = "valid_from",
        /// The end of validity has not passed.
        ValidUntil = "valid_until",
        /// The trust bundle recognises the issuer and the signing key.
        IssuerTrusted = "issuer_trusted",
        /// The trust bundle authorises the issuer for the credential's types.
        IssuerAuthorisedForType = "issuer_authorised_for_type",
        /// The trust bundle is not past its next update.
        TrustDataFresh = "trust_data_fresh",
        /// No trust bundle was loaded: the issuer was not checked (warning).
        TrustNotEvaluated = "trust_not_evaluated",
        /// The revocation status list says the credential is not revoked.
        RevocationStatus = "revocation_status",
        /// The suspension status list says the credential is not suspended.
        SuspensionStatus = "suspension_status",
        /// A status entry could not be checked (warning).
        StatusUnknown = "status_unknown",
        /// The `credentialStatus` entries are well-formed.
        CredentialStatus = "credential_status",
    }
}

stable_codes! {
    /// The overall verdict of a report.
    Verdict {
        /// Every check passed, the issuer included (warnings allowed).
        Valid = "valid",
        /// Every check passed, but no trust bundle was loaded: the signature is good, yet nobody
        /// said whether its issuer is an authority. Anyone can make such a credential; a kiosk
        /// shows it amber, never green.
        IssuerNotChecked = "issuer_not_checked",
        /// Malformed, tampered, or a signature that does not verify.
        Invalid = "invalid",
        /// Past `validUntil` / `expirationDate`.
        Expired = "expired",
        /// Before `validFrom`.
        NotYetValid = "not_yet_valid",
        /// The signature is good, but the key that made it is not the issuer's (or, with a trust
        /// bundle, the issuer is not recognised for this credential).
        Untrusted = "untrusted",
        /// The issuer revoked the credential (its status list says so).
        Revoked = "revoked",
        /// The issuer suspended the credential.
        Suspended = "suspended",
    }
}

impl Verdict {
    /// Stable snake_case code (the same as [`Verdict::as_str`]).
    pub fn code(self) -> &'static str {
        self.as_str()
    }

    /// How bad the verdict is, for combining several (a presentation takes the worst of its
    /// credentials): `valid` 0, `issuer_not_checked` 1, up to `invalid`.
    pub const fn severity(self) -> u8 {
        match self {
            Verdict::Valid => 0,
            Verdict::IssuerNotChecked => 1,
            Verdict::NotYetValid => 2,
            Verdict::Expired => 3,
            Verdict::Untrusted => 4,
            Verdict::Suspended => 5,
            Verdict::Revoked => 6,
            Verdict::Invalid => 7,
        }
    }
}

impl CheckCode {
    /// Whether a failure of this check makes the credential `invalid` (integrity, format,
    /// signature). The others decide `revoked`, `suspended`, `untrusted`, `expired` or
    /// `not_yet_valid`. Exhaustive: a new code must be placed.
    pub const fn failure_is_invalid(self) -> bool {
        match self {
            CheckCode::WellFormed
            | CheckCode::DataModel
            | CheckCode::SchemaValid
            | CheckCode::ProofPresent
            | CheckCode::SignatureValid
            | CheckCode::ProofChain
            | CheckCode::HolderBinding
            | CheckCode::TrustDataFresh
            | CheckCode::TrustNotEvaluated
            | CheckCode::StatusUnknown
            | CheckCode::CredentialStatus => true,
            CheckCode::IssuerKeyBinding
            | CheckCode::ValidFrom
            | CheckCode::ValidUntil
            | CheckCode::IssuerTrusted
            | CheckCode::IssuerAuthorisedForType
            | CheckCode::RevocationStatus
            | CheckCode::SuspensionStatus => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for c in CheckCode::ALL {
            assert_eq!(c.as_str().parse::<CheckCode>(), Ok(*c));
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
            assert!(seen.insert(c.as_str()));
        }
        for v in Verdict::ALL {
            assert_eq!(v.to_string().parse::<Verdict>(), Ok(*v));
        }
        assert!("signature".parse::<CheckCode>().is_err());
    }
}

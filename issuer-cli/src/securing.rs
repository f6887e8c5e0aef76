//! How `laissez issue` secures a credential: a Data Integrity suite, `ecdsa-sd-2023` (selective
//! disclosure with Data Integrity), `vc+jwt` (VC-JOSE-COSE) or SD-JWT VC. `--securing` names
//! any of them; `--suite` (the older option) names a Data Integrity suite only, and the two
//! options exclude each other.

use crate::error::{CliError, CliResult};
use credential_core::keys::Algorithm;
use credential_core::message;
use credential_core::suites::Cryptosuite;

/// A securing mechanism.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Securing {
    /// An embedded Data Integrity proof by one of the four suites.
    DataIntegrity(Cryptosuite),
    /// An `ecdsa-sd-2023` base proof, from which the holder derives what it shows.
    EcdsaSd,
    /// The credential as the payload of a JWS with `typ` `vc+jwt`.
    VcJwt,
    /// An SD-JWT VC (`typ` `dc+sd-jwt`) bound to the holder's key.
    SdJwt,
}

/// The `--securing` names besides the Data Integrity suites'.
const ECDSA_SD: &str = "ecdsa-sd-2023";
const VC_JWT: &str = "vc+jwt";
const SD_JWT: &str = "sd-jwt";

impl Securing {
    /// The mechanism from `--securing`, else `--suite`, else the home's default suite.
    pub fn choose(
        securing: Option<&str>,
        suite: Option<&str>,
        default_suite: &str,
    ) -> CliResult<Securing> {
        match (securing, suite) {
            (Some(name), _) => Self::parse(name),
            (None, Some(name)) => Self::suite(name),
            (None, None) => Self::suite(default_suite),
        }
    }

    /// Parses a `--securing` value.
    fn parse(name: &str) -> CliResult<Securing> {
        match name {
            ECDSA_SD => Ok(Securing::EcdsaSd),
            VC_JWT => Ok(Securing::VcJwt),
            SD_JWT => Ok(Securing::SdJwt),
            _ => Cryptosuite::from_name(name)
                .map(Securing::DataIntegrity)
                .map_err(|_| CliError::Input {
                    message: message!("issue_unknown_securing", securing = name),
                    hint: Some(message!("issue_securing_hint", names = Self::names())),
                }),
        }
    }

    /// Parses a `--suite` value (a Data Integrity suite).
    fn suite(name: &str) -> CliResult<Securing> {
        Cryptosuite::from_name(name)
            .map(Securing::DataIntegrity)
            .map_err(|_| CliError::Input {
                message: message!("issue_unknown_suite", suite = name),
                hint: Some(message!(
                    "issue_suite_hint",
                    suites = Cryptosuite::ALL.map(|s| s.name()).join(", ")
                )),
            })
    }

    /// Every `--securing` name, comma-separated.
    fn names() -> String {
        let mut names: Vec<&str> = Cryptosuite::ALL.iter().map(|s| s.name()).collect();
        names.extend([ECDSA_SD, VC_JWT, SD_JWT]);
        names.join(", ")
    }

    /// Its name, as `--securing` takes it and the registry records it.
    pub fn name(self) -> &'static str {
        match self {
            Securing::DataIntegrity(s) => s.name(),
            Securing::EcdsaSd => ECDSA_SD,
            Securing::VcJwt => VC_JWT,
            Securing::SdJwt => SD_JWT,
        }
    }

    /// Whether the holder chooses what to show (`ecdsa-sd-2023`, SD-JWT VC): those need a
    /// profile, whose disclosure rules say what is mandatory and what selective.
    pub fn is_selective(self) -> bool {
        matches!(self, Securing::EcdsaSd | Securing::SdJwt)
    }

    /// The extension of an issued credential's file: `json` for Data Integrity, `jwt` for
    /// `vc+jwt`, `sd-jwt` for an SD-JWT VC.
    pub fn extension(self) -> &'static str {
        match self {
            Securing::DataIntegrity(_) | Securing::EcdsaSd => "json",
            Securing::VcJwt => "jwt",
            Securing::SdJwt => "sd-jwt",
        }
    }

    /// Whether credentials secured by the mechanism the registry records as `name` are compact
    /// JWT text (`vc+jwt`, SD-JWT VC) rather than JSON.
    pub fn is_jwt_text(name: &str) -> bool {
        name == VC_JWT || name == SD_JWT
    }

    /// Checks that key `key` (of `alg`) can sign with this mechanism: a suite's algorithm;
    /// P-256 for `ecdsa-sd-2023`; Ed25519, P-256 or P-384 for the JWT forms.
    pub fn check_key(self, key: &str, alg: Algorithm) -> CliResult<()> {
        match self {
            Securing::DataIntegrity(suite) => suite.check_algorithm(alg).map_err(|_| {
                CliError::input(message!(
                    "issue_key_suite_mismatch",
                    key = key,
                    algorithm = alg.name(),
                    suite = suite.name(),
                    needed = suite.default_algorithm().name()
                ))
            }),
            Securing::EcdsaSd if alg != Algorithm::P256 => Err(CliError::Input {
                message: message!(
                    "issue_ecdsa_sd_needs_p256",
                    key = key,
                    algorithm = alg.name()
                ),
                hint: Some(message!("hint_issue_p256_key")),
            }),
            _ => Ok(()),
        }
    }

    /// The suite the core issuer is built with: the chosen one for Data Integrity; for the other
    /// mechanisms, which the CLI signs itself, any suite the key's algorithm suits (the core
    /// issuer then only builds and checks the credential).
    pub fn builder_suite(self, alg: Algorithm) -> Cryptosuite {
        match self {
            Securing::DataIntegrity(suite) => suite,
            _ if alg == Algorithm::Ed25519 => Cryptosuite::EddsaRdfc2022,
            _ => Cryptosuite::EcdsaRdfc2019,
        }
    }
}

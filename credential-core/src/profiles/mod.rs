//! Credential profiles: legal identity, health (vaccination, assessment) and travel eligibility.
//! Each is defined in `specs/profiles/<name>/` (JSON Schema 2020-12, display labels, selectively
//! disclosable claims) with its JSON-LD context in `specs/contexts/`, embedded here at build time.

mod age;
mod disclosure;
mod pattern;
mod schema;

pub use age::{age_over, AgeClaims};
pub use disclosure::{ClaimPath, Disclosure, Preset};

use crate::error::{Error, Result};
use schema::Schema;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Embedded profile files: (profile.json, schema.json), as `build.rs` writes them (without
/// whitespace, and the schemas without their `description` annotations).
const BUNDLED: &[(&str, &str)] = &[
    (
        include_str!(concat!(env!("OUT_DIR"), "/legal-identity/profile.json")),
        include_str!(concat!(env!("OUT_DIR"), "/legal-identity/schema.json")),
    ),
    (
        include_str!(concat!(env!("OUT_DIR"), "/health-vaccination/profile.json")),
        include_str!(concat!(env!("OUT_DIR"), "/health-vaccination/schema.json")),
    ),
    (
        include_str!(concat!(env!("OUT_DIR"), "/health-assessment/profile.json")),
        include_str!(concat!(env!("OUT_DIR"), "/health-assessment/schema.json")),
    ),
    (
        include_str!(concat!(env!("OUT_DIR"), "/travel-eligibility/profile.json")),
        include_str!(concat!(env!("OUT_DIR"), "/travel-eligibility/schema.json")),
    ),
];

/// Labels per language (`en`, `fr`, `es`, `ar`).
pub type Labels = BTreeMap<String, String>;

struct ProfileFile {
    name: String,
    title: Labels,
    types: Vec<String>,
    context: String,
    schema: String,
    vct: String,
    primary_fields: Vec<String>,
    labels: BTreeMap<String, Labels>,
    age_claims: Option<AgeClaims>,
    portrait_context: Option<String>,
}

impl ProfileFile {
    /// Reads `profile.json` (bundled, so checked by the tests rather than reported).
    fn parse(v: &Value) -> Option<ProfileFile> {
        let text = |key: &str| v.get(key)?.as_str().map(str::to_owned);
        let list = |key: &str| -> Option<Vec<String>> {
            v.get(key)?
                .as_array()?
                .iter()
                .map(|s| s.as_str().map(str::to_owned))
                .collect()
        };
        // Maps are filled by `insert`, not collected: collecting into a `BTreeMap` sorts with the
        // standard library's sort, one more instance of it in the WASM verifier (crate::sort).
        let labels = |v: &Value| -> Option<Labels> {
            let mut out = Labels::new();
            for (k, l) in v.as_object()? {
                out.insert(k.clone(), l.as_str()?.to_owned());
            }
            Some(out)
        };
        let mut field_labels = BTreeMap::new();
        for (field, l) in v.get("labels")?.as_object()? {
            field_labels.insert(field.clone(), labels(l)?);
        }
        Some(ProfileFile {
            name: text("name")?,
            title: labels(v.get("title")?)?,
            types: list("types")?,
            context: text("context")?,
            schema: text("schema")?,
            vct: text("vct")?,
            primary_fields: list("primaryFields")?,
            labels: field_labels,
            age_claims: match v.get("ageClaims") {
                Some(a) => Some(AgeClaims::parse(a)?),
                None => None,
            },
            portrait_context: match v.get("portrait") {
                Some(p) => Some(p.get("context")?.as_str()?.to_owned()),
                None => None,
            },
        })
    }
}

/// One schema violation: where (JSON pointer into the credential) and which rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaViolation {
    /// JSON pointer of the offending value (e.g. `/credentialSubject/nationality`).
    pub pointer: String,
    /// The rule broken, in English.
    pub message: String,
}

impl std::fmt::Display for SchemaViolation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = if self.pointer.is_empty() {
            "/"
        } else {
            &self.pointer
        };
        write!(f, "{at}: {}", self.message)
    }
}

/// A credential profile.
pub struct Profile {
    file: ProfileFile,
    schema: Schema,
    /// The schema's JSON text, for the variant below.
    schema_text: &'static str,
    /// The schema with every subject claim optional, for selectively disclosed credentials:
    /// compiled on first use, so a verifier that never sees one does no work for it at start-up.
    disclosed: OnceLock<Option<Schema>>,
}

impl Profile {
    /// Short name (`legal-identity`, `health-vaccination`, …).
    pub fn name(&self) -> &str {
        &self.file.name
    }

    /// Title in `lang` (falls back to English).
    pub fn title(&self, lang: &str) -> &str {
        pick(&self.file.title, lang)
    }

    /// The credential `type` values, `VerifiableCredential` first.
    pub fn types(&self) -> &[String] {
        &self.file.types
    }

    /// URL of the profile's JSON-LD context.
    pub fn context_url(&self) -> &str {
        &self.file.context
    }

    /// URL identifying the profile's JSON Schema (the `credentialSchema` id).
    pub fn schema_url(&self) -> &str {
        &self.file.schema
    }

    /// The SD-JWT VC type (`vct`) of this profile's credentials in SD-JWT VC form.
    pub fn vct(&self) -> &str {
        &self.file.vct
    }

    /// The age claims its issuer computes from the birth date (`ageOver18`, …), if any.
    pub fn age_claims(&self) -> Option<&AgeClaims> {
        self.file.age_claims.as_ref()
    }

    /// The context that defines the `portrait` claim (decision 0023), when the profile allows
    /// one: listed last by credentials that carry a portrait.
    pub fn portrait_context(&self) -> Option<&str> {
        self.file.portrait_context.as_deref()
    }

    /// Fields a verifier shows first (dotted paths under `credentialSubject`).
    pub fn primary_fields(&self) -> &[String] {
        &self.file.primary_fields
    }

    /// What a holder may disclose of this profile's credentials, and its presets
    /// (`specs/profiles/<name>/disclosure.json`; parsed on each call: holders and issuers need
    /// it, a verifier does not carry it).
    pub fn disclosure(&self) -> Result<Disclosure> {
        let text = match self.name() {
            "legal-identity" => {
                include_str!("../../../specs/profiles/legal-identity/disclosure.json")
            }
            "health-vaccination" => {
                include_str!("../../../specs/profiles/health-vaccination/disclosure.json")
            }
            "health-assessment" => {
                include_str!("../../../specs/profiles/health-assessment/disclosure.json")
            }
            "travel-eligibility" => {
                include_str!("../../../specs/profiles/travel-eligibility/disclosure.json")
            }
            other => return Err(Error::UnknownProfile(other.to_owned())),
        };
        Disclosure::parse(text)
    }

    /// Every labelled field (dotted paths under `credentialSubject`).
    pub fn fields(&self) -> impl Iterator<Item = &str> {
        self.file.labels.keys().map(String::as_str)
    }

    /// The label of `field` in `lang` (falls back to English, then the field name).
    pub fn label<'a>(&'a self, field: &'a str, lang: &str) -> &'a str {
        self.file
            .labels
            .get(field)
            .map(|l| pick(l, lang))
            .unwrap_or(field)
    }

    /// Validates a whole credential against the profile's schema.
    pub fn validate(&self, credential: &Value) -> std::result::Result<(), Vec<SchemaViolation>> {
        let errors = self.schema.violations(credential);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Validates and turns the first violation into a `schema_invalid` error.
    pub fn check(&self, credential: &Value) -> Result<()> {
        first_violation(self.validate(credential))
    }

    /// As [`Profile::check`], for a credential whose subject claims were selectively disclosed
    /// (a derived `ecdsa-sd-2023` proof): a claim may be absent, but every claim present must
    /// conform, and the credential's own required members (issuer, validity, schema, subject)
    /// are still required.
    pub fn check_disclosed(&self, credential: &Value) -> Result<()> {
        let disclosed = self.disclosed.get_or_init(|| {
            let mut schema: Value = serde_json::from_str(self.schema_text).ok()?;
            schema::disclosed_claims_optional(&mut schema);
            Schema::compile(&schema).ok()
        });
        // The bundled schemas compile (tested, with and without the subject's relations).
        let Some(disclosed) = disclosed else {
            return Err(Error::SchemaInvalid(
                "the profile schema does not compile".into(),
            ));
        };
        let errors = disclosed.violations(credential);
        first_violation(if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        })
    }
}

/// The first violation as a `schema_invalid` error (with how many more there are).
fn first_violation(result: std::result::Result<(), Vec<SchemaViolation>>) -> Result<()> {
    result.map_err(|v| {
        let more = if v.len() > 1 {
            format!(" (and {} more)", v.len() - 1)
        } else {
            String::new()
        };
        Error::SchemaInvalid(format!("{}{more}", v[0]))
    })
}

fn pick<'a>(labels: &'a Labels, lang: &str) -> &'a str {
    labels
        .get(lang)
        .or_else(|| labels.get("en"))
        .map(String::as_str)
        .unwrap_or("")
}

/// The bundled profiles, with compiled schemas. Build once and keep.
pub struct Profiles {
    all: Vec<Profile>,
}

impl Profiles {
    /// The four bundled profiles.
    pub fn bundled() -> Self {
        let all = BUNDLED
            .iter()
            .filter_map(|(profile, schema)| {
                let file = ProfileFile::parse(&serde_json::from_str(profile).ok()?)?;
                let schema_text: &'static str = schema;
                let schema: Value = serde_json::from_str(schema_text).ok()?;
                let schema = Schema::compile(&schema).ok()?;
                Some(Profile {
                    file,
                    schema,
                    schema_text,
                    disclosed: OnceLock::new(),
                })
            })
            .collect();
        Profiles { all }
    }

    /// Every profile.
    pub fn all(&self) -> &[Profile] {
        &self.all
    }

    /// The profile called `name`.
    pub fn get(&self, name: &str) -> Option<&Profile> {
        self.all.iter().find(|p| p.name() == name)
    }

    /// The profile whose SD-JWT VC type is `vct`.
    pub fn by_vct(&self, vct: &str) -> Option<&Profile> {
        self.all.iter().find(|p| p.vct() == vct)
    }
}

impl Default for Profiles {
    fn default() -> Self {
        Self::bundled()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_schema_compiles() {
        for (_, schema) in BUNDLED {
            let mut doc: Value = serde_json::from_str(schema).unwrap();
            Schema::compile(&doc).unwrap();
            schema::disclosed_claims_optional(&mut doc);
            Schema::compile(&doc).unwrap();
        }
    }

    #[test]
    fn every_profile_loads_with_labels_in_four_languages() {
        let p = Profiles::bundled();
        assert_eq!(p.all().len(), BUNDLED.len());
        for profile in p.all() {
            for field in profile.fields() {
                for lang in ["en", "fr", "es", "ar"] {
                    assert!(
                        profile.file.labels[field].contains_key(lang),
                        "{} {field} {lang}",
                        profile.name()
                    );
                }
            }
            for f in profile.primary_fields() {
                assert!(
                    profile.file.labels.contains_key(f),
                    "{} primary {f}",
                    profile.name()
                );
            }
        }
    }
}

//! The context store: JSON-LD contexts known by URL, each pinned by the SHA-256 of its bytes.

use super::cache::ContextCache;
use crate::error::{Error, Result};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Arc;

/// URL of the VC Data Model 2.0 base context.
pub const CONTEXT_V2: &str = "https://www.w3.org/ns/credentials/v2";
/// URL of the VC Data Model 1.1 base context.
pub const CONTEXT_V1: &str = "https://www.w3.org/2018/credentials/v1";
/// URL of the VC 2.0 "undefined terms" context (maps every term to a relative IRI under `urn:`).
pub const UNDEFINED_TERMS_V2: &str = "https://www.w3.org/ns/credentials/undefined-terms/v2";
/// URL of the Data Integrity v2 context.
pub const DATA_INTEGRITY_V2: &str = "https://w3id.org/security/data-integrity/v2";
/// URL of the Multikey v1 context.
pub const MULTIKEY_V1: &str = "https://w3id.org/security/multikey/v1";

/// A bundled context: URL, SHA-256 of the file (hex), the file.
struct Bundled {
    url: &'static str,
    sha256: &'static str,
    text: &'static str,
}

/// The contexts shipped in the binary. The W3C files come from the npm packages named in
/// `scripts/update-contexts.sh`; the digests are those the script prints (credentials v2 was checked
/// there against W3C's published file, SHA-256 59955ced…, by parsed JSON). The Laissez profile
/// contexts are ours (`specs/contexts/`).
const BUNDLED: &[Bundled] = &[
    Bundled {
        url: CONTEXT_V2,
        sha256: "8a9f494a89ecc51db093e90e84713e07e84d6d9204364a9b3c7868b21751236f",
        text: include_str!("../../contexts/credentials-v2.jsonld"),
    },
    Bundled {
        url: CONTEXT_V1,
        sha256: "00d7dd6d3ad8b920e3e550dd3a3d9090bffcac84cdbf943da6924b3e0a5c8bb8",
        text: include_str!("../../contexts/credentials-v1.jsonld"),
    },
    Bundled {
        url: UNDEFINED_TERMS_V2,
        sha256: "82dab514ba44eb18f5d1b0f638c5e140c6a556fbfb5089601bdc0fa5eb8b2581",
        text: include_str!("../../contexts/undefined-terms-v2.jsonld"),
    },
    Bundled {
        url: DATA_INTEGRITY_V2,
        sha256: "0f77743daf5b4e8fc067fc5ba5b21044283053aa717fc6b0219843bed3b00363",
        text: include_str!("../../contexts/data-integrity-v2.jsonld"),
    },
    Bundled {
        url: MULTIKEY_V1,
        sha256: "c5f3806f8286920573221938917988a18a4cc5a09e968d29649613c7a1c2b1f6",
        text: include_str!("../../contexts/multikey-v1.jsonld"),
    },
    Bundled {
        url: LEGAL_IDENTITY_V1,
        sha256: "02d1683c8396c118bbb2690c09164bd0336c5eed883380c898b004dc7fb5adb3",
        text: include_str!("../../../specs/contexts/legal-identity-v1.jsonld"),
    },
    Bundled {
        url: AGE_V1,
        sha256: "f33946be10a25fdc4f5684e0a0c9995d74859c8871cba0446d23e67b18080feb",
        text: include_str!("../../../specs/contexts/age-v1.jsonld"),
    },
    Bundled {
        url: PORTRAIT_V1,
        sha256: "8a8a2509711287f980818a5ced85c6ec854d4307509c9dfa4b8ca1146d123b25",
        text: include_str!("../../../specs/contexts/portrait-v1.jsonld"),
    },
    Bundled {
        url: HEALTH_V1,
        sha256: "ae3b408de879411fa0b94f1b514616dd23c650314654f9a1486a43a9a3b6b440",
        text: include_str!("../../../specs/contexts/health-v1.jsonld"),
    },
    Bundled {
        url: TRAVEL_V1,
        sha256: "a90209b9b7d67988e7b0eedacdc1dab9d06b595ec064bde0aa63ade6976c4eec",
        text: include_str!("../../../specs/contexts/travel-v1.jsonld"),
    },
];

/// URL of the Laissez legal-identity profile context (`specs/contexts/legal-identity-v1.jsonld`).
pub const LEGAL_IDENTITY_V1: &str = "https://w3id.org/laissez/legal-identity/v1";
/// URL of the Laissez age claims context (`specs/contexts/age-v1.jsonld`: `ageOver18`,
/// `ageOver65`), listed after the legal-identity context by credentials that carry them.
pub const AGE_V1: &str = "https://w3id.org/laissez/age/v1";
/// URL of the Laissez portrait context (`specs/contexts/portrait-v1.jsonld`: `portrait`, a
/// `data:` URL typed `@id`), listed last by credentials that carry a portrait (decision 0023).
pub const PORTRAIT_V1: &str = "https://w3id.org/laissez/portrait/v1";
/// URL of the Laissez health profiles context (`specs/contexts/health-v1.jsonld`).
pub const HEALTH_V1: &str = "https://w3id.org/laissez/health/v1";
/// URL of the Laissez travel-eligibility profile context (`specs/contexts/travel-v1.jsonld`).
pub const TRAVEL_V1: &str = "https://w3id.org/laissez/travel/v1";

/// Maximum size of one context document.
const MAX_CONTEXT_BYTES: usize = 256 * 1024;

/// Contexts available offline, by URL, and the contexts processed from them (kept for later
/// documents; see [`crate::jsonld::JsonLdProcessor`]). Cloning is cheap (shared documents); a
/// clone starts with no processed contexts.
#[derive(Clone)]
pub struct ContextStore {
    json: HashMap<String, Arc<serde_json::Value>>,
    /// Contexts processed from these documents, for JSON-LD expansion and CBOR-LD.
    processed: ContextCache,
}

impl ContextStore {
    /// A store holding the bundled contexts only (VC v2 and v1, undefined terms v2, Data
    /// Integrity v2, Multikey v1).
    pub fn bundled() -> Self {
        let mut store = ContextStore {
            json: HashMap::new(),
            processed: ContextCache::default(),
        };
        for b in BUNDLED {
            // The bundled files are checked by the `bundled_pins_match` test; parsing them cannot
            // fail for the shipped bytes.
            if let Ok(doc) = parse_context(b.text) {
                store.insert(b.url, doc);
            }
        }
        store
    }

    /// Adds a context after checking that the SHA-256 of `text` equals `sha256_hex`.
    pub fn add_pinned(&mut self, url: &str, text: &str, sha256_hex: &str) -> Result<()> {
        let got = hex_sha256(text.as_bytes());
        if !got.eq_ignore_ascii_case(sha256_hex) {
            return Err(Error::InvalidContext(format!(
                "context {url} has SHA-256 {got}, pinned {sha256_hex}"
            )));
        }
        self.add_trusted(url, text)
    }

    /// Adds a context the caller has already authenticated (for example a test fixture).
    pub fn add_trusted(&mut self, url: &str, text: &str) -> Result<()> {
        if text.len() > MAX_CONTEXT_BYTES {
            return Err(Error::InputTooLarge {
                size: text.len(),
                max: MAX_CONTEXT_BYTES,
            });
        }
        let doc = parse_context(text)?;
        self.insert(url, doc);
        Ok(())
    }

    /// Adds or replaces a document, forgetting the contexts processed so far (they may depend
    /// on the document replaced).
    fn insert(&mut self, url: &str, doc: serde_json::Value) {
        self.json.insert(url.to_owned(), Arc::new(doc));
        self.processed = ContextCache::default();
    }

    /// The context document for `url` as a `serde_json` value, or `unknown_context`.
    pub fn get_json(&self, url: &str) -> Result<Arc<serde_json::Value>> {
        self.json
            .get(url)
            .cloned()
            .ok_or_else(|| Error::UnknownContext(url.to_owned()))
    }

    /// Whether `url` is known.
    pub fn contains(&self, url: &str) -> bool {
        self.json.contains_key(url)
    }

    /// The bundled contexts and their pinned SHA-256 digests (hex), for display and audits.
    pub fn bundled_pins() -> impl Iterator<Item = (&'static str, &'static str)> {
        BUNDLED.iter().map(|b| (b.url, b.sha256))
    }

    /// The URLs of every context in the store, sorted.
    pub fn urls(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.json.keys().map(String::as_str).collect();
        crate::sort::sort(&mut v);
        v
    }
}

impl ContextStore {
    /// The contexts processed from this store's documents.
    pub(super) fn processed(&self) -> &ContextCache {
        &self.processed
    }
}

impl Default for ContextStore {
    fn default() -> Self {
        Self::bundled()
    }
}

fn parse_context(text: &str) -> Result<serde_json::Value> {
    let value: serde_json::Value = crate::json::parse_bounded(
        text.as_bytes(),
        crate::json::JsonLimits {
            max_bytes: MAX_CONTEXT_BYTES,
            max_depth: 64,
            max_objects: 10_000,
            max_array_len: 100_000,
            max_values: 10_000_000,
        },
    )?;
    if value.get("@context").is_none() {
        return Err(Error::InvalidContext(
            "context document has no @context member".into(),
        ));
    }
    Ok(value)
}

/// Lower-case hex SHA-256.
pub(crate) fn hex_sha256(bytes: &[u8]) -> String {
    crate::codec::hex(&Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_pins_match() {
        for b in BUNDLED {
            assert_eq!(hex_sha256(b.text.as_bytes()), b.sha256, "{}", b.url);
        }
        let store = ContextStore::bundled();
        assert_eq!(store.urls().len(), BUNDLED.len());
    }

    #[test]
    fn pin_mismatch_and_unknown_url_are_errors() {
        let mut store = ContextStore::bundled();
        let err = store
            .add_pinned("https://example.org/c", r#"{"@context":{}}"#, "00")
            .unwrap_err();
        assert_eq!(err.code(), "invalid_context");
        assert_eq!(
            store.get_json("https://example.org/c").unwrap_err().code(),
            "unknown_context"
        );
    }
}

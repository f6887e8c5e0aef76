//! The Laissez CBOR-LD registry entry: the type tables both sides must share.
//!
//! Documented in `specs/qr-envelope.md` ("CBOR-LD registry entry"). Codes are never reused or
//! changed once published; a new table needs a new registry entry id.

use crate::jsonld::{
    AGE_V1, CONTEXT_V1, CONTEXT_V2, DATA_INTEGRITY_V2, HEALTH_V1, LEGAL_IDENTITY_V1, MULTIKEY_V1,
    TRAVEL_V1,
};

/// Registry entry id of the Laissez tables, in the CBOR-LD registry's first-come-first-served
/// range (65,536 and above; CBOR-LD 1.0 §"Registration"). Provisional until registered.
pub const LAISSEZ_REGISTRY_ENTRY: u64 = 0x1_4C5A;

/// Registry entry 0: no semantic compression (the payload is the JSON-LD document as CBOR).
pub const UNCOMPRESSED_REGISTRY_ENTRY: u64 = 0;

/// Registry entry 1: semantic compression with empty type tables (CBOR-LD 1.0 default).
pub const DEFAULT_REGISTRY_ENTRY: u64 = 1;

/// Type-table key of JSON-LD context URLs.
pub(super) const CONTEXT: &str = "context";
/// Type-table key of URL values (`@id`, `@type` and `@id`/`@vocab`-typed terms).
pub(super) const URL: &str = "url";
/// Type-table key of untyped values.
pub(super) const NONE: &str = "none";
/// The Data Integrity `cryptosuite` datatype.
pub(super) const CRYPTOSUITE: &str = "https://w3id.org/security#cryptosuiteString";
/// The multibase datatype (`proofValue`, `publicKeyMultibase`).
pub(super) const MULTIBASE: &str = "https://w3id.org/security#multibase";
/// `xsd:date`.
pub(super) const XSD_DATE: &str = "http://www.w3.org/2001/XMLSchema#date";
/// `xsd:dateTime`.
pub(super) const XSD_DATE_TIME: &str = "http://www.w3.org/2001/XMLSchema#dateTime";

/// Context codes. The W3C contexts keep the codes of the CBOR-LD registered string table
/// (`https://www.w3.org/ns/credentials/v2` = 33, Data Integrity v2 = 51, ...); the Laissez
/// profile contexts take 64-95, the range this registry entry reserves for them.
const CONTEXTS: &[(&str, u64)] = &[
    (CONTEXT_V1, 17),
    ("https://www.w3.org/ns/did/v1", 18),
    ("https://w3id.org/vc/status-list/v1", 32),
    (CONTEXT_V2, 33),
    ("https://w3id.org/security/data-integrity/v1", 48),
    (MULTIKEY_V1, 49),
    (DATA_INTEGRITY_V2, 51),
    (LEGAL_IDENTITY_V1, 64),
    (HEALTH_V1, 65),
    (TRAVEL_V1, 66),
    (AGE_V1, 67),
];

/// URL codes: the profiles' JSON Schemas, which every Laissez credential names.
const URLS: &[(&str, u64)] = &[
    ("https://w3id.org/laissez/schemas/legal-identity/v1.json", 1),
    (
        "https://w3id.org/laissez/schemas/health-vaccination/v1.json",
        2,
    ),
    (
        "https://w3id.org/laissez/schemas/health-assessment/v1.json",
        3,
    ),
    (
        "https://w3id.org/laissez/schemas/travel-eligibility/v1.json",
        4,
    ),
];

/// Cryptosuite codes: 1-4 as in the CBOR-LD registered cryptosuite table; 5 and 6 are assigned
/// by this registry entry.
const CRYPTOSUITES: &[(&str, u64)] = &[
    ("ecdsa-rdfc-2019", 1),
    ("ecdsa-sd-2023", 2),
    ("eddsa-rdfc-2022", 3),
    ("ecdsa-xi-2023", 4),
    ("eddsa-jcs-2022", 5),
    ("ecdsa-jcs-2019", 6),
];

/// The type tables of one registry entry: datatype -> (string value <-> code).
#[derive(Debug, Clone, Copy)]
pub struct TypeTable {
    tables: &'static [(&'static str, &'static [(&'static str, u64)])],
}

/// Laissez registry entry tables.
const LAISSEZ: TypeTable = TypeTable {
    tables: &[
        (CONTEXT, CONTEXTS),
        (URL, URLS),
        (CRYPTOSUITE, CRYPTOSUITES),
    ],
};

/// Registry entry 1: every table empty.
const EMPTY: TypeTable = TypeTable { tables: &[] };

impl TypeTable {
    /// The tables of `registry_entry`, if this implementation knows it.
    pub fn for_entry(registry_entry: u64) -> Option<TypeTable> {
        match registry_entry {
            LAISSEZ_REGISTRY_ENTRY => Some(LAISSEZ),
            DEFAULT_REGISTRY_ENTRY => Some(EMPTY),
            _ => None,
        }
    }

    /// Whether a table exists for `datatype`. `context`, `url` and `none` always exist (empty
    /// when the entry lists nothing), as CBOR-LD 1.0 requires.
    pub(super) fn has(&self, datatype: &str) -> bool {
        matches!(datatype, CONTEXT | URL | NONE) || self.entries(datatype).is_some()
    }

    fn entries(&self, datatype: &str) -> Option<&'static [(&'static str, u64)]> {
        self.tables
            .iter()
            .find(|(t, _)| *t == datatype)
            .map(|(_, e)| *e)
    }

    /// The code of `value` in the `datatype` table.
    pub(super) fn code(&self, datatype: &str, value: &str) -> Option<u64> {
        self.entries(datatype)?
            .iter()
            .find(|(v, _)| *v == value)
            .map(|(_, c)| *c)
    }

    /// The value of `code` in the `datatype` table.
    pub(super) fn value(&self, datatype: &str, code: u64) -> Option<&'static str> {
        self.entries(datatype)?
            .iter()
            .find(|(_, c)| *c == code)
            .map(|(v, _)| *v)
    }

    /// The tables as JSON (`{datatype: {value: code}}`), for documentation and for handing the
    /// same tables to other CBOR-LD implementations.
    pub fn to_json(&self) -> serde_json::Value {
        let mut out = serde_json::Map::new();
        for (datatype, entries) in self.tables {
            let table: serde_json::Map<String, serde_json::Value> = entries
                .iter()
                .map(|(v, c)| ((*v).to_owned(), (*c).into()))
                .collect();
            out.insert((*datatype).to_owned(), table.into());
        }
        out.into()
    }
}

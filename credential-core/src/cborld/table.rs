//! The Laissez CBOR-LD registry entry: the type tables both sides must share.
//!
//! Documented in `specs/qr-envelope.md` ("CBOR-LD registry entry"). Codes are never reused or
//! changed once published; a new table needs a new registry entry id.

use crate::jsonld::{
    AGE_V1, CONTEXT_V1, CONTEXT_V2, DATA_INTEGRITY_V2, HEALTH_V1, LEGAL_IDENTITY_V1, MULTIKEY_V1,
    PORTRAIT_V1, TRAVEL_V1,
};

/// Registry entry id of the Laissez tables, in the CBOR-LD registry's first-come-first-served
/// range (65,536 and above; CBOR-LD 1.0 §"Registration"). Provisional until registered.
pub const LAISSEZ_REGISTRY_ENTRY: u64 = 0x1_4C5A;

/// Registry entry id of the second Laissez tables: those of [`LAISSEZ_REGISTRY_ENTRY`] plus a
/// `none` table of the enumerated string values of the profiles and of status entries
/// (`specs/qr-envelope.md`, decision 0017). A new id rather than a change in place, so a reader
/// that knows only the first entry refuses these payloads instead of misreading them.
pub const LAISSEZ_REGISTRY_ENTRY_V2: u64 = 0x1_4C5B;

/// Registry entry id of the third Laissez tables: those of [`LAISSEZ_REGISTRY_ENTRY_V2`] plus
/// context code 68 for the portrait context (decision 0023). A new id rather than a change in
/// place: a reader that knows only the first two entries refuses these payloads.
pub const LAISSEZ_REGISTRY_ENTRY_V3: u64 = 0x1_4C5C;

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

/// Context codes of [`LAISSEZ_REGISTRY_ENTRY_V3`]: the first and second entries' and the portrait
/// context. Built at compile time: the same table in memory as if it were written out.
const CONTEXTS_V3: &[(&str, u64)] =
    &extended::<{ CONTEXTS.len() + 1 }>(CONTEXTS, &[(PORTRAIT_V1, 68)]);

/// The entries of `base` followed by `more`, as one table of `N` entries (`N` must be the sum of
/// their lengths: anything else fails to compile). A later registry entry's table that extends an
/// earlier one's keeps every code of it, in the same order.
const fn extended<const N: usize>(
    base: &[(&'static str, u64)],
    more: &[(&'static str, u64)],
) -> [(&'static str, u64); N] {
    assert!(base.len() + more.len() == N);
    let mut out = [("", 0); N];
    let mut i = 0;
    while i < base.len() {
        out[i] = base[i];
        i += 1;
    }
    while i < N {
        out[i] = more[i - base.len()];
        i += 1;
    }
    out
}

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

/// Codes of untyped string values (registry entry [`LAISSEZ_REGISTRY_ENTRY_V2`]): the values of
/// the enumerations in the profiles' JSON Schemas, Bitstring Status List purposes, ISO 15924
/// script codes (`nameScript`) of the scripts the profiles' people write their names in, and the
/// ICAO 9303 codes of stateless persons, refugees and unspecified nationality. Groups start on
/// round numbers so each can grow; codes up to 255 cost two bytes, as a one-byte byte string.
const VALUES: &[(&str, u64)] = &[
    // Bitstring Status List v1.0 §2.1 statusPurpose.
    ("revocation", 1),
    ("suspension", 2),
    ("refresh", 3),
    ("message", 4),
    // sex (ISO/IEC 5218 categories), every profile.
    ("female", 8),
    ("male", 9),
    ("not-known", 10),
    ("not-applicable", 11),
    // legal-identity birthDateCertainty.
    ("certain", 12),
    ("approximate", 13),
    ("declared", 14),
    ("unknown", 15),
    // ISO 15924 script codes.
    ("Arab", 16),
    ("Armn", 17),
    ("Beng", 18),
    ("Cyrl", 19),
    ("Deva", 20),
    ("Ethi", 21),
    ("Geor", 22),
    ("Grek", 23),
    ("Hang", 24),
    ("Hani", 25),
    ("Hans", 26),
    ("Hant", 27),
    ("Hebr", 28),
    ("Khmr", 29),
    ("Latn", 30),
    ("Mymr", 31),
    ("Sinh", 32),
    ("Taml", 33),
    ("Thai", 34),
    ("Tibt", 35),
    // health-assessment assessmentType, outcome, tbScreening.
    ("pre-departure", 40),
    ("pre-entry", 41),
    ("post-arrival", 42),
    ("fit-to-travel", 43),
    ("fit-to-travel-with-conditions", 44),
    ("not-fit-to-travel", 45),
    ("deferred", 46),
    ("negative", 47),
    ("positive-treated", 48),
    ("positive-under-treatment", 49),
    ("pending", 50),
    ("not-required", 51),
    // travel-eligibility authorizationType, purpose, numberOfEntries, holderBinding documentType.
    ("e-visa", 56),
    ("travel-authorization", 57),
    ("entry-permission", 58),
    ("exit-permission", 59),
    ("tourism", 60),
    ("business", 61),
    ("work", 62),
    ("study", 63),
    ("family-reunification", 64),
    ("humanitarian", 65),
    ("resettlement", 66),
    ("transit", 67),
    ("return", 68),
    ("other", 69),
    ("single", 70),
    ("double", 71),
    ("multiple", 72),
    ("passport", 73),
    ("national-identity-card", 74),
    ("refugee-travel-document", 75),
    ("stateless-travel-document", 76),
    ("laissez-passer", 77),
    ("emergency-travel-document", 78),
    ("identity-credential", 79),
    // ICAO 9303 Part 3: stateless, refugee (1951 Convention), refugee (other), unspecified.
    ("XXA", 80),
    ("XXB", 81),
    ("XXC", 82),
    ("XXX", 83),
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

/// Second Laissez registry entry tables: the first's, and untyped values.
const LAISSEZ_V2: TypeTable = TypeTable {
    tables: &[
        (CONTEXT, CONTEXTS),
        (URL, URLS),
        (CRYPTOSUITE, CRYPTOSUITES),
        (NONE, VALUES),
    ],
};

/// Third Laissez registry entry tables: the second's, with the portrait context's code.
const LAISSEZ_V3: TypeTable = TypeTable {
    tables: &[
        (CONTEXT, CONTEXTS_V3),
        (URL, URLS),
        (CRYPTOSUITE, CRYPTOSUITES),
        (NONE, VALUES),
    ],
};

/// Registry entry 1: every table empty.
const EMPTY: TypeTable = TypeTable { tables: &[] };

impl TypeTable {
    /// The tables of `registry_entry`, if this implementation knows it.
    pub fn for_entry(registry_entry: u64) -> Option<TypeTable> {
        match registry_entry {
            LAISSEZ_REGISTRY_ENTRY => Some(LAISSEZ),
            LAISSEZ_REGISTRY_ENTRY_V2 => Some(LAISSEZ_V2),
            LAISSEZ_REGISTRY_ENTRY_V3 => Some(LAISSEZ_V3),
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

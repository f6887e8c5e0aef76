//! CBOR-LD 1.0 (W3C JSON-LD Working Group draft): JSON-LD documents as compact CBOR, with
//! terms replaced by ids derived from their contexts and typed values (URLs, DIDs, multibase,
//! dates, table entries) as binary. Interoperable with Digital Bazaar's reference implementation
//! (`@digitalbazaar/cborld` 8), tested both ways in `credential-core/tests/cborld_interop.rs`.
//!
//! Wire format: `tag 51997 ([registryEntryId, payload])`. Entry 0 carries the document
//! uncompressed, entry 1 compresses with empty tables, and [`LAISSEZ_REGISTRY_ENTRY`] with the
//! Laissez tables (`specs/qr-envelope.md`). Contexts come from a [`ContextStore`]: nothing is
//! fetched, and a payload naming an unknown context fails with `unknown_context`.

mod convert;
mod scope;
mod table;
mod terms;
mod values;

pub use table::{
    TypeTable, DEFAULT_REGISTRY_ENTRY, LAISSEZ_REGISTRY_ENTRY, LAISSEZ_REGISTRY_ENTRY_V2,
    LAISSEZ_REGISTRY_ENTRY_V3, UNCOMPRESSED_REGISTRY_ENTRY,
};

use crate::error::{Error, Result};
use crate::jsonld::ContextStore;
use ciborium::Value as Cbor;
use scope::Scopes;
use serde_json::Value;
use std::cmp::Ordering;

/// The IANA CBOR tag of CBOR-LD (0xCB1D).
pub const TAG: u64 = 0xCB1D;

/// Encodes `document` (a JSON object) as CBOR-LD with a Laissez registry entry: the third
/// ([`LAISSEZ_REGISTRY_ENTRY_V3`]) when the document lists the portrait context, which only it
/// has a code for; otherwise the second ([`LAISSEZ_REGISTRY_ENTRY_V2`]) when its value codes
/// make the bytes shorter, else the first, which every Laissez reader knows.
pub fn encode(document: &Value, store: &ContextStore) -> Result<Vec<u8>> {
    if lists_portrait(document) {
        return encode_with(document, store, LAISSEZ_REGISTRY_ENTRY_V3);
    }
    let first = encode_with(document, store, LAISSEZ_REGISTRY_ENTRY)?;
    let second = encode_with(document, store, LAISSEZ_REGISTRY_ENTRY_V2)?;
    Ok(if second.len() < first.len() {
        second
    } else {
        first
    })
}

/// Whether `document`'s top-level `@context` lists the portrait context: the documents, and
/// the only ones, that [`LAISSEZ_REGISTRY_ENTRY_V3`] carries. Its tables extend the second
/// entry's, so without this rule a second-entry payload would decode to the same document under
/// either id, and a changed id would go unnoticed.
fn lists_portrait(document: &Value) -> bool {
    match document.get("@context") {
        Some(Value::Array(contexts)) => contexts
            .iter()
            .any(|c| c.as_str() == Some(crate::jsonld::PORTRAIT_V1)),
        Some(Value::String(c)) => c == crate::jsonld::PORTRAIT_V1,
        _ => false,
    }
}

/// The registry entry id of CBOR-LD `bytes` as [`encode_with`] writes it (a four-byte id), if
/// they start that way.
pub fn registry_entry(bytes: &[u8]) -> Option<u64> {
    match bytes {
        [0xD9, 0xCB, 0x1D, 0x82, 0x1A, a, b, c, d, ..] => {
            Some(u64::from(u32::from_be_bytes([*a, *b, *c, *d])))
        }
        [0xD9, 0xCB, 0x1D, 0x82, small @ 0..=0x17, ..] => Some(u64::from(*small)),
        _ => None,
    }
}

/// Encodes `document` with `registry_entry`: 0 (uncompressed), 1 (empty tables),
/// [`LAISSEZ_REGISTRY_ENTRY`], [`LAISSEZ_REGISTRY_ENTRY_V2`] or [`LAISSEZ_REGISTRY_ENTRY_V3`].
pub fn encode_with(document: &Value, store: &ContextStore, registry_entry: u64) -> Result<Vec<u8>> {
    let Value::Object(obj) = document else {
        return Err(Error::CborLdCannotEncode(
            "the document is not a JSON object".into(),
        ));
    };
    let payload = if registry_entry == UNCOMPRESSED_REGISTRY_ENTRY {
        values::plain_json_to_cbor(document)?
    } else {
        let table = TypeTable::for_entry(registry_entry)
            .ok_or(Error::CborLdUnknownRegistryEntry(registry_entry))?;
        let mut c = convert::Compressor {
            scopes: Scopes::new(store),
            table,
        };
        c.object(None, obj, 0)?
    };
    let tagged = Cbor::Tag(
        TAG,
        Box::new(Cbor::Array(vec![registry_entry.into(), payload])),
    );
    let mut out = Vec::new();
    ciborium::ser::into_writer(&tagged, &mut out)
        .map_err(|e| Error::CborLdCannotEncode(e.to_string()))?;
    Ok(out)
}

/// Whether `bytes` start like CBOR-LD 1.0 (tag 0xCB1D).
pub fn is_cborld(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD9, 0xCB, 0x1D])
}

/// Decodes CBOR-LD 1.0 bytes into the JSON-LD document, refusing CBOR nested deeper than
/// `max_depth`, trailing bytes, unknown registry entries, term ids and table codes.
pub fn decode(bytes: &[u8], store: &ContextStore, max_depth: usize) -> Result<Value> {
    let item = crate::codec::cbor::read(bytes, max_depth).map_err(|e| match e {
        crate::codec::cbor::ReadError::TooDeep => Error::EnvelopeTooDeep { max: max_depth },
        crate::codec::cbor::ReadError::Invalid(m) => Error::CborLdInvalid(m),
    })?;
    let Cbor::Tag(TAG, inner) = item else {
        return Err(Error::CborLdInvalid("not tagged 0xCB1D (51997)".into()));
    };
    let Cbor::Array(parts) = *inner else {
        return Err(Error::CborLdInvalid(
            "the tagged item is not an array".into(),
        ));
    };
    let [Cbor::Integer(entry), payload] = parts.as_slice() else {
        return Err(Error::CborLdInvalid(
            "the tagged array is not [registryEntryId, payload]".into(),
        ));
    };
    let entry = u64::try_from(*entry)
        .map_err(|_| Error::CborLdInvalid("negative registry entry id".into()))?;
    let document = if entry == UNCOMPRESSED_REGISTRY_ENTRY {
        values::plain_cbor_to_json(payload)?
    } else {
        let table = TypeTable::for_entry(entry).ok_or(Error::CborLdUnknownRegistryEntry(entry))?;
        let Cbor::Map(map) = payload else {
            return Err(Error::CborLdInvalid("the payload is not a map".into()));
        };
        let mut d = convert::Decompressor {
            scopes: Scopes::new(store),
            table,
            objects: 0,
        };
        Value::Object(d.object(None, map)?)
    };
    if !document.is_object() {
        return Err(Error::CborLdInvalid(
            "the document is not a JSON object".into(),
        ));
    }
    if entry == LAISSEZ_REGISTRY_ENTRY_V3 && !lists_portrait(&document) {
        return Err(Error::CborLdInvalid(
            "registry entry 85084 carries only documents with the portrait context".into(),
        ));
    }
    Ok(document)
}

/// Code-unit (UTF-16) order, as JavaScript's default sort, which CBOR-LD 1.0 uses for terms.
fn js_cmp(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// Sorts map entries as the reference encoder does: by major type, integers by value, byte and
/// text strings by length then bytes.
fn sort_map(entries: &mut [(Cbor, Cbor)]) {
    fn rank(k: &Cbor) -> (u8, i128, &[u8]) {
        match k {
            Cbor::Integer(i) => {
                let i = i128::from(*i);
                if i >= 0 {
                    (0, i, &[])
                } else {
                    (1, -i, &[])
                }
            }
            Cbor::Bytes(b) => (2, b.len() as i128, b),
            Cbor::Text(t) => (3, t.len() as i128, t.as_bytes()),
            _ => (7, 0, &[]),
        }
    }
    crate::sort::sort_by(entries, &|a: &(Cbor, Cbor), b: &(Cbor, Cbor)| {
        rank(&a.0) < rank(&b.0)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Contexts are reused across decodes (the store keeps the contexts processed from its
    /// documents) only while the store holds the same document: once the same store maps the URL
    /// to another context, decoding uses that context.
    #[test]
    fn reused_contexts_follow_the_store() {
        let url = "https://example.org/reuse/v1";
        let context = |term: &str| {
            json!({"@context": {term: format!("https://example.org/{term}")}}).to_string()
        };
        let mut store = ContextStore::bundled();
        store.add_trusted(url, &context("alpha")).unwrap();
        let doc = json!({"@context": url, "alpha": "x"});
        let bytes = encode(&doc, &store).unwrap();
        assert_eq!(decode(&bytes, &store, 32).unwrap(), doc);
        assert_eq!(decode(&bytes, &store, 32).unwrap(), doc, "from the cache");
        store.add_trusted(url, &context("omega")).unwrap();
        assert_eq!(
            decode(&bytes, &store, 32).unwrap(),
            json!({"@context": url, "omega": "x"})
        );
        store.add_trusted(url, &context("alpha")).unwrap();
        assert_eq!(decode(&bytes, &store, 32).unwrap(), doc);
    }

    /// A protected term may be redefined only to the same definition once expanded (a CURIE
    /// and the IRI it stands for are the same); anything else is refused, with the error JSON-LD
    /// expansion gives (one context engine).
    #[test]
    fn protected_terms_keep_their_definition() {
        let protected = json!({"@protected": true, "ex": "https://example.org/",
                               "a": {"@id": "ex:a", "@type": "@id"}});
        let same = json!({"a": {"@type": "@id", "@id": "https://example.org/a"}});
        let other = json!({"a": {"@id": "https://example.org/b"}});
        let store = ContextStore::bundled();
        let ok = json!({"@context": [protected, same], "a": "https://example.org/x"});
        assert_eq!(
            decode(&encode(&ok, &store).unwrap(), &store, 32).unwrap(),
            ok
        );
        let bad = json!({"@context": [protected, other], "a": "https://example.org/x"});
        assert_eq!(encode(&bad, &store).unwrap_err().code(), "invalid_context");
    }

    fn round_trip(doc: &Value) -> Vec<u8> {
        let store = ContextStore::bundled();
        let bytes = encode(doc, &store).unwrap();
        assert_eq!(&decode(&bytes, &store, 32).unwrap(), doc);
        bytes
    }

    #[test]
    fn values_of_every_kind_round_trip() {
        round_trip(&json!({
            "@context": [
                "https://www.w3.org/ns/credentials/v2",
                "https://w3id.org/laissez/legal-identity/v1",
                {"extra": "https://example.org/extra", "n": {"@id": "https://example.org/n", "@type": "@id"}}
            ],
            "id": "urn:uuid:2F1D4C8E-9B7A-4E61-8D3C-5A0B1E2F3C4D",
            "type": ["VerifiableCredential", "LegalIdentityCredential"],
            "issuer": {"id": "https://issuer.example:8443/a?b#c", "name": "Registry"},
            "validFrom": "2025-01-01T00:00:00.125Z",
            "validUntil": "2030-01-01T00:00:00+01:00",
            "credentialSubject": {
                "id": "did:key:z6Mkabc#frag#more",
                "registrationDate": "2024-02-29",
                "extra": [[1, 2.5], [true, null], "text"],
                "n": "data:image/png;base64,iVBORw0KGgo=",
                "image": "data:text/plain,hello:world",
                "undefinedTerm": {"nested": {"deeper": [0, -1, 18446744073709551615u64]}}
            }
        }));
    }

    #[test]
    fn registry_entries_zero_and_one_round_trip() {
        let store = ContextStore::bundled();
        let doc = json!({"@context": "https://www.w3.org/ns/credentials/v2", "type": "VerifiableCredential"});
        for entry in [UNCOMPRESSED_REGISTRY_ENTRY, DEFAULT_REGISTRY_ENTRY] {
            let bytes = encode_with(&doc, &store, entry).unwrap();
            assert!(is_cborld(&bytes));
            assert_eq!(decode(&bytes, &store, 32).unwrap(), doc);
        }
        let laissez = encode(&doc, &store).unwrap();
        let default = encode_with(&doc, &store, DEFAULT_REGISTRY_ENTRY).unwrap();
        assert!(
            laissez.len() < default.len(),
            "the context table saves the URL"
        );
        assert_eq!(
            encode_with(&doc, &store, 7).unwrap_err().code(),
            "cborld_unknown_registry_entry"
        );
    }

    /// Enumerated values take the second Laissez entry's codes; a document without any keeps
    /// the first entry, byte for byte, so readers that know only the first still read it.
    #[test]
    fn the_second_entry_is_used_only_when_it_saves_bytes() {
        let store = ContextStore::bundled();
        let plain = json!({"@context": "https://www.w3.org/ns/credentials/v2", "type": "VerifiableCredential"});
        let bytes = round_trip(&plain);
        assert_eq!(registry_entry(&bytes), Some(LAISSEZ_REGISTRY_ENTRY));
        assert_eq!(
            bytes,
            encode_with(&plain, &store, LAISSEZ_REGISTRY_ENTRY).unwrap()
        );

        let status = json!({
            "@context": "https://www.w3.org/ns/credentials/v2",
            "type": "VerifiableCredential",
            "credentialStatus": {
                "type": "BitstringStatusListEntry",
                "statusPurpose": "revocation",
                "statusListIndex": "7",
                "statusListCredential": "https://example.org/status/1"
            }
        });
        let bytes = round_trip(&status);
        assert_eq!(registry_entry(&bytes), Some(LAISSEZ_REGISTRY_ENTRY_V2));
        let first = encode_with(&status, &store, LAISSEZ_REGISTRY_ENTRY).unwrap();
        // "revocation" (11 bytes as text) becomes the byte string h'01' (2 bytes).
        assert_eq!(first.len() - bytes.len(), 9);
        assert_eq!(registry_entry(&first), Some(LAISSEZ_REGISTRY_ENTRY));
    }

    /// The third entry carries exactly the documents that list the portrait context: their
    /// context costs a code, a `data:` URL its bytes; any other document under its id is
    /// refused, so a changed id cannot decode to the same document.
    #[test]
    fn the_third_entry_is_for_portraits_only() {
        let store = ContextStore::bundled();
        let jpeg = [0xFF, 0xD8, 0xFF, 0xDB, 0x00, 0x43, 0x00, 0x10];
        let portrait = json!({
            "@context": ["https://www.w3.org/ns/credentials/v2", crate::jsonld::PORTRAIT_V1],
            "type": "VerifiableCredential",
            "credentialSubject": {
                "portrait": format!("data:image/jpeg;base64,{}", crate::codec::Base64::Standard.encode(jpeg))
            }
        });
        let bytes = round_trip(&portrait);
        assert_eq!(registry_entry(&bytes), Some(LAISSEZ_REGISTRY_ENTRY_V3));
        assert!(bytes.windows(jpeg.len()).any(|w| w == jpeg));
        assert!(
            !bytes.windows(11).any(|w| w == b"/9j/2wBDABA"),
            "no Base64 text"
        );

        let plain = json!({"@context": "https://www.w3.org/ns/credentials/v2", "type": "VerifiableCredential"});
        let third = encode_with(&plain, &store, LAISSEZ_REGISTRY_ENTRY_V3).unwrap();
        assert_eq!(
            decode(&third, &store, 32).unwrap_err().code(),
            "cborld_invalid"
        );
    }

    #[test]
    fn a_flood_of_tiny_objects_is_refused() {
        // {"x": [{}, {}, ... 5,000 times]} behind the Laissez head.
        let mut bytes = vec![0xD9, 0xCB, 0x1D, 0x82, 0x1A, 0x00, 0x01, 0x4C, 0x5A];
        bytes.extend([0xA1, 0x61, b'x', 0x99, 0x13, 0x88]);
        bytes.extend(std::iter::repeat_n(0xA0, 5000));
        let store = ContextStore::bundled();
        assert_eq!(
            decode(&bytes, &store, 32).unwrap_err().code(),
            "too_many_objects"
        );
    }

    #[test]
    fn documents_cborld_cannot_carry_are_refused() {
        let store = ContextStore::bundled();
        let cases = [
            (
                json!({"@context": "https://unknown.example/ctx", "a": 1}),
                "unknown_context",
            ),
            (
                json!({"@context": "https://www.w3.org/ns/credentials/v2", "id": 5}),
                "cborld_cannot_encode",
            ),
            (
                json!({"@context": "https://www.w3.org/ns/credentials/v2", "type": "VerifiableCredential", "validFrom": 5}),
                "cborld_cannot_encode",
            ),
            (
                json!({"@context": ["https://www.w3.org/ns/credentials/v2", {"VerifiableCredential": "https://evil.example/VC"}]}),
                "invalid_context",
            ),
            (json!(["not", "an", "object"]), "cborld_cannot_encode"),
        ];
        for (doc, code) in cases {
            assert_eq!(encode(&doc, &store).unwrap_err().code(), code, "{doc}");
        }
    }
}

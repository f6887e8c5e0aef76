//! The QR envelope: every profile × suite round-trips and still verifies; decoding is bounded
//! (truncated, bit-flipped, zip bomb, deep CBOR, wrong prefix, lowercase, trimmed); every
//! one-character change of an envelope is rejected; a rendered QR image reads back.

use credential_core::envelope::{self, Encoding, EnvelopeLimits, PREFIX};
use credential_core::jsonld::ContextStore;
use credential_core::model::Timestamp;
use credential_core::qr::{self, Ecc, QrMatrix};
use credential_core::verify::{Verdict, Verifier, VerifyOptions};
use serde_json::{json, Value};

#[path = "common/samples.rs"]
mod samples;
use samples::credentials;

fn now() -> VerifyOptions<'static> {
    VerifyOptions::at(Timestamp::parse("2026-01-01T00:00:00Z").unwrap())
}

#[test]
fn every_profile_and_suite_round_trips_and_verifies() {
    let verifier = Verifier::new(ContextStore::bundled());
    for (name, cred) in credentials(&verifier) {
        for encoding in Encoding::ALL.into_iter().filter(|e| *e != Encoding::Jwt) {
            let text = envelope::encode(&cred, encoding, store()).unwrap();
            assert!(text.starts_with(PREFIX) && envelope::is_envelope(&text));
            let (back, used) = envelope::decode(&text, EnvelopeLimits::default(), store()).unwrap();
            assert_eq!(used, encoding);
            assert_eq!(back, cred, "{name} {encoding:?}");
            assert_eq!(
                verifier.verify_credential(&back, &now()).verdict,
                Verdict::IssuerNotChecked,
                "{name}"
            );
        }
        let (smallest, _) = envelope::encode_smallest(&cred, store()).unwrap();
        // The text stays in QR alphanumeric mode.
        assert!(smallest
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || " $%*+-./:".contains(c)));
    }
}

fn legal_identity_envelope(verifier: &Verifier) -> (Value, String) {
    let (_, cred) = credentials(verifier)
        .into_iter()
        .find(|(n, _)| n == "legal-identity/eddsa-rdfc-2022")
        .unwrap();
    let text = envelope::encode_smallest(&cred, store()).unwrap().0;
    (cred, text)
}

fn code(text: &str) -> &'static str {
    envelope::decode(text, EnvelopeLimits::default(), store())
        .unwrap_err()
        .code()
}

#[test]
fn decoding_is_bounded_with_specific_codes() {
    let verifier = Verifier::new(ContextStore::bundled());
    let (cred, text) = legal_identity_envelope(&verifier);
    // Wrong prefix (another QR format, e.g. EU DCC).
    assert_eq!(
        code(&text.replacen(PREFIX, "HC1:", 1)),
        "envelope_wrong_prefix"
    );
    assert_eq!(code("shc:/5676290952432060346029243740446031222959532654603460292540772804336028702864716745222809286133314564376531415906402203064504590856435503414245413640370636654171372412363803043756220467374075323239254334433260573601064529315312707424283950386922127667"), "envelope_wrong_prefix");
    // Truncated.
    assert!([
        "envelope_truncated",
        "envelope_corrupt",
        "envelope_invalid_base45"
    ]
    .contains(&code(&text[..text.len() - 7])));
    // Trimmed: Base45 uses the space character, but never as the last character of the text
    // (a 3-character group's last digit is at most 65535 / 2025 = 32, a trailing 2-character
    // group's at most 255 / 45 = 5; space is 36) and the text starts with the prefix, so
    // surrounding white space — added or trimmed by a scanner — never changes the payload.
    for n in 1..200 {
        let mut c = cred.clone();
        c["credentialSubject"]["registeringAuthority"] = json!("x".repeat(n));
        let t = envelope::encode(&c, Encoding::Generic, store()).unwrap();
        assert!(!t.ends_with(' '), "{n}");
        assert_eq!(
            envelope::decode(&format!("  {t} \r\n"), EnvelopeLimits::default(), store())
                .unwrap()
                .0,
            c
        );
    }
    // Lowercase (some scanners lower-case alphanumeric QR content) is read as intended.
    assert_eq!(
        envelope::decode(&text.to_lowercase(), EnvelopeLimits::default(), store())
            .unwrap()
            .0,
        cred
    );
    // Not Base45.
    assert_eq!(code("LZ1:ABC~"), "envelope_invalid_base45");
    // Too long.
    assert_eq!(
        code(&format!("LZ1:{}", "0".repeat(9000))),
        "input_too_large"
    );
    // Unknown encoding id.
    let mut payload = base45_decode(&text[PREFIX.len()..]);
    payload[0] = 0x7f;
    assert_eq!(
        code(&format!("{PREFIX}{}", base45_encode(&payload))),
        "envelope_unknown_encoding"
    );
    // Zip bomb: 1 MiB of zeros in about 1 KiB.
    let mut bomb = vec![0x01];
    bomb.extend(zlib(&vec![0u8; 1024 * 1024]));
    assert_eq!(
        code(&format!("{PREFIX}{}", base45_encode(&bomb))),
        "envelope_too_large"
    );
    // Deep CBOR: 200 nested arrays.
    let mut deep = vec![0x81u8; 200];
    deep.push(0x00);
    let mut payload = vec![0x01];
    payload.extend(zlib(&deep));
    assert_eq!(
        code(&format!("{PREFIX}{}", base45_encode(&payload))),
        "envelope_too_deep"
    );
    // Garbage CBOR.
    let mut payload = vec![0x01];
    payload.extend(zlib(&[0xff, 0xff, 0x00]));
    assert_eq!(
        code(&format!("{PREFIX}{}", base45_encode(&payload))),
        "envelope_invalid_cbor"
    );
}

/// `0x03` envelope of raw CBOR-LD bytes.
fn cborld_envelope(bytes: &[u8]) -> String {
    let mut payload = vec![0x03];
    payload.extend(bytes);
    format!("{PREFIX}{}", base45_encode(&payload))
}

#[test]
fn cborld_decoding_is_bounded_with_specific_codes() {
    // tag 51997 ([entry, payload]) with the Laissez entry 0x14C5A.
    let head = [0xD9, 0xCB, 0x1D, 0x82, 0x1A, 0x00, 0x01, 0x4C, 0x5A];
    let with = |payload: &[u8]| [&head[..], payload].concat();
    // A well-formed minimal document: {@context: credentials v2 (code 33)}.
    assert_eq!(
        envelope::decode(
            &cborld_envelope(&with(&[0xA1, 0x00, 0x18, 0x21])),
            EnvelopeLimits::default(),
            store()
        )
        .unwrap()
        .0,
        json!({"@context": "https://www.w3.org/ns/credentials/v2"})
    );
    // Deep: 200 nested arrays as a value.
    let mut deep = vec![0xA1, 0x18, 0x64];
    deep.extend([0x81u8; 200]);
    deep.push(0x00);
    assert_eq!(code(&cborld_envelope(&with(&deep))), "envelope_too_deep");
    // Not CBOR-LD at all, or not the documented shape.
    assert_eq!(code(&cborld_envelope(&[0xFF, 0x00])), "cborld_invalid");
    assert_eq!(code(&cborld_envelope(&[0xA0])), "cborld_invalid");
    assert_eq!(code(&cborld_envelope(&with(&[0x80]))), "cborld_invalid");
    // Trailing bytes.
    assert_eq!(
        code(&cborld_envelope(&[with(&[0xA0]), vec![0x00]].concat())),
        "cborld_invalid"
    );
    // A registry entry this verifier has no tables for.
    assert_eq!(
        code(&cborld_envelope(&[
            0xD9, 0xCB, 0x1D, 0x82, 0x19, 0x03, 0xE7, 0xA0
        ])),
        "cborld_unknown_registry_entry"
    );
    // A term id no loaded context defines, an unknown context code, an unknown table code.
    assert_eq!(
        code(&cborld_envelope(&with(&[0xA1, 0x19, 0x27, 0x10, 0x01]))),
        "cborld_invalid"
    );
    assert_eq!(
        code(&cborld_envelope(&with(&[0xA1, 0x00, 0x17]))),
        "cborld_invalid"
    );
    assert_eq!(
        code(&cborld_envelope(&with(&[
            0xA2, 0x00, 0x18, 0x21, 0x04, 0x41, 0x63
        ]))),
        "cborld_invalid"
    );
    // A context that is not in the store is never fetched.
    let mut unknown = vec![0xA1, 0x00, 0x71];
    unknown.extend(b"https://evil.test");
    assert_eq!(code(&cborld_envelope(&with(&unknown))), "unknown_context");
    // A CBOR-LD zip bomb (0x04).
    let mut bomb = vec![0x04];
    bomb.extend(zlib(&vec![0u8; 1024 * 1024]));
    assert_eq!(
        code(&format!("{PREFIX}{}", base45_encode(&bomb))),
        "envelope_too_large"
    );
}

const ALPHABET: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

#[test]
fn every_one_character_change_is_rejected() {
    let verifier = Verifier::new(ContextStore::bundled());
    let (_, smallest) = legal_identity_envelope(&verifier);
    // The smallest envelope (zlib: the checksum catches almost everything) and a raw CBOR-LD one
    // (no checksum: decoding or the signature must catch every change; a JCS credential keeps
    // the many verifications fast).
    let (_, jcs) = credentials(&verifier)
        .into_iter()
        .find(|(n, _)| n == "legal-identity/eddsa-jcs-2022")
        .unwrap();
    let raw = envelope::encode(&jcs, Encoding::CborLd, store()).unwrap();
    for text in [smallest, raw] {
        let chars: Vec<char> = text.chars().collect();
        let (mut decoded, mut tried) = (0, 0);
        for i in PREFIX.len()..chars.len() {
            for c in ALPHABET.chars().filter(|c| *c != chars[i]) {
                let mut changed = chars.clone();
                changed[i] = c;
                let changed: String = changed.into_iter().collect();
                tried += 1;
                if let Ok((doc, _)) = envelope::decode(&changed, EnvelopeLimits::default(), store())
                {
                    decoded += 1;
                    let r = verifier.verify_credential(&doc, &now());
                    assert!(!r.is_authentic(), "change at {i} to {c:?} accepted");
                }
            }
        }
        eprintln!("{tried} one-character changes: {decoded} still decoded (and failed verification), the rest failed to decode");
    }
}

#[test]
fn a_rendered_qr_reads_back_and_verifies() {
    let verifier = Verifier::new(ContextStore::bundled());
    let (cred, text) = legal_identity_envelope(&verifier);
    let m = QrMatrix::new(&text, Ecc::M).unwrap();
    let (side, px) = m.to_luma(3, 4);
    let read = qr::decode_luma(&px, side, side).unwrap();
    assert_eq!(read, text);
    let (doc, _) = envelope::decode(&read, EnvelopeLimits::default(), store()).unwrap();
    assert_eq!(doc, cred);
}

/// The worked example of `specs/qr-envelope.md`.
#[test]
fn spec_worked_example_decodes() {
    let doc = json!({"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"]});
    for (text, encoding) in [
        ("LZ1:G809RR/ IUCIL6KQMILFA99BHMIEIAN7AP.KO2CS/BH2B% LX3CI3MY3BQ6KHZI0OI83BZIJ0QAW2CZXILIA2EI16BF0JGZIX1J0DJLVISQ16Y0C7EMX3", Encoding::Generic),
        ("LZ1:2E0BMV$LJOMT/ IC00O2W5*Q:OI9F11O10TP-P2.:I3 DDLOJWUC7EMX3", Encoding::GenericDictionary),
        ("LZ1:+L0MUP6KG100GT9SLKIEGC841-J743", Encoding::CborLd),
        ("LZ1:JP0FTRGFF02N.MH%JQIID$QCOYG-*OC-8KE6$H8:Y0", Encoding::CborLdDeflate),
    ] {
        assert_eq!(envelope::decode(text, EnvelopeLimits::default(), store()).unwrap(), (doc.clone(), encoding));
        assert_eq!(envelope::encode(&doc, encoding, store()).unwrap(), text);
    }
}

fn zlib(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn base45_encode(b: &[u8]) -> String {
    base45::encode(b)
}

fn base45_decode(s: &str) -> Vec<u8> {
    base45::decode(s).unwrap()
}

/// The bundled contexts, parsed once for every test of this file.
fn store() -> &'static ContextStore {
    static STORE: std::sync::OnceLock<ContextStore> = std::sync::OnceLock::new();
    STORE.get_or_init(ContextStore::bundled)
}

/// A legal identity with age claims, issued by the core issuer (so with the age context after
/// the legal-identity one), round-trips in every JSON encoding and still verifies. In CBOR-LD
/// the age context is the registry entry's context code 67, and the claims and context together
/// cost a few bytes over the same credential without them.
#[test]
fn age_claims_round_trip_in_every_encoding_and_verify() {
    use credential_core::cborld;
    use credential_core::issue::{issue, Issuer};
    use credential_core::jsonld::{AGE_V1, CONTEXT_V2, LEGAL_IDENTITY_V1};
    use credential_core::keys::{Algorithm, SecretKey};
    use credential_core::model::Credential;
    use credential_core::proof::ProofOptions;
    use credential_core::suites::Cryptosuite;

    let verifier = Verifier::new(ContextStore::bundled());
    let at = Timestamp::parse("2025-06-01T00:00:00Z").unwrap();
    let key = || SecretKey::from_bytes(Algorithm::Ed25519, &[42; 32]).unwrap();
    let issuer = Issuer::new(key(), Cryptosuite::EddsaRdfc2022).unwrap();
    let (_, subject) = samples::examples("legal-identity")
        .into_iter()
        .find(|(f, _)| f.starts_with("arabic"))
        .unwrap();
    let builder = issuer
        .credential()
        .profile("legal-identity")
        .unwrap()
        .id("urn:uuid:2f1d4c8e-9b7a-4e61-8d3c-5a0b1e2f3c4d")
        .subject(subject);
    let unsigned = builder.build(at).unwrap();
    let cred = builder.issue(at).unwrap().into_json();
    assert_eq!(cred["credentialSubject"]["ageOver18"], true);
    assert_eq!(
        cred["@context"],
        json!([CONTEXT_V2, LEGAL_IDENTITY_V1, AGE_V1])
    );
    // Every encoding of a JSON credential (the JWT one takes JWT forms only).
    for encoding in Encoding::ALL.into_iter().filter(|e| *e != Encoding::Jwt) {
        let text = envelope::encode(&cred, encoding, store()).unwrap();
        let (back, _) = envelope::decode(&text, EnvelopeLimits::default(), store()).unwrap();
        assert_eq!(back, cred, "{encoding:?}");
        assert_eq!(
            verifier.verify_credential(&back, &now()).verdict,
            Verdict::IssuerNotChecked,
            "{encoding:?}"
        );
    }
    let with_age = cborld::encode(&cred, store()).unwrap();
    // @context as the array of the codes 33, 64 and 67 (CBOR unsigned integers 0x18 nn).
    assert!(
        with_age
            .windows(7)
            .any(|w| w == [0x83, 0x18, 33, 0x18, 64, 0x18, 67]),
        "{with_age:02x?}"
    );

    // The same credential without the claims and the context, signed by the same key.
    let mut without = unsigned.as_object().unwrap().clone();
    without["@context"] = json!([CONTEXT_V2, LEGAL_IDENTITY_V1]);
    let subject = without["credentialSubject"].as_object_mut().unwrap();
    subject.remove("ageOver18");
    subject.remove("ageOver65");
    let options = ProofOptions::assertion(
        Cryptosuite::EddsaRdfc2022,
        credential_core::did::did_key_vm(&key().public_key()),
    )
    .created(at);
    let plain = issue(
        &Credential::from_json(Value::Object(without)).unwrap(),
        &options,
        &key(),
        verifier.processor(),
    )
    .unwrap()
    .into_json();
    let without_age = cborld::encode(&plain, store()).unwrap();
    let (smallest_with, _) = envelope::encode_smallest(&cred, store()).unwrap();
    let (smallest_without, _) = envelope::encode_smallest(&plain, store()).unwrap();
    eprintln!(
        "legal identity, eddsa-rdfc-2022: CBOR-LD {} B with age claims, {} B without; \
         smallest envelope {} / {} characters",
        with_age.len(),
        without_age.len(),
        smallest_with.len(),
        smallest_without.len()
    );
    assert!(with_age.len() > without_age.len());
    assert!(with_age.len() - without_age.len() <= 12);
}

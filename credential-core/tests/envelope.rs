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
        for encoding in Encoding::ALL {
            let text = envelope::encode(&cred, encoding).unwrap();
            assert!(text.starts_with(PREFIX) && envelope::is_envelope(&text));
            let (back, used) = envelope::decode(&text, EnvelopeLimits::default()).unwrap();
            assert_eq!(used, encoding);
            assert_eq!(back, cred, "{name} {encoding:?}");
            assert_eq!(
                verifier.verify_credential(&back, &now()).verdict,
                Verdict::Valid,
                "{name}"
            );
        }
        let (smallest, _) = envelope::encode_smallest(&cred).unwrap();
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
    let text = envelope::encode_smallest(&cred).unwrap().0;
    (cred, text)
}

fn code(text: &str) -> &'static str {
    envelope::decode(text, EnvelopeLimits::default())
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
        let t = envelope::encode(&c, Encoding::Generic).unwrap();
        assert!(!t.ends_with(' '), "{n}");
        assert_eq!(
            envelope::decode(&format!("  {t} \r\n"), EnvelopeLimits::default())
                .unwrap()
                .0,
            c
        );
    }
    // Lowercase (some scanners lower-case alphanumeric QR content) is read as intended.
    assert_eq!(
        envelope::decode(&text.to_lowercase(), EnvelopeLimits::default())
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

const ALPHABET: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

#[test]
fn every_one_character_change_is_rejected() {
    let verifier = Verifier::new(ContextStore::bundled());
    let (_, text) = legal_identity_envelope(&verifier);
    let chars: Vec<char> = text.chars().collect();
    let (mut decoded, mut tried) = (0, 0);
    for i in PREFIX.len()..chars.len() {
        for c in ALPHABET.chars().filter(|c| *c != chars[i]) {
            let mut changed = chars.clone();
            changed[i] = c;
            let changed: String = changed.into_iter().collect();
            tried += 1;
            if let Ok((doc, _)) = envelope::decode(&changed, EnvelopeLimits::default()) {
                decoded += 1;
                let r = verifier.verify_credential(&doc, &now());
                assert!(!r.is_valid(), "change at {i} to {c:?} accepted");
            }
        }
    }
    eprintln!("{tried} one-character changes: {decoded} still decoded (and failed verification), the rest failed to decode");
}

#[test]
fn a_rendered_qr_reads_back_and_verifies() {
    let verifier = Verifier::new(ContextStore::bundled());
    let (cred, text) = legal_identity_envelope(&verifier);
    let m = QrMatrix::new(&text, Ecc::M).unwrap();
    let (side, px) = m.to_luma(3, 4);
    let read = qr::decode_luma(&px, side, side).unwrap();
    assert_eq!(read, text);
    let (doc, _) = envelope::decode(&read, EnvelopeLimits::default()).unwrap();
    assert_eq!(doc, cred);
}

/// The worked example of `specs/qr-envelope.md`.
#[test]
fn spec_worked_example_decodes() {
    let doc = json!({"@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"]});
    for (text, encoding) in [
        ("LZ1:G809RR/ IUCIL6KQMILFA99BHMIEIAN7AP.KO2CS/BH2B% LX3CI3MY3BQ6KHZI0OI83BZIJ0QAW2CZXILIA2EI16BF0JGZIX1J0DJLVISQ16Y0C7EMX3", Encoding::Generic),
        ("LZ1:2E0BMV$LJOMT/ IC00O2W5*Q:OI9F11O10TP-P2.:I3 DDLOJWUC7EMX3", Encoding::GenericDictionary),
    ] {
        assert_eq!(envelope::decode(text, EnvelopeLimits::default()).unwrap(), (doc.clone(), encoding));
        assert_eq!(envelope::encode(&doc, encoding).unwrap(), text);
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

//! Shared set-up of the fuzz targets and the seed generator: the context store, the verifier and
//! the trust anchor are built once per process, the time is fixed (the core has no clock), the QR
//! frame targets share one input layout, and the selective-disclosure targets share fixed keys
//! and one derived `ecdsa-sd-2023` credential.

use credential_core::jsonld::ContextStore;
use credential_core::keys::{Algorithm, PublicKey, SecretKey};
use credential_core::model::Timestamp;
use credential_core::sd::{self, BaseProofOptions, BaseProofSecrets};
use credential_core::sd_jwt::{KeyBindingCheck, VerifyParams};
use credential_core::verify::{Verifier, VerifyOptions};
use serde_json::{json, Map, Value};
use std::sync::OnceLock;

/// The fixed time of every verification: 2026-01-01T00:00:00Z.
pub const NOW: Timestamp = Timestamp(1_767_225_600);

/// Verification options at [`NOW`].
pub fn now() -> VerifyOptions<'static> {
    VerifyOptions::at(NOW)
}

/// The bundled contexts, parsed once.
pub fn store() -> &'static ContextStore {
    static STORE: OnceLock<ContextStore> = OnceLock::new();
    STORE.get_or_init(ContextStore::bundled)
}

/// A verifier over the bundled contexts, built once.
pub fn verifier() -> &'static Verifier {
    static V: OnceLock<Verifier> = OnceLock::new();
    V.get_or_init(|| Verifier::new(ContextStore::bundled()))
}

/// The trust anchor's key (fixed bytes: the seed bundle is signed with it and the `trust_bundle`
/// target accepts it, so mutations of a real, signed bundle get past the signature check when
/// JCS canonicalizes them to the same bytes).
pub fn anchor_secret() -> SecretKey {
    SecretKey::from_bytes(Algorithm::Ed25519, &[0xA7; 32]).expect("a fixed Ed25519 key")
}

/// The trust anchors a verifier accepts: the anchor's public key, derived once.
pub fn anchors() -> &'static [PublicKey] {
    static A: OnceLock<[PublicKey; 1]> = OnceLock::new();
    A.get_or_init(|| [anchor_secret().public_key()])
}

/// A frame for the QR decoders, read from fuzz input.
pub struct Frame<'a> {
    /// RGBA (4 bytes a pixel) rather than greyscale.
    pub rgba: bool,
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// `width × height` pixels (× 4 for RGBA).
    pub pixels: &'a [u8],
}

/// Layout of a QR frame input: byte 0 picks the format (lowest bit set: RGBA, else greyscale),
/// bytes 1–2 are the width (little-endian), the rest are pixels, row by row. The height is as
/// many whole rows as there are; trailing bytes of an incomplete row are ignored.
pub fn parse_frame(data: &[u8]) -> Option<Frame<'_>> {
    let (&[mode, w0, w1], pixels) = data.split_first_chunk::<3>()?;
    let rgba = mode & 1 == 1;
    let width = usize::from(u16::from_le_bytes([w0, w1]));
    let row = width.checked_mul(if rgba { 4 } else { 1 })?;
    if row == 0 {
        return None;
    }
    let height = pixels.len() / row;
    Some(Frame {
        rgba,
        width,
        height,
        pixels: &pixels[..row * height],
    })
}

/// The input [`parse_frame`] reads back as a greyscale `width`-pixel-wide frame.
pub fn frame_input(width: u16, luma: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8];
    out.extend_from_slice(&width.to_le_bytes());
    out.extend_from_slice(luma);
    out
}

/// The SD-JWT issuer's key (fixed bytes: the `sd_jwt` seeds are signed with it, so mutations of
/// their disclosures and KB-JWTs get past the issuer signature).
pub fn sd_jwt_issuer() -> SecretKey {
    SecretKey::from_bytes(Algorithm::P256, &[0x5D; 32]).expect("a fixed P-256 key")
}

/// The SD-JWT holder's key (the `cnf` of the seeds; it signs their KB-JWTs).
pub fn sd_jwt_holder() -> SecretKey {
    SecretKey::from_bytes(Algorithm::Ed25519, &[0x5E; 32]).expect("a fixed Ed25519 key")
}

/// The audience and nonce the `sd_jwt` target's key binding check expects (the seeds' own).
pub const SD_JWT_AUD: &str = "https://kiosk.example/fuzz";
/// See [`SD_JWT_AUD`].
pub const SD_JWT_NONCE: &str = "fuzz-nonce";

/// The issuer's public key, derived once.
pub fn sd_jwt_issuer_public() -> &'static PublicKey {
    static K: OnceLock<PublicKey> = OnceLock::new();
    K.get_or_init(|| sd_jwt_issuer().public_key())
}

/// SD-JWT verification at [`NOW`] by [`sd_jwt_issuer`], key binding required.
pub fn sd_jwt_params() -> VerifyParams<'static> {
    let mut p = VerifyParams::new(sd_jwt_issuer_public(), NOW);
    p.key_binding = Some(KeyBindingCheck {
        aud: SD_JWT_AUD,
        nonce: SD_JWT_NONCE,
        max_age: 300,
    });
    p
}

/// A credential secured with an `ecdsa-sd-2023` base proof by a fixed P-256 key with fixed
/// secrets, and the document derived from it disclosing the name and one language (both built
/// once: the `ecdsa_sd` target puts its input into the derived document's proof).
pub fn ecdsa_sd_documents() -> &'static (Map<String, Value>, Map<String, Value>) {
    static D: OnceLock<(Map<String, Value>, Map<String, Value>)> = OnceLock::new();
    D.get_or_init(|| {
        let key = SecretKey::from_bytes(Algorithm::P256, &[0x5C; 32]).expect("a fixed key");
        let proof_key = SecretKey::from_bytes(Algorithm::P256, &[0x5B; 32]).expect("a fixed key");
        let secrets = BaseProofSecrets::from_parts([0x5A; 32], proof_key).expect("P-256");
        let did = credential_core::did::did_key(&key.public_key());
        let doc = json!({
            "@context": [
                "https://www.w3.org/ns/credentials/v2",
                "https://www.w3.org/ns/credentials/undefined-terms/v2"
            ],
            "type": ["VerifiableCredential"],
            "issuer": did,
            "validFrom": "2025-01-01T00:00:00Z",
            "credentialSubject": {
                "name": "Selam Tesfaye",
                "birthDate": "1990-04-02",
                "address": {"addressCountry": "ET"},
                "knowsLanguage": ["am", "en"]
            }
        });
        let options =
            BaseProofOptions::assertion(credential_core::did::did_key_vm(&key.public_key()))
                .created(NOW)
                .mandatory(["/issuer", "/validFrom"]);
        let processor = verifier().processor();
        let base = sd::create_base_proof_with(
            doc.as_object().expect("an object"),
            &options,
            &key,
            &secrets,
            processor,
        )
        .expect("a base proof");
        let pointers = [
            "/credentialSubject/name".to_owned(),
            "/credentialSubject/knowsLanguage/1".to_owned(),
        ];
        let derived = sd::derive(&base, &pointers, processor).expect("a derived proof");
        (base, derived)
    })
}

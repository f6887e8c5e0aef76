//! What the wallet shows a kiosk, and what a kiosk shows the wallet: a credential or presentation
//! as envelope text (`LZ1:…`, the shortest encoding that carries it, as `laissez present --qr`
//! writes it), any text as a QR module matrix the page draws itself, and envelope text opened
//! back into what it carries.

use credential_core::envelope::{self, Encoding, EnvelopeLimits};
use credential_core::error::{Error, Result};
use credential_core::json::{parse_bounded, JsonLimits};
use credential_core::jsonld::ContextStore;
use credential_core::qr::{Ecc, QrMatrix};
use serde_json::Value;

/// A QR code to draw.
#[derive(Debug)]
pub struct QrModules {
    /// Modules per side (without the quiet zone).
    pub width: usize,
    /// QR version (1–40).
    pub version: i16,
    /// Row-major modules, 1 = dark.
    pub modules: Vec<u8>,
}

/// `text` as a QR code at ECC M (envelope text in alphanumeric mode).
pub fn qr_code(text: &str) -> Result<QrModules> {
    let matrix = QrMatrix::new(text, Ecc::M)?;
    let width = matrix.width;
    let modules = (0..width * width)
        .map(|i| u8::from(matrix.dark(i % width, i / width)))
        .collect();
    Ok(QrModules {
        width,
        version: matrix.version,
        modules,
    })
}

/// `input` as envelope text: envelope text stays as it is; a compact JWT or SD-JWT (a
/// presentation) goes in the JWT encoding, credential JSON (a derived credential) in the
/// shortest encoding that carries it, as `laissez present --qr` writes it.
pub fn to_envelope(input: &str, store: &ContextStore) -> Result<String> {
    let input = input.trim();
    if envelope::is_envelope(input) {
        return Ok(input.to_owned());
    }
    if input.starts_with('{') {
        let value = parse_bounded(input.as_bytes(), JsonLimits::default())?;
        Ok(envelope::encode_smallest(&value, store)?.0)
    } else if !input.is_empty() && !input.contains(char::is_whitespace) {
        envelope::encode(&Value::String(input.to_owned()), Encoding::Jwt, store)
    } else {
        Err(Error::MalformedDocument(
            "an envelope carries a compact (SD-)JWT or credential JSON".into(),
        ))
    }
}

/// What envelope text carries: credential JSON text, or the compact text of a JWT or SD-JWT.
/// Text that is no envelope is returned as it is (trimmed).
pub fn open_envelope(input: &str, store: &ContextStore) -> Result<String> {
    let input = input.trim();
    if !envelope::is_envelope(input) {
        return Ok(input.to_owned());
    }
    match envelope::decode(input, EnvelopeLimits::default(), store)?.0 {
        Value::String(compact) => Ok(compact),
        document => {
            serde_json::to_string(&document).map_err(|e| Error::MalformedDocument(e.to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_qr_code_reads_back_as_its_text() {
        let qr = qr_code("LZ1:ABC").unwrap();
        assert_eq!(qr.modules.len(), qr.width * qr.width);
        let side = (qr.width + 8) * 4;
        let mut px = vec![255u8; side * side];
        for y in 0..side {
            for x in 0..side {
                let (mx, my) = (x / 4, y / 4);
                if (4..qr.width + 4).contains(&mx)
                    && (4..qr.width + 4).contains(&my)
                    && qr.modules[(my - 4) * qr.width + mx - 4] == 1
                {
                    px[y * side + x] = 0;
                }
            }
        }
        let read = credential_core::qr::decode_luma(&px, side, side).unwrap();
        assert_eq!(read, "LZ1:ABC");
    }

    #[test]
    fn a_compact_sd_jwt_round_trips_through_an_envelope() {
        let store = ContextStore::bundled();
        let jwt = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl~";
        let text = to_envelope(jwt, &store).unwrap();
        assert!(envelope::is_envelope(&text));
        assert_eq!(to_envelope(&text, &store).unwrap(), text);
        assert_eq!(open_envelope(&text, &store).unwrap(), jwt);
    }

    #[test]
    fn credential_json_round_trips_through_an_envelope() {
        let store = ContextStore::bundled();
        let json = r#"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"issuer":"did:example:1","credentialSubject":{"name":"Amal"}}"#;
        let text = to_envelope(json, &store).unwrap();
        let back: Value = serde_json::from_str(&open_envelope(&text, &store).unwrap()).unwrap();
        assert_eq!(back, serde_json::from_str::<Value>(json).unwrap());
        assert_eq!(open_envelope(" plain ", &store).unwrap(), "plain");
    }

    #[test]
    fn text_with_spaces_is_refused() {
        let store = ContextStore::bundled();
        let e = to_envelope("hello world", &store).unwrap_err();
        assert_eq!(e.code(), "malformed_document");
    }
}

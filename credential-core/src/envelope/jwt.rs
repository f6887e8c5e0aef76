//! The JWT encoding (`0x05`): a `vc+jwt` or an SD-JWT (with or without a Key Binding JWT) as
//! the binary of its base64url parts, so that the envelope does not carry base64 of base64.
//!
//! ```text
//! JWS        = [h, p, s]                       three byte strings: header, payload, signature
//! body       = [JWS]                           a vc+jwt
//!            | [JWS, [d1, …, dn], JWS / null]  an SD-JWT: disclosures, then the KB-JWT or null
//! ```
//!
//! Each byte string is the base64url decoding of its part; decoding re-encodes it. A compact form
//! whose base64url is not canonical (padding, non-zero trailing bits) cannot be encoded so and
//! stays with the generic encodings: the text a verifier reads back is the text the issuer and
//! holder signed.

use crate::codec::Base64::UrlSafeNoPad as B64;
use crate::error::{Error, Result};
use ciborium::value::Value as Cbor;

/// Most disclosures carried (as [`crate::sd_jwt::Limits`]).
const MAX_DISCLOSURES: usize = 1024;

fn part(text: &str) -> Option<Cbor> {
    let bytes = B64.decode(text)?;
    (B64.encode(&bytes) == text).then_some(Cbor::Bytes(bytes))
}

fn jws(compact: &str) -> Option<Cbor> {
    let parts: Vec<&str> = compact.split('.').collect();
    if parts.len() != 3 {
        return None;
    }
    parts
        .into_iter()
        .map(part)
        .collect::<Option<Vec<_>>>()
        .map(Cbor::Array)
}

/// The CBOR of `compact` (a JWS, or an SD-JWT `<JWS>~<D>~…~[<KB-JWS>]`), or `None` when it is
/// neither or its base64url is not canonical.
pub(super) fn to_cbor(compact: &str) -> Option<Vec<u8>> {
    let body = if compact.contains('~') {
        let mut pieces: Vec<&str> = compact.split('~').collect();
        let kb = pieces.pop()?;
        let issuer = jws(pieces.first()?)?;
        let disclosures = pieces[1..]
            .iter()
            .map(|d| part(d))
            .collect::<Option<Vec<_>>>()?;
        let kb = if kb.is_empty() { Cbor::Null } else { jws(kb)? };
        Cbor::Array(vec![issuer, Cbor::Array(disclosures), kb])
    } else {
        Cbor::Array(vec![jws(compact)?])
    };
    let mut out = Vec::new();
    ciborium::ser::into_writer(&body, &mut out).ok()?;
    Some(out)
}

fn invalid(m: &str) -> Error {
    Error::EnvelopeInvalidCbor(format!("JWT encoding: {m}"))
}

fn text_of_jws(v: &Cbor) -> Result<String> {
    match v {
        Cbor::Array(parts) if parts.len() == 3 => {
            let mut out = String::new();
            for (i, p) in parts.iter().enumerate() {
                let Cbor::Bytes(b) = p else {
                    return Err(invalid("a JWS part is not a byte string"));
                };
                if i > 0 {
                    out.push('.');
                }
                out.push_str(&B64.encode(b));
            }
            Ok(out)
        }
        _ => Err(invalid("a JWS is an array of three byte strings")),
    }
}

/// The compact text of a body read back (bounded by the envelope's decompression limit).
pub(super) fn from_cbor(bytes: &[u8]) -> Result<String> {
    let item = crate::codec::cbor::read(bytes, 3).map_err(|e| match e {
        crate::codec::cbor::ReadError::TooDeep => invalid("nested too deep"),
        crate::codec::cbor::ReadError::Invalid(m) => Error::EnvelopeInvalidCbor(m),
    })?;
    let Cbor::Array(items) = item else {
        return Err(invalid("the body is not an array"));
    };
    match items.as_slice() {
        [jws] => text_of_jws(jws),
        [jws, Cbor::Array(disclosures), kb] => {
            if disclosures.len() > MAX_DISCLOSURES {
                return Err(invalid("too many disclosures"));
            }
            let mut out = text_of_jws(jws)?;
            out.push('~');
            for d in disclosures {
                let Cbor::Bytes(b) = d else {
                    return Err(invalid("a disclosure is not a byte string"));
                };
                out.push_str(&B64.encode(b));
                out.push('~');
            }
            match kb {
                Cbor::Null => {}
                other => out.push_str(&text_of_jws(other)?),
            }
            Ok(out)
        }
        _ => Err(invalid(
            "the body is [JWS] or [JWS, disclosures, KB-JWT or null]",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refusals() {
        let jws = "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.AAEC";
        for text in [
            jws.to_owned(),
            format!("{jws}~"),
            format!("{jws}~WyJhIiwiYiIsMV0~WyJjIiwiZCIsMl0~"),
            format!("{jws}~WyJhIiwiYiIsMV0~{jws}"),
        ] {
            let cbor = to_cbor(&text).unwrap();
            assert_eq!(from_cbor(&cbor).unwrap(), text);
        }
        // Not canonical base64url (trailing bits), not three parts: not encodable so.
        assert_eq!(to_cbor("eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJ4In0.AAF"), None);
        assert_eq!(to_cbor("a.b"), None);
        assert_eq!(to_cbor("{\"a\":1}"), None);
        for bad in [
            Cbor::Array(vec![]),
            Cbor::Array(vec![Cbor::Array(vec![Cbor::Bytes(vec![1]); 2])]),
            Cbor::Array(vec![Cbor::Array(vec![Cbor::Text("x".into()); 3])]),
            Cbor::Text("x".into()),
        ] {
            let mut b = Vec::new();
            ciborium::ser::into_writer(&bad, &mut b).unwrap();
            assert_eq!(from_cbor(&b).unwrap_err().code(), "envelope_invalid_cbor");
        }
    }
}

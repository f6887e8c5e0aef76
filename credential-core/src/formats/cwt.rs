//! CWT claims (RFC 8392 §3.1): issuer (1), subject (2), expiration (4), not before (5), issued at
//! (6), as the three CBOR formats use them.

use super::cose::{get, int};
use crate::model::Timestamp;
use ciborium::value::Value as Cbor;

/// The registered claims of a CWT that a report shows and checks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Claims {
    /// Issuer (1).
    pub iss: Option<String>,
    /// Subject (2).
    pub sub: Option<String>,
    /// Expiration time (4).
    pub exp: Option<Timestamp>,
    /// Not before (5).
    pub nbf: Option<Timestamp>,
    /// Issued at (6).
    pub iat: Option<Timestamp>,
}

/// A NumericDate: an integer or a floating-point number of seconds (fraction dropped).
fn time(v: Option<&Cbor>) -> Option<Timestamp> {
    match v? {
        Cbor::Float(f) if f.is_finite() && f.abs() < 1e15 => Some(Timestamp(*f as i64)),
        other => int(other)
            .and_then(|i| i64::try_from(i).ok())
            .map(Timestamp),
    }
}

fn text(v: Option<&Cbor>) -> Option<String> {
    match v? {
        Cbor::Text(t) => Some(t.clone()),
        _ => None,
    }
}

impl Claims {
    /// Reads the registered claims of a CWT claims map.
    pub(crate) fn read(map: &[(Cbor, Cbor)]) -> Claims {
        Claims {
            iss: text(get(map, 1)),
            sub: text(get(map, 2)),
            exp: time(get(map, 4)),
            nbf: time(get(map, 5)),
            iat: time(get(map, 6)),
        }
    }
}

//! The two serializations (RFC 9901 §4 compact, §8 JSON) split into their parts, bounded.

use super::digest::truncate;
use super::Limits;
use crate::error::{Error, Result};
use crate::json::parse_bounded;
use serde_json::{Map, Value};

/// An SD-JWT or SD-JWT+KB split into its parts, not yet decoded.
#[derive(Debug, Clone)]
pub(crate) struct Parts {
    /// The issuer-signed JWT in compact form; in the general JSON serialization, one per
    /// signature (the first is the one `sd_hash` covers).
    pub jwts: Vec<String>,
    /// The encoded disclosures, in order.
    pub disclosures: Vec<String>,
    /// The Key Binding JWT, if any.
    pub kb_jwt: Option<String>,
}

impl Parts {
    /// `<JWT>~<D1>~…~<Dn>~`: the string `sd_hash` is computed over (RFC 9901 §4.3.1; for the
    /// JSON serialization, its first signature in compact form, §8.1).
    pub fn sd_jwt_without_kb(&self) -> String {
        let mut s = self.jwts[0].clone();
        s.push('~');
        for d in &self.disclosures {
            s.push_str(d);
            s.push('~');
        }
        s
    }
}

fn malformed(m: &str) -> Error {
    Error::SdJwtMalformed(m.to_owned())
}

/// Splits `input`, compact or JSON (recognised by a leading `{`).
pub(crate) fn split(input: &str, limits: &Limits) -> Result<Parts> {
    if input.len() > limits.max_bytes {
        return Err(Error::InputTooLarge {
            size: input.len(),
            max: limits.max_bytes,
        });
    }
    let trimmed = input.trim();
    if trimmed.starts_with('{') {
        return split_json(trimmed, limits);
    }
    // Count before splitting: 10,000 disclosures are refused before one is looked at.
    let tildes = trimmed.bytes().filter(|&b| b == b'~').count();
    if tildes == 0 {
        return Err(malformed(
            "no '~' separator (an SD-JWT is <JWT>~<disclosures>~[<KB-JWT>])",
        ));
    }
    if tildes > limits.max_disclosures + 1 {
        return Err(malformed(&format!(
            "{} disclosures (the limit is {})",
            tildes - 1,
            limits.max_disclosures
        )));
    }
    let mut items: Vec<&str> = trimmed.split('~').collect();
    let last = items.pop().unwrap_or_default();
    let jwt = items.remove(0);
    if items.iter().any(|d| d.is_empty()) {
        return Err(malformed("an empty disclosure ('~~')"));
    }
    Ok(Parts {
        jwts: vec![jwt.to_owned()],
        disclosures: items.into_iter().map(str::to_owned).collect(),
        kb_jwt: (!last.is_empty()).then(|| last.to_owned()),
    })
}

fn string<'a>(o: &'a Map<String, Value>, name: &str) -> Result<&'a str> {
    o.get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| malformed(&format!("the JSON serialization has no string {name:?}")))
}

/// `disclosures` and `kb_jwt` from one place (an unprotected header, or — as the reference
/// generator `sd-jwt` 0.10 writes them — the top level).
fn extras(o: Option<&Map<String, Value>>) -> Result<(Option<Vec<String>>, Option<String>)> {
    let Some(o) = o else { return Ok((None, None)) };
    let disclosures = match o.get("disclosures") {
        None => None,
        Some(Value::Array(a)) => Some(
            a.iter()
                .map(|d| d.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| malformed("a disclosure is not a string"))?,
        ),
        Some(_) => return Err(malformed("\"disclosures\" is not an array")),
    };
    let kb = match o.get("kb_jwt") {
        None => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => return Err(malformed("\"kb_jwt\" is not a string")),
    };
    Ok((disclosures, kb))
}

fn split_json(text: &str, limits: &Limits) -> Result<Parts> {
    let Value::Object(top) = parse_bounded(text.as_bytes(), limits.json())? else {
        return Err(malformed("not a JSON object"));
    };
    let payload = string(&top, "payload")?;
    let header_of = |o: &Map<String, Value>| -> Result<Option<Map<String, Value>>> {
        match o.get("header") {
            None => Ok(None),
            Some(Value::Object(h)) => Ok(Some(h.clone())),
            Some(_) => Err(malformed("\"header\" is not an object")),
        }
    };
    let (jwts, first_header, other_headers) = match top.get("signatures") {
        Some(Value::Array(sigs)) => {
            if sigs.is_empty() || sigs.len() > 16 || top.contains_key("signature") {
                return Err(malformed("\"signatures\" must hold 1 to 16 signatures"));
            }
            let mut jwts = Vec::new();
            let mut headers = Vec::new();
            for s in sigs {
                let s = s
                    .as_object()
                    .ok_or_else(|| malformed("a signature is not an object"))?;
                jwts.push(format!(
                    "{}.{payload}.{}",
                    string(s, "protected")?,
                    string(s, "signature")?
                ));
                headers.push(header_of(s)?);
            }
            let first = headers.remove(0);
            (jwts, first, headers)
        }
        Some(_) => return Err(malformed("\"signatures\" is not an array")),
        None => (
            vec![format!(
                "{}.{payload}.{}",
                string(&top, "protected")?,
                string(&top, "signature")?
            )],
            header_of(&top)?,
            Vec::new(),
        ),
    };
    // RFC 9901 §8.1: disclosures and the KB-JWT only in the first signature's header.
    for h in other_headers.iter().flatten() {
        if h.contains_key("disclosures") || h.contains_key("kb_jwt") {
            return Err(malformed(
                "disclosures or kb_jwt outside the first signature's header",
            ));
        }
    }
    let (hd, hk) = extras(first_header.as_ref())?;
    let (td, tk) = extras(Some(&top))?;
    let disclosures = match (hd, td) {
        (Some(_), Some(_)) => return Err(malformed("disclosures given twice")),
        (a, b) => a.or(b).unwrap_or_default(),
    };
    let kb_jwt = match (hk, tk) {
        (Some(_), Some(_)) => return Err(malformed("kb_jwt given twice")),
        (a, b) => a.or(b),
    };
    if disclosures.len() > limits.max_disclosures {
        return Err(malformed(&format!(
            "{} disclosures (the limit is {})",
            disclosures.len(),
            limits.max_disclosures
        )));
    }
    if let Some(d) = disclosures.iter().find(|d| d.is_empty() || d.contains('~')) {
        return Err(malformed(&format!("a bad disclosure {:?}", truncate(d))));
    }
    Ok(Parts {
        jwts,
        disclosures,
        kb_jwt,
    })
}

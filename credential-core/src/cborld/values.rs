//! CBOR-LD 1.0 value codecs: type-table codes, URLs (http/https, `urn:uuid:`, `data:`,
//! `did:key:`/`did:v1:nym:`), multibase, `xsd:date` and `xsd:dateTime`. Every encoder checks that
//! decoding gives back the same string; when it would not, the value stays a string.

use super::table::{TypeTable, CONTEXT, MULTIBASE, NONE, URL, XSD_DATE, XSD_DATE_TIME};
use super::terms::TermCodes;
use crate::codec::Base64::{Standard as STANDARD, UrlSafeNoPad as URL_SAFE_NO_PAD};
use crate::error::{Error, Result};
use crate::jsonld::TermDefinition;
use crate::keys::base58;
use crate::model::datetime::civil_from_days;
use crate::model::Timestamp;
use ciborium::Value as Cbor;
use serde_json::Value;

/// URL scheme codes (CBOR-LD 1.0 "URL scheme table").
const SCHEMES: &[(&str, u64)] = &[
    ("http://", 1),
    ("https://", 2),
    ("urn:uuid:", 3),
    ("data:", 4),
    ("did:v1:nym:", 1024),
    ("did:key:", 1025),
];

/// Multibase prefixes carried as bytes: base58btc, base64url, base64pad.
const MULTIBASE_PREFIXES: &[u8] = b"zuM";

/// JavaScript's `Date` range: ±8.64e15 ms around the epoch.
const MAX_EPOCH_MS: i128 = 8_640_000_000_000_000;

/// The type table a value is looked up in: `url` for `@id`, `@type`, their aliases and
/// `@id`/`@vocab`-typed terms; otherwise the term's datatype, or `none`.
pub(super) fn table_type<'a>(term: &str, def: Option<&'a TermDefinition>) -> &'a str {
    let iri = def.and_then(|d| d.iri.as_deref());
    let datatype = def.and_then(|d| d.type_mapping.as_deref());
    if term == "@id"
        || term == "@type"
        || matches!(iri, Some("@id" | "@type"))
        || matches!(datatype, Some("@id" | "@vocab"))
    {
        return URL;
    }
    datatype.unwrap_or(NONE)
}

/// Types whose table codes are sent as byte strings (so they cannot be mistaken for term ids or
/// numbers).
fn codes_as_bytes(table_type: &str) -> bool {
    matches!(table_type, NONE | URL | XSD_DATE | XSD_DATE_TIME)
}

/// Encodes one JSON scalar (not an object or array).
pub(super) fn encode(
    value: &Value,
    table_type: &str,
    table: &TypeTable,
    terms: &TermCodes,
) -> Result<Cbor> {
    if table_type == URL && !value.is_string() {
        return Err(Error::CborLdCannotEncode(format!(
            "a URL value must be a string, found {value}"
        )));
    }
    if table.has(table_type) {
        if let Some(code) = value.as_str().and_then(|s| table.code(table_type, s)) {
            return Ok(if codes_as_bytes(table_type) {
                Cbor::Bytes(uint_bytes(code))
            } else {
                Cbor::Integer(code.into())
            });
        }
        if table_type != NONE {
            if let Some(i) = value.as_i64() {
                return Ok(Cbor::Bytes(int_bytes(i)));
            }
        }
    }
    let encoded = match (table_type, value) {
        (URL, Value::String(s)) => encode_url(s, terms),
        (MULTIBASE, Value::String(s)) => encode_multibase(s),
        (XSD_DATE | XSD_DATE_TIME, Value::String(s)) => encode_date(s, table_type == XSD_DATE),
        (XSD_DATE | XSD_DATE_TIME, other) => {
            return Err(Error::CborLdCannotEncode(format!(
                "a date value must be a string, found {other}"
            )))
        }
        _ => None,
    };
    match encoded {
        Some(e) => Ok(e),
        None => json_scalar_to_cbor(value),
    }
}

/// Decodes one CBOR item that is not a map. `None`: an array no codec claims, to be walked
/// element by element.
pub(super) fn decode(
    value: &Cbor,
    table_type: &str,
    table: &TypeTable,
    terms: &TermCodes,
) -> Result<Option<Value>> {
    if table.has(table_type) {
        let as_bytes = codes_as_bytes(table_type);
        let code = match value {
            Cbor::Bytes(b) if as_bytes => Some(bytes_uint(b)?),
            Cbor::Integer(i) if !as_bytes => Some(
                u64::try_from(*i)
                    .map_err(|_| Error::CborLdInvalid(format!("negative {table_type} code")))?,
            ),
            _ => None,
        };
        if let Some(code) = code {
            let found = table.value(table_type, code).ok_or_else(|| {
                Error::CborLdInvalid(format!("{table_type} code {code} is not in the table"))
            })?;
            return Ok(Some(Value::String(found.to_owned())));
        }
        if let (Cbor::Bytes(b), false) = (value, table_type == NONE) {
            return Ok(Some(bytes_int(b)?.into()));
        }
    }
    let decoded = match table_type {
        URL => decode_url(value, terms)?,
        MULTIBASE => decode_multibase(value)?,
        XSD_DATE => decode_date(value)?,
        XSD_DATE_TIME => decode_date_time(value)?,
        _ => None,
    };
    if decoded.is_some() {
        return Ok(decoded);
    }
    match value {
        Cbor::Array(_) => Ok(None),
        Cbor::Map(_) => Err(Error::CborLdInvalid(
            "a map where a value was expected".into(),
        )),
        other => plain_cbor_to_json(other).map(Some),
    }
}

/// Encodes a `@context` entry: a table code, or the URL, or an embedded context as a map.
pub(super) fn encode_context(value: &Value, table: &TypeTable) -> Result<Cbor> {
    match value {
        Value::String(url) => Ok(match table.code(CONTEXT, url) {
            Some(code) => Cbor::Integer(code.into()),
            None => Cbor::Text(url.clone()),
        }),
        other => plain_json_to_cbor(other),
    }
}

/// Decodes a `@context` entry.
pub(super) fn decode_context(value: &Cbor, table: &TypeTable) -> Result<Value> {
    match value {
        Cbor::Integer(i) => {
            let code = u64::try_from(*i).ok();
            code.and_then(|c| table.value(CONTEXT, c))
                .map(|url| Value::String(url.to_owned()))
                .ok_or_else(|| Error::CborLdInvalid(format!("unknown context code {i:?}")))
        }
        other => plain_cbor_to_json(other),
    }
}

// ---- URLs ----

fn encode_url(s: &str, terms: &TermCodes) -> Option<Cbor> {
    if let Some(id) = terms.id(s) {
        return Some(Cbor::Integer(id.into()));
    }
    // The scheme as CBOR-LD 1.0 determines it: everything before the last colon.
    let scheme = &s[..s.rfind(':')?];
    match scheme {
        "http" | "https" => {
            let (prefix, code) = if let Some(rest) = s.strip_prefix("https://") {
                (rest, 2u64)
            } else {
                (s.strip_prefix("http://")?, 1)
            };
            let host = prefix.split(['/', '?', '#']).next().unwrap_or("");
            if host.is_empty() || host.chars().any(|c| c.is_whitespace() || c.is_control()) {
                return None;
            }
            Some(Cbor::Array(vec![
                code.into(),
                Cbor::Text(prefix.to_owned()),
            ]))
        }
        "urn:uuid" => {
            let rest = &s["urn:uuid:".len()..];
            let item = match crate::codec::parse_uuid(rest) {
                Some(bytes) => Cbor::Bytes(bytes.to_vec()),
                None => Cbor::Text(rest.to_owned()),
            };
            Some(Cbor::Array(vec![3.into(), item]))
        }
        "data" => Some(encode_data_url(s)),
        "did:key" | "did:v1:nym" => {
            let (prefix, code) = SCHEMES.iter().find(|(p, _)| s.starts_with(p))?;
            let rest = &s[prefix.len()..];
            if rest.matches('#').count() > 1 {
                return None;
            }
            let mut items = vec![Cbor::Integer((*code).into())];
            items.extend(rest.split('#').map(base58_part));
            Some(Cbor::Array(items))
        }
        _ => None,
    }
}

fn decode_url(value: &Cbor, terms: &TermCodes) -> Result<Option<Value>> {
    let text = match value {
        Cbor::Text(_) => return Ok(None),
        Cbor::Integer(i) => {
            let id = u64::try_from(*i).ok().filter(|id| id % 2 == 0);
            id.and_then(|id| terms.term(id))
                .ok_or_else(|| Error::CborLdInvalid(format!("unknown term id {i:?} as a URL")))?
                .to_owned()
        }
        Cbor::Array(items) => decode_url_array(items)?,
        _ => return Ok(None),
    };
    Ok(Some(Value::String(text)))
}

fn decode_url_array(items: &[Cbor]) -> Result<String> {
    let bad = || Error::CborLdInvalid("malformed compressed URL".into());
    let code = items
        .first()
        .and_then(|c| c.as_integer())
        .and_then(|c| u64::try_from(c).ok())
        .ok_or_else(bad)?;
    let (prefix, _) = SCHEMES
        .iter()
        .find(|(_, c)| *c == code)
        .ok_or_else(|| Error::CborLdInvalid(format!("unknown URL scheme code {code}")))?;
    match (code, &items[1..]) {
        (1 | 2, [Cbor::Text(rest)]) => Ok(format!("{prefix}{rest}")),
        (3, [Cbor::Text(rest)]) => Ok(format!("{prefix}{rest}")),
        (3, [Cbor::Bytes(b)]) => {
            let bytes: [u8; 16] = b.as_slice().try_into().map_err(|_| bad())?;
            Ok(format!("{prefix}{}", crate::codec::uuid_string(&bytes)))
        }
        (4, [Cbor::Text(rest)]) => Ok(format!("{prefix}{rest}")),
        (4, [Cbor::Text(media), Cbor::Bytes(data)]) => {
            Ok(format!("{prefix}{media};base64,{}", STANDARD.encode(data)))
        }
        (1024 | 1025, [authority]) => Ok(format!("{prefix}{}", base58_string(authority)?)),
        (1024 | 1025, [authority, fragment]) => Ok(format!(
            "{prefix}{}#{}",
            base58_string(authority)?,
            base58_string(fragment)?
        )),
        _ => Err(bad()),
    }
}

fn encode_data_url(s: &str) -> Cbor {
    let rest = &s["data:".len()..];
    let base64 = rest.rfind(";base64,").and_then(|i| {
        let (media, data) = (&rest[..i], &rest[i + ";base64,".len()..]);
        let bytes = STANDARD.decode(data)?;
        let clean = !rest.contains(['\n', '\r', '\u{2028}', '\u{2029}']);
        (clean && STANDARD.encode(&bytes) == data).then_some((media, bytes))
    });
    match base64 {
        Some((media, bytes)) => Cbor::Array(vec![
            4.into(),
            Cbor::Text(media.to_owned()),
            Cbor::Bytes(bytes),
        ]),
        None => Cbor::Array(vec![4.into(), Cbor::Text(rest.to_owned())]),
    }
}

/// A DID part: `z` + base58btc as bytes, anything else as text.
fn base58_part(part: &str) -> Cbor {
    part.strip_prefix('z')
        .and_then(base58::decode)
        .map_or_else(|| Cbor::Text(part.to_owned()), Cbor::Bytes)
}

fn base58_string(item: &Cbor) -> Result<String> {
    match item {
        Cbor::Text(t) => Ok(t.clone()),
        Cbor::Bytes(b) => Ok(format!("z{}", base58::encode(b))),
        _ => Err(Error::CborLdInvalid("malformed DID URL part".into())),
    }
}

// ---- multibase ----

fn encode_multibase(s: &str) -> Option<Cbor> {
    let (&prefix, rest) = s.as_bytes().split_first()?;
    let rest = std::str::from_utf8(rest).ok()?;
    let bytes = match prefix {
        b'z' => base58::decode(rest)?,
        b'u' => URL_SAFE_NO_PAD.decode(rest)?,
        b'M' => STANDARD.decode(rest)?,
        _ => return None,
    };
    let mut out = Vec::with_capacity(bytes.len() + 1);
    out.push(prefix);
    out.extend(bytes);
    // Only when decoding gives the same text back (canonical base64 padding and bits).
    (multibase_string(&out)? == s).then_some(Cbor::Bytes(out))
}

fn multibase_string(bytes: &[u8]) -> Option<String> {
    let (&prefix, rest) = bytes.split_first()?;
    Some(match prefix {
        b'z' => format!("z{}", base58::encode(rest)),
        b'u' => format!("u{}", URL_SAFE_NO_PAD.encode(rest)),
        b'M' => format!("M{}", STANDARD.encode(rest)),
        _ => return None,
    })
}

fn decode_multibase(value: &Cbor) -> Result<Option<Value>> {
    match value {
        Cbor::Bytes(b) => match b.first() {
            Some(p) if MULTIBASE_PREFIXES.contains(p) => Ok(multibase_string(b).map(Value::String)),
            _ => Err(Error::CborLdInvalid(
                "multibase bytes with an unknown base".into(),
            )),
        },
        _ => Ok(None),
    }
}

// ---- dates ----

fn encode_date(s: &str, date_only: bool) -> Option<Cbor> {
    if date_only {
        if s.contains('T') {
            return None;
        }
        let secs = parse_date_time(&format!("{s}T00:00:00Z"))?;
        return (format_epoch_ms(i128::from(secs) * 1000)?.get(..s.len())? == s)
            .then(|| Cbor::Integer(secs.into()));
    }
    if !s.contains('T') {
        return None;
    }
    match s.split_once('.') {
        None => {
            let secs = parse_date_time(s)?;
            (format_seconds(secs)? == s).then(|| Cbor::Integer(secs.into()))
        }
        Some((head, frac)) => {
            let ms_text = frac.strip_suffix('Z')?;
            if ms_text.len() != 3 || !ms_text.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let ms: i64 = ms_text.parse().ok()?;
            let secs = parse_date_time(&format!("{head}Z"))?;
            let text = format_epoch_ms(i128::from(secs) * 1000 + i128::from(ms))?;
            (text == s).then(|| Cbor::Array(vec![secs.into(), ms.into()]))
        }
    }
}

fn decode_date(value: &Cbor) -> Result<Option<Value>> {
    let Cbor::Integer(i) = value else {
        return Ok(None);
    };
    let text = format_epoch_ms(i128::from(*i) * 1000).ok_or_else(out_of_range)?;
    let date = text.split('T').next().unwrap_or_default().to_owned();
    Ok(Some(Value::String(date)))
}

fn decode_date_time(value: &Cbor) -> Result<Option<Value>> {
    let text = match value {
        Cbor::Integer(i) => {
            let secs = i64::try_from(*i).map_err(|_| out_of_range())?;
            format_seconds(secs).ok_or_else(out_of_range)?
        }
        Cbor::Array(items) if items.len() == 2 => {
            let (Some(s), Some(ms)) = (items[0].as_integer(), items[1].as_integer()) else {
                return Err(Error::CborLdInvalid(
                    "malformed compressed date-time".into(),
                ));
            };
            format_epoch_ms(i128::from(s) * 1000 + i128::from(ms)).ok_or_else(out_of_range)?
        }
        _ => return Ok(None),
    };
    Ok(Some(Value::String(text)))
}

fn out_of_range() -> Error {
    Error::CborLdInvalid("date outside the representable range".into())
}

/// An RFC 3339 date-time to seconds since the epoch (callers check the round trip).
fn parse_date_time(s: &str) -> Option<i64> {
    Timestamp::parse(s).map(|t| t.0)
}

/// Seconds since the epoch as `YYYY-MM-DDTHH:MM:SSZ` (JavaScript's `toISOString` without `.000`).
fn format_seconds(secs: i64) -> Option<String> {
    let text = format_epoch_ms(i128::from(secs) * 1000)?;
    Some(text.replace(".000Z", "Z"))
}

/// Milliseconds since the epoch as JavaScript's `Date.prototype.toISOString` writes them
/// (extended `±YYYYYY` years outside 0-9999); `None` outside `Date`'s range.
fn format_epoch_ms(ms: i128) -> Option<String> {
    if ms.abs() > MAX_EPOCH_MS {
        return None;
    }
    let ms = i64::try_from(ms).ok()?;
    let (days, rem) = (ms.div_euclid(86_400_000), ms.rem_euclid(86_400_000));
    let (y, m, d) = civil_from_days(days);
    let year = if (0..=9999).contains(&y) {
        format!("{y:04}")
    } else if y < 0 {
        format!("-{:06}", -y)
    } else {
        format!("+{y:06}")
    };
    Some(format!(
        "{year}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3_600_000,
        rem / 60_000 % 60,
        rem / 1000 % 60,
        rem % 1000
    ))
}

// ---- integers as bytes ----

/// A table code as big-endian bytes: 1 byte below 255, 2 below 65,535, else 4 or 8 (the reference
/// implementation's widths).
fn uint_bytes(code: u64) -> Vec<u8> {
    if code < 0xFF {
        vec![code as u8]
    } else if code < 0xFFFF {
        (code as u16).to_be_bytes().to_vec()
    } else if code < 0xFFFF_FFFF {
        (code as u32).to_be_bytes().to_vec()
    } else {
        code.to_be_bytes().to_vec()
    }
}

fn bytes_uint(b: &[u8]) -> Result<u64> {
    match b.len() {
        1 => Ok(u64::from(b[0])),
        2 => Ok(u64::from(u16::from_be_bytes([b[0], b[1]]))),
        4 => Ok(u64::from(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))),
        n => Err(Error::CborLdInvalid(format!("a table code of {n} bytes"))),
    }
}

/// A JSON integer under a typed term with a table, as two's-complement big-endian bytes.
fn int_bytes(i: i64) -> Vec<u8> {
    if (-0x80..0x7F).contains(&i) {
        vec![i as i8 as u8]
    } else if (-0x8000..0x7FFF).contains(&i) {
        (i as i16).to_be_bytes().to_vec()
    } else if (-0x8000_0000..0x7FFF_FFFF).contains(&i) {
        (i as i32).to_be_bytes().to_vec()
    } else {
        i.to_be_bytes().to_vec()
    }
}

fn bytes_int(b: &[u8]) -> Result<i64> {
    match b.len() {
        1 => Ok(i64::from(b[0] as i8)),
        2 => Ok(i64::from(i16::from_be_bytes([b[0], b[1]]))),
        4 => Ok(i64::from(i32::from_be_bytes([b[0], b[1], b[2], b[3]]))),
        8 => Ok(i64::from_be_bytes(
            b.try_into().map_err(|_| out_of_range())?,
        )),
        n => Err(Error::CborLdInvalid(format!("an integer of {n} bytes"))),
    }
}

// ---- plain JSON <-> CBOR ----

fn json_scalar_to_cbor(v: &Value) -> Result<Cbor> {
    Ok(match v {
        Value::Null => Cbor::Null,
        Value::Bool(b) => Cbor::Bool(*b),
        Value::String(s) => Cbor::Text(s.clone()),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Cbor::Integer(i.into())
            } else if let Some(u) = n.as_u64() {
                Cbor::Integer(u.into())
            } else {
                Cbor::Float(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        other => plain_json_to_cbor(other)?,
    })
}

/// JSON to CBOR without semantic compression (embedded contexts), maps in CBOR-LD key order.
pub(super) fn plain_json_to_cbor(v: &Value) -> Result<Cbor> {
    Ok(match v {
        Value::Array(a) => Cbor::Array(a.iter().map(plain_json_to_cbor).collect::<Result<_>>()?),
        Value::Object(o) => {
            let mut entries = o
                .iter()
                .map(|(k, v)| Ok((Cbor::Text(k.clone()), plain_json_to_cbor(v)?)))
                .collect::<Result<Vec<_>>>()?;
            super::sort_map(&mut entries);
            Cbor::Map(entries)
        }
        scalar => json_scalar_to_cbor(scalar)?,
    })
}

/// CBOR (text-keyed maps only) to JSON, for embedded contexts and uncompressed payloads.
pub(super) fn plain_cbor_to_json(v: &Cbor) -> Result<Value> {
    crate::codec::cbor::to_json(v).map_err(Error::CborLdInvalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_javascript_iso_strings() {
        for (text, secs) in [
            ("1970-01-01T00:00:00Z", 0),
            ("2025-01-01T00:00:00Z", 1_735_689_600),
            ("1969-12-31T23:59:59Z", -1),
            ("2000-02-29T12:00:00Z", 951_825_600),
        ] {
            assert_eq!(encode_date(text, false), Some(Cbor::Integer(secs.into())));
            assert_eq!(
                decode_date_time(&Cbor::Integer(secs.into())).unwrap(),
                Some(text.into())
            );
        }
        assert_eq!(
            encode_date("2025-01-01T00:00:00.250Z", false),
            Some(Cbor::Array(vec![1_735_689_600.into(), 250.into()]))
        );
        // Lossy or non-canonical forms stay strings.
        for text in [
            "2025-01-01T00:00:00+01:00",
            "2025-01-01T00:00:00.5Z",
            "2025-02-30T00:00:00Z",
        ] {
            assert_eq!(encode_date(text, false), None, "{text}");
        }
        assert_eq!(
            encode_date("1990-04-01", true),
            Some(Cbor::Integer(638_928_000.into()))
        );
        assert_eq!(encode_date("1990-04", true), None);
        assert_eq!(
            format_epoch_ms(-62_198_755_200_000).unwrap(),
            "-000001-01-01T00:00:00.000Z"
        );
        assert_eq!(format_epoch_ms(MAX_EPOCH_MS + 1), None);
    }

    #[test]
    fn uuids_and_multibase_round_trip_only_when_lossless() {
        let id = "2f1d4c8e-9b7a-4e61-8d3c-5a0b1e2f3c4d";
        assert_eq!(
            crate::codec::uuid_string(&crate::codec::parse_uuid(id).unwrap()),
            id
        );
        assert_eq!(crate::codec::parse_uuid(&id.to_uppercase()), None);
        assert_eq!(
            crate::codec::parse_uuid("2f1d4c8e-9b7a-0e61-8d3c-5a0b1e2f3c4d"),
            None
        );
        assert!(encode_multibase("z3yMApqCuCjXDWPrbJfR5mjCPZHfFQ8TDpypzyXNaNrC").is_some());
        // base64url with non-zero trailing bits would not come back the same.
        assert_eq!(encode_multibase("uAB"), None);
        assert_eq!(encode_multibase("x123"), None);
    }

    #[test]
    fn integers_as_bytes_round_trip() {
        for i in [
            0,
            1,
            126,
            127,
            -1,
            -128,
            -129,
            32_766,
            32_767,
            -40_000,
            i64::MAX,
            i64::MIN,
        ] {
            assert_eq!(bytes_int(&int_bytes(i)).unwrap(), i, "{i}");
        }
        for c in [0, 254, 255, 65_534, 65_535, 1 << 20] {
            assert_eq!(bytes_uint(&uint_bytes(c)).unwrap(), c, "{c}");
        }
    }
}

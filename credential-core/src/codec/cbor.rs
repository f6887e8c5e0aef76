//! Reading CBOR (RFC 8949), bounded and strict, into `ciborium`'s value type.
//!
//! Only definite lengths are accepted (every encoder we read writes them, and RFC 8949 §4.2.1
//! deterministic encoding requires them); lengths are checked against the bytes left before
//! anything is allocated, nesting is bounded, and trailing bytes are an error. Writing stays with
//! `ciborium` (the issuer side); reading is ours so that the verifier carries no serde CBOR
//! deserializer.

use ciborium::value::{Integer, Value as Cbor};
use serde_json::Value;

/// Why CBOR could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ReadError {
    /// Nested deeper than allowed.
    TooDeep,
    /// Not well-formed CBOR, or a form we refuse.
    Invalid(String),
}

/// Reads exactly one CBOR data item from `bytes`.
pub(crate) fn read(bytes: &[u8], max_depth: usize) -> Result<Cbor, ReadError> {
    let mut r = Reader { bytes, pos: 0 };
    let item = r.item(max_depth)?;
    if r.pos != bytes.len() {
        return Err(ReadError::Invalid("bytes after the CBOR item".into()));
    }
    Ok(item)
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

fn invalid(m: &str) -> ReadError {
    ReadError::Invalid(m.to_owned())
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ReadError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| invalid("the data ends inside an item"))?;
        let out = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(out)
    }

    /// The argument of an initial byte (RFC 8949 §3): the value for additional info < 24, or the
    /// following 1, 2, 4 or 8 bytes.
    fn argument(&mut self, info: u8) -> Result<u64, ReadError> {
        let n = match info {
            0..=23 => return Ok(u64::from(info)),
            24 => 1,
            25 => 2,
            26 => 4,
            27 => 8,
            31 => return Err(invalid("indefinite lengths are not accepted")),
            _ => return Err(invalid("reserved additional information")),
        };
        Ok(self
            .take(n)?
            .iter()
            .fold(0u64, |v, &b| (v << 8) | u64::from(b)))
    }

    /// A length, refused when it exceeds the bytes left (each element needs at least one).
    fn length(&mut self, info: u8) -> Result<usize, ReadError> {
        let n = self.argument(info)?;
        let left = (self.bytes.len() - self.pos) as u64;
        if n > left {
            return Err(invalid("a length longer than the data"));
        }
        Ok(n as usize)
    }

    fn item(&mut self, depth: usize) -> Result<Cbor, ReadError> {
        let initial = self.take(1)?[0];
        let (major, info) = (initial >> 5, initial & 0x1F);
        Ok(match major {
            0 => Cbor::Integer(Integer::from(self.argument(info)?)),
            1 => {
                let n = self.argument(info)?;
                let v = -1 - i128::from(n);
                Cbor::Integer(Integer::try_from(v).map_err(|_| invalid("integer out of range"))?)
            }
            2 => {
                let n = self.length(info)?;
                Cbor::Bytes(self.take(n)?.to_vec())
            }
            3 => {
                let n = self.length(info)?;
                let text = std::str::from_utf8(self.take(n)?)
                    .map_err(|_| invalid("a text string that is not UTF-8"))?;
                Cbor::Text(text.to_owned())
            }
            4 | 5 => {
                let depth = depth.checked_sub(1).ok_or(ReadError::TooDeep)?;
                let n = self.length(info)?;
                if major == 4 {
                    let mut items = Vec::with_capacity(n.min(64));
                    for _ in 0..n {
                        items.push(self.item(depth)?);
                    }
                    Cbor::Array(items)
                } else {
                    let mut entries = Vec::with_capacity(n.min(64));
                    for _ in 0..n {
                        let k = self.item(depth)?;
                        let v = self.item(depth)?;
                        entries.push((k, v));
                    }
                    Cbor::Map(entries)
                }
            }
            6 => {
                let tag = self.argument(info)?;
                let depth = depth.checked_sub(1).ok_or(ReadError::TooDeep)?;
                Cbor::Tag(tag, Box::new(self.item(depth)?))
            }
            _ => match info {
                20 => Cbor::Bool(false),
                21 => Cbor::Bool(true),
                22 => Cbor::Null,
                23 => return Err(invalid("the undefined value")),
                25 => Cbor::Float(half(self.argument(info)? as u16)),
                26 => Cbor::Float(f64::from(f32::from_bits(self.argument(info)? as u32))),
                27 => Cbor::Float(f64::from_bits(self.argument(info)?)),
                _ => return Err(invalid("a simple value with no meaning here")),
            },
        })
    }
}

/// IEEE 754 binary16 to f64 (RFC 8949 Appendix D).
fn half(bits: u16) -> f64 {
    let exponent = i32::from((bits >> 10) & 0x1F);
    let mantissa = f64::from(bits & 0x3FF);
    let magnitude = match exponent {
        0 => mantissa * 2f64.powi(-24),
        31 if mantissa == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        e => (mantissa + 1024.0) * 2f64.powi(e - 25),
    };
    if bits & 0x8000 != 0 {
        -magnitude
    } else {
        magnitude
    }
}

/// The JSON value of plain CBOR: text-keyed maps without duplicate keys, arrays, text, integers
/// that fit i64 or u64, finite floats, booleans and null. Anything else has no JSON equivalent.
pub(crate) fn to_json(v: &Cbor) -> Result<Value, String> {
    Ok(match v {
        Cbor::Array(a) => Value::Array(a.iter().map(to_json).collect::<Result<_, _>>()?),
        Cbor::Map(m) => {
            let mut out = serde_json::Map::new();
            for (k, v) in m {
                let Cbor::Text(k) = k else {
                    return Err("a map key that is not text".into());
                };
                if out.insert(k.clone(), to_json(v)?).is_some() {
                    return Err(format!("duplicate key {k}"));
                }
            }
            Value::Object(out)
        }
        Cbor::Null => Value::Null,
        Cbor::Bool(b) => Value::Bool(*b),
        Cbor::Text(s) => Value::String(s.clone()),
        Cbor::Integer(i) => {
            let i = i128::from(*i);
            match (i64::try_from(i), u64::try_from(i)) {
                (Ok(x), _) => x.into(),
                (_, Ok(x)) => x.into(),
                _ => return Err("integer out of range".into()),
            }
        }
        Cbor::Float(f) => serde_json::Number::from_f64(*f)
            .map(Value::Number)
            .ok_or("a non-finite number")?,
        _ => return Err("a CBOR item with no JSON equivalent (bytes, tag, undefined)".into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(v: &Cbor) -> Vec<u8> {
        let mut out = Vec::new();
        ciborium::ser::into_writer(v, &mut out).unwrap();
        out
    }

    #[test]
    fn reads_what_ciborium_writes() {
        let v = Cbor::Tag(
            51997,
            Box::new(Cbor::Array(vec![
                Cbor::Integer(1.into()),
                Cbor::Map(vec![
                    (Cbor::Text("a".into()), Cbor::Integer((-500).into())),
                    (Cbor::Integer(u64::MAX.into()), Cbor::Bytes(vec![1, 2, 3])),
                    (Cbor::Text("f".into()), Cbor::Float(1.5)),
                    (Cbor::Text("g".into()), Cbor::Float(0.1)),
                    (
                        Cbor::Text("é".into()),
                        Cbor::Array(vec![Cbor::Null, Cbor::Bool(true)]),
                    ),
                ]),
            ])),
        );
        assert_eq!(read(&encode(&v), 8).unwrap(), v);
    }

    /// RFC 8949 Appendix A examples.
    #[test]
    fn rfc8949_appendix_a() {
        let cases: &[(&[u8], Cbor)] = &[
            (
                &[0x1b, 0, 0, 0, 0xe8, 0xd4, 0xa5, 0x10, 0],
                Cbor::Integer(1_000_000_000_000u64.into()),
            ),
            (
                &[0x3b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
                Cbor::Integer(Integer::try_from(-18_446_744_073_709_551_616i128).unwrap()),
            ),
            (&[0xf9, 0x3c, 0x00], Cbor::Float(1.0)),
            (&[0xf9, 0x00, 0x01], Cbor::Float(5.960464477539063e-8)),
            (&[0xf9, 0xc4, 0x00], Cbor::Float(-4.0)),
            (&[0xfa, 0x47, 0xc3, 0x50, 0x00], Cbor::Float(100000.0)),
            (&[0x64, 0x49, 0x45, 0x54, 0x46], Cbor::Text("IETF".into())),
        ];
        for (bytes, want) in cases {
            assert_eq!(read(bytes, 4).unwrap(), *want, "{bytes:02x?}");
        }
        assert!(matches!(read(&[0xf9, 0x7c, 0x00], 4).unwrap(), Cbor::Float(f) if f.is_infinite()));
    }

    #[test]
    fn hostile_forms_are_refused() {
        // Indefinite length, length beyond the data, truncated, trailing, undefined, reserved.
        for bad in [
            &[0x9f, 0x01, 0xff][..],
            &[0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
            &[0x9b, 0, 0, 0, 0, 0, 0, 0, 200],
            &[0x19, 0x01],
            &[0x01, 0x01],
            &[0xf7],
            &[0x1c],
            &[0x62, 0xff, 0xfe],
        ] {
            assert!(
                matches!(read(bad, 8), Err(ReadError::Invalid(_))),
                "{bad:02x?}"
            );
        }
        let deep = [vec![0x81; 100], vec![0x01]].concat();
        assert_eq!(read(&deep, 64).unwrap_err(), ReadError::TooDeep);
        assert!(read(&deep, 200).is_ok());
    }

    #[test]
    fn json_equivalents() {
        let m = Cbor::Map(vec![
            (Cbor::Text("a".into()), Cbor::Integer(1.into())),
            (Cbor::Text("a".into()), Cbor::Integer(2.into())),
        ]);
        assert!(to_json(&m).unwrap_err().contains("duplicate"));
        assert!(to_json(&Cbor::Bytes(vec![])).is_err());
        assert!(to_json(&Cbor::Float(f64::NAN)).is_err());
        assert_eq!(
            to_json(&Cbor::Array(vec![
                Cbor::Integer(u64::MAX.into()),
                Cbor::Float(0.5)
            ]))
            .unwrap(),
            serde_json::json!([u64::MAX, 0.5])
        );
    }
}

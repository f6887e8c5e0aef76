//! The data segments of a QR code symbol (ISO/IEC 18004:2015 §7.4): numeric, alphanumeric and
//! byte mode, with ECI designators for ISO 8859-1 and UTF-8.
//!
//! Kanji, Hanzi and structured-append symbols are refused (no credential encoding uses them);
//! byte data without an ECI is read as UTF-8 when it is valid UTF-8 (what every encoder writes
//! today) and as ISO 8859-1 (the standard's default) otherwise.

/// The 45 characters of alphanumeric mode (§7.4.5, Table 5).
const ALPHANUMERIC: &[u8; 45] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";

struct Bits<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Bits<'_> {
    fn available(&self) -> usize {
        self.bytes.len() * 8 - self.pos
    }

    fn read(&mut self, n: usize) -> Result<u32, String> {
        if n > self.available() {
            return Err("the data ends inside a segment".into());
        }
        let mut v = 0u32;
        for _ in 0..n {
            let bit = (self.bytes[self.pos / 8] >> (7 - self.pos % 8)) & 1;
            v = (v << 1) | u32::from(bit);
            self.pos += 1;
        }
        Ok(v)
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Charset {
    /// No ECI seen: UTF-8 when valid, else ISO 8859-1.
    Default,
    Latin1,
    Utf8,
}

/// Decodes the error-corrected data codewords of a symbol of `version` (1–40).
pub(super) fn decode(data: &[u8], version: u32) -> Result<String, String> {
    let size_class = match version {
        1..=9 => 0,
        10..=26 => 1,
        _ => 2,
    };
    let mut bits = Bits {
        bytes: data,
        pos: 0,
    };
    let mut text = String::new();
    let mut bytes: Vec<u8> = Vec::new();
    let mut charset = Charset::Default;
    let flush = |bytes: &mut Vec<u8>, text: &mut String, charset: Charset| {
        match (charset, std::str::from_utf8(bytes)) {
            (Charset::Default | Charset::Utf8, Ok(s)) => text.push_str(s),
            (Charset::Utf8, Err(_)) => return Err("byte data is not valid UTF-8".to_owned()),
            _ => text.extend(bytes.iter().map(|&b| char::from(b))),
        }
        bytes.clear();
        Ok(())
    };
    while bits.available() >= 4 {
        match bits.read(4)? {
            0b0000 => break,
            0b0001 => {
                let count = bits.read([10, 12, 14][size_class])? as usize;
                flush(&mut bytes, &mut text, charset)?;
                numeric(&mut bits, count, &mut text)?;
            }
            0b0010 => {
                let count = bits.read([9, 11, 13][size_class])? as usize;
                flush(&mut bytes, &mut text, charset)?;
                alphanumeric(&mut bits, count, &mut text)?;
            }
            0b0100 => {
                let count = bits.read([8, 16, 16][size_class])? as usize;
                for _ in 0..count {
                    bytes.push(bits.read(8)? as u8);
                }
            }
            0b0111 => {
                let first = bits.read(8)?;
                let designator = if first & 0x80 == 0 {
                    first
                } else if first & 0xC0 == 0x80 {
                    ((first & 0x3F) << 8) | bits.read(8)?
                } else if first & 0xE0 == 0xC0 {
                    ((first & 0x1F) << 16) | bits.read(16)?
                } else {
                    return Err("malformed ECI designator".into());
                };
                flush(&mut bytes, &mut text, charset)?;
                charset = match designator {
                    1 | 3 => Charset::Latin1,
                    26 => Charset::Utf8,
                    other => return Err(format!("character set ECI {other} is not supported")),
                };
            }
            // FNC1 in first position carries no data; in second position, an application
            // indicator byte.
            0b0101 => {}
            0b1001 => {
                bits.read(8)?;
            }
            0b0011 => return Err("structured append (a code split over symbols)".into()),
            mode => return Err(format!("mode {mode:04b} (Kanji/Hanzi) is not supported")),
        }
    }
    flush(&mut bytes, &mut text, charset)?;
    Ok(text)
}

fn numeric(bits: &mut Bits, mut count: usize, out: &mut String) -> Result<(), String> {
    while count > 0 {
        let (n, width) = match count {
            1 => (1, 4),
            2 => (2, 7),
            _ => (3, 10),
        };
        let v = bits.read(width)?;
        if v >= [10, 100, 1000][n - 1] {
            return Err("invalid numeric data".into());
        }
        out.push_str(&format!("{v:0n$}"));
        count -= n;
    }
    Ok(())
}

fn alphanumeric(bits: &mut Bits, mut count: usize, out: &mut String) -> Result<(), String> {
    let ch = |i: u32| {
        ALPHANUMERIC
            .get(i as usize)
            .map(|&c| char::from(c))
            .ok_or_else(|| "invalid alphanumeric data".to_owned())
    };
    while count >= 2 {
        let v = bits.read(11)?;
        out.push(ch(v / 45)?);
        out.push(ch(v % 45)?);
        count -= 2;
    }
    if count == 1 {
        out.push(ch(bits.read(6)?)?);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Packs (value, width) pairs into bytes, zero-padded.
    fn pack(fields: &[(u32, usize)]) -> Vec<u8> {
        let mut bits = Vec::new();
        for &(v, w) in fields {
            for i in (0..w).rev() {
                bits.push((v >> i) & 1 == 1);
            }
        }
        bits.chunks(8)
            .map(|c| {
                c.iter()
                    .enumerate()
                    .fold(0u8, |b, (i, &x)| b | (u8::from(x) << (7 - i)))
            })
            .collect()
    }

    #[test]
    fn iso_18004_example_segments() {
        // ISO/IEC 18004 §7.4.4 example: "01234567" in numeric mode, version 1.
        let data = pack(&[(1, 4), (8, 10), (12, 10), (345, 10), (67, 7), (0, 4)]);
        assert_eq!(decode(&data, 1).unwrap(), "01234567");
        // §7.4.5 example: "AC-42" in alphanumeric mode.
        let data = pack(&[
            (2, 4),
            (5, 9),
            (10 * 45 + 12, 11),
            (41 * 45 + 4, 11),
            (2, 6),
        ]);
        assert_eq!(decode(&data, 1).unwrap(), "AC-42");
    }

    #[test]
    fn byte_mode_and_character_sets() {
        let utf8 = "é€".as_bytes();
        let mut f = vec![(4, 4), (utf8.len() as u32, 8)];
        f.extend(utf8.iter().map(|&b| (u32::from(b), 8)));
        assert_eq!(decode(&pack(&f), 1).unwrap(), "é€");
        let latin = pack(&[(4, 4), (1, 8), (0xE9, 8)]);
        assert_eq!(decode(&latin, 1).unwrap(), "é");
        let eci_utf8_bad = pack(&[(7, 4), (26, 8), (4, 4), (1, 8), (0xE9, 8)]);
        assert!(decode(&eci_utf8_bad, 1).is_err());
        let sjis = pack(&[(7, 4), (20, 8), (4, 4), (1, 8), (0x41, 8)]);
        assert!(decode(&sjis, 1).is_err());
        let kanji = pack(&[(8, 4), (1, 8), (0, 13)]);
        assert!(decode(&kanji, 1).is_err());
        // Counts past the end of the data are errors, not panics.
        assert!(decode(&pack(&[(4, 4), (200, 8), (1, 8)]), 1).is_err());
        assert!(decode(&pack(&[(2, 4), (1, 9), (63, 6)]), 1).is_err());
    }
}

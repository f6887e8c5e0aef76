//! Bounded DEFLATE decompression (RFC 1951) inside zlib (RFC 1950, with preset dictionaries) and
//! GZIP (RFC 1952) framing, on `miniz_oxide`'s inflater.
//!
//! The framing is checked here, field by field, so that decoding needs no zlib library: the
//! verifier only ever decompresses (the issuer's compressor lives behind `flate2`).

use miniz_oxide::inflate::core::inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
use miniz_oxide::inflate::core::{decompress, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

/// Why decompression failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum InflateError {
    /// Not valid DEFLATE / zlib / GZIP data, or a checksum mismatch.
    Corrupt(String),
    /// The data ends before the compressed stream does.
    Truncated,
    /// The output would exceed the limit.
    TooLarge,
}

/// Inflates a raw DEFLATE stream whose back-references may reach into `preset` (a zlib preset
/// dictionary). Returns the output (without `preset`) and the number of input bytes used.
pub(crate) fn inflate_raw(
    data: &[u8],
    preset: &[u8],
    max: usize,
) -> Result<(Vec<u8>, usize), InflateError> {
    let mut state = DecompressorOxide::new();
    let limit = preset.len() + max + 1;
    let mut out = preset.to_vec();
    out.resize(
        (preset.len() + data.len().saturating_mul(4).max(1024)).min(limit),
        0,
    );
    let (mut pos, mut used) = (preset.len(), 0);
    loop {
        let (status, read, written) = decompress(
            &mut state,
            &data[used..],
            &mut out,
            pos,
            TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
        );
        used += read;
        pos += written;
        match status {
            TINFLStatus::Done => break,
            TINFLStatus::HasMoreOutput => {
                if out.len() >= limit {
                    return Err(InflateError::TooLarge);
                }
                let grown = out.len().saturating_mul(2).min(limit);
                out.resize(grown, 0);
            }
            TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                return Err(InflateError::Truncated)
            }
            other => {
                return Err(InflateError::Corrupt(format!(
                    "invalid DEFLATE data ({other:?})"
                )))
            }
        }
    }
    if pos - preset.len() > max {
        return Err(InflateError::TooLarge);
    }
    out.truncate(pos);
    out.drain(..preset.len());
    Ok((out, used))
}

/// Inflates a complete zlib stream (RFC 1950) whose two header bytes must be `header`; with a
/// preset dictionary the header is followed by its Adler-32 (DICTID). Trailing bytes are an error.
pub(crate) fn zlib(
    data: &[u8],
    header: [u8; 2],
    dictionary: Option<&[u8]>,
    max: usize,
) -> Result<Vec<u8>, InflateError> {
    let corrupt = |m: &str| InflateError::Corrupt(m.to_owned());
    if data.len() < 2 {
        return Err(InflateError::Truncated);
    }
    if data[..2] != header {
        return Err(corrupt("non-canonical zlib header"));
    }
    let (cmf, flg) = (data[0], data[1]);
    if cmf & 0x0F != 8 || cmf >> 4 > 7 || (u16::from(cmf) * 256 + u16::from(flg)) % 31 != 0 {
        return Err(corrupt("invalid zlib header"));
    }
    let mut start = 2;
    let preset = match (flg & 0x20 != 0, dictionary) {
        (true, Some(dict)) => {
            let id = data.get(2..6).ok_or(InflateError::Truncated)?;
            if id != adler32(dict).to_be_bytes() {
                return Err(corrupt("the stream needs another preset dictionary"));
            }
            start = 6;
            dict
        }
        (false, None) => &[][..],
        (true, None) => return Err(corrupt("the stream needs a preset dictionary")),
        (false, Some(_)) => return Err(corrupt("the stream has no preset dictionary")),
    };
    let (out, used) = inflate_raw(&data[start..], preset, max)?;
    let trailer = &data[start + used..];
    if trailer.len() < 4 {
        return Err(InflateError::Truncated);
    }
    if trailer[..4] != adler32(&out).to_be_bytes() {
        return Err(corrupt("Adler-32 checksum mismatch"));
    }
    if trailer.len() > 4 {
        return Err(corrupt("bytes after the end of the zlib stream"));
    }
    Ok(out)
}

/// Inflates one GZIP member (RFC 1952), checking its CRC-32 and length. Trailing bytes are an
/// error.
pub(crate) fn gunzip(data: &[u8], max: usize) -> Result<Vec<u8>, InflateError> {
    let corrupt = |m: &str| InflateError::Corrupt(m.to_owned());
    let header = data.get(..10).ok_or(InflateError::Truncated)?;
    if header[..3] != [0x1F, 0x8B, 8] {
        return Err(corrupt("not a GZIP stream"));
    }
    let flags = header[3];
    if flags & 0xE0 != 0 {
        return Err(corrupt("reserved GZIP flags are set"));
    }
    let mut pos = 10;
    if flags & 0x04 != 0 {
        let len = data.get(pos..pos + 2).ok_or(InflateError::Truncated)?;
        pos += 2 + usize::from(u16::from_le_bytes([len[0], len[1]]));
    }
    for flag in [0x08, 0x10] {
        if flags & flag != 0 {
            let end = data
                .get(pos..)
                .and_then(|rest| rest.iter().position(|&b| b == 0))
                .ok_or(InflateError::Truncated)?;
            pos += end + 1;
        }
    }
    if flags & 0x02 != 0 {
        pos += 2;
    }
    let body = data.get(pos..).ok_or(InflateError::Truncated)?;
    let (out, used) = inflate_raw(body, &[], max)?;
    let trailer = &body[used..];
    if trailer.len() < 8 {
        return Err(InflateError::Truncated);
    }
    if trailer[..4] != crc32(&out).to_le_bytes() {
        return Err(corrupt("CRC-32 mismatch"));
    }
    if trailer[4..8] != (out.len() as u32).to_le_bytes() {
        return Err(corrupt("length mismatch"));
    }
    if trailer.len() > 8 {
        return Err(corrupt("bytes after the GZIP member"));
    }
    Ok(out)
}

/// Adler-32 (RFC 1950 §8).
fn adler32(data: &[u8]) -> u32 {
    const MOD: u32 = 65_521;
    let (mut a, mut b) = (1u32, 0u32);
    for chunk in data.chunks(5_552) {
        for &byte in chunk {
            a += u32::from(byte);
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    (b << 16) | a
}

/// CRC-32 (ISO 3309, as GZIP uses it: reflected, polynomial 0xEDB88320).
fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut table = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            table[i] = c;
            i += 1;
        }
        table
    };
    !data.iter().fold(!0u32, |c, &b| {
        TABLE[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn checksums_match_published_values() {
        // RFC 1950 / common check values for "123456789".
        assert_eq!(adler32(b"123456789"), 0x091E_01DE);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(adler32(b""), 1);
    }

    #[test]
    fn reads_what_zlib_writes_and_refuses_damage() {
        let text = b"hello hello hello hello, a preset dictionary helps".repeat(20);
        let dict = b"hello, a preset dictionary";
        let mut c = flate2::Compress::new(flate2::Compression::best(), true);
        c.set_dictionary(dict).unwrap();
        let mut z = Vec::with_capacity(4096);
        c.compress_vec(&text, &mut z, flate2::FlushCompress::Finish)
            .unwrap();
        assert_eq!(zlib(&z, [0x78, 0xF9], Some(dict), 4096).unwrap(), text);
        assert_eq!(
            zlib(&z, [0x78, 0xF9], Some(dict), 100).unwrap_err(),
            InflateError::TooLarge
        );
        assert_eq!(
            zlib(&z[..z.len() - 1], [0x78, 0xF9], Some(dict), 4096).unwrap_err(),
            InflateError::Truncated
        );
        let mut extra = z.clone();
        extra.push(0);
        assert!(zlib(&extra, [0x78, 0xF9], Some(dict), 4096).is_err());
        assert!(zlib(&z, [0x78, 0xF9], Some(b"other"), 4096).is_err());
        assert!(zlib(&z, [0x78, 0xF9], None, 4096).is_err());
        let mut bad_sum = z.clone();
        *bad_sum.last_mut().unwrap() ^= 1;
        assert!(zlib(&bad_sum, [0x78, 0xF9], Some(dict), 4096).is_err());

        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&text).unwrap();
        let gz = gz.finish().unwrap();
        assert_eq!(gunzip(&gz, 4096).unwrap(), text);
        assert_eq!(gunzip(&gz, 10).unwrap_err(), InflateError::TooLarge);
        assert_eq!(
            gunzip(&gz[..gz.len() - 3], 4096).unwrap_err(),
            InflateError::Truncated
        );
        let mut bad_crc = gz.clone();
        let at = bad_crc.len() - 8;
        bad_crc[at] ^= 1;
        assert!(gunzip(&bad_crc, 4096).is_err());
    }

    #[test]
    fn a_deflate_bomb_stops_at_the_limit() {
        let zeros = vec![0u8; 10_000_000];
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&zeros).unwrap();
        let gz = gz.finish().unwrap();
        assert!(gz.len() < 20_000);
        assert_eq!(gunzip(&gz, 1 << 20).unwrap_err(), InflateError::TooLarge);
    }
}

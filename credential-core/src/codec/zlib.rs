//! zlib (RFC 1950) compression, optionally with a preset dictionary, and bounded, canonical-only
//! decompression (`crate::codec::inflate`).

use crate::error::{Error, Result};
use flate2::{Compress, Compression, FlushCompress, Status};

/// Strings that recur in Laissez credentials: zlib back-references into this dictionary cost a
/// few bits instead of the string. Order matters (later = cheaper to reference); never change
/// it for encoding 0x02 — a new dictionary needs a new encoding id.
const DICTIONARY: &[u8] = concat!(
    "https://www.w3.org/ns/credentials/v2",
    "https://w3id.org/laissez/legal-identity/v1https://w3id.org/laissez/health/v1https://w3id.org/laissez/travel/v1",
    "https://w3id.org/laissez/schemas/legal-identity/v1.jsonhttps://w3id.org/laissez/schemas/",
    "health-vaccination/v1.jsonhealth-assessment/v1.jsontravel-eligibility/v1.json",
    "JsonSchemaBitstringStatusListEntrystatusPurposerevocationsuspensionstatusListIndexstatusListCredential",
    "VerifiableCredentialLegalIdentityCredentialHealthRecordCredentialVaccinationCredential",
    "HealthAssessmentCredentialTravelEligibilityCredential",
    "givenNamefamilyNamegivenNameLatinfamilyNameLatinnameScriptsexbirthDatebirthDateCertainty",
    "placeOfBirthcountryOfBirthnationalityregistrationNumberregisteringAuthorityregistrationDate",
    "holderNameholderNameLatindocumentNumbercertificateIdvaccinationdiseasevaccinevaccineBrand",
    "manufacturerlotNumbervaccinationDatedoseNumbertotalDosescountryOfVaccinationadministeringCentre",
    "assessmentassessmentTypeassessmentDateoutcometbScreeningcliniccountryOfAssessmentconditions",
    "authorizationTypeauthorizationNumberdestinationCountrypurposenumberOfEntriesissuingAuthorityholderBinding",
    "credentialSchemacredentialStatuscredentialSubjectvalidFromvalidUntilissuername",
    "DataIntegrityProofeddsa-rdfc-2022eddsa-jcs-2022ecdsa-rdfc-2019ecdsa-jcs-2019",
    "cryptosuiteproofPurposeassertionMethodverificationMethodcreatedproofValueproof",
    "urn:uuid:did:key:z6Mkdid:key:zDn",
)
.as_bytes();

/// Compresses `data` with zlib at the best level, with the preset dictionary if `dictionary`.
pub(crate) fn compress(data: &[u8], dictionary: bool) -> Vec<u8> {
    let mut c = Compress::new(Compression::best(), true);
    if dictionary {
        // Setting a dictionary on a fresh zlib stream cannot fail.
        let _ = c.set_dictionary(DICTIONARY);
    }
    let mut out = Vec::with_capacity(data.len() + 128);
    loop {
        let rest = &data[(c.total_in() as usize).min(data.len())..];
        match c.compress_vec(rest, &mut out, FlushCompress::Finish) {
            Ok(Status::StreamEnd) => return out,
            // Out of room (or a transient state): grow the buffer and continue.
            _ => out.reserve(out.capacity().max(128)),
        }
    }
}

/// The zlib header our encoder writes: deflate, 32 KiB window, best compression, with or without
/// a preset dictionary.
fn header(dictionary: bool) -> [u8; 2] {
    if dictionary {
        [0x78, 0xF9]
    } else {
        [0x78, 0xDA]
    }
}

/// Decompresses zlib data, refusing more than `max` output bytes (zip bombs), bad checksums and
/// non-canonical framing: a header other than the one we write (its compression-level bits are
/// ignored by inflaters) and set bits after the last block (also ignored). Without those checks
/// a one-byte change could give the same document.
pub(crate) fn decompress(data: &[u8], dictionary: bool, max: usize) -> Result<Vec<u8>> {
    let out = inflate(data, dictionary, max)?;
    // The last DEFLATE byte precedes the 4-byte Adler-32. Clearing one of its set bits gives the
    // same output only if that bit is padding: flipping a used bit changes a Huffman code.
    if let Some(last) = data.len().checked_sub(5) {
        for bit in (0..8).filter(|b| data[last] & (1 << b) != 0) {
            let mut cleared = data.to_vec();
            cleared[last] &= !(1 << bit);
            if inflate(&cleared, dictionary, max).is_ok_and(|o| o == out) {
                return Err(Error::EnvelopeCorrupt(
                    "set padding bits after the last block".into(),
                ));
            }
        }
    }
    Ok(out)
}

fn inflate(data: &[u8], dictionary: bool, max: usize) -> Result<Vec<u8>> {
    use crate::codec::inflate::{zlib, InflateError};
    zlib(
        data,
        header(dictionary),
        dictionary.then_some(DICTIONARY),
        max,
    )
    .map_err(|e| match e {
        InflateError::Corrupt(m) => Error::EnvelopeCorrupt(m),
        InflateError::Truncated => Error::EnvelopeTruncated,
        InflateError::TooLarge => Error::EnvelopeTooLarge { max },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_with_and_without_dictionary() {
        let data =
            b"https://www.w3.org/ns/credentials/v2 VerifiableCredential eddsa-rdfc-2022".repeat(3);
        for dict in [false, true] {
            let c = compress(&data, dict);
            assert_eq!(decompress(&c, dict, 1 << 20).unwrap(), data);
        }
        assert!(compress(&data, true).len() < compress(&data, false).len());
        // A dictionary stream cannot be read without the dictionary.
        assert!(decompress(&compress(&data, true), false, 1 << 20).is_err());
    }

    #[test]
    fn non_canonical_framing_is_refused() {
        let data = b"a credential".repeat(4);
        let c = compress(&data, false);
        // Same stream, other compression-level bits (still a valid zlib header: 0x789C).
        let mut level = c.clone();
        level[1] = 0x9C;
        assert!(crate::codec::inflate::zlib(&level, [0x78, 0x9C], None, 1 << 20).is_ok());
        assert_eq!(
            decompress(&level, false, 1 << 20).unwrap_err().code(),
            "envelope_corrupt"
        );
        // Padding bits after the last block are set.
        let last = c.len() - 5;
        let padded = (0..8).map(|b| {
            let mut p = c.clone();
            p[last] |= 1 << b;
            p
        });
        let mut found = 0;
        for p in padded.filter(|p| *p != c) {
            if inflate(&p, false, 1 << 20).is_ok_and(|o| o == data) {
                found += 1;
                assert_eq!(
                    decompress(&p, false, 1 << 20).unwrap_err().code(),
                    "envelope_corrupt"
                );
            }
        }
        assert!(found > 0, "the sample stream has padding bits");
    }

    #[test]
    fn bombs_are_refused() {
        let bomb = compress(&vec![0u8; 10 * 1024 * 1024], false);
        assert!(bomb.len() < 20 * 1024);
        assert_eq!(
            decompress(&bomb, false, 256 * 1024).unwrap_err().code(),
            "envelope_too_large"
        );
    }
}

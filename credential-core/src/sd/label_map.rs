//! Blank node label maps (VC DI ECDSA §3.4.1 labelReplacementCanonicalizeNQuads,
//! createLabelMapFunction, createHmacIdLabelMapFunction, relabelBlankNodes; §3.4.2
//! compressLabelMap / decompressLabelMap).

use super::MAX_STATEMENTS;
use crate::canon::rdf::Quad;
use crate::canon::rdfc::{self, RdfcHash, RdfcLimits};
use crate::codec::Base64;
use crate::error::{Error, Result};
use std::collections::HashMap;

/// A label map: blank node label -> new label, both without `_:`.
pub type LabelMap = HashMap<String, String>;

/// createHmacIdLabelMapFunction for one canonical label: `u` + base64url-no-pad of
/// HMAC-SHA-256(`key`, label).
pub(crate) fn hmac_label(key: &[u8; 32], canonical_label: &str) -> Result<String> {
    use hmac::{Hmac, Mac};
    let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(key)
        .map_err(|_| Error::SigningFailed("HMAC key".into()))?;
    mac.update(canonical_label.as_bytes());
    let digest = mac.finalize().into_bytes();
    let mut out = String::with_capacity(44);
    out.push('u');
    out.push_str(&Base64::UrlSafeNoPad.encode(digest));
    Ok(out)
}

/// Relabels the blank nodes of `quads` through `map`; a blank node the map does not name is an
/// error (it would otherwise be signed or compared under a label nobody can reproduce).
pub(crate) fn relabel(quads: &[Quad], map: &LabelMap) -> Result<Vec<String>> {
    let missing = std::cell::Cell::new(false);
    let lines = quads
        .iter()
        .map(|q| {
            q.to_nquad(&|b| match map.get(b) {
                Some(l) => l.clone(),
                None => {
                    missing.set(true);
                    String::new()
                }
            })
        })
        .collect();
    if missing.get() {
        return Err(Error::MalformedDocument(
            "a blank node of the selection has no label in the label map (an RDF list, a \
             graph container or an unsupported shape)"
                .into(),
        ));
    }
    Ok(lines)
}

/// Sorted, de-duplicated N-Quads lines.
pub(crate) fn sorted(mut lines: Vec<String>) -> Vec<String> {
    crate::sort::sort(&mut lines);
    lines.dedup();
    lines
}

/// The result of canonicalizing a dataset and relabelling it.
pub(crate) struct Relabelled {
    /// The RDFC-1.0 canonical N-Quads, with `c14n` labels.
    pub canonical: String,
    /// Input label -> canonical label (`c14n0`, …).
    pub issued: Vec<(String, String)>,
    /// The canonical statements with the new labels, sorted.
    pub nquads: Vec<String>,
    /// Input label -> new label.
    pub label_map: LabelMap,
}

/// labelReplacementCanonicalizeNQuads: canonicalizes `quads` (RDFC-1.0, SHA-256) and replaces
/// each canonical label by `new_label(canonical label)`.
pub(crate) fn canonicalize_relabel(
    quads: Vec<Quad>,
    new_label: &dyn Fn(&str) -> Result<String>,
) -> Result<Relabelled> {
    if quads.len() > MAX_STATEMENTS {
        return Err(Error::CanonicalizationLimit(format!(
            "{} statements; ecdsa-sd-2023 signs at most {MAX_STATEMENTS}",
            quads.len()
        )));
    }
    let (canonical, issued) =
        rdfc::canonicalize_with_labels(quads.clone(), RdfcHash::Sha256, RdfcLimits::default())?;
    let mut label_map = LabelMap::with_capacity(issued.len());
    for (input, c14n) in &issued {
        label_map.insert(input.clone(), new_label(c14n)?);
    }
    let nquads = sorted(relabel(&quads, &label_map)?);
    Ok(Relabelled {
        canonical,
        issued,
        nquads,
        label_map,
    })
}

/// compressLabelMap: `c14n<k>` -> `u<base64url>` becomes k -> 32 bytes.
pub(crate) fn compress(map: &[(String, String)]) -> Result<Vec<(u64, Vec<u8>)>> {
    let mut out = map
        .iter()
        .map(|(k, v)| {
            let key = k
                .strip_prefix("c14n")
                .and_then(|n| n.parse::<u64>().ok())
                .ok_or_else(|| Error::MalformedProof("a label map key is not c14n<n>".into()))?;
            let value = v
                .strip_prefix('u')
                .and_then(|b| Base64::UrlSafeNoPad.decode(b))
                .filter(|b| b.len() == 32)
                .ok_or_else(|| {
                    Error::MalformedProof("a label map value is not u<32 bytes base64url>".into())
                })?;
            Ok((key, value))
        })
        .collect::<Result<Vec<_>>>()?;
    out.sort_by_key(|(k, _)| *k);
    Ok(out)
}

/// decompressLabelMap.
pub(crate) fn decompress(map: &[(u64, Vec<u8>)]) -> Vec<(String, String)> {
    map.iter()
        .map(|(k, v)| {
            (
                format!("c14n{k}"),
                format!("u{}", Base64::UrlSafeNoPad.encode(v)),
            )
        })
        .collect()
}

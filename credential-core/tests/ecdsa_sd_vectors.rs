//! The W3C `ecdsa-sd-2023` test vectors (W3C Data Integrity ECDSA Cryptosuites v1.0, Test
//! Vectors: "Representation: ecdsa-sd-2023" and its "Additional Example", w3c/vc-di-ecdsa
//! `TestVectors/ecdsa-sd-2023/{employ,prc}`), read from
//! `../shared/vectors/ecdsa-sd-2023/` (never copied here). Every file of `employ/` and `prc/` is
//! checked byte for byte, signatures included (the reference signs with RFC 6979 nonces, as we
//! do), the derivation of the published base document to the published reveal document, and the
//! verification of both.

#![cfg(feature = "ecdsa-sd")]

mod common;

use common::*;
use credential_core::codec::hex;
use credential_core::keys::{Algorithm, PublicKey, SecretKey};
use credential_core::model::Timestamp;
use credential_core::sd::{self, BaseProofOptions, BaseProofSecrets};
use credential_core::verify::{CheckCode, CheckStatus, Verdict, VerifyOptions};
use serde_json::{Map, Value};
use std::path::Path;

/// The holder's selective pointers of both examples: `TestVectors/employSelective.json` and
/// `prCredSelective.json` in w3c/vc-di-ecdsa (files not among the shared vectors; their content is
/// the same three pointers). The mandatory pointers come from the vectors themselves.
const SELECTIVE: [&str; 3] = [
    "/validFrom",
    "/validUntil",
    "/credentialSubject/birthCountry",
];

fn hex_decode(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

fn hexes(v: &Value) -> Vec<String> {
    strings(v)
}

/// A `{"dataType": "Map", "value": [[k, v], …]}` of index -> N-Quad.
fn indexed(v: &Value) -> Vec<(usize, String)> {
    v["value"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e[0].as_u64().unwrap() as usize,
                e[1].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn pairs(v: &Value) -> Vec<(String, String)> {
    let items = v.get("value").unwrap_or(v);
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e[0].as_str().unwrap().to_owned(),
                e[1].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn lines(s: &str) -> Vec<String> {
    s.split_inclusive('\n').map(str::to_owned).collect()
}

fn multikey(bytes: &[u8]) -> String {
    format!("z{}", bs58::encode(bytes).into_string())
}

fn without_proof(doc: &Value) -> Map<String, Value> {
    let mut m = doc.as_object().unwrap().clone();
    m.remove("proof");
    m
}

fn run(v: &Path, name: &str) {
    let dir = v.join("ecdsa-sd-2023").join(name);
    let f = |file: &str| read_json(&dir.join(file));
    let processor = processor(v);
    let keys = read_json(&v.join("ecdsa-sd-2023/SDKeyMaterial.json"));
    let issuer_key =
        SecretKey::from_multikey(keys["baseKeyPair"]["secretKeyMultibase"].as_str().unwrap())
            .unwrap();
    let proof_key =
        SecretKey::from_multikey(keys["proofKeyPair"]["secretKeyMultibase"].as_str().unwrap())
            .unwrap();
    assert_eq!(
        issuer_key.public_key().to_multikey(),
        keys["baseKeyPair"]["publicKeyMultibase"].as_str().unwrap()
    );
    let mut hmac_key = [0u8; 32];
    hmac_key.copy_from_slice(&hex_decode(keys["hmacKeyString"].as_str().unwrap()));

    let signed_base = f("addSignedSDBase.json");
    let unsigned = without_proof(&signed_base);
    let transform_vector = f("addBaseTransform.json");
    let mandatory_pointers = strings(&transform_vector["mandatoryPointers"]);

    // --- Base proof: transformation, hashing, configuration. ---
    let t = sd::base_transform(&unsigned, &mandatory_pointers, &hmac_key, &processor).unwrap();
    assert_eq!(
        lines(&t.canonical),
        strings(&f("addBaseDocCanon.json")),
        "{name}: addBaseDocCanon"
    );
    assert_eq!(
        t.nquads,
        strings(&f("addBaseDocHMACCanon.json")),
        "{name}: addBaseDocHMACCanon"
    );
    assert_eq!(
        t.mandatory,
        indexed(&transform_vector["mandatory"]),
        "{name}: addBaseTransform mandatory"
    );
    assert_eq!(
        t.non_mandatory,
        indexed(&transform_vector["nonMandatory"]),
        "{name}: addBaseTransform nonMandatory"
    );
    for pv in f("addPointerValues.json").as_array().unwrap() {
        let doc = Value::Object(unsigned.clone());
        let got = sd::resolve_pointer(&doc, pv["pointer"].as_str().unwrap()).unwrap();
        assert_eq!(got, &pv["value"], "{name}: addPointerValues");
    }
    let config_vector = f("addProofConfig.json");
    let mut options =
        BaseProofOptions::assertion(config_vector["verificationMethod"].as_str().unwrap())
            .created(Timestamp::parse(config_vector["created"].as_str().unwrap()).unwrap())
            .mandatory(mandatory_pointers.clone());
    options.proof_purpose = config_vector["proofPurpose"].as_str().unwrap().to_owned();
    let mut config = options.to_config().unwrap();
    config.insert("@context".into(), unsigned["@context"].clone());
    assert_eq!(
        Value::Object(config.clone()),
        config_vector,
        "{name}: addProofConfig"
    );
    let h = sd::base_hashes(&t, &config, &processor).unwrap();
    assert_eq!(
        h.canonical_proof_config,
        read(&dir.join("addProofConfigCanon.txt")),
        "{name}: addProofConfigCanon"
    );
    let hash_vector = f("addHashData.json");
    assert_eq!(
        hex(&h.proof_hash),
        hash_vector["proofHash"],
        "{name}: proofHash"
    );
    assert_eq!(
        hex(&h.mandatory_hash),
        hash_vector["mandatoryHash"],
        "{name}: mandatoryHash"
    );

    // --- Base proof: signatures and serialization. ---
    let secrets = BaseProofSecrets::from_parts(hmac_key, proof_key).unwrap();
    let ours =
        sd::create_base_proof_with(&unsigned, &options, &issuer_key, &secrets, &processor).unwrap();
    let our_value =
        sd::parse_base_proof_value(ours["proof"]["proofValue"].as_str().unwrap()).unwrap();
    let raw = f("addRawBaseSignatureInfo.json");
    assert_eq!(
        multikey(&our_value.public_key),
        raw["publicKey"],
        "{name}: proof public key"
    );
    assert_eq!(
        raw["publicKey"], keys["proofKeyPair"]["publicKeyMultibase"],
        "{name}: the proof-scoped key is the key material's"
    );
    assert_eq!(our_value.mandatory_pointers, mandatory_pointers);
    assert_eq!(our_value.hmac_key.as_slice(), &hmac_key[..]);
    // Deterministic ECDSA (RFC 6979, `s` not normalized) on both sides: the same signatures.
    assert_eq!(
        our_value
            .signatures
            .iter()
            .map(|s| hex(s))
            .collect::<Vec<_>>(),
        hexes(&raw["signatures"]),
        "{name}: addRawBaseSignatureInfo signatures"
    );
    assert_eq!(
        hex(&our_value.base_signature),
        raw["baseSignature"],
        "{name}: addRawBaseSignatureInfo baseSignature"
    );
    // And each verifies over its statement.
    let proof_public = secrets.proof_public_key();
    let published_sigs = hexes(&raw["signatures"]);
    assert_eq!(
        published_sigs.len(),
        t.non_mandatory.len(),
        "{name}: signature count"
    );
    assert_eq!(our_value.signatures.len(), t.non_mandatory.len());
    for ((_, nq), (theirs, ours)) in t
        .non_mandatory
        .iter()
        .zip(published_sigs.iter().zip(&our_value.signatures))
    {
        proof_public
            .verify(nq.as_bytes(), &hex_decode(theirs))
            .unwrap();
        proof_public.verify(nq.as_bytes(), ours).unwrap();
    }
    let sign_data = [
        &h.proof_hash[..],
        &our_value.public_key,
        &h.mandatory_hash[..],
    ]
    .concat();
    let issuer_public = issuer_key.public_key();
    issuer_public
        .verify(
            &sign_data,
            &hex_decode(raw["baseSignature"].as_str().unwrap()),
        )
        .unwrap();
    issuer_public
        .verify(&sign_data, &our_value.base_signature)
        .unwrap();
    // The signed base document, proof value included.
    assert_eq!(
        Value::Object(ours.clone()),
        signed_base,
        "{name}: addSignedSDBase"
    );
    let published_base = signed_base["proof"]["proofValue"].as_str().unwrap();
    let recovered = sd::parse_base_proof_value(published_base).unwrap();
    assert_eq!(hex(&recovered.base_signature), raw["baseSignature"]);
    assert_eq!(
        recovered
            .signatures
            .iter()
            .map(|s| hex(s))
            .collect::<Vec<_>>(),
        published_sigs
    );
    // Serializing the parsed value gives back the published bytes (our CBOR writer is theirs).
    assert_eq!(
        sd::serialize_base_proof_value(&recovered).unwrap(),
        published_base,
        "{name}: base proof value re-serialized"
    );
    let rb = f("derivedRecoveredBaseData.json");
    assert_eq!(hex(&recovered.base_signature), rb["baseSignature"]);
    assert_eq!(multikey(&recovered.public_key), rb["proofPublicKey"]);
    assert_eq!(hex(&recovered.hmac_key), rb["hmacKey"]);
    assert_eq!(
        recovered
            .signatures
            .iter()
            .map(|s| hex(s))
            .collect::<Vec<_>>(),
        hexes(&rb["signatures"]),
        "{name}: derivedRecoveredBaseData"
    );
    assert_eq!(
        recovered.mandatory_pointers,
        strings(&rb["mandatoryPointers"])
    );

    // --- Derivation of the published base document. ---
    let selective: Vec<String> = SELECTIVE.iter().map(|s| s.to_string()).collect();
    let data = sd::create_disclosure_data(
        &unsigned,
        signed_base["proof"].as_object().unwrap(),
        &selective,
        &processor,
    )
    .unwrap();
    let g = &data.groups;
    let all = f("derivedAllGroupData.json");
    assert_eq!(
        g.nquads,
        strings(&all["nquads"]),
        "{name}: derivedAllGroupData nquads"
    );
    // The vector's skolem labels are random; through its own label map they give HMAC labels.
    let their_map: std::collections::HashMap<String, String> =
        pairs(&all["labelMap"]).into_iter().collect();
    let relabel = |nqs: &Value| -> Vec<String> {
        let mut out: Vec<String> = strings(nqs)
            .into_iter()
            .map(|nq| {
                let mut s = nq.clone();
                for (k, v) in &their_map {
                    s = s.replace(&format!("_:{k} "), &format!("_:{v} "));
                }
                s
            })
            .collect();
        out.sort();
        out
    };
    assert_eq!(
        relabel(&all["deskolemizedNQuads"]),
        g.nquads,
        "{name}: deskolemizedNQuads"
    );
    for group in &g.groups {
        let theirs = &all["groups"][group.name];
        let idx = |v: &Value| indexed(v).into_iter().map(|(i, _)| i).collect::<Vec<_>>();
        assert_eq!(
            group.matching,
            idx(&theirs["matching"]),
            "{name}: {} matching",
            group.name
        );
        assert_eq!(
            group.non_matching,
            idx(&theirs["nonMatching"]),
            "{name}: {} nonMatching",
            group.name
        );
        for (i, nq) in indexed(&theirs["matching"])
            .into_iter()
            .chain(indexed(&theirs["nonMatching"]))
        {
            assert_eq!(g.nquads[i], nq);
        }
        assert_eq!(
            group.selected_nquads,
            relabel(&theirs["deskolemizedNQuads"]),
            "{name}: {} deskolemizedNQuads",
            group.name
        );
    }
    let gi = f("derivedGroupIndexes.json");
    let as_idx = |v: &Value| -> Vec<usize> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i.as_u64().unwrap() as usize)
            .collect()
    };
    let group = |n: &str| g.group(n).unwrap();
    assert_eq!(group("combined").matching, as_idx(&gi["combinedIndexes"]));
    assert_eq!(group("mandatory").matching, as_idx(&gi["mandatoryIndexes"]));
    assert_eq!(
        group("mandatory").non_matching,
        as_idx(&gi["nonMandatoryIndexes"])
    );
    assert_eq!(group("selective").matching, as_idx(&gi["selectiveIndexes"]));

    let dv = &data.proof_value;
    assert_eq!(
        dv.mandatory_indexes,
        as_idx(&f("derivedAdjMandatoryIndexes.json")["adjMandatoryIndexes"]),
        "{name}: derivedAdjMandatoryIndexes"
    );
    let adj = f("derivedAdjSignatures.json");
    let adj_idx: Vec<usize> = group("mandatory")
        .non_matching
        .iter()
        .enumerate()
        .filter(|(_, abs)| group("selective").matching.contains(abs))
        .map(|(rel, _)| rel)
        .collect();
    assert_eq!(
        adj_idx,
        as_idx(&adj["adjSignatureIndexes"]),
        "{name}: adjSignatureIndexes"
    );
    let our_sigs: Vec<String> = dv.signatures.iter().map(|s| hex(s)).collect();
    assert_eq!(
        our_sigs,
        hexes(&adj["filteredSignatures"]),
        "{name}: filteredSignatures"
    );
    let dd = f("derivedDisclosureData.json");
    assert_eq!(hex(&dv.base_signature), dd["baseSignature"]);
    assert_eq!(multikey(&dv.public_key), dd["publicKey"]);
    assert_eq!(
        our_sigs,
        hexes(&dd["signatures"]),
        "{name}: derivedDisclosureData"
    );
    assert_eq!(dv.label_map, pairs(&dd["labelMap"]), "{name}: labelMap");
    assert_eq!(dv.mandatory_indexes, as_idx(&dd["mandatoryIndexes"]));
    assert_eq!(
        Value::Object(data.reveal_document.clone()),
        f("derivedUnsignedReveal.json"),
        "{name}: derivedUnsignedReveal"
    );

    let selective_refs: Vec<String> = selective.clone();
    let reveal = sd::derive(
        signed_base.as_object().unwrap(),
        &selective_refs,
        &processor,
    )
    .unwrap();
    let reveal_vector = f("derivedRevealDocument.json");
    assert_eq!(
        Value::Object(reveal.clone()),
        reveal_vector,
        "{name}: derivedRevealDocument"
    );
    assert_eq!(
        serde_json::to_string(&reveal).unwrap(),
        serde_json::to_string(&reveal_vector).unwrap(),
        "{name}: derivedRevealDocument, member order too"
    );

    // --- Verification of the published reveal document. ---
    let pdv = f("verifyDerivedProofValue.json");
    let parsed =
        sd::parse_derived_proof_value(reveal_vector["proof"]["proofValue"].as_str().unwrap())
            .unwrap();
    assert_eq!(hex(&parsed.base_signature), pdv["baseSignature"]);
    assert_eq!(multikey(&parsed.public_key), pdv["publicKey"]);
    assert_eq!(
        parsed.signatures.iter().map(|s| hex(s)).collect::<Vec<_>>(),
        hexes(&pdv["signatures"])
    );
    assert_eq!(
        parsed.label_map,
        pairs(&pdv["labelMap"]),
        "{name}: verifyDerivedProofValue"
    );
    assert_eq!(parsed.mandatory_indexes, as_idx(&pdv["mandatoryIndexes"]));
    let vd = sd::create_verify_data(
        &without_proof(&reveal_vector),
        reveal_vector["proof"].as_object().unwrap(),
        &processor,
    )
    .unwrap();
    assert_eq!(
        vd.nquads,
        strings(&f("verifyNQuads.json")),
        "{name}: verifyNQuads"
    );
    let cvd = f("verifyCreateVerifyData.json");
    assert_eq!(hex(&vd.base_signature), cvd["baseSignature"]);
    assert_eq!(
        hex(&vd.proof_hash),
        cvd["proofHash"],
        "{name}: verify proofHash"
    );
    assert_eq!(multikey(&vd.public_key), cvd["publicKey"]);
    assert_eq!(
        vd.signatures.iter().map(|s| hex(s)).collect::<Vec<_>>(),
        hexes(&cvd["signatures"])
    );
    assert_eq!(
        vd.non_mandatory,
        strings(&cvd["nonMandatory"]),
        "{name}: nonMandatory"
    );
    assert_eq!(
        hex(&vd.mandatory_hash),
        cvd["mandatoryHash"],
        "{name}: verify mandatoryHash"
    );

    // The verifier: the published reveal document and ours verify; the issuer named is another
    // did:key than the signer, so the verdict is `untrusted` (as for the other `employ` vectors).
    let verifier = verifier(v);
    for (who, doc) in [
        ("published", reveal_vector.clone()),
        ("ours", Value::Object(reveal)),
    ] {
        let r = verifier.verify_credential(&doc, &VerifyOptions::at(now()));
        assert_eq!(
            r.check(CheckCode::SignatureValid).unwrap().status,
            CheckStatus::Pass,
            "{name} {who}: {r:#?}"
        );
        assert_eq!(r.verdict, Verdict::Untrusted, "{name} {who}: {r:#?}");
    }
    // The base document itself is refused by the verifier: it is for the holder only.
    let r = verifier.verify_credential(&signed_base, &VerifyOptions::at(now()));
    assert_eq!(r.verdict, Verdict::Invalid);
    let check = r.check(CheckCode::SignatureValid).unwrap();
    assert_eq!(check.status, CheckStatus::Fail, "{r:#?}");
    let _ = PublicKey::from_multikey(keys["proofKeyPair"]["publicKeyMultibase"].as_str().unwrap())
        .map(|k| assert_eq!(k.algorithm(), Algorithm::P256));
}

#[test]
fn w3c_ecdsa_sd_2023_employ() {
    let Some(v) = vectors_subdir("ecdsa-sd-2023") else {
        return;
    };
    run(v.parent().unwrap(), "employ");
}

#[test]
fn w3c_ecdsa_sd_2023_prc() {
    let Some(v) = vectors_subdir("ecdsa-sd-2023") else {
        return;
    };
    run(v.parent().unwrap(), "prc");
}

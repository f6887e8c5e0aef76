//! Size table: every profile × suite, JSON bytes, envelope characters per encoding, the smallest
//! envelope's payload bytes and its QR version at ECC M; then every legal-identity example with
//! `eddsa-rdfc-2022`; then, per profile, the full credential against each disclosure preset with
//! both selective-disclosure mechanisms (a derived `ecdsa-sd-2023` credential, an SD-JWT VC
//! presentation with a Key Binding JWT); then, per profile × suite, the credential as the CLI
//! issues it against its compact (paper) form, field by field, with and without a portrait.
//! `cargo bench -p credential-core --bench sizes`

#[path = "../tests/common/portrait.rs"]
mod portrait;
#[path = "../tests/common/samples.rs"]
mod samples;

use credential_core::envelope::{self, Encoding};
use credential_core::jsonld::ContextStore;
use credential_core::keys::SecretKey;
use credential_core::qr::{Ecc, QrMatrix};
use credential_core::suites::Cryptosuite;
use credential_core::verify::Verifier;
use rand_chacha::rand_core::SeedableRng;
use serde_json::Value;

fn row(name: &str, cred: &Value, store: &ContextStore) {
    let json = match cred {
        Value::String(compact) => compact.len(),
        other => serde_json::to_string(other).unwrap_or_default().len(),
    };
    let sizes: Vec<String> = Encoding::ALL
        .iter()
        .map(|e| {
            match envelope::encode(cred, *e, store) {
                Ok(t) => t.len().to_string(),
                // Only JWT forms take the JWT encoding.
                Err(_) if *e == Encoding::Jwt => "-".into(),
                Err(err) => err.code().into(),
            }
        })
        .collect();
    let (smallest, used) = envelope::encode_smallest(cred, store).expect("encodable");
    // Payload bytes: Base45 carries 2 bytes in 3 characters.
    let body = smallest.len() - envelope::PREFIX.len();
    let payload = body / 3 * 2 + usize::from(body % 3 == 2);
    let version = QrMatrix::new(&smallest, Ecc::M)
        .map(|m| format!("v{}", m.version))
        .unwrap_or_else(|_| "too big".into());
    println!(
        "{name:<58} {json:>5} {:>8} {:>8} {:>7} {:>8} {:>7} {payload:>8} {:>12} {version:>7}",
        sizes[0],
        sizes[1],
        sizes[2],
        sizes[3],
        sizes[4],
        used.name()
    );
}

fn header(title: &str) {
    println!(
        "\n{title:<58} {:>5} {:>8} {:>8} {:>7} {:>8} {:>7} {:>8} {:>12} {:>7}",
        "JSON", "generic", "gen-dict", "cborld", "cbor-z", "jwt", "payload", "smallest", "QR (M)"
    );
}

fn main() {
    let verifier = Verifier::new(ContextStore::bundled());
    let store = verifier.processor().store();
    println!("Envelope characters per encoding; payload = bytes inside the smallest envelope.");
    header("profile/suite");
    for (name, cred) in samples::credentials(&verifier) {
        row(&name, &cred, store);
    }
    header("legal-identity example (eddsa-rdfc-2022)");
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(5);
    let key =
        SecretKey::generate(Cryptosuite::EddsaRdfc2022.default_algorithm(), &mut rng).unwrap();
    for (name, subject) in samples::examples("legal-identity") {
        let cred = samples::sign(
            &verifier,
            "legal-identity",
            subject,
            Cryptosuite::EddsaRdfc2022,
            &key,
        );
        row(&name, &cred, store);
    }
    presets(&verifier);
    portraits();
    fields_table(&verifier);
}

/// JPEG quality of the portrait in the size table (decision 0023).
const PORTRAIT_QUALITY: u8 = 30;

/// Bytes of the drawn test portrait as a greyscale baseline JPEG at a few sizes and qualities:
/// by the `image` crate's encoder, and as `laissez issue --portrait` makes it.
fn portraits() {
    let drawn = portrait::drawn(480, 640, 7);
    let qualities = [15u8, 20, 30, 40, 50, 75];
    print!("\nportrait JPEG bytes (drawn test face, greyscale), quality:");
    for q in qualities {
        print!(" {q:>5}");
    }
    println!();
    for (w, h) in [(36, 48), (48, 64), (60, 80)] {
        print!(
            "{:<56}",
            format!("  {w} x {h}, image crate (standard tables, JFIF)")
        );
        for q in qualities {
            print!(" {:>5}", portrait::jpeg_standard(&drawn, w, h, q).len());
        }
        println!();
        print!(
            "{:<56}",
            format!("  {w} x {h}, as laissez (optimised tables, no JFIF)")
        );
        for q in qualities {
            print!(" {:>5}", portrait::jpeg(&drawn, w, h, q).len());
        }
        println!();
    }
}

/// Removes the member at `path` (object keys) from `doc`, if present.
fn without(doc: &Value, path: &[&str]) -> Value {
    let mut out = doc.clone();
    let mut at = &mut out;
    for key in &path[..path.len() - 1] {
        match at.get_mut(*key) {
            Some(next) => at = next,
            None => return out,
        }
    }
    if let Some(o) = at.as_object_mut() {
        o.remove(path[path.len() - 1]);
    }
    out
}

/// The parts of a credential the field table attributes bytes to: (column, paths removed).
/// A part's bytes are those the CBOR-LD encoding loses when its paths are removed (and, for
/// `issuer DID` and `proof rest`, what the parts listed before them leave of the member).
const PARTS: &[(&str, &[&[&str]])] = &[
    ("id", &[&["id"]]),
    ("issuer name", &[&["issuer", "name"]]),
    ("dates", &[&["validFrom"], &["validUntil"]]),
    ("schema", &[&["credentialSchema"]]),
    ("status", &[&["credentialStatus"]]),
    ("subject", &[&["credentialSubject"]]),
    ("proof VM", &[&["proof", "verificationMethod"]]),
    ("signature", &[&["proof", "proofValue"]]),
    ("created", &[&["proof", "created"]]),
];

/// CBOR-LD bytes of `doc` (the encoder's choice of Laissez registry entry).
fn cborld_len(doc: &Value, store: &credential_core::jsonld::ContextStore) -> usize {
    credential_core::cborld::encode(doc, store)
        .map(|b| b.len())
        .unwrap_or(0)
}

/// One row of the field table.
fn fields_row(name: &str, cred: &Value, store: &credential_core::jsonld::ContextStore) {
    let total = cborld_len(cred, store);
    let mut cells = Vec::new();
    let mut accounted = 0;
    for (_, paths) in PARTS {
        let mut doc = cred.clone();
        for path in *paths {
            doc = without(&doc, path);
        }
        let part = total.saturating_sub(cborld_len(&doc, store));
        accounted += part;
        cells.push(part);
    }
    // The issuer's DID: the issuer member without its name; the proof's type, suite and
    // purpose: the proof without the parts above.
    let issuer = total
        .saturating_sub(cborld_len(&without(cred, &["issuer"]), store))
        .saturating_sub(cells[1]);
    let mut bare_proof = cred.clone();
    for path in [
        &["proof", "verificationMethod"][..],
        &["proof", "proofValue"],
        &["proof", "created"],
    ] {
        bare_proof = without(&bare_proof, path);
    }
    let proof_rest = cborld_len(&bare_proof, store)
        .saturating_sub(cborld_len(&without(cred, &["proof"]), store));
    accounted += issuer + proof_rest;
    let structure = total.saturating_sub(accounted);
    let (smallest, _) = envelope::encode_smallest(cred, store).expect("encodable");
    let body = smallest.len() - envelope::PREFIX.len();
    let payload = body / 3 * 2 + usize::from(body % 3 == 2);
    let version = QrMatrix::new(&smallest, Ecc::M)
        .map(|m| format!("v{}", m.version))
        .unwrap_or_else(|_| "too big".into());
    let entry = credential_core::cborld::encode(cred, store)
        .ok()
        .and_then(|b| credential_core::cborld::registry_entry(&b))
        .unwrap_or(0);
    println!(
        "{name:<46} {:>3} {:>4} {:>5} {:>5} {:>5} {:>6} {:>7} {:>5} {:>5} {:>4} {:>5} {structure:>5} {total:>6} {entry:>6} {payload:>7} {:>5} {version:>4}",
        cells[0], issuer, cells[1], cells[2], cells[3], cells[4], cells[5], cells[6], cells[7], cells[8], proof_rest, smallest.len()
    );
}

/// Per profile × suite: the credential as `laissez issue` makes it against its compact form,
/// field by field (bytes of CBOR-LD each part costs), then the smallest envelope.
fn fields_table(verifier: &Verifier) {
    let store = verifier.processor().store();
    println!(
        "\nBytes of CBOR-LD per part (what removing it saves); rest = @context, type, map structure;"
    );
    println!("payload = bytes inside the smallest envelope (zlib may win over raw CBOR-LD).");
    println!(
        "{:<46} {:>3} {:>4} {:>5} {:>5} {:>5} {:>6} {:>7} {:>5} {:>5} {:>4} {:>5} {:>5} {:>6} {:>6} {:>7} {:>5} {:>4}",
        "profile/suite (form)", "id", "DID", "name", "dates", "schem", "status", "subject", "VM", "sig",
        "crtd", "proof", "rest", "cborld", "entry", "payload", "chars", "QR"
    );
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(11);
    for profile in verifier.profiles().all() {
        let (_, subject) = samples::examples(profile.name()).remove(0);
        for suite in Cryptosuite::ALL {
            let key = SecretKey::generate(suite.default_algorithm(), &mut rng).unwrap();
            for form in samples::Form::ALL {
                let cred = samples::issued(profile.name(), subject.clone(), suite, &key, form);
                fields_row(
                    &format!("{}/{suite} ({})", profile.name(), form.name()),
                    &cred,
                    store,
                );
            }
            if profile.portrait_context().is_some() {
                let mut with = subject.clone();
                with["portrait"] = portrait::data_url(&portrait::sample(PORTRAIT_QUALITY)).into();
                for form in samples::Form::ALL {
                    let cred = samples::issued(profile.name(), with.clone(), suite, &key, form);
                    fields_row(
                        &format!("{}/{suite} ({}+portrait)", profile.name(), form.name()),
                        &cred,
                        store,
                    );
                }
            }
        }
    }
    println!("\nlegal-identity examples, compact, eddsa-rdfc-2022:");
    let key =
        SecretKey::generate(Cryptosuite::EddsaRdfc2022.default_algorithm(), &mut rng).unwrap();
    for (name, subject) in samples::examples("legal-identity") {
        let cred = samples::issued(
            "legal-identity",
            subject,
            Cryptosuite::EddsaRdfc2022,
            &key,
            samples::Form::Compact,
        );
        fields_row(&name, &cred, store);
    }
    what_if(store, &key);
}

/// One edit of a document.
type Edit<'a> = &'a dyn Fn(&mut Value);

/// The levers the compact form does not pull yet, measured on the compact `arabic-stateless`
/// legal identity (sizes only: the edited documents are not re-signed, and a signature is the
/// same size whatever it signs).
fn what_if(store: &credential_core::jsonld::ContextStore, key: &SecretKey) {
    use serde_json::json;
    let (_, subject) = samples::examples("legal-identity").remove(0);
    let compact = samples::issued(
        "legal-identity",
        subject,
        Cryptosuite::EddsaRdfc2022,
        key,
        samples::Form::Compact,
    );
    let did_web = |doc: &mut Value| {
        doc["issuer"] = json!("did:web:cr.example");
        doc["proof"]["verificationMethod"] = json!("did:web:cr.example#k1");
    };
    let short_status = |doc: &mut Value| {
        doc["credentialStatus"][0]["statusListCredential"] = json!("https://cr.example/s/0");
    };
    let no_digest = |doc: &mut Value| {
        if let Some(s) = doc["credentialSubject"].as_object_mut() {
            s.remove("portraitDigest");
        }
    };
    println!("\nwhat-if, compact arabic-stateless (eddsa-rdfc-2022), not re-signed:");
    let edits: [(&str, &[Edit]); 4] = [
        ("issuer did:web:cr.example", &[&did_web]),
        ("status list https://cr.example/s/0", &[&short_status]),
        ("both", &[&did_web, &short_status]),
        (
            "both, no portraitDigest",
            &[&did_web, &short_status, &no_digest],
        ),
    ];
    for (name, steps) in edits {
        let mut doc = compact.clone();
        for step in steps {
            step(&mut doc);
        }
        fields_row(name, &doc, store);
    }
}

/// Per profile: the full credential (SD-JWT VC with every disclosure) against each preset's
/// presentation, with ecdsa-sd-2023 and SD-JWT VC. The first example record a preset applies to.
fn presets(verifier: &Verifier) {
    use credential_core::did::{did_key, did_key_vm};
    use credential_core::keys::Algorithm;
    use credential_core::model::Timestamp;
    use credential_core::sd::{self, BaseProofOptions};
    use credential_core::sd_jwt::credential::{claim_paths, from_credential};
    use credential_core::sd_jwt::{self as sdjwt, KeyBindingInput, SdJwt};
    use serde_json::json;

    let store = verifier.processor().store();
    let now = Timestamp::parse("2026-06-01T00:00:00Z").expect("a time");
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(8);
    let issuer = SecretKey::generate(Algorithm::P256, &mut rng).unwrap();
    let holder = SecretKey::generate(Algorithm::P256, &mut rng).unwrap();
    header("profile/preset (mechanism)");
    for profile in verifier.profiles().all() {
        let rules = profile.disclosure().expect("bundled rules");
        for preset in &rules.presets {
            let unsigned = samples::examples(profile.name())
                .into_iter()
                .map(|(_, subject)| {
                    let mut subject = subject;
                    subject["id"] = json!(did_key(&holder.public_key()));
                    // The age claims (and their context) the issuer computes, if any.
                    let mut contexts =
                        vec![credential_core::jsonld::CONTEXT_V2, profile.context_url()];
                    if let (Some(age), Some(claims)) =
                        (profile.age_claims(), subject.as_object_mut())
                    {
                        let computed = age.compute(claims, now);
                        if !computed.is_empty() {
                            contexts.push(age.context_url());
                        }
                        for (term, value) in computed {
                            claims.insert(term, json!(value));
                        }
                    }
                    json!({
                        "@context": contexts,
                        "id": "urn:uuid:2f1d4c8e-9b7a-4e61-8d3c-5a0b1e2f3c4d",
                        "type": profile.types(),
                        "issuer": did_key(&issuer.public_key()),
                        "validFrom": "2026-01-01T00:00:00Z",
                        "validUntil": "2031-01-01T00:00:00Z",
                        "credentialSchema": {"id": profile.schema_url(), "type": "JsonSchema"},
                        "credentialSubject": subject,
                    })
                })
                .find(|c| rules.preset_pointers(&preset.name, c).is_ok());
            let Some(unsigned) = unsigned else { continue };
            let label = format!("{}/{}", profile.name(), preset.name);

            let options = BaseProofOptions::assertion(did_key_vm(&issuer.public_key()))
                .created(now)
                .mandatory(rules.mandatory_pointers(&unsigned));
            let doc = unsigned.as_object().expect("an object");
            let base =
                sd::create_base_proof(doc, &options, &issuer, &mut rng, verifier.processor())
                    .expect("base proof");
            let shown = rules
                .preset_pointers(&preset.name, &Value::Object(base.clone()))
                .expect("the preset applies");
            let derived = sd::derive(&base, &shown, verifier.processor()).expect("derived");
            row(
                &format!("{label} (ecdsa-sd, base)"),
                &Value::Object(base),
                store,
            );
            row(
                &format!("{label} (ecdsa-sd, derived)"),
                &Value::Object(derived),
                store,
            );

            let form = from_credential(&unsigned, profile).expect("SD-JWT VC form");
            let mut params = form.issue_params(now);
            params.holder_key = Some(holder.public_key());
            params.kid = Some(did_key_vm(&issuer.public_key()));
            let issued = sdjwt::issue(&form.claims, &form.disclosable, &params, &issuer, &mut rng)
                .expect("issued")
                .sd_jwt;
            let paths = claim_paths(&shown).expect("claim paths");
            let kb = KeyBindingInput {
                signer: &holder,
                aud: "https://verifier.example",
                nonce: "n-0123456789",
                iat: now,
            };
            let presented = SdJwt::parse(&issued)
                .and_then(|s| s.present(&paths, Some(&kb)))
                .expect("presented");
            row(
                &format!("{label} (sd-jwt, full)"),
                &Value::String(issued),
                store,
            );
            row(
                &format!("{label} (sd-jwt+kb, shown)"),
                &Value::String(presented),
                store,
            );
        }
    }
}

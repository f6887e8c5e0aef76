//! `laissez present`: the holder's side of selective disclosure. From an `ecdsa-sd-2023`
//! base-proof credential, a derived credential (wrapped, with a holder key, challenge and domain,
//! in a Verifiable Presentation signed by the holder); from an SD-JWT VC, a presentation with the
//! chosen disclosures (and, with a holder key, audience and nonce, a Key Binding JWT). The claims
//! come from a profile preset or from JSON pointers; the command prints what is shown and what
//! stays hidden.

use crate::cli::PresentArgs;
use crate::error::{CliError, CliResult};
use crate::fsutil::{read_input, write_atomic};
use crate::i18n::{self, say};
use crate::signing::rdfc_suite;
use crate::{clock, keyfile, qr_image, report};
use credential_core::did::{did_key, did_key_vm};
use credential_core::jsonld::ContextStore;
use credential_core::keys::{PublicKey, SecretKey};
use credential_core::profiles::{Disclosure, Profile, Profiles};
use credential_core::proof::{add_proof, ProofOptions};
use credential_core::qr::{Ecc, QrMatrix};
use credential_core::sd::{self, ProofValueKind};
use credential_core::sd_jwt::credential::{claim_paths, to_credential};
use credential_core::sd_jwt::{KeyBindingInput, SdJwt};
use credential_core::verify::Verifier;
use credential_core::{message, Error};
use serde_json::{json, Map, Value};
use std::path::Path;

/// A credential as its holder keeps it.
pub enum Held {
    /// A credential with an `ecdsa-sd-2023` base proof.
    EcdsaSd(Map<String, Value>),
    /// An issued SD-JWT VC.
    SdJwt(Box<SdJwt>),
}

/// What binds a presentation to its holder and one verifier.
pub struct Binding<'a> {
    /// The holder's key (the SD-JWT VC's `cnf`; the presentation proof's key).
    pub key: &'a SecretKey,
    /// The verifier's challenge (SD-JWT: `nonce`).
    pub challenge: &'a str,
    /// The verifier's domain (SD-JWT: `aud`).
    pub domain: &'a str,
}

impl Held {
    /// Reads a held credential: an SD-JWT VC (compact) or JSON with an `ecdsa-sd-2023` base
    /// proof. Anything else (a derived proof, another suite, a `vc+jwt`) cannot be presented
    /// selectively.
    pub fn parse(text: &str, path: &str) -> CliResult<Held> {
        let text = text.trim();
        let not_selective = || CliError::Input {
            message: message!("present_not_selective_credential", path = path),
            hint: Some(message!("hint_present_issue_selective")),
        };
        if !text.starts_with('{') {
            if !text.contains('~') {
                return Err(not_selective());
            }
            return Ok(Held::SdJwt(Box::new(SdJwt::parse(text)?)));
        }
        let doc = credential_core::json::parse_bounded(text.as_bytes(), Default::default())
            .map_err(|e| CliError::in_file(path, &e.message()))?;
        let Value::Object(doc) = doc else {
            return Err(not_selective());
        };
        let proofs: Vec<&Value> = match doc.get("proof") {
            Some(Value::Array(a)) => a.iter().collect(),
            Some(p) => vec![p],
            None => Vec::new(),
        };
        let base = proofs.iter().any(|p| {
            p.get("cryptosuite").and_then(Value::as_str) == Some(sd::CRYPTOSUITE)
                && p.get("proofValue")
                    .and_then(Value::as_str)
                    .and_then(|v| sd::proof_value_kind(v).ok())
                    == Some(ProofValueKind::Base)
        });
        if base {
            Ok(Held::EcdsaSd(doc))
        } else {
            Err(not_selective())
        }
    }

    /// The credential with every claim the holder may show: the document itself, or the
    /// SD-JWT VC's credential view with every disclosure applied.
    pub fn view(&self) -> Value {
        match self {
            Held::EcdsaSd(doc) => Value::Object(doc.clone()),
            Held::SdJwt(sd) => to_credential(sd.claims(), &Profiles::bundled()),
        }
    }

    /// The Laissez profile of the credential.
    pub fn profile<'p>(&self, verifier: &'p Verifier) -> CliResult<&'p Profile> {
        let profile = match self {
            Held::EcdsaSd(doc) => verifier.profile_of(doc)?,
            Held::SdJwt(sd) => sd
                .claims()
                .get("vct")
                .and_then(Value::as_str)
                .and_then(|vct| verifier.profiles().by_vct(vct)),
        };
        profile.ok_or_else(|| CliError::input(message!("present_no_profile")))
    }

    /// The presentation showing the claims at `pointers` (and the mandatory ones), bound to
    /// `binding` if given: JSON for `ecdsa-sd-2023`, the compact SD-JWT otherwise.
    pub fn present(
        &self,
        pointers: &[String],
        binding: Option<&Binding<'_>>,
        verifier: &Verifier,
    ) -> CliResult<String> {
        match self {
            Held::EcdsaSd(base) => {
                let derived = sd::derive(base, pointers, verifier.processor())?;
                let doc = match binding {
                    None => derived,
                    Some(b) => presentation(derived, b, verifier)?,
                };
                serde_json::to_string_pretty(&doc).map_err(|e| {
                    CliError::input(message!("serialise_credential", detail = e.to_string()))
                })
            }
            Held::SdJwt(sd) => {
                let paths = claim_paths(pointers)?;
                let kb = match binding {
                    None => None,
                    Some(b) => {
                        check_holder(sd, &b.key.public_key())?;
                        Some(KeyBindingInput {
                            signer: b.key,
                            aud: b.domain,
                            nonce: b.challenge,
                            iat: clock::now(),
                        })
                    }
                };
                Ok(sd.present(&paths, kb.as_ref())?)
            }
        }
    }
}

/// A Verifiable Presentation of `credential` with an `authentication` proof by the holder's key,
/// bound to the verifier's challenge and domain.
fn presentation(
    credential: Map<String, Value>,
    b: &Binding<'_>,
    verifier: &Verifier,
) -> CliResult<Map<String, Value>> {
    let holder = b.key.public_key();
    let vp = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "holder": did_key(&holder),
        "verifiableCredential": [credential]
    });
    let options = ProofOptions::authentication(
        rdfc_suite(b.key),
        did_key_vm(&holder),
        Some(b.challenge.to_owned()),
        Some(b.domain.to_owned()),
    )
    .created(clock::now());
    let Value::Object(vp) = vp else {
        return Err(CliError::input(message!("internal_not_object")));
    };
    Ok(add_proof(&vp, &options, b.key, verifier.processor())?)
}

/// Checks that the key signing the key binding is the SD-JWT VC's holder key (`cnf.jwk`).
fn check_holder(sd: &SdJwt, key: &PublicKey) -> CliResult<()> {
    let cnf = sd
        .claims()
        .get("cnf")
        .and_then(|c| c.get("jwk"))
        .ok_or_else(|| CliError::input(message!("present_no_holder_binding")))?;
    if PublicKey::from_jwk(cnf)? != *key {
        return Err(CliError::Input {
            message: message!("present_holder_key_mismatch"),
            hint: Some(message!("hint_present_holder_key")),
        });
    }
    Ok(())
}

/// The concrete pointers of the profile's selective claims in `view`.
fn selective_pointers(rules: &Disclosure, view: &Value) -> Vec<String> {
    rules
        .selective
        .iter()
        .flat_map(|s| s.resolve(view))
        .collect()
}

/// Whether pointer `inner` is `outer` or inside it.
fn within(inner: &str, outer: &str) -> bool {
    inner == outer || inner.starts_with(&format!("{outer}/"))
}

/// The pointers of the leaves (strings, numbers, booleans, empty containers) at and under
/// `pointer` in `doc`.
fn leaves(doc: &Value, pointer: &str, out: &mut Vec<String>) {
    match doc.pointer(pointer) {
        Some(Value::Object(o)) if !o.is_empty() => {
            for k in o.keys() {
                let escaped = k.replace('~', "~0").replace('/', "~1");
                leaves(doc, &format!("{pointer}/{escaped}"), out);
            }
        }
        Some(Value::Array(a)) if !a.is_empty() => {
            for i in 0..a.len() {
                leaves(doc, &format!("{pointer}/{i}"), out);
            }
        }
        Some(_) => out.push(pointer.to_owned()),
        None => {}
    }
}

/// The selective claims of `view` a presentation of `chosen` shows and hides, as leaf pointers.
pub fn shown_and_hidden(
    rules: &Disclosure,
    view: &Value,
    chosen: &[String],
) -> (Vec<String>, Vec<String>) {
    let mut all = Vec::new();
    for p in selective_pointers(rules, view) {
        leaves(view, &p, &mut all);
    }
    all.dedup();
    all.into_iter()
        .partition(|leaf| chosen.iter().any(|c| within(leaf, c)))
}

/// The pointers `args` choose: a preset's, or `--disclose` ones, each checked to name a
/// selective claim the credential has.
fn chosen_pointers(
    args: &PresentArgs,
    profile: &Profile,
    rules: &Disclosure,
    view: &Value,
) -> CliResult<Vec<String>> {
    if let Some(name) = &args.preset {
        return preset_pointers(profile, rules, name, view);
    }
    if args.disclose.is_empty() {
        return Err(CliError::Input {
            message: message!("present_nothing_chosen"),
            hint: Some(message!(
                "hint_present_presets",
                presets = preset_list(rules)
            )),
        });
    }
    let selective = selective_pointers(rules, view);
    for p in &args.disclose {
        if view.pointer(p).is_none() || !selective.iter().any(|s| within(p, s)) {
            return Err(CliError::Input {
                message: message!("present_pointer_not_selective", pointer = p),
                hint: Some(message!(
                    "hint_present_selective",
                    pointers = selective.join(", ")
                )),
            });
        }
    }
    Ok(args.disclose.clone())
}

/// The pointers of preset `name`; an unknown preset names the profile's presets.
pub fn preset_pointers(
    profile: &Profile,
    rules: &Disclosure,
    name: &str,
    view: &Value,
) -> CliResult<Vec<String>> {
    match rules.preset_pointers(name, view) {
        Err(e @ Error::UnknownPreset(_)) => Err(CliError::input(message!(
            "present_unknown_preset",
            preset = name,
            profile = profile.name(),
            code = e.code(),
            presets = preset_list(rules)
        ))),
        other => Ok(other?),
    }
}

/// The presets as `name (label)`, labels in the reader's language.
fn preset_list(rules: &Disclosure) -> String {
    let lang = i18n::current().lang();
    rules
        .presets
        .iter()
        .map(|p| format!("{} ({})", p.name, p.label(lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The holder key and the verifier's challenge and domain: all three or none.
fn binding_options(args: &PresentArgs) -> CliResult<Option<(SecretKey, String, String)>> {
    match (&args.holder_key, &args.challenge, &args.domain) {
        (None, None, None) => Ok(None),
        (Some(k), Some(c), Some(d)) => Ok(Some((keyfile::read_secret(k)?, c.clone(), d.clone()))),
        (k, c, d) => {
            let missing: Vec<&str> = [
                (k.is_none(), "--holder-key"),
                (c.is_none(), "--challenge (--nonce)"),
                (d.is_none(), "--domain (--aud)"),
            ]
            .into_iter()
            .filter_map(|(absent, name)| absent.then_some(name))
            .collect();
            Err(CliError::input(message!(
                "present_binding_partial",
                missing = missing.join(", ")
            )))
        }
    }
}

/// Prints the claims at `pointers` of `view`, labelled, with their values when `values`.
fn print_claims(profile: &Profile, view: &Value, pointers: &[String], values: bool) {
    for p in pointers {
        let label = report::claim_label(Some(profile), p);
        match view.pointer(p).filter(|_| values) {
            Some(v) => println!("    {label}: {}  ({p})", report::claim_value(v)),
            None => println!("    {label}  ({p})"),
        }
    }
}

/// `laissez present INPUT (--preset NAME | --disclose POINTER…) --out FILE`.
pub fn run(args: &PresentArgs) -> CliResult<()> {
    let path = args.input.display().to_string();
    let bytes = read_input(&args.input)?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| CliError::input(message!("file_not_utf8", path = &path)))?;
    let held = Held::parse(text, &path)?;
    let verifier = Verifier::new(ContextStore::bundled());
    let profile = held.profile(&verifier)?;
    let rules = profile.disclosure()?;
    let lang = i18n::current().lang();
    if args.list_presets {
        say!("present_list_heading", profile = profile.name());
        for p in &rules.presets {
            println!(
                "  {:<24} {} — {}",
                p.name,
                p.label(lang),
                p.description(lang)
            );
        }
        return Ok(());
    }
    let view = held.view();
    let chosen = chosen_pointers(args, profile, &rules, &view)?;
    let binding = binding_options(args)?;
    let out = args
        .out
        .as_deref()
        .ok_or_else(|| CliError::input(message!("present_no_out")))?;
    let bound = binding.as_ref().map(|(key, challenge, domain)| Binding {
        key,
        challenge,
        domain,
    });
    let presented = held.present(&chosen, bound.as_ref(), &verifier)?;
    write_atomic(out, presented.as_bytes(), false)?;

    if let Some(name) = &args.preset {
        if let Ok(p) = rules.preset(name) {
            say!("present_preset", name = name, label = p.label(lang));
        }
    }
    let (shown, hidden) = shown_and_hidden(&rules, &view, &chosen);
    say!("present_shown", count = shown.len());
    print_claims(profile, &view, &shown, true);
    say!("present_hidden", count = hidden.len());
    print_claims(profile, &view, &hidden, false);
    if let Some((_, challenge, domain)) = &binding {
        say!("present_bound", domain = domain, challenge = challenge);
    }
    say!(
        "present_written",
        path = out.display().to_string(),
        bytes = presented.len()
    );
    if let Some(png) = &args.qr {
        let summary = write_qr(png, &presented, &held, &verifier)?;
        println!("{}", i18n::text(&summary));
    }
    Ok(())
}

/// Writes the presentation as a QR code (ECC M, 4 px per module) through the envelope encoding
/// (an SD-JWT as a JSON string); returns the summary line.
fn write_qr(
    png: &Path,
    presented: &str,
    held: &Held,
    verifier: &Verifier,
) -> CliResult<credential_core::Message> {
    let value = match held {
        Held::SdJwt(_) => Value::String(presented.to_owned()),
        Held::EcdsaSd(_) => serde_json::from_str(presented).map_err(|e| {
            CliError::input(message!("serialise_credential", detail = e.to_string()))
        })?,
    };
    let (text, _) =
        credential_core::envelope::encode_smallest(&value, verifier.processor().store())?;
    let m = QrMatrix::new(&text, Ecc::M)?;
    qr_image::write_png(png, &m, 4, 4)?;
    Ok(message!(
        "present_qr_written",
        path = png.display().to_string(),
        version = i64::from(m.version),
        characters = text.len()
    ))
}

//! The catalogues are complete and consistent:
//! - every file of every language parses, and no id is defined twice in a language;
//! - French, Spanish and Arabic have exactly the English messages, each with the same variables;
//! - every message the Rust sources build (`message!`, `say!`, `note!`) is in English, with the
//!   variables the code passes, and every English message is used somewhere (Rust, the kiosk,
//!   the wallet, or the verdict/check/outcome names the kiosk forms from codes);
//! - every core error renders in English exactly as its `Display` text;
//! - every core message rendered in every language with sample arguments is written to
//!   `target/messages/rendered.json`, which the WASM package's Node test renders again with
//!   `@fluent/bundle` and compares (the two renderers must agree).

use credential_core::verify::{CheckCode, Verdict};
use credential_core::Error;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use laissez_messages::{Localizer, LANGUAGES};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const FILES: [&str; 4] = ["core.ftl", "cli.ftl", "kiosk.ftl", "wallet.ftl"];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Message id -> the variables its value uses.
type Catalogue = BTreeMap<String, BTreeSet<String>>;

fn variables_of(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            variables_in(expression, out);
        }
    }
}

fn variables_in(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables_of(&v.value, out);
            }
        }
        Expression::Inline(i) => inline_variables(i, out),
    }
}

fn inline_variables(i: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
        }
        InlineExpression::Placeable { expression } => variables_in(expression, out),
        _ => {}
    }
}

/// The messages of one file, failing on any syntax error.
fn parse(path: &Path) -> Catalogue {
    let text = read(path);
    let resource = fluent_syntax::parser::parse(text.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
    let mut out = Catalogue::new();
    for entry in resource.body {
        match entry {
            Entry::Message(m) => {
                let pattern = m
                    .value
                    .as_ref()
                    .unwrap_or_else(|| panic!("{}: {} has no value", path.display(), m.id.name));
                let mut vars = BTreeSet::new();
                variables_of(pattern, &mut vars);
                let fresh = out.insert(m.id.name.to_owned(), vars).is_none();
                assert!(fresh, "{}: {} defined twice", path.display(), m.id.name);
            }
            Entry::Junk { content } => panic!("{}: junk {content:?}", path.display()),
            _ => {}
        }
    }
    out
}

fn catalogue(lang: &str, file: &str) -> Catalogue {
    parse(&repo().join("locales").join(lang).join(file))
}

#[test]
fn every_language_has_every_english_message_with_the_same_variables() {
    for file in FILES {
        let english = catalogue("en", file);
        assert!(!english.is_empty(), "{file} is empty");
        for lang in &LANGUAGES[1..] {
            let other = catalogue(lang, file);
            let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{lang}/{file}: missing {missing:?}, not in English {extra:?}"
            );
            for (id, vars) in &english {
                assert_eq!(&other[id], vars, "{lang}/{file}: variables of {id}");
            }
        }
    }
    for lang in LANGUAGES {
        let mut seen = BTreeSet::new();
        for file in FILES {
            for id in catalogue(lang, file).into_keys() {
                assert!(seen.insert(id.clone()), "{lang}: {id} is in two files");
            }
        }
    }
}

/// Every `message!("id", name = …)`, `say!(…)` and `note!(…)` in the Rust files under `dir`:
/// id -> the argument names passed (each occurrence).
fn uses_in(dir: &Path, out: &mut Vec<(String, BTreeSet<String>, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            uses_in(&path, out);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        // Comments (and doc examples) are not uses.
        let text: String = read(&path)
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .map(|l| format!("{l}\n"))
            .collect();
        for mac in ["message!(", "say!(", "note!("] {
            let mut rest = text.as_str();
            while let Some(at) = rest.find(mac) {
                let call = &rest[at + mac.len()..];
                rest = call;
                // A macro definition or a use with a non-literal id is not a message.
                let Some(body) = call.trim_start().strip_prefix('"') else {
                    continue;
                };
                let id: String = body.chars().take_while(|c| *c != '"').collect();
                if id.is_empty()
                    || !id
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                {
                    continue;
                }
                // The call's text up to its closing parenthesis.
                let mut depth = 1;
                let end = call
                    .char_indices()
                    .find(|(_, c)| {
                        match c {
                            '(' => depth += 1,
                            ')' => depth -= 1,
                            _ => {}
                        }
                        depth == 0
                    })
                    .map_or(call.len(), |(i, _)| i);
                let args = args_of(&call[..end]);
                out.push((id, args, path.display().to_string()));
            }
        }
    }
}

/// The `name = value` argument names at the top level of a macro call's text.
fn args_of(call: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let (mut depth, mut in_string, mut start) = (0i32, false, 0usize);
    let bytes = call.as_bytes();
    let mut pieces = Vec::new();
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'"' if i == 0 || bytes[i - 1] != b'\\' => in_string = !in_string,
            b'(' | b'[' | b'{' if !in_string => depth += 1,
            b')' | b']' | b'}' if !in_string => depth -= 1,
            b',' if !in_string && depth == 0 => {
                pieces.push(&call[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    pieces.push(&call[start..]);
    for piece in pieces.iter().skip(1) {
        if let Some((name, _)) = piece.split_once('=') {
            let name = name.trim();
            if !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                names.insert(name.to_owned());
            }
        }
    }
    names
}

fn rust_uses() -> Vec<(String, BTreeSet<String>, String)> {
    let mut uses = Vec::new();
    for dir in ["credential-core/src", "issuer-cli/src", "messages/src"] {
        uses_in(&repo().join(dir), &mut uses);
    }
    uses
}

/// Ids the kiosk names literally: `data-i18n="id"` and `format('id'`.
fn kiosk_uses() -> BTreeSet<String> {
    page_uses(
        "verifier-wasm/kiosk",
        &["index.html", "kiosk.js", "formats.js", "verdicts.js"],
    )
}

/// Ids the wallet names literally, as the kiosk does.
fn wallet_uses() -> BTreeSet<String> {
    page_uses("wallet-demo", &["index.html", "wallet.js"])
}

/// Ids named literally (`data-i18n="id"`, `format('id'`) in `files` of the folder `dir`.
fn page_uses(dir: &str, files: &[&str]) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let folder = repo().join(dir);
    for file in files {
        let text = read(&folder.join(file));
        for marker in ["data-i18n=\"", "format('"] {
            for piece in text.split(marker).skip(1) {
                let id: String = piece
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                ids.insert(id);
            }
        }
    }
    ids
}

#[test]
fn every_message_the_code_builds_is_in_english_and_every_english_message_is_used() {
    let mut english = catalogue("en", "core.ftl");
    english.extend(catalogue("en", "cli.ftl"));
    let uses = rust_uses();
    assert!(
        uses.len() > 100,
        "the source scan found only {} uses",
        uses.len()
    );
    for (id, args, file) in &uses {
        let vars = english
            .get(id)
            .unwrap_or_else(|| panic!("{file}: message {id} is not in locales/en"));
        assert_eq!(
            args, vars,
            "{file}: {id} is given {args:?}; the catalogue uses {vars:?}"
        );
    }
    let mut used: BTreeSet<String> = uses.into_iter().map(|(id, _, _)| id).collect();
    used.extend(Verdict::ALL.iter().map(|v| format!("verdict_{v}")));
    used.extend(CheckCode::ALL.iter().map(|c| format!("check_{c}")));
    used.extend(["pass", "fail", "warning", "skipped"].map(|s| format!("outcome_{s}")));
    let kiosk = catalogue("en", "kiosk.ftl");
    for id in kiosk_uses() {
        assert!(
            kiosk.contains_key(&id) || english.contains_key(&id),
            "the kiosk uses {id}, which is not in locales/en"
        );
        used.insert(id);
    }
    let wallet = catalogue("en", "wallet.ftl");
    for id in wallet_uses() {
        assert!(
            wallet.contains_key(&id) || english.contains_key(&id),
            "the wallet uses {id}, which is not in locales/en"
        );
        used.insert(id);
    }
    let unused: Vec<_> = english
        .keys()
        .chain(kiosk.keys())
        .chain(wallet.keys())
        .filter(|id| !used.contains(*id))
        .collect();
    assert!(
        unused.is_empty(),
        "English messages nothing uses: {unused:?}"
    );
}

/// One of each core error, with plain values (no quotes to escape).
fn every_error() -> Vec<Error> {
    let d = || "a detail".to_owned();
    vec![
        Error::InputTooLarge { size: 70, max: 64 },
        Error::InvalidUtf8,
        Error::JsonTooDeep { max: 64 },
        Error::TooManyObjects { max: 5 },
        Error::TooManyValues { max: 5 },
        Error::ArrayTooLong { max: 5 },
        Error::MalformedJson(d()),
        Error::DuplicateMember(d()),
        Error::MalformedDocument(d()),
        Error::InvalidContext(d()),
        Error::UnknownContext("https://example.org/c".into()),
        Error::InvalidType(d()),
        Error::InvalidIssuer(d()),
        Error::InvalidCredentialSubject(d()),
        Error::InvalidDate {
            property: "validFrom".into(),
            value: "2020".into(),
        },
        Error::InvalidUrl {
            property: "id".into(),
            value: "x".into(),
        },
        Error::InvalidProperty {
            property: "credentialStatus".into(),
            reason: d(),
        },
        Error::SchemaInvalid(d()),
        Error::UnknownProfile("p".into()),
        Error::UnknownPreset("p".into()),
        Error::PresetNotApplicable("yellow-fever".into()),
        Error::ClaimNotDisclosable("/credentialSubject/birthDate".into()),
        Error::UnsupportedVersion(d()),
        Error::JsonLd(d()),
        Error::DataLossDetected(d()),
        Error::CanonicalizationLimit(d()),
        Error::InvalidKey(d()),
        Error::WeakKey(d()),
        Error::KeyTypeMismatch(d()),
        Error::InvalidMultibase(d()),
        Error::InvalidJwk(d()),
        Error::InvalidPem(d()),
        Error::InvalidDid(d()),
        Error::UnresolvableDid("did:web:example.org".into()),
        Error::VerificationMethodNotFound(d()),
        Error::ProofMissing,
        Error::MalformedProof(d()),
        Error::BaseProofNotVerifiable {
            suite: "ecdsa-sd-2023".into(),
        },
        Error::UnsupportedCryptosuite("x-2020".into()),
        Error::InvalidSignature,
        Error::InvalidProofChain(d()),
        Error::SigningFailed(d()),
        Error::EnvelopeWrongPrefix,
        Error::EnvelopeInvalidBase45(d()),
        Error::EnvelopeTruncated,
        Error::EnvelopeUnknownEncoding(0x7f),
        Error::EnvelopeCorrupt(d()),
        Error::EnvelopeTooLarge { max: 100 },
        Error::EnvelopeTooDeep { max: 10 },
        Error::EnvelopeInvalidCbor(d()),
        Error::QrNotFound(d()),
        Error::UnsupportedFormat(d()),
        Error::CborLdInvalid(d()),
        Error::CborLdUnknownRegistryEntry(9),
        Error::CborLdCannotEncode(d()),
        Error::BundleUnsigned,
        Error::BundleUnknownAnchor("did:key:z6Mk".into()),
        Error::BundleMalformed(d()),
        Error::BundleRollback {
            loaded: 7,
            offered: 6,
        },
        Error::SdJwtMalformed(d()),
        Error::SdJwtUnsupportedAlgorithm("none".into()),
        Error::DisclosureInvalid(d()),
        Error::DisclosureNotReferenced("jsu9yVulwQQlhFlM_3JlzMaSFzglhQG0DpfayQwLUK4".into()),
        Error::DisclosureDigestDuplicate("jsu9yVulwQQlhFlM_3JlzMaSFzglhQG0DpfayQwLUK4".into()),
        Error::KeyBindingMissing,
        Error::KeyBindingInvalid(d()),
        Error::KeyBindingMismatch {
            claim: "nonce".into(),
            expected: "n-0S6_WzA2Mj".into(),
            found: "1234567890".into(),
        },
        Error::KeyBindingStale { age: 600, max: 300 },
        Error::SdJwtExpired {
            date: "2029-09-01T23:33:20Z".into(),
        },
        Error::SdJwtNotYetValid {
            date: "2023-05-02T04:00:00Z".into(),
        },
        Error::StatusListInvalid(d()),
        Error::VcJwtMalformed(d()),
        Error::UnsupportedKeyAlgorithm("P-384".into()),
        Error::FormatInvalidBase45(d()),
        Error::FormatDecompress(d()),
        Error::FormatTooLarge { max: 64 },
        Error::CoseMalformed(d()),
        Error::CoseUnsupportedAlgorithm("-35".into()),
        Error::Claim169Missing,
        Error::Claim169Encrypted,
        Error::DccUnsupportedPrefix("HC2:".into()),
        Error::DccMalformed(d()),
        Error::DccSignerNotPermitted(d()),
        Error::ShcMalformed(d()),
    ]
}

#[test]
fn every_core_error_renders_in_english_as_its_display_text_and_in_every_language() {
    let errors = every_error();
    let codes: BTreeSet<&str> = errors.iter().map(Error::code).collect();
    let declared: BTreeSet<String> = rust_uses()
        .into_iter()
        .filter(|(_, _, file)| file.ends_with("credential-core/src/error.rs"))
        .map(|(id, _, _)| id)
        .collect();
    assert_eq!(
        codes.iter().map(|c| c.to_string()).collect::<BTreeSet<_>>(),
        declared,
        "every_error() must hold one of each error"
    );
    let english = Localizer::new("en");
    for e in &errors {
        assert_eq!(e.message().id, e.code());
        assert_eq!(english.text(&e.message()), e.to_string(), "{}", e.code());
    }
    for lang in &LANGUAGES[1..] {
        let l = Localizer::new(lang);
        for e in &errors {
            assert!(l.has(e.code()), "{lang}: {}", e.code());
            assert_ne!(l.text(&e.message()), e.code());
        }
    }
}

/// Sample values for a variable: numbers for the counting ones (each plural category), text for
/// the others.
fn samples(var: &str) -> Vec<serde_json::Value> {
    match var {
        "count" | "days" | "age" | "late" | "version" | "issuers" | "size" | "max" | "loaded"
        | "offered" | "entry" => [0, 1, 2, 3, 11, 100].map(serde_json::Value::from).to_vec(),
        "purpose" => vec!["revocation".into(), "suspension".into()],
        other => vec![format!("<{other}>").into()],
    }
}

#[test]
fn core_messages_rendered_in_every_language_for_the_javascript_renderer() {
    let english = catalogue("en", "core.ftl");
    let mut rendered = Vec::new();
    for lang in LANGUAGES {
        let l = Localizer::new(lang);
        for (id, vars) in &english {
            let leaked: &'static str = Box::leak(id.clone().into_boxed_str());
            for round in 0..6 {
                let mut m = credential_core::Message::new(leaked);
                let mut args = serde_json::Map::new();
                for var in vars {
                    let options = samples(var);
                    let value = options[round % options.len()].clone();
                    let name: &'static str = Box::leak(var.clone().into_boxed_str());
                    m = match &value {
                        serde_json::Value::Number(n) => m.arg(name, n.as_i64().unwrap()),
                        other => m.arg(name, other.as_str().unwrap()),
                    };
                    args.insert(var.clone(), value);
                }
                let text = l.text(&m);
                assert!(
                    !text.is_empty() && text != *id,
                    "{lang}: {id} did not render"
                );
                rendered.push(serde_json::json!({
                    "lang": lang, "id": id, "args": args, "text": text,
                }));
                if vars.is_empty() {
                    break;
                }
            }
        }
    }
    let dir = repo().join("target/messages");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("rendered.json"),
        serde_json::to_string_pretty(&rendered).unwrap(),
    )
    .unwrap();
}

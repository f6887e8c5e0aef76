//! Trust bundles: `laissez bundle create|add-issuer|sign|inspect`. A trust anchor lists the
//! issuers it recognises, their keys and status lists, and signs the bundle; verifiers load it
//! with the anchor's public key.

use super::Context;
use crate::cli::{
    BundleAddIssuerArgs, BundleCommand, BundleCreateArgs, BundleInspectArgs, BundleSignArgs,
};
use crate::error::{io, CliError, CliResult};
use crate::fsutil::{read_input, read_input_max, write_json, MAX_BUNDLE_BYTES};
use crate::home::Home;
use crate::i18n::{self, note, say};
use crate::signing::{jcs_suite, sign_document};
use crate::{clock, keystore};
use credential_core::codec::hex;
use credential_core::did::did_key;
use credential_core::jsonld::ContextStore;
use credential_core::keys::PublicKey;
use credential_core::message;
use credential_core::model::Timestamp;
use credential_core::profiles::Profiles;
use credential_core::sd_jwt::status_list::StatusListToken;
use credential_core::trust::BUNDLE_TYPE;
use credential_core::verify::Verifier;
use serde_json::{json, Map, Value};
use std::path::Path;

/// `laissez bundle …`; only `sign` needs the home of `ctx` (for the anchor key).
pub fn run(ctx: &Context, cmd: BundleCommand) -> CliResult<()> {
    match cmd {
        BundleCommand::Create(args) => create(&args),
        BundleCommand::AddIssuer(args) => add_issuer(&args),
        BundleCommand::Sign(args) => sign(&ctx.open_home()?, &args, ctx.pass()),
        BundleCommand::Inspect(args) => inspect(&args),
        BundleCommand::AddDccSigners(args) => super::bundle_formats::add_dcc_signers(&args),
        BundleCommand::AddShcIssuer(args) => super::bundle_formats::add_shc_issuer(&args),
        BundleCommand::AddClaim169Key(args) => super::bundle_formats::add_claim169_key(&args),
    }
}

/// A JSON file (bundle, status list, DID document), at most [`MAX_BUNDLE_BYTES`].
pub(super) fn read_json(path: &Path) -> CliResult<Value> {
    let bytes = read_input_max(path, MAX_BUNDLE_BYTES)?;
    parse_json(path, &bytes)
}

/// Parses JSON read from `path`, within the bounds of a trust bundle.
fn parse_json(path: &Path, bytes: &[u8]) -> CliResult<Value> {
    credential_core::json::parse_bounded(
        bytes,
        credential_core::json::JsonLimits {
            max_bytes: 16 * 1024 * 1024,
            max_depth: 64,
            max_objects: 200_000,
            max_array_len: 100_000,
            max_values: 10_000_000,
        },
    )
    .map_err(|e| CliError::in_file(&path.display().to_string(), &e.message()))
}

/// A status list credential file and its id (the URL credentials point to).
fn read_status_list(path: &Path) -> CliResult<(String, Value)> {
    let list = read_json(path)?;
    let id = list
        .get("id")
        .and_then(Value::as_str)
        .ok_or_else(|| {
            CliError::input(message!(
                "bundle_status_list_no_id",
                path = path.display().to_string()
            ))
        })?
        .to_owned();
    Ok((id, list))
}

/// A Token Status List file a home published (`statuslist+jwt`) as a bundle's
/// `statusListTokens` entry `{uri, issuer, token}`: the issuer is the `did:key` of the home key
/// whose signature it verifies with.
fn read_status_token(path: &Path, keys: &[PublicKey]) -> CliResult<Value> {
    let bytes = read_input_max(path, MAX_BUNDLE_BYTES)?;
    let token = std::str::from_utf8(&bytes)
        .map_err(|_| CliError::input(message!("file_not_utf8", path = path.display().to_string())))?
        .trim();
    let now = clock::now();
    for key in keys {
        if let Ok(list) = StatusListToken::verify(token, key, now) {
            return Ok(json!({"uri": list.uri, "issuer": did_key(key), "token": token}));
        }
    }
    Err(CliError::input(message!(
        "bundle_status_token_unverified",
        path = path.display().to_string()
    )))
}

/// `laissez bundle create`: an unsigned bundle skeleton.
pub fn create(args: &BundleCreateArgs) -> CliResult<()> {
    let out = &args.out;
    let now = clock::now();
    let bundle = json!({
        "type": BUNDLE_TYPE,
        "version": args.version.unwrap_or(now.0.max(0) as u64),
        "issued": now.to_rfc3339(),
        "nextUpdate": Timestamp(now.0 + i64::from(args.valid_days) * 86_400).to_rfc3339(),
        "issuers": [],
        "statusLists": [],
        "contexts": [],
        "didDocuments": []
    });
    write_json(out, &bundle)?;
    say!("bundle_created", path = out.display().to_string());
    Ok(())
}

/// `laissez bundle add-issuer BUNDLE …`.
pub fn add_issuer(args: &BundleAddIssuerArgs) -> CliResult<()> {
    let bundle_path = &args.bundle;
    let mut bundle = read_json(bundle_path)?;
    let obj = bundle
        .as_object_mut()
        .ok_or_else(|| CliError::input(message!("bundle_not_object")))?;
    if obj.remove("proof").is_some() {
        note!("bundle_signature_removed");
    }
    let mut names: Map<String, Value> = Map::new();
    for n in &args.name {
        let (lang, text) = n
            .split_once('=')
            .ok_or_else(|| CliError::input(message!("bundle_bad_name", value = n)))?;
        names.insert(lang.to_owned(), json!(text));
    }
    let valid_until = args
        .valid_until
        .as_deref()
        .map(|s| {
            Timestamp::parse(s)
                .ok_or_else(|| CliError::input(message!("bundle_bad_valid_until", value = s)))
        })
        .transpose()?;
    let mut entries = Vec::new();
    let mut tokens: Vec<Value> = Vec::new();
    let mut lists: Vec<(String, Value)> = args
        .status_list
        .iter()
        .map(|f| read_status_list(f))
        .collect::<CliResult<_>>()?;
    if let Some(h) = &args.from_home {
        let home = Home::open(h)?;
        if names.is_empty() {
            names.insert("en".into(), json!(home.config.issuer.name));
        }
        let types: Vec<String> = if args.types.is_empty() {
            Profiles::bundled()
                .all()
                .iter()
                .flat_map(|p| p.types().iter().skip(1).cloned())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect()
        } else {
            args.types.clone()
        };
        let keys = keystore::list(&home)?;
        for k in &keys {
            entries.push((
                did_key(&k.public),
                vec![k.public.to_multikey()],
                types.clone(),
            ));
        }
        let dir = home.status_dir();
        if dir.is_dir() {
            let mut files = Vec::new();
            for entry in std::fs::read_dir(&dir).map_err(|e| CliError::io(io::read, &dir, e))? {
                let path = entry.map_err(|e| CliError::io(io::read, &dir, e))?.path();
                if path.extension().is_some_and(|x| x == "json" || x == "jwt") {
                    files.push(path);
                }
            }
            files.sort();
            let publics: Vec<PublicKey> = keys.into_iter().map(|k| k.public).collect();
            for f in files {
                if f.extension().is_some_and(|x| x == "jwt") {
                    tokens.push(read_status_token(&f, &publics)?);
                } else {
                    lists.push(read_status_list(&f)?);
                }
            }
        }
    }
    if let Some(did) = &args.did {
        if args.key.is_empty() {
            return Err(CliError::input(message!("bundle_did_needs_key")));
        }
        for k in &args.key {
            PublicKey::from_multikey(k)?;
        }
        entries.push((did.clone(), args.key.clone(), args.types.clone()));
    }
    if entries.is_empty() {
        return Err(CliError::input(message!("bundle_no_issuer_source")));
    }
    let issuers = obj
        .entry("issuers")
        .or_insert_with(|| json!([]))
        .as_array_mut()
        .ok_or_else(|| CliError::input(message!("bundle_not_array", member = "issuers")))?;
    for (did, keys, types) in entries {
        issuers.retain(|i| i.get("id").and_then(Value::as_str) != Some(&did));
        let mut e = json!({"id": did, "name": names, "publicKeys": keys, "credentialTypes": types});
        if let Some(j) = &args.jurisdiction {
            e["jurisdiction"] = json!(j);
        }
        if let Some(u) = valid_until {
            e["validUntil"] = json!(u.to_rfc3339());
        }
        say!("bundle_added_issuer", did = &did);
        issuers.push(e);
    }
    let cached = obj
        .entry("statusLists")
        .or_insert_with(|| json!([]))
        .as_array_mut()
        .ok_or_else(|| CliError::input(message!("bundle_not_array", member = "statusLists")))?;
    for (id, list) in lists {
        cached.retain(|l| l.get("id").and_then(Value::as_str) != Some(&id));
        say!("bundle_added_status_list", id = &id);
        cached.push(list);
    }
    if !tokens.is_empty() {
        let cached = obj
            .entry("statusListTokens")
            .or_insert_with(|| json!([]))
            .as_array_mut()
            .ok_or_else(|| {
                CliError::input(message!("bundle_not_array", member = "statusListTokens"))
            })?;
        for t in tokens {
            cached.retain(|l| l.get("uri") != t.get("uri"));
            say!(
                "bundle_added_status_token",
                uri = t["uri"].as_str().unwrap_or_default()
            );
            cached.push(t);
        }
    }
    for c in &args.context {
        let (url, file) = c
            .split_once('=')
            .ok_or_else(|| CliError::input(message!("bundle_bad_context", value = c)))?;
        let text = String::from_utf8(read_input(Path::new(file))?)
            .map_err(|_| CliError::input(message!("file_not_utf8", path = file)))?;
        let mut store = ContextStore::bundled();
        let sha = sha256_hex(text.as_bytes());
        store.add_pinned(url, &text, &sha)?;
        let contexts = obj
            .entry("contexts")
            .or_insert_with(|| json!([]))
            .as_array_mut()
            .ok_or_else(|| CliError::input(message!("bundle_not_array", member = "contexts")))?;
        contexts.retain(|e| e.get("url").and_then(Value::as_str) != Some(url));
        contexts.push(json!({"url": url, "sha256": sha, "document": text}));
        say!("bundle_added_context", url = url, sha256 = &sha);
    }
    for f in &args.did_document {
        let doc = read_json(f)?;
        let id = doc
            .get("id")
            .and_then(Value::as_str)
            .filter(|d| d.starts_with("did:"))
            .ok_or_else(|| {
                CliError::input(message!(
                    "bundle_did_document_no_id",
                    path = f.display().to_string()
                ))
            })?
            .to_owned();
        let docs = obj
            .entry("didDocuments")
            .or_insert_with(|| json!([]))
            .as_array_mut()
            .ok_or_else(|| {
                CliError::input(message!("bundle_not_array", member = "didDocuments"))
            })?;
        docs.retain(|d| d.get("id").and_then(Value::as_str) != Some(&id));
        docs.push(doc);
        say!("bundle_added_did_document", id = &id);
    }
    write_json(bundle_path, &bundle)
}

/// The SHA-256 of `bytes`, in hex (how a bundle pins a context).
fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex(&sha2::Sha256::digest(bytes))
}

/// `laissez bundle sign BUNDLE --anchor-key NAME`, with a key of `home`.
pub fn sign(home: &Home, args: &BundleSignArgs, pass: Option<&str>) -> CliResult<()> {
    let bundle_path = &args.bundle;
    let mut bundle = read_json(bundle_path)?;
    let obj = bundle
        .as_object_mut()
        .ok_or_else(|| CliError::input(message!("bundle_not_object")))?;
    obj.remove("proof");
    if obj.get("type").and_then(Value::as_str) != Some(BUNDLE_TYPE) {
        return Err(CliError::input(message!(
            "bundle_wrong_type",
            path = bundle_path.display().to_string(),
            bundle_type = BUNDLE_TYPE
        )));
    }
    let key = keystore::load(home, &args.anchor_key, pass)?;
    let suite = jcs_suite(&key);
    let verifier = Verifier::new(ContextStore::bundled());
    let signed = sign_document(&bundle, &key, suite, &verifier, clock::now())?;
    let out = args.out.as_ref().unwrap_or(bundle_path);
    write_json(out, &signed)?;
    say!(
        "bundle_signed",
        path = out.display().to_string(),
        anchor = did_key(&key.public_key()),
        suite = suite.name()
    );
    Ok(())
}

/// Parses `--anchor` values: Multikey (`z…`) or `did:key:…`.
pub fn parse_anchors(values: &[String]) -> CliResult<Vec<PublicKey>> {
    values
        .iter()
        .map(|a| {
            PublicKey::from_anchor(a).map_err(|e| CliError::Input {
                message: message!(
                    "bundle_bad_anchor",
                    anchor = a,
                    error = i18n::text(&e.message())
                ),
                hint: Some(message!("hint_anchor")),
            })
        })
        .collect()
}

/// `laissez bundle inspect BUNDLE [--anchor PUB]`.
fn inspect(args: &BundleInspectArgs) -> CliResult<()> {
    let (bundle_path, anchors) = (&args.bundle, &args.anchor);
    let bytes = read_input_max(bundle_path, MAX_BUNDLE_BYTES)?;
    let bundle = parse_json(bundle_path, &bytes)?;
    let now = clock::now();
    if !anchors.is_empty() {
        let mut verifier = Verifier::new(ContextStore::bundled());
        let b = verifier.load_trust_bundle(&bytes, &parse_anchors(anchors)?, now)?;
        say!("bundle_signature_valid", anchor = did_key(&b.anchor));
    } else {
        say!("bundle_signature_not_checked");
    }
    let get = |k: &str| {
        bundle
            .get(k)
            .map(|v| v.to_string())
            .unwrap_or_else(|| "-".into())
    };
    say!("bundle_inspect_version", value = get("version"));
    say!("bundle_inspect_issued", value = get("issued"));
    say!("bundle_inspect_next_update", value = get("nextUpdate"));
    for i in bundle
        .get("issuers")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        say!(
            "bundle_inspect_issuer",
            id = i["id"].as_str().unwrap_or("?"),
            name = i["name"].to_string(),
            types = i["credentialTypes"].to_string()
        );
    }
    for l in bundle
        .get("statusLists")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        say!(
            "bundle_inspect_status_list",
            id = l["id"].as_str().unwrap_or("?"),
            purpose = l["credentialSubject"]["statusPurpose"]
                .as_str()
                .unwrap_or("?")
        );
    }
    Ok(())
}

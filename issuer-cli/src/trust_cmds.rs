//! Status lists and trust bundles: `laissez revoke|suspend|reinstate`, `laissez status publish`,
//! `laissez bundle create|add-issuer|sign|inspect`.

use crate::error::{CliError, CliResult};
use crate::fsutil::{read_input, read_input_max, write_json, MAX_BUNDLE_BYTES};
use crate::home::Home;
use crate::issuing::list_url;
use crate::registry::{Registry, StatusChange, StatusRow};
use crate::{clock, keystore};
use credential_core::codec::hex;
use credential_core::did::{did_key, did_key_vm};
use credential_core::jsonld::ContextStore;
use credential_core::keys::{PublicKey, SecretKey};
use credential_core::model::Timestamp;
use credential_core::profiles::Profiles;
use credential_core::proof::{add_proof, ProofOptions};
use credential_core::status::{list_credential, StatusList, StatusPurpose};
use credential_core::suites::Cryptosuite;
use credential_core::trust::BUNDLE_TYPE;
use credential_core::verify::Verifier;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// `laissez revoke|suspend|reinstate ID`.
pub fn change(home: &Home, id: &str, change: StatusChange) -> CliResult<()> {
    let mut registry = Registry::open(&home.registry_path())?;
    let message = registry.change_status(id, change)?;
    println!("{id}: {message}; run `laissez status publish` and distribute a new trust bundle");
    Ok(())
}

/// Where `status publish` writes by default.
pub fn default_status_dir(home: &Home) -> PathBuf {
    home.registry_path().with_file_name("status")
}

fn sign(
    doc: &Value,
    key: &SecretKey,
    suite: Cryptosuite,
    verifier: &Verifier,
    now: Timestamp,
) -> CliResult<Value> {
    let obj = doc
        .as_object()
        .ok_or_else(|| CliError::input("internal: document is not an object"))?;
    let opts = ProofOptions::assertion(suite, did_key_vm(&key.public_key())).created(now);
    Ok(Value::Object(add_proof(
        obj,
        &opts,
        key,
        verifier.processor(),
    )?))
}

fn rdfc_suite(key: &SecretKey) -> Cryptosuite {
    match key.algorithm() {
        credential_core::keys::Algorithm::Ed25519 => Cryptosuite::EddsaRdfc2022,
        _ => Cryptosuite::EcdsaRdfc2019,
    }
}

/// `laissez status publish`: one signed list credential per key, purpose and list number.
pub fn publish(
    home: &Home,
    out: Option<&Path>,
    valid_days: u32,
    pass: Option<&str>,
) -> CliResult<()> {
    let registry = Registry::open(&home.registry_path())?;
    let out = out
        .map(Path::to_path_buf)
        .unwrap_or_else(|| default_status_dir(home));
    std::fs::create_dir_all(&out).map_err(|e| CliError::io("create", &out, e))?;
    let size = home.config.status.list_size as i64;
    // (key, list number) -> rows
    let mut lists: BTreeMap<(String, i64), Vec<StatusRow>> = BTreeMap::new();
    for row in registry.status_rows()? {
        lists
            .entry((row.key_name.clone(), row.index / size))
            .or_default()
            .push(row);
    }
    if lists.is_empty() {
        println!("nothing issued yet: no status list to publish");
        return Ok(());
    }
    let verifier = Verifier::new(ContextStore::bundled());
    let now = clock::now();
    let until = Timestamp(now.0 + i64::from(valid_days) * 86_400);
    let mut keys: BTreeMap<String, SecretKey> = BTreeMap::new();
    for ((key_name, number), rows) in lists {
        if !keys.contains_key(&key_name) {
            keys.insert(key_name.clone(), keystore::load(home, &key_name, pass)?);
        }
        let key = &keys[&key_name];
        for purpose in [StatusPurpose::Revocation, StatusPurpose::Suspension] {
            let mut list = StatusList::new(size as usize);
            let mut set = 0;
            for row in &rows {
                let on = match purpose {
                    StatusPurpose::Revocation => row.revoked,
                    StatusPurpose::Suspension => row.suspended,
                };
                if on {
                    list.set((row.index % size) as usize, true)?;
                    set += 1;
                }
            }
            let url = list_url(home, &key_name, purpose, number * size);
            let unsigned = list_credential(
                &url,
                &did_key(&key.public_key()),
                purpose,
                &list,
                now,
                Some(until),
            );
            let signed = sign(&unsigned, key, rdfc_suite(key), &verifier, now)?;
            let path = out.join(format!("{key_name}-{}-{number}.json", purpose.name()));
            write_json(&path, &signed)?;
            println!(
                "{}  {} entries, {set} set  -> {}",
                url,
                list.len(),
                path.display()
            );
        }
    }
    Ok(())
}

fn read_json(path: &Path) -> CliResult<Value> {
    let bytes = read_input_max(path, MAX_BUNDLE_BYTES)?;
    parse_json(path, &bytes)
}

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
    .map_err(|e| CliError::input(format!("{}: {e}", path.display())))
}

/// A status list credential file and its id (the URL credentials point to).
fn read_status_list(path: &Path) -> CliResult<(String, Value)> {
    let list = read_json(path)?;
    let id = list
        .get("id")
        .and_then(Value::as_str)
        .ok_or_else(|| {
            CliError::input(format!(
                "{}: a status list credential needs a string id (its URL)",
                path.display()
            ))
        })?
        .to_owned();
    Ok((id, list))
}

/// `laissez bundle create`: an unsigned bundle skeleton.
pub fn create(out: &Path, valid_days: u32, version: Option<u64>) -> CliResult<()> {
    let now = clock::now();
    let bundle = json!({
        "type": BUNDLE_TYPE,
        "version": version.unwrap_or(now.0.max(0) as u64),
        "issued": now.to_rfc3339(),
        "nextUpdate": Timestamp(now.0 + i64::from(valid_days) * 86_400).to_rfc3339(),
        "issuers": [],
        "statusLists": [],
        "contexts": [],
        "didDocuments": []
    });
    write_json(out, &bundle)?;
    println!(
        "created unsigned bundle {} (add issuers, then sign)",
        out.display()
    );
    Ok(())
}

/// Options of `bundle add-issuer`.
pub struct IssuerSpec {
    /// An issuer home: every key becomes an issuer entry, with its published status lists.
    pub from_home: Option<PathBuf>,
    /// An issuer DID (with `keys`), for issuers outside this machine.
    pub did: Option<String>,
    /// Multikey public keys of `did`.
    pub keys: Vec<String>,
    /// `LANG=TEXT` display names.
    pub names: Vec<String>,
    /// Authorised credential types (default with --from-home: every profile type).
    pub types: Vec<String>,
    /// Jurisdiction.
    pub jurisdiction: Option<String>,
    /// Extra status list credential files.
    pub status_files: Vec<PathBuf>,
    /// End of recognition (RFC 3339).
    pub valid_until: Option<String>,
    /// Extra contexts, `URL=FILE`.
    pub contexts: Vec<String>,
    /// DID document files.
    pub did_documents: Vec<PathBuf>,
}

/// `laissez bundle add-issuer BUNDLE …`.
pub fn add_issuer(bundle_path: &Path, spec: IssuerSpec) -> CliResult<()> {
    let mut bundle = read_json(bundle_path)?;
    let obj = bundle
        .as_object_mut()
        .ok_or_else(|| CliError::input("the bundle is not a JSON object"))?;
    if obj.remove("proof").is_some() {
        eprintln!("note: the bundle was signed; the signature is removed (sign it again)");
    }
    let mut names: Map<String, Value> = Map::new();
    for n in &spec.names {
        let (lang, text) = n.split_once('=').ok_or_else(|| {
            CliError::input(format!(
                "--name {n:?}: use LANG=TEXT, e.g. fr=\"État civil\""
            ))
        })?;
        names.insert(lang.to_owned(), json!(text));
    }
    let valid_until = spec
        .valid_until
        .as_deref()
        .map(|s| {
            Timestamp::parse(s).ok_or_else(|| {
                CliError::input(format!("--valid-until {s:?} is not an RFC 3339 date-time"))
            })
        })
        .transpose()?;
    let mut entries = Vec::new();
    let mut lists: Vec<(String, Value)> = spec
        .status_files
        .iter()
        .map(|f| read_status_list(f))
        .collect::<CliResult<_>>()?;
    if let Some(h) = &spec.from_home {
        let home = Home::open(h)?;
        if names.is_empty() {
            names.insert("en".into(), json!(home.config.issuer.name));
        }
        let types: Vec<String> = if spec.types.is_empty() {
            Profiles::bundled()
                .all()
                .iter()
                .flat_map(|p| p.types().iter().skip(1).cloned())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect()
        } else {
            spec.types.clone()
        };
        for k in keystore::list(&home)? {
            entries.push((
                did_key(&k.public),
                vec![k.public.to_multikey()],
                types.clone(),
            ));
        }
        let dir = default_status_dir(&home);
        if dir.is_dir() {
            let mut files = Vec::new();
            for entry in std::fs::read_dir(&dir).map_err(|e| CliError::io("read", &dir, e))? {
                let path = entry.map_err(|e| CliError::io("read", &dir, e))?.path();
                if path.extension().is_some_and(|x| x == "json") {
                    files.push(path);
                }
            }
            files.sort();
            for f in files {
                lists.push(read_status_list(&f)?);
            }
        }
    }
    if let Some(did) = &spec.did {
        if spec.keys.is_empty() {
            return Err(CliError::input(
                "--did needs at least one --key (Multikey public key)",
            ));
        }
        for k in &spec.keys {
            PublicKey::from_multikey(k)?;
        }
        entries.push((did.clone(), spec.keys.clone(), spec.types.clone()));
    }
    if entries.is_empty() {
        return Err(CliError::input(
            "give --from-home HOME, or --did DID with --key KEY",
        ));
    }
    let issuers = obj
        .entry("issuers")
        .or_insert_with(|| json!([]))
        .as_array_mut()
        .ok_or_else(|| CliError::input("issuers is not an array"))?;
    for (did, keys, types) in entries {
        issuers.retain(|i| i.get("id").and_then(Value::as_str) != Some(&did));
        let mut e = json!({"id": did, "name": names, "publicKeys": keys, "credentialTypes": types});
        if let Some(j) = &spec.jurisdiction {
            e["jurisdiction"] = json!(j);
        }
        if let Some(u) = valid_until {
            e["validUntil"] = json!(u.to_rfc3339());
        }
        println!("issuer {did}");
        issuers.push(e);
    }
    let cached = obj
        .entry("statusLists")
        .or_insert_with(|| json!([]))
        .as_array_mut()
        .ok_or_else(|| CliError::input("statusLists is not an array"))?;
    for (id, list) in lists {
        cached.retain(|l| l.get("id").and_then(Value::as_str) != Some(&id));
        println!("status list {id}");
        cached.push(list);
    }
    for c in &spec.contexts {
        let (url, file) = c
            .split_once('=')
            .ok_or_else(|| CliError::input(format!("--context {c:?}: use URL=FILE")))?;
        let text = String::from_utf8(read_input(Path::new(file))?)
            .map_err(|_| CliError::input(format!("{file} is not UTF-8")))?;
        let mut store = ContextStore::bundled();
        let sha = sha256_hex(text.as_bytes());
        store.add_pinned(url, &text, &sha)?;
        let contexts = obj
            .entry("contexts")
            .or_insert_with(|| json!([]))
            .as_array_mut()
            .ok_or_else(|| CliError::input("contexts is not an array"))?;
        contexts.retain(|e| e.get("url").and_then(Value::as_str) != Some(url));
        contexts.push(json!({"url": url, "sha256": sha, "document": text}));
        println!("context {url} (sha256 {sha})");
    }
    for f in &spec.did_documents {
        let doc = read_json(f)?;
        let id = doc
            .get("id")
            .and_then(Value::as_str)
            .filter(|d| d.starts_with("did:"))
            .ok_or_else(|| {
                CliError::input(format!("{}: a DID document needs a DID id", f.display()))
            })?
            .to_owned();
        let docs = obj
            .entry("didDocuments")
            .or_insert_with(|| json!([]))
            .as_array_mut()
            .ok_or_else(|| CliError::input("didDocuments is not an array"))?;
        docs.retain(|d| d.get("id").and_then(Value::as_str) != Some(&id));
        docs.push(doc);
        println!("DID document {id}");
    }
    write_json(bundle_path, &bundle)
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex(&sha2::Sha256::digest(bytes))
}

/// `laissez bundle sign BUNDLE --anchor-key NAME`.
pub fn sign_bundle(
    home: &Home,
    bundle_path: &Path,
    anchor_key: &str,
    out: Option<&Path>,
    pass: Option<&str>,
) -> CliResult<()> {
    let mut bundle = read_json(bundle_path)?;
    let obj = bundle
        .as_object_mut()
        .ok_or_else(|| CliError::input("the bundle is not a JSON object"))?;
    obj.remove("proof");
    if obj.get("type").and_then(Value::as_str) != Some(BUNDLE_TYPE) {
        return Err(CliError::input(format!(
            "{} is not a trust bundle (type {BUNDLE_TYPE})",
            bundle_path.display()
        )));
    }
    let key = keystore::load(home, anchor_key, pass)?;
    let suite = match key.algorithm() {
        credential_core::keys::Algorithm::Ed25519 => Cryptosuite::EddsaJcs2022,
        _ => Cryptosuite::EcdsaJcs2019,
    };
    let verifier = Verifier::new(ContextStore::bundled());
    let signed = sign(&bundle, &key, suite, &verifier, clock::now())?;
    let out = out.unwrap_or(bundle_path);
    write_json(out, &signed)?;
    println!(
        "signed {} with anchor {} ({suite})",
        out.display(),
        did_key(&key.public_key())
    );
    Ok(())
}

/// Parses `--anchor` values: Multikey (`z…`) or `did:key:…`.
pub fn parse_anchors(values: &[String]) -> CliResult<Vec<PublicKey>> {
    values
        .iter()
        .map(|a| {
            PublicKey::from_anchor(a).map_err(|e| {
                CliError::input(format!("--anchor {a}: {e} (give a Multikey or did:key)"))
            })
        })
        .collect()
}

/// `laissez bundle inspect BUNDLE [--anchor PUB]`.
pub fn inspect(bundle_path: &Path, anchors: &[String]) -> CliResult<()> {
    let bytes = read_input_max(bundle_path, MAX_BUNDLE_BYTES)?;
    let bundle = parse_json(bundle_path, &bytes)?;
    let now = clock::now();
    if !anchors.is_empty() {
        let mut verifier = Verifier::new(ContextStore::bundled());
        let b = verifier.load_trust_bundle(&bytes, &parse_anchors(anchors)?, now)?;
        println!("signature: valid (anchor {})", did_key(&b.anchor));
    } else {
        println!("signature: not checked (pass --anchor to check it)");
    }
    let get = |k: &str| {
        bundle
            .get(k)
            .map(|v| v.to_string())
            .unwrap_or_else(|| "-".into())
    };
    println!("version     {}", get("version"));
    println!("issued      {}", get("issued"));
    println!("nextUpdate  {}", get("nextUpdate"));
    for i in bundle
        .get("issuers")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        println!(
            "issuer      {}  {}  types: {}",
            i["id"].as_str().unwrap_or("?"),
            i["name"],
            i["credentialTypes"]
        );
    }
    for l in bundle
        .get("statusLists")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        println!(
            "status list {}  ({})",
            l["id"].as_str().unwrap_or("?"),
            l["credentialSubject"]["statusPurpose"]
                .as_str()
                .unwrap_or("?")
        );
    }
    Ok(())
}

//! Credential status: `laissez revoke|suspend|reinstate` change it in the registry, `laissez
//! status publish` writes what carries it: signed Bitstring status list credentials for Data
//! Integrity and `vc+jwt` credentials, and signed Token Status Lists (`statuslist+jwt`, 2 bits:
//! 0 valid, 1 revoked, 2 suspended) for SD-JWT VCs.

use super::Context;
use crate::cli::{StatusCommand, StatusPublishArgs};
use crate::error::{io, CliError, CliResult};
use crate::fsutil::{write_atomic, write_json};
use crate::home::Home;
use crate::i18n::{self, say};
use crate::issuing::{list_url, token_list_uri, TOKEN_STATUS_PURPOSE};
use crate::registry::{Registry, StatusChange, StatusRow};
use crate::signing::{rdfc_suite, sign_document};
use crate::{clock, keystore};
use credential_core::did::did_key;
use credential_core::jsonld::ContextStore;
use credential_core::keys::SecretKey;
use credential_core::model::Timestamp;
use credential_core::sd_jwt::status_list::{StatusListToken, TokenStatus};
use credential_core::status::{list_credential, StatusList, StatusPurpose};
use credential_core::verify::Verifier;
use std::collections::BTreeMap;

/// `laissez revoke|suspend|reinstate ID`.
pub fn change(ctx: &Context, id: &str, change: StatusChange) -> CliResult<()> {
    let home = ctx.open_home()?;
    let mut registry = ctx.open_registry(&home)?;
    let message = registry.change_status(id, change)?;
    println!("{}", i18n::text(&message));
    Ok(())
}

/// `laissez status …`, in the home of `ctx`.
pub fn run(ctx: &Context, cmd: StatusCommand) -> CliResult<()> {
    let home = ctx.open_home()?;
    match cmd {
        StatusCommand::Publish(args) => {
            publish(&home, &ctx.open_registry(&home)?, &args, ctx.pass())
        }
    }
}

/// `laissez status publish`: one signed list credential per key, purpose and list number, and
/// one Token Status List per key and list number of SD-JWT VCs.
pub fn publish(
    home: &Home,
    registry: &Registry,
    args: &StatusPublishArgs,
    pass: Option<&str>,
) -> CliResult<()> {
    let out = args.out.clone().unwrap_or_else(|| home.status_dir());
    std::fs::create_dir_all(&out).map_err(|e| CliError::io(io::create, &out, e))?;
    let size = home.config.status.list_size as i64;
    // (key, list number) -> rows, for Bitstring lists and Token Status Lists.
    let mut lists: BTreeMap<(String, i64), Vec<StatusRow>> = BTreeMap::new();
    let mut tokens: BTreeMap<(String, i64), Vec<StatusRow>> = BTreeMap::new();
    for row in registry.status_rows()? {
        let into = if row.purpose == TOKEN_STATUS_PURPOSE {
            &mut tokens
        } else {
            &mut lists
        };
        into.entry((row.key_name.clone(), row.index / size))
            .or_default()
            .push(row);
    }
    if lists.is_empty() && tokens.is_empty() {
        say!("status_nothing_to_publish");
        return Ok(());
    }
    let verifier = Verifier::new(ContextStore::bundled());
    let now = clock::now();
    let until = Timestamp(now.0 + i64::from(args.valid_days) * 86_400);
    let mut keys: BTreeMap<String, SecretKey> = BTreeMap::new();
    for ((key_name, number), rows) in lists {
        if !keys.contains_key(&key_name) {
            keys.insert(key_name.clone(), keystore::load(home, &key_name, pass)?);
        }
        let key = &keys[&key_name];
        for purpose in [StatusPurpose::Revocation, StatusPurpose::Suspension] {
            let mut list = StatusList::new(size as usize);
            let mut set = 0usize;
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
            let signed = sign_document(&unsigned, key, rdfc_suite(key), &verifier, now)?;
            let path = out.join(format!("{key_name}-{}-{number}.json", purpose.name()));
            write_json(&path, &signed)?;
            say!(
                "status_published",
                url = &url,
                entries = list.len(),
                set = set,
                path = path.display().to_string()
            );
        }
    }
    for ((key_name, number), rows) in tokens {
        if !keys.contains_key(&key_name) {
            keys.insert(key_name.clone(), keystore::load(home, &key_name, pass)?);
        }
        let key = &keys[&key_name];
        let mut statuses = vec![TokenStatus::Valid.to_u8(); size as usize];
        for row in &rows {
            statuses[(row.index % size) as usize] = if row.revoked {
                TokenStatus::Invalid.to_u8()
            } else if row.suspended {
                TokenStatus::Suspended.to_u8()
            } else {
                TokenStatus::Valid.to_u8()
            };
        }
        let set = statuses.iter().filter(|s| **s != 0).count();
        let uri = token_list_uri(home, &key_name, number * size);
        let token = StatusListToken::issue(&uri, 2, &statuses, now, Some(until), key)?;
        let path = out.join(format!("{key_name}-token-{number}.jwt"));
        write_atomic(&path, token.as_bytes(), false)?;
        say!(
            "status_published_token",
            uri = &uri,
            entries = statuses.len(),
            set = set,
            path = path.display().to_string()
        );
    }
    Ok(())
}

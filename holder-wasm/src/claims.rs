//! The claims of a held credential a holder may show or hide, their labels for people, and the
//! JSON pointers a holder's choice (a preset or pointers) names.
//!
//! Claims are named by JSON pointers into the credential (for an SD-JWT VC, into its credential
//! view: `/credentialSubject/givenName` is the claim `given_name`'s place in the credential).

use crate::held::Held;
use credential_core::error::{Error, Result};
use credential_core::profiles::Profile;
use credential_core::sd_jwt::credential::pointer_of;
use serde_json::Value;

/// What the holder chooses to disclose, besides what the issuer made mandatory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// A preset of the credential's profile (`proof-of-registration`, …).
    Preset(String),
    /// Claims named by JSON pointers, each a selectively disclosable claim or inside one.
    Pointers(Vec<String>),
}

impl Choice {
    /// Reads `{"preset": name}` or `{"pointers": [..]}` (exactly one of the two).
    pub fn from_json(value: &Value) -> Result<Choice> {
        let bad = |what: &str| Error::MalformedDocument(format!("the choice {what}"));
        let object = value
            .as_object()
            .ok_or_else(|| bad("is {preset} or {pointers}"))?;
        if let Some(k) = object
            .keys()
            .find(|k| !matches!(k.as_str(), "preset" | "pointers"))
        {
            return Err(bad(&format!(
                "has an unknown member {k:?} (use preset or pointers)"
            )));
        }
        match (object.get("preset"), object.get("pointers")) {
            (Some(Value::String(name)), None) => Ok(Choice::Preset(name.clone())),
            (None, Some(Value::Array(items))) => items
                .iter()
                .map(|p| p.as_str().map(str::to_owned))
                .collect::<Option<Vec<_>>>()
                .map(Choice::Pointers)
                .ok_or_else(|| bad("pointers must be strings")),
            _ => Err(bad(
                "is {preset: string} or {pointers: string[]}, one of them",
            )),
        }
    }
}

/// Whether `pointer` is `outer` or inside it (by whole segments).
pub fn within(pointer: &str, outer: &str) -> bool {
    pointer == outer
        || pointer
            .strip_prefix(outer)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// The selectively disclosable claims of `held`, outermost first in the credential's order: for
/// Data Integrity its profile's selective claims that the credential has; for an SD-JWT VC the
/// claims the issuer made disclosable (those not inside another one).
pub fn disclosable(held: &Held, profile: Option<&Profile>) -> Result<Vec<String>> {
    let mut out: Vec<String> = match held {
        Held::Base(credential) => {
            let profile = profile.ok_or_else(|| no_profile(credential))?;
            let rules = profile.disclosure()?;
            rules
                .selective
                .iter()
                .flat_map(|p| p.resolve(credential))
                .collect()
        }
        Held::SdJwt { sd_jwt, .. } => {
            let all: Vec<String> = sd_jwt.disclosable().map(pointer_of).collect();
            all.iter()
                .filter(|p| !all.iter().any(|q| q != *p && within(p, q)))
                .cloned()
                .collect()
        }
    };
    out.dedup();
    Ok(out)
}

/// `unknown_profile`, naming the credential's most specific type.
fn no_profile(credential: &Value) -> Error {
    let types = credential.get("type");
    let last = match types {
        Some(Value::Array(t)) => t.last().and_then(Value::as_str),
        Some(Value::String(t)) => Some(t.as_str()),
        _ => None,
    };
    Error::UnknownProfile(last.unwrap_or("VerifiableCredential").to_owned())
}

/// The concrete pointers `choice` discloses of `held`. A preset's claims the credential lacks
/// altogether is `preset_not_applicable`; a pointer that is not a disclosable claim of this
/// credential (or inside one) is `claim_not_disclosable`.
pub fn chosen(
    choice: &Choice,
    held: &Held,
    profile: Option<&Profile>,
    disclosable: &[String],
) -> Result<Vec<String>> {
    let pointers = match choice {
        Choice::Preset(name) => {
            let profile = profile.ok_or_else(|| Error::UnknownPreset(name.clone()))?;
            profile
                .disclosure()?
                .preset_pointers(name, held.credential())?
        }
        Choice::Pointers(pointers) => pointers.clone(),
    };
    for p in &pointers {
        let resolves = held.credential().pointer(p).is_some();
        if !resolves || !disclosable.iter().any(|d| within(p, d)) {
            return Err(Error::ClaimNotDisclosable(p.clone()));
        }
    }
    Ok(pointers)
}

/// The disclosable claims that stay hidden when `shown` is disclosed: each disclosable claim
/// nothing of which is shown, and inside a claim partly shown (one vaccination of several, some
/// members of it) the parts that are not.
pub fn hidden(credential: &Value, disclosable: &[String], shown: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for d in disclosable {
        hide(credential, d, shown, &mut out);
    }
    out
}

fn hide(credential: &Value, pointer: &str, shown: &[String], out: &mut Vec<String>) {
    if shown.iter().any(|s| within(pointer, s)) {
        return;
    }
    if !shown.iter().any(|s| within(s, pointer)) {
        out.push(pointer.to_owned());
        return;
    }
    match credential.pointer(pointer) {
        Some(Value::Object(members)) => {
            for k in members.keys() {
                let escaped = k.replace('~', "~0").replace('/', "~1");
                hide(credential, &format!("{pointer}/{escaped}"), shown, out);
            }
        }
        Some(Value::Array(items)) => {
            for i in 0..items.len() {
                hide(credential, &format!("{pointer}/{i}"), shown, out);
            }
        }
        _ => {}
    }
}

/// The label of the claim at `pointer`, in `lang`: the profile's label of its field (array
/// indexes skipped: `/credentialSubject/vaccination/0/vaccine` is the field `vaccination.vaccine`),
/// else the field's name; a pointer outside the subject is its own label.
pub fn label(profile: Option<&Profile>, pointer: &str, lang: &str) -> String {
    let Some(rest) = pointer.strip_prefix("/credentialSubject/") else {
        return pointer.to_owned();
    };
    let field = rest
        .split('/')
        .filter(|s| s.parse::<usize>().is_err())
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect::<Vec<_>>()
        .join(".");
    match profile {
        Some(p) => p.label(&field, lang).to_owned(),
        None => field,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn choices_are_a_preset_or_pointers() {
        assert_eq!(
            Choice::from_json(&json!({"preset": "yellow-fever"})).unwrap(),
            Choice::Preset("yellow-fever".into())
        );
        assert_eq!(
            Choice::from_json(&json!({"pointers": ["/credentialSubject/a"]})).unwrap(),
            Choice::Pointers(vec!["/credentialSubject/a".into()])
        );
        for bad in [
            json!({}),
            json!({"preset": "a", "pointers": []}),
            json!({"pointers": [1]}),
            json!({"preset": "a", "extra": 1}),
            json!("a"),
        ] {
            assert_eq!(
                Choice::from_json(&bad).unwrap_err().code(),
                "malformed_document",
                "{bad}"
            );
        }
    }

    #[test]
    fn partly_shown_claims_hide_their_other_parts() {
        let cred = json!({"credentialSubject": {
            "name": "A", "birthDate": "1990",
            "vaccination": [{"vaccine": "X", "lot": "1"}, {"vaccine": "Y", "lot": "2"}]
        }});
        let disclosable = [
            "/credentialSubject/name".to_owned(),
            "/credentialSubject/birthDate".to_owned(),
            "/credentialSubject/vaccination".to_owned(),
        ];
        let shown = [
            "/credentialSubject/name".to_owned(),
            "/credentialSubject/vaccination/1/vaccine".to_owned(),
        ];
        assert_eq!(
            hidden(&cred, &disclosable, &shown),
            [
                "/credentialSubject/birthDate",
                "/credentialSubject/vaccination/0",
                "/credentialSubject/vaccination/1/lot"
            ]
        );
        assert!(within("/a/b", "/a") && !within("/ab", "/a"));
        assert_eq!(
            label(None, "/credentialSubject/vaccination/0/vaccine", "en"),
            "vaccination.vaccine"
        );
    }
}

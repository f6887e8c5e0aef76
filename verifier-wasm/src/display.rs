//! Display fields for a verdict screen: the profile's title and its primary fields with labels in
//! the requested language, the issuer's name and the age of the trust data. (A portrait is the
//! report's `credential.photo`, which the verifier fills only once every signature verified.)

use credential_core::model::Timestamp;
use credential_core::profiles::Profiles;
use credential_core::trust::TrustBundle;
use credential_core::verify::VerificationReport;
use serde::Serialize;
use serde_json::Value;

/// Languages with labels in every profile.
pub const LANGUAGES: [&str; 4] = ["en", "fr", "es", "ar"];
/// At most this many fields are shown for a credential without a profile.
const MAX_GENERIC_FIELDS: usize = 8;
/// A displayed value is cut to this many characters.
const MAX_VALUE_CHARS: usize = 200;

/// What a verdict screen shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Display {
    /// The language used (`en` when the requested one has no labels).
    pub language: String,
    /// Text direction for that language: `rtl` for Arabic, else `ltr`.
    pub direction: &'static str,
    /// Title of the credential's profile (or its last type).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The issuer's name from the trust bundle, else its identifier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer_name: Option<String>,
    /// The holder's key fields, in the profile's order.
    pub fields: Vec<Field>,
    /// Age of the trust bundle in days (absent without one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trust_data_age_days: Option<i64>,
}

/// One labelled value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field {
    /// Property name in the credential.
    pub name: String,
    /// Label in the display language.
    pub label: String,
    /// The value as text.
    pub value: String,
    /// For a yes/no claim (`ageOver18`): its value, which the screen words in its language
    /// (`value` is then `true` or `false`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub boolean: Option<bool>,
}

/// Builds the display fields for `document` (the credential, if it could be read).
pub fn build(
    report: &VerificationReport,
    document: Option<&Value>,
    profiles: &Profiles,
    bundle: Option<&TrustBundle>,
    language: &str,
    now: Timestamp,
) -> Display {
    let language = if LANGUAGES.contains(&language) {
        language
    } else {
        "en"
    };
    let mut d = Display {
        language: language.to_owned(),
        direction: if language == "ar" { "rtl" } else { "ltr" },
        trust_data_age_days: bundle.map(|b| b.age_days(now)),
        ..Display::default()
    };
    let summary = &report.credential;
    d.issuer_name = summary.issuer.as_ref().map(|id| {
        bundle
            .and_then(|b| b.issuer(id))
            .map(|i| i.display_name(language).to_owned())
            .or_else(|| summary.issuer_name.clone())
            .unwrap_or_else(|| id.clone())
    });
    let Some(subject) = document.and_then(|doc| first_subject(doc)) else {
        d.title = summary.types.last().cloned();
        return d;
    };
    let profile = summary.profile.as_deref().and_then(|p| profiles.get(p));
    match profile {
        Some(p) => {
            d.title = Some(p.title(language).to_owned());
            for name in p.primary_fields() {
                if let Some(v) = subject.get(name) {
                    d.fields.push(Field {
                        name: name.clone(),
                        label: p.label(name, language).to_owned(),
                        value: text(v, language),
                        boolean: v.as_bool(),
                    });
                }
            }
        }
        None => {
            d.title = summary.types.last().cloned();
            for (name, v) in subject.iter().filter(|(k, _)| k.as_str() != "id") {
                if d.fields.len() == MAX_GENERIC_FIELDS {
                    break;
                }
                if !v.is_object() {
                    d.fields.push(Field {
                        name: name.clone(),
                        label: name.clone(),
                        value: text(v, language),
                        boolean: v.as_bool(),
                    });
                }
            }
        }
    }
    d
}

fn first_subject(doc: &Value) -> Option<&serde_json::Map<String, Value>> {
    match doc.get("credentialSubject")? {
        Value::Array(items) => items.first()?.as_object(),
        other => other.as_object(),
    }
}

/// A value as display text: strings as they are, language maps in the display language (else
/// the first), arrays joined, anything else as compact JSON; cut to a bounded length.
fn text(v: &Value, language: &str) -> String {
    let in_language = |i: &&Value| i.get("@language").and_then(Value::as_str) == Some(language);
    let full = match v {
        Value::String(s) => s.clone(),
        // Language-tagged values: the one in the display language, if there is one.
        Value::Array(items) if items.iter().any(|i| in_language(&i)) => items
            .iter()
            .find(in_language)
            .map_or_else(String::new, |i| text(i, language)),
        Value::Array(items) => items
            .iter()
            .map(|i| text(i, language))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(o) if o.contains_key("@value") => {
            o["@value"].as_str().map(str::to_owned).unwrap_or_default()
        }
        other => other.to_string(),
    };
    match full.char_indices().nth(MAX_VALUE_CHARS) {
        Some((i, _)) => format!("{}…", &full[..i]),
        None => full,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn long_values_are_cut_on_a_character_boundary() {
        let long = "é".repeat(500);
        let t = text(&json!(long), "en");
        assert_eq!(t.chars().count(), MAX_VALUE_CHARS + 1);
        assert!(t.ends_with('…'));
        assert_eq!(text(&json!(["a", 1, {"@value": "b"}]), "en"), "a, 1, b");
        let names =
            json!([{"@value": "Amina", "@language": "en"}, {"@value": "أمينة", "@language": "ar"}]);
        assert_eq!(text(&names, "ar"), "أمينة");
        assert_eq!(text(&names, "fr"), "Amina, أمينة");
    }
}

//! What a printed card says: the profile's title, the holder's names in their script and in
//! Latin letters, the profile's key fields with their labels in one or two languages, the issuer
//! and the validity dates, and the holder's signed portrait when the credential carries one.

use credential_core::message;
use credential_core::profiles::Profile;
use credential_core::verify::VerificationReport;
use laissez_messages::Localizer;
use serde_json::Value;

/// One labelled field.
pub struct Field {
    /// The label in each language asked for (one or two).
    pub labels: Vec<String>,
    /// The value as printed.
    pub value: String,
}

/// A card's text.
pub struct Content {
    /// The profile's title (or the credential's type) in each language.
    pub title: Vec<String>,
    /// Given and family name in the holder's script.
    pub name: Option<String>,
    /// Family name in capitals and given name, in Latin letters.
    pub name_latin: Option<String>,
    /// Key fields, then issuer and dates.
    pub fields: Vec<Field>,
    /// The holder's portrait (a JPEG or PNG), from the verification report: present only when
    /// the signatures verified.
    pub portrait: Option<Portrait>,
}

/// A portrait image to draw.
pub struct Portrait {
    /// `image/jpeg` or `image/png`.
    pub media: String,
    /// The image file's bytes.
    pub bytes: Vec<u8>,
    /// Width and height in pixels.
    pub size: (u32, u32),
}

impl Portrait {
    /// The report's photo, when it is a JPEG or PNG with a readable header.
    fn from_report(report: &VerificationReport) -> Option<Portrait> {
        let photo = crate::portrait::describe(report.credential.photo.as_deref()?)?;
        let size = photo.size.filter(|(w, h)| *w > 0 && *h > 0)?;
        matches!(photo.media.as_str(), "image/jpeg" | "image/png").then_some(Portrait {
            media: photo.media,
            bytes: photo.bytes,
            size,
        })
    }
}

/// The name fields, printed large rather than as labelled fields.
const NAME_FIELDS: &[&str] = &[
    "givenName",
    "familyName",
    "givenNameLatin",
    "familyNameLatin",
];

fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::String(_) | Value::Null | Value::Array(_) | Value::Object(_) => None,
        other => Some(other.to_string()),
    }
}

fn join(parts: [Option<String>; 2]) -> Option<String> {
    let parts: Vec<String> = parts.into_iter().flatten().collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The date part of an RFC 3339 time.
fn day(time: &str) -> String {
    time.get(..10).unwrap_or(time).to_owned()
}

impl Content {
    /// The card text of `credential` (as verified in `report`), labelled in `langs` (one or
    /// two catalogue languages).
    pub fn new(
        credential: &Value,
        report: &VerificationReport,
        profile: Option<&Profile>,
        langs: &[&str],
    ) -> Content {
        let subject = credential.get("credentialSubject").unwrap_or(&Value::Null);
        let localizers: Vec<Localizer> = langs.iter().map(|l| Localizer::new(l)).collect();
        let label = |m: credential_core::Message| -> Vec<String> {
            localizers.iter().map(|l| l.text(&m)).collect()
        };
        let title = match profile {
            Some(p) => langs.iter().map(|l| p.title(l).to_owned()).collect(),
            None => label(message!("print_title_generic")),
        };
        let name = join([
            text(subject.get("givenName")),
            text(subject.get("familyName")),
        ]);
        let name_latin = join([
            text(subject.get("familyNameLatin")).map(|f| f.to_uppercase()),
            text(subject.get("givenNameLatin")),
        ]);
        let mut fields = Vec::new();
        if let Some(p) = profile {
            for field in p.primary_fields() {
                if NAME_FIELDS.contains(&field.as_str()) {
                    continue;
                }
                let value = match subject.get(field.as_str()) {
                    Some(Value::Bool(b)) => Some(localizers[0].text(&if *b {
                        message!("print_yes")
                    } else {
                        message!("print_no")
                    })),
                    other => text(other),
                };
                if let Some(value) = value {
                    fields.push(Field {
                        labels: langs.iter().map(|l| p.label(field, l).to_owned()).collect(),
                        value,
                    });
                }
            }
        }
        let c = &report.credential;
        if let Some(issuer) = c
            .issuer_name
            .clone()
            .or_else(|| c.issuer.as_deref().map(short_did))
        {
            fields.push(Field {
                labels: label(message!("print_issuer")),
                value: issuer,
            });
        }
        if let Some(from) = &c.valid_from {
            fields.push(Field {
                labels: label(message!("print_valid_from")),
                value: day(from),
            });
        }
        if let Some(until) = &c.valid_until {
            fields.push(Field {
                labels: label(message!("print_valid_until")),
                value: day(until),
            });
        }
        Content {
            title,
            name,
            name_latin,
            fields,
            portrait: Portrait::from_report(report),
        }
    }
}

/// A DID shortened for print: its method and the first and last characters of the rest.
fn short_did(did: &str) -> String {
    let chars: Vec<char> = did.chars().collect();
    if chars.len() <= 28 {
        return did.to_owned();
    }
    let head: String = chars[..18].iter().collect();
    let tail: String = chars[chars.len() - 6..].iter().collect();
    format!("{head}…{tail}")
}

//! What a holder may disclose of a profile's credentials: the claims always shown (mandatory),
//! the claims shown only when chosen (selective), and named presets such as
//! `proof-of-registration` (`specs/profiles/<name>/disclosure.json`, format in
//! `specs/profiles/README.md`).
//!
//! Claims are named by *claim paths*: RFC 6901 JSON pointers into the credential, where an
//! array segment may also be a selector `{member=value}` (every element whose `member` is the
//! string `value`, e.g. `/credentialSubject/vaccination/{vaccine=XM0N24}/vaccinationDate`).
//! [`ClaimPath::resolve`] turns one into the concrete pointers a credential has, for the
//! selective-disclosure mechanisms (`ecdsa-sd-2023` pointers, SD-JWT disclosures).
//!
//! The files are parsed only when asked for, so a verifier that never derives a presentation
//! carries none of it.

use super::{pick, Labels};
use crate::error::{Error, Result};
use serde_json::Value;

/// A claim path: a JSON pointer whose segments may be `{member=value}` array selectors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimPath(String);

/// One segment of a claim path.
enum Segment<'a> {
    /// A member name or array index (unescaped).
    Key(String),
    /// `{member=value}`: the array elements whose `member` is `value`.
    Select { member: &'a str, value: &'a str },
}

impl ClaimPath {
    /// Parses `text`: empty, or `/`-separated segments (RFC 6901 escapes `~0`, `~1`).
    pub fn parse(text: &str) -> Result<ClaimPath> {
        let path = ClaimPath(text.to_owned());
        if !text.is_empty() && !text.starts_with('/') {
            return Err(Error::MalformedDocument(format!(
                "claim path {text:?} must start with /"
            )));
        }
        for s in path.segments() {
            if let Segment::Key(k) = s {
                if k.starts_with('{') {
                    return Err(Error::MalformedDocument(format!(
                        "claim path {text:?}: a selector is {{member=value}}"
                    )));
                }
            }
        }
        if path.segments().count() > 16 {
            return Err(Error::MalformedDocument(format!(
                "claim path {text:?} is deeper than 16 segments"
            )));
        }
        Ok(path)
    }

    /// The path as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn segments(&self) -> impl Iterator<Item = Segment<'_>> {
        self.0.split('/').skip(1).map(|raw| {
            match raw
                .strip_prefix('{')
                .and_then(|r| r.strip_suffix('}'))
                .and_then(|r| r.split_once('='))
            {
                Some((member, value)) => Segment::Select { member, value },
                None => Segment::Key(raw.replace("~1", "/").replace("~0", "~")),
            }
        })
    }

    /// The concrete JSON pointers of `doc` this path names (none when the claim is absent).
    pub fn resolve(&self, doc: &Value) -> Vec<String> {
        let mut found = vec![(String::new(), doc)];
        for segment in self.segments() {
            let mut next = Vec::new();
            for (pointer, value) in found {
                match (&segment, value) {
                    (Segment::Key(k), Value::Object(o)) => {
                        if let Some(v) = o.get(k) {
                            next.push((format!("{pointer}/{}", escape(k)), v));
                        }
                    }
                    (Segment::Key(k), Value::Array(a)) => {
                        if let Some(v) = k.parse::<usize>().ok().and_then(|i| a.get(i)) {
                            next.push((format!("{pointer}/{k}"), v));
                        }
                    }
                    (Segment::Select { member, value }, Value::Array(a)) => {
                        for (i, item) in a.iter().enumerate() {
                            if item.get(member).and_then(Value::as_str) == Some(value) {
                                next.push((format!("{pointer}/{i}"), item));
                            }
                        }
                    }
                    _ => {}
                }
            }
            found = next;
        }
        found.into_iter().map(|(p, _)| p).collect()
    }

    /// Whether one path is the other, or inside it (by whole segments).
    fn overlaps(&self, other: &ClaimPath) -> bool {
        let (a, b) = (self.as_str(), other.as_str());
        let within = |inner: &str, outer: &str| {
            inner == outer
                || inner
                    .strip_prefix(outer)
                    .is_some_and(|r| r.starts_with('/'))
        };
        within(a, b) || within(b, a)
    }
}

/// RFC 6901 escaping of one member name.
fn escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

/// A named choice of claims for a purpose (e.g. `yellow-fever`).
#[derive(Debug, Clone)]
pub struct Preset {
    /// Stable name (`proof-of-registration`, `yellow-fever`, …).
    pub name: String,
    label: Labels,
    description: Labels,
    /// The claims it discloses, besides the mandatory ones.
    pub disclose: Vec<ClaimPath>,
    /// Claims it must never disclose (checked by the tests against `disclose`).
    pub never_disclose: Vec<ClaimPath>,
}

impl Preset {
    /// Its name for people, in `lang` (falls back to English).
    pub fn label(&self, lang: &str) -> &str {
        pick(&self.label, lang)
    }

    /// What it shows and hides, in `lang` (falls back to English).
    pub fn description(&self, lang: &str) -> &str {
        pick(&self.description, lang)
    }
}

/// A profile's disclosure rules.
#[derive(Debug, Clone)]
pub struct Disclosure {
    /// Claims every presentation shows (type, issuer, validity, status, holder key).
    pub mandatory: Vec<ClaimPath>,
    /// Claims a holder may show or hide.
    pub selective: Vec<ClaimPath>,
    /// The named presets.
    pub presets: Vec<Preset>,
}

impl Disclosure {
    /// Reads a `disclosure.json`.
    pub fn parse(text: &str) -> Result<Disclosure> {
        let v: Value = serde_json::from_str(text)
            .map_err(|e| Error::MalformedJson(crate::json::describe_error(&e)))?;
        let bad = |what: &str| Error::MalformedDocument(format!("disclosure rules: {what}"));
        let paths = |v: Option<&Value>, what: &str| -> Result<Vec<ClaimPath>> {
            v.and_then(Value::as_array)
                .ok_or_else(|| bad(what))?
                .iter()
                .map(|p| ClaimPath::parse(p.as_str().ok_or_else(|| bad(what))?))
                .collect()
        };
        let labels = |v: Option<&Value>, what: &str| -> Result<Labels> {
            v.and_then(Value::as_object)
                .ok_or_else(|| bad(what))?
                .iter()
                .map(|(k, l)| Ok((k.clone(), l.as_str().ok_or_else(|| bad(what))?.to_owned())))
                .collect()
        };
        let presets = v
            .get("presets")
            .and_then(Value::as_array)
            .ok_or_else(|| bad("presets"))?
            .iter()
            .map(|p| {
                Ok(Preset {
                    name: p
                        .get("name")
                        .and_then(Value::as_str)
                        .ok_or_else(|| bad("preset name"))?
                        .to_owned(),
                    label: labels(p.get("label"), "preset label")?,
                    description: labels(p.get("description"), "preset description")?,
                    disclose: paths(p.get("disclose"), "preset disclose")?,
                    never_disclose: paths(p.get("neverDisclose"), "preset neverDisclose")?,
                })
            })
            .collect::<Result<_>>()?;
        Ok(Disclosure {
            mandatory: paths(v.get("mandatory"), "mandatory")?,
            selective: paths(v.get("selective"), "selective")?,
            presets,
        })
    }

    /// The preset called `name`.
    pub fn preset(&self, name: &str) -> Result<&Preset> {
        self.presets
            .iter()
            .find(|p| p.name == name)
            .ok_or_else(|| Error::UnknownPreset(name.to_owned()))
    }

    /// The concrete pointers of `credential`'s mandatory claims (those it has).
    pub fn mandatory_pointers(&self, credential: &Value) -> Vec<String> {
        resolve_all(&self.mandatory, credential)
    }

    /// The concrete pointers preset `name` discloses of `credential`, besides the mandatory
    /// ones. A preset whose claims the credential lacks altogether (a yellow-fever preset for a
    /// certificate without that vaccination) is an error, not an empty disclosure.
    pub fn preset_pointers(&self, name: &str, credential: &Value) -> Result<Vec<String>> {
        let preset = self.preset(name)?;
        let pointers = resolve_all(&preset.disclose, credential);
        if pointers.is_empty() {
            return Err(Error::PresetNotApplicable(name.to_owned()));
        }
        Ok(pointers)
    }

    /// Checks the rules are coherent: every preset claim is selective (or inside a selective
    /// claim), and none overlaps a claim the preset must never disclose.
    pub fn check(&self) -> Result<()> {
        for p in &self.presets {
            for d in &p.disclose {
                if !self.selective.iter().any(|s| d.overlaps(s)) {
                    return Err(Error::MalformedDocument(format!(
                        "preset {}: {} is not a selective claim",
                        p.name,
                        d.as_str()
                    )));
                }
                if let Some(n) = p.never_disclose.iter().find(|n| d.overlaps(n)) {
                    return Err(Error::MalformedDocument(format!(
                        "preset {}: {} discloses {}, which it must not",
                        p.name,
                        d.as_str(),
                        n.as_str()
                    )));
                }
            }
        }
        Ok(())
    }
}

fn resolve_all(paths: &[ClaimPath], doc: &Value) -> Vec<String> {
    let mut out: Vec<String> = paths.iter().flat_map(|p| p.resolve(doc)).collect();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn selectors_pick_array_elements_by_member() {
        let doc = json!({"credentialSubject": {"vaccination": [
            {"vaccine": "XM1NL1", "vaccinationDate": "2021-01-01"},
            {"vaccine": "XM0N24", "vaccinationDate": "2025-02-03"}
        ], "a/b": {"~c": 1}}});
        let p = ClaimPath::parse("/credentialSubject/vaccination/{vaccine=XM0N24}/vaccinationDate")
            .unwrap();
        assert_eq!(
            p.resolve(&doc),
            ["/credentialSubject/vaccination/1/vaccinationDate"]
        );
        let escaped = ClaimPath::parse("/credentialSubject/a~1b/~0c").unwrap();
        assert_eq!(escaped.resolve(&doc), ["/credentialSubject/a~1b/~0c"]);
        assert!(ClaimPath::parse("/credentialSubject/missing")
            .unwrap()
            .resolve(&doc)
            .is_empty());
        assert!(ClaimPath::parse("credentialSubject").is_err());
        assert!(ClaimPath::parse("/x/{broken").is_err());
    }

    #[test]
    fn overlap_is_by_whole_segments() {
        let p = |s: &str| ClaimPath::parse(s).unwrap();
        assert!(p("/a/b").overlaps(&p("/a")));
        assert!(p("/a").overlaps(&p("/a/b/c")));
        assert!(!p("/a/bc").overlaps(&p("/a/b")));
    }
}

//! Disclosures (RFC 9901 §4.2): base64url of the JSON array `[salt, name, value]` for an object
//! member, `[salt, value]` for an array element.

use super::digest::{truncate, HashAlg};
use super::Limits;
use crate::codec::Base64::UrlSafeNoPad as B64;
use crate::error::{Error, Result};
use crate::json::parse_bounded;
use serde_json::Value;

/// The key of an object's digest list.
pub(crate) const SD: &str = "_sd";
/// The key of an array element's digest.
pub(crate) const ELLIPSIS: &str = "...";

/// One disclosure: its encoded text (what is hashed and presented) and its contents.
#[derive(Debug, Clone, PartialEq)]
pub struct Disclosure {
    encoded: String,
    salt: String,
    name: Option<String>,
    value: Value,
}

impl Disclosure {
    /// A disclosure of the object member `name` (RFC 9901 §4.2.1).
    pub fn object_member(salt: String, name: &str, value: Value) -> Self {
        let json = Value::Array(vec![
            Value::String(salt.clone()),
            Value::String(name.to_owned()),
            value.clone(),
        ]);
        Disclosure {
            encoded: B64.encode(json.to_string()),
            salt,
            name: Some(name.to_owned()),
            value,
        }
    }

    /// A disclosure of an array element (RFC 9901 §4.2.2).
    pub fn array_element(salt: String, value: Value) -> Self {
        let json = Value::Array(vec![Value::String(salt.clone()), value.clone()]);
        Disclosure {
            encoded: B64.encode(json.to_string()),
            salt,
            name: None,
            value,
        }
    }

    /// Reads an encoded disclosure, within `limits` (size, salt length, JSON bounds).
    pub fn parse(encoded: &str, limits: &Limits) -> Result<Self> {
        if encoded.len() > limits.max_disclosure_bytes {
            return Err(Error::DisclosureInvalid(format!(
                "a disclosure of {} bytes (the limit is {})",
                encoded.len(),
                limits.max_disclosure_bytes
            )));
        }
        let bytes = B64.decode(encoded).ok_or_else(|| {
            Error::DisclosureInvalid(format!(
                "{} is not base64url without padding",
                truncate(encoded)
            ))
        })?;
        let json = parse_bounded(&bytes, limits.json())?;
        let Value::Array(mut items) = json else {
            return Err(Error::DisclosureInvalid("not a JSON array".into()));
        };
        let (salt, name, value) = match items.len() {
            3 => {
                let value = items.pop().unwrap_or_default();
                let name = items.pop().unwrap_or_default();
                let Value::String(name) = name else {
                    return Err(Error::DisclosureInvalid(
                        "the claim name is not a string".into(),
                    ));
                };
                if name == SD || name == ELLIPSIS {
                    return Err(Error::DisclosureInvalid(format!(
                        "the claim name {name:?} is reserved (RFC 9901 §7.1)"
                    )));
                }
                (items.pop().unwrap_or_default(), Some(name), value)
            }
            2 => {
                let value = items.pop().unwrap_or_default();
                (items.pop().unwrap_or_default(), None, value)
            }
            n => {
                return Err(Error::DisclosureInvalid(format!(
                    "an array of {n} elements (2 or 3 expected)"
                )))
            }
        };
        let Value::String(salt) = salt else {
            return Err(Error::DisclosureInvalid("the salt is not a string".into()));
        };
        if salt.len() > limits.max_salt_bytes {
            return Err(Error::DisclosureInvalid(format!(
                "a salt of {} bytes (the limit is {})",
                salt.len(),
                limits.max_salt_bytes
            )));
        }
        Ok(Disclosure {
            encoded: encoded.to_owned(),
            salt,
            name,
            value,
        })
    }

    /// The encoded form, as presented.
    pub fn encoded(&self) -> &str {
        &self.encoded
    }

    /// The salt.
    pub fn salt(&self) -> &str {
        &self.salt
    }

    /// The claim name; `None` for an array element.
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The claim value (may itself hold `_sd` digests: recursive disclosure).
    pub fn value(&self) -> &Value {
        &self.value
    }

    /// The digest that refers to this disclosure.
    pub fn digest(&self, alg: HashAlg) -> String {
        alg.digest_b64(&self.encoded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_rfc_example_and_refuses_reserved_names() {
        let limits = Limits::default();
        let d = Disclosure::parse(
            "WyIyR0xDNDJzS1F2ZUNmR2ZyeU5STjl3IiwgImdpdmVuX25hbWUiLCAiSm9obiJd",
            &limits,
        )
        .unwrap();
        assert_eq!(d.name(), Some("given_name"));
        assert_eq!(d.value(), &json!("John"));
        assert_eq!(d.salt(), "2GLC42sKQveCfGfryNRN9w");
        let made = Disclosure::object_member("s".into(), "_sd", json!(1));
        let err = Disclosure::parse(made.encoded(), &limits).unwrap_err();
        assert_eq!(err.code(), "disclosure_invalid");
        let made = Disclosure::array_element("s".into(), json!({"a": 1}));
        assert_eq!(Disclosure::parse(made.encoded(), &limits).unwrap(), made);
        for bad in ["!!", "e30", "WzFd", "WyJhIiwgMSwgMl0"] {
            // "!!", {}, [1], ["a", 1, 2]
            assert_eq!(
                Disclosure::parse(bad, &limits).unwrap_err().code(),
                "disclosure_invalid",
                "{bad}"
            );
        }
        let dup = B64.encode(r#"["s", "a", {"x": 1, "x": 2}]"#);
        assert_eq!(
            Disclosure::parse(&dup, &limits).unwrap_err().code(),
            "duplicate_member"
        );
        let huge_salt = Disclosure::object_member("s".repeat(10_000), "a", json!(1));
        assert_eq!(
            Disclosure::parse(huge_salt.encoded(), &limits)
                .unwrap_err()
                .code(),
            "disclosure_invalid"
        );
    }
}

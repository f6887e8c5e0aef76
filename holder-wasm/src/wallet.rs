//! The holder's operations over one JSON-LD processor and the bundled profiles, with JSON text
//! in and out as the JavaScript API passes it.

use crate::claims::{self, Choice};
use crate::held::Held;
use crate::holder_key::{read_private_jwk, wipe};
use crate::present::{self, KeyBinding};
use crate::presets::{self, Presets};
use crate::qr_code;
use credential_core::error::{Error, Result};
use credential_core::json::{parse_bounded, JsonLimits};
use credential_core::jsonld::ContextStore;
use credential_core::model::Timestamp;
use credential_core::sd;
use credential_core::verify::Verifier;
use serde_json::Value;
use zeroize::Zeroizing;

/// A wallet's working state: the processed JSON-LD contexts (built once, reused by every
/// derivation and presentation) and the profiles. It holds no key: keys come with each call
/// and are dropped (wiped) when it returns.
pub struct Wallet {
    verifier: Verifier,
}

impl Default for Wallet {
    fn default() -> Self {
        Self::new()
    }
}

/// Bounds of the small JSON inputs (choices, key binding, keys).
const SMALL: JsonLimits = JsonLimits {
    max_bytes: 64 * 1024,
    max_depth: 4,
    max_objects: 16,
    max_array_len: 256,
    max_values: 1024,
};

impl Wallet {
    /// A wallet with the bundled contexts and profiles.
    pub fn new() -> Self {
        Wallet {
            verifier: Verifier::new(ContextStore::bundled()),
        }
    }

    fn read(&self, credential: &str) -> Result<Held> {
        Held::read(credential, self.verifier.profiles())
    }

    fn choice(&self, choice: &str) -> Result<Choice> {
        Choice::from_json(&parse_bounded(choice.as_bytes(), SMALL)?)
    }

    /// The presets and disclosable claims of `credential` (JSON with an `ecdsa-sd-2023` base
    /// proof, or a compact SD-JWT VC), labelled in `lang` (`en`, `fr`, `es`, `ar`).
    pub fn presets(&self, credential: &str, lang: &str) -> Result<Presets> {
        let held = self.read(credential)?;
        let profile = held.profile(&self.verifier)?;
        presets::presets(&held, profile, lang)
    }

    /// The credential derived from `base` (JSON with an `ecdsa-sd-2023` base proof) disclosing
    /// the mandatory claims and `choice` (`{"preset": …}` or `{"pointers": […]}`).
    pub fn derive(&self, base: &str, choice: &str) -> Result<Value> {
        let held = self.read(base)?;
        let Held::Base(credential) = &held else {
            return Err(Error::UnsupportedFormat(
                "derive takes a Data Integrity credential; present an SD-JWT VC with presentSdJwt"
                    .into(),
            ));
        };
        let pointers = self.pointers(&held, choice)?;
        let document = credential
            .as_object()
            .ok_or_else(|| Error::MalformedDocument("a credential is a JSON object".into()))?;
        sd::derive(document, &pointers, self.verifier.processor()).map(Value::Object)
    }

    fn pointers(&self, held: &Held, choice: &str) -> Result<Vec<String>> {
        let choice = self.choice(choice)?;
        let profile = held.profile(&self.verifier)?;
        let disclosable = claims::disclosable(held, profile)?;
        claims::chosen(&choice, held, profile, &disclosable)
    }

    /// The presentation of the SD-JWT VC `sd_jwt` disclosing `choice`, with a Key Binding JWT
    /// when `key_binding` (JSON `{holderJwk, aud, nonce, iat}`, `iat` in seconds) is given. The
    /// key binding's text is wiped after reading.
    pub fn present_sd_jwt(
        &self,
        sd_jwt: &str,
        choice: &str,
        key_binding: Option<Zeroizing<String>>,
    ) -> Result<String> {
        let held = self.read(sd_jwt)?;
        let Held::SdJwt { sd_jwt, .. } = &held else {
            return Err(Error::UnsupportedFormat(
                "presentSdJwt takes a compact SD-JWT VC; derive a Data Integrity credential with derive"
                    .into(),
            ));
        };
        let pointers = self.pointers(&held, choice)?;
        let key_binding = key_binding
            .map(|text| read_key_binding(&text))
            .transpose()?;
        present::present_sd_jwt(sd_jwt, &pointers, key_binding.as_ref())
    }

    /// `input` (a compact (SD-)JWT or credential JSON) as the shortest envelope text; envelope
    /// text as it is.
    pub fn to_envelope(&self, input: &str) -> Result<String> {
        qr_code::to_envelope(input, self.verifier.processor().store())
    }

    /// What envelope text carries (credential JSON text or a compact (SD-)JWT); other text as
    /// it is.
    pub fn open_envelope(&self, input: &str) -> Result<String> {
        qr_code::open_envelope(input, self.verifier.processor().store())
    }

    /// A Verifiable Presentation of `credential` (JSON) signed by `holder_jwk` (a private JWK,
    /// wiped after reading) for the verifier's `challenge` and `domain`.
    pub fn present_vp(
        &self,
        credential: &str,
        holder_jwk: Zeroizing<String>,
        challenge: &str,
        domain: &str,
    ) -> Result<Value> {
        let credential = parse_bounded(credential.as_bytes(), JsonLimits::default())?;
        let holder = read_private_jwk(parse_bounded(holder_jwk.as_bytes(), SMALL)?)?;
        present::present_vp(
            &credential,
            &holder,
            challenge,
            domain,
            self.verifier.processor(),
        )
    }
}

/// Reads `{holderJwk, aud, nonce, iat}`; every string in the parsed copy is wiped after.
fn read_key_binding(text: &str) -> Result<KeyBinding> {
    let mut value = parse_bounded(text.as_bytes(), SMALL)?;
    let read = |value: &mut Value| -> Result<KeyBinding> {
        let bad = |what: &str| Error::MalformedDocument(format!("keyBinding: {what}"));
        let object = value
            .as_object_mut()
            .ok_or_else(|| bad("must be an object"))?;
        if let Some(k) = object
            .keys()
            .find(|k| !matches!(k.as_str(), "holderJwk" | "aud" | "nonce" | "iat"))
        {
            return Err(bad(&format!("unknown member {k:?}")));
        }
        let text = |name: &str| {
            object
                .get(name)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .ok_or_else(|| bad(&format!("{name} must be a string")))
        };
        let (aud, nonce) = (text("aud")?, text("nonce")?);
        let iat = object
            .get("iat")
            .and_then(Value::as_i64)
            .filter(|t| *t >= 0)
            .ok_or_else(|| bad("iat must be a whole number of seconds since 1970"))?;
        let jwk = object
            .remove("holderJwk")
            .ok_or_else(|| bad("holderJwk is missing"))?;
        Ok(KeyBinding {
            holder: read_private_jwk(jwk)?,
            aud,
            nonce,
            iat: Timestamp(iat),
        })
    };
    let key_binding = read(&mut value);
    wipe(&mut value);
    key_binding
}

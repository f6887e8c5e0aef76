//! The state behind the JavaScript API: one `Verifier` (it checks trust bundles exactly as the
//! verifier module does) and the bundle last loaded, whose `dccSigners`, `shcIssuers` and
//! `claim169Issuers` sections vouch for the signers of the other formats.

use credential_core::error::Error;
use credential_core::formats::Format;
use credential_core::jsonld::ContextStore;
use credential_core::keys::PublicKey;
use credential_core::model::Timestamp;
use credential_core::verify::{VerificationReport, Verifier, VerifyOptions};
use serde_json::{json, Value};

/// A verifier of the other formats with the trust bundle it owns.
pub struct Session {
    verifier: Verifier,
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}

impl Session {
    /// A verifier with no trust bundle (every signature is then `skipped`: these formats do not
    /// carry their signer's key).
    pub fn new() -> Self {
        Session {
            verifier: Verifier::new(ContextStore::bundled()),
        }
    }

    /// Checks `json` against `anchors` (did:key or Multikey) and keeps it. Returns what it holds
    /// for the other formats: `version`, `issued`, `nextUpdate`, `ageDays`, and the number of
    /// `dccSigners`, `shcIssuers` and `claim169Issuers`.
    pub fn load_trust_bundle(
        &mut self,
        json: &[u8],
        anchors: &[String],
        now: Timestamp,
    ) -> Result<Value, Error> {
        let anchors = anchors
            .iter()
            .map(|a| PublicKey::from_anchor(a))
            .collect::<Result<Vec<_>, _>>()?;
        let bundle = self.verifier.load_trust_bundle(json, &anchors, now)?;
        Ok(json!({
            "version": bundle.version,
            "issued": bundle.issued.to_rfc3339(),
            "nextUpdate": bundle.next_update.to_rfc3339(),
            "ageDays": bundle.age_days(now),
            "dccSigners": bundle.formats.dcc_signers.len(),
            "shcIssuers": bundle.formats.shc_issuers.len(),
            "claim169Issuers": bundle.formats.claim169_issuers.len(),
        }))
    }

    /// Forgets the trust bundle.
    pub fn clear_trust_bundle(&mut self) {
        self.verifier.clear_trust_bundle();
    }

    /// Verifies the text of an `HC1:`, `shc:/` or Claim 169 QR code at `now`; any other text is
    /// `unsupported_format` (the verifier module reads Laissez credentials).
    pub fn verify(&self, text: &str, now: Timestamp) -> Result<VerificationReport, Error> {
        self.verifier
            .verify_other_format(text.as_bytes(), &VerifyOptions::at(now))
            .ok_or_else(|| {
                Error::UnsupportedFormat(
                    "not an EU DCC, SMART Health Card or Claim 169 code".into(),
                )
            })
    }
}

/// The format of a QR code's text, by its prefix (bounded cost): `eu-dcc`, `shc`, `claim169` or
/// `laissez`.
pub fn detect(text: &str) -> &'static str {
    Format::detect(text).as_str()
}

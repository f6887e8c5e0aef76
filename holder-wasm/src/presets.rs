//! What a wallet shows before the holder chooses: the credential's selectively disclosable
//! claims and its profile's presets that apply to it, each with what it would disclose and what
//! stays hidden, in the holder's language.

use crate::claims::{self, Choice};
use crate::held::Held;
use credential_core::error::{Error, Result};
use credential_core::profiles::Profile;
use serde::Serialize;

/// The answer of `presets()`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Presets {
    /// `ecdsa-sd-2023` (Data Integrity base proof) or `sd-jwt-vc`.
    pub format: &'static str,
    /// The credential's profile (`legal-identity`, …), if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// The profile's title in the language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The claims the holder may show or hide.
    pub disclosable: Vec<Claim>,
    /// The presets that apply to this credential (a yellow-fever preset only to a certificate
    /// with that vaccination).
    pub presets: Vec<PresetChoice>,
}

/// A claim, by JSON pointer, with its label.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    /// JSON pointer into the credential (an SD-JWT VC: into its credential view).
    pub pointer: String,
    /// The profile's label of the claim in the language.
    pub label: String,
}

/// One preset as it applies to this credential.
#[derive(Debug, Clone, Serialize)]
pub struct PresetChoice {
    /// Stable name (pass it to `derive` or `presentSdJwt`).
    pub name: String,
    /// Its name for people.
    pub label: String,
    /// What it shows and hides, for people.
    pub description: String,
    /// The pointers it discloses, besides the mandatory claims.
    pub disclose: Vec<String>,
    /// The disclosable claims that stay hidden.
    pub hidden: Vec<Claim>,
}

/// The presets and disclosable claims of `held` (of `profile`), labelled in `lang`.
pub fn presets(held: &Held, profile: Option<&Profile>, lang: &str) -> Result<Presets> {
    let disclosable = claims::disclosable(held, profile)?;
    let claim = |pointer: &String| Claim {
        pointer: pointer.clone(),
        label: claims::label(profile, pointer, lang),
    };
    let mut presets = Vec::new();
    if let Some(p) = profile {
        for preset in p.disclosure()?.presets {
            let choice = Choice::Preset(preset.name.clone());
            let disclose = match claims::chosen(&choice, held, profile, &disclosable) {
                Ok(pointers) => pointers,
                Err(Error::PresetNotApplicable(_) | Error::ClaimNotDisclosable(_)) => continue,
                Err(e) => return Err(e),
            };
            let hidden = claims::hidden(held.credential(), &disclosable, &disclose);
            presets.push(PresetChoice {
                label: preset.label(lang).to_owned(),
                description: preset.description(lang).to_owned(),
                name: preset.name,
                hidden: hidden.iter().map(claim).collect(),
                disclose,
            });
        }
    }
    Ok(Presets {
        format: match held {
            Held::Base(_) => "ecdsa-sd-2023",
            Held::SdJwt { .. } => "sd-jwt-vc",
        },
        profile: profile.map(|p| p.name().to_owned()),
        title: profile.map(|p| p.title(lang).to_owned()),
        disclosable: disclosable.iter().map(claim).collect(),
        presets,
    })
}

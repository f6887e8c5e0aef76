//! The trust material of the other formats, carried by a trust bundle (`specs/trust-bundle.md`):
//! EU DCC document signer certificates by key id (`dccSigners`), SMART Health Card issuers with
//! their JWKS and revocation lists (`shcIssuers`), Claim 169 issuer keys (`claim169Issuers`).

use super::cose::VerifyKey;
use super::x509::SignerCertificate;
use crate::codec::Base64;
use crate::error::{Error, Result};
use crate::keys::PublicKey;
use serde_json::{Map, Value};

/// An EU DCC / DDCC document signer.
#[derive(Debug, Clone)]
pub struct DccSigner {
    /// The key id: the first 8 bytes of the SHA-256 of the certificate's DER.
    pub kid: Vec<u8>,
    /// The country that issued it (ISO 3166-1 alpha-2), when the list says.
    pub country: Option<String>,
    pub(crate) certificate: SignerCertificate,
}

/// A SMART Health Card issuer.
#[derive(Debug, Clone)]
pub struct ShcIssuer {
    /// The issuer URL (`iss`).
    pub iss: String,
    /// Display name.
    pub name: Option<String>,
    /// Its signing keys by `kid`.
    pub(crate) keys: Vec<(String, PublicKey)>,
    /// Revocation lists by `kid`: revoked `rid`s, each with an optional cut-off time (a card
    /// whose `nbf` is before it is revoked).
    pub(crate) revoked: Vec<(String, Vec<RevokedRid>)>,
}

/// A revoked `rid`, with the time before which cards it names are revoked (none: all).
pub(crate) type RevokedRid = (String, Option<i64>);

/// A Claim 169 issuer.
#[derive(Debug, Clone)]
pub struct Claim169Issuer {
    /// The issuer (`iss` claim of the CWT).
    pub iss: String,
    /// Display name.
    pub name: Option<String>,
    pub(crate) keys: Vec<PublicKey>,
}

/// Everything a trust bundle says about the issuers of the other formats.
#[derive(Debug, Clone, Default)]
pub struct FormatTrust {
    /// DCC document signers.
    pub dcc_signers: Vec<DccSigner>,
    /// SMART Health Card issuers.
    pub shc_issuers: Vec<ShcIssuer>,
    /// Claim 169 issuers.
    pub claim169_issuers: Vec<Claim169Issuer>,
}

fn malformed(m: impl Into<String>) -> Error {
    Error::BundleMalformed(m.into())
}

fn entries<'a>(doc: &'a Map<String, Value>, name: &str) -> Result<Vec<&'a Map<String, Value>>> {
    match doc.get(name) {
        None => Ok(Vec::new()),
        Some(Value::Array(a)) => a
            .iter()
            .map(|v| {
                v.as_object()
                    .ok_or_else(|| malformed(format!("each {name} entry is an object")))
            })
            .collect(),
        Some(_) => Err(malformed(format!("{name} must be an array"))),
    }
}

fn text<'a>(o: &'a Map<String, Value>, name: &str, section: &str) -> Result<&'a str> {
    o.get(name)
        .and_then(Value::as_str)
        .ok_or_else(|| malformed(format!("a {section} entry needs {name} as a string")))
}

fn name_of(o: &Map<String, Value>) -> Option<String> {
    o.get("name").and_then(Value::as_str).map(str::to_owned)
}

impl DccSigner {
    /// A signer from its certificate (DER); the key id is computed from it.
    pub fn from_certificate(der: &[u8], country: Option<String>) -> Result<DccSigner> {
        use sha2::Digest;
        Ok(DccSigner {
            kid: sha2::Sha256::digest(der)[..8].to_vec(),
            country,
            certificate: SignerCertificate::from_der(der)?,
        })
    }
}

impl ShcIssuer {
    /// An issuer from its URL and JWKS (`{"keys": [...]}`); EC P-256 keys with a `kid`.
    pub fn from_jwks(iss: &str, name: Option<String>, jwks: &Value) -> Result<ShcIssuer> {
        let mut keys = Vec::new();
        for k in jwks
            .get("keys")
            .and_then(Value::as_array)
            .ok_or_else(|| malformed("a JWKS has a keys array"))?
        {
            let kid = k
                .get("kid")
                .and_then(Value::as_str)
                .ok_or_else(|| malformed("each SMART Health Card key has a kid"))?;
            keys.push((kid.to_owned(), PublicKey::from_jwk(k)?));
        }
        Ok(ShcIssuer {
            iss: iss.to_owned(),
            name,
            keys,
            revoked: Vec::new(),
        })
    }

    /// Adds a revocation list in the SMART Health Cards format (`{"kid", "method": "rid",
    /// "ctr", "rids": ["rid" or "rid.timestamp", ...]}`).
    pub fn add_crl(&mut self, crl: &Value) -> Result<()> {
        let kid = crl
            .get("kid")
            .and_then(Value::as_str)
            .ok_or_else(|| malformed("a revocation list names its kid"))?;
        if crl.get("method").and_then(Value::as_str) != Some("rid") {
            return Err(malformed("a revocation list uses the rid method"));
        }
        let mut rids = Vec::new();
        for r in crl
            .get("rids")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let r = r
                .as_str()
                .ok_or_else(|| malformed("revoked rids are strings"))?;
            let (rid, cutoff) = match r.split_once('.') {
                Some((rid, t)) => (
                    rid,
                    Some(
                        t.parse::<i64>()
                            .map_err(|_| malformed("a rid's time is whole seconds"))?,
                    ),
                ),
                None => (r, None),
            };
            rids.push((rid.to_owned(), cutoff));
        }
        self.revoked.push((kid.to_owned(), rids));
        Ok(())
    }
}

impl Claim169Issuer {
    /// An issuer and its keys.
    pub fn new(iss: &str, name: Option<String>, keys: Vec<PublicKey>) -> Claim169Issuer {
        Claim169Issuer {
            iss: iss.to_owned(),
            name,
            keys,
        }
    }
}

impl FormatTrust {
    /// Reads the `dccSigners`, `shcIssuers` and `claim169Issuers` sections of a bundle body.
    pub(crate) fn parse(doc: &Map<String, Value>) -> Result<FormatTrust> {
        let mut trust = FormatTrust::default();
        for o in entries(doc, "dccSigners")? {
            let der = Base64::Standard
                .decode(text(o, "certificate", "dccSigners")?)
                .ok_or_else(|| malformed("a DCC signer certificate is Base64 DER"))?;
            let country = o.get("country").and_then(Value::as_str).map(str::to_owned);
            let signer = DccSigner::from_certificate(&der, country)?;
            if let Some(kid) = o.get("kid").and_then(Value::as_str) {
                if Base64::Standard.decode(kid).as_deref() != Some(&signer.kid[..]) {
                    return Err(malformed(format!(
                        "the DCC signer {kid} is not the key id of its certificate"
                    )));
                }
            }
            trust.dcc_signers.push(signer);
        }
        for o in entries(doc, "shcIssuers")? {
            let iss = text(o, "iss", "shcIssuers")?;
            let jwks = o
                .get("jwks")
                .ok_or_else(|| malformed("a shcIssuers entry needs its jwks"))?;
            let mut issuer = ShcIssuer::from_jwks(iss, name_of(o), jwks)?;
            for crl in o
                .get("crls")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                issuer.add_crl(crl)?;
            }
            trust.shc_issuers.push(issuer);
        }
        for o in entries(doc, "claim169Issuers")? {
            let iss = text(o, "iss", "claim169Issuers")?;
            let keys = o
                .get("publicKeys")
                .and_then(Value::as_array)
                .ok_or_else(|| malformed("a claim169Issuers entry needs publicKeys"))?
                .iter()
                .map(|k| match k {
                    Value::String(mb) => PublicKey::from_multikey(mb),
                    jwk => PublicKey::from_jwk(jwk),
                })
                .collect::<Result<Vec<_>>>()?;
            trust
                .claim169_issuers
                .push(Claim169Issuer::new(iss, name_of(o), keys));
        }
        Ok(trust)
    }

    /// The DCC signer with key id `kid`.
    pub(crate) fn dcc_signer(&self, kid: &[u8]) -> Option<&DccSigner> {
        self.dcc_signers.iter().find(|s| s.kid == kid)
    }

    /// The SMART Health Card issuer `iss`.
    pub(crate) fn shc_issuer(&self, iss: &str) -> Option<&ShcIssuer> {
        self.shc_issuers.iter().find(|i| i.iss == iss)
    }

    /// The Claim 169 issuer `iss`.
    pub(crate) fn claim169_issuer(&self, iss: &str) -> Option<&Claim169Issuer> {
        self.claim169_issuers.iter().find(|i| i.iss == iss)
    }
}

/// A DCC signer key as a COSE verification key.
impl DccSigner {
    pub(crate) fn key(&self) -> &VerifyKey {
        &self.certificate.key
    }
}

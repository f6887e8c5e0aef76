//! W3C Bitstring Status List v1.0: the compressed bitstring, status entries in credentials, and
//! status list credentials.

mod bitstring;
pub(crate) mod checks;
mod entry;

pub use bitstring::{StatusList, MIN_BITS};
pub(crate) use checks::check_status;
pub use entry::{status_entries, StatusEntry, StatusPurpose};

use crate::jsonld::CONTEXT_V2;
use crate::model::Timestamp;
use serde_json::{json, Value};

/// An unsigned `BitstringStatusListCredential` (Bitstring Status List v1.0 §2.2) for `list`, to be
/// secured by the issuer of the credentials it covers.
pub fn list_credential(
    url: &str,
    issuer: &str,
    purpose: StatusPurpose,
    list: &StatusList,
    valid_from: Timestamp,
    valid_until: Option<Timestamp>,
) -> Value {
    let mut v = json!({
        "@context": [CONTEXT_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "validFrom": valid_from.to_rfc3339(),
        "credentialSubject": {
            "id": format!("{url}#list"),
            "type": "BitstringStatusList",
            "statusPurpose": purpose.name(),
            "encodedList": list.encode(),
        }
    });
    if let Some(u) = valid_until {
        v["validUntil"] = json!(u.to_rfc3339());
    }
    v
}

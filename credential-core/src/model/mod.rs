//! The VC Data Model 2.0 (and 1.1 for reading): credentials, presentations, dates, language maps.
//!
//! Documents are kept as their JSON object, so every property, including extensions we do not know,
//! survives a parse / serialize round trip. Typed accessors read the known properties, and
//! [`Credential::validate`] checks the data model's MUSTs, each failure a distinct error code.

mod credential;
pub(crate) mod datetime;
mod presentation;
mod values;

pub use credential::{Credential, DataModelVersion, Issuer};
pub use datetime::Timestamp;
pub use presentation::Presentation;
pub use values::{is_url, LanguageValue};

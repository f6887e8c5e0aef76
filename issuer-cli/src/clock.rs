//! The CLI's clock (the core has none: time is passed in).

use crate::error::{CliError, CliResult};
use credential_core::model::Timestamp;

/// The current time, whole seconds.
pub fn now() -> Timestamp {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    Timestamp(secs)
}

/// Parses the RFC 3339 value of option `flag`, if given.
pub fn parse_time(flag: &str, v: Option<&str>) -> CliResult<Option<Timestamp>> {
    v.map(|s| {
        Timestamp::parse(s).ok_or_else(|| {
            CliError::input(credential_core::message!(
                "time_invalid",
                option = flag,
                value = s
            ))
        })
    })
    .transpose()
}

//! A Bitstring Status List `encodedList` (multibase base64url of GZIP), as found in a status list
//! credential.
#![no_main]

use credential_core::status::StatusList;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(list) = StatusList::decode(&text) {
        // Read the decoded list the way verification does: first, last and one past the end.
        let n = list.len();
        let _ = list.get(0);
        let _ = list.get(n.saturating_sub(1));
        let _ = list.get(n);
        let _ = list.count_set();
    }
});

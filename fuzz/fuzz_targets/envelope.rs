//! QR envelope text (`LZ1:` + Base45 of zlib'd CBOR or CBOR-LD), as a scanner hands it over.
#![no_main]

use credential_core::envelope::{self, EnvelopeLimits};
use credential_core_fuzz::store;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Scanners hand over text; invalid UTF-8 is replaced rather than skipped so that every input
    // reaches the decoder.
    let text = String::from_utf8_lossy(data);
    let _ = envelope::decode(&text, EnvelopeLimits::default(), store());
});

//! An SD-JWT or SD-JWT+KB from outside: compact (`<JWT>~<D1>~…~[<KB-JWT>]`) or JSON
//! serialization (invalid UTF-8 replaced). Verified against the fixed issuer key with key
//! binding required; the holder's parse, present and re-serialization paths run too. A compact
//! input that verifies must verify again from its flattened JSON form to the same claims.
#![no_main]

use credential_core::sd_jwt::{self, SdJwt};
use credential_core_fuzz::sd_jwt_params;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = sd_jwt::issuer_hint(&text);
    if let Ok(held) = SdJwt::parse(&text) {
        let all: Vec<_> = held.disclosable().cloned().collect();
        let _ = held.present(&all, None);
    }
    let params = sd_jwt_params();
    let verified = sd_jwt::verify(&text, &params);
    let compact = !text.trim_start().starts_with('{');
    if let (Ok(verified), true) = (verified, compact) {
        let json = sd_jwt::to_flattened_json(&text).expect("a verified SD-JWT re-serializes");
        let again = sd_jwt::verify(&json.to_string(), &params)
            .expect("the JSON serialization of a verified SD-JWT verifies");
        assert_eq!(again.claims, verified.claims);
    }
});

//! `codec::Base64` (ours, strict) against the `base64` crate it replaced, whose STANDARD engine
//! requires canonical padding and whose URL_SAFE_NO_PAD engine refuses padding; both refuse
//! non-zero unused bits. Random bytes and random near-Base64 text must get the same answer.

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use credential_core::codec::Base64;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn encodings_agree(data in proptest::collection::vec(any::<u8>(), 0..200)) {
        prop_assert_eq!(Base64::Standard.encode(&data), STANDARD.encode(&data));
        prop_assert_eq!(Base64::UrlSafeNoPad.encode(&data), URL_SAFE_NO_PAD.encode(&data));
    }

    #[test]
    fn decodings_agree(text in "[A-Za-z0-9+/_=-]{0,40}") {
        prop_assert_eq!(Base64::Standard.decode(&text), STANDARD.decode(&text).ok());
        prop_assert_eq!(Base64::UrlSafeNoPad.decode(&text), URL_SAFE_NO_PAD.decode(&text).ok());
    }

    #[test]
    fn decodings_of_near_valid_text_agree(data in proptest::collection::vec(any::<u8>(), 0..60), flip in 0usize..80, to in "[A-Za-z0-9+/_=-]") {
        for (ours, theirs) in [
            (Base64::Standard, &STANDARD),
            (Base64::UrlSafeNoPad, &URL_SAFE_NO_PAD),
        ] {
            let mut text = ours.encode(&data).into_bytes();
            if !text.is_empty() {
                let i = flip % text.len();
                text[i] = to.as_bytes()[0];
            }
            prop_assert_eq!(ours.decode(&text), theirs.decode(&text).ok());
        }
    }
}

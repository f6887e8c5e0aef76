//! Base58 with the Bitcoin alphabet (multibase `z`, draft-msporny-base58 §2), in groups of five
//! digits (58^5 < 2^32) on 32-bit limbs instead of one digit at a time on bytes: a 64-byte
//! signature is about ten times fewer multiplications. Only well-formed text is decoded here;
//! the caller reports a bad character with [`describe_error`]. The tests compare both with the `bs58` crate.

const ALPHABET: &[u8; 58] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/// 58^5, the base of one group of five digits.
const GROUP: u64 = 656_356_768;

/// Digit values by ASCII byte (0xFF: not in the alphabet).
const DIGITS: [u8; 128] = {
    let mut table = [0xFF; 128];
    let mut i = 0;
    while i < 58 {
        table[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    table
};

/// Encodes `bytes`: one `1` per leading zero byte, then the rest as a base-58 number.
pub(crate) fn encode(bytes: &[u8]) -> String {
    let zeros = bytes.iter().take_while(|b| **b == 0).count();
    let rest = &bytes[zeros..];
    // The rest as a number in base 2^32, most significant limb first.
    let head = rest.len() % 4;
    let mut limbs: Vec<u32> = Vec::with_capacity(rest.len() / 4 + 1);
    if head > 0 {
        limbs.push(rest[..head].iter().fold(0, |a, b| a << 8 | u32::from(*b)));
    }
    limbs.extend(
        rest[head..]
            .chunks_exact(4)
            .map(|c| u32::from_be_bytes([c[0], c[1], c[2], c[3]])),
    );
    // Base-58 digits, least significant first: divide by 58^5 until the number is zero.
    let mut digits: Vec<u8> = Vec::with_capacity(rest.len() * 138 / 100 + 5);
    let mut first = 0;
    while first < limbs.len() {
        let mut remainder = 0u64;
        for limb in &mut limbs[first..] {
            let current = remainder << 32 | u64::from(*limb);
            *limb = (current / GROUP) as u32;
            remainder = current % GROUP;
        }
        for _ in 0..5 {
            digits.push((remainder % 58) as u8);
            remainder /= 58;
        }
        while first < limbs.len() && limbs[first] == 0 {
            first += 1;
        }
    }
    while digits.last() == Some(&0) {
        digits.pop();
    }
    let mut text = String::with_capacity(zeros + digits.len());
    text.extend(std::iter::repeat_n('1', zeros));
    text.extend(
        digits
            .iter()
            .rev()
            .map(|d| ALPHABET[usize::from(*d)] as char),
    );
    text
}

/// Decodes `text`; `None` when a character is not in the alphabet.
pub(crate) fn decode(text: &str) -> Option<Vec<u8>> {
    let text = text.as_bytes();
    let ones = text.iter().take_while(|b| **b == b'1').count();
    // The number in base 2^32, least significant limb first.
    let mut limbs: Vec<u32> = Vec::with_capacity(text.len() * 3 / 16 + 2);
    for group in text[ones..].chunks(5) {
        let (mut value, mut scale) = (0u64, 1u64);
        for b in group {
            let digit = *DIGITS.get(usize::from(*b)).filter(|d| **d != 0xFF)?;
            value = value * 58 + u64::from(digit);
            scale *= 58;
        }
        let mut carry = value;
        for limb in &mut limbs {
            let current = u64::from(*limb) * scale + carry;
            *limb = current as u32;
            carry = current >> 32;
        }
        while carry > 0 {
            limbs.push(carry as u32);
            carry >>= 32;
        }
    }
    let mut bytes = vec![0; ones];
    let significant = limbs
        .iter()
        .rev()
        .flat_map(|limb| limb.to_be_bytes())
        .skip_while(|b| *b == 0);
    bytes.extend(significant);
    Some(bytes)
}

/// Why `text` is not base58btc, for an error message: the first character outside the alphabet.
pub(crate) fn describe_error(text: &str) -> String {
    text.char_indices()
        .find(|(_, c)| !c.is_ascii() || DIGITS[*c as usize] == 0xFF)
        .map_or_else(
            || "not base58btc".to_owned(),
            |(at, c)| format!("the character {c:?} at byte {at} is not in the base58btc alphabet"),
        )
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The same text as the `bs58` crate, leading zero bytes included.
        #[test]
        fn encodes_as_bs58(zeros in 0usize..4, bytes in proptest::collection::vec(any::<u8>(), 0..80)) {
            let mut input = vec![0u8; zeros];
            input.extend(bytes);
            prop_assert_eq!(super::encode(&input), bs58::encode(&input).into_string());
        }

        /// The same bytes as the `bs58` crate, and `None` exactly where it fails.
        #[test]
        fn decodes_as_bs58(text in "1{0,3}[1-9A-HJ-NP-Za-km-z]{0,110}", bad in "[0OIl+/é]?") {
            prop_assert_eq!(super::decode(&text), bs58::decode(&text).into_vec().ok());
            let spoiled = format!("{text}{bad}");
            prop_assert_eq!(super::decode(&spoiled), bs58::decode(&spoiled).into_vec().ok());
        }
    }
}

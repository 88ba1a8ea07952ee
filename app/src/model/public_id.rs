//! Short, URL-safe public ids for claims and sources.
//!
//! A public id is the row's AUTOINCREMENT integer put through a fixed bijection on 40 bits and
//! written as 8 characters of Crockford's base-32 alphabet (`0-9a-z` without `i l o u`). So ids:
//! - are short and URL-safe (`/claims/k3m9x2qa`);
//! - never change (they are computed from an id that never changes);
//! - are never reused (SQLite's AUTOINCREMENT never hands out an id twice);
//! - do not reveal how many claims there are or invite walking `/claims/1`, `/claims/2` …;
//! - decode without a database lookup, so a malformed id is a 404 before any query.

const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
const BITS: u32 = 40;
const MASK: u64 = (1 << BITS) - 1;
/// Odd, so multiplication modulo 2^40 is invertible.
const MULTIPLIER: u64 = 0x00D5_A3C9_6E35;
const XOR_KEY: u64 = 0x005A_3C96_1E27;
const MULTIPLIER_INVERSE: u64 = inverse_mod_2_40(MULTIPLIER);
/// Length of every public id.
pub const LEN: usize = 8;

/// Largest internal id that has a public id (about a trillion).
pub const MAX_ID: i64 = MASK as i64;

/// Newton's iteration for the inverse of an odd number modulo 2^40.
const fn inverse_mod_2_40(a: u64) -> u64 {
    let mut x = a; // correct to 3 bits for any odd a
    let mut i = 0;
    while i < 5 {
        x = x.wrapping_mul(2u64.wrapping_sub(a.wrapping_mul(x)));
        i += 1;
    }
    x & MASK
}

/// The public id of internal id `id` (1 ..= [`MAX_ID`]).
pub fn encode(id: i64) -> String {
    debug_assert!((1..=MAX_ID).contains(&id), "internal id out of range: {id}");
    let scrambled = ((id as u64 & MASK) ^ XOR_KEY).wrapping_mul(MULTIPLIER) & MASK;
    (0..LEN).rev().map(|i| ALPHABET[((scrambled >> (i * 5)) & 31) as usize] as char).collect()
}

/// The internal id behind a public id, or `None` if the text is not one.
pub fn decode(public: &str) -> Option<i64> {
    if public.len() != LEN {
        return None;
    }
    let mut scrambled = 0u64;
    for byte in public.bytes() {
        let digit = ALPHABET.iter().position(|&c| c == byte)? as u64;
        scrambled = (scrambled << 5) | digit;
    }
    let id = (scrambled.wrapping_mul(MULTIPLIER_INVERSE) & MASK) ^ XOR_KEY;
    (id != 0).then_some(id as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for id in [1, 2, 3, 42, 1_000_000, MAX_ID - 1, MAX_ID] {
            let public = encode(id);
            assert_eq!(public.len(), LEN);
            assert_eq!(decode(&public), Some(id), "{id} -> {public}");
        }
    }

    #[test]
    fn consecutive_ids_do_not_look_consecutive() {
        let (a, b) = (encode(1), encode(2));
        let shared = a.chars().zip(b.chars()).filter(|(x, y)| x == y).count();
        assert!(shared < LEN - 2, "{a} vs {b}");
    }

    #[test]
    fn ids_are_url_safe_lowercase() {
        let id = encode(123_456);
        assert!(id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    }

    #[test]
    fn malformed_ids_are_rejected() {
        for bad in ["", "abc", "ABCDEFGH", "abcdefgi", "abcdefghj", "../../x", "abcdéfgh"] {
            assert_eq!(decode(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn distinct_ids_give_distinct_public_ids() {
        let ids: std::collections::HashSet<_> = (1..5_000).map(encode).collect();
        assert_eq!(ids.len(), 4_999);
    }
}

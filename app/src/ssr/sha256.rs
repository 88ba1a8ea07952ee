//! SHA-256 as lowercase hex: session tokens as stored, versions of sources' texts, and the
//! `text_sha256` the command line prints.

use sha2::{Digest, Sha256};

/// The SHA-256 of `text`'s UTF-8 bytes, in lowercase hex.
pub fn hex(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_digests() {
        assert_eq!(super::hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(super::hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}

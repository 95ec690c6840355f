//! Turning the bytes of an article file into text.

use std::fmt;

/// Text decoded from bytes, with what the decoder had to assume.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// Set when the bytes were not valid UTF-8 and were read as Windows-1252 (Latin-1).
    pub lossy_latin1: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes hold NUL characters: a binary file, not an article.
    Binary,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary => f.write_str("binary file (contains NUL bytes), not a text article"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes article bytes: UTF-8 with an optional BOM; UTF-16 with its BOM (Windows editors save
/// "Unicode" text so); anything else that is not binary is read as Windows-1252, the usual
/// encoding of legacy newsroom archives, and reported as such. UTF-8 text keeps the bytes'
/// buffer: articles are not copied after reading.
pub fn decode(mut bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    if let Some(text) = utf16(&bytes) {
        return if text.contains('\0') { Err(DecodeError::Binary) } else { Ok(Decoded { text, lossy_latin1: false }) };
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text, lossy_latin1: false }),
        Err(err) => Ok(Decoded { text: err.as_bytes().iter().map(|&b| windows_1252(b)).collect(), lossy_latin1: true }),
    }
}

/// The UTF-8 byte order mark some editors put at the start of a file.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of UTF-16 bytes that start with a byte order mark, else `None`. Unpaired surrogates
/// and an odd last byte become U+FFFD.
fn utf16(bytes: &[u8]) -> Option<String> {
    let unit: fn([u8; 2]) -> u16 = match bytes {
        [0xFF, 0xFE, ..] => u16::from_le_bytes,
        [0xFE, 0xFF, ..] => u16::from_be_bytes,
        _ => return None,
    };
    let body = &bytes[2..];
    let units = body.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text: String = char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect();
    if body.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    Some(text)
}

/// Windows-1252 differs from Latin-1 only in 0x80..=0x9F, where it has curly quotes and dashes.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_keeps_the_buffer_of_utf8() {
        let d = decode("\u{FEFF}Héllo".as_bytes().to_vec()).unwrap();
        assert_eq!(d.text, "Héllo");
        assert!(!d.lossy_latin1);
        let bytes = "Héllo".as_bytes().to_vec();
        let buffer = bytes.as_ptr();
        assert_eq!(decode(bytes).unwrap().text.as_ptr(), buffer);
    }

    #[test]
    fn reads_invalid_utf8_as_windows_1252() {
        let d = decode(b"caf\xe9 \x93quoted\x94".to_vec()).unwrap();
        assert_eq!(d.text, "café “quoted”");
        assert!(d.lossy_latin1);
    }

    #[test]
    fn reads_utf16_with_its_byte_order_mark() {
        let text = "Lula “disse” — São Paulo 🌊\r\n";
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        for bytes in [le, be] {
            let d = decode(bytes).unwrap();
            assert_eq!(d.text, text);
            assert!(!d.lossy_latin1);
        }
        // A lone surrogate and an odd last byte are replaced, not fatal.
        assert_eq!(decode(vec![0xFF, 0xFE, b'A', 0, 0x00, 0xD8, b'B']).unwrap().text, "A\u{FFFD}\u{FFFD}");
        assert_eq!(decode(vec![0xFF, 0xFE, b'A', 0, 0, 0]).unwrap_err(), DecodeError::Binary);
    }

    #[test]
    fn rejects_binary() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00".to_vec()).unwrap_err(), DecodeError::Binary);
    }
}

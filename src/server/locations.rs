//! A `Location[]` reply written straight to JSON. The busiest entity of a large workspace has
//! tens of thousands of mentions; building `Location`s (a URI copy each) and then tower-lsp-server's
//! `serde_json::Value` costs many times more than writing the bytes, with each file's URI escaped once.

use tower_lsp_server::ls_types::{Range, Uri};

use crate::protocol;

/// A location in a workspace of long paths, about 100 bytes of URI and 60 of range.
const BYTES_PER_LOCATION: usize = 160;

/// Builds the JSON array of locations, file by file.
pub struct LocationsJson {
    out: Vec<u8>,
    /// `{"uri":…,"range":` for the current file.
    file_prefix: Vec<u8>,
    empty: bool,
}

impl LocationsJson {
    /// Room for about `expected` locations, so a large reply is not copied as it grows.
    pub fn with_capacity(expected: usize) -> LocationsJson {
        let mut out = Vec::with_capacity(1 + expected * BYTES_PER_LOCATION);
        out.push(b'[');
        LocationsJson { out, file_prefix: Vec::new(), empty: true }
    }

    /// Makes `uri` the file of the locations pushed next.
    pub fn file(&mut self, uri: &Uri) {
        self.file_prefix.clear();
        self.file_prefix.extend_from_slice(b"{\"uri\":");
        let uri = uri.as_str();
        // A URI is printable ASCII without quotes or backslashes, so nothing to escape; still, check.
        // Without an early exit, so that it compiles to vector instructions.
        let plain = uri.bytes().fold(true, |plain, b| plain & (b >= b' ') & (b != b'"') & (b != b'\\'));
        if plain {
            self.file_prefix.push(b'"');
            self.file_prefix.extend_from_slice(uri.as_bytes());
            self.file_prefix.push(b'"');
        } else {
            // A string always serialises.
            let _ = serde_json::to_writer(&mut self.file_prefix, uri);
        }
        self.file_prefix.extend_from_slice(b",\"range\":");
    }

    /// A location in the current file.
    pub fn push(&mut self, range: Range) {
        if !self.empty {
            self.out.push(b',');
        }
        self.empty = false;
        self.out.extend_from_slice(&self.file_prefix);
        protocol::write_json_range(&mut self.out, range);
        self.out.push(b'}');
    }

    /// The array, or `None` when no location was pushed.
    pub fn finish(mut self) -> Option<Vec<u8>> {
        if self.empty {
            return None;
        }
        self.out.push(b']');
        Some(self.out)
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use tower_lsp_server::ls_types::{Location, Position};

    use super::*;

    #[test]
    fn reads_back_as_the_locations_serde_writes() {
        let uris = ["file:///news/a%20b.txt", "file:///news/%C3%A9%22quote%22.txt"].map(|u| Uri::from_str(u).unwrap());
        let expected = vec![
            Location::new(uris[0].clone(), Range::new(Position::new(0, 0), Position::new(0, 5))),
            Location::new(uris[0].clone(), Range::new(Position::new(12, 40), Position::new(13, 2))),
            Location::new(uris[1].clone(), Range::new(Position::new(4_000_000, 7), Position::new(4_000_000, 12))),
        ];
        let mut json = LocationsJson::with_capacity(3);
        for (i, location) in expected.iter().enumerate() {
            if i == 0 || location.uri != expected[i - 1].uri {
                json.file(&location.uri);
            }
            json.push(location.range);
        }
        let bytes = json.finish().unwrap();
        assert_eq!(serde_json::from_slice::<Vec<Location>>(&bytes).unwrap(), expected);
        assert_eq!(bytes, serde_json::to_vec(&expected).unwrap());
    }

    #[test]
    fn no_locations_is_no_array() {
        let mut json = LocationsJson::with_capacity(3);
        json.file(&Uri::from_str("file:///news/a.txt").unwrap());
        assert_eq!(json.finish(), None);
    }
}

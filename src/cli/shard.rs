//! `--shard I/N`: a deterministic 1/N of the files, so a CI matrix spreads an archive over N
//! runners. A file's shard depends only on its path relative to the root (the configuration's
//! folder, or the working folder), hashed with 64-bit FNV-1a: the same on every machine and run.

use std::fmt;
use std::str::FromStr;

/// The `I`-th of `N` shards, 1-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Shard, String> {
        let usage = || format!("{s:?} is not a shard: expected I/N with 1 <= I <= N, e.g. 2/4");
        let (i, n) = s.split_once('/').ok_or_else(usage)?;
        let index: u32 = i.trim().parse().map_err(|_| usage())?;
        let count: u32 = n.trim().parse().map_err(|_| usage())?;
        if count == 0 || index == 0 || index > count {
            return Err(usage());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl Shard {
    /// Whether the file at `relative_path` (with `/` separators) belongs to this shard.
    pub fn contains(&self, relative_path: &str) -> bool {
        shard_of(relative_path, self.count) == self.index
    }
}

/// The 1-based shard of `relative_path` among `count`.
pub fn shard_of(relative_path: &str, count: u32) -> u32 {
    (fnv1a_64(relative_path.as_bytes()) % u64::from(count.max(1))) as u32 + 1
}

/// 64-bit FNV-1a.
pub fn fnv1a_64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf29ce484222325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x100000001b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_validates() {
        assert_eq!("2/4".parse::<Shard>(), Ok(Shard { index: 2, count: 4 }));
        for bad in ["0/4", "5/4", "1/0", "x/2", "2", "1/2/3", ""] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }

    #[test]
    fn stable_hash() {
        // FNV-1a test vectors.
        assert_eq!(fnv1a_64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a_64(b"a"), 0xaf63dc4c8601ec8c);
        let n = 4;
        let paths: Vec<String> = (0..200).map(|i| format!("archive/{i}.txt")).collect();
        for p in &paths {
            let owners: Vec<u32> = (1..=n).filter(|&i| Shard { index: i, count: n }.contains(p)).collect();
            assert_eq!(owners.len(), 1);
        }
    }
}

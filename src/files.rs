//! Which files are articles: the selection shared by `newsls check` and the server's workspace index.

use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::slice::ParallelSliceMut;

use crate::config::Settings;

/// The extension of article files found by walking folders when no `include` globs are configured.
/// A file named explicitly is checked whatever its extension.
pub const ARTICLE_EXTENSION: &str = "txt";

/// Files above this size are skipped with a message: no article is that long.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// Every article under `root` (or `root` itself when it is a file) that `settings` selects,
/// skipping what `.gitignore`, `.ignore` and hidden folders exclude, sorted. Walk errors
/// (unreadable folders, symlink loops) are returned beside the paths.
pub fn walk(root: &Path, settings: &Settings) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    if root.is_file() {
        return (vec![root.to_path_buf()], Vec::new());
    }
    let mut paths = Vec::new();
    let mut errors = Vec::new();
    let absolute_root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let excluded = {
        let settings = settings.clone();
        let absolute_root = absolute_root.clone();
        let root = root.to_path_buf();
        move |entry: &ignore::DirEntry| {
            let relative = entry.path().strip_prefix(&root).unwrap_or(entry.path());
            settings.excludes(&absolute_root.join(relative))
        }
    };
    let walker = ignore::WalkBuilder::new(root)
        .follow_links(true)
        .require_git(false)
        .filter_entry(move |entry| !excluded(entry))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) => {
                let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
                // The filter has left out what the settings exclude.
                if settings.includes(&absolute_root.join(relative)) {
                    paths.push(entry.into_path());
                }
            }
            Ok(_) => {}
            Err(err) => {
                let path = err_path(&err).unwrap_or_else(|| root.to_path_buf());
                errors.push((path, err.to_string()));
            }
        }
    }
    // On the thread pool: paths compare a component at a time, and the pool is idle until the
    // articles are read.
    paths.par_sort();
    (paths, errors)
}

fn err_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => err_path(err),
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

/// Why a file could not be checked.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    TooLarge { size: u64, limit: u64 },
    Binary,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(err) => write!(f, "cannot read: {err}"),
            ReadError::TooLarge { size, limit } => write!(
                f,
                "skipped: {} MB is above the {} MB limit for an article (raise max-file-size in newsls.toml if this is really one)",
                size / (1024 * 1024),
                limit / (1024 * 1024)
            ),
            ReadError::Binary => f.write_str("skipped: binary file (contains NUL bytes), not a text article"),
        }
    }
}

/// An article's text, and whether it had to be read as Windows-1252 because it was not UTF-8.
pub struct ArticleText {
    pub text: String,
    pub lossy_latin1: bool,
}

pub fn read_article(path: &Path, max_size: u64) -> Result<ArticleText, ReadError> {
    // One open for the size check and the read: a second lookup of the path costs more than the
    // read of a short article.
    let mut file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let size = file.metadata().map_err(ReadError::Io)?.len();
    if size > max_size {
        return Err(ReadError::TooLarge { size, limit: max_size });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or_default());
    file.read_to_end(&mut bytes).map_err(ReadError::Io)?;
    decode_article(bytes)
}

pub fn decode_article(bytes: Vec<u8>) -> Result<ArticleText, ReadError> {
    let decoded = crate::text::decode(bytes).map_err(|_| ReadError::Binary)?;
    Ok(ArticleText { text: decoded.text, lossy_latin1: decoded.lossy_latin1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_gone_between_listing_and_reading_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone.txt");
        std::fs::write(&path, "Title\n\nBody.\n").unwrap();
        std::fs::remove_file(&path).unwrap();
        let err = read_article(&path, DEFAULT_MAX_FILE_SIZE).err().expect("an error, not a panic");
        assert!(err.to_string().starts_with("cannot read:"), "{err}");
    }

    #[test]
    fn a_folder_in_place_of_an_article_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_article(dir.path(), DEFAULT_MAX_FILE_SIZE).err().expect("an error, not a panic");
        assert!(err.to_string().starts_with("cannot read:"), "{err}");
    }
}

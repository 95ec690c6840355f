//! Which files are articles: the selection shared by `newsls check` and the server's workspace index.

use std::borrow::Cow;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::slice::ParallelSliceMut;

use crate::config::{FolderSettings, Settings};
use crate::locks;

/// The extension of article files found by walking folders when no `include` globs are configured.
/// A file named explicitly is checked whatever its extension.
pub const ARTICLE_EXTENSION: &str = "txt";

/// Files above this size are skipped with a message: no article is that long.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// A file and the settings that govern it.
pub type Governed = (PathBuf, Arc<Settings>);

/// Every article under `root` (or `root` itself when it is a file) that its folder's settings
/// select, with those settings, skipping what `.gitignore`, `.ignore` and hidden folders exclude,
/// sorted. Whether a folder is walked is for the settings of the folder holding it, so a
/// configuration can exclude a subtree with a configuration of its own. Walk errors (unreadable
/// folders, symlink loops) are returned beside the paths; nested configurations that could not
/// be read are in `folders`' errors.
pub fn walk(root: &Path, folders: &Arc<FolderSettings>) -> (Vec<Governed>, Vec<(PathBuf, String)>) {
    if root.is_file() {
        return (vec![(root.to_path_buf(), folders.of_file(root))], Vec::new());
    }
    if !root.is_dir() {
        let message = "not a file or folder but a pipe or a device: to check what a command prints, pipe it to \
                       `newsls check -` (with --stdin-filename to name it)";
        return (Vec::new(), vec![(root.to_path_buf(), message.to_string())]);
    }
    let mut paths = Vec::new();
    let mut errors = Vec::new();
    let selection = Arc::new(Selection::new(root, folders.clone()));
    let mut builder = ignore::WalkBuilder::new(root);
    builder.follow_links(true).require_git(false);
    let filter = selection.clone();
    builder.filter_entry(move |entry| {
        let Some(relative) = entry.path().strip_prefix(&filter.root).ok().filter(|r| !r.as_os_str().is_empty()) else {
            return true;
        };
        let settings = filter.settings_of(entry.path());
        !settings.excludes_anything() || !settings.excludes(&filter.glob_path(&settings, relative))
    });
    for entry in builder.build() {
        match entry {
            Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) => {
                let relative = entry.path().strip_prefix(root).unwrap_or(entry.path());
                let settings = selection.settings_of(entry.path());
                // The filter has left out what the settings exclude.
                if settings.includes(&selection.glob_path(&settings, relative)) {
                    paths.push((entry.into_path(), settings));
                }
            }
            Ok(_) => {}
            Err(err) => {
                let path = err_path(&err).unwrap_or_else(|| root.to_path_buf());
                let message = walk_error_message(&err, &path);
                errors.push((path, message));
            }
        }
    }
    // On the thread pool, which is idle until the articles are read.
    paths.par_sort_unstable_by(|a, b| walked_order(&a.0, &b.0));
    (paths, errors)
}

/// What one walk needs to test its entries against the settings of their folders.
struct Selection {
    root: PathBuf,
    absolute_root: PathBuf,
    folders: Arc<FolderSettings>,
    /// The folder of the last entry and its settings: a folder's files come one after another.
    last: std::sync::Mutex<Option<(PathBuf, Arc<Settings>)>>,
}

impl Selection {
    fn new(root: &Path, folders: Arc<FolderSettings>) -> Selection {
        let absolute_root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
        Selection { root: root.to_path_buf(), absolute_root, folders, last: Default::default() }
    }

    /// The settings of the folder holding the walked `path`.
    fn settings_of(&self, path: &Path) -> Arc<Settings> {
        let folder = path.parent().unwrap_or(&self.root);
        let mut last = locks::lock(&self.last);
        match &*last {
            Some((known, settings)) if known == folder => settings.clone(),
            _ => {
                let relative = folder.strip_prefix(&self.root).unwrap_or(folder);
                let settings = self.folders.of_folder(&self.absolute_root.join(relative));
                *last = Some((folder.to_path_buf(), settings.clone()));
                settings
            }
        }
    }

    /// The path `settings`' globs are tested on for `relative` (to the walk's root). When the
    /// walk starts at the settings' root (no newsls.toml, or the folder that holds it), that is
    /// `relative` already, with no absolute path to join and strip again for every file.
    fn glob_path<'a>(&self, settings: &Settings, relative: &'a Path) -> Cow<'a, Path> {
        if self.absolute_root == settings.root {
            Cow::Borrowed(relative)
        } else {
            Cow::Owned(self.absolute_root.join(relative))
        }
    }
}

/// The order of `Path::cmp` (a component at a time) for paths found by one walk, without
/// splitting them into components, which cost the sort more than everything else the walk did.
/// The walk joins names below one root with single separators, so at the first byte where two
/// such paths differ, a separator (an end of component) sorts before any other byte.
#[cfg(unix)]
fn walked_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    use std::os::unix::ffi::OsStrExt;
    let (a, b) = (a.as_os_str().as_bytes(), b.as_os_str().as_bytes());
    let rank = |byte: u8| if byte == b'/' { 0 } else { u16::from(byte) + 1 };
    match first_difference(a, b) {
        Some(at) => rank(a[at]).cmp(&rank(b[at])),
        None => a.len().cmp(&b.len()),
    }
}

/// Where `a` and `b` first differ, eight bytes at a time: the paths of one walk share their root.
#[cfg(unix)]
fn first_difference(a: &[u8], b: &[u8]) -> Option<usize> {
    let (a_words, b_words) = (a.chunks_exact(8), b.chunks_exact(8));
    let mut at = 0;
    for (x, y) in a_words.zip(b_words) {
        let (x, y) = (u64::from_le_bytes(x.try_into().unwrap()), u64::from_le_bytes(y.try_into().unwrap()));
        if x != y {
            return Some(at + (x ^ y).trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    a[at..].iter().zip(&b[at..]).position(|(x, y)| x != y).map(|offset| at + offset)
}

#[cfg(not(unix))]
fn walked_order(a: &Path, b: &Path) -> std::cmp::Ordering {
    a.cmp(b)
}

fn err_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => err_path(err),
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        _ => None,
    }
}

/// What went wrong at `path`, which the caller prints before it: `ignore`'s own messages name the
/// path again, up to twice.
fn walk_error_message(err: &ignore::Error, path: &Path) -> String {
    match err {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => walk_error_message(err, path),
        ignore::Error::Loop { ancestor, .. } => {
            format!("skipped: a symbolic link back to {}, which is already being checked", ancestor.display())
        }
        ignore::Error::Io(io) if io.kind() == std::io::ErrorKind::NotFound && path.is_symlink() => {
            "skipped: a broken symbolic link (what it points to does not exist)".to_string()
        }
        ignore::Error::Io(io) if io.kind() == std::io::ErrorKind::PermissionDenied => {
            "cannot read: permission denied (check the permissions of the file or folder)".to_string()
        }
        ignore::Error::Io(io) => format!("cannot read: {io}"),
        other => other.to_string(),
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
            ReadError::TooLarge { size, limit } => {
                let (mut size_shown, mut limit_shown) = (megabytes(*size), megabytes(*limit));
                if size_shown == limit_shown {
                    (size_shown, limit_shown) = (format!("{size} bytes"), format!("{limit} bytes"));
                }
                write!(
                    f,
                    "skipped: {size_shown} is above the {limit_shown} limit for an article (raise max-file-size in \
                     newsls.toml if this is really one)"
                )
            }
            ReadError::Binary => f.write_str("skipped: binary file (contains NUL bytes), not a text article"),
        }
    }
}

/// `bytes` in megabytes (of 1,048,576 bytes, as `max-file-size` defaults to 10), to a tenth below.
fn megabytes(bytes: u64) -> String {
    let tenths = bytes * 10 / (1024 * 1024);
    let (whole, tenth) = (tenths / 10, tenths % 10);
    if tenth == 0 { format!("{whole} MB") } else { format!("{whole}.{tenth} MB") }
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
    fn walked_paths_sort_as_paths_do() {
        let mut paths: Vec<PathBuf> =
            ["d/a-b", "d/a/b", "d/a", "d/a.b", "d/a/b/c", "d/ab", "d/a0", "d/B", "d/é", "d/z/a", "d/a/a-b"]
                .iter()
                .map(|p| format!("/a/long/shared/root/{p}"))
                .chain(["x/abcdefgh/i", "x/abcdefgh-i", "x/abcdefg/hi", "x/abcdefghi"].map(String::from))
                .map(PathBuf::from)
                .collect();
        let mut expected = paths.clone();
        expected.sort();
        paths.sort_unstable_by(|a, b| walked_order(a, b));
        assert_eq!(paths, expected);
    }

    #[test]
    fn a_file_gone_between_listing_and_reading_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone.txt");
        std::fs::write(&path, "Title\n\nBody.\n").unwrap();
        std::fs::remove_file(&path).unwrap();
        let err = read_article(&path, DEFAULT_MAX_FILE_SIZE).err().expect("an error, not a panic");
        assert!(err.to_string().starts_with("cannot read:"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn broken_and_looping_links_are_named_once_with_what_is_wrong() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("desk")).unwrap();
        std::fs::write(root.join("desk/story.txt"), "Title\n\nBody.\n").unwrap();
        std::os::unix::fs::symlink(root.join("missing.txt"), root.join("broken.txt")).unwrap();
        std::os::unix::fs::symlink(root, root.join("desk/back")).unwrap();
        let settings = Arc::new(crate::config::Settings::defaults(root));
        let (paths, errors) = walk(root, &Arc::new(FolderSettings::new(root, settings, None)));
        let paths: Vec<PathBuf> = paths.into_iter().map(|(path, _)| path).collect();
        assert_eq!(paths, vec![root.join("desk/story.txt")]);
        let message = |name: &str| {
            errors.iter().find(|(path, _)| path.ends_with(name)).map(|(_, m)| m.clone()).unwrap_or_default()
        };
        assert_eq!(message("broken.txt"), "skipped: a broken symbolic link (what it points to does not exist)");
        assert!(message("back").starts_with("skipped: a symbolic link back to "), "{errors:?}");
        for (path, message) in &errors {
            assert!(!message.contains(&*path.to_string_lossy()), "{message}");
        }
    }

    #[test]
    fn a_file_just_over_the_limit_does_not_read_as_being_at_it() {
        let message = |size, limit| ReadError::TooLarge { size, limit }.to_string();
        assert!(
            message(10 * 1024 * 1024 + 1, 10 * 1024 * 1024)
                .starts_with("skipped: 10485761 bytes is above the 10485760 bytes limit")
        );
        assert!(
            message(23 * 1024 * 1024 / 2, 10 * 1024 * 1024).starts_with("skipped: 11.5 MB is above the 10 MB limit")
        );
        assert!(message(2_000, 1_000).starts_with("skipped: 2000 bytes is above the 1000 bytes limit"));
    }

    #[test]
    fn a_folder_in_place_of_an_article_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_article(dir.path(), DEFAULT_MAX_FILE_SIZE).err().expect("an error, not a panic");
        assert!(err.to_string().starts_with("cannot read:"), "{err}");
    }
}

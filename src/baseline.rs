//! Baselines: the findings a newsroom has accepted, so `newsls check --baseline FILE` reports only
//! new ones. A finding is identified by a fingerprint of its rule, its file (relative to the
//! configuration root, or the working folder) and the normalised text of its sentence — never its
//! line or column — so moving paragraphs, adding text above or re-wrapping lines keeps it suppressed.
//! Identical findings (the same sentence twice) are counted.
//!
//! The same file records what the editor's "accept" action accepts (for instance a sentence the
//! reporter states on their own authority), so CI and the editor agree on what is not reported.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// The version of the baseline file format; bumped if fingerprints ever change.
pub const VERSION: u32 = 1;

/// Characters of the sentence kept in a baseline entry, for people reading diffs.
const EXCERPT_CHARS: usize = 80;

/// 128-bit FNV-1a: stable across runs, platforms and Rust versions.
pub fn fnv1a_128(parts: &[&str]) -> u128 {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013b;
    let mut hash = OFFSET;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            // A separator no text contains, so ("ab", "c") and ("a", "bc") differ.
            hash ^= 0xff;
            hash = hash.wrapping_mul(PRIME);
        }
        for byte in part.bytes() {
            hash ^= u128::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

/// Whitespace runs (spaces, tabs, line breaks) collapsed to one space, trimmed; case kept.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The sentence around `span`: from the end of the previous sentence (or the paragraph's start)
/// to the end of the sentence the span ends in (or the paragraph's end). A finding whose span is a
/// whole sentence gets that sentence; a short one (a quotation mark, "critics say") gets the
/// sentence it sits in, so two such findings in different sentences are told apart.
pub fn context(text: &str, span: Span) -> Span {
    let start = span.start.min(text.len());
    let end = span.end.clamp(start, text.len());
    let bytes = text.as_bytes();

    // Backwards: stop after a sentence end followed by whitespace, or at a blank line.
    let mut from = start;
    while from > 0 {
        let b = bytes[from - 1];
        if b == b'\n' && blank_line_before(bytes, from - 1) {
            break;
        }
        if b.is_ascii_whitespace() && from >= 2 && ends_sentence(bytes, from - 1) {
            break;
        }
        from -= 1;
    }

    // Forwards: unless the span already ends a sentence, up to the next sentence end or blank line.
    let mut to = end;
    let span_text = text[start..end].trim_end();
    let already_ends = span_text.ends_with(['.', '!', '?']) || ends_sentence(bytes, start + span_text.len());
    if !already_ends {
        while to < bytes.len() {
            let b = bytes[to];
            if b == b'\n' && blank_line_after(bytes, to) {
                break;
            }
            if b.is_ascii_whitespace() && ends_sentence(bytes, to) {
                break;
            }
            to += 1;
        }
    }
    while !text.is_char_boundary(from) {
        from += 1;
    }
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    Span { start: from.min(start), end: to.max(end) }
}

/// Whether the text just before byte `at` ends a sentence: `.`, `!` or `?`, possibly followed by
/// closing quotation marks or brackets.
fn ends_sentence(bytes: &[u8], at: usize) -> bool {
    let mut i = at.min(bytes.len());
    loop {
        let before = &bytes[..i];
        if before.ends_with(b"\"") || before.ends_with(b"'") || before.ends_with(b")") || before.ends_with(b"]") {
            i -= 1;
        } else if before.ends_with("”".as_bytes()) || before.ends_with("’".as_bytes()) {
            i -= 3;
        } else if before.ends_with("»".as_bytes()) {
            i -= 2;
        } else {
            break;
        }
    }
    let before = &bytes[..i];
    before.ends_with(b".") || before.ends_with(b"!") || before.ends_with(b"?") || before.ends_with("…".as_bytes())
}

fn blank_line_before(bytes: &[u8], newline: usize) -> bool {
    let mut i = newline;
    while i > 0 {
        match bytes[i - 1] {
            b'\n' => return true,
            b' ' | b'\t' | b'\r' => i -= 1,
            _ => return false,
        }
    }
    true
}

fn blank_line_after(bytes: &[u8], newline: usize) -> bool {
    let mut i = newline + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => return true,
            b' ' | b'\t' | b'\r' => i += 1,
            _ => return false,
        }
    }
    true
}

/// A finding's fingerprint: 32 hex digits hashing the rule, the file's path relative to the root
/// (with `/` separators), the normalised text of the sentence around the finding and of its span.
pub fn fingerprint(rule: &str, relative_path: &str, text: &str, span: Span) -> String {
    let sentence = normalise(context(text, span).text(text));
    let own = normalise(clamp(span, text).text(text));
    format!("{:032x}", fnv1a_128(&[rule, relative_path, &sentence, &own]))
}

fn clamp(span: Span, text: &str) -> Span {
    let mut start = span.start.min(text.len());
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    Span { start, end }
}

/// A short excerpt of the sentence, for the baseline file's readers.
pub fn excerpt(text: &str, span: Span) -> String {
    let sentence = normalise(clamp(span, text).text(text));
    if sentence.chars().count() <= EXCERPT_CHARS {
        sentence
    } else {
        let mut cut: String = sentence.chars().take(EXCERPT_CHARS - 1).collect();
        cut.push('…');
        cut
    }
}

/// `path` relative to `root`, with `/` separators; both are made absolute and cleaned of `.` and
/// `..` first. A path outside `root` is relative to the working folder, else absolute.
pub fn relative_path(path: &Path, root: &Path) -> String {
    RelativePaths::new(root).of(path)
}

/// [`relative_path`] for many paths under one root: the root and the working folder are made
/// absolute and cleaned once, not once a path (`newsls check` asks for every article).
pub struct RelativePaths {
    /// The root, then the working folder.
    bases: [PathBuf; 2],
    /// The root relative to the working folder when it is inside it (empty when it is the
    /// working folder): what a relative path under the root starts with.
    root_in_cwd: Option<PathBuf>,
}

impl RelativePaths {
    pub fn new(root: &Path) -> Self {
        let root = clean(root);
        let cwd = std::env::current_dir().map(|d| clean(&d)).unwrap_or_default();
        let root_in_cwd =
            (!cwd.as_os_str().is_empty()).then(|| root.strip_prefix(&cwd).ok().map(Path::to_path_buf)).flatten();
        RelativePaths { bases: [root, cwd], root_in_cwd }
    }

    pub fn of(&self, path: &Path) -> String {
        match self.of_plain(path) {
            Some(relative) => relative.to_string(),
            None => self.of_cleaned(path),
        }
    }

    fn of_cleaned(&self, path: &Path) -> String {
        let path = clean(path);
        for base in self.bases.iter().filter(|b| !b.as_os_str().is_empty()) {
            if let Ok(rest) = path.strip_prefix(base) {
                return slashes(rest);
            }
        }
        slashes(&path)
    }
}

impl RelativePaths {
    /// [`RelativePaths::of`] for plain paths, with neither the working folder asked for (a
    /// system call) nor the path split into components: names joined by single slashes, none of
    /// them `.` or `..`, in UTF-8, as walks find them. `None` for any other path.
    #[cfg(unix)]
    fn of_plain<'p>(&self, path: &'p Path) -> Option<&'p str> {
        use std::os::unix::ffi::OsStrExt;
        let bytes = path.as_os_str().as_bytes();
        let rest = if path.is_absolute() {
            if !is_plain(&bytes[1..]) {
                return None;
            }
            let [root, cwd] = &self.bases;
            below(bytes, root).or_else(|| below(bytes, cwd)).unwrap_or(bytes)
        } else {
            // Relative to the working folder: below the root when it starts with the root's
            // place there, else relative to the working folder as it is.
            let root = self.root_in_cwd.as_ref()?;
            if !is_plain(bytes) {
                return None;
            }
            below(bytes, root).unwrap_or(bytes)
        };
        std::str::from_utf8(rest).ok()
    }

    #[cfg(not(unix))]
    fn of_plain<'p>(&self, _path: &'p Path) -> Option<&'p str> {
        None
    }
}

/// Names joined by single slashes, none of them `.` or `..`: what cleaning leaves as it is.
#[cfg(unix)]
fn is_plain(path: &[u8]) -> bool {
    !path.is_empty() && path.split(|&b| b == b'/').all(|name| !matches!(name, b"" | b"." | b".."))
}

/// The rest of the plain `path` below the clean `base` (empty when it is `base`); `None` when it
/// is not below it or `base` is empty (unknown).
#[cfg(unix)]
fn below<'p>(path: &'p [u8], base: &Path) -> Option<&'p [u8]> {
    use std::os::unix::ffi::OsStrExt;
    let base = base.as_os_str().as_bytes();
    if base.is_empty() {
        return None;
    }
    let rest = path.strip_prefix(base)?;
    // Only the file-system root ends with a slash once cleaned.
    if rest.is_empty() || base.ends_with(b"/") { Some(rest) } else { rest.strip_prefix(b"/") }
}

fn slashes(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            Component::RootDir => Some(String::new()),
            Component::Prefix(prefix) => Some(prefix.as_os_str().to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    parts.join("/")
}

/// Absolute, with `.` removed and `..` resolved lexically (symbolic links are not followed).
fn clean(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// One accepted finding (or several identical ones) in the baseline file.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
    pub count: u32,
    /// The start of the finding's text; informative only, never compared.
    #[serde(default)]
    pub text: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    tool: String,
    findings: Vec<Entry>,
}

/// A loaded baseline: how many findings of each fingerprint are still to be suppressed.
#[derive(Clone, Debug, Default)]
pub struct Baseline {
    remaining: std::collections::HashMap<String, u32>,
    pub suppressed: usize,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let mut remaining = std::collections::HashMap::new();
        for entry in load_entries(path)? {
            *remaining.entry(entry.fingerprint).or_insert(0) += entry.count;
        }
        Ok(Baseline { remaining, suppressed: 0 })
    }

    /// Nothing recorded: suppresses nothing.
    pub fn is_empty(&self) -> bool {
        self.remaining.is_empty()
    }

    /// Whether a finding with this fingerprint is in the baseline; consumes one of its count.
    pub fn suppresses(&mut self, fingerprint: &str) -> bool {
        match self.remaining.get_mut(fingerprint) {
            Some(n) if *n > 0 => {
                *n -= 1;
                self.suppressed += 1;
                true
            }
            _ => false,
        }
    }
}

/// The entries of a baseline file.
fn load_entries(path: &Path) -> Result<Vec<Entry>, String> {
    let text = std::fs::read_to_string(path).map_err(|err| {
        format!("{}: cannot read the baseline: {err} (create one with --write-baseline)", path.display())
    })?;
    let file: File = serde_json::from_str(&text).map_err(|err| {
        format!(
            "{}:{}:{}: not a newsls baseline: {err} (recreate it with --write-baseline)",
            path.display(),
            err.line(),
            err.column()
        )
    })?;
    if file.version != VERSION {
        return Err(format!(
            "{}: baseline version {} is not supported (this newsls reads version {VERSION}); recreate it with --write-baseline",
            path.display(),
            file.version
        ));
    }
    Ok(file.findings)
}

/// Adds one accepted finding to the baseline at `path` (made if missing), written atomically;
/// returns the bytes written, so that the writer can tell its own write from anyone else's.
pub fn accept(path: &Path, entry: Entry) -> Result<Vec<u8>, String> {
    let mut recorder = Recorder::default();
    if path.exists() {
        for existing in load_entries(path)? {
            recorder.add(existing);
        }
    }
    recorder.add(entry);
    let written = recorder.to_json().into_bytes();
    write_atomically(path, &written).map_err(|err| format!("{}: cannot write the baseline: {err}", path.display()))?;
    Ok(written)
}

/// Findings collected for `--write-baseline`.
#[derive(Default)]
pub struct Recorder {
    entries: BTreeMap<(String, String, String), (u32, String)>,
}

impl Recorder {
    fn add(&mut self, entry: Entry) {
        let key = (entry.path, entry.rule, entry.fingerprint);
        self.entries.entry(key).or_insert((0, entry.text)).0 += entry.count;
    }

    pub fn record(&mut self, path: &str, rule: &str, fingerprint: String, excerpt: impl FnOnce() -> String) {
        let slot =
            self.entries.entry((path.to_string(), rule.to_string(), fingerprint)).or_insert_with(|| (0, excerpt()));
        slot.0 += 1;
    }

    /// How many findings are recorded.
    pub fn len(&self) -> usize {
        self.entries.values().map(|(count, _)| *count as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The baseline file's text: pretty JSON, one entry per fingerprint, sorted by path, rule, fingerprint.
    pub fn to_json(&self) -> String {
        let findings = self
            .entries
            .iter()
            .map(|((path, rule, fingerprint), (count, text))| Entry {
                path: path.clone(),
                rule: rule.clone(),
                fingerprint: fingerprint.clone(),
                count: *count,
                text: text.clone(),
            })
            .collect();
        let file = File { version: VERSION, tool: "newsls".into(), findings };
        let mut out = serde_json::to_string_pretty(&file).expect("a baseline serialises");
        let _ = writeln!(out);
        out
    }

    /// Writes the baseline atomically: a temporary file in the same folder, flushed to disk, then renamed.
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        write_atomically(path, self.to_json().as_bytes())
    }
}

/// Writes `bytes` to `path` so that readers see the old file or the new one, never a partial one.
/// A file that exists keeps its permissions, and a symbolic link stays one: the file it points
/// to is replaced.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path).ok();
    let path = target.as_deref().unwrap_or(path);
    let permissions = std::fs::metadata(path).ok().map(|m| m.permissions());
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "baseline".into());
    let temp = folder.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        if let Some(permissions) = permissions {
            file.set_permissions(permissions)?;
        }
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, path)?;
        // Make the rename itself durable where the platform allows it.
        if let Ok(dir) = std::fs::File::open(&folder) {
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn writing_keeps_a_link_a_link_and_the_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("shared-baseline.json");
        std::fs::write(&real, "old").unwrap();
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join(".newsls-baseline.json");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        assert_eq!(std::fs::metadata(&real).unwrap().permissions().mode() & 0o777, 0o640);
        // A new file is made as usual.
        let fresh = dir.path().join("fresh.json");
        write_atomically(&fresh, b"{}").unwrap();
        assert_eq!(std::fs::read_to_string(&fresh).unwrap(), "{}");
    }

    fn span_of(text: &str, needle: &str) -> Span {
        let start = text.find(needle).unwrap();
        Span { start, end: start + needle.len() }
    }

    #[test]
    fn reflow_and_moves_keep_the_fingerprint() {
        let a = "Title\n\nPrices will double\nnext year. Then more.\n";
        let b = "Title\n\nOther text first.\n\nPrices will  double next year.\n";
        let fa = fingerprint("r", "a.txt", a, span_of(a, "Prices will double\nnext year."));
        let fb = fingerprint("r", "a.txt", b, span_of(b, "Prices will  double next year."));
        assert_eq!(fa, fb);
        assert_ne!(fa, fingerprint("r", "b.txt", b, span_of(b, "Prices will  double next year.")));
        assert_ne!(fa, fingerprint("q", "a.txt", b, span_of(b, "Prices will  double next year.")));
    }

    #[test]
    fn short_spans_take_their_sentence() {
        let text = "One thing. Critics say it fails, and\nmore. Next one.";
        let ctx = context(text, span_of(text, "Critics say"));
        assert_eq!(ctx.text(text), "Critics say it fails, and\nmore.");
        let quote = "He left. \"We will not go. Never.\n\nAfter.";
        let ctx = context(quote, Span { start: 9, end: 10 });
        assert_eq!(ctx.text(quote), "\"We will not go.");
    }

    #[test]
    fn relative_paths_use_slashes() {
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(relative_path(&cwd.join("a/./b/../c.txt"), &cwd), "a/c.txt");
        assert_eq!(relative_path(Path::new("x/y.txt"), &cwd.join("x")), "y.txt");
    }

    /// The shortcut for plain walked paths gives what cleaning and splitting the path give.
    #[test]
    fn plain_paths_are_relative_as_cleaned_ones() {
        let cwd = std::env::current_dir().unwrap();
        let outside = cwd.parent().unwrap().join("elsewhere");
        for root in [cwd.clone(), cwd.join("corpus"), cwd.join("corpus/bbc"), outside.clone(), PathBuf::from("/")] {
            let paths = RelativePaths::new(&root);
            let roots_relative = root.strip_prefix(&cwd).map(Path::to_path_buf).unwrap_or_default();
            for path in [
                root.join("a.txt"),
                root.join("a/b.txt"),
                root.join("a//b.txt"),
                root.join("a/./b.txt"),
                root.join("a/../b.txt"),
                root.join("../b.txt"),
                root.join("a/"),
                root.clone(),
                roots_relative.join("a/b.txt"),
                roots_relative.clone(),
                PathBuf::from("a.txt"),
                roots_relative.join("./a.txt"),
                roots_relative.join("a/../../b.txt"),
                PathBuf::from("corpusx/a.txt"),
                outside.join("a.txt"),
                cwd.join("a.txt"),
            ] {
                assert_eq!(paths.of(&path), paths.of_cleaned(&path), "{} under {}", path.display(), root.display());
            }
            assert_eq!(paths.of_plain(&root.join("a/b.txt")), Some("a/b.txt"), "the shortcut under {}", root.display());
        }
    }

    #[test]
    fn counts_are_consumed() {
        let mut rec = Recorder::default();
        rec.record("a.txt", "r", "f1".into(), || "t".into());
        rec.record("a.txt", "r", "f1".into(), || "t".into());
        let dir = std::env::temp_dir().join(format!("newsls-baseline-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("b.json");
        rec.write(&file).unwrap();
        let mut baseline = Baseline::load(&file).unwrap();
        assert!(baseline.suppresses("f1"));
        assert!(baseline.suppresses("f1"));
        assert!(!baseline.suppresses("f1"));
        assert_eq!(baseline.suppressed, 2);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

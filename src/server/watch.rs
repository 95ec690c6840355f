//! The server-side file watcher, for clients that cannot register watchers (Neovim on Linux by
//! default): events are debounced and handed on as a batch of changed paths.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};

/// Editors save in bursts (write, rename, chmod); wait this long for a burst to end.
const DEBOUNCE: Duration = Duration::from_millis(150);
/// Under a steady stream of events, hand on what has gathered at least this often.
const MAX_BATCH_DELAY: Duration = Duration::from_secs(2);

/// Watches folders until dropped.
pub struct Watcher {
    _inner: RecommendedWatcher,
}

impl Watcher {
    pub fn start(roots: &[PathBuf], on_change: impl Fn(Vec<PathBuf>) + Send + 'static) -> notify::Result<Watcher> {
        let (sender, receiver) = mpsc::channel::<PathBuf>();
        let mut inner = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            if let Ok(event) = event
                && !matches!(event.kind, notify::EventKind::Access(_))
            {
                for path in event.paths {
                    let _ = sender.send(path);
                }
            }
        })?;
        for root in roots {
            inner.watch(root, RecursiveMode::Recursive)?;
        }
        std::thread::Builder::new().name("newsls-watch".into()).spawn(move || {
            // Ends when the watcher, and with it the sender, is dropped.
            while let Ok(first) = receiver.recv() {
                let started = std::time::Instant::now();
                let mut batch = BTreeSet::from([first]);
                while started.elapsed() < MAX_BATCH_DELAY
                    && let Ok(more) = receiver.recv_timeout(DEBOUNCE)
                {
                    batch.insert(more);
                }
                on_change(batch.into_iter().collect());
            }
        })?;
        Ok(Watcher { _inner: inner })
    }
}

//! Going through a folder's articles without keeping them: each file is read, decoded and
//! handed to a function on every core as soon as it is read, and what the function emits comes
//! out on the calling thread in article order (sorted by id), while the work goes on. Memory
//! stays bounded: a worker ahead of the article being written waits once more than
//! [`AHEAD_BYTES`] of output is buffered. This is how the command line searches.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, mpsc};

use super::load::{LoadError, LoadOptions, Skipped, read_article_text, walk};
use super::{Article, ArticleId};

/// How much output (as weighed by the emitter) of later articles may wait for earlier ones.
pub const AHEAD_BYTES: usize = 32 * 1024 * 1024;
/// How much output of the article being written may wait for the writer.
pub const HEAD_BYTES: usize = 1024 * 1024;

/// Where a worker sends what it made of one file.
pub struct Emitter<'a, T> {
    index: usize,
    outbox: &'a Outbox<T>,
    gate: &'a Gate,
}

enum Message<T> {
    Item(usize, T, Weight),
    Done(usize),
}

/// A worker's messages, sent in batches: one wake-up of the writer per batch, not per file.
struct Outbox<T> {
    tx: mpsc::Sender<Vec<Message<T>>>,
    pending: RefCell<Vec<Message<T>>>,
    bytes: Cell<usize>,
}

/// A batch goes when it holds this many messages or this many bytes of output.
const BATCH_MESSAGES: usize = 64;
const BATCH_BYTES: usize = 256 * 1024;

impl<T> Outbox<T> {
    fn push(&self, message: Message<T>, bytes: usize) {
        self.pending.borrow_mut().push(message);
        self.bytes.set(self.bytes.get() + bytes);
        if self.pending.borrow().len() >= BATCH_MESSAGES || self.bytes.get() >= BATCH_BYTES {
            self.flush();
        }
    }

    fn flush(&self) {
        let batch = std::mem::take(&mut *self.pending.borrow_mut());
        self.bytes.set(0);
        if !batch.is_empty() {
            let _ = self.tx.send(batch);
        }
    }
}

/// An item's weight, and which budget it was counted in.
#[derive(Clone, Copy)]
struct Weight {
    bytes: usize,
    head: bool,
}

/// The file being written, and the output not written yet: the head file's and the others'.
#[derive(Default)]
struct Budget {
    head: usize,
    head_bytes: usize,
    ahead_bytes: usize,
}

struct Gate {
    state: Mutex<Budget>,
    freed: Condvar,
}

impl<T> Emitter<'_, T> {
    /// Send `item`, which weighs `bytes`. Waits while too much output is buffered: for the file
    /// being written, until the writer catches up; for a later file, until the files before it
    /// are written. A worker sends what it holds before it waits, so neither wait can block
    /// the other and the scan always finishes.
    pub fn emit(&self, item: T, bytes: usize) {
        let mut weight = Weight { bytes, head: false };
        if bytes > 0 {
            weight.head = self.reserve(bytes);
        }
        self.outbox
            .push(Message::Item(self.index, item, weight), bytes);
    }

    /// Count `bytes` in the budget they belong to, waiting for room; true for the head's.
    fn reserve(&self, bytes: usize) -> bool {
        let Ok(mut state) = self.gate.state.lock() else {
            return false;
        };
        loop {
            let head = state.head == self.index;
            let full = if head {
                state.head_bytes > HEAD_BYTES
            } else {
                state.ahead_bytes > AHEAD_BYTES
            };
            if !full {
                if head {
                    state.head_bytes += bytes;
                } else {
                    state.ahead_bytes += bytes;
                }
                return head;
            }
            self.outbox.flush();
            match self.gate.freed.wait(state) {
                Ok(s) => state = s,
                Err(_) => return false,
            }
        }
    }
}

/// Read every article below `root` with `work` on `options.threads` threads; `consume` gets what
/// `work` emitted, in article order. Returns the files skipped while walking the folder (files
/// skipped while reading go to `work` as `Err`).
pub fn scan_folder<T: Send>(
    root: &Path,
    options: &LoadOptions,
    work: impl Fn(Result<Article, Skipped>, &Emitter<T>) + Sync,
    mut consume: impl FnMut(T),
) -> Result<Vec<Skipped>, LoadError> {
    let meta = std::fs::metadata(root).map_err(|source| LoadError::Root {
        path: root.to_owned(),
        source,
    })?;
    if !meta.is_dir() {
        return Err(LoadError::NotAFolder(root.to_owned()));
    }
    let mut skipped = Vec::new();
    let files = walk(root, &mut skipped, &AtomicBool::new(false))?;
    let files = sorted_by_id(root, files);
    let gate = Gate {
        state: Mutex::new(Budget::default()),
        freed: Condvar::new(),
    };
    let next = AtomicUsize::new(0);
    let (tx, rx) = mpsc::channel();
    std::thread::scope(|scope| {
        let (next, files, gate, work) = (&next, &files, &gate, &work);
        let run = move |tx: mpsc::Sender<Vec<Message<T>>>| {
            let outbox = Outbox {
                tx,
                pending: RefCell::new(Vec::new()),
                bytes: Cell::new(0),
            };
            loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(path) = files.get(index) else { break };
                let emitter = Emitter {
                    index,
                    outbox: &outbox,
                    gate,
                };
                work(read_article_text(root, path, options), &emitter);
                outbox.push(Message::Done(index), 0);
            }
            outbox.flush();
        };
        let mut spawned = 0;
        for n in 0..options.threads.max(1) {
            let tx = tx.clone();
            let handle = std::thread::Builder::new()
                .name(format!("dossier-scan-{n}"))
                .spawn_scoped(scope, move || run(tx));
            spawned += usize::from(handle.is_ok());
        }
        if spawned == 0 {
            run(tx.clone()); // no thread could be started: do the work here
        }
        drop(tx);
        deliver(rx, gate, &mut consume);
    });
    Ok(skipped)
}

/// Files in the order of their article ids (the order every list of articles has).
fn sorted_by_id(root: &Path, files: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut keyed: Vec<(Option<ArticleId>, PathBuf)> = files
        .into_iter()
        .map(|p| (ArticleId::from_paths(root, &p), p))
        .collect();
    keyed.sort();
    keyed.into_iter().map(|(_, p)| p).collect()
}

/// Hand items to `consume` in file order as they arrive; buffer those that come early.
fn deliver<T>(rx: mpsc::Receiver<Vec<Message<T>>>, gate: &Gate, consume: &mut impl FnMut(T)) {
    let mut head = 0;
    let mut waiting: BTreeMap<usize, VecDeque<(T, Weight)>> = BTreeMap::new();
    let mut done = BTreeSet::new();
    let release = |freed: &[Weight], head: usize| {
        if let Ok(mut state) = gate.state.lock() {
            state.head = head;
            for w in freed {
                if w.head {
                    state.head_bytes = state.head_bytes.saturating_sub(w.bytes);
                } else {
                    state.ahead_bytes = state.ahead_bytes.saturating_sub(w.bytes);
                }
            }
        }
        gate.freed.notify_all();
    };
    // Take every batch that is there, then settle the budget once (one lock per round).
    while let Ok(first) = rx.recv() {
        let mut freed = Vec::new();
        let batches = std::iter::once(first).chain(std::iter::from_fn(|| rx.try_recv().ok()));
        for message in batches.flatten() {
            match message {
                Message::Item(i, item, weight) if i == head => {
                    consume(item);
                    freed.push(weight);
                }
                Message::Item(i, item, weight) => {
                    waiting.entry(i).or_default().push_back((item, weight));
                }
                Message::Done(i) => {
                    done.insert(i);
                }
            }
            // Move on past every finished file, writing what waited for it.
            while done.remove(&head) {
                head += 1;
                for (item, weight) in waiting.remove(&head).unwrap_or_default() {
                    consume(item);
                    freed.push(weight);
                }
            }
        }
        release(&freed, head);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_comes_in_article_order_whatever_the_threads_do() {
        let dir = tempfile::tempdir().expect("tempdir");
        for i in (0..40).rev() {
            let sub = dir.path().join(format!("d{}", i % 3));
            std::fs::create_dir_all(&sub).expect("mkdir");
            std::fs::write(sub.join(format!("{i:02}.txt")), "x ".repeat(1 + i * 97))
                .expect("write");
        }
        std::fs::write(dir.path().join("empty.txt"), "").expect("write");
        let options = LoadOptions {
            threads: 3,
            ..LoadOptions::default()
        };
        let mut seen = Vec::new();
        let skipped = scan_folder(
            dir.path(),
            &options,
            |article, emit| match article {
                Ok(a) => {
                    for part in 0..3 {
                        emit.emit(format!("{}#{part}", a.id), 1);
                    }
                }
                Err(s) => emit.emit(format!("skip {}", s.path.display()), 1),
            },
            |item| seen.push(item),
        )
        .expect("scans");
        assert!(skipped.is_empty());
        let mut expected: Vec<String> = (0..40)
            .flat_map(|i| (0..3).map(move |p| format!("d{}/{i:02}.txt#{p}", i % 3)))
            .collect();
        expected.push("skip empty.txt".into());
        expected.sort();
        assert_eq!(seen, expected);
    }
}

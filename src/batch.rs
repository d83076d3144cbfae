//! Execution: analyses many files in parallel on rayon and hands the reports on either in
//! path order or as they finish, holding only a bounded window of reports at any time.
//!
//! Files are handed to the workers in order; a worker may not start a file more than
//! `WINDOW_PER_JOB * jobs` places ahead of the last report passed on, so even a slow file
//! cannot make the reorder buffer grow with the batch.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};

use rayon::iter::{ParallelBridge, ParallelIterator};

use crate::model::Report;

const WINDOW_PER_JOB: usize = 16;

/// Runs `analyze` on `files` with `jobs` threads and calls `emit` on the calling thread for
/// every report: in the order of `files` when `ordered`, else as each finishes. Stops early
/// (and returns the error) when `emit` fails, e.g. on a closed pipe.
pub fn run(
    files: &[PathBuf],
    jobs: usize,
    ordered: bool,
    analyze: impl Fn(&Path) -> Report + Sync,
    mut emit: impl FnMut(Report) -> io::Result<()>,
) -> io::Result<()> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .build()
        .map_err(|e| io::Error::other(e.to_string()))?;
    let window = WINDOW_PER_JOB * jobs.max(1);
    let emitted = Mutex::new(0usize);
    let advanced = Condvar::new();
    let cancelled = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<(usize, Report)>();

    std::thread::scope(|scope| {
        scope.spawn(|| {
            // Indices in order, each waiting until it is inside the window.
            let next = (0..files.len()).take_while(|&i| {
                let mut done = emitted.lock().unwrap_or_else(|e| e.into_inner());
                while i >= *done + window && !cancelled.load(Ordering::Relaxed) {
                    done = advanced.wait(done).unwrap_or_else(|e| e.into_inner());
                }
                !cancelled.load(Ordering::Relaxed)
            });
            pool.install(|| {
                next.par_bridge().for_each_with(tx, |tx, i| {
                    // The receiver only goes away when the batch is being abandoned.
                    let _ = tx.send((i, analyze(&files[i])));
                });
            });
        });

        let mut pending = BTreeMap::new();
        let mut result = Ok(());
        let mut count = 0;
        for (i, report) in rx {
            if result.is_err() {
                continue;
            }
            if ordered {
                pending.insert(i, report);
                while let Some(report) = pending.remove(&count) {
                    result = emit(report);
                    count += 1;
                    if result.is_err() {
                        break;
                    }
                }
            } else {
                result = emit(report);
                count += 1;
            }
            if result.is_err() {
                cancelled.store(true, Ordering::Relaxed);
            }
            *emitted.lock().unwrap_or_else(|e| e.into_inner()) = count;
            advanced.notify_all();
        }
        result
    })
}

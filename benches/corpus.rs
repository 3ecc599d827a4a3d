//! Lint throughput and peak memory on a generated corpus: the four seed reports copied
//! until the corpus reaches `RAPPORTLINT_BENCH_MB` megabytes (default 100), linted in one
//! run of the release binary over the directory.
//!
//! Run: `cargo bench --bench corpus` (or `RAPPORTLINT_BENCH_MB=20 cargo bench --bench corpus`).
//! Prints the input size, wall time, throughput and the run's peak resident memory.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

fn main() {
    let mb: usize = std::env::var("RAPPORTLINT_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let seeds: Vec<(String, Vec<u8>)> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/reports"))
            .expect("fixtures/reports exists")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .map(|p| {
                (
                    p.file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .into_owned(),
                    std::fs::read(&p).expect("seed reads"),
                )
            })
            .collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut total = 0usize;
    let mut copy = 0;
    while total < mb * 1_000_000 {
        for (name, bytes) in &seeds {
            std::fs::write(dir.path().join(format!("{copy:04}_{name}")), bytes)
                .expect("write corpus file");
            total += bytes.len();
        }
        copy += 1;
    }
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_rapportlint"))
        .args([
            "lint",
            "--output-format",
            "json-lines",
            "--fail-on",
            "never",
        ])
        .arg(dir.path())
        .output()
        .expect("rapportlint runs");
    let secs = start.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Peak resident memory of the child, in kilobytes on Linux.
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage fills the struct it is given.
    let peak_kb = unsafe {
        if libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr()) == 0 {
            usage.assume_init().ru_maxrss
        } else {
            0
        }
    };
    let findings = out.stdout.iter().filter(|&&b| b == b'\n').count();
    println!(
        "corpus: {:.1} MB in {} files; lint: {secs:.1} s, {:.2} MB/s; peak memory {:.0} MB ({:.2} × input); {findings} findings",
        total as f64 / 1e6,
        copy * seeds.len(),
        total as f64 / 1e6 / secs,
        peak_kb as f64 / 1024.0,
        peak_kb as f64 * 1024.0 / total as f64,
    );
}

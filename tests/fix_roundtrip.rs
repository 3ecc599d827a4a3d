//! Issue 6's acceptance scenario: a copy of a real report with every third U+2212 minus
//! written as `-` and one total changed. `lint --fix --unsafe-fixes` must give back the
//! original byte for byte, for LF and CRLF copies alike, and a second run must change
//! nothing.

use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fix(path: &Path) -> String {
    let o = Command::new(env!("CARGO_BIN_EXE_rapportlint"))
        .args([
            "lint",
            "--fix",
            "--unsafe-fixes",
            "--output-format",
            "concise",
        ])
        .arg(path)
        .env("NO_COLOR", "1")
        .output()
        .expect("binary runs");
    assert_ne!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn every_third_minus_and_one_total_come_back() {
    let original =
        std::fs::read_to_string(root().join("fixtures/reports/000_5b22cc073d5bff98.txt"))
            .expect("seed");
    let mut n = 0;
    let broken: String = original
        .chars()
        .map(|c| {
            if c == '\u{2212}' {
                n += 1;
                if n % 3 == 0 {
                    return '-';
                }
            }
            c
        })
        .collect();
    assert!(n > 60, "the seed writes U+2212: {n}");
    // The grand total of the central income table, two digits swapped.
    let total = "Sum Frie disponible inntekter -1 347 078 \u{2212}4 151 407";
    assert_eq!(broken.matches(total).count(), 1);
    let broken = broken.replace(
        total,
        "Sum Frie disponible inntekter -1 347 078 \u{2212}4 151 470",
    );

    let dir = tempfile::tempdir().expect("temp dir");
    for (name, newline) in [("lf.txt", "\n"), ("crlf.txt", "\r\n")] {
        let path = dir.path().join(name);
        std::fs::write(&path, broken.replace('\n', newline)).expect("write");
        let summary = fix(&path);
        let expected = original.replace('\n', newline);
        let fixed = std::fs::read_to_string(&path).expect("read");
        assert!(
            fixed == expected,
            "{name}: not restored byte for byte\n{summary}"
        );
        fix(&path);
        assert!(
            std::fs::read_to_string(&path).expect("read") == expected,
            "{name}: a second run changed the file"
        );
    }
}

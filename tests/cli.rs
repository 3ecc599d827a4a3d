//! The command line: exit codes, bad input, output formats.

use std::process::{Command, Output};

fn rapportlint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rapportlint"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("binary runs")
}

fn tmp(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("rapportlint-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write temp file");
    path.to_string_lossy().into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn bad_input_exits_2_with_a_clear_message() {
    let cases: Vec<(String, &str)> = vec![
        ("fixtures/finnes-ikke.txt".into(), "finnes ikke"),
        (tmp("tom.txt", b""), "tom"),
        (tmp("binaer.txt", b"PK\x03\x04\x00\x00"), "binærfil"),
        (tmp("latin1.txt", b"Bel\xf8p i 1000\n"), "UTF-8"),
        ("fixtures".into(), "mappe"),
    ];
    for (path, needle) in cases {
        for cmd in ["lint", "tables"] {
            let o = rapportlint(&[cmd, &path]);
            assert_eq!(o.status.code(), Some(2), "{cmd} {path}: {}", stderr(&o));
            assert!(stderr(&o).contains(needle), "{cmd} {path}: {}", stderr(&o));
            assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
        }
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(rapportlint(&["lint"]).status.code(), Some(2));
    assert_eq!(rapportlint(&["no-such-command"]).status.code(), Some(2));
    assert_eq!(rapportlint(&["rule", "RL999"]).status.code(), Some(2));
}

#[test]
fn lint_exit_codes_follow_fail_on() {
    // 004 has column relations that do not hold (sick-leave parts, § 5-6 Avvik).
    let report = "fixtures/reports/004_107a323575072c43.txt";
    assert_eq!(rapportlint(&["lint", report]).status.code(), Some(1));
    assert_eq!(
        rapportlint(&["lint", report, "--fail-on", "never"])
            .status
            .code(),
        Some(0)
    );
    // An excerpt whose relations all hold.
    let clean = "fixtures/excerpts/status-per-unit-000-l2263.txt";
    let o = rapportlint(&["lint", clean]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let out = String::from_utf8_lossy(&o.stdout);
    // 14 column relations in the rows, and the Sum row in its six columns.
    assert!(
        out.contains("1 tabeller, 20 summer og kolonneforhold"),
        "{out}"
    );
}

#[test]
fn a_file_without_tables_says_so() {
    let path = tmp(
        "prosa.txt",
        "Dette er bare prosa uten tabeller.\n".as_bytes(),
    );
    let o = rapportlint(&["lint", &path]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("fant ingen tabeller"));
    let o = rapportlint(&["lint", &path, "--lang", "en"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("no tables found"));
}

#[test]
fn lint_json_is_versioned() {
    let o = rapportlint(&[
        "lint",
        "fixtures/reports/004_107a323575072c43.txt",
        "--output-format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["version"], 1);
    assert_eq!(
        v["files"][0]["path"],
        "fixtures/reports/004_107a323575072c43.txt"
    );
    let d = &v["diagnostics"][0];
    for key in [
        "code",
        "rule",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "related",
        "table",
        "expected",
        "found",
        "delta",
    ] {
        assert!(d.get(key).is_some(), "diagnostic lacks {key}: {d}");
    }
    assert_eq!(d["code"], "RL102");
}

#[test]
fn tables_json_contract() {
    let o = rapportlint(&[
        "tables",
        "--format",
        "json",
        "fixtures/excerpts/status-per-unit-000-l2263.txt",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["version"], 1);
    let t = &v["files"][0]["tables"][0];
    for key in [
        "title",
        "unit",
        "first_line",
        "last_line",
        "columns",
        "rows",
    ] {
        assert!(t.get(key).is_some(), "table lacks {key}");
    }
    assert_eq!(t["unit"], "1000");
    assert_eq!(t["columns"][0]["kind"], "revidert-budsjett");
    assert_eq!(t["columns"][0]["period"], "hittil-i-aar");
    let row = t["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["label"] == "203-Enhet barnehage")
        .expect("row 203");
    let cell = &row["cells"][0];
    assert_eq!(cell["text"], "171 037");
    assert_eq!(cell["value"], "171037");
    for key in ["column", "line", "column_start", "column_end"] {
        assert!(cell.get(key).is_some(), "cell lacks {key}");
    }
}

#[test]
fn stats_and_csv() {
    let o = rapportlint(&[
        "tables",
        "--stats",
        "fixtures/reports/001_71f702930307d31b.txt",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("dekning"));
    let o = rapportlint(&[
        "tables",
        "--format",
        "csv",
        "fixtures/excerpts/economy-overview-000-l86.txt",
    ]);
    let csv = String::from_utf8_lossy(&o.stdout);
    assert!(csv.starts_with("path,table,title,row_line,label"), "{csv}");
    assert!(csv.contains("Rammetilskudd"));
}

#[test]
fn rules_are_documented() {
    let o = rapportlint(&["rules"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("RL102"));
    let o = rapportlint(&["rule", "RL102"]);
    let doc = String::from_utf8_lossy(&o.stdout);
    for part in [
        "Hva den gjør",
        "Hvorfor det er viktig",
        "Eksempel",
        "Retting",
    ] {
        assert!(doc.contains(part), "{doc}");
    }
}

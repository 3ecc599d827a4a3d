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
    // 14 column relations in the rows, the Sum row in its six columns, the direction
    // of the two deviation columns, the table's minus signs and its thousands separators.
    assert!(
        out.contains("1 tabeller, 24 summer, kolonneforhold og tellinger"),
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
        "fix",
        "path",
    ] {
        assert!(d.get(key).is_some(), "diagnostic lacks {key}: {d}");
    }
    // Sorted by line: the first finding is Folkevekst at line 636 (RL104).
    assert_eq!(d["code"], "RL104");
    assert_eq!(d["line"], 636);
    assert!(d["fix"].is_null());
    for key in [
        "errors",
        "warnings",
        "infos",
        "relations_checked",
        "relations_skipped",
    ] {
        assert!(v["summary"].get(key).is_some(), "summary lacks {key}");
    }
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

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const SEED_004: &str = "fixtures/reports/004_107a323575072c43.txt";

#[test]
fn github_output_is_workflow_commands() {
    let o = rapportlint(&["lint", SEED_004, "--output-format", "github"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let annotations: Vec<&str> = out.lines().filter(|l| l.starts_with("::")).collect();
    assert!(!annotations.is_empty(), "{out}");
    for a in &annotations {
        assert!(
            a.starts_with("::error file=fixtures/reports/004_107a323575072c43.txt,line=")
                || a.starts_with("::warning file="),
            "{a}"
        );
        // Data is escaped: no raw `%` (9,0 % becomes 9,0 %25), the help joined by %0A.
        let message = a.splitn(3, "::").nth(2).unwrap_or("");
        assert!(!message.contains("% ") && !message.ends_with('%'), "{a}");
    }
    assert!(out.contains("title=RL101 (total-sum)::"), "{out}");
    assert!(
        out.contains("line=2604,col=17,endLine=2604,endColumn=25"),
        "{out}"
    );
    // The summary follows as plain text.
    assert!(out.lines().last().unwrap_or("").starts_with("Kontrollerte"));
}

#[test]
fn sarif_output_carries_rule_metadata() {
    let o = rapportlint(&["lint", SEED_004, "--output-format", "sarif"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("SARIF is JSON");
    assert_eq!(v["version"], "2.1.0");
    let run = &v["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "rapportlint");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert!(
        rules
            .iter()
            .any(|r| r["id"] == "RL101" && r["name"] == "total-sum")
    );
    let results = run["results"].as_array().expect("results");
    let delsum = results
        .iter()
        .find(|r| {
            r["ruleId"] == "RL101"
                && r["locations"][0]["physicalLocation"]["region"]["startLine"] == 2604
        })
        .expect("the Delsum finding");
    assert_eq!(delsum["level"], "error");
    let idx = delsum["ruleIndex"].as_u64().expect("ruleIndex") as usize;
    assert_eq!(rules[idx]["id"], "RL101");
    let related = delsum["relatedLocations"].as_array().expect("related");
    assert!(
        related
            .iter()
            .any(|r| r["physicalLocation"]["region"]["startLine"] == 2602)
    );
}

#[test]
fn json_lines_has_one_diagnostic_per_line() {
    let o = rapportlint(&["lint", SEED_004, "--output-format", "json-lines"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert!(lines.len() >= 5);
    for d in &lines {
        for key in [
            "path", "code", "rule", "severity", "message", "line", "column", "related",
        ] {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
    }
}

#[test]
fn show_rounding_lists_rounding_as_info_and_does_not_fail() {
    let excerpt = "fixtures/excerpts/statutory-5-4-004-l1990.txt";
    let plain = rapportlint(&["lint", excerpt, "--output-format", "concise"]);
    assert_eq!(plain.status.code(), Some(0));
    assert!(!stdout(&plain).contains("[info]"));
    let o = rapportlint(&[
        "lint",
        excerpt,
        "--output-format",
        "concise",
        "--show-rounding",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let out = stdout(&o);
    // Netto finansutgifter 2022: the rows give 338 064, the table prints 338 063.
    assert!(
        out.contains("«Netto finansutgifter» i kolonnen «Regnskap 2022» er 338 063, utregnet 338 064: avrundingsdifferanse -1"),
        "{out}"
    );
    assert!(out.lines().filter(|l| l.contains("[info]")).count() >= 3);
    // --fail-on info turns them into a failure.
    let o = rapportlint(&["lint", excerpt, "--show-rounding", "--fail-on", "info"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn tolerance_is_set_per_rule() {
    // 004:1152 Totalt 9,0 % against 3,0 % + 6,2 %: off by 0,2 beyond rounding.
    let count = |args: &[&str]| {
        let mut all = vec!["lint", SEED_004, "--output-format", "concise"];
        all.extend_from_slice(args);
        stdout(&rapportlint(&all))
            .lines()
            .filter(|l| l.contains(":1152:") && l.contains("RL102"))
            .count()
    };
    assert_eq!(count(&[]), 1);
    assert_eq!(count(&["--tolerance", "RL101=1"]), 1);
    assert_eq!(count(&["--tolerance", "RL102=0,2"]), 0);
    for bad in ["RL102", "RL102=x", "RL999=1", "RL102=-1"] {
        let o = rapportlint(&["lint", SEED_004, "--tolerance", bad]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
    }
}

/// `--diff` shows the safe fixes and writes nothing; `--fix` writes them, byte for byte
/// where they apply and nowhere else (CRLF, BOM and trailing spaces kept), and a second
/// run changes nothing.
#[test]
fn fix_restores_minus_signs_and_is_idempotent() {
    let original = "Driftsregnskap\n\nBeløp i 1000\n\nRegnskap Budsjett Avvik \n\nLønn 120 100 \u{2212}20 \n\nKjøp 90 100 10 \n\nInntekter \u{2212}60 \u{2212}50 10 \n\nSum 150 150 0 \n";
    for (name, crlf, bom) in [("lf.txt", false, false), ("crlf.txt", true, true)] {
        let enc = |t: &str| {
            let t = if crlf {
                t.replace('\n', "\r\n")
            } else {
                t.to_string()
            };
            let mut b = if bom {
                b"\xEF\xBB\xBF".to_vec()
            } else {
                Vec::new()
            };
            b.extend_from_slice(t.as_bytes());
            b
        };
        let broken = original.replacen("\u{2212}50", "-50", 1);
        let path = tmp(name, &enc(&broken));

        let o = rapportlint(&["lint", "--output-format", "json", &path]);
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
        let fix = &json["diagnostics"][0]["fix"];
        assert_eq!(fix["applicability"], "safe", "{json}");
        assert_eq!(fix["edits"][0]["content"], "\u{2212}", "{json}");

        let o = rapportlint(&["lint", "--diff", &path]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(
            stdout(&o).contains("+Inntekter \u{2212}60 \u{2212}50"),
            "{}",
            stdout(&o)
        );
        assert_eq!(std::fs::read(&path).expect("read"), enc(&broken));

        let o = rapportlint(&["lint", "--fix", &path]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert!(stdout(&o).contains("Rettet 1 funn"), "{}", stdout(&o));
        assert_eq!(std::fs::read(&path).expect("read"), enc(original), "{name}");

        let o = rapportlint(&["lint", "--fix", &path]);
        assert!(stdout(&o).contains("Rettet 0 funn"), "{}", stdout(&o));
        assert_eq!(std::fs::read(&path).expect("read"), enc(original), "{name}");
        let o = rapportlint(&["lint", "--diff", &path]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    }
}

/// A total with two digits swapped breaks its column sum and its row's deviation: the
/// one cell in both is the repair, applied only with `--unsafe-fixes`. A total whose
/// only broken relation is its column sum names no single cell: no fix.
#[test]
fn unsafe_fix_repairs_the_one_cell_every_broken_relation_shares() {
    let original = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/excerpts/economy-overview-000-l86.txt"),
    )
    .expect("fixture");
    let broken = original.replacen("\u{2212}4 151 407", "\u{2212}4 151 470", 1);
    assert_ne!(broken, original);
    let path = tmp("unsafe.txt", broken.as_bytes());

    let o = rapportlint(&["lint", "--fix", &path]);
    assert!(
        stdout(&o).contains("1 til kan rettes med --unsafe-fixes"),
        "{}",
        stdout(&o)
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), broken);

    let o = rapportlint(&["lint", "--fix", "--unsafe-fixes", &path]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), original);
    let o = rapportlint(&["lint", "--diff", "--unsafe-fixes", &path]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));

    let counts = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/excerpts/counts-with-total-004-l673.txt"),
    )
    .expect("fixture");
    let lines: Vec<&str> = counts.lines().collect();
    let sum = lines
        .iter()
        .position(|l| l.starts_with("SUM"))
        .expect("a SUM row");
    let changed = counts.replacen(lines[sum], &lines[sum].replacen("55", "56", 1), 1);
    let path = tmp("counts.txt", changed.as_bytes());
    let o = rapportlint(&["lint", "--fix", "--unsafe-fixes", &path]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), changed);
}

fn rapportlint_in(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rapportlint"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("binary runs")
}

/// `rapportlint.toml` is found from the working directory upwards; `ignore`, severity,
/// per-file ignores and `fail-on` apply; `--no-config` and `--config` choose; a bad key
/// is an error that points at its line; `init` writes a starter file once.
#[test]
fn config_selects_rules_and_sets_severity() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sub = dir.path().join("kapittel");
    std::fs::create_dir_all(&sub).expect("dir");
    // The 002 table with trailing minus signs (RL202, a warning) and nothing else.
    let seed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/reports/002_ca4bfe8b9a121cce.txt"),
    )
    .expect("seed");
    std::fs::write(sub.join("r.txt"), &seed).expect("write");
    let lint = |args: &[&str]| {
        let mut all = vec!["lint", "--output-format", "concise"];
        all.extend_from_slice(args);
        all.push("r.txt");
        rapportlint_in(&sub, &all)
    };
    let o = lint(&[]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("RL202 [advarsel]"), "{}", stdout(&o));

    let cfg = dir.path().join("rapportlint.toml");
    std::fs::write(&cfg, "[severity]\nRL202 = \"error\"\n").expect("write");
    let o = lint(&[]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(stdout(&o).contains("RL202 [feil]"), "{}", stdout(&o));
    assert_eq!(lint(&["--no-config"]).status.code(), Some(0));

    std::fs::write(&cfg, "fail-on = \"warning\"\n").expect("write");
    assert_eq!(lint(&[]).status.code(), Some(1));
    assert_eq!(lint(&["--fail-on", "error"]).status.code(), Some(0));

    std::fs::write(&cfg, "ignore = [\"RL2\"]\nfail-on = \"warning\"\n").expect("write");
    let o = lint(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(!stdout(&o).contains("RL202"));

    std::fs::write(
        &cfg,
        "[per-file-ignores]\n\"kapittel/*.txt\" = [\"mixed-minus\"]\n",
    )
    .expect("write");
    let o = rapportlint_in(
        dir.path(),
        &["lint", "--output-format", "concise", "kapittel/r.txt"],
    );
    assert!(!stdout(&o).contains("RL202"), "{}", stdout(&o));
    // From inside the folder, the pattern still matches from the config's folder.
    let o = lint(&[]);
    assert!(!stdout(&o).contains("RL202"), "{}", stdout(&o));

    std::fs::write(&cfg, "select = [\"RL1\"]\n\nignorer = [\"RL202\"]\n").expect("write");
    let o = lint(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("ignorer"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("rapportlint.toml:3:1"),
        "{}",
        stderr(&o)
    );
    // An explicit --config is read instead.
    let other = dir.path().join("annen.toml");
    std::fs::write(&other, "ignore = [\"RL202\"]\n").expect("write");
    let o = lint(&["--config", other.to_str().expect("utf-8 path")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));

    std::fs::remove_file(&cfg).expect("remove");
    let o = rapportlint_in(dir.path(), &["init"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(cfg.is_file());
    assert_eq!(rapportlint_in(dir.path(), &["init"]).status.code(), Some(2));
    assert_eq!(lint(&[]).status.code(), Some(0), "the starter file loads");
}

/// A baseline hides the findings recorded in it, still after ten lines are inserted at
/// the top, and not a new one.
#[test]
fn baseline_hides_recorded_findings_by_key_not_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let seed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/reports/004_107a323575072c43.txt"),
    )
    .expect("seed");
    std::fs::write(dir.path().join("r.txt"), &seed).expect("write");
    let run = |args: &[&str]| {
        let mut all = vec![
            "lint",
            "--output-format",
            "concise",
            "--baseline",
            "godtatt.json",
        ];
        all.extend_from_slice(args);
        all.push("r.txt");
        rapportlint_in(dir.path(), &all)
    };
    // Reading a baseline that does not exist is an error.
    assert_eq!(run(&[]).status.code(), Some(2));
    let o = run(&["--update-baseline"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let recorded = std::fs::read_to_string(dir.path().join("godtatt.json")).expect("baseline");
    assert!(recorded.contains("\"code\": \"RL101\""), "{recorded}");
    assert!(
        !recorded.contains("\"line\""),
        "keyed without lines: {recorded}"
    );

    let o = run(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("Funn: 0 feil"), "{}", stdout(&o));
    assert!(stdout(&o).contains("skjult av baseline"), "{}", stdout(&o));

    let moved = format!("{}{seed}", "Ny innledning\n".repeat(10));
    std::fs::write(dir.path().join("r.txt"), &moved).expect("write");
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));

    // A new error is not hidden.
    let changed = moved.replacen(
        "Netto resultat 354 508 372 983",
        "Netto resultat 354 508 372 883",
        1,
    );
    assert_ne!(changed, moved);
    std::fs::write(dir.path().join("r.txt"), &changed).expect("write");
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
}

/// Windows-1252, UTF-16 (with BOM) and CRLF copies of a report give the same findings as
/// the UTF-8 file, and `--fix` writes a Windows-1252 file back in Windows-1252.
#[test]
fn encodings_and_line_endings_give_the_same_findings() {
    let original = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/excerpts/economy-overview-000-l86.txt"),
    )
    .expect("fixture");
    // Windows-1252 has no U+2212: write the minus as a hyphen in every copy.
    let text = original
        .replace('\u{2212}', "-")
        .replacen("-4 151 407", "-4 151 470", 1);
    let findings = |name: &str, bytes: Vec<u8>| {
        let path = tmp(name, &bytes);
        let o = rapportlint(&["lint", "--output-format", "json", &path]);
        assert_eq!(o.status.code(), Some(1), "{name}: {}", stderr(&o));
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
        json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| {
                (
                    d["code"].to_string(),
                    d["line"].to_string(),
                    d["message"].to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    let utf8 = findings("enc-utf8.txt", text.as_bytes().to_vec());
    assert!(!utf8.is_empty());
    let (cp1252, _, lossy) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!lossy);
    assert_ne!(cp1252.as_ref(), text.as_bytes(), "the excerpt has ø and å");
    assert_eq!(findings("enc-cp1252.txt", cp1252.to_vec()), utf8);
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(findings("enc-utf16.txt", utf16), utf8);
    let crlf = text.replace('\n', "\r\n");
    assert_eq!(findings("enc-crlf.txt", crlf.into_bytes()), utf8);

    // A safe fix in a Windows-1252 file: trailing minus to leading, written back as 1252.
    let trailing = text
        .replacen("-546 242", "546 242-", 1)
        .replacen("-2 050 072", "2 050 072-", 1);
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&trailing);
    let path = tmp("enc-fix.txt", &bytes);
    let o = rapportlint(&["lint", "--fix", &path]);
    assert!(stdout(&o).contains("Rettet 1 funn"), "{}", stdout(&o));
    let written = std::fs::read(&path).expect("read");
    let expected =
        trailing
            .replacen("546 242-", "-546 242", 1)
            .replacen("2 050 072-", "-2 050 072", 1);
    assert_eq!(
        written,
        encoding_rs::WINDOWS_1252.encode(&expected).0.to_vec()
    );
}

/// A directory is walked: report files in a deterministic order, `.gitignore` honoured,
/// a bad file found there skipped with a note; a directory without reports exits 2.
#[test]
fn directories_are_walked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("b/c")).expect("dirs");
    let excerpt = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/excerpts/economy-overview-000-l86.txt"),
    )
    .expect("fixture");
    let broken = excerpt.replacen("\u{2212}4 151 407", "\u{2212}4 151 470", 1);
    std::fs::write(root.join("b/c/z.txt"), &broken).expect("write");
    std::fs::write(root.join("a.md"), &broken).expect("write");
    std::fs::write(root.join("b/ignorert.txt"), &broken).expect("write");
    std::fs::write(root.join("b/.gitignore"), "ignorert.txt\n").expect("write");
    std::fs::write(root.join("bilde.png"), b"\x89PNG\0\0").expect("write");
    std::fs::write(root.join("tom.txt"), b"").expect("write");
    // The ignore crate honours .gitignore inside a git repository only; make it one.
    std::fs::create_dir_all(root.join(".git")).expect("git dir");
    let o = rapportlint_in(root, &["lint", "--output-format", "concise", "."]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    let files: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("RL101"))
        .map(|l| l.split(':').next().unwrap_or(""))
        .collect();
    assert_eq!(files, ["./a.md", "./b/c/z.txt"], "{out}");
    assert!(stderr(&o).contains("tom.txt"), "{}", stderr(&o));
    assert!(out.contains("Kontrollerte 2 fil(er)"), "{out}");

    let empty = root.join("tom-mappe");
    std::fs::create_dir_all(&empty).expect("dir");
    let o = rapportlint_in(root, &["lint", "tom-mappe"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("ingen rapportfiler"), "{}", stderr(&o));
}

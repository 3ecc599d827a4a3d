//! Status fields of the seeds against the hand-read ground truth in
//! `fixtures/status-truth/` (see its README): every status cell of a status table is
//! read, at its line, with its value; the counts per value are pinned.

use rapportlint::model::Document;
use rapportlint::vocab::Vocab;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

#[derive(Deserialize)]
struct Truth {
    tables: Vec<TruthTable>,
}

#[derive(Deserialize)]
struct TruthTable {
    layout: String,
    rows: Vec<TruthRow>,
}

#[derive(Deserialize)]
struct TruthRow {
    line: usize,
    status: String,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(name: &str) -> Document {
    let vocab = Vocab::embedded().expect("embedded rules load");
    let src = rapportlint::source::read(&root().join("fixtures/reports").join(name))
        .expect("fixture reads");
    rapportlint::read_text(name, src.text, &vocab)
}

/// Every status field the reader found: line → status text (`""` when empty), for the
/// rows that carry one (`Table::status_rows`).
fn status_fields(doc: &Document) -> HashMap<usize, String> {
    let mut out = HashMap::new();
    for t in &doc.tables {
        for (row, cell) in t.status_rows() {
            match cell {
                Some(c) => {
                    out.insert(
                        c.line,
                        c.text.split_whitespace().collect::<Vec<_>>().join(" "),
                    );
                }
                None => {
                    out.insert(row.line, String::new());
                }
            }
        }
    }
    out
}

/// Compare with the truth: the rows of every layout but those in `unread` must be read
/// exactly (line and value); returns the count per printed value of what was read.
fn check(seed: &str, unread: &[&str]) -> BTreeMap<String, usize> {
    let truth: Truth = toml::from_str(
        &std::fs::read_to_string(
            root()
                .join("fixtures/status-truth")
                .join(format!("{seed}.toml")),
        )
        .expect("truth reads"),
    )
    .expect("truth parses");
    let doc = read(&format!("{seed}.txt"));
    let ours = status_fields(&doc);
    let mut misses = Vec::new();
    let mut counts = BTreeMap::new();
    for t in &truth.tables {
        if unread.contains(&t.layout.as_str()) {
            continue;
        }
        for r in &t.rows {
            match ours.get(&r.line) {
                Some(v) if *v == r.status => {
                    *counts.entry(v.clone()).or_default() += 1;
                }
                other => misses.push(format!("{}: {:?}, read {other:?}", r.line, r.status)),
            }
        }
    }
    assert!(
        misses.is_empty(),
        "{seed}: status fields not read:\n{}",
        misses.join("\n")
    );
    counts
}

#[test]
fn seed_000_status_fields() {
    // The climate tables with free-text statuses (`free-text` in the truth) are not read
    // as status tables yet: their three columns interleave at page breaks.
    let counts = check("000_5b22cc073d5bff98", &["free-text"]);
    let want: BTreeMap<String, usize> = [
        ("Iht. plan", 243),
        ("Henhold til plan", 172),
        ("Ikke i henhold til plan", 13),
        ("Ferdig", 15),
        ("Forsinket", 15),
        ("Ikke startet", 9),
        ("I arbeid", 1),
        ("", 3),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    assert_eq!(counts, want);
}

#[test]
fn seed_004_status_fields() {
    // Investment projects: the `Est. ferdig` cell among the numbers (a quarter, `Ferdig`
    // or `LØPENDE`), three of them empty.
    let counts = check("004_107a323575072c43", &[]);
    let quarters: usize = counts
        .iter()
        .filter(|(k, _)| k.contains("K-"))
        .map(|(_, v)| v)
        .sum();
    assert_eq!(quarters, 53);
    assert_eq!(counts.get("Ferdig"), Some(&17));
    assert_eq!(counts.get("LØPENDE"), Some(&15));
    assert_eq!(counts.get(""), Some(&3));
    assert_eq!(counts.values().sum::<usize>(), 88);
}

/// A list with more columns between the task and its status (`Tiltak Ansvarlig Frist
/// Status`), rows separated by lines of one space: every status read, the empty one
/// found.
#[test]
fn a_status_list_with_responsible_and_deadline_columns() {
    let text = "Handlingsplan 2025\n\nTiltak Ansvarlig Frist Status\n\nEtablere næringsråd\n\nKommunedirektør\n\n2025\n\nFerdig Rådet er etablert.\n\n \n\nNy plan for arealer\n\nPlansjef\n\n2026\n\nI arbeid Planen er på høring.\n\n \n\nGründerstipend\n\nNæringssjef\n\n2025\n\n Ordningen er lansert.\n\n \n\nNeste kapittel er prosa med en lang setning som går over hele linjen og mer enn hundre tegn bredt.\n";
    let vocab = Vocab::embedded().expect("embedded rules load");
    let doc = rapportlint::read_text("plan.txt", text.to_string(), &vocab);
    let fields = status_fields(&doc);
    assert_eq!(fields.get(&11).map(String::as_str), Some("Ferdig"));
    assert_eq!(fields.get(&21).map(String::as_str), Some("I arbeid"));
    assert_eq!(fields.get(&31).map(String::as_str), Some(""));
    assert_eq!(fields.len(), 3);
}

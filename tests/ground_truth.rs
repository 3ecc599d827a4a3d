//! How close the reading comes to the hand-verified ground truth in
//! `fixtures/excerpts/*.expect.toml` (cells decided by each table's own arithmetic, see
//! `fixtures/excerpts/README.md`).
//!
//! Every expected row is looked up by its line; the row counts as read right when its
//! numeric cells, column by column, are exactly the printed texts expected (empty cells
//! included), and a status cell, where one is expected, says the same. The test pins a
//! floor for the share of rows read right and lists every miss, so a change that reads
//! fewer rows right fails.

use rapportlint::model::Document;
use rapportlint::vocab::Vocab;
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Expect {
    #[serde(default)]
    tables: Vec<ExpTable>,
}

#[derive(Deserialize)]
struct ExpTable {
    #[serde(default)]
    rows: Vec<ExpRow>,
}

#[derive(Deserialize)]
struct ExpRow {
    line: usize,
    #[serde(default)]
    cells: Vec<String>,
    status: Option<String>,
}

fn numeric_cells(doc: &Document, line: usize) -> Option<(Vec<String>, Option<String>)> {
    for t in &doc.tables {
        let numeric: Vec<usize> = (0..t.columns.len())
            .filter(|&i| !t.columns[i].kind.is_text())
            .collect();
        let status = t.status_column();
        for r in &t.rows {
            if r.line == line || (r.cells.is_empty() && r.label_lines.contains(&line)) {
                let cells = numeric
                    .iter()
                    .map(|&c| r.cell(c).map(|x| x.text.clone()).unwrap_or_default())
                    .collect();
                let st = status.and_then(|s| r.cell(s)).map(|c| c.text.clone());
                return Some((cells, st));
            }
        }
    }
    None
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn rows_read_right() {
    let vocab = Vocab::embedded().expect("embedded rules load");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/excerpts");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("excerpts exist")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".expect.toml"))
        .collect();
    names.sort();
    let (mut total, mut right) = (0usize, 0usize);
    let mut misses = Vec::new();
    for path in names {
        let expect: Expect = toml::from_str(&std::fs::read_to_string(&path).expect("readable"))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let txt = path.to_string_lossy().replace(".expect.toml", ".txt");
        let src = rapportlint::source::read(Path::new(&txt)).expect("excerpt reads");
        let name = Path::new(&txt)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let doc = rapportlint::read_text(&name, src.text, &vocab);
        for t in &expect.tables {
            for row in &t.rows {
                total += 1;
                let got = numeric_cells(&doc, row.line);
                let ok = match &got {
                    Some((cells, status)) => {
                        let cells_ok = row.cells.is_empty()
                            || cells.len() == row.cells.len()
                                && cells
                                    .iter()
                                    .zip(&row.cells)
                                    .all(|(a, b)| norm(a) == norm(b));
                        let status_ok = match &row.status {
                            Some(s) if !s.is_empty() => {
                                status.as_deref().map(norm) == Some(norm(s))
                            }
                            Some(_) => status.is_none(),
                            None => true,
                        };
                        cells_ok && status_ok
                    }
                    None => false,
                };
                if ok {
                    right += 1;
                } else {
                    misses.push(format!(
                        "{name}:{}: expected {:?} {:?}, read {:?}",
                        row.line, row.cells, row.status, got
                    ));
                }
            }
        }
    }
    let share = right as f64 * 100.0 / total.max(1) as f64;
    eprintln!("{right} of {total} rows read right ({share:.1} %)");
    for m in &misses {
        eprintln!("  {m}");
    }
    assert!(total > 400, "ground truth shrank: {total} rows");
    assert!(
        share >= FLOOR,
        "{share:.1} % of rows read right, floor {FLOOR} %"
    );
}

/// The share of ground-truth rows read right today; raise it as the reading improves.
const FLOOR: f64 = 96.5;

//! Whole-report tests on the four real reports in `fixtures/reports/`.

use rapportlint::model::{Document, TableKind};
use rapportlint::output;
use rapportlint::vocab::Vocab;
use std::path::Path;

fn read(name: &str) -> (Document, Vocab) {
    let vocab = Vocab::embedded().expect("embedded rules load");
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/reports")
        .join(name);
    let src = rapportlint::source::read(&path).expect("fixture reads");
    (rapportlint::read_text(name, src.text, &vocab), vocab)
}

/// At least 97 % of the lines that hold two or more numbers laid out as a row end up
/// in a table (`tables --stats`), per seed.
#[test]
fn coverage_floor_per_seed() {
    for name in [
        "000_5b22cc073d5bff98.txt",
        "001_71f702930307d31b.txt",
        "002_ca4bfe8b9a121cce.txt",
        "004_107a323575072c43.txt",
    ] {
        let (doc, vocab) = read(name);
        let s = output::stats(&doc, &vocab);
        assert!(
            s.coverage() >= 97.0,
            "{name}: coverage {:.1} % (in {}, unread {:?}, outside {:?})",
            s.coverage(),
            s.numeric_lines_in_tables,
            s.unread,
            s.outside_lines
        );
        assert!(s.tables > 0, "{name}: no tables");
    }
}

fn row_cells(doc: &Document, line: usize) -> Vec<String> {
    for t in &doc.tables {
        for r in &t.rows {
            if r.line == line {
                let mut cells: Vec<_> = r.cells.iter().collect();
                cells.sort_by_key(|c| c.column);
                return cells.iter().map(|c| c.text.clone()).collect();
            }
        }
    }
    panic!("no row at line {line}");
}

/// 000 line 2297: `171 037 170 359 679 497 499 496 999 500` allows 126 groupings; the
/// table's two Avvik relations pick one.
#[test]
fn relations_choose_the_grouping() {
    let (doc, _) = read("000_5b22cc073d5bff98.txt");
    assert_eq!(
        row_cells(&doc, 2297),
        ["171 037", "170 359", "679", "497 499", "496 999", "500"]
    );
    // Label digits stay in the label (000 line 4649: `Storebaugveien 8`).
    assert_eq!(row_cells(&doc, 4649), ["1 324", "344", "1 324", "0"]);
    assert_eq!(row_cells(&doc, 4657), ["8 000", "0", "8 000", "0"]);
}

/// 004 lines 3488–3800: empty cells vanished; the spacing and the column count place them.
#[test]
fn sparse_rows_keep_their_columns() {
    let (doc, _) = read("004_107a323575072c43.txt");
    let t = doc
        .tables
        .iter()
        .find(|t| t.first_line <= 3503 && t.last_line >= 3800)
        .expect("project table");
    assert_eq!(t.columns.len(), 4, "{:?}", t.columns);
    let row = t.rows.iter().find(|r| r.line == 3511).expect("row 3511");
    let cols: Vec<(usize, &str)> = row
        .cells
        .iter()
        .map(|c| (c.column, c.text.as_str()))
        .collect();
    assert_eq!(cols, [(0, "1 661 101"), (1, "28 899"), (3, "1 690 000")]);
}

/// Status tables are read as tables, and a numeric table's status column too.
#[test]
fn status_tables_are_tables() {
    let (doc, vocab) = read("000_5b22cc073d5bff98.txt");
    assert!(doc.tables.iter().any(|t| t.kind == TableKind::Status));
    let s = output::stats(&doc, &vocab);
    assert!(s.status_fields > 300, "{s:?}");
    assert!(
        s.status_values.get("Iht. plan").copied().unwrap_or(0) > 100,
        "{s:?}"
    );
}

/// Every cell's span points at its printed text.
#[test]
fn cell_spans_point_at_the_text() {
    for name in ["000_5b22cc073d5bff98.txt", "004_107a323575072c43.txt"] {
        let (doc, _) = read(name);
        for t in &doc.tables {
            for r in &t.rows {
                for c in &r.cells {
                    let line = doc.line_text(c.line);
                    let chars: String = line
                        .chars()
                        .skip(c.column_start - 1)
                        .take(c.column_end - c.column_start)
                        .collect();
                    if !c.text.contains(' ') || c.text.len() <= chars.len() {
                        assert!(
                            c.text.starts_with(chars.trim()) || chars.trim().starts_with(&c.text),
                            "{name}:{}: cell {:?} but columns {}..{} hold {:?}",
                            c.line,
                            c.text,
                            c.column_start,
                            c.column_end,
                            chars
                        );
                    }
                    assert_eq!(
                        &doc.text[c.span.0..c.span.1].chars().next(),
                        &c.text.chars().next()
                    );
                }
            }
        }
    }
}

/// Same input, same output: the reading never depends on hash order.
#[test]
fn output_is_deterministic() {
    let (a, _) = read("002_ca4bfe8b9a121cce.txt");
    let (b, _) = read("002_ca4bfe8b9a121cce.txt");
    assert_eq!(output::tables_json(&[a]), output::tables_json(&[b]));
}

/// A table that goes on after a page break without repeating its header takes the
/// header of the table it continues (synthetic, in the layout of the 000 savings annex).
#[test]
fn continued_table_inherits_its_header() {
    let vocab = Vocab::embedded().expect("embedded rules load");
    // A long comment under the second row ends the first table before the page break.
    let comment = "Tiltaket gjelder drift\n".repeat(26);
    let text = format!(
        "Beløp i 1000\n\nTiltak 2025 2026 2027 2028\n\nFørste tiltak -100 -200 -300 -400\n\nAndre tiltak -10 -20 -30 -40\n{comment}\nSide 7 av 9\n Tredje tiltak\n\n-1 000 -2 000 -3 000 -4 000\n\nFjerde tiltak -5 -6 -7 -8\n"
    );
    let doc = rapportlint::read_text("t.txt", text, &vocab);
    assert_eq!(doc.tables.len(), 2, "{:?}", doc.tables);
    for t in &doc.tables {
        let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["2025", "2026", "2027", "2028"], "{t:?}");
        assert_eq!(t.unit.map(|u| u.factor()), Some("1000"));
    }
    let labels: Vec<&str> = doc
        .tables
        .iter()
        .flat_map(|t| &t.rows)
        .map(|r| r.label.as_str())
        .collect();
    assert!(labels.contains(&"Tredje tiltak"), "{labels:?}");
}

/// In a table with a comment column, numbers followed by text are a row and its
/// comment, digits inside the comment included, and the comment goes on over the line
/// under it (layout of 004 lines 766–808, with known header words).
#[test]
fn numbers_then_comment_make_a_row() {
    let vocab = Vocab::embedded().expect("embedded rules load");
    let text = "Fag Regnskap Budsjett Merknad\n\nBarne- og ungdomsarbeider\n\n11 3 2 lærlinger har gjennomført\ndeler av læretiden i utlandet\n\nHelsefag 10 4\n\nHestefag 0 0\n";
    let doc = rapportlint::read_text("t.txt", text.to_string(), &vocab);
    assert_eq!(doc.tables.len(), 1);
    let row = doc.tables[0]
        .rows
        .iter()
        .find(|r| r.line == 5)
        .expect("row at line 5");
    assert_eq!(row.label, "Barne- og ungdomsarbeider");
    let cells: Vec<&str> = row.cells.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        cells,
        [
            "11",
            "3",
            "2 lærlinger har gjennomført deler av læretiden i utlandet"
        ]
    );
}

/// Rows labelled by a year (`2023 74,5 % 4 528 …`, the layout of 004 lines 862–873)
/// take the year as their label, so that it is not read as a cell; numbers-only rows
/// whose first amounts merely look like years (not a run of close years) keep them as
/// cells.
#[test]
fn year_labelled_rows() {
    let vocab = Vocab::embedded().expect("embedded rules load");
    let text = "Ansatte\n\nKvinner Menn\n\n2023 74,5 % 4 528 25,5 % 1 359\n\n2022 78,7 % 4 409 21,3 % 1 196\n\n2021 79,3 % 4 580 20,7 % 1 199\n";
    let doc = rapportlint::read_text("t.txt", text.to_string(), &vocab);
    assert_eq!(doc.tables.len(), 1, "{:?}", doc.tables);
    let t = &doc.tables[0];
    let names: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["Kvinner (1)", "Kvinner (2)", "Menn (1)", "Menn (2)"]
    );
    let rows: Vec<(&str, Vec<&str>)> = t
        .rows
        .iter()
        .filter(|r| !r.cells.is_empty())
        .map(|r| {
            (
                r.label.as_str(),
                r.cells.iter().map(|c| c.text.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        rows[0],
        ("2023", vec!["74,5 %", "4 528", "25,5 %", "1 359"])
    );
    assert_eq!(rows.len(), 3);

    let text = "Regnskap Budsjett\n\n1998 300\n\n2020 410\n";
    let doc = rapportlint::read_text("t.txt", text.to_string(), &vocab);
    let cells: Vec<&str> = doc
        .tables
        .iter()
        .flat_map(|t| &t.rows)
        .flat_map(|r| &r.cells)
        .map(|c| c.text.as_str())
        .collect();
    assert!(cells.contains(&"1998"), "{:?}", doc.tables);
}

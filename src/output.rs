//! Showing how tables were read: JSON (a versioned contract), CSV, Markdown, and counts.

use crate::model::{Document, RowKind, Table, TableKind};
use crate::vocab::Vocab;
use serde::Serialize;
use std::collections::BTreeMap;

/// Version of the `tables --format json` contract. Bumped on any incompatible change.
pub const TABLES_JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct FileTables<'a> {
    path: &'a str,
    tables: Vec<TableOut<'a>>,
}

#[derive(Serialize)]
struct TableOut<'a> {
    title: &'a Option<String>,
    unit: Option<&'static str>,
    kind: TableKind,
    first_line: usize,
    last_line: usize,
    columns: &'a [crate::model::Column],
    rows: &'a [crate::model::Row],
}

#[derive(Serialize)]
struct TablesJson<'a> {
    version: u32,
    tool: Tool,
    files: Vec<FileTables<'a>>,
}

fn table_out(t: &Table) -> TableOut<'_> {
    TableOut {
        title: &t.title,
        unit: t.unit.map(|u| u.factor()),
        kind: t.kind,
        first_line: t.first_line,
        last_line: t.last_line,
        columns: &t.columns,
        rows: &t.rows,
    }
}

/// The `tables --format json` document.
pub fn tables_json(docs: &[Document]) -> String {
    let out = TablesJson {
        version: TABLES_JSON_VERSION,
        tool: Tool {
            name: "rapportlint",
            version: env!("CARGO_PKG_VERSION"),
        },
        files: docs
            .iter()
            .map(|d| FileTables {
                path: &d.path,
                tables: d.tables.iter().map(table_out).collect(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&out).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// One CSV record per cell.
pub fn tables_csv(docs: &[Document]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "path",
        "table",
        "title",
        "row_line",
        "label",
        "row_kind",
        "column",
        "column_kind",
        "text",
        "value",
        "line",
        "column_start",
        "column_end",
    ])?;
    for d in docs {
        for (ti, t) in d.tables.iter().enumerate() {
            for r in &t.rows {
                for c in &r.cells {
                    let col = t.columns.get(c.column);
                    w.write_record([
                        d.path.as_str(),
                        &(ti + 1).to_string(),
                        t.title.as_deref().unwrap_or(""),
                        &r.line.to_string(),
                        &r.label,
                        kind_name(r.kind),
                        col.map_or("", |c| c.name.as_str()),
                        col.map_or("", |c| c.kind.name()),
                        &c.text,
                        &c.value.map(|v| v.to_string()).unwrap_or_default(),
                        &c.line.to_string(),
                        &c.column_start.to_string(),
                        &c.column_end.to_string(),
                    ])?;
                }
            }
        }
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn kind_name(k: RowKind) -> &'static str {
    match k {
        RowKind::Item => "item",
        RowKind::Heading => "heading",
        RowKind::Subtotal => "subtotal",
        RowKind::Total => "total",
        RowKind::Average => "average",
        RowKind::Breakdown => "breakdown",
        RowKind::Excluded => "excluded",
        RowKind::UnlabelledTotal => "unlabelled-total",
        RowKind::Task => "task",
    }
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|")
}

/// Every table as a Markdown table, with its place in the file.
pub fn tables_markdown(docs: &[Document]) -> String {
    let mut out = String::new();
    for d in docs {
        out.push_str(&format!("# {}\n\n", d.path));
        if d.tables.is_empty() {
            out.push_str("Ingen tabeller funnet.\n\n");
        }
        for (ti, t) in d.tables.iter().enumerate() {
            out.push_str(&table_markdown(ti + 1, t));
        }
    }
    out
}

/// One table as Markdown.
pub fn table_markdown(index: usize, t: &Table) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "## Tabell {index}: {} (linje {}–{}, {})\n\n",
        t.title.as_deref().unwrap_or("uten tittel"),
        t.first_line,
        t.last_line,
        match t.unit {
            Some(u) => format!("enhet {}", u.factor()),
            None => "enhet ikke oppgitt".to_string(),
        }
    ));
    out.push_str("| linje | rad | type |");
    for c in &t.columns {
        let period = match serde_json::to_value(c.period) {
            Ok(serde_json::Value::String(p)) => format!(", {p}"),
            _ => String::new(),
        };
        out.push_str(&format!(
            " {} ({}{}) |",
            md_escape(&c.name),
            c.kind.name(),
            period
        ));
    }
    out.push('\n');
    out.push_str("|---|---|---|");
    for _ in &t.columns {
        out.push_str("---|");
    }
    out.push('\n');
    for r in &t.rows {
        out.push_str(&format!(
            "| {} | {} | {}{} |",
            r.line,
            md_escape(&r.label),
            kind_name(r.kind),
            if r.ambiguous { " (tvetydig)" } else { "" }
        ));
        for ci in 0..t.columns.len() {
            let cell = r.cell(ci).map(|c| md_escape(&c.text)).unwrap_or_default();
            out.push_str(&format!(" {cell} |"));
        }
        out.push('\n');
    }
    if !t.unread_lines.is_empty() {
        out.push_str(&format!(
            "\nLinjer med tall som ikke passet kolonnene: {:?}\n",
            t.unread_lines
        ));
    }
    out.push('\n');
    out
}

/// Counts for `tables --stats`.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Stats {
    pub path: String,
    pub tables: usize,
    pub status_tables: usize,
    pub rows: usize,
    pub cells: usize,
    pub ambiguous_rows: usize,
    /// Lines with two or more numbers in a table region that became rows.
    pub numeric_lines_in_tables: usize,
    /// Lines with numbers inside a table that no reading fitted.
    pub unread_lines: usize,
    /// Lines with two or more numbers laid out like a row, outside every table.
    pub numeric_lines_outside: usize,
    /// Which lines those are (1-based), for review.
    pub outside_lines: Vec<usize>,
    /// Lines inside tables whose numbers no reading fitted (1-based).
    pub unread: Vec<usize>,
    pub status_fields: usize,
    pub status_missing: usize,
    /// Status values counted by their canonical spelling.
    pub status_values: BTreeMap<String, usize>,
}

impl Stats {
    /// Share of row-like numeric lines that ended up in a table, in percent.
    pub fn coverage(&self) -> f64 {
        let inside = self.numeric_lines_in_tables;
        let total = inside + self.numeric_lines_outside + self.unread_lines;
        if total == 0 {
            100.0
        } else {
            inside as f64 * 100.0 / total as f64
        }
    }
}

/// Count what a document yielded.
pub fn stats(d: &Document, vocab: &Vocab) -> Stats {
    let mut s = Stats {
        path: d.path.clone(),
        ..Stats::default()
    };
    for t in &d.tables {
        s.tables += 1;
        if t.kind == TableKind::Status {
            s.status_tables += 1;
        }
        s.unread_lines += t.unread_lines.len();
        let mut lines = std::collections::BTreeSet::new();
        for r in &t.rows {
            s.rows += 1;
            s.cells += r.cells.len();
            if r.ambiguous {
                s.ambiguous_rows += 1;
            }
            for c in r.cells.iter().filter(|c| c.value.is_some()) {
                lines.insert(c.line);
            }
        }
        for (_, cell) in t.status_rows() {
            match cell {
                Some(c) => {
                    s.status_fields += 1;
                    // Counted as the rules know the value: the whole cell, by its canonical
                    // spelling; anything else as printed.
                    let name = vocab
                        .status_value(&c.text)
                        .map(|i| vocab.statuses[i].canonical.clone())
                        .unwrap_or_else(|| c.text.split_whitespace().collect::<Vec<_>>().join(" "));
                    *s.status_values.entry(name).or_default() += 1;
                }
                None => s.status_missing += 1,
            }
        }
        s.numeric_lines_in_tables += lines.len();
    }
    s.numeric_lines_outside = d.outside_lines.len();
    s.outside_lines = d.outside_lines.clone();
    s.unread = d
        .tables
        .iter()
        .flat_map(|t| t.unread_lines.iter().copied())
        .collect();
    s
}

/// `--stats` as text.
pub fn stats_text(s: &Stats) -> String {
    let mut out = format!(
        "{}: {} tabeller ({} statustabeller), {} rader, {} celler, {} tvetydige rader\n  \
         linjer med tall: {} i tabeller, {} uleste i tabeller, {} utenfor tabeller (dekning {:.1} %)\n  \
         statusfelt: {} lest, {} mangler",
        s.path,
        s.tables,
        s.status_tables,
        s.rows,
        s.cells,
        s.ambiguous_rows,
        s.numeric_lines_in_tables,
        s.unread_lines,
        s.numeric_lines_outside,
        s.coverage(),
        s.status_fields,
        s.status_missing
    );
    for (k, v) in &s.status_values {
        out.push_str(&format!("\n    {k}: {v}"));
    }
    out
}

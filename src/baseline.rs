//! A baseline: findings a team has accepted, recorded once and hidden afterwards.
//!
//! Entries are keyed by file, table title, row label, column and rule code, never by line
//! number, so that edits elsewhere in the report keep the baseline valid.

use crate::model::Document;
use crate::rules::Diagnostic;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One accepted finding (or several with the same key).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The report, relative to the baseline file's folder where it can be.
    pub path: String,
    pub code: String,
    /// The table's title (none when it has none).
    pub table: Option<String>,
    /// The row's label, or empty for a finding on a header or a whole table.
    pub row: String,
    /// The column's name, or empty.
    pub column: String,
    /// How many findings share this key.
    pub count: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

/// Why a baseline could not be read or written.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum BaselineError {
    #[error("{path}: baseline kan ikke leses: {message}")]
    #[diagnostic(
        code(rapportlint::baseline),
        help("Lag den med `rapportlint lint --baseline {path} --update-baseline RAPPORT...`.")
    )]
    Read { path: String, message: String },
    #[error("{path}: baseline kan ikke skrives: {message}")]
    #[diagnostic(code(rapportlint::baseline))]
    Write { path: String, message: String },
}

/// The key of a finding, without the count.
type Key = (String, String, Option<String>, String, String);

/// The baseline file and the keys it holds.
#[derive(Debug, Clone)]
pub struct Baseline {
    path: PathBuf,
    counts: BTreeMap<Key, usize>,
}

impl Baseline {
    /// Read a baseline file.
    pub fn read(path: &Path) -> Result<Self, BaselineError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| BaselineError::Read {
            path: shown.clone(),
            message: e.to_string(),
        })?;
        let file: File = serde_json::from_str(&text).map_err(|e| BaselineError::Read {
            path: shown.clone(),
            message: e.to_string(),
        })?;
        if file.version != 1 {
            return Err(BaselineError::Read {
                path: shown,
                message: format!("ukjent versjon {}", file.version),
            });
        }
        let mut counts = BTreeMap::new();
        for e in file.findings {
            *counts
                .entry((e.path, e.code, e.table, e.row, e.column))
                .or_default() += e.count;
        }
        Ok(Baseline {
            path: path.to_path_buf(),
            counts,
        })
    }

    /// An empty baseline to be written at `path`.
    pub fn empty(path: &Path) -> Self {
        Baseline {
            path: path.to_path_buf(),
            counts: BTreeMap::new(),
        }
    }

    /// The key of a finding in a document.
    fn key(&self, doc: &Document, d: &Diagnostic) -> Key {
        let (row, column) = place_names(doc, d);
        (
            self.relative(&doc.path),
            d.code.to_string(),
            d.table.title.clone(),
            row,
            column,
        )
    }

    /// The report's path relative to the baseline's folder, with `/` between parts.
    fn relative(&self, path: &str) -> String {
        let rel = (|| {
            let base = self.path.parent()?;
            let base = std::path::absolute(if base.as_os_str().is_empty() {
                Path::new(".")
            } else {
                base
            })
            .ok()?;
            let abs = std::path::absolute(path).ok()?;
            abs.strip_prefix(&base).ok().map(Path::to_path_buf)
        })();
        let p = rel.unwrap_or_else(|| PathBuf::from(path));
        p.components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Remove the findings the baseline holds; returns how many were hidden.
    pub fn hide(&self, doc: &Document, diagnostics: &mut Vec<Diagnostic>) -> usize {
        let mut left = self.counts.clone();
        let before = diagnostics.len();
        diagnostics.retain(|d| {
            let key = self.key(doc, d);
            match left.get_mut(&key) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            }
        });
        before - diagnostics.len()
    }

    /// Record these findings (replacing what was recorded for this document).
    pub fn record(&mut self, doc: &Document, diagnostics: &[Diagnostic]) {
        let path = self.relative(&doc.path);
        self.counts.retain(|k, _| k.0 != path);
        for d in diagnostics {
            *self.counts.entry(self.key(doc, d)).or_default() += 1;
        }
    }

    /// Number of findings recorded.
    pub fn len(&self) -> usize {
        self.counts.values().sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Write the baseline file (sorted, so that it diffs well in git).
    pub fn write(&self) -> Result<(), BaselineError> {
        let file = File {
            version: 1,
            findings: self
                .counts
                .iter()
                .map(|((path, code, table, row, column), &count)| Entry {
                    path: path.clone(),
                    code: code.clone(),
                    table: table.clone(),
                    row: row.clone(),
                    column: column.clone(),
                    count,
                })
                .collect(),
        };
        let err = |message: String| BaselineError::Write {
            path: self.path.display().to_string(),
            message,
        };
        let text = serde_json::to_string_pretty(&file).map_err(|e| err(e.to_string()))?;
        std::fs::write(&self.path, text + "\n").map_err(|e| err(e.to_string()))
    }
}

/// The row label and column name of the cell a finding points at, or of the column whose
/// header it points at; empty where it points at neither.
fn place_names(doc: &Document, d: &Diagnostic) -> (String, String) {
    let Some(table) = doc.tables.iter().find(|t| t.first_line == d.table.line) else {
        return (String::new(), String::new());
    };
    let column_name = |k: usize| {
        table
            .columns
            .get(k)
            .map_or_else(String::new, |c| c.name.clone())
    };
    for row in &table.rows {
        if let Some(c) = row.cells.iter().find(|c| c.span == d.primary.span) {
            return (row.label.trim().to_string(), column_name(c.column));
        }
    }
    if let Some(c) = table
        .columns
        .iter()
        .find(|c| c.span.is_some_and(|s| s == d.primary.span))
    {
        return (String::new(), c.name.clone());
    }
    (String::new(), String::new())
}

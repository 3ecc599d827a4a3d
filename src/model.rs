//! The typed table model: what the rest of rapportlint reads. Nothing here knows pest.

use crate::lex::{MinusKind, Scale};
use rust_decimal::Decimal;
use serde::Serialize;

/// What a numeric or text column holds, from its header words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ColumnKind {
    Regnskap,
    OpprinneligBudsjett,
    RevidertBudsjett,
    Budsjett,
    Prognose,
    /// A deviation in the table's amount unit.
    Avvik,
    /// A deviation in percent.
    AvvikProsent,
    Endring,
    Korttid,
    Langtid,
    Samlet,
    Inngaende,
    Utgaende,
    Fond,
    Antall,
    Prosent,
    /// A column headed only by a year.
    Aar,
    /// A column of years that names each row's year (`År` over `2023`, `2022`): a key
    /// of the row like its label, never summed or related.
    Aarstall,
    /// A column of note references (`Note` over `8`, `9`, `14`) in annual accounts: read
    /// like numbers, never summed or related.
    Note,
    Status,
    /// When a project is (expected to be) done: `Est. ferdig` holding `4K-2024`,
    /// `Ferdig` or `Løpende`; the status field of an investment table.
    Ferdig,
    Beskrivelse,
    /// A column whose header did not say what it holds.
    Ukjent,
}

impl ColumnKind {
    /// From a kind name in `rules/columns.toml`.
    pub fn from_name(name: &str) -> ColumnKind {
        match name {
            "regnskap" => ColumnKind::Regnskap,
            "opprinnelig-budsjett" => ColumnKind::OpprinneligBudsjett,
            "revidert-budsjett" => ColumnKind::RevidertBudsjett,
            "budsjett" => ColumnKind::Budsjett,
            "prognose" => ColumnKind::Prognose,
            "avvik" => ColumnKind::Avvik,
            "endring" => ColumnKind::Endring,
            "korttid" => ColumnKind::Korttid,
            "langtid" => ColumnKind::Langtid,
            "samlet" => ColumnKind::Samlet,
            "inngaende" => ColumnKind::Inngaende,
            "utgaende" => ColumnKind::Utgaende,
            "fond" => ColumnKind::Fond,
            "antall" => ColumnKind::Antall,
            "prosent" => ColumnKind::Prosent,
            "aar" => ColumnKind::Aar,
            "aarstall" => ColumnKind::Aarstall,
            "note" => ColumnKind::Note,
            "status" => ColumnKind::Status,
            "ferdig" => ColumnKind::Ferdig,
            "beskrivelse" => ColumnKind::Beskrivelse,
            _ => ColumnKind::Ukjent,
        }
    }

    /// The name used in `rules/*.toml` and in the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            ColumnKind::Regnskap => "regnskap",
            ColumnKind::OpprinneligBudsjett => "opprinnelig-budsjett",
            ColumnKind::RevidertBudsjett => "revidert-budsjett",
            ColumnKind::Budsjett => "budsjett",
            ColumnKind::Prognose => "prognose",
            ColumnKind::Avvik => "avvik",
            ColumnKind::AvvikProsent => "avvik-prosent",
            ColumnKind::Endring => "endring",
            ColumnKind::Korttid => "korttid",
            ColumnKind::Langtid => "langtid",
            ColumnKind::Samlet => "samlet",
            ColumnKind::Inngaende => "inngaende",
            ColumnKind::Utgaende => "utgaende",
            ColumnKind::Fond => "fond",
            ColumnKind::Antall => "antall",
            ColumnKind::Prosent => "prosent",
            ColumnKind::Aar => "aar",
            ColumnKind::Aarstall => "aarstall",
            ColumnKind::Note => "note",
            ColumnKind::Status => "status",
            ColumnKind::Ferdig => "ferdig",
            ColumnKind::Beskrivelse => "beskrivelse",
            ColumnKind::Ukjent => "ukjent",
        }
    }

    pub fn is_text(self) -> bool {
        matches!(
            self,
            ColumnKind::Status
                | ColumnKind::Ferdig
                | ColumnKind::Beskrivelse
                | ColumnKind::Aarstall
        )
    }

    /// A column whose cells say how far a task or project has come: a status, or the
    /// completion of an investment project.
    pub fn is_status_field(self) -> bool {
        matches!(self, ColumnKind::Status | ColumnKind::Ferdig)
    }

    pub fn is_budget(self) -> bool {
        matches!(
            self,
            ColumnKind::Budsjett | ColumnKind::RevidertBudsjett | ColumnKind::OpprinneligBudsjett
        )
    }
}

/// The period a column covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Period {
    /// Hittil i år (year to date).
    YearToDate,
    /// The whole year (årsprognose, årsavvik).
    WholeYear,
    /// A named year.
    Year(u16),
    /// Not stated.
    Unknown,
}

impl Period {
    /// Two columns can enter one relation when their periods do not contradict.
    pub fn compatible(self, other: Period) -> bool {
        use Period::*;
        match (self, other) {
            (Unknown, _) | (_, Unknown) => true,
            (YearToDate, YearToDate) | (WholeYear, WholeYear) => true,
            (Year(a), Year(b)) => a == b,
            (WholeYear, Year(_)) | (Year(_), WholeYear) => true,
            _ => false,
        }
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Period::YearToDate => s.serialize_str("hittil-i-aar"),
            Period::WholeYear => s.serialize_str("aar"),
            Period::Year(y) => s.serialize_str(&y.to_string()),
            Period::Unknown => s.serialize_none(),
        }
    }
}

/// A column of a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    /// The header words, joined with single spaces.
    pub name: String,
    pub kind: ColumnKind,
    pub period: Period,
    /// Byte span of the header words in the document text (from the first word to the
    /// end of the last, over wrapped lines), when the header was read from the text.
    #[serde(skip)]
    pub span: Option<(usize, usize)>,
}

/// What a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RowKind {
    Item,
    /// A label with no cells: starts a group.
    Heading,
    Subtotal,
    Total,
    Average,
    /// "herav": part of the row above, not additive.
    Breakdown,
    /// A row whose label says it is left out of the sum.
    Excluded,
    /// A row of numbers with no label.
    UnlabelledTotal,
    /// A task or measure in a status table.
    Task,
}

/// One cell: the printed text, its value, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// Index into the table's `columns`.
    pub column: usize,
    /// The cell as printed.
    pub text: String,
    /// The value, `None` for nil (`-`) and text cells.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub value: Option<Decimal>,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column of the first character, in characters.
    pub column_start: usize,
    /// 1-based column after the last character (exclusive), in characters.
    pub column_end: usize,
    /// Byte span in the document text.
    #[serde(skip)]
    pub span: (usize, usize),
    #[serde(skip)]
    pub minus: Option<MinusKind>,
    #[serde(skip)]
    pub percent: bool,
    /// A completion quarter (`4K-2024`): a status that names a time, not a vocabulary
    /// value.
    #[serde(skip)]
    pub quarter: bool,
}

impl Cell {
    /// A nil dash (`-`, `−`, `–`): nothing, printed.
    pub fn is_nil(&self) -> bool {
        self.value.is_none() && matches!(self.text.trim(), "-" | "\u{2212}" | "\u{2013}")
    }
}

/// A row of a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// 1-based line of the row's cells (or of its label, for a heading).
    pub line: usize,
    pub label: String,
    pub kind: RowKind,
    pub cells: Vec<Cell>,
    /// True when more than one reading of the digit groups fits equally well.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub ambiguous: bool,
    /// The lines that hold the label (a wrapped label spans several).
    #[serde(skip)]
    pub label_lines: Vec<usize>,
    /// How far the reading's empty cells disagree with the spacing of the line.
    #[serde(skip)]
    pub spacing_misses: usize,
    /// Digit groups the reading gave to the label (`Storebaugveien 8`).
    #[serde(skip)]
    pub absorbed_groups: usize,
}

impl Row {
    pub fn cell(&self, column: usize) -> Option<&Cell> {
        self.cells.iter().find(|c| c.column == column)
    }
}

/// Whether a table holds numbers or a list of tasks with a status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TableKind {
    Numeric,
    Status,
}

/// A rebuilt table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    /// The caption above the table, if one was found.
    pub title: Option<String>,
    /// The scale the amounts are printed in, if the report says.
    pub unit: Option<Scale>,
    pub kind: TableKind,
    pub first_line: usize,
    pub last_line: usize,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Lines whose numbers could not be read as this table's cells.
    #[serde(skip)]
    pub unread_lines: Vec<usize>,
}

impl Table {
    /// The column that holds the rows' status fields (a status, or a project's
    /// completion), if the table has one.
    pub fn status_column(&self) -> Option<usize> {
        self.columns.iter().position(|c| c.kind.is_status_field())
    }

    /// The rows that carry a status field, each with its status cell (`None` when the
    /// field is empty): every task of a status list; in a money table, every item row
    /// when most of them carry a status (three or more, two thirds), for totals and
    /// headings carry none.
    pub fn status_rows(&self) -> Vec<(&Row, Option<&Cell>)> {
        let Some(col) = self.status_column() else {
            return Vec::new();
        };
        if self.kind == TableKind::Status {
            return self
                .rows
                .iter()
                .filter(|r| r.kind == RowKind::Task)
                .map(|r| (r, r.cell(col)))
                .collect();
        }
        // An item with one number in a wider table is a label or comment fragment that
        // reads like a row (`Avvikle basen i Eddaveien` / `15`), not a measure.
        let numeric = self.columns.iter().filter(|c| !c.kind.is_text()).count();
        let items: Vec<(usize, &Row)> = self
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                r.kind == RowKind::Item
                    && r.cells.iter().filter(|c| c.value.is_some()).count() >= numeric.min(2)
            })
            .collect();
        let filled = items.iter().filter(|(_, r)| r.cell(col).is_some()).count();
        if filled >= 3 && filled * 3 >= items.len() * 2 {
            // A row without a status that sums the items under it (an area over its
            // projects, labelled without `Sum`) groups them; it is no measure.
            items
                .into_iter()
                .filter(|&(i, r)| r.cell(col).is_some() || !self.sums_rows_below(i))
                .map(|(_, r)| (r, r.cell(col)))
                .collect()
        } else {
            // A sparse status column: only the statuses that were read count.
            self.rows
                .iter()
                .filter_map(|r| r.cell(col).map(|c| (r, Some(c))))
                .collect()
        }
    }
}

impl Table {
    /// Do the amounts of row `i` add up (within rounding) to those of the two or more
    /// item rows right below it, in two or more columns?
    fn sums_rows_below(&self, i: usize) -> bool {
        let Some(row) = self.rows.get(i) else {
            return false;
        };
        let cols: Vec<(usize, Decimal)> = row
            .cells
            .iter()
            .filter(|c| !c.percent)
            .filter_map(|c| c.value.map(|v| (c.column, v)))
            .collect();
        if cols.len() < 2 {
            return false;
        }
        let mut sums = vec![Decimal::ZERO; cols.len()];
        let mut tol: Vec<Decimal> = cols
            .iter()
            .map(|(_, v)| crate::number::half_unit(*v))
            .collect();
        for (k, below) in self.rows[i + 1..].iter().enumerate().take(MAX_GROUP) {
            if below.kind != RowKind::Item {
                return false;
            }
            for (j, &(c, _)) in cols.iter().enumerate() {
                if let Some(v) = below.cell(c).and_then(|x| x.value) {
                    sums[j] += v;
                    tol[j] += crate::number::half_unit(v);
                }
            }
            let holding = cols
                .iter()
                .enumerate()
                .filter(|&(j, &(_, v))| (v - sums[j]).abs() <= tol[j])
                .count();
            if k >= 1 && holding >= 2 && holding == cols.len() {
                return true;
            }
        }
        false
    }
}

/// The most rows a group row is tried over.
const MAX_GROUP: usize = 40;

/// A whole report, read.
#[derive(Debug, Clone)]
pub struct Document {
    pub path: String,
    pub text: String,
    /// Byte offset of the start of each line, and of the end of its content.
    pub lines: Vec<(usize, usize)>,
    pub tables: Vec<Table>,
    /// 1-based lines with two or more numbers in a row-like layout that are in no table.
    pub outside_lines: Vec<usize>,
    /// Sentences of the prose that count what a status list holds.
    pub claims: Vec<Claim>,
}

/// A count in the report's prose of what a status list holds: `i alt 102 forskjellige
/// tiltak`, `fire tiltak er allerede ferdig`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// 1-based line of the count.
    pub line: usize,
    /// Byte span of the count in the document text.
    pub span: (usize, usize),
    /// The count as printed (`102`, `Fire`).
    pub printed: String,
    pub count: u64,
    /// The status value counted (index into the vocabulary's statuses), or `None` when
    /// the count is of the whole list.
    pub status: Option<usize>,
    /// What is counted, normalised (`tiltak`).
    pub noun: String,
    /// Normalised words of the sentences that may name the list counted: the count's
    /// own sentence, those before it in its paragraph (nearest first), the one after.
    pub context: Vec<Vec<String>>,
    /// The count's sentence, as printed.
    pub sentence: String,
}

impl Document {
    /// 1-based line and character column of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let i = self
            .lines
            .partition_point(|&(start, _)| start <= offset)
            .max(1)
            - 1;
        let start = self.lines.get(i).map_or(0, |l| l.0);
        let col = self
            .text
            .get(start..offset.min(self.text.len()))
            .map_or(0, |t| t.chars().count());
        (i + 1, col + 1)
    }

    pub fn line_text(&self, line: usize) -> &str {
        match self.lines.get(line.wrapping_sub(1)) {
            Some(&(s, e)) => self.text.get(s..e).unwrap_or(""),
            None => "",
        }
    }
}

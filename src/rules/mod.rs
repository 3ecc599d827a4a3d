//! The rule engine: rules with stable codes, their documentation, and the checks.
//!
//! Each rule lives in a file of its own and reports [`Diagnostic`]s with exact spans.
//! Rules read the table model only; a rule never re-parses text.

use crate::model::{Cell, Document, Table};
use crate::vocab::Vocab;
use rust_decimal::Decimal;
use serde::Serialize;

pub mod average_range;
pub mod column_relation;
pub mod deviation_direction;
pub mod empty_description;
pub mod missing_status;
pub mod mixed_minus;
pub mod mixed_separator;
pub mod percent_share;
pub mod repair;
pub mod sign_by_kind;
pub mod status_contradiction;
pub mod status_count;
pub mod status_spelling;
pub mod statutory_identity;
pub mod suppress;
pub mod total_sum;
pub mod unknown_status;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Error, Lang::Nb) => "feil",
            (Severity::Warning, Lang::Nb) => "advarsel",
            (Severity::Info, Lang::Nb) => "info",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Info, Lang::En) => "info",
        }
    }
}

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Norwegian bokmål (the default).
    Nb,
    En,
}

/// A rule's identity and documentation.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    /// Stable code, such as `RL102`.
    pub code: &'static str,
    /// Kebab-case name.
    pub name: &'static str,
    pub severity: Severity,
    /// One line, in bokmål and English.
    pub summary: (&'static str, &'static str),
    /// What it does / Why it matters / Example / Fix (bokmål).
    pub docs: &'static str,
}

/// A place in the report, 1-based, end column exclusive, columns in characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Byte span in the document text.
    #[serde(skip)]
    pub span: (usize, usize),
    pub label: String,
}

/// The table a finding belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TableRef {
    pub title: Option<String>,
    pub line: usize,
}

impl TableRef {
    pub fn of(table: &Table) -> Self {
        TableRef {
            title: table.title.clone(),
            line: table.first_line,
        }
    }
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: &'static str,
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    /// The offending cell.
    pub primary: Place,
    /// The cells it was computed from.
    pub related: Vec<Place>,
    pub table: TableRef,
    pub expected: Option<String>,
    pub found: Option<String>,
    pub delta: Option<String>,
    /// A repair, if the rule knows one (in the JSON output with line and column).
    #[serde(skip)]
    pub fix: Option<Fix>,
    /// The broken relation, `result = Σ ±terms`, for finding the one cell that explains
    /// every broken relation of a table (the minimal repair, `--unsafe-fixes`).
    #[serde(skip)]
    pub relation: Option<BrokenRelation>,
}

/// A relation that does not hold: `result = Σ ±terms` over these cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenRelation {
    pub result: Cell,
    pub terms: Vec<(Cell, bool)>,
    /// `result = −Σ ±terms` would do as well (a deviation checked by size).
    pub either_sign: bool,
}

/// How sure a fix is (ruff's tiers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Changes only how a value is written: applied by `--fix`.
    Safe,
    /// Changes a value: applied only with `--unsafe-fixes`.
    Unsafe,
    /// A suggestion shown in the diagnostic, never applied.
    Display,
}

/// A repair: replacements of exact byte spans of the document text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub applicability: Applicability,
    pub message: String,
    pub edits: Vec<Edit>,
}

/// Replace the bytes `span` of the document text with `content`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: (usize, usize),
    pub content: String,
}

/// What a run of the rules looked at.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Checked {
    pub tables: usize,
    pub relations_checked: usize,
    pub relations_skipped: usize,
    pub status_fields_checked: usize,
}

/// Every rule, in code order.
pub fn all() -> Vec<RuleInfo> {
    vec![
        total_sum::INFO,
        column_relation::INFO,
        percent_share::INFO,
        statutory_identity::INFO,
        average_range::INFO,
        deviation_direction::INFO,
        mixed_minus::INFO,
        sign_by_kind::INFO,
        mixed_separator::INFO,
        missing_status::INFO,
        unknown_status::INFO,
        empty_description::INFO,
        status_contradiction::INFO,
        status_count::INFO,
        status_spelling::INFO,
        suppress::INFO,
    ]
}

/// Look a rule up by code (`RL102`) or name (`column-relation`).
pub fn find(code_or_name: &str) -> Option<RuleInfo> {
    all()
        .into_iter()
        .find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// How a run of the rules is set up.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    /// Also list relations that hold only within rounding, as info.
    pub show_rounding: bool,
    /// Extra tolerance per rule code, in the table's printed unit, on top of the
    /// rounding interval (`--tolerance RL101=2`).
    pub tolerance: std::collections::BTreeMap<String, Decimal>,
}

impl Options {
    pub fn new(lang: Lang) -> Self {
        Options {
            lang,
            show_rounding: false,
            tolerance: Default::default(),
        }
    }

    /// The extra tolerance for a rule (zero unless overridden).
    pub fn tolerance(&self, code: &str) -> Decimal {
        self.tolerance.get(code).copied().unwrap_or_default()
    }
}

/// Run every rule on a document with the default options.
pub fn check(doc: &Document, vocab: &Vocab, lang: Lang) -> (Vec<Diagnostic>, Checked) {
    check_with(doc, vocab, &Options::new(lang))
}

/// Run every rule on a document.
pub fn check_with(doc: &Document, vocab: &Vocab, opts: &Options) -> (Vec<Diagnostic>, Checked) {
    let mut out = Vec::new();
    let mut checked = Checked {
        tables: doc.tables.len(),
        ..Checked::default()
    };
    for table in &doc.tables {
        total_sum::check(doc, table, vocab, opts, &mut out, &mut checked);
        column_relation::check(doc, table, vocab, opts, &mut out, &mut checked);
        percent_share::check(table, opts, &mut out, &mut checked);
        statutory_identity::check(table, vocab, opts, &mut out, &mut checked);
        average_range::check(table, opts, &mut out, &mut checked);
        deviation_direction::check(doc, table, vocab, opts, &mut out, &mut checked);
        sign_by_kind::check(table, opts, &mut out, &mut checked);
        missing_status::check(doc, table, opts, &mut out);
        unknown_status::check(table, vocab, opts, &mut out);
        empty_description::check(table, opts, &mut out);
        status_contradiction::check(doc, table, vocab, opts, &mut out);
        status_spelling::check(table, vocab, opts, &mut out);
        checked.status_fields_checked += status_fields(table);
    }
    status_count::check(doc, vocab, opts, &mut out, &mut checked);
    mixed_minus::check(doc, opts, &mut out, &mut checked);
    mixed_separator::check(doc, opts, &mut out, &mut checked);
    suppress::apply(doc, &mut out, opts.lang);
    repair::attach(&mut out, opts.lang);
    out.sort_by_key(|d| (d.primary.line, d.primary.column, d.code));
    (out, checked)
}

fn status_fields(table: &Table) -> usize {
    table.status_rows().len()
}

/// A row label cut to `max` characters with an ellipsis, for messages; `(uten tekst)`
/// for an empty one.
pub(crate) fn short_label(label: &str, max: usize) -> String {
    let label = label.trim();
    if label.is_empty() {
        return "(uten tekst)".into();
    }
    let mut s: String = label.chars().take(max).collect();
    if label.chars().count() > max {
        s.push('…');
    }
    s
}

/// A cell's place, with a label.
pub fn place_of(cell: &crate::model::Cell, label: String) -> Place {
    Place {
        line: cell.line,
        column: cell.column_start,
        end_line: cell.line,
        end_column: cell.column_end,
        span: cell.span,
        label,
    }
}

pub(crate) fn minus_char(cell: &Cell) -> char {
    match cell.minus {
        Some(crate::lex::MinusKind::Minus) => '\u{2212}',
        Some(crate::lex::MinusKind::EnDash) => '\u{2013}',
        _ => {
            if cell.text.contains('\u{2212}') {
                '\u{2212}'
            } else {
                '-'
            }
        }
    }
}

pub(crate) fn likely_cause(found: Decimal, expected: Decimal, lang: Lang) -> Option<String> {
    let delta = (found - expected).abs();
    if delta.is_zero() {
        return None;
    }
    let nb = lang == Lang::Nb;
    if !expected.is_zero() && (found / expected).abs().round() == Decimal::from(1000) {
        return Some(if nb {
            "verdien er 1000 ganger for stor: er den skrevet i kroner i en tabell i tusen?".into()
        } else {
            "the value is 1000 times too large: written in kroner in a table in thousands?".into()
        });
    }
    let digits = |d: Decimal| d.abs().trunc().to_string();
    let (a, b) = (digits(found), digits(expected));
    if a.len() == b.len() && delta.fract().is_zero() && (delta % Decimal::from(9)).is_zero() {
        let mut x: Vec<char> = a.chars().collect();
        let y: Vec<char> = b.chars().collect();
        let diff: Vec<usize> = (0..x.len()).filter(|&i| x[i] != y[i]).collect();
        if diff.len() == 2 {
            x.swap(diff[0], diff[1]);
            if x == y {
                return Some(if nb {
                    "to sifre ser ut til å være byttet om".into()
                } else {
                    "two digits look swapped".into()
                });
            }
        }
    }
    if a.len() == b.len() && a.chars().zip(b.chars()).filter(|(p, q)| p != q).count() == 1 {
        return Some(if nb {
            "ett siffer skiller: en tastefeil i denne cellen eller i en av de andre".into()
        } else {
            "one digit differs: a typing error in this cell or in one of the others".into()
        });
    }
    None
}

/// The table's unit, as a note after an amount: ` (i 1000 kr)`.
pub(crate) fn unit_note(table: &Table, lang: Lang) -> &'static str {
    match table.unit {
        Some(crate::lex::Scale::Thousands) => match lang {
            Lang::Nb => " (i 1000 kr)",
            Lang::En => " (in NOK 1000)",
        },
        Some(crate::lex::Scale::Millions) => match lang {
            Lang::Nb => " (i mill. kr)",
            Lang::En => " (in NOK million)",
        },
        _ => "",
    }
}

/// An info finding for a relation that holds only within rounding (`--show-rounding`).
pub(crate) fn rounding_note(
    rule: &RuleInfo,
    table: &Table,
    cell: &Cell,
    computed: Decimal,
    subject: &str,
    lang: Lang,
) -> Diagnostic {
    let minus = minus_char(cell);
    let found = cell.value.unwrap_or_default();
    let computed = computed.round_dp(found.scale().max(computed.scale()));
    let pct = if cell.percent { " %" } else { "" };
    let expected = format!("{}{pct}", crate::number::format_norwegian(computed, minus));
    let delta = format!(
        "{}{pct}",
        crate::number::format_norwegian(found - computed, minus)
    );
    let message = match lang {
        Lang::Nb => format!(
            "{subject} er {}, utregnet {expected}: avrundingsdifferanse {delta}{}",
            cell.text,
            unit_note(table, lang)
        ),
        Lang::En => format!(
            "{subject} is {}, computed {expected}: rounding difference {delta}{}",
            cell.text,
            unit_note(table, lang)
        ),
    };
    Diagnostic {
        code: rule.code,
        rule: rule.name,
        severity: Severity::Info,
        message,
        help: None,
        primary: place_of(
            cell,
            match lang {
                Lang::Nb => format!("utregnet {expected}"),
                Lang::En => format!("computed {expected}"),
            },
        ),
        related: Vec::new(),
        table: TableRef::of(table),
        expected: Some(expected),
        found: Some(cell.text.clone()),
        delta: Some(delta),
        relation: None,
        fix: None,
    }
}

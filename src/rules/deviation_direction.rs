//! RL201 `deviation-direction`: deviations that run against their header, their legend
//! or the rest of their table.

use super::{
    Applicability, Checked, Diagnostic, Edit, Fix, Lang, Options, Place, RuleInfo, Severity,
    TableRef, place_of,
};
use crate::assemble::relations_for;
use crate::model::{Cell, ColumnKind, Document, Row, RowKind, Table, TableKind};
use crate::number::half_unit;
use crate::split::Relation;
use crate::vocab::Vocab;
use rust_decimal::Decimal;

/// What it does: finds which way each deviation column runs, from its rows: budget −
/// actual (positive = mindreforbruk or merinntekt) or actual − budget. It then reports
/// (1) a header that declares the other direction (`Avvik Rev-Regn` over values that
/// are Regnskap − Rev. bud.), with the rows as evidence; (2) a legend row
/// (`Merforbruk +/mindreforbruk -`) whose own deviation runs against the legend; and
/// (3), as a warning, a single row whose deviation runs the other way than the rest of
/// its table.
///
/// Why it matters: readers judge "good" or "bad" by the sign of a deviation. A header or
/// legend that says the opposite of the numbers turns every overspend into a saving.
///
/// Example: under `Avvik Rev-Regn`, `Inntekt premieavvik −299 487 −280 381 … −19 106`:
/// Rev − Regn is +19 106; the column holds Regn − Rev in every row.
///
/// Fix: correct the header or legend to the direction the numbers follow, or recompute
/// the column; for a single row, check its sign.
///
/// A row counts only when its direction is clear beyond rounding (a zero deviation says
/// nothing). The header is judged only when at least two rows run against it and at
/// least three times as many run against it as with it. A single row is flagged only
/// when at least three rows run the other way and it is the only one against them; it
/// is a warning, because some reports print income deviations the other way round,
/// and an error where the total under it adds up with the row's sign turned and not as
/// printed (the arithmetic confirms the flip).
pub const INFO: RuleInfo = RuleInfo {
    code: "RL201",
    name: "deviation-direction",
    severity: Severity::Error,
    summary: (
        "Et avvik går motsatt vei av overskriften, forklaringen eller resten av tabellen",
        "A deviation runs against its header, its legend or the rest of its table",
    ),
    docs: "\
Hva den gjør
  Finner hvilken vei hver avvikskolonne går, ut fra radene: budsjett − faktisk (positivt
  = mindreforbruk eller merinntekt) eller faktisk − budsjett. Melder (1) en overskrift som
  sier den andre veien («Avvik Rev-Regn» over verdier som er Regnskap − Rev. bud.), med
  radene som bevis; (2) en forklaringsrad («Merforbruk +/mindreforbruk -») der avviket i
  raden selv går mot forklaringen; og (3), som advarsel, én enkelt rad der avviket går
  motsatt vei av resten av tabellen.

Hvorfor det er viktig
  Leserne bedømmer godt og dårlig ut fra fortegnet. En overskrift eller forklaring som
  sier det motsatte av tallene gjør hvert merforbruk til en besparelse.

Eksempel
  Under «Avvik Rev-Regn»: «Inntekt premieavvik −299 487 −280 381 … −19 106». Rev − Regn
  er +19 106; kolonnen har Regn − Rev i alle radene.

Retting
  Rett overskriften eller forklaringen til den veien tallene går, eller regn kolonnen ut
  på nytt; for én rad, sjekk fortegnet.

Sikkerhet
  En rad teller bare når retningen er klar ut over avrunding (et avvik på null sier
  ingenting). Overskriften vurderes bare når minst to rader går mot den, og minst tre
  ganger så mange går mot den som med den. Én rad meldes bare når minst tre rader går
  den andre veien og den er alene om sin vei; det er en advarsel, fordi noen rapporter
  skriver inntektsavvik motsatt vei, og en feil der summen under raden går opp med
  radens fortegn snudd og ikke med fortegnet som står.",
};

/// The way a deviation runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// Budget − actual: positive is favourable.
    BudgetMinusActual,
    /// Actual − budget: positive is an overspend.
    ActualMinusBudget,
}

impl Direction {
    fn opposite(self) -> Self {
        match self {
            Direction::BudgetMinusActual => Direction::ActualMinusBudget,
            Direction::ActualMinusBudget => Direction::BudgetMinusActual,
        }
    }

    fn describe(self, budget: &str, actual: &str) -> String {
        match self {
            Direction::BudgetMinusActual => format!("«{budget}» − «{actual}»"),
            Direction::ActualMinusBudget => format!("«{actual}» − «{budget}»"),
        }
    }
}

/// Which way one row's deviation runs, if clear beyond rounding.
fn row_direction<'a>(row: &'a Row, rel: &Relation) -> Option<(Direction, &'a Cell)> {
    if row.ambiguous || matches!(row.kind, RowKind::Heading | RowKind::Task) {
        return None;
    }
    let value = |k: usize| row.cell(k).filter(|c| !c.percent).and_then(|c| c.value);
    let cell = row.cell(rel.result)?;
    let v = value(rel.result)?;
    let (budget, actual) = match rel.terms[..] {
        [(b, true), (a, false)] => (value(b)?, value(a)?),
        _ => return None,
    };
    let diff = budget - actual;
    let tol = half_unit(v) + half_unit(budget) + half_unit(actual);
    if v.is_zero() || diff.abs() <= tol {
        return None;
    }
    let with = (v - diff).abs() <= tol;
    let against = (v + diff).abs() <= tol;
    match (with, against) {
        (true, false) => Some((Direction::BudgetMinusActual, cell)),
        (false, true) => Some((Direction::ActualMinusBudget, cell)),
        _ => None,
    }
}

/// The side a header word stands for: budget-like or actual-like.
fn side(word: &str, vocab: &Vocab) -> Option<bool> {
    let kind = vocab
        .kind_of(word)
        .map(|k| ColumnKind::from_name(&vocab.kinds[k].name))?;
    if kind.is_budget() {
        Some(true)
    } else if matches!(kind, ColumnKind::Regnskap | ColumnKind::Prognose) {
        Some(false)
    } else {
        None
    }
}

/// The direction a header declares (`Avvik Rev-Regn`, `Avvik rev - Regn 2023`,
/// `Regnskap - budsjett`), if it names both sides around a minus.
fn declared(name: &str, vocab: &Vocab) -> Option<Direction> {
    let spaced = name.replace(['-', '–', '−'], " - ");
    let words: Vec<&str> = spaced.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        if *w != "-" || i == 0 || i + 1 >= words.len() {
            continue;
        }
        match (side(words[i - 1], vocab), side(words[i + 1], vocab)) {
            (Some(true), Some(false)) => return Some(Direction::BudgetMinusActual),
            (Some(false), Some(true)) => return Some(Direction::ActualMinusBudget),
            _ => {}
        }
    }
    None
}

/// The direction a legend row declares: `Merforbruk +/mindreforbruk -` says an overspend
/// is positive (actual − budget); `Mindreforbruk +` the reverse.
fn legend(label: &str) -> Option<Direction> {
    let l = label.to_lowercase().replace(' ', "");
    if l.contains("merforbruk+") || l.contains("mindreforbruk-") {
        Some(Direction::ActualMinusBudget)
    } else if l.contains("mindreforbruk+") || l.contains("merforbruk-") {
        Some(Direction::BudgetMinusActual)
    } else {
        None
    }
}

fn header_place(doc: &Document, table: &Table, col: usize, label: String) -> Option<Place> {
    let (s, e) = table.columns.get(col)?.span?;
    let (line, column) = doc.position(s);
    let (end_line, end_column) = doc.position(e);
    Some(Place {
        line,
        column,
        end_line,
        end_column,
        span: (s, e),
        label,
    })
}

/// Check the deviation columns of a numeric table.
pub fn check(
    doc: &Document,
    table: &Table,
    vocab: &Vocab,
    opts: &Options,
    out: &mut Vec<Diagnostic>,
    checked: &mut Checked,
) {
    if table.kind != TableKind::Numeric {
        return;
    }
    let nb = opts.lang == Lang::Nb;
    for rel in relations_for(&table.columns, vocab)
        .iter()
        .filter(|r| table.columns[r.result].kind == ColumnKind::Avvik && r.terms.len() == 2)
    {
        let rows: Vec<(Direction, &Row, &Cell)> = table
            .rows
            .iter()
            .filter_map(|row| row_direction(row, rel).map(|(d, c)| (d, row, c)))
            .collect();
        if rows.is_empty() {
            continue;
        }
        checked.relations_checked += 1;
        let count = |d: Direction| rows.iter().filter(|r| r.0 == d).count();
        let budget = &table.columns[rel.terms[0].0].name;
        let actual = &table.columns[rel.terms[1].0].name;
        let col = &table.columns[rel.result];
        // (1) The header declares one way, the rows run the other.
        if let Some(said) = declared(&col.name, vocab) {
            let (with, against) = (count(said), count(said.opposite()));
            if against >= 2 && against >= 3 * with {
                let evidence: Vec<&Cell> = rows
                    .iter()
                    .filter(|r| r.0 == said.opposite())
                    .map(|r| r.2)
                    .collect();
                let message = if nb {
                    format!(
                        "overskriften «{}» sier {}, men i {against} av {} rader er verdiene {}",
                        col.name,
                        said.describe(budget, actual),
                        with + against,
                        said.opposite().describe(budget, actual)
                    )
                } else {
                    format!(
                        "the header «{}» says {}, but in {against} of {} rows the values are {}",
                        col.name,
                        said.describe(budget, actual),
                        with + against,
                        said.opposite().describe(budget, actual)
                    )
                };
                let label = if nb {
                    "overskriften".to_string()
                } else {
                    "the header".to_string()
                };
                let primary = header_place(doc, table, rel.result, label)
                    .unwrap_or_else(|| place_of(evidence[0], String::new()));
                let related = evidence
                    .iter()
                    .map(|c| {
                        place_of(
                            c,
                            if nb {
                                "motsatt vei".to_string()
                            } else {
                                "the other way".to_string()
                            },
                        )
                    })
                    .collect();
                let help = Some(if nb {
                    format!(
                        "rett overskriften til «{}», eller regn kolonnen ut som {}",
                        said.opposite()
                            .describe(budget, actual)
                            .replace(['«', '»'], ""),
                        said.describe(budget, actual)
                    )
                } else {
                    format!(
                        "change the header to «{}», or recompute the column as {}",
                        said.opposite()
                            .describe(budget, actual)
                            .replace(['«', '»'], ""),
                        said.describe(budget, actual)
                    )
                });
                out.push(Diagnostic {
                    code: INFO.code,
                    rule: INFO.name,
                    severity: Severity::Error,
                    message,
                    help,
                    primary,
                    related,
                    table: TableRef::of(table),
                    expected: None,
                    found: None,
                    delta: None,
                    relation: None,
                    fix: None,
                });
                continue;
            }
        }
        let (plus, minus) = (
            count(Direction::BudgetMinusActual),
            count(Direction::ActualMinusBudget),
        );
        let main = if plus >= minus {
            Direction::BudgetMinusActual
        } else {
            Direction::ActualMinusBudget
        };
        // (2) A legend row whose own deviation runs against the legend.
        for (d, row, cell) in &rows {
            if let Some(said) = legend(&row.label)
                && *d != said
            {
                out.push(Diagnostic {
                    code: INFO.code,
                    rule: INFO.name,
                    severity: Severity::Error,
                    message: if nb {
                        format!(
                            "forklaringen «{}» sier {}, men avviket {} i samme rad er {}",
                            row.label.trim(),
                            said.describe(budget, actual),
                            cell.text,
                            d.describe(budget, actual)
                        )
                    } else {
                        format!(
                            "the legend «{}» says {}, but the deviation {} in the same row is {}",
                            row.label.trim(),
                            said.describe(budget, actual),
                            cell.text,
                            d.describe(budget, actual)
                        )
                    },
                    help: Some(if nb {
                        "rett forklaringen, eller snu fortegnet i avvikskolonnen".into()
                    } else {
                        "correct the legend, or flip the sign of the deviation column".into()
                    }),
                    primary: place_of(
                        cell,
                        if nb {
                            "mot forklaringen".into()
                        } else {
                            "against the legend".into()
                        },
                    ),
                    related: Vec::new(),
                    table: TableRef::of(table),
                    expected: None,
                    found: Some(cell.text.clone()),
                    delta: None,
                    relation: None,
                    fix: None,
                });
            }
        }
        // (3) A single row against at least three.
        let (majority, minority) = (count(main), count(main.opposite()));
        if majority >= 3 && minority == 1 {
            let Some((_, row, cell)) = rows.iter().find(|r| r.0 != main) else {
                continue;
            };
            if legend(&row.label).is_some() {
                continue;
            }
            let related: Vec<Place> = rows
                .iter()
                .filter(|r| r.0 == main)
                .take(3)
                .map(|r| {
                    place_of(
                        r.2,
                        if nb {
                            "som resten".to_string()
                        } else {
                            "like the rest".to_string()
                        },
                    )
                })
                .collect();
            let flipped = -cell.value.unwrap_or(Decimal::ZERO);
            // The minus as the table writes it, for a cell that turns negative.
            let negative = rows
                .iter()
                .map(|r| r.2)
                .find(|c| c.minus.is_some())
                .unwrap_or(cell);
            let fix = super::repair::format_styled(cell, flipped, negative).map(|text| Fix {
                applicability: Applicability::Unsafe,
                message: if nb {
                    format!(
                        "{} → {text}: snu fortegnet som resten av tabellen",
                        cell.text
                    )
                } else {
                    format!(
                        "{} → {text}: flip the sign like the rest of the table",
                        cell.text
                    )
                },
                edits: vec![Edit {
                    span: cell.span,
                    content: text,
                }],
            });
            // The arithmetic confirms the flip where the total under the row adds up
            // with the sign turned, and not as printed: then it is an error.
            let confirmed = confirming_total(table, row, cell);
            out.push(Diagnostic {
                code: INFO.code,
                rule: INFO.name,
                severity: if confirmed.is_some() {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                message: if nb {
                    format!(
                        "avviket {} i raden «{}» er {}, mens de {majority} andre radene har {}",
                        cell.text,
                        row.label.trim(),
                        main.opposite().describe(budget, actual),
                        main.describe(budget, actual)
                    )
                } else {
                    format!(
                        "the deviation {} in the row «{}» is {}, while the {majority} other rows have {}",
                        cell.text,
                        row.label.trim(),
                        main.opposite().describe(budget, actual),
                        main.describe(budget, actual)
                    )
                },
                help: Some(match (&confirmed, nb) {
                    (Some(total), true) => format!(
                        "«{total}» går opp med motsatt fortegn i denne raden, ikke med fortegnet som står"
                    ),
                    (Some(total), false) => format!(
                        "«{total}» adds up with this row's sign turned, not as printed"
                    ),
                    (None, true) => "sjekk fortegnet; er raden en inntekt i en tabell som viser inntekter positivt, kan det være riktig".into(),
                    (None, false) => "check the sign; for an income row in a table that prints income positive it may be right".into(),
                }),
                primary: place_of(
                    cell,
                    if nb {
                        format!("ventet {}", crate::number::format_norwegian(flipped, '-'))
                    } else {
                        format!("expected {}", crate::number::format_norwegian(flipped, '-'))
                    },
                ),
                related,
                table: TableRef::of(table),
                expected: Some(crate::number::format_norwegian(flipped, '-')),
                found: Some(cell.text.clone()),
                delta: None,
                relation: None,
                fix,
            });
        }
    }
}

/// The label of the total right under `row`'s group that adds up in `cell`'s column
/// with the cell's sign turned (within rounding) but not as printed.
fn confirming_total(table: &Table, row: &Row, cell: &Cell) -> Option<String> {
    let at = table.rows.iter().position(|r| std::ptr::eq(r, row))?;
    let is_total = |r: &Row| {
        matches!(
            r.kind,
            RowKind::Total | RowKind::Subtotal | RowKind::UnlabelledTotal
        )
    };
    let start = table.rows[..at]
        .iter()
        .rposition(is_total)
        .map_or(0, |k| k + 1);
    let end = at + table.rows[at..].iter().position(is_total)?;
    let total = table.rows[end].cell(cell.column)?.value?;
    let values: Vec<Decimal> = table.rows[start..end]
        .iter()
        .filter(|r| r.kind == RowKind::Item)
        .filter_map(|r| r.cell(cell.column).and_then(|c| c.value))
        .collect();
    let v = cell.value?;
    if values.len() < 2 || v.is_zero() {
        return None;
    }
    let sum: Decimal = values.iter().sum();
    let tol = crate::number::half_unit(total) * Decimal::from(values.len() + 1);
    let flipped = sum - v - v;
    ((total - flipped).abs() <= tol && (total - sum).abs() > tol)
        .then(|| table.rows[end].label.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_legends_declare_directions() {
        let v = Vocab::embedded().unwrap();
        assert_eq!(
            declared("Avvik Rev-Regn", &v),
            Some(Direction::BudgetMinusActual)
        );
        assert_eq!(
            declared("Avvik rev - Regn 2023", &v),
            Some(Direction::BudgetMinusActual)
        );
        assert_eq!(
            declared("Avvik Rev– Regn 2023", &v),
            Some(Direction::BudgetMinusActual)
        );
        assert_eq!(
            declared("Avvik Regnskap - budsjett", &v),
            Some(Direction::ActualMinusBudget)
        );
        assert_eq!(declared("Avvik i kr", &v), None);
        assert_eq!(
            legend("Merforbruk +/mindreforbruk -"),
            Some(Direction::ActualMinusBudget)
        );
        assert_eq!(
            legend("Mindreforbruk +"),
            Some(Direction::BudgetMinusActual)
        );
        assert_eq!(legend("Sum driftsutgifter"), None);
    }
}

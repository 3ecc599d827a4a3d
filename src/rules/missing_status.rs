//! RL301 `missing-status`: a measure, decision or project without a status.

use super::{Diagnostic, Lang, Options, Place, RuleInfo, Severity, TableRef, place_of};
use crate::model::{Document, Table, TableKind};

/// What it does: reports each row that should carry a status and has none: a task in a
/// list of measures and decisions (`Oppdrag / Status / Beskrivelse status`, verbalvedtak,
/// økonomiplantiltak, klimatiltak), where the line after the task starts with one space
/// where the status should stand; a measure in a money table with a status column (the
/// savings annex, `Henhold til plan` under the numbers); an investment project whose
/// `Est. ferdig` cell among the numbers is empty. In a money table only item rows count,
/// and only when most of them carry a status (totals carry none).
///
/// Why it matters: politicians read the status column to see what was promised and what
/// happened; an empty status hides exactly that, and is easy to miss in a long list.
///
/// Example: a task `Mål klimagassutslipp: Klimakommunikasjon …` followed by
/// ` Klima er tema i introduksjonsprogram` (no `Iht. plan`, `Ferdig`, …); a project row
/// `74 730 16 762  3 296 2 083 1 213 Prosjektet består …` with two spaces where the
/// completion quarter stands in the other rows.
///
/// Fix: fill in the status from the list's vocabulary (`rules/status.toml`).
pub const INFO: RuleInfo = RuleInfo {
    code: "RL301",
    name: "missing-status",
    severity: Severity::Error,
    summary: (
        "Et tiltak, vedtak eller prosjekt mangler status",
        "A measure, decision or project has no status",
    ),
    docs: "\
Hva den gjør
  Melder hver rad som skal ha en status og ikke har det: et oppdrag i en liste over
  tiltak og vedtak (Oppdrag / Status / Beskrivelse status, verbalvedtak,
  økonomiplantiltak, klimatiltak), der linjen etter oppdraget starter med ett mellomrom
  der statusen skulle stått; et tiltak i en pengetabell med statuskolonne
  (innsparingsvedlegget, «Henhold til plan» under tallene); et investeringsprosjekt
  der «Est. ferdig» mellom tallene er tom. I pengetabeller teller bare vanlige rader, og
  bare når de fleste av dem har status (summer har ingen).

Hvorfor det er viktig
  Politikerne leser statuskolonnen for å se hva som ble lovet og hva som skjedde. En tom
  status skjuler nettopp det, og er lett å overse i en lang liste.

Eksempel
  Oppdraget «Mål klimagassutslipp: Klimakommunikasjon …» etterfulgt av
  « Klima er tema i introduksjonsprogram» (uten Iht. plan, Ferdig osv.); prosjektraden
  «74 730 16 762  3 296 2 083 1 213 Prosjektet består …» med to mellomrom der de andre
  radene har ferdigkvartalet.

Retting
  Fyll inn statusen fra listens ordforråd (verdiene står i rules/status.toml).",
};

/// Check the rows that carry a status field.
pub fn check(doc: &Document, table: &Table, opts: &Options, out: &mut Vec<Diagnostic>) {
    let nb = opts.lang == Lang::Nb;
    // Rows whose status stands at the end of their task's last line, and rows whose
    // status stands elsewhere (on a line of its own, or in a money table).
    let (at_end, elsewhere) = table
        .status_rows()
        .into_iter()
        .filter_map(|(row, cell)| Some((row, cell?)))
        .fold((0, 0), |(a, b), (row, cell)| {
            if row.label_lines.last() == Some(&cell.line) {
                (a + 1, b)
            } else {
                (a, b + 1)
            }
        });
    let inline_statuses = table.kind == TableKind::Status && at_end >= 2 && at_end > elsewhere;
    for (row, cell) in table.status_rows() {
        if cell.is_some() {
            continue;
        }
        let label = super::short_label(&row.label, 70);
        // In a status list, point at the description that stands where the status
        // should (the line that starts with one space); in a money table, at the row's
        // numbers, among which or after which the status is missing; else at the
        // task's last line.
        let anchor = if table.kind == TableKind::Status {
            row.cells.first()
        } else {
            row.cells
                .iter()
                .find(|c| c.value.is_some() || c.text == "-")
        };
        // A list whose cells stand one per line: the line of one space where the status
        // should be is the row's line.
        let lone = table.kind == TableKind::Status
            && doc
                .lines
                .get(row.line.saturating_sub(1))
                .and_then(|&(s, e)| doc.text.get(s..e))
                .is_some_and(|t| t.starts_with(' ') && t.trim().is_empty());
        // A list whose statuses end the task's last line (`… i hjemmet. I rute`): the
        // status is missing at the end of this task's last line.
        let task_end = inline_statuses
            .then(|| row.label_lines.last().copied())
            .flatten();
        let primary = match anchor {
            _ if task_end.is_some() && !lone => line_place(
                doc,
                task_end.unwrap_or(row.line),
                if nb {
                    "status mangler på slutten av linjen"
                } else {
                    "status missing at the end of the line"
                },
            ),
            _ if lone => line_place(
                doc,
                row.line,
                if nb {
                    "status mangler"
                } else {
                    "status missing"
                },
            ),
            Some(c) if table.kind == TableKind::Status => place_of(
                c,
                if nb {
                    "status mangler foran beskrivelsen".into()
                } else {
                    "status missing before the description".into()
                },
            ),
            Some(c) => {
                let last = row
                    .cells
                    .iter()
                    .rfind(|x| x.line == c.line && x.value.is_some())
                    .unwrap_or(c);
                let (l, col) = doc.position(c.span.0);
                let (el, ec) = doc.position(last.span.1);
                Place {
                    line: l,
                    column: col,
                    end_line: el,
                    end_column: ec,
                    span: (c.span.0, last.span.1),
                    label: if nb {
                        "raden har ingen status".into()
                    } else {
                        "the row has no status".into()
                    },
                }
            }
            None => line_place(doc, row.line, if nb { "uten status" } else { "no status" }),
        };
        let column = table
            .status_column()
            .and_then(|c| table.columns.get(c))
            .map(|c| c.name.clone())
            .unwrap_or_default();
        out.push(Diagnostic {
            code: INFO.code,
            rule: INFO.name,
            severity: INFO.severity,
            message: if nb {
                format!("«{label}» har ingen verdi i «{column}»")
            } else {
                format!("«{label}» has no value in «{column}»")
            },
            help: Some(if nb {
                "fyll inn statusen; de andre radene i tabellen har en".into()
            } else {
                "fill in the status; the table's other rows have one".into()
            }),
            primary,
            related: Vec::new(),
            table: TableRef::of(table),
            expected: None,
            found: None,
            delta: None,
            relation: None,
            fix: None,
        });
    }
}

/// The trimmed text of 1-based line `line`.
fn line_place(doc: &Document, line: usize, label: &str) -> Place {
    let (s, e) = doc
        .lines
        .get(line.saturating_sub(1))
        .copied()
        .unwrap_or((0, 0));
    let text = doc.text.get(s..e).unwrap_or("");
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    let (start, end) = (s + lead, (e - trail).max(s + lead));
    let (l, c) = doc.position(start);
    let (el, ec) = doc.position(end);
    Place {
        line: l,
        column: c,
        end_line: el,
        end_column: ec,
        span: (start, end),
        label: label.into(),
    }
}

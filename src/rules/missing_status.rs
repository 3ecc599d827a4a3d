//! RL301 `missing-status`: a measure or decision in a status list without a status.

use super::{Diagnostic, Lang, Options, Place, RuleInfo, Severity, TableRef, place_of};
use crate::model::{ColumnKind, Document, RowKind, Table, TableKind};

/// What it does: in lists of measures and decisions with a status column (`Oppdrag /
/// Status / Beskrivelse status`, verbalvedtak, økonomiplantiltak, klimatiltak), reports
/// each task whose status cell is empty: in the text, the line after the task starts with
/// one space where the status should stand, followed by the description.
///
/// Why it matters: politicians read the status column to see what was promised and what
/// happened; an empty status hides exactly that, and is easy to miss in a long list.
///
/// Example: a task `Mål klimagassutslipp: Klimakommunikasjon …` followed by
/// ` Klima er tema i introduksjonsprogram` (no `Iht. plan`, `Ferdig`, …).
///
/// Fix: fill in the status from the list's vocabulary (`rapportlint rule RL301` lists
/// the values in `rules/status.toml`).
///
/// Only lists read as status tables are checked; a status column in a money table is
/// not (yet), because a status wrapped onto a line of its own there reads too much like
/// a heading to tell an empty cell with certainty.
pub const INFO: RuleInfo = RuleInfo {
    code: "RL301",
    name: "missing-status",
    severity: Severity::Error,
    summary: (
        "Et tiltak eller vedtak i en statusliste mangler status",
        "A measure or decision in a status list has no status",
    ),
    docs: "\
Hva den gjør
  I lister over tiltak og vedtak med en statuskolonne (Oppdrag / Status / Beskrivelse
  status, verbalvedtak, økonomiplantiltak, klimatiltak) meldes hvert oppdrag der
  statusen er tom: i teksten starter linjen etter oppdraget med ett mellomrom der
  statusen skulle stått, og så kommer beskrivelsen.

Hvorfor det er viktig
  Politikerne leser statuskolonnen for å se hva som ble lovet og hva som skjedde. En tom
  status skjuler nettopp det, og er lett å overse i en lang liste.

Eksempel
  Oppdraget «Mål klimagassutslipp: Klimakommunikasjon …» etterfulgt av
  « Klima er tema i introduksjonsprogram» (uten Iht. plan, Ferdig osv.).

Retting
  Fyll inn statusen fra listens ordforråd (verdiene står i rules/status.toml).

Omfang
  Bare lister som leses som statustabeller kontrolleres; en statuskolonne i en
  pengetabell kontrolleres ikke ennå, fordi en status brutt over på egen linje der ligner
  for mye på en overskrift til at en tom celle kan fastslås sikkert.",
};

/// Check the tasks of a status list.
pub fn check(doc: &Document, table: &Table, opts: &Options, out: &mut Vec<Diagnostic>) {
    if table.kind != TableKind::Status {
        return;
    }
    let Some(status_col) = table
        .columns
        .iter()
        .position(|c| c.kind == ColumnKind::Status)
    else {
        return;
    };
    let nb = opts.lang == Lang::Nb;
    for row in table.rows.iter().filter(|r| r.kind == RowKind::Task) {
        if row.cell(status_col).is_some() {
            continue;
        }
        let label: String = row.label.chars().take(70).collect();
        let ellipsis = if row.label.chars().count() > 70 {
            "…"
        } else {
            ""
        };
        // Point at the description that stands where the status should (the line that
        // starts with one space), or else at the task's last line.
        let primary = match row.cells.iter().find(|c| c.column != status_col) {
            Some(c) => place_of(
                c,
                if nb {
                    "status mangler foran beskrivelsen".into()
                } else {
                    "status missing before the description".into()
                },
            ),
            None => {
                let line = row.line;
                let (s, e) = doc
                    .lines
                    .get(line.saturating_sub(1))
                    .copied()
                    .unwrap_or((0, 0));
                let text = doc.text.get(s..e).unwrap_or("");
                let lead = text.len() - text.trim_start().len();
                let trail = text.len() - text.trim_end().len();
                let (start, end) = (s + lead, e - trail);
                let (l, c) = doc.position(start);
                let (el, ec) = doc.position(end);
                Place {
                    line: l,
                    column: c,
                    end_line: el,
                    end_column: ec,
                    span: (start, end),
                    label: if nb {
                        "uten status".into()
                    } else {
                        "no status".into()
                    },
                }
            }
        };
        out.push(Diagnostic {
            code: INFO.code,
            rule: INFO.name,
            severity: INFO.severity,
            message: if nb {
                format!("«{label}{ellipsis}» har ingen status")
            } else {
                format!("«{label}{ellipsis}» has no status")
            },
            help: Some(if nb {
                "fyll inn statusen (for eksempel Iht. plan, Forsinket, Ferdig eller Ikke startet)"
                    .into()
            } else {
                "fill in the status (for example Iht. plan, Forsinket, Ferdig or Ikke startet)"
                    .into()
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

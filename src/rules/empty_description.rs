//! RL303 `empty-description`: a status with nothing to explain it, where the list
//! explains its statuses.

use super::{Diagnostic, Lang, Options, RuleInfo, Severity, TableRef, place_of};
use crate::model::{Cell, ColumnKind, Table};

/// What it does: in a table with a status and a description or comment column, where
/// most rows that carry a status also describe it (three or more, two in three),
/// reports a row whose status stands alone. Lists that leave the comment empty as a
/// rule (a savings annex where only measures behind plan are explained) give no
/// finding.
///
/// Why it matters: `Forsinket` with nothing after it tells a politician that
/// something is late but not why or what happens next; in a list where every other
/// measure is explained, the empty cell is usually a forgotten one.
///
/// Example: `Mål klimagassutslipp: Redusere matsvinn med 50 prosent.` / `Forsinket`,
/// and then the next measure.
///
/// Fix: write the description, or say why there is none.
pub const INFO: RuleInfo = RuleInfo {
    code: "RL303",
    name: "empty-description",
    severity: Severity::Warning,
    summary: (
        "En status uten beskrivelse i en liste der statusene ellers beskrives",
        "A status without a description in a list that describes its statuses",
    ),
    docs: "\
Hva den gjør
  I en tabell med statuskolonne og beskrivelses- eller kommentarkolonne, der de fleste
  radene med status også beskriver den (minst tre, to av tre), meldes en rad der
  statusen står alene. Lister som med vilje lar kommentaren stå tom (et
  innsparingsvedlegg der bare tiltak som ikke følger planen forklares), gir ingen funn.

Hvorfor det er viktig
  «Forsinket» uten noe etter forteller politikeren at noe er sent, men ikke hvorfor
  eller hva som skjer videre; i en liste der alle andre tiltak er forklart, er den tomme
  cellen som regel glemt.

Eksempel
  «Mål klimagassutslipp: Redusere matsvinn med 50 prosent.» / «Forsinket», og så neste
  tiltak.

Retting
  Skriv beskrivelsen, eller si hvorfor det ikke finnes noen.",
};

/// Check a table's status rows.
pub fn check(table: &Table, opts: &Options, out: &mut Vec<Diagnostic>) {
    let Some(desc_col) = table
        .columns
        .iter()
        .position(|c| c.kind == ColumnKind::Beskrivelse)
    else {
        return;
    };
    let rows: Vec<(&crate::model::Row, &Cell)> = table
        .status_rows()
        .into_iter()
        .filter_map(|(r, c)| c.map(|c| (r, c)))
        .collect();
    let described =
        |r: &crate::model::Row| r.cell(desc_col).is_some_and(|c| !c.text.trim().is_empty());
    let n = rows.iter().filter(|(r, _)| described(r)).count();
    if n < 3 || n * 3 < rows.len() * 2 {
        return;
    }
    let nb = opts.lang == Lang::Nb;
    let column = &table.columns[desc_col].name;
    for (row, status) in rows.into_iter().filter(|(r, _)| !described(r)) {
        let label = super::short_label(&row.label, 70);
        let text = status.text.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push(Diagnostic {
            code: INFO.code,
            rule: INFO.name,
            severity: INFO.severity,
            message: if nb {
                format!("«{label}» har status «{text}», men «{column}» er tom")
            } else {
                format!("«{label}» has the status «{text}», but «{column}» is empty")
            },
            help: Some(if nb {
                "de andre radene i tabellen beskriver statusen sin; skriv hva den betyr her".into()
            } else {
                "the table's other rows describe their status; say what it means here".into()
            }),
            primary: place_of(
                status,
                if nb {
                    "status uten beskrivelse".into()
                } else {
                    "status without a description".into()
                },
            ),
            related: Vec::new(),
            table: TableRef::of(table),
            expected: None,
            found: Some(text),
            delta: None,
            relation: None,
            fix: None,
        });
    }
}

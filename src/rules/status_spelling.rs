//! RL306 `status-spelling`: one status value spelled two ways in one table.

use super::{
    Applicability, Diagnostic, Edit, Fix, Lang, Options, RuleInfo, Severity, TableRef, place_of,
};
use crate::model::{Cell, Table};
use crate::vocab::Vocab;
use std::collections::BTreeMap;

/// What it does: in a table's status column, finds cells that name the same value in
/// another spelling than most of the table's cells for that value (`I henhold til plan`
/// among `Iht. plan`, `ferdig` among `Ferdig`), and offers a safe fix to the table's
/// own spelling; on a tie, to the vocabulary's canonical spelling. Only spellings of one
/// value count: `Gjennomført` is not rewritten into `Ferdig`, and a list that spells a
/// value one way throughout is left as it is.
///
/// Why it matters: readers and tools count statuses by their text; two spellings of one
/// status split its count, and look like two different statuses.
///
/// Example: a list of `Iht. plan` with one `I henhold til plan`.
///
/// Fix: `--fix` writes the table's own spelling.
pub const INFO: RuleInfo = RuleInfo {
    code: "RL306",
    name: "status-spelling",
    severity: Severity::Warning,
    summary: (
        "Samme statusverdi skrevet på to måter i én tabell",
        "One status value spelled two ways in one table",
    ),
    docs: "\
Hva den gjør
  Finner celler i en tabells statuskolonne som skriver en verdi på en annen måte enn de
  fleste cellene i tabellen med samme verdi («I henhold til plan» blant «Iht. plan»,
  «ferdig» blant «Ferdig»), og tilbyr en sikker retting til tabellens egen skrivemåte;
  ved likt antall til ordforrådets kanoniske skrivemåte. Bare skrivemåter av samme
  verdi teller: «Gjennomført» skrives ikke om til «Ferdig», og en liste som skriver en
  verdi likt hele veien, får stå.

Hvorfor det er viktig
  Lesere og verktøy teller statuser etter teksten; to skrivemåter av én status deler
  tellingen og ser ut som to ulike statuser.

Eksempel
  En liste med «Iht. plan» og én «I henhold til plan».

Retting
  --fix skriver tabellens egen skrivemåte.",
};

/// Check a table's status column.
pub fn check(table: &Table, vocab: &Vocab, opts: &Options, out: &mut Vec<Diagnostic>) {
    // Per value: its spellings in this table, in order of first use, with their cells.
    let mut values: BTreeMap<usize, Vec<(String, Vec<&Cell>)>> = BTreeMap::new();
    for (_, cell) in table.status_rows() {
        let Some(cell) = cell else { continue };
        if cell.quarter {
            continue;
        }
        // Synonyms (`Startet` for `Påbegynt`) are words of their own, never rewritten.
        let Some(v) = vocab
            .status_value(&cell.text)
            .filter(|&v| vocab.is_spelling_of(&cell.text, v))
        else {
            continue;
        };
        let text = cell.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let spellings = values.entry(v).or_default();
        match spellings.iter_mut().find(|(s, _)| *s == text) {
            Some((_, cells)) => cells.push(cell),
            None => spellings.push((text, vec![cell])),
        }
    }
    let nb = opts.lang == Lang::Nb;
    for (v, spellings) in values {
        if spellings.len() < 2 {
            continue;
        }
        let canonical = &vocab.statuses[v].canonical;
        let most = spellings.iter().map(|(_, c)| c.len()).max().unwrap_or(0);
        let tied: Vec<&String> = spellings
            .iter()
            .filter(|(_, c)| c.len() == most)
            .map(|(s, _)| s)
            .collect();
        let target = if tied.len() == 1 {
            tied[0].clone()
        } else {
            tied.iter()
                .find(|s| **s == canonical)
                .map_or_else(|| canonical.clone(), |s| (*s).clone())
        };
        for (spelling, cells) in &spellings {
            if *spelling == target {
                continue;
            }
            for cell in cells {
                // Only a cell printed on one line is rewritten; one wrapped over lines
                // (`Henhold` / `til plan`) spans the line break, which stays.
                let single_line =
                    !cell.text.contains(' ') || cell.span.1 - cell.span.0 == cell.text.len();
                let fix = single_line.then(|| Fix {
                    applicability: Applicability::Safe,
                    message: if nb {
                        format!("skriv «{target}» som resten av tabellen")
                    } else {
                        format!("write «{target}» like the rest of the table")
                    },
                    edits: vec![Edit {
                        span: cell.span,
                        content: target.clone(),
                    }],
                });
                out.push(Diagnostic {
                    code: INFO.code,
                    rule: INFO.name,
                    severity: INFO.severity,
                    message: if nb {
                        format!("«{spelling}» er skrevet «{target}» ellers i tabellen")
                    } else {
                        format!("«{spelling}» is written «{target}» elsewhere in the table")
                    },
                    help: Some(if nb {
                        "samme status med to skrivemåter deler tellingen av den".into()
                    } else {
                        "one status with two spellings splits its count".into()
                    }),
                    primary: place_of(
                        cell,
                        if nb {
                            "annen skrivemåte".into()
                        } else {
                            "another spelling".into()
                        },
                    ),
                    related: Vec::new(),
                    table: TableRef::of(table),
                    expected: Some(target.clone()),
                    found: Some(spelling.clone()),
                    delta: None,
                    relation: None,
                    fix,
                });
            }
        }
    }
}

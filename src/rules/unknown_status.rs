//! RL302 `unknown-status`: a status value the list's vocabulary does not know.

use super::{
    Applicability, Diagnostic, Edit, Fix, Lang, Options, RuleInfo, Severity, TableRef, place_of,
};
use crate::model::{Cell, Table};
use crate::vocab::Vocab;

/// What it does: in a status column whose values come from a vocabulary (most of its
/// cells are known values from `rules/status.toml` or the configuration), reports a
/// cell that is none of them, with the closest known spelling. Completion quarters
/// (`4K-2024`) are times, not vocabulary values, and always pass. A column of free text
/// (a climate list's `Status 1. tertial`) is not a vocabulary column and is not checked.
///
/// Why it matters: a reader sorts measures by their status; a misspelt or invented
/// value (`Forsinkt`, `Iht. plann`) falls out of every count and filter, and a
/// municipality's own vocabulary belongs in its configuration.
///
/// Example: `Forsinkt Sak kommer til behandling i formannskapet.` in a list of `Iht.
/// plan`, `Ferdig` and `Forsinket`.
///
/// Fix: write the value as the vocabulary does; when one spelling is within two edits,
/// `--unsafe-fixes` writes it (`Forsinkt` → `Forsinket`). A value the municipality
/// uses on purpose goes into `rapportlint.toml` as a `[[status]]`.
pub const INFO: RuleInfo = RuleInfo {
    code: "RL302",
    name: "unknown-status",
    severity: Severity::Warning,
    summary: (
        "En statusverdi som ikke er i ordforrådet",
        "A status value that is not in the vocabulary",
    ),
    docs: "\
Hva den gjør
  I en statuskolonne der verdiene kommer fra et ordforråd (de fleste cellene er kjente
  verdier fra rules/status.toml eller konfigurasjonen), meldes en celle som ikke er noen
  av dem, med den nærmeste kjente skrivemåten. Ferdigkvartaler (4K-2024) er tidspunkter,
  ikke ordforrådsverdier, og godtas alltid. En kolonne med fritekst (klimalistens
  «Status 1. tertial») er ingen ordforrådskolonne og kontrolleres ikke.

Hvorfor det er viktig
  Leseren sorterer tiltakene etter status; en feilstavet eller ny verdi (Forsinkt,
  Iht. plann) faller utenfor alle opptellinger og filtre, og kommunens egne verdier
  hører hjemme i konfigurasjonen.

Eksempel
  «Forsinkt Sak kommer til behandling i formannskapet.» i en liste med Iht. plan,
  Ferdig og Forsinket.

Retting
  Skriv verdien slik ordforrådet gjør; når én skrivemåte er innen to tegn, skriver
  --unsafe-fixes den (Forsinkt → Forsinket). En verdi kommunen bruker med vilje, legges
  inn i rapportlint.toml som [[status]].",
};

/// Check a table's status column.
pub fn check(table: &Table, vocab: &Vocab, opts: &Options, out: &mut Vec<Diagnostic>) {
    let cells: Vec<&Cell> = table
        .status_rows()
        .into_iter()
        .filter_map(|(_, c)| c)
        .collect();
    let known = |c: &Cell| c.quarter || vocab.status_value(&c.text).is_some();
    let n_known = cells.iter().filter(|c| known(c)).count();
    // A vocabulary column: three or more known values, and two in three cells known.
    // In a shorter list (one or two known values, half the cells or more), only a value
    // spelt almost like a known one (`Forsinkt`) is reported.
    let vocabulary = n_known >= 3 && n_known * 3 >= cells.len() * 2;
    if !vocabulary && (n_known == 0 || n_known * 2 < cells.len()) {
        return;
    }
    let nb = opts.lang == Lang::Nb;
    for cell in cells.into_iter().filter(|c| !known(c)) {
        let text = cell.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let (closest, distance) = closest_spelling(vocab, &text);
        let misspelt = distance <= 1 || distance <= 2 && text.chars().count() >= 8;
        if !vocabulary && !misspelt {
            continue;
        }
        let fix = (distance <= 2).then(|| Fix {
            applicability: Applicability::Unsafe,
            message: if nb {
                format!("skriv «{closest}»")
            } else {
                format!("write «{closest}»")
            },
            edits: vec![Edit {
                span: cell.span,
                content: closest.clone(),
            }],
        });
        out.push(Diagnostic {
            code: INFO.code,
            rule: INFO.name,
            severity: INFO.severity,
            message: if nb {
                format!("statusen «{text}» er ikke en kjent verdi")
            } else {
                format!("the status «{text}» is not a known value")
            },
            help: Some(if nb {
                format!(
                    "nærmeste kjente verdi er «{closest}»; en verdi kommunen bruker med vilje, legges inn i rapportlint.toml som [[status]]"
                )
            } else {
                format!(
                    "the closest known value is «{closest}»; a value the municipality uses on purpose goes into rapportlint.toml as a [[status]]"
                )
            }),
            primary: place_of(
                cell,
                if nb {
                    "ukjent status".into()
                } else {
                    "unknown status".into()
                },
            ),
            related: Vec::new(),
            table: TableRef::of(table),
            expected: Some(closest),
            found: Some(text),
            delta: None,
            relation: None,
            fix,
        });
    }
}

/// The known spelling closest to `text`, with its distance in edits: the value's
/// canonical spelling, unless an alias is nearer.
fn closest_spelling(vocab: &Vocab, text: &str) -> (String, usize) {
    let Some((spelling, value, d)) = vocab.nearest_status(text, None) else {
        return (String::new(), usize::MAX);
    };
    let canonical = &vocab.statuses[value].canonical;
    if strsim::levenshtein(&canonical.to_lowercase(), &text.to_lowercase()) <= d {
        (canonical.clone(), d)
    } else {
        (spelling.to_string(), d)
    }
}

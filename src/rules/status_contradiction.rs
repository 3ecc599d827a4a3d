//! RL304 `status-contradiction`: a status that its own description contradicts.

use super::{Diagnostic, Lang, Options, Place, RuleInfo, Severity, TableRef, place_of};
use crate::model::{Cell, ColumnKind, Document, Table};
use crate::vocab::Vocab;

/// What it does: reads the description or comment of each row with a known status and
/// reports one that says the opposite: `Ferdig` while the text says the work is under
/// way, goes on or is postponed; `Forsinket` with `Ikke påbegynt`; `Ikke i henhold til
/// plan` with `Vi er i henhold til planen`. The phrases per state are data
/// (`[contradictions]` in `rules/status.toml`); a phrase right after a negation (`ikke
/// forsinket`) does not count.
///
/// Why it matters: the status column is what gets counted and quoted ("fire tiltak er
/// ferdig"); when the text under it tells another story, one of them is wrong, and
/// readers who only see the count are misled.
///
/// Example: `Forsinket Ikke påbegynt` (a delay, or not started?), `Ferdig` over
/// `Prosjektet … er under arbeid … fortsetter i 2024`.
///
/// Fix: make the status say what the description says, or the description what the
/// status says.
pub const INFO: RuleInfo = RuleInfo {
    code: "RL304",
    name: "status-contradiction",
    severity: Severity::Warning,
    summary: (
        "En status som dens egen beskrivelse motsier",
        "A status contradicted by its own description",
    ),
    docs: "\
Hva den gjør
  Leser beskrivelsen eller kommentaren til hver rad med en kjent status og melder en
  som sier det motsatte: «Ferdig» mens teksten sier at arbeidet pågår, fortsetter eller
  er utsatt; «Forsinket» med «Ikke påbegynt»; «Ikke i henhold til plan» med «Vi er i
  henhold til planen». Uttrykkene per tilstand er data ([contradictions] i
  rules/status.toml); et uttrykk rett etter en nektelse («ikke forsinket») teller ikke.

Hvorfor det er viktig
  Statuskolonnen er det som telles og siteres («fire tiltak er ferdig»); når teksten
  under forteller noe annet, er en av dem feil, og lesere som bare ser tallet, blir
  villedet.

Eksempel
  «Forsinket Ikke påbegynt» (forsinket, eller ikke startet?), «Ferdig» over
  «Prosjektet … er under arbeid … fortsetter i 2024».

Retting
  La statusen si det beskrivelsen sier, eller beskrivelsen det statusen sier.",
};

/// Check a table's status rows against their descriptions.
pub fn check(
    doc: &Document,
    table: &Table,
    vocab: &Vocab,
    opts: &Options,
    out: &mut Vec<Diagnostic>,
) {
    let Some(desc_col) = table
        .columns
        .iter()
        .position(|c| c.kind == ColumnKind::Beskrivelse)
    else {
        return;
    };
    let nb = opts.lang == Lang::Nb;
    for (row, status) in table.status_rows() {
        let (Some(status), Some(desc)) = (status, row.cell(desc_col)) else {
            continue;
        };
        let Some(value) = vocab.status_value(&status.text) else {
            continue;
        };
        let def = &vocab.statuses[value];
        let Some(words) = vocab.contradiction(&def.state, &desc.text) else {
            continue;
        };
        let phrase = crate::vocab::phrase_words(&desc.text)[words].join(" ");
        let label = super::short_label(&row.label, 60);
        let text = status.text.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push(Diagnostic {
            code: INFO.code,
            rule: INFO.name,
            severity: INFO.severity,
            message: if nb {
                format!("«{label}» har status «{text}», men beskrivelsen sier «{phrase}»")
            } else {
                format!("«{label}» has the status «{text}», but its description says «{phrase}»")
            },
            help: Some(if nb {
                format!(
                    "«{text}» betyr {}; la statusen og beskrivelsen si det samme",
                    state_name(&def.state, nb)
                )
            } else {
                format!(
                    "«{text}» means {}; make the status and the description agree",
                    state_name(&def.state, nb)
                )
            }),
            primary: place_of(
                status,
                if nb {
                    "statusen".into()
                } else {
                    "the status".into()
                },
            ),
            related: vec![phrase_place(doc, desc, &phrase)],
            table: TableRef::of(table),
            expected: None,
            found: Some(text),
            delta: None,
            relation: None,
            fix: None,
        });
    }
}

/// What a state means, in words.
fn state_name(state: &str, nb: bool) -> &'static str {
    match (state, nb) {
        ("done", true) => "at arbeidet er ferdig",
        ("done", false) => "that the work is done",
        ("progressing", true) => "at arbeidet går etter planen",
        ("progressing", false) => "that the work goes to plan",
        ("delayed", true) => "at arbeidet er i gang, men forsinket",
        ("delayed", false) => "that the work is under way but late",
        ("not-started", true) => "at arbeidet ikke er startet",
        ("not-started", false) => "that the work has not started",
        ("stopped", true) => "at arbeidet er stanset eller utsatt",
        ("stopped", false) => "that the work is stopped or postponed",
        (_, true) => "noe annet enn beskrivelsen",
        (_, false) => "something other than the description",
    }
}

/// Where the contradicting phrase stands in the description, which may run over
/// several lines from its cell's start; the description cell itself when the phrase is
/// not found as printed.
fn phrase_place(doc: &Document, desc: &Cell, phrase: &str) -> Place {
    let label = format!("«{phrase}»");
    let start = desc.span.0;
    // The description's text in the report: its length again for line breaks and
    // hyphens, at most.
    let mut end = (start + 2 * desc.text.len()).min(doc.text.len());
    while !doc.text.is_char_boundary(end) {
        end -= 1;
    }
    let region = doc.text.get(start..end).unwrap_or("");
    match find_words(region, phrase) {
        Some((a, b)) => {
            let (l, c) = doc.position(start + a);
            let (el, ec) = doc.position(start + b);
            Place {
                line: l,
                column: c,
                end_line: el,
                end_column: ec,
                span: (start + a, start + b),
                label,
            }
        }
        None => place_of(desc, label),
    }
}

/// The byte range of `phrase` (lower-case words) in `text` as whole words, any run of
/// spaces or line breaks between them, case not counting.
fn find_words(text: &str, phrase: &str) -> Option<(usize, usize)> {
    let words: Vec<&str> = phrase.split(' ').collect();
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    for (at, _) in text.char_indices() {
        if !boundary(text[..at].chars().next_back()) {
            continue;
        }
        let mut pos = at;
        let mut ok = true;
        for (k, w) in words.iter().enumerate() {
            if k > 0 {
                let rest = &text[pos..];
                let skipped = rest.len() - rest.trim_start().len();
                if skipped == 0 {
                    ok = false;
                    break;
                }
                pos += skipped;
            }
            let rest = &text[pos..];
            let Some(prefix) = rest.get(..w.len()) else {
                ok = false;
                break;
            };
            if prefix.to_lowercase() != *w || !boundary(rest[w.len()..].chars().next()) {
                ok = false;
                break;
            }
            pos += w.len();
        }
        if ok {
            return Some((at, pos));
        }
    }
    None
}

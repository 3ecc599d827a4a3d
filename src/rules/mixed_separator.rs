//! RL204 `mixed-separator`: a table that groups the thousands of its numbers with
//! different characters (space, no-break space U+00A0, narrow no-break space U+202F).

use super::{
    Applicability, Checked, Diagnostic, Edit, Fix, Lang, Options, RuleInfo, Severity, TableRef,
    place_of,
};
use crate::model::{Cell, Document, TableKind};
use std::collections::BTreeMap;

/// What it does: finds, in each table, the characters that separate the thousands of its
/// numbers (`12 345` with a space, a no-break space or a narrow no-break space) and
/// reports a table that uses more than one, with the cells that differ from the table's
/// most common one.
///
/// Why it matters: the separators are invisible on the page but not to a screen reader,
/// a search or a spreadsheet the table is copied into; a column grouped differently was
/// usually pasted in from another source and may not have been updated with the rest.
///
/// Example: `Moss 52 671 1 858 005` where `52 671` is grouped with U+202F and the other
/// numbers with spaces.
///
/// Fix: group every number of the table with its most common separator; `lint --fix`
/// applies this as a safe fix (only the separators change), except where a no-break
/// separator turned into a space would leave the number one space from another number:
/// then the line could be read otherwise, and the fix is only shown.
pub const INFO: RuleInfo = RuleInfo {
    code: "RL204",
    name: "mixed-separator",
    severity: Severity::Warning,
    summary: (
        "En tabell skiller tusener med ulike tegn (mellomrom, hardt mellomrom, smalt hardt mellomrom)",
        "A table groups thousands with different characters (space, no-break space, narrow no-break space)",
    ),
    docs: "\
Hva den gjør
  Finner tegnene som skiller tusener i tallene i hver tabell (12 345 med mellomrom,
  hardt mellomrom U+00A0 eller smalt hardt mellomrom U+202F) og melder en tabell som
  bruker mer enn ett, med cellene som skiller seg fra tabellens vanligste.

Hvorfor det er viktig
  Skilletegnene synes ikke på siden, men en skjermleser, et søk eller et regneark
  tabellen kopieres inn i, ser dem. En kolonne med andre skilletegn er som regel limt inn
  fra en annen kilde og kanskje ikke oppdatert med resten.

Eksempel
  Moss 52 671 1 858 005, der 52 671 er skilt med U+202F og de andre tallene med
  mellomrom.

Retting
  Skill tusener i hele tabellen med det vanligste tegnet. lint --fix gjør dette som en
  trygg retting (bare skilletegnene endres), unntatt der et hardt mellomrom som blir
  vanlig mellomrom, ville stå ett mellomrom fra et annet tall: da kan linjen leses
  annerledes, og rettingen bare vises.",
};

/// Thousands separators inside a cell: byte offset in the document and the character.
fn separators(cell: &Cell) -> Vec<(usize, char)> {
    // A number joined from two lines has text that is not the document's bytes.
    if cell.value.is_none() || cell.text.len() != cell.span.1 - cell.span.0 {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = cell.text.char_indices().collect();
    let mut out = Vec::new();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let grouping = matches!(c, ' ' | '\u{A0}' | '\u{202F}')
            && i > 0
            && chars[i - 1].1.is_ascii_digit()
            && chars.len() >= i + 4
            && chars[i + 1..i + 4].iter().all(|(_, d)| d.is_ascii_digit())
            && chars.get(i + 4).is_none_or(|(_, d)| !d.is_ascii_digit());
        if grouping {
            out.push((cell.span.0 + at, c));
        }
    }
    out
}

fn describe(c: char, lang: Lang) -> &'static str {
    match (c, lang) {
        ('\u{A0}', Lang::Nb) => "hardt mellomrom (U+00A0)",
        ('\u{202F}', Lang::Nb) => "smalt hardt mellomrom (U+202F)",
        (_, Lang::Nb) => "mellomrom",
        ('\u{A0}', Lang::En) => "no-break space (U+00A0)",
        ('\u{202F}', Lang::En) => "narrow no-break space (U+202F)",
        (_, Lang::En) => "space",
    }
}

/// Check every numeric table of the document.
pub fn check(doc: &Document, opts: &Options, out: &mut Vec<Diagnostic>, checked: &mut Checked) {
    let nb = opts.lang == Lang::Nb;
    for table in doc.tables.iter().filter(|t| t.kind == TableKind::Numeric) {
        let cells: Vec<(&Cell, Vec<(usize, char)>)> = table
            .rows
            .iter()
            .flat_map(|r| &r.cells)
            .map(|c| (c, separators(c)))
            .filter(|(_, s)| !s.is_empty())
            .collect();
        if cells.is_empty() {
            continue;
        }
        checked.relations_checked += 1;
        let mut counts: BTreeMap<char, usize> = BTreeMap::new();
        for (_, seps) in &cells {
            for (_, c) in seps {
                *counts.entry(*c).or_default() += 1;
            }
        }
        if counts.len() < 2 {
            continue;
        }
        // The table's most common separator; on a tie, the plain space.
        let Some((&main, &n)) = counts.iter().max_by_key(|(c, n)| (**n, **c == ' ')) else {
            continue;
        };
        let odd: Vec<&(&Cell, Vec<(usize, char)>)> = cells
            .iter()
            .filter(|(_, seps)| seps.iter().any(|(_, c)| *c != main))
            .collect();
        let Some((first, first_seps)) = odd.first().map(|x| (x.0, &x.1)) else {
            continue;
        };
        let kind = first_seps
            .iter()
            .map(|(_, c)| *c)
            .find(|c| *c != main)
            .unwrap_or(main);
        let edits: Vec<Edit> = odd
            .iter()
            .flat_map(|(_, seps)| seps.iter())
            .filter(|(_, c)| *c != main)
            .map(|&(at, c)| Edit {
                span: (at, at + c.len_utf8()),
                content: main.to_string(),
            })
            .collect();
        // A no-break separator keeps a number together where a plain space would not:
        // with another number one space away, the fixed line could be read otherwise.
        let crowded = main == ' '
            && odd.iter().any(|(c, _)| {
                let before = doc.text.get(..c.span.0).unwrap_or("");
                let after = doc.text.get(c.span.1..).unwrap_or("");
                let mut b = before.chars().rev();
                let mut a = after.chars();
                (b.next() == Some(' ') && b.next().is_some_and(|d| d.is_ascii_digit()))
                    || (a.next() == Some(' ') && a.next().is_some_and(|d| d.is_ascii_digit()))
            });
        let fix = Fix {
            applicability: if crowded {
                Applicability::Display
            } else {
                Applicability::Safe
            },
            message: if nb {
                format!("skill tusener med {}", describe(main, opts.lang))
            } else {
                format!("group thousands with a {}", describe(main, opts.lang))
            },
            edits,
        };
        out.push(Diagnostic {
            code: INFO.code,
            rule: INFO.name,
            severity: INFO.severity,
            message: if nb {
                format!(
                    "tabellen skiller tusener med {} i {} tall, mens {n} tallgrupper ellers er skilt med {}",
                    describe(kind, opts.lang),
                    odd.len(),
                    describe(main, opts.lang)
                )
            } else {
                format!(
                    "the table groups thousands with a {} in {} numbers, while {n} groups elsewhere are separated with a {}",
                    describe(kind, opts.lang),
                    odd.len(),
                    describe(main, opts.lang)
                )
            },
            help: Some(if nb {
                format!("skill tusener med {} i hele tabellen", describe(main, opts.lang))
            } else {
                format!(
                    "group thousands with a {} throughout the table",
                    describe(main, opts.lang)
                )
            }),
            primary: place_of(first, describe(kind, opts.lang).to_string()),
            related: odd[1..]
                .iter()
                .map(|(c, _)| place_of(c, describe(kind, opts.lang).to_string()))
                .collect(),
            table: TableRef::of(table),
            expected: None,
            found: Some(first.text.clone()),
            delta: None,
            relation: None,
            fix: Some(fix),
        });
    }
}

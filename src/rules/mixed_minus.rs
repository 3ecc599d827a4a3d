//! RL202 `mixed-minus`: a table that writes its minus signs differently from the rest of
//! the document, or mixes them within itself.

use super::{
    Applicability, Checked, Diagnostic, Edit, Fix, Lang, Options, RuleInfo, Severity, TableRef,
    place_of,
};
use crate::lex::MinusKind;
use crate::model::{Cell, Document, Table, TableKind};
use std::collections::HashMap;

/// What it does: looks at how the tables print a minus sign (`−` U+2212, `-`, `–` en
/// dash, or a trailing `36 600-`) and reports a table that mixes forms, and a table that
/// writes the minus after the number where the rest of the document writes it before,
/// with its cells as evidence. (A chapter whose tables all use `−` while another uses
/// `-` is a style choice per chapter and is not reported.)
///
/// Why it matters: a reader, a screen reader or a spreadsheet that the table is copied
/// into takes `36 600-` or an en dash for something else than a negative number; mixed
/// forms also show that a table was pasted in from another source and may not have been
/// updated with the rest.
///
/// Example: a table with `-1 347` in most rows and `−2 210` (U+2212) in one; a table
/// of `36 600-` in a report that writes `-36 600` elsewhere.
///
/// Fix: write every minus in the table's (or the document's) most common form.
/// (`lint --fix` will offer this as a safe fix.)
///
/// A lone trailing minus in a table (`1.trinn - 3-` / `årig`) is taken for a word broken
/// at the line end and ignored.
pub const INFO: RuleInfo = RuleInfo {
    code: "RL202",
    name: "mixed-minus",
    severity: Severity::Warning,
    summary: (
        "En tabell skriver minustegn annerledes enn resten av dokumentet",
        "A table writes its minus signs differently from the rest of the document",
    ),
    docs: "\
Hva den gjør
  Ser på hvordan tabellene skriver minustegn (− U+2212, -, – tankestrek, eller etterstilt
  som 36 600-) og melder en tabell som blander former, og en tabell som skriver minus
  etter tallet der resten av dokumentet skriver det foran, med cellene som bevis. (Et
  kapittel der alle tabellene bruker − mens et annet bruker -, er et stilvalg og meldes
  ikke.)

Hvorfor det er viktig
  En leser, en skjermleser eller et regneark tabellen kopieres inn i, kan ta 36 600- eller
  en tankestrek for noe annet enn et negativt tall. Blandede former viser også at en
  tabell er limt inn fra en annen kilde og kanskje ikke er oppdatert med resten.

Eksempel
  En tabell med -1 347 i de fleste radene og −2 210 (U+2212) i én; en tabell med 36 600-
  i en rapport som ellers skriver -36 600.

Retting
  Skriv alle minustegn i tabellens (eller dokumentets) vanligste form. (lint --fix vil
  tilby dette som en trygg retting.) Et ensomt etterstilt minus (1.trinn - 3- / årig)
  regnes som et ord delt ved linjeslutt og holdes utenfor.",
};

fn describe(kind: MinusKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (MinusKind::Hyphen, Lang::Nb) => "bindestrek-minus «-»",
        (MinusKind::Minus, Lang::Nb) => "minustegn «−» (U+2212)",
        (MinusKind::EnDash, Lang::Nb) => "tankestrek «–»",
        (MinusKind::Trailing, Lang::Nb) => "etterstilt minus («36 600-»)",
        (MinusKind::Hyphen, Lang::En) => "hyphen-minus «-»",
        (MinusKind::Minus, Lang::En) => "minus sign «−» (U+2212)",
        (MinusKind::EnDash, Lang::En) => "en dash «–»",
        (MinusKind::Trailing, Lang::En) => "trailing minus («36 600-»)",
    }
}

fn negative_cells(table: &Table) -> impl Iterator<Item = (&Cell, MinusKind)> {
    table
        .rows
        .iter()
        .flat_map(|r| &r.cells)
        // Percent cells keep their own style (`- 1,9 %`, a rate in a header line).
        .filter(|c| !c.percent)
        .filter_map(|c| Some((c, c.minus?)))
}

/// Check the whole document at once: the dominant form is the document's.
pub fn check(doc: &Document, opts: &Options, out: &mut Vec<Diagnostic>, checked: &mut Checked) {
    let tables: Vec<&Table> = doc
        .tables
        .iter()
        .filter(|t| t.kind == TableKind::Numeric)
        .collect();
    // Per table, its negative cells; a lone trailing minus (`1.trinn - 3-` / `årig`)
    // is a word broken at the line end more often than a number.
    let per_table: Vec<Vec<(&Cell, MinusKind)>> = tables
        .iter()
        .map(|t| {
            let cells: Vec<(&Cell, MinusKind)> = negative_cells(t).collect();
            let trailing = cells
                .iter()
                .filter(|(_, k)| *k == MinusKind::Trailing)
                .count();
            cells
                .into_iter()
                .filter(|(_, k)| *k != MinusKind::Trailing || trailing >= 2)
                .collect()
        })
        .collect();
    let mut counts: HashMap<MinusKind, usize> = HashMap::new();
    for (_, k) in per_table.iter().flatten() {
        *counts.entry(*k).or_default() += 1;
    }
    let Some((&dominant, _)) = counts
        .iter()
        .max_by_key(|(k, n)| (**n, matches!(k, MinusKind::Hyphen)))
    else {
        return;
    };
    let nb = opts.lang == Lang::Nb;
    for (t, cells) in tables.iter().zip(&per_table) {
        if cells.is_empty() {
            continue;
        }
        checked.relations_checked += 1;
        // The table's own most common form.
        let mut own: HashMap<MinusKind, usize> = HashMap::new();
        for (_, k) in cells {
            *own.entry(*k).or_default() += 1;
        }
        let (&main, _) = own
            .iter()
            .max_by_key(|(k, n)| (**n, **k == dominant))
            .expect("cells is not empty");
        // Mixed within the table, or a trailing minus where the document leads.
        let odd: Vec<(&Cell, MinusKind)> = if own.len() > 1 {
            cells.iter().copied().filter(|(_, k)| *k != main).collect()
        } else if main == MinusKind::Trailing && dominant != MinusKind::Trailing {
            cells.clone()
        } else {
            Vec::new()
        };
        let Some(&(first, kind)) = odd.first() else {
            continue;
        };
        let reference = if own.len() > 1 { main } else { dominant };
        let message = match (own.len() > 1, nb) {
            (true, true) => format!(
                "tabellen blander minustegn: {} tall med {} blant {} med {}",
                odd.len(),
                describe(kind, opts.lang),
                own[&main],
                describe(main, opts.lang)
            ),
            (true, false) => format!(
                "the table mixes minus signs: {} numbers with a {} among {} with a {}",
                odd.len(),
                describe(kind, opts.lang),
                own[&main],
                describe(main, opts.lang)
            ),
            (false, true) => format!(
                "tabellen skriver {} negative tall med {}, mens dokumentet ellers bruker {}",
                odd.len(),
                describe(kind, opts.lang),
                describe(dominant, opts.lang)
            ),
            (false, false) => format!(
                "the table writes {} negative numbers with a {}, while the document otherwise uses a {}",
                odd.len(),
                describe(kind, opts.lang),
                describe(dominant, opts.lang)
            ),
        };
        let fix = minus_fix(&odd, reference).map(|edits| Fix {
            applicability: Applicability::Safe,
            message: if nb {
                format!("skriv minustegnet som {}", describe(reference, opts.lang))
            } else {
                format!("write the minus as a {}", describe(reference, opts.lang))
            },
            edits,
        });
        out.push(Diagnostic {
            code: INFO.code,
            rule: INFO.name,
            severity: INFO.severity,
            message,
            help: Some(if nb {
                format!("skriv minustegnet som {}", describe(reference, opts.lang))
            } else {
                format!("write the minus as a {}", describe(reference, opts.lang))
            }),
            primary: place_of(first, describe(kind, opts.lang).to_string()),
            related: odd[1..]
                .iter()
                .map(|(c, k)| place_of(c, describe(*k, opts.lang).to_string()))
                .collect(),
            table: TableRef::of(t),
            expected: None,
            found: Some(first.text.clone()),
            delta: None,
            fix,
            relation: None,
        });
    }
}

/// The character a leading minus of this kind is written with.
fn leading_char(kind: MinusKind) -> Option<char> {
    match kind {
        MinusKind::Hyphen => Some('-'),
        MinusKind::Minus => Some('\u{2212}'),
        MinusKind::EnDash => Some('\u{2013}'),
        MinusKind::Trailing => None,
    }
}

/// Edits that write each odd cell's minus as `reference`: only the sign changes, the
/// digits are left as they are. `None` when a cell is not written as expected.
fn minus_fix(odd: &[(&Cell, MinusKind)], reference: MinusKind) -> Option<Vec<Edit>> {
    let mut edits = Vec::new();
    for &(cell, kind) in odd {
        let (start, end) = cell.span;
        let text = cell.text.as_str();
        if text.len() != end - start {
            // A number joined from two lines: leave it to the reader.
            return None;
        }
        // Where the sign is now: its byte span in the document.
        let sign = match leading_char(kind) {
            Some(c) => text.starts_with(c).then(|| (start, start + c.len_utf8()))?,
            None => text.ends_with('-').then(|| (end - 1, end))?,
        };
        if kind == reference {
            return None;
        }
        match (leading_char(kind), leading_char(reference)) {
            (Some(_), Some(c)) => edits.push(Edit {
                span: sign,
                content: c.to_string(),
            }),
            // `36 600-` → `−36 600`.
            (None, Some(c)) => {
                edits.push(Edit {
                    span: (start, start),
                    content: c.to_string(),
                });
                edits.push(Edit {
                    span: sign,
                    content: String::new(),
                });
            }
            // `−36 600` → `36 600-`.
            (Some(_), None) => {
                edits.push(Edit {
                    span: sign,
                    content: String::new(),
                });
                edits.push(Edit {
                    span: (end, end),
                    content: "-".into(),
                });
            }
            (None, None) => return None,
        }
    }
    (!edits.is_empty()).then_some(edits)
}

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
/// A table repeated per unit (same title and columns) is also reported when it writes
/// its minus otherwise than most of its siblings (at least three, and three in five).
///
/// Fix: write every minus in the table's (or its siblings', or the document's) most
/// common form; `lint --fix` applies this as a safe fix.
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
  etter tallet der resten av dokumentet skriver det foran, med cellene som bevis. En
  tabell som gjentas (samme tittel og kolonner, for eksempel én per enhet) meldes også når
  den skriver minus på en annen måte enn de fleste av de andre (minst tre, og tre av fem).
  (Et kapittel der alle tabellene bruker − mens et annet bruker -, er et stilvalg og meldes
  ikke.)

Hvorfor det er viktig
  En leser, en skjermleser eller et regneark tabellen kopieres inn i, kan ta 36 600- eller
  en tankestrek for noe annet enn et negativt tall. Blandede former viser også at en
  tabell er limt inn fra en annen kilde og kanskje ikke er oppdatert med resten.

Eksempel
  En tabell med -1 347 i de fleste radene og −2 210 (U+2212) i én; en tabell med 36 600-
  i en rapport som ellers skriver -36 600.

Retting
  Skriv alle minustegn i tabellens (eller søskentabellenes, eller dokumentets) vanligste
  form. lint --fix gjør dette som en trygg retting. Et ensomt etterstilt minus (1.trinn - 3- / årig)
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
        .max_by_key(|(k, n)| (**n, matches!(k, MinusKind::Hyphen), **k as u8))
    else {
        return;
    };
    let nb = opts.lang == Lang::Nb;
    let siblings = sibling_forms(&tables, &per_table);
    for (ti, (t, cells)) in tables.iter().zip(&per_table).enumerate() {
        if cells.is_empty() {
            continue;
        }
        checked.relations_checked += 1;
        // The table's own most common form.
        let mut own: HashMap<MinusKind, usize> = HashMap::new();
        for (_, k) in cells {
            *own.entry(*k).or_default() += 1;
        }
        // On a tie, the form of the tables like it, then the document's.
        let like = siblings[ti].map(|(form, _, _)| form);
        let (&main, _) = own
            .iter()
            .max_by_key(|(k, n)| (**n, Some(**k) == like, **k == dominant, **k as u8))
            .expect("cells is not empty");
        // Mixed within the table, or a trailing minus where the document leads.
        // Or one form throughout where the tables like it (same title and columns, a
        // table repeated per unit) all write another.
        let sibling = siblings[ti].filter(|(form, _, _)| own.len() == 1 && *form != main);
        let odd: Vec<(&Cell, MinusKind)> = if own.len() > 1 {
            cells.iter().copied().filter(|(_, k)| *k != main).collect()
        } else if main == MinusKind::Trailing && dominant != MinusKind::Trailing
            || sibling.is_some()
        {
            cells.clone()
        } else {
            Vec::new()
        };
        let Some(&(first, kind)) = odd.first() else {
            continue;
        };
        let reference = match sibling {
            _ if own.len() > 1 => main,
            Some((form, _, _)) => form,
            None => dominant,
        };
        let message = match (own.len() > 1, nb) {
            (false, true) if let Some((form, n, of)) = sibling => format!(
                "tabellen skriver {} negative tall med {}, mens {n} av de {of} andre tabellene med samme tittel og kolonner bruker {}",
                odd.len(),
                describe(kind, opts.lang),
                describe(form, opts.lang)
            ),
            (false, false) if let Some((form, n, of)) = sibling => format!(
                "the table writes {} negative numbers with a {}, while {n} of the {of} other tables with the same title and columns use a {}",
                odd.len(),
                describe(kind, opts.lang),
                describe(form, opts.lang)
            ),
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

/// For each table, the minus form of the tables like it (same title and column names):
/// the main form of at least three of the others with negative numbers, and of three in
/// five of them; with how many do, of how many.
fn sibling_forms(
    tables: &[&Table],
    per_table: &[Vec<(&Cell, MinusKind)>],
) -> Vec<Option<(MinusKind, usize, usize)>> {
    let key = |t: &Table| -> Option<(String, Vec<String>)> {
        Some((
            t.title.clone()?,
            t.columns.iter().map(|c| c.name.clone()).collect(),
        ))
    };
    // Each table's main form (a table that mixes forms is reported, and fixed, to it);
    // a table with a tie between forms has none.
    let single: Vec<Option<MinusKind>> = per_table
        .iter()
        .map(|cells| {
            let mut own: HashMap<MinusKind, usize> = HashMap::new();
            for (_, k) in cells {
                *own.entry(*k).or_default() += 1;
            }
            let top = own.values().copied().max()?;
            let mut mains = own.into_iter().filter(|(_, n)| *n == top);
            // A tie does not vote.
            match (mains.next(), mains.next()) {
                (Some((k, _)), None) => Some(k),
                _ => None,
            }
        })
        .collect();
    let mut groups: HashMap<(String, Vec<String>), Vec<usize>> = HashMap::new();
    for (i, t) in tables.iter().enumerate() {
        if let Some(k) = key(t) {
            groups.entry(k).or_default().push(i);
        }
    }
    let mut out = vec![None; tables.len()];
    for members in groups.values() {
        for &i in members {
            let others: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&j| j != i && !per_table[j].is_empty())
                .collect();
            if others.len() < 3 {
                continue;
            }
            // The form most of them write throughout (at least three, and three in five).
            let mut counts: HashMap<MinusKind, usize> = HashMap::new();
            for &j in &others {
                if let Some(k) = single[j] {
                    *counts.entry(k).or_default() += 1;
                }
            }
            if let Some((&form, &n)) = counts.iter().max_by_key(|(k, n)| (**n, **k as u8))
                && n >= 3
                && n * 5 >= others.len() * 3
            {
                out[i] = Some((form, n, others.len()));
            }
        }
    }
    out
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

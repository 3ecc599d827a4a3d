//! RL101 `total-sum`: a total that does not equal the rows it covers.

use super::{
    BrokenRelation, Checked, Diagnostic, Lang, Options, RuleInfo, Severity, TableRef, likely_cause,
    minus_char, place_of, rounding_note, unit_note,
};
use crate::meaning::without_code;
use crate::model::{Cell, ColumnKind, Document, RowKind, Table, TableKind};
use crate::number::{format_norwegian, half_unit};
use crate::vocab::{Vocab, phrase_words};
use rust_decimal::Decimal;

/// What it does: checks every total row (`Sum`, `SUM`, `Delsum`, `Totalt`, `Sum eiendeler`,
/// a row of numbers with no label, ...) against the rows it covers, column by column.
/// A total covers the rows since the previous total; a higher total may cover the
/// subtotals, or all items, or a few subtotals and the rows between them: the check
/// reads the table top-down and lets each total take the run of rows and subtotals just
/// above it that adds up. `herav` rows and rows marked `ikke tatt med i sum` are left out;
/// a total that adds up only with such a marked row is reported as taking it in.
///
/// Why it matters: a total that leaves out a row, or that was not updated when a row
/// changed, is the most common arithmetic error in published reports, and every figure
/// built on it inherits the error.
///
/// Example: `Delsum −254 048` under the rows `2 210`, `−256 258` and `−16 152`: the rows
/// give −270 200; the difference, 16 152, is the last row, which the total leaves out.
///
/// Fix: correct the total, or the row that is wrong; the help line names the row that
/// was left out, a sign that was flipped or two digits that were swapped.
///
/// Every printed value stands for an interval of ± half its last unit, and a total holds
/// when the intervals meet, so rounding is never a finding. A total is only reported on
/// firm evidence: the other columns of the same row add up over the same rows, one row
/// explains the difference, or the label promises a plain sum (`Sum`, `Totalt`) over an
/// amount column whose rows start at a clear boundary. Totals that may subtract
/// (`Netto …`) or average (`Samlet`), percent cells, and totals whose rows cannot be
/// found are skipped and counted.
pub const INFO: RuleInfo = RuleInfo {
    code: "RL101",
    name: "total-sum",
    severity: Severity::Error,
    summary: (
        "En sum stemmer ikke med radene den summerer",
        "A total does not equal the rows it covers",
    ),
    docs: "\
Hva den gjør
  Kontrollerer hver sumrad (Sum, SUM, Delsum, Totalt, Sum eiendeler, en tallrad uten
  tekst, ...) mot radene den dekker, kolonne for kolonne. En sum dekker radene siden
  forrige sum; en høyere sum kan dekke delsummene, alle radene, eller noen delsummer og
  radene mellom dem. Tabellen leses ovenfra, og hver sum tar den rekken av rader og
  delsummer rett over seg som går opp. «Herav»-rader og rader merket «ikke tatt med i
  sum» holdes utenfor; en sum som bare går opp med en slik merket rad, meldes for å ta
  den med.

Hvorfor det er viktig
  En sum som utelater en rad, eller som ikke ble oppdatert da en rad endret seg, er den
  vanligste regnefeilen i publiserte rapporter, og alle tall som bygger på den arver feilen.

Eksempel
  «Delsum −254 048» under radene 2 210, −256 258 og −16 152: radene gir −270 200.
  Differansen, 16 152, er den siste raden, som summen utelater.

Retting
  Rett summen eller raden som er feil. Hjelpelinjen peker på raden som er utelatt, et
  fortegn som er snudd eller to sifre som er byttet om.

Avrunding og sikkerhet
  Hver trykte verdi står for et intervall på ± en halv enhet i siste siffer; en sum holder
  når intervallene møtes, så avrunding gir aldri funn. En sum meldes bare på fast grunnlag:
  de andre kolonnene i samme rad går opp med de samme radene, én rad forklarer
  differansen, eller teksten lover en ren sum (Sum, Totalt) i en beløpskolonne der radene
  starter ved en klar grense. Summer som kan trekke fra (Netto …) eller være et snitt
  (Samlet), prosentceller og summer der radene ikke kan finnes, hoppes over og telles.",
};

/// The longest run of rows one total may cover; keeps the check linear per total.
const MAX_COVER: usize = 400;

/// How far (in lines) a table may start below the previous one and still be its
/// continuation, whose first rows a total may cover.
const CONTINUATION_GAP: usize = 40;

fn summable(kind: ColumnKind) -> bool {
    !kind.is_text()
        && !matches!(
            kind,
            ColumnKind::Prosent | ColumnKind::AvvikProsent | ColumnKind::Note
        )
}

/// Columns whose header says they hold amounts or counts, which add up.
fn additive_kind(kind: ColumnKind) -> bool {
    use ColumnKind::*;
    matches!(
        kind,
        Regnskap
            | OpprinneligBudsjett
            | RevidertBudsjett
            | Budsjett
            | Prognose
            | Avvik
            | Endring
            | Inngaende
            | Utgaende
            | Fond
            | Antall
    )
}

/// A row's value in a column for a sum: a missing or nil cell adds nothing; a percent
/// cell cannot enter a sum (`None`).
fn value(table: &Table, row: usize, col: usize) -> Option<Decimal> {
    match table.rows[row].cell(col) {
        None => Some(Decimal::ZERO),
        Some(c) if c.percent => None,
        Some(c) => Some(c.value.unwrap_or(Decimal::ZERO)),
    }
}

/// A running sum over a cover, per column.
#[derive(Clone)]
struct Acc {
    sum: Decimal,
    tol: Decimal,
    nonzero: usize,
    usable: bool,
    /// Counts are exact: no rounding interval.
    exact: bool,
}

impl Acc {
    fn new(exact: bool) -> Self {
        Acc {
            sum: Decimal::ZERO,
            tol: Decimal::ZERO,
            nonzero: 0,
            usable: true,
            exact,
        }
    }

    /// Add a row's cell: its value (see [`value`]), rounded to its printed precision
    /// where a number is printed; an empty or nil cell is nothing, exactly.
    fn add_cell(&mut self, table: &Table, row: usize, col: usize) {
        let printed = table.rows[row].cell(col).is_some_and(|c| c.value.is_some());
        self.add(value(table, row, col), printed);
    }

    fn add(&mut self, v: Option<Decimal>, rounded: bool) {
        match v {
            Some(v) => {
                self.sum += v;
                if !self.exact && rounded {
                    self.tol += half_unit(v);
                }
                if !v.is_zero() {
                    self.nonzero += 1;
                }
            }
            None => self.usable = false,
        }
    }

    fn holds(&self, found: Decimal) -> bool {
        self.usable && (found - self.sum).abs() <= self.tol + self.half_unit(found)
    }

    fn half_unit(&self, v: Decimal) -> Decimal {
        if self.exact {
            Decimal::ZERO
        } else {
            half_unit(v)
        }
    }
}

/// One accumulator per checked column; counts (`Antall`) are exact integers.
/// `extra` is a tolerance on top of the rounding interval (`--tolerance RL101=…`).
fn new_accs(table: &Table, found: &[(usize, Decimal)], extra: Decimal) -> Vec<Acc> {
    found
        .iter()
        .map(|&(k, v)| {
            let mut a = Acc::new(table.columns[k].kind == ColumnKind::Antall && v.scale() == 0);
            a.tol = extra;
            a
        })
        .collect()
}

/// The check of one total against one cover.
struct Eval {
    holds: Vec<bool>,
    accs: Vec<Acc>,
}

impl Eval {
    fn all(&self) -> bool {
        self.holds.iter().all(|h| *h)
    }
    /// Columns that hold with at least two non-zero rows (one, for a one-row sum):
    /// evidence that the cover is right.
    fn firm(&self, cover_len: usize) -> usize {
        let rows = cover_len.min(2);
        self.holds
            .iter()
            .zip(&self.accs)
            .filter(|(h, a)| **h && a.nonzero >= rows)
            .count()
    }
}

fn eval(
    table: &Table,
    cover: &[usize],
    found: &[(usize, Decimal)],
    skip_weak: bool,
    extra: Decimal,
) -> Eval {
    let mut accs = new_accs(table, found, extra);
    for &r in cover {
        if skip_weak && weak(table, r, found.len()) {
            continue;
        }
        for (i, &(k, _)) in found.iter().enumerate() {
            accs[i].add_cell(table, r, k);
        }
    }
    let holds = accs
        .iter()
        .zip(found)
        .map(|(a, (_, f))| a.holds(*f))
        .collect();
    Eval { holds, accs }
}

/// A row with a single number in a table whose totals have three or more: often a digit
/// from a wrapped label or a comment (`Redusere åpningstider 30` / `minutter per dag`).
fn weak(table: &Table, row: usize, total_cells: usize) -> bool {
    total_cells >= 3 && table.rows[row].cells.len() == 1
}

/// A total that did not add up, kept until the whole table has been read.
struct Failure {
    row: usize,
    /// Tolerance on top of rounding.
    extra: Decimal,
    found: Vec<(usize, Decimal)>,
    /// The rows since the previous total (or the subtotals since the previous grand total).
    natural: Vec<usize>,
    /// The cover under which the most other columns add up, if any do.
    partial: Option<Vec<usize>>,
}

/// Why a total is judged wrong.
enum Evidence {
    /// Other columns of the row add up over the same rows.
    Partial,
    /// The total equals the rows without this one.
    LeftOut(usize),
    /// The total equals the rows with this one's sign flipped.
    SignFlipped(usize),
    /// The label promises a plain sum over amounts from a clear boundary.
    Plain,
}

/// Check every total of a numeric table.
pub fn check(
    doc: &Document,
    table: &Table,
    vocab: &Vocab,
    opts: &Options,
    out: &mut Vec<Diagnostic>,
    checked: &mut Checked,
) {
    let lang = opts.lang;
    let extra = opts.tolerance(INFO.code);
    if table.kind != TableKind::Numeric {
        return;
    }
    let cols: Vec<usize> = (0..table.columns.len())
        .filter(|&k| summable(table.columns[k].kind))
        .collect();
    if cols.is_empty() {
        return;
    }
    // Rows and reduced subtotals not yet covered by a total, top-down.
    let mut units: Vec<usize> = Vec::new();
    // Items since the last grand total, ignoring subtotals.
    let mut flat: Vec<usize> = Vec::new();
    let mut consumed = vec![false; table.rows.len()];
    let mut firm_cols = vec![false; table.columns.len()];
    // Totals that did not add up: a cover that holds one is no firm ground.
    let mut doubtful = vec![false; table.rows.len()];
    // Units that stand for a total (not for an item).
    let mut is_total = vec![false; table.rows.len()];
    // Totals that repeat the one row above them (`Lønn` / `Sum Lønn`).
    let mut one_row_sums = 0usize;
    let mut failures = Vec::new();
    // Failed subtotals that a later total holds with as items (`Sum øvrige prosjekter`).
    let mut leaves: Vec<usize> = Vec::new();
    for i in 0..table.rows.len() {
        let row = &table.rows[i];
        match row.kind {
            RowKind::Item => {
                if !consumed[i] {
                    units.push(i);
                    flat.push(i);
                }
                continue;
            }
            RowKind::Subtotal | RowKind::Total | RowKind::UnlabelledTotal => {}
            _ => continue,
        }
        let found: Vec<(usize, Decimal)> = cols
            .iter()
            .filter_map(|&k| {
                let c = row.cell(k)?;
                (!c.percent).then_some(())?;
                Some((k, c.value?))
            })
            .collect();
        if found.is_empty() {
            continue;
        }
        // Ambiguous, or a value from another schedule (`(fra skjema 1B)`).
        if row.ambiguous || vocab.is_reference(&row.label) {
            checked.relations_skipped += found.len();
            units.push(i);
            is_total[i] = true;
            continue;
        }
        let natural = natural_cover(table, &units, &is_total);
        // The cover that holds: rows, evaluation, doubtful, rank.
        #[allow(clippy::type_complexity)]
        let mut held: Option<(Vec<usize>, Eval, bool, (bool, bool))> = None;
        let mut partial: Option<(usize, Vec<usize>)> = None;
        // Suffixes of the open units, shortest first; ties go to the longer.
        let mut accs = new_accs(table, &found, extra);
        let mut accs_strong = accs.clone();
        let lowest = units.len().saturating_sub(MAX_COVER);
        for start in (lowest..units.len()).rev() {
            let r = units[start];
            for (j, &(k, _)) in found.iter().enumerate() {
                accs[j].add_cell(table, r, k);
                if !weak(table, r, found.len()) {
                    accs_strong[j].add_cell(table, r, k);
                }
            }
            let holds: Vec<bool> = accs
                .iter()
                .zip(&found)
                .map(|(a, (_, f))| a.holds(*f))
                .collect();
            let e = Eval {
                holds,
                accs: accs.clone(),
            };
            // Prefer the rows since the previous total, then the longest run that holds
            // (a short run can hold by leaving out rows within the tolerance), and a
            // run that holds in full over one that holds only without its weak rows.
            let len = units.len() - start;
            let is_natural = len == natural.len();
            let rank = |full: bool| (is_natural, full);
            if e.all() {
                if held.as_ref().is_none_or(|h| h.3 <= rank(true)) {
                    held = Some((units[start..].to_vec(), e, false, rank(true)));
                }
                continue;
            }
            if accs_strong
                .iter()
                .zip(&found)
                .all(|(a, (_, f))| a.holds(*f))
            {
                if held.as_ref().is_none_or(|h| h.3 <= rank(false)) {
                    held = Some((units[start..].to_vec(), e, true, rank(false)));
                }
                continue;
            }
            // A run shorter than the rows since the previous total is firm only where
            // columns add up exactly: within rounding, two small numbers add up to a
            // third by chance (percentages under an average `Totalt`).
            let firm = if len < natural.len() {
                e.holds
                    .iter()
                    .zip(&e.accs)
                    .zip(&found)
                    .filter(|((h, a), (_, f))| **h && a.nonzero >= len.min(2) && a.sum == *f)
                    .count()
            } else {
                e.firm(len)
            };
            // A one-row sum needs two columns that repeat their row to be firm.
            let enough = if len == 1 { 2 } else { 1 };
            if firm >= enough && partial.as_ref().is_none_or(|(n, _)| firm > *n) {
                partial = Some((firm, units[start..].to_vec()));
            }
        }
        // All items since the last grand total, when the subtotals are no parts of it.
        if held.is_none() && !flat.is_empty() {
            let items: Vec<usize> = flat
                .iter()
                .copied()
                .filter(|&r| table.rows[r].kind == RowKind::Item)
                .collect();
            let e = eval(table, &items, &found, false, extra);
            if !items.is_empty() && items != natural && e.all() {
                held = Some((items.clone(), e, false, (false, true)));
            } else if items.len() < flat.len() {
                // Failed subtotals among them may be items after all (`Sum øvrige
                // prosjekter`, the rest of the projects): when counting them makes a
                // column hold that does not without them, and they have a value there.
                let subs: Vec<usize> = flat
                    .iter()
                    .copied()
                    .filter(|r| !items.contains(r))
                    .collect();
                let e2 = eval(table, &flat, &found, false, extra);
                let decisive = found.iter().enumerate().any(|(j, &(k, _))| {
                    e2.holds[j]
                        && !e.holds[j]
                        && subs
                            .iter()
                            .any(|&r| value(table, r, k).is_some_and(|v| !v.is_zero()))
                });
                if decisive {
                    leaves.extend(subs.iter().copied());
                    if e2.all() {
                        held = Some((flat.clone(), e2, false, (false, true)));
                    } else {
                        partial = Some((e2.firm(flat.len()), flat.clone()));
                    }
                }
            }
        }
        // A total above its rows.
        if held.is_none() && units.is_empty() {
            let below: Vec<usize> = (i + 1..table.rows.len())
                .take_while(|&r| table.rows[r].kind == RowKind::Item)
                .collect();
            if !below.is_empty() {
                let e = eval(table, &below, &found, false, extra);
                if e.all() {
                    for &r in &below {
                        consumed[r] = true;
                    }
                    held = Some((below, e, false, (false, true)));
                }
            }
        }
        match held {
            Some((cover, e, doubtful, _)) => {
                if doubtful {
                    checked.relations_skipped += found.len();
                } else {
                    checked.relations_checked += found.len();
                    for (j, &(k, _)) in found.iter().enumerate() {
                        if e.accs[j].nonzero >= 2 {
                            firm_cols[k] = true;
                        }
                    }
                    if opts.show_rounding {
                        for (j, &(k, f)) in found.iter().enumerate() {
                            if e.accs[j].sum != f
                                && let Some(cell) = row.cell(k)
                            {
                                let subject = format!(
                                    "«{}» {} «{}»",
                                    short(&row.label),
                                    if lang == Lang::Nb {
                                        "i kolonnen"
                                    } else {
                                        "in column"
                                    },
                                    table.columns[k].name
                                );
                                out.push(rounding_note(
                                    &INFO,
                                    table,
                                    cell,
                                    e.accs[j].sum,
                                    &subject,
                                    lang,
                                ));
                            }
                        }
                    }
                    let orphans = orphans(table, &natural, &cover, &found);
                    if !orphans.is_empty() && !shares_words(table, i, &cover) {
                        out.push(orphan_diagnostic(table, i, &found, &orphans, lang));
                    }
                }
                if !doubtful && cover.len() == 1 && table.rows[cover[0]].kind == RowKind::Item {
                    one_row_sums += 1;
                }
                reduce(&mut units, &cover, i);
                is_total[i] = true;
            }
            None if row.kind == RowKind::UnlabelledTotal && !last_numeric_row(table, i) => {
                // A row of numbers without a label inside the table is more often an
                // item whose label went elsewhere than a total.
                checked.relations_skipped += found.len();
                units.push(i);
                flat.push(i);
            }
            None if !natural.is_empty()
                && included_excluded(table, &natural, i, &found, extra).is_some() =>
            {
                // The total holds only with the rows its table says it leaves out.
                let excluded =
                    included_excluded(table, &natural, i, &found, extra).unwrap_or_default();
                checked.relations_checked += found.len();
                out.push(excluded_diagnostic(
                    table, i, &found, &natural, &excluded, lang,
                ));
                reduce(&mut units, &natural, i);
                is_total[i] = true;
            }
            None => {
                reduce(&mut units, &natural, i);
                is_total[i] = true;
                doubtful[i] = true;
                // A subtotal that adds up to nothing above it may be the rest of the
                // items summed (`Sum øvrige prosjekter`): a later total that holds with
                // it among the items tells (and withdraws this failure).
                if row.kind == RowKind::Subtotal {
                    flat.push(i);
                }
                failures.push(Failure {
                    row: i,
                    extra,
                    found,
                    natural,
                    partial: partial.map(|(_, c)| c),
                });
            }
        }
        if row.kind == RowKind::Total {
            flat.clear();
        }
    }
    for f in failures {
        // A subtotal with no row of its own, in a table whose other subtotals each
        // repeat one row: the row it should repeat is missing.
        if f.natural.iter().all(|&r| is_total[r])
            && table.rows[f.row].kind == RowKind::Subtotal
            && one_row_sums >= 2
        {
            checked.relations_checked += f.found.len();
            out.push(empty_sum_diagnostic(
                table,
                f.row,
                &f.found,
                one_row_sums,
                lang,
            ));
            continue;
        }
        // An item after all: its values count in the total that holds over it.
        if leaves.contains(&f.row) {
            continue;
        }
        judge(
            doc, table, vocab, lang, &f, &firm_cols, &doubtful, out, checked,
        );
    }
}

/// The rows a total covers when nothing else is known: the units since the previous
/// total, or, straight after a total, the subtotals since the previous grand total.
fn natural_cover(table: &Table, units: &[usize], is_total: &[bool]) -> Vec<usize> {
    let items = units.iter().rev().take_while(|&&r| !is_total[r]).count();
    if items > 0 {
        return units[units.len() - items..].to_vec();
    }
    let subs = units
        .iter()
        .rev()
        .take_while(|&&r| table.rows[r].kind != RowKind::Total)
        .count();
    units[units.len() - subs..].to_vec()
}

/// Items between the previous total and the rows a total took: rows of its own group
/// that it leaves out, unless a higher total was meant to take them.
fn orphans(
    table: &Table,
    natural: &[usize],
    cover: &[usize],
    found: &[(usize, Decimal)],
) -> Vec<usize> {
    if natural.len() <= cover.len() || !natural.ends_with(cover) {
        return Vec::new();
    }
    natural[..natural.len() - cover.len()]
        .iter()
        .copied()
        .filter(|&r| {
            table.rows[r].kind != RowKind::Subtotal
                && table.rows[r].kind != RowKind::Total
                && !weak(table, r, found.len())
                && found
                    .iter()
                    .any(|&(k, _)| value(table, r, k).is_some_and(|v| !v.is_zero()))
        })
        .collect()
}

/// The words of a label that can name what a total covers: no total words, no short ones.
fn content_words(label: &str) -> Vec<String> {
    label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(|w| w.to_lowercase().chars().take(5).collect::<String>())
        .filter(|w| !matches!(w.as_str(), "delsu" | "netto" | "samle" | "total" | "brutt"))
        .collect()
}

/// Does a total's label name something in the labels of the rows it took
/// (`Sum netto avsetning/bruk av bundne investeringsfond` over `Bruk av bundne
/// investeringsfond`)? Then rows above them belong to a higher total.
fn shares_words(table: &Table, total: usize, cover: &[usize]) -> bool {
    let own = content_words(&table.rows[total].label);
    cover.iter().any(|&r| {
        content_words(&table.rows[r].label)
            .iter()
            .any(|w| own.contains(w))
    })
}

/// The rows between a total's natural cover and the total whose label says they are
/// left out of the sum (`Kjøp av plasser (ikke tatt med i sum)`), when the total holds
/// in every column with them and not without them.
fn included_excluded(
    table: &Table,
    natural: &[usize],
    total: usize,
    found: &[(usize, Decimal)],
    extra: Decimal,
) -> Option<Vec<usize>> {
    let first = *natural.first()?;
    let excluded: Vec<usize> = (first..total)
        .filter(|&r| table.rows[r].kind == RowKind::Excluded)
        .collect();
    if excluded.is_empty() {
        return None;
    }
    let mut with: Vec<usize> = natural.to_vec();
    with.extend(excluded.iter().copied());
    with.sort_unstable();
    let without = eval(table, natural, found, false, extra);
    let e = eval(table, &with, found, false, extra);
    (e.all() && !without.all() && e.firm(with.len()) >= 1).then_some(excluded)
}

/// A total that holds only with the rows its table marks as left out of the sum.
fn excluded_diagnostic(
    table: &Table,
    row: usize,
    found: &[(usize, Decimal)],
    natural: &[usize],
    excluded: &[usize],
    lang: Lang,
) -> Diagnostic {
    let nb = lang == Lang::Nb;
    let total = &table.rows[row];
    // The first column where leaving the rows out changes the sum.
    let k = found
        .iter()
        .map(|&(k, _)| k)
        .find(|&k| {
            excluded
                .iter()
                .any(|&r| value(table, r, k).is_some_and(|v| !v.is_zero()))
        })
        .unwrap_or(found[0].0);
    let cell = total.cell(k).expect("a found value has a cell");
    let without: Decimal = natural.iter().filter_map(|&r| value(table, r, k)).sum();
    let names: Vec<String> = excluded
        .iter()
        .map(|&r| format!("«{}» (linje {})", row_label(table, r), table.rows[r].line))
        .collect();
    let label = short(&total.label);
    let col = &table.columns[k].name;
    let shown = format_norwegian(without, minus_char(cell));
    let message = if nb {
        format!(
            "«{label}» i kolonnen «{col}» er {}, men tar med {}, som er merket som ikke med i summen; uten den gir radene {shown}",
            cell.text,
            names.join(", ")
        )
    } else {
        format!(
            "«{label}» in column «{col}» is {}, but includes {}, which is marked as left out of the total; without it the rows give {shown}",
            cell.text,
            names.join(", ").replace("linje", "line")
        )
    };
    let help = Some(if nb {
        "trekk raden ut av summen, eller fjern merknaden om at den ikke er med".to_string()
    } else {
        "take the row out of the total, or remove the note that it is left out".to_string()
    });
    let related = excluded
        .iter()
        .filter_map(|&r| table.rows[r].cell(k))
        .map(|c| {
            place_of(
                c,
                if nb {
                    "merket som ikke med i summen".into()
                } else {
                    "marked as left out".into()
                },
            )
        })
        .collect();
    Diagnostic {
        code: INFO.code,
        rule: INFO.name,
        severity: INFO.severity,
        message,
        help,
        primary: place_of(
            cell,
            if nb {
                format!("radene gir {shown}")
            } else {
                format!("the rows give {shown}")
            },
        ),
        related,
        table: TableRef::of(table),
        expected: Some(shown.clone()),
        found: Some(cell.text.clone()),
        delta: None,
        relation: None,
        fix: None,
    }
}

fn orphan_diagnostic(
    table: &Table,
    row: usize,
    found: &[(usize, Decimal)],
    orphans: &[usize],
    lang: Lang,
) -> Diagnostic {
    let nb = lang == Lang::Nb;
    let total = &table.rows[row];
    let (k, _) = found[0];
    let cell = total.cell(k).expect("a found value has a cell");
    let names: Vec<String> = orphans
        .iter()
        .map(|&r| format!("«{}» (linje {})", row_label(table, r), table.rows[r].line))
        .collect();
    let label = short(&total.label);
    let message = if nb {
        format!(
            "«{label}» går opp bare uten {}, som står mellom forrige sum og denne",
            names.join(", ")
        )
    } else {
        format!(
            "«{label}» adds up only without {}, which stands between the previous total and this one",
            names.join(", ").replace("linje", "line")
        )
    };
    let help = Some(if nb {
        "hører raden til denne gruppen, mangler den i summen; hører den til en høyere sum, er oppsettet uklart for leseren".to_string()
    } else {
        "if the row belongs to this group, the total leaves it out; if it belongs to a higher total, the layout misleads the reader".to_string()
    });
    let mut related = Vec::new();
    for &r in orphans {
        if let Some(c) = table.rows[r].cell(k) {
            related.push(place_of(
                c,
                if nb {
                    "ikke med i summen".into()
                } else {
                    "not in the total".into()
                },
            ));
        }
    }
    Diagnostic {
        code: INFO.code,
        rule: INFO.name,
        severity: Severity::Warning,
        message,
        help,
        primary: place_of(
            cell,
            if nb {
                "summen".into()
            } else {
                "the total".into()
            },
        ),
        related,
        table: TableRef::of(table),
        expected: None,
        found: Some(cell.text.clone()),
        delta: None,
        relation: None,
        fix: None,
    }
}

fn empty_sum_diagnostic(
    table: &Table,
    row: usize,
    found: &[(usize, Decimal)],
    one_row_sums: usize,
    lang: Lang,
) -> Diagnostic {
    let nb = lang == Lang::Nb;
    let (k, _) = found[0];
    let cell = table.rows[row].cell(k).expect("a found value has a cell");
    let label = short(&table.rows[row].label);
    Diagnostic {
        code: INFO.code,
        rule: INFO.name,
        severity: INFO.severity,
        message: if nb {
            format!(
                "«{label}» har ingen rad over seg å summere, mens de {one_row_sums} andre summene i tabellen gjentar hver sin rad"
            )
        } else {
            format!(
                "«{label}» has no row above it to sum, while the {one_row_sums} other totals of the table each repeat one row"
            )
        },
        help: Some(if nb {
            "raden summen skulle gjenta ser ut til å mangle i tabellen".into()
        } else {
            "the row the total should repeat seems to be missing from the table".into()
        }),
        primary: place_of(
            cell,
            if nb {
                "ingen rad å summere".into()
            } else {
                "no row to sum".into()
            },
        ),
        related: Vec::new(),
        table: TableRef::of(table),
        expected: None,
        found: Some(cell.text.clone()),
        delta: None,
        relation: None,
        fix: None,
    }
}

/// Is this the table's last row with numbers?
fn last_numeric_row(table: &Table, row: usize) -> bool {
    table.rows[row + 1..].iter().all(|r| r.cells.is_empty())
}

/// Replace the covered units by the total that covers them.
fn reduce(units: &mut Vec<usize>, cover: &[usize], total: usize) {
    if !cover.is_empty() && units.ends_with(cover) {
        units.truncate(units.len() - cover.len());
    }
    units.push(total);
}

/// Does the cover start where the table's rows start, right after another table that
/// may have held its first rows (a table split by a page break or a comment)?
fn may_start_earlier(doc: &Document, table: &Table, cover: &[usize]) -> bool {
    let Some(&first) = cover.first() else {
        return true;
    };
    let before = &table.rows[..first];
    if before
        .iter()
        .any(|r| r.kind != RowKind::Heading && !r.cells.is_empty())
    {
        return false;
    }
    // A table whose header was read right above its rows starts there; one that took
    // its header from an earlier table, or has none, may be the rest of that table.
    let top = doc
        .lines
        .get(table.first_line.saturating_sub(1))
        .map_or(0, |l| l.0);
    let own_header = table
        .columns
        .iter()
        .any(|c| c.span.is_some_and(|(s, _)| s >= top));
    !own_header
        && doc.tables.iter().any(|t| {
            t.kind == TableKind::Numeric
                && t.last_line < table.first_line
                && table.first_line - t.last_line <= CONTINUATION_GAP
                && t.columns.len() == table.columns.len()
        })
}

#[allow(clippy::too_many_arguments)]
fn judge(
    doc: &Document,
    table: &Table,
    vocab: &Vocab,
    lang: Lang,
    f: &Failure,
    firm_cols: &[bool],
    doubtful: &[bool],
    out: &mut Vec<Diagnostic>,
    checked: &mut Checked,
) {
    let row = &table.rows[f.row];
    let loose = vocab.is_loose_total(&phrase_words(without_code(&row.label)));
    // Amount kinds add up; so does any column of a table that states an amount scale
    // (`Beløp i 1000`), and any column where another total of the table added up.
    let additive =
        |k: usize| additive_kind(table.columns[k].kind) || table.unit.is_some() || firm_cols[k];
    let close = |a: &Acc, found: Decimal| {
        a.nonzero >= 2 && (found - a.sum).abs() * Decimal::from(20) <= a.sum.abs()
    };
    let ambiguous = |cover: &[usize]| cover.iter().any(|&r| table.rows[r].ambiguous);
    let skip = |checked: &mut Checked| checked.relations_skipped += f.found.len();

    let (cover, evidence) = if let Some(cover) = f.partial.clone() {
        (cover, Evidence::Partial)
    } else {
        let cover = f.natural.clone();
        if cover.is_empty() || ambiguous(&cover) {
            skip(checked);
            return;
        }
        match explain(table, &cover, &f.found, f.extra) {
            Some(e) => (cover, e),
            None => {
                if loose
                    || cover.iter().any(|&r| doubtful[r])
                    || may_start_earlier(doc, table, &cover)
                {
                    skip(checked);
                    return;
                }
                (cover, Evidence::Plain)
            }
        }
    };
    // A line among the covered rows whose numbers fit no column may hold a row the sum
    // counts (`40 40 40 40` in a table read with two columns).
    let unread_inside = cover.first().is_some_and(|&r0| {
        let (from, to) = (table.rows[r0].line, row.line);
        table.unread_lines.iter().any(|&l| from < l && l < to)
    });
    // The columns that hold over a partial cover were found counting every row, sparse
    // ones too: the cover evaluated the same way.
    let all_rows = matches!(evidence, Evidence::Partial)
        .then(|| eval(table, &cover, &f.found, false, f.extra));
    // A loose total (`Netto driftsutgifter` under `Sum inntekter` and `Sum utgifter`)
    // whose deviation column alone adds up as a plain sum: the deviations share a sign
    // convention, the amounts do not.
    let lone_partial = loose && all_rows.as_ref().is_some_and(|a| a.firm(cover.len()) < 2);
    // `Brutto driftsresultat` under `Sum driftsinntekter` and `Sum driftsutgifter` with
    // income printed positive: the result subtracts what a plain sum adds, which is
    // the report's sign convention, not a flipped row.
    let convention = loose && matches!(evidence, Evidence::SignFlipped(_))
        || fund_uses_subtracted(doc, table, &cover, &f.found);
    if ambiguous(&cover) || unread_inside || lone_partial || convention {
        skip(checked);
        return;
    }
    let mut e = eval(table, &cover, &f.found, true, f.extra);
    // Judge the rest of a partial cover as its holding columns were found.
    if let Some(all) = all_rows {
        if all.firm(cover.len()) > e.firm(cover.len()) {
            e = all;
        }
    }
    // Two other columns of the row add up over these rows: the row is their sum in this
    // column too, whatever the column's kind (years of a savings list).
    let firm_row = e.firm(cover.len()) >= 2;
    for (j, &(k, found)) in f.found.iter().enumerate() {
        checked.relations_checked += 1;
        if e.holds[j] {
            continue;
        }
        let acc = &e.accs[j];
        // A total among its rows' values, near their mean, in a column whose kind does
        // not say it adds up: an average or a ratio (`per innbygger`), whatever the
        // table's unit, not a sum that lost rows.
        if !additive_kind(table.columns[k].kind) && average_like(table, &cover, k, found) {
            checked.relations_checked -= 1;
            checked.relations_skipped += 1;
            continue;
        }
        let report = acc.usable
            && match evidence {
                Evidence::Partial => {
                    additive(k)
                        || close(acc, found)
                        || firm_row && row.cell(k).is_some_and(|c| !c.percent)
                        // The difference is one of three or more rows the other column
                        // adds up over: that row left out (counts with no unit line).
                        || cover.len() >= 3
                            && one_row_is(table, &cover, k, found, acc.sum, Decimal::ONE, Decimal::ZERO)
                                .is_some()
                }
                // Two rows or more, and not the rows twice over (a sum among the rows
                // that the label did not mark: `Inv i varige driftsmidler`).
                Evidence::Plain => {
                    (additive(k) || close(acc, found))
                        && acc.nonzero >= 2
                        && (acc.sum - found - found).abs() > acc.tol + acc.tol
                }
                Evidence::LeftOut(_) | Evidence::SignFlipped(_) => true,
            };
        if !report {
            checked.relations_checked -= 1;
            checked.relations_skipped += 1;
            continue;
        }
        out.push(diagnostic(
            table, f.row, k, found, acc.sum, &cover, &evidence, &e, &f.found, lang,
        ));
    }
}

/// The total lies between the smallest and the largest of three or more positive
/// values in the column, within a quarter of their mean (with two, a wrong sum of two
/// small counts can look like their mean).
fn average_like(table: &Table, cover: &[usize], col: usize, found: Decimal) -> bool {
    let values: Vec<Decimal> = cover
        .iter()
        .filter_map(|&r| table.rows[r].cell(col).and_then(|c| c.value))
        .collect();
    if values.len() < 3 || values.iter().any(|v| *v <= Decimal::ZERO) {
        return false;
    }
    let (Some(min), Some(max)) = (values.iter().min(), values.iter().max()) else {
        return false;
    };
    let mean = values.iter().sum::<Decimal>() / Decimal::from(values.len());
    *min <= found && found <= *max && (found - mean).abs() * Decimal::from(4) <= mean
}

/// Uses of a fund (`Bruk av disposisjonsfond`) printed with the sign of the
/// allocations beside them (`Avsetning til …`), and a total that holds with the uses
/// subtracted: that is how the report prints fund movements, not flipped rows. Not
/// where a use of a fund in the document is printed with the opposite sign of its
/// allocations: there the report signs them, and these are flipped.
fn fund_uses_subtracted(
    doc: &Document,
    table: &Table,
    cover: &[usize],
    found: &[(usize, Decimal)],
) -> bool {
    let first = |t: &Table, row: usize| {
        phrase_words(without_code(&t.rows[row].label))
            .into_iter()
            .next()
            .unwrap_or_default()
    };
    let negative = |t: &Table, row: usize| {
        t.rows[row]
            .cells
            .iter()
            .filter_map(|c| c.value)
            .find(|v| !v.is_zero())
            .map(|v| v.is_sign_negative())
    };
    let allocation = |t: &Table, row: usize| {
        matches!(
            first(t, row).as_str(),
            "avsetning" | "avsetninger" | "avsatt" | "avsetjing" | "avsetjingar"
        )
    };
    let uses: Vec<usize> = cover
        .iter()
        .copied()
        .filter(|&u| first(table, u) == "bruk")
        .collect();
    let allocations: Vec<Option<bool>> = cover
        .iter()
        .filter(|&&a| allocation(table, a))
        .map(|&a| negative(table, a))
        .collect();
    let same_sign = !uses.is_empty()
        && !allocations.is_empty()
        && uses
            .iter()
            .all(|&u| negative(table, u).is_some() && allocations.contains(&negative(table, u)));
    if !same_sign {
        return false;
    }
    let signed_elsewhere = doc.tables.iter().any(|t| {
        let allocations: Vec<bool> = (0..t.rows.len())
            .filter(|&a| allocation(t, a))
            .filter_map(|a| negative(t, a))
            .collect();
        (0..t.rows.len())
            .filter(|&u| first(t, u) == "bruk")
            .filter_map(|u| negative(t, u))
            .any(|u| allocations.iter().any(|&a| a != u))
    });
    !signed_elsewhere
        && found.iter().all(|&(k, total)| {
            let mut sum = Decimal::ZERO;
            let mut tol = half_unit(total);
            for &r in cover {
                let Some(v) = value(table, r, k) else {
                    return false;
                };
                tol += half_unit(v);
                if uses.contains(&r) {
                    sum -= v;
                } else {
                    sum += v;
                }
            }
            (sum - total).abs() <= tol
        })
}

/// One row that explains the difference in every column: left out of the total, or
/// added with its sign flipped.
fn explain(
    table: &Table,
    cover: &[usize],
    found: &[(usize, Decimal)],
    extra: Decimal,
) -> Option<Evidence> {
    let e = eval(table, cover, found, true, extra);
    if !e.accs.iter().all(|a| a.usable) {
        return None;
    }
    let fits = |r: usize, factor: Decimal| {
        let mut any = false;
        for (j, &(k, f)) in found.iter().enumerate() {
            let Some(v) = value(table, r, k) else {
                return false;
            };
            any |= !v.is_zero();
            let a = &e.accs[j];
            if (f - (a.sum - factor * v)).abs() > a.tol + half_unit(f) + half_unit(v) {
                return false;
            }
        }
        any
    };
    let strong = |r: &usize| !weak(table, *r, found.len());
    let left_out: Vec<usize> = cover
        .iter()
        .copied()
        .filter(strong)
        .filter(|&r| fits(r, Decimal::ONE))
        .collect();
    if let [r] = left_out[..] {
        return Some(Evidence::LeftOut(r));
    }
    let flipped: Vec<usize> = cover
        .iter()
        .copied()
        .filter(strong)
        .filter(|&r| fits(r, Decimal::TWO))
        .collect();
    if let [r] = flipped[..] {
        return Some(Evidence::SignFlipped(r));
    }
    None
}

/// A row's label for a message: a row of numbers whose label went to the line above
/// (`Avvikle basen i Eddaveien 15`) borrows that row's label.
fn row_label(table: &Table, r: usize) -> String {
    let row = &table.rows[r];
    if row.label.trim().is_empty() && r > 0 && table.rows[r - 1].cells.len() == 1 {
        return short(&table.rows[r - 1].label);
    }
    short(&row.label)
}

/// The one row of the cover whose value in this column, times `factor`, is the
/// difference: a row left out (1) or with its sign flipped (2).
///
/// `slack` widens the match by the rounding of the other rows (a turned sign explains a
/// total within the rounding of all its rows, not only of the turned one).
fn one_row_is(
    table: &Table,
    cover: &[usize],
    col: usize,
    found: Decimal,
    computed: Decimal,
    factor: Decimal,
    slack: Decimal,
) -> Option<usize> {
    let rows: Vec<usize> = cover
        .iter()
        .copied()
        .filter(|&r| {
            value(table, r, col).is_some_and(|v| {
                !v.is_zero()
                    && (computed - factor * v - found).abs()
                        <= factor * half_unit(v) + half_unit(found) + slack
            })
        })
        .collect();
    match rows[..] {
        [r] => Some(r),
        _ => None,
    }
}

/// A row whose cells in this column and another were swapped: the two columns are off
/// by the same amount with opposite signs, and that amount is the difference of the
/// row's two cells. Returns the row and the other column.
fn swapped_here(
    table: &Table,
    cover: &[usize],
    col: usize,
    found: Decimal,
    e: &Eval,
    all_found: &[(usize, Decimal)],
) -> Option<(usize, usize)> {
    let j = all_found.iter().position(|&(k, _)| k == col)?;
    let off = e.accs[j].sum - found;
    let tol = e.accs[j].tol + half_unit(found);
    for (i, &(k, f)) in all_found.iter().enumerate() {
        if i == j || e.holds[i] {
            continue;
        }
        let other_off = e.accs[i].sum - f;
        if (off + other_off).abs() > tol + e.accs[i].tol + half_unit(f) {
            continue;
        }
        for &r in cover {
            let (Some(a), Some(b)) = (value(table, r, col), value(table, r, k)) else {
                continue;
            };
            if a != b && (a - b - off).abs() <= half_unit(a) + half_unit(b) + half_unit(found) {
                return Some((r, k));
            }
        }
    }
    None
}

fn short(label: &str) -> String {
    super::short_label(label, 40)
}

#[allow(clippy::too_many_arguments)]
fn diagnostic(
    table: &Table,
    row: usize,
    col: usize,
    found: Decimal,
    computed: Decimal,
    cover: &[usize],
    evidence: &Evidence,
    e: &Eval,
    all_found: &[(usize, Decimal)],
    lang: Lang,
) -> Diagnostic {
    let nb = lang == Lang::Nb;
    let total = &table.rows[row];
    let cell: &Cell = total.cell(col).expect("a found value has a cell");
    let col_name = table.columns[col].name.clone();
    let minus = minus_char(cell);
    let relation = broken_relation(table, cell, cover, col, computed);
    let computed = computed.round_dp(cell.value.map_or(0, |v| v.scale()));
    let pct = "";
    let expected_text = format!("{}{pct}", format_norwegian(computed, minus));
    let delta = found - computed;
    let delta_text = format_norwegian(delta, minus);
    let first = table.rows[cover[0]].line;
    let last = table.rows[cover[cover.len() - 1]].line;
    let n = cover.len();
    let unit = unit_note(table, lang);
    let label = short(&total.label);
    let message = if nb {
        format!(
            "«{label}» i kolonnen «{col_name}» er {}, men radene den summerer (linje {first}–{last}, {n} rader) gir {expected_text}: differansen er {delta_text}{unit}",
            cell.text
        )
    } else {
        format!(
            "«{label}» in column «{col_name}» is {}, but the rows it sums (lines {first}–{last}, {n} rows) add up to {expected_text}: the difference is {delta_text}{unit}",
            cell.text
        )
    };
    let held: Vec<String> = all_found
        .iter()
        .zip(&e.holds)
        .filter(|(_, h)| **h)
        .map(|((k, _), _)| format!("«{}»", table.columns[*k].name))
        .collect();
    // The rounding of the rows the total covers, in this column.
    let rows_tol = all_found
        .iter()
        .position(|&(k, _)| k == col)
        .map_or(Decimal::ZERO, |j| e.accs[j].tol);
    let help = match evidence {
        Evidence::LeftOut(r) => Some(if nb {
            format!(
                "summen ser ut til å utelate raden «{}» (linje {}): uten den går summen opp",
                row_label(table, *r),
                table.rows[*r].line
            )
        } else {
            format!(
                "the total seems to leave out the row «{}» (line {}): without it the total adds up",
                row_label(table, *r),
                table.rows[*r].line
            )
        }),
        Evidence::SignFlipped(r) => Some(if nb {
            format!(
                "raden «{}» (linje {}) ser ut til å være tatt med med motsatt fortegn",
                row_label(table, *r),
                table.rows[*r].line
            )
        } else {
            format!(
                "the row «{}» (line {}) seems to enter the total with its sign flipped",
                row_label(table, *r),
                table.rows[*r].line
            )
        }),
        _ if let Some((r, other)) = swapped_here(table, cover, col, found, e, all_found) => {
            let other = &table.columns[other].name;
            Some(if nb {
                format!(
                    "raden «{}» (linje {}) ser ut til å ha cellene i «{col_name}» og «{other}» byttet om: differansene i de to kolonnene er like store med motsatt fortegn",
                    row_label(table, r),
                    table.rows[r].line
                )
            } else {
                format!(
                    "the row «{}» (line {}) seems to have its cells in «{col_name}» and «{other}» swapped: the two columns are off by the same amount with opposite signs",
                    row_label(table, r),
                    table.rows[r].line
                )
            })
        }
        _ if let Some(r) =
            one_row_is(table, cover, col, found, computed, Decimal::TWO, rows_tol) =>
        {
            Some(if nb {
                format!(
                    "raden «{}» (linje {}) ser ut til å ha feil fortegn: med motsatt fortegn går summen opp",
                    row_label(table, r),
                    table.rows[r].line
                )
            } else {
                format!(
                    "the row «{}» (line {}) seems to have the wrong sign: with the sign flipped the total adds up",
                    row_label(table, r),
                    table.rows[r].line
                )
            })
        }
        _ if let Some(r) = one_row_is(
            table,
            cover,
            col,
            found,
            computed,
            Decimal::ONE,
            Decimal::ZERO,
        ) =>
        {
            Some(if nb {
                format!(
                    "summen ser ut til å utelate raden «{}» (linje {}) i denne kolonnen: uten den går den opp",
                    row_label(table, r),
                    table.rows[r].line
                )
            } else {
                format!(
                    "the total seems to leave out the row «{}» (line {}) in this column: without it, it adds up",
                    row_label(table, r),
                    table.rows[r].line
                )
            })
        }
        _ => {
            let cause = likely_cause(found, computed, lang);
            let others = (!held.is_empty()).then(|| {
                if nb {
                    format!(
                        "{} i samme rad går opp med de samme radene",
                        held.join(", ")
                    )
                } else {
                    format!(
                        "{} in the same row add up over the same rows",
                        held.join(", ")
                    )
                }
            });
            match (cause, others) {
                (Some(c), Some(o)) => Some(format!("{c}; {o}")),
                (c, o) => c.or(o),
            }
        }
    };
    let mut related = Vec::new();
    // The row the help names, with what may be wrong with it.
    let (key, why_nb, why_en) = match evidence {
        Evidence::LeftOut(r) => (Some(*r), "utelatt?", "left out?"),
        Evidence::SignFlipped(r) => (Some(*r), "fortegn?", "sign?"),
        _ => {
            if let Some((r, _)) = swapped_here(table, cover, col, found, e, all_found) {
                (Some(r), "byttet om?", "swapped?")
            } else if let Some(r) =
                one_row_is(table, cover, col, found, computed, Decimal::TWO, rows_tol)
            {
                (Some(r), "fortegn?", "sign?")
            } else {
                let r = one_row_is(
                    table,
                    cover,
                    col,
                    found,
                    computed,
                    Decimal::ONE,
                    Decimal::ZERO,
                );
                (r, "utelatt?", "left out?")
            }
        }
    };
    let total_place = place_of(
        cell,
        if nb {
            format!("radene gir {expected_text}")
        } else {
            format!("the rows give {expected_text}")
        },
    );
    // A row whose sign, turned, makes the total add up: the fix is in that row, so the
    // finding points at its cell, and the total is what it was computed from.
    // Only where the turned sign explains the total within its rounding and the value
    // is no small number (with `2` and `4` a turn fits a wrong total by chance).
    let j = all_found.iter().position(|&(k, _)| k == col);
    let flipped = key
        .filter(|_| why_nb == "fortegn?")
        .and_then(|r| Some((r, table.rows[r].cell(col)?)))
        .filter(|(_, c)| {
            c.value.is_some_and(|v| {
                let tol = j.map_or(Decimal::ZERO, |j| e.accs[j].tol) + half_unit(found);
                v.abs() >= Decimal::from(20) * half_unit(v)
                    && (computed - v - v - found).abs() <= tol
            })
        });
    if let Some((r, c)) = flipped {
        let v = c.value.unwrap_or_default();
        let turned = format_norwegian(-v, minus_char(c));
        let row_name = row_label(table, r);
        let message = if nb {
            format!(
                "«{row_name}» i kolonnen «{col_name}» er {}, men da går ikke «{label}» (linje {}) opp: den er {}, og radene gir {expected_text}; med {turned} går den opp{unit}",
                c.text, total.line, cell.text
            )
        } else {
            format!(
                "«{row_name}» in column «{col_name}» is {}, but then «{label}» (line {}) does not add up: it is {}, and the rows give {expected_text}; with {turned} it adds up{unit}",
                c.text, total.line, cell.text
            )
        };
        let help = Some(if nb {
            format!("snu fortegnet i raden «{row_name}», eller rett summen om raden er riktig")
        } else {
            format!(
                "turn the sign in the row «{row_name}», or correct the total if the row is right"
            )
        });
        let mut related = vec![total_place];
        for &k in cover {
            if k != r {
                if let Some(other) = table.rows[k].cell(col) {
                    related.push(place_of(other, row_label(table, k)));
                }
            }
        }
        return Diagnostic {
            code: INFO.code,
            rule: INFO.name,
            severity: INFO.severity,
            message,
            help,
            primary: place_of(
                c,
                if nb {
                    "fortegn?".into()
                } else {
                    "sign?".into()
                },
            ),
            related,
            table: TableRef::of(table),
            expected: Some(turned),
            found: Some(c.text.clone()),
            delta: Some(format_norwegian(v + v, minus_char(c))),
            relation,
            fix: None,
        };
    }
    if let Some(r) = key
        && let Some(c) = table.rows[r].cell(col)
    {
        related.push(place_of(
            c,
            format!(
                "{} ({})",
                row_label(table, r),
                if nb { why_nb } else { why_en }
            ),
        ));
    }
    for &r in cover {
        if Some(r) == key {
            continue;
        }
        if let Some(c) = table.rows[r].cell(col) {
            related.push(place_of(c, row_label(table, r)));
        }
    }
    Diagnostic {
        code: INFO.code,
        rule: INFO.name,
        severity: INFO.severity,
        message,
        help,
        primary: total_place,
        related,
        table: TableRef::of(table),
        expected: Some(expected_text),
        found: Some(cell.text.clone()),
        delta: Some(delta_text),
        relation,
        fix: None,
    }
}

/// The total's relation over the cells of its rows, when those cells are exactly what
/// was summed (no percent, nothing read as zero).
fn broken_relation(
    table: &Table,
    total: &Cell,
    cover: &[usize],
    col: usize,
    computed: Decimal,
) -> Option<BrokenRelation> {
    let terms: Vec<(Cell, bool)> = cover
        .iter()
        .filter_map(|&r| table.rows[r].cell(col))
        .filter(|c| c.value.is_some())
        .map(|c| (c.clone(), true))
        .collect();
    let sum: Decimal = terms.iter().filter_map(|(c, _)| c.value).sum();
    (sum == computed && !total.percent && terms.iter().all(|(c, _)| !c.percent)).then(|| {
        BrokenRelation {
            result: total.clone(),
            terms,
            either_sign: false,
        }
    })
}

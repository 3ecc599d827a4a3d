//! RL103 `percent-share`: a percent cell that does not match the amounts it is a share of.

use super::{Checked, Diagnostic, Lang, Options, RuleInfo, Severity, TableRef, place_of};
use crate::model::{Cell, ColumnKind, Row, RowKind, Table, TableKind};
use crate::number::{format_norwegian, half_unit};
use rust_decimal::Decimal;

/// What it does: checks percent columns against the amounts in the same row: a share
/// (`Andel = del / helhet`, `sysselsatte / befolkning`), a share of the table's total
/// (`Andel` over a `Sum` of `100,0 %`: the row's amount / the total's amount) or a
/// deviation in percent (`Avvik i % = Avvik / |budsjett|`). Which two columns a percent
/// column is computed from is read from the header (`Avvik i %` next to `Avvik` and a
/// budget) or, where the header does not say, found from the table itself: the pair of
/// columns that gives the printed percent in nearly every row.
///
/// Why it matters: a percentage that does not match its own figures was usually typed
/// by hand or left from an earlier draft; readers quote the percentage, not the counts.
///
/// Example: `Moss 31123 23030 73,9 pst` while the other rows give their percent as
/// column 2 / column 1: 23 030 / 31 123 = 74,0 %, not 73,9 %.
///
/// Fix: recompute the percentage from the amounts, or correct the amount that is wrong.
///
/// Both the percent and the amounts are rounded: the check computes the interval of
/// shares the printed amounts allow and compares it with the printed percent ± half its
/// last digit, so rounding is never a finding. The sign follows the table's own
/// convention, read from its rows: the sign of the part (`Avvik i %` of |budget|) or of
/// part / whole. A percent of the right size whose sign runs against that convention is
/// reported, only where three or more rows show the convention, one of them with a
/// negative whole (the rows that tell the two apart), and at most this row dissents.
pub const INFO: RuleInfo = RuleInfo {
    code: "RL103",
    name: "percent-share",
    severity: Severity::Error,
    summary: (
        "En prosent stemmer ikke med beløpene den er regnet av",
        "A percentage does not match the amounts it is computed from",
    ),
    docs: "\
Hva den gjør
  Kontrollerer prosentkolonner mot beløpene i samme rad: en andel (del / helhet,
  sysselsatte / befolkning), en andel av tabellens sum (Andel over en Sum på 100,0 %:
  radens beløp / summens beløp) eller et avvik i prosent (Avvik i % = Avvik / |budsjett|).
  Hvilke to kolonner prosenten er regnet av, leses av overskriften (Avvik i % ved siden
  av Avvik og et budsjett) eller, der overskriften ikke sier det, av tabellen selv:
  kolonneparet som gir den trykte prosenten i nesten alle rader.

Hvorfor det er viktig
  En prosent som ikke stemmer med sine egne tall er som regel skrevet inn for hånd eller
  står igjen fra et tidligere utkast. Leserne siterer prosenten, ikke tallene.

Eksempel
  «Moss 31123 23030 73,9 pst» mens de andre radene har prosenten som kolonne 2 /
  kolonne 1: 23 030 / 31 123 = 74,0 %, ikke 73,9 %.

Retting
  Regn prosenten ut på nytt fra beløpene, eller rett beløpet som er feil.

Avrunding
  Både prosenten og beløpene er avrundet: kontrollen regner ut intervallet av andeler
  som de trykte beløpene tillater og sammenligner det med den trykte prosenten ± en halv
  enhet i siste siffer. Avrunding gir aldri funn. Fortegnet følger tabellens egen
  konvensjon, lest av radene: delens fortegn (Avvik i % av |budsjett|) eller fortegnet
  til del / helhet. En prosent med riktig størrelse og fortegn mot konvensjonen meldes,
  bare der tre eller flere rader viser konvensjonen, én av dem med negativ helhet (radene
  som skiller de to), og høyst denne raden avviker.",
};

/// A share found from the data must hold in at least this many rows ...
const MIN_ROWS: usize = 2;
/// ... and fail in at most one row for every this many where it holds. (Two rows that
/// match a pair of columns to the printed decimal by chance are rare enough.)
const HOLD_PER_FAIL: usize = 2;

/// What a percent column is a share of.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Whole {
    /// Another column: `sysselsatte / befolkning`.
    Column(usize),
    /// The part plus another column: `kvinner / (kvinner + menn)`.
    PartPlus(usize),
    /// The part's own column in the total row (index into the table's rows) whose
    /// percent is 100: a share of the total (`Andel av total`).
    Total(usize),
}

/// A column whose cells are mostly percentages.
fn is_percent_column(table: &Table, k: usize) -> bool {
    if matches!(
        table.columns[k].kind,
        ColumnKind::Prosent | ColumnKind::AvvikProsent
    ) {
        return true;
    }
    let (mut pct, mut all) = (0, 0);
    for c in table.rows.iter().filter_map(|r| r.cell(k)) {
        if c.value.is_some() {
            all += 1;
            pct += usize::from(c.percent);
        }
    }
    all > 0 && pct * 2 > all
}

fn checkable(row: &Row) -> bool {
    !row.ambiguous && !matches!(row.kind, RowKind::Heading | RowKind::Task)
}

/// The share `|part| / |whole| · 100` as an interval, from the printed amounts' intervals.
fn share_interval(
    part: Decimal,
    hp: Decimal,
    whole: Decimal,
    hw: Decimal,
) -> Option<(Decimal, Decimal)> {
    let (p, w) = (part.abs(), whole.abs());
    if w - hw <= Decimal::ZERO {
        return None;
    }
    let hundred = Decimal::ONE_HUNDRED;
    let lo = ((p - hp).max(Decimal::ZERO) * hundred).checked_div(w + hw)?;
    let hi = ((p + hp) * hundred).checked_div(w - hw)?;
    Some((lo, hi))
}

/// The whole's value in a row, and the half unit of its rounding.
fn whole_value(table: &Table, row: &Row, part: usize, whole: Whole) -> Option<(Decimal, Decimal)> {
    let amount = |k: usize| row.cell(k).filter(|c| !c.percent)?.value;
    match whole {
        Whole::Total(t) => {
            let total = table.rows.get(t)?;
            // The total itself is 100 % by definition.
            if total.line == row.line {
                return None;
            }
            let b = total.cell(part).filter(|c| !c.percent)?.value?;
            Some((b, half_unit(b)))
        }
        Whole::Column(k) => {
            let b = amount(k)?;
            Some((b, half_unit(b)))
        }
        Whole::PartPlus(k) => {
            let (a, b) = (amount(part)?, amount(k)?);
            Some((a + b, half_unit(a) + half_unit(b)))
        }
    }
}

/// Does the percent cell match part / whole? `None` when a cell is missing.
fn judge(table: &Table, row: &Row, p: usize, part: usize, whole: Whole) -> Option<bool> {
    let pc = row.cell(p).filter(|c| c.percent || c.value.is_some())?;
    let pv = pc.value?;
    let a = row.cell(part).filter(|c| !c.percent)?.value?;
    let (b, hb) = whole_value(table, row, part, whole)?;
    if b.is_zero() {
        return None;
    }
    let (lo, hi) = share_interval(a, half_unit(a), b, hb)?;
    let h = half_unit(pv);
    let v = pv.abs();
    Some(v + h >= lo && v - h <= hi)
}

/// Is the printed percent the share of the printed amounts cut off rather than rounded
/// (`73,9` for 23 030 / 31 123 = 73,996 %)?
fn truncated(table: &Table, row: &Row, p: usize, part: usize, whole: Whole) -> bool {
    method(table, row, p, part, whole) == Some(Method::CutOff)
}

/// How a row's percent was made from its amounts, where rounding and cutting off give
/// different values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Method {
    Rounded,
    CutOff,
}

fn method(table: &Table, row: &Row, p: usize, part: usize, whole: Whole) -> Option<Method> {
    let pv = row.cell(p).and_then(|c| c.value)?;
    let a = row
        .cell(part)
        .filter(|c| !c.percent)
        .and_then(|c| c.value)?;
    let (b, _) = whole_value(table, row, part, whole)?;
    let share = (a.abs() * Decimal::ONE_HUNDRED).checked_div(b.abs())?;
    let cut = share.round_dp_with_strategy(pv.scale(), rust_decimal::RoundingStrategy::ToZero);
    let rounded = share.round_dp(pv.scale());
    if cut == rounded {
        return None;
    }
    if pv.abs() == cut {
        Some(Method::CutOff)
    } else if pv.abs() == rounded {
        Some(Method::Rounded)
    } else {
        None
    }
}

/// The table's last total row, where its percent in column `p` is printed as 100 and it
/// has an amount in column `part`: the whole that the rows' shares are shares of.
fn hundred_percent_total(table: &Table, p: usize, part: usize) -> Option<usize> {
    let t = table
        .rows
        .iter()
        .rposition(|r| checkable(r) && r.kind != RowKind::Item)?;
    let row = &table.rows[t];
    if !matches!(
        row.kind,
        RowKind::Total | RowKind::Subtotal | RowKind::UnlabelledTotal
    ) {
        return None;
    }
    let pv = row.cell(p).filter(|c| c.percent)?.value?;
    row.cell(part).filter(|c| !c.percent)?.value?;
    ((pv - Decimal::ONE_HUNDRED).abs() <= half_unit(pv)).then_some(t)
}

/// Does the header name this pair (`Avvik i %` from `Avvik` and a budget)?
fn named(table: &Table, p: usize, part: usize, whole: Whole) -> bool {
    let Whole::Column(whole) = whole else {
        return false;
    };
    table.columns[p].kind == ColumnKind::AvvikProsent
        && table.columns[part].kind == ColumnKind::Avvik
        && table.columns[whole].kind.is_budget()
        && table.columns[whole]
            .period
            .compatible(table.columns[p].period)
}

/// Check every percent column of a numeric table.
pub fn check(table: &Table, opts: &Options, out: &mut Vec<Diagnostic>, checked: &mut Checked) {
    if table.kind != TableKind::Numeric {
        return;
    }
    let n = table.columns.len();
    let percent: Vec<bool> = (0..n).map(|k| is_percent_column(table, k)).collect();
    let amounts: Vec<usize> = (0..n)
        .filter(|&k| !percent[k] && !table.columns[k].kind.is_text())
        .collect();
    for p in (0..n).filter(|&k| percent[k]) {
        // The pair that fits best: named by the header first, then most rows holding.
        let mut best: Option<((bool, usize), usize, Whole)> = None;
        let consider =
            |part: usize, whole: Whole, best: &mut Option<((bool, usize), usize, Whole)>| {
                let (mut holds, mut fails) = (0, 0);
                for row in table.rows.iter().filter(|r| checkable(r)) {
                    match judge(table, row, p, part, whole) {
                        Some(true) => holds += 1,
                        Some(false) => fails += 1,
                        None => {}
                    }
                }
                let is_named = named(table, p, part, whole);
                let accepted = if is_named {
                    holds >= 1 && fails <= holds
                } else {
                    holds >= MIN_ROWS && fails * HOLD_PER_FAIL <= holds
                };
                let rank = (is_named, holds);
                if accepted && best.is_none_or(|(r, _, _)| rank > r) {
                    *best = Some((rank, part, whole));
                }
            };
        for &part in &amounts {
            for &other in &amounts {
                if part == other {
                    continue;
                }
                for whole in [Whole::Column(other), Whole::PartPlus(other)] {
                    consider(part, whole, &mut best);
                }
            }
            if let Some(t) = hundred_percent_total(table, p, part) {
                consider(part, Whole::Total(t), &mut best);
            }
        }
        let Some((_, part, whole)) = best else {
            continue;
        };
        // The column's way with the last digit, from the rows where it tells: two or
        // more cut off and none rounded is a habit of cutting off.
        let methods: Vec<Method> = table
            .rows
            .iter()
            .filter(|r| checkable(r))
            .filter_map(|r| method(table, r, p, part, whole))
            .collect();
        let signs = sign_convention(table, p, part, whole);
        // Where no row tells the two conventions apart (every whole positive), a percent
        // whose sign runs against its part runs against both, in a column whose percents
        // carry their part's sign (a negative one among them).
        let signed = signs.is_none() && signed_with_parts(table, p, part, whole);
        let cut = methods.iter().filter(|&&m| m == Method::CutOff).count();
        let habit = (cut >= 3 && !methods.contains(&Method::Rounded)).then_some(Method::CutOff);
        for row in table.rows.iter().filter(|r| checkable(r)) {
            match judge(table, row, p, part, whole) {
                Some(true) => {
                    checked.relations_checked += 1;
                    if let Some(convention) = signs {
                        if sign_of(table, row, p, part, whole)
                            .is_some_and(|(a, b)| !convention.fits(a, b) || !a && !b)
                        {
                            out.push(sign_diagnostic(table, row, p, part, opts.lang));
                        }
                    } else if signed
                        && sign_of(table, row, p, part, whole).is_some_and(|(a, b)| !a && !b)
                    {
                        out.push(sign_diagnostic(table, row, p, part, opts.lang));
                    }
                }
                Some(false) => {
                    checked.relations_checked += 1;
                    let mut d = diagnostic(table, row, p, part, whole, opts.lang);
                    // Cut off in the last digit instead of rounded, in a column whose other
                    // rows cut off too: a method, not a wrong number; a warning.
                    if truncated(table, row, p, part, whole) && habit != Some(Method::CutOff) {
                        d.help = Some(if opts.lang == Lang::Nb {
                            "verdien ser avkortet ut, men kolonnen avrunder ellers: avrundet blir den som ventet".into()
                        } else {
                            "the value looks cut off, but the column rounds elsewhere: rounded it is as expected".into()
                        });
                    }
                    if truncated(table, row, p, part, whole) && habit == Some(Method::CutOff) {
                        d.severity = Severity::Warning;
                        d.help = Some(if opts.lang == Lang::Nb {
                            "verdien ser avkortet ut i stedet for avrundet: andelen av beløpene, kuttet etter siste siffer, gir den".into()
                        } else {
                            "the value looks cut off rather than rounded: the share of the amounts, cut after the last digit, gives it".into()
                        });
                    }
                    out.push(d);
                }
                None => {
                    if row.cell(p).is_some() {
                        checked.relations_skipped += 1;
                    }
                }
            }
        }
    }
}

/// How a column's percents carry their sign: that of the part (`Avvik i %` of
/// |budget|: `6 449 12,7 %` on an income row), or that of part / whole.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Signs {
    OfPart,
    OfRatio,
}

impl Signs {
    /// Does a row whose percent agrees in sign with its part (`a`) and with part /
    /// whole (`b`) fit the convention?
    fn fits(self, a: bool, b: bool) -> bool {
        match self {
            Signs::OfPart => a,
            Signs::OfRatio => b,
        }
    }
}

/// For a row with a non-zero part, whole and percent (beyond rounding): does the
/// percent's sign agree with the part's, and with part / whole's?
fn sign_of(table: &Table, row: &Row, p: usize, part: usize, whole: Whole) -> Option<(bool, bool)> {
    let pv = row.cell(p)?.value?;
    let a = row.cell(part).filter(|c| !c.percent)?.value?;
    let (b, _) = whole_value(table, row, part, whole)?;
    if pv.abs() <= half_unit(pv) || a.abs() <= half_unit(a) || b.is_zero() {
        return None;
    }
    let neg = |x: Decimal| x.is_sign_negative();
    Some((neg(pv) == neg(a), neg(pv) == (neg(a) != neg(b))))
}

/// The table's own sign convention for a percent column, when its rows show it: every
/// row but at most one follows it, three or more do, and at least one of them tells the
/// two conventions apart (a negative whole). `None` for columns of shares that are
/// never negative, or where the rows disagree.
fn sign_convention(table: &Table, p: usize, part: usize, whole: Whole) -> Option<Signs> {
    let rows: Vec<(bool, bool)> = table
        .rows
        .iter()
        .filter(|r| checkable(r) && judge(table, r, p, part, whole) == Some(true))
        .filter_map(|r| sign_of(table, r, p, part, whole))
        .collect();
    let telling = |a: bool, b: bool| a != b;
    [Signs::OfPart, Signs::OfRatio].into_iter().find(|&c| {
        let follow = rows.iter().filter(|&&(a, b)| c.fits(a, b)).count();
        let tells = rows.iter().any(|&(a, b)| c.fits(a, b) && telling(a, b));
        follow >= 3 && follow + 1 >= rows.len() && rows.len() > follow && tells
            || follow >= 3 && follow == rows.len() && tells
    })
}

/// A percent column whose rows (three or more, all but at most one) give each percent
/// its part's sign, one of them negative: `Endring i kr -11 649`, `Endring i % -3,0 %`.
fn signed_with_parts(table: &Table, p: usize, part: usize, whole: Whole) -> bool {
    let rows: Vec<(bool, bool, bool)> = table
        .rows
        .iter()
        .filter(|r| checkable(r) && judge(table, r, p, part, whole) == Some(true))
        .filter_map(|r| {
            let (a, b) = sign_of(table, r, p, part, whole)?;
            let negative = r.cell(p)?.value?.is_sign_negative();
            Some((a, b, negative))
        })
        .collect();
    let follow = rows.iter().filter(|&&(a, b, _)| a && b).count();
    follow >= 3
        && follow + 1 >= rows.len()
        && rows.iter().any(|&(a, b, negative)| a && b && negative)
}

/// A percent whose size is right and whose sign runs against its own part under the
/// table's convention (`6 449 −12,7 %` where the other rows give the percent the
/// deviation's sign).
fn sign_diagnostic(table: &Table, row: &Row, p: usize, part: usize, lang: Lang) -> Diagnostic {
    let nb = lang == Lang::Nb;
    let pc = row.cell(p).expect("judged cells exist");
    let ac = row.cell(part).expect("judged cells exist");
    let name = |k: usize| table.columns[k].name.clone();
    let label = row.label.trim();
    let turned = if pc
        .text
        .trim_start()
        .starts_with(['-', '\u{2212}', '\u{2013}'])
    {
        pc.text
            .trim_start()
            .trim_start_matches(['-', '\u{2212}', '\u{2013}'])
            .trim_start()
            .to_string()
    } else {
        format!("{}{}", crate::rules::minus_char(ac), pc.text.trim())
    };
    let message = if nb {
        format!(
            "«{}» i raden «{label}» er {}, men fortegnet går mot «{}» ({}): de andre radene i tabellen gir prosenten samme fortegn som den",
            name(p),
            pc.text,
            name(part),
            ac.text
        )
    } else {
        format!(
            "«{}» in the row «{label}» is {}, but its sign runs against «{}» ({}): the other rows of the table give the percentage its sign",
            name(p),
            pc.text,
            name(part),
            ac.text
        )
    };
    Diagnostic {
        code: INFO.code,
        rule: INFO.name,
        severity: INFO.severity,
        message,
        help: Some(if nb {
            format!("snu fortegnet: {turned}")
        } else {
            format!("turn the sign: {turned}")
        }),
        primary: place_of(
            pc,
            if nb {
                format!("ventet {turned}")
            } else {
                format!("expected {turned}")
            },
        ),
        related: vec![place_of(ac, name(part))],
        table: TableRef::of(table),
        expected: Some(turned),
        found: Some(pc.text.clone()),
        delta: None,
        relation: None,
        fix: None,
    }
}

fn diagnostic(
    table: &Table,
    row: &Row,
    p: usize,
    part: usize,
    whole: Whole,
    lang: Lang,
) -> Diagnostic {
    let nb = lang == Lang::Nb;
    let cell = |k: usize| -> &Cell { row.cell(k).expect("judged cells exist") };
    let (pc, ac) = (cell(p), cell(part));
    let (other, other_cell) = match whole {
        Whole::Column(k) | Whole::PartPlus(k) => (k, cell(k)),
        Whole::Total(t) => (part, table.rows[t].cell(part).expect("judged cells exist")),
    };
    let pv = pc.value.unwrap_or_default();
    let a = ac.value.unwrap_or_default();
    let b = whole_value(table, row, part, whole).map_or(Decimal::ZERO, |(b, _)| b);
    let share = (a.abs() * Decimal::ONE_HUNDRED)
        .checked_div(b.abs())
        .unwrap_or_default()
        .round_dp(pv.scale());
    let expected = format!("{} %", format_norwegian(share, '-'));
    let delta = format_norwegian(pv.abs() - share, '-');
    let name = |k: usize| table.columns[k].name.clone();
    let formula = match whole {
        Whole::Column(k) => format!("«{}» / «{}»", name(part), name(k)),
        Whole::PartPlus(k) => format!("«{}» / («{}» + «{}»)", name(part), name(part), name(k)),
        Whole::Total(t) => {
            let total = table.rows[t].label.trim();
            if nb {
                format!("«{}» / «{}» i raden «{total}»", name(part), name(part))
            } else {
                format!("«{}» / «{}» in the row «{total}»", name(part), name(part))
            }
        }
    };
    let label = row.label.trim();
    let message = if nb {
        format!(
            "«{}» i raden «{label}» er {}, men {formula} gir {expected}: differansen er {delta} prosentpoeng",
            name(p),
            pc.text,
        )
    } else {
        format!(
            "«{}» in the row «{label}» is {}, but {formula} gives {expected}: the difference is {delta} percentage points",
            name(p),
            pc.text,
        )
    };
    let help = Some(match (whole, nb) {
        (Whole::Total(_), true) => {
            "de andre radene i tabellen har prosenten som andel av summen (100 %)".to_string()
        }
        (Whole::Total(_), false) => {
            "the other rows of the table give their share of the total (100 %)".to_string()
        }
        (_, true) => {
            "de andre radene i tabellen har prosenten regnet av de samme to kolonnene".to_string()
        }
        (_, false) => {
            "the other rows of the table compute the percentage from the same two columns"
                .to_string()
        }
    });
    Diagnostic {
        code: INFO.code,
        rule: INFO.name,
        severity: INFO.severity,
        message,
        help,
        primary: place_of(
            pc,
            if nb {
                format!("ventet {expected}")
            } else {
                format!("expected {expected}")
            },
        ),
        related: vec![place_of(ac, name(part)), place_of(other_cell, name(other))],
        table: TableRef::of(table),
        expected: Some(expected),
        found: Some(pc.text.clone()),
        delta: Some(delta),
        relation: None,
        fix: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn the_share_interval_spans_the_rounding_of_both_amounts() {
        let si = |a: &str, b: &str| share_interval(d(a), half_unit(d(a)), d(b), half_unit(d(b)));
        let (lo, hi) = si("23030", "31123").unwrap();
        // 73,9 ± 0,05 does not meet 23 030 / 31 123 = 73,997…
        assert!(lo > d("73.95") && hi < d("74.01"), "{lo} {hi}");
        // A whole of zero (within rounding) gives no share.
        assert!(si("1", "0").is_none());
        // Sign does not matter: an income row with a negative budget.
        let (lo, hi) = si("-5", "-100").unwrap();
        assert!(lo <= d("5") && hi >= d("5"));
    }
}

//! The minimal repair: where exactly one cell lies in every broken relation of a table,
//! and every one of those relations gives it the same value, that value is offered as an
//! unsafe fix (`--unsafe-fixes`): it changes a number, so a person must agree.
//!
//! One broken relation alone names no cell (the total or any of its rows could be
//! wrong), so it gets no fix. A table with a broken relation that is not a plain
//! `result = Σ ±terms` over its cells (percent, either sign, a finding of another kind)
//! gets none either.

use super::{Applicability, BrokenRelation, Diagnostic, Edit, Fix, Lang, Severity, minus_char};
use crate::lex::MinusKind;
use crate::model::Cell;
use crate::number::format_norwegian;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Attach minimal repairs to the diagnostics of each table, and withdraw the unsafe
/// fixes of warnings in tables with errors.
pub fn attach(out: &mut [Diagnostic], lang: Lang) {
    let mut tables: BTreeMap<(usize, Option<String>), Vec<usize>> = BTreeMap::new();
    for (i, d) in out.iter().enumerate() {
        if d.severity == Severity::Error {
            tables
                .entry((d.table.line, d.table.title.clone()))
                .or_default()
                .push(i);
        }
    }
    // A warning's unsafe fix (a flipped deviation) is no repair in a table whose numbers
    // are wrong in other ways: two cells swapped also turn a deviation round.
    // It stands where every error of the table involves its cell (the flipped deviation
    // also breaks its column's total).
    let withdraw: Vec<usize> = (0..out.len())
        .filter(|&i| {
            let d = &out[i];
            d.severity != Severity::Error
                && d.fix
                    .as_ref()
                    .is_some_and(|f| f.applicability == Applicability::Unsafe)
                && tables
                    .get(&(d.table.line, d.table.title.clone()))
                    .is_some_and(|errors| {
                        errors.iter().any(|&e| {
                            let err = &out[e];
                            err.primary.span != d.primary.span
                                && err.related.iter().all(|p| p.span != d.primary.span)
                        })
                    })
        })
        .collect();
    for i in withdraw {
        out[i].fix = None;
    }
    for group in tables.values() {
        let relations: Option<Vec<&BrokenRelation>> =
            group.iter().map(|&i| out[i].relation.as_ref()).collect();
        let Some(relations) = relations else { continue };
        if relations.len() < 2 {
            continue;
        }
        let Some((cell, value)) = explaining_cell(&relations) else {
            continue;
        };
        let Some(text) = format_like(&cell, value) else {
            continue;
        };
        let target = group
            .iter()
            .copied()
            .find(|&i| out[i].primary.span == cell.span)
            .unwrap_or(group[0]);
        let n = relations.len();
        out[target].fix = Some(Fix {
            applicability: Applicability::Unsafe,
            message: match lang {
                Lang::Nb => format!(
                    "{} → {text} på linje {} får alle de {n} brutte sammenhengene i tabellen til å gå opp",
                    cell.text, cell.line
                ),
                Lang::En => format!(
                    "{} → {text} on line {} makes all {n} broken relations of the table hold",
                    cell.text, cell.line
                ),
            },
            edits: vec![Edit {
                span: cell.span,
                content: text,
            }],
        });
    }
}

/// The one cell every relation contains, and the value all of them give it.
fn explaining_cell(relations: &[&BrokenRelation]) -> Option<(Cell, Decimal)> {
    let cells = |r: &BrokenRelation| -> Vec<(usize, usize)> {
        std::iter::once(r.result.span)
            .chain(r.terms.iter().map(|(c, _)| c.span))
            .collect()
    };
    let first = cells(relations[0]);
    let common: Vec<(usize, usize)> = first
        .into_iter()
        .filter(|s| relations[1..].iter().all(|r| cells(r).contains(s)))
        .collect();
    let [span] = common.as_slice() else {
        return None;
    };
    // The values every relation allows (two for a relation checked by size).
    let mut values: Option<Vec<Decimal>> = None;
    let mut cell = None;
    for r in relations {
        let allowed = solve(r, *span)?;
        values = Some(match values {
            None => allowed,
            Some(v) => v.into_iter().filter(|x| allowed.contains(x)).collect(),
        });
        if cell.is_none() {
            cell = if r.result.span == *span {
                Some(r.result.clone())
            } else {
                r.terms
                    .iter()
                    .find(|(c, _)| c.span == *span)
                    .map(|(c, _)| c.clone())
            };
        }
    }
    let cell = cell?;
    let values = values?;
    let [value] = values.as_slice() else {
        return None;
    };
    (cell.value != Some(*value)).then_some((cell, *value))
}

/// The values the cell at `span` may have for the relation to hold exactly: one, or
/// two for a relation that holds with either sign.
fn solve(r: &BrokenRelation, span: (usize, usize)) -> Option<Vec<Decimal>> {
    let signed = |(c, plus): &(Cell, bool)| -> Option<Decimal> {
        let v = c.value?;
        Some(if *plus { v } else { -v })
    };
    let results = |v: Decimal| {
        if r.either_sign && !v.is_zero() {
            vec![v, -v]
        } else {
            vec![v]
        }
    };
    if r.result.span == span {
        return Some(results(
            r.terms.iter().map(signed).sum::<Option<Decimal>>()?,
        ));
    }
    let (own, plus) = r.terms.iter().find(|(c, _)| c.span == span)?;
    let others: Decimal = r
        .terms
        .iter()
        .filter(|(c, _)| c.span != own.span)
        .map(signed)
        .sum::<Option<Decimal>>()?;
    Some(
        results(r.result.value?)
            .into_iter()
            .map(|res| if *plus { res - others } else { others - res })
            .collect(),
    )
}

/// `value` written as the cell writes its number: decimals, grouping and minus. `None`
/// when the value needs more decimals than the cell shows, or the cell is a percent.
fn format_like(cell: &Cell, value: Decimal) -> Option<String> {
    format_styled(cell, value, cell)
}

/// As [`format_like`], with the minus written as `negative` writes it (a cell that was
/// positive has no minus of its own).
pub(crate) fn format_styled(cell: &Cell, value: Decimal, negative: &Cell) -> Option<String> {
    let old = cell.value?;
    if cell.percent || cell.text.len() != cell.span.1 - cell.span.0 {
        return None;
    }
    let scale = old.scale();
    if value.normalize().scale() > scale {
        return None;
    }
    let mut v = value;
    v.rescale(scale);
    let body = format_norwegian(v.abs(), '-');
    // The separator between digit groups, as the cell writes it (or none).
    let chars: Vec<char> = cell.text.chars().collect();
    let sep = chars
        .windows(3)
        .find(|w| w[0].is_ascii_digit() && w[2].is_ascii_digit() && !w[1].is_ascii_digit())
        .map(|w| w[1])
        .filter(|c| *c != ',');
    let digits = crate::number::int_digits(old);
    let body = match sep {
        Some(c) => body.replace(' ', &c.to_string()),
        None if digits >= 4 => body.replace(' ', ""),
        None => body,
    };
    Some(if v.is_sign_negative() && !v.is_zero() {
        if negative.minus == Some(MinusKind::Trailing) {
            format!("{body}-")
        } else {
            format!("{}{body}", minus_char(negative))
        }
    } else {
        body
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str, value: &str, span: (usize, usize)) -> Cell {
        Cell {
            column: 0,
            text: text.into(),
            value: Some(value.parse().expect("decimal")),
            line: 1,
            column_start: 1,
            column_end: 1,
            span,
            minus: if text.starts_with('\u{2212}') {
                Some(MinusKind::Minus)
            } else if text.ends_with('-') {
                Some(MinusKind::Trailing)
            } else {
                None
            },
            percent: false,
            quarter: false,
        }
    }

    #[test]
    fn writes_like_the_cell() {
        let c = cell("\u{2212}4 151 470", "-4151470", (0, 12));
        assert_eq!(
            format_like(&c, "-4151407".parse().expect("d")).as_deref(),
            Some("\u{2212}4 151 407")
        );
        let c = cell("1\u{a0}200,5", "1200.5", (0, 8));
        assert_eq!(
            format_like(&c, "1300".parse().expect("d")).as_deref(),
            Some("1\u{a0}300,0")
        );
        let c = cell("36 600-", "-36600", (0, 7));
        assert_eq!(
            format_like(&c, "-36500".parse().expect("d")).as_deref(),
            Some("36 500-")
        );
        let c = cell("12", "12", (0, 2));
        assert_eq!(format_like(&c, "12.5".parse().expect("d")), None);
    }

    #[test]
    fn one_cell_in_every_broken_relation_is_the_repair() {
        // Column total 10 + 20 ≠ 31, and row 31 ≠ 40 − 10: the total is the cell.
        let a = cell("10", "10", (0, 2));
        let b = cell("20", "20", (3, 5));
        let total = cell("31", "31", (6, 8));
        let budget = cell("40", "40", (9, 11));
        let dev = cell("10", "10", (12, 14));
        let column = BrokenRelation {
            result: total.clone(),
            terms: vec![(a, true), (b, true)],
            either_sign: false,
        };
        let row = BrokenRelation {
            result: dev,
            terms: vec![(budget, true), (total, false)],
            either_sign: true,
        };
        let (c, v) = explaining_cell(&[&column, &row]).expect("one cell");
        assert_eq!((c.text.as_str(), v), ("31", Decimal::from(30)));
        // One relation alone names no cell.
        assert!(explaining_cell(&[&column]).is_none());
        // Two relations that share more than one cell name none either.
        assert!(explaining_cell(&[&column, &column.clone()]).is_none());
    }
}

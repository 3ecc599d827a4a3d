//! RL105 `average-range`: an average outside the range of the rows it averages.

use super::{Checked, Diagnostic, Lang, Options, RuleInfo, Severity, TableRef, place_of};
use crate::model::{Cell, ColumnKind, RowKind, Table, TableKind};
use crate::number::{format_norwegian, half_unit};
use rust_decimal::Decimal;

/// What it does: checks rows that average the rows above them instead of adding them
/// up: a `Sum` or `Totalt` row in a percent column (sick leave, shares: a weighted
/// average), and a `Gjennomsnitt` row in any column. Such a value must lie between the
/// smallest and the largest of the rows it covers.
///
/// Why it matters: a weighted average outside the range of its parts cannot be right
/// whatever the weights; it usually comes from another period or another table.
///
/// Example: `Sum sykefravær 4,4 %` under areas with short-term sick leave of 2,2 %,
/// 3,0 %, 3,8 % and 2,3 %.
///
/// Fix: recompute the average from the same rows, or check which period it belongs to.
///
/// The bounds are widened by the rounding of every printed value (± half the last digit),
/// so a value that touches the range within rounding passes. Averages over a wider
/// population than the table shows (`Landet`, `KOSTRA-gruppe`) are not checked. This is
/// a warning: a table may leave out some of the rows its average covers. A percent of
/// amounts over rows whose budgets or accounts differ in sign (an income among
/// expenses) is a ratio of sums with no such bound, and is not checked; nor is a ratio
/// named with its own base (`Netto driftsresultat i prosent av driftsinntekter`).
pub const INFO: RuleInfo = RuleInfo {
    code: "RL105",
    name: "average-range",
    severity: Severity::Warning,
    summary: (
        "Et gjennomsnitt ligger utenfor spennet til radene det er snitt av",
        "An average lies outside the range of the rows it averages",
    ),
    docs: "\
Hva den gjør
  Kontrollerer rader som er et snitt av radene over i stedet for en sum: en Sum- eller
  Totalt-rad i en prosentkolonne (sykefravær, andeler: et vektet snitt) og en
  Gjennomsnitt-rad i enhver kolonne. Verdien må ligge mellom den minste og den største
  av radene den dekker.

Hvorfor det er viktig
  Et vektet snitt utenfor spennet til delene kan ikke være riktig uansett vekter. Det
  kommer som regel fra en annen periode eller en annen tabell.

Eksempel
  «Sum sykefravær 4,4 %» under områder med korttidsfravær på 2,2 %, 3,0 %, 3,8 % og 2,3 %.

Retting
  Regn snittet ut på nytt av de samme radene, eller sjekk hvilken periode det hører til.

Avrunding
  Grensene utvides med avrundingen av hver trykte verdi (± en halv enhet i siste siffer).
  Snitt over flere enn tabellen viser (Landet, KOSTRA-gruppe) kontrolleres ikke. Dette er
  en advarsel: en tabell kan utelate noen av radene snittet dekker. En prosent av beløp
  over rader der budsjett eller regnskap har ulikt fortegn (en inntekt blant utgifter), er
  et forhold mellom summer som radenes prosenter ikke avgrenser, og kontrolleres ikke.
  Det gjør heller ikke et forholdstall med sin egen base (Netto driftsresultat i prosent
  av driftsinntekter).",
};

/// Labels of averages over the rows shown (not over a wider population).
const OWN_AVERAGE: [&str; 4] = ["gjennomsnitt", "snitt", "gjsn", "middel"];

/// Check the averages of a numeric table.
pub fn check(table: &Table, opts: &Options, out: &mut Vec<Diagnostic>, checked: &mut Checked) {
    if table.kind != TableKind::Numeric {
        return;
    }
    let mut items: Vec<usize> = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        match row.kind {
            RowKind::Item => {
                items.push(i);
                continue;
            }
            RowKind::Subtotal | RowKind::Total | RowKind::UnlabelledTotal | RowKind::Average => {}
            _ => continue,
        }
        // A ratio named with its own base (`Netto driftsresultat i prosent av
        // driftsinntekter`) is a key figure of its own, no mean of the rows above;
        // unless a total word opens it (`Sum sykefravær i prosent av dagsverk`).
        let label = row.label.to_lowercase();
        let own_base = [" prosent av ", " % av ", " pst. av ", " pst av "]
            .iter()
            .any(|p| format!(" {label} ").contains(p));
        let opens_total = label
            .split_whitespace()
            .next()
            .is_some_and(|w| matches!(w, "sum" | "totalt" | "total" | "samlet"));
        if own_base && !opens_total && row.kind != RowKind::Average {
            continue;
        }
        let own_average = row.kind == RowKind::Average && {
            let first = row
                .label
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            OWN_AVERAGE.iter().any(|w| first.starts_with(w))
        };
        for cell in &row.cells {
            let Some(v) = cell.value else { continue };
            // A percent printed as one: a column named for percent may hold ranks or
            // counts that a header fitted loosely gave it.
            if !(own_average || (row.kind != RowKind::Average && cell.percent)) {
                continue;
            }
            let parts: Vec<&Cell> = items
                .iter()
                .filter(|&&r| !table.rows[r].ambiguous)
                .filter_map(|&r| table.rows[r].cell(cell.column))
                .filter(|c| c.value.is_some() && c.percent == cell.percent)
                .collect();
            if parts.len() < 2 || row.ambiguous {
                continue;
            }
            // A percent of amounts (`Avvik i %` of the budget) over rows whose amounts
            // differ in sign (an income among expenses) is a ratio of sums that no
            // range of the rows' ratios bounds.
            if cell.percent && mixed_bases(table, &items) {
                continue;
            }
            let lo = parts
                .iter()
                .filter_map(|c| c.value.map(|x| x - half_unit(x)))
                .min()
                .unwrap_or_default();
            let hi = parts
                .iter()
                .filter_map(|c| c.value.map(|x| x + half_unit(x)))
                .max()
                .unwrap_or_default();
            checked.relations_checked += 1;
            let h = half_unit(v);
            if v + h >= lo && v - h <= hi {
                continue;
            }
            // Shares that add up to their total (`100,0 %`): a sum, not an average.
            let sum: Decimal = parts.iter().filter_map(|c| c.value).sum();
            let tol: Decimal = parts
                .iter()
                .filter_map(|c| c.value.map(half_unit))
                .sum::<Decimal>()
                + h;
            if (sum - v).abs() <= tol {
                continue;
            }
            // A total of 100 % over shares below it is the whole the shares are of, even
            // where a share is wrong (RL103 finds that row): no mean of shares is 100 %.
            if cell.percent && (v - Decimal::ONE_HUNDRED).abs() <= h && hi < v {
                continue;
            }
            out.push(diagnostic(
                table,
                row.label.trim(),
                cell,
                &parts,
                lo,
                hi,
                opts.lang,
            ));
        }
        // A total closes its group.
        if row.kind != RowKind::Average {
            items.clear();
        }
    }
}

/// Do the rows `items` hold amounts of both signs in a column of budgets, accounts or
/// forecasts (the bases a percent is taken of)?
fn mixed_bases(table: &Table, items: &[usize]) -> bool {
    table.columns.iter().enumerate().any(|(k, col)| {
        let base = matches!(
            col.kind,
            ColumnKind::Regnskap
                | ColumnKind::OpprinneligBudsjett
                | ColumnKind::RevidertBudsjett
                | ColumnKind::Budsjett
                | ColumnKind::Prognose
        );
        let values = || {
            items
                .iter()
                .filter_map(|&r| table.rows[r].cell(k))
                .filter(|c| !c.percent)
                .filter_map(|c| c.value)
        };
        base && values().any(|v| v.is_sign_negative() && !v.is_zero())
            && values().any(|v| v.is_sign_positive() && !v.is_zero())
    })
}

fn diagnostic(
    table: &Table,
    label: &str,
    cell: &Cell,
    parts: &[&Cell],
    lo: Decimal,
    hi: Decimal,
    lang: Lang,
) -> Diagnostic {
    let nb = lang == Lang::Nb;
    let min = parts
        .iter()
        .min_by_key(|c| c.value)
        .map_or_else(String::new, |c| c.text.clone());
    let max = parts
        .iter()
        .max_by_key(|c| c.value)
        .map_or_else(String::new, |c| c.text.clone());
    let col = &table.columns[cell.column].name;
    let v = cell.value.unwrap_or_default();
    let outside = if v > hi { v - hi } else { lo - v };
    let message = if nb {
        format!(
            "«{label}» i kolonnen «{col}» er {}, utenfor spennet {min} – {max} for de {} radene over",
            cell.text,
            parts.len()
        )
    } else {
        format!(
            "«{label}» in column «{col}» is {}, outside the range {min} – {max} of the {} rows above",
            cell.text,
            parts.len()
        )
    };
    let help = Some(if nb {
        format!(
            "et snitt av radene må ligge mellom minste og største verdi; avviket er minst {} utover avrundingen",
            format_norwegian(outside.normalize(), '-')
        )
    } else {
        format!(
            "an average of the rows must lie between the smallest and largest value; it is off by at least {} beyond rounding",
            format_norwegian(outside.normalize(), '-')
        )
    });
    Diagnostic {
        code: INFO.code,
        rule: INFO.name,
        severity: INFO.severity,
        message,
        help,
        primary: place_of(
            cell,
            if nb {
                format!("utenfor {min} – {max}")
            } else {
                format!("outside {min} – {max}")
            },
        ),
        related: parts.iter().map(|c| place_of(c, c.text.clone())).collect(),
        table: TableRef::of(table),
        expected: Some(format!("{min} – {max}")),
        found: Some(cell.text.clone()),
        delta: None,
        relation: None,
        fix: None,
    }
}

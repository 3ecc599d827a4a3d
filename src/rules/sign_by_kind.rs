//! RL203 `sign-by-kind`: a row whose sign contradicts how its table signs rows of its
//! kind (income, use of a fund, allocation to a fund).

use super::{Checked, Diagnostic, Lang, Options, RuleInfo, Severity, TableRef, place_of};
use crate::meaning::without_code;
use crate::model::{Cell, ColumnKind, Row, RowKind, Table, TableKind};
use crate::vocab::phrase_words;

/// What it does: finds, per table, how it signs rows of three kinds: income
/// (`…inntekter`, `Rammetilskudd`, `Skatt …`, `Refusjon …`), use of a fund (`Bruk av …`)
/// and allocation to a fund (`Avsetning til …`), from the rows themselves (income may be
/// printed negative, KOSTRA style, or positive). A row whose amounts carry the other
/// sign than every other row of its kind, when at least three rows agree, is reported.
/// Fund use and fund allocation run opposite ways: a fund row with the other kind's sign,
/// where two rows of its own kind agree and the other kind's rows (two or more) all carry
/// the opposite sign, is reported too.
///
/// Why it matters: a sign error in one line is the most common error in financial
/// statements, and the reader cannot see it without recomputing the table.
///
/// Example: `Salgsinntekter −120`, `Refusjoner −80`, `Overføringsinntekter −300` and
/// `Andre inntekter 45` in the same table.
///
/// Fix: check the row's sign; where a total confirms the error, RL101 reports it as an
/// error with the row named.
///
/// This is a warning: labels name kinds only roughly (`Netto finansinntekter` can be
/// either), and only deviation-free amount columns (accounts, budgets, forecasts) count.
pub const INFO: RuleInfo = RuleInfo {
    code: "RL203",
    name: "sign-by-kind",
    severity: Severity::Warning,
    summary: (
        "En rad har motsatt fortegn av de andre radene av samme slag i tabellen",
        "A row carries the other sign than the other rows of its kind in the table",
    ),
    docs: "\
Hva den gjør
  Finner for hver tabell hvordan den setter fortegn på tre slags rader: inntekter
  (…inntekter, Rammetilskudd, Skatt …, Refusjon …), bruk av fond (Bruk av …) og avsetning
  til fond (Avsetning til …), ut fra radene selv (inntekter kan stå negativt som i KOSTRA,
  eller positivt). En rad med motsatt fortegn av alle de andre av samme slag, når minst
  tre rader er enige, meldes. Bruk av fond og avsetning til fond går motsatt vei: en
  fondsrad med den andre sortens fortegn meldes også når to rader av dens egen sort er
  enige og den andre sortens rader (minst to) alle har motsatt fortegn.

Hvorfor det er viktig
  Fortegnsfeil i én linje er den vanligste feilen i regnskapsoppstillinger, og leseren
  ser den ikke uten å regne tabellen etter.

Eksempel
  Salgsinntekter −120, Refusjoner −80, Overføringsinntekter −300 og Andre inntekter 45 i
  samme tabell.

Retting
  Sjekk fortegnet i raden. Der en sum bekrefter feilen, melder RL101 den som feil med
  raden navngitt.

Sikkerhet
  Dette er en advarsel: tekstene sier bare omtrent hva slags rad det er (Netto
  finansinntekter kan gå begge veier), og bare beløpskolonner uten avvik teller.",
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Income,
    FundUse,
    FundAllocation,
}

/// The kind a row label names, if one of the three.
fn kind_of(label: &str) -> Option<Kind> {
    let words = phrase_words(without_code(label));
    let first = words.first()?.as_str();
    if matches!(
        first,
        "netto" | "sum" | "delsum" | "totalt" | "herav" | "korrigert"
    ) {
        return None;
    }
    if first == "bruk" {
        return Some(Kind::FundUse);
    }
    if matches!(first, "avsetning" | "avsetninger" | "avsatt") {
        return Some(Kind::FundAllocation);
    }
    let income = words.iter().any(|w| {
        w.ends_with("inntekter")
            || w.ends_with("inntekt")
            || w.starts_with("rammetilskudd")
            || w.starts_with("refusjon")
            || w == "skatteinntekter"
    });
    // `Renteutgifter`, `Lønnsutgifter` and the like are no income whatever else they say.
    let expense = words
        .iter()
        .any(|w| w.contains("utgift") || w.contains("kostnad"));
    (income && !expense).then_some(Kind::Income)
}

/// Accounts, budgets and forecasts: the columns that carry a row's own sign.
fn signed_column(kind: ColumnKind) -> bool {
    use ColumnKind::*;
    matches!(
        kind,
        Regnskap | OpprinneligBudsjett | RevidertBudsjett | Budsjett | Prognose | Aar
    )
}

/// A row's sign over its signed columns: +1, −1, or none when mixed or all zero.
fn row_sign(table: &Table, row: &Row) -> Option<i8> {
    let mut plus = 0;
    let mut minus = 0;
    for c in &row.cells {
        if c.percent || !signed_column(table.columns[c.column].kind) {
            continue;
        }
        match c.value {
            Some(v) if v.is_sign_positive() && !v.is_zero() => plus += 1,
            Some(v) if v.is_sign_negative() && !v.is_zero() => minus += 1,
            _ => {}
        }
    }
    match (plus, minus) {
        (p, 0) if p > 0 => Some(1),
        (0, m) if m > 0 => Some(-1),
        _ => None,
    }
}

/// The sign every row of a kind carries, when at least two rows carry it and none the
/// other.
fn uniform_sign(table: &Table, kind: Kind) -> Option<i8> {
    let signs: Vec<i8> = table
        .rows
        .iter()
        .filter(|r| matches!(r.kind, RowKind::Item) && !r.ambiguous)
        .filter(|r| kind_of(&r.label) == Some(kind))
        .filter_map(|r| row_sign(table, r))
        .collect();
    let first = *signs.first()?;
    (signs.len() >= 2 && signs.iter().all(|&s| s == first)).then_some(first)
}

/// Check the rows of one table.
pub fn check(table: &Table, opts: &Options, out: &mut Vec<Diagnostic>, checked: &mut Checked) {
    if table.kind != TableKind::Numeric {
        return;
    }
    let nb = opts.lang == Lang::Nb;
    for kind in [Kind::Income, Kind::FundUse, Kind::FundAllocation] {
        let rows: Vec<(&Row, i8)> = table
            .rows
            .iter()
            .filter(|r| matches!(r.kind, RowKind::Item) && !r.ambiguous)
            .filter(|r| kind_of(&r.label) == Some(kind))
            .filter_map(|r| row_sign(table, r).map(|s| (r, s)))
            .collect();
        // Fund use and fund allocation run opposite ways: where the other kind's rows
        // all carry one sign and this kind's others the opposite one, two agreeing rows
        // are enough to show the convention.
        let other_kind_sign = match kind {
            Kind::FundUse => Some(Kind::FundAllocation),
            Kind::FundAllocation => Some(Kind::FundUse),
            Kind::Income => None,
        }
        .and_then(|k| uniform_sign(table, k));
        let least = if other_kind_sign.is_some() { 3 } else { 4 };
        if rows.len() < least {
            continue;
        }
        checked.relations_checked += 1;
        let plus = rows.iter().filter(|r| r.1 > 0).count();
        let minus = rows.len() - plus;
        let (odd_sign, agree) = match (plus, minus) {
            (1, m) if m >= 3 => (1, m),
            (p, 1) if p >= 3 => (-1, p),
            // The odd row has the other kind's sign.
            (1, 2) if other_kind_sign == Some(1) => (1, 2),
            (2, 1) if other_kind_sign == Some(-1) => (-1, 2),
            _ => continue,
        };
        let Some(&(row, _)) = rows.iter().find(|r| r.1 == odd_sign) else {
            continue;
        };
        let Some(cell) = row
            .cells
            .iter()
            .find(|c| !c.percent && signed_column(table.columns[c.column].kind))
        else {
            continue;
        };
        let what = match (kind, nb) {
            (Kind::Income, true) => "inntektsradene",
            (Kind::FundUse, true) => "radene for bruk av fond",
            (Kind::FundAllocation, true) => "radene for avsetning til fond",
            (Kind::Income, false) => "income rows",
            (Kind::FundUse, false) => "rows for use of funds",
            (Kind::FundAllocation, false) => "rows for allocations to funds",
        };
        let (sign, other) = match (odd_sign > 0, nb) {
            (true, true) => ("positive", "negative"),
            (false, true) => ("negative", "positive"),
            (true, false) => ("positive", "negative"),
            (false, false) => ("negative", "positive"),
        };
        // With two agreeing rows, the other kind's rows carry the odd row's sign.
        let also = if agree < 3 {
            match (kind, nb) {
                (Kind::FundUse, true) => ", slik radene for avsetning til fond er",
                (Kind::FundAllocation, true) => ", slik radene for bruk av fond er",
                (Kind::FundUse, false) => ", as the rows for allocations to funds are",
                (Kind::FundAllocation, false) => ", as the rows for use of funds are",
                (Kind::Income, _) => "",
            }
        } else {
            ""
        };
        // Bokmål and English happen to share these two words.
        let related = rows
            .iter()
            .filter(|r| r.1 != odd_sign)
            .filter_map(|(r, _)| {
                r.cells
                    .iter()
                    .find(|c| !c.percent && signed_column(table.columns[c.column].kind))
            })
            .take(4)
            .map(|c: &Cell| {
                place_of(
                    c,
                    if nb {
                        format!("{other} som de andre")
                    } else {
                        format!("{other} like the others")
                    },
                )
            })
            .collect();
        out.push(Diagnostic {
            code: INFO.code,
            rule: INFO.name,
            severity: INFO.severity,
            message: if nb {
                format!(
                    "raden «{}» har {sign} beløp{also}, mens de {agree} andre {what} i tabellen er {other}",
                    row.label.trim()
                )
            } else {
                format!(
                    "the row «{}» has {sign} amounts{also}, while the {agree} other {what} of the table are {other}",
                    row.label.trim()
                )
            },
            help: Some(if nb {
                "sjekk fortegnet i raden; går en sum opp bare med motsatt fortegn, melder RL101 det".into()
            } else {
                "check the row's sign; if a total adds up only with the other sign, RL101 says so".into()
            }),
            primary: place_of(
                cell,
                if nb {
                    format!("{sign} her")
                } else {
                    format!("{sign} here")
                },
            ),
            related,
            table: TableRef::of(table),
            expected: None,
            found: Some(cell.text.clone()),
            delta: None,
            relation: None,
            fix: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_kinds() {
        assert_eq!(kind_of("Salgsinntekter"), Some(Kind::Income));
        assert_eq!(kind_of("Rammetilskudd"), Some(Kind::Income));
        assert_eq!(kind_of("Inntekts- og formueskatt"), None);
        assert_eq!(kind_of("Bruk av disposisjonsfond"), Some(Kind::FundUse));
        assert_eq!(
            kind_of("Avsetning til bundne driftsfond"),
            Some(Kind::FundAllocation)
        );
        assert_eq!(kind_of("Netto finansinntekter"), None);
        assert_eq!(kind_of("Renteutgifter"), None);
        assert_eq!(kind_of("Sum driftsinntekter"), None);
    }
}

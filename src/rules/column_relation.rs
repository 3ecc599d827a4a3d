//! RL102 `column-relation`: a row whose columns do not relate as their headers say.

use super::{
    BrokenRelation, Checked, Diagnostic, Lang, Options, RuleInfo, Severity, TableRef, likely_cause,
    minus_char, place_of, rounding_note, unit_note,
};
use crate::assemble::relations_for;
use crate::model::{Cell, Document, RowKind, Table, TableKind};
use crate::number::format_norwegian;
use crate::split::{Relation, holds_values};
use crate::vocab::Vocab;
use rust_decimal::Decimal;

/// What it does: checks, in every row, the relations between columns that the header
/// names: `Avvik = budsjett − regnskap` (or − prognose), `Endring = ny − gammel` (between
/// two named years the later − the earlier, sign included),
/// `Samlet = Korttid + Langtid`, `UB = IB + endring`, `UB = IB + avsetning − bruk`
/// (a reduction subtracted by its size, however it is printed), `Endringer = revidert −
/// opprinnelig budsjett`, `Sum 2025–2028 = 2025 + … + 2028` (a nil dash adds nothing),
/// and the like (`rules/relations.toml`).
///
/// Why it matters: a deviation that does not match its own budget and actual is either a
/// typing error or a figure left over from an earlier draft; readers take the deviation
/// column at its word.
///
/// Example: `Renteutgifter 27 238 112 500 119 200 −7 600` under `Rev. bud. / Prognose /
/// Avvik i kr`: 112 500 − 119 200 = −6 700, not −7 600.
///
/// Fix: correct the cell that is wrong; the help line names the likely cause (two digits
/// swapped, a factor of 1000, a sign).
///
/// Every printed value stands for an interval of ± half its last unit; a relation holds
/// when the intervals meet, so rounding is never a finding. Deviations are checked by
/// size only here (a change between two named years by its sign too): which way a
/// deviation runs is the sign rules' business. A relation
/// with a missing, nil, percent or ambiguously read cell is skipped and counted. On a
/// total row, a broken relation is a warning where an item row above lacks one of its
/// values (the total may be right and that row incomplete); the help names that row.
pub const INFO: RuleInfo = RuleInfo {
    code: "RL102",
    name: "column-relation",
    severity: Severity::Error,
    summary: (
        "Kolonnene i en rad stemmer ikke med hverandre (for eksempel avvik ≠ budsjett − regnskap)",
        "The columns of a row do not agree (for example deviation ≠ budget − actual)",
    ),
    docs: "\
Hva den gjør
  Kontrollerer i hver rad forholdet mellom kolonnene som overskriften angir:
  Avvik = budsjett − regnskap (eller − prognose), Endring = ny − gammel (mellom to
  navngitte år det seneste − det tidligste, med fortegn),
  Samlet = Korttid + Langtid, UB = IB + endring, UB = IB + avsetning − bruk
  (bruk og avdrag trekkes fra uansett fortegn), Endringer = revidert − opprinnelig
  budsjett, Sum 2025–2028 = 2025 + … + 2028 (en strek teller som null)
  (rules/relations.toml).

Hvorfor det er viktig
  Et avvik som ikke stemmer med eget budsjett og regnskap er en tastefeil eller et
  tall fra et tidligere utkast. Leserne tar avvikskolonnen på ordet.

Eksempel
  Renteutgifter 27 238 112 500 119 200 −7 600
  under «Rev. bud. / Prognose / Avvik i kr»: 112 500 − 119 200 = −6 700, ikke −7 600.

Retting
  Rett cellen som er feil. Hjelpelinjen peker på den sannsynlige årsaken
  (to sifre byttet om, en faktor 1000, et fortegn).

Avrunding
  Hver trykte verdi står for et intervall på ± en halv enhet i siste siffer; et
  forhold holder når intervallene møtes. Avrunding gir aldri funn. Avvik kontrolleres
  bare på størrelse her (en endring mellom to navngitte år også på fortegn);
  retningen er fortegnsreglenes sak. Et forhold med en
  manglende, tom, prosent- eller tvetydig lest celle hoppes over og telles. På en
  sumrad er et brutt forhold en advarsel der en rad over mangler en av verdiene
  (summen kan være riktig og raden ufullstendig); hjelpelinjen nevner raden.",
};

fn relations_contains(list: &[Relation], r: &Relation) -> bool {
    list.iter()
        .any(|x| x.result == r.result && x.terms == r.terms)
}

/// Check every row of a numeric table.
pub fn check(
    _doc: &Document,
    table: &Table,
    vocab: &Vocab,
    opts: &Options,
    out: &mut Vec<Diagnostic>,
    checked: &mut Checked,
) {
    if table.kind != TableKind::Numeric {
        return;
    }
    let mut relations = relations_for(&table.columns, vocab);
    // Relations the user declared for this table by its title.
    relations.extend(
        vocab
            .table_relations
            .iter()
            .filter_map(|d| d.resolve(table.title.as_deref(), &table.columns))
            .filter(|r| !relations_contains(&relations_for(&table.columns, vocab), r)),
    );
    if relations.is_empty() {
        return;
    }
    // A relation that fails in most rows of its table was read into the wrong columns
    // (a header fitted wrongly), not typed wrongly row by row: skip it.
    let rows: Vec<&crate::model::Row> = table
        .rows
        .iter()
        .filter(|r| !matches!(r.kind, RowKind::Heading | RowKind::Task))
        .collect();
    let relations: Vec<&Relation> = relations
        .iter()
        .filter(|rel| {
            let (mut holds, mut broken) = (0usize, 0usize);
            for row in &rows {
                match judge(row, rel, opts.tolerance(INFO.code)) {
                    Judged::Holds { .. } => holds += 1,
                    Judged::Broken { .. } => broken += 1,
                    Judged::Skipped => {}
                }
            }
            if broken >= 2 && broken > holds {
                checked.relations_skipped += holds + broken;
                false
            } else {
                true
            }
        })
        .collect();
    // Per relation: the first item row that prints some of its cells but not all (`Nytt
    // fagsystem 800  100` with no forecast): a total over it cannot hold the relation.
    let sparse: Vec<Option<usize>> = relations
        .iter()
        .map(|rel| {
            rows.iter()
                .filter(|r| r.kind == RowKind::Item && !r.ambiguous)
                .find(|r| {
                    let cols = std::iter::once(rel.result).chain(rel.terms.iter().map(|t| t.0));
                    let (mut some, mut none) = (false, false);
                    for k in cols {
                        if r.cell(k).is_some_and(|c| usable(c, rel)) {
                            some = true;
                        } else if !(rel.empty_is_zero && r.cell(k).is_none()) {
                            none = true;
                        }
                    }
                    some && none
                })
                .map(|r| r.line)
        })
        .collect();
    // A total's cells each add up many rounded values: per cell, the rounding of the
    // item rows since the previous total (the total's own half unit is in the relation).
    let mut items = 0usize;
    let mut spread: Vec<Decimal> = Vec::with_capacity(rows.len());
    for row in &rows {
        let total = matches!(
            row.kind,
            RowKind::Total | RowKind::Subtotal | RowKind::UnlabelledTotal
        );
        if total {
            spread.push(Decimal::from(items.saturating_sub(1).min(100)));
            items = 0;
        } else {
            spread.push(Decimal::ZERO);
            if row.kind == RowKind::Item {
                items += 1;
            }
        }
    }
    for (row, spread) in rows.into_iter().zip(spread) {
        for (ri, &rel) in relations.iter().enumerate() {
            let extra = opts.tolerance(INFO.code) + spread * rounding_of(row, rel);
            match judge(row, rel, extra) {
                Judged::Skipped => checked.relations_skipped += 1,
                Judged::Holds { result, computed } => {
                    checked.relations_checked += 1;
                    if opts.show_rounding && result.value != Some(computed) {
                        let name = table
                            .columns
                            .get(result.column)
                            .map_or_else(String::new, |c| c.name.clone());
                        out.push(rounding_note(
                            &INFO,
                            table,
                            result,
                            computed,
                            &format!("«{name}»"),
                            opts.lang,
                        ));
                    }
                }
                Judged::Broken {
                    result,
                    terms,
                    computed,
                } => {
                    checked.relations_checked += 1;
                    let mut d = diagnostic(table, rel, result, &terms, computed, opts.lang);
                    let total = matches!(
                        row.kind,
                        RowKind::Total | RowKind::Subtotal | RowKind::UnlabelledTotal
                    );
                    if let (true, Some(line)) = (total, sparse[ri]) {
                        // The total may be right and the row above incomplete.
                        d.severity = Severity::Warning;
                        d.help = Some(match opts.lang {
                            Lang::Nb => format!(
                                "raden på linje {line} mangler en av verdiene i dette forholdet; summen kan være riktig og raden ufullstendig"
                            ),
                            Lang::En => format!(
                                "the row on line {line} lacks one of the values in this relation; the total may be right and that row incomplete"
                            ),
                        });
                    }
                    out.push(d);
                }
            }
        }
    }
}

enum Judged<'a> {
    Skipped,
    Holds {
        result: &'a Cell,
        computed: Decimal,
    },
    Broken {
        result: &'a Cell,
        terms: Vec<(&'a Cell, bool)>,
        computed: Decimal,
    },
}

/// The half units of a row's cells in a relation, added up: how far rounding alone
/// can move the relation, per rounded value behind each cell.
fn rounding_of(row: &crate::model::Row, rel: &Relation) -> Decimal {
    std::iter::once(rel.result)
        .chain(rel.terms.iter().map(|t| t.0))
        .filter_map(|k| row.cell(k).and_then(|c| c.value))
        .map(crate::number::half_unit)
        .sum()
}

fn usable(c: &Cell, rel: &Relation) -> bool {
    c.value.is_some() && (!c.percent || rel.percent_ok)
}

fn judge<'a>(row: &'a crate::model::Row, rel: &Relation, extra: Decimal) -> Judged<'a> {
    if row.ambiguous {
        return Judged::Skipped;
    }
    let Some(result) = row.cell(rel.result).filter(|c| usable(c, rel)) else {
        return Judged::Skipped;
    };
    let mut terms = Vec::new();
    let mut ops = Vec::new();
    for (i, &(k, plus)) in rel.terms.iter().enumerate() {
        match row.cell(k).filter(|c| usable(c, rel)) {
            Some(c) => {
                let v = c.value.unwrap_or_default();
                let plus = rel.adds(i, plus, v);
                terms.push((c, plus));
                ops.push((v, plus));
            }
            // In a sum across columns, an empty cell or a nil dash adds nothing.
            None if rel.empty_is_zero && row.cell(k).is_none_or(|c| c.is_nil()) => {}
            None => return Judged::Skipped,
        }
    }
    if terms.is_empty() {
        return Judged::Skipped;
    }
    let found = result.value.unwrap_or_default();
    let sum: Decimal = ops
        .iter()
        .map(|(v, plus)| if *plus { *v } else { -*v })
        .sum();
    // For a deviation judged by size, show the direction nearer the printed value.
    let computed = if rel.either_sign && (found + sum).abs() < (found - sum).abs() {
        -sum
    } else {
        sum
    };
    if holds_values(found, &ops, rel.either_sign) || (found - computed).abs() <= extra {
        return Judged::Holds { result, computed };
    }
    Judged::Broken {
        result,
        terms,
        computed,
    }
}

fn diagnostic(
    table: &Table,
    rel: &Relation,
    result: &Cell,
    terms: &[(&Cell, bool)],
    computed: Decimal,
    lang: Lang,
) -> Diagnostic {
    let name = |c: &Cell| {
        table
            .columns
            .get(c.column)
            .map_or_else(String::new, |col| col.name.clone())
    };
    let found = result.value.unwrap_or_default();
    let scale = computed.scale().max(found.scale());
    let computed = computed.round_dp(scale);
    let minus = minus_char(result);
    let pct = if result.percent { " %" } else { "" };
    let expected_text = format!("{}{pct}", format_norwegian(computed, minus));
    let delta = found - computed;
    let delta_text = format!("{}{pct}", format_norwegian(delta, minus));
    let mut formula = String::new();
    for (i, (c, plus)) in terms.iter().enumerate() {
        if i > 0 {
            formula.push_str(if *plus { " + " } else { " − " });
        } else if !plus {
            formula.push('−');
        }
        formula.push('«');
        formula.push_str(&name(c));
        formula.push('»');
    }
    let unit = unit_note(table, lang);
    let sign_note = if rel.either_sign {
        match lang {
            Lang::Nb => " (uansett fortegn)",
            Lang::En => " (either sign)",
        }
    } else {
        ""
    };
    let (is, but, gives, difference) = match lang {
        Lang::Nb => ("er", "men", "gir", "differansen er"),
        Lang::En => ("is", "but", "gives", "the difference is"),
    };
    let message = format!(
        "«{}» {is} {}, {but} {formula} {gives} {expected_text}{sign_note}: {difference} {delta_text}{unit}",
        name(result),
        result.text,
    );
    let related = terms.iter().map(|(c, _)| place_of(c, name(c))).collect();
    Diagnostic {
        code: INFO.code,
        rule: INFO.name,
        severity: INFO.severity,
        message,
        help: likely_cause(found, computed, lang),
        primary: place_of(
            result,
            match lang {
                Lang::Nb => format!("ventet {expected_text}"),
                Lang::En => format!("expected {expected_text}"),
            },
        ),
        related,
        table: TableRef::of(table),
        expected: Some(expected_text),
        found: Some(result.text.clone()),
        delta: Some(delta_text),
        relation: (!result.percent && terms.iter().all(|(c, _)| !c.percent && c.value.is_some()))
            .then(|| BrokenRelation {
                result: result.clone(),
                terms: terms.iter().map(|(c, p)| ((*c).clone(), *p)).collect(),
                either_sign: rel.either_sign,
            }),
        fix: None,
    }
}

//! RL104 `statutory-identity`: rows of the statutory overviews that must relate by law.

use super::{
    Checked, Diagnostic, Lang, Options, RuleInfo, Severity, TableRef, likely_cause, minus_char,
    place_of, unit_note,
};
use crate::meaning::without_code;
use crate::model::{Cell, ColumnKind, RowKind, Table, TableKind};
use crate::number::{format_norwegian, half_unit};
use crate::vocab::{IdentityDef, Vocab, phrase_words};
use rust_decimal::Decimal;

/// What it does: checks the identities of the statutory overviews, keyed by the row
/// labels, not by position: `Brutto driftsresultat = Sum generelle driftsinntekter og
/// Sum netto driftsutgifter` (in the økonomisk oversikt: `Sum driftsinntekter og Sum
/// driftsutgifter`), `Resultat eksterne finanstransaksjoner = Sum eksterne
/// finansinntekter og Sum eksterne finansutgifter`, `Sum netto driftsutgifter = Sum
/// bevilgninger drift, netto og Avskrivninger`, `Netto driftsresultat = Brutto
/// driftsresultat, Netto finansutgifter og Motpost avskrivninger`, `Fremført til
/// inndekning = Netto driftsresultat og Sum disponeringer` (and its § 5-5 counterpart),
/// the balance sheet's `Sum eiendeler = Sum egenkapital og gjeld`, the debt
/// roll-forward (`Lånegjeld 31.12 = Lånegjeld 1.1, Nye lån og Avdrag`, where those rows
/// are all the rows between), and the population accounts (`Folkevekst =
/// Fødselsoverskudd + Netto innvandring og flytting`)
/// (`rules/statutory.toml`, bokmål and nynorsk wording).
///
/// Why it matters: these lines are what the council votes on and what the county
/// governor reads; an identity that does not hold means a line was edited by hand.
///
/// Example: `Netto driftsresultat −49 678` under `Brutto driftsresultat −31 287`,
/// `Netto finansutgifter 370 833`, `Motpost avskrivninger −389 225`: they give −49 679,
/// within rounding; −59 678 would be reported.
///
/// Fix: correct the line that was changed by hand, usually the result.
///
/// Which way each term counts depends on the report's sign convention (income negative,
/// KOSTRA style, or positive): the check accepts one choice of signs that holds in every
/// amount column of the row at once, so a convention is never a finding and a wrong
/// figure does not pass by chance. Rounding is handled as an interval (± half the last
/// digit of every value).
pub const INFO: RuleInfo = RuleInfo {
    code: "RL104",
    name: "statutory-identity",
    severity: Severity::Error,
    summary: (
        "En lovpålagt sammenheng i bevilgningsoversikt eller balanse holder ikke",
        "A statutory identity of the appropriation overview or balance sheet does not hold",
    ),
    docs: "\
Hva den gjør
  Kontrollerer sammenhengene i de lovpålagte oversiktene, funnet ved radenes tekst, ikke
  plassering: Brutto driftsresultat = Sum generelle driftsinntekter og Sum netto
  driftsutgifter (i økonomisk oversikt: Sum driftsinntekter og Sum driftsutgifter);
  Resultat eksterne finanstransaksjoner = Sum eksterne finansinntekter og Sum eksterne
  finansutgifter; Sum netto driftsutgifter = Sum bevilgninger drift, netto og
  Avskrivninger; Netto driftsresultat = Brutto driftsresultat, Netto finansutgifter og
  Motpost avskrivninger; Fremført til inndekning = Netto driftsresultat og Sum
  disponeringer (og tilsvarende i § 5-5); balansens Sum eiendeler = Sum egenkapital og
  gjeld; lånegjelden (Lånegjeld 31.12 = Lånegjeld 1.1, Nye lån og Avdrag, der det ikke
  står andre rader mellom); og befolkningsregnskapet (Folkevekst = Fødselsoverskudd + Netto innvandring og
  flytting) (rules/statutory.toml, bokmål og nynorsk).

Hvorfor det er viktig
  Det er disse linjene kommunestyret vedtar og statsforvalteren leser. En sammenheng som
  ikke holder betyr at en linje er endret for hånd.

Eksempel
  Netto driftsresultat −49 678 under Brutto driftsresultat −31 287, Netto finansutgifter
  370 833 og Motpost avskrivninger −389 225: de gir −49 679, innenfor avrunding.
  −59 678 ville blitt meldt.

Retting
  Rett linjen som er endret for hånd, som regel resultatlinjen.

Fortegn og avrunding
  Hvilken vei hvert ledd teller, avhenger av rapportens fortegnskonvensjon (inntekter
  negative som i KOSTRA, eller positive). Kontrollen godtar ett valg av fortegn som
  holder i alle beløpskolonnene i raden samtidig, så en konvensjon gir aldri funn, og et
  feil tall slipper ikke gjennom ved en tilfeldighet. Avrunding behandles som intervall.",
};

/// Does a row label start with one of the label beginnings?
fn label_matches(label: &str, patterns: &[String]) -> bool {
    let words = phrase_words(without_code(label));
    patterns.iter().any(|p| {
        let want = phrase_words(p);
        !want.is_empty()
            && want.len() <= words.len()
            && want
                .iter()
                .zip(&words)
                .all(|(w, l)| l.starts_with(w.as_str()))
    })
}

fn amount_value(cell: Option<&Cell>) -> Option<Decimal> {
    cell.filter(|c| !c.percent).and_then(|c| c.value)
}

/// Check the identities whose rows are all in this table.
pub fn check(
    table: &Table,
    vocab: &Vocab,
    opts: &Options,
    out: &mut Vec<Diagnostic>,
    checked: &mut Checked,
) {
    if table.kind != TableKind::Numeric {
        return;
    }
    let rows: Vec<usize> = (0..table.rows.len())
        .filter(|&i| !matches!(table.rows[i].kind, RowKind::Heading | RowKind::Task))
        .collect();
    let cols: Vec<usize> = (0..table.columns.len())
        .filter(|&k| {
            let kind = table.columns[k].kind;
            !kind.is_text() && !matches!(kind, ColumnKind::Prosent | ColumnKind::AvvikProsent)
        })
        .collect();
    for def in &vocab.identities {
        for &r in rows
            .iter()
            .filter(|&&i| label_matches(&table.rows[i].label, &def.result))
        {
            // Each term: the nearest row above the result with its label, else below.
            let mut terms = Vec::new();
            for alternatives in &def.terms {
                let above = rows
                    .iter()
                    .rev()
                    .copied()
                    .filter(|&i| i < r)
                    .find(|&i| label_matches(&table.rows[i].label, alternatives));
                let below = || {
                    rows.iter()
                        .copied()
                        .filter(|&i| i > r)
                        .find(|&i| label_matches(&table.rows[i].label, alternatives))
                };
                match above.or_else(below) {
                    Some(t) if t != r && !terms.contains(&t) => terms.push(t),
                    _ => break,
                }
            }
            if terms.len() != def.terms.len() {
                continue;
            }
            if def.closed {
                let first = terms.iter().copied().chain([r]).min().unwrap_or(r);
                let last = terms.iter().copied().chain([r]).max().unwrap_or(r);
                let other = rows
                    .iter()
                    .any(|&i| i > first && i < last && i != r && !terms.contains(&i));
                if other {
                    continue;
                }
            }
            judge(table, def, r, &terms, &cols, opts, out, checked);
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn judge(
    table: &Table,
    def: &IdentityDef,
    result: usize,
    terms: &[usize],
    cols: &[usize],
    opts: &Options,
    out: &mut Vec<Diagnostic>,
    checked: &mut Checked,
) {
    let any_ambiguous = std::iter::once(result)
        .chain(terms.iter().copied())
        .any(|i| table.rows[i].ambiguous);
    // The columns where the result and every term have an amount.
    let usable: Vec<(usize, Decimal, Vec<Decimal>)> = cols
        .iter()
        .filter_map(|&k| {
            let v = amount_value(table.rows[result].cell(k))?;
            let ts: Option<Vec<Decimal>> = terms
                .iter()
                .map(|&t| amount_value(table.rows[t].cell(k)))
                .collect();
            Some((k, v, ts?))
        })
        .collect();
    if usable.is_empty() {
        return;
    }
    if any_ambiguous {
        checked.relations_skipped += usable.len();
        return;
    }
    let extra = opts.tolerance(INFO.code);
    let holds = |v: Decimal, ts: &[Decimal], signs: &[Decimal]| {
        let sum: Decimal = ts.iter().zip(signs).map(|(t, s)| *t * *s).sum();
        let tol = half_unit(v) + ts.iter().map(|t| half_unit(*t)).sum::<Decimal>() + extra;
        (v - sum).abs() <= tol
    };
    // Every choice of signs, the first term always added: at most 2^3 for four terms.
    let n = terms.len();
    let patterns: Vec<Vec<Decimal>> = (0..1usize << n.saturating_sub(1))
        .map(|bits| {
            (0..n)
                .map(|i| {
                    if i > 0 && bits & (1 << (i - 1)) != 0 {
                        Decimal::NEGATIVE_ONE
                    } else {
                        Decimal::ONE
                    }
                })
                .collect()
        })
        .collect();
    let mut best: Option<(usize, &Vec<Decimal>)> = None;
    for signs in &patterns {
        let held = usable
            .iter()
            .filter(|(_, v, ts)| holds(*v, ts, signs))
            .count();
        if held == usable.len() {
            checked.relations_checked += usable.len();
            return;
        }
        if best.is_none_or(|(h, _)| held > h) {
            best = Some((held, signs));
        }
    }
    let Some((held, signs)) = best else {
        return;
    };
    // Without one column that holds, the rows may not be the ones the identity means
    // (a layout of its own); a single-term identity (the balance) needs no such proof.
    if held == 0 && n > 1 {
        checked.relations_skipped += usable.len();
        return;
    }
    checked.relations_checked += usable.len();
    for (k, v, ts) in &usable {
        if holds(*v, ts, signs) {
            continue;
        }
        let computed: Decimal = ts.iter().zip(signs).map(|(t, s)| *t * *s).sum();
        out.push(diagnostic(
            table, def, result, terms, signs, *k, *v, computed, opts.lang,
        ));
    }
}

#[allow(clippy::too_many_arguments)]
fn diagnostic(
    table: &Table,
    def: &IdentityDef,
    result: usize,
    terms: &[usize],
    signs: &[Decimal],
    col: usize,
    found: Decimal,
    computed: Decimal,
    lang: Lang,
) -> Diagnostic {
    let nb = lang == Lang::Nb;
    let cell = table.rows[result]
        .cell(col)
        .expect("a usable column has a cell");
    let minus = minus_char(cell);
    let computed = computed.round_dp(found.scale());
    let expected = format_norwegian(computed, minus);
    let delta = format_norwegian(found - computed, minus);
    let label = |i: usize| table.rows[i].label.trim().to_string();
    let mut formula = String::new();
    for (i, (&t, s)) in terms.iter().zip(signs).enumerate() {
        if i > 0 {
            formula.push_str(if s.is_sign_negative() { " − " } else { " + " });
        }
        formula.push('«');
        formula.push_str(&label(t));
        formula.push('»');
    }
    let col_name = &table.columns[col].name;
    let unit = unit_note(table, lang);
    let message = if nb {
        format!(
            "«{}» i kolonnen «{col_name}» er {}, men {formula} gir {expected}: differansen er {delta}{unit}",
            label(result),
            cell.text
        )
    } else {
        format!(
            "«{}» in column «{col_name}» is {}, but {formula} gives {expected}: the difference is {delta}{unit}",
            label(result),
            cell.text
        )
    };
    let mut help = if nb {
        format!("{} ({}): gjelder i alle kolonnene", def.name, def.paragraph)
    } else {
        format!("{} ({}): holds in every column", def.name, def.paragraph)
    };
    if let Some(cause) = likely_cause(found, computed, lang) {
        help = format!("{cause}; {help}");
    }
    if nb && !def.note.is_empty() {
        help = format!("{help}. {}", def.note);
    }
    let related = terms
        .iter()
        .filter_map(|&t| table.rows[t].cell(col).map(|c| place_of(c, label(t))))
        .collect();
    Diagnostic {
        code: INFO.code,
        rule: INFO.name,
        severity: INFO.severity,
        message,
        help: Some(help),
        primary: place_of(
            cell,
            if nb {
                format!("ventet {expected}")
            } else {
                format!("expected {expected}")
            },
        ),
        related,
        table: TableRef::of(table),
        expected: Some(expected),
        found: Some(cell.text.clone()),
        delta: Some(delta),
        relation: None,
        fix: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_match_by_word_beginnings() {
        let p = |s: &str| vec![s.to_string()];
        assert!(label_matches(
            "Sum disp.eller dekn av netto driftsresultat",
            &p("sum disp")
        ));
        assert!(label_matches("Motpost avskrivinger", &p("motpost avskriv")));
        assert!(label_matches("Avskrivninger", &p("avskriv")));
        assert!(!label_matches("Motpost avskrivinger", &p("avskriv")));
        assert!(!label_matches(
            "Korrigert netto driftsresultat",
            &p("netto driftsres")
        ));
    }
}

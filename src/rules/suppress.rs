//! RL901 `unused-suppression`, and the suppressions themselves: a line
//! `rapportlint: ignore RL101 <reason>` (text) or `<!-- rapportlint-disable RL101 -->`
//! (Markdown) silences those rules in the next table. A suppression that silenced
//! nothing is reported, so that stale ones do not pile up.

use super::{Diagnostic, Lang, Place, RuleInfo, Severity, TableRef};
use crate::model::Document;

/// What it does: reports a suppression line (`rapportlint: ignore RL101 …` or
/// `<!-- rapportlint-disable RL101 -->`) that silenced no finding in the table after it.
///
/// Why it matters: a suppression outlives the error it was written for; a stale one
/// silences the next real error in that table without anyone noticing.
///
/// Example: `rapportlint: ignore RL101 summen er korrigert i eget vedtak` above a table
/// whose totals all add up.
///
/// Fix: delete the line, or name the rule that still fires.
pub const INFO: RuleInfo = RuleInfo {
    code: "RL901",
    name: "unused-suppression",
    severity: Severity::Warning,
    summary: (
        "En undertrykkelse (rapportlint: ignore …) tar ikke bort noe funn",
        "A suppression (rapportlint: ignore …) silences no finding",
    ),
    docs: "\
Hva den gjør
  Melder en linje som undertrykker regler (rapportlint: ignore RL101 … i tekst, eller
  <!-- rapportlint-disable RL101 --> i Markdown) når den ikke tok bort noe funn i
  tabellen etter seg.

Hvorfor det er viktig
  En undertrykkelse lever lenger enn feilen den ble skrevet for; en gammel en skjuler
  neste virkelige feil i tabellen uten at noen merker det.

Eksempel
  rapportlint: ignore RL101 summen er korrigert i eget vedtak, over en tabell der alle
  summene går opp.

Retting
  Slett linjen, eller skriv koden til regelen som fortsatt slår til.",
};

/// A suppression line: where it is and which codes it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// 1-based line.
    pub line: usize,
    /// Byte span of the line's text.
    pub span: (usize, usize),
    pub codes: Vec<String>,
}

/// The codes after a suppression marker: `RL101 RL202, RL203 fordi …` → the codes.
fn codes_after(rest: &str) -> Vec<String> {
    rest.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take_while(|w| {
            let w = w.trim_end_matches("-->");
            w.len() >= 3
                && w[..2].eq_ignore_ascii_case("RL")
                && w[2..].chars().all(|c| c.is_ascii_digit())
        })
        .map(|w| w.trim_end_matches("-->").to_ascii_uppercase())
        .collect()
}

/// Parse one line as a suppression.
pub fn parse(line: &str) -> Option<Vec<String>> {
    let t = line.trim();
    let lower = t.to_lowercase();
    let rest = if let Some(r) = lower.strip_prefix("rapportlint:") {
        r.trim_start().strip_prefix("ignore")?
    } else if let Some(r) = lower.strip_prefix("<!--") {
        r.trim_start().strip_prefix("rapportlint-disable")?
    } else {
        return None;
    };
    let codes = codes_after(rest);
    (!codes.is_empty()).then_some(codes)
}

/// Every suppression line of the document.
pub fn find(doc: &Document) -> Vec<Suppression> {
    doc.lines
        .iter()
        .enumerate()
        .filter_map(|(i, &(s, e))| {
            let codes = parse(doc.text.get(s..e)?)?;
            Some(Suppression {
                line: i + 1,
                span: (s, e),
                codes,
            })
        })
        .collect()
}

/// Drop the findings a suppression silences, and report the suppressions that silenced
/// nothing.
pub fn apply(doc: &Document, out: &mut Vec<Diagnostic>, lang: Lang) {
    let suppressions = find(doc);
    if suppressions.is_empty() {
        return;
    }
    let mut used = vec![vec![false; 0]; suppressions.len()];
    for (k, s) in suppressions.iter().enumerate() {
        used[k] = vec![false; s.codes.len()];
    }
    // The table each suppression applies to: the first that starts after it.
    let target: Vec<Option<usize>> = suppressions
        .iter()
        .map(|s| {
            doc.tables
                .iter()
                .map(|t| t.first_line)
                .filter(|&l| l > s.line)
                .min()
        })
        .collect();
    out.retain(|d| {
        let mut keep = true;
        for (k, s) in suppressions.iter().enumerate() {
            if target[k] != Some(d.table.line) {
                continue;
            }
            if let Some(c) = s.codes.iter().position(|c| c == d.code) {
                used[k][c] = true;
                keep = false;
            }
        }
        keep
    });
    for (k, s) in suppressions.iter().enumerate() {
        let unused: Vec<&str> = s
            .codes
            .iter()
            .zip(&used[k])
            .filter(|(_, u)| !**u)
            .map(|(c, _)| c.as_str())
            .collect();
        if unused.is_empty() {
            continue;
        }
        let text = doc.text.get(s.span.0..s.span.1).unwrap_or("");
        let lead = text.len() - text.trim_start().len();
        let trail = text.len() - text.trim_end().len();
        let (start, end) = (s.span.0 + lead, s.span.1 - trail);
        let (line, column) = doc.position(start);
        let (end_line, end_column) = doc.position(end);
        let list = unused.join(", ");
        out.push(Diagnostic {
            code: INFO.code,
            rule: INFO.name,
            severity: INFO.severity,
            message: match (lang, target[k]) {
                (Lang::Nb, Some(t)) => {
                    format!(
                        "undertrykkelsen av {list} tar ikke bort noe funn i tabellen på linje {t}"
                    )
                }
                (Lang::Nb, None) => format!("undertrykkelsen av {list} har ingen tabell etter seg"),
                (Lang::En, Some(t)) => {
                    format!(
                        "the suppression of {list} silences no finding in the table on line {t}"
                    )
                }
                (Lang::En, None) => format!("the suppression of {list} has no table after it"),
            },
            help: Some(match lang {
                Lang::Nb => {
                    "slett linjen, eller skriv koden til regelen som fortsatt slår til".into()
                }
                Lang::En => "delete the line, or name the rule that still fires".into(),
            }),
            primary: Place {
                line,
                column,
                end_line,
                end_column,
                span: (start, end),
                label: match lang {
                    Lang::Nb => "ubrukt".into(),
                    Lang::En => "unused".into(),
                },
            },
            related: Vec::new(),
            table: TableRef {
                title: None,
                line: target[k].unwrap_or(s.line),
            },
            expected: None,
            found: None,
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
    fn parses_both_forms_and_stops_at_the_reason() {
        assert_eq!(
            parse("rapportlint: ignore RL101 RL202, RL203 fordi tallene er foreløpige"),
            Some(vec!["RL101".into(), "RL202".into(), "RL203".into()])
        );
        assert_eq!(
            parse("<!-- rapportlint-disable RL101 -->"),
            Some(vec!["RL101".into()])
        );
        assert_eq!(parse("rapportlint: ignore alt"), None);
        assert_eq!(parse("Rapportlint er et verktøy"), None);
    }
}

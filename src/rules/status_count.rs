//! RL305 `status-count`: a count in the text that the status lists it names do not
//! bear out.

use super::{Checked, Diagnostic, Lang, Options, Place, RuleInfo, Severity};
use crate::model::{Claim, Document, Table};
use crate::vocab::{Vocab, phrase_words};

/// What it does: checks the sentences that count what a status list holds against the
/// lists: a total (`Det er i alt 102 forskjellige tiltak i vedtatt økonomiplan`, `44
/// ulike vedtak`) against the rows of the lists, a count per status (`Fire tiltak er
/// allerede ferdig og kun fem er forsinket`) against the rows with a status of that
/// value (`to er gjennomført`: the rows `Gjennomført`) or, where those do not agree, of
/// that meaning (`fire er ferdige` over `Ferdig` and `Gjennomført`). A sentence is
/// checked only when it, or a sentence next to it in its paragraph, names the lists by
/// their title (`økonomiplan`, `verbalvedtak`, `«Status investeringsprosjekter»`), or
/// when its paragraph stands right over a list's header: then the sentence and the
/// tables clearly count the same set. Approximate counts (`over 170`, `om lag 40`) are
/// no claims.
///
/// Why it matters: the summary is what most readers take away; a summary that counts
/// 44 decisions where the lists report 33 says either that decisions are missing from
/// the lists or that the summary was written for another version of them.
///
/// Example: `Et noe tilsvarende bilde er statusen for verbalvedtak hvor det rapporteres
/// på 44 ulike vedtak.` over ten lists titled `Verbalvedtak` with 33 decisions.
///
/// Fix: count again, and correct the sentence or the lists.
pub const INFO: RuleInfo = RuleInfo {
    code: "RL305",
    name: "status-count",
    severity: Severity::Warning,
    summary: (
        "Et antall i teksten som statuslistene det viser til ikke bekrefter",
        "A count in the text that the status lists it names do not bear out",
    ),
    docs: "\
Hva den gjør
  Kontrollerer setninger som teller hva en statusliste inneholder, mot listene: et
  totalt antall («Det er i alt 102 forskjellige tiltak i vedtatt økonomiplan», «44 ulike
  vedtak») mot listenes rader, et antall per status («Fire tiltak er allerede ferdig og
  kun fem er forsinket») mot radene med den statusen eller, der de ikke stemmer, med en
  status av samme betydning («fire er ferdige» over Ferdig og Gjennomført). En setning
  kontrolleres bare når den, eller en setning ved siden av i samme avsnitt, nevner
  listene ved tittelen deres (økonomiplan, verbalvedtak, «Status
  investeringsprosjekter»), eller når avsnittet står rett over overskriften til en
  liste: da teller setningen og tabellene tydelig det samme. Omtrentlige tall («over
  170», «om lag 40») er ingen påstand.

Hvorfor det er viktig
  Sammendraget er det de fleste lesere tar med seg; et sammendrag som teller 44 vedtak
  der listene rapporterer 33, sier enten at vedtak mangler i listene eller at
  sammendraget ble skrevet for en annen versjon av dem.

Eksempel
  «Et noe tilsvarende bilde er statusen for verbalvedtak hvor det rapporteres på 44
  ulike vedtak.» over ti lister med tittelen «Verbalvedtak» og 33 vedtak.

Retting
  Tell på nytt, og rett setningen eller listene.",
};

/// Check every counting sentence of the document.
pub fn check(
    doc: &Document,
    vocab: &Vocab,
    opts: &Options,
    out: &mut Vec<Diagnostic>,
    checked: &mut Checked,
) {
    let nb = opts.lang == Lang::Nb;
    for claim in &doc.claims {
        let Some((title, tables)) = lists_named(doc, claim, vocab) else {
            checked.relations_skipped += 1;
            continue;
        };
        checked.relations_checked += 1;
        let rows: Vec<Option<usize>> = tables
            .iter()
            .flat_map(|t| t.status_rows())
            .map(|(_, c)| c.and_then(|c| vocab.status_value(&c.text)))
            .collect();
        let (found, what) = match claim.status {
            None => (rows.len(), String::new()),
            Some(v) => {
                // The value itself (`to er gjennomført` beside `ett er avsluttet`), or
                // every value of its meaning (`fire er ferdige` over `Ferdig` and
                // `Gjennomført`): either agreeing is agreement.
                let state = &vocab.statuses[v].state;
                let exact = rows.iter().filter(|r| **r == Some(v)).count();
                let by_state = rows
                    .iter()
                    .filter(|r| r.is_some_and(|x| vocab.statuses[x].state == *state))
                    .count();
                if exact as u64 == claim.count || by_state as u64 == claim.count {
                    continue;
                }
                let n = if exact > 0 { exact } else { by_state };
                (n, vocab.statuses[v].canonical.clone())
            }
        };
        if found as u64 == claim.count {
            continue;
        }
        let lists = tables.len();
        let (l, c) = doc.position(claim.span.0);
        let (el, ec) = doc.position(claim.span.1);
        let primary = Place {
            line: l,
            column: c,
            end_line: el,
            end_column: ec,
            span: claim.span,
            label: if nb {
                "antallet i teksten".into()
            } else {
                "the count in the text".into()
            },
        };
        let related = tables
            .iter()
            .map(|t| {
                let (s, e) = doc.lines.get(t.first_line - 1).copied().unwrap_or((0, 0));
                let (l, c) = doc.position(s);
                let (el, ec) = doc.position(e);
                Place {
                    line: l,
                    column: c,
                    end_line: el,
                    end_column: ec,
                    span: (s, e),
                    label: format!("«{title}»"),
                }
            })
            .collect();
        let subject = if what.is_empty() {
            if nb {
                format!("{found} rader")
            } else {
                format!("{found} rows")
            }
        } else if nb {
            format!("{found} rader med status som «{what}»")
        } else {
            format!("{found} rows with a status like «{what}»")
        };
        out.push(Diagnostic {
            code: INFO.code,
            rule: INFO.name,
            severity: INFO.severity,
            message: if nb {
                let named = if title.is_empty() {
                    format!("på linje {}", tables[0].first_line)
                } else {
                    format!("med tittelen «{title}»")
                };
                format!(
                    "teksten sier {} {}{}, men {} {named} har {subject}",
                    claim.printed,
                    claim.noun,
                    if what.is_empty() { String::new() } else { format!(" som er «{what}»") },
                    if lists == 1 { "tabellen".to_string() } else { format!("de {lists} tabellene") },
                )
            } else {
                let named = if title.is_empty() {
                    format!("on line {}", tables[0].first_line)
                } else {
                    format!("titled «{title}»")
                };
                format!(
                    "the text says {} {}{}, but the {} {named} {} {subject}",
                    claim.printed,
                    claim.noun,
                    if what.is_empty() { String::new() } else { format!(" that are «{what}»") },
                    if lists == 1 { "table".to_string() } else { format!("{lists} tables") },
                    if lists == 1 { "has" } else { "have" },
                )
            },
            help: Some(if nb {
                "tell på nytt, og rett setningen eller listene; mangler det rader i listene?".into()
            } else {
                "count again, and correct the sentence or the lists; are rows missing from the lists?".into()
            }),
            primary,
            related,
            table: super::TableRef::of(tables[0]),
            expected: Some(found.to_string()),
            found: Some(claim.count.to_string()),
            delta: Some((claim.count as i64 - found as i64).to_string()),
            relation: None,
            fix: None,
        });
    }
}

/// The status lists a claim names: the tables with a status column whose title stands
/// in the claim's sentence, or else in the nearest sentence around it that names one.
fn lists_named<'d>(
    doc: &'d Document,
    claim: &Claim,
    vocab: &Vocab,
) -> Option<(String, Vec<&'d Table>)> {
    let titled: Vec<(&Table, Vec<String>)> = doc
        .tables
        .iter()
        .filter(|t| t.status_column().is_some())
        .filter_map(|t| {
            let title = t.title.as_deref()?;
            let mut words = phrase_words(title);
            // A caption's number opens no name (`Tabell 7: Status for tiltak …`).
            let leads = words
                .iter()
                .take_while(|w| {
                    vocab.claims.title_leads.iter().any(|l| l == *w)
                        || matches!(w.as_str(), "tabell" | "tab" | "figur")
                        || w.chars()
                            .all(|c| c.is_ascii_digit() || c == '.' || c == ':')
                })
                .count();
            words.drain(..leads);
            // A title of one short word (`Klima`) names too much to tie a count to.
            (words.iter().map(|w| w.chars().count()).sum::<usize>() >= 8).then_some((t, words))
        })
        .collect();
    if let Some(t) = list_right_under(doc, claim).or_else(|| list_right_over(doc, claim)) {
        return Some((t.title.clone().unwrap_or_default(), vec![t]));
    }
    for sentence in &claim.context {
        let named: Vec<&(&Table, Vec<String>)> = titled
            .iter()
            .filter(|(_, w)| {
                sentence
                    .windows(w.len())
                    .any(|s| s.iter().zip(w).all(|(a, b)| same_word(a, b, vocab)))
            })
            .collect();
        // The longest title named wins (`Status investeringsprosjekter` over a part).
        if let Some(longest) = named.iter().map(|(_, w)| w.len()).max() {
            let words = &named.iter().find(|(_, w)| w.len() == longest)?.1;
            let tables: Vec<&Table> = named
                .iter()
                .filter(|(_, w)| w == words)
                .map(|(t, _)| *t)
                .collect();
            let title = tables[0].title.clone().unwrap_or_default();
            return Some((title, tables));
        }
    }
    None
}

/// The status list right under the count's paragraph, with nothing between them but
/// empty lines and the rest of the paragraph (no title: a list under a title of its own
/// is tied to a count by that title). A count right over a list counts that list.
fn list_right_under<'d>(doc: &'d Document, claim: &Claim) -> Option<&'d Table> {
    let end = doc.position(claim.span.1).0;
    let table = doc
        .tables
        .iter()
        .filter(|t| t.first_line > end)
        .min_by_key(|t| t.first_line)?;
    table.status_column()?;
    // A sentence that points below (`Av 10 tiltak i listen nedenfor er …`) counts the
    // next list even under a title of its own.
    let points_below = claim.context.first().is_some_and(|s| {
        s.iter().any(|w| {
            matches!(
                w.as_str(),
                "nedenfor" | "nedanfor" | "følgende" | "fylgjande"
            )
        })
    });
    let title = table.title.as_deref().map(str::trim);
    let mut in_paragraph = true;
    for line in end + 1..table.first_line {
        let text = doc.line_text(line).trim();
        if text.is_empty() {
            in_paragraph = false;
        } else if points_below && title == Some(text) {
            continue;
        } else if !in_paragraph {
            return None;
        }
    }
    Some(table)
}

/// The status list right over the count's paragraph, with nothing between them but
/// empty lines (`… 5. Utarbeide klimabudsjett … Gjennomført` / `` / `Fire tiltak er
/// gjennomført og to pågår.`): a count right under a list, with no list under it, sums
/// that list up.
fn list_right_over<'d>(doc: &'d Document, claim: &Claim) -> Option<&'d Table> {
    let start = doc.position(claim.span.0).0;
    let table = doc
        .tables
        .iter()
        .filter(|t| t.last_line < start)
        .max_by_key(|t| t.last_line)?;
    table.status_column()?;
    // The count's paragraph starts right after the empty lines under the list.
    let mut line = table.last_line + 1;
    while line < start && doc.line_text(line).trim().is_empty() {
        line += 1;
    }
    let in_paragraph = (line..start).all(|l| !doc.line_text(l).trim().is_empty());
    (line > table.last_line + 1 && in_paragraph).then_some(table)
}

/// A word of the text names a title word: the same word, or it with the ending of a
/// definite or plural form (`handlingsplanen` for `handlingsplan`, `rules/claims.toml`).
fn same_word(text: &str, title: &str, vocab: &Vocab) -> bool {
    text == title
        || text
            .strip_prefix(title)
            .is_some_and(|rest| vocab.claims.endings.iter().any(|e| e == rest))
}

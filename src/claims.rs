//! Sentences that count what a status list holds (`Det er i alt 102 forskjellige tiltak
//! i vedtatt økonomiplan`, `Fire tiltak er allerede ferdig og kun fem er forsinket`),
//! read from the report's prose: the lines outside its tables. Reading them is part of
//! reading the report, like the tables; RL305 checks them against the tables and never
//! reads the text itself. The words are data (`rules/claims.toml`).

use crate::model::{Claim, Table};
use crate::vocab::{ClaimWords, Vocab, norm_word};

/// A word of a sentence: normalised, with its byte span in the document.
struct Word {
    norm: String,
    span: (usize, usize),
    printed: String,
}

/// Read the counting sentences of a report's prose.
pub fn read(text: &str, lines: &[(usize, usize)], tables: &[Table], vocab: &Vocab) -> Vec<Claim> {
    let words = &vocab.claims;
    let mut in_table = vec![false; lines.len()];
    for t in tables {
        for l in t.first_line..=t.last_line.min(lines.len()) {
            if let Some(x) = in_table.get_mut(l.saturating_sub(1)) {
                *x = true;
            }
        }
    }
    // The report's year: the year its table columns name most often (or else its text). A sentence about
    // an earlier year (`I 2023 ble 9 verbalvedtak ferdig`) counts no list of this one.
    let mut years: std::collections::BTreeMap<u16, usize> = std::collections::BTreeMap::new();
    for t in tables {
        for c in &t.columns {
            if let crate::model::Period::Year(y) = c.period {
                *years.entry(y).or_default() += 1;
            }
        }
    }
    // A report without year columns: the year its text names most often.
    if years.is_empty() {
        for w in text.split_whitespace() {
            let w = norm_word(w);
            if crate::layout::is_year(&w) {
                if let Ok(y) = w.parse::<u16>() {
                    *years.entry(y).or_default() += 1;
                }
            }
        }
    }
    let report_year = years.iter().max_by_key(|&(y, n)| (*n, *y)).map(|(y, _)| *y);
    let mut out = Vec::new();
    let mut paragraph: Vec<usize> = Vec::new();
    for i in 0..=lines.len() {
        let prose = i < lines.len()
            && !in_table[i]
            && !text
                .get(lines[i].0..lines[i].1)
                .unwrap_or("")
                .trim()
                .is_empty();
        if prose {
            paragraph.push(i);
            continue;
        }
        if !paragraph.is_empty() {
            read_paragraph(text, lines, &paragraph, vocab, words, report_year, &mut out);
            paragraph.clear();
        }
    }
    out
}

/// The claims of one paragraph (consecutive prose lines).
fn read_paragraph(
    text: &str,
    lines: &[(usize, usize)],
    paragraph: &[usize],
    vocab: &Vocab,
    cw: &ClaimWords,
    report_year: Option<u16>,
    out: &mut Vec<Claim>,
) {
    // Words with their spans, in reading order; a hyphen at a line end joins the word.
    let mut all: Vec<Word> = Vec::new();
    for &l in paragraph {
        let (s, e) = lines[l];
        let line = text.get(s..e).unwrap_or("");
        let mut at = 0;
        for piece in line.split_whitespace() {
            let Some(off) = line[at..].find(piece) else {
                continue;
            };
            let start = s + at + off;
            at += off + piece.len();
            all.push(Word {
                norm: norm_word(piece),
                span: (start, start + piece.len()),
                printed: piece.to_string(),
            });
        }
    }
    // Sentences: a word that ends in `.`, `?` or `!` ends one when the next starts with
    // a capital (`ca.` and `kr.` before a number do not).
    let mut sentences: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = 0;
    for k in 0..all.len() {
        let ends = all[k].printed.ends_with(['.', '?', '!'])
            && all
                .get(k + 1)
                .is_none_or(|n| n.printed.chars().next().is_some_and(|c| c.is_uppercase()));
        if ends || k + 1 == all.len() {
            sentences.push(start..k + 1);
            start = k + 1;
        }
    }
    let norms = |r: &std::ops::Range<usize>| -> Vec<String> {
        all[r.clone()].iter().map(|w| w.norm.clone()).collect()
    };
    // The noun last counted in the paragraph: a sentence that opens with a count and a
    // verb counts the same things (`… fattet fire verbalvedtak. Fire er gjennomført.`).
    let mut paragraph_noun: Option<String> = None;
    for (si, range) in sentences.iter().enumerate() {
        let words = &all[range.clone()];
        let earlier = words.iter().any(|w| {
            crate::layout::is_year(&w.norm)
                && w.norm
                    .parse::<u16>()
                    .ok()
                    .zip(report_year)
                    .is_some_and(|(y, r)| y < r)
        });
        if earlier {
            continue;
        }
        // The noun of the count before, and where it stood.
        let mut noun: Option<(String, usize)> = None;
        // The noun of a whole named first (`Av de 12 tiltakene er 8 gjennomført`): the
        // counts after it in the sentence count parts of it.
        let mut whole: Option<String> = None;
        for k in 0..words.len() {
            // `en`, `ett` are articles, but counts where a verb follows right after a
            // join (`… ferdig og ett er forsinket`).
            let one = matches!(words[k].norm.as_str(), "en" | "én" | "ett" | "ei" | "eitt")
                && k > 0
                && (words[k - 1].norm == "og" || words[k - 1].printed.ends_with(','))
                && words.get(k + 1).is_some_and(|w| cw.verbs.contains(&w.norm));
            let Some(count) = number(&words[k].norm, cw).or(one.then_some(1)) else {
                continue;
            };
            // `fire` in `Tre av fire vedtak er ferdig` is the whole the part is of.
            // So is `seks` in `To av de seks prosjektene er ferdig`.
            let of_whole =
                k >= 2 && words[k - 1].norm == "av" && number(&words[k - 2].norm, cw).is_some()
                    || k >= 3
                        && matches!(words[k - 1].norm.as_str(), "de" | "dei")
                        && words[k - 2].norm == "av"
                        && number(&words[k - 3].norm, cw).is_some();
            if hedged(words, k, cw) || of_whole {
                continue;
            }
            // `N av M noun`, `N av de M noun`: the part of a whole, the noun after the
            // whole.
            let whole_at = |j: usize| words.get(j).is_some_and(|w| number(&w.norm, cw).is_some());
            let from = if words.get(k + 1).is_some_and(|w| w.norm == "av") && whole_at(k + 2) {
                k + 3
            } else if words.get(k + 1).is_some_and(|w| w.norm == "av")
                && words
                    .get(k + 2)
                    .is_some_and(|w| matches!(w.norm.as_str(), "de" | "dei"))
                && whole_at(k + 3)
            {
                k + 4
            } else {
                k + 1
            };
            // The noun counted: right after the number, or after one or two adjectives;
            // or the noun of the count before, where `og` or a comma joins the two.
            let noun_at =
                (from..(from + 3).min(words.len())).find(|&j| cw.nouns.contains(&words[j].norm));
            let counted = match (noun_at, &noun, &whole) {
                (Some(j), _, _) => words[j].norm.clone(),
                (None, Some((n, at)), _)
                    if words[*at..k]
                        .iter()
                        .any(|w| w.norm == "og" || w.printed.ends_with(',')) =>
                {
                    n.clone()
                }
                (None, _, Some(w)) => w.clone(),
                (None, None, None)
                    if k == 0
                        && words.get(1).is_some_and(|w| cw.verbs.contains(&w.norm))
                        && paragraph_noun.is_some() =>
                {
                    paragraph_noun.clone().unwrap_or_default()
                }
                _ => continue,
            };
            if noun_at.is_some() {
                paragraph_noun = Some(counted.clone());
            }
            // `Av de 12 tiltakene`: the whole set, named before its parts.
            // So is `Av 9 verbalvedtak er …` opening a sentence.
            let of_the = noun_at.is_some()
                && (k >= 2
                    && words[k - 2].norm == "av"
                    && matches!(words[k - 1].norm.as_str(), "de" | "dei")
                    || k == 1 && words[0].norm == "av");
            if of_the {
                whole = Some(counted.clone());
            }
            noun = Some((counted.clone(), k));
            let after = noun_at.map_or(from, |j| j + 1);
            let total = of_the
                || total_before(words, k, cw)
                || noun_at.is_some_and(|j| (k + 1..j).any(|m| is_total(&words[m].norm, cw)));
            // Where the verb stands before the count, the status follows right after:
            // after a whole (`… er 8 gjennomført og 2 forsinket`), or after the noun
            // (`Per 30. april er fire av vedtakene ferdig`, `er tre tiltak gjennomført`).
            let verb_before = ends_before(words, k, &cw.verbs);
            let status = status_after(words, after, vocab).or_else(|| {
                ((noun_at.is_none() && whole.is_some()) || verb_before && noun_at.is_some())
                    .then(|| status_at(words, past_adverbs(words, after, cw), vocab))
                    .flatten()
            });
            if !total && status.is_none() {
                continue;
            }
            let mut context = vec![norms(range)];
            for prev in sentences[..si].iter().rev() {
                context.push(norms(prev));
            }
            if let Some(next) = sentences.get(si + 1) {
                context.push(norms(next));
            }
            let line = paragraph
                .iter()
                .copied()
                .find(|&l| lines[l].0 <= words[k].span.0 && words[k].span.0 <= lines[l].1)
                .map_or(0, |l| l + 1);
            out.push(Claim {
                line,
                span: words[k].span,
                printed: words[k].printed.trim_end_matches([',', '.']).to_string(),
                count,
                status,
                noun: counted,
                context,
                sentence: words
                    .iter()
                    .map(|w| w.printed.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            });
        }
    }
}

/// A count: digits (not a year) or a number word.
fn number(w: &str, cw: &ClaimWords) -> Option<u64> {
    if !w.is_empty() && w.len() <= 5 && w.chars().all(|c| c.is_ascii_digit()) {
        let n: u64 = w.parse().ok()?;
        return (!(w.len() == 4 && (1900..=2100).contains(&n))).then_some(n);
    }
    cw.numbers.get(w).copied()
}

fn is_total(w: &str, cw: &ClaimWords) -> bool {
    cw.totals.iter().any(|t| t == w)
}

/// A total phrase (`i alt`, `totalt`) right before word `k`.
fn total_before(words: &[Word], k: usize, cw: &ClaimWords) -> bool {
    ends_before(words, k, &cw.totals)
}

/// A hedge (`over`, `om lag`, `i overkant av`) right before word `k`: no claim.
fn hedged(words: &[Word], k: usize, cw: &ClaimWords) -> bool {
    ends_before(words, k, &cw.hedges)
}

/// One of `phrases` ends right before word `k`.
fn ends_before(words: &[Word], k: usize, phrases: &[String]) -> bool {
    phrases.iter().any(|p| {
        let p: Vec<&str> = p.split(' ').collect();
        k >= p.len()
            && words[k - p.len()..k]
                .iter()
                .zip(&p)
                .all(|(w, x)| w.norm == *x)
    })
}

/// `er [allerede] ferdig`, `er i henhold til plan` from word `at`: the status value.
fn status_after(words: &[Word], at: usize, vocab: &Vocab) -> Option<usize> {
    let cw = &vocab.claims;
    // `er`, `ble`, `har blitt`: the longest verb that starts at `at`.
    let verb = cw
        .verbs
        .iter()
        .map(|v| v.split(' ').collect::<Vec<_>>())
        .filter(|v| {
            words
                .get(at..at + v.len())
                .is_some_and(|w| w.iter().zip(v).all(|(a, b)| a.norm == *b))
        })
        .map(|v| v.len())
        .max()?;
    status_at(words, past_adverbs(words, at + verb, cw), vocab)
}

/// The first word from `k` that is no adverb (`allerede`, `nå`).
fn past_adverbs(words: &[Word], mut k: usize, cw: &ClaimWords) -> usize {
    while words.get(k).is_some_and(|w| cw.adverbs.contains(&w.norm)) {
        k += 1;
    }
    k
}

/// The status value the words from `k` start with.
fn status_at(words: &[Word], k: usize, vocab: &Vocab) -> Option<usize> {
    let rest: Vec<String> = words[k.min(words.len())..]
        .iter()
        .take(6)
        .map(|w| w.norm.clone())
        .collect();
    vocab.match_status(&rest).map(|(i, _)| i)
}

//! Sentences that count what a status list holds (`Det er i alt 102 forskjellige tiltak
//! i vedtatt økonomiplan`, `Fire tiltak er allerede ferdig og kun fem er forsinket`),
//! read from the report's prose: the lines outside its tables. Reading them is part of
//! reading the report, like the tables; RL305 checks them against the tables and never
//! reads the text itself. The words are data (`rules/claims.toml`).

use crate::model::{Claim, Table};
use crate::vocab::{ClaimWords, Vocab, norm_word};

/// Adverbs that may stand between `er` and the status (`er allerede ferdig`).
const ADVERBS: &[&str] = &["allerede", "nå", "fortsatt", "ennå", "enda", "foreløpig"];

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
            read_paragraph(text, lines, &paragraph, vocab, words, &mut out);
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
    for (si, range) in sentences.iter().enumerate() {
        let words = &all[range.clone()];
        let mut noun: Option<String> = None;
        for k in 0..words.len() {
            let Some(count) = number(&words[k].norm, cw) else {
                continue;
            };
            if hedged(words, k, cw) {
                continue;
            }
            // The noun counted: right after the number, or after one or two adjectives.
            let noun_at =
                (k + 1..(k + 4).min(words.len())).find(|&j| cw.nouns.contains(&words[j].norm));
            if let Some(j) = noun_at {
                noun = Some(words[j].norm.clone());
            }
            let Some(counted) = noun.clone() else {
                continue;
            };
            let after = noun_at.map_or(k + 1, |j| j + 1);
            let total = total_before(words, k, cw)
                || noun_at.is_some_and(|j| (k + 1..j).any(|m| is_total(&words[m].norm, cw)));
            let status = status_after(words, after, vocab);
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
        return w.parse().ok();
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
    let mut k = at;
    if words.get(k).map(|w| w.norm.as_str()) != Some("er") {
        return None;
    }
    k += 1;
    while words
        .get(k)
        .is_some_and(|w| ADVERBS.contains(&w.norm.as_str()))
    {
        k += 1;
    }
    let rest: Vec<String> = words[k.min(words.len())..]
        .iter()
        .take(6)
        .map(|w| w.norm.clone())
        .collect();
    vocab.match_status(&rest).map(|(i, _)| i)
}

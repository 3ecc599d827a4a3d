//! Rebuilding columns from a header that wrapped over many lines.
//!
//! pdftotext writes a header cell by cell, each wrapped over one or more lines, so the
//! header words in reading order are the column names in column order. What is lost is
//! where one name ends and the next begins. With the column count known from the rows,
//! the words are partitioned into a label header and that many column names by dynamic
//! programming, scoring each name by how column-like it reads: it starts with a word that
//! names a column kind (or a modifier such as `Siste`, `Rev.`), and it names one kind
//! (a deviation may name what it deviates from: `Avvik prognose`, `Prognose årsavvik`).

use crate::model::{Column, ColumnKind, Period};
use crate::vocab::{Vocab, norm_word};

/// The parsed header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Words naming the label column (`Enhet`, `Tjenesteområde`), joined.
    pub label: String,
    /// The numeric columns.
    pub columns: Vec<Column>,
    /// Text columns (`Status`, `Statusbeskrivelse`): after the numbers, but the first
    /// may stand among them (see `mid`).
    pub text_columns: Vec<Column>,
    /// How many numeric columns stand before the first text column when it stands
    /// among the numbers (`Vedtatt totalt | Påløpt totalt | Est. ferdig | Rev. bud. …`).
    pub mid: Option<usize>,
    /// True when the words could be fitted to the column count.
    pub fitted: bool,
    /// How column-like the fitted names read (higher is better).
    pub score: i32,
}

impl Header {
    /// The index (among all columns, numeric first) of the status column, or of the
    /// column a status found in the rows will get when the header named none.
    pub fn status_column(&self) -> usize {
        self.columns.len()
            + self
                .text_columns
                .iter()
                .position(|c| c.kind.is_status_field())
                .unwrap_or(self.text_columns.len())
    }
}

/// Split header words into text columns at the end and the rest.
fn take_text_columns<'a>(words: &[&'a str], vocab: &Vocab) -> (usize, Vec<Vec<&'a str>>) {
    let mut end = words.len();
    let mut cols: Vec<Vec<&str>> = Vec::new();
    let is_text = |w: &str| vocab.kind_of(w).is_some_and(|k| vocab.kinds[k].text);
    // A text column named with a preposition after its text word runs to the end:
    // `Kommentar til avvik`, `Forklaring på avvik`.
    if let Some(t) = (0..words.len()).rev().find(|&t| is_text(words[t])) {
        // Short, and the header's end: a title `Kommentar til sykefravær og HMS` above a
        // whole header is no column.
        let joined = words.len() - t <= 4
            && words.get(t + 1).is_some_and(|w| {
                matches!(
                    norm_word(w).as_str(),
                    "til" | "på" | "for" | "av" | "om" | "ved"
                )
            });
        if joined {
            cols.push(words[t..].to_vec());
            end = t;
        }
    }
    // Walk back over trailing text-column names (`Status`, `Beskrivelse status`).
    let mut i = end;
    while i > 0 {
        let w = words[i - 1];
        let is_text = vocab.kind_of(w).is_some_and(|k| vocab.kinds[k].text);
        if is_text {
            // A text column name may be two words: `Beskrivelse status`, `Status tiltak`,
            // `Est. ferdig` (a modifier before the text word).
            let mut start = i - 1;
            if start > 0 {
                let prev = words[start - 1];
                if vocab.kind_of(prev).is_some_and(|k| vocab.kinds[k].text)
                    && norm_word(prev) != norm_word(w)
                    && norm_word(w) == "status"
                    || vocab.is_modifier(prev) && prev.ends_with('.')
                {
                    start -= 1;
                }
            }
            cols.push(words[start..i].to_vec());
            end = start;
            i = start;
        } else {
            break;
        }
    }
    cols.reverse();
    (end, cols)
}

/// Resolve a column name's kind and score how coherent the name is: one kind (a budget
/// word after a modifier counts with it: `Rev. bud.`), or a deviation that names what it
/// deviates from after it (`Avvik prognose`, `Avvik Rev-Regn`) or once before it
/// (`Prognose årsavvik`).
fn resolve_kind(words: &[&str], vocab: &Vocab) -> (ColumnKind, i32) {
    let name = |k: usize| vocab.kinds[k].name.as_str();
    let has_pct = words
        .iter()
        .any(|w| matches!(norm_word(w).as_str(), "%" | "prosent" | "i %" | "pst"));
    // Kind groups in order: a budget word right after a budget modifier joins it.
    let mut groups: Vec<ColumnKind> = Vec::new();
    let mut prev_modifier = false;
    for w in words {
        let Some(k) = vocab.kind_of(w) else {
            prev_modifier = vocab.is_modifier(w) && prev_modifier;
            continue;
        };
        let kind = ColumnKind::from_name(name(k));
        let joins = prev_modifier && kind == ColumnKind::Budsjett;
        if !joins {
            groups.push(kind);
        }
        prev_modifier = vocab.is_modifier(w) || kind.is_budget() && kind != ColumnKind::Budsjett;
    }
    // A name with a text kind in it names a text column (`Est. ferdig`).
    if let Some(&text) = groups.iter().find(|k| k.is_text()) {
        return (text, 2 - 3 * (groups.len() as i32 - 1));
    }
    if groups.is_empty() {
        if !words.is_empty() && words.iter().all(|w| is_year(w) || vocab.is_qualifier(w)) {
            return (ColumnKind::Aar, 1);
        }
        return (ColumnKind::Ukjent, -2);
    }
    // A measure in percent (`Forbruk i %`, `Andel i %`): the share of it, one column.
    if has_pct
        && groups.last() == Some(&ColumnKind::Prosent)
        && groups.len() <= 2
        && !groups.contains(&ColumnKind::Avvik)
    {
        return (ColumnKind::Prosent, 2);
    }
    if let Some(d) = groups
        .iter()
        .position(|k| matches!(k, ColumnKind::Avvik | ColumnKind::Endring))
    {
        let kind = if groups[d] == ColumnKind::Avvik && has_pct {
            ColumnKind::AvvikProsent
        } else {
            groups[d]
        };
        let score = match d {
            0 => 2,
            1 => 0,
            _ => 2 - 3 * d as i32,
        };
        return (kind, score);
    }
    (groups[0], 2 - 3 * (groups.len() as i32 - 1))
}

/// How column-like the name `all[i..j]` reads, given the words before it.
fn part_score(all: &[&str], i: usize, j: usize, vocab: &Vocab) -> i32 {
    let words = &all[i..j];
    let prev = if i > 0 { Some(all[i - 1]) } else { None };
    let Some(first) = words.first() else {
        return -100;
    };
    let mut s = 0;
    let first_kind = vocab
        .kind_of(first)
        .map(|k| ColumnKind::from_name(&vocab.kinds[k].name));
    let prev_kind = prev
        .and_then(|p| vocab.kind_of(p))
        .map(|k| ColumnKind::from_name(&vocab.kinds[k].name));
    // The kind of the last word before this name that is not a qualifier (`Bruk av`);
    // a year ends a name (`Nettoresultat 2023` | `Fond pr 31.12.2023`).
    let before_kind = all[..i]
        .iter()
        .rev()
        .find(|w| !vocab.is_qualifier(w) || is_year(w))
        .and_then(|w| vocab.kind_of(w))
        .map(|k| ColumnKind::from_name(&vocab.kinds[k].name));
    if first_kind == Some(ColumnKind::Budsjett) && prev.is_some_and(|p| vocab.is_modifier(p)) {
        // `Rev.` | `bud.` splits one name in two.
        s -= 4;
    } else if first_kind.is_some() && vocab.is_continuation(first) && before_kind == first_kind {
        // `Bruk av` | `fond` splits one name in two.
        s -= 4;
    } else if first_kind.is_some()
        && (prev_kind == Some(ColumnKind::Avvik)
            && (!capital_name(first) || vocab.is_modifier(first))
            || prev_kind == Some(ColumnKind::Endring)
                && !vocab.is_modifier(first)
                && !starts_upper(first)
            || prev_kind.is_none() && prev.is_some_and(|p| vocab.is_modifier(p))
            || prev_kind.is_some() && starts_lower(first) && prev.is_some_and(|p| !starts_lower(p))
            // `0–2` | `år`: the unit of an age range in the name.
            || starts_lower(first) && prev.is_some_and(is_range)
            // `Regnskap hittil i` | `år`: the object of a preposition in the name.
            || starts_lower(first) && prev.is_some_and(is_preposition)
            // `Antall barn` | `totalt`: a lower-case total word ends the name before.
            || first_kind == Some(ColumnKind::Samlet)
                && starts_lower(first)
                && prev.is_some_and(|p| starts_lower(p) && p.chars().all(char::is_alphabetic)))
    {
        // `Avvik` | `prognose i kr`, `Siste` | `prognose` and `Vedtatt` | `totalt`
        // split one name in two.
        s -= 4;
    } else if first_kind.is_some()
        || vocab.is_modifier(first)
        || broken_before_kind(first, words.get(1), vocab)
    {
        // A kind word, a modifier, or a word broken at its hyphen before a kind word
        // (`Års-` / `budsjett`) starts a name.
        s += 3;
    } else if is_year(first) {
        s += 1;
    } else if vocab.is_qualifier(first) && !movement_name(first, vocab) {
        // A qualifier goes on naming the column before, but a capitalised movement word
        // starts one (`IB 01.01.2024` | `Nye lån`).
        s -= 3;
    } else if capital_name(first) {
        // An unknown capitalised word starts a name (`Utgifter per innbygger`).
        s += 1;
    } else {
        s -= 1;
    }
    // An unknown capitalised word inside a name starts another (`Innbyggere` |
    // `Utgifter i 1000 kr`).
    s -= 2 * words[1..]
        .iter()
        .filter(|w| {
            capital_name(w)
                && vocab.kind_of(w).is_none()
                && !vocab.is_modifier(w)
                && (!vocab.is_qualifier(w) || movement_name(w, vocab))
        })
        .count() as i32;
    // A word in parentheses qualifies the name before it (`Budsjett 2024` /
    // `(revidert)`); a year alone right after a kind word is that name's year
    // (`Rekneskap` / `2024`).
    if first.starts_with('(') && prev.is_some() {
        s -= 6;
    }
    if words.len() == 1 && is_year(first) && prev_kind.is_some() {
        s -= 4;
    }
    // A name that ends in a preposition (`Forbruk i` | `%`) is cut before its last
    // word.
    if words.len() > 1 && words.last().is_some_and(|w| is_preposition(w)) {
        s -= 4;
    }
    // `Endring UB`, `Endringer Revidert budsjett`: a capitalised kind word after a change
    // word starts the next name (a lower-case one says what changed: `Endring regnskap`).
    if first_kind == Some(ColumnKind::Endring)
        && words[1..]
            .iter()
            .any(|w| vocab.kind_of(w).is_some() && starts_upper(w))
    {
        s -= 4;
    }
    // A name that ends in a modifier (`Siste`) waits for the word it modifies.
    if words.len() == 1 && vocab.is_modifier(first) && vocab.kind_of(first).is_none() {
        s -= 3;
    }
    // A label-column header inside a column name (`Årets budsjett Investering`); a
    // lowercase one is part of the name (`Regnskap på prosjekt`).
    s -= 3 * words[1..]
        .iter()
        .filter(|w| vocab.is_label_header(w) && w.chars().next().is_some_and(char::is_uppercase))
        .count() as i32;
    // A year ends a name: a kind word after it starts the next (`Nettoresultat 2023` |
    // `Fond pr 31.12.2023`).
    if words
        .windows(2)
        .any(|p| is_year(p[0]) && vocab.kind_of(p[1]).is_some())
    {
        s -= 4;
    }
    let (kind, coherence) = resolve_kind(words, vocab);
    // Numbers under a status or description header: that header is not this column's.
    if kind.is_text() {
        s -= 6;
    }
    s + coherence
}

/// A range of numbers or a plain count in a header (`0–2`, `6-15`, `67`): the words
/// after it belong to it (`0–2 år`).
fn is_range(w: &str) -> bool {
    let parts: Vec<&str> = w.split(['–', '-']).collect();
    parts.len() <= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.chars().all(|c| c.is_ascii_digit()))
}

/// A word broken at its hyphen at a line's end, before a kind word it joins (`Års-` /
/// `budsjett`).
fn broken_before_kind(w: &str, next: Option<&&str>, vocab: &Vocab) -> bool {
    w.len() > 1 && w.ends_with('-') && next.is_some_and(|n| vocab.kind_of(n).is_some())
}

/// A year (`2024`) or a date (`31.12.2024`): a header word that names a column's time.
fn is_year(w: &str) -> bool {
    crate::layout::is_year(w) || crate::layout::is_date(w)
}

/// The header words without a sign legend in parentheses after a deviation word
/// (`Avvik (+ merforbruk/ − mindreforbruk)`): the legend names no column of its own.
pub fn without_legends<'a>(words: &[&'a str], vocab: &Vocab) -> Vec<&'a str> {
    let is_avvik = |w: &str| {
        vocab
            .kind_of(w)
            .is_some_and(|k| ColumnKind::from_name(&vocab.kinds[k].name) == ColumnKind::Avvik)
    };
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if w.starts_with('(') && i > 0 && is_avvik(words[i - 1]) {
            let end = (i..words.len().min(i + 6)).find(|&j| words[j].ends_with(')'));
            if let Some(end) = end {
                if words[i..=end].iter().any(|w| is_avvik(w)) {
                    i = end + 1;
                    continue;
                }
            }
        }
        out.push(w);
        i += 1;
    }
    out
}

/// How many columns the header names when nothing forces a count: a new column starts at
/// every kind word or modifier, except a budget word after a modifier (`Rev. bud.`) and
/// kind words right after a deviation word (`Avvik prognose`).
pub fn natural_count(words: &[&str], vocab: &Vocab) -> usize {
    let (end, _) = take_text_columns(words, vocab);
    let (words, _) = take_mid_column(&words[..end], vocab);
    let end = words.len();
    let mut count = 0;
    let mut prev_kind = false;
    let mut prev_modifier = false;
    let mut prev_deviation = false;
    let mut prev_change = false;
    let mut prev_preposition = false;
    // A year starts a column of its own after another year or after label words
    // (`Tiltaksgruppe 2025 2026`), not after a kind (`Regnskap 2023`).
    let mut prev_plain = true;
    let mut current: Option<ColumnKind> = None;
    for w in &words[..end] {
        let w = *w;
        let kind = vocab
            .kind_of(w)
            .map(|k| ColumnKind::from_name(&vocab.kinds[k].name));
        let modifier = vocab.is_modifier(w);
        let year = is_year(w);
        let starts = match kind {
            Some(ColumnKind::Budsjett) if prev_modifier => false,
            // `Endringer` | `Revidert budsjett`, `Endring` | `UB`: a change column, then
            // a column named with a modifier or a capital (a deviation names what it
            // deviates from: `Avvik rev. budsjett` is one column).
            Some(_) if prev_change && (modifier || starts_upper(w)) => true,
            Some(_) if prev_deviation => false,
            // `Vedtatt totalt`: a lower-case kind word after a capitalised kind word goes
            // on naming the column, in a header whose names start with a capital.
            Some(_) if prev_kind && starts_lower(w) => false,
            // `Regnskap hittil i år`: a lower-case kind word after a preposition is
            // part of the name (`i år`), no column of its own.
            Some(_) if prev_preposition && starts_lower(w) => false,
            // `Avsatt fond`, `Bruk av fond`: one column.
            Some(k) if current == Some(k) && vocab.is_continuation(w) => false,
            Some(_) => true,
            None if year => prev_plain,
            // A capitalised movement word starts a column of a balance table (`Nye
            // lån`, `Avdrag`).
            None => modifier && !prev_modifier || movement_name(w, vocab),
        };
        if starts {
            count += 1;
            current = kind;
        }
        prev_plain = year
            || vocab.is_label_header(w)
            || kind.is_none() && !modifier && !vocab.is_qualifier(w);
        prev_deviation = matches!(kind, Some(ColumnKind::Avvik | ColumnKind::Endring))
            || prev_deviation && kind.is_some();
        prev_change = kind == Some(ColumnKind::Endring);
        prev_modifier =
            modifier || kind.is_some_and(|k| k.is_budget() && k != ColumnKind::Budsjett);
        prev_kind = kind.is_some() && !starts_lower(w);
        prev_preposition = is_preposition(w);
    }
    count
}

/// A preposition or conjunction inside a column name (`i`, `av`, `per`, `til`).
fn is_preposition(w: &str) -> bool {
    matches!(
        norm_word(w).as_str(),
        "i" | "av" | "per" | "pr" | "pr." | "for" | "og" | "til" | "på"
    )
}

/// Words that start with a capital letter: in a header with no known column words
/// (`Tjeneste Brutto utgifter Inntekter Netto utgifter`), each capital starts a name,
/// the label column's or a number column's. Years, dates and words in parentheses are
/// no names of their own.
pub fn capital_count(words: &[&str]) -> usize {
    if words
        .first()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        capital_parts(words).len()
    } else {
        0
    }
}

/// The words split before each word that starts with a capital letter; words before
/// the first capital join the first part.
fn capital_parts<'w>(words: &[&'w str]) -> Vec<Vec<&'w str>> {
    let mut parts: Vec<Vec<&str>> = Vec::new();
    for &w in words {
        match parts.last_mut() {
            Some(p) if !starts_name(w) => p.push(w),
            _ => parts.push(vec![w]),
        }
    }
    parts
}

/// The word starts a name in a header of unknown words: a capital (`Avbrudd`) or an
/// ordinal glued to its noun (`1.års`, `2.trinn`).
fn starts_name(w: &str) -> bool {
    let mut chars = w.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => true,
        Some(c) if c.is_ascii_digit() => {
            let rest = w.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.strip_prefix('.')
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_alphabetic)
        }
        _ => false,
    }
}

/// A capitalised word that names a movement between two balances (`Nye` lån,
/// `Avdrag`, `Tilgang`).
fn movement_name(w: &str, vocab: &Vocab) -> bool {
    capital_name(w) && (vocab.is_addition(w) || vocab.is_reduction(w))
}

/// A capitalised word that is no abbreviation in capitals (`NM`, `KOSTRA`).
fn capital_name(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// The word starts with an upper-case letter.
fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The word starts with a lower-case letter.
fn starts_lower(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

fn period_of(words: &[&str], vocab: &Vocab) -> Period {
    // `pr 31.12`, `31.12.2023`: at the end of the year, not year to date.
    let year_end = words.iter().any(|w| w.starts_with("31.12"));
    if !year_end && words.iter().any(|w| vocab.is_ytd_word(w)) {
        return Period::YearToDate;
    }
    if let Some(y) = words.iter().rev().find(|w| is_year(w)) {
        let y = norm_word(y);
        let y = y.rsplit('.').next().unwrap_or(&y);
        if let Ok(y) = y.parse::<u16>() {
            return Period::Year(y);
        }
    }
    if words.iter().any(|w| vocab.is_whole_year_word(w)) {
        return Period::WholeYear;
    }
    Period::Unknown
}

/// Join header words with single spaces, but a word that ends in a hyphen was broken at
/// the line end (`Avvik Rev-` / `Regn`) and joins the next without one.
fn join_wrapped(words: &[&str]) -> String {
    let mut out = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 && !(words[i - 1].ends_with('-') && words[i - 1].len() > 1) {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn column_of(words: &[&str], vocab: &Vocab) -> Column {
    let mut kind = resolve_kind(words, vocab).0;
    // A balance named by a word that says no side (`Saldo`) is the closing one when
    // dated at the year's end (`Saldo 31.12.2024`).
    let opening = |w: &&str| matches!(norm_word(w).as_str(), "ib" | "inngående" | "inngåande");
    if kind == ColumnKind::Inngaende
        && !words.iter().any(opening)
        && words.iter().any(|w| w.starts_with("31.12"))
    {
        kind = ColumnKind::Utgaende;
    }
    Column {
        name: join_wrapped(words),
        kind,
        period: period_of(words, vocab),
        span: address_span(words),
    }
}

/// The memory addresses the words cover, first to last. The words are slices of the
/// document text; assembly turns the addresses into byte offsets (see
/// [`crate::assemble`]), and drops a span that is not inside the text.
fn address_span(words: &[&str]) -> Option<(usize, usize)> {
    let (first, last) = (words.first()?, words.last()?);
    Some((first.as_ptr() as usize, last.as_ptr() as usize + last.len()))
}

/// A column of unknown kind named by its header words.
fn unknown_column(name: String, words: &[&str]) -> Column {
    Column {
        name,
        kind: ColumnKind::Ukjent,
        period: Period::Unknown,
        span: address_span(words),
    }
}

/// A header fitted by names alone: a label and columns of unknown kind.
fn named_header(label: String, columns: Vec<Column>) -> Header {
    Header {
        label,
        columns,
        text_columns: Vec::new(),
        mid: None,
        fitted: true,
        score: 1,
    }
}

/// A header of names no column word is known in, split at their capitals (`Brutto
/// utgifter | Inntekter | Netto utgifter`), the first part the label column's name when
/// there is one part too many.
fn capital_names(words: &[&str], count: usize) -> Option<Header> {
    let parts = capital_parts(words);
    if !(parts.len() == count || parts.len() == count + 1 && count > 1)
        || parts.len() < 2
        || !words[0].chars().next().is_some_and(char::is_uppercase)
        || words
            .iter()
            .any(|w| w.ends_with(['.', ':', ';']) && !is_year(w) && !crate::layout::is_date(w))
    {
        return None;
    }
    let label_parts = parts.len() - count;
    let label = parts[..label_parts].concat().join(" ");
    let columns = parts[label_parts..]
        .iter()
        .map(|c| unknown_column(join_wrapped(c), c))
        .collect();
    Some(named_header(label, columns))
}

/// A header that ends in one year per column, each year once (`Sektor 2022 2023 2024`,
/// `SUM tiltak per kapittel 2025 2026 2027 2028`): the years name the columns and the
/// words before them the label column. Only where the header ends in the years: `Regnskap
/// 2023 Budsjett 2024` names each year's column by its own words.
fn year_columns(words: &[&str], count: usize, vocab: &Vocab) -> Option<Header> {
    if count < 2 || words.len() < count {
        return None;
    }
    let (before, years) = words.split_at(words.len() - count);
    if !years.iter().all(|w| crate::layout::is_year(w)) {
        return None;
    }
    // Each year once, and no year just before them (`2022 2023 2024` over two numbers
    // is no header of two years).
    let mut seen: Vec<&str> = years.to_vec();
    seen.sort_unstable();
    seen.dedup();
    if seen.len() != count || before.last().is_some_and(|w| is_year(w)) {
        return None;
    }
    let columns = years
        .iter()
        .map(|y| Column {
            name: (*y).to_string(),
            kind: ColumnKind::Aar,
            period: norm_word(y).parse().map_or(Period::Unknown, Period::Year),
            span: address_span(&[*y]),
        })
        .collect();
    // Scored as the fit scores one name per year.
    let at = before.len();
    let score = (at..words.len())
        .map(|i| part_score(words, i, i + 1, vocab))
        .sum();
    Some(Header {
        label: join_wrapped(before),
        columns,
        text_columns: Vec::new(),
        mid: None,
        fitted: true,
        score,
    })
}

/// No word of the header names a kind of column (amounts, budget, deviation, ...).
pub fn no_kind_words(words: &[&str], vocab: &Vocab) -> bool {
    !words.iter().any(|w| vocab.kind_of(w).is_some())
}

/// A header of words the vocabulary does not know (`Kvinner Menn`, `Parti Antall
/// 2023-2027 Antall 2019-2023`): when the words after a label header split evenly into
/// the column count, each share names a column. Kinds stay unknown.
fn plain_names(words: &[&str], count: usize, vocab: &Vocab) -> Option<Header> {
    let skip = usize::from(words.first().is_some_and(|w| vocab.is_label_header(w)));
    let names = &words[skip..];
    if count == 0 || names.is_empty() {
        return None;
    }
    // Each word over two columns (`Kvinner Menn` over a share and a count each). Each
    // word a capitalised name: `Tredje tiltak` is a label, not two headings.
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    if count == 2 * names.len() && names.len() >= 2 && names.iter().all(capitalised) {
        let columns = names
            .iter()
            .flat_map(|w| {
                (1..=2)
                    .map(move |i| unknown_column(format!("{} ({i})", join_wrapped(&[*w])), &[*w]))
            })
            .collect();
        return Some(named_header(words[..skip].join(" "), columns));
    }
    if let Some(h) = capital_names(words, count) {
        return Some(h);
    }
    if names.len() % count != 0 || names.len() / count > 3 {
        return None;
    }
    let per = names.len() / count;
    let columns = names
        .chunks(per)
        .map(|c| unknown_column(join_wrapped(c), c))
        .collect();
    Some(named_header(words[..skip].join(" "), columns))
}

/// Fit header words (in reading order) to `count` numeric columns.
pub fn fit(words: &[&str], count: usize, vocab: &Vocab) -> Header {
    let (end, text_cols) = take_text_columns(words, vocab);
    let mut text_columns: Vec<Column> = text_cols.iter().map(|w| column_of(w, vocab)).collect();
    let (words, mid) = take_mid_column(&words[..end], vocab);
    if let Some((_, name)) = &mid {
        text_columns.insert(0, column_of(name, vocab));
    }
    let mid_at = mid.as_ref().map(|m| m.0);
    let words = &words[..];
    let generic = |fitted: bool| Header {
        label: String::new(),
        columns: (1..=count)
            .map(|i| Column {
                name: format!("Kolonne {i}"),
                kind: ColumnKind::Ukjent,
                period: Period::Unknown,
                span: None,
            })
            .collect(),
        text_columns: text_columns.clone(),
        // Unfitted, the place of a status among the numbers is unknown.
        mid: None,
        fitted,
        score: 0,
    };
    if count == 0 {
        return generic(true);
    }
    // The label header: leading words before the first word that can start a column.
    // A word broken at its hyphen starts a name with the kind word it joins (`Års-` /
    // `budsjett`).
    let first_start = (0..words.len()).find(|&i| {
        let w = words[i];
        vocab.kind_of(w).is_some()
            || vocab.is_modifier(w)
            || is_year(w)
            || broken_before_kind(w, words.get(i + 1), vocab)
    });
    // A header named by its words alone keeps the text columns after its numbers
    // (`… Avbrudd lærekontrakt Merknad`).
    let with_text = |h: Header| Header {
        text_columns: text_columns.clone(),
        ..h
    };
    let Some(first_start) = first_start else {
        return plain_names(words, count, vocab).map_or_else(|| generic(false), with_text);
    };
    if let Some(h) = year_columns(words, count, vocab) {
        return with_text(h);
    }
    if no_kind_words(words, vocab) {
        if let Some(h) = capital_names(words, count) {
            return with_text(h);
        }
    }
    // Allow the label header to end at the first start word or at any later start
    // word (a label header like `SUM tiltak per kapittel`), chosen by the DP below.
    let m = words.len();
    if m - first_start < count {
        return generic(false);
    }
    const NEG: i32 = i32::MIN / 4;
    // The score of every possible name, words[i..i + len] with len ≤ 8, once.
    let part: Vec<[i32; 9]> = (0..m)
        .map(|i| {
            let mut row = [NEG; 9];
            for (len, slot) in row.iter_mut().enumerate().skip(1) {
                if i + len <= m {
                    *slot = part_score(words, i, i + len, vocab);
                }
            }
            row
        })
        .collect();
    // best[k][i]: best score for words[i..] split into k parts.
    let mut best = vec![vec![NEG; m + 1]; count + 1];
    let mut next = vec![vec![0usize; m + 1]; count + 1];
    best[0][m] = 0;
    for k in 1..=count {
        for i in (0..m).rev() {
            // A part is words[i..j], at most 8 words long.
            for j in i + 1..=m.min(i + 8) {
                if best[k - 1][j] <= NEG {
                    continue;
                }
                let s = part[i][j - i] + best[k - 1][j];
                if s > best[k][i] {
                    best[k][i] = s;
                    next[k][i] = j;
                }
            }
        }
    }
    // Choose where the label header ends.
    let mut start = None;
    let mut top = NEG;
    for (i, &s) in best[count].iter().enumerate().take(m).skip(first_start) {
        // Every word left in the label header that could have named a column costs.
        // The header's first word most often names the label column (`Fond IB Endring
        // UB` over fund names): giving it to the labels costs less.
        let lost = words[first_start..i]
            .iter()
            .enumerate()
            .filter(|(_, w)| vocab.kind_of(w).is_some())
            .map(|(k, _)| if first_start + k == 0 { 1 } else { 2 })
            .sum::<i32>();
        let s = if s <= NEG { NEG } else { s - lost };
        if s > top {
            top = s;
            start = Some(i);
        }
    }
    let Some(mut i) = start.filter(|_| top > NEG) else {
        return generic(false);
    };
    let label = words[..i].join(" ");
    let mut columns = Vec::with_capacity(count);
    let mut before_mid = 0;
    for k in (1..=count).rev() {
        let j = next[k][i];
        let mut column = column_of(&words[i..j], vocab);
        // A column that holds numbers is no status or description column.
        if column.kind.is_text() {
            column.kind = ColumnKind::Ukjent;
        }
        if mid_at.is_some_and(|p| i < p) {
            before_mid += 1;
        }
        columns.push(column);
        i = j;
    }
    Header {
        label,
        columns,
        text_columns,
        mid: mid_at.map(|_| before_mid),
        fitted: true,
        score: top,
    }
}

/// A header printed row by row: one line of column names over one line of what
/// qualifies them (`Enhet Budsjett Regnskap Avvik Budsjett Prognose Avvik` over `hiå.
/// hiå. hiå. 2025 2025 prognose`, `Fond Saldo Avsetninger Bruk av fond Saldo` over
/// `01.01.2024 31.12.2024`). Read flat, the second line's words would all join the last
/// names; here each qualifier joins the name it stands under. With no positions to go
/// by, the qualifiers go to the names in order, leftmost first, except where a word says
/// where it belongs: a date to a balance (`Saldo`), a budget noun or a text word to a
/// lone modifier (`Rev.` / `bud.`, `Est.` / `ferdig`). The names are the capitalised
/// words with the lower-case words after them; the qualifiers are grouped (`budsjett
/// 2024`: a year ends a group) by dynamic programming over words and names, so the
/// reading is polynomial. Returns the words in reading order (each name followed by its
/// qualifiers), or `None` when the two lines do not read as one row-wise header: the
/// second line must hold only lower-case words, years and dates, and the first no year
/// or date (a header wrapped cell by cell puts years among the names).
pub fn interleave_rows<'a>(
    names: &[&'a str],
    quals: &[&'a str],
    vocab: &Vocab,
) -> Option<Vec<&'a str>> {
    // `%` qualifies as a lower-case word does (`Avvik` / `i %`).
    let qual_like = |w: &&str| is_year(w) || starts_lower(w) || *w == "%";
    if !(2..=12).contains(&quals.len())
        || !quals.iter().all(qual_like)
        || names.len() < 2
        || !names.first().is_some_and(|w| starts_upper(w))
        || names
            .iter()
            .any(|w| is_year(w) || w.chars().any(|c| c.is_ascii_digit()))
        || no_kind_words(names, vocab)
    {
        return None;
    }
    // The names: each capitalised word starts one.
    let mut segs: Vec<&[&str]> = Vec::new();
    let mut start = 0;
    for i in 1..=names.len() {
        if i == names.len() || starts_upper(names[i]) {
            segs.push(&names[start..i]);
            start = i;
        }
    }
    let n = segs.len();
    let m = quals.len();
    if n < 2 {
        return None;
    }
    let kind = |w: &str| {
        vocab
            .kind_of(w)
            .map(|k| ColumnKind::from_name(&vocab.kinds[k].name))
    };
    let compat = |j: usize, group: &[&str]| -> i64 {
        let seg = segs[j];
        let mut s = 0;
        // The label column's name takes no qualifier of the numbers.
        let label = j == 0
            && (vocab.is_label_header(seg[0])
                || kind(seg[0]).is_none() && !vocab.is_modifier(seg[0]));
        if label {
            s -= 2;
        }
        let seg_kind = resolve_kind(seg, vocab).0;
        if group.iter().any(|w| crate::layout::is_date(w))
            && matches!(
                seg_kind,
                ColumnKind::Inngaende | ColumnKind::Utgaende | ColumnKind::Ukjent
            )
        {
            s += 3;
        }
        // A qualifier ends in no preposition (`hittil i` | `år`): that tears a phrase.
        if group.last().is_some_and(|w| is_preposition(w)) {
            s -= 1;
        }
        let lone_modifier = seg.len() == 1 && vocab.is_modifier(seg[0]);
        match kind(group[0]) {
            Some(k) if k == ColumnKind::Budsjett || k.is_text() => {
                if lone_modifier {
                    s += 3;
                } else if k == ColumnKind::Budsjett && seg_kind != ColumnKind::Ukjent {
                    s -= 3;
                }
            }
            _ => {}
        }
        s
    };
    // A group of up to three words, a year or date only as its last.
    let valid = |a: usize, b: usize| !quals[a..b - 1].iter().any(|w| is_year(w));
    // best[t][j]: the best key for the first t qualifiers over the first j names: the
    // fit of each qualifier to its name first, then as many groups as can be (but no
    // kind word torn from its year), then the leftmost names.
    const NONE: i64 = i64::MIN / 4;
    let mut best = vec![vec![NONE; n + 1]; m + 1];
    let mut from = vec![vec![(0usize, 0usize); n + 1]; m + 1];
    best[0][0] = 0;
    for j in 0..n {
        for t in 0..=m {
            if best[t][j] == NONE {
                continue;
            }
            if best[t][j] > best[t][j + 1] {
                best[t][j + 1] = best[t][j];
                from[t][j + 1] = (t, j);
            }
            for u in t + 1..=m.min(t + 3) {
                if !valid(t, u) {
                    continue;
                }
                // A kind word keeps the year after it (`budsjett 2024`).
                let torn = u < m && is_year(quals[u]) && kind(quals[u - 1]).is_some();
                let key = best[t][j] + compat(j, &quals[t..u]) * 10_000 + 1_000
                    - 2_000 * i64::from(torn)
                    - j as i64;
                if key > best[u][j + 1] {
                    best[u][j + 1] = key;
                    from[u][j + 1] = (t, j);
                }
            }
        }
    }
    if best[m][n] == NONE {
        return None;
    }
    let mut given: Vec<&[&str]> = vec![&[]; n];
    let (mut t, mut j) = (m, n);
    while j > 0 {
        let (pt, pj) = from[t][j];
        given[pj] = &quals[pt..t];
        t = pt;
        j = pj;
    }
    Some(
        segs.iter()
            .zip(given)
            .flat_map(|(s, g)| s.iter().chain(g.iter()).copied())
            .collect(),
    )
}

/// A status column named among the numeric columns (`Påløpt totalt Est. ferdig Rev.
/// bud.`): its words (with the modifiers right before them) are taken out, and where
/// they stood is returned with them, as the index of the next word left.
fn take_mid_column<'a>(
    words: &[&'a str],
    vocab: &Vocab,
) -> (Vec<&'a str>, Option<(usize, Vec<&'a str>)>) {
    let kind = |w: &str| {
        vocab.kind_of(w).map(|k| {
            (
                vocab.kinds[k].text,
                ColumnKind::from_name(&vocab.kinds[k].name),
            )
        })
    };
    // `Status 01.01`, `Status pr. 31.12` in a fund table: a balance at a date, not a
    // status column.
    let dated = |p: usize| {
        words.get(p + 1).is_some_and(|w| {
            let w = norm_word(w);
            matches!(w.as_str(), "pr" | "per" | "ved")
                || w.chars().next().is_some_and(|c| c.is_ascii_digit())
        })
    };
    let status_at = words
        .iter()
        .enumerate()
        .position(|(p, w)| kind(w).is_some_and(|(_, k)| k.is_status_field()) && !dated(p));
    let Some(p) = status_at else {
        return (words.to_vec(), None);
    };
    // Numeric columns must follow, or it is no column among the numbers.
    if !words[p + 1..]
        .iter()
        .any(|w| kind(w).is_some_and(|(text, _)| !text))
    {
        return (words.to_vec(), None);
    }
    // One modifier right before belongs to the name: `Est.` (an estimate), here of the
    // completion.
    let start = if p > 0 && vocab.is_modifier(words[p - 1]) {
        p - 1
    } else {
        p
    };
    let name = words[start..=p].to_vec();
    let rest: Vec<&str> = words[..start]
        .iter()
        .chain(&words[p + 1..])
        .copied()
        .collect();
    (rest, Some((start, name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(h: &Header) -> Vec<String> {
        h.columns.iter().map(|c| c.name.clone()).collect()
    }

    #[test]
    fn economy_overview_header() {
        let v = Vocab::embedded().unwrap();
        let w: Vec<&str> = "Regnskap hiå. 2025 Budsjett 2025 Årsprognose Prognose årsavvik"
            .split(' ')
            .collect();
        let h = fit(&w, 4, &v);
        assert_eq!(
            names(&h),
            [
                "Regnskap hiå. 2025",
                "Budsjett 2025",
                "Årsprognose",
                "Prognose årsavvik"
            ]
        );
        assert_eq!(h.columns[0].period, Period::YearToDate);
        assert_eq!(h.columns[3].kind, ColumnKind::Avvik);
    }

    #[test]
    fn status_per_unit_header() {
        let v = Vocab::embedded().unwrap();
        let w: Vec<&str> = "Enhet Rev. bud. hiå. 2025 Regnskap hiå. 2025 Avvik hiå. Rev. bud. 2025 Siste prognose Avvik prognose i kr"
            .split(' ')
            .collect();
        let h = fit(&w, 6, &v);
        assert_eq!(h.label, "Enhet");
        assert_eq!(
            names(&h),
            [
                "Rev. bud. hiå. 2025",
                "Regnskap hiå. 2025",
                "Avvik hiå.",
                "Rev. bud. 2025",
                "Siste prognose",
                "Avvik prognose i kr"
            ]
        );
        assert_eq!(h.columns[0].kind, ColumnKind::RevidertBudsjett);
    }

    #[test]
    fn text_columns_after_numbers() {
        let v = Vocab::embedded().unwrap();
        let w: Vec<&str> =
            "Tiltak Vedtatt budsjett Årsprognose Avvik prognose i kr Status Statusbeskrivelse"
                .split(' ')
                .collect();
        let h = fit(&w, 3, &v);
        assert_eq!(
            names(&h),
            ["Vedtatt budsjett", "Årsprognose", "Avvik prognose i kr"]
        );
        assert_eq!(h.text_columns.len(), 2);
        assert_eq!(h.text_columns[0].kind, ColumnKind::Status);
    }
}

#[cfg(test)]
mod natural_tests {
    use super::*;

    #[test]
    fn natural_counts() {
        let v = Vocab::embedded().unwrap();
        let count = |s: &str| natural_count(&s.split(' ').collect::<Vec<_>>(), &v);
        assert_eq!(count("SUM tiltak per kapittel 2025 2026 2027 2028"), 5);
        assert_eq!(count("Tiltaksgruppe 2025 2026 2027 2028"), 4);
        assert_eq!(
            count("Regnskap hiå. 2025 Rev. bud. 2025 Prognose Avvik i kr"),
            4
        );
        assert_eq!(
            count("Regnskap på prosjekt Avsatt fond Bruk av fond Netto budsjett 2023"),
            4
        );
    }
}

#[cfg(test)]
mod year_column_tests {
    use super::*;

    #[test]
    fn year_column() {
        let v = Vocab::embedded().unwrap();
        let w: Vec<&str> = "Tjenesteområde År Korttidsfravær Langtidsfravær Totalt"
            .split(' ')
            .collect();
        let h = fit(&w, 4, &v);
        assert!(h.fitted, "{h:?}");
        assert_eq!(h.label, "Tjenesteområde");
        assert_eq!(h.columns[0].kind, ColumnKind::Aar);
        assert_eq!(h.columns[3].kind, ColumnKind::Samlet);
    }
}

#[cfg(test)]
mod plain_tests {
    use super::*;

    #[test]
    fn unknown_words_split_evenly() {
        let v = Vocab::embedded().unwrap();
        let w: Vec<&str> = "Parti Antall 2023-2027 Antall 2019-2023"
            .split(' ')
            .collect();
        let h = fit(&w, 2, &v);
        let names: Vec<&str> = h.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Antall 2023-2027", "Antall 2019-2023"]);
        let w: Vec<&str> = "Kvinner Menn".split(' ').collect();
        let h = fit(&w, 2, &v);
        assert!(h.fitted);
        assert_eq!(h.columns[1].name, "Menn");
        // Three words do not split into two columns.
        let w: Vec<&str> = "Redusert innleie pga".split(' ').collect();
        assert!(!fit(&w, 2, &v).fitted);
    }
}

#[cfg(test)]
mod row_wise_tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        s.split(' ').collect()
    }

    #[test]
    fn qualifiers_join_the_names_they_stand_under() {
        let v = Vocab::embedded().unwrap();
        let w = interleave_rows(
            &split("Rekneskap Regulert Opphavleg Avvik"),
            &split("2024 budsjett 2024 budsjett 2024"),
            &v,
        );
        assert_eq!(
            w.unwrap().join(" "),
            "Rekneskap 2024 Regulert budsjett 2024 Opphavleg budsjett 2024 Avvik"
        );
        let w = interleave_rows(
            &split("Fond Saldo Avsetninger Bruk av fond Saldo"),
            &split("01.01.2024 31.12.2024"),
            &v,
        );
        assert_eq!(
            w.unwrap().join(" "),
            "Fond Saldo 01.01.2024 Avsetninger Bruk av fond Saldo 31.12.2024"
        );
    }

    #[test]
    fn a_header_wrapped_cell_by_cell_is_not_read_row_wise() {
        let v = Vocab::embedded().unwrap();
        // Years among the names: the cells wrapped one by one.
        assert!(
            interleave_rows(
                &split("Regnskap 2023 Budsjett"),
                &split("2024 prognose"),
                &v
            )
            .is_none()
        );
        // A capitalised word under the names starts a name of its own.
        assert!(interleave_rows(&split("Regnskap Budsjett"), &split("2024 Avvik"), &v).is_none());
        // One word under the names: nothing to tell the two readings apart.
        assert!(interleave_rows(&split("Regnskap Budsjett"), &split("2024"), &v).is_none());
        // More qualifier groups than names.
        assert!(
            interleave_rows(&split("Regnskap Budsjett"), &split("2023 2024 2025"), &v).is_none()
        );
    }
}

//! Lines of a document, lexed and described: where the numbers are, what the words say.

use crate::lex::{Lexed, Scale, TokenKind, lex_line};
use crate::split::{Atom, possible_counts};
use crate::vocab::{Vocab, norm_word};

/// A line's numeric run: atoms and the token range they come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub atoms: Vec<Atom>,
    /// Token index of the first and one past the last token of the run.
    pub tokens: (usize, usize),
    /// A status among the numbers (`2 000 2 097 4K-2024 986 1 083 -97`, `- - LØPENDE
    /// 1 446 …`): the atom it stands before and its byte span in the line.
    pub mid: Option<Mid>,
}

/// A status cell between a row's numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mid {
    /// Index of the first atom after the status.
    pub at: usize,
    pub start: u32,
    pub end: u32,
    /// The status is a completion quarter (`4K-2024`).
    pub quarter: bool,
}

/// One line of the document, described for table assembly.
#[derive(Debug, Clone)]
pub struct LineInfo {
    /// 1-based line number.
    pub no: usize,
    /// Byte offset of the line in the document.
    pub offset: usize,
    pub lexed: Lexed,
    /// The numeric run that most likely holds the row's cells.
    pub run: Option<Run>,
    /// The run joined with its neighbour across one to three words it does not know as
    /// a status (`2 000 1 021 Avklares 1 000 1 021 -21`): the row's reading where its
    /// table has a completion or status column among the numbers.
    pub loose: Option<Run>,
    /// Words before the run (or all words when there is no run).
    pub label_words: usize,
    /// Words after the run.
    pub after_words: usize,
    /// Bitset of how many numbers the run can be read as.
    pub counts: u64,
    /// A unit phrase on the line.
    pub unit: Option<Scale>,
    /// The line holds nothing but separators (or nothing).
    pub blank: bool,
    /// The line is exactly one separator: a page break, or an empty first cell.
    pub lone_space: bool,
    /// Number of words that are header vocabulary (column kinds, qualifiers, years).
    pub header_words: usize,
    /// Number of words that name a column kind.
    pub kind_words: usize,
    /// Words of a sentence that no header uses (`er`, `som`).
    pub sentence_words: usize,
    /// Total number of word tokens.
    pub words: usize,
    /// Length in characters.
    pub chars: usize,
}

impl LineInfo {
    pub fn is_footer(&self) -> bool {
        self.lexed.footer
    }
    /// Count of atoms in the run.
    pub fn atoms(&self) -> usize {
        self.run.as_ref().map_or(0, |r| r.atoms.len())
    }
    /// The largest count of numbers the run can be read as.
    pub fn max_numbers(&self) -> usize {
        if self.counts == 0 {
            0
        } else {
            63 - self.counts.leading_zeros() as usize
        }
    }
    /// The smallest count of numbers the run can be read as.
    pub fn min_numbers(&self) -> usize {
        if self.counts == 0 {
            0
        } else {
            self.counts.trailing_zeros() as usize
        }
    }
    /// Only one count of numbers is possible.
    pub fn forced_count(&self) -> Option<usize> {
        (self.counts != 0 && self.counts.is_power_of_two()).then(|| self.min_numbers())
    }
    /// Numbers and nothing else (no words).
    pub fn numbers_only(&self) -> bool {
        self.run.is_some() && self.words == 0
    }
    /// A text line: words and no run.
    pub fn text_only(&self) -> bool {
        self.run.is_none() && self.words > 0
    }
    /// Reads like a sentence of prose rather than a table fragment.
    pub fn is_prose(&self, text: &str) -> bool {
        let t = text.trim_end();
        // A header line may end in an abbreviation (`Påløpt totalt  Est.`).
        self.words >= 9 && self.chars >= 55 && self.header_words * 2 < self.words
            // A long line with a verb or conjunction no header uses.
            || self.words >= 9 && self.chars >= 60 && self.sentence_words > 0
            // A sentence, however many header words it uses (`Tabellen viser legemeldt og
            // egenmeldt sykefravær i prosent av avtalte dagsverk.`).
            || self.words >= 8 && self.chars >= 50 && t.ends_with('.')
            || (self.words >= 6
                && (t.ends_with('.') || t.ends_with(':'))
                && self.chars >= 40
                && !self.is_header_like())
    }
    /// A numbered section heading (`4. Tjenester`, `6.2 Status for tiltak`): a section
    /// number, then a short text that starts with a capital and ends in no full stop.
    pub fn is_section_heading(&self, text: &str) -> bool {
        let t = text.trim();
        let mut words = t.split_whitespace();
        let Some(number) = words.next() else {
            return false;
        };
        let numbered = number.starts_with(|c: char| c.is_ascii_digit())
            && number.chars().all(|c| c.is_ascii_digit() || c == '.')
            && number.contains('.')
            && !number.contains("..")
            && number.len() <= 8;
        let capital = words
            .next()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase);
        numbered
            && capital
            && self.atoms() <= 1
            && (2..=10).contains(&self.words)
            && !t.ends_with('.')
            && !t.ends_with(':')
    }
    /// Reads like a table header fragment.
    pub fn is_header_like(&self) -> bool {
        self.words > 0 && self.kind_words > 0 && self.header_words * 2 >= self.words
    }
    /// A row candidate that can seed a table: two or more numbers, no prose after them.
    pub fn is_strong_row(&self) -> bool {
        let groups = self
            .run
            .as_ref()
            .map_or(0, |r| r.atoms.iter().filter(|a| a.group.is_some()).count());
        // A status among the numbers marks a row, whatever comment follows it.
        let mid = self.run.as_ref().is_some_and(|r| r.mid.is_some());
        self.max_numbers() >= 2 && groups >= 2 && (self.after_words <= 2 || mid)
    }
}

/// Split text into lines: byte ranges of their content (without `\n` or `\r\n`).
pub fn line_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            let end = if i > start && bytes[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            out.push((start, end));
            start = i + 1;
        }
    }
    if start < text.len() {
        let end = if text.ends_with('\r') {
            text.len() - 1
        } else {
            text.len()
        };
        out.push((start, end));
    }
    out
}

/// Describe one line.
pub fn describe(no: usize, offset: usize, line: &str, vocab: &Vocab) -> LineInfo {
    describe_lexed(no, offset, line, lex_line(line), vocab)
}

/// Describe one line that is already lexed.
pub fn describe_lexed(
    no: usize,
    offset: usize,
    line: &str,
    lexed: Lexed,
    vocab: &Vocab,
) -> LineInfo {
    let toks = &lexed.tokens;
    // Build runs: maximal sequences of groups, dashes and percent marks.
    let mut runs: Vec<Run> = Vec::new();
    let mut cur: Option<Run> = None;
    let mut pending_gap: (u32, bool) = (0, false);
    let mut pending_minus: Option<usize> = None;
    let mut pending_glued = false;
    for (ti, t) in toks.iter().enumerate() {
        match t.kind {
            TokenKind::Gap { chars, plain } => {
                // Spaces at the start of a line stand for empty cells before the first
                // number, one each (pdftotext's way): count them as after a label.
                pending_gap = if ti == 0 {
                    (chars + 1, false)
                } else {
                    (chars, plain)
                };
                pending_glued = plain && matches!(t.text(line), "\u{A0}" | "\u{202F}");
            }
            TokenKind::Group(g) => {
                let run = cur.get_or_insert_with(|| Run {
                    atoms: Vec::new(),
                    tokens: (ti, ti),
                    mid: None,
                });
                let mut group = g;
                let mut start = t.start;
                let mut gap = pending_gap;
                // `- 1,9 %`: a dash spaced off a number with decimals is its minus, but
                // an en dash between two numbers is a range (`0,5 – 1,75 %`).
                if let Some(di) = pending_minus.take() {
                    let dash = run
                        .atoms
                        .get(di)
                        .map(|a| line.get(a.start as usize..a.end as usize));
                    let after_number = di > 0 && run.atoms[di - 1].group.is_some();
                    let range = after_number && dash == Some(Some("\u{2013}"));
                    if g.minus.is_none() && g.decimals.is_some() && gap.1 && !range {
                        if let Some(last) = run.atoms.pop() {
                            group.minus = Some(crate::lex::MinusKind::Hyphen);
                            start = last.start;
                            gap = (last.gap_before, last.plain_before);
                        }
                    }
                }
                run.atoms.push(Atom {
                    group: Some(group),
                    percent: false,
                    gap_before: gap.0,
                    plain_before: gap.1,
                    glued: pending_glued,
                    start,
                    end: t.end,
                });
                pending_glued = false;
                run.tokens.1 = ti + 1;
                pending_gap = (0, false);
            }
            TokenKind::Dash => {
                let run = cur.get_or_insert_with(|| Run {
                    atoms: Vec::new(),
                    tokens: (ti, ti),
                    mid: None,
                });
                run.atoms.push(Atom {
                    group: None,
                    percent: false,
                    gap_before: pending_gap.0,
                    plain_before: pending_gap.1,
                    glued: false,
                    start: t.start,
                    end: t.end,
                });
                pending_minus = Some(run.atoms.len() - 1);
                run.tokens.1 = ti + 1;
                pending_gap = (0, false);
            }
            TokenKind::Percent => {
                if let Some(run) = cur.as_mut() {
                    if let Some(last) = run.atoms.last_mut() {
                        if last.group.is_some() && !last.percent && pending_gap.0 <= 1 {
                            last.percent = true;
                            last.end = t.end;
                            run.tokens.1 = ti + 1;
                            pending_gap = (0, false);
                            continue;
                        }
                    }
                }
                if let Some(r) = cur.take() {
                    runs.push(r);
                }
                pending_gap = (0, false);
            }
            TokenKind::Word | TokenKind::Quarter | TokenKind::Unit(_) => {
                if let Some(r) = cur.take() {
                    runs.push(r);
                }
                pending_minus = None;
                pending_gap = (0, false);
            }
        }
        if !matches!(t.kind, TokenKind::Dash | TokenKind::Gap { .. }) {
            pending_minus = None;
        }
    }
    if let Some(r) = cur.take() {
        runs.push(r);
    }
    let mut runs = join_at_status(runs, toks, line, vocab);
    // The row's run: the one with most atoms; on a tie, the later one.
    let mut best_at: Option<usize> = None;
    for (k, r) in runs.iter().enumerate() {
        if best_at.is_none_or(|b| r.atoms.len() >= runs[b].atoms.len()) {
            best_at = Some(k);
        }
    }
    let loose = best_at.and_then(|b| loose_join(&runs, b, toks));
    let mut best: Option<Run> = best_at.map(|b| runs.swap_remove(b));
    // A run of lone dashes is no row (`- -` in prose), unless it ends a labelled line
    // with two or more: `Utlån av egne midler - -`, a row of nil cells.
    if best.as_ref().is_some_and(|r| {
        let labelled = toks[..r.tokens.0].iter().any(|t| t.kind == TokenKind::Word);
        let ends = toks[r.tokens.1..].iter().all(|t| t.is_gap());
        r.atoms.iter().all(|a| a.group.is_none()) && !(r.atoms.len() >= 2 && labelled && ends)
    }) {
        best = None;
    }
    // A project code before the project's name (`10045 Rehabilitering Nordvik`): one
    // integer of four to six digits, printed without grouping, that starts the line and
    // is followed by a capitalised word that is no status, with no other number on the
    // line. It is part of the label, not a cell.
    if runs.is_empty() {
        if let Some(r) = &best {
            let first_tok = toks.iter().position(|t| !t.is_gap());
            let next_word = toks[r.tokens.1..].iter().find(|t| !t.is_gap());
            let code = matches!(r.atoms.as_slice(), [a] if a.group.is_some_and(|g| {
                g.minus.is_none() && g.decimals.is_none() && (4..=6).contains(&g.digit_count())
            }) && !a.percent);
            let named = next_word.is_some_and(|t| {
                let w = t.text(line);
                t.kind == TokenKind::Word
                    && w.chars().next().is_some_and(char::is_uppercase)
                    && vocab.match_status(&crate::vocab::phrase_words(w)).is_none()
            });
            let year = line
                .get(r.atoms[0].start as usize..r.atoms[0].end as usize)
                .is_some_and(is_year);
            if code && named && first_tok == Some(r.tokens.0) && !year {
                best = None;
            }
        }
    }
    let mut words = 0;
    let mut label_words = 0;
    let mut after_words = 0;
    let mut header_words = 0;
    let mut kind_words = 0;
    let mut sentence_words = 0;
    let mut unit = None;
    for (ti, t) in toks.iter().enumerate() {
        match t.kind {
            TokenKind::Word | TokenKind::Quarter => {
                words += 1;
                match &best {
                    Some(r) if ti >= r.tokens.1 => after_words += 1,
                    Some(r) if ti < r.tokens.0 => label_words += 1,
                    None => label_words += 1,
                    _ => {}
                }
                let w = t.text(line);
                if vocab.is_sentence_word(w) {
                    sentence_words += 1;
                }
                if vocab.kind_of(w).is_some() {
                    kind_words += 1;
                    header_words += 1;
                } else if vocab.is_qualifier(w)
                    || vocab.is_modifier(w)
                    || vocab.is_label_header(w)
                    || is_year(w)
                    || is_date(w)
                {
                    header_words += 1;
                }
            }
            TokenKind::Unit(s) => {
                // A unit line (`Beløp i 1000`) or a sentence that states the unit
                // (`Tall er angitt i 1000.`), not an amount in prose (`200 tusen kroner`).
                let prev_word = toks[..ti].iter().rev().find(|p| !p.is_gap());
                let others = toks.iter().filter(|p| p.is_word()).count();
                let lead = t.text(line).trim_start_matches('(').to_lowercase();
                // `tusen kroner` / `millioner kroner` also wrap onto a line of prose.
                let bare_scale = lead.starts_with("tusen") || lead.starts_with("mill");
                // A unit in parentheses after a title states it (`Fond (hele kroner)`), and
                // so does one that ends a short title (`Fond i 1000 kr`).
                let bracketed = t.text(line).starts_with('(');
                let ends_title = others <= 3 && toks[ti + 1..].iter().all(|p| p.is_gap());
                let states = bracketed
                    || ends_title
                    || match prev_word {
                        // A bare `tusen kroner` line is a unit line; `millioner kroner.` ends
                        // a sentence.
                        None => !bare_scale || (others == 0 && !line.trim_end().ends_with('.')),
                        Some(p) => p.is_word() && p.text(line).ends_with(['.', ',', ':']),
                    };
                if states {
                    unit = Some(s);
                }
            }
            _ => {}
        }
    }
    let counts = best.as_ref().map_or(0, |r| possible_counts(line, &r.atoms));
    let blank = toks.iter().all(|t| t.is_gap());
    LineInfo {
        no,
        offset,
        lone_space: line == " " || line == "\u{A0}",
        run: best,
        loose,
        label_words,
        after_words,
        counts,
        unit,
        blank: blank && !lexed.footer,
        header_words,
        kind_words,
        sentence_words,
        words,
        chars: line.chars().count(),
        lexed,
    }
}

/// Join two runs that a status separates (`2 000 2 097 4K-2024 986 1 083 -97`): a
/// completion quarter or a status value (`Ferdig`, `LØPENDE`) with numbers on both
/// sides is a cell of the row, not the end of its numbers. The first atom after the
/// status never continues a number before it.
fn join_at_status(
    runs: Vec<Run>,
    toks: &[crate::lex::Token],
    line: &str,
    vocab: &Vocab,
) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    for r in runs {
        let Some(prev) = out.last_mut() else {
            out.push(r);
            continue;
        };
        let between: Vec<&crate::lex::Token> = toks[prev.tokens.1..r.tokens.0]
            .iter()
            .filter(|t| !t.is_gap())
            .collect();
        let quarter = matches!(between.as_slice(), [q] if q.kind == TokenKind::Quarter);
        let status = match between.as_slice() {
            _ if quarter => true,
            words
                if !words.is_empty()
                    && words.len() <= 4
                    && words.iter().all(|t| t.kind == TokenKind::Word) =>
            {
                let norm: Vec<String> = words.iter().map(|t| norm_word(t.text(line))).collect();
                vocab
                    .match_status(&norm)
                    .is_some_and(|(_, n)| n == norm.len())
            }
            _ => false,
        };
        // Cells after the status (three in a project row: budget, accounts, deviation),
        // not a year or an amount that starts a comment (`Ferdig 1 200 brukere …`).
        let numbers_after = r.atoms.len() >= 3 && r.atoms.iter().any(|a| a.group.is_some());
        if !status || prev.mid.is_some() || !numbers_after {
            out.push(r);
            continue;
        }
        let (Some(first), Some(last)) = (between.first(), between.last()) else {
            out.push(r);
            continue;
        };
        let at = prev.atoms.len();
        prev.mid = Some(Mid {
            at,
            start: first.start,
            end: last.end,
            quarter,
        });
        prev.atoms.extend(r.atoms);
        if let Some(a) = prev.atoms.get_mut(at) {
            a.gap_before = 1;
            a.plain_before = false;
            a.glued = false;
        }
        prev.tokens.1 = r.tokens.1;
    }
    out
}

/// The run `b` joined with the run before it (or else after it) across one to three
/// words, the words read as a cell among the numbers. Both runs must hold a number.
fn loose_join(runs: &[Run], b: usize, toks: &[crate::lex::Token]) -> Option<Run> {
    let words_between = |p: &Run, n: &Run| -> Option<(u32, u32)> {
        let between: Vec<&crate::lex::Token> = toks[p.tokens.1..n.tokens.0]
            .iter()
            .filter(|t| !t.is_gap())
            .collect();
        let ok =
            (1..=3).contains(&between.len()) && between.iter().all(|t| t.kind == TokenKind::Word);
        let has_number = |r: &Run| r.atoms.iter().any(|a| a.group.is_some());
        (ok && p.mid.is_none() && n.mid.is_none() && has_number(p) && has_number(n))
            .then(|| (between[0].start, between[between.len() - 1].end))
    };
    let join = |p: &Run, n: &Run, (start, end): (u32, u32)| {
        let mut r = p.clone();
        let at = r.atoms.len();
        r.mid = Some(Mid {
            at,
            start,
            end,
            quarter: false,
        });
        r.atoms.extend(n.atoms.iter().copied());
        if let Some(a) = r.atoms.get_mut(at) {
            a.gap_before = 1;
            a.plain_before = false;
            a.glued = false;
        }
        r.tokens.1 = n.tokens.1;
        r
    };
    let cur = &runs[b];
    if let Some(p) = b.checked_sub(1).map(|k| &runs[k]) {
        if let Some(span) = words_between(p, cur) {
            return Some(join(p, cur, span));
        }
    }
    let n = runs.get(b + 1)?;
    words_between(cur, n).map(|span| join(cur, n, span))
}

/// A date with a four-digit year (`31.12.2024`, `1.1.2024`).
pub fn is_date(w: &str) -> bool {
    let w = norm_word(w);
    let mut parts = w.split('.');
    let (Some(d), Some(m), Some(y), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let small = |p: &str| (1..=2).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit());
    small(d) && small(m) && is_year(y)
}

/// A four-digit year between 1990 and 2099.
pub fn is_year(w: &str) -> bool {
    let w = norm_word(w);
    w.len() == 4
        && w.chars().all(|c| c.is_ascii_digit())
        && (w.starts_with("19") || w.starts_with("20"))
}

/// The year a line starts with, when it reads as a row label (`2023 74,5 % 4 528 …`):
/// a plain four-digit year first on the line, followed by at least one number that is
/// not a year.
fn leading_year(info: &LineInfo, line: &str) -> Option<u32> {
    let run = info.run.as_ref()?;
    if info.label_words > 0 || info.after_words > 2 || run.atoms.len() < 2 {
        return None;
    }
    // Nothing but at most one space before the year.
    let lead = &info.lexed.tokens[..run.tokens.0];
    if lead.len() > 1
        || lead.iter().any(|t| !t.is_gap())
        || line.len() - line.trim_start().len() > 1
    {
        return None;
    }
    let first = &run.atoms[0];
    let g = first.group?;
    if g.minus.is_some() || g.decimals.is_some() || first.percent {
        return None;
    }
    let text = line.get(g.digits.0 as usize..g.digits.1 as usize)?;
    if !is_year(text) {
        return None;
    }
    let others_all_years = run.atoms[1..].iter().all(|a| {
        a.group.is_some_and(|g| {
            g.decimals.is_none()
                && !a.percent
                && line
                    .get(g.digits.0 as usize..g.digits.1 as usize)
                    .is_some_and(is_year)
        })
    });
    if others_all_years {
        return None;
    }
    text.parse().ok()
}

/// Rows labelled by a year (`2023 74,5 % 4 528 25,5 % 1 359` / `2022 …` / `2021 …`):
/// a block of two or more lines close together, each starting with a year, the years
/// distinct and close (a time series). The year is moved out of the numeric run into
/// the label, so that it is not read as a cell. A four-digit group can never continue a
/// space-grouped number, so the year is unambiguous once the block is recognised.
pub fn year_labels(infos: &mut [LineInfo], text: &str, ranges: &[(usize, usize)]) {
    let line = |i: usize| text.get(ranges[i].0..ranges[i].1).unwrap_or("");
    let mut i = 0;
    while i < infos.len() {
        let Some(y) = leading_year(&infos[i], line(i)) else {
            i += 1;
            continue;
        };
        let mut block = vec![(i, y)];
        let mut j = i + 1;
        let mut gap = 0;
        while j < infos.len() && gap <= 2 {
            if let Some(y) = leading_year(&infos[j], line(j)) {
                block.push((j, y));
                gap = 0;
            } else if infos[j].blank || infos[j].lone_space {
                gap += 1;
            } else {
                break;
            }
            j += 1;
        }
        let mut years: Vec<u32> = block.iter().map(|b| b.1).collect();
        years.sort_unstable();
        years.dedup();
        let n = block.len() as u32;
        let series = block.len() >= 2
            && years.len() == block.len()
            && years[years.len() - 1] - years[0] <= 2 * (n - 1);
        if series {
            for &(k, _) in &block {
                let l = line(k);
                let info = &mut infos[k];
                if let Some(run) = info.run.as_mut() {
                    run.atoms.remove(0);
                    let start = run.atoms[0].start;
                    run.tokens.0 = info
                        .lexed
                        .tokens
                        .iter()
                        .position(|t| t.start >= start)
                        .unwrap_or(run.tokens.0);
                    info.counts = possible_counts(l, &run.atoms);
                    // The year is the row's label now.
                    info.label_words += 1;
                    info.words += 1;
                }
            }
        }
        i = j.max(i + 1);
    }
}

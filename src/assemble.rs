//! Table assembly: find tables in the line stream and rebuild their rows and cells.
//!
//! A table is seeded by lines that hold two or more numbers; neighbouring rows join it
//! across blank lines, page breaks, footers, repeated headers and wrapped labels until
//! prose or a new unit line ends it. Its header is the block of header-like lines above
//! the first row. The column count comes from the rows whose digit groups allow only
//! one reading; the header words are fitted to it ([`crate::header`]), and every row's
//! digit groups are split into that many cells ([`crate::split`]) with the relations the
//! column kinds imply.

use crate::header::{self, Header};
use crate::layout::{LineInfo, Run, describe_lexed, is_year, line_ranges};
use crate::lex::{Scale, TokenKind};
use crate::meaning;
use crate::model::{Cell, Column, ColumnKind, Document, Row, RowKind, Table, TableKind};
use crate::split::{self, Atom, Options, Relation};
use crate::status_table;
use crate::vocab::{LabelClass, Vocab};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// How far above a table's first row its header may start.
const HEADER_REACH: usize = 30;
/// How many lines without a row a table may span before it ends.
const ROW_GAP: usize = 24;
/// The same, in a table whose rows carry a status among their numbers and a comment
/// that may run over many lines.
const COMMENT_GAP: usize = 200;

/// Read a whole document.
pub fn read_document(path: &str, text: String, vocab: &Vocab) -> Document {
    let ranges = line_ranges(&text);
    let mut lexed = crate::lex::lex_document(&text);
    if lexed.len() != ranges.len() {
        // Both split at LF; a difference would be a bug, so lex line by line instead.
        lexed = ranges
            .iter()
            .map(|&(s, e)| crate::lex::lex_line(text.get(s..e).unwrap_or("")))
            .collect();
    }
    let mut infos: Vec<LineInfo> = ranges
        .iter()
        .zip(lexed)
        .enumerate()
        .map(|(i, (&(s, e), lx))| describe_lexed(i + 1, s, text.get(s..e).unwrap_or(""), lx, vocab))
        .collect();
    crate::layout::year_labels(&mut infos, &text, &ranges);
    let ctx = Ctx {
        text: &text,
        ranges: &ranges,
        infos: &infos,
        vocab,
        noise: noise_lines(&text, &ranges, &infos),
    };
    let mut claimed = vec![false; infos.len()];
    let mut tables = Vec::new();
    for t in status_table::find(&ctx) {
        for l in t.first_line..=t.last_line {
            claimed[l - 1] = true;
        }
        tables.push(t);
    }
    let mut i = 0;
    while i < infos.len() {
        let commented = !claimed[i] && ctx.seeds_commented(i, &claimed);
        if claimed[i] || !(ctx.seeds_table(i) || commented) {
            i += 1;
            continue;
        }
        let (last, rows) = ctx.extend(i, &claimed, commented);
        if rows >= 2 || ctx.header_above(i, &claimed).is_some() {
            // The table just above, which this one may go on after a page break.
            let prior = tables.last().filter(|p: &&Table| {
                p.kind == TableKind::Numeric && p.last_line < i + 1 && i + 1 - p.last_line <= 40
            });
            if let Some(t) = ctx.build(i, last, &claimed, prior) {
                for l in t.first_line..=t.last_line {
                    claimed[l - 1] = true;
                }
                tables.push(t);
            }
        }
        i = last + 1;
    }
    tables.sort_by_key(|t| t.first_line);
    inherit_headers(&mut tables, &ctx);
    let tables = join_repeated_headers(tables, &ctx);
    let outside_lines = infos
        .iter()
        .enumerate()
        .filter(|(i, info)| !claimed[*i] && ctx.row_like(*i) && info.is_strong_row())
        .map(|(_, info)| info.no)
        .collect();
    drop(ctx);
    let claims = crate::claims::read(&text, &ranges, &tables, vocab);
    Document {
        path: path.to_string(),
        text,
        lines: ranges,
        tables,
        outside_lines,
        claims,
    }
}

/// A page footer or a bare page number between two tables.
fn page_break_between(prev: &Table, next: &Table, ctx: &Ctx<'_>) -> bool {
    // From the line after the first table's last row: a bare page number (`4`) under it
    // may have been taken into that table's lines.
    let after_rows = prev
        .rows
        .iter()
        .map(|r| r.line)
        .max()
        .unwrap_or(prev.last_line)
        .min(prev.last_line);
    (after_rows..next.first_line.saturating_sub(1)).any(|l| {
        ctx.infos.get(l).is_some_and(|x| x.is_footer())
            || ctx.noise.get(l) == Some(&true)
            || l < ctx.infos.len() && ctx.bare_page_number(l)
    })
}

/// A numbered section heading (`4. Tjenester`) on a line after line `after` and before
/// line `before` (1-based).
fn section_between(after: usize, before: usize, ctx: &Ctx<'_>) -> bool {
    (after..before.saturating_sub(1)).any(|l| {
        ctx.infos
            .get(l)
            .is_some_and(|x| x.is_section_heading(ctx.line(l)))
    })
}

/// A table that goes on after a page break under its header repeated: two tables with
/// the same column names, the first not closed by a total, and nothing between them but
/// blank lines and page furniture (`Side 4 av 62`), are one table.
fn join_repeated_headers(tables: Vec<Table>, ctx: &Ctx<'_>) -> Vec<Table> {
    const REACH: usize = 40;
    let mut out: Vec<Table> = Vec::with_capacity(tables.len());
    for t in tables {
        let joins = out.last().is_some_and(|prev| {
            let names = |t: &Table| -> Vec<String> {
                t.columns.iter().map(|c| c.name.clone()).collect()
            };
            let closed = prev
                .rows
                .iter()
                .rev()
                .find(|r| !r.cells.is_empty())
                .is_none_or(|r| {
                    // A group's subtotal (`Sum oppvekst`) right before the break closes
                    // the group, not the table: the grand total comes after the break.
                    matches!(r.kind, RowKind::Total | RowKind::UnlabelledTotal)
                        || r.kind == RowKind::Subtotal && !page_break_between(prev, &t, ctx)
                });
            let Some(first_row) = t.rows.iter().map(|r| r.line).min() else {
                return false;
            };
            t.kind == TableKind::Numeric
                && prev.kind == TableKind::Numeric
                && !closed
                && names(prev) == names(&t)
                && prev.columns.iter().any(|c| c.kind != ColumnKind::Ukjent)
                && t.first_line > prev.last_line
                && t.first_line - prev.last_line <= REACH
                // Between the two tables: only blank lines and page furniture (a
                // running header next to a page footer counts, even where it is seen once).
                && (prev.last_line..t.first_line.saturating_sub(1)).all(|l| {
                    let info = &ctx.infos[l];
                    let near_footer = (l.saturating_sub(3)..(l + 4).min(ctx.infos.len()))
                        .any(|k| ctx.infos[k].is_footer());
                    info.blank
                        || ctx.noise[l]
                        || info.is_footer()
                        || near_footer && !ctx.row_like(l) && !info.is_prose(ctx.line(l))
                })
                && !section_between(prev.last_line, first_row, ctx)
                // Above the rows of the second: only its header.
                && (t.first_line..first_row)
                    .all(|n| ctx.infos[n - 1].blank || ctx.infos[n - 1].run.is_none() || ctx.year_run(n - 1))
        });
        match out.last_mut() {
            Some(prev) if joins => {
                prev.last_line = t.last_line;
                prev.rows.extend(t.rows);
                prev.unread_lines.extend(t.unread_lines);
            }
            _ => out.push(t),
        }
    }
    out
}

/// A table that goes on after a page break often does not repeat its header: a table
/// with no header of its own, right after one with the same number of numeric columns
/// and nothing but page furniture, headings and labels between, takes that table's
/// columns, unit and title.
fn inherit_headers(tables: &mut [Table], ctx: &Ctx<'_>) {
    const REACH: usize = 40;
    for k in 1..tables.len() {
        let (done, rest) = tables.split_at_mut(k);
        let prev = &done[k - 1];
        let t = &mut rest[0];
        let numeric = |t: &Table| t.columns.iter().filter(|c| !c.kind.is_text()).count();
        let headerless = t
            .columns
            .iter()
            .all(|c| c.kind == ColumnKind::Ukjent || c.kind.is_text());
        if t.kind != TableKind::Numeric
            || prev.kind != TableKind::Numeric
            || !headerless
            || numeric(t) != numeric(prev)
            || prev.columns.iter().all(|c| c.kind == ColumnKind::Ukjent)
            || t.first_line < prev.last_line
            || t.first_line - prev.last_line > REACH
        {
            continue;
        }
        // Only page furniture, blank lines and text between the two; a numbered section
        // heading (`4. Tjenester`) starts a new part of the report, not a new page.
        let first_row = t.rows.iter().map(|r| r.line).min().unwrap_or(t.first_line);
        let between_prose = (prev.last_line..t.first_line.saturating_sub(1))
            .any(|l| ctx.infos[l].is_prose(ctx.line(l)) && !ctx.noise[l]);
        if between_prose || section_between(prev.last_line, first_row, ctx) {
            continue;
        }
        let n = numeric(t);
        let mut columns: Vec<Column> = prev.columns[..n].to_vec();
        columns.extend(t.columns[n..].iter().cloned());
        // Text columns the earlier table named and this one found too.
        for (i, c) in prev.columns.iter().enumerate().skip(n) {
            if let Some(mine) = columns.get_mut(i) {
                if mine.kind == c.kind {
                    *mine = c.clone();
                }
            }
        }
        t.columns = columns;
        if t.unit.is_none() {
            t.unit = prev.unit;
        }
        if t.title.is_none() {
            t.title = prev.title.clone();
        }
    }
}

/// Lines that repeat on many pages (running headers and footers) and footers.
fn noise_lines(text: &str, ranges: &[(usize, usize)], infos: &[LineInfo]) -> Vec<bool> {
    // A running header or footer sits next to a page boundary: a footer line, or the
    // first line of a page (pdftotext starts it with one space).
    let page_edge: Vec<bool> = ranges
        .iter()
        .enumerate()
        .map(|(i, &(s, e))| {
            let t = text.get(s..e).unwrap_or("");
            infos[i].is_footer() || (t.starts_with(' ') && !t.starts_with("  ") && !infos[i].blank)
        })
        .collect();
    let near_edge = |i: usize| {
        let lo = i.saturating_sub(3);
        let hi = (i + 4).min(ranges.len());
        page_edge[lo..hi].iter().any(|&b| b)
    };
    // The line right above a page footer (`Side 79 av 139`), with only blank lines
    // between: the footer's own first line when it repeats (`Månedsrapport April-2025`).
    let above_footer = |i: usize| {
        (i + 1..(i + 5).min(ranges.len()))
            .find(|&k| !infos[k].blank)
            .is_some_and(|k| infos[k].is_footer())
    };
    // Footer lines seen once, standing after an empty line: see each case below.
    let footer_title = |i: usize| {
        let blank_after = infos.get(i + 1).is_none_or(|n| n.blank);
        let next_footer = infos.get(i + 1).is_some_and(|n| n.is_footer());
        if i == 0 || !infos[i - 1].blank || !(blank_after || next_footer) || infos[i].blank {
            return false;
        }
        let t = text.get(ranges[i].0..ranges[i].1).unwrap_or("").trim();
        let tokens: Vec<&str> = t.split_whitespace().collect();
        let numeric = |w: &&str| w.bytes().all(|b| b.is_ascii_digit());
        let named = |w: &&str| {
            matches!(*w, "–" | "—" | "|")
                || w.to_lowercase().trim_end_matches('s').ends_with("kommune")
        };
        // A footer that names the report and ends in the page number, alone between
        // empty lines (`Nordvik kommune – Årsmelding 2024 23`): a dash or the word
        // `kommune` among its words, a year and then a page number.
        let page_after_name = (4..=10).contains(&tokens.len())
            && tokens.iter().any(named)
            && is_year(tokens[tokens.len() - 2])
            && tokens
                .last()
                .is_some_and(|w| numeric(w) && (1..=3).contains(&w.len()))
            && tokens[..tokens.len() - 2].iter().all(|w| !numeric(w));
        if blank_after && page_after_name {
            return true;
        }
        // A running header seen once at the top of a page (` ` / `Månedsrapport mai
        // 2025`): right after the line of one space that starts a page, short, its only
        // number the year at its end.
        let page_start = (i.saturating_sub(3)..i)
            .rev()
            .find(|&k| !infos[k].blank || infos[k].lone_space)
            .is_some_and(|k| infos[k].lone_space);
        if page_start
            && blank_after
            && (2..=5).contains(&tokens.len())
            && tokens.last().is_some_and(|w| is_year(w))
            && tokens[..tokens.len() - 1]
                .iter()
                .all(|w| !w.chars().any(|c| c.is_ascii_digit()))
            && infos[i].header_words <= 1
            && infos[i].kind_words == 0
        {
            return true;
        }
        // The first line of a footer (`Tertialrapport 2 2025` over `Side 12 av 48`): a
        // short line of words ending in a year, right above the footer, whose other
        // numbers are small (a tertial, a month).
        next_footer
            && (2..=6).contains(&tokens.len())
            && tokens.iter().any(|w| !numeric(w))
            && tokens.last().is_some_and(|w| is_year(w))
            && tokens
                .iter()
                .filter(|w| numeric(w))
                .all(|w| w.len() <= 2 || is_year(w))
            && tokens.iter().filter(|w| is_year(w)).count() == 1
    };
    // Per short line text: how often it occurs, how often next to a page edge, and how
    // often right above a footer.
    let mut counts: HashMap<&str, (usize, usize, usize)> = HashMap::new();
    for (i, &(s, e)) in ranges.iter().enumerate() {
        let t = text.get(s..e).unwrap_or("").trim();
        if !t.is_empty() && t.chars().count() <= 60 && !infos[i].is_header_like() {
            let c = counts.entry(t).or_default();
            c.0 += 1;
            c.1 += usize::from(near_edge(i));
            c.2 += usize::from(above_footer(i));
        }
    }
    // A running header repeats on many pages and stands at a page edge nearly every
    // time; a task repeated in several status lists (where lines starting with one
    // space are empty statuses, not page starts) does not. A repeated line that stands
    // right above a footer every time is part of the footer.
    let running = |t: &str| {
        counts
            .get(t)
            .is_some_and(|&(n, edge, footer)| n >= 5 && edge * 5 >= n * 4 || n >= 2 && footer == n)
    };
    ranges
        .iter()
        .enumerate()
        .map(|(i, &(s, e))| {
            let t = text.get(s..e).unwrap_or("").trim();
            let info = &infos[i];
            info.is_footer()
                || footer_title(i)
                // A suppression line belongs to no table (and is no title).
                || crate::rules::suppress::parse(t).is_some()
                || (info.words >= 1
                    && info.header_words == 0
                    && info.run.is_none()
                    && running(t)
                    && info.unit.is_none()
                    && near_edge(i))
        })
        .collect()
}

pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub ranges: &'a [(usize, usize)],
    pub infos: &'a [LineInfo],
    pub vocab: &'a Vocab,
    pub noise: Vec<bool>,
}

impl Ctx<'_> {
    pub fn line(&self, i: usize) -> &str {
        self.ranges
            .get(i)
            .and_then(|&(s, e)| self.text.get(s..e))
            .unwrap_or("")
    }

    /// A run made only of years (`2025 2026 2027 2028`): a header, not a row.
    fn year_run(&self, i: usize) -> bool {
        let info = &self.infos[i];
        let line = self.line(i);
        info.run.as_ref().is_some_and(|r| {
            r.atoms.iter().all(|a| {
                a.group.is_some_and(|g| {
                    g.minus.is_none()
                        && g.decimals.is_none()
                        && !a.percent
                        && is_year(
                            line.get(g.digits.0 as usize..g.digits.1 as usize)
                                .unwrap_or(""),
                        )
                })
            })
        })
    }

    /// A line whose numbers could be a row: not prose, not a header, not noise.
    fn row_like(&self, i: usize) -> bool {
        let info = &self.infos[i];
        if info.run.is_none() || self.noise[i] || self.year_run(i) {
            return false;
        }
        let line = self.line(i);
        // A status after the numbers (`… 20 Ferdig Tiltaket er iverksatt.`) makes a row
        // of what would otherwise read as prose.
        let status =
            self.status_after(i).is_some() || info.run.as_ref().is_some_and(|r| r.mid.is_some());
        (status || info.after_words <= 2 && !info.is_prose(line))
            && !self.list_item(i)
            && !self.range(i)
            // `… arbeid 20 – 66 år.`: a sentence ends after the numbers.
            && !(info.after_words > 0 && line.trim_end().ends_with('.') && !status)
    }

    /// A status right after the numbers (`150 130 20 Ferdig Tiltaket er …`): the byte
    /// span of the status in the line.
    fn status_after(&self, i: usize) -> Option<(usize, usize)> {
        let info = &self.infos[i];
        let run = info.run.as_ref()?;
        let line = self.line(i);
        let words: Vec<&crate::lex::Token> = info.lexed.tokens[run.tokens.1..]
            .iter()
            .filter(|t| t.is_word())
            .collect();
        let first = words.first()?;
        // A completion quarter after the numbers (`… -620 2. kv. 2026 Arbeidet …`).
        if first.kind == TokenKind::Quarter {
            return Some((first.start as usize, first.end as usize));
        }
        if !first
            .text(line)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        {
            return None;
        }
        let norm: Vec<String> = words
            .iter()
            .map(|t| crate::vocab::norm_word(t.text(line)))
            .collect();
        let (_, n) = self.vocab.match_status(&norm)?;
        Some((first.start as usize, words[n - 1].end as usize))
    }

    /// A line that starts a page (one leading space) and begins the wrapped label of
    /// the next row: the text up to the next empty line, then that row's numbers
    /// (` Sørum legevakt - nye lokaler` / `Verkstedgården` / `` / `48 400 47 909 …`).
    fn label_after_page_break(&self, i: usize) -> bool {
        let line = self.line(i);
        if !line.starts_with(' ') || line.starts_with("  ") {
            return false;
        }
        let mut k = i + 1;
        while k < self.infos.len() && k < i + 4 && self.is_text(k) && !self.is_gap(k) {
            k += 1;
        }
        if k >= self.infos.len() || !self.infos[k].blank {
            return false;
        }
        (k + 1..(k + 3).min(self.infos.len()))
            .find(|&r| !self.is_gap(r))
            .is_some_and(|r| self.row_like(r) && self.infos[r].label_words == 0)
    }

    /// A wrapped label with a digit inside (`Legge ned 8 plasser` / `Melløs sykehjem`,
    /// `Avvikle basen i Eddaveien` / `15`): one small whole number, in a table of three
    /// or more columns.
    fn label_digit(&self, i: usize, count: usize) -> bool {
        let info = &self.infos[i];
        let Some(run) = info.run.as_ref() else {
            return false;
        };
        // The digit inside the label's line, or alone on the line that ends a wrapped
        // label, right under its text and with the row's numbers still to come.
        // Inside: the words after the digit go on with the label, and are no status
        // (`Økt husleie 200 Ikke startet …` is a row).
        let inside = info.label_words > 0 && info.after_words > 0 && self.status_after(i).is_none();
        let ends_label = info.words == 0
            && i > 0
            && self.is_text(i - 1)
            && !self.is_gap(i - 1)
            && self
                .next_line_below(i)
                .is_some_and(|k| self.row_like(k) && self.infos[k].atoms() >= 2);
        // The words and digit that end a wrapped label (`10060 Gang- og sykkelveg` /
        // `Fv 17`), above a line of the row's numbers with no label of its own.
        let ends_wrapped = info.label_words > 0
            && info.after_words == 0
            && i > 0
            && self.is_text(i - 1)
            && !self.is_gap(i - 1)
            && self.next_line_below(i).is_some_and(|k| {
                self.row_like(k) && self.infos[k].atoms() >= 2 && self.infos[k].label_words == 0
            });
        // A label broken after its digit, going on in lower case on the line of the
        // row's numbers (`10040 Omsorgsboliger Furulia, 12` / `leiligheter 41 300 …`).
        let goes_on_below = info.label_words > 0
            && info.after_words == 0
            && i + 1 < self.infos.len()
            && self.row_like(i + 1)
            && self.infos[i + 1].atoms() >= 2
            && self.infos[i + 1].label_words > 0
            && self
                .line(i + 1)
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
        // A label ending in a digit over the row's cells one per line, as many lines of
        // numbers as the table has columns (`P4498 … Fjordtun trinn 2` / `500 233` /
        // `244 480` / …): the cells are below, the digit is the label's.
        // The label may go on over a line or two first (`Solbakken 12` / `rekkehus`,
        // `… med 48` / `heldøgns plasser, Fjordtun trinn 2`).
        let below = (i + 1..(i + 3).min(self.infos.len()))
            .take_while(|&k| {
                let x = &self.infos[k];
                !self.is_gap(k)
                    && x.label_words > 0
                    && x.after_words == 0
                    && (x.run.is_none() || x.atoms() == 1)
            })
            .count();
        let cells_from = i + 1 + below;
        let over_stacked = info.label_words > 0
            && info.after_words == 0
            && (cells_from..(cells_from + count).min(self.infos.len()))
                .take_while(|&k| self.infos[k].numbers_only() && !self.noise[k])
                .count()
                >= count;
        // `Park på Sletta 12 - forskuttering av`: a dash after the digit is the label's.
        let dash_after = run.atoms.len() == 2 && run.atoms[1].group.is_none() && inside;
        count >= 3
            && (inside || ends_label || ends_wrapped || goes_on_below || over_stacked)
            && (run.atoms.len() == 1 || dash_after)
            && run.atoms[0]
                .group
                .is_some_and(|g| g.minus.is_none() && g.decimals.is_none() && g.digit_count() <= 3)
            && !run.atoms[0].percent
    }

    /// The first line after `i`, within three, that is no gap.
    fn next_line_below(&self, i: usize) -> Option<usize> {
        (i + 1..(i + 4).min(self.infos.len())).find(|&k| !self.is_gap(k))
    }

    /// True when line `i` starts the label of the row below: after a comment that ends
    /// a sentence, text lines (and a label's last digit) run to a line of numbers with
    /// no label of its own (`… i oktober.` / `10060 Gang- og sykkelveg` / `Fv 17` /
    /// `150 966 62 457 …`).
    fn label_of_next_row(&self, i: usize, count: usize, rows: &[Row]) -> bool {
        let ends_sentence = rows
            .last()
            .and_then(|r| r.cells.iter().rev().find(|c| c.value.is_none()))
            .is_some_and(|c| c.text.trim_end().ends_with(['.', '!']));
        if !ends_sentence {
            return false;
        }
        let mut k = i;
        while k < self.infos.len() && k < i + 5 {
            if !(self.is_gap(k) || self.is_text(k) || self.label_digit(k, count)) {
                let next = &self.infos[k];
                return self.row_like(k) && next.atoms() >= 2 && next.label_words == 0;
            }
            k += 1;
        }
        false
    }

    /// Two or more numbers, then text: a row with a comment after its cells.
    fn numbers_then_text(&self, i: usize) -> bool {
        let info = &self.infos[i];
        info.run
            .as_ref()
            .is_some_and(|r| r.atoms.iter().filter(|a| a.group.is_some()).count() >= 2)
            && info.after_words > 0
            && !self.noise[i]
            && !self.list_item(i)
            && !self.range(i)
    }

    /// A bulleted list item (`• 2026: …`, `o Måles …`), or a caption (`Tabell 4: …`).
    fn list_item(&self, i: usize) -> bool {
        let line = self.line(i);
        let mut words = line.split_whitespace();
        if let (Some(first), Some(second)) = (words.next(), words.next()) {
            let caption = matches!(
                first.to_lowercase().as_str(),
                "tabell" | "figur" | "graf" | "diagram" | "kilde:"
            );
            if caption
                && second
                    .trim_end_matches([':', '.'])
                    .chars()
                    .all(|c| c.is_ascii_digit())
            {
                return true;
            }
        }
        self.infos[i]
            .lexed
            .tokens
            .iter()
            .find(|t| !t.is_gap())
            .is_some_and(|t| {
                t.is_word() && matches!(t.text(line), "•" | "o" | "▪" | "·" | "-" | "–" | "*" | "")
            })
    }

    /// Numbers joined by a spaced en dash read as a range (`20 – 66`, `2024 – 30 %`).
    fn range(&self, i: usize) -> bool {
        let line = self.line(i);
        self.infos[i].run.as_ref().is_some_and(|r| {
            r.atoms.windows(3).any(|w| {
                w[0].group.is_some()
                    && w[2].group.is_some()
                    && w[1].group.is_none()
                    && line.get(w[1].start as usize..w[1].end as usize) == Some("\u{2013}")
            })
        })
    }

    fn seeds_table(&self, i: usize) -> bool {
        let info = &self.infos[i];
        self.row_like(i)
            && (info.is_strong_row()
                || info.max_numbers() >= 2 && self.status_after(i).is_some()
                || self.stacked_start(i))
    }

    /// The first cell of a row printed one cell per line (`Stab` / `15 030` / `14 211`
    /// / `819`): a line of one number that can be nothing else (`15 030`, since `030`
    /// is no number of its own), under the row's label, with a line of numbers only
    /// right under it.
    fn stacked_start(&self, i: usize) -> bool {
        let info = &self.infos[i];
        let next = i + 1;
        info.numbers_only()
            && info.forced_count() == Some(1)
            && i > 0
            && self.is_text(i - 1)
            && next < self.infos.len()
            && self.infos[next].numbers_only()
            && self.row_like(next)
    }

    /// Numbers followed by their comment, under a header that names a comment column
    /// after the numbers and a status among them (`Vedtatt totalt … Est. ferdig …
    /// Kommentar`): the first row of a commented table, even with its status missing.
    fn seeds_commented(&self, i: usize, claimed: &[bool]) -> bool {
        if !self.numbers_then_text(i) {
            return false;
        }
        let Some((_, lines)) = self.header_above(i, claimed) else {
            return false;
        };
        let words = self.words_of(&lines);
        let kinds: Vec<ColumnKind> = words
            .iter()
            .filter_map(|w| self.vocab.kind_of(w))
            .map(|k| ColumnKind::from_name(&self.vocab.kinds[k].name))
            .collect();
        if kinds.last() != Some(&ColumnKind::Beskrivelse) {
            return false;
        }
        // Or a header of amounts ending in a comment column (`Prosjekt Rev. budsjett
        // Regnskap Avvik Merknad`) over rows whose notes run long (`… 2 171 Avsluttes i
        // år`), where a plain row of that table follows further down.
        kinds.iter().any(|k| k.is_status_field())
            || kinds.iter().filter(|k| !k.is_text()).count() >= 2
                && self.plain_row_below(i, claimed)
    }

    /// Below line `i`, before a gap of more than [`ROW_GAP`] lines or prose: a row that
    /// seeds a table of its own (numbers with at most a short text after them).
    fn plain_row_below(&self, i: usize, claimed: &[bool]) -> bool {
        let mut last = i;
        for (j, &taken) in claimed.iter().enumerate().skip(i + 1) {
            if taken || j - last > ROW_GAP {
                return false;
            }
            if self.is_gap(j) {
                continue;
            }
            if self.seeds_table(j) {
                return true;
            }
            if !self.numbers_then_text(j) {
                return false;
            }
            last = j;
        }
        false
    }

    fn is_text(&self, i: usize) -> bool {
        let info = &self.infos[i];
        info.words > 0 && (info.run.is_none() || self.year_run(i))
    }

    fn is_gap(&self, i: usize) -> bool {
        self.infos[i].blank || self.noise[i]
    }

    /// Extend a table from its first row: returns the last row line and the row count.
    fn extend(&self, first: usize, claimed: &[bool], commented_table: bool) -> (usize, usize) {
        let mut last = first;
        let mut rows = 1;
        let mut j = first + 1;
        // Rows with a status among their numbers carry long comments: such a table may
        // run on over many lines of narrow comment text between two rows.
        let commented = |i: usize| self.infos[i].run.as_ref().is_some_and(|r| r.mid.is_some());
        let mut after_total = false;
        let mut last_total = false;
        let mut reach = if commented_table || commented(first) {
            COMMENT_GAP
        } else {
            ROW_GAP
        };
        // A header whose last column is a comment (`Prosjekt Rev. budsjett Regnskap
        // Avvik` / `Merknad`): numbers followed by a comment of any length are a row
        // (`Kulvert Elveveien 1 315 1 434 −119 Overført fra i fjor`).
        let comment_column = self.header_above(first, claimed).is_some_and(|(_, lines)| {
            let words = self.words_of(&lines);
            words
                .iter()
                .rev()
                .find_map(|w| self.vocab.kind_of(w))
                .is_some_and(|k| {
                    ColumnKind::from_name(&self.vocab.kinds[k].name) == ColumnKind::Beskrivelse
                })
        });
        while j < self.infos.len() && j - last <= reach {
            if claimed[j] {
                break;
            }
            let info = &self.infos[j];
            if self.is_gap(j) {
                j += 1;
                continue;
            }
            if info.unit.is_some() && info.run.is_none() {
                break;
            }
            // A caption starts the next table (`Tabell 4.2 Nøkkeltal økonomi`).
            if self.vocab.is_caption(self.line(j)) {
                break;
            }
            // A line of years alone under a total heads the next table.
            if last_total && self.year_run(j) && info.words == 0 && info.atoms() >= 2 {
                break;
            }
            // A header of years starts the next table; in a commented table one year in
            // a line of narrow comment text is just a year.
            let in_comment = reach == COMMENT_GAP && info.chars <= 70 && info.atoms() < 2;
            // A year that ends a wrapped label (`Asfaltering kommunale` / `veger 2025`)
            // heads nothing: one year, no column word, right under text.
            let label_year = info.atoms() == 1
                && info.kind_words == 0
                && j > 0
                && !self.is_gap(j - 1)
                && self.is_text(j - 1);
            if self.year_run(j) && info.words > 0 && !in_comment && !label_year {
                break;
            }
            // In a commented table, numbers followed by their comment are a row even
            // where the status among them is missing (`74 730 16 762  3 296 …`).
            // Not a sentence that quotes amounts (`Samlet er det brukt 67 890 tusen
            // kroner av …`): no unit phrase, no sentence word in a line that ends one.
            let line = self.line(j);
            let label_sentence = info.run.as_ref().is_some_and(|r| {
                info.lexed.tokens[..r.tokens.0]
                    .iter()
                    .filter(|t| t.is_word())
                    .any(|t| self.vocab.is_sentence_word(t.text(line)))
            });
            let quoting = info.unit.is_some()
                || label_sentence
                || info.sentence_words > 0 && line.trim_end().ends_with('.');
            let commented_row =
                (reach == COMMENT_GAP || comment_column && !quoting) && self.numbers_then_text(j);
            if self.row_like(j) || commented_row {
                let words = crate::vocab::phrase_words(self.line(j));
                let total = !matches!(
                    self.vocab.label_class(&words),
                    crate::vocab::LabelClass::Plain
                );
                // After the totals of a commented table its projects are over: a text
                // below with amounts in it is no project.
                if after_total && !total {
                    break;
                }
                last = j;
                rows += 1;
                last_total = total;
                if total && (reach == COMMENT_GAP || after_total) {
                    after_total = true;
                    reach = ROW_GAP;
                } else if commented(j) {
                    reach = COMMENT_GAP;
                }
            } else if (info.is_prose(self.line(j)) || info.after_words > 2)
                && !self.cell_text_before_row(j, reach)
            {
                if std::env::var_os("RAPPORTLINT_DEBUG").is_some() {
                    eprintln!(
                        "table from line {} ends before line {}: prose",
                        first + 1,
                        j + 1
                    );
                }
                break;
            }
            j += 1;
        }
        (last, rows)
    }

    /// Narrow text inside a table (a description column) with more rows after it: the
    /// lines up to the next row are all short and hold no unit or header line.
    fn cell_text_before_row(&self, j: usize, reach: usize) -> bool {
        const NARROW: usize = 70;
        let ahead = if reach > ROW_GAP { reach } else { 20 };
        for k in j..(j + ahead).min(self.infos.len()) {
            let info = &self.infos[k];
            if self.is_gap(k) {
                continue;
            }
            if self.row_like(k) && info.is_strong_row()
                || ahead > ROW_GAP && self.numbers_then_text(k)
            {
                return true;
            }
            // Comment text runs on past words that read like a header (`skolestart
            // 2025. Årets merforbruk`), and past the header repeated after a page break.
            let header = info.is_header_like() && ahead <= ROW_GAP;
            if info.unit.is_some() || header || info.chars > NARROW {
                return false;
            }
        }
        false
    }

    /// The header block above a table's first row: (first header line, lines).
    ///
    /// Up to a few lines of label text (a heading, a wrapped first label) may stand
    /// between the header and the first row; they are not part of the header.
    fn header_above(&self, first: usize, claimed: &[bool]) -> Option<(usize, Vec<usize>)> {
        let mut lines = Vec::new();
        let mut top = first;
        let mut i = first;
        let mut seen_header = false;
        let mut skipped = 0;
        while i > 0 && first - i < HEADER_REACH {
            i -= 1;
            if claimed[i] {
                break;
            }
            let info = &self.infos[i];
            if self.is_gap(i) {
                continue;
            }
            // Prose, or the last line of a paragraph (`bruk av lån.`). Under a sentence's
            // end, the first of a header's stacked names starts anew (` Skole 1.klasse`
            // at a page's top, over `elever` / `` / `2.klasse` / … / `Kommentar`).
            let stacked = seen_header
                && i > 0
                && self.stacked_name(i)
                && self.line(i - 1).trim_end().ends_with(['.', ':'])
                && self.names_no_numbers(&lines);
            if info.is_prose(self.line(i))
                || i > 0
                    && !self.is_gap(i - 1)
                    && self.infos[i - 1].is_prose(self.line(i - 1))
                    && !stacked
            {
                break;
            }
            if info.run.is_some() && !self.year_run(i) && (info.is_strong_row() || info.words == 0)
            {
                break;
            }
            // A caption (`Tabell 5: Årsverk per sektor`) is the table's title, above its
            // header: no header line, whatever header words it names.
            if self.vocab.is_caption(self.line(i)) {
                break;
            }
            if info.unit.is_some() {
                // A unit line may carry header words too (`Hele tusen kroner Regnskap 2023`),
                // when the header goes on right under it: a title over an empty line
                // (`Fond (hele kroner)`) names no column.
                let title = seen_header && self.is_gap(i + 1);
                if info.kind_words > 0 && !title {
                    lines.push(i);
                    top = i;
                    seen_header = true;
                    // The header may go on above it (`Regnskap  Regulert …` over `Beløp
                    // i 1000 kr  2024  budsjett 2024 …`).
                    if i > 0 && !self.is_gap(i - 1) && !claimed[i - 1] {
                        let above = &self.infos[i - 1];
                        if above.is_header_like() && above.unit.is_none() && above.run.is_none() {
                            continue;
                        }
                    }
                }
                // A short unit line right under a header word is part of that column's
                // name (`2024,` / `skatteinntekt` / `i 1000 kr`): the header goes on.
                let inside = seen_header
                    && info.kind_words == 0
                    && info.words <= 4
                    && i > 0
                    && !self.is_gap(i - 1)
                    && !claimed[i - 1]
                    && self.infos[i - 1].run.is_none()
                    && (1..=3).contains(&self.infos[i - 1].words)
                    && !self.infos[i - 1].is_prose(self.line(i - 1));
                if inside {
                    lines.push(i);
                    top = i;
                    continue;
                }
                break;
            }
            // Years with header words and at most one other (`Regnskap 2024`, `Nøkkeltall
            // 2023 2024`), not a running header that ends in a year (`Fjordvik kommune –
            // 2. tertialrapport 2025`).
            let years = self.year_run(i) && info.words <= info.header_words + 1;
            // Label-column words right over a first row whose label goes on in lower case
            // (`Tjenester for` / `funksjonshemmede 105 204 …`, under a header repeated
            // after a page break): the start of that row's label, no header fragment.
            let label_start = lines.is_empty()
                && i + 1 == first
                && info.kind_words == 0
                && !self.year_run(i)
                && self
                    .line(first)
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase);
            // The years a change spans, under its name (`Endring` / `2023–2024`).
            let span_of_years = {
                let t = self.line(i).trim();
                let parts: Vec<&str> = t.split(['–', '-']).map(str::trim).collect();
                parts.len() == 2
                    && parts.iter().all(|p| is_year(p))
                    && i > 0
                    && !self.is_gap(i - 1)
                    && (self.infos[i - 1].is_header_like() || self.fragment(i - 1))
            };
            if span_of_years {
                lines.push(i);
                top = i;
                continue;
            }
            // Right over the first row, a line of names that starts with the label
            // column's (`Tjeneste Brutto utgifter Inntekter Netto utgifter`): a header
            // of words the kinds do not know, over rows with a label of their own.
            let named_columns =
                lines.is_empty() && i + 1 == first && self.label_named_header(i, first);
            if info.is_header_like() || years || named_columns || self.fragment(i) && !label_start {
                if info.is_header_like() || years || named_columns {
                    seen_header = true;
                }
                lines.push(i);
                top = i;
            } else if seen_header && self.header_between(i, claimed)
                || seen_header && self.stacked_name(i) && self.names_no_numbers(&lines)
            {
                lines.push(i);
                top = i;
            } else if !seen_header && lines.is_empty() && skipped < 4 {
                skipped += 1;
            } else {
                break;
            }
        }
        lines.reverse();
        // A line that starts with the label column's header (`Investering Vedtatt
        // totalt …`) under header lines: those above span groups of columns
        // (` Totalbudsjett Årets budsjett `), they name none.
        let first_row = first;
        if let Some(k) = lines.iter().position(|&l| {
            let line = self.line(l);
            let first = line.split_whitespace().next().unwrap_or("");
            self.vocab.is_label_header(first)
                && first.chars().next().is_some_and(char::is_uppercase)
                && (self.infos[l].kind_words > 0
                    || self.year_run(l)
                    || l + 1 == first_row && self.label_named_header(l, first_row))
        }) {
            // Not where the lines are laid out in columns: there the label column's
            // header often stands on the last line (`Område  31.12.2023  2024`).
            let laid_out = k > 0
                && lines[k - 1] + 1 == lines[k]
                && self.aligned_words(&lines[k - 1..=k]).is_some();
            if k > 0 && !laid_out {
                lines.drain(..k);
                // Over a header of names right above the rows, what was passed over is
                // the title (`Netto driftsutgifter per tjeneste 2024`): the table starts
                // at its header.
                if lines[0] + 1 == first_row && self.label_named_header(lines[0], first_row) {
                    top = lines[0];
                }
            }
        }
        seen_header.then_some((top, lines))
    }

    /// Where the wrapped label of a table's first row starts, when the table has no
    /// header: the short text block just above it (`Tredje tiltak` / `` / `-1 000 …`).
    fn label_block_above(&self, first: usize, claimed: &[bool]) -> usize {
        let mut i = first;
        // Skip the blank lines between label and numbers.
        while i > 0 && first - i < 3 && self.infos[i - 1].blank && !claimed[i - 1] {
            i -= 1;
        }
        let mut start = first;
        let mut j = i;
        while j > 0 && i - j < 3 {
            let k = j - 1;
            let info = &self.infos[k];
            if claimed[k]
                || self.is_gap(k)
                || !self.is_text(k)
                || info.is_prose(self.line(k))
                || info.unit.is_some()
            {
                break;
            }
            start = k;
            j = k;
        }
        start
    }

    /// With no header of known words: the short text line right above the first row
    /// (blank lines between allowed), if it is neither prose nor a sentence.
    fn plain_header_above(&self, first: usize, claimed: &[bool]) -> Option<(usize, Vec<usize>)> {
        let i = (first.saturating_sub(3)..first)
            .rev()
            .find(|&i| !self.is_gap(i))?;
        let plain = |i: usize| {
            let info = &self.infos[i];
            let text = self.line(i).trim();
            !claimed[i]
                && !self.is_gap(i)
                && (info.run.is_none() || self.year_run(i))
                && info.words >= 1
                && info.words <= 12
                && !info.is_prose(text)
                && !text.ends_with(['.', ':', ','])
                && info.unit.is_none()
        };
        if !plain(i) {
            return None;
        }
        // A header of unknown words may wrap (`Lånegjeld` / `1.1.2024` / `Nye lån
        // Avdrag Lånegjeld` / `31.12.2024`): short plain lines above it join it, where
        // the first row has a label of its own, so those lines are not its label.
        let own_label = self.infos[first].label_words > 0;
        let mut top = i;
        while own_label
            && top > 0
            && i - (top - 1) < 4
            && plain(top - 1)
            && self.infos[top - 1].words <= 6
        {
            top -= 1;
        }
        if !own_label && self.infos[i].words < 2 {
            return None;
        }
        let lines: Vec<usize> = (top..=i).collect();
        let words: usize = lines.iter().map(|&l| self.infos[l].words).sum();
        (words >= 2).then_some((top, lines))
    }

    /// Line `i`, right over the first row `first`, names the columns: it starts with a
    /// capitalised label-column word, holds three or more capitalised words and no
    /// number, reads as no sentence, and names an amount column by a net-word
    /// (`utgifter`, `inntekter`, `netto`), while the row under it has a label of its own.
    fn label_named_header(&self, i: usize, first: usize) -> bool {
        let info = &self.infos[i];
        let text = self.line(i).trim();
        let mut words = text.split_whitespace();
        let lead = words.next().unwrap_or("");
        let capitals = text
            .split_whitespace()
            .filter(|w| w.starts_with(char::is_uppercase))
            .count();
        let net = text
            .split_whitespace()
            .any(|w| self.vocab.is_expense(w) || self.vocab.is_income(w) || self.vocab.is_net(w));
        info.run.is_none()
            && lead.starts_with(char::is_uppercase)
            && self.vocab.is_label_header(lead)
            && capitals >= 3
            && net
            && !info.is_prose(text)
            && !text.ends_with(['.', ':', ','])
            && self.infos[first].label_words > 0
    }

    /// A line holding nothing but one small plain integer (`52`, ` 7 `).
    fn bare_page_number(&self, i: usize) -> bool {
        let info = &self.infos[i];
        let t = self.line(i).trim_matches([' ', '\u{a0}']);
        info.words == 0
            && info.atoms() == 1
            && (1..=3).contains(&t.len())
            && t.bytes().all(|b| b.is_ascii_digit())
    }

    /// A short line of words the vocabulary does not know, standing between header
    /// lines (`pr. august`, `reg.bud.-`): a wrapped part of a column name.
    fn header_between(&self, i: usize, claimed: &[bool]) -> bool {
        let info = &self.infos[i];
        let text = self.line(i).trim();
        let short = info.run.is_none()
            && (1..=3).contains(&info.words)
            && info.chars <= 24
            && !text.ends_with([':', ','])
            && !text.ends_with(". ")
            && !info.is_prose(text);
        short
            && (1..=2).any(|d| {
                i >= d
                    && !claimed[i - d]
                    && (d == 1 || self.is_gap(i - 1))
                    && (self.infos[i - d].is_header_like() || self.fragment(i - d))
            })
    }

    /// A short line of one to three unknown words, no number and no sentence mark: one
    /// name of a header whose names are stacked over the lines (`Lærefag 1.års` /
    /// `lærlinger` / `` / `Avbrudd` / `lærekontrakt` / `` / `Merknad`).
    fn stacked_name(&self, i: usize) -> bool {
        let info = &self.infos[i];
        let text = self.line(i).trim();
        info.run.is_none()
            && info.unit.is_none()
            && (1..=3).contains(&info.words)
            && info.chars <= 30
            && !text.ends_with([':', ',', '.', ';'])
            && !info.is_prose(text)
    }

    /// The header lines found so far name no column of numbers, only text columns
    /// (`Merknad`): the numbers' names, if any, are words the vocabulary does not know.
    fn names_no_numbers(&self, lines: &[usize]) -> bool {
        let mut lines = lines.to_vec();
        lines.sort_unstable();
        let words = self.words_of(&lines);
        !words.is_empty() && header::natural_count(&words, self.vocab) == 0
    }

    /// A short header fragment: qualifiers, years and label-column words only.
    fn fragment(&self, i: usize) -> bool {
        let info = &self.infos[i];
        info.words > 0 && info.words <= 6 && info.chars <= 60 && {
            let line = self.line(i);
            info.lexed.tokens.iter().all(|t| match t.kind {
                TokenKind::Word => {
                    let w = t.text(line);
                    self.vocab.kind_of(w).is_some()
                        || self.vocab.is_qualifier(w)
                        || self.vocab.is_modifier(w)
                        || self.vocab.is_label_header(w)
                        || is_year(w)
                        || crate::layout::is_date(w)
                        || w.len() <= 2
                }
                TokenKind::Gap { .. } | TokenKind::Percent | TokenKind::Unit(_) => true,
                TokenKind::Group(_) => self.year_run(i),
                TokenKind::Dash => true,
                TokenKind::Quarter => false,
            })
        }
    }

    /// Words of some lines in reading order.
    /// Turn a header column's word addresses into byte offsets in the text.
    fn with_offsets(&self, mut column: Column) -> Column {
        let base = self.text.as_ptr() as usize;
        column.span = column.span.and_then(|(a, b)| {
            (a >= base && b >= a && b <= base + self.text.len()).then(|| (a - base, b - base))
        });
        column
    }

    fn words_of(&self, lines: &[usize]) -> Vec<&str> {
        let mut out = Vec::new();
        let mut k = 0;
        while k < lines.len() {
            // A run of adjacent lines laid out in columns is read column by column.
            let mut end = k + 1;
            while end < lines.len() && lines[end] == lines[end - 1] + 1 {
                end += 1;
            }
            match self.aligned_words(&lines[k..end]) {
                Some(words) => {
                    out.extend(words);
                    k = end;
                }
                None => {
                    // Two adjacent lines of a header printed row by row: names over
                    // their qualifiers.
                    if end - k == 2 {
                        let words = |i: usize| {
                            let line = self.line(i);
                            self.header_tokens(i)
                                .map(|t| t.text(line))
                                .collect::<Vec<_>>()
                        };
                        let (names, quals) = (words(lines[k]), words(lines[k + 1]));
                        if let Some(w) = header::interleave_rows(&names, &quals, self.vocab) {
                            out.extend(w);
                            k = end;
                            continue;
                        }
                    }
                    let line = self.line(lines[k]);
                    out.extend(self.header_tokens(lines[k]).map(|t| t.text(line)));
                    k += 1;
                }
            }
        }
        out
    }

    /// A line's tokens that header words are made of: words, quarters, numbers,
    /// percent marks and dashes.
    fn header_tokens(&self, i: usize) -> impl Iterator<Item = &crate::lex::Token> {
        self.infos[i].lexed.tokens.iter().filter(|t| {
            matches!(
                t.kind,
                TokenKind::Word
                    | TokenKind::Quarter
                    | TokenKind::Group(_)
                    | TokenKind::Percent
                    | TokenKind::Dash
            )
        })
    }

    /// A line's header words in segments: words apart by one space join, two or more
    /// spaces part them. Each segment with its first and last character column.
    fn segments(&self, i: usize) -> Vec<(usize, usize, Vec<&str>)> {
        let line = self.line(i);
        let mut out: Vec<(usize, usize, Vec<&str>)> = Vec::new();
        let mut prev_end = None;
        for t in self.header_tokens(i) {
            let (a, b) = (t.start as usize, t.end as usize);
            let x0 = line.get(..a).map_or(0, |p| p.chars().count());
            let x1 = x0 + t.text(line).chars().count();
            let spaced = prev_end.is_none_or(|e: usize| {
                line.get(e..a)
                    .is_none_or(|g| g.chars().filter(|c| c.is_whitespace()).count() >= 2)
            });
            match out.last_mut() {
                Some(seg) if !spaced => {
                    seg.1 = x1;
                    seg.2.push(t.text(line));
                }
                _ => out.push((x0, x1, vec![t.text(line)])),
            }
            prev_end = Some(b);
        }
        out
    }

    /// Header lines laid out in columns (`pdftotext -layout`): `Fond pr.  Resultat  Fond
    /// pr.` over `Område  31.12.2023  2024  31.12.2024`. The line with the most segments
    /// gives the columns; every other line's segments join the column they overlap most
    /// (or lie nearest), and each column's words are read top to bottom. Only for two or
    /// more adjacent lines of two or more segments each, three or more on one of them or
    /// every segment over or under one of two.
    fn aligned_words(&self, lines: &[usize]) -> Option<Vec<&str>> {
        if lines.len() < 2 {
            return None;
        }
        let segs: Vec<Vec<(usize, usize, Vec<&str>)>> =
            lines.iter().map(|&i| self.segments(i)).collect();
        if segs.iter().any(|s| s.len() < 2) {
            return None;
        }
        let base = (0..segs.len()).max_by_key(|&k| (segs[k].len(), k))?;
        let slots: Vec<(usize, usize)> = segs[base].iter().map(|s| (s.0, s.1)).collect();
        // Two columns only where every segment stands over or under one of them.
        let over = |x0: usize, x1: usize| slots.iter().any(|&(a, b)| b.min(x1) > a.max(x0));
        if slots.len() < 2
            || slots.len() == 2 && !segs.iter().flatten().all(|(x0, x1, _)| over(*x0, *x1))
        {
            return None;
        }
        let mut cols: Vec<Vec<&str>> = vec![Vec::new(); slots.len()];
        for line in &segs {
            for (x0, x1, words) in line {
                let slot = (0..slots.len()).max_by_key(|&j| {
                    let (a, b) = slots[j];
                    let overlap = b.min(*x1) as i64 - a.max(*x0) as i64;
                    let centre = |p: usize, q: usize| (p + q) as i64;
                    (overlap, -(centre(a, b) - centre(*x0, *x1)).abs())
                })?;
                cols[slot].extend(words.iter().copied());
            }
        }
        Some(cols.into_iter().flatten().collect())
    }

    /// The table's unit: a unit line in or just above the header (nearest first), a
    /// unit phrase wrapped over header lines (`(tall i hele` / `tusen)`), or a short
    /// unit line right under the table.
    fn unit_near(&self, top: usize, header: &[usize], last: usize) -> Option<Scale> {
        let from = top.saturating_sub(8);
        let lines = header
            .iter()
            .rev()
            .copied()
            .chain((from..top.min(self.infos.len())).rev());
        for i in lines {
            if let Some(u) = self.infos[i].unit {
                return Some(u);
            }
        }
        let above = (top.saturating_sub(3)..top).filter(|&i| {
            !self.is_gap(i) && !self.infos[i].is_prose(self.line(i)) && self.infos[i].chars <= 60
        });
        let joined = above
            .chain(header.iter().copied())
            .map(|i| self.line(i).trim())
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(u) = crate::lex::lex_line(&joined)
            .tokens
            .iter()
            .rev()
            .find_map(|t| match t.kind {
                TokenKind::Unit(u) => Some(u),
                _ => None,
            })
        {
            return Some(u);
        }
        for i in last + 1..(last + 4).min(self.infos.len()) {
            if let Some(u) = self.infos[i].unit {
                if self.infos[i].words <= 6 {
                    return Some(u);
                }
            }
        }
        None
    }

    fn title_above(&self, top: usize) -> Option<String> {
        let mut i = top;
        let mut steps = 0;
        while i > 0 && steps < 8 {
            i -= 1;
            steps += 1;
            let info = &self.infos[i];
            if self.is_gap(i) {
                continue;
            }
            if info.unit.is_some() && info.words <= 5 {
                // A title that ends in its unit (`Tabell 3: Investeringer (beløp i 1000
                // kr)`) is the title; a unit line alone (`Beløp i 1000 kr`) is not.
                match self.title_before_unit(i) {
                    Some(t) => return Some(t),
                    None => continue,
                }
            }
            return self.reads_as_title(i).map(str::to_string);
        }
        None
    }

    /// The line, trimmed, where it can be a table's title: no row of numbers (years may
    /// stand in it), no prose, at most 80 characters, not ending a sentence or a clause.
    fn reads_as_title(&self, i: usize) -> Option<&str> {
        let info = &self.infos[i];
        let t = self.line(i).trim();
        // A caption numbers its table (`Tabell 1 - Samlet sykefravær …`).
        let title = (info.run.is_none() || self.year_run(i) || self.vocab.is_caption(t))
            && !info.is_prose(t)
            && t.chars().count() <= 80
            && !t.ends_with(['.', ',']);
        title.then_some(t)
    }

    /// A title that the header's search passed over and left out (`Sykefravær i prosent
    /// per sektor` above `Sektor 2022 2023 2024`): the line at the header's top, when it
    /// is no header line itself and reads as a title.
    fn title_left_above_header(&self, top: usize, header: &[usize]) -> Option<String> {
        if header.first().is_none_or(|&h| h <= top) || self.is_gap(top) {
            return None;
        }
        let t = self.reads_as_title(top)?;
        if !t.chars().next().is_some_and(char::is_uppercase)
            // A line over groups of columns (`Totalbudsjett Årets budsjett`) names
            // columns, not the table.
            || header::natural_count(&self.words_of(&[top]), self.vocab) >= 2
            // ... and so does one that starts with the label column's empty cell.
            || self.line(top).starts_with(char::is_whitespace)
        {
            return None;
        }
        Some(t.to_string())
    }

    /// The words before a line's unit phrase, where they open with a capital letter
    /// and the unit ends the line: `Investeringer` of `Investeringer (beløp i 1000 kr)`.
    fn title_before_unit(&self, i: usize) -> Option<String> {
        let line = self.line(i);
        let toks = &self.infos[i].lexed.tokens;
        let u = toks
            .iter()
            .position(|t| matches!(t.kind, TokenKind::Unit(_)))?;
        if !toks[u + 1..].iter().all(|t| t.is_gap()) {
            return None;
        }
        let first = toks[..u].iter().find(|t| t.is_word())?;
        if !first
            .text(line)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        {
            return None;
        }
        let before = line.get(..toks[u].start as usize)?;
        let t = before
            .trim()
            .trim_end_matches(['(', ',', ':', '-', '\u{2013}'])
            .trim_end();
        (t.chars().any(char::is_alphabetic) && t.chars().count() <= 80).then(|| t.to_string())
    }

    /// Column counts worth trying: the count most rows allow only one way, the count
    /// the header names, and the most common largest count.
    fn count_candidates(&self, rows: &[usize], header_words: &[&str]) -> Vec<usize> {
        let mut forced: HashMap<usize, usize> = HashMap::new();
        let mut maxes: HashMap<usize, usize> = HashMap::new();
        let mut mins: HashMap<usize, usize> = HashMap::new();
        let mut spaced = 0;
        let mut spaced_rows: HashMap<usize, usize> = HashMap::new();
        let base = self.trailing_base(rows);
        for &i in rows {
            let info = &self.infos[i];
            // Fewest numbers plus the empty cells the spacing shows: the most the
            // spacing of any row shows, and what the rows show most often (counting
            // empty cells at the end beyond the padding of the whole table).
            if let Some(r) = &info.run {
                let extra: u32 = r.atoms.iter().map(|a| a.gap_before.saturating_sub(1)).sum();
                if extra > 0 && (extra as usize) < 8 {
                    spaced = spaced.max(info.min_numbers() + extra as usize);
                }
                let trailing = if self.ends_in_number(i) {
                    trailing_spaces(self.line(i))
                        .saturating_sub(base)
                        .saturating_sub(1)
                } else {
                    0
                };
                // The spaces after the label are left out: labels can end in spaces.
                let interior: u32 = r
                    .atoms
                    .iter()
                    .skip(1)
                    .map(|a| a.gap_before.saturating_sub(1))
                    .sum();
                let all = interior + trailing;
                if all > 0 && (all as usize) < 8 {
                    *spaced_rows
                        .entry(info.min_numbers() + all as usize)
                        .or_default() += 1;
                }
            }
            if let Some(c) = info.forced_count() {
                if c >= 2 {
                    *forced.entry(c).or_default() += 1;
                }
            }
            let m = info.max_numbers();
            if m >= 1 {
                *maxes.entry(m).or_default() += 1;
                *mins.entry(info.min_numbers()).or_default() += 1;
            }
        }
        let mut out = Vec::new();
        let mut push = |c: usize| {
            if (1..=40).contains(&c) && !out.contains(&c) {
                out.push(c);
            }
        };
        for c in by_frequency(forced, true).into_iter().take(2) {
            push(c);
        }
        push(spaced);
        if let Some(&c) = by_frequency(spaced_rows, true).first() {
            push(c);
        }
        let natural = header::natural_count(header_words, self.vocab);
        if natural > 0 {
            push(natural);
            push(natural - 1);
            push(natural + 1);
        }
        // A header with few or no known words: its capitalised words name the label
        // column and the number columns, or the number columns only.
        if natural <= 1 || header::no_kind_words(header_words, self.vocab) {
            let capitals = header::capital_count(header_words);
            if capitals > 1 {
                push(capitals);
                push(capitals - 1);
            }
        }
        for map in [maxes, mins] {
            if let Some(&c) = by_frequency(map, false).first() {
                push(c);
            }
        }
        out
    }

    /// The trailing spaces beyond one that every row ending in a number shows (at least
    /// three such rows): padding of the whole table, so no evidence of an empty last cell.
    fn trailing_base(&self, rows: &[usize]) -> u32 {
        let ends: Vec<u32> = rows
            .iter()
            .filter(|&&i| self.ends_in_number(i))
            .map(|&i| trailing_spaces(self.line(i)))
            .collect();
        if ends.len() < 3 {
            return 0;
        }
        ends.iter().min().map_or(0, |m| m.saturating_sub(1))
    }

    /// True when the row on line `target.0` could change toward a cell its total asks
    /// for: a number its line's digit groups can make, or an empty cell where it now has
    /// a number. Rows that cannot are not read again.
    fn can_meet(&self, rows: &[Row], target: &(usize, Vec<split::Expect>)) -> bool {
        let (l, want) = target;
        let (Some(info), Some(row)) = (self.infos.get(*l), rows.iter().find(|r| r.line == l + 1))
        else {
            return false;
        };
        let Some(run) = &info.run else { return false };
        let line = self.line(*l);
        let pad = split::padded(&run.atoms);
        let mut values = HashSet::new();
        for i in 0..run.atoms.len() {
            for len in split::number_lengths(line, &run.atoms, i, pad) {
                if let Some(n) = split::number_of(line, &run.atoms, i, len) {
                    values.insert(n.value);
                }
            }
        }
        want.iter().enumerate().any(|(col, w)| {
            let now = row.cell(col).and_then(|c| c.value);
            match w.sum {
                Some(t) if t.is_zero() => now.is_some_and(|v| !v.is_zero()),
                Some(t) => {
                    let near = |v: rust_decimal::Decimal| (v - t).abs() <= w.slack;
                    !now.is_some_and(near) && values.iter().any(|&v| near(v))
                }
                None => false,
            }
        })
    }

    /// Line `i` has a run of numbers and no word after it.
    fn ends_in_number(&self, i: usize) -> bool {
        let info = &self.infos[i];
        info.run
            .as_ref()
            .is_some_and(|r| !info.lexed.tokens[r.tokens.1..].iter().any(|t| t.is_word()))
    }

    /// True when a row with at least `count` numbers (every cell filled) shows extra
    /// spaces between its label and its first number: in this table such spaces are
    /// the label's padding, not an empty first cell.
    fn label_padding(&self, rows: &[usize], count: usize) -> bool {
        rows.iter().any(|&i| {
            let info = &self.infos[i];
            info.label_words > 0
                && info.min_numbers() >= count
                && info
                    .run
                    .as_ref()
                    .and_then(|r| r.atoms.first())
                    .is_some_and(|a| a.gap_before >= 2)
        })
    }

    /// Build the table whose rows run from line `first` to line `last` (0-based).
    ///
    /// Each candidate column count is tried; the reading in which most relations hold,
    /// most rows fit and the header reads best is kept.
    fn build(
        &self,
        first: usize,
        last: usize,
        claimed: &[bool],
        prior: Option<&Table>,
    ) -> Option<Table> {
        let header = self.header_above(first, claimed).or_else(|| {
            let rows: Vec<usize> = (first..=last).filter(|&i| self.row_like(i)).collect();
            self.plain_header_above(first, claimed)
                .filter(|(_, lines)| {
                    let words = self.words_of(lines);
                    self.count_candidates(&rows, &words)
                        .iter()
                        .any(|&c| header::fit(&words, c, self.vocab).fitted)
                })
        });
        let header_lines: Vec<usize> = header.as_ref().map(|h| h.1.clone()).unwrap_or_default();
        let header_words = header::without_legends(&self.words_of(&header_lines), self.vocab);
        let row_lines: Vec<usize> = (first..=last).filter(|&i| self.row_like(i)).collect();
        let header_texts: HashSet<String> = header_lines
            .iter()
            .map(|&i| self.line(i).trim().to_string())
            .filter(|t| !t.is_empty())
            .collect();
        let label_start = match header_lines.last() {
            Some(&h) => h + 1,
            None => self.label_block_above(first, claimed),
        };
        let top = header.as_ref().map_or(label_start, |h| h.0);
        let natural = header::natural_count(&header_words, self.vocab);
        let trailing_base = self.trailing_base(&row_lines);
        // Every candidate count is read once; the best two by that reading are read
        // again, preferring cells like the column's other cells (percent or amount,
        // magnitude) where the spacing and the relations leave a choice, and the better
        // second reading wins.
        let mut first_reads = Vec::new();
        for count in self.count_candidates(&row_lines, &header_words) {
            let mut fitted = header::fit(&header_words, count, self.vocab);
            // A status column among the numbers only where rows print one there.
            if fitted.mid.is_some()
                && !row_lines
                    .iter()
                    .any(|&l| self.infos[l].run.as_ref().is_some_and(|r| r.mid.is_some()))
            {
                fitted.mid = None;
                fitted.text_columns.remove(0);
            }
            let relations = relations_for(&fitted.columns, self.vocab);
            let label_padding = self.label_padding(&row_lines, count);
            let rows = self.rows(
                label_start,
                last,
                &Shape {
                    count,
                    header: &fitted,
                    relations: &relations,
                    header_texts: &header_texts,
                    expected: &[],
                    row_expected: &[],
                    trailing_base,
                    label_padding,
                },
            );
            let score = reading_score(&rows.0, &rows.1, &fitted, &relations, self.vocab)
                + i64::from(count == natural);
            if std::env::var_os("RAPPORTLINT_DEBUG").is_some() {
                eprintln!(
                    "first read at line {}: {} columns scores {} (header {} {:?}) {:?}",
                    first + 1,
                    count,
                    score,
                    fitted.score,
                    fitted
                        .columns
                        .iter()
                        .map(|c| (&c.name, c.kind))
                        .collect::<Vec<_>>(),
                    relations
                );
                if std::env::var_os("RAPPORTLINT_DEBUG").is_some_and(|v| v == "2") {
                    for r in &rows.0 {
                        let cells: Vec<String> = r
                            .cells
                            .iter()
                            .map(|c| format!("{}:{}", c.column, c.text))
                            .collect();
                        eprintln!(
                            "  {} {:?} {:?} ambiguous={}",
                            r.line, r.label, cells, r.ambiguous
                        );
                    }
                }
            }
            first_reads.push((count, score, fitted, relations, label_padding, rows));
        }
        let mut ranked: Vec<usize> = (0..first_reads.len()).collect();
        ranked.sort_by_key(|&k| std::cmp::Reverse(first_reads[k].1));
        ranked.truncate(SECOND_READS);
        ranked.sort_unstable();
        // The second reads, then the sums' re-reads (see [`Ctx::read_for_sums`]): for the
        // best reading, and for the other only where what the re-reads can earn it (the
        // sums' share and the empty and ambiguous cells they can explain) might let it win.
        let mut second = Vec::new();
        for (k, (count, _, fitted, relations, label_padding, first_read)) in
            first_reads.into_iter().enumerate()
        {
            if !ranked.contains(&k) {
                continue;
            }
            // A table that goes on under its header repeated after a page break has
            // few rows of its own: the usual cells of the part above (same columns)
            // count too, so that a total right under the break reads one way.
            let continued = prior.filter(|p| {
                p.columns.len() == count
                    && p.columns
                        .iter()
                        .map(|c| &c.name)
                        .eq(fitted.columns.iter().map(|c| &c.name))
            });
            let expected = match continued {
                Some(p) => {
                    let mut all = p.rows.clone();
                    all.extend(first_read.0.iter().cloned());
                    column_expectations(&all, count)
                }
                None => column_expectations(&first_read.0, count),
            };
            let shape = Shape {
                count,
                header: &fitted,
                relations: &relations,
                header_texts: &header_texts,
                expected: &expected,
                row_expected: &[],
                trailing_base,
                label_padding,
            };
            let rows = self.rows(label_start, last, &shape);
            // On a tie, the count the header names.
            let score = reading_score(&rows.0, &rows.1, &fitted, &relations, self.vocab)
                + i64::from(count == natural);
            second.push((
                score,
                count,
                fitted,
                relations,
                label_padding,
                expected,
                rows,
            ));
        }
        second.sort_by_key(|s| std::cmp::Reverse(s.0));
        let mut best: Option<(i64, Header, RowsRead)> = None;
        for (score, count, fitted, relations, label_padding, expected, rows) in second {
            let gain = 8 + rows
                .0
                .iter()
                .map(|r| {
                    let empty = (0..count).filter(|&c| r.cell(c).is_none()).count();
                    (empty + usize::from(r.ambiguous)) as i64
                })
                .sum::<i64>();
            let (score, rows) = if best.as_ref().is_none_or(|b| score + gain > b.0) {
                let shape = Shape {
                    count,
                    header: &fitted,
                    relations: &relations,
                    header_texts: &header_texts,
                    expected: &expected,
                    row_expected: &[],
                    trailing_base,
                    label_padding,
                };
                let rows = self.read_for_sums(label_start, last, &shape, rows);
                let score = reading_score(&rows.0, &rows.1, &fitted, &relations, self.vocab)
                    + i64::from(count == natural);
                (score, rows)
            } else {
                (score, rows)
            };
            if std::env::var_os("RAPPORTLINT_DEBUG").is_some() {
                eprintln!(
                    "table at line {}: {} columns scores {} (header {} {:?}), relations {:?}",
                    first + 1,
                    count,
                    score,
                    fitted.score,
                    header_words,
                    relations
                );
                if std::env::var_os("RAPPORTLINT_DEBUG").is_some_and(|v| v == "2") {
                    for r in &rows.0 {
                        let cells: Vec<String> = r
                            .cells
                            .iter()
                            .map(|c| format!("{}:{}", c.column, c.text))
                            .collect();
                        eprintln!(
                            "  {} {:?} {:?} ambiguous={}",
                            r.line, r.label, cells, r.ambiguous
                        );
                    }
                }
            }
            if best.as_ref().is_none_or(|b| score > b.0) {
                best = Some((score, fitted, rows));
            }
        }
        let (_, fitted, rows) = best?;
        let mut table = Table {
            title: self
                .title_above(top)
                .or_else(|| self.title_left_above_header(top, &header_lines)),
            unit: self.unit_near(top, &header_lines, last),
            kind: TableKind::Numeric,
            first_line: top + 1,
            // A status under the last row's numbers belongs to the table too.
            last_line: rows
                .0
                .iter()
                .flat_map(|r| r.cells.iter().map(|c| c.line))
                .fold(last + 1, usize::max),
            columns: fitted
                .columns
                .iter()
                .chain(fitted.text_columns.iter())
                .cloned()
                .map(|c| self.with_offsets(c))
                .collect(),
            rows: rows.0,
            unread_lines: rows.1,
        };
        // Statuses found under rows of a table whose header named no status column.
        let status_col = table.columns.len();
        if table.rows.iter().any(|r| r.cell(status_col).is_some()) {
            table.columns.push(Column {
                name: "Status".into(),
                kind: ColumnKind::Status,
                period: crate::model::Period::Unknown,
                span: None,
            });
        }
        if table.rows.iter().filter(|r| !r.cells.is_empty()).count() == 0 {
            return None;
        }
        meaning::key_years(&mut table);
        meaning::classify_rows(&mut table, self.vocab);
        Some(table)
    }

    /// Rows that can be read another way under a total whose sum fails, read again for
    /// the cells the total leaves them; a new reading is kept where it makes more of the
    /// table's sums hold. First the sparse rows under one total all at once, each
    /// hypothesis leaving one column empty in all of them (`Ernæringskokk 1 3` and
    /// seven more rows of two numbers under three columns, the third rarely filled);
    /// then single rows, for the total less the other rows. At most a few readings per
    /// table, so the cost stays linear in the table.
    fn read_for_sums(
        &self,
        from: usize,
        last: usize,
        shape: &Shape<'_>,
        mut rows: RowsRead,
    ) -> RowsRead {
        let count = shape.count;
        let held = |r: &[Row]| {
            (
                sums_that_hold(r, count, self.vocab).0,
                sums_near(r, count, self.vocab),
            )
        };
        let again_with = |row_expected: &[(usize, Vec<split::Expect>)]| {
            let shape = Shape {
                row_expected,
                ..*shape
            };
            self.rows(from, last, &shape)
        };
        // The rows read again so far, with what they were read for.
        let mut kept: Vec<(usize, Vec<split::Expect>)> = Vec::new();
        let mut tries = 0;
        let hypotheses = shared_gaps(&rows.0, count, self.vocab, shape.expected);
        for hypothesis in hypotheses.into_iter().take(GAP_TRIES) {
            let lines: Vec<usize> = hypothesis.iter().map(|h| h.0).collect();
            let row_expected: Vec<(usize, Vec<split::Expect>)> = kept
                .iter()
                .filter(|k| !lines.contains(&k.0))
                .cloned()
                .chain(hypothesis)
                .collect();
            let again = again_with(&row_expected);
            if again.0.len() == rows.0.len() && held(&again.0) > held(&rows.0) {
                rows = again;
                kept = row_expected;
            }
        }
        'again: while tries < REREADS {
            let targets = sum_targets(&rows.0, count, self.vocab, shape.expected, self.infos);
            for target in targets.into_iter().flatten() {
                if tries == REREADS {
                    break 'again;
                }
                if !self.can_meet(&rows.0, &target) {
                    continue;
                }
                tries += 1;
                let mut row_expected: Vec<(usize, Vec<split::Expect>)> =
                    kept.iter().filter(|k| k.0 != target.0).cloned().collect();
                row_expected.push(target);
                let again = again_with(&row_expected);
                if again.0.len() == rows.0.len() && held(&again.0) > held(&rows.0) {
                    rows = again;
                    kept = row_expected;
                    continue 'again;
                }
            }
            break;
        }
        rows
    }

    /// Walk the table's lines and make rows.
    fn rows(&self, from: usize, last: usize, shape: &Shape<'_>) -> (Vec<Row>, Vec<usize>) {
        let Shape {
            count,
            header,
            header_texts,
            ..
        } = *shape;
        let mut rows: Vec<Row> = Vec::new();
        let mut unread = Vec::new();
        // Blocks of label text seen since the last row, each a list of lines.
        let mut blocks: Vec<Vec<usize>> = Vec::new();
        let mut open_block = false;
        // The last line of the comment of the row before, while it may go on.
        let mut comment_end: Option<usize> = None;
        let mut i = from;
        while i <= last {
            let info = &self.infos[i];
            if self.is_gap(i) {
                open_block = false;
                comment_end = None;
                i += 1;
                continue;
            }
            let trimmed = self.line(i).trim();
            if header_texts.contains(trimmed) && info.run.is_none()
                || self.year_run(i) && header_texts.contains(trimmed)
            {
                // A header repeated after a page break.
                i += 1;
                continue;
            }
            // In a table with a comment column, numbers followed by text are a row and
            // its comment (`11 15 3 2 lærlinger har gjennomført …`).
            let commented = !header.text_columns.is_empty() && self.numbers_then_text(i);
            // In a table with a comment column, a line with one number right under more
            // text is comment text (`på kommunale bygg i årene 2023-` / `2025.`).
            // A line right under a comment goes on with it, numbers and all (`med 1.
            // tertial. Spillemidler kr 1 380` / `000 vil komme …`), unless a status
            // among its numbers makes it a row.
            let has_comment = header
                .text_columns
                .iter()
                .any(|c| c.kind == ColumnKind::Beskrivelse);
            // Only where rows are marked by a status among their numbers: elsewhere a
            // short row right under another (`Nytt fagsystem 300 Innkjøp pågår`) is a row.
            let comment_line = has_comment
                && header.mid.is_some()
                && i > 0
                && !self.is_gap(i - 1)
                && (info.atoms() < 2 && self.infos[i - 1].words > 0
                    || comment_end == Some(i - 1)
                        && info.run.as_ref().is_some_and(|r| r.mid.is_none()));
            if self.is_text(i)
                || !(self.row_like(i) || commented)
                || self.label_digit(i, count)
                || comment_line
            {
                // A description wrapping on under its row: the text column goes on.
                let lower = self
                    .line(i)
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase);
                let continues = blocks.is_empty()
                    && (i > 0 && !self.is_gap(i - 1) || lower)
                    && !self.label_after_page_break(i)
                    && (lower || !self.label_of_next_row(i, count, &rows));
                if let Some(desc) = rows.last_mut().filter(|_| continues).and_then(|r| {
                    r.cells
                        .iter_mut()
                        .filter(|c| {
                            c.value.is_none()
                                && c.column >= header.columns.len()
                                && c.column != header.status_column()
                                && header
                                    .text_columns
                                    .get(c.column - header.columns.len())
                                    .is_none_or(|t| t.kind != ColumnKind::Status)
                        })
                        .last()
                }) {
                    desc.text.push(' ');
                    desc.text.push_str(self.line(i).trim());
                    comment_end = Some(i);
                    i += 1;
                    continue;
                }
                if open_block {
                    if let Some(b) = blocks.last_mut() {
                        b.push(i);
                    }
                } else {
                    blocks.push(vec![i]);
                }
                open_block = true;
                i += 1;
                continue;
            }
            // A bare page number (`52`) under a row of a table of several columns: one
            // small plain integer alone on its line, with no label text waiting for it.
            if count >= 2
                && blocks.is_empty()
                && self.bare_page_number(i)
                && rows
                    .last()
                    .is_some_and(|r| r.cells.iter().filter(|c| c.value.is_some()).count() >= 2)
            {
                i += 1;
                continue;
            }
            // A row: merge following numbers-only lines while the count still fits.
            let mut lines = vec![i];
            let mut atoms: Vec<(usize, Atom)> = info
                .run
                .as_ref()
                .map(|r| r.atoms.iter().map(|a| (i, *a)).collect())
                .unwrap_or_default();
            let mut j = i + 1;
            if info.min_numbers() < count && info.after_words == 0 {
                while j <= last {
                    if self.is_gap(j) {
                        j += 1;
                        continue;
                    }
                    let nj = &self.infos[j];
                    if !nj.numbers_only() || self.year_run(j) {
                        break;
                    }
                    // A page number under a row that is whole without it: after an
                    // empty line, or too short to be the thousands of a split number.
                    let whole = info.counts & (1u64 << count.min(63)) != 0;
                    if whole
                        && self.bare_page_number(j)
                        && (self.is_gap(j - 1) || self.line(j).trim().len() <= 2)
                    {
                        break;
                    }
                    let mut merged: Vec<(usize, Atom)> = atoms.clone();
                    for (k, a) in nj
                        .run
                        .as_ref()
                        .map(|r| r.atoms.clone())
                        .unwrap_or_default()
                        .into_iter()
                        .enumerate()
                    {
                        let mut a = a;
                        if k == 0 {
                            // The line break stands for one separator.
                            a.gap_before = 1;
                            a.plain_before = true;
                        }
                        merged.push((j, a));
                    }
                    if min_count(self, &merged) > count {
                        break;
                    }
                    atoms = merged;
                    lines.push(j);
                    j += 1;
                }
            }
            let own_label = info.label_words > 0;
            // Label: the text on the row line, after an adjacent wrapped block.
            let mut label_lines: Vec<usize> = Vec::new();
            let adjacent = open_block && i > 0 && !self.is_gap(i - 1);
            // `Frie disponible inntekter     `: a label followed by the spaces of its
            // empty cells is a heading row, not the first half of the next label.
            let heading_like = blocks
                .last()
                .and_then(|b| b.last())
                .is_some_and(|&l| self.line(l).ends_with("   "));
            if let Some(b) = blocks.last() {
                if !own_label || adjacent && !heading_like {
                    label_lines = b.clone();
                    blocks.pop();
                }
            }
            for b in blocks.drain(..) {
                rows.push(self.heading(&b));
            }
            open_block = false;
            let row = self.make_row(&label_lines, i, &lines, &atoms, shape);
            let mut next = lines.last().copied().unwrap_or(i) + 1;
            match row {
                Some(mut r) => {
                    // A row of numbers right under a labelled row (`2022 3,6 % …` under
                    // `Oppvekst 2023 …`) belongs to the same label.
                    if r.label.is_empty() && i > 0 && !self.is_gap(i - 1) {
                        if let Some(prev) = rows.last().filter(|p| p.kind != RowKind::Heading) {
                            r.label = prev.label.clone();
                        }
                    }
                    // A status on the lines right under the numbers (`Henhold` / `til plan`),
                    // also under the last row; after an empty line (numbers split over
                    // lines end in one) where the header names a status column.
                    let status_col = header.status_column();
                    let named = header
                        .text_columns
                        .iter()
                        .any(|c| c.kind == ColumnKind::Status)
                        || rows.iter().any(|p| p.cell(status_col).is_some());
                    let mut at = next;
                    if named && self.infos.get(at).is_some_and(|x| x.blank) && !self.noise[at] {
                        at += 1;
                    }
                    if at <= last + 2
                        && at < self.infos.len()
                        && !self.is_gap(at)
                        && self.is_text(at)
                    {
                        if let Some(found) = status_table::status_at_start(self, at) {
                            if r.cell(status_col).is_none() {
                                r.cells
                                    .push(status_table::status_cell(self, at, &found, status_col));
                                next = at + found.lines;
                            }
                        }
                    }
                    // A comment that starts on the row's line may go on under it.
                    let row_line = r.line - 1;
                    comment_end = r
                        .cells
                        .iter()
                        .any(|c| {
                            c.value.is_none()
                                && c.line == r.line
                                && c.column >= header.columns.len()
                                && c.column != header.status_column()
                        })
                        .then_some(row_line);
                    rows.push(r);
                }
                None => unread.extend(lines.iter().map(|l| l + 1)),
            }
            i = next;
        }
        for b in blocks.drain(..) {
            rows.push(self.heading(&b));
        }
        (rows, unread)
    }

    fn heading(&self, lines: &[usize]) -> Row {
        let label = lines
            .iter()
            .map(|&l| self.line(l).trim())
            .collect::<Vec<_>>()
            .join(" ");
        Row {
            line: lines.first().map_or(0, |l| l + 1),
            label,
            kind: RowKind::Heading,
            cells: Vec::new(),
            ambiguous: false,
            label_lines: lines.iter().map(|l| l + 1).collect(),
            spacing_misses: 0,
            absorbed_groups: 0,
        }
    }

    /// The row's label starts with a breakdown word (`herav`, `hvorav`).
    fn breakdown_row(&self, label_lines: &[usize], row_line: usize) -> bool {
        self.row_class(label_lines, row_line) == LabelClass::Breakdown
    }

    /// The row's label starts with a total word (`Sum`, `Totalt`).
    fn total_row(&self, label_lines: &[usize], row_line: usize) -> bool {
        matches!(
            self.row_class(label_lines, row_line),
            LabelClass::GrandTotal | LabelClass::SubTotal
        )
    }

    fn row_class(&self, label_lines: &[usize], row_line: usize) -> LabelClass {
        let first = label_lines.first().copied().unwrap_or(row_line);
        let words = crate::vocab::phrase_words(self.line(first));
        self.vocab.label_class(&words)
    }

    fn make_row(
        &self,
        label_lines: &[usize],
        row_line: usize,
        lines: &[usize],
        atoms: &[(usize, Atom)],
        shape: &Shape<'_>,
    ) -> Option<Row> {
        let Shape {
            count,
            header,
            relations,
            expected,
            trailing_base,
            ..
        } = *shape;
        let expected = shape
            .row_expected
            .iter()
            .find(|(l, _)| *l == row_line)
            .map_or(expected, |(_, e)| e.as_slice());
        // Note columns hold small references, and a total row refers to no note.
        let notes: Vec<usize> = (0..count)
            .filter(|&c| {
                header
                    .columns
                    .get(c)
                    .is_some_and(|h| h.kind == ColumnKind::Note)
            })
            .collect();
        let with_notes: Vec<split::Expect>;
        let expected = if notes.is_empty() {
            expected
        } else {
            let total = self.total_row(label_lines, row_line);
            with_notes = (0..count)
                .map(|c| {
                    let mut w = expected.get(c).copied().unwrap_or_default();
                    if notes.contains(&c) {
                        w.reference = true;
                        w.vacant = w.vacant || total;
                    }
                    w
                })
                .collect();
            &with_notes
        };
        let info = &self.infos[row_line];
        // Readings to try: the line's run; where the header puts a status among the
        // numbers and the row prints none the vocabulary knows, also the run joined
        // across the words between two runs (`2 000 1 021 Avklares 1 000 …`) and the run
        // with a bare year as that cell (`40 000 2 000 2026 3 000 …`). An alternative wins
        // where at least as many relations hold.
        let mut candidates: Vec<Candidate<'_>> =
            vec![(Cow::Borrowed(&info.run), Cow::Borrowed(atoms))];
        if header.mid.is_some() && lines == [row_line] {
            if let Some(run) = info.run.as_ref().filter(|r| r.mid.is_none()) {
                let row_text = self.line(row_line);
                for alt in [
                    info.loose.as_ref().map(|l| year_after_mid(l, row_text)),
                    year_as_mid(run, row_text),
                ]
                .into_iter()
                .flatten()
                {
                    let alt_atoms: Vec<(usize, Atom)> =
                        alt.atoms.iter().map(|a| (row_line, *a)).collect();
                    candidates.push((Cow::Owned(Some(alt)), Cow::Owned(alt_atoms)));
                }
            }
        }
        let mut chosen: Option<(usize, String, Vec<Atom>, split::Reading)> = None;
        for (k, (run, cand_atoms)) in candidates.iter().enumerate() {
            let (joined, mut shifted) = self.rebase(cand_atoms);
            // Where the header puts a status among the numbers and the row has none, the
            // one wider gap between its numbers is that empty cell (`16 762  3 296`), not
            // an empty numeric one.
            let mut mid = run
                .as_ref()
                .as_ref()
                .and_then(|r| r.mid)
                .zip(header.mid)
                .map(|(m, k)| (m.at, k));
            if let (None, Some(k)) = (mid, header.mid) {
                let wide: Vec<usize> = (1..shifted.len())
                    .filter(|&a| shifted[a].gap_before >= 2)
                    .collect();
                if let [a] = wide[..] {
                    shifted[a].gap_before = 1;
                    shifted[a].plain_before = false;
                    mid = Some((a, k));
                }
            }
            let after_words = run.as_ref().as_ref().map_or(0, |r| {
                info.lexed.tokens[r.tokens.1..]
                    .iter()
                    .filter(|t| t.is_word())
                    .count()
            });
            let options = Options {
                columns: count,
                absorb: info.label_words > 0,
                // A bare year after the numbers, under a completion column after them
                // (`… 2 196 2025` under `Est. ferdig`), may be that column's text.
                // A known status right after the numbers (`… 2 188 13 671 Forsinket`)
                // is where the numbers end: none of them is the status's text.
                release: after_words > 0 && !(k == 0 && self.status_after(row_line).is_some())
                    || year_completes(header, &joined, &shifted),
                trailing_gap: if after_words == 0 {
                    let last_line = self.line(*lines.last().unwrap_or(&row_line));
                    trailing_spaces(last_line).saturating_sub(trailing_base)
                } else {
                    0
                },
                mid,
                label_spaces_are_padding: shape.label_padding,
            };
            let Some(mut reading) =
                split::split_with(&joined, &shifted, relations, options, expected)
            else {
                continue;
            };
            // A row read with every cell filled whose relation fails may be a sparse row
            // whose amount was cut in two (`Mære VA     1 250 -1 250` read `1 | 250 |
            // -1 250`): read it again with an empty operand as zero, and keep that
            // reading where it has an empty cell and more relations hold.
            let full = reading.cells.iter().all(Option::is_some);
            if full && reading.relations_ok < relations.len() && !relations.is_empty() {
                let zero: Vec<Relation> = relations
                    .iter()
                    .map(|r| Relation {
                        empty_is_zero: true,
                        ..r.clone()
                    })
                    .collect();
                if let Some(again) = split::split_with(&joined, &shifted, &zero, options, expected)
                {
                    if again.relations_ok > reading.relations_ok
                        && again.cells.iter().any(Option::is_none)
                    {
                        reading = again;
                    }
                }
            }
            // A breakdown (`herav sykelønnsrefusjon −16 971 −17 431`) often prints no
            // deviation: where its relation fails with every cell filled, read it again
            // expecting the relation's result empty, and keep that reading where it
            // leaves the result empty (`−16 971 | −17 431 |`, not `−16 971 | −17 | 431`).
            let failed = (full
                && reading.relations_ok < relations.len()
                && self.breakdown_row(label_lines, row_line))
            .then(|| {
                relations.iter().find(|r| {
                    reading.cells.get(r.result).is_some_and(Option::is_some)
                        && !r.holds_in(&|k| {
                            let (a, n) = reading.cells.get(k).copied().flatten()?;
                            split::number_of(&joined, &shifted, a, n).map(|x| (x.value, x.percent))
                        })
                })
            })
            .flatten();
            if let Some(rel) = failed {
                let mut want: Vec<split::Expect> = (0..count)
                    .map(|c| expected.get(c).copied().unwrap_or_default())
                    .collect();
                if let Some(w) = want.get_mut(rel.result) {
                    w.vacant = true;
                }
                if let Some(again) = split::split_with(&joined, &shifted, relations, options, &want)
                {
                    if again.cells.get(rel.result).is_some_and(Option::is_none) {
                        reading = again;
                    }
                }
            }
            if chosen
                .as_ref()
                .is_none_or(|c| reading.relations_ok >= c.3.relations_ok)
            {
                chosen = Some((k, joined, shifted, reading));
            }
        }
        let (k, joined, shifted, reading) = chosen?;
        let (run, atoms) = (&*candidates[k].0, &*candidates[k].1);
        let mut cells = Vec::new();
        for (col, placed) in reading.cells.iter().enumerate() {
            let Some((a0, len)) = placed else { continue };
            let first = &atoms[*a0];
            let lastp = &atoms[a0 + len - 1];
            let value = if shifted[*a0].group.is_some() {
                split::number_of(&joined, &shifted, *a0, *len)
            } else {
                None
            };
            let start = self.ranges[first.0].0 + first.1.start as usize;
            let end = self.ranges[lastp.0].0 + lastp.1.end as usize;
            let text = if first.0 == lastp.0 {
                self.text.get(start..end).unwrap_or("").to_string()
            } else {
                atoms[*a0..a0 + len]
                    .iter()
                    .map(|(l, a)| {
                        self.line(*l)
                            .get(a.start as usize..a.end as usize)
                            .unwrap_or("")
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let line_text = self.line(first.0);
            let col_start = char_col(line_text, first.1.start as usize);
            let col_end = if first.0 == lastp.0 {
                char_col(line_text, lastp.1.end as usize)
            } else {
                char_col(line_text, line_text.len())
            };
            cells.push(Cell {
                column: col,
                text,
                value: value.as_ref().map(|n| n.value),
                line: first.0 + 1,
                column_start: col_start,
                column_end: col_end,
                span: (start, end),
                minus: value.as_ref().and_then(|n| n.minus),
                percent: value.as_ref().is_some_and(|n| n.percent),
                quarter: false,
            });
        }
        // The label: wrapped lines above, then the words before the numbers, then any
        // groups the split gave to the label.
        let mut label_parts: Vec<String> = label_lines
            .iter()
            .map(|&l| self.line(l).trim().to_string())
            .collect();
        let row_text = self.line(row_line);
        if let Some(run) = run {
            let label_end = if reading.absorbed > 0 {
                run.atoms[reading.absorbed - 1].end as usize
            } else {
                info.lexed
                    .tokens
                    .get(run.tokens.0)
                    .map_or(0, |t| t.start as usize)
            };
            let own = row_text.get(..label_end).unwrap_or("").trim();
            if !own.is_empty() {
                label_parts.push(own.to_string());
            }
        }
        let label = label_parts.join(" ");
        // Text after the numbers goes to the first text column, if the table has one
        // (after a status column that stands among the numbers).
        let mut text_cells = Vec::new();
        let comment_col = header.columns.len() + usize::from(header.mid.is_some());
        if let Some(run) = run {
            let tail_start = if reading.released > 0 {
                run.atoms[run.atoms.len() - reading.released].start as usize
            } else {
                info.lexed
                    .tokens
                    .get(run.tokens.1)
                    .map_or(row_text.len(), |t| t.start as usize)
            };
            let tail = row_text.get(tail_start..).unwrap_or("").trim();
            let status_col = header.status_column();
            // Under a header whose text after the numbers is a comment and no status
            // (`… Avvik Merknad`), a status word starts the comment (`Videreføres neste
            // år`): the table has no status column to fill.
            let text_columns = header.columns.len() + header.text_columns.len();
            let comment_only = comment_col < text_columns && status_col >= text_columns;
            let status = self
                .status_after(row_line)
                .filter(|_| reading.released == 0 && !comment_only);
            if let Some((ss, se)) = status {
                // The status, then the description in the next text column.
                let cell = |column: usize, s: usize, e: usize| {
                    self.text_cell(row_line, s, e, column, row_text.get(s..e).unwrap_or(""))
                };
                text_cells.push(cell(status_col, ss, se));
                let rest = row_text.get(se..).unwrap_or("");
                let ds = se + rest.len() - rest.trim_start().len();
                let de = row_text.trim_end().len();
                if de > ds && status_col + 1 < header.columns.len() + header.text_columns.len() {
                    text_cells.push(cell(status_col + 1, ds, de));
                }
            } else if !tail.is_empty()
                && comment_col < header.columns.len() + header.text_columns.len()
            {
                let ts = tail_start
                    + (row_text.get(tail_start..).unwrap_or("").len()
                        - row_text.get(tail_start..).unwrap_or("").trim_start().len());
                let te = ts + tail.len();
                // A completion column after the numbers, then a comment: a year, or one
                // word and a year (`2026`, `Høst 2026`), is the completion.
                let completion_first = header
                    .text_columns
                    .get(comment_col - header.columns.len())
                    .is_some_and(|c| c.kind == ColumnKind::Ferdig)
                    && comment_col + 1 < header.columns.len() + header.text_columns.len();
                let year_end = completion_first
                    .then(|| {
                        let words: Vec<(usize, &str)> = tail
                            .split_whitespace()
                            .take(3)
                            .map(|w| (w.as_ptr() as usize - tail.as_ptr() as usize + w.len(), w))
                            .collect();
                        match words.as_slice() {
                            [(e, w), ..] if completion_year(w) => Some(*e),
                            [(_, a), (e, w), ..]
                                if completion_year(w)
                                    && a.chars().next().is_some_and(char::is_uppercase) =>
                            {
                                Some(*e)
                            }
                            _ => None,
                        }
                    })
                    .flatten();
                // Where the text would fill a status column that a description column
                // follows, a sentence whose first words are no status nor near one
                // (`Alle 7. trinn har fått tilbudet.`) is the description: the status
                // is empty.
                let column_kind = |c: usize| {
                    header
                        .text_columns
                        .get(c.wrapping_sub(header.columns.len()))
                        .map(|t| t.kind)
                };
                let described = column_kind(comment_col) == Some(ColumnKind::Status)
                    && column_kind(comment_col + 1) == Some(ColumnKind::Beskrivelse)
                    && {
                        let words: Vec<&str> = tail.split_whitespace().collect();
                        let first = words.first().copied().unwrap_or("");
                        let near = self
                            .vocab
                            .nearest_status(first.trim_end_matches(['.', ',']), Some(1))
                            .is_some_and(|(_, _, d)| d <= 2)
                            || self
                                .vocab
                                .is_status_prefix(&crate::vocab::phrase_words(first));
                        // A finished sentence, or one that wraps onto the next line
                        // (`Oppsigelse kan tidligst skje fra` / `1. januar 2026.`).
                        let sentence = tail.ends_with(['.', '!'])
                            || words.len() >= 4
                                && words.iter().any(|w| self.vocab.is_sentence_word(w));
                        words.len() >= 3 && sentence && !near
                    };
                match year_end {
                    _ if described => {
                        text_cells.push(self.text_cell(row_line, ts, te, comment_col + 1, tail));
                    }
                    Some(e) if e < tail.len() => {
                        let rest = &tail[e..];
                        let rs = ts + e + (rest.len() - rest.trim_start().len());
                        text_cells.push(self.text_cell(
                            row_line,
                            ts,
                            ts + e,
                            comment_col,
                            &tail[..e],
                        ));
                        text_cells.push(self.text_cell(
                            row_line,
                            rs,
                            te,
                            comment_col + 1,
                            rest.trim(),
                        ));
                    }
                    _ => text_cells.push(self.text_cell(row_line, ts, te, comment_col, tail)),
                }
            }
            // A status among the numbers (`… 2 097 4K-2024 986 …`).
            if let Some(m) = run.mid {
                let (ms, me) = (m.start as usize, m.end as usize);
                let text = row_text.get(ms..me).unwrap_or("");
                let mut cell = self.text_cell(row_line, ms, me, status_col, text);
                cell.quarter = m.quarter;
                text_cells.insert(0, cell);
            }
        }
        cells.extend(text_cells);
        Some(Row {
            line: row_line + 1,
            label,
            kind: RowKind::Item,
            cells,
            ambiguous: reading.ambiguous,
            label_lines: label_lines
                .iter()
                .map(|l| l + 1)
                .chain([row_line + 1])
                .collect(),
            spacing_misses: reading.spacing_misses,
            absorbed_groups: reading.absorbed_groups,
        })
    }

    /// A text cell (status, description, comment) at bytes `s..e` of line `line`.
    pub(crate) fn text_cell(
        &self,
        line: usize,
        s: usize,
        e: usize,
        column: usize,
        text: &str,
    ) -> Cell {
        let lt = self.line(line);
        let e = e.max(s);
        Cell {
            column,
            text: text.to_string(),
            value: None,
            line: line + 1,
            column_start: char_col(lt, s),
            column_end: char_col(lt, e),
            span: (self.ranges[line].0 + s, self.ranges[line].0 + e),
            minus: None,
            percent: false,
            quarter: false,
        }
    }

    /// Atoms from several lines, re-based onto the lines joined with one space, so
    /// that a number split over two lines is read from one text.
    fn rebase(&self, atoms: &[(usize, Atom)]) -> (String, Vec<Atom>) {
        let mut lines: Vec<usize> = atoms.iter().map(|(l, _)| *l).collect();
        lines.dedup();
        let (joined, bases) = self.join_lines(&lines);
        let shifted = atoms
            .iter()
            .map(|(l, a)| {
                let base = bases[lines.iter().position(|x| x == l).unwrap_or(0)] as u32;
                shift_atom(a, base)
            })
            .collect();
        (joined, shifted)
    }

    /// Join several lines with one space, returning the text and each line's base offset.
    fn join_lines(&self, lines: &[usize]) -> (String, Vec<usize>) {
        if lines.len() == 1 {
            return (self.line(lines[0]).to_string(), vec![0]);
        }
        let mut s = String::new();
        let mut bases = Vec::new();
        for &l in lines {
            if !s.is_empty() {
                s.push(' ');
            }
            bases.push(s.len());
            s.push_str(self.line(l));
        }
        (s, bases)
    }
}

fn shift_atom(a: &Atom, base: u32) -> Atom {
    let mut b = *a;
    b.start += base;
    b.end += base;
    if let Some(g) = b.group.as_mut() {
        g.digits = (g.digits.0 + base, g.digits.1 + base);
        g.decimals = g.decimals.map(|(s, e)| (s + base, e + base));
    }
    b
}

fn min_count(ctx: &Ctx<'_>, atoms: &[(usize, Atom)]) -> usize {
    let (joined, shifted) = ctx.rebase(atoms);
    let c = split::possible_counts(&joined, &shifted);
    if c == 0 {
        usize::MAX
    } else {
        c.trailing_zeros() as usize
    }
}

/// Spaces (and no-break spaces) at the end of a line, in bytes.
fn trailing_spaces(line: &str) -> u32 {
    (line.len() - line.trim_end_matches([' ', '\u{a0}']).len()) as u32
}

/// 1-based character column of a byte offset in a line.
pub fn char_col(line: &str, byte: usize) -> usize {
    line.get(..byte).map_or(0, |s| s.chars().count()) + 1
}

/// The usual number of integer digits of each column's cells, from rows that read only
/// one way.
fn column_expectations(rows: &[Row], count: usize) -> Vec<split::Expect> {
    (0..count)
        .map(|col| {
            let cells: Vec<&Cell> = rows
                .iter()
                .filter(|r| !r.ambiguous)
                .filter_map(|r| r.cell(col))
                .filter(|c| c.value.is_some())
                .collect();
            if cells.is_empty() {
                let rows_read = rows
                    .iter()
                    .filter(|r| !r.ambiguous && !r.cells.is_empty())
                    .count();
                return split::Expect {
                    empty: rows_read >= 3,
                    ..split::Expect::default()
                };
            }
            if cells.len() < 2 {
                return split::Expect::default();
            }
            let mut lens: Vec<u32> = cells
                .iter()
                .filter_map(|c| c.value)
                .filter(|v| !v.is_zero())
                .map(|v| crate::number::int_digits(v) as u32)
                .collect();
            if lens.is_empty() {
                return split::Expect::default();
            }
            lens.sort_unstable();
            let pct = cells.iter().filter(|c| c.percent).count();
            // Only a clear majority says what the column holds.
            let percent = if pct * 4 >= cells.len() * 3 {
                Some(true)
            } else if pct * 4 <= cells.len() {
                Some(false)
            } else {
                None
            };
            split::Expect {
                digits: Some(lens[lens.len() / 2]),
                percent,
                empty: false,
                sum: None,
                vacant: false,
                slack: rust_decimal::Decimal::ZERO,
                reference: false,
                homogeneous: lens.len() >= 3 && lens[lens.len() - 1] - lens[0] <= 2,
            }
        })
        .collect()
}

/// Counts ordered by how often they occur; on a tie the larger count first when
/// `larger_first`, else the smaller.
fn by_frequency(counts: HashMap<usize, usize>, larger_first: bool) -> Vec<usize> {
    let mut v: Vec<(usize, usize)> = counts.into_iter().collect();
    v.sort_by_key(|&(c, n)| {
        let tie = if larger_first { usize::MAX - c } else { c };
        (std::cmp::Reverse(n), tie)
    });
    v.into_iter().map(|(c, _)| c).collect()
}

/// What the rows of a table are read against.
#[derive(Clone, Copy)]
struct Shape<'s> {
    count: usize,
    header: &'s Header,
    relations: &'s [Relation],
    header_texts: &'s HashSet<String>,
    expected: &'s [split::Expect],
    /// For single rows (by their line, 0-based): what their cells are expected to be,
    /// in place of `expected`.
    row_expected: &'s [(usize, Vec<split::Expect>)],
    /// Trailing spaces every row of the table ends in beyond the one pdftotext leaves:
    /// padding of the whole table, no empty cell of any row.
    trailing_base: u32,
    /// Rows with every cell filled show extra spaces after their labels: such spaces
    /// are padding, not an empty first cell.
    label_padding: bool,
}

/// How many of the candidate column counts, best first by their first reading, are
/// read a second time with the expectations of their columns.
const SECOND_READS: usize = 2;

/// Rows of a table and the lines whose numbers no reading fitted.
type RowsRead = (Vec<Row>, Vec<usize>);

/// How well a reading of a table fits: relations that hold, rows read, rows that no
/// reading fitted, ambiguous rows, empty cells, and how well the header names fit.
fn reading_score(
    rows: &[Row],
    unread: &[usize],
    header: &Header,
    relations: &[Relation],
    vocab: &Vocab,
) -> i64 {
    let columns = header.columns.len();
    // The share of the totals' cells that the reading makes add up, not their number:
    // digit groups read as cells of their own add up just as well (`212 | 400` and
    // `141 | 300` over `353 | 700`) and would otherwise earn more.
    let (held, checked, confirmed) = sums_that_hold(rows, columns, vocab);
    let mut score = if checked > 0 { 8 * held / checked } else { 0 };
    for (x, r) in rows.iter().enumerate() {
        if r.kind == RowKind::Heading {
            continue;
        }
        // A label printed once labels one row: a row with the label of the row right
        // before it (`Barnehager` over its cells one per line, each read as a row of
        // one cell) earns nothing.
        if x > 0 && !r.label.is_empty() && rows[x - 1].label == r.label {
            score -= 3;
        }
        // Amounts of four digit groups are rare and of five or more rarer still: such a
        // cell usually means several cells read as one.
        for c in r.cells.iter().filter(|c| c.column < columns) {
            let digits = c.value.map_or(0, crate::number::int_digits);
            score -= match digits {
                0..=9 => 0,
                10..=12 => 1,
                _ => 4,
            };
        }
        score += 2;
        // Empty cells that the totals' sums confirm cost nothing.
        let empty: Vec<usize> = (0..columns).filter(|&c| r.cell(c).is_none()).collect();
        let unconfirmed = empty
            .iter()
            .filter(|&&c| confirmed[x] >> c.min(63) & 1 == 0)
            .count();
        score -= unconfirmed as i64;
        if r.ambiguous && (empty.is_empty() || unconfirmed > 0) {
            score -= 1;
        }
        // Extra spaces where a reading puts no empty cell: pdftotext leaves one per
        // empty cell, so the spacing is evidence (if weak: labels can end in spaces).
        score -= 2 * r.spacing_misses as i64;
        // Groups given to the label: a fallback, not a reading to prefer.
        score -= 2 * r.absorbed_groups as i64;
        let value = |k: usize| r.cell(k).and_then(|c| c.value.map(|v| (v, c.percent)));
        for rel in relations {
            if rel.holds_in(&value) {
                score += 4;
            }
        }
    }
    score -= 10 * unread.len() as i64;
    // Cells of one column have like magnitudes: a cell far from its column's median
    // number of digits suggests digit groups read into the wrong cells.
    for col in 0..columns {
        // A zero fits a column of any magnitude.
        let mut lens: Vec<i64> = rows
            .iter()
            .filter_map(|r| r.cell(col).and_then(|c| c.value))
            .filter(|v| !v.is_zero())
            .map(|v| crate::number::int_digits(v) as i64)
            .collect();
        if lens.len() < 3 {
            continue;
        }
        lens.sort_unstable();
        let median = lens[lens.len() / 2];
        score -= lens
            .iter()
            .map(|l| ((l - median).abs() - 2).clamp(0, 2))
            .sum::<i64>();
    }
    // A thousands group read as a column of its own: in every row one or two digits, one
    // space, then exactly three digits (`4 | 528`, `1 | 359`). One number is the
    // likelier reading.
    let plain_int = |c: &Cell| {
        !c.percent
            && c.minus.is_none()
            && c.value
                .is_some_and(|v| v.scale() == 0 && v >= rust_decimal::Decimal::ZERO)
    };
    for col in 1..columns {
        let pairs: Vec<bool> = rows
            .iter()
            .filter(|r| r.kind != RowKind::Heading)
            .filter_map(|r| Some((r.cell(col - 1)?, r.cell(col)?)))
            .map(|(a, b)| {
                plain_int(a)
                    && plain_int(b)
                    && a.line == b.line
                    && b.column_start == a.column_end + 1
                    && b.text.len() == 3
                    && a.text.len() <= 2
            })
            .collect();
        if pairs.len() >= 2 && pairs.iter().all(|&p| p) {
            score -= pairs.len() as i64;
        }
    }
    // A column that one row of three or more fills, and there with the head of a
    // number whose thousands the next cell took (`21 | 340 120`), is no column of the
    // table but a header word read as one (`Fond Inngående saldo …` over fund names).
    let filled_rows = rows
        .iter()
        .filter(|r| r.kind != RowKind::Heading && !r.cells.is_empty())
        .count();
    if filled_rows >= 3 {
        for col in 0..columns.saturating_sub(1) {
            let cells: Vec<(&Cell, Option<&Cell>)> = rows
                .iter()
                .filter_map(|r| Some((r.cell(col)?, r.cell(col + 1))))
                .collect();
            if let [(a, Some(b))] = cells[..] {
                if plain_int(a)
                    && plain_int(b)
                    && a.line == b.line
                    && b.column_start == a.column_end + 1
                    && a.text.len() <= 3
                    && b.text.len() > 3
                    && b.text.as_bytes().get(3) == Some(&b' ')
                {
                    score -= 4;
                }
            }
        }
    }
    // A first column that no row fills, named by the header's first word alone (`Fond`
    // over `Disposisjonsfond …`), when no word is left for the label column: that word
    // names the labels. A year names a column that may be empty (`2024` of a plan).
    if filled_rows >= 3
        && header.fitted
        && header.label.trim().is_empty()
        && header.columns.first().is_some_and(|c| {
            !c.name.contains(' ') && !c.name.chars().next().is_some_and(|ch| ch.is_ascii_digit())
        })
        && rows.iter().all(|r| r.cell(0).is_none())
    {
        score -= 4;
    }
    // A column holds percentages or amounts, not both: a reading that mixes them in one
    // column has put cells in the wrong columns.
    for col in 0..columns {
        let (mut pct, mut amounts) = (0i64, 0i64);
        for c in rows.iter().filter_map(|r| r.cell(col)) {
            if c.value.is_some() {
                if c.percent {
                    pct += 1;
                } else {
                    amounts += 1;
                }
            }
        }
        score -= 3 * pct.min(amounts);
    }
    // Header names: how column-like they read, less a cost per column, so that a year
    // on a line of its own is not taken for a column of its own.
    if header.fitted {
        score + i64::from(header.score.max(-50)) - 4 * columns as i64
    } else {
        // A header that cannot name this many columns speaks against the count.
        score - 10
    }
}

/// Each row's class by its label, once (none for headings and unlabelled rows).
fn label_classes(rows: &[Row], vocab: &Vocab) -> Vec<Option<LabelClass>> {
    rows.iter()
        .map(|r| {
            (r.kind != RowKind::Heading && !r.label.trim().is_empty()).then(|| {
                vocab.label_class(&crate::vocab::phrase_words(meaning::without_code(&r.label)))
            })
        })
        .collect()
}

/// A row's amount in a column for a sum: none for an empty, nil or percent cell.
fn amount(r: &Row, col: usize) -> Option<rust_decimal::Decimal> {
    r.cell(col).filter(|c| !c.percent).and_then(|c| c.value)
}

/// Totals that the reading makes add up: for every row labelled as a total or
/// subtotal, the columns where its value is the exact sum of two or more item cells
/// above it (since the previous total, or since the table's start), and the number of
/// total cells looked at. A reading that puts the cells in the right columns makes the
/// table's own sums hold; rounding only costs the bonus, it is never held against a
/// reading.
/// Third, per row, the columns (a bit each) where a total below it holds in every column
/// over the rows since the previous total: the row's empty cells there are confirmed.
fn sums_that_hold(rows: &[Row], columns: usize, vocab: &Vocab) -> (i64, i64, Vec<u64>) {
    let classes = label_classes(rows, vocab);
    let (mut held, mut checked) = (0i64, 0i64);
    let mut confirmed = vec![0u64; rows.len()];
    let mut since = 0usize;
    for (i, r) in rows.iter().enumerate() {
        if !matches!(
            classes[i],
            Some(LabelClass::GrandTotal | LabelClass::SubTotal)
        ) {
            continue;
        }
        let mut all = true;
        let mut cols = 0u64;
        for col in 0..columns {
            let Some(total) = amount(r, col) else {
                continue;
            };
            checked += 1;
            let sum_over = |from: usize| {
                let (sum, n) = (from..i)
                    .filter(|&x| classes[x] == Some(LabelClass::Plain))
                    .filter_map(|x| amount(&rows[x], col))
                    .fold((rust_decimal::Decimal::ZERO, 0), |(s, n), v| (s + v, n + 1));
                n >= 2 && sum == total
            };
            if sum_over(since) {
                held += 1;
                cols |= 1u64.checked_shl(col as u32).unwrap_or(0);
            } else {
                all = false;
                if since > 0 && sum_over(0) {
                    held += 1;
                }
            }
        }
        // Every column of the total adds up over the rows since the previous total:
        // their empty cells in those columns are where the sums put them.
        if all && cols != 0 {
            for (x, c) in confirmed.iter_mut().enumerate().take(i).skip(since) {
                if classes[x] == Some(LabelClass::Plain) {
                    *c = cols;
                }
            }
        }
        since = i + 1;
    }
    (held, checked, confirmed)
}

/// How far a total of `rows` rows may be from their sum by rounding alone: half a unit
/// per row and for the total. None for small totals, where a sum within rounding comes
/// about by chance (percentages under an average).
fn rounding_slack(total: rust_decimal::Decimal, rows: usize) -> rust_decimal::Decimal {
    if total.abs() < rust_decimal::Decimal::ONE_HUNDRED {
        return rust_decimal::Decimal::ZERO;
    }
    crate::number::half_unit(total) * rust_decimal::Decimal::from(rows.min(1000) + 1)
}

/// Each total or subtotal (by its label) with the item rows since the previous one:
/// the groups that the sums' checks and re-reads look at.
fn total_blocks(rows: &[Row], vocab: &Vocab) -> Vec<(usize, Vec<usize>)> {
    let classes = label_classes(rows, vocab);
    let mut out = Vec::new();
    let mut since = 0usize;
    for (i, class) in classes.iter().enumerate() {
        if !matches!(class, Some(LabelClass::GrandTotal | LabelClass::SubTotal)) {
            continue;
        }
        let block = (since..i)
            .filter(|&x| classes[x] == Some(LabelClass::Plain))
            .collect();
        out.push((i, block));
        since = i + 1;
    }
    out
}

/// Totals that add up within rounding, over the rows since the previous total: how a
/// reading of the sums' re-reads is judged after the totals that add up exactly.
fn sums_near(rows: &[Row], columns: usize, vocab: &Vocab) -> i64 {
    let mut near = 0;
    for (i, block) in total_blocks(rows, vocab) {
        let r = &rows[i];
        for col in 0..columns {
            let Some(total) = amount(r, col) else {
                continue;
            };
            let values: Vec<rust_decimal::Decimal> = block
                .iter()
                .filter_map(|&x| amount(&rows[x], col))
                .collect();
            let sum: rust_decimal::Decimal = values.iter().sum();
            if values.len() >= 2 && (sum - total).abs() <= rounding_slack(total, values.len()) {
                near += 1;
            }
        }
    }
    near
}

/// How many rows of a table [`Ctx::build`] reads again for the sums of its totals.
const REREADS: usize = 8;

/// How many shared-gap hypotheses [`Ctx::read_for_sums`] tries per table.
const GAP_TRIES: usize = 8;

/// For each total or subtotal whose sum fails, with two or more item rows above it that
/// have fewer cells than columns: one hypothesis per column the total fills where more
/// of its columns would add up, that those sparse rows all leave that column empty (each
/// row with its line and, per column, what its cell should be: empty in that column).
fn shared_gaps(
    rows: &[Row],
    columns: usize,
    vocab: &Vocab,
    expected: &[split::Expect],
) -> Vec<Vec<(usize, Vec<split::Expect>)>> {
    let mut out = Vec::new();
    for (i, block) in total_blocks(rows, vocab) {
        let r = &rows[i];
        let sum = |col: usize| -> rust_decimal::Decimal {
            block.iter().filter_map(|&x| amount(&rows[x], col)).sum()
        };
        let totals: Vec<usize> = (0..columns)
            .filter(|&col| amount(r, col).is_some())
            .collect();
        if totals.iter().all(|&col| amount(r, col) == Some(sum(col))) {
            continue;
        }
        let sparse: Vec<usize> = block
            .iter()
            .copied()
            .filter(|&x| {
                let n = rows[x].cells.iter().filter(|c| c.column < columns).count();
                n > 0 && n < columns
            })
            .collect();
        if sparse.len() < 2 {
            continue;
        }
        // What each total column would add up to with the gap in `gap`: a sparse row of
        // one empty cell fills the other columns in order, the other rows stay.
        let holds_with_gap = |gap: Option<usize>| {
            totals
                .iter()
                .filter(|&&col| {
                    let sum: rust_decimal::Decimal = block
                        .iter()
                        .filter_map(|&x| {
                            let row = &rows[x];
                            let cells: Vec<&Cell> =
                                row.cells.iter().filter(|c| c.column < columns).collect();
                            match gap {
                                Some(g) if cells.len() + 1 == columns && col != g => {
                                    let at = if col < g { col } else { col - 1 };
                                    cells.get(at).filter(|c| !c.percent).and_then(|c| c.value)
                                }
                                Some(g) if cells.len() + 1 == columns && col == g => None,
                                _ => amount(row, col),
                            }
                        })
                        .sum();
                    amount(r, col) == Some(sum)
                })
                .count()
        };
        let now = holds_with_gap(None);
        for &gap in &totals {
            if holds_with_gap(Some(gap)) <= now {
                continue;
            }
            let want: Vec<split::Expect> = (0..columns)
                .map(|c| split::Expect {
                    vacant: c == gap,
                    ..expected.get(c).copied().unwrap_or_default()
                })
                .collect();
            out.push(
                sparse
                    .iter()
                    .map(|&x| (rows[x].line - 1, want.clone()))
                    .collect(),
            );
        }
    }
    out
}

/// For each total or subtotal whose sum fails in some column, the item rows above it
/// that could be read another way (more than one way, fewer cells than columns, or a
/// run of digit groups that makes more than one count of numbers), each with its line
/// and, per column, its usual cell with the value the total leaves it.
fn sum_targets(
    rows: &[Row],
    columns: usize,
    vocab: &Vocab,
    expected: &[split::Expect],
    infos: &[LineInfo],
) -> Vec<Vec<(usize, Vec<split::Expect>)>> {
    let mut out = Vec::new();
    for (i, block) in total_blocks(rows, vocab) {
        let r = &rows[i];
        if block.len() < 2 {
            continue;
        }
        let sum = |col: usize, skip: Option<usize>| -> rust_decimal::Decimal {
            block
                .iter()
                .filter(|&&x| Some(x) != skip)
                .filter_map(|&x| amount(&rows[x], col))
                .sum()
        };
        let totals: Vec<(usize, rust_decimal::Decimal)> = (0..columns)
            .filter_map(|col| amount(r, col).map(|t| (col, t)))
            .collect();
        if totals.iter().all(|&(col, t)| sum(col, None) == t) {
            continue;
        }
        // Rows that read more than one way first, then rows with empty cells, then
        // rows whose digit groups make more than one count of numbers.
        let mut unsure: Vec<(u8, usize)> = Vec::new();
        for &x in &block {
            let row = &rows[x];
            let numeric = row.cells.iter().filter(|c| c.column < columns).count();
            let counts = infos.get(row.line.wrapping_sub(1)).map_or(0, |l| l.counts);
            if row.ambiguous {
                unsure.push((0, x));
            } else if numeric < columns {
                unsure.push((1, x));
            } else if !counts.is_power_of_two() {
                unsure.push((2, x));
            }
        }
        unsure.sort_unstable();
        let wants = unsure
            .into_iter()
            .map(|(_, x)| x)
            .map(|a| {
                let mut want: Vec<split::Expect> = (0..columns)
                    .map(|c| expected.get(c).copied().unwrap_or_default())
                    .collect();
                for &(col, t) in &totals {
                    want[col].sum = Some(t - sum(col, Some(a)));
                    want[col].slack = rounding_slack(t, block.len());
                }
                (rows[a].line - 1, want)
            })
            .collect();
        out.push(wants);
    }
    out
}

/// The relations the column kinds imply, for reading the digit groups.
pub fn relations_for(columns: &[Column], vocab: &Vocab) -> Vec<Relation> {
    let mut out = Vec::new();
    for (ri, col) in columns.iter().enumerate() {
        for def in &vocab.relations {
            if !fills_kind(col, &def.result, vocab) {
                continue;
            }
            let mut used = vec![ri];
            let mut terms = Vec::new();
            let mut magnitude = 0u64;
            let mut resolved = 0;
            for term in &def.terms {
                // `*kind`: every column of the kind before the result, one per year
                // (`Sum 2025–2028` over `2025 … 2028`).
                if let Some(kinds) = term.strip_prefix('*') {
                    let all = every_year_column(columns, ri, kinds, &used, vocab);
                    if all.is_empty() {
                        break;
                    }
                    used.extend(all.iter().copied());
                    terms.extend(all.into_iter().map(|k| (k, true)));
                    resolved += 1;
                    continue;
                }
                let (plus, kinds) = if let Some(k) = term.strip_prefix('-') {
                    (false, k)
                } else if let Some(k) = term.strip_prefix('~') {
                    magnitude |= 1u64.checked_shl(terms.len() as u32).unwrap_or(0);
                    (false, k)
                } else {
                    (true, term.trim_start_matches('+'))
                };
                // Prefer a column of exactly the result's period, then one of the period
                // of the terms already chosen (`Avvik` over `Regulert budsjett 2024` and
                // `Regnskap 2024`, not `Regnskap 2023`), then the kind listed first, then
                // the nearest column before the result.
                let kinds: Vec<&str> = kinds.split('|').collect();
                let pick = (0..columns.len())
                    .filter(|k| !used.contains(k))
                    .filter_map(|k| {
                        let rank = kinds
                            .iter()
                            .position(|n| fills_kind(&columns[k], n, vocab))?;
                        (def.any_period || columns[k].period.compatible(col.period))
                            .then_some((k, rank))
                    })
                    .min_by_key(|&(k, rank)| {
                        let exact = columns[k].period == col.period;
                        let mate = columns[k].period != crate::model::Period::Unknown
                            && terms.iter().any(|&(t, _): &(usize, bool)| {
                                columns[t].period == columns[k].period
                            });
                        let dist = if k < ri { ri - k } else { 100 + k - ri };
                        (!exact, !mate, rank, dist)
                    })
                    .map(|(k, _)| k);
                match pick {
                    Some(k) => {
                        used.push(k);
                        terms.push((k, plus));
                        resolved += 1;
                    }
                    None => break,
                }
            }
            if resolved == def.terms.len() {
                let mut either_sign = def.either_sign;
                if let Some(oriented) = def
                    .later_minus_earlier
                    .then(|| later_minus_earlier(columns, &terms))
                    .flatten()
                {
                    terms = oriented;
                    either_sign = false;
                }
                out.push(Relation {
                    result: ri,
                    terms,
                    either_sign,
                    empty_is_zero: def.empty_is_zero,
                    percent_ok: def.percent_ok,
                    magnitude,
                });
                break;
            }
        }
    }
    out
}

/// Two terms of two named years as the later added and the earlier subtracted (a
/// change runs from the earlier year); `None` where they are not of two years.
fn later_minus_earlier(columns: &[Column], terms: &[(usize, bool)]) -> Option<Vec<(usize, bool)>> {
    use crate::model::Period;
    let [(a, _), (b, _)] = *terms else {
        return None;
    };
    match (columns[a].period, columns[b].period) {
        (Period::Year(ya), Period::Year(yb)) if ya != yb => {
            let (later, earlier) = if ya > yb { (a, b) } else { (b, a) };
            Some(vec![(later, true), (earlier, false)])
        }
        _ => None,
    }
}

/// The columns before `result` that a `*kind` term sums: every column of one of the
/// kinds, each of its own year, two or more, with no column of another kind among them
/// (`2025 2026 2027 2028 Sum`). A result of one year sums no years.
fn every_year_column(
    columns: &[Column],
    result: usize,
    kinds: &str,
    used: &[usize],
    vocab: &Vocab,
) -> Vec<usize> {
    use crate::model::Period;
    if matches!(columns[result].period, Period::Year(_)) {
        return Vec::new();
    }
    let kinds: Vec<&str> = kinds.split('|').collect();
    let fills = |k: usize| kinds.iter().any(|n| fills_kind(&columns[k], n, vocab));
    // The run of such columns right before the result.
    let mut start = result;
    while start > 0 && fills(start - 1) && !used.contains(&(start - 1)) {
        start -= 1;
    }
    let run: Vec<usize> = (start..result).collect();
    let mut years: Vec<u16> = Vec::new();
    for &k in &run {
        match columns[k].period {
            Period::Year(y) if !years.contains(&y) => years.push(y),
            _ => return Vec::new(),
        }
    }
    if run.len() < 2 {
        return Vec::new();
    }
    run
}

/// Can the column fill a relation's operand of kind `name`? Its own kind, or, for the
/// movements between two balances, a column of a fund or of no known kind named by an
/// addition (`tilgang`: `Avsetning`, `Nye lån`) or a reduction (`avgang`: `Bruk`,
/// `Avdrag`), a balance of no known kind at the year's start (`inngaende`:
/// `Lånegjeld 01.01.2024`) or end (`utgaende`: `Lånegjeld 31.12.2024`), and gross
/// expenses, incomes and their net (`utgifter`, `inntekter`, `netto`) of no known kind.
fn fills_kind(col: &Column, name: &str, vocab: &Vocab) -> bool {
    if col.kind.name() == name {
        return true;
    }
    let words = || col.name.split_whitespace();
    let movement = matches!(col.kind, ColumnKind::Fond | ColumnKind::Ukjent);
    match name {
        "tilgang" => movement && words().any(|w| vocab.is_addition(w)),
        "avgang" => movement && words().any(|w| vocab.is_reduction(w)),
        "inngaende" => {
            col.kind == ColumnKind::Ukjent
                && words().any(|w| w.starts_with("01.01") || w.starts_with("1.1."))
        }
        "utgaende" => col.kind == ColumnKind::Ukjent && words().any(|w| w.starts_with("31.12")),
        "netto" => col.kind == ColumnKind::Ukjent && words().any(|w| vocab.is_net(w)),
        "utgifter" => {
            col.kind == ColumnKind::Ukjent
                && words().any(|w| vocab.is_expense(w))
                && !words().any(|w| vocab.is_net(w) || vocab.is_income(w))
        }
        "inntekter" => {
            col.kind == ColumnKind::Ukjent
                && words().any(|w| vocab.is_income(w))
                && !words().any(|w| vocab.is_net(w) || vocab.is_expense(w))
        }
        _ => false,
    }
}

/// A reading to try for a row: its run and the atoms with their lines.
type Candidate<'a> = (Cow<'a, Option<Run>>, Cow<'a, [(usize, Atom)]>);

/// The header names a completion column after the numbers (`Est. ferdig`) and the
/// row's last atom is a year a project may be done in.
fn year_completes(header: &Header, line: &str, atoms: &[Atom]) -> bool {
    header.mid.is_none()
        && header
            .text_columns
            .first()
            .is_some_and(|c| c.kind == ColumnKind::Ferdig)
        && atoms.last().is_some_and(|a| year_atom(a, line))
}

/// A year a project may be done in (`2026`): this century's, not an amount.
fn completion_year(t: &str) -> bool {
    is_year(t) && t.starts_with("20")
}

/// Four plain digits that read as a completion year (`2026`), not an amount.
fn year_atom(a: &Atom, line: &str) -> bool {
    a.group.is_some_and(|g| {
        g.minus.is_none()
            && g.decimals.is_none()
            && !a.percent
            && !a.glued
            && line
                .get(g.digits.0 as usize..g.digits.1 as usize)
                .is_some_and(completion_year)
    })
}

/// A run joined across words (`Høst 2025`): a year right after the words belongs to them.
fn year_after_mid(run: &Run, line: &str) -> Run {
    let mut run = run.clone();
    if let Some(m) = run.mid.as_mut() {
        if run.atoms.len() > m.at + 1 && year_atom(&run.atoms[m.at], line) {
            let year = run.atoms.remove(m.at);
            m.end = year.end;
            run.atoms[m.at].gap_before = 1;
            run.atoms[m.at].plain_before = false;
        }
    }
    run
}

/// The run with its one bare year between numbers read as the status cell
/// (`40 000 2 000 2026 3 000 2 000 1 000`).
fn year_as_mid(run: &Run, line: &str) -> Option<Run> {
    let n = run.atoms.len();
    let years: Vec<usize> = (1..n.saturating_sub(1))
        .filter(|&a| {
            year_atom(&run.atoms[a], line)
                && run.atoms[a].gap_before >= 1
                && run.atoms[a + 1].gap_before >= 1
        })
        .collect();
    let [at] = years[..] else { return None };
    let mut run = run.clone();
    let year = run.atoms.remove(at);
    run.mid = Some(crate::layout::Mid {
        at,
        start: year.start,
        end: year.end,
        quarter: false,
    });
    run.atoms[at].gap_before = 1;
    run.atoms[at].plain_before = false;
    run.atoms[at].glued = false;
    Some(run)
}

//! Status tables: lists of tasks, measures or decisions, each with a status and a
//! description (`Oppdrag / Status / Beskrivelse status`).
//!
//! pdftotext writes such a table as blocks: the task text (wrapped over lines), then a
//! block that starts with the status word and goes on with the description. The status
//! can also end the task's last line, be wrapped over two lines (`Henhold` / `til plan`),
//! or be missing, which shows as a line that starts with one space followed by the
//! description. Status words are data (`rules/status.toml`).

use crate::assemble::Ctx;
use crate::lex::TokenKind;
use crate::model::{Cell, Column, ColumnKind, Period, Row, RowKind, Table, TableKind};
use crate::vocab::{norm_word, phrase_words};

/// A status found on a line: byte span in the line and the value index.
pub(crate) struct Found {
    start: usize,
    end: usize,
    /// Lines the status spans (a wrapped status takes two).
    pub lines: usize,
}

/// The cell for a status found at line `l`.
pub(crate) fn status_cell(ctx: &Ctx<'_>, l: usize, f: &Found, column: usize) -> Cell {
    let line = ctx.line(l);
    let text = if f.lines == 2 {
        format!("{} {}", line.trim(), ctx.line(l + 1).trim())
    } else {
        line.get(f.start..f.end).unwrap_or("").trim().to_string()
    };
    ctx.text_cell(l, f.start, f.end, column, &text)
}

/// The header of a status-only table: a line naming a status column and at least one
/// other text or label column, with no numbers.
fn is_status_header(ctx: &Ctx<'_>, i: usize) -> bool {
    let info = &ctx.infos[i];
    if info.run.is_some() || info.words < 2 || info.words > 10 {
        return false;
    }
    let line = ctx.line(i);
    let words: Vec<&str> = info
        .lexed
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(line))
        .collect();
    let has_status = words.iter().any(|w| norm_word(w) == "status");
    let others = words.iter().all(|w| {
        ctx.vocab
            .kind_of(w)
            .is_some_and(|k| ctx.vocab.kinds[k].text)
            || ctx.vocab.is_label_header(w)
            || ctx.vocab.is_qualifier(w)
    });
    // Numeric kinds in the header make it a numeric table with text columns.
    let numeric = words.iter().any(|w| {
        ctx.vocab
            .kind_of(w)
            .is_some_and(|k| !ctx.vocab.kinds[k].text)
    });
    has_status && others && !numeric
}

/// A status at the start of line `i` (possibly wrapped onto the next line).
pub(crate) fn status_at_start(ctx: &Ctx<'_>, i: usize) -> Option<Found> {
    let line = ctx.line(i);
    // A status is written with a capital: `gjennomført i første tertial` continues prose.
    if !line
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase())
    {
        return None;
    }
    let words = phrase_words(line);
    if let Some((_, n)) = ctx.vocab.match_status(&words) {
        let end = byte_after_words(line, n);
        return Some(Found {
            start: line.len() - line.trim_start().len(),
            end,
            lines: 1,
        });
    }
    // `Henhold` / `til plan`: the whole line is a prefix of an alias.
    if ctx.vocab.is_status_prefix(&words) && i + 1 < ctx.infos.len() {
        let next = ctx.line(i + 1);
        let mut joined = words.clone();
        joined.extend(phrase_words(next));
        if let Some((_, n)) = ctx.vocab.match_status(&joined) {
            if n > words.len() {
                return Some(Found {
                    start: line.len() - line.trim_start().len(),
                    end: line.trim_end().len(),
                    lines: 2,
                });
            }
        }
    }
    None
}

/// The byte offset just after the first `n` words of a line.
fn byte_after_words(line: &str, n: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in line.char_indices() {
        let sep = c.is_whitespace();
        if !sep && !in_word {
            in_word = true;
        } else if sep && in_word {
            in_word = false;
            seen += 1;
            if seen == n {
                return i;
            }
        }
    }
    line.trim_end().len()
}

/// Find every status-only table.
pub(crate) fn find(ctx: &Ctx<'_>) -> Vec<Table> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = ctx.infos.len();
    while i < n {
        if !is_status_header(ctx, i) {
            i += 1;
            continue;
        }
        let header_text = ctx.line(i).trim().to_string();
        let header_line = i;
        let mut rows: Vec<Row> = Vec::new();
        let mut task: Vec<usize> = Vec::new();
        let mut tasks_without_status = 0;
        let mut last_row_line = i;
        let mut j = i + 1;
        while j < n {
            let info = &ctx.infos[j];
            let text = ctx.line(j);
            if ctx.noise[j] || (info.blank && !info.lone_space) || text.trim() == header_text {
                j += 1;
                continue;
            }
            if info.lone_space {
                j += 1;
                continue;
            }
            if info.is_strong_row() || is_status_header(ctx, j) && text.trim() != header_text {
                break;
            }
            // A status or empty-status block closes the task gathered so far.
            let starts_space = text.starts_with(' ') && !text.starts_with("  ");
            let found = if task.is_empty() {
                None
            } else {
                status_at_start(ctx, j)
            };
            if let Some(f) = found {
                let (desc_lines, next) = description(ctx, j, f.lines, &header_text);
                rows.push(make_row(ctx, &task, Some((j, &f)), &desc_lines));
                last_row_line = next.saturating_sub(1).max(j);
                task.clear();
                tasks_without_status = 0;
                j = next;
                continue;
            }
            if starts_space && !task.is_empty() && ctx.infos[j - 1].blank {
                // An empty status: the description stands where the status should be.
                let (desc_lines, next) = description(ctx, j, 0, &header_text);
                rows.push(make_row(ctx, &task, None, &desc_lines));
                last_row_line = next.saturating_sub(1).max(j);
                task.clear();
                j = next;
                continue;
            }
            // A status ending the task's last line: `… gjenbruk Iht. plan Det skal …`.
            if let Some(f) = status_inside(ctx, j) {
                task.push(j);
                let after = ctx.line(j).get(f.end..).unwrap_or("");
                let desc_start = f.end + after.len() - after.trim_start().len();
                let desc = ctx
                    .line(j)
                    .get(desc_start..)
                    .unwrap_or("")
                    .trim()
                    .to_string();
                let mut row = make_row(ctx, &task[..task.len() - 1], Some((j, &f)), &[]);
                // The part of line j before the status belongs to the task.
                let head = ctx.line(j).get(..f.start).unwrap_or("").trim();
                if !head.is_empty() {
                    if !row.label.is_empty() {
                        row.label.push(' ');
                    }
                    row.label.push_str(head);
                }
                let (more, next) = description(ctx, j + 1, 0, &header_text);
                let mut full = desc;
                for l in more {
                    full.push(' ');
                    full.push_str(ctx.line(l).trim());
                }
                if !full.trim().is_empty() {
                    row.cells.push(ctx.text_cell(
                        j,
                        desc_start,
                        ctx.line(j).trim_end().len(),
                        1,
                        full.trim(),
                    ));
                }
                rows.push(row);
                last_row_line = next.saturating_sub(1).max(j);
                task.clear();
                j = next;
                continue;
            }
            task.push(j);
            // A block of task text ends at a blank line; four in a row with no status
            // mean the table has ended.
            if j + 1 < n && ctx.infos[j + 1].blank {
                tasks_without_status += 1;
            }
            if tasks_without_status > 3 {
                break;
            }
            j += 1;
        }
        if rows.len() >= 2 {
            let mut table = Table {
                title: None,
                unit: None,
                kind: TableKind::Status,
                first_line: header_line + 1,
                last_line: last_row_line + 1,
                columns: vec![
                    Column {
                        name: "Status".into(),
                        kind: ColumnKind::Status,
                        period: Period::Unknown,
                        span: None,
                    },
                    Column {
                        name: "Beskrivelse".into(),
                        kind: ColumnKind::Beskrivelse,
                        period: Period::Unknown,
                        span: None,
                    },
                ],
                rows,
                unread_lines: Vec::new(),
            };
            table.title = title_above(ctx, header_line);
            for r in &mut table.rows {
                r.kind = RowKind::Task;
            }
            i = last_row_line + 1;
            out.push(table);
        } else {
            i += 1;
        }
    }
    out
}

fn title_above(ctx: &Ctx<'_>, header: usize) -> Option<String> {
    (header.saturating_sub(8)..header)
        .rev()
        .find(|&k| !ctx.infos[k].blank && !ctx.noise[k])
        .map(|k| ctx.line(k).trim().to_string())
        .filter(|t| t.chars().count() <= 100)
}

/// A status alias inside a line after the task text, with capitalised first word.
fn status_inside(ctx: &Ctx<'_>, i: usize) -> Option<Found> {
    let line = ctx.line(i);
    let info = &ctx.infos[i];
    let words: Vec<(usize, &str)> = info
        .lexed
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| (t.start as usize, t.text(line)))
        .collect();
    for k in 2..words.len() {
        let (start, w) = words[k];
        if !w.chars().next().is_some_and(|c| c.is_uppercase()) {
            continue;
        }
        let rest: Vec<String> = words[k..].iter().map(|(_, w)| norm_word(w)).collect();
        if let Some((_, n)) = ctx.vocab.match_status(&rest) {
            // The word before must end the task text, not run into the status.
            let end = words
                .get(k + n - 1)
                .map(|(s, w)| s + w.len())
                .unwrap_or(line.len());
            return Some(Found {
                start,
                end,
                lines: 1,
            });
        }
    }
    None
}

/// The description that follows a status: the rest of the status line and the lines
/// after it up to the next blank line, footer or repeated header. Returns the
/// description lines and the next line.
fn description(
    ctx: &Ctx<'_>,
    start: usize,
    status_lines: usize,
    header: &str,
) -> (Vec<usize>, usize) {
    let mut lines = Vec::new();
    let mut j = start + status_lines.max(1);
    if status_lines == 0 {
        lines.push(start);
    }
    while j < ctx.infos.len()
        && !ctx.infos[j].blank
        && !ctx.noise[j]
        && ctx.line(j).trim() != header
    {
        lines.push(j);
        j += 1;
    }
    (lines, j)
}

fn make_row(
    ctx: &Ctx<'_>,
    task: &[usize],
    status: Option<(usize, &Found)>,
    desc_lines: &[usize],
) -> Row {
    let label = task
        .iter()
        .map(|&l| ctx.line(l).trim())
        .collect::<Vec<_>>()
        .join(" ");
    let mut cells = Vec::new();
    let mut desc = String::new();
    if let Some((l, f)) = status {
        let line = ctx.line(l);
        cells.push(status_cell(ctx, l, f, 0));
        if f.lines == 1 {
            desc.push_str(line.get(f.end..).unwrap_or("").trim());
        }
    }
    for &l in desc_lines {
        if !desc.is_empty() {
            desc.push(' ');
        }
        desc.push_str(ctx.line(l).trim());
    }
    if !desc.trim().is_empty() {
        let (dl, ds, de) = match (status, desc_lines.first()) {
            (Some((l, f)), _) if f.lines == 1 && ctx.line(l).trim_end().len() > f.end => {
                let t = ctx.line(l);
                let rest = t.get(f.end..).unwrap_or("");
                (
                    l,
                    f.end + rest.len() - rest.trim_start().len(),
                    t.trim_end().len(),
                )
            }
            (_, Some(&l)) => {
                let t = ctx.line(l);
                (l, t.len() - t.trim_start().len(), t.trim_end().len())
            }
            _ => (task.last().copied().unwrap_or(0), 0, 0),
        };
        cells.push(ctx.text_cell(dl, ds, de, 1, desc.trim()));
    }
    let line = status
        .map(|(l, _)| l)
        .or(desc_lines.first().copied())
        .or(task.last().copied())
        .unwrap_or(0);
    Row {
        line: line + 1,
        label,
        kind: RowKind::Task,
        cells,
        ambiguous: false,
        label_lines: task.iter().map(|l| l + 1).collect(),
        spacing_misses: 0,
        absorbed_groups: 0,
    }
}

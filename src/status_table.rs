//! Status tables: lists of tasks, measures or decisions, each with a status and a
//! description (`Oppdrag / Status / Beskrivelse status`).
//!
//! pdftotext writes such a table as blocks: the task text (wrapped over lines), then a
//! block that starts with the status word and goes on with the description. The status
//! can also end the task's last line, be wrapped over two lines (`Henhold` / `til plan`),
//! or be missing, which shows as a line that starts with one space followed by the
//! description. Status words are data (`rules/status.toml`).

use crate::assemble::Ctx;
use crate::model::{Cell, Column, ColumnKind, Period, Row, RowKind, Table, TableKind};
use crate::vocab::{norm_word, phrase_words};

/// A status found on a line: byte span in the line and the value index.
pub(crate) struct Found {
    start: usize,
    end: usize,
    /// Lines the status spans (a wrapped status takes two).
    pub lines: usize,
    /// For a wrapped status whose description starts on its last line (`I henhold` /
    /// `til plan Alle kontor er …`): where the status ends on that line.
    tail: Option<usize>,
    /// For a wrapped status beside its description (`Ikke i Arbeidet er forsinket` /
    /// `rute manglende kapasitet`): where the status ends on its first line.
    head: Option<usize>,
}

/// The cell for a status found at line `l`.
pub(crate) fn status_cell(ctx: &Ctx<'_>, l: usize, f: &Found, column: usize) -> Cell {
    let line = ctx.line(l);
    let text = if f.lines >= 2 {
        (l..l + f.lines)
            .map(|k| match (f.head, f.tail) {
                (Some(h), _) if k == l => ctx.line(k).get(..h).unwrap_or("").trim(),
                (_, Some(t)) if k + 1 == l + f.lines => ctx.line(k).get(..t).unwrap_or("").trim(),
                _ => ctx.line(k).trim(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        line.get(f.start..f.end).unwrap_or("").trim().to_string()
    };
    ctx.text_cell(l, f.start, f.end, column, &text)
}

/// The words of line `i`.
fn line_words<'c>(ctx: &'c Ctx<'_>, i: usize) -> Vec<&'c str> {
    let line = ctx.line(i);
    ctx.infos[i]
        .lexed
        .tokens
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.text(line))
        .collect()
}

/// A header word of a status list: a text column's (`Status`, `Kommentar`) or the
/// label column's (`Vedtak`, `Nr.`).
fn names_text_column(ctx: &Ctx<'_>, w: &str) -> bool {
    ctx.vocab
        .kind_of(w)
        .is_some_and(|k| ctx.vocab.kinds[k].text)
        || ctx.vocab.is_label_header(w)
}

/// The header of a status-only table: a line naming a status column and at least one
/// other text or label column, with no numbers.
fn is_status_header(ctx: &Ctx<'_>, i: usize) -> bool {
    let info = &ctx.infos[i];
    if info.run.is_some() || info.words < 2 || info.words > 10 {
        return false;
    }
    let words = line_words(ctx, i);
    let has_status = words.iter().any(|w| norm_word(w) == "status");
    let others = words
        .iter()
        .all(|w| names_text_column(ctx, w) || ctx.vocab.is_qualifier(w));
    // Numeric kinds in the header make it a numeric table with text columns.
    let numeric = words.iter().any(|w| {
        ctx.vocab
            .kind_of(w)
            .is_some_and(|k| !ctx.vocab.kinds[k].text)
    });
    has_status && others && !numeric && !numeric_header_above(ctx, i)
}

/// A status list's header stacked one name per line (`Nr.` / `Vedtak` / `Status` /
/// `Kommentar`), with line `i` the `Status` line: the header's first and last line.
fn stacked_status_header(ctx: &Ctx<'_>, i: usize) -> Option<(usize, usize)> {
    let name = |k: usize| -> Option<bool> {
        let info = ctx.infos.get(k)?;
        if info.run.is_some() || info.words == 0 || info.words > 2 || info.blank {
            return None;
        }
        let words = line_words(ctx, k);
        let known = words.iter().all(|w| names_text_column(ctx, w));
        known.then(|| words.iter().any(|w| norm_word(w) == "status"))
    };
    if name(i) != Some(true) || ctx.line(i).split_whitespace().count() != 1 {
        return None;
    }
    // The other names right above and below, or each after one empty line (`Tiltak` /
    // `` / `Status` / `` / `Beskrivelse`, pdftotext's cells one paragraph each), the
    // same spacing throughout.
    for step in [1, 2] {
        let spaced = |k: usize| step == 1 || empty(ctx, k);
        let above = (1..=3)
            .take_while(|&d| {
                i >= d * step && name(i - d * step) == Some(false) && spaced(i - d * step + 1)
            })
            .count();
        let below = (1..=2)
            .take_while(|&d| name(i + d * step) == Some(false) && spaced(i + d * step - 1))
            .count();
        if above >= 1 && below >= 1 {
            return Some((i - above * step, i + below * step));
        }
    }
    None
}

/// The lines right above line `i` are the first part of a wrapped header that names
/// numeric columns (`Tiltak Vedtatt` / `budsjett` / `Årsprognose Avvik` / … / `Status
/// Statusbeskrivelse`): then `i` ends a money table's header, not a status list's.
fn numeric_header_above(ctx: &Ctx<'_>, i: usize) -> bool {
    // A header that starts with the task column's name (`Tiltak Status Kommentar`)
    // starts on this line: what stands above is a title (`Tiltak i økonomiplanen`).
    let first = ctx.line(i).split_whitespace().next().unwrap_or("");
    if first.chars().next().is_some_and(char::is_uppercase) && ctx.vocab.is_label_header(first) {
        return false;
    }
    let mut k = i;
    let mut seen = 0;
    let mut below = i;
    while k > 0 && seen < 10 {
        k -= 1;
        let info = &ctx.infos[k];
        if info.blank {
            continue;
        }
        // A header's lines stand at most one empty line apart: a word further up is a
        // heading over the list (`Økonomiplan` / `` / ` ` / `Oppdrag Status …`).
        if below - k > 2 {
            return false;
        }
        below = k;
        seen += 1;
        // A line of text with a header word or two in it (`Tiltakene ble vedtatt i
        // desember.`) is prose above the list, no part of its header.
        // So is a sentence that ends in a full word and a full stop (`Nedenfor følger
        // status for tiltakene i budsjettet.`, `… vedtok i budsjettet for 2025.`), unlike
        // a header ending in an abbreviation (`Est.`, `hiå.`).
        let line = ctx.line(k).trim_end();
        let last_word = line
            .split_whitespace()
            .last()
            .unwrap_or("")
            .trim_end_matches('.');
        let full_word = last_word.chars().count() > 5
            || !last_word.is_empty() && last_word.chars().all(|c| c.is_ascii_digit());
        let sentence = info.words >= 3 && line.ends_with('.') && full_word;
        // A heading that numbers its section or speaks of statuses (`6.2 Status for
        // tiltak fra forrige økonomiplan`) is the list's title.
        let first_word = line.split_whitespace().next().unwrap_or("");
        let heading = first_word
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
            && first_word.chars().all(|c| c.is_ascii_digit() || c == '.')
            || line.split_whitespace().any(|w| norm_word(w) == "status");
        if info.run.is_some()
            || sentence
            || heading
            || !info.is_header_like() && (info.header_words == 0 || info.words >= 4)
        {
            return false;
        }
        let line = ctx.line(k);
        let numeric = info.lexed.tokens.iter().filter(|t| t.is_word()).any(|t| {
            ctx.vocab
                .kind_of(t.text(line))
                .is_some_and(|kd| !ctx.vocab.kinds[kd].text)
        });
        if numeric {
            return true;
        }
    }
    false
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
        // The description after a status starts a sentence: `Ikke startet på
        // ros-analyse …` is prose that begins with status words.
        if !starts_cell(line.get(end..).unwrap_or("")) {
            return None;
        }
        return Some(Found {
            start: line.len() - line.trim_start().len(),
            end,
            lines: 1,
            tail: None,
            head: None,
        });
    }
    if let Some(found) = status_beside_description(ctx, i, &words) {
        return Some(found);
    }
    // `Henhold` / `til plan`, `Ikke i` / `henhold` / `til plan`: a narrow status column
    // wraps the status, each line but the last a prefix of an alias.
    let mut joined = words;
    for lines in 2..=MAX_STATUS_LINES {
        let k = i + lines - 1;
        if !ctx.vocab.is_status_prefix(&joined) || k >= ctx.infos.len() {
            break;
        }
        let before = joined.len();
        joined.extend(phrase_words(ctx.line(k)));
        // The status fills its lines to the end, or its description starts after it
        // on its last line with a capital (`til plan Alle fastlegekontor er …`).
        if let Some((_, n)) = ctx.vocab.match_status(&joined) {
            if n > before && n == joined.len() {
                return Some(Found {
                    start: line.len() - line.trim_start().len(),
                    end: line.trim_end().len(),
                    lines,
                    tail: None,
                    head: None,
                });
            }
            let last = ctx.line(k);
            let tail = byte_after_words(last, n - before);
            if n > before && starts_cell(last.get(tail..).unwrap_or("")) {
                return Some(Found {
                    start: line.len() - line.trim_start().len(),
                    end: line.trim_end().len(),
                    lines,
                    tail: Some(tail),
                    head: None,
                });
            }
        }
    }
    None
}

/// A narrow status column wrapped beside its description (`Ikke i Arbeidet er
/// forsinket på grunn av` / `rute manglende kapasitet i staben.`): the first line starts
/// with the head of a status and then the description with a capital, the next line with
/// the rest of the status and then the description going on.
fn status_beside_description(ctx: &Ctx<'_>, i: usize, words: &[String]) -> Option<Found> {
    if i + 1 >= ctx.infos.len() || ctx.infos[i + 1].blank {
        return None;
    }
    let line = ctx.line(i);
    let next = ctx.line(i + 1);
    let below = phrase_words(next);
    for p in (1..=words.len().min(3)).rev() {
        let head = &words[..p];
        if !ctx.vocab.is_status_prefix(head) || ctx.vocab.match_status(head).is_some() {
            continue;
        }
        let head_end = byte_after_words(line, p);
        let rest = line.get(head_end..).unwrap_or("").trim_start();
        if rest.is_empty() || !starts_cell(rest) {
            continue;
        }
        let joined: Vec<String> = head.iter().cloned().chain(below.iter().cloned()).collect();
        let Some((_, n)) = ctx.vocab.match_status(&joined) else {
            continue;
        };
        if n <= p {
            continue;
        }
        return Some(Found {
            start: line.len() - line.trim_start().len(),
            end: head_end,
            lines: 2,
            tail: Some(byte_after_words(next, n - p)),
            head: Some(head_end),
        });
    }
    None
}

/// In a list whose statuses end the task's last line: one to three words after the
/// task's finished sentence that end the line, spelt almost like a known status
/// (`… med nabokommunene. I rutte`).
fn near_status_at_end(ctx: &Ctx<'_>, i: usize) -> Option<Found> {
    let line = ctx.line(i);
    let words: Vec<(usize, &str)> = line
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - line.as_ptr() as usize, w))
        .collect();
    for n in 1..=words.len().saturating_sub(1).min(3) {
        let k = words.len() - n;
        let (start, first) = words[k];
        if !words[k - 1].1.ends_with(['.', '!']) || !first.starts_with(char::is_uppercase) {
            continue;
        }
        let head = words[k..]
            .iter()
            .map(|(_, w)| *w)
            .collect::<Vec<_>>()
            .join(" ");
        if head.chars().count() < 5 {
            continue;
        }
        let near = ctx
            .vocab
            .nearest_status(&head, Some(n))
            .is_some_and(|(_, _, d)| (1..=2).contains(&d));
        if near {
            return Some(Found {
                start,
                end: line.trim_end().len(),
                lines: 1,
                tail: None,
                head: None,
            });
        }
    }
    None
}

/// A status at the start of line `i` spelled almost like a known one (`Forsinkt`,
/// `Iht. plann`): one to four words within two edits of a spelling with as many words,
/// followed by the start of a description. Only asked where a status must stand.
pub(crate) fn near_status_at_start(ctx: &Ctx<'_>, i: usize) -> Option<Found> {
    let line = ctx.line(i);
    let lead = line.len() - line.trim_start().len();
    if !line[lead..].chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    for n in (1..=words.len().min(4)).rev() {
        let head = words[..n].join(" ");
        if head.chars().count() < 5 {
            continue;
        }
        let near = ctx
            .vocab
            .nearest_status(&head, Some(n))
            .is_some_and(|(_, _, d)| d <= 2);
        let end = byte_after_words(line, n);
        if near && starts_cell(line.get(end..).unwrap_or("")) {
            return Some(Found {
                start: lead,
                end,
                lines: 1,
                tail: None,
                head: None,
            });
        }
    }
    None
}

/// The words at the start of line `i` that stand where a status should, when they are no
/// status the vocabulary knows: up to the next capitalised word (where the description
/// starts), at most four words (`Avventer Saken er …`, `Ikke aktuelt Tiltaket …`). A line
/// that starts with one space (an empty cell) or with a lower-case word has none.
pub(crate) fn unknown_status_at_start(ctx: &Ctx<'_>, i: usize) -> Option<Found> {
    let line = ctx.line(i);
    let lead = line.len() - line.trim_start().len();
    if lead == 1 || !line[lead..].chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let n = (1..words.len())
        .find(|&k| capital(words[k]))
        .unwrap_or(words.len());
    // No description after it and a long line: prose, not a status cell.
    if n > 4 {
        return None;
    }
    Some(Found {
        start: lead,
        end: byte_after_words(line, n),
        lines: 1,
        tail: None,
        head: None,
    })
}

/// How the statuses of a list read so far stand: at the start of the line after their
/// task with the description after them on the line (`Iht. plan Saken …`), or alone
/// on a line of their own. Two in three of the rows with a status, and at least one,
/// must show the layout for [`odd_status_at_start`] to be asked.
#[derive(Clone, Copy, Default)]
struct Layout {
    at_start: bool,
    alone: bool,
    /// At the end of the task's last line, the description on the lines below.
    ends_line: bool,
}

/// What the rows of a list read so far show, counted as they are read (each row once,
/// so that asking costs nothing however long the list): how their statuses stand (see
/// [`Layout`]), whether they frame a row whose status is missing (every row with a
/// status and a description ending its sentence, no task a sentence of its own), and
/// the widest task line and description seen (in characters).
#[derive(Default)]
struct Shape {
    seen: usize,
    statuses: usize,
    at_start: usize,
    alone: usize,
    ends_line: usize,
    /// Rows of one line each: task, status and the whole description on it.
    one_line: usize,
    /// Statuses alone on their line with empty lines above and below (each cell a
    /// paragraph).
    isolated: usize,
    framed: bool,
    task_width: usize,
    desc_width: usize,
}

/// How a status cell stands on its line: (at the start with text after it, alone on
/// the line, at the end of a task line).
fn stands(ctx: &Ctx<'_>, label_lines: &[usize], c: &Cell) -> (bool, bool, bool) {
    let line = ctx.line(c.line - 1);
    let own_line = c.column_start == 1 + line.len() - line.trim_start().len()
        && !label_lines.contains(&c.line);
    let alone = own_line && c.text.chars().count() == line.trim().chars().count();
    let ends_line =
        label_lines.contains(&c.line) && c.column_end == 1 + line.trim_end().chars().count();
    (own_line && !alone, alone, ends_line)
}

impl Shape {
    /// Count the rows added since the last call.
    fn update(&mut self, ctx: &Ctx<'_>, rows: &[Row]) {
        if self.seen == 0 {
            self.framed = true;
        }
        for r in rows.get(self.seen..).unwrap_or(&[]) {
            let status = r.cells.iter().find(|c| c.column == 0);
            let desc = r.cells.iter().find(|c| c.column == 1);
            if let Some(c) = status {
                let (a, b, e) = stands(ctx, &r.label_lines, c);
                self.statuses += 1;
                self.at_start += usize::from(a);
                self.alone += usize::from(b);
                self.ends_line += usize::from(e);
                let whole = desc.is_some_and(|d| {
                    d.line == c.line
                        && d.text.chars().count() == d.column_end.saturating_sub(d.column_start)
                });
                self.one_line += usize::from(r.label_lines == [c.line] && whole);
                let l = c.line - 1;
                self.isolated += usize::from(b && l > 0 && empty(ctx, l - 1) && empty(ctx, l + 1));
            }
            self.framed &= status.is_some()
                && !r.label.trim_end().ends_with(['.', '!'])
                && desc.is_some_and(|c| c.text.trim_end().ends_with(['.', '!']));
            for &l in &r.label_lines {
                self.task_width = self.task_width.max(ctx.line(l - 1).trim().chars().count());
            }
            if let Some(c) = desc {
                self.desc_width = self
                    .desc_width
                    .max(c.column_end.saturating_sub(c.column_start));
            }
        }
        self.seen = self.seen.max(rows.len());
    }

    /// [`Shape::update`], then the shape.
    fn update_with(&mut self, ctx: &Ctx<'_>, rows: &[Row]) -> &Shape {
        self.update(ctx, rows);
        self
    }

    /// The layout of the rows counted and of the status `current` at the start of its
    /// line, when the row it starts is being read.
    fn layout(&self, ctx: &Ctx<'_>, current: Option<(usize, &Found)>) -> Layout {
        let (mut total, mut a, mut b, mut e) =
            (self.statuses, self.at_start, self.alone, self.ends_line);
        if let Some((l, f)) = current {
            let (x, y, z) = stands(ctx, &[], &status_cell(ctx, l, f, 0));
            total += 1;
            a += usize::from(x);
            b += usize::from(y);
            e += usize::from(z);
        }
        let holds = |k: usize| k >= 1 && k * 3 >= total * 2;
        Layout {
            at_start: holds(a),
            alone: holds(b),
            ends_line: holds(e),
        }
    }

    /// Do the list's statuses so far (one or more, all of them) stand as paragraphs of
    /// their own?
    fn isolated(&self) -> bool {
        self.isolated >= 1 && self.isolated == self.statuses && self.seen == self.statuses
    }

    /// Are the list's rows (two or more, with the one being read) one line each?
    fn one_line(&self) -> bool {
        let (k, total) = (self.one_line + 1, self.statuses + 1);
        k >= 2 && k * 3 >= total * 2
    }

    /// The widest task line, when the rows counted may frame a row whose status is
    /// missing inside the text of the row being read.
    fn frame(&self) -> Option<usize> {
        (self.seen > 0 && self.framed).then_some(self.task_width)
    }
}

/// Does line `l` start with a capital letter?
fn starts_capital(ctx: &Ctx<'_>, l: usize) -> bool {
    ctx.line(l).trim_start().starts_with(char::is_uppercase)
}

/// Does line `l` end a sentence or a clause (`.`, `!`, `?`, `:`, `;`, `,`)?
fn ends_clause(ctx: &Ctx<'_>, l: usize) -> bool {
    ctx.line(l)
        .trim_end()
        .ends_with(['.', '!', '?', ':', ';', ','])
}

/// A task with no status, and its description, inside the lines `lines` of what reads
/// as one cell: after a line that ends a sentence, one to four lines that start with a
/// capital and end no clause, no wider than the list's tasks (`Redusere bruken av
/// vikarer i` / `skolene`), the last of them short enough that the next word would have
/// fitted in the description column (`desc_width`, the widest description line seen),
/// then a line that starts with a capital, the text ending its sentence. `after` is the
/// line before `lines[0]`. Returns the indices in `lines` where the task and its
/// description start.
fn task_inside(
    ctx: &Ctx<'_>,
    after: Option<usize>,
    lines: &[usize],
    task_width: usize,
    desc_width: usize,
) -> Option<(usize, usize)> {
    let last = *lines.last()?;
    if !ctx.line(last).trim_end().ends_with(['.', '!']) {
        return None;
    }
    for p in 0..lines.len() {
        let before = if p == 0 { after } else { Some(lines[p - 1]) };
        if !before.is_some_and(|b| ctx.line(b).trim_end().ends_with(['.', '!']))
            || !starts_capital(ctx, lines[p])
        {
            continue;
        }
        let Some(q) = (p + 1..lines.len()).find(|&k| starts_capital(ctx, lines[k])) else {
            continue;
        };
        let task = &lines[p..q];
        let words: usize = task
            .iter()
            .map(|&l| ctx.line(l).split_whitespace().count())
            .sum();
        let fits = task.iter().all(|&l| {
            let t = ctx.line(l).trim();
            !ends_clause(ctx, l) && !t.contains(". ") && t.chars().count() <= task_width + 2
        });
        // The task's last line ends short of the description column: the next word
        // would have fitted, so the line was broken there on purpose, not wrapped
        // (`anbud og avtalen gjelder` / `Kommunene i regionen.` wraps a sentence).
        let wide = |l: usize| ctx.line(l).trim().chars().count();
        let next_word = ctx
            .line(lines[q])
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count());
        let forced = wide(lines[q - 1]) + 1 + next_word <= desc_width
            && lines[..p].iter().all(|&l| wide(l) <= desc_width);
        if task.len() <= MAX_TASK_LINES && words >= 3 && fits && forced {
            return Some((p, q));
        }
    }
    None
}

/// In a list whose statuses end their task's last line, the descriptions on the lines
/// below, with no empty lines between rows: a row whose status is missing at the start
/// of the task text gathered so far (`Redusere bruken av vikarer i` / `skolene` /
/// `Rekrutteringen tar lengre tid.` above `Innføre digitale skjema i` / `byggesak I
/// rute`). The task lines before the last sentence end that a capitalised line
/// follows are that row: its task up to the first capitalised line after a line that
/// ends no clause, the line broken short of the description column there, and its
/// description from there. Returns how many task lines the row takes and where its
/// description starts among them.
fn row_inside_task(ctx: &Ctx<'_>, shape: &Shape, task: &[usize]) -> Option<(usize, usize)> {
    if !shape.layout(ctx, None).ends_line || task.len() < 3 {
        return None;
    }
    shape.frame()?;
    if task.windows(2).any(|w| w[1] != w[0] + 1) {
        return None;
    }
    let s = (1..task.len()).rev().find(|&k| {
        ctx.line(task[k - 1]).trim_end().ends_with(['.', '!']) && starts_capital(ctx, task[k])
    })?;
    let done = &task[..s];
    let d = (1..done.len())
        .find(|&k| starts_capital(ctx, done[k]) && !ends_clause(ctx, done[k - 1]))?;
    let wide = |l: usize| ctx.line(l).trim().chars().count();
    let desc_width = shape.desc_width;
    let next_word = ctx
        .line(done[d])
        .split_whitespace()
        .next()
        .map_or(0, |w| w.chars().count());
    let words: usize = done[..d]
        .iter()
        .map(|&l| ctx.line(l).split_whitespace().count())
        .sum();
    let plain = done[..d]
        .iter()
        .all(|&l| !ends_clause(ctx, l) && !ctx.line(l).contains(". "));
    (words >= 3 && plain && d <= MAX_TASK_LINES && wide(done[d - 1]) + 1 + next_word <= desc_width)
        .then_some((s, d))
}

/// In a list whose cells stand one paragraph each (task, empty line, status, empty
/// line, description), the description paragraph that follows the empty line(s) from
/// `from` on: one that ends its sentence and is not followed by a status (then it is
/// the next task, the description empty). Returns its first line and the line after it.
fn description_paragraph(ctx: &Ctx<'_>, from: usize, header: &str) -> Option<(usize, usize)> {
    let n = ctx.infos.len();
    let mut p = from;
    while p < n && empty(ctx, p) && p < from + 2 {
        p += 1;
    }
    if p >= n || ctx.infos[p].blank || ctx.noise[p] || ctx.line(p).trim() == header {
        return None;
    }
    if status_at_start(ctx, p).is_some() || ctx.infos[p].run.is_some() {
        return None;
    }
    let mut end = p;
    while end < n && !ctx.infos[end].blank && !ctx.noise[end] && end - p < 12 {
        end += 1;
    }
    if !ctx.line(end - 1).trim_end().ends_with(['.', '!']) {
        return None;
    }
    // What follows: another task (not a status) or the end of the list.
    let mut r = end;
    while r < n && (ctx.infos[r].blank || ctx.noise[r]) && r < end + 4 {
        r += 1;
    }
    let status_next = r < n && (status_at_start(ctx, r).is_some() || ctx.infos[r].lone_space);
    (!status_next).then_some((p, end))
}

/// In task text gathered above a status, the line where the next numbered task starts
/// (`2. Kartlegge …` under `1. Redusere …`), when the text starts with a task number.
fn numbered_split(ctx: &Ctx<'_>, task: &[usize]) -> Option<usize> {
    let first = task_number(ctx.line(*task.first()?))?;
    (1..task.len()).find(|&k| task_number(ctx.line(task[k])) == Some(first + 1))
}

/// The row of a numbered task's lines (`lines`, not empty) that carry no status the
/// vocabulary knows: the words after its deadline on its last line as an unknown status
/// (see [`status_after_date`]), the text before them the end of its label; or no status.
fn numbered_row(ctx: &Ctx<'_>, lines: &[usize]) -> Row {
    let last = lines[lines.len() - 1];
    let Some(f) = status_after_date(ctx, last) else {
        return make_row(ctx, lines, None, &[]);
    };
    let mut row = make_row(ctx, &lines[..lines.len() - 1], Some((last, &f)), &[]);
    let head = ctx.line(last).get(..f.start).unwrap_or("").trim();
    if !head.is_empty() {
        row.label.push(' ');
        row.label.push_str(head);
        row.label = row.label.trim().to_string();
    }
    row.label_lines.push(last + 1);
    row
}

/// The number a task starts with (`1.`, `12)`), if any.
fn task_number(line: &str) -> Option<u32> {
    let mut words = line.split_whitespace();
    let first = words.next()?;
    // `1.`, `2)`, or a bare `3` before a capitalised word (`3 Salg av …`; not the `15
    // prosent.` that ends a wrapped task).
    let digits = first.strip_suffix(['.', ')']).or_else(|| {
        words
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
            .then_some(first)
    })?;
    digits
        .bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|&n| n < 1000)
}

/// In a row with a deadline (`Frist`), the words right after the date that stand where
/// the list's statuses stand: up to three words with a capital first, before the
/// capitalised start of the comment (`30.06.2025 Delvis Løsningen er …`).
fn status_after_date(ctx: &Ctx<'_>, l: usize) -> Option<Found> {
    let line = ctx.line(l);
    let is_date = |w: &str| {
        let parts: Vec<&str> = w.split('.').collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
            && parts[2].len() == 4
    };
    let mut offset = 0;
    let mut after = None;
    for w in line.split_whitespace() {
        let at = offset + line[offset..].find(w)?;
        offset = at + w.len();
        if is_date(w) {
            after = Some(offset);
        }
    }
    let start_rest = after?;
    let rest = &line[start_rest..];
    let lead = rest.len() - rest.trim_start().len();
    let words: Vec<&str> = rest.split_whitespace().collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let first = words.first()?;
    if !capital(first) {
        return None;
    }
    // Up to the comment's capital, or to the end of the line (a list whose statuses
    // end the row's last line).
    let n = (1..words.len())
        .find(|&k| capital(words[k]))
        .unwrap_or(words.len());
    let head = &words[..n];
    if n > 3
        || !head.iter().all(|w| w.chars().all(char::is_alphabetic))
        || FUNCTION_WORDS.contains(&head[n - 1].to_lowercase().as_str())
    {
        return None;
    }
    let start = start_rest + lead;
    Some(Found {
        start,
        end: start + byte_after_words(&line[start..], n),
        lines: 1,
        tail: None,
        head: None,
    })
}

/// Short words a status never ends with: `Ordfører i Moss …` starts a sentence.
const FUNCTION_WORDS: &[&str] = &[
    "i", "på", "av", "for", "til", "med", "og", "er", "som", "en", "et", "å", "om", "fra", "ved",
    "har", "den", "det", "de", "vi", "seg",
];

/// A status the vocabulary does not know, at the start of line `i` where the list's
/// layout puts its statuses: one spelled almost like a known one (`Forsinkt`), or up to
/// three words that start with a capital, the description starting with a capital
/// after them (`Nesten ferdig Tiltaket …`), or standing alone on the line in a list of
/// statuses on lines of their own (`Avventer`). The line after must be no status (then
/// this line was the end of a task), the task above must have two words or more, and
/// its last line (`above`) must not end a sentence.
fn odd_status_at_start(
    ctx: &Ctx<'_>,
    i: usize,
    above: usize,
    task_words: usize,
    layout: Layout,
) -> Option<Found> {
    // A lone word above is a heading (`Klima`), not a task; the task ends on the line
    // above, or one empty line above.
    let near_above = above < i && i - above <= 2 && (above + 1..i).all(|k| empty(ctx, k));
    if !(layout.at_start || layout.alone) || task_words < 2 || !near_above {
        return None;
    }
    if i + 1 < ctx.infos.len() && status_at_start(ctx, i + 1).is_some() {
        return None;
    }
    let line = ctx.line(i);
    let words: Vec<&str> = line.split_whitespace().collect();
    let alone_ok = |n: usize| {
        layout.alone
            && n == words.len()
            && ctx.infos.get(i + 1).is_some_and(|x| {
                !x.blank && ctx.line(i + 1).trim_start().starts_with(char::is_uppercase)
            })
    };
    let inline_ok = |n: usize| layout.at_start && n < words.len();
    if let Some(f) = near_status_at_start(ctx, i) {
        let n = line.get(..f.end).unwrap_or("").split_whitespace().count();
        if inline_ok(n) || alone_ok(n) {
            return Some(f);
        }
        return None;
    }
    if ctx.line(above).trim_end().ends_with(['.', '!', ':']) {
        return None;
    }
    let f = unknown_status_at_start(ctx, i)?;
    let head: Vec<&str> = line.get(..f.end).unwrap_or("").split_whitespace().collect();
    let n = head.len();
    let last = head.last()?;
    let plain = head.iter().all(|w| w.chars().all(char::is_alphabetic))
        || head.len() == 1 && last.chars().all(|c| c.is_alphabetic() || c == '.');
    if n > 3
        || !plain
        || head.iter().map(|w| w.chars().count()).sum::<usize>() > 24
        || FUNCTION_WORDS.contains(&last.to_lowercase().as_str())
        || !(inline_ok(n) || alone_ok(n))
    {
        return None;
    }
    Some(f)
}

/// The most lines a wrapped status spans (`Ikke i` / `henhold` / `til plan`).
const MAX_STATUS_LINES: usize = 3;

/// True when `rest` (the text after a status on its line) can be the start of a
/// description cell: nothing, or a word that starts with a capital, a digit or a mark,
/// never a lower-case word that goes on a sentence.
fn starts_cell(rest: &str) -> bool {
    rest.trim_start()
        .chars()
        .next()
        .is_none_or(|c| !c.is_lowercase())
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
        let stacked = stacked_status_header(ctx, i);
        if !is_status_header(ctx, i) && stacked.is_none() {
            i += 1;
            continue;
        }
        let mut top = i;
        if let Some((start, end)) = stacked {
            top = start;
            i = end;
        }
        let header_text = ctx.line(i).trim().to_string();
        let header_line = i;
        if uses_separators(ctx, header_line) {
            let (rows, last_row_line) = read_blocks(ctx, header_line, &header_text);
            i = match table_of(ctx, header_line, last_row_line, rows) {
                Some(t) => {
                    out.push(t);
                    last_row_line + 1
                }
                None => i + 1,
            };
            continue;
        }
        let mut rows: Vec<Row> = Vec::new();
        let mut shape = Shape::default();
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
            // A line of one space right under task text, with text under it: the
            // empty status of a list whose cells stand one per line (`3 Det etableres
            // …` / ` ` / `Lokaler er ikke funnet.`).
            if info.lone_space
                && !task.is_empty()
                && j > 0
                && !ctx.infos[j - 1].blank
                && j + 1 < n
                && !ctx.infos[j + 1].blank
                && ctx.infos[j + 1].run.is_none()
                && status_at_start(ctx, j + 1).is_none()
                && rows.iter().any(|r| r.cells.iter().any(|c| c.column == 0))
            {
                let (desc_lines, next) = description(
                    ctx,
                    j + 1,
                    0,
                    &header_text,
                    shape.update_with(ctx, &rows).layout(ctx, None),
                );
                let mut row = make_row(ctx, &task, None, &desc_lines);
                row.line = j + 1;
                rows.push(row);
                last_row_line = next.saturating_sub(1).max(j);
                task.clear();
                j = next;
                continue;
            }
            // The one space of an empty status in a list whose cells stand one paragraph
            // each (`Kartlegge turstier …` / `` / ` ` / `` / `Turkartet ble …`).
            if info.lone_space
                && !task.is_empty()
                && empty(ctx, j - 1)
                && empty(ctx, j + 1)
                && shape.update_with(ctx, &rows).isolated()
            {
                let (desc_lines, next) = match description_paragraph(ctx, j + 1, &header_text) {
                    Some((p, end)) => ((p..end).collect::<Vec<_>>(), end),
                    None => (Vec::new(), j + 1),
                };
                let mut row = make_row(ctx, &task, None, &desc_lines);
                row.line = j + 1;
                rows.push(row);
                last_row_line = next.saturating_sub(1).max(j);
                task.clear();
                j = next;
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
            // A bare page number (` 6`) is page furniture, never an empty status.
            if text.trim().chars().all(|c| c.is_ascii_digit()) && text.trim().len() <= 4 {
                j += 1;
                continue;
            }
            let starts_space = text.starts_with(' ') && !text.starts_with("  ");
            let found = match task.last() {
                None => None,
                Some(&above) => status_at_start(ctx, j).or_else(|| {
                    (task.len() <= MAX_TASK_LINES)
                        .then(|| {
                            // Only a task of lines in a row (`Klima` / ` ` / `Klimatiltak
                            // Ansvar` is a heading over another list).
                            let contiguous = task
                                .last()
                                .zip(task.first())
                                .is_some_and(|(l, f)| l - f + 1 == task.len());
                            let words = if contiguous {
                                task.iter()
                                    .map(|&t| ctx.line(t).split_whitespace().count())
                                    .sum()
                            } else {
                                0
                            };
                            odd_status_at_start(
                                ctx,
                                j,
                                above,
                                words,
                                shape.update_with(ctx, &rows).layout(ctx, None),
                            )
                        })
                        .flatten()
                }),
            };
            if let Some(f) = found {
                // Each cell a paragraph: three paragraphs before this status are a task
                // whose status is missing (pdftotext prints nothing for an empty cell),
                // its description, and this status's task.
                if shape.update_with(ctx, &rows).isolated() {
                    let paragraphs: Vec<&[usize]> = task.chunk_by(|a, b| b - a == 1).collect();
                    if let [t, d, _] = paragraphs[..] {
                        if ctx.line(d[d.len() - 1]).trim_end().ends_with(['.', '!'])
                            && (t[t.len() - 1] + 1..d[0]).all(|l| empty(ctx, l))
                        {
                            let (t, d) = (t.to_vec(), d.to_vec());
                            rows.push(make_row(ctx, &t, None, &d));
                            task.drain(..t.len() + d.len());
                        }
                    }
                }
                let layout = shape.update_with(ctx, &rows).layout(ctx, Some((j, &f)));
                let (mut desc_lines, mut next) = description(ctx, j, f.lines, &header_text, layout);
                // Each cell a paragraph of its own: the status alone between empty lines,
                // its description the paragraph after it.
                let alone = (j..j + f.lines).all(|l| {
                    l != j
                        || ctx.line(l).trim().len()
                            == ctx.line(l).get(f.start..f.end).unwrap_or("").trim().len()
                });
                if desc_lines.is_empty() && alone && empty(ctx, j + f.lines) {
                    if let Some((p, end)) = description_paragraph(ctx, j + f.lines, &header_text) {
                        desc_lines = (p..end).collect();
                        next = end;
                    }
                }
                // A row whose status is missing, read as more of this description: its
                // own row, with nothing where its status should stand.
                let after = (f.lines == 1 && ctx.line(j).trim_end().len() > f.end).then_some(j);
                let task_ends = task
                    .last()
                    .is_some_and(|&t| ctx.line(t).trim_end().ends_with(['.', '!']));
                let inside = shape
                    .update_with(ctx, &rows)
                    .frame()
                    .filter(|_| (layout.at_start || layout.alone) && !task_ends)
                    .map(|w| {
                        let own = task.iter().map(|&t| ctx.line(t).trim().chars().count());
                        own.fold(w, usize::max)
                    })
                    .and_then(|w| {
                        // The widest description text seen: the other rows' first lines,
                        // and this row's text after its status.
                        let here = after.map_or(0, |l| {
                            ctx.line(l)
                                .get(f.end..)
                                .unwrap_or("")
                                .trim()
                                .chars()
                                .count()
                        });
                        let dw = shape.desc_width.max(here);
                        task_inside(ctx, after, &desc_lines, w, dw)
                    });
                let missing = inside.map(|(p, q)| {
                    let row = make_row(ctx, &desc_lines[p..q], None, &desc_lines[q..]);
                    desc_lines.truncate(p);
                    row
                });
                rows.push(make_row(ctx, &task, Some((j, &f)), &desc_lines));
                rows.extend(missing);
                last_row_line = next.saturating_sub(1).max(j);
                task.clear();
                tasks_without_status = 0;
                j = next;
                continue;
            }
            // In a list whose statuses start the line after the task, a line of one
            // space and a capital right under a task's finished sentence is the empty
            // status of that task, its description going on below.
            let under_task = !rows.is_empty()
                && text.trim_start().starts_with(char::is_uppercase)
                && task
                    .last()
                    .is_some_and(|&t| ctx.line(t).trim_end().ends_with(['.', '!']))
                && shape.update_with(ctx, &rows).layout(ctx, None).at_start;
            if starts_space
                && !task.is_empty()
                && (ctx.infos[j - 1].blank
                    || lone_space_text(text) && !rows.is_empty()
                    || under_task)
            {
                // An empty status: the description stands where the status should be.
                let (desc_lines, next) = description(
                    ctx,
                    j,
                    0,
                    &header_text,
                    shape.update_with(ctx, &rows).layout(ctx, None),
                );
                rows.push(make_row(ctx, &task, None, &desc_lines));
                last_row_line = next.saturating_sub(1).max(j);
                task.clear();
                j = next;
                continue;
            }
            // A status ending the task's last line: `… gjenbruk Iht. plan Det skal …`.
            let inside = status_inside(ctx, j).or_else(|| {
                shape
                    .update_with(ctx, &rows)
                    .layout(ctx, None)
                    .ends_line
                    .then(|| near_status_at_end(ctx, j))
                    .flatten()
            });
            if let Some(f) = inside {
                // Text above with an empty line between is no wrapped part of this task:
                // in a list of one row per line it is a row whose status is missing.
                if task
                    .last()
                    .is_some_and(|&t| t + 1 < j && ctx.infos[j - 1].blank)
                    && rows.iter().any(|r| r.cells.iter().any(|c| c.column == 0))
                {
                    rows.push(make_row(ctx, &task, None, &[]));
                    task.clear();
                }
                // A list of one paragraph per row (task, its status at the end of the
                // task's last line, the description right under it): a finished
                // paragraph in the task gathered so far, an empty line after it, is a
                // row whose status is missing, its description from the line after the
                // task's sentence ends.
                if let Some(gap) = paragraph_rows(ctx, &rows, &task) {
                    let done: Vec<usize> = task.drain(..gap).collect();
                    let desc_at = (1..done.len())
                        .find(|&k| ctx.line(done[k - 1]).trim_end().ends_with(['.', '!']))
                        .unwrap_or(done.len());
                    rows.push(make_row(ctx, &done[..desc_at], None, &done[desc_at..]));
                } else if let Some((s, d)) =
                    row_inside_task(ctx, shape.update_with(ctx, &rows), &task)
                {
                    let done: Vec<usize> = task.drain(..s).collect();
                    rows.push(make_row(ctx, &done[..d], None, &done[d..]));
                } else if let Some(s) = numbered_split(ctx, &task) {
                    // A numbered task with no status the vocabulary knows, gathered
                    // with the next one (`1. Redusere …` / `… 31.12.2025` / `2. …`).
                    let done: Vec<usize> = task.drain(..s).collect();
                    rows.push(numbered_row(ctx, &done));
                }
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
                    row.label_lines.push(j + 1);
                }
                let (mut more, mut next) = description(
                    ctx,
                    j + 1,
                    0,
                    &header_text,
                    shape.update_with(ctx, &rows).layout(ctx, None),
                );
                // Rows one per line with no empty line between (`Task Fullført Comment.`
                // under `Task I rute Comment.`): a line with a status inside is the next
                // row, not more description.
                if let Some(k) = more.iter().position(|&l| status_inside(ctx, l).is_some()) {
                    next = more[k];
                    more.truncate(k);
                }
                // In a list of one line per row, a line under this one-line row that
                // starts a sentence where the comment above was broken short (the next
                // word would have fitted) is a row of its own whose status is missing
                // (`Ny gang- og sykkelvei Bruvegen Grunnerverv er ikke avsluttet.`).
                let mut missing = None;
                if let Some(&l) = more.first() {
                    let shape = shape.update_with(ctx, &rows);
                    let fragment = desc.chars().count();
                    let first = ctx
                        .line(l)
                        .split_whitespace()
                        .next()
                        .map_or(0, |w| w.chars().count());
                    let dw = shape.desc_width.max(fragment);
                    if task.len() == 1
                        && shape.frame().is_some()
                        && shape.one_line()
                        && desc.ends_with(['.', '!'])
                        && starts_capital(ctx, l)
                        && ctx.line(l).trim_end().ends_with(['.', '!'])
                        && ctx.line(l).split_whitespace().count() >= 4
                        && fragment + 1 + first <= dw
                        && fragment < dw
                    {
                        missing = Some(make_row(ctx, &[l], None, &[]));
                        next = l + 1;
                        more.clear();
                    }
                }
                // In a numbered list, the line that starts with the next number is the
                // next row, with no status the vocabulary knows on it (`2. Innføre …
                // 30.06.2025 Løsningen er …` under `1. … 31.12.2025 I rute …`): its
                // status is missing, or it is the words after the row's deadline.
                let number = task.first().and_then(|&t| task_number(ctx.line(t)));
                if let (None, Some(nr), Some(&l)) = (&missing, number, more.first()) {
                    // The lines of the next row: from its number to the line before the
                    // number after it, an empty line, or the line its known status
                    // stands on (then its task wrapped and the description ends here).
                    let n = ctx.infos.len();
                    let mut m = l + 1;
                    while m < n
                        && m - l < MAX_TASK_LINES
                        && !ctx.infos[m].blank
                        && !ctx.noise[m]
                        && task_number(ctx.line(m)).is_none()
                        && status_inside(ctx, m).is_none()
                        && status_at_start(ctx, m).is_none()
                    {
                        m += 1;
                    }
                    let known_below = m < n
                        && !ctx.infos[m].blank
                        && task_number(ctx.line(m)).is_none()
                        && (status_inside(ctx, m).is_some() || status_at_start(ctx, m).is_some());
                    if task_number(ctx.line(l)) == Some(nr + 1) && known_below {
                        next = l;
                        more.clear();
                    } else if task_number(ctx.line(l)) == Some(nr + 1) {
                        let lines: Vec<usize> = (l..m).collect();
                        missing = Some(numbered_row(ctx, &lines));
                        next = m;
                        more.clear();
                    }
                }
                // The cell starts where its text does: after the status, or on the
                // line below when the status ends its line.
                let (cl, cs, ce) = match more.first() {
                    Some(&l) if desc.is_empty() => {
                        let t = ctx.line(l);
                        (l, t.len() - t.trim_start().len(), t.trim_end().len())
                    }
                    _ => (j, desc_start, ctx.line(j).trim_end().len()),
                };
                let mut full = desc;
                for l in more {
                    full.push(' ');
                    full.push_str(ctx.line(l).trim());
                }
                // One description cell: make_row gave the row the text after the status.
                row.cells.retain(|c| c.column != 1);
                if !full.trim().is_empty() {
                    row.cells.push(ctx.text_cell(cl, cs, ce, 1, full.trim()));
                }
                rows.push(row);
                rows.extend(missing);
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
        i = match table_of(ctx, header_line, last_row_line, rows) {
            Some(mut t) => {
                // A stacked header's title stands above its first name.
                if top < header_line {
                    t.title = title_above(ctx, top);
                    t.first_line = top + 1;
                }
                out.push(t);
                last_row_line + 1
            }
            None => i + 1,
        };
    }
    out
}

/// In a list whose rows so far each carry a status and a description (one paragraph
/// per row), where the task text gathered so far holds an empty line after a line that
/// ends a sentence: the number of task lines before that empty line, a row of its own.
fn paragraph_rows(ctx: &Ctx<'_>, rows: &[Row], task: &[usize]) -> Option<usize> {
    let described =
        |r: &Row| r.cells.iter().any(|c| c.column == 0) && r.cells.iter().any(|c| c.column == 1);
    if rows.is_empty() || !rows.iter().all(described) {
        return None;
    }
    let gap = (1..task.len()).rev().find(|&k| task[k - 1] + 1 < task[k])?;
    let before = &task[..gap];
    (before.len() >= 2
        && ctx
            .line(before[before.len() - 1])
            .trim_end()
            .ends_with(['.', '!'])
        && (before[before.len() - 1] + 1..task[gap]).all(|l| ctx.infos[l].blank))
    .then_some(gap)
}

/// The status table of the rows read under the header at `header_line`: task, status
/// and description; none for fewer than two rows.
fn table_of(
    ctx: &Ctx<'_>,
    header_line: usize,
    last_row_line: usize,
    rows: Vec<Row>,
) -> Option<Table> {
    // One row makes a list only when it carries a status under a status header.
    let with_status = rows
        .iter()
        .filter(|r| !r.cells.is_empty() && r.cells[0].column == 0)
        .count();
    if rows.len() < 2 && with_status == 0 {
        return None;
    }
    let mut table = Table {
        title: title_above(ctx, header_line),
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
    for r in &mut table.rows {
        r.kind = RowKind::Task;
    }
    Some(table)
}

/// Lines wider than this are prose, not the columns of a status list.
const PROSE_WIDTH: usize = 100;
/// The widest line of a task or description cell in a list laid out in columns.
const CELL_WIDTH: usize = 90;
/// The most paragraphs a row without any status may have (task and description).
const MAX_PARAGRAPHS: usize = 6;

/// An empty line: no characters but separators, and not the one space of a separator.
fn empty(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.infos.get(i).is_some_and(|x| x.blank && !x.lone_space)
}

/// A row separator of a status list: a line of one space between empty lines.
fn is_separator(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.infos[i].lone_space && i > 0 && empty(ctx, i - 1) && empty(ctx, i + 1)
}

/// Does the list under the header separate its rows with lines of one space (pdftotext
/// writes the rule between two rows so)? Then a row is everything between two
/// separators, and descriptions may run over several paragraphs.
fn uses_separators(ctx: &Ctx<'_>, header: usize) -> bool {
    let end = (header + 120).min(ctx.infos.len());
    if (header + 1..end).filter(|&i| is_separator(ctx, i)).count() < 2 {
        return false;
    }
    // The separators stand between the rows: one between the first two statuses of this
    // list (up to the header again).
    let header_text = ctx.line(header).trim();
    let statuses: Vec<usize> = (header + 1..end)
        .take_while(|&i| ctx.line(i).trim() != header_text)
        .filter(|&i| status_at_start(ctx, i).is_some())
        .take(2)
        .collect();
    match statuses[..] {
        [a, b] => (a..b).any(|i| is_separator(ctx, i)),
        _ => true,
    }
}

/// A paragraph of a row block: its lines, and whether a page break (a repeated header,
/// a footer) stands between it and the paragraph before.
struct Paragraph {
    lines: Vec<usize>,
    after_break: bool,
}

/// What a paragraph of a row block is.
enum Part {
    /// A status inside its line `k` (after task text), the description after it.
    Inline(usize, Found),
    /// Starts with a status (and goes on with the description).
    Status(Found),
    /// Starts with one space where the status should be: an empty status.
    Empty,
    /// Anything else: task or description text.
    Text,
}

/// Read a status list whose rows are separated by lines of one space: each block
/// between separators holds one row (or two, when a page break stands where the
/// separator would), made of paragraphs: the task, then a paragraph that starts with
/// the status (or with one space, for an empty status) and the description.
fn read_blocks(ctx: &Ctx<'_>, header_line: usize, header_text: &str) -> (Vec<Row>, usize) {
    let n = ctx.infos.len();
    let mut rows = Vec::new();
    let mut last_row_line = header_line;
    let mut j = header_line + 1;
    let mut idle = 0;
    // Per row: made without a status or the empty cell of one.
    let mut weak_rows: Vec<bool> = Vec::new();
    while j < n && idle < 2 {
        // Gather the block's paragraphs up to the next separator.
        let mut paragraphs: Vec<Paragraph> = Vec::new();
        let mut open = false;
        let mut pending_break = false;
        let mut end = j;
        let mut last_block = false;
        let mut after_footer = false;
        while j < n && !is_separator(ctx, j) {
            let info = &ctx.infos[j];
            let text = ctx.line(j);
            let other_header = is_status_header(ctx, j) && text.trim() != header_text;
            // The header again at the start of a line, not after a page footer: the
            // next list begins (under its own heading, `Klima`); repeated after a page
            // break, pdftotext starts it with one space.
            // A short heading of its own right before the header (`Klima`) starts the
            // next list too, even where the header lands at the top of a page.
            let under_heading = paragraphs.last().is_some_and(|p| {
                p.lines.len() <= 2
                    && p.lines.iter().all(|&l| ctx.infos[l].words <= 4)
                    && (paragraphs.len() == 1
                        || (p.lines[0].saturating_sub(3)..p.lines[0])
                            .any(|k| ctx.infos[k].lone_space))
            });
            let next_list = text.trim() == header_text
                && (!text.starts_with(' ') && !after_footer || under_heading);
            // A line wider than a list's columns is prose: the list has ended.
            let prose = info.chars > PROSE_WIDTH
                && status_inside(ctx, j).is_none()
                && status_at_start(ctx, j).is_none();
            if info.is_strong_row() || other_header || next_list || prose {
                last_block = true;
                break;
            }
            if ctx.noise[j] || text.trim() == header_text {
                after_footer |= ctx.noise[j];
                pending_break = true;
                open = false;
            } else if info.blank {
                open = false;
            } else {
                // A page that starts with the status (` Forsinket Kostnadene …`): one
                // space before it, no empty line; the status paragraph begins there.
                let page_status = open
                    && text.starts_with(' ')
                    && !text.starts_with("  ")
                    && status_at_start(ctx, j).is_some();
                if page_status {
                    open = false;
                    pending_break = true;
                }
                if !open {
                    paragraphs.push(Paragraph {
                        lines: Vec::new(),
                        after_break: pending_break,
                    });
                    pending_break = false;
                    open = true;
                }
                if let Some(p) = paragraphs.last_mut() {
                    p.lines.push(j);
                }
                after_footer = false;
                end = j;
            }
            j += 1;
        }
        if !last_block {
            j += 1;
        }
        // A block that ends the list may hold what follows it (a heading, the header of
        // the next table): it makes no row without a status of its own, and its rows
        // end with the paragraph of their status.
        // The end of the file closes the last block as a separator would.
        let closed = !last_block;
        if !closed {
            if let Some(k) = (0..paragraphs.len())
                .rev()
                .find(|&k| !matches!(part_of(ctx, k, &paragraphs[k]), Part::Text))
            {
                paragraphs.truncate(k + 1);
            }
            end = paragraphs
                .last()
                .and_then(|p| p.lines.last().copied())
                .unwrap_or(end);
        }
        let before = rows.len();
        let weak = rows_of_block(ctx, &paragraphs, closed, &mut rows);
        if rows.len() > before {
            last_row_line = end;
            idle = 0;
            weak_rows.resize(rows.len(), weak);
        } else if !paragraphs.is_empty() {
            idle += 1;
        }
        if last_block {
            break;
        }
    }
    // Rows with neither a status nor the empty cell of one after the last row that has
    // either are what follows the list (a heading, prose), not tasks.
    let read = rows.len();
    while weak_rows.last() == Some(&true) {
        weak_rows.pop();
        rows.pop();
    }
    if rows.len() < read {
        last_row_line = rows
            .iter()
            .flat_map(|r| r.label_lines.iter().chain(r.cells.iter().map(|c| &c.line)))
            .map(|&l| l.saturating_sub(1))
            .max()
            .unwrap_or(header_line);
    }
    (rows, last_row_line)
}

/// The rows of one block of paragraphs.
/// Returns true when the rows it made carry neither a status nor the empty cell of one.
fn rows_of_block(
    ctx: &Ctx<'_>,
    paragraphs: &[Paragraph],
    closed: bool,
    rows: &mut Vec<Row>,
) -> bool {
    if paragraphs.is_empty() {
        return false;
    }
    let parts: Vec<Part> = paragraphs
        .iter()
        .enumerate()
        .map(|(k, p)| part_of(ctx, k, p))
        .collect();
    let lines_of = |range: std::ops::Range<usize>| -> Vec<usize> {
        paragraphs[range]
            .iter()
            .flat_map(|p| p.lines.iter().copied())
            .collect()
    };
    // Rows as (first task paragraph, status paragraph). The first status paragraph (or
    // an inline status in the first paragraph) gives the first row. A later one starts
    // a row of its own only after task text that follows a page break, or after a
    // status that stood alone (no description): otherwise it is description text
    // (`Ikke startet på …` is caught earlier, by the capital a description starts with).
    let mut starts: Vec<(usize, usize)> = Vec::new();
    for (k, part) in parts.iter().enumerate() {
        let Some(&(_, prev)) = starts.last() else {
            match part {
                Part::Inline(..) => starts.push((k, k)),
                Part::Status(_) | Part::Empty if k > 0 => starts.push((0, k)),
                _ => {}
            }
            continue;
        };
        let task_from = match part {
            // A row glued on after a page break: `… Iht. plan …` on its first line.
            Part::Inline(..) if paragraphs[k].after_break => Some(k),
            Part::Status(_) | Part::Empty => {
                let alone = parts[prev].stands_alone(ctx, &paragraphs[prev]);
                let after_break = (prev + 1..k)
                    .find(|&t| paragraphs[t].after_break && matches!(parts[t], Part::Text));
                if alone && k > prev + 1 {
                    Some(prev + 1)
                } else {
                    after_break
                }
            }
            _ => None,
        };
        if let Some(t) = task_from {
            starts.push((t, k));
        }
    }
    if starts.is_empty() {
        // No status at all: a task whose status is missing with nothing to show where it
        // stood (the description follows the task), when the block is closed by a
        // separator and laid out in the list's narrow columns; a lone paragraph is a
        // heading.
        let narrow = paragraphs
            .iter()
            .flat_map(|p| &p.lines)
            .all(|&l| ctx.infos[l].chars <= CELL_WIDTH);
        if closed && narrow && (2..=MAX_PARAGRAPHS).contains(&paragraphs.len()) {
            // A status spelled almost like a known one, or a word the vocabulary does not
            // know (`Avventer Saken …`), stands where the status should; only a line
            // that starts with one space says the status is missing.
            let p1 = &paragraphs[1].lines;
            let found =
                near_status_at_start(ctx, p1[0]).or_else(|| unknown_status_at_start(ctx, p1[0]));
            let (row, weak) = match found {
                Some(f) => {
                    let mut desc: Vec<usize> = p1[1..].to_vec();
                    desc.extend(lines_of(2..paragraphs.len()));
                    (
                        make_row(ctx, &lines_of(0..1), Some((p1[0], &f)), &desc),
                        false,
                    )
                }
                None => (
                    make_row(ctx, &lines_of(0..1), None, &lines_of(1..paragraphs.len())),
                    true,
                ),
            };
            rows.push(row);
            return weak;
        }
        return false;
    }
    for (r, &(t, k)) in starts.iter().enumerate() {
        let end = starts.get(r + 1).map_or(paragraphs.len(), |x| x.0);
        let p = &paragraphs[k].lines;
        match &parts[k] {
            Part::Inline(kl, f) => {
                let l = p[*kl];
                let mut desc: Vec<usize> = p[kl + 1..].to_vec();
                desc.extend(lines_of(k + 1..end));
                let mut row = make_row(ctx, &p[..*kl], Some((l, f)), &desc);
                // The part of the line before the status belongs to the task.
                let head = ctx.line(l).get(..f.start).unwrap_or("").trim();
                if !head.is_empty() {
                    if !row.label.is_empty() {
                        row.label.push(' ');
                    }
                    row.label.push_str(head);
                }
                row.label_lines.push(l + 1);
                rows.push(row);
            }
            Part::Status(f) => {
                let mut desc: Vec<usize> = p.iter().skip(f.lines).copied().collect();
                desc.extend(lines_of(k + 1..end));
                rows.push(make_row(ctx, &lines_of(t..k), Some((p[0], f)), &desc));
            }
            _ => rows.push(make_row(ctx, &lines_of(t..k), None, &lines_of(k..end))),
        }
    }
    false
}

/// What paragraph `k` of a block is.
fn part_of(ctx: &Ctx<'_>, k: usize, p: &Paragraph) -> Part {
    let first = p.lines[0];
    // A status ending a line of the task (`… arealbruk  Iht. plan Mindre bruk …`): on
    // any line of the block's first paragraph, or on the first line of one that
    // follows a page break.
    let inline_lines = if k == 0 {
        p.lines.len()
    } else if p.after_break {
        1
    } else {
        0
    };
    if let Some((kl, f)) = p.lines[..inline_lines]
        .iter()
        .enumerate()
        .find_map(|(kl, &l)| status_inside(ctx, l).map(|f| (kl, f)))
    {
        return Part::Inline(kl, f);
    }
    if k == 0 {
        return Part::Text;
    }
    if let Some(f) = status_at_start(ctx, first) {
        return Part::Status(f);
    }
    let text = ctx.line(first);
    if text.starts_with(' ') && !text.starts_with("  ") && !p.after_break {
        Part::Empty
    } else {
        Part::Text
    }
}

impl Part {
    /// A status with no description after it: the row ends with it.
    fn stands_alone(&self, ctx: &Ctx<'_>, p: &Paragraph) -> bool {
        let (kl, f) = match self {
            Part::Status(f) => (0, f),
            Part::Inline(kl, f) => (*kl, f),
            _ => return false,
        };
        kl + f.lines == p.lines.len()
            && ctx
                .line(p.lines[kl])
                .get(f.end..)
                .unwrap_or("")
                .trim()
                .is_empty()
    }
}

fn title_above(ctx: &Ctx<'_>, header: usize) -> Option<String> {
    let mut lines = (header.saturating_sub(8)..header)
        .rev()
        .filter(|&k| !ctx.infos[k].blank && !ctx.noise[k]);
    let first = lines.next()?;
    // A sentence between the title and the header (`Tre klimatiltak er ferdig.` under
    // `Status klimatiltak`) is no title: the short line above it, with an empty line
    // between, is.
    let sentence = |k: usize| {
        let t = ctx.line(k).trim_end();
        t.ends_with('.') && ctx.infos[k].sentence_words > 0
    };
    let k = match lines.next() {
        Some(above)
            if sentence(first)
                && !sentence(above)
                && ctx.infos[above + 1].blank
                && ctx.infos[above].words <= 8 =>
        {
            above
        }
        // A sentence, or the end of one (`og ett tiltak er avsluttet.`), titles nothing.
        _ if sentence(first) || ctx.line(first).trim_start().starts_with(char::is_lowercase) => {
            return None;
        }
        _ => first,
    };
    Some(ctx.line(k).trim().to_string()).filter(|t| t.chars().count() <= 100)
}

/// A status alias inside a line after the task text, with capitalised first word.
fn status_inside(ctx: &Ctx<'_>, i: usize) -> Option<Found> {
    let line = ctx.line(i);
    let info = &ctx.infos[i];
    let words: Vec<(usize, &str)> = info
        .lexed
        .tokens
        .iter()
        .filter(|t| t.is_word())
        .map(|t| (t.start as usize, t.text(line)))
        .collect();
    for k in 1..words.len() {
        let (start, w) = words[k];
        if !w.chars().next().is_some_and(|c| c.is_uppercase()) {
            continue;
        }
        // Two words of task text before the status, or one that ends the task's
        // sentence (`grender. Ferdig`, the short last line of a wrapped task), or one
        // lower-case word that ends a wrapped task with the status ending the line
        // (`hjemmetjenesten Iht. plan`, its description on the lines below).
        let short_last = words[0].1.chars().next().is_some_and(char::is_lowercase);
        if k == 1 && !words[0].1.ends_with(['.', '!']) && !short_last {
            continue;
        }
        let rest: Vec<String> = words[k..].iter().map(|(_, w)| norm_word(w)).collect();
        if let Some((_, n)) = ctx.vocab.match_status(&rest) {
            // The word before must end the task text, not run into the status.
            let end = words
                .get(k + n - 1)
                .map(|(s, w)| s + w.len())
                .unwrap_or(line.len());
            if !starts_cell(line.get(end..).unwrap_or("")) {
                continue;
            }
            if k == 1 && short_last && end < line.trim_end().len() {
                continue;
            }
            return Some(Found {
                start,
                end,
                lines: 1,
                tail: None,
                head: None,
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
    layout: Layout,
) -> (Vec<usize>, usize) {
    let mut lines = Vec::new();
    let mut j = start + status_lines;
    // With no status lines, `start` is the description's first line (the one-space line
    // of an empty status, or the line after a status that ended its task's line): taken
    // as it is, unless it is empty or past the end. An empty line ends the description.
    if status_lines == 0 && j < ctx.infos.len() {
        if ctx.infos[j].blank {
            return (lines, j);
        }
        lines.push(j);
        j += 1;
    }
    while j < ctx.infos.len()
        && !ctx.infos[j].blank
        && !ctx.noise[j]
        && ctx.line(j).trim() != header
        && !(j > start && next_task_starts(ctx, j, layout))
    {
        lines.push(j);
        j += 1;
    }
    (lines, j)
}

/// In a list with no empty lines between its cells, line `j` starts the next task: the
/// line above ended its sentence, this one starts with a capital, and within the next
/// few lines, with no empty line between, a line starts with a status or with one
/// space (an empty status).
fn next_task_starts(ctx: &Ctx<'_>, j: usize, layout: Layout) -> bool {
    let text = ctx.line(j);
    let prev = ctx.line(j.saturating_sub(1)).trim_end();
    if !prev.ends_with(['.', '!']) || text.starts_with(' ') {
        return false;
    }
    // A task starts with a capital, or with its number and then a capital (`4 Det …`).
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or("");
    let numbered = first.trim_end_matches(['.', ')']).parse::<u32>().is_ok()
        && words
            .next()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    let capital = first.chars().next().is_some_and(char::is_uppercase);
    if !(capital || numbered) || status_at_start(ctx, j).is_some() {
        return false;
    }
    (j + 1..(j + 1 + MAX_TASK_LINES).min(ctx.infos.len()))
        .take_while(|&k| !ctx.infos[k].blank || ctx.infos[k].lone_space)
        .any(|k| {
            status_at_start(ctx, k).is_some()
                || lone_space_text(ctx.line(k))
                || ctx.infos[k].lone_space
                || status_inside(ctx, k).is_some()
                || k > j && {
                    let words = (j..k).map(|t| ctx.line(t).split_whitespace().count()).sum();
                    odd_status_at_start(ctx, k, k - 1, words, layout).is_some()
                }
        })
}

/// At most this many lines of task text above its status, in a list with no empty lines
/// between its cells.
const MAX_TASK_LINES: usize = 4;

/// One space, then a sentence that starts with a capital and ends: the description of
/// an empty status, not a task wrapped over a page break (` kommunens bilpark`).
fn lone_space_text(text: &str) -> bool {
    text.starts_with(' ')
        && !text.starts_with("  ")
        && text
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
        && text.trim_end().ends_with(['.', '!'])
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
        if let Some(h) = f.head {
            desc.push_str(line.get(h..).unwrap_or("").trim());
            desc.push(' ');
        }
        if let Some(t) = f.tail {
            desc.push_str(ctx.line(l + f.lines - 1).get(t..).unwrap_or("").trim());
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
            (Some((l, f)), _) if f.head.is_some() => {
                let t = ctx.line(l);
                let rest = t.get(f.head.unwrap_or(0)..).unwrap_or("");
                (l, t.len() - rest.trim_start().len(), t.trim_end().len())
            }
            (Some((l, f)), _) if f.tail.is_some() => {
                let k = l + f.lines - 1;
                let t = ctx.line(k);
                let rest = t.get(f.tail.unwrap_or(0)..).unwrap_or("");
                (k, t.len() - rest.trim_start().len(), t.trim_end().len())
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

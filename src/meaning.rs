//! Meaning: what each row of a rebuilt table is (item, heading, total, ...).
//!
//! Column kinds and periods come from the header ([`crate::header`]); the table's unit
//! from its unit phrase ([`crate::lex::Scale`]). Here the rows get their kinds from their
//! labels, with the words in `rules/rows.toml`.

use crate::model::{ColumnKind, RowKind, Table, TableKind};
use crate::vocab::{LabelClass, Vocab, phrase_words};
use rust_decimal::Decimal;

/// Strip a leading code (`10-`, `200-`, `E43012`, `1`) from a label for matching.
pub(crate) fn without_code(label: &str) -> &str {
    // `= Sum langsiktig gjeld`: a leading equals sign marks a total, it is no word.
    let t = label.trim_start().trim_start_matches(['=', ' ']);
    let first = t.split_whitespace().next().unwrap_or("");
    let is_code = !first.is_empty()
        && first
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        && first.chars().any(|c| c.is_ascii_digit())
        && first
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    if is_code {
        t[first.len()..].trim_start()
    } else if let Some((code, rest)) = t.split_once('-') {
        if !code.is_empty() && code.chars().all(|c| c.is_ascii_digit()) {
            rest
        } else {
            t
        }
    } else {
        t
    }
}

/// A column named by a word for year (`År`, `Årstall`), not by a year, whose every
/// value is a year (`2023`, `2022`) is a key of its rows: it says which year a row is
/// about, it holds no amounts.
pub fn key_years(table: &mut Table) {
    for k in 0..table.columns.len() {
        let col = &table.columns[k];
        if col.kind != ColumnKind::Aar || col.name.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let mut cells = table.rows.iter().filter_map(|r| r.cell(k)).peekable();
        if cells.peek().is_none() {
            continue;
        }
        let years = cells.all(|c| {
            !c.percent
                && c.minus.is_none()
                && c.text.len() == 4
                && c.value.is_some_and(|v| {
                    v.scale() == 0 && v >= Decimal::from(1900) && v <= Decimal::from(2100)
                })
        });
        if years {
            table.columns[k].kind = ColumnKind::Aarstall;
            table.columns[k].period = crate::model::Period::Unknown;
        }
    }
}

/// Give every row of a table its kind.
pub fn classify_rows(table: &mut Table, vocab: &Vocab) {
    for row in &mut table.rows {
        if table.kind == TableKind::Status {
            row.kind = RowKind::Task;
            continue;
        }
        if row.kind == RowKind::Heading {
            continue;
        }
        let numeric = row.cells.iter().any(|c| {
            table
                .columns
                .get(c.column)
                .is_some_and(|col| !col.kind.is_text())
        });
        if !numeric {
            row.kind = RowKind::Heading;
            continue;
        }
        let label = row.label.trim();
        if label.is_empty() {
            row.kind = RowKind::UnlabelledTotal;
            continue;
        }
        if vocab.is_excluded(label) {
            row.kind = RowKind::Excluded;
            continue;
        }
        let words = phrase_words(without_code(label));
        let mut class = vocab.label_class(&words);
        // `til plan SUM Habilitering`: the tail of a status wrapped from the row above.
        let tail = vocab.status_tail_len(&words);
        if class == LabelClass::Plain && tail > 0 {
            class = vocab.label_class(&words[tail..]);
        }
        row.kind = match class {
            LabelClass::Plain => RowKind::Item,
            LabelClass::SubTotal => RowKind::Subtotal,
            LabelClass::GrandTotal => RowKind::Total,
            LabelClass::Average => RowKind::Average,
            LabelClass::Breakdown => RowKind::Breakdown,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_not_words() {
        assert_eq!(
            without_code("10-Kommunedirektør og stab"),
            "Kommunedirektør og stab"
        );
        assert_eq!(
            without_code("E43012 Drift Kirkegata 8"),
            "Drift Kirkegata 8"
        );
        assert_eq!(without_code("1 Reduksjon kostnader"), "Reduksjon kostnader");
        assert_eq!(without_code("Sum netto"), "Sum netto");
    }
}

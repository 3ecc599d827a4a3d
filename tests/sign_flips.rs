//! Issue 4: a sign flipped on any item of a fixture table is found, by the sign rules or
//! by the arithmetic rules, pointing at the flipped cell.

use rapportlint::model::RowKind;
use rapportlint::rules::{self, Lang};
use rapportlint::vocab::Vocab;
use std::path::Path;

/// Clean excerpts whose every item row enters a total or a relation. Left out: the § 5-4
/// second paragraph table (its `Herav` rows and `Korr. sum` line enter no relation the
/// rules know, and reading it takes a third of a second), and the project accounts of
/// 004 line 3486, whose sparse rows become ambiguous once a sign is flipped (no reading
/// satisfies the row's relation, so the empty cell's place is unknown, and the rules
/// skip an ambiguous row rather than guess).
const EXCERPTS: [&str; 8] = [
    "economy-overview-000-l86.txt",
    "economy-overview-000-l165.txt",
    "investment-projects-000-l1809.txt",
    "status-per-unit-000-l2263.txt",
    "status-per-unit-000-l4572.txt",
    "status-per-unit-004-l4019.txt",
    "per-account-004-l4061.txt",
    "savings-per-measure-002-l805.txt",
];

#[test]
fn every_flipped_item_sign_is_found_at_its_cell() {
    let vocab = Vocab::embedded().expect("embedded rules load");
    let mut misses = Vec::new();
    let mut tried = 0;
    for name in EXCERPTS {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/excerpts")
            .join(name);
        let text = std::fs::read_to_string(&path).expect("excerpt reads");
        let doc = rapportlint::read_text(name, text.clone(), &vocab);
        let (before, _) = rules::check(&doc, &vocab, Lang::Nb);
        assert!(before.is_empty(), "{name} is not clean: {before:?}");
        let minus = if text.contains('\u{2212}') {
            "\u{2212}"
        } else {
            "-"
        };
        for table in &doc.tables {
            for row in table.rows.iter().filter(|r| r.kind == RowKind::Item) {
                for cell in &row.cells {
                    if cell.percent || cell.value.is_none_or(|v| v.is_zero()) {
                        continue;
                    }
                    let (s, e) = cell.span;
                    let old = &text[s..e];
                    let new = match old.strip_prefix(['-', '\u{2212}', '\u{2013}']) {
                        Some(rest) => rest.to_string(),
                        None => format!("{minus}{old}"),
                    };
                    let mutated = format!("{}{}{}", &text[..s], new, &text[e..]);
                    let doc = rapportlint::read_text(name, mutated, &vocab);
                    let (after, _) = rules::check(&doc, &vocab, Lang::Nb);
                    tried += 1;
                    let found = after.iter().any(|d| {
                        d.primary.line == cell.line && d.primary.column == cell.column_start
                            || d.related
                                .iter()
                                .any(|r| r.line == cell.line && r.column == cell.column_start)
                    });
                    if !found {
                        misses.push(format!(
                            "{name}:{}:{} `{old}` → `{new}`: {:?}",
                            cell.line,
                            cell.column_start,
                            after.iter().map(|d| &d.message).collect::<Vec<_>>()
                        ));
                    }
                }
            }
        }
    }
    assert!(tried >= 100, "only {tried} cells tried");
    assert!(
        misses.is_empty(),
        "{} of {tried} flips not found:\n{}",
        misses.len(),
        misses.join("\n")
    );
}

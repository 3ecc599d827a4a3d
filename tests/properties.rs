//! Properties over generated input (proptest): numbers round-trip through printing and
//! reading, splitting never panics and yields the column count or nothing, the whole
//! pipeline is deterministic on any text, and fixes are idempotent.

use proptest::prelude::*;
use rapportlint::lex::{TokenKind, lex_line};
use rapportlint::number::{format_norwegian, from_groups};
use rapportlint::rules::{self, Lang};
use rapportlint::vocab::Vocab;
use rust_decimal::Decimal;
use std::sync::OnceLock;

fn vocab() -> &'static Vocab {
    static V: OnceLock<Vocab> = OnceLock::new();
    V.get_or_init(|| Vocab::embedded().expect("embedded rules load"))
}

/// A decimal as reports print them: up to 12 integer digits, 0 to 2 decimals.
fn amount() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..3).prop_map(|(n, scale)| Decimal::new(n % 1_000_000_000_000, scale))
}

fn minus() -> impl Strategy<Value = char> {
    prop_oneof![Just('-'), Just('\u{2212}'), Just('\u{2013}')]
}

/// A line of table-like text: a label and a few numbers in any of the printed forms.
fn table_line() -> impl Strategy<Value = String> {
    (
        "[A-ZÆØÅ][a-zæøå]{2,9}( [a-zæøå]{2,8})?",
        prop::collection::vec((amount(), minus(), prop::bool::ANY), 1..6),
    )
        .prop_map(|(label, cells)| {
            let mut line = label;
            for (v, m, pct) in cells {
                line.push(' ');
                line.push_str(&format_norwegian(v, m));
                if pct {
                    line.push_str(" %");
                }
            }
            line
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Printing a number and reading it back gives the same value, with every minus.
    #[test]
    fn numbers_round_trip(v in amount(), m in minus()) {
        let text = format_norwegian(v, m);
        let lexed = lex_line(&text);
        let groups: Vec<_> = lexed
            .tokens
            .iter()
            .filter_map(|t| match t.kind { TokenKind::Group(g) => Some(g), _ => None })
            .collect();
        let n = from_groups(&text, &groups, false).expect("a number");
        prop_assert_eq!(n.value, v, "{}", text);
    }

    /// Any digit-group line splits into exactly the column count asked for, or not at
    /// all; it never panics.
    #[test]
    fn splitting_yields_the_column_count(
        groups in prop::collection::vec(("[0-9]{1,4}", 1usize..3), 1..12),
        columns in 1usize..8,
    ) {
        let mut line = String::from("Rad");
        for (g, gap) in &groups {
            line.push_str(&" ".repeat(*gap));
            line.push_str(g);
        }
        let info = rapportlint::layout::describe(1, 0, &line, vocab());
        if let Some(run) = &info.run {
            let opts = rapportlint::split::Options { columns, absorb: true, release: false, trailing_gap: 0, label_spaces_are_padding: false, mid: None };
            if let Some(r) = rapportlint::split::split(&line, &run.atoms, &[], opts) {
                prop_assert_eq!(r.cells.len(), columns);
            }
        }
    }

    /// Reading and linting any text twice gives the same tables and findings, and never
    /// panics.
    #[test]
    fn pipeline_is_deterministic(lines in prop::collection::vec(prop_oneof![
        table_line(),
        "[ -~æøåÆØÅ−–]{0,60}",
        Just(String::new()),
        Just("Regnskap Budsjett Avvik".to_string()),
        Just("Sum 1 2 3".to_string()),
    ], 0..30)) {
        let text = lines.join("\n");
        let a = rapportlint::read_text("p.txt", text.clone(), vocab());
        let b = rapportlint::read_text("p.txt", text, vocab());
        prop_assert_eq!(
            rapportlint::output::tables_json(std::slice::from_ref(&a)),
            rapportlint::output::tables_json(std::slice::from_ref(&b))
        );
        let (da, ca) = rules::check(&a, vocab(), Lang::Nb);
        let (db, cb) = rules::check(&b, vocab(), Lang::Nb);
        prop_assert_eq!(da, db);
        prop_assert_eq!(ca, cb);
    }

    /// Applying the fixes, then linting and fixing again, changes nothing the second
    /// time.
    #[test]
    fn fixes_are_idempotent(lines in prop::collection::vec(table_line(), 2..12)) {
        let text = format!("Regnskap Budsjett Avvik\n\n{}\n", lines.join("\n\n"));
        let level = rapportlint::fix::Level { unsafe_fixes: false };
        let doc = rapportlint::read_text("p.txt", text.clone(), vocab());
        let (d, _) = rules::check(&doc, vocab(), Lang::Nb);
        let once = rapportlint::fix::apply(&text, &d, level).text;
        let doc = rapportlint::read_text("p.txt", once.clone(), vocab());
        let (d, _) = rules::check(&doc, vocab(), Lang::Nb);
        let twice = rapportlint::fix::apply(&once, &d, level);
        prop_assert_eq!(twice.fixed, 0, "{}", once);
        prop_assert_eq!(twice.text, once);
    }
}

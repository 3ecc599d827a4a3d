//! What `lint` finds on the four seed reports, pinned: the real arithmetic errors in
//! them (a helper session found the same ones independently by recomputing every table;
//! see `fixtures/excerpts/README.md`), and nothing else — no rounding difference.

use rapportlint::model::Document;
use rapportlint::rules::{self, Lang};
use rapportlint::vocab::Vocab;
use std::path::Path;

/// A seed report, read and linted.
fn lint(name: &str) -> (Document, Vec<rules::Diagnostic>, rules::Checked) {
    let vocab = Vocab::embedded().expect("embedded rules load");
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/reports")
        .join(name);
    let src = rapportlint::source::read(&path).expect("report reads");
    let doc = rapportlint::read_text(name, src.text, &vocab);
    let (diags, checked) = rules::check(&doc, &vocab, Lang::Nb);
    (doc, diags, checked)
}

fn findings(name: &str) -> String {
    let (_, diags, checked) = lint(name);
    let mut out = format!("{checked:?}\n");
    for d in diags {
        out.push_str(&format!(
            "{}:{}:{} {} {}\n",
            d.primary.line,
            d.primary.column,
            d.code,
            d.severity.name(Lang::Nb),
            d.message
        ));
    }
    out
}

#[test]
fn seed_000() {
    // Line 262: Sum sykefravær 3,9 % + 8,9 % is not 12,2 %.
    insta::assert_snapshot!(findings("000_5b22cc073d5bff98.txt"));
}

#[test]
fn seed_001() {
    insta::assert_snapshot!(findings("001_71f702930307d31b.txt"));
}

#[test]
fn seed_002() {
    insta::assert_snapshot!(findings("002_ca4bfe8b9a121cce.txt"));
}

#[test]
fn seed_004() {
    // 1152: 3,0 % + 6,2 % is not 9,0 %. 2604/2606: the Delsum's Avvik 16 071 includes a
    // row its Rev. bud. leaves out. 2758: § 5-6 Avvik 2 425 should be −46 612.
    insta::assert_snapshot!(findings("004_107a323575072c43.txt"));
}

/// The human output (miette, no colour) for a seed: every finding with the offending cell,
/// its operands and the help line, as a controller sees it.
fn human(name: &str) -> String {
    let (doc, diagnostics, checked) = lint(name);
    let results = [rapportlint::report::FileResult {
        doc: &doc,
        diagnostics,
        checked,
    }];
    rapportlint::report::human(&results, false, Lang::Nb)
}

#[test]
fn seed_000_human() {
    // 83: the legend `Merforbruk +/mindreforbruk -` against its own row's deviation.
    // 262: sick-leave parts that do not add up. 10660: SUM Mossehjelpa leaves out the
    // first row of its group (a warning: the grand total takes the row in).
    insta::assert_snapshot!(human("000_5b22cc073d5bff98.txt"));
}

#[test]
fn seed_001_human() {
    // 522: the unlabelled total of Tabell 5 is 61 784 short of its four rows.
    insta::assert_snapshot!(human("001_71f702930307d31b.txt"));
}

#[test]
fn seed_004_human() {
    // 636 Folkevekst ≠ Fødselsoverskudd + Netto innvandring og flytting (2021–2023);
    // 1152 sick leave; 2570 the header `Avvik Rev-Regn` over values that are Regn − Rev;
    // 2604 Delsum leaves out `Merutgifter pensjon` in two columns and its
    // Avvik disagrees with Rev − Regn (2604, 2606); 2758 § 5-6 Avvik; 3345 the balance
    // sheet does not foot (an equity line is missing).
    insta::assert_snapshot!(human("004_107a323575072c43.txt"));
}

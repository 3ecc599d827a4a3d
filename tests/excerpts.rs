//! Insta snapshots of how each excerpt in `fixtures/excerpts/` is read.
//!
//! Every excerpt is cut from a seed report (file and lines in `fixtures/excerpts/README.md`)
//! and shows a kind of table or a trap of the text: wrapped headers, label digits, text
//! after the numbers, page breaks with repeated headers, sparse rows, numbers split over
//! lines, trailing minus, U+2212, U+202F. The snapshot is the Markdown rendering of
//! `rapportlint tables`: columns with kind and period, and every row with its cells.

use rapportlint::vocab::Vocab;
use std::path::Path;

fn render(name: &str) -> String {
    let vocab = Vocab::embedded().expect("embedded rules load");
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/excerpts")
        .join(format!("{name}.txt"));
    let src = rapportlint::source::read(&path).expect("excerpt reads");
    let doc = rapportlint::read_text(name, src.text, &vocab);
    let mut out = String::new();
    if doc.tables.is_empty() {
        out.push_str("no tables\n");
    }
    for (i, t) in doc.tables.iter().enumerate() {
        out.push_str(&rapportlint::output::table_markdown(i + 1, t));
    }
    out
}

macro_rules! excerpt {
    ($($test:ident => $name:literal,)*) => {$(
        #[test]
        fn $test() {
            insta::assert_snapshot!($name, render($name));
        }
    )*};
}

excerpt! {
    // 000 lines 53–84: header wrapped (1 of 4), legend row `Merforbruk +/mindreforbruk -`, U+2212.
    economy_overview_53 => "economy-overview-000-l53",
    // 000 lines 86–105: heading row with empty cells, U+2212.
    economy_overview_86 => "economy-overview-000-l86",
    // 000 lines 165–186: financial items and their Sum.
    economy_overview_165 => "economy-overview-000-l165",
    // 000 lines 214–263: sick leave per area, spanning headers, labels wrapped over three lines.
    sick_leave_214 => "sick-leave-000-l214",
    // 000 lines 1809–1830: investment projects under a spanning header.
    investment_projects_1809 => "investment-projects-000-l1809",
    // 000 lines 1845–1860: sick leave per year, years inside labels.
    sick_leave_1845 => "sick-leave-000-l1845",
    // 000 lines 1880–1975: verbal decisions (task / status / description), footer and repeated header.
    status_decisions_1880 => "status-decisions-000-l1880",
    // 000 lines 2263–2307: header wrapped (2 of 4); a row with 126 groupings.
    status_per_unit_2263 => "status-per-unit-000-l2263",
    // 000 lines 2500–2532: header wrapped (3 of 4).
    status_per_unit_2500 => "status-per-unit-000-l2500",
    // 000 lines 2556–2610: text after the numbers; page break and repeated header inside a cell.
    status_measures_money_2556 => "status-measures-money-000-l2556",
    // 000 lines 3927–3985: empty statuses shown as a line starting with one space.
    status_empty_3927 => "status-empty-000-l3927",
    // 000 lines 4625–4660: label digits (`Storebaugveien 8`, `SMS 5`), hyphen in a label.
    investment_projects_4625 => "investment-projects-000-l4625",
    // 000 lines 4925–4956: header wrapped (4 of 4).
    status_per_unit_4925 => "status-per-unit-000-l4925",
    // 000 lines 9495–9560: numbers split over two lines; status `Henhold` / `til plan`.
    savings_annex_9495 => "savings-annex-000-l9495",
    // 002 lines 740–793: KOSTRA comparison, padded layout, trailing minus.
    key_figures_740 => "key-figures-002-l740",
    // 002 lines 805–828: year header after a label header.
    savings_per_measure_805 => "savings-per-measure-002-l805",
    // 002 lines 935–965: numbered, wrapped labels; SUM rows.
    savings_per_measure_935 => "savings-per-measure-002-l935",
    // 002 lines 2105–2130: empty cells shown only as extra spaces.
    sparse_rows_2105 => "sparse-rows-002-l2105",
    // 002 lines 2213–2250: sparse rows, a numbers-only row under a wrapped label.
    sparse_rows_2213 => "sparse-rows-002-l2213",
    // 002 lines 3890–3912: a row left out of the sum.
    savings_excluded_3890 => "savings-excluded-002-l3890",
    // 004 lines 1990–2100: statutory § 5-4 with `Avvik Rev-Regn`, percent rows.
    statutory_5_4_1990 => "statutory-5-4-004-l1990",
    // 004 lines 3280–3346: balance sheet, unit and header on one line.
    balance_sheet_3280 => "balance-sheet-004-l3280",
    // 004 lines 3420–3434: debt in whole kroner, IB / UB / Endring.
    funds_debt_3420 => "funds-debt-004-l3420",
    // 004 lines 3486–3531: project accounts, empty cells as double spaces.
    investment_projects_3486 => "investment-projects-004-l3486",
    // 004 lines 3486–3501 (the header) + 3750–3800: label digits (`E43012 Drift Kirkegata 8`), negative cells.
    investment_projects_3745 => "investment-projects-004-l3745",
    // 004 lines 1148–1163: sick leave with a year column, a row per year.
    sick_leave_1148 => "sick-leave-004-l1148",
    // 001 lines 480–525: text after the numbers; an unlabelled total.
    small_table_480 => "small-table-001-l480",
    // Synthetic, from 000 lines 86–105: thousands separated by U+202F and NBSP.
    synthetic_u202f_nbsp => "synthetic-u202f-nbsp-000-l86",
}

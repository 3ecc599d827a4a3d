//! Guards against false alarms: what the rules must not report.

use rapportlint::rules::{self, Lang};
use rapportlint::vocab::Vocab;

fn lint(text: &str) -> (Vec<rules::Diagnostic>, rules::Checked) {
    let vocab = Vocab::embedded().expect("embedded rules load");
    let doc = rapportlint::read_text("test.txt", text.to_string(), &vocab);
    rules::check(&doc, &vocab, Lang::Nb)
}

#[test]
fn a_relation_broken_in_every_row_is_a_misread_header_not_errors() {
    // The third column is headed Avvik but holds something else in every row.
    let text = "Beløp i 1000\n\nRegnskap Budsjett Avvik\n\nSkole 100 120 7\n\nBarnehage 200 210 3\n\nHelse 300 280 9\n";
    let (diags, checked) = lint(text);
    assert!(
        diags.iter().all(|d| d.code != "RL102"),
        "{:?}",
        diags.iter().map(|d| &d.message).collect::<Vec<_>>()
    );
    assert!(checked.relations_skipped >= 3, "{checked:?}");
}

#[test]
fn a_relation_broken_in_one_row_of_many_is_an_error() {
    let text = "Beløp i 1000\n\nRegnskap Budsjett Avvik\n\nSkole 100 120 20\n\nBarnehage 200 210 10\n\nHelse 300 280 -29\n\nKultur 50 60 10\n";
    let (diags, _) = lint(text);
    let rl102: Vec<_> = diags.iter().filter(|d| d.code == "RL102").collect();
    assert_eq!(
        rl102.len(),
        1,
        "{:?}",
        diags.iter().map(|d| &d.message).collect::<Vec<_>>()
    );
    assert_eq!(rl102[0].primary.line, 9);
}

#[test]
fn rounding_in_a_total_is_no_finding() {
    // Five rows in thousands: the printed total is off by 2 from the printed rows, within
    // the ± 0,5 × 6 the rounding of six printed values allows.
    let text = "Beløp i 1000\n\nRegnskap Budsjett\n\nA 10 11\n\nB 20 21\n\nC 30 31\n\nD 40 41\n\nE 50 51\n\nSum 152 155\n";
    let (diags, checked) = lint(text);
    assert!(
        diags.is_empty(),
        "{:?}",
        diags.iter().map(|d| &d.message).collect::<Vec<_>>()
    );
    assert!(checked.relations_checked >= 2, "{checked:?}");
}

#[test]
fn a_total_off_beyond_rounding_is_an_error() {
    let text = "Beløp i 1000\n\nRegnskap Budsjett\n\nA 10 11\n\nB 20 21\n\nC 30 31\n\nD 40 41\n\nE 50 51\n\nSum 150 165\n";
    let (diags, _) = lint(text);
    let rl101: Vec<_> = diags.iter().filter(|d| d.code == "RL101").collect();
    assert_eq!(
        rl101.len(),
        1,
        "{:?}",
        diags.iter().map(|d| &d.message).collect::<Vec<_>>()
    );
    assert_eq!(rl101[0].primary.line, 15);
    assert_eq!(rl101[0].expected.as_deref(), Some("155"));
}

/// Issue 4's "must not flag" list, in one table laid out as the reports lay them out.
#[test]
fn sign_conventions_that_are_no_findings() {
    let text = "\
Beløp i 1000

Regnskap Budsjett Avvik i kr Avvik i %

200-Kommunalområde oppvekst 120 100 -20 -20,0 %

Digitalisering -sensorsystem 90 100 10 10,0 %

Salgsinntekter -120 -100 20 20,0 %

Gebyrinntekter -520 -500 20 4,0 %

Tilskudd 100 100 - -

Plan 2024-2025 50 60 10 16,7 %

Aldersgruppe 0 - 1 år 30 30 0 0,0 %

Sum -250 -210 40
";
    let (diags, checked) = lint(text);
    assert!(
        diags.is_empty(),
        "{:?}",
        diags
            .iter()
            .map(|d| (d.code, d.primary.line, &d.message))
            .collect::<Vec<_>>()
    );
    // The deviations and their percents were checked, not skipped.
    assert!(checked.relations_checked >= 10, "{checked:?}");
}

/// Fund rows where the label gives the direction and every amount is positive, and a
/// lone allocation among uses of funds: no sign finding (no convention is shown).
#[test]
fn fund_rows_printed_positive_are_no_findings() {
    let text = "\
Beløp i 1000

Regnskap Budsjett

Bruk av disposisjonsfond 1 200 1 000

Bruk av bundne driftsfond 340 300

Bruk av ubundne investeringsfond 95 100

Avsetning til disposisjonsfond 2 500 2 000

Avsetning til bundne driftsfond 410 400
";
    let (diags, _) = lint(text);
    assert!(diags.iter().all(|d| d.code != "RL203"), "{diags:?}");
    let lone = text.replace("Avsetning til bundne driftsfond 410 400\n", "");
    let lone = lone.replace(
        "Avsetning til disposisjonsfond 2 500 2 000",
        "Avsetning til disposisjonsfond -2 500 -2 000",
    );
    let (diags, _) = lint(&lone);
    assert!(diags.iter().all(|d| d.code != "RL203"), "{diags:?}");
}

/// Total words from a config (`[totals] grand = ["Alt i alt"]`) make a row a total the
/// rules check; without them the row is an item.
#[test]
fn config_total_words_make_totals() {
    let text =
        "Beløp i 1000\n\nRegnskap Budsjett\n\nLønn 100 200\n\nDrift 300 400\n\nAlt i alt 400 700\n";
    let (diags, _) = lint(text);
    assert!(diags.iter().all(|d| d.code != "RL101"), "{diags:?}");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rapportlint.toml");
    std::fs::write(&path, "[totals]\ngrand = [\"Alt i alt\"]\n").expect("write");
    let loaded = rapportlint::config::load(&path).expect("config loads");
    let mut vocab = Vocab::embedded().expect("embedded rules load");
    loaded.extend_vocab(&mut vocab);
    let doc = rapportlint::read_text("test.txt", text.to_string(), &vocab);
    let (diags, _) = rules::check(&doc, &vocab, Lang::Nb);
    assert!(
        diags
            .iter()
            .any(|d| d.code == "RL101" && d.primary.line == 9),
        "{diags:?}"
    );
}

/// A suppression line silences its rules in the next table only; one that silences
/// nothing is reported (RL901). Excerpt of 000 lines 86–105 with a total changed.
#[test]
fn suppressions_apply_to_the_next_table() {
    let clean = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/excerpts/economy-overview-000-l86.txt"),
    )
    .expect("fixture");
    let broken = clean.replacen("\u{2212}4 151 407", "\u{2212}4 151 470", 1);
    let codes = |text: &str| -> Vec<(&'static str, usize)> {
        lint(text)
            .0
            .iter()
            .map(|d| (d.code, d.primary.line))
            .collect()
    };
    assert_eq!(codes(&broken), [("RL101", 19), ("RL102", 19)]);
    let text = format!("rapportlint: ignore RL101 RL102 rettet i vedtak 12/25\n{broken}");
    assert_eq!(codes(&text), []);
    let text = format!("<!-- rapportlint-disable RL101 -->\n{broken}");
    assert_eq!(codes(&text), [("RL102", 20)]);
    // Unused: RL103 finds nothing here.
    let text = format!("rapportlint: ignore RL101 RL103\n{broken}");
    assert_eq!(codes(&text), [("RL901", 1), ("RL102", 20)]);
    // After the table, it applies to no table.
    let text = format!("{broken}\nrapportlint: ignore RL101\n");
    let found = codes(&text);
    assert!(
        found.contains(&("RL101", 19)) && found.iter().any(|c| c.0 == "RL901"),
        "{found:?}"
    );
}

/// A relation declared in the config for tables by title is checked in those tables.
#[test]
fn config_relation_by_title() {
    let text = "Tabell 3. Botilbud etter type\n\n\nTjeneste Dag Natt Alle\n\nBolig A 10 5 15\n\nBolig B 8 4 12\n\nBolig C 60 30 100\n";
    let (diags, _) = lint(text);
    assert!(diags.iter().all(|d| d.code != "RL102"), "{diags:?}");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("rapportlint.toml");
    std::fs::write(
        &path,
        "[[relation]]\ntable = \"botilbud\"\nresult = \"Alle\"\nterms = [\"Dag\", \"Natt\"]\n",
    )
    .expect("write");
    let loaded = rapportlint::config::load(&path).expect("config loads");
    let mut vocab = Vocab::embedded().expect("embedded rules load");
    loaded.extend_vocab(&mut vocab);
    let doc = rapportlint::read_text("test.txt", text.to_string(), &vocab);
    let (diags, checked) = rules::check(&doc, &vocab, Lang::Nb);
    let found: Vec<(&str, usize)> = diags.iter().map(|d| (d.code, d.primary.line)).collect();
    assert_eq!(found, [("RL102", 10)], "{diags:?}");
    assert!(checked.relations_checked >= 3, "{checked:?}");
}

/// The synthetic status list of `fixtures/planted/status-count-synthetic.txt` with its
/// summary sentence replaced.
fn status_list_with_summary(summary: &str) -> String {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/planted/status-count-synthetic.txt"),
    )
    .expect("fixture reads");
    let mut lines: Vec<&str> = text.lines().collect();
    lines[2] = summary;
    lines[3] = "";
    lines.join("\n")
}

#[test]
fn counts_that_are_bounds_or_name_no_list_are_no_findings() {
    for summary in [
        // A bound, not a count.
        "Handlingsplanen for næringsutvikling har over 9 ulike tiltak.",
        // Approximately.
        "Handlingsplanen for næringsutvikling har om lag 9 ulike tiltak.",
        // A count of another set: no list is named.
        "Regionen har i alt 9 ulike tiltak for næringslivet.",
        // A subset the sentence describes, not the whole list.
        "Handlingsplanen for næringsutvikling har 9 tiltak som gjelder unge.",
    ] {
        let (diags, _) = lint(&status_list_with_summary(summary));
        assert!(
            diags.iter().all(|d| d.code != "RL305"),
            "{summary}: {:?}",
            diags.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
    }
    // The same list named with a whole count that is wrong is a finding.
    let (diags, _) = lint(&status_list_with_summary(
        "Handlingsplanen for næringsutvikling har i alt 9 ulike tiltak.",
    ));
    assert!(
        diags
            .iter()
            .any(|d| d.code == "RL305" && d.primary.line == 3)
    );
}

#[test]
fn descriptions_that_negate_a_contradiction_are_no_findings() {
    let with = |description: &str| {
        std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("fixtures/planted/status-count-synthetic.txt"),
        )
        .expect("fixture reads")
        .replace("Rådet er etablert og har hatt to møter.", description)
    };
    // `Ferdig` over work that goes on is a contradiction; over work that no longer
    // goes on it is none.
    let (diags, _) = lint(&with("Rådet er etablert, og ikke noe pågår fortsatt."));
    assert!(
        diags.iter().all(|d| d.code != "RL304"),
        "{:?}",
        diags.iter().map(|d| &d.message).collect::<Vec<_>>()
    );
    let (diags, _) = lint(&with("Rådet er etablert, og arbeidet pågår fortsatt."));
    assert!(
        diags
            .iter()
            .any(|d| d.code == "RL304" && d.primary.line == 11)
    );
}

#[test]
fn a_sum_of_the_other_items_is_an_item_of_the_total() {
    // `Sum øvrige prosjekter` sums projects not listed; the final `Sum` is every listed
    // project plus it (004: 10122–10124).
    let text = "Beløp i 1000\n\nProsjekt Budsjett Regnskap\n\nSkole 100 90\n\nBarnehage 200 210\n\nSum øvrige prosjekter 50 40\n\nSum 350 340\n";
    let (diags, checked) = lint(text);
    assert!(
        diags.iter().all(|d| d.code != "RL101"),
        "{:?}",
        diags.iter().map(|d| &d.message).collect::<Vec<_>>()
    );
    assert!(checked.relations_checked >= 2, "{checked:?}");
    // A `Sum` that is not the items plus that row is still an error.
    let (diags, _) = lint(&text.replace("Sum 350 340", "Sum 390 340"));
    assert!(
        diags
            .iter()
            .any(|d| d.code == "RL101" && d.primary.line == 11)
    );
}

#[test]
fn a_share_cut_off_in_its_last_digit_is_a_warning_where_the_column_cuts_off() {
    let table = |heltid: &str, deltid: &str, timel: &str| {
        format!(
            "Ansatte etter kjønn\n\nKvinner andel Kvinner antall Menn andel Menn antall\n\nHeltid {heltid} 45 400 23,0 % 13 590\n\nDeltid {deltid} 44 090 21,3 % 11 960\n\nTimelønnede {timel} 45 800 20,7 % 11 990\n"
        )
    };
    let rl103 = |text: &str| -> Vec<rules::Severity> {
        lint(text)
            .0
            .iter()
            .filter(|d| d.code == "RL103")
            .map(|d| d.severity)
            .collect()
    };
    // 76,96 %, 78,66 % and 79,25 % rounded: no finding.
    assert_eq!(rl103(&table("77,0 %", "78,7 %", "79,3 %")), []);
    // The first cut off where the others round: an error (the column rounds) ...
    assert_eq!(
        rl103(&table("76,9 %", "78,7 %", "79,3 %")),
        [rules::Severity::Error]
    );
    // ... in a column that cuts off wherever it makes a difference (three rows of nine;
    // the six others come out the same either way), the column's way: warnings.
    let habit = |heltid: &str| {
        format!(
            "Ansatte etter kjønn\n\nKvinner andel Kvinner antall Menn andel Menn antall\n\nA 83,3 % 5 000 16,7 % 1 000\n\nB 75,0 % 6 000 25,0 % 2 000\n\nC 70,0 % 7 000 30,0 % 3 000\n\nD 80,0 % 4 000 20,0 % 1 000\n\nE 75,0 % 3 000 25,0 % 1 000\n\nF 75,0 % 9 000 25,0 % 3 000\n\nHeltid {heltid} 45 400 23,0 % 13 590\n\nDeltid 78,6 % 44 090 21,3 % 11 960\n\nTimelønnede 79,2 % 45 800 20,7 % 11 990\n"
        )
    };
    let cut = rl103(&habit("76,9 %"));
    assert!(
        cut.len() == 3 && cut.iter().all(|&s| s == rules::Severity::Warning),
        "{cut:?}"
    );
    // A wrong value is an error whatever the column does.
    assert!(rl103(&habit("76,8 %")).contains(&rules::Severity::Error));
}

#[test]
fn a_wrong_subtotal_is_reported_and_the_right_grand_total_is_not() {
    // One digit planted in `Sum oppvekst`; `Totalt` is the sum of every item.
    let plain = "Beløp i 1000\n\nOmråde Budsjett Regnskap\n\nSkole 100 90\nBarnehage 200 210\nSum oppvekst 310 300\n\nSykehjem 400 380\nHjemmetjeneste 100 120\nSum helse 500 500\n\nTotalt 800 800\n";
    // The same with an Avvik column that is zero throughout the first group.
    let zero = "Beløp i 1000\n\nOmråde Budsjett Regnskap Avvik\n\nSkole 100 100 0\nBarnehage 200 200 0\nSum oppvekst 310 300 0\n\nSykehjem 400 380 20\nHjemmetjeneste 100 120 -20\nLegevakt 50 40 10\nSum helse 550 540 10\n\nTotalt 850 840 10\n";
    for text in [plain, zero] {
        let (diags, _) = lint(text);
        let rl101: Vec<_> = diags.iter().filter(|d| d.code == "RL101").collect();
        assert!(
            rl101.iter().any(|d| d.primary.line == 7) && rl101.iter().all(|d| d.primary.line == 7),
            "{:?}",
            diags
                .iter()
                .map(|d| (d.primary.line, &d.message))
                .collect::<Vec<_>>()
        );
    }
}

//! No input makes the reader panic: mutated excerpts, odd characters, huge lines.
//!
//! A small deterministic generator (no crates) mutates every excerpt: digits changed,
//! spaces doubled or dropped, minus signs inserted, lines cut, lines swapped, and every
//! mutant is read. The full fuzzing campaign is issue 7's; this keeps the easy crashes out.

use rapportlint::vocab::Vocab;
use std::path::Path;

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(text: &str, rng: &mut Lcg) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(12) {
        if chars.is_empty() {
            break;
        }
        let at = rng.below(chars.len());
        match rng.below(7) {
            0 => chars[at] = char::from(b'0' + rng.below(10) as u8),
            1 => chars.insert(at, ' '),
            2 => {
                chars.remove(at);
            }
            3 => chars.insert(
                at,
                ['-', '\u{2212}', '\u{2013}', '%', '\u{202F}', '\u{A0}'][rng.below(6)],
            ),
            4 => chars.insert(at, '\n'),
            5 => chars.truncate(at),
            _ => {
                let n = 1 + rng.below(40);
                for _ in 0..n {
                    chars.insert(at, char::from(b'0' + rng.below(10) as u8));
                    chars.insert(at, ' ');
                }
            }
        }
    }
    chars.into_iter().collect()
}

#[test]
fn mutated_excerpts_never_panic() {
    let vocab = Vocab::embedded().expect("embedded rules load");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/excerpts");
    let mut rng = Lcg(42);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("excerpts")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("UTF-8 excerpt");
        for _ in 0..12 {
            let m = mutate(&text, &mut rng);
            let doc = rapportlint::read_text("mutant", m, &vocab);
            let _ = rapportlint::rules::check(&doc, &vocab, rapportlint::rules::Lang::Nb);
            let _ = rapportlint::output::tables_json(&[doc]);
        }
    }
}

#[test]
fn odd_inputs_never_panic() {
    let vocab = Vocab::embedded().expect("embedded rules load");
    let huge_row = format!("Sum {}\n", "1 000 ".repeat(50_000));
    let huge_table = format!(
        "Beløp i 1000\nRegnskap Budsjett Avvik\n{}",
        "Post 1 000 2 000 -1 000\n".repeat(5_000)
    );
    for text in [
        "",
        "\n\n\n",
        " ",
        "-",
        "- - - -",
        "1",
        "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30",
        "Sum −−1 000 –– 2,,5 %% pst pst",
        "Regnskap Budsjett Avvik\nSum 1 2 3\n 4 5 6\n",
        "\r\n\r\nBeløp i 1000\r\nRegnskap Budsjett Avvik\r\nSum 1 000 2 000 -1 000\r\n",
        "00000000000000000000000000000000000000000 1",
        "9 999 999 999 999 999 999 999 999 999 999 999",
        huge_row.as_str(),
        huge_table.as_str(),
    ] {
        let doc = rapportlint::read_text("odd", text.to_string(), &vocab);
        let _ = rapportlint::rules::check(&doc, &vocab, rapportlint::rules::Lang::En);
    }
}

/// Every guard and planted fixture cut after each of its lines (with and without the
/// final line break): a table, list or row at the very end of the input must not read
/// past it (a status row on the last line once did).
#[test]
fn inputs_cut_after_any_line_never_panic() {
    let vocab = Vocab::embedded().expect("embedded rules load");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files: Vec<_> = ["guards", "planted"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).expect("fixture folder"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "{}", files.len());
    for path in files {
        let text = std::fs::read_to_string(&path).expect("UTF-8 fixture");
        let ends: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
        for &end in &ends {
            for cut in [&text[..end], &text[..end + 1]] {
                let doc = rapportlint::read_text("cut", cut.to_string(), &vocab);
                let _ = rapportlint::rules::check(&doc, &vocab, rapportlint::rules::Lang::Nb);
            }
        }
    }
}

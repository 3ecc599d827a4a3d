//! The whole lint pipeline on arbitrary bytes: decoding, reading tables, every rule,
//! every output format, and applying fixes (then reading the fixed text again).
//! Nothing may panic. Run: `cargo +nightly fuzz run lint` from the repository root.

#![no_main]

use libfuzzer_sys::fuzz_target;
use rapportlint::fix::{Level, apply};
use rapportlint::report::{self, FileResult};
use rapportlint::rules::{self, Lang};
use rapportlint::vocab::Vocab;
use std::sync::OnceLock;

fn vocab() -> &'static Vocab {
    static V: OnceLock<Vocab> = OnceLock::new();
    V.get_or_init(|| Vocab::embedded().expect("embedded rules load"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(src) = rapportlint::source::decode("fuzz.txt", data.to_vec()) else {
        return;
    };
    let doc = rapportlint::read_text("fuzz.txt", src.text.clone(), vocab());
    let (diagnostics, checked) = rules::check(&doc, vocab(), Lang::Nb);
    let fixed = apply(&doc.text, &diagnostics, Level { unsafe_fixes: true });
    let results = [FileResult {
        doc: &doc,
        diagnostics,
        checked,
    }];
    let _ = report::human(&results, false, Lang::Nb);
    let _ = report::json(&results);
    let _ = report::sarif(&results);
    let _ = report::github(&results, Lang::En);
    let _ = rapportlint::output::tables_json(std::slice::from_ref(&doc));
    let _ = src.encode(&fixed.text);
    let again = rapportlint::read_text("fuzz.txt", fixed.text, vocab());
    let _ = rules::check(&again, vocab(), Lang::En);
});

//! rapportlint: a data-quality linter for Norwegian municipal reports.
//!
//! Data flows one way: text → lines and tokens ([`lex`], the pest grammar in
//! `grammar/line.pest`) → tables ([`assemble`], with [`split`] and [`header`]) →
//! meaning ([`meaning`]: column kinds, row kinds, units) → rules → diagnostics →
//! output. A rule never re-parses text.

pub mod assemble;
pub mod baseline;
pub mod claims;
pub mod config;
pub mod fix;
pub mod header;
pub mod layout;
pub mod lex;
pub mod meaning;
pub mod model;
pub mod number;
pub mod output;
pub mod report;
pub mod rules;
pub mod source;
pub mod split;
pub mod status_table;
pub mod vocab;
pub mod walk;

use model::Document;
use vocab::Vocab;

/// Read a report's text into tables.
pub fn read_text(path: &str, text: String, vocab: &Vocab) -> Document {
    assemble::read_document(path, text, vocab)
}

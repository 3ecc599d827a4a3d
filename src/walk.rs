//! The files of a run: paths given on the command line, directories walked (respecting
//! `.gitignore`), read and parsed in parallel, in a deterministic order.

use crate::model::Document;
use crate::source::{self, Source, SourceError};
use crate::vocab::Vocab;
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// File name endings read when walking a directory.
pub const EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown"];

/// A file to read: given by name (its errors stop the run) or found in a directory (its
/// errors are a note and it is skipped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    pub explicit: bool,
}

/// The files named and the report files under the directories named, each directory's
/// files sorted by path, and notes on what was skipped. `.gitignore`, `.ignore` and
/// hidden files are respected. A directory named that cannot be read is an error; one
/// found inside it is a note.
pub fn expand(paths: &[PathBuf]) -> Result<(Vec<Input>, Vec<String>), SourceError> {
    let mut out = Vec::new();
    let mut notes = Vec::new();
    for p in paths {
        if !p.is_dir() {
            out.push(Input {
                path: p.clone(),
                explicit: true,
            });
            continue;
        }
        let mut found = Vec::new();
        for entry in ignore::WalkBuilder::new(p).build() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) if e.depth().is_some_and(|d| d > 0) => {
                    notes.push(format!("hopper over: {e}"));
                    continue;
                }
                Err(e) => {
                    return Err(SourceError::Io {
                        path: p.display().to_string(),
                        source: std::io::Error::other(e.to_string()),
                    });
                }
            };
            let path = entry.path();
            if entry.file_type().is_some_and(|t| t.is_file()) && is_report_name(path) {
                found.push(path.to_path_buf());
            }
        }
        found.sort();
        if found.is_empty() {
            notes.push(format!(
                "{}: ingen rapportfiler (.{}) i mappen",
                p.display(),
                EXTENSIONS.join(", .")
            ));
        }
        out.extend(found.into_iter().map(|path| Input {
            path,
            explicit: false,
        }));
    }
    if out.is_empty() {
        return Err(SourceError::NoReports {
            path: paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    Ok((out, notes))
}

/// A file read and parsed.
pub struct Loaded {
    pub path: PathBuf,
    pub source: Source,
    pub doc: Document,
}

/// Read and parse every input in parallel, in input order. A named file that cannot be
/// read is an error; a walked one is skipped with a note in the returned list.
pub fn load(
    inputs: &[Input],
    vocab: &Vocab,
    bar: Option<&indicatif::ProgressBar>,
) -> Result<(Vec<Loaded>, Vec<String>), SourceError> {
    let results: Vec<Result<Loaded, SourceError>> = inputs
        .par_iter()
        .map(|input| {
            let r = source::read(&input.path).map(|source| {
                let doc = crate::read_text(&source.path, source.text.clone(), vocab);
                Loaded {
                    path: input.path.clone(),
                    source,
                    doc,
                }
            });
            if let Some(b) = bar {
                b.inc(1);
            }
            r
        })
        .collect();
    let mut loaded = Vec::new();
    let mut skipped = Vec::new();
    for (input, r) in inputs.iter().zip(results) {
        match r {
            Ok(l) => loaded.push(l),
            Err(e) if !input.explicit => skipped.push(format!("hopper over {e}")),
            Err(e) => return Err(e),
        }
    }
    Ok((loaded, skipped))
}

/// A progress bar on standard error for runs of many files on a terminal.
pub fn progress(n: usize) -> Option<indicatif::ProgressBar> {
    (n >= 20 && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(n as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} filer") {
            bar.set_style(style);
        }
        bar
    })
}

/// Does this path look like a report file by its name?
pub fn is_report_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

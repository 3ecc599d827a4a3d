//! Applying fixes: edits to exact byte spans, and writing the result safely.
//!
//! A fix never touches a byte outside its edits: line endings, a byte order mark and
//! trailing spaces stay as they were. The file is written to a temporary file in the
//! same directory and renamed over the original, and only if the file on disk is still
//! the one that was read.

use crate::rules::{Applicability, Diagnostic, Edit};
use std::io::Write;
use std::path::Path;

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Level {
    /// Also apply fixes that change a value (`--unsafe-fixes`).
    pub unsafe_fixes: bool,
}

impl Level {
    /// Is a fix of this applicability applied at this level?
    pub fn applies(self, a: Applicability) -> bool {
        match a {
            Applicability::Safe => true,
            Applicability::Unsafe => self.unsafe_fixes,
            Applicability::Display => false,
        }
    }
}

/// The result of applying the fixes of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The fixed text.
    pub text: String,
    /// Diagnostics whose fix was applied.
    pub fixed: usize,
    /// Diagnostics with a fix that only `--unsafe-fixes` applies.
    pub unsafe_left: usize,
}

/// Apply the fixes of `diagnostics` to `text`. A fix whose edits overlap an edit of a fix
/// already taken is left out (whole, never in part); it can be applied by a second run.
pub fn apply(text: &str, diagnostics: &[Diagnostic], level: Level) -> Applied {
    let mut taken: Vec<&Edit> = Vec::new();
    let mut fixed = 0;
    let mut unsafe_left = 0;
    for d in diagnostics {
        let Some(fix) = &d.fix else { continue };
        if !level.applies(fix.applicability) {
            if fix.applicability == Applicability::Unsafe {
                unsafe_left += 1;
            }
            continue;
        }
        let valid = fix.edits.iter().all(|e| {
            e.span.0 <= e.span.1
                && text.is_char_boundary(e.span.0)
                && text.is_char_boundary(e.span.1)
                && e.span.1 <= text.len()
        });
        let clashes = fix.edits.iter().enumerate().any(|(i, e)| {
            taken.iter().any(|t| overlaps(t, e)) || fix.edits[..i].iter().any(|o| overlaps(o, e))
        });
        if valid && !clashes && !fix.edits.is_empty() {
            taken.extend(&fix.edits);
            fixed += 1;
        }
    }
    // Inserts at the same offset keep their order; a deletion after an insert there.
    taken.sort_by_key(|e| (e.span.0, e.span.1));
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for e in taken {
        out.push_str(&text[at..e.span.0]);
        out.push_str(&e.content);
        at = e.span.1;
    }
    out.push_str(&text[at..]);
    Applied {
        text: out,
        fixed,
        unsafe_left,
    }
}

/// Two edits overlap when they replace common bytes, or insert at the same place.
fn overlaps(a: &Edit, b: &Edit) -> bool {
    let empty = |e: &Edit| e.span.0 == e.span.1;
    if empty(a) && empty(b) {
        return a.span.0 == b.span.0;
    }
    if empty(a) || empty(b) {
        // An insert touching the other edit's ends is fine; inside it is not.
        let (ins, rep) = if empty(a) { (a, b) } else { (b, a) };
        return ins.span.0 > rep.span.0 && ins.span.0 < rep.span.1;
    }
    a.span.0 < b.span.1 && b.span.0 < a.span.1
}

/// Why a fixed file was not written.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum WriteError {
    #[error("{path}: filen er endret siden den ble lest; rettingene er ikke skrevet")]
    #[diagnostic(
        code(rapportlint::fix),
        help("Kjør `rapportlint lint --fix` på nytt når filen ikke lenger endres.")
    )]
    Changed { path: String },
    #[error("{path}: kan ikke skrive rettingene: {source}")]
    #[diagnostic(code(rapportlint::io))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Write `new` over the file at `path`, atomically, if the file still holds `old`.
pub fn write_atomic(path: &Path, old: &[u8], new: &[u8]) -> Result<(), WriteError> {
    let shown = path.display().to_string();
    let io = |source| WriteError::Io {
        path: shown.clone(),
        source,
    };
    let now = std::fs::read(path).map_err(io)?;
    if now != old {
        return Err(WriteError::Changed { path: shown });
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    tmp.write_all(new).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    if let Ok(meta) = std::fs::metadata(path) {
        // Keep the file's permissions; a failure here leaves the default ones.
        let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

/// A unified diff of the fixed text against the original, with file names as in git.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Fix, Place, Severity, TableRef};

    fn diag(edits: Vec<Edit>, applicability: Applicability) -> Diagnostic {
        let place = Place {
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            span: (0, 0),
            label: String::new(),
        };
        Diagnostic {
            code: "RL202",
            rule: "mixed-minus",
            severity: Severity::Warning,
            message: String::new(),
            help: None,
            primary: place,
            related: Vec::new(),
            table: TableRef {
                title: None,
                line: 1,
            },
            expected: None,
            found: None,
            delta: None,
            relation: None,
            fix: Some(Fix {
                applicability,
                message: String::new(),
                edits,
            }),
        }
    }

    fn edit(s: usize, e: usize, c: &str) -> Edit {
        Edit {
            span: (s, e),
            content: c.into(),
        }
    }

    #[test]
    fn applies_edits_and_leaves_other_bytes() {
        let text = "A -5 \r\nB 36 600- \r\n";
        let d = vec![
            diag(vec![edit(2, 3, "\u{2212}")], Applicability::Safe),
            diag(
                vec![edit(9, 9, "\u{2212}"), edit(15, 16, "")],
                Applicability::Safe,
            ),
        ];
        let a = apply(
            text,
            &d,
            Level {
                unsafe_fixes: false,
            },
        );
        assert_eq!(a.text, "A \u{2212}5 \r\nB \u{2212}36 600 \r\n");
        assert_eq!(a.fixed, 2);
    }

    #[test]
    fn unsafe_fixes_wait_for_the_flag_and_overlaps_are_skipped() {
        let text = "Sum 100";
        let d = vec![
            diag(vec![edit(4, 7, "110")], Applicability::Unsafe),
            diag(vec![edit(5, 6, "2")], Applicability::Safe),
            diag(vec![edit(0, 3, "Total")], Applicability::Display),
        ];
        let a = apply(
            text,
            &d,
            Level {
                unsafe_fixes: false,
            },
        );
        assert_eq!((a.text.as_str(), a.fixed, a.unsafe_left), ("Sum 120", 1, 1));
        let a = apply(text, &d, Level { unsafe_fixes: true });
        // The safe edit overlaps the unsafe one taken first: left for a second run.
        assert_eq!((a.text.as_str(), a.fixed), ("Sum 110", 1));
    }

    #[test]
    fn refuses_a_file_changed_on_disk() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("r.txt");
        std::fs::write(&path, "ny").expect("write");
        let err = write_atomic(&path, b"gammel", b"rettet");
        assert!(matches!(err, Err(WriteError::Changed { .. })));
        assert_eq!(std::fs::read(&path).expect("read"), b"ny");
        write_atomic(&path, b"ny", b"rettet").expect("written");
        assert_eq!(std::fs::read(&path).expect("read"), b"rettet");
    }
}

//! Reading a report file: bytes to text, with clear errors for what is not a report.

use std::path::Path;

/// Why a file could not be read as a report.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum SourceError {
    #[error("{path}: finnes ikke")]
    #[diagnostic(
        code(rapportlint::io),
        help("Sjekk stien, eller kjør fra mappen der rapporten ligger.")
    )]
    NotFound { path: String },
    #[error("{path}: kan ikke leses: {source}")]
    #[diagnostic(code(rapportlint::io))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: er en mappe")]
    #[diagnostic(
        code(rapportlint::io),
        help("Oppgi rapportfilene i mappen, for eksempel `{path}/*.txt`.")
    )]
    Directory { path: String },
    #[error("{path}: filen er tom")]
    #[diagnostic(code(rapportlint::input))]
    Empty { path: String },
    #[error("{path}: ser ut som en binærfil (NUL-byte ved byte {offset})")]
    #[diagnostic(
        code(rapportlint::input),
        help(
            "rapportlint leser tekst. Hent ut teksten fra PDF-en først, for eksempel med `pdftotext rapport.pdf rapport.txt`."
        )
    )]
    Binary { path: String, offset: usize },
    #[error("{path}: er ikke UTF-8 (ugyldig byte ved byte {offset})")]
    #[diagnostic(
        code(rapportlint::input),
        help(
            "Filen er trolig Latin-1/Windows-1252. Konverter den: `iconv -f WINDOWS-1252 -t UTF-8 {path} > ny.txt`."
        )
    )]
    NotUtf8 { path: String, offset: usize },
}

/// A decoded report.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: String,
    pub text: String,
    /// The file started with a UTF-8 byte order mark (not part of `text`).
    pub bom: bool,
}

/// Read and decode a report file.
pub fn read(path: &Path) -> Result<Source, SourceError> {
    let shown = path.display().to_string();
    if path.is_dir() {
        return Err(SourceError::Directory { path: shown });
    }
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => SourceError::NotFound {
            path: shown.clone(),
        },
        _ => SourceError::Io {
            path: shown.clone(),
            source: e,
        },
    })?;
    decode(&shown, bytes)
}

/// Decode bytes as a report.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<Source, SourceError> {
    if bytes.is_empty() {
        return Err(SourceError::Empty { path: path.into() });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(SourceError::Binary {
            path: path.into(),
            offset,
        });
    }
    let (bom, body) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (true, rest.to_vec()),
        None => (false, bytes),
    };
    let text = String::from_utf8(body).map_err(|e| SourceError::NotUtf8 {
        path: path.into(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(SourceError::Empty { path: path.into() });
    }
    Ok(Source {
        path: path.into(),
        text,
        bom,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_input() {
        assert!(matches!(
            decode("x", vec![]),
            Err(SourceError::Empty { .. })
        ));
        assert!(matches!(
            decode("x", b"  \n ".to_vec()),
            Err(SourceError::Empty { .. })
        ));
        assert!(matches!(
            decode("x", b"ab\0c".to_vec()),
            Err(SourceError::Binary { offset: 2, .. })
        ));
        assert!(matches!(
            decode("x", b"Bel\xf8p".to_vec()),
            Err(SourceError::NotUtf8 { offset: 3, .. })
        ));
        let s = decode("x", b"\xEF\xBB\xBFSum 1".to_vec()).unwrap();
        assert!(s.bom);
        assert_eq!(s.text, "Sum 1");
    }
}

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
    #[error("{path}: fant ingen rapportfiler")]
    #[diagnostic(
        code(rapportlint::io),
        help("rapportlint leser tekstfiler (.txt, .text, .md, .markdown) i mappene du oppgir.")
    )]
    NoReports { path: String },
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
    #[error("{path}: kan ikke skrives tilbake i filens tegnsett ({encoding}): {character:?}")]
    #[diagnostic(
        code(rapportlint::input),
        help("Rettingen setter inn et tegn tegnsettet ikke har. Lagre filen som UTF-8 først.")
    )]
    Unencodable {
        path: String,
        encoding: &'static str,
        character: char,
    },
}

/// How a report file was written, so that a fix can write it back the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 with a byte order mark.
    Utf8Bom,
    /// UTF-16 little endian, with a byte order mark.
    Utf16Le,
    /// UTF-16 big endian, with a byte order mark.
    Utf16Be,
    /// Windows-1252 (a superset of Latin-1's printable characters): text that is not
    /// UTF-8, common for Norwegian files from older tools.
    Windows1252,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 med BOM",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

/// A decoded report.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: String,
    pub text: String,
    pub encoding: Encoding,
}

impl Source {
    /// The text written back in the file's encoding (with its byte order mark).
    pub fn encode(&self, text: &str) -> Result<Vec<u8>, SourceError> {
        let unencodable = |c: char| SourceError::Unencodable {
            path: self.path.clone(),
            encoding: self.encoding.name(),
            character: c,
        };
        Ok(match self.encoding {
            Encoding::Utf8 => text.as_bytes().to_vec(),
            Encoding::Utf8Bom => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
            Encoding::Utf16Le | Encoding::Utf16Be => {
                let le = self.encoding == Encoding::Utf16Le;
                let mut out = if le {
                    vec![0xFF, 0xFE]
                } else {
                    vec![0xFE, 0xFF]
                };
                for unit in text.encode_utf16() {
                    out.extend_from_slice(&if le {
                        unit.to_le_bytes()
                    } else {
                        unit.to_be_bytes()
                    });
                }
                out
            }
            Encoding::Windows1252 => {
                let (bytes, _, lossy) = encoding_rs::WINDOWS_1252.encode(text);
                if lossy {
                    let c = text
                        .chars()
                        .find(|c| {
                            let mut b = [0u8; 4];
                            encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut b)).2
                        })
                        .unwrap_or('?');
                    return Err(unencodable(c));
                }
                bytes.into_owned()
            }
        })
    }
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

/// Decode bytes as a report: UTF-8 (with or without a byte order mark), UTF-16 with a
/// byte order mark, or else Windows-1252.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<Source, SourceError> {
    if bytes.is_empty() {
        return Err(SourceError::Empty { path: path.into() });
    }
    let utf16 = |le: bool, body: &[u8]| -> Option<String> {
        if body.len() % 2 != 0 {
            return None;
        }
        let units = body.chunks_exact(2).map(|p| {
            if le {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .ok()
    };
    let (encoding, text) = if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        (Encoding::Utf16Le, utf16(true, body))
    } else if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        (Encoding::Utf16Be, utf16(false, body))
    } else {
        if let Some(offset) = bytes.iter().position(|&b| b == 0) {
            return Err(SourceError::Binary {
                path: path.into(),
                offset,
            });
        }
        match bytes.strip_prefix(b"\xEF\xBB\xBF") {
            Some(body) => (Encoding::Utf8Bom, String::from_utf8(body.to_vec()).ok()),
            None => match String::from_utf8(bytes.clone()) {
                Ok(t) => (Encoding::Utf8, Some(t)),
                Err(_) => {
                    let (t, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
                    (Encoding::Windows1252, Some(t.into_owned()))
                }
            },
        }
    };
    let text = text.ok_or_else(|| SourceError::Binary {
        path: path.into(),
        offset: 0,
    })?;
    // NUL inside UTF-16 text, or control characters that no text holds.
    if let Some(offset) = text.find('\0') {
        return Err(SourceError::Binary {
            path: path.into(),
            offset,
        });
    }
    if text.trim().is_empty() {
        return Err(SourceError::Empty { path: path.into() });
    }
    Ok(Source {
        path: path.into(),
        text,
        encoding,
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
    }

    #[test]
    fn reads_and_writes_back_every_encoding() {
        let text = "Beløp i 1000\r\nSum 1 2\n";
        let cases: Vec<(Vec<u8>, Encoding)> = vec![
            (text.as_bytes().to_vec(), Encoding::Utf8),
            (
                [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
                Encoding::Utf8Bom,
            ),
            (
                [
                    vec![0xFF, 0xFE],
                    text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
                ]
                .concat(),
                Encoding::Utf16Le,
            ),
            (
                [
                    vec![0xFE, 0xFF],
                    text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
                ]
                .concat(),
                Encoding::Utf16Be,
            ),
            (
                b"Bel\xf8p i 1000\r\nSum 1 2\n".to_vec(),
                Encoding::Windows1252,
            ),
        ];
        for (bytes, encoding) in cases {
            let s = decode("x", bytes.clone()).expect("decodes");
            assert_eq!((s.text.as_str(), s.encoding), (text, encoding));
            assert_eq!(s.encode(&s.text).expect("encodes"), bytes, "{encoding:?}");
        }
        let s = decode("x", b"Bel\xf8p -5\n".to_vec()).expect("decodes");
        assert!(matches!(
            s.encode("Beløp \u{2212}5\n"),
            Err(SourceError::Unencodable {
                character: '\u{2212}',
                ..
            })
        ));
    }
}

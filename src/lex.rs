//! Lines and tokens: the thin layer between `grammar/line.pest` and the typed model.
//!
//! Nothing outside this module touches pest. Every line of a report becomes a list
//! of [`Token`]s with byte spans relative to the start of the line.

use pest::Parser;
use pest::iterators::Pair;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/line.pest"]
struct LineParser;

/// The character that printed a minus sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MinusKind {
    /// ASCII hyphen-minus `-`.
    Hyphen,
    /// U+2212 MINUS SIGN `−`.
    Minus,
    /// U+2013 EN DASH `–`.
    EnDash,
    /// A minus written after the number: `36 600-`.
    Trailing,
}

/// One digit group as printed: `−1`, `347`, `11,3`, `600-`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Group {
    /// Leading or trailing minus, if any.
    pub minus: Option<MinusKind>,
    /// Byte span of the integer digits.
    pub digits: (u32, u32),
    /// Byte span of the decimal digits after the comma, if any.
    pub decimals: Option<(u32, u32)>,
}

impl Group {
    /// Number of integer digits.
    pub fn digit_count(&self) -> usize {
        (self.digits.1 - self.digits.0) as usize
    }
    /// True for a group that may follow another as a thousands group: exactly three digits,
    /// no leading sign.
    pub fn is_thousands_group(&self) -> bool {
        self.digit_count() == 3 && !matches!(self.minus, Some(m) if m != MinusKind::Trailing)
    }
    /// True when the group ends its number: decimals or a trailing minus.
    pub fn closes_number(&self) -> bool {
        self.decimals.is_some() || self.minus == Some(MinusKind::Trailing)
    }
    /// True when the group begins with a sign, so it cannot continue a number.
    pub fn has_leading_sign(&self) -> bool {
        matches!(self.minus, Some(m) if m != MinusKind::Trailing)
    }
}

/// Scale declared by a unit phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scale {
    /// Whole kroner.
    Kroner,
    /// Thousands of kroner.
    Thousands,
    /// Millions of kroner.
    Millions,
}

impl Scale {
    /// The factor as text, for the JSON contract.
    pub fn factor(self) -> &'static str {
        match self {
            Scale::Kroner => "1",
            Scale::Thousands => "1000",
            Scale::Millions => "1000000",
        }
    }
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of separators; `chars` is its width in characters, `plain` is true when
    /// it is exactly one space, NBSP or narrow NBSP (a possible thousands separator).
    Gap { chars: u32, plain: bool },
    /// A digit group.
    Group(Group),
    /// `%`, `pst`, `prosent`, `prosentpoeng`.
    Percent,
    /// A dash standing alone: nil, or a minus spaced off its number.
    Dash,
    /// A unit phrase.
    Unit(Scale),
    /// A completion quarter (`4K-2024`, `Q3 2026`): a word, and a status cell where it
    /// stands among a row's numbers.
    Quarter,
    /// Any other run of non-space characters.
    Word,
}

/// A token with its byte span in the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: u32,
    pub end: u32,
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, line: &'a str) -> &'a str {
        line.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }
    pub fn is_gap(&self) -> bool {
        matches!(self.kind, TokenKind::Gap { .. })
    }
    /// A word: any run of non-space characters that is not a number, dash, percent
    /// mark or unit phrase (a completion quarter is one).
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Quarter)
    }
}

/// A lexed line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexed {
    /// True when the whole line is a page footer (`Side 7 av 139`).
    pub footer: bool,
    pub tokens: Vec<Token>,
}

/// Lex one line (without its line terminator).
pub fn lex_line(line: &str) -> Lexed {
    let line = line.split(['\n']).next().unwrap_or("");
    lex_document(line).into_iter().next().unwrap_or_default()
}

/// Lex a whole document in one pass: one [`Lexed`] per line, lines split at LF or
/// CRLF (a final line terminator ends the last line rather than starting an empty one),
/// token spans relative to the start of their line.
pub fn lex_document(text: &str) -> Vec<Lexed> {
    let parsed = LineParser::parse(Rule::document, text);
    let Some(root) = parsed.ok().and_then(|mut p| p.next()) else {
        // The grammar accepts every string; this is a guard, not a path.
        return text.lines().map(fallback).collect();
    };
    let mut out = Vec::new();
    for line in root.into_inner() {
        if line.as_rule() != Rule::line {
            continue;
        }
        let base = line.as_span().start();
        let mut lexed = Lexed::default();
        for pair in line.into_inner() {
            match pair.as_rule() {
                Rule::footer => lexed.footer = true,
                _ => {
                    if let Some(t) = token(pair, base) {
                        lexed.tokens.push(t);
                    }
                }
            }
        }
        out.push(lexed);
    }
    // `a\n` is one line, as `str::lines` has it.
    if text.ends_with('\n') && out.last().is_some_and(|l| l.tokens.is_empty() && !l.footer) {
        out.pop();
    }
    out
}

fn fallback(line: &str) -> Lexed {
    let mut out = Lexed::default();
    if !line.is_empty() {
        out.tokens.push(Token {
            kind: TokenKind::Word,
            start: 0,
            end: line.len() as u32,
        });
    }
    out
}

fn token(pair: Pair<'_, Rule>, base: usize) -> Option<Token> {
    let span = pair.as_span();
    let (start, end) = ((span.start() - base) as u32, (span.end() - base) as u32);
    let kind = match pair.as_rule() {
        Rule::gap => {
            let text = span.as_str();
            let chars = text.chars().filter(|c| *c != '\r').count() as u32;
            TokenKind::Gap {
                chars,
                plain: chars == 1 && text != "\t",
            }
        }
        Rule::group => TokenKind::Group(group(pair, base)?),
        Rule::percent => TokenKind::Percent,
        Rule::dash => TokenKind::Dash,
        Rule::unit => TokenKind::Unit(unit_scale(pair)),
        Rule::quarter => TokenKind::Quarter,
        Rule::word => TokenKind::Word,
        _ => return None,
    };
    Some(Token { kind, start, end })
}

fn minus_kind(s: &str) -> MinusKind {
    match s {
        "\u{2212}" => MinusKind::Minus,
        "\u{2013}" => MinusKind::EnDash,
        _ => MinusKind::Hyphen,
    }
}

fn group(pair: Pair<'_, Rule>, base: usize) -> Option<Group> {
    let mut minus = None;
    let mut digits = None;
    let mut decimals = None;
    for inner in pair.into_inner() {
        let s = inner.as_span();
        let (a, b) = ((s.start() - base) as u32, (s.end() - base) as u32);
        match inner.as_rule() {
            Rule::minus => minus = Some(minus_kind(s.as_str())),
            Rule::digits => digits = Some((a, b)),
            // Skip the comma itself.
            Rule::decimals => decimals = Some((a + 1, b)),
            Rule::trailing_minus => minus = Some(MinusKind::Trailing),
            _ => {}
        }
    }
    Some(Group {
        minus,
        digits: digits?,
        decimals,
    })
}

fn unit_scale(pair: Pair<'_, Rule>) -> Scale {
    let mut scale = None;
    let mut has_currency = false;
    for inner in pair.clone().into_inner() {
        match inner.as_rule() {
            Rule::unit_scale | Rule::unit_scale_word => {
                let w = inner.as_str().to_lowercase();
                scale = Some(if w.starts_with("mill") {
                    Scale::Millions
                } else if w.starts_with("kr") {
                    Scale::Kroner
                } else {
                    Scale::Thousands
                });
            }
            Rule::unit_currency => has_currency = true,
            _ => {}
        }
    }
    let text = pair.as_str().to_lowercase();
    match scale {
        Some(s) => s,
        None if text.starts_with("mnok") || text.starts_with("mill") => Scale::Millions,
        None if text.starts_with("tkr")
            || text.starts_with("tnok")
            || text.contains("1000")
            || text.contains("1 000") =>
        {
            Scale::Thousands
        }
        // `Hele kroner`.
        None if has_currency => Scale::Kroner,
        None => Scale::Thousands,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(line: &str) -> Vec<String> {
        lex_line(line)
            .tokens
            .iter()
            .filter(|t| !t.is_gap())
            .map(|t| {
                let tag = match t.kind {
                    TokenKind::Group(_) => "G",
                    TokenKind::Percent => "P",
                    TokenKind::Dash => "D",
                    TokenKind::Unit(_) => "U",
                    TokenKind::Word => "W",
                    TokenKind::Quarter => "Q",
                    TokenKind::Gap { .. } => "_",
                };
                format!("{tag}:{}", t.text(line))
            })
            .collect()
    }

    #[test]
    fn numbers_in_every_form() {
        assert_eq!(
            kinds("Sum \u{2212}1 347 078 12 869 "),
            ["W:Sum", "G:\u{2212}1", "G:347", "G:078", "G:12", "G:869"]
        );
        assert_eq!(kinds("Pleie 36 600-"), ["W:Pleie", "G:36", "G:600-"]);
        assert_eq!(kinds("2,2 % 11,3%"), ["G:2,2", "P:%", "G:11,3", "P:%"]);
        assert_eq!(kinds("73,9 pst"), ["G:73,9", "P:pst"]);
        assert_eq!(
            kinds("a \u{2013}5 - 0"),
            ["W:a", "G:\u{2013}5", "D:-", "G:0"]
        );
        assert_eq!(kinds("1\u{202F}380\u{A0}000"), ["G:1", "G:380", "G:000"]);
    }

    #[test]
    fn label_digits_and_ranges_are_words() {
        assert_eq!(
            kinds("10-Kommunedirektør 2024-2025 E43012 NM5 skolestruktur1 4K-2024"),
            [
                "W:10-Kommunedirektør",
                "W:2024-2025",
                "W:E43012",
                "W:NM5",
                "W:skolestruktur1",
                "Q:4K-2024"
            ]
        );
        assert_eq!(
            kinds("Q3 2026 3. kv. 2025 4K2024 5K-2024 4K-20245"),
            [
                "Q:Q3 2026",
                "Q:3. kv. 2025",
                "Q:4K2024",
                "W:5K-2024",
                "W:4K-20245"
            ]
        );
        assert_eq!(
            kinds("Storebaugveien 8 1"),
            ["W:Storebaugveien", "G:8", "G:1"]
        );
    }

    #[test]
    fn units_and_footers() {
        for (s, scale) in [
            ("Beløp i 1000", Scale::Thousands),
            ("Hele tusen kroner", Scale::Thousands),
            ("Tall i hele 1 000 kroner", Scale::Thousands),
            ("(tall i hele tusen)", Scale::Thousands),
            ("Alle tall er oppgitt i 1000", Scale::Thousands),
            ("mill. kr", Scale::Millions),
            ("MNOK", Scale::Millions),
            ("tkr", Scale::Thousands),
            ("Beløp i kroner", Scale::Kroner),
            ("Tall er angitt i 1000.", Scale::Thousands),
        ] {
            let lexed = lex_line(s);
            assert!(
                lexed
                    .tokens
                    .iter()
                    .any(|t| t.kind == TokenKind::Unit(scale)),
                "{s}: {:?}",
                lexed.tokens
            );
        }
        assert!(lex_line("Side 77 av 195 ").footer);
        assert!(lex_line("Side 3").footer);
        assert!(!lex_line("Side om side").footer);
        assert!(lex_line("Tjernli kommune Side 8 av 25 ").footer);
        assert!(lex_line("Årsmelding 2024 – Fjordvik kommune  Side 12 av 48").footer);
        assert!(!lex_line("Se tabellen på side 8 av rapporten").footer);
        assert!(lex_line("Tertialrapport 2 2025 | Side 12 ").footer);
        assert!(lex_line("Tertialrapport 2 2025 Side 12").footer);
        assert!(lex_line("Årsmelding 2024 – side 8").footer);
        assert!(lex_line("Tertialrapport 2 2025 | 8").footer);
        assert!(lex_line("Tertialrapport 2/2025 side 12").footer);
        assert!(!lex_line("Se tabellen på side 12").footer);
        assert!(!lex_line("Tertialrapport 2 2025 | 8 av tiltakene er ferdige").footer);
        assert!(!lex_line("Sum 2024 | 8 000").footer);
        assert!(!lex_line("Tjernli kommune side 8 av 25 og mer").footer);
    }

    #[test]
    fn group_spans_and_signs() {
        let line = "x \u{2212}12,50";
        let t = lex_line(line).tokens;
        let TokenKind::Group(g) = t[2].kind else {
            panic!("not a group: {t:?}")
        };
        assert_eq!(g.minus, Some(MinusKind::Minus));
        assert_eq!(&line[g.digits.0 as usize..g.digits.1 as usize], "12");
        assert_eq!(
            &line[g.decimals.unwrap().0 as usize..g.decimals.unwrap().1 as usize],
            "50"
        );
    }
}

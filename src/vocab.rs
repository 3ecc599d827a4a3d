//! Rule data: the vocabularies in `rules/*.toml`, embedded as the defaults.

use serde::Deserialize;
use std::collections::HashMap;

const COLUMNS_TOML: &str = include_str!("../rules/columns.toml");
const ROWS_TOML: &str = include_str!("../rules/rows.toml");
const STATUS_TOML: &str = include_str!("../rules/status.toml");
const RELATIONS_TOML: &str = include_str!("../rules/relations.toml");
const STATUTORY_TOML: &str = include_str!("../rules/statutory.toml");
const CLAIMS_TOML: &str = include_str!("../rules/claims.toml");

/// The words of sentences that count what a status list holds (`rules/claims.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimWords {
    /// What a status list lists (`tiltak`, `vedtak`, `prosjekter`).
    pub nouns: Vec<String>,
    /// Words that make a count the whole list (`i alt`, `ulike`).
    pub totals: Vec<String>,
    /// Words that make a count approximate (`over`, `om lag`).
    pub hedges: Vec<String>,
    /// Words between a count and the status it counts (`er`, `ble`).
    pub verbs: Vec<String>,
    /// Adverbs that may stand there too (`allerede`).
    pub adverbs: Vec<String>,
    /// Endings a title word may take in a sentence (`-en`, `-ene`).
    pub endings: Vec<String>,
    /// Words that open a list's title without naming what it lists (`Status`,
    /// `Oppfølging av`): a sentence need not repeat them.
    #[serde(default)]
    pub title_leads: Vec<String>,
    /// Number words.
    pub numbers: HashMap<String, u64>,
}

/// A column kind from `rules/columns.toml`.
#[derive(Debug, Clone, Deserialize)]
pub struct KindDef {
    pub name: String,
    #[serde(default)]
    pub primary: bool,
    /// A text column (status, description) rather than a numeric one.
    #[serde(default)]
    pub text: bool,
    pub words: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct WordList {
    words: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct Periods {
    year_to_date: Vec<String>,
    whole_year: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct ColumnsFile {
    kind: Vec<KindDef>,
    qualifiers: WordList,
    modifiers: WordList,
    continuations: WordList,
    label_headers: WordList,
    periods: Periods,
    #[serde(default)]
    sentence_words: Option<WordList>,
    #[serde(default)]
    movements: Option<Movements>,
    #[serde(default)]
    net: Option<NetWords>,
}

/// Words that name gross expenses, incomes and the net of the two (`Utgifter /
/// Inntekter / Netto`), in columns of no known kind.
#[derive(Debug, Clone, Default, Deserialize)]
struct NetWords {
    expenses: Vec<String>,
    incomes: Vec<String>,
    net: Vec<String>,
}

/// Words that name a movement between two balances (`Avsetning`, `Nye lån`; `Bruk`,
/// `Avdrag`): additions to and reductions of what the first balance holds.
#[derive(Debug, Clone, Default, Deserialize)]
struct Movements {
    additions: Vec<String>,
    reductions: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct Totals {
    grand: Vec<String>,
    sub: Vec<String>,
    #[serde(default)]
    loose: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct Phrases {
    phrases: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct RowsFile {
    totals: Totals,
    averages: WordList,
    breakdowns: WordList,
    excluded: Phrases,
    #[serde(default)]
    references: Option<Phrases>,
    captions: WordList,
}

/// One status value with its spellings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusDef {
    pub canonical: String,
    /// Other spellings of the canonical words.
    pub aliases: Vec<String>,
    /// Other words for the same value, never rewritten into it.
    #[serde(default)]
    pub synonyms: Vec<String>,
    pub group: String,
    pub state: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusFile {
    status: Vec<StatusDef>,
    /// Per state, phrases in a description that contradict a status of that state.
    #[serde(default)]
    contradictions: std::collections::BTreeMap<String, Vec<String>>,
    /// Per state, phrases that say the same as a status of that state: a description
    /// that holds one is no contradiction of it (`…, men tiltaket er gjennomført`).
    #[serde(default)]
    supports: std::collections::BTreeMap<String, Vec<String>>,
}

/// A column relation from `rules/relations.toml`.
#[derive(Debug, Clone, Deserialize)]
pub struct RelationDef {
    pub name: String,
    pub result: String,
    pub terms: Vec<String>,
    #[serde(default)]
    pub either_sign: bool,
    #[serde(default)]
    pub empty_is_zero: bool,
    #[serde(default)]
    pub percent_ok: bool,
    /// The terms may be of other periods than the result (a change between two years).
    #[serde(default)]
    pub any_period: bool,
    /// Where the two terms are of two named years, the later is added and the earlier
    /// subtracted, and the result's sign is judged: a change runs from the earlier year.
    #[serde(default)]
    pub later_minus_earlier: bool,
}

/// A column relation a user declares for tables by title (`rapportlint.toml`):
/// `result = Σ ±terms` over columns named by the start of their names.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TableRelationDef {
    /// Words the table's title contains (case does not matter).
    pub table: String,
    /// The result column's name, or its start.
    pub result: String,
    /// The terms' column names (or starts); a leading `-` subtracts.
    pub terms: Vec<String>,
    /// `result = −Σ ±terms` holds as well.
    #[serde(default)]
    pub either_sign: bool,
}

impl TableRelationDef {
    /// The relation over the columns of a table, if its title and columns match.
    pub fn resolve(
        &self,
        title: Option<&str>,
        columns: &[crate::model::Column],
    ) -> Option<crate::split::Relation> {
        let title = title?.to_lowercase();
        if !title.contains(&self.table.to_lowercase()) {
            return None;
        }
        let find = |name: &str| {
            let name = name.trim().to_lowercase();
            columns
                .iter()
                .position(|c| c.name.to_lowercase() == name)
                .or_else(|| {
                    columns
                        .iter()
                        .position(|c| c.name.to_lowercase().starts_with(&name))
                })
        };
        let result = find(&self.result)?;
        let terms = self
            .terms
            .iter()
            .map(|t| match t.trim().strip_prefix('-') {
                Some(n) => find(n).map(|k| (k, false)),
                None => find(t.trim_start_matches('+')).map(|k| (k, true)),
            })
            .collect::<Option<Vec<_>>>()?;
        Some(crate::split::Relation {
            result,
            terms,
            either_sign: self.either_sign,
            empty_is_zero: false,
            percent_ok: true,
            magnitude: 0,
        })
    }
}

/// A statutory identity from `rules/statutory.toml`: rows keyed by label.
#[derive(Debug, Clone, Deserialize)]
pub struct IdentityDef {
    pub name: String,
    #[serde(default)]
    pub paragraph: String,
    /// Label beginnings of the result row (alternatives).
    pub result: Vec<String>,
    /// Per term, label beginnings (alternatives).
    pub terms: Vec<Vec<String>>,
    /// Added to the help line of a finding (bokmål).
    #[serde(default)]
    pub note: String,
    /// The terms are all the rows from the first of them to the result: another item
    /// between them (`Ekstraordinære avdrag`) means the identity is not laid out as
    /// written, and it is not judged.
    #[serde(default)]
    pub closed: bool,
}

#[derive(Debug, Clone, Deserialize)]
struct StatutoryFile {
    identity: Vec<IdentityDef>,
}

#[derive(Debug, Clone, Deserialize)]
struct RelationsFile {
    relation: Vec<RelationDef>,
}

/// All vocabularies, with lookup tables.
#[derive(Debug, Clone)]
pub struct Vocab {
    pub kinds: Vec<KindDef>,
    exact: HashMap<String, usize>,
    prefixes: Vec<(String, usize)>,
    qualifiers: Vec<String>,
    modifiers: Vec<String>,
    sentence_words: Vec<String>,
    continuations: Vec<String>,
    additions: Vec<String>,
    reductions: Vec<String>,
    expenses: Vec<String>,
    incomes: Vec<String>,
    nets: Vec<String>,
    label_headers: Vec<String>,
    ytd: Vec<String>,
    whole_year: Vec<String>,
    grand_totals: Vec<Vec<String>>,
    sub_totals: Vec<Vec<String>>,
    loose_totals: Vec<Vec<String>>,
    averages: Vec<Vec<String>>,
    breakdowns: Vec<Vec<String>>,
    excluded: Vec<String>,
    references: Vec<String>,
    captions: Vec<String>,
    pub statuses: Vec<StatusDef>,
    /// Status aliases as normalised word sequences, longest first, with the index of their value.
    status_aliases: Vec<(Vec<String>, usize)>,
    /// Per state, phrases (normalised words) that contradict a status of that state.
    contradictions: Vec<(String, Vec<Vec<String>>)>,
    supports: Vec<(String, Vec<Vec<String>>)>,
    /// Words that turn a contradicting phrase right after them round (`ikke`).
    negations: Vec<String>,
    pub relations: Vec<RelationDef>,
    pub identities: Vec<IdentityDef>,
    /// Relations a user declared for tables by title.
    pub table_relations: Vec<TableRelationDef>,
    /// The words of counting sentences.
    pub claims: ClaimWords,
}

/// Lowercase a header or label word and strip the punctuation around it.
pub fn norm_word(w: &str) -> String {
    w.trim_matches(|c: char| {
        matches!(
            c,
            '.' | ',' | ':' | ';' | '(' | ')' | '*' | '"' | '«' | '»' | '\'' | '/'
        )
    })
    .to_lowercase()
}

fn words_of(phrase: &str) -> Vec<String> {
    phrase
        .split_whitespace()
        .map(norm_word)
        .filter(|w| !w.is_empty())
        .collect()
}

impl Vocab {
    /// The embedded defaults.
    pub fn embedded() -> Result<Self, String> {
        let columns: ColumnsFile =
            toml::from_str(COLUMNS_TOML).map_err(|e| format!("rules/columns.toml: {e}"))?;
        let rows: RowsFile =
            toml::from_str(ROWS_TOML).map_err(|e| format!("rules/rows.toml: {e}"))?;
        let status: StatusFile =
            toml::from_str(STATUS_TOML).map_err(|e| format!("rules/status.toml: {e}"))?;
        let relations: RelationsFile =
            toml::from_str(RELATIONS_TOML).map_err(|e| format!("rules/relations.toml: {e}"))?;
        let statutory: StatutoryFile =
            toml::from_str(STATUTORY_TOML).map_err(|e| format!("rules/statutory.toml: {e}"))?;
        let mut v = Self::build(columns, rows, status, relations);
        v.identities = statutory.identity;
        v.claims = toml::from_str(CLAIMS_TOML).map_err(|e| format!("rules/claims.toml: {e}"))?;
        Ok(v)
    }

    fn build(
        columns: ColumnsFile,
        rows: RowsFile,
        status: StatusFile,
        relations: RelationsFile,
    ) -> Self {
        let mut exact = HashMap::new();
        let mut prefixes = Vec::new();
        for (i, k) in columns.kind.iter().enumerate() {
            for w in &k.words {
                let w = w.to_lowercase();
                if let Some(p) = w.strip_suffix('*') {
                    prefixes.push((p.to_string(), i));
                } else {
                    exact.entry(w).or_insert(i);
                }
            }
        }
        let lower = |v: Vec<String>| v.into_iter().map(|w| norm_word(&w)).collect::<Vec<_>>();
        let phrases = |v: Vec<String>| v.iter().map(|p| words_of(p)).collect::<Vec<_>>();
        let mut status_aliases = Vec::new();
        for (i, s) in status.status.iter().enumerate() {
            status_aliases.push((words_of(&s.canonical), i));
            for a in s.aliases.iter().chain(&s.synonyms) {
                status_aliases.push((words_of(a), i));
            }
        }
        status_aliases.sort_by_key(|a| std::cmp::Reverse(a.0.len()));
        status_aliases.dedup();
        Vocab {
            kinds: columns.kind,
            exact,
            prefixes,
            qualifiers: lower(columns.qualifiers.words),
            modifiers: lower(columns.modifiers.words),
            sentence_words: lower(columns.sentence_words.map(|l| l.words).unwrap_or_default()),
            continuations: lower(columns.continuations.words),
            additions: lower(columns.movements.clone().unwrap_or_default().additions),
            reductions: lower(columns.movements.unwrap_or_default().reductions),
            expenses: lower(columns.net.clone().unwrap_or_default().expenses),
            incomes: lower(columns.net.clone().unwrap_or_default().incomes),
            nets: lower(columns.net.unwrap_or_default().net),
            label_headers: lower(columns.label_headers.words),
            ytd: lower(columns.periods.year_to_date),
            whole_year: lower(columns.periods.whole_year),
            grand_totals: phrases(rows.totals.grand),
            sub_totals: phrases(rows.totals.sub),
            loose_totals: phrases(rows.totals.loose),
            averages: phrases(rows.averages.words),
            breakdowns: phrases(rows.breakdowns.words),
            captions: lower(rows.captions.words),
            excluded: rows
                .excluded
                .phrases
                .iter()
                .map(|p| p.to_lowercase())
                .collect(),
            references: rows
                .references
                .map(|r| r.phrases)
                .unwrap_or_default()
                .iter()
                .map(|p| p.to_lowercase())
                .collect(),
            statuses: status.status,
            status_aliases,
            negations: status
                .contradictions
                .get("negations")
                .map(|l| lower(l.clone()))
                .unwrap_or_default(),
            contradictions: status
                .contradictions
                .into_iter()
                .filter(|(state, _)| state != "negations")
                .map(|(state, list)| (state, phrases(list)))
                .collect(),
            supports: status
                .supports
                .into_iter()
                .map(|(state, list)| (state, phrases(list)))
                .collect(),
            relations: relations.relation,
            identities: Vec::new(),
            table_relations: Vec::new(),
            claims: ClaimWords::default(),
        }
    }

    /// Add words and statuses from a user's configuration to the embedded ones: words
    /// that start a grand total or a subtotal label, and status values with aliases.
    pub fn extend(&mut self, grand: &[String], sub: &[String], statuses: Vec<StatusDef>) {
        self.grand_totals.extend(grand.iter().map(|p| words_of(p)));
        self.sub_totals.extend(sub.iter().map(|p| words_of(p)));
        for s in statuses {
            let i = self.statuses.len();
            self.status_aliases.push((words_of(&s.canonical), i));
            for a in s.aliases.iter().chain(&s.synonyms) {
                self.status_aliases.push((words_of(a), i));
            }
            self.statuses.push(s);
        }
        self.status_aliases
            .sort_by_key(|a| std::cmp::Reverse(a.0.len()));
        self.status_aliases.dedup();
    }

    /// The column kind a header word names, if any.
    pub fn kind_of(&self, word: &str) -> Option<usize> {
        let w = norm_word(word);
        if w.is_empty() {
            return None;
        }
        if let Some(&k) = self.exact.get(&w) {
            return Some(k);
        }
        // `Avvik Rev-` and `Rev-Regn`: judge by the first part.
        if let Some((head, _)) = w.split_once('-') {
            if let Some(&k) = self.exact.get(head) {
                return Some(k);
            }
        }
        self.prefixes
            .iter()
            .find(|(p, _)| w.starts_with(p.as_str()))
            .map(|(_, k)| *k)
    }

    pub fn kind_index(&self, name: &str) -> Option<usize> {
        self.kinds.iter().position(|k| k.name == name)
    }

    /// A word of a sentence that no column header uses (`er`, `som`, `skyldes`).
    pub fn is_sentence_word(&self, word: &str) -> bool {
        let w = norm_word(word);
        self.sentence_words.contains(&w)
    }

    pub fn is_qualifier(&self, word: &str) -> bool {
        let w = norm_word(word);
        self.qualifiers.contains(&w) || w.chars().all(|c| c.is_ascii_digit())
    }

    pub fn is_modifier(&self, word: &str) -> bool {
        self.modifiers.contains(&norm_word(word))
    }

    /// A kind word that continues a column of its own kind (`Avsatt fond`).
    /// A word that names an addition to a balance (`avsetning`, `nye`).
    pub fn is_addition(&self, word: &str) -> bool {
        self.additions.contains(&norm_word(word))
    }

    /// A word that names gross expenses (`utgifter`).
    pub fn is_expense(&self, word: &str) -> bool {
        self.expenses.contains(&norm_word(word))
    }

    /// A word that names incomes (`inntekter`).
    pub fn is_income(&self, word: &str) -> bool {
        self.incomes.contains(&norm_word(word))
    }

    /// A word that names a net amount (`netto`, `nettoutgifter`).
    pub fn is_net(&self, word: &str) -> bool {
        self.nets.contains(&norm_word(word))
    }

    /// A word that names a reduction of a balance (`bruk`, `avdrag`).
    pub fn is_reduction(&self, word: &str) -> bool {
        self.reductions.contains(&norm_word(word))
    }

    pub fn is_continuation(&self, word: &str) -> bool {
        self.continuations.contains(&norm_word(word))
    }

    pub fn is_label_header(&self, word: &str) -> bool {
        self.label_headers.contains(&norm_word(word))
    }

    pub fn is_ytd_word(&self, word: &str) -> bool {
        self.ytd.contains(&norm_word(word))
    }

    pub fn is_whole_year_word(&self, word: &str) -> bool {
        self.whole_year.contains(&norm_word(word))
    }

    /// How a label starts: grand total, subtotal, average or breakdown.
    pub fn label_class(&self, label_words: &[String]) -> LabelClass {
        let starts = |list: &Vec<Vec<String>>| {
            list.iter().any(|p| {
                !p.is_empty() && label_words.len() >= p.len() && label_words[..p.len()] == p[..]
            })
        };
        if starts(&self.breakdowns) {
            LabelClass::Breakdown
        } else if starts(&self.averages) {
            LabelClass::Average
        } else if starts(&self.grand_totals) {
            LabelClass::GrandTotal
        } else if starts(&self.sub_totals) {
            LabelClass::SubTotal
        } else {
            LabelClass::Plain
        }
    }

    /// True when a total's label may combine its rows with signs or average them
    /// (`Netto …`, `Samlet …`): such a total is only judged on firm evidence.
    pub fn is_loose_total(&self, label_words: &[String]) -> bool {
        self.loose_totals.iter().any(|p| {
            !p.is_empty() && label_words.len() >= p.len() && label_words[..p.len()] == p[..]
        })
    }

    /// A table or figure caption (`Tabell 4.2 Nøkkeltal økonomi`, `Figur 3`): a caption
    /// word, then a number.
    pub fn is_caption(&self, line: &str) -> bool {
        let mut words = line.split_whitespace();
        let (Some(first), Some(second)) = (words.next(), words.next()) else {
            return false;
        };
        self.captions.contains(&norm_word(first))
            && second.chars().next().is_some_and(|c| c.is_ascii_digit())
    }

    /// True when the label says the row is left out of the sum.
    /// True when a total's label says its value comes from another schedule or table.
    pub fn is_reference(&self, label: &str) -> bool {
        let l = label.to_lowercase();
        self.references.iter().any(|p| l.contains(p.as_str()))
    }

    pub fn is_excluded(&self, label: &str) -> bool {
        let l = label.to_lowercase();
        self.excluded.iter().any(|p| l.contains(p.as_str()))
    }

    /// The longest status alias that the normalised words start with: (value index, words used).
    pub fn match_status(&self, words: &[String]) -> Option<(usize, usize)> {
        self.status_aliases
            .iter()
            .find(|(alias, _)| {
                !alias.is_empty() && words.len() >= alias.len() && words[..alias.len()] == alias[..]
            })
            .map(|(alias, i)| (*i, alias.len()))
    }

    /// The value a whole status cell names (`Iht. plan`, `henhold til plan`), if any.
    pub fn status_value(&self, text: &str) -> Option<usize> {
        let words = phrase_words(text);
        self.match_status(&words)
            .filter(|&(_, n)| n == words.len())
            .map(|(i, _)| i)
    }

    /// Every spelling of every status value, synonyms too, with the value's index.
    pub fn status_spellings(&self) -> impl Iterator<Item = (&str, usize)> {
        self.statuses.iter().enumerate().flat_map(|(i, s)| {
            std::iter::once(s.canonical.as_str())
                .chain(s.aliases.iter().map(String::as_str))
                .chain(s.synonyms.iter().map(String::as_str))
                .map(move |a| (a, i))
        })
    }

    /// The status spelling nearest to `text` in edits (case does not count), of `words`
    /// words if given: (spelling, value, edits); the shorter spelling on a tie.
    pub fn nearest_status(&self, text: &str, words: Option<usize>) -> Option<(&str, usize, usize)> {
        let lower = text.to_lowercase();
        self.status_spellings()
            .filter(|(s, _)| words.is_none_or(|n| s.split_whitespace().count() == n))
            .map(|(s, v)| (s, v, strsim::levenshtein(&s.to_lowercase(), &lower)))
            .min_by_key(|&(s, _, d)| (d, s.len()))
    }

    /// Is `text` the value's canonical spelling or an alias of it (not a synonym)?
    pub fn is_spelling_of(&self, text: &str, value: usize) -> bool {
        let words = phrase_words(text);
        self.statuses.get(value).is_some_and(|s| {
            std::iter::once(&s.canonical)
                .chain(&s.aliases)
                .any(|a| words_of(a) == words)
        })
    }

    /// The first phrase in `text` that contradicts a status of `state`, as the range of
    /// word indices it covers in [`phrase_words`] of `text`. A phrase after a negation in
    /// its own clause (`ikke forsinket`, `ingen av milepælene er forsinket`) does not
    /// count, unless it is a negation itself; and a description that also says what the
    /// status says (`Neste fase er ikke startet, men tiltaket er gjennomført`)
    /// contradicts nothing.
    pub fn contradiction(&self, state: &str, text: &str) -> Option<std::ops::Range<usize>> {
        let (_, phrases) = self.contradictions.iter().find(|(s, _)| s == state)?;
        let supports: &[Vec<String>] = self
            .supports
            .iter()
            .find(|(s, _)| s == state)
            .map_or(&[], |(_, l)| l.as_slice());
        // Words as phrase_words gives them, each with the clause it is in.
        let mut words: Vec<String> = Vec::new();
        let mut clause_of: Vec<usize> = Vec::new();
        let mut clause = 0usize;
        for raw in text.split_whitespace() {
            let w = norm_word(raw);
            if w == "men" {
                clause += 1;
            }
            if !w.is_empty() {
                words.push(w);
                clause_of.push(clause);
            }
            if raw.ends_with(['.', '!', '?', ',', ';', ':']) {
                clause += 1;
            }
        }
        let negation = |w: &str| self.negations.iter().any(|n| n == w);
        let at = |p: &[String], start: usize| {
            !p.is_empty()
                && start + p.len() <= words.len()
                && words[start..start + p.len()] == p[..]
        };
        // A phrase stands negated when a negation comes before it in its clause.
        let negated = |p: &[String], start: usize| {
            !negation(&p[0])
                && (0..start)
                    .rev()
                    .take_while(|&k| clause_of[k] == clause_of[start])
                    .any(|k| negation(&words[k]))
        };
        // The description says what the status says: other phrases in it are about
        // something else (`Anlegget er ferdigstilt. Tilsvarende tiltak ved Nordli skole er
        // ikke startet.`).
        let supported =
            (0..words.len()).any(|k| supports.iter().any(|p| at(p, k) && !negated(p, k)));
        if supported {
            return None;
        }
        for start in 0..words.len() {
            for p in phrases {
                if at(p, start) && !negated(p, start) {
                    return Some(start..start + p.len());
                }
            }
        }
        None
    }

    /// The status alias that the normalised words end with (longest first).
    pub fn match_status_suffix(&self, words: &[String]) -> Option<(usize, usize)> {
        self.status_aliases
            .iter()
            .find(|(alias, _)| {
                !alias.is_empty()
                    && words.len() >= alias.len()
                    && words[words.len() - alias.len()..] == alias[..]
            })
            .map(|(alias, i)| (*i, alias.len()))
    }

    /// How many leading `words` are the tail of a status alias wrapped from the line above
    /// (`til plan` of `Henhold` / `til plan`), 0 if none.
    pub fn status_tail_len(&self, words: &[String]) -> usize {
        self.status_aliases
            .iter()
            .filter_map(|(alias, _)| {
                (1..alias.len())
                    .map(|from| &alias[from..])
                    .find(|tail| words.len() > tail.len() && words[..tail.len()] == tail[..])
                    .map(<[String]>::len)
            })
            .max()
            .unwrap_or(0)
    }

    /// True when `words` could be the first part of a status alias wrapped over two lines
    /// (`Henhold` / `til plan`, `Ikke i` / `rute`).
    pub fn is_status_prefix(&self, words: &[String]) -> bool {
        !words.is_empty()
            && self
                .status_aliases
                .iter()
                .any(|(alias, _)| alias.len() > words.len() && alias[..words.len()] == words[..])
    }
}

/// What the start of a row label says about the row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelClass {
    Plain,
    SubTotal,
    GrandTotal,
    Average,
    Breakdown,
}

/// Normalised words of a phrase, for matching against the vocabularies.
pub fn phrase_words(s: &str) -> Vec<String> {
    words_of(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_rules_load() {
        let v = Vocab::embedded().unwrap();
        let name = |w: &str| v.kind_of(w).map(|k| v.kinds[k].name.clone());
        assert_eq!(name("Regnskap").as_deref(), Some("regnskap"));
        assert_eq!(name("Rev.").as_deref(), Some("revidert-budsjett"));
        assert_eq!(name("Årsprognose").as_deref(), Some("prognose"));
        assert_eq!(name("årsavvik").as_deref(), Some("avvik"));
        assert_eq!(name("Rev-").as_deref(), Some("revidert-budsjett"));
        assert_eq!(name("hiå."), None);
        assert!(v.is_qualifier("hiå."));
        assert!(v.is_qualifier("2025"));
    }

    #[test]
    fn labels_and_statuses() {
        let v = Vocab::embedded().unwrap();
        assert_eq!(
            v.label_class(&phrase_words("Sum Frie inntekter")),
            LabelClass::SubTotal
        );
        assert_eq!(
            v.label_class(&phrase_words("Totalt")),
            LabelClass::GrandTotal
        );
        assert_eq!(
            v.label_class(&phrase_words("herav lønn")),
            LabelClass::Breakdown
        );
        assert_eq!(
            v.label_class(&phrase_words("Summen av alt")),
            LabelClass::Plain
        );
        assert!(v.is_excluded("3 Vann og avløp (ikke tatt med i sum)"));
        let (i, n) = v
            .match_status(&phrase_words("Henhold til plan Ikke effektuert"))
            .unwrap();
        assert_eq!(v.statuses[i].canonical, "Iht. plan");
        assert_eq!(n, 3);
        assert!(v.is_status_prefix(&phrase_words("Henhold")));
        assert!(v.is_status_prefix(&phrase_words("Ikke i")));
    }
}

//! Splitting a run of digit groups into cells.
//!
//! `171 037 170 359 679 497 499 496 999 500` is six numbers, but the grouping alone
//! allows 126 readings. The reading is chosen by dynamic programming over the digit
//! groups: columns are filled left to right, each with one number (a valid grouping of
//! the next groups) or nothing; a relation between columns (Avvik = budget − actual) is
//! judged as soon as its last column is placed, and the state carries only the values
//! that later relations still need. The work is linear in the number of groups for a
//! fixed column count; no reading is ever enumerated.

use crate::lex::Group;
use crate::number::{Number, from_groups};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;

/// The longest number, in digit groups (28 digits fit a `Decimal`).
pub const MAX_GROUPS: usize = 10;
/// How many leading groups may belong to the label (`Storebaugveien 8`, `SMS 5`): one;
/// a label never ends in a whole amount.
pub const MAX_ABSORB: usize = 1;
/// How many trailing groups may belong to text after the numbers (`269 av 357`).
pub const MAX_RELEASE: usize = 3;

/// A number group or a nil dash in a row's numeric run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Atom {
    /// `None` for a nil dash.
    pub group: Option<Group>,
    /// A percent mark follows.
    pub percent: bool,
    /// Characters of separator before the atom (0 at the start of the line).
    pub gap_before: u32,
    /// The separator before is exactly one space, NBSP or narrow NBSP.
    pub plain_before: bool,
    /// The separator before is a NBSP or narrow NBSP: only ever a thousands separator.
    pub glued: bool,
    /// Byte span in the line, sign and percent mark included.
    pub start: u32,
    pub end: u32,
}

/// A linear relation between the columns of one row: `result = Σ ±term`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    pub result: usize,
    /// Column and sign (`true` for plus).
    pub terms: Vec<(usize, bool)>,
    /// Accept `result = −Σ ±term` too.
    pub either_sign: bool,
    /// An empty operand counts as zero (a sum across columns), rather than leaving
    /// the relation unjudged.
    pub empty_is_zero: bool,
    /// The relation holds between percents too (`Samlet = Korttid + Langtid`).
    pub percent_ok: bool,
    /// Terms (a bit per index into `terms`) subtracted by their size whichever sign they
    /// are printed with (`Bruk` of a fund, `Avdrag` on debt).
    pub magnitude: u64,
}

impl Relation {
    /// Does the relation hold in a row whose cells `value` gives (value and whether it
    /// is a percent)? A percent enters only a relation between percents; an empty
    /// operand counts as zero where the relation says so, else leaves it unjudged.
    /// Whether term `i`, of value `v`, is added: its own sign, or for a term subtracted
    /// by its size, added where it is printed negative.
    pub fn adds(&self, i: usize, plus: bool, v: Decimal) -> bool {
        if i < 64 && self.magnitude >> i & 1 == 1 {
            v.is_sign_negative() && !v.is_zero()
        } else {
            plus
        }
    }

    pub fn holds_in(&self, value: &impl Fn(usize) -> Option<(Decimal, bool)>) -> bool {
        let get = |k: usize| {
            value(k)
                .filter(|(_, pct)| !pct || self.percent_ok)
                .map(|(v, _)| v)
        };
        let Some(res) = get(self.result) else {
            return false;
        };
        let ops: Option<Vec<(Decimal, bool)>> = self
            .terms
            .iter()
            .enumerate()
            .map(|(i, &(k, plus))| {
                get(k)
                    .or(self.empty_is_zero.then_some(Decimal::ZERO))
                    .map(|v| (v, self.adds(i, plus, v)))
            })
            .collect();
        ops.is_some_and(|ops| holds_values(res, &ops, self.either_sign))
    }
    fn columns(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.result).chain(self.terms.iter().map(|t| t.0))
    }
    fn last_column(&self) -> usize {
        self.columns().max().unwrap_or(0)
    }
}

/// What the split may do besides filling columns.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub columns: usize,
    /// Leading groups may belong to the label.
    pub absorb: bool,
    /// Trailing groups may belong to text after the numbers.
    pub release: bool,
    /// Separator characters after the last group, when nothing follows on the line.
    pub trailing_gap: u32,
    /// Full rows of the table show extra spaces after their labels too, so such
    /// spaces are padding, weak evidence of an empty first cell.
    pub label_spaces_are_padding: bool,
    /// A status stands among the numbers: `(atom, column)`, the atoms before `atom` fill
    /// the columns before `column` and the rest the others.
    pub mid: Option<(usize, usize)>,
}

/// The chosen reading of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// Leading atoms that belong to the label.
    pub absorbed: usize,
    /// Trailing atoms that belong to text after the numbers.
    pub released: usize,
    /// Per column: the atoms `(first, count)` of its number, or `None` for an empty cell.
    pub cells: Vec<Option<(usize, usize)>>,
    /// Relations that hold in this reading.
    pub relations_ok: usize,
    /// Another reading fits exactly as well.
    pub ambiguous: bool,
    /// How far the placement of empty cells disagrees with the spacing.
    pub spacing_misses: usize,
    /// Groups given to the label.
    pub absorbed_groups: usize,
}

/// What a column's cells usually look like, from the rows that read only one way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Expect {
    /// Integer digits.
    pub digits: Option<u32>,
    /// Percent or not.
    pub percent: Option<bool>,
    /// The column was empty in every row read so far.
    pub empty: bool,
    /// The value the table's own total says this row's cell has (the total less the
    /// other rows it sums; zero for an empty cell): weighs like a relation that holds.
    pub sum: Option<Decimal>,
    /// The cell is expected to be empty (the column a table's sparse rows all leave
    /// out): an empty cell weighs like a relation that holds.
    pub vacant: bool,
    /// How far from `sum` the cell may be: the rounding of the rows and the total that
    /// `sum` comes from.
    pub slack: Decimal,
    /// The column holds only small references (a note number: `8`, `14`): a cell of one
    /// plain group of at most three digits, or none.
    pub reference: bool,
    /// Three or more of the column's cells, all within two digits of each other (a
    /// column of like amounts, not a list of key figures of every size).
    pub homogeneous: bool,
}

/// True when the run is laid out with wide padding between cells (`16 168        17 334`):
/// then a single space only ever separates thousands.
pub fn padded(atoms: &[Atom]) -> bool {
    atoms.iter().skip(1).any(|a| a.gap_before >= 3)
}

/// The lengths (in groups) of the numbers that can start at atom `first`, shortest
/// first, at most [`MAX_GROUPS`]. In a padded run a number never stops where the next
/// group would continue it. O([`MAX_GROUPS`]) per call.
pub fn number_lengths(line: &str, atoms: &[Atom], first: usize, padded: bool) -> Vec<usize> {
    let mut out = Vec::new();
    let n = atoms.len();
    let mut len = 1;
    while len <= MAX_GROUPS && first + len <= n {
        let ok = if len <= 2 {
            valid_number(line, atoms, first, len)
        } else {
            // Extending a valid number by one thousands group, with the separator of
            // its other groups: `7 873` and `263 399` are two numbers, not one.
            let a = &atoms[first + len - 1];
            let prev = &atoms[first + len - 2];
            a.group.is_some_and(|g| g.is_thousands_group())
                && a.plain_before
                && a.glued == atoms[first + 1].glued
                && prev.group.is_some_and(|g| !g.closes_number())
                && !prev.percent
        };
        if !ok {
            if len >= 2 {
                break;
            }
            len += 1;
            continue;
        }
        out.push(len);
        len += 1;
    }
    // A number never stops before a group glued to it by a (narrow) no-break space.
    let all = out.clone();
    out.retain(|&l| !atoms.get(first + l).is_some_and(|a| a.glued) || !all.contains(&(l + 1)));
    if padded {
        // Keep only the longest: the others stop before a group that continues them.
        if let Some(&l) = out.last() {
            out.retain(|&x| {
                x == l || x == 1 && atoms.get(first).is_some_and(|a| a.group.is_none())
            });
        }
    }
    out
}

/// Can atoms `first..first+len` form one number?
pub fn valid_number(line: &str, atoms: &[Atom], first: usize, len: usize) -> bool {
    let Some(head) = atoms.get(first) else {
        return false;
    };
    if len == 0 || first + len > atoms.len() {
        return false;
    }
    let Some(g0) = head.group else {
        return len == 1;
    };
    if len == 1 {
        // A lone group may be any length, but `000` is no number.
        let d = digits(line, &g0);
        return !(d.len() > 1 && d.starts_with('0') && g0.decimals.is_none());
    }
    if g0.digit_count() > 3 || g0.closes_number() || head.percent {
        return false;
    }
    if digits(line, &g0).starts_with('0') {
        return false;
    }
    for k in 1..len {
        let a = &atoms[first + k];
        let Some(g) = a.group else { return false };
        if !a.plain_before || !g.is_thousands_group() {
            return false;
        }
        let last = k == len - 1;
        if !last && (g.closes_number() || a.percent) {
            return false;
        }
    }
    true
}

fn digits<'a>(line: &'a str, g: &Group) -> &'a str {
    line.get(g.digits.0 as usize..g.digits.1 as usize)
        .unwrap_or("")
}

/// The value of the number made of atoms `first..first+len`.
pub fn number_of(line: &str, atoms: &[Atom], first: usize, len: usize) -> Option<Number> {
    let slice = atoms.get(first..first + len)?;
    let groups: Vec<Group> = slice.iter().filter_map(|a| a.group).collect();
    if groups.len() != slice.len() {
        return None;
    }
    let percent = slice.last().is_some_and(|a| a.percent);
    from_groups(line, &groups, percent)
}

/// The counts of numbers the whole run can be read as (no label or trailing groups),
/// as a bit set (bit `k` set when `k` numbers are possible, up to 63).
pub fn possible_counts(line: &str, atoms: &[Atom]) -> u64 {
    let n = atoms.len();
    let pad = padded(atoms);
    let mut reach = vec![0u64; n + 1];
    reach[0] = 1;
    for i in 0..n {
        if reach[i] == 0 {
            continue;
        }
        for len in number_lengths(line, atoms, i, pad) {
            // Bit 63 stands for "63 or more".
            reach[i + len] |= (reach[i] << 1) | (reach[i] & (1 << 63));
        }
    }
    reach[n]
}

/// Lexicographic score: relations that hold, then cells of the kind (percent or amount)
/// their column holds, then agreement with the spacing, then fewer empty cells, then
/// fewer groups given to the label or to trailing text, then magnitudes like the
/// column's other cells, then numbers of like length (`212 400 | 211 300`, not `212 |
/// 400 211 300`) where nothing else tells the groupings apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Score(i32, i32, i32, i32, i32, i32, i32);

impl Score {
    fn add(self, o: Score) -> Score {
        Score(
            self.0 + o.0,
            self.1 + o.1,
            self.2 + o.2,
            self.3 + o.3,
            self.4 + o.4,
            self.5 + o.5,
            self.6 + o.6,
        )
    }
}

/// A placed value and whether it is a percent.
type Value = (Decimal, bool);

/// Where a column's number stands: first atom and count, or `None` when empty.
type Placed = Option<(usize, usize)>;

/// No state: the start of the chain of back pointers.
const NO_STATE: u32 = u32::MAX;

/// One DP state of a layer (after placing a column): the next atom, the empty cells
/// placed since the last number, and (in the layer's code arena, at a fixed stride)
/// the values that later relations still need, each as a code: 0 for none, else one
/// more than the value's rank among the row's distinct values, so that codes order
/// like the values themselves.
#[derive(Clone, Copy)]
struct State {
    next: u32,
    run: u8,
    score: Score,
    ways: u8,
    /// Index of the state in the previous layer this one was reached from.
    back: u32,
    /// The placement made for this layer's column.
    placed: Placed,
}

/// A layer: its states in key order and their value codes, `stride` per state.
struct Layer {
    states: Vec<State>,
    codes: Vec<u16>,
    stride: usize,
}

impl Layer {
    fn codes_of(&self, k: usize) -> &[u16] {
        &self.codes[k * self.stride..(k + 1) * self.stride]
    }
}

/// Where a relation operand (or a kept value) comes from when column `j` is placed:
/// the number just placed, or position `p` of the previous state's kept values.
#[derive(Clone, Copy)]
enum Src {
    Current,
    Prev(usize),
}

/// A relation completed by placing a column: the relation, where its result comes
/// from, and where each term comes from with its sign.
type Closing<'r> = (&'r Relation, Src, Vec<(Src, bool)>);

/// Split a run into `opts.columns` cells, choosing the reading that satisfies the most
/// relations. Returns `None` when no reading fits the column count.
pub fn split(line: &str, atoms: &[Atom], relations: &[Relation], opts: Options) -> Option<Reading> {
    split_with(line, atoms, relations, opts, &[])
}

/// [`split`], with the number of integer digits each column's cells usually have, as a
/// last tie-breaker (`12 591 65 127` is `12 591 | 65 127` in a column of five-digit
/// amounts, not `12 | 591 65 127`).
pub fn split_with(
    line: &str,
    atoms: &[Atom],
    relations: &[Relation],
    opts: Options,
    expected: &[Expect],
) -> Option<Reading> {
    let n = atoms.len();
    let c = opts.columns;
    if c == 0 || n == 0 {
        return None;
    }
    let absorb_max = if opts.absorb {
        MAX_ABSORB.min(n.saturating_sub(1))
    } else {
        0
    };
    let release_max = if opts.release {
        MAX_RELEASE.min(n.saturating_sub(1))
    } else {
        0
    };
    if n > c * MAX_GROUPS + absorb_max + release_max || n >= NO_STATE as usize {
        return None;
    }
    let relations: Vec<&Relation> = relations
        .iter()
        .filter(|r| r.columns().all(|k| k < c))
        .collect();
    // Columns whose value a later relation still needs, after placing column j.
    let keep: Vec<Vec<usize>> = (0..c)
        .map(|j| {
            let mut v: Vec<usize> = relations
                .iter()
                .filter(|r| r.last_column() > j)
                .flat_map(|r| r.columns().filter(|&k| k <= j).collect::<Vec<_>>())
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .collect();
    let source = |j: usize, k: usize| -> Src {
        if k == j {
            return Src::Current;
        }
        let prev: &[usize] = if j == 0 { &[] } else { &keep[j - 1] };
        // Every column a relation ending at j needs was kept after column j − 1.
        Src::Prev(prev.iter().position(|&x| x == k).unwrap_or(usize::MAX))
    };
    // Per column: where each kept value comes from, and the relations it completes
    // with the sources of their result and terms.
    let keep_src: Vec<Vec<Src>> = (0..c)
        .map(|j| keep[j].iter().map(|&k| source(j, k)).collect())
        .collect();
    let closing: Vec<Vec<Closing<'_>>> = (0..c)
        .map(|j| {
            relations
                .iter()
                .filter(|r| r.last_column() == j)
                .map(|r| {
                    let terms = r.terms.iter().map(|&(k, plus)| (source(j, k), plus));
                    (*r, source(j, r.result), terms.collect())
                })
                .collect()
        })
        .collect();
    let hints = gap_hints(atoms, c, opts.trailing_gap);
    let pad = padded(atoms);
    // Every number that can start at each atom, with its value code, computed once.
    let mut values: Vec<Value> = Vec::new();
    let mut numbers: Vec<Vec<(usize, u16)>> = (0..n)
        .map(|i| {
            number_lengths(line, atoms, i, pad)
                .into_iter()
                .map(|len| match number_of(line, atoms, i, len) {
                    Some(x) => {
                        values.push((x.value, x.percent));
                        (len, values.len() as u16)
                    }
                    None => (len, 0),
                })
                .collect()
        })
        .collect();
    // Codes ordered like the values: rank among the distinct values, plus one.
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].cmp(&values[b]));
    let mut rank = vec![0u16; values.len()];
    let mut distinct: Vec<Value> = Vec::new();
    for &k in &order {
        if distinct.last() != Some(&values[k]) {
            distinct.push(values[k]);
        }
        rank[k] = distinct.len() as u16;
    }
    for list in &mut numbers {
        for entry in list.iter_mut() {
            if entry.1 > 0 {
                entry.1 = rank[entry.1 as usize - 1];
            }
        }
    }
    let value_of =
        |code: u16| -> Option<Value> { code.checked_sub(1).map(|k| distinct[k as usize]) };

    // Layer 0: where the numbers start (after any groups given to the label).
    let mut layer = Layer {
        states: Vec::new(),
        codes: Vec::new(),
        stride: 0,
    };
    for a in 0..=absorb_max {
        // Label digits (`Storebaugveien 8`) or a dash ending the label (`mindreforbruk -`).
        if a > 0 && !(label_like(&atoms[a - 1]) || atoms[a - 1].group.is_none()) {
            break;
        }
        // Extra spacing before a group given to the label says it was a cell.
        let unmet: i32 = if hints.enabled {
            2 * hints.before[..a].iter().map(|&h| h as i32).sum::<i32>()
        } else {
            0
        };
        layer.states.push(State {
            next: a as u32,
            run: 0,
            score: Score(0, 0, -unmet, 0, -(a as i32), 0, 0),
            ways: 1,
            back: NO_STATE,
            placed: None,
        });
    }
    let mut layers: Vec<Layer> = Vec::with_capacity(c + 1);
    // Candidates of the next layer, before equal keys are merged.
    let mut cand: Vec<State> = Vec::new();
    let mut cand_codes: Vec<u16> = Vec::new();
    for j in 0..c {
        let stride = keep[j].len();
        cand.clear();
        cand_codes.clear();
        for (si, e) in layer.states.iter().enumerate() {
            let (i, run) = (e.next as usize, e.run);
            // The columns before a status among the numbers take exactly the atoms
            // before it.
            if let Some((at, col)) = opts.mid {
                if j == col && i != at {
                    continue;
                }
            }
            let vals = layer.codes_of(si);
            // Column j is empty, or holds a number of `len` groups.
            let options = std::iter::once((i, None, 0u16)).chain(
                numbers
                    .get(i)
                    .into_iter()
                    .flatten()
                    .map(|&(len, code)| (i + len, Some((i, len)), code)),
            );
            for (ni, placed, code) in options {
                if n - ni > (c - j - 1) * MAX_GROUPS + release_max {
                    continue;
                }
                if opts.mid.is_some_and(|(at, col)| j < col && ni > at) {
                    continue;
                }
                if let (Some((a, len)), Some(w)) = (placed, expected.get(j)) {
                    let small = |x: &Atom| {
                        x.group.is_some_and(|g| {
                            g.minus.is_none() && g.decimals.is_none() && g.digit_count() <= 3
                        }) && !x.percent
                    };
                    if w.reference && !(len == 1 && small(&atoms[a])) {
                        continue;
                    }
                }
                let value = value_of(code);
                let mut s = Score(0, 0, 0, 0, 0, 0, 0);
                // A number of many groups beside short ones: the last resort.
                if let Some((_, len)) = placed {
                    s.6 -= ((len - 1) * (len - 1)) as i32;
                }
                if let (Some((a, n)), Some(want)) = (placed, expected.get(j)) {
                    let value = value.map(|(v, _)| v);
                    // A percent among amounts, or an amount among percents.
                    let pct = atoms[a + n - 1].percent;
                    // A nil (`-`) fits a percent column as well as an amount column.
                    if value.is_some() && want.percent.is_some_and(|p| p != pct) {
                        s.1 -= 1;
                    }
                    // A zero fits a column of any magnitude.
                    if let (Some(v), Some(d)) = (value.filter(|v| !v.is_zero()), want.digits) {
                        let digits = crate::number::int_digits(v) as i32;
                        s.5 -= ((digits - d as i32).abs() - 1).max(0);
                        // Ten thousand times the like amounts of the column: no relation
                        // that holds in the reading makes that likely (`121 549 121 | 240 182 400 183`
                        // in a column of five-digit amounts, for an Avvik that held).
                        if want.homogeneous && digits - d as i32 >= 4 {
                            s.0 -= 1;
                        }
                    }
                    // On a tie, leave a column empty that is empty everywhere else.
                    if want.empty {
                        s.5 -= 1;
                    }
                }
                if placed.is_none() && expected.get(j).is_some_and(|w| w.vacant) {
                    s.0 += 1;
                }
                if let Some(t) = expected.get(j).and_then(|w| w.sum) {
                    let v = value.map(|(v, _)| v);
                    let slack = expected.get(j).map_or(Decimal::ZERO, |w| w.slack);
                    if v.is_some_and(|v| (v - t).abs() <= slack) || placed.is_none() && t.is_zero()
                    {
                        s.0 += 1;
                    }
                }
                // The run of empty cells is judged only against the spacing: without
                // hints it is not part of the state.
                let nrun = match placed {
                    None => {
                        s.3 -= 1;
                        if hints.enabled {
                            run.saturating_add(1)
                        } else {
                            0
                        }
                    }
                    Some(_) => {
                        if hints.enabled {
                            // The spaces after the label count half: labels can end
                            // in spaces of their own, the gaps between numbers not.
                            // Where full rows of the table show such spaces too, they
                            // only break ties after the count of empty cells.
                            let miss = (hints.before.get(i).copied().unwrap_or(0) as i32
                                - run as i32)
                                .abs();
                            if i > 0 {
                                s.2 -= 2 * miss;
                            } else if opts.label_spaces_are_padding {
                                s.4 -= miss;
                            } else {
                                s.2 -= miss;
                            }
                        }
                        0
                    }
                };
                let code_at = |src: Src| -> u16 {
                    match src {
                        Src::Current => code,
                        Src::Prev(p) => vals.get(p).copied().unwrap_or(0),
                    }
                };
                for (r, res_src, term_srcs) in &closing[j] {
                    // A percent enters only relations between percents (`Samlet = Korttid
                    // + Langtid`), never one between amounts (`I % av driftsinntekter`).
                    let get = |src: Src| -> Option<Decimal> {
                        value_of(code_at(src))
                            .filter(|(_, pct)| !pct || r.percent_ok)
                            .map(|(v, _)| v)
                    };
                    let Some(res) = get(*res_src) else { continue };
                    if holds_sources(res, term_srcs, &get, r) {
                        s.0 += 1;
                    }
                }
                cand.push(State {
                    next: ni as u32,
                    run: nrun,
                    score: e.score.add(s),
                    ways: e.ways,
                    back: si as u32,
                    placed,
                });
                cand_codes.extend(keep_src[j].iter().map(|&src| code_at(src)));
            }
        }
        // Merge candidates with equal keys in the order they were made: a better score
        // replaces, an equal one adds its ways; the layer comes out in key order.
        let key = |k: usize| {
            let st = &cand[k];
            (st.next, st.run, &cand_codes[k * stride..(k + 1) * stride])
        };
        let mut merged: Vec<usize> = Vec::with_capacity(cand.len());
        let mut states: Vec<State> = Vec::with_capacity(cand.len());
        let mut at: FxHashMap<(u32, u8, &[u16]), usize> = FxHashMap::default();
        for (k, &new) in cand.iter().enumerate() {
            match at.entry(key(k)) {
                Entry::Occupied(o) => {
                    let old = &mut states[*o.get()];
                    if old.score == new.score {
                        old.ways = old.ways.saturating_add(new.ways).min(2);
                    } else if old.score < new.score {
                        *old = new;
                    }
                }
                Entry::Vacant(v) => {
                    v.insert(states.len());
                    states.push(new);
                    merged.push(k);
                }
            }
        }
        let mut order: Vec<usize> = (0..states.len()).collect();
        order.sort_unstable_by(|&a, &b| key(merged[a]).cmp(&key(merged[b])));
        let mut next = Layer {
            states: Vec::with_capacity(order.len()),
            codes: Vec::with_capacity(order.len() * stride),
            stride,
        };
        for &m in &order {
            next.states.push(states[m]);
            let k = merged[m];
            next.codes
                .extend_from_slice(&cand_codes[k * stride..(k + 1) * stride]);
        }
        layers.push(std::mem::replace(&mut layer, next));
    }
    // Final states: every atom used, or the last ones left to the text after the numbers.
    let mut best: Option<(Score, u8, usize, usize)> = None;
    for (k, e) in layer.states.iter().enumerate() {
        let at = e.next as usize;
        let released = n - at;
        if released > release_max || !atoms[at..].iter().all(label_like) {
            continue;
        }
        let mut score = e.score;
        score.4 -= released as i32;
        // Empty cells at the end against the spaces left at the end of the line.
        if hints.enabled && released == 0 {
            score.2 -= 2 * (hints.trailing as i32 - e.run as i32).abs();
        }
        match best.as_mut() {
            Some(b) if b.0 > score => {}
            Some(b) if b.0 == score => b.1 = b.1.saturating_add(e.ways).min(2),
            _ => best = Some((score, e.ways, k, released)),
        }
    }
    let (score, ways, mut k, released) = best?;
    let mut cells = vec![None; c];
    let mut cur = &layer;
    for j in (0..c).rev() {
        let st = cur.states.get(k)?;
        cells[j] = st.placed;
        k = st.back as usize;
        cur = layers.get(j)?;
    }
    let absorbed = cur.states.get(k)?.next as usize;
    // Spaces after the label that the row's reading only weighed as a tie-breaker
    // still count against the reading as a whole, so that the table's column count
    // is judged the same way whatever its rows' labels look like.
    let label_misses = if hints.enabled && opts.label_spaces_are_padding && absorbed == 0 {
        let leading = cells.iter().take_while(|p| p.is_none()).count() as i32;
        (hints.before.first().copied().unwrap_or(0) as i32 - leading).unsigned_abs() as usize
    } else {
        0
    };
    // The relations that hold in the reading (the score also counts cells that match
    // what the table's totals leave a row).
    let cell_value = |k: usize| -> Option<(Decimal, bool)> {
        let (a, n) = cells.get(k).copied().flatten()?;
        number_of(line, atoms, a, n).map(|x| (x.value, x.percent))
    };
    let relations_ok = relations.iter().filter(|r| r.holds_in(&cell_value)).count();
    Some(Reading {
        absorbed,
        released,
        cells,
        relations_ok,
        ambiguous: ways > 1,
        spacing_misses: ((-score.2).max(0) as usize).div_ceil(2) + label_misses,
        absorbed_groups: absorbed,
    })
}

/// Does `result = Σ ±term` hold within rounding, the terms read through `get`? An
/// empty term counts as zero where the relation says so, and otherwise leaves the
/// relation unjudged (false).
fn holds_sources(
    result: Decimal,
    terms: &[(Src, bool)],
    get: &impl Fn(Src) -> Option<Decimal>,
    rel: &Relation,
) -> bool {
    let mut sum = Decimal::ZERO;
    let mut tol = half_unit(result);
    for (i, &(src, plus)) in terms.iter().enumerate() {
        let v = match get(src) {
            Some(v) => v,
            None if rel.empty_is_zero => Decimal::ZERO,
            None => return false,
        };
        if rel.adds(i, plus, v) {
            sum += v;
        } else {
            sum -= v;
        }
        tol += half_unit(v);
    }
    (result - sum).abs() <= tol || (rel.either_sign && (result + sum).abs() <= tol)
}

/// A group that can stand in a label or in text: no sign, no decimals, no percent.
fn label_like(a: &Atom) -> bool {
    a.group
        .is_some_and(|g| !g.has_leading_sign() && !g.closes_number())
        && !a.percent
}

/// Does `result = Σ ±ops` hold within rounding? Each printed value is an interval of ±
/// half its last unit (its scale is its printed precision); the relation holds when the
/// intervals meet (the XBRL Calculations 1.1 rule). `either_sign` accepts `−Σ` too.
pub fn holds_values(result: Decimal, ops: &[(Decimal, bool)], either_sign: bool) -> bool {
    let mut sum = Decimal::ZERO;
    let mut tol = half_unit(result);
    for (v, plus) in ops {
        if *plus {
            sum += *v;
        } else {
            sum -= *v;
        }
        tol += half_unit(*v);
    }
    (result - sum).abs() <= tol || (either_sign && (result + sum).abs() <= tol)
}

use crate::number::half_unit;

/// Where the spacing says empty cells were: pdftotext writes one extra space for each
/// empty cell it passes over.
struct Hints {
    enabled: bool,
    /// Extra separator characters before each atom.
    before: Vec<u32>,
    /// Extra separator characters after the last atom.
    trailing: u32,
}

fn gap_hints(atoms: &[Atom], columns: usize, trailing_gap: u32) -> Hints {
    let before: Vec<u32> = atoms
        .iter()
        .map(|a| a.gap_before.saturating_sub(1))
        .collect();
    // A line ends in one space; each further space is an empty cell at the end.
    let trailing = trailing_gap.saturating_sub(1);
    let total: u32 = before.iter().sum::<u32>() + trailing;
    // Wide padding is alignment, not empty cells: then the spacing says nothing.
    let enabled = total > 0 && (total as usize) < columns;
    Hints {
        enabled,
        before,
        trailing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::describe;
    use crate::vocab::Vocab;

    fn read(line: &str, columns: usize, relations: &[Relation]) -> Option<Vec<String>> {
        let v = Vocab::embedded().unwrap();
        let info = describe(1, 0, line, &v);
        let atoms = info.run.unwrap().atoms;
        let r = split(
            line,
            &atoms,
            relations,
            Options {
                columns,
                absorb: info.label_words > 0,
                release: info.after_words > 0,
                trailing_gap: 0,
                label_spaces_are_padding: false,
                mid: None,
            },
        )?;
        Some(
            r.cells
                .iter()
                .map(|c| match c {
                    Some((a, n)) => {
                        line[atoms[*a].start as usize..atoms[a + n - 1].end as usize].to_string()
                    }
                    None => String::new(),
                })
                .collect(),
        )
    }

    #[test]
    fn signed_numbers() {
        assert_eq!(
            read("-1 100 -1 100 -1 100 -1 100 ", 4, &[]).unwrap(),
            ["-1 100", "-1 100", "-1 100", "-1 100"]
        );
    }

    #[test]
    fn relations_pick_one_of_126_readings() {
        // Rev. bud. hiå. | Regnskap hiå. | Avvik hiå. | Rev. bud. | Siste prognose | Avvik prognose
        let rel = [
            Relation {
                result: 2,
                terms: vec![(0, true), (1, false)],
                either_sign: true,
                empty_is_zero: false,
                percent_ok: false,
                magnitude: 0,
            },
            Relation {
                result: 5,
                terms: vec![(3, true), (4, false)],
                either_sign: true,
                empty_is_zero: false,
                percent_ok: false,
                magnitude: 0,
            },
        ];
        let cells = read(
            "203-Enhet barnehage 171 037 170 359 679 497 499 496 999 500 ",
            6,
            &rel,
        )
        .unwrap();
        assert_eq!(
            cells,
            ["171 037", "170 359", "679", "497 499", "496 999", "500"]
        );
    }

    #[test]
    fn label_digits_go_to_the_label() {
        let rel = [Relation {
            result: 3,
            terms: vec![(0, true), (2, false)],
            either_sign: true,
            empty_is_zero: false,
            percent_ok: false,
            magnitude: 0,
        }];
        let cells = read("Oppgradering Storebaugveien 8 1 324 344 1 324 0 ", 4, &rel).unwrap();
        assert_eq!(cells, ["1 324", "344", "1 324", "0"]);
        let cells = read("VA-anlegg Strandgata - SMS 5 8 000 0 8 000 0 ", 4, &rel).unwrap();
        assert_eq!(cells, ["8 000", "0", "8 000", "0"]);
    }

    #[test]
    fn spacing_places_empty_cells() {
        assert_eq!(
            read(
                "1 Reduksjon kostnader i barnevernet   13 000 20 000 ",
                4,
                &[]
            )
            .unwrap(),
            ["", "", "13 000", "20 000"]
        );
        assert_eq!(
            read("SUM  5 600 20 600 39 600 ", 4, &[]).unwrap(),
            ["", "5 600", "20 600", "39 600"]
        );
    }

    #[test]
    fn padded_layout_keeps_thousands_together() {
        assert_eq!(
            read(
                "Grunnskole 16 168        17 334      24 300        ",
                3,
                &[]
            )
            .unwrap(),
            ["16 168", "17 334", "24 300"]
        );
    }

    #[test]
    fn huge_runs_are_refused_quickly() {
        let line = "1 000 ".repeat(200_000);
        let v = Vocab::embedded().unwrap();
        let info = describe(1, 0, &line, &v);
        let atoms = info.run.unwrap().atoms;
        assert!(
            split(
                &line,
                &atoms,
                &[],
                Options {
                    columns: 4,
                    absorb: false,
                    release: false,
                    trailing_gap: 0,
                    label_spaces_are_padding: false,
                    mid: None,
                }
            )
            .is_none()
        );
        assert!(possible_counts(&line, &atoms) != 0);
    }
}

#[cfg(test)]
mod rounding_tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn rounding_is_not_a_mismatch() {
        // 171 037 − 170 359 = 678, printed 679: within the three half-units.
        assert!(holds_values(
            d("679"),
            &[(d("171037"), true), (d("170359"), false)],
            false
        ));
        // 3,9 + 8,9 = 12,8 is not 12,2.
        assert!(!holds_values(
            d("12.2"),
            &[(d("3.9"), true), (d("8.9"), true)],
            false
        ));
        // Off by 1 with three values of ± 0,5 each is rounding; off by 2 is not.
        assert!(holds_values(
            d("101"),
            &[(d("50"), true), (d("50"), true)],
            false
        ));
        assert!(!holds_values(
            d("102"),
            &[(d("50"), true), (d("50"), true)],
            false
        ));
        // A deviation judged by size only.
        assert!(holds_values(
            d("-81"),
            &[(d("2210"), true), (d("2129"), false)],
            true
        ));
    }
}

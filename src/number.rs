//! Numbers as printed: a [`rust_decimal::Decimal`] with the precision it was printed with.

use crate::lex::{Group, MinusKind};
use rust_decimal::Decimal;
use std::str::FromStr;

/// A number read from one or more digit groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    /// The value, with the printed number of decimals as its scale.
    pub value: Decimal,
    /// The minus character, if negative.
    pub minus: Option<MinusKind>,
    /// True when a percent mark follows the number.
    pub percent: bool,
}

impl Number {
    /// Half a unit of the last printed digit: the rounding interval's radius.
    pub fn half_unit(&self) -> Decimal {
        half_unit(self.value)
    }
}

/// Half a unit of the last printed digit of a value with its printed precision
/// (`11,3` → 0,05): the radius of the interval the printed value stands for.
pub fn half_unit(v: Decimal) -> Decimal {
    Decimal::new(5, v.scale() + 1)
}

/// Build a number from the digit groups that make it up, in `line`.
///
/// Returns `None` when the digits do not fit a `Decimal` (more than 28 digits):
/// such a cell is unreadable, never approximated.
pub fn from_groups(line: &str, groups: &[Group], percent: bool) -> Option<Number> {
    let first = groups.first()?;
    let last = groups.last()?;
    let mut text = String::with_capacity(groups.len() * 4 + 4);
    let minus = match (first.minus, last.minus) {
        (Some(m), _) if m != MinusKind::Trailing => Some(m),
        (_, Some(MinusKind::Trailing)) => Some(MinusKind::Trailing),
        _ => None,
    };
    if minus.is_some() {
        text.push('-');
    }
    for g in groups {
        text.push_str(line.get(g.digits.0 as usize..g.digits.1 as usize)?);
    }
    if let Some((s, e)) = last.decimals {
        text.push('.');
        text.push_str(line.get(s as usize..e as usize)?);
    }
    if text.trim_start_matches('-').len() > 28 {
        return None;
    }
    let value = Decimal::from_str(&text).ok()?;
    Some(Number {
        value,
        minus,
        percent,
    })
}

/// Number of digits in the integer part of `|v|` (`0` has one), without printing it.
pub fn int_digits(v: Decimal) -> usize {
    let t = v.abs().trunc();
    let m = t.mantissa().unsigned_abs();
    // `trunc` leaves scale 0, so the mantissa is the integer part.
    let m = m / 10u128.pow(t.scale());
    if m == 0 { 1 } else { m.ilog10() as usize + 1 }
}

/// Format a decimal the way Norwegian reports print it: space-grouped thousands,
/// decimal comma, and the given minus character.
pub fn format_norwegian(value: Decimal, minus: char) -> String {
    let s = value.abs().to_string();
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let mut out = String::with_capacity(s.len() + s.len() / 3 + 2);
    if value.is_sign_negative() && !value.is_zero() {
        out.push(minus);
    }
    let digits: Vec<char> = int.chars().collect();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(*c);
    }
    if let Some(f) = frac {
        out.push(',');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::{TokenKind, lex_line};

    #[test]
    fn int_digits_counts_like_printing() {
        for text in [
            "0",
            "0.5",
            "-0.9",
            "7",
            "-12.50",
            "999",
            "1000",
            "-123456789012.3",
            "79228162514264337593543950335",
        ] {
            let v: Decimal = text.parse().expect("decimal");
            assert_eq!(int_digits(v), v.abs().trunc().to_string().len(), "{text}");
        }
    }

    fn groups(line: &str) -> Vec<Group> {
        lex_line(line)
            .tokens
            .iter()
            .filter_map(|t| match t.kind {
                TokenKind::Group(g) => Some(g),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn builds_values_with_printed_precision() {
        let l = "\u{2212}1 347 078";
        let n = from_groups(l, &groups(l), false).unwrap();
        assert_eq!(n.value, Decimal::from(-1_347_078));
        assert_eq!(n.minus, Some(MinusKind::Minus));
        let l = "11,30";
        let n = from_groups(l, &groups(l), true).unwrap();
        assert_eq!(n.value.to_string(), "11.30");
        assert_eq!(n.half_unit().to_string(), "0.005");
        let l = "36 600-";
        let n = from_groups(l, &groups(l), false).unwrap();
        assert_eq!(n.value, Decimal::from(-36_600));
        assert_eq!(n.minus, Some(MinusKind::Trailing));
    }

    #[test]
    fn too_many_digits_is_unreadable_not_rounded() {
        let l = "1 000 000 000 000 000 000 000 000 000 000";
        assert!(from_groups(l, &groups(l), false).is_none());
    }

    #[test]
    fn formats_norwegian() {
        assert_eq!(
            format_norwegian(Decimal::from(-1_347_078), '\u{2212}'),
            "\u{2212}1 347 078"
        );
        assert_eq!(format_norwegian(Decimal::new(113, 1), '-'), "11,3");
        assert_eq!(format_norwegian(Decimal::ZERO, '-'), "0");
    }
}

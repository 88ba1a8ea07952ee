//! The quantity of a numeric claim, and what a reader can derive from it.

use serde::{Deserialize, Serialize};

crate::text_enum! {
    /// Direction of a change ("increase by 25 percent", "fell 16.7 percent").
    pub enum Change {
        Increase = ("increase", "Increase"),
        Decrease = ("decrease", "Decrease"),
    }
}

crate::text_enum! {
    /// How exact the speaker said the number was ("over 150,000", "about a quarter").
    pub enum Qualifier {
        About = ("about", "About"),
        Over = ("over", "Over"),
        Under = ("under", "Under"),
        AtLeast = ("at_least", "At least"),
        AtMost = ("at_most", "At most"),
        Nearly = ("nearly", "Nearly"),
    }
}

impl Qualifier {
    /// The words a reader sees before the number.
    pub fn words(self) -> &'static str {
        match self {
            Qualifier::About => "about",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::AtLeast => "at least",
            Qualifier::AtMost => "at most",
            Qualifier::Nearly => "nearly",
        }
    }
}

/// What a numeric claim states: `value` `unit`, optionally "of" a whole, a change, a qualifier.
///
/// `unit` is `percent`, an ISO 4217 currency code (`USD`), or the counted noun (`drones`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub value: f64,
    pub unit: String,
    /// The denominator of a part of a whole: 69 in "54 of 69".
    pub of: Option<f64>,
    pub change: Option<Change>,
    pub qualifier: Option<Qualifier>,
}

impl Quantity {
    /// The share of the whole, in percent, for "54 of 69" (78.26…).
    pub fn share_percent(&self) -> Option<f64> {
        self.of.filter(|of| *of > 0.0).map(|of| self.value / of * 100.0)
    }

    fn is_percent(&self) -> bool {
        self.unit == "percent"
    }

    fn currency_symbol(&self) -> Option<&'static str> {
        match self.unit.as_str() {
            "USD" => Some("$"),
            "EUR" => Some("€"),
            "GBP" => Some("£"),
            "JPY" => Some("¥"),
            // (The extractor reads a bare "$" in an Australian, New Zealand or Canadian text
            // as that country's dollar.)
            "AUD" => Some("A$"),
            "NZD" => Some("NZ$"),
            "CAD" => Some("C$"),
            _ => None,
        }
    }

    fn is_currency_code(&self) -> bool {
        self.unit.len() == 3 && self.unit.bytes().all(|b| b.is_ascii_uppercase())
    }

    /// The figure as a reader wants it, without the counted noun:
    /// "54 of 69 (78.3%)", "+25%", "about $565 million", "over 150,000".
    pub fn headline(&self) -> String {
        let mut out = String::new();
        if let Some(qualifier) = self.qualifier {
            out.push_str(qualifier.words());
            out.push(' ');
        }
        match self.change {
            Some(Change::Increase) => out.push('+'),
            Some(Change::Decrease) => out.push('−'),
            None => {}
        }
        out.push_str(&self.amount());
        if let (Some(of), Some(share)) = (self.of, self.share_percent()) {
            out.push_str(" of ");
            out.push_str(&format_number(of));
            out.push_str(&format!(" ({})", format_percent(share)));
        }
        out
    }

    /// The value with its currency or percent sign ("$565 million", "25%", "54").
    fn amount(&self) -> String {
        if self.is_percent() {
            return format!("{}%", format_number(self.value));
        }
        if let Some(symbol) = self.currency_symbol() {
            return format!("{symbol}{}", format_scaled(self.value));
        }
        if self.is_currency_code() {
            return format!("{} {}", self.unit, format_scaled(self.value));
        }
        format_number(self.value)
    }

    /// The counted noun shown after the headline ("cruise missiles"), if any.
    pub fn noun(&self) -> Option<&str> {
        (!self.is_percent() && !self.is_currency_code()).then_some(self.unit.as_str())
    }

    /// What follows from the figure, in sentences a reader can check.
    pub fn consequences(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let (Some(of), Some(share)) = (self.of, self.share_percent()) {
            let noun = self.noun().map(|n| format!(" {n}")).unwrap_or_default();
            out.push(format!(
                "{} of {}{noun} is {}.",
                format_number(self.value),
                format_number(of),
                format_percent(share)
            ));
            let rest = of - self.value;
            if rest > 0.0 {
                out.push(format!(
                    "The other {} ({}) are not covered by the claim.",
                    format_number(rest),
                    format_percent(100.0 - share)
                ));
            } else if rest == 0.0 {
                out.push("That is all of them.".to_owned());
            }
        }
        if self.is_percent() {
            match self.change {
                Some(change) => out.extend(percent_change_consequences(self.value, change)),
                None if self.of.is_none() && self.value > 0.0 && self.value < 100.0 => {
                    let (num, den) = simple_fraction(self.value / 100.0);
                    out.push(format!("{}% is roughly {num} in {den}.", format_number(self.value)));
                }
                None => {}
            }
        }
        out
    }
}

/// "+25%" means the new level is 1.25 times the old, and a 20% fall would undo it.
fn percent_change_consequences(percent: f64, change: Change) -> Vec<String> {
    let factor = match change {
        Change::Increase => 1.0 + percent / 100.0,
        Change::Decrease => 1.0 - percent / 100.0,
    };
    let mut out = vec![format!("The new level is {}× the earlier one.", format_number(round_to(factor, 3)))];
    if factor > 0.0 {
        let undo = (1.0 / factor - 1.0).abs() * 100.0;
        let (verb, noun) = match change {
            Change::Increase => ("fall", "rise"),
            Change::Decrease => ("rise", "fall"),
        };
        out.push(format!("A later {} of {} would undo the {noun}.", verb, format_percent(undo)));
    }
    out
}

/// The simplest fraction n/d (d ≤ 10) closest to `x` in (0, 1).
fn simple_fraction(x: f64) -> (u32, u32) {
    let mut best = (1, 2);
    let mut best_err = f64::MAX;
    for den in 2..=10u32 {
        let num = (x * den as f64).round().max(1.0) as u32;
        let err = (x - num as f64 / den as f64).abs();
        if err + 1e-9 < best_err {
            best = (num, den);
            best_err = err;
        }
    }
    best
}

fn round_to(x: f64, decimals: i32) -> f64 {
    let p = 10f64.powi(decimals);
    (x * p).round() / p
}

/// A percentage with at most one decimal: 78.3%, 100%.
pub fn format_percent(p: f64) -> String {
    format!("{}%", format_number(round_to(p, 1)))
}

/// A number with thousands separators and no trailing zeros: 150,000; 1.14; 16.7.
pub fn format_number(x: f64) -> String {
    if !x.is_finite() {
        return "—".to_owned();
    }
    let rounded = round_to(x, 2);
    let negative = rounded < 0.0;
    let abs = rounded.abs();
    let whole = abs.trunc();
    let frac = ((abs - whole) * 100.0).round() as u64;
    let mut digits = format!("{whole:.0}");
    let mut grouped = String::new();
    while digits.len() > 3 {
        let tail = digits.split_off(digits.len() - 3);
        grouped = format!(",{tail}{grouped}");
    }
    let mut out = format!("{}{digits}{grouped}", if negative { "-" } else { "" });
    if frac > 0 {
        let decimals = format!("{frac:02}");
        out.push('.');
        out.push_str(decimals.trim_end_matches('0'));
    }
    out
}

/// An amount of money as a headline writes it ("$565 million", "CNY 3 million"), or `None` when
/// `unit` is not a currency: a comparison states a difference in money the way the figures read.
pub(crate) fn format_money(value: f64, unit: &str) -> Option<String> {
    let q = Quantity { value, unit: unit.to_owned(), of: None, change: None, qualifier: None };
    (q.currency_symbol().is_some() || q.is_currency_code()).then(|| q.amount())
}

/// Money reads best with scale words: 565 million, 1.14 billion.
fn format_scaled(x: f64) -> String {
    const SCALES: [(f64, &str); 3] = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")];
    for (size, word) in SCALES {
        if x.abs() >= size {
            return format!("{} {word}", format_number(x / size));
        }
    }
    format_number(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quantity(value: f64, unit: &str) -> Quantity {
        Quantity { value, unit: unit.into(), of: None, change: None, qualifier: None }
    }

    #[test]
    fn part_of_a_whole_shows_the_share() {
        let q = Quantity { of: Some(69.0), ..quantity(54.0, "cruise missiles") };
        assert_eq!(q.headline(), "54 of 69 (78.3%)");
        assert_eq!(q.noun(), Some("cruise missiles"));
        assert_eq!(
            q.consequences(),
            vec![
                "54 of 69 cruise missiles is 78.3%.".to_owned(),
                "The other 15 (21.7%) are not covered by the claim.".to_owned(),
            ]
        );
    }

    #[test]
    fn all_of_a_whole_is_one_hundred_percent() {
        let q = Quantity { of: Some(16.0), ..quantity(16.0, "drones") };
        assert_eq!(q.headline(), "16 of 16 (100%)");
        assert_eq!(q.consequences().last().map(String::as_str), Some("That is all of them."));
    }

    #[test]
    fn a_percentage_increase_reads_as_a_signed_figure() {
        let q = Quantity { change: Some(Change::Increase), ..quantity(25.0, "percent") };
        assert_eq!(q.headline(), "+25%");
        assert_eq!(q.noun(), None);
        assert_eq!(
            q.consequences(),
            vec![
                "The new level is 1.25× the earlier one.".to_owned(),
                "A later fall of 20% would undo the rise.".to_owned(),
            ]
        );
    }

    #[test]
    fn a_decrease_uses_a_real_minus_sign() {
        let q = Quantity { change: Some(Change::Decrease), ..quantity(16.7, "percent") };
        assert_eq!(q.headline(), "−16.7%");
        assert_eq!(q.consequences()[1], "A later rise of 20% would undo the fall.");
    }

    #[test]
    fn money_uses_symbols_and_scale_words() {
        assert_eq!(quantity(565_000_000.0, "USD").headline(), "$565 million");
        assert_eq!(quantity(1.14, "USD").headline(), "$1.14");
        assert_eq!(quantity(65e9, "AUD").headline(), "A$65 billion");
        assert_eq!(quantity(2e9, "EUR").headline(), "€2 billion");
        assert_eq!(quantity(3e6, "CNY").headline(), "CNY 3 million");
        assert_eq!(quantity(3e6, "CNY").noun(), None);
    }

    #[test]
    fn qualifiers_and_counts_read_naturally() {
        let q = Quantity { qualifier: Some(Qualifier::Over), ..quantity(150_000.0, "people") };
        assert_eq!(q.headline(), "over 150,000");
        let q = Quantity { qualifier: Some(Qualifier::AtLeast), ..quantity(111_481.0, "bodies") };
        assert_eq!(q.headline(), "at least 111,481");
    }

    #[test]
    fn plain_percentages_get_a_simple_fraction() {
        assert_eq!(quantity(25.0, "percent").consequences(), vec!["25% is roughly 1 in 4."]);
        assert_eq!(quantity(33.0, "percent").consequences(), vec!["33% is roughly 1 in 3."]);
    }

    #[test]
    fn numbers_are_grouped_and_trimmed() {
        assert_eq!(format_number(0.0), "0");
        assert_eq!(format_number(1_234_567.0), "1,234,567");
        assert_eq!(format_number(-1_500.5), "-1,500.5");
        assert_eq!(format_number(78.2608), "78.26");
        assert_eq!(format_number(f64::NAN), "—");
        assert_eq!(format_percent(78.2608), "78.3%");
    }

    #[test]
    fn enums_round_trip() {
        for &q in Qualifier::ALL {
            assert_eq!(Qualifier::parse(q.as_str()), Some(q));
        }
        assert_eq!(Change::parse("increase"), Some(Change::Increase));
        assert_eq!(Change::parse("up"), None);
    }
}

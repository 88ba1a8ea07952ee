//! What the extractor reports: the kind of a candidate and the figure it states. The application
//! keeps its own versions of these types (they carry database mappings) and converts from these.

use serde::Serialize;

/// A candidate is a direct quotation or a sentence stating a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Quote,
    Numeric,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Quote => "quote",
            Kind::Numeric => "numeric",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Quote => "Quote",
            Kind::Numeric => "Numeric",
        }
    }
}

/// Direction of a change ("increase by 25 percent", "fell 16.7 percent").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Increase,
    Decrease,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Increase => "increase",
            Change::Decrease => "decrease",
        }
    }
}

/// How exact the figure was said to be ("over 150,000", "about a quarter").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    About,
    Over,
    Under,
    AtLeast,
    AtMost,
    Nearly,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::About => "about",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::Nearly => "nearly",
        }
    }

    /// The words a reader sees before the number.
    pub fn words(self) -> &'static str {
        match self {
            Qualifier::AtLeast => "at least",
            Qualifier::AtMost => "at most",
            other => other.as_str(),
        }
    }
}

/// A figure: `value` `unit`, optionally "of" a whole, a change and a qualifier.
///
/// `unit` is `percent`, `percentage points`, an ISO 4217 currency code (`USD`) or the counted
/// noun (`drones`). `value` is finite and under 10^15; `unit` is 1 to 60 bytes; `of`, when
/// present, is above zero.
#[derive(Clone, Debug, PartialEq, Serialize)]
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

    fn is_currency(&self) -> bool {
        self.unit.len() == 3 && self.unit.bytes().all(|b| b.is_ascii_uppercase())
    }

    /// The counted noun ("cruise missiles"), if the unit is one.
    pub fn noun(&self) -> Option<&str> {
        (!self.unit.starts_with("percent") && !self.is_currency()).then_some(self.unit.as_str())
    }

    /// The figure for a listing: "54 of 69", "+25%", "about USD 565000000", "over 150000".
    pub fn headline(&self) -> String {
        let mut out = String::new();
        if let Some(q) = self.qualifier {
            out.push_str(q.words());
            out.push(' ');
        }
        match self.change {
            Some(Change::Increase) => out.push('+'),
            Some(Change::Decrease) => out.push('−'),
            None => {}
        }
        match self.unit.as_str() {
            "percent" => out.push_str(&format!("{}%", number(self.value))),
            "percentage points" => out.push_str(&format!("{} pp", number(self.value))),
            _ if self.is_currency() => out.push_str(&format!("{} {}", self.unit, scaled(self.value))),
            _ => out.push_str(&number(self.value)),
        }
        if let Some(of) = self.of {
            out.push_str(&format!(" of {}", number(of)));
        }
        out
    }
}

/// 1,234,567.89: thousands grouped, at most two decimals, no trailing zeros.
fn number(x: f64) -> String {
    let rounded = (x * 100.0).round() / 100.0;
    let whole = format!("{:.0}", rounded.abs().trunc());
    let mut grouped = String::new();
    for (k, c) in whole.chars().enumerate() {
        if k > 0 && (whole.len() - k) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let cents = ((rounded.abs().fract()) * 100.0).round() as u64;
    let sign = if rounded < 0.0 { "-" } else { "" };
    if cents == 0 {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{}", format!("{cents:02}").trim_end_matches('0'))
    }
}

/// Money reads with scale words: 565 million, 1.2 billion.
fn scaled(x: f64) -> String {
    for (size, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if x.abs() >= size {
            return format!("{} {word}", number(x / size));
        }
    }
    number(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_show_qualifier_change_unit_and_whole() {
        let q = Quantity {
            value: 25.0,
            unit: "percent".into(),
            of: None,
            change: Some(Change::Increase),
            qualifier: None,
        };
        assert_eq!(q.headline(), "+25%");
        assert_eq!(q.noun(), None);
        let q = Quantity {
            value: 54.0,
            unit: "drones".into(),
            of: Some(69.0),
            change: None,
            qualifier: Some(Qualifier::AtLeast),
        };
        assert_eq!(q.headline(), "at least 54 of 69");
        let q = Quantity { value: 1.2e9, unit: "USD".into(), of: None, change: None, qualifier: None };
        assert_eq!(q.headline(), "USD 1.2 billion");
        let q = Quantity { value: 150_000.5, unit: "people".into(), of: None, change: None, qualifier: None };
        assert_eq!(q.headline(), "150,000.5");
        assert_eq!(q.noun(), Some("people"));
    }
}

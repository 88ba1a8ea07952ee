//! What surrounds a figure: its qualifier ("more than") and its change ("rose by").

use super::lexicon::change_word;
use super::Figure;
use crate::quantity::{Change, Qualifier};
use crate::text::{Kind, Token};
use crate::words;

/// Nouns of change: "a 25 percent increase", "an increase of 5%".
const CHANGE_NOUNS: &[&str] = &[
    "increase",
    "rise",
    "jump",
    "gain",
    "growth",
    "hike",
    "surge",
    "boost",
    "decrease",
    "drop",
    "decline",
    "fall",
    "cut",
    "reduction",
    "dip",
    "slump",
    "plunge",
];

/// "more than", "at least", "about", "nearly", "under", "up to" just before the figure.
pub fn qualifier_before(tokens: &[Token<'_>], start: usize) -> Option<Qualifier> {
    let w = |k: usize| start.checked_sub(k).map(|p| tokens[p].lower()).unwrap_or_default();
    let (one, two, three) = (w(1), w(2), w(3));
    let pair = format!("{two} {one}");
    let triple = format!("{three} {two} {one}");
    Some(match () {
        _ if matches!(
            triple.as_str(),
            "in excess of" | "no fewer than" | "no less than" | "a minimum of"
        ) =>
        {
            if triple.starts_with("in") {
                Qualifier::Over
            } else {
                Qualifier::AtLeast
            }
        }
        _ if matches!(triple.as_str(), "no more than" | "as many as" | "a maximum of") => Qualifier::AtMost,
        _ if pair == "at least" => Qualifier::AtLeast,
        _ if matches!(pair.as_str(), "more than" | "upwards of") => Qualifier::Over,
        _ if matches!(pair.as_str(), "less than" | "fewer than" | "just under") => Qualifier::Under,
        _ if matches!(pair.as_str(), "up to" | "at most") => Qualifier::AtMost,
        _ if matches!(pair.as_str(), "close to" | "just over") => {
            if pair == "close to" {
                Qualifier::Nearly
            } else {
                Qualifier::Over
            }
        }
        _ if pair == "an estimated" => Qualifier::About,
        _ if matches!(one, "over" | "above" | "exceeding" | "exceeded" | "exceeds" | "topping") => {
            Qualifier::Over
        }
        _ if matches!(pair.as_str(), "better than") => Qualifier::Over,
        _ if matches!(
            one,
            "about" | "around" | "roughly" | "approximately" | "some" | "estimated" | "approx"
        ) =>
        {
            Qualifier::About
        }
        _ if matches!(one, "nearly" | "almost") => Qualifier::Nearly,
        _ if matches!(one, "under" | "below") => Qualifier::Under,
        _ if matches!(one, "between") => Qualifier::AtLeast,
        _ => return None,
    })
}

/// "increase by 25 percent", "fell 16.7 percent", "up 3%", "a 25 percent rise".
pub fn change_near(tokens: &[Token<'_>], start: usize, end: usize) -> Option<Change> {
    // "an increase of £363 billion", "a gain of 81,000" (but "earnings of 85 cents" is a level).
    if start >= 2 && tokens[start - 1].is("of") {
        let noun = tokens[start - 2].lower();
        if CHANGE_NOUNS.contains(&noun) {
            return change_word(noun);
        }
    }
    let mut k = start;
    let mut saw_by = false;
    // Skip a qualifier and "by": "rose by more than 5%".
    for _ in 0..5 {
        let Some(p) = k.checked_sub(1) else { break };
        let w = tokens[p].lower();
        if matches!(
            w,
            "by" | "more"
                | "than"
                | "nearly"
                | "almost"
                | "about"
                | "some"
                | "roughly"
                | "around"
                | "over"
                | "least"
                | "at"
                | "a"
                | "an"
                | "another"
                | "further"
                | "just"
                | "under"
                | "only"
                | "between"
                | "either"
        ) {
            saw_by |= w == "by";
            k = p;
            continue;
        }
        let particle = matches!(w, "up" | "down")
            && p.checked_sub(1).is_some_and(|pp| {
                let v = tokens[pp].lower();
                words::PHRASAL.contains(v)
            });
        // "raised $1.2bn from investors" is money raised, not a rise.
        let raised = matches!(w, "raised" | "raise" | "raises" | "raising");
        if let Some(c) = change_word(w).filter(|_| !particle && !raised) {
            // "rose to 5%" is a level, not a change; "rose by 5%" and "rose 5%" are changes.
            return Some(c);
        }
        // "cut its aid to cities by 12 percent": the verb may stand a few words before "by".
        if saw_by {
            let window = tokens[k.saturating_sub(6)..k].iter().rev().take_while(|t| t.kind == Kind::Word);
            if let Some(c) = window.filter_map(|t| change_word(t.lower())).next() {
                return Some(c);
            }
        }
        break;
    }
    // "a 25 percent increase", "a 3% fall in prices".
    tokens.get(end + 1).filter(|n| n.kind == Kind::Word).and_then(|n| {
        let w = n.lower();
        CHANGE_NOUNS.contains(&w).then(|| change_word(w)).flatten()
    })
}

/// "up 12% and 31% respectively", "fell by 747,000 in the EU28 and by 592,000": a figure joined
/// by "and" to a change of the same kind shares its direction. A level after "from" or "to" does
/// not ("decreased to 14.1% … down from 14.6%").
pub fn share_changes(tokens: &[Token<'_>], figures: &mut [Figure]) {
    for k in 1..figures.len() {
        let (before, after) = figures.split_at_mut(k);
        let (a, b) = (&before[k - 1], &mut after[0]);
        if b.quantity.change.is_some() || a.quantity.change.is_none() || b.start <= a.end {
            continue;
        }
        let between = &tokens[a.end + 1..b.start];
        let joined = between.len() <= 6 && between.iter().any(|t| t.is("and") || t.is("by"));
        let level = between.last().is_some_and(|t| t.is("from") || t.is("to"));
        let same_kind = (a.quantity.unit == "percent") == (b.quantity.unit == "percent");
        let quiet = between.iter().all(|t| change_word(t.lower()).is_none() && t.kind != Kind::Number);
        if joined && !level && same_kind && quiet {
            b.quantity.change = a.quantity.change;
        }
    }
}

//! Parts of a whole said across a sentence rather than as "54 of 69": "330,000 students and
//! staff, including 26,000 from partner countries" (26,000 of 330,000); "of the 40 papers
//! included, only eight provided evidence" (eight of 40); "for every 100 prisoners released we
//! were seeing 84 reconviction events" (84 of 100).

use super::lexicon::spelled;
use super::{digits_value, Figure};
use crate::quantity::Quantity;
use crate::text::{Kind, Token};

/// Units that are no wholes of counted things: sums and shares.
const MONEY_AND_SHARES: &[&str] = &["USD", "EUR", "GBP", "percent"];

/// Gives the figure after "including" (or "among them") the whole before it, when the part says
/// no noun of its own.
pub fn including(tokens: &[Token<'_>], figures: &mut [Figure]) {
    parts_after_wholes(tokens, figures, |between, whole, part| {
        let says_part = between.len() <= 4
            && (between.iter().any(|t| t.is("including"))
                || between.windows(2).any(|w| w[0].is("among") && w[1].is("them")));
        // Money and percentages are no wholes of counted things ("$30 million, including $12 million in fees").
        let money = MONEY_AND_SHARES.contains(&whole.quantity.unit.as_str());
        // Only a part without a noun of its own is of the whole's kind: "13,000 cases, including
        // 833 deaths" are two figures.
        says_part && !money && part.quantity.unit == super::UNSAID_UNIT
    });
}

/// "contracts worth €1.78 billion, out of which €908 million have been disbursed": the figure
/// right after "of which" is a part of the one before it, in its unit.
pub fn of_which(tokens: &[Token<'_>], figures: &mut [Figure]) {
    parts_after_wholes(tokens, figures, |between, whole, part| {
        let near = &between[between.len().saturating_sub(3)..];
        let said = between.len() <= 8 && near.windows(2).any(|w| w[0].is("of") && w[1].is("which"));
        said && (part.quantity.unit == whole.quantity.unit || part.quantity.unit == super::UNSAID_UNIT)
    });
}

/// Each figure a part of the one before it, smaller, when `is_part` says so from the words
/// between them: it takes the whole's value as its "of" and the whole's unit.
fn parts_after_wholes(
    tokens: &[Token<'_>],
    figures: &mut [Figure],
    is_part: impl Fn(&[Token<'_>], &Figure, &Figure) -> bool,
) {
    for k in 1..figures.len() {
        let (before, after) = figures.split_at_mut(k);
        let (whole, part) = (&before[k - 1], &mut after[0]);
        if part.quantity.of.is_some()
            || part.start <= whole.end
            || part.quantity.value >= whole.quantity.value
        {
            continue;
        }
        if is_part(&tokens[whole.end + 1..part.start], whole, part) {
            part.quantity.of = Some(whole.quantity.value);
            part.quantity.unit = whole.quantity.unit.clone();
        }
    }
}

/// "Of the 40 papers included, only eight provided…": the number after the comma is a part of
/// the whole the sentence opened with, in the whole's noun, found even when it has no noun of
/// its own.
pub fn of_the_whole(tokens: &[Token<'_>], figures: &mut Vec<Figure>) {
    let Some(k) = figures
        .iter()
        // ("Of the 40 papers", "Of these 57 projects", "Of the overall €3 billion budget": a
        // lower-case word or two may stand between the article and the whole.)
        .position(|f| {
            (0..=2).any(|a| {
                let det = f.start.checked_sub(1 + a).filter(|d| *d >= 1);
                det.is_some_and(|d| {
                    matches!(tokens[d].lower(), "the" | "these" | "those")
                        && tokens[d - 1].is("of")
                        && tokens[d + 1..f.start].iter().all(|t| t.is_lowercase_word())
                })
            })
        })
    else {
        return;
    };
    let whole = figures[k].clone();
    let Some(comma) =
        tokens.iter().skip(whole.end + 1).take(4).position(|t| t.punct(",")).map(|p| whole.end + 1 + p)
    else {
        return;
    };
    let mut at = comma + 1;
    while tokens.get(at).is_some_and(|t| matches!(t.lower(), "only" | "just" | "some" | "about" | "nearly")) {
        at += 1;
    }
    // ("Of the overall €3 billion budget, €2.9 billion has been allocated": a part in the
    // whole's own unit, found as a figure already.)
    let found = figures.iter_mut().find(|f| f.start == at && f.quantity.unit == whole.quantity.unit);
    if let Some(part) = found.filter(|f| f.quantity.value < whole.quantity.value && f.quantity.of.is_none()) {
        part.quantity.of = Some(whole.quantity.value);
        return;
    }
    // ("Of the overall €3 billion budget, 40 projects were funded": a sum is no whole of things
    // counted.)
    if MONEY_AND_SHARES.contains(&whole.quantity.unit.as_str()) {
        return;
    }
    let value = match tokens.get(at) {
        Some(t) if t.kind == Kind::Number => digits_value(t.text).map(|v| (v, at)),
        Some(_) => spelled(tokens, at),
        None => None,
    };
    let Some((value, end)) = value.filter(|(v, _)| *v < whole.quantity.value) else { return };
    if let Some(part) = figures.iter_mut().find(|f| f.start == at) {
        part.quantity.of = Some(whole.quantity.value);
        return;
    }
    let quantity = Quantity {
        value,
        unit: whole.quantity.unit.clone(),
        of: Some(whole.quantity.value),
        change: None,
        qualifier: None,
    };
    let at_index = figures.iter().position(|f| f.start > at).unwrap_or(figures.len());
    figures.insert(at_index, Figure { quantity, start: at, end });
}

/// "For every 100 prisoners released we were seeing 84 reconviction events": the figure after a
/// base "for every N" is its part of N, and the base is no claim of its own.
pub fn for_every(tokens: &[Token<'_>], figures: &mut Vec<Figure>) {
    let base = figures
        .iter()
        .position(|f| f.start >= 2 && tokens[f.start - 1].is("every") && tokens[f.start - 2].is("for"));
    // ("for every $40 spent on new roads, $60 in maintenance" is a ratio of sums, two figures.)
    let counted = |f: &Figure| !MONEY_AND_SHARES.contains(&f.quantity.unit.as_str());
    let Some(base) = base.filter(|b| {
        let part = figures.get(b + 1);
        counted(&figures[*b])
            && part.is_some_and(|p| p.quantity.of.is_none() && p.quantity.value <= figures[*b].quantity.value)
    }) else {
        return;
    };
    let whole = figures.remove(base);
    figures[base].quantity.of = Some(whole.quantity.value);
}

#[cfg(test)]
mod tests {
    use super::super::all;
    use crate::text::tokens;

    fn parts(sentence: &str) -> Vec<(f64, Option<f64>)> {
        all(&tokens(sentence, 0..sentence.len()))
            .into_iter()
            .map(|f| (f.quantity.value, f.quantity.of))
            .collect()
    }

    #[test]
    fn including_names_a_part_of_the_figure_before() {
        assert_eq!(
            parts("WHO reports 13,000 cases, including 833 deaths."),
            [(13_000.0, None), (833.0, None)]
        );
        assert_eq!(
            parts("It sent 330,000 students and staff, including 26,000 to and from partner countries."),
            [(330_000.0, None), (26_000.0, Some(330_000.0))]
        );
        assert_eq!(
            parts("It cost $30 million, including $12 million in fees."),
            [(30e6, None), (12e6, None)]
        );
    }

    #[test]
    fn of_the_whole_then_the_part() {
        assert_eq!(
            parts("The report explains that of the 40 papers included, only eight provided evidence."),
            [(40.0, None), (8.0, Some(40.0))]
        );
        assert_eq!(
            parts("Of the overall €3 billion budget, €2.9 billion has been allocated."),
            [(3e9, None), (2.9e9, Some(3e9))]
        );
    }

    #[test]
    fn of_which_names_a_part_of_the_figure_before() {
        assert_eq!(
            parts("Contracts worth €1.78 billion were signed, out of which €908 million have been paid."),
            [(1.78e9, None), (908e6, Some(1.78e9))]
        );
        assert_eq!(
            parts("It cost $30 million, including $12 million in fees."),
            [(30e6, None), (12e6, None)]
        );
    }
}

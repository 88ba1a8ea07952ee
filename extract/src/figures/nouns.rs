//! What a figure counts: the noun after it ("4 million phones", "32,695 new homes", "2.3 million
//! of them"), a compound noun, a plural said without its noun ("fell by 747,000", "killing 6",
//! "another 300 will follow"), and the plural a noun is written in.

use super::context::qualifier_before;
use super::UNSAID_UNIT;
use crate::text::{Kind, Token};
use crate::words;

/// Whether the number at `i` is the other side of a comparison: "compared with (just) 600,000",
/// "against 900", "versus 4.8".
pub(super) fn compared_with(tokens: &[Token<'_>], i: usize) -> bool {
    let mut k = i;
    while k > 0 && words::HEDGES.contains(tokens[k - 1].lower()) {
        k -= 1;
    }
    let before = |back: usize| k.checked_sub(back).map(|b| tokens[b].lower());
    let compared = matches!(before(1), Some("with" | "to")) && before(2) == Some("compared");
    compared || matches!(before(1), Some("against" | "versus" | "vs"))
}

/// Whether a time follows from token `k` to the phrase's end: "eight years ago", "a year
/// earlier", "on Sunday", "in 2010", "last year".
pub(super) fn time_follows(tokens: &[Token<'_>], k: usize) -> bool {
    let time = |t: &Token<'_>| {
        let w = t.lower();
        words::is_when(w) || matches!(w, "ago" | "earlier" | "before" | "year" | "years" | "decade")
    };
    let phrase: Vec<&Token<'_>> =
        tokens[k.min(tokens.len())..].iter().take_while(|t| t.kind != Kind::Punct).collect();
    !phrase.is_empty() && phrase.len() <= 4 && phrase.iter().any(|t| time(t))
}

/// A figure with no counted noun is kept only when it is plainly an amount: signed, scaled
/// ("2.3 million of them"), a part of a whole, grouped in thousands ("380,000 affected"), or the
/// size of a change ("fell by 747,000"); its unit is then `UNSAID_UNIT`.
pub(super) fn unsaid_unit(tokens: &[Token<'_>], i: usize, end: usize, strong: bool) -> Option<String> {
    let t = &tokens[i];
    let grouped = t.text.contains(',') && !t.text.contains('.');
    // "fell by 747,000"; "risen to 94, up from 61".
    let by = i > 0 && tokens[i - 1].is("by")
        || i > 1 && tokens[i - 1].is("from") && (tokens[i - 2].is("up") || tokens[i - 2].is("down"));
    // "compared with just 600,000 eight years ago", "against 900 on Sunday": the other side of a
    // comparison.
    let compared = compared_with(tokens, i);
    let next = tokens.get(end + 1);
    // "the DAX 40 fell": a number after a capitalised word and before a verb is part of a name
    // (not after a qualifier set in capitals after a transcript's label: "KIRBY: About 300 more").
    let after_name = i > 1
        && tokens[i - 1].is_capitalized()
        && !tokens[i - 1].is("By")
        && qualifier_before(tokens, i).is_none()
        && !is_another(&tokens[i - 1]);
    // "380,000 affected", "2,000 displaced"; "21 missing", "5 dead".
    let state = next.is_some_and(|n| {
        matches!(n.lower(), "missing" | "dead" | "homeless" | "unaccounted" | "hospitalised" | "hospitalized")
    });
    let participle = state || next.is_some_and(|n| n.is_lowercase_word() && n.text.ends_with("ed"));
    // "killed 107 people and 238 injured", "38 dead and 21 missing": a count listed after
    // another, its noun left out.
    let listed = participle
        && i > 1
        && (tokens[i - 1].is("and") || tokens[i - 1].punct(","))
        && tokens[..i - 1].iter().any(|t| t.kind == Kind::Number);
    // ("the death toll reached at least 85 Sunday": a day after the count ends it.)
    let day_after = next.is_some_and(|n| words::WEEKDAYS.contains(n.lower()));
    let ends_phrase = participle
        || day_after
        || next.is_none_or(|n| n.kind == Kind::Punct || words::NOT_NOUNS.contains(n.lower()))
        || compared && time_follows(tokens, end + 1);
    // "the death toll climbed to 94", "the latest figure is 446", "a total of 12"; "brought to
    // 12 the number of people killed".
    let tally_word = |t: &Token<'_>| words::TALLY_WORDS.contains(t.lower());
    // (Only after "to": "On page 12 the figure shows" is no count.)
    let tally_after = i > 0
        && tokens[i - 1].is("to")
        && next.is_some_and(|n| n.is("the"))
        && tokens.get(end + 2).is_some_and(tally_word);
    let tally = tokens[i.saturating_sub(6)..i].iter().any(tally_word) || tally_after;
    // "at least 40 injured".
    let qualified = (participle || day_after || next.is_none_or(|n| n.kind == Kind::Punct))
        && qualifier_before(tokens, i).is_some();
    // "20 others were injured"; "killed 107 and injured 238"; "another 300 will follow".
    let others = next.is_some_and(|n| n.is("others") || n.is("more")) || i > 0 && is_another(&tokens[i - 1]);
    let toll = in_toll(tokens, i, end);
    ((strong || grouped || by || compared || tally || qualified || others || toll || listed || state)
        && ends_phrase
        && !after_name)
        .then(|| UNSAID_UNIT.to_owned())
}

/// "another", "a further", "an additional": more of what was counted before, its noun unsaid.
pub(super) fn is_another(word: &Token<'_>) -> bool {
    words::MORE_OF_A_COUNT.contains(word.lower())
}

/// Whether the number at `i..=end` counts casualties, its noun unsaid: "killing 6", "wounding
/// 40", "5 dead", "12 injured", "117 were also reportedly injured".
pub(super) fn in_toll(tokens: &[Token<'_>], i: usize, end: usize) -> bool {
    let toll = |t: &Token<'_>| t.is_lowercase_word() && words::TOLL_WORDS.contains(t.lower());
    let before = i > 0 && toll(&tokens[i - 1]);
    let after = tokens.get(end + 1).is_some_and(toll);
    let be = tokens
        .get(end + 1)
        .is_some_and(|t| matches!(t.lower(), "were" | "was" | "are" | "is" | "have" | "had" | "remain"));
    let passive = be && tokens.iter().skip(end + 2).take(3).any(toll);
    before || after || passive
}

/// "a 131-page document", "an 11-year lull": the noun glued to the number, as a plural.
pub(super) fn compound_noun(tokens: &[Token<'_>], end: usize) -> Option<(String, usize)> {
    let (dash, word) = (tokens.get(end + 1)?, tokens.get(end + 2)?);
    let glued = dash.punct("-") && dash.joined && word.joined && word.is_lowercase_word();
    let lower = word.lower();
    // "a 45-year-old" is an age; "10-15" a range, read before.
    if !glued || lower.contains('-') || matches!(lower, "old" | "plus" | "odd" | "something") {
        return None;
    }
    // "a 70-percent likelihood": a share, not a count of percents.
    if matches!(lower, "percent" | "pct") {
        return Some(("percent".to_owned(), end + 2));
    }
    Some((plural(lower), end + 2))
}

/// "page" → "pages", "year" → "years", "century" → "centuries".
pub fn plural(noun: &str) -> String {
    if looks_plural(noun) {
        noun.to_owned()
    } else if let Some(stem) = noun.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u'])) {
        format!("{stem}ies")
    } else if noun.ends_with(['s', 'x']) || noun.ends_with("ch") || noun.ends_with("sh") {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

/// "37 of Scotland's most vulnerable species": what the number counts, named after "of".
pub(super) fn noun_after_of(tokens: &[Token<'_>], end: usize) -> Option<String> {
    if !tokens.get(end + 1)?.is("of") {
        return None;
    }
    let phrase = tokens[end + 2..].iter().take(5).take_while(|t| t.kind == Kind::Word);
    let noun = phrase
        .filter(|t| t.is_lowercase_word())
        .map(|t| t.lower().to_owned())
        .find(|w| looks_plural(w) && !words::NOT_NOUNS.contains(w.as_str()));
    noun
}

/// The counted noun after a figure: "150,000 people", "16 cruise missiles", "eight years",
/// "725,000 Europeans", "28,000 Andy Warhol photographs" (the names before a noun are skipped).
pub(super) fn counted_noun(tokens: &[Token<'_>], from: usize) -> Option<(String, usize)> {
    let mut from = from;
    let first = tokens.get(from)?;
    // "two others were hanged": people already named, counted.
    if first.is("others") {
        return Some(("others".to_owned(), from));
    }
    if let Some(people) = people_of_a_nationality(tokens, from) {
        return Some(people);
    }
    // ("3,000 newly arrived Congolese refugees": an adverb and a participle before the noun.)
    let adverb = |t: &Token<'_>| t.is_lowercase_word() && t.text.len() > 4 && t.text.ends_with("ly");
    let participle = |t: &Token<'_>| t.is_lowercase_word() && t.text.ends_with("ed");
    if adverb(first) && tokens.get(from + 1).is_some_and(participle) && tokens.get(from + 2).is_some() {
        if let Some(noun) = counted_noun(tokens, from + 2) {
            return Some(noun);
        }
    }
    let first = &tokens[from];
    if first.is_capitalized() && !looks_plural(first.lower()) {
        match noun_after_names(tokens, from)? {
            Ok(skip) => from += skip,
            Err(noun) => return Some(noun),
        }
    }
    let mut words = Vec::new();
    let mut end = from;
    // "1,200 former Ford workers": an adjective and a name before the plural noun.
    let ahead = tokens[from..].iter().take(4).position(|t| t.is_lowercase_word() && looks_plural(t.lower()));
    let names_between = ahead
        .is_some_and(|a| a > 0 && tokens[from + 1..from + a].iter().all(|t| t.is_capitalized()))
        && tokens[from].is_lowercase_word()
        && !looks_plural(tokens[from].lower())
        && !words::NOT_NOUNS.contains(tokens[from].lower());
    if let Some(a) = ahead.filter(|_| names_between) {
        return Some((tokens[from + a].lower().to_owned(), from + a));
    }
    // "189 other educational galleries", "200 more": words that stand before a noun, not one.
    // "the five most promising therapeutics".
    const BEFORE_NOUN: &[&str] = &["other", "more", "most", "additional", "further", "extra", "new"];
    let before_noun = tokens[from..].iter().take(2).take_while(|t| BEFORE_NOUN.contains(&t.lower())).count();
    let from = from + before_noun;
    for (k, t) in tokens.iter().enumerate().skip(from).take(3) {
        let lower = t.lower();
        // ("five junior Soldiers": a plural noun capitalised as military texts do is still one.)
        let name = t.is_capitalized() && k > from && !looks_plural(lower);
        if t.kind != Kind::Word || words::NOT_NOUNS.contains(lower) || name {
            break;
        }
        let plural = looks_plural(lower);
        words.push(lower);
        end = k;
        // A plural noun ends the phrase: "16 cruise missiles were…", "150,000 people fled".
        if plural {
            break;
        }
    }
    // Without a plural head, only the first word: "a 10-year deal" counts years, not deals.
    if !words.last().is_some_and(|w| looks_plural(w)) && words.len() > 1 {
        words.truncate(1);
        end = from;
    }
    // "a 25-year-old" and "6-month-old" are ages.
    if words.first().is_some_and(|w| w.ends_with("-old")) {
        return None;
    }
    let last = words.last()?;
    if last.ends_with("ly")
        || last.ends_with("ing") && words.len() == 1
        || last.ends_with("ed") && words.len() == 1
    {
        return None;
    }
    Some((words.join(" "), end))
}

/// "32,000 South Sudanese have fled": a nationality in "-ese" (or "Swiss") is its people, counted,
/// when no noun follows it ("32,000 Sudanese refugees" counts refugees).
fn people_of_a_nationality(tokens: &[Token<'_>], from: usize) -> Option<(String, usize)> {
    let last = (from..tokens.len().min(from + 2)).take_while(|k| tokens[*k].is_capitalized()).last()?;
    let lower = tokens[last].lower();
    let invariant = (lower.ends_with("ese") || words::INVARIANT_PEOPLES.contains(lower))
        && words::NATIONALITIES.contains(lower);
    // ("5 Japanese car makers", "1,000 Japanese yen": a noun after it is what is counted.)
    // ("32,000 Sudanese in Chad", "300 Swiss living abroad": no noun, the people.)
    let plural_at =
        |k: usize| tokens.get(k).is_some_and(|n| n.is_lowercase_word() && looks_plural(n.lower()));
    let currency = tokens.get(last + 1).is_some_and(|n| super::lexicon::currency_word(n.text).is_some());
    let noun_follows = plural_at(last + 1)
        || currency
        || tokens.get(last + 1).is_some_and(|n| n.is_lowercase_word()) && plural_at(last + 2);
    let run: Vec<String> = tokens[from..=last].iter().map(|t| t.lower().to_owned()).collect();
    (invariant && !noun_follows).then(|| (run.join(" "), last))
}

/// Names before a counted noun: up to three capitalised words (and an abbreviation's full stop,
/// "U.S."). `Ok(n)`: skip n tokens to a lower-case plural; `Err(noun)`: the noun is a word and a
/// plural after them ("three U.S. crew members") or the capitalised plural itself ("25 Member
/// States"); `None`: no counted noun.
pub(super) fn noun_after_names(tokens: &[Token<'_>], from: usize) -> Option<Result<usize, (String, usize)>> {
    let name = |t: &Token<'_>| t.is_capitalized() || t.punct(".") && t.joined;
    let mut skip = tokens[from..].iter().take(4).take_while(|t| name(t)).count();
    // A full stop after the last name word ends the sentence: "from 25 Member States."
    if skip > 1
        && tokens[from + skip - 1].punct(".")
        && !tokens.get(from + skip).is_some_and(|t| t.is_lowercase_word())
    {
        skip -= 1;
    }
    let plural_at =
        |k: usize| tokens.get(k).is_some_and(|n| n.is_lowercase_word() && looks_plural(n.lower()));
    let lower_at = |k: usize| {
        tokens.get(k).is_some_and(|n| n.is_lowercase_word() && !words::NOT_NOUNS.contains(n.lower()))
    };
    if plural_at(from + skip) {
        return Some(Ok(skip));
    }
    if lower_at(from + skip) && plural_at(from + skip + 1) {
        let noun = format!("{} {}", tokens[from + skip].lower(), tokens[from + skip + 1].lower());
        return Some(Err((noun, from + skip + 1)));
    }
    let last = from + skip.checked_sub(1)?;
    let run: Vec<String> =
        tokens[from..=last].iter().filter(|t| t.kind == Kind::Word).map(|t| t.lower().to_owned()).collect();
    (skip >= 2 && looks_plural(tokens[last].lower())).then(|| Err((run.join(" "), last)))
}

pub(super) fn looks_plural(word: &str) -> bool {
    // ("foremen", "gunmen", "policewomen" — not "specimen", "abdomen", "stamen" or "acumen".)
    let singular =
        ["imen", "omen", "amen", "umen"].iter().any(|s| word.ends_with(s)) && !word.ends_with("women");
    let men = word.len() > 4 && word.ends_with("men") && !singular;
    words::IRREGULAR_PLURALS.contains(word)
        || men
        || word.len() > 3 && word.ends_with('s') && !word.ends_with("ss")
}

use super::*;
use crate::model::Quantity;

fn quote(text: &str) -> Known {
    Known { kind: ClaimKind::Quote, text: text.to_owned(), quantity: None, said_on: None }
}

fn numeric(text: &str, value: f64, unit: &str) -> Known {
    Known {
        kind: ClaimKind::Numeric,
        text: text.to_owned(),
        quantity: Some(Quantity { value, unit: unit.to_owned(), of: None, change: None, qualifier: None }),
        said_on: None,
    }
}

fn probe_of(known: &Known) -> Probe {
    Probe {
        kind: known.kind,
        text: known.text.clone(),
        quantity: known.quantity.clone(),
        said_on: known.said_on,
    }
}

/// Every word equally rare: the scores then depend on the words alone.
fn scored(probe: &Known, known: &Known) -> f64 {
    let probe = probe_of(probe);
    let reading = read(&probe.text);
    score(&probe, &reading, &Weights::default(), known)
}

#[test]
fn reading_keeps_the_words_that_carry_meaning_folded() {
    let r = read("The floods killed 62 people in Sudan's capital, officials said.");
    assert_eq!(r.words, ["flood", "kill", "62", "peopl", "sudan", "capital", "official"]);
    assert_eq!(r.numbers, [62.0]);
    assert!(!r.negated);
    assert_eq!(r.written[0], "floods");
}

#[test]
fn numbers_are_read_as_values_with_their_scale_and_percent_as_a_word() {
    let r = read("2.3 million people, 250,000 homes and 12% of schools, up 4 per cent");
    assert_eq!(r.numbers, [2_300_000.0, 250_000.0, 12.0, 4.0]);
    assert!(r.words.contains(&"2300000".to_owned()));
    assert!(r.words.contains(&"percent".to_owned()));
    assert!(!r.words.contains(&"cent".to_owned()));
}

#[test]
fn negations_are_noticed_not_kept_as_words() {
    assert!(read("We will not be rushed").negated);
    assert!(read("They didn't pay").negated);
    assert!(!read("We will be rushed").negated);
}

#[test]
fn folding_makes_plurals_and_endings_meet() {
    assert_eq!(fold("deaths"), fold("death"));
    assert_eq!(fold("countries"), "country");
    assert_eq!(fold("rising"), fold("rises"));
    assert_eq!(fold("crisis"), "crisis");
    assert_eq!(fold("virus"), "virus");
    assert_eq!(fold("sudan's"), "sudan");
}

#[test]
fn index_forms_cover_the_written_word_and_both_numbers() {
    assert_eq!(index_forms("death", "deaths"), ["deaths", "death", "deathe", "deathes"]);
    let rises = index_forms(&fold("rises"), "rises");
    assert!(rises.contains(&"rise".to_owned()) && rises.contains(&"ris".to_owned()));
    assert!(index_forms("country", "country").contains(&"countries".to_owned()));
}

#[test]
fn the_same_words_score_one_and_nothing_shared_scores_zero() {
    let a = quote("We will not be rushed into a bad deal");
    assert!((scored(&a, &a) - 1.0).abs() < 1e-9);
    assert_eq!(scored(&a, &quote("Inflation eased in March")), 0.0);
}

#[test]
fn a_quote_cut_shorter_still_scores_as_a_repeat() {
    let full =
        quote("Our hospitals are overwhelmed and we need international help to contain the measles outbreak");
    let cut = quote("our hospitals are overwhelmed");
    assert!(scored(&cut, &full) >= SUGGEST_FROM, "{}", scored(&cut, &full));
}

#[test]
fn saying_the_opposite_is_another_claim() {
    let said = quote("The vaccine is safe for children");
    let denied = quote("The vaccine is not safe for children");
    assert!(scored(&denied, &said) < SUGGEST_FROM, "{}", scored(&denied, &said));
}

#[test]
fn another_figure_for_the_same_thing_is_another_claim() {
    let earlier = numeric("The floods have killed 62 people in Sudan", 62.0, "people");
    let later = numeric("The floods have killed 78 people in Sudan", 78.0, "people");
    assert!(scored(&later, &earlier) < SUGGEST_FROM, "{}", scored(&later, &earlier));
}

#[test]
fn the_same_figure_in_other_words_is_a_repeat() {
    let earlier = numeric("Floods in Sudan have killed 62 people", 62.0, "people");
    let later = numeric("The death toll from Sudan's floods stood at 62 people", 62.0, "people");
    let plain = scored(&quote(&later.text), &quote(&earlier.text));
    let with_figure = scored(&later, &earlier);
    assert!(with_figure > plain, "{with_figure} vs {plain}");
}

#[test]
fn figures_compare_within_rounding_and_units_by_meaning() {
    assert!(same_value(2_300_000.0, 2_300_000.0));
    assert!(same_value(33.3, 33.33));
    assert!(!same_value(62.0, 78.0));
    assert!(same_unit("percent", "%"));
    assert!(same_unit("People", "people"));
    assert!(same_unit("tonnes", "tonne"));
    assert!(!same_unit("dollars", "euros"));
}

#[test]
fn rare_words_count_for_more_than_common_ones() {
    let probe = Probe {
        kind: ClaimKind::Quote,
        text: "measles outbreak in Samoa people".into(),
        quantity: None,
        said_on: None,
    };
    let reading = read(&probe.text);
    let counts = vec![
        (fold("measles"), 3),
        ("outbreak".to_owned(), 40),
        ("samoa".to_owned(), 2),
        ("people".to_owned(), 900),
    ];
    let weights = Weights::from_counts(&counts, 1000);
    let rare = score(&probe, &reading, &weights, &quote("Samoa measles"));
    let common = score(&probe, &reading, &weights, &quote("people outbreak"));
    assert!(rare > common, "{rare} vs {common}");
}

#[test]
fn lookups_skip_numbers_and_take_the_longest_words_first() {
    let words = lookup_words(&read("62 people died in catastrophic floods"));
    let folded: Vec<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
    assert_eq!(folded, ["catastrophic", "peopl", "flood", "died"]);
}

#[test]
fn other_months_or_years_make_another_claim() {
    let july = quote("This is the lowest rate recorded in the euro area since July 2008");
    let may = quote("This is the lowest rate recorded in the euro area since May 2008");
    assert!(scored(&july, &may) < SUGGEST_FROM, "{}", scored(&july, &may));
    let r = read("since July 2008, not 62");
    assert_eq!(r.periods, ["july", "2008"]);
    assert_eq!(r.numbers, [62.0]);
}

#[test]
fn a_period_counted_from_the_day_said_on_another_day_is_another_period() {
    let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2015, 8, d);
    let august = Known {
        said_on: day(19),
        ..numeric("Food prices rose 1.6 percent over the last 12 months", 1.6, "percent")
    };
    let september = Known { said_on: day(19).map(|d| d + chrono::Days::new(28)), ..august.clone() };
    let same_day = Known { said_on: day(20), ..august.clone() };
    assert!(scored(&september, &august) < SUGGEST_FROM, "{}", scored(&september, &august));
    assert!(scored(&same_day, &august) > 0.99);
    // Without such a period, a claim said again months later is the same claim.
    let quote_later =
        Known { said_on: day(19).map(|d| d + chrono::Days::new(90)), ..quote("We will not be rushed") };
    assert!(scored(&quote_later, &quote("We will not be rushed")) > 0.99);
}

#[test]
fn distinctive_figures_count_for_more() {
    assert_eq!(distinctiveness(0.1), 0.0);
    assert_eq!(distinctiveness(2.0), 0.0);
    assert_eq!(distinctiveness(6.7), 0.5);
    assert_eq!(distinctiveness(140_000.0), 0.5);
    assert_eq!(distinctiveness(245_000.0), 1.0);
    assert_eq!(distinctiveness(20_800_000.0), 1.0);
}

#[test]
fn a_month_far_from_the_other_claims_day_is_another_claim() {
    let day = chrono::NaiveDate::from_ymd_opt(2020, 9, 4);
    let august_release = Known {
        said_on: day,
        ..quote("Notable job gains occurred in retail trade and in leisure and hospitality")
    };
    let october = Known {
        said_on: day,
        ..quote("In October, notable job gains occurred in retail trade and in leisure and hospitality")
    };
    let august = Known {
        said_on: day,
        ..quote("In August, notable job gains occurred in retail trade and in leisure and hospitality")
    };
    assert!(scored(&october, &august_release) < scored(&august, &august_release));
    assert!(scored(&august, &august_release) >= SUGGEST_FROM);
}

//! Figures said in words and written forms that the eighth and ninth rounds' fresh batches showed missing.

use super::tests::figure;
use super::*;
use crate::text::tokens;

fn q(sentence: &str) -> Option<Quantity> {
    let q = first_quantity(&tokens(sentence, 0..sentence.len()));
    q.map(|q| Quantity { change: None, qualifier: None, ..q })
}

#[test]
fn one_and_zero_percent_count() {
    assert_eq!(q("The median wage declined by over one percent."), Some(figure(1.0, "percent", None)));
    assert_eq!(q("Wage growth slowed to nearly zero percent."), Some(figure(0.0, "percent", None)));
    // A lone "one" is still no number.
    assert_eq!(q("One of them spoke."), None);
}

#[test]
fn times_said_in_words() {
    assert_eq!(q("Wages are about three times higher there."), Some(figure(3.0, "times", None)));
    assert_eq!(q("He was accused two times of corruption."), Some(figure(2.0, "times", None)));
    assert_eq!(q("They were twice denied visas."), None);
}

#[test]
fn a_part_of_a_whole_left_uncounted() {
    assert_eq!(q("Six of the festivals received support."), Some(figure(6.0, "festivals", None)));
    assert_eq!(q("Seventeen of the counts are capital offenses."), Some(figure(17.0, "counts", None)));
}

#[test]
fn half_without_of_is_a_share() {
    assert_eq!(q("Only half the trains can travel fast."), Some(figure(50.0, "percent", None)));
    assert_eq!(q("The first half the season was poor."), None);
}

#[test]
fn a_scale_joined_to_its_number_and_plurals_in_men() {
    assert_eq!(q("Five-thousand more came daily."), Some(figure(5000.0, "count", None)));
    assert_eq!(q("Five foremen were arrested."), Some(figure(5.0, "foremen", None)));
}

#[test]
fn a_figure_after_for_every_n_is_its_part_of_n() {
    let text = "Before the pilot, for every 100 prisoners released we were seeing 84 reconviction events.";
    assert_eq!(q(text), Some(figure(84.0, "events", Some(100.0))));
}

#[test]
fn halves_and_quarters_said_other_ways() {
    assert_eq!(
        q("It affected almost a half million acres of crops."),
        Some(figure(500_000.0, "acres", None))
    );
    assert_eq!(q("It could cut troops by one quarter."), Some(figure(25.0, "percent", None)));
}

#[test]
fn counts_of_others_of_owners_and_of_capitalised_plurals() {
    assert_eq!(q("Two others were hanged in Karachi."), Some(figure(2.0, "others", None)));
    assert_eq!(q("Many of Apple's 42 stores there have closed."), Some(figure(42.0, "stores", None)));
    assert_eq!(q("Around him are five junior Soldiers."), Some(figure(5.0, "junior soldiers", None)));
    // A name's number is still no count: "the DAX 40 fell".
    assert_eq!(q("Shares in the DAX 40 fell."), None);
}

#[test]
fn parts_said_as_a_count_of_thirds_and_a_year_is_no_whole() {
    let two_thirds =
        q("It had counted more than two thirds of the ballots.").map(|f| (f.value.round(), f.unit));
    assert_eq!(two_thirds, Some((67.0, "percent".to_owned())));
    let low = q("The rate was up from the record low of 1.44 in 2004.");
    assert_ne!(low.and_then(|f| f.of), Some(2004.0));
}

#[test]
fn one_out_of_every_ten() {
    assert_eq!(
        q("In the capital, one out of every 10 inhabitants died."),
        Some(figure(1.0, "inhabitants", Some(10.0)))
    );
}

#[test]
fn policewomen_are_a_plural_as_policemen_are() {
    assert_eq!(q("Five policewomen were injured."), Some(figure(5.0, "policewomen", None)));
    assert_eq!(q("Five policemen were injured."), Some(figure(5.0, "policemen", None)));
}

fn all_of(sentence: &str) -> Vec<(f64, String)> {
    all(&tokens(sentence, 0..sentence.len()))
        .into_iter()
        .map(|f| (f.quantity.value, f.quantity.unit))
        .collect()
}

#[test]
fn dozens_multiply_the_number_before_them_and_alone_are_vague() {
    assert_eq!(
        all_of("Two dozen people were hurt and a dozen cars burned."),
        [(24.0, "people".to_owned()), (12.0, "cars".to_owned())]
    );
    assert_eq!(
        q("At least two dozen smaller aftershocks have struck."),
        Some(figure(24.0, "aftershocks", None))
    );
    assert_eq!(
        q("We look back at the two dozen-plus original reports of the year."),
        Some(figure(24.0, "reports", None))
    );
    assert_eq!(q("The attacks have claimed several dozen civilians."), None);
    assert_eq!(q("A few dozen soldiers were hurt."), None);
}

#[test]
fn mixed_fractions_and_fraction_glyphs_join_their_whole_number() {
    assert_eq!(
        q("Borrowing is set to fall by 3 1/2% of national income."),
        Some(figure(3.5, "percent", None))
    );
    assert_eq!(q("Growth will be 2 ½ per cent next year."), Some(figure(2.5, "percent", None)));
    assert_eq!(q("They were sentenced to 2½ years in prison."), Some(figure(2.5, "years", None)));
    // "24/7" and "9/11" are no figures; the numbers around them still are.
    assert_eq!(all_of("The 24/7 line took 300 calls."), [(300.0, "calls".to_owned())]);
    assert_eq!(all_of("On 9/11 some 2,977 people died."), [(2977.0, "people".to_owned())]);
}

#[test]
fn a_range_hyphenated_with_to() {
    assert_eq!(
        all_of("He said 10-to-15 people are alive."),
        [(10.0, "people".to_owned()), (15.0, "people".to_owned())]
    );
}

#[test]
fn a_number_word_capitalised_inside_a_name_is_no_figure() {
    assert_eq!(q("Barriers fall with the Four Presidencies initiative insisting on a new test."), None);
    assert_eq!(q("The Big Four banks lost money."), None);
    // Opening a sentence or a quotation, it counts.
    assert_eq!(q("Three people died."), Some(figure(3.0, "people", None)));
    assert_eq!(q("He said: Three people died."), Some(figure(3.0, "people", None)));
}

#[test]
fn what_the_ninth_rounds_review_found_in_figures() {
    // A fraction keeps the scale after it.
    assert_eq!(q("About 3 1/2 million people were affected."), Some(figure(3_500_000.0, "people", None)));
    assert_eq!(q("About 2½ million people were affected."), Some(figure(2_500_000.0, "people", None)));
    assert_eq!(q("The deal is worth $1 1/2 billion."), Some(figure(1_500_000_000.0, "USD", None)));
    // A capitalised number word after a mark is a figure.
    assert_eq!(q("He said: \u{2018}Three Britons were killed.\u{2019}"), Some(figure(3.0, "britons", None)));
    assert_eq!(
        q("The survivors (Two Americans and a Briton) were flown home."),
        Some(figure(2.0, "americans", None))
    );
}

#[test]
fn numbers_as_broadcast_scripts_spell_them() {
    assert_eq!(q("Production has grown by about two-hundred percent."), Some(figure(200.0, "percent", None)));
    assert_eq!(
        q("Prices hurt about twenty-five-million coffee growers."),
        Some(figure(25e6, "growers", None))
    );
    assert_eq!(q("The company lost three-hundred-fifty-million dollars."), Some(figure(350e6, "USD", None)));
    assert_eq!(q("About one-point-five million people fled."), Some(figure(1.5e6, "people", None)));
    assert_eq!(q("Prices rose seven-tenths of one percent."), Some(figure(0.7, "percent", None)));
    assert_eq!(
        q("The fund has two billion, four hundred million dollars."),
        Some(figure(2.4e9, "USD", None))
    );
    // Years said in words are when, not how many.
    assert_eq!(q("The war lasted from nineteen ninety-one to two thousand two."), None);
    assert_eq!(q("Production has grown since nineteen-fifty."), None);
    assert_eq!(q("He was born in eighteen sixty-five."), None);
    // A round number after "to" is still a count.
    assert_eq!(q("The staff grew to two thousand workers."), Some(figure(2000.0, "workers", None)));
}

#[test]
fn one_of_a_whole_with_its_noun_before_in() {
    assert_eq!(
        q("Nearly one young person in every six is unemployed."),
        Some(figure(1.0, "young person", Some(6.0)))
    );
    assert_eq!(q("One adult in 10 smokes."), Some(figure(1.0, "adult", Some(10.0))));
    assert_eq!(q("One person in the crowd was hurt."), None);
}

#[test]
fn a_part_of_a_whole_said_in_more_ways() {
    assert_eq!(q("Only two of five submarines work."), Some(figure(2.0, "submarines", Some(5.0))));
    assert_eq!(q("4 out of every 5 jobs are outside Dublin."), Some(figure(4.0, "jobs", Some(5.0))));
    assert_eq!(q("Employment rose for 10 of the past 12 months."), Some(figure(10.0, "months", Some(12.0))));
    assert_eq!(q("It stood there in five of the last six months."), Some(figure(5.0, "months", Some(6.0))));
    assert_eq!(q("Just 45 pupils out of 80,000 made it."), Some(figure(45.0, "pupils", Some(80000.0))));
    // A place is no whole.
    assert_eq!(q("5 stores in 20 countries opened."), Some(figure(5.0, "stores", None)));
}

#[test]
fn scales_joined_by_hyphens() {
    assert_eq!(q("They launched a 231-million-dollar effort."), Some(figure(231e6, "USD", None)));
    assert_eq!(q("They set up a 10-million-pound fund."), Some(figure(10e6, "GBP", None)));
    assert_eq!(q("With a quarter-million people killed."), Some(figure(250_000.0, "people", None)));
}

#[test]
fn the_other_side_of_a_comparison_is_a_figure_without_its_noun() {
    let figures =
        |s: &str| all(&tokens(s, 0..s.len())).into_iter().map(|f| f.quantity.value).collect::<Vec<f64>>();
    assert_eq!(
        figures("It had 2.3 million visitors, compared with just 600,000 eight years ago."),
        [2.3e6, 600_000.0]
    );
    assert_eq!(figures("The toll stood at 1,200 on Monday, against 900 on Sunday."), [1200.0, 900.0]);
}

#[test]
fn what_the_tenth_rounds_outside_review_found_in_numbers() {
    let values =
        |s: &str| all(&tokens(s, 0..s.len())).into_iter().map(|f| f.quantity.value).collect::<Vec<f64>>();
    assert_eq!(values("The toll rose to one thousand nine hundred and twelve."), [1912.0]);
    assert_eq!(values("Cases rose from two thousand to three thousand."), [2000.0, 3000.0]);
    assert_eq!(values("Of those three thousand, nine hundred were rescued."), [3000.0, 900.0]);
    assert_eq!(values("Only one player in 20 years has scored twice."), [20.0]);
    assert!(values("One woman in 2019 won the lottery twice.").is_empty());
    assert!(values("They found a 3-million-year-old fossil.").is_empty());
    assert!(values("A 2-million-square-foot warehouse opened.").is_empty());
    assert_eq!(super::lexicon::compound_number("ninety-ninety-million"), None);
}

/// Number forms written from how news writes numbers (the eleventh round), not from a miss.
#[test]
fn points_said_without_a_digit_a_leading_point_and_qualified_wholes() {
    let pp = |v: f64| Some(figure(v, "percentage points", None));
    assert_eq!(q("Unemployment fell by a full percentage point in a month."), pp(1.0));
    assert_eq!(q("Inflation rose half a percentage point last month."), pp(0.5));
    assert_eq!(q("The Fed cut rates by a quarter of a percentage point."), pp(0.25));
    assert_eq!(q("A quarter of voters agreed."), Some(figure(25.0, "percent", None)));
    assert_eq!(q("It cooled the temperature by about .06 degrees."), Some(figure(0.06, "degrees", None)));
    assert_eq!(
        q("That is about 33,000 of more than 1.6 million kids."),
        Some(figure(33000.0, "kids", Some(1.6e6)))
    );
    assert_eq!(q("Some 45 of nearly 4,000 staff were sent home."), Some(figure(45.0, "staff", Some(4000.0))));
    let all = |s: &str| all(&tokens(s, 0..s.len())).into_iter().map(|f| f.quantity.value).collect::<Vec<_>>();
    assert_eq!(all("The cuts remove $10–$15 billion from the budget."), [10e9, 15e9]);
}

#[test]
fn units_after_a_ten_and_a_whole_after_out_of_the() {
    assert_eq!(q("All forty five people on board were killed."), Some(figure(45.0, "people", None)));
    assert_eq!(q("They stayed for one hundred and twenty five days."), Some(figure(125.0, "days", None)));
    assert_eq!(q("Three out of the four vehicles were damaged."), Some(figure(3.0, "vehicles", Some(4.0))));
    // Two numbers, still: a ten after a ten.
    assert_eq!(q("In twenty thirty, 40 people came.").map(|f| f.value), Some(40.0));
}

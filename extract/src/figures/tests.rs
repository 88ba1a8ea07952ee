use super::*;
use crate::quantity::Change;
use crate::text::tokens;

fn q(sentence: &str) -> Option<Quantity> {
    first_quantity(&tokens(sentence, 0..sentence.len()))
}

pub(super) fn figure(value: f64, unit: &str, of: Option<f64>) -> Quantity {
    Quantity { value, unit: unit.into(), of, change: None, qualifier: None }
}

#[test]
fn percentages_in_every_spelling() {
    assert_eq!(q("Support reached 25 percent."), Some(figure(25.0, "percent", None)));
    assert_eq!(q("Support reached 25% in May."), Some(figure(25.0, "percent", None)));
    assert_eq!(q("Support reached 25 per cent."), Some(figure(25.0, "percent", None)));
}

#[test]
fn parts_of_a_whole() {
    assert_eq!(q("They shot down 54 of 69 drones."), Some(figure(54.0, "drones", Some(69.0))));
    assert_eq!(q("They shot down all 16 missiles."), Some(figure(16.0, "missiles", None)));
    assert_eq!(q("Two out of three voters agreed."), Some(figure(2.0, "voters", Some(3.0))));
}

#[test]
fn thousands_spaced_as_european_releases_write_them() {
    let by = |s: &str| q(s).map(|f| f.value);
    assert_eq!(by("Unemployment decreased by 59 000 in the EU28."), Some(59_000.0));
    assert_eq!(by("The fund holds 1\u{202f}234\u{202f}567 euros."), Some(1_234_567.0));
    // A year, then a count; a distance joined to its unit.
    assert_eq!(by("In 2016 100 people died."), Some(100.0));
    assert_eq!(by("He ran the 12 200-metre race."), Some(200.0));
    // After a plain space, only groups ending "000" are thousands; after a no-break space, any.
    assert_eq!(by("Prices fell to 1 971 000 euros."), Some(1_971_000.0));
    assert_eq!(by("On May 5 100 protesters gathered."), Some(100.0));
    assert_eq!(by("Some 7 250 people were affected."), Some(250.0));
    assert_eq!(by("Some 7\u{a0}250 people were affected."), Some(7_250.0));
}

#[test]
fn ordinals_in_words_and_age_groups_are_no_figures() {
    assert_eq!(q("They play twenty-first ranked Germany."), None);
    assert_eq!(q("He coaches the Under 23 Men's team."), None);
    assert_eq!(q("He coaches the national Under 20 side."), None);
    // A duration ("a thirty-second ad"), and "Under" in a title-case headline before a unit.
    assert_eq!(q("A thirty-second ad costs a lot."), Some(figure(30.0, "seconds", None)));
    assert_eq!(q("Unemployment Falls Under 5 Percent for First Time").map(|f| f.value), Some(5.0));
    assert_eq!(
        q("Prices stayed under 23 dollars."),
        Some(Quantity { qualifier: Some(Qualifier::Under), ..figure(23.0, "USD", None) })
    );
}

#[test]
fn a_scale_after_one_makes_a_count_not_one_of_a_whole() {
    assert_eq!(
        q("The weatherization of one million homes in three and a half years is an achievement."),
        Some(figure(1_000_000.0, "homes", None))
    );
}

#[test]
fn money_with_scale_words_and_cents() {
    assert_eq!(q("It cost $1.14 a gallon."), Some(figure(1.14, "USD", None)));
    assert_eq!(q("It cost $ 565 million."), Some(figure(565_000_000.0, "USD", None)));
    assert_eq!(q("The fund holds €2bn."), Some(figure(2_000_000_000.0, "EUR", None)));
    assert_eq!(q("A stamp costs 77 cents."), Some(figure(0.77, "USD", None)));
}

#[test]
fn counts_qualifiers_and_changes() {
    let over = q("Over 150,000 people fled.").unwrap();
    assert_eq!(
        (over.value, over.unit.as_str(), over.qualifier),
        (150_000.0, "people", Some(Qualifier::Over))
    );
    let bodies = q("Crews recovered 111,481 bodies.").unwrap();
    assert_eq!((bodies.value, bodies.unit.as_str()), (111_481.0, "bodies"));
    let rise = q("Prices will increase by 25 percent.").unwrap();
    assert_eq!(rise.change, Some(Change::Increase));
    let fall = q("Sales fell 16.7 percent.").unwrap();
    assert_eq!((fall.value, fall.change), (16.7, Some(Change::Decrease)));
    let least = q("At least 40 people died.").unwrap();
    assert_eq!(least.qualifier, Some(Qualifier::AtLeast));
    let nearly = q("It took nearly eight years.").unwrap();
    assert_eq!(
        (nearly.value, nearly.unit.as_str(), nearly.qualifier),
        (8.0, "years", Some(Qualifier::Nearly))
    );
    let quarter = q("About a quarter of the budget went there.").unwrap();
    assert_eq!(
        (quarter.value, quarter.unit.as_str(), quarter.qualifier),
        (25.0, "percent", Some(Qualifier::About))
    );
}

fn bounds(sentence: &str) -> Vec<(f64, String, Option<Qualifier>)> {
    all(&tokens(sentence, 0..sentence.len()))
        .into_iter()
        .map(|f| (f.quantity.value, f.quantity.unit, f.quantity.qualifier))
        .collect()
}

#[test]
fn a_range_is_its_two_bounds() {
    let at_least = Some(Qualifier::AtLeast);
    let at_most = Some(Qualifier::AtMost);
    assert_eq!(
        bounds("Between 10 and 15 percent said so."),
        [(10.0, "percent".into(), at_least), (15.0, "percent".into(), at_most)]
    );
    assert_eq!(
        bounds("They predict 10 to 16 named storms and 5 to 9 hurricanes."),
        [
            (10.0, "storms".into(), at_least),
            (16.0, "storms".into(), at_most),
            (5.0, "hurricanes".into(), at_least),
            (9.0, "hurricanes".into(), at_most)
        ]
    );
    // Not ranges: a score, a change and the level it reached.
    assert_eq!(bounds("They won 3-1 at home."), []);
    assert_eq!(bounds("Staff fell by 1,232 to 148,536.").len(), 2);
}

#[test]
fn dates_years_times_ordinals_and_labels_are_not_claims() {
    for sentence in [
        "They spoke on Dec. 30 by video.",
        "It happened in 2019.",
        "The call began at 6 p.m. on Friday.",
        "6 min read",
        "It was the 21st century.",
        "Leaders met at the G20 summit.",
        "Ukraine wants F-16 jets.",
        "Article 5 applies.",
        "Putin, 70, spoke.",
        "A 45-year-old man was arrested.",
        "The two leaders spoke.",
        "They won 3-1 at home.",
        "The rumor was started on 4chan.",
        "We need a full F.Y. '18 budget.",
        "Title 42 ends on Thursday.",
    ] {
        assert_eq!(q(sentence), None, "{sentence}");
    }
}

/// Found by `cargo fuzz` (target `figure`): hundreds of digits overflowed to an infinite value.
#[test]
fn absurdly_long_numbers_are_not_figures() {
    // 305 digits: a finite float, which scaling and rounding pushed past f64::MAX.
    let digits = format!("{}{}", "3".repeat(40), "0".repeat(265));
    assert_eq!(q(&format!("{digits} people came.")), None);
    assert_eq!(q(&format!("It cost ${digits} million.")), None);
    assert!(q("It cost $999 billion.").is_some());
}

#[test]
fn three_or_more_after_the_is_how_many_two_is_the_pair_named_before() {
    let said = |s: &str| q(s).map(|q| (q.value, q.unit));
    assert_eq!(said("The three U.S. crew members are on the mission."), Some((3.0, "crew members".into())));
    assert_eq!(said("The two leaders spoke."), None);
    assert_eq!(said("Their three children were there."), None);
    assert_eq!(said("These three men were there."), None);
    assert_eq!(said("The next three years will be hard."), None);
}

#[test]
fn a_scale_after_a_range_applies_to_both_bounds() {
    assert_eq!(
        bounds("Between 10 and 15 million people fled."),
        [
            (10_000_000.0, "people".into(), Some(Qualifier::AtLeast)),
            (15_000_000.0, "people".into(), Some(Qualifier::AtMost))
        ]
    );
}

#[test]
fn numbers_said_in_words() {
    let said = |s: &str| q(s).map(|q| (q.value, q.unit));
    assert_eq!(said("They counted two hundred forty thousand votes."), Some((240_000.0, "votes".into())));
    assert_eq!(said("Some thirty-one thousand people came."), Some((31_000.0, "people".into())));
    assert_eq!(said("A quarter of a million people marched."), Some((250_000.0, "people".into())));
    assert_eq!(said("It grew by just over two percent."), Some((2.0, "percent".into())));
    assert_eq!(said("Prices rose one-tenth of a percentage point."), Some((0.1, "percentage points".into())));
    assert_eq!(said("A third of the budget went there."), Some((33.333333, "percent".into())));
    assert_eq!(said("It was shared over one million times."), Some((1e6, "times".into())));
    assert_eq!(said("Eleven soldiers were hurt."), Some((11.0, "soldiers".into())));
    assert_eq!(q("The first half of the year was quiet."), None);
}

#[test]
fn every_figure_of_a_sentence_with_shared_changes() {
    let s = "It shipped 4 million phones and 800,000 tablets, up 12% and 31% respectively.";
    let found: Vec<Quantity> = all(&tokens(s, 0..s.len())).into_iter().map(|f| f.quantity).collect();
    let values: Vec<f64> = found.iter().map(|q| q.value).collect();
    assert_eq!(values, [4e6, 800_000.0, 12.0, 31.0]);
    assert_eq!(found[3].change, Some(Change::Increase));
    let s = "Sales grew 9 percent, to nearly 3 million units.";
    let found: Vec<Quantity> = all(&tokens(s, 0..s.len())).into_iter().map(|f| f.quantity).collect();
    assert_eq!(found.len(), 2);
    assert_eq!((found[1].value, found[1].change), (3e6, None));
    let s = "Revenue rose from €2.1 billion in 2019 to €2.6 billion in 2020.";
    let found: Vec<Quantity> = all(&tokens(s, 0..s.len())).into_iter().map(|f| f.quantity).collect();
    assert_eq!(found.iter().map(|q| (q.value, q.change)).collect::<Vec<_>>(), [(2.1e9, None), (2.6e9, None)]);
}

#[test]
fn names_with_numbers_earnings_and_ages_are_not_changes_or_figures() {
    let s = "The DAX 40 fell 0.8% on Monday.";
    let found: Vec<Quantity> = all(&tokens(s, 0..s.len())).into_iter().map(|f| f.quantity).collect();
    assert_eq!(found.iter().map(|q| q.value).collect::<Vec<_>>(), [0.8]);
    assert_eq!(q("Earnings of 85 cents a share beat forecasts.").and_then(|q| q.change), None);
    assert_eq!(q("2.3 million of them fled.").map(|q| q.value), Some(2.3e6));
    assert_eq!(q("Call 555-0123 for details."), None);
    assert_eq!(q("He died at the age of 45."), None);
}

#[test]
fn more_of_a_count_with_its_noun_unsaid_is_a_figure() {
    // "another 300": more of what was counted; "KIRBY: About 300": a qualifier in capitals after
    // a transcript's label is no name before the number.
    assert_eq!(q("Another 300 will follow next week.").map(|q| q.value), Some(300.0));
    assert_eq!(q("A further 25 are in construction.").map(|q| q.value), Some(25.0));
    let s = "KIRBY: About 300 more will follow.";
    let found: Vec<Quantity> = all(&tokens(s, 0..s.len())).into_iter().map(|f| f.quantity).collect();
    assert_eq!(
        found.iter().map(|q| (q.value, q.qualifier)).collect::<Vec<_>>(),
        [(300.0, Some(Qualifier::About))]
    );
}

#[test]
fn bare_amounts_that_are_plainly_amounts_are_counts() {
    for s in [
        "Officials said 90 people died and 380,000 were affected.",
        "For the injured, the latest figure is 446.",
        "The death toll climbed to 94.",
    ] {
        let found = all(&tokens(s, 0..s.len()));
        assert!(found.iter().any(|f| f.quantity.unit == UNSAID_UNIT), "{s}: {found:?}");
    }
    assert_eq!(q("A 131-page document was found.").map(|q| (q.value, q.unit)), Some((131.0, "pages".into())));
    assert_eq!(q("It ended an 11-year lull.").map(|q| (q.value, q.unit)), Some((11.0, "years".into())));
    assert_eq!(q("Six minutes later, he scored."), None);
    assert_eq!(q("Parts came roughly four months in advance.").map(|q| q.value), Some(4.0));
}

#[test]
fn shares_in_words_and_qualified_counts_without_a_noun() {
    assert_eq!(q("Two in three adults agreed.").map(|q| (q.value, q.of)), Some((2.0, Some(3.0))));
    let s = "Police said 12 people were killed and at least 40 injured.";
    let found: Vec<Quantity> = all(&tokens(s, 0..s.len())).into_iter().map(|f| f.quantity).collect();
    assert_eq!(found.iter().map(|q| q.value).collect::<Vec<_>>(), [12.0, 40.0]);
    assert_eq!(found[1].unit, UNSAID_UNIT);
    assert_eq!(q("He says 20 others were injured.").map(|q| q.value), Some(20.0));
    let s = "The crane collapse killed 107 and injured 238.";
    assert_eq!(
        all(&tokens(s, 0..s.len())).iter().map(|f| f.quantity.value).collect::<Vec<_>>(),
        [107.0, 238.0]
    );
}

#[test]
fn news_spellings_of_money_shares_and_magnitudes() {
    let unit = |s: &str| q(s).map(|q| (q.value, q.unit, q.change));
    assert_eq!(unit("The firm raised $1.2bn from investors."), Some((1.2e9, "USD".into(), None)));
    assert_eq!(unit("Inflation hit 12pc in March."), Some((12.0, "percent".into(), None)));
    assert_eq!(unit("It allocated Rs 500 crore to the scheme."), Some((5e9, "INR".into(), None)));
    assert_eq!(unit("A magnitude 7.4 earthquake struck."), Some((7.4, "magnitude".into(), None)));
    assert_eq!(unit("It gave a 70-percent likelihood of rain."), Some((70.0, "percent".into(), None)));
    // A broadcast script's decimals in words.
    assert_eq!(unit("A magnitude seven point one earthquake struck."), Some((7.1, "magnitude".into(), None)));
    assert_eq!(unit("It fell to one-point-nine percent."), Some((1.9, "percent".into(), None)));
    assert_eq!(unit("The rate was four point two five percent."), Some((4.25, "percent".into(), None)));
    assert_eq!(q("The score was seven point one earthquake."), None);
    assert_eq!(q("He was 34 years old."), None);
    assert_eq!(q("Shares of the Fortune 500 companies fell."), None);
    let s = "It killed at least 13 people and injured more than 300.";
    assert_eq!(all(&tokens(s, 0..s.len())).len(), 2);
}

fn all_of(sentence: &str) -> Vec<(f64, String, Option<f64>)> {
    all(&tokens(sentence, 0..sentence.len()))
        .into_iter()
        .map(|f| (f.quantity.value, f.quantity.unit, f.quantity.of))
        .collect()
}

#[test]
fn nouns_behind_adjectives_names_and_abbreviations() {
    let found = all_of("The event brought together over 250 participants from 25 Member States.");
    assert_eq!(found[1], (25.0, "member states".to_owned(), None));
    assert_eq!(all_of("Three U.S. crew members flew.")[0].1, "crew members");
    assert_eq!(all_of("It is like 189 other educational galleries.")[0].1, "educational galleries");
    assert_eq!(all_of("We identified the first five most promising therapeutics.")[0].0, 5.0);
    assert_eq!(all_of("Fishermen rescued 700 people, and the Navy saved 200 more.")[1].0, 200.0);
}

#[test]
fn a_short_span_before_or_after_an_event_is_when_not_how_much() {
    assert!(all_of("Two days after an agreement, the Commission revealed plans.").is_empty());
    assert!(all_of("It came less than two weeks after the proposal.").is_empty());
    assert_eq!(all_of("Rescuers found her 130 hours after the first tremor.")[0].0, 130.0);
    assert_eq!(all_of("The first two months were slow.").len(), 0);
}

#[test]
fn a_part_of_its_whole_and_a_share_as_subject() {
    assert_eq!(
        all_of("The chain sold 54 of its 69 stores last year.")[0],
        (54.0, "stores".to_owned(), Some(69.0))
    );
    let shares: Vec<f64> =
        all_of("A third are retired, and half say they cannot pay.").iter().map(|f| f.0).collect();
    assert_eq!(shares.len(), 2);
    assert!((shares[0] - 100.0 / 3.0).abs() < 1e-3 && (shares[1] - 50.0).abs() < 1e-9);
    assert!(all_of("In the first half of the year, it rained.").is_empty());
    let toll: Vec<f64> =
        all_of("The number of deaths had risen to 94, up from 61 on Monday.").iter().map(|f| f.0).collect();
    assert_eq!(toll, [94.0, 61.0]);
}

#[test]
fn a_magnitude_said_after_its_noun_and_a_local_clock_time() {
    assert_eq!(all_of("It put the earthquake's magnitude at 7.1.")[0].1, "magnitude");
    assert!(all_of("The tremors started at 07.49 local time.").is_empty());
}

#[test]
fn hyphenated_scales_and_a_half() {
    assert_eq!(all_of("The war displaced about 13-million Ukrainians.")[0].0, 13e6);
    assert_eq!(all_of("More than three and a half million have come.")[0].0, 3.5e6);
}

#[test]
fn how_many_times() {
    assert_eq!(all_of("The EGF has been used 150 times since 2007.")[0], (150.0, "times".to_owned(), None));
}

#[test]
fn a_count_listed_after_another_with_its_noun_left_out() {
    let values =
        |s: &str| all(&tokens(s, 0..s.len())).into_iter().map(|f| f.quantity.value).collect::<Vec<f64>>();
    assert_eq!(values("The flood killed at least 38 people and left 21 missing."), [38.0, 21.0]);
    assert_eq!(values("Officials said 107 people were killed and 238 injured."), [107.0, 238.0]);
    assert_eq!(values("In 2019 and 2020 nothing happened."), Vec::<f64>::new());
}

#[test]
fn a_part_of_a_whole_an_owner_stands_between() {
    let part = |s: &str| q(s).map(|q| (q.value, q.of, q.unit));
    assert_eq!(
        part("The UN said 35 of the country's 75 districts are affected."),
        Some((35.0, Some(75.0), "districts".into()))
    );
    assert_eq!(
        part("More than 2,800 of West Africa's 5,165 Ebola deaths were in Liberia."),
        Some((2800.0, Some(5165.0), "deaths".into()))
    );
}

#[test]
fn casualties_with_their_noun_unsaid_are_counts() {
    let counts = |s: &str| bounds(s).into_iter().map(|(v, _, _)| v).collect::<Vec<_>>();
    assert_eq!(counts("A train crashed, killing six and wounding 40."), [6.0, 40.0]);
    assert_eq!(counts("At least 117 were also reportedly injured in the crash."), [117.0]);
    assert_eq!(counts("Five were killed and 12 injured."), [5.0, 12.0]);
    assert_eq!(counts("The two were killed."), [] as [f64; 0]);
}

#[test]
fn ranges_said_in_words_and_years_said_in_words() {
    let at_least = Some(Qualifier::AtLeast);
    let at_most = Some(Qualifier::AtMost);
    assert_eq!(
        bounds("She faces a jail term of six to ten months."),
        [(6.0, "months".into(), at_least), (10.0, "months".into(), at_most)]
    );
    assert_eq!(bounds("It added Mandarin in two thousand five."), []);
}

#[test]
fn a_part_of_a_whole_said_in_words_and_no_range_before_a_denominator() {
    let part = |s: &str| q(s).map(|q| (q.value, q.of));
    assert_eq!(part("Three of the six components made their goals."), Some((3.0, Some(6.0))));
    assert!(bounds("Bolt won the silver, 15-100ths of a second back.").iter().all(|(v, _, _)| *v != 100.0));
}

#[test]
fn one_out_of_five_is_one_of_five() {
    let part = |s: &str| q(s).map(|q| (q.value, q.of));
    assert_eq!(part("You have only one out of five people using the Internet."), Some((1.0, Some(5.0))));
}

#[test]
fn counts_a_story_gives_with_or_ranges_days_and_tallies_after() {
    let values = |s: &str| bounds(s).into_iter().map(|(v, _, _)| v).collect::<Vec<_>>();
    assert_eq!(values("A few weeks ago there were 30 or 40 new cases every day."), [30.0, 40.0]);
    // The same amount said again another way is no range.
    assert_eq!(values("Spending reached $9.7 billion or 86 per cent of its old level."), [9.7e9, 86.0]);
    assert_eq!(values("The death toll reached at least 85 Sunday as crews searched."), [85.0]);
    assert_eq!(values("The announcement brought to 12 the number of people killed."), [12.0]);
    // A scale of a scale: a trillion, a billion.
    assert_eq!(values("Its output was close to twelve million million dollars."), [12e12]);
    assert_eq!(values("It cost a thousand million pounds."), [1e9]);
    // A year said in words after "after" is when.
    assert_eq!(values("It would leave the system after two thousand nine."), [] as [f64; 0]);
}

#[test]
fn a_round_thousand_after_a_time_word_and_a_number_before_a_tally_without_to_are_counts_or_nothing() {
    let values = |s: &str| bounds(s).into_iter().map(|(v, _, _)| v).collect::<Vec<_>>();
    assert_eq!(values("After two thousand workers walked out, the plant closed."), [2000.0]);
    assert_eq!(values("During two thousand hours of talks, nothing changed."), [2000.0]);
    assert_eq!(values("On page 12 the figure shows a decline."), [] as [f64; 0]);
}

#[test]
fn thousands_grouped_with_full_stops_as_europe_writes_them() {
    let by = |s: &str| q(s).map(|f| f.value);
    assert_eq!(by("The funding will put 110.000 Syrian kids into schools."), Some(110_000.0));
    assert_eq!(by("It reached 1.200.000 people."), Some(1_200_000.0));
    // A decimal stays one: three digits after the stop that are not "000".
    assert_eq!(by("Prices rose 3.500 percent."), Some(3.5));
    assert_eq!(by("Prices rose 1.5 percent."), Some(1.5));
}

#[test]
fn a_childs_age_is_no_count() {
    let all_of =
        |s: &str| all(&tokens(s, 0..s.len())).into_iter().map(|f| f.quantity.value).collect::<Vec<_>>();
    assert_eq!(all_of("It lists the top five causes of death among children under five worldwide."), [5.0]);
    assert_eq!(
        all_of("Of 400 children under five years of age, 37 percent were malnourished."),
        [400.0, 37.0]
    );
}

#[test]
fn a_nationality_in_ese_counts_its_people() {
    assert_eq!(q("At least 32,000 South Sudanese have fled.").map(|f| f.unit), Some("south sudanese".into()));
    assert_eq!(q("At least 32,000 Sudanese refugees have fled.").map(|f| f.unit), Some("refugees".into()));
    assert_eq!(
        q("Food for 3,000 newly arrived Congolese refugees.").map(|f| f.unit),
        Some("refugees".into())
    );
}

#[test]
fn what_the_review_found_a_nationality_a_weight_and_a_sum_do_not_become() {
    let all_of = |s: &str| {
        all(&tokens(s, 0..s.len()))
            .into_iter()
            .map(|f| (f.quantity.value, f.quantity.unit, f.quantity.of))
            .collect::<Vec<_>>()
    };
    // (Yen is what is counted there, not the Japanese.)
    assert!(all_of("The meal costs 1,000 Japanese yen.").iter().all(|f| f.1 != "japanese"));
    assert_eq!(all_of("About 5 Japanese car makers agreed.")[0].1, "car makers");
    assert_eq!(all_of("The hospital treated 40 babies under 1.5 kilograms.")[1].0, 1.5);
    assert_eq!(all_of("Anyone 16 years of age can vote.")[0].0, 16.0);
    assert_eq!(all_of("Of the overall €3 billion budget, 40 projects were funded.")[1].2, None);
}

#[test]
fn years_and_decades_in_words_and_a_kinds_number_are_no_figures() {
    let values =
        |s: &str| all(&tokens(s, 0..s.len())).into_iter().map(|f| f.quantity.value).collect::<Vec<f64>>();
    assert_eq!(values("It was the longest since the nineteen thirties."), [] as [f64; 0]);
    assert_eq!(values("That is down from the number reported in Two-Thousand."), [] as [f64; 0]);
    assert_eq!(values("Six studies done between Nineteen-Sixty-Five and Two-Thousand."), [6.0]);
    assert_eq!(values("Rohin has type 2 diabetes."), [] as [f64; 0]);
    // A count after "to", and a count with its noun, stay.
    assert_eq!(values("The staff grew to two thousand."), [2000.0]);
    assert_eq!(values("In May two thousand people marched."), [2000.0]);
}

#[test]
fn what_the_second_review_found_counts_stay_counts() {
    let values =
        |s: &str| all(&tokens(s, 0..s.len())).into_iter().map(|f| f.quantity.value).collect::<Vec<f64>>();
    assert_eq!(values("Police arrested 300 people, and two thousand were wounded."), [300.0, 2000.0]);
    assert_eq!(values("Users can now type 280 characters in each message."), [280.0]);
    assert_eq!(values("Some 32,000 Sudanese in Chad need help."), [32_000.0]);
    assert_eq!(values("Kids under 12 get free entry to the museum."), [] as [f64; 0]);
}

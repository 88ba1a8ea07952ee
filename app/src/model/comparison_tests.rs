use super::*;
use crate::model::figure;
use crate::test_rng::Rng;

const PERIOD: &str = "2022 compared with 2021";

fn quantity(value: f64, unit: &str) -> Quantity {
    Quantity { value, unit: unit.into(), of: None, change: None, qualifier: None }
}

fn measure(shape: Shape, value: f64, unit: &str) -> Measure {
    Measure { shape, value, of: None, unit: unit.into(), period: None, qualifier: None }
}

fn level(value: f64, unit: &str) -> Measure {
    measure(Shape::Level, value, unit)
}

fn change(value: f64, unit: &str) -> Measure {
    measure(Shape::Change, value, unit)
}

fn share(part: f64, whole: f64) -> Measure {
    Measure { of: Some(whole), ..measure(Shape::Share, part, "missiles") }
}

fn qualified(m: Measure, qualifier: Qualifier) -> Measure {
    Measure { qualifier: Some(qualifier), ..m }
}

fn compared(claimed: &Measure, recorded: &Measure) -> Comparison {
    match compare(claimed, recorded, &Tolerances::default()) {
        Ok(c) => c,
        Err(refusal) => panic!("refused: {}", refusal.message()),
    }
}

fn refusal(claimed: &Measure, recorded: &Measure) -> Refusal {
    match compare(claimed, recorded, &Tolerances::default()) {
        Ok(c) => panic!("compared: {c:?}"),
        Err(refusal) => refusal,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9 * a.abs().max(1.0)
}

#[test]
fn the_customs_figure_understates_chinas_trade_growth() {
    let claim = Quantity { change: Some(Change::Increase), ..quantity(25.0, "percent") };
    let claimed = Measure::claimed(&claim, Some(PERIOD));
    let typed = figure::parse("+29.3%").expect("a figure");
    let recorded = Measure::recorded(&typed, Shape::Change, "percent", Some(PERIOD));
    let c = compared(&claimed, &recorded);
    assert_eq!(c.direction, Direction::Understated);
    let Difference::Points { points } = c.difference else { panic!("{:?}", c.difference) };
    assert!(close(points, -4.3), "{points}");
    assert_eq!(c.summary(), "understated by 4.3 percentage points");
    assert_eq!(c.tolerance, 0.5);
    assert!(c.relative_error_percent.is_some_and(|e| (e - 14.675).abs() < 0.01), "{c:?}");
    assert_eq!(c.suggested, Status::MostlyTrue);
}

#[test]
fn claimed_and_recorded_measures_take_their_shape() {
    let fall =
        Measure::claimed(&Quantity { change: Some(Change::Decrease), ..quantity(16.7, "percent") }, None);
    assert_eq!((fall.shape, fall.value), (Shape::Change, -16.7));
    let typed_minus =
        Measure::claimed(&Quantity { change: Some(Change::Decrease), ..quantity(-5.0, "pp") }, None);
    assert_eq!(typed_minus.value, -5.0);
    let part = Measure::claimed(&Quantity { of: Some(69.0), ..quantity(54.0, "missiles") }, Some("  "));
    assert_eq!((part.shape, part.of, part.period), (Shape::Share, Some(69.0), None));
    let at_least = Quantity { qualifier: Some(Qualifier::AtLeast), ..quantity(150_000.0, "people") };
    let at_least = Measure::claimed(&at_least, Some(" 2023 "));
    assert_eq!((at_least.shape, at_least.qualifier), (Shape::Level, Some(Qualifier::AtLeast)));
    assert_eq!(at_least.period.as_deref(), Some("2023"));

    let typed = figure::parse("54 of 87").expect("a figure");
    let recorded = Measure::recorded(&typed, Shape::Level, "missiles", None);
    assert_eq!((recorded.shape, recorded.of, recorded.unit.as_str()), (Shape::Share, Some(87.0), "missiles"));
    let deficit =
        Measure::recorded(&figure::parse("-$3bn").expect("a figure"), Shape::Level, "percent", None);
    assert_eq!((deficit.shape, deficit.value, deficit.unit.as_str()), (Shape::Level, -3e9, "USD"));
}

#[test]
fn a_level_differs_absolutely_and_relatively() {
    let c = compared(&level(160e6, "USD"), &level(148e6, "USD"));
    assert_eq!(c.direction, Direction::Overstated);
    let Difference::Level { absolute, relative_percent } = c.difference else { panic!("{:?}", c.difference) };
    assert_eq!(absolute, 12e6);
    assert!(relative_percent.is_some_and(|p| (p - 8.108).abs() < 0.001));
    assert_eq!(c.summary(), "overstated by $12 million (8.1%)");
    assert_eq!(c.suggested, Status::MostlyTrue);

    let c = compared(&level(150_000.0, "people"), &level(160_000.0, "People"));
    assert_eq!(c.summary(), "understated by 10,000 people (6.3%)");
    let c = compared(&level(3e9, "CNY"), &level(2e9, "cny"));
    assert_eq!(
        (c.summary().as_str(), c.suggested),
        ("overstated by CNY 1 billion (50%)", Status::Misleading)
    );
}

#[test]
fn a_zero_record_has_no_relative_error_and_suggests_false_unless_matched() {
    let c = compared(&level(5.0, "drones"), &level(0.0, "drones"));
    assert_eq!(
        (c.direction, c.relative_error_percent, c.suggested),
        (Direction::Overstated, None, Status::False)
    );
    assert_eq!(c.difference, Difference::Level { absolute: 5.0, relative_percent: None });
    assert_eq!(c.summary(), "overstated by 5 drones");
    let c = compared(&level(0.0, "drones"), &level(0.0, "drones"));
    assert_eq!(
        (c.direction, c.relative_error_percent, c.suggested),
        (Direction::Matches, None, Status::True)
    );
    let c = compared(&change(0.0, "percent"), &change(-0.3, "percent"));
    assert_eq!((c.direction, c.suggested), (Direction::Matches, Status::True), "0 is ±0.5");
}

#[test]
fn negative_levels_compare_by_size() {
    let c = compared(&level(-5e9, "USD"), &level(-4e9, "USD"));
    assert_eq!(c.direction, Direction::Overstated);
    assert_eq!(c.difference, Difference::Level { absolute: -1e9, relative_percent: Some(-25.0) });
    assert_eq!(c.summary(), "overstated by $1 billion (25%)");
    assert_eq!(c.suggested, Status::Misleading);
    assert_eq!(compared(&level(-3e9, "USD"), &level(-4e9, "USD")).direction, Direction::Understated);
}

#[test]
fn a_smaller_fall_than_recorded_is_understated() {
    let claim = Quantity { change: Some(Change::Decrease), ..quantity(10.0, "percent") };
    let c = compared(&Measure::claimed(&claim, None), &change(-20.0, "percent"));
    assert_eq!(c.direction, Direction::Understated);
    assert_eq!(c.difference, Difference::Points { points: 10.0 });
    assert_eq!(c.summary(), "understated by 10 percentage points");
    assert_eq!(c.suggested, Status::Misleading);
    assert_eq!(
        compared(&change(-30.0, "percent"), &change(-20.0, "percent")).direction,
        Direction::Overstated
    );
}

#[test]
fn a_change_recorded_the_other_way_is_the_opposite() {
    let c = compared(&change(5.0, "percent"), &change(-2.0, "percent"));
    assert_eq!((c.direction, c.suggested), (Direction::Opposite, Status::False));
    assert_eq!(c.summary(), "the record shows a decrease, not an increase");
    assert_eq!(c.direction.as_str(), "opposite");
    let c = compared(&change(-0.2, "pp"), &change(0.1, "pp"));
    assert_eq!(c.direction, Direction::Opposite, "even within the rounding");
    assert_eq!(c.summary(), "the record shows an increase, not a decrease");
    assert_eq!(compared(&change(0.0, "pp"), &change(0.4, "pp")).direction, Direction::Matches);
}

#[test]
fn parts_of_a_whole_compare_as_rates() {
    let c = compared(&share(54.0, 69.0), &share(62.0, 100.0));
    assert_eq!(c.direction, Direction::Overstated);
    assert_eq!(c.summary(), "overstated: 78.3% against 62% (16.3 percentage points)");
    let Difference::Share { claimed_rate, recorded_rate, points } = c.difference else { panic!() };
    assert!(
        close(claimed_rate, 5400.0 / 69.0)
            && close(recorded_rate, 62.0)
            && close(points, claimed_rate - recorded_rate)
    );
    assert_eq!(c.tolerance, 0.5);
    assert_eq!(c.suggested, Status::Misleading, "26% above the recorded rate");
    let c = compared(&share(54.0, 69.0), &share(78.5, 100.0));
    assert_eq!(c.summary(), "matches (within ±0.5 percentage points)");
    assert_eq!(compared(&share(1.0, 3.0), &share(40.0, 100.0)).direction, Direction::Understated);
}

#[test]
fn a_part_must_fit_in_its_whole_on_both_sides() {
    let over = refusal(&share(70.0, 69.0), &share(54.0, 69.0));
    assert_eq!(over, Refusal::PartExceedsWhole { part: 70.0, whole: Some(69.0) });
    assert_eq!(over.message(), "A part cannot exceed its whole: 70 of 69.");
    assert_eq!(
        refusal(&share(54.0, 69.0), &share(70.0, 69.0)).message(),
        "A part cannot exceed its whole: 70 of 69."
    );
    assert_eq!(refusal(&share(5.0, 69.0), &share(5.0, 0.0)).message(), "A whole must be above zero: 5 of 0.");
    assert_eq!(
        refusal(&share(-5.0, 69.0), &share(5.0, 9.0)).message(),
        "A part cannot be below zero: −5 of 69."
    );
    let no_whole = Measure { of: None, ..share(5.0, 9.0) };
    assert!(refusal(&share(5.0, 9.0), &no_whole).message().contains("needs its whole"));
}

#[test]
fn other_shapes_units_and_periods_are_refused() {
    let shapes = refusal(&change(25.0, "percent"), &level(25.0, "percent"));
    assert_eq!(
        shapes.message(),
        "The claim is a change, the record a level: record a figure of the same kind."
    );
    let money = refusal(&level(5e9, "USD"), &level(30e9, "CNY"));
    assert_eq!(money, Refusal::Unit { claimed: "USD".into(), recorded: "CNY".into() });
    assert_eq!(
        money.message(),
        "The claim is in USD, the record in CNY: convert one or record a figure in the claim's unit."
    );
    let points = refusal(&change(2.0, "percent"), &change(0.5, "pp"));
    assert!(points.message().contains("the record in percentage points (a change in percent is relative"));
    assert!(matches!(refusal(&change(2.0, "pps"), &change(2.0, "pp")), Refusal::Unit { .. }));
    assert_eq!(compared(&level(54.0, "Missile"), &level(54.0, " missiles ")).direction, Direction::Matches);
    assert_eq!(
        compared(&level(54.0, "cruise  missiles"), &level(54.0, "Cruise missile")).direction,
        Direction::Matches
    );
    assert!(matches!(refusal(&level(54.0, "missiles"), &level(54.0, "drones")), Refusal::Unit { .. }));

    let with_period = |m: Measure, p: &str| Measure { period: Some(p.into()), ..m };
    let periods = refusal(
        &with_period(change(25.0, "percent"), "2022 vs 2021"),
        &with_period(change(25.0, "percent"), "2021 vs 2020"),
    );
    assert_eq!(
        periods.message(),
        "The claim is about “2022 vs 2021”, the record about “2021 vs 2020”: record a figure for the claim's period."
    );
    let same = compared(
        &with_period(change(25.0, "percent"), "2022  Compared with 2021."),
        &with_period(change(25.0, "percent"), PERIOD),
    );
    assert_eq!(same.direction, Direction::Matches);
    let missing = compared(&change(25.0, "percent"), &with_period(change(25.0, "percent"), PERIOD));
    assert_eq!(missing.direction, Direction::Matches);
}

#[test]
fn the_claim_is_allowed_half_a_unit_of_its_last_digit() {
    let cases = [
        (25.0, 0.5),
        (20.0, 0.5),
        (999.0, 0.5),
        (1_100_000_000.0, 50_000_000.0),
        (146_887.0, 0.5),
        (1_000.0, 500.0),
        (29.3, 0.05),
        (0.001, 0.0005),
        (-16.75, 0.005),
        (0.0, 0.5),
        (f64::NAN, 0.0),
    ];
    for (x, tolerance) in cases {
        assert!(close(rounding_tolerance(x), tolerance), "{x}: {}", rounding_tolerance(x));
    }
    let direction = |c: f64, r: f64| compared(&level(c, "percent"), &level(r, "percent")).direction;
    assert_eq!(direction(25.0, 25.5), Direction::Matches);
    assert_eq!(direction(25.0, 24.5), Direction::Matches);
    assert_eq!(direction(25.0, 25.4), Direction::Matches);
    assert_eq!(direction(25.0, 25.6), Direction::Understated);
    assert_eq!(direction(29.3, 29.35), Direction::Matches);
    assert_eq!(direction(29.3, 29.36), Direction::Understated);
    let billions = |r: f64| compared(&level(1.1e9, "USD"), &level(r, "USD"));
    assert_eq!(billions(1.14e9).direction, Direction::Matches);
    assert_eq!(billions(1.14e9).summary(), "matches (within ±$50 million)");
    assert_eq!(billions(1.16e9).direction, Direction::Understated);
    let about = |r: f64| compared(&qualified(level(100.0, "people"), Qualifier::About), &level(r, "people"));
    assert_eq!((about(105.0).direction, about(105.0).tolerance), (Direction::Matches, 5.0));
    assert_eq!(about(106.0).direction, Direction::Understated);
    assert_eq!(
        compared(&qualified(level(100.0, "people"), Qualifier::Nearly), &level(95.0, "people")).direction,
        Direction::Matches
    );
    assert_eq!(
        compared(&level(2.345, "percent"), &level(2.545, "percent")).summary(),
        "understated by 0.2 percentage points (7.9%)"
    );
    assert_eq!(
        compared(&level(2.345, "percent"), &level(2.3453, "percent")).summary(),
        "matches (within ±0.0005 percentage points)"
    );
}

#[test]
fn bounds_match_anything_on_their_side() {
    let over = |r: f64| {
        compared(&qualified(level(150_000.0, "people"), Qualifier::Over), &level(r, "people")).direction
    };
    assert_eq!(over(160_000.0), Direction::Matches);
    assert_eq!(over(146_000.0), Direction::Matches, "less the rounding: 150,000 is ±5,000");
    assert_eq!(over(140_000.0), Direction::Overstated);
    let at_most = |r: f64| {
        compared(&qualified(level(100.0, "drones"), Qualifier::AtMost), &level(r, "drones")).direction
    };
    assert_eq!(at_most(90.0), Direction::Matches);
    assert_eq!(at_most(100.5), Direction::Matches);
    assert_eq!(at_most(120.0), Direction::Understated);
    // "Fell by over 10%" is true of a 20% fall: a bound speaks of size.
    let fell_over = qualified(change(-10.0, "percent"), Qualifier::AtLeast);
    assert_eq!(compared(&fell_over, &change(-20.0, "percent")).direction, Direction::Matches);
    assert_eq!(compared(&fell_over, &change(-5.0, "percent")).direction, Direction::Overstated);
    let under = qualified(level(10.0, "drones"), Qualifier::Under);
    assert_eq!(compared(&under, &level(0.0, "drones")).suggested, Status::True);
}

#[test]
fn the_suggestion_follows_the_tolerances() {
    let strict = Tolerances { mostly_true_percent: 5.0, misleading_percent: 10.0 };
    let suggest = |c: f64, t: &Tolerances| {
        compare(&level(c, "drones"), &level(100.0, "drones"), t).map(|c| c.suggested)
    };
    assert_eq!(suggest(120.0, &Tolerances::default()), Ok(Status::MostlyTrue), "20% is within");
    assert_eq!(suggest(150.0, &Tolerances::default()), Ok(Status::Misleading), "50% is within");
    assert_eq!(suggest(151.0, &Tolerances::default()), Ok(Status::False));
    assert_eq!(suggest(104.0, &strict), Ok(Status::MostlyTrue));
    assert_eq!(suggest(108.0, &strict), Ok(Status::Misleading));
    assert_eq!(suggest(111.0, &strict), Ok(Status::False));
}

#[test]
fn tolerances_are_two_increasing_percentages() {
    assert_eq!(Tolerances::parse("20,50"), Ok(Tolerances::default()));
    assert_eq!(
        Tolerances::parse(" 10 , 30% "),
        Ok(Tolerances { mostly_true_percent: 10.0, misleading_percent: 30.0 })
    );
    assert_eq!(Tolerances::parse("0.5,1000").map(|t| t.misleading_percent), Ok(1000.0));
    for bad in [
        "", "20", "50,20", "20,20", "0,50", "-5,50", "20,1001", "a,b", "20,50,70", "NaN,50", "20,inf",
        "20;50",
    ] {
        let message = Tolerances::parse(bad).expect_err(bad);
        assert!(message.contains("like 20,50") && message.contains("at most 1000"), "{bad}: {message}");
    }
}

impl Rng {
    /// A figure a claim could state: a whole number or a decimal, up to a trillion.
    fn claimed_size(&mut self) -> f64 {
        let digits = self.below(13) as u32;
        let whole = self.below(10u64.pow(digits)) as f64;
        let places = self.below(4) as i32;
        whole / 10f64.powi(places)
    }
}

#[test]
fn swapping_the_figures_swaps_overstated_and_understated() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for _ in 0..5000 {
        let shape = rng.pick(&[Shape::Level, Shape::Change]);
        let sign = rng.pick(&[1.0, -1.0]);
        let (a, b) = (sign * (rng.claimed_size() + 1.0), sign * (rng.claimed_size() + 1.0));
        let unit = rng.pick(&["percent", "USD", "people"]);
        let there = compared(&measure(shape, a, unit), &measure(shape, b, unit)).direction;
        let back = compared(&measure(shape, b, unit), &measure(shape, a, unit)).direction;
        if there == Direction::Matches || back == Direction::Matches {
            continue;
        }
        let expected =
            if there == Direction::Overstated { Direction::Understated } else { Direction::Overstated };
        assert_eq!(back, expected, "{a} against {b}: {there:?}");
    }
}

#[test]
fn a_figure_always_matches_itself() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let qualifiers = [
        None,
        Some(Qualifier::About),
        Some(Qualifier::Over),
        Some(Qualifier::AtMost),
        Some(Qualifier::Nearly),
    ];
    for _ in 0..5000 {
        let shape = rng.pick(Shape::ALL);
        let value = rng.pick(&[1.0, -1.0, 0.0]) * rng.claimed_size();
        let m = match shape {
            Shape::Share => Measure {
                of: Some(value.abs() + rng.claimed_size() + 1.0),
                ..measure(shape, value.abs(), "missiles")
            },
            _ => measure(shape, value, rng.pick(&["percent", "pp", "EUR", "people"])),
        };
        let m = Measure { qualifier: rng.pick(&qualifiers), ..m };
        let c = compared(&m, &m);
        assert_eq!((c.direction, c.suggested), (Direction::Matches, Status::True), "{m:?}");
        assert!(c.summary().starts_with("matches (within ±"), "{}", c.summary());
    }
}

#[test]
fn any_pair_of_measures_is_compared_or_refused_without_panicking() {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let values = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.5,
        -1e14,
        1e14,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::MIN_POSITIVE,
    ];
    let wholes = [None, Some(0.0), Some(-3.0), Some(1.0), Some(100.0), Some(f64::NAN), Some(f64::INFINITY)];
    let qualifiers = [
        None,
        Some(Qualifier::About),
        Some(Qualifier::Over),
        Some(Qualifier::Under),
        Some(Qualifier::AtLeast),
    ];
    let random = |rng: &mut Rng| Measure {
        shape: rng.pick(Shape::ALL),
        value: if rng.below(2) == 0 {
            rng.pick(&values)
        } else {
            rng.pick(&[1.0, -1.0]) * rng.claimed_size()
        },
        of: rng.pick(&wholes),
        unit: rng.pick(&["percent", "pp", "USD", "people", "person", ""]).to_owned(),
        period: rng.pick(&[None, Some(""), Some("2022"), Some("2023.")]).map(str::to_owned),
        qualifier: rng.pick(&qualifiers),
    };
    for _ in 0..20_000 {
        let (claimed, recorded) = (random(&mut rng), random(&mut rng));
        match compare(&claimed, &recorded, &Tolerances::default()) {
            Ok(c) => {
                assert!(c.tolerance >= 0.0, "{claimed:?} {recorded:?}: {c:?}");
                assert!(!c.summary().is_empty());
            }
            Err(refusal) => assert!(!refusal.message().is_empty()),
        }
    }
}

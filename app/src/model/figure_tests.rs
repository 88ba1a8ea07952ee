use super::*;
use crate::test_rng::Rng;

fn figure(value: f64, unit: Option<&str>, of: Option<f64>, sign: Option<Sign>) -> Figure {
    Figure { value, unit: unit.map(str::to_owned), of, sign }
}

fn read(text: &str) -> Figure {
    match parse(text) {
        Ok(figure) => figure,
        Err(e) => panic!("{text:?} was refused: {}", e.message()),
    }
}

fn refused(text: &str) -> FigureError {
    match parse(text) {
        Ok(figure) => panic!("{text:?} was read as {figure:?}"),
        Err(e) => e,
    }
}

#[test]
fn plain_numbers_with_thousands_grouped() {
    assert_eq!(read("1,234.5"), figure(1234.5, None, None, None));
    assert_eq!(read("146 887"), figure(146_887.0, None, None, None));
    assert_eq!(read("146\u{a0}887"), figure(146_887.0, None, None, None));
    assert_eq!(read("1 234 567.25"), figure(1_234_567.25, None, None, None));
    assert_eq!(read("0.5"), figure(0.5, None, None, None));
    assert_eq!(read(".5"), figure(0.5, None, None, None));
    assert_eq!(read("  54 "), figure(54.0, None, None, None));
    assert_eq!(read("0"), figure(0.0, None, None, None));
}

#[test]
fn scale_words_and_suffixes() {
    assert_eq!(read("1.1bn"), figure(1_100_000_000.0, None, None, None));
    assert_eq!(read("1.1 billion"), figure(1_100_000_000.0, None, None, None));
    assert_eq!(read("5m"), figure(5_000_000.0, None, None, None));
    assert_eq!(read("5 mn"), figure(5_000_000.0, None, None, None));
    assert_eq!(read("5 MLN"), figure(5_000_000.0, None, None, None));
    assert_eq!(read("12k"), figure(12_000.0, None, None, None));
    assert_eq!(read("3 thousand"), figure(3_000.0, None, None, None));
    assert_eq!(read("2b"), figure(2e9, None, None, None));
    assert_eq!(read("1.5 tn"), figure(1.5e12, None, None, None));
    assert_eq!(read("1.5trn"), figure(1.5e12, None, None, None));
    assert_eq!(read("1.5 Trillion"), figure(1.5e12, None, None, None));
    // Scaled in decimal, not by multiplying floats: exactly the number typed.
    assert_eq!(read("190.27 billion").value, 190_270_000_000.0);
    assert_eq!(read("0.07m").value, 70_000.0);
}

#[test]
fn currencies_by_symbol_code_or_word() {
    assert_eq!(read("$1.1bn"), figure(1.1e9, Some("USD"), None, None));
    assert_eq!(read("€5"), figure(5.0, Some("EUR"), None, None));
    assert_eq!(read("£5"), figure(5.0, Some("GBP"), None, None));
    assert_eq!(read("¥500"), figure(500.0, Some("JPY"), None, None));
    assert_eq!(read("5 €"), figure(5.0, Some("EUR"), None, None));
    assert_eq!(read("USD 5m"), figure(5e6, Some("USD"), None, None));
    assert_eq!(read("5m USD"), figure(5e6, Some("USD"), None, None));
    assert_eq!(read("5m usd"), figure(5e6, Some("USD"), None, None));
    assert_eq!(read("190.27 billion CNY"), figure(190_270_000_000.0, Some("CNY"), None, None));
    assert_eq!(read("190.27 billion dollars"), figure(190_270_000_000.0, Some("USD"), None, None));
    assert_eq!(read("1 dollar"), figure(1.0, Some("USD"), None, None));
    assert_eq!(read("3 US dollars"), figure(3.0, Some("USD"), None, None));
    assert_eq!(read("5 euros"), figure(5.0, Some("EUR"), None, None));
    assert_eq!(read("5 pounds"), figure(5.0, Some("GBP"), None, None));
    assert_eq!(read("5 yen"), figure(5.0, Some("JPY"), None, None));
    assert_eq!(read("5 yuan"), figure(5.0, Some("CNY"), None, None));
    assert_eq!(read("5 renminbi"), figure(5.0, Some("CNY"), None, None));
    for rubles in ["5 rubles", "5 ruble", "5 roubles", "5 rouble"] {
        assert_eq!(read(rubles), figure(5.0, Some("RUB"), None, None));
    }
    // The same currency twice is one unit.
    assert_eq!(read("$5 USD"), figure(5.0, Some("USD"), None, None));
}

#[test]
fn percent_and_percentage_points() {
    for text in ["25%", "25 %", "25 percent", "25 per cent", "25 pct", "25 PERCENT"] {
        assert_eq!(read(text), figure(25.0, Some("percent"), None, None), "{text}");
    }
    assert_eq!(read("-0.5 pp"), figure(0.5, Some("pp"), None, Some(Sign::Minus)));
    assert_eq!(read("0.5 percentage points"), figure(0.5, Some("pp"), None, None));
    assert_eq!(read("1 percentage point"), figure(1.0, Some("pp"), None, None));
    assert_eq!(read("0.5 pts"), figure(0.5, Some("pp"), None, None));
    assert_eq!(read("0.5ppt"), figure(0.5, Some("pp"), None, None));
}

#[test]
fn signs_are_kept_apart_from_the_size() {
    assert_eq!(read("+29.3%"), figure(29.3, Some("percent"), None, Some(Sign::Plus)));
    assert_eq!(read("-3"), figure(3.0, None, None, Some(Sign::Minus)));
    assert_eq!(read("−3"), figure(3.0, None, None, Some(Sign::Minus)));
    assert_eq!(read("–3"), figure(3.0, None, None, Some(Sign::Minus)));
    assert_eq!(read("-$5m"), figure(5e6, Some("USD"), None, Some(Sign::Minus)));
    assert_eq!(read("$-5m"), figure(5e6, Some("USD"), None, Some(Sign::Minus)));
    assert_eq!(read("-3").signed_value(), -3.0);
    assert_eq!(read("+3").signed_value(), 3.0);
    assert_eq!(read("3").signed_value(), 3.0);
    assert_eq!(figure(-3.0, None, None, None).signed_value(), -3.0);
    assert_eq!(figure(-3.0, None, None, Some(Sign::Plus)).signed_value(), 3.0);
}

#[test]
fn parts_of_a_whole() {
    for text in ["54 of 69", "54 out of 69", "54/69", "54 / 69", "54 OUT OF 69"] {
        assert_eq!(read(text), figure(54.0, None, Some(69.0), None), "{text}");
    }
    assert_eq!(read("54 of 69 missiles"), figure(54.0, Some("missiles"), Some(69.0), None));
    assert_eq!(read("1.2m of 3m voters"), figure(1.2e6, Some("voters"), Some(3e6), None));
    assert_eq!(read("70 of 69").of, Some(69.0), "a part above its whole is for the comparison to refuse");
}

#[test]
fn a_counted_noun_is_the_unit() {
    assert_eq!(read("150,000 people"), figure(150_000.0, Some("people"), None, None));
    assert_eq!(read("16 Shahed drones"), figure(16.0, Some("Shahed drones"), None, None));
    assert_eq!(read("5 million  cruise-missiles"), figure(5e6, Some("cruise-missiles"), None, None));
}

#[test]
fn fractions_in_words() {
    let cases = [
        ("half", 1.0, 2.0),
        ("a half", 1.0, 2.0),
        ("one half", 1.0, 2.0),
        ("a third", 1.0, 3.0),
        ("One Third", 1.0, 3.0),
        ("two thirds", 2.0, 3.0),
        ("two-thirds", 2.0, 3.0),
        ("a quarter", 1.0, 4.0),
        ("three quarters", 3.0, 4.0),
        ("a fifth", 1.0, 5.0),
        ("a tenth", 1.0, 10.0),
    ];
    for (text, part, whole) in cases {
        assert_eq!(read(text), figure(part, None, Some(whole), None), "{text}");
    }
    assert_eq!(refused("three halves").problem, Problem::NotUnderstood("three".into()));
}

#[test]
fn refusals_quote_what_was_typed_and_say_what_is_read() {
    let e = refused("12 apples and 3");
    assert_eq!(e.problem, Problem::TwoNumbers);
    let message = e.message();
    assert!(message.starts_with("“12 apples and 3” has more than one number"), "{message}");
    assert!(message
        .ends_with("Type it as people write it: 25%, $1.1 billion, 1.1bn, 54 of 69, a third, -0.5 pp."));
    assert_eq!(e.to_string(), message);

    let e = refused("about 5");
    assert_eq!(e.problem, Problem::NotUnderstood("about".into()));
    assert!(e.message().contains("“about 5”") && e.message().contains("did not understand “about”"));

    let e = refused("111,111,111,111 people and 3 more people and more people and more");
    assert!(
        e.message().starts_with("“111,111,111,111 people and 3 more people…” has more"),
        "{}",
        e.message()
    );
    assert!(e.message().contains('…'), "long input is clipped: {}", e.message());
}

#[test]
fn refuses_what_is_not_one_bounded_figure() {
    let cases = [
        ("", Problem::Empty),
        ("   ", Problem::Empty),
        ("nan", Problem::NotUnderstood("nan".into())),
        ("inf", Problem::NotUnderstood("inf".into())),
        ("1e300", Problem::Exponent),
        ("1E6", Problem::Exponent),
        ("1e-7", Problem::Exponent),
        ("2 trillion trillion", Problem::NotUnderstood("trillion".into())),
        ("1000 trillion", Problem::OutOfRange),
        ("0.0000001", Problem::OutOfRange),
        ("54 of 0", Problem::WholeNotAboveZero),
        ("54 of -69", Problem::WholeNotAboveZero),
        ("54 69", Problem::TwoNumbers),
        ("2022 100", Problem::TwoNumbers),
        ("$5 EUR", Problem::TwoUnits("USD".into(), "EUR".into())),
        ("5% USD", Problem::TwoUnits("percent".into(), "USD".into())),
        ("25% of 50", Problem::PartNotCounted),
        ("+54 of 69", Problem::PartNotCounted),
        ("54 of 69%", Problem::PartNotCounted),
        ("25% of voters", Problem::NotUnderstood("of".into())),
        ("5 people's", Problem::NotUnderstood("'".into())),
        ("1,23", Problem::Malformed),
        ("1.2.3", Problem::Malformed),
        ("1234,567", Problem::Malformed),
        ("5.", Problem::Malformed),
        ("$", Problem::NoNumber),
        ("percent", Problem::NoNumber),
    ];
    for (text, problem) in cases {
        assert_eq!(refused(text).problem, problem, "{text:?}");
        assert!(refused(text).message().contains(ACCEPTED), "{text:?}");
    }
    assert!(refused("1000 trillion").message().contains("from 0.000001 to 999 trillion"));
    let noun = "a".repeat(NOUN_MAX + 1);
    assert_eq!(refused(&format!("5 {noun}")).problem, Problem::NounTooLong);
    assert_eq!(refused(&"1".repeat(MAX_CHARS + 1)).problem, Problem::TooLong(MAX_CHARS + 1));
}

#[test]
fn canonical_is_exact_and_unambiguous() {
    let cases = [
        (figure(1.1e9, Some("USD"), None, None), "$1,100,000,000"),
        (figure(25.0, Some("percent"), None, None), "25%"),
        (figure(29.3, Some("percent"), None, Some(Sign::Plus)), "+29.3%"),
        (figure(0.5, Some("pp"), None, Some(Sign::Minus)), "−0.5 pp"),
        (figure(54.0, None, Some(69.0), None), "54 of 69"),
        (figure(54.0, Some("missiles"), Some(69.0), None), "54 of 69 missiles"),
        (figure(190_270_000_000.0, Some("CNY"), None, None), "190,270,000,000 CNY"),
        (figure(150_000.0, Some("people"), None, None), "150,000 people"),
        (figure(5e6, Some("USD"), None, Some(Sign::Minus)), "−$5,000,000"),
        (figure(0.000001, None, None, None), "0.000001"),
        (figure(1234.5, None, None, None), "1,234.5"),
        (figure(-3.0, None, None, None), "−3"),
    ];
    for (figure, text) in cases {
        assert_eq!(figure.canonical(), text);
    }
    assert_eq!(read("−0.5 pp").canonical(), "−0.5 pp");
    assert_eq!(read("two thirds").canonical(), "2 of 3");
}

impl Rng {
    /// A figure's size: round numbers, decimals, or any float in the bounds (17 digits).
    fn size(&mut self) -> f64 {
        loop {
            let x = match self.below(4) {
                0 => 0.0,
                1 => {
                    let digits = self.below(16) as u32;
                    self.below(10u64.pow(digits)) as f64
                }
                2 => self.below(1_000_000_000) as f64 / 10f64.powi(self.below(10) as i32),
                _ => {
                    let exponent = self.below(70) as i64 - 20;
                    f64::from_bits(((1023 + exponent) as u64) << 52 | (self.next() >> 12))
                }
            };
            if x == 0.0 || (SMALLEST_FIGURE..LARGEST_FIGURE).contains(&x) {
                return x;
            }
        }
    }
}

#[test]
fn every_figure_read_is_written_back_and_read_again_bit_for_bit() {
    let longest = "long-noun ".repeat(6);
    let nouns = ["people", "cruise missiles", "Shahed drones", "F-sixteens", longest.trim()];
    let units = ["percent", "pp", "USD", "EUR", "GBP", "JPY", "CNY", "RUB"];
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for _ in 0..5000 {
        let value = rng.size();
        let counted = rng.below(3) > 0;
        let unit = match rng.below(3) {
            0 => None,
            1 if counted => Some(nouns[rng.below(nouns.len() as u64) as usize].to_owned()),
            _ => Some(units[rng.below(units.len() as u64) as usize].to_owned()),
        };
        let can_have_whole = unit.as_deref().is_none_or(|u| !units.contains(&u));
        let of = (can_have_whole && rng.below(2) == 0).then(|| value.max(rng.size()).max(SMALLEST_FIGURE));
        let sign = match rng.below(3) {
            _ if of.is_some() => None,
            0 => Some(Sign::Plus),
            1 => Some(Sign::Minus),
            _ => None,
        };
        let original = Figure { value, unit, of, sign };
        let text = original.canonical();
        let back = read(&text);
        assert_eq!(back.value.to_bits(), original.value.to_bits(), "{text}");
        assert_eq!(back.of.map(f64::to_bits), original.of.map(f64::to_bits), "{text}");
        assert_eq!((back.unit, back.sign), (original.unit, original.sign), "{text}");
    }
}

#[test]
fn arbitrary_text_never_panics() {
    const PIECES: &[&str] = &[
        "1",
        "23",
        "456",
        ",",
        ".",
        " ",
        "\u{a0}",
        "-",
        "+",
        "−",
        "$",
        "€",
        "%",
        "/",
        "e",
        "of",
        "out",
        "bn",
        "m",
        "percent",
        "pp",
        "USD",
        "a",
        "third",
        "two-",
        "people",
        "é",
        "\u{202e}",
        "0",
        "9999999999",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let len = rng.below(8) as usize;
        let text: String = (0..len).map(|_| PIECES[rng.below(PIECES.len() as u64) as usize]).collect();
        match parse(&text) {
            Ok(figure) => {
                assert!(figure.value >= 0.0 && figure.value < LARGEST_FIGURE, "{text:?}");
                assert!(figure.of.is_none_or(|of| of > 0.0), "{text:?}");
                assert_eq!(parse(&figure.canonical()), Ok(figure), "{text:?}");
            }
            Err(e) => assert!(!e.message().is_empty()),
        }
    }
}

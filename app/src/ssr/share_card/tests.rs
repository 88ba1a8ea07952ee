use super::card::{layout_claim, CLAIM_FALLBACK};
use super::palette::{self, contrast, status_colours};
use super::text_layout::{fit_lines, wrap};
use super::*;

/// The card's bytes; drawing a card in the tests never fails.
fn png_of(card: &ShareCard) -> Vec<u8> {
    render_png(card).expect("the card draws")
}

fn card(claim: &str) -> ShareCard<'_> {
    ShareCard {
        site_name: "claimtrack",
        speaker: "Vladimir Putin",
        claim,
        rating: Status::False,
        date: "12 March 2024",
        retracted: false,
    }
}

/// About 2,000 characters of ordinary words.
fn long_claim() -> String {
    "The economy grew faster last year than in any year of the past decade, and unemployment fell to a record low. "
        .repeat(19)
}

#[test]
fn renders_a_1200_by_630_png() {
    let png = png_of(&card("Inflation is down."));
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let reader = png::Decoder::new(std::io::Cursor::new(png)).read_info().unwrap();
    assert_eq!((reader.info().width, reader.info().height), (WIDTH, HEIGHT));
}

#[test]
fn a_2000_character_claim_stays_under_300_kb() {
    let claim = long_claim();
    assert!(claim.len() >= 2000);
    assert!(png_of(&card(&claim)).len() < 300 * 1024);
}

#[test]
fn the_same_card_gives_the_same_bytes() {
    assert_eq!(png_of(&card("Inflation is down.")), png_of(&card("Inflation is down.")));
}

#[test]
fn a_retracted_card_differs() {
    let retracted = ShareCard { retracted: true, ..card("Inflation is down.") };
    assert_ne!(png_of(&card("Inflation is down.")), png_of(&retracted));
}

#[test]
fn every_status_renders() {
    for &rating in Status::ALL {
        let png = png_of(&ShareCard { rating, ..card("Inflation is down.") });
        assert!(png.len() > 1000, "{rating:?}");
    }
}

/// A fixed-width measure: one unit a character.
fn chars(s: &str) -> f32 {
    s.chars().count() as f32
}

#[test]
fn wrapping_breaks_between_words_and_only_breaks_words_wider_than_a_line() {
    assert_eq!(wrap("one two three four", 9.0, &chars), ["one two", "three", "four"]);
    assert_eq!(wrap("a abcdefghij b", 4.0, &chars), ["a ab", "cdef", "ghij", "b"]);
    assert_eq!(wrap("abcdefgh", 4.0, &chars), ["abcd", "efgh"]);
}

#[test]
fn shortening_cuts_after_a_whole_word_and_ends_with_an_ellipsis() {
    let text = "alpha beta gamma, delta epsilon zeta eta theta";
    let fitted = fit_lines(text, 18.0, 2, "…", &chars);
    assert!(fitted.cut);
    assert_eq!(fitted.lines, ["alpha beta gamma,", "delta epsilon…"], "\"zeta…\" would be 19 wide");
    let one = fit_lines(text, 18.0, 1, "…", &chars);
    assert_eq!(one.lines, ["alpha beta gamma…"], "the comma before the cut goes too");
    let kept = fitted.lines.join(" ");
    let kept = kept.trim_end_matches('…');
    assert!(text.starts_with(kept) && text[kept.len()..].starts_with([',', ' ']));
}

#[test]
fn a_long_claim_is_cut_at_a_word_boundary_at_the_smallest_size() {
    let claim = long_claim();
    let layout = layout_claim(&claim);
    assert!(layout.lines.cut && !layout.fallback);
    assert_eq!(layout.size, 38.0);
    let last = layout.lines.lines.last().unwrap();
    assert!(last.ends_with("…”"));
    let kept = layout.lines.lines.join(" ");
    let kept = kept.trim_start_matches('“').trim_end_matches("…”");
    let rest = &claim[kept.len()..];
    assert!(claim.starts_with(kept) && rest.starts_with([' ', ',']), "cut mid-word: {kept:?}");
}

#[test]
fn a_short_claim_is_set_large_and_whole() {
    let layout = layout_claim("Inflation is down.");
    assert_eq!(layout.size, 60.0);
    assert_eq!(layout.lines.lines, ["“Inflation is down.”"]);
}

#[test]
fn newlines_and_controls_become_spaces() {
    let layout = layout_claim("Inflation\n\tis\r\ndown.\u{0}");
    assert_eq!(layout.lines.lines, ["“Inflation is down.”"]);
}

#[test]
fn the_fallback_line_stands_in_for_cjk_but_not_for_cyrillic_or_greek() {
    let cjk = layout_claim("经济增长了百分之五");
    assert!(cjk.fallback);
    assert_eq!(cjk.lines.lines, [CLAIM_FALLBACK]);
    assert!(!layout_claim("Экономика выросла на пять процентов").fallback);
    assert!(!layout_claim("Η οικονομία αναπτύχθηκε κατά πέντε τοις εκατό").fallback);
    // Right-to-left scripts would be drawn reversed without a shaper.
    assert!(layout_claim("הכלכלה צמחה").fallback);
}

#[test]
fn every_status_has_colours_and_its_words_keep_4_5_to_1_contrast() {
    for &status in Status::ALL {
        let c = status_colours(status);
        assert!(contrast(c.ink, c.bg) >= 4.5, "{status:?} words");
        assert!(contrast(palette::INK, c.bg) >= 4.5, "{status:?} step labels");
    }
    for (ink, bg) in [
        (palette::INK, palette::PAPER),
        (palette::INK_SOFT, palette::PAPER),
        (palette::ACCENT, palette::PAPER),
        (palette::RETRACTED_INK, palette::RETRACTED_BG),
        (palette::RETRACTED_SOFT, palette::RETRACTED_BG),
    ] {
        assert!(contrast(ink, bg) >= 4.5, "{ink:?} on {bg:?}");
    }
}

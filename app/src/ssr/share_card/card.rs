//! The card's upper part: the status stripe, the site name and date, the speaker and the claim.

use super::canvas::{Canvas, Rect};
use super::palette::{status_colours, ACCENT, INK, INK_SOFT, RETRACTED_BG};
use super::text::{self, Style, Weight};
use super::text_layout::{fit_lines, fit_sizes, Lines};
use super::{ShareCard, WIDTH};

pub(super) const MARGIN: f32 = 72.0;
const CONTENT_W: f32 = WIDTH as f32 - 2.0 * MARGIN;
const STRIPE_H: f32 = 12.0;
const HEADER_BASELINE: f32 = 74.0;
const SPEAKER_BASELINE: f32 = 140.0;
const CLAIM_TOP: f32 = 168.0;
const CLAIM_BOTTOM: f32 = 448.0;
/// Claim sizes, largest first: the largest at which the whole claim fits is used.
const CLAIM_SIZES: [f32; 4] = [60.0, 52.0, 44.0, 38.0];
const LINE_HEIGHT: f32 = 1.22;
const SPEAKER_SIZE: f32 = 38.0;

/// What is drawn when the font lacks glyphs for the text, instead of empty boxes.
pub(super) const CLAIM_FALLBACK: &str = "Open the link to read this claim";
pub(super) const SPEAKER_FALLBACK: &str = "Speaker’s name in the link";

/// The claim as laid out: the size, the lines (in quotation marks), whether they were cut, and
/// whether the fallback line stands in for text the font cannot draw.
#[derive(Debug)]
pub(super) struct ClaimLayout {
    pub size: f32,
    pub lines: Lines,
    pub fallback: bool,
}

pub(super) fn layout_claim(claim: &str) -> ClaimLayout {
    let claim = text::clean(claim);
    if claim.is_empty() || !text::can_draw(Weight::Regular, &claim) {
        let lines = Lines { lines: vec![CLAIM_FALLBACK.to_owned()], cut: false };
        return ClaimLayout { size: CLAIM_SIZES[2], lines, fallback: true };
    }
    let quoted = format!("“{claim}”");
    let max_lines = |size: f32| (((CLAIM_BOTTOM - CLAIM_TOP) - size) / (size * LINE_HEIGHT)) as usize + 1;
    let measure = |s: &str, size: f32| text::width(Weight::Regular, size, s);
    let (size, lines) = fit_sizes(&quoted, &CLAIM_SIZES, CONTENT_W, &max_lines, "…”", &measure);
    ClaimLayout { size, lines, fallback: false }
}

/// `text` in one line of at most `max_width`, cut after a word with "…" if need be.
fn one_line(style: Style, text: &str, max_width: f32) -> String {
    let measure = |s: &str| text::width(style.weight, style.size, s);
    fit_lines(text, max_width, 1, "…", &measure).lines.concat()
}

pub(super) fn draw_top(canvas: &mut Canvas, card: &ShareCard) {
    // The stripe repeats the panel's colour at the top, where a cropped preview still shows it.
    let stripe = if card.retracted { RETRACTED_BG } else { status_colours(card.rating).fill };
    canvas.fill_rect(Rect { x: 0.0, y: 0.0, w: WIDTH as f32, h: STRIPE_H }, stripe);
    let date_style = Style { weight: Weight::Regular, size: 28.0, colour: INK_SOFT };
    let date = one_line(date_style, &text::clean(card.date), CONTENT_W / 2.0);
    let date_w = text::draw_right(canvas, date_style, &date, WIDTH as f32 - MARGIN, HEADER_BASELINE);
    let site_style = Style { weight: Weight::Bold, size: 30.0, colour: ACCENT };
    let site = one_line(site_style, &text::clean(card.site_name), CONTENT_W - date_w - 32.0);
    text::draw(canvas, site_style, &site, MARGIN, HEADER_BASELINE);
    // A short claim leaves room below it: the speaker and claim move down by half of it, so the
    // group sits centred between the header and the rating panel.
    let claim = layout_claim(card.claim);
    let shift = ((CLAIM_BOTTOM - CLAIM_TOP - claim_height(&claim)) / 2.0).max(0.0);
    draw_speaker(canvas, card.speaker, SPEAKER_BASELINE + shift);
    draw_claim(canvas, &claim, CLAIM_TOP + shift);
}

/// From the top of the first line to the bottom of the last.
fn claim_height(layout: &ClaimLayout) -> f32 {
    let lines = layout.lines.lines.len().max(1) as f32;
    (lines - 1.0) * layout.size * LINE_HEIGHT + layout.size
}

fn draw_speaker(canvas: &mut Canvas, speaker: &str, baseline: f32) {
    let speaker = text::clean(speaker);
    if speaker.is_empty() {
        return;
    }
    let style = Style { weight: Weight::Bold, size: SPEAKER_SIZE, colour: INK };
    if text::can_draw(Weight::Bold, &speaker) {
        let line = one_line(style, &speaker, CONTENT_W);
        text::draw(canvas, style, &line, MARGIN, baseline);
    } else {
        text::draw(canvas, Style { colour: INK_SOFT, ..style }, SPEAKER_FALLBACK, MARGIN, baseline);
    }
}

fn draw_claim(canvas: &mut Canvas, layout: &ClaimLayout, top: f32) {
    let colour = if layout.fallback { INK_SOFT } else { INK };
    let style = Style { weight: Weight::Regular, size: layout.size, colour };
    let mut baseline = top + text::ascent(Weight::Regular, layout.size);
    for (i, line) in layout.lines.lines.iter().enumerate() {
        // The opening quotation mark hangs in the margin so the words line up on the left.
        let hang =
            if i == 0 && !layout.fallback { text::width(Weight::Regular, layout.size, "“") } else { 0.0 };
        text::draw(canvas, style, line, MARGIN - hang, baseline);
        baseline += layout.size * LINE_HEIGHT;
    }
}

//! The card's lower panel: the rating scale as four steps with the claim's step raised and
//! outlined (as the page's rating graphic draws it) and the rating in words, large; or, for a
//! retracted claim, "Retracted" with the earlier rating in small, muted words.

use crate::model::Status;

use super::canvas::{Canvas, Rect};
use super::card::MARGIN;
use super::palette::{self, status_colours, Rgb, INK, RETRACTED_BG, RETRACTED_INK, RETRACTED_SOFT};
use super::text::{self, Style, Weight};
use super::{HEIGHT, WIDTH};

const PANEL_TOP: f32 = 476.0;
/// The scale's steps, best to worst, as in components/rating_graphic.rs.
const SCALE: [Status; 4] = [Status::True, Status::MostlyTrue, Status::Misleading, Status::False];
const STEP_W: f32 = 116.0;
const STEP_GAP: f32 = 8.0;
const STEPS_BOTTOM: f32 = 572.0;
const WORD_SIZES: [f32; 5] = [64.0, 56.0, 48.0, 40.0, 34.0];

fn panel(canvas: &mut Canvas, colour: Rgb) {
    let r = Rect { x: 0.0, y: PANEL_TOP, w: WIDTH as f32, h: HEIGHT as f32 - PANEL_TOP };
    canvas.fill_rect(r, colour);
}

pub(super) fn draw_rating(canvas: &mut Canvas, status: Status) {
    let colours = status_colours(status);
    panel(canvas, colours.bg);
    // Off the scale (being checked, unverifiable, opinion): the scale is shown, no step marked.
    let current = SCALE.iter().position(|s| *s == status);
    for (i, step) in SCALE.iter().enumerate() {
        let x = MARGIN + i as f32 * (STEP_W + STEP_GAP);
        draw_step(canvas, x, step.label(), (current == Some(i)).then_some(colours.fill));
    }
    let words_x = MARGIN + 4.0 * STEP_W + 3.0 * STEP_GAP + 48.0;
    let caption = if status.is_ruling() { "Our rating" } else { "Status" };
    words(canvas, caption, status.label(), words_x, colours.ink);
}

/// One step of the scale with its label under it; `marked` is the fill of the claim's step,
/// which is raised and outlined so the mark reads without colour too.
fn draw_step(canvas: &mut Canvas, x: f32, label: &str, marked: Option<Rgb>) {
    let (height, edge, fill, weight) = match marked {
        Some(fill) => (62.0, 3.0, fill, Weight::Bold),
        None => (24.0, 1.5, palette::STEP_IDLE, Weight::Regular),
    };
    let edge_colour = if marked.is_some() { INK } else { palette::STEP_IDLE_EDGE };
    let outer = Rect { x, y: STEPS_BOTTOM - height, w: STEP_W, h: height };
    canvas.fill_rounded(outer, 6.0, edge_colour);
    let inner = Rect { x: x + edge, y: outer.y + edge, w: STEP_W - 2.0 * edge, h: height - 2.0 * edge };
    canvas.fill_rounded(inner, 6.0 - edge, fill);
    let style = Style { weight, size: 20.0, colour: INK };
    let w = text::width(weight, style.size, label);
    text::draw(canvas, style, label, x + (STEP_W - w) / 2.0, STEPS_BOTTOM + 30.0);
}

/// A small caption over large words, the words at the largest size that fits the panel's width.
fn words(canvas: &mut Canvas, caption: &str, words: &str, x: f32, colour: Rgb) {
    let available = WIDTH as f32 - MARGIN - x;
    let size = WORD_SIZES
        .iter()
        .copied()
        .find(|&s| text::width(Weight::Bold, s, words) <= available)
        .unwrap_or(WORD_SIZES[WORD_SIZES.len() - 1]);
    text::draw(canvas, Style { weight: Weight::Regular, size: 26.0, colour }, caption, x, PANEL_TOP + 48.0);
    text::draw(canvas, Style { weight: Weight::Bold, size, colour }, words, x, PANEL_TOP + 112.0);
}

pub(super) fn draw_retracted(canvas: &mut Canvas, status: Status) {
    panel(canvas, RETRACTED_BG);
    let big = Style { weight: Weight::Bold, size: 72.0, colour: RETRACTED_INK };
    text::draw(canvas, big, "Retracted", MARGIN, PANEL_TOP + 86.0);
    let note = Style { weight: Weight::Regular, size: 26.0, colour: RETRACTED_SOFT };
    text::draw(canvas, note, "Withdrawn: the link gives the reason.", MARGIN, PANEL_TOP + 128.0);
    // The earlier rating stays legible but small and colourless: it no longer stands.
    let right = WIDTH as f32 - MARGIN;
    let before = if status.is_ruling() { "Earlier rating" } else { "Earlier status" };
    text::draw_right(canvas, note, before, right, PANEL_TOP + 62.0);
    let earlier = Style { weight: Weight::Bold, size: 34.0, colour: RETRACTED_SOFT };
    text::draw_right(canvas, earlier, status.label(), right, PANEL_TOP + 108.0);
}

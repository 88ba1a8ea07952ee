//! The bundled fonts: cleaning text for them, checking they can draw it, measuring and drawing it.
//! No shaping engine: glyphs are set one after another with the font's kerning, which is right
//! for the left-to-right alphabets DejaVu Sans covers (Latin, Greek, Cyrillic, Armenian, ...).

use std::sync::LazyLock;

use ab_glyph::{point, Font, FontRef, GlyphId, PxScale, ScaleFont};

use super::canvas::Canvas;
use super::palette::Rgb;

// Shipped with the app (app/fonts/, licence beside them) so cards look the same on every host.
// Parsed once; a font that does not parse (a damaged build) makes every card an error, never a
// panic (see `fonts_ready`).
static REGULAR: LazyLock<Option<FontRef<'static>>> =
    LazyLock::new(|| FontRef::try_from_slice(include_bytes!("../../../fonts/DejaVuSans.ttf")).ok());
static BOLD: LazyLock<Option<FontRef<'static>>> =
    LazyLock::new(|| FontRef::try_from_slice(include_bytes!("../../../fonts/DejaVuSans-Bold.ttf")).ok());

/// Whether both bundled fonts parsed.
pub(super) fn fonts_ready() -> bool {
    REGULAR.is_some() && BOLD.is_some()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Weight {
    Regular,
    Bold,
}

fn font(weight: Weight) -> Option<&'static FontRef<'static>> {
    match weight {
        Weight::Regular => REGULAR.as_ref(),
        Weight::Bold => BOLD.as_ref(),
    }
}

/// How a run of text is drawn. `size` is ab_glyph's pixel scale (ascender to descender).
#[derive(Clone, Copy, Debug)]
pub(super) struct Style {
    pub weight: Weight,
    pub size: f32,
    pub colour: Rgb,
}

/// Text as the card sets it: any whitespace or control character (newlines, tabs) becomes one
/// space, invisible formatting characters are dropped, and the ends are trimmed. None of these
/// has a visible glyph, so left in they would draw as empty boxes or break the layout.
pub(super) fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() || c.is_control() {
            pending_space = true;
        } else if !is_invisible(c) {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
    }
    out
}

/// Soft hyphen, zero-width characters, direction marks, word joiners, variation selectors, BOM.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

/// Whether the font can draw all of `text` (already `clean`ed) faithfully: every character has a
/// glyph, and none belongs to a right-to-left or joining script, which without a shaper would come
/// out reversed and unjoined: a misquote, worse than the neutral fallback line.
pub(super) fn can_draw(weight: Weight, text: &str) -> bool {
    let Some(font) = font(weight) else { return false };
    text.chars().all(|c| c == ' ' || (!needs_shaping(c) && font.glyph_id(c) != GlyphId(0)))
}

/// Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their presentation forms, and
/// the historic right-to-left blocks of the supplementary planes.
fn needs_shaping(c: char) -> bool {
    matches!(u32::from(c), 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFE | 0x10800..=0x10FFF
        | 0x1E800..=0x1EFFF)
}

/// Walks `text`'s glyphs, calling `visit` with each glyph and its pen position from 0; returns
/// the total advance. Measuring and drawing share it, so what fits is exactly what is drawn.
fn walk(weight: Weight, size: f32, text: &str, mut visit: impl FnMut(GlyphId, f32)) -> f32 {
    let Some(font) = font(weight) else { return 0.0 };
    let scaled = font.as_scaled(PxScale::from(size));
    let mut pen = 0.0;
    let mut previous: Option<GlyphId> = None;
    for c in text.chars() {
        let id = scaled.glyph_id(c);
        if let Some(previous) = previous {
            pen += scaled.kern(previous, id);
        }
        visit(id, pen);
        pen += scaled.h_advance(id);
        previous = Some(id);
    }
    pen
}

pub(super) fn width(weight: Weight, size: f32, text: &str) -> f32 {
    walk(weight, size, text, |_, _| {})
}

/// The height above the baseline of the font's tallest marks, for placing a first line.
pub(super) fn ascent(weight: Weight, size: f32) -> f32 {
    font(weight).map_or(0.0, |font| font.as_scaled(PxScale::from(size)).ascent())
}

/// Draws `text` with its left end at `x` and its baseline at `baseline`; returns its width.
/// Glyph 0 (the font's "missing" box) is never drawn.
pub(super) fn draw(canvas: &mut Canvas, style: Style, text: &str, x: f32, baseline: f32) -> f32 {
    let Some(font) = font(style.weight) else { return 0.0 };
    let scale = PxScale::from(style.size);
    walk(style.weight, style.size, text, |id, pen| {
        if id == GlyphId(0) {
            return;
        }
        let glyph = id.with_scale_and_position(scale, point(x + pen, baseline));
        if let Some(outlined) = font.outline_glyph(glyph) {
            let bounds = outlined.px_bounds();
            let (left, top) = (bounds.min.x as i32, bounds.min.y as i32);
            outlined.draw(|gx, gy, coverage| {
                canvas.blend(left + gx as i32, top + gy as i32, style.colour, coverage);
            });
        }
    })
}

/// Draws `text` ending at `right`; returns its width.
pub(super) fn draw_right(canvas: &mut Canvas, style: Style, text: &str, right: f32, baseline: f32) -> f32 {
    let w = width(style.weight, style.size, text);
    draw(canvas, style, text, right - w, baseline)
}

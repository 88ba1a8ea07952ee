//! A claim's social share card: a 1200×630 PNG for og:image / twitter:image, drawn here (fonts
//! bundled, no browser or outside service) so it is fast, deterministic and works offline.
//!
//! Layout: a stripe in the rating's colour; the site name and date; the speaker; the claim in
//! quotation marks at the largest size that fits (cut after a word with "…" if none does); and a
//! panel with the rating scale and the rating in words, or "Retracted" for a retracted claim.

mod canvas;
mod card;
mod palette;
mod rating;
#[cfg(test)]
mod tests;
mod text;
mod text_layout;

use crate::model::Status;

/// What a card shows.
pub struct ShareCard<'a> {
    /// e.g. "claimtrack"
    pub site_name: &'a str,
    /// e.g. "Vladimir Putin"
    pub speaker: &'a str,
    /// The claim text, any length.
    pub claim: &'a str,
    pub rating: Status,
    /// Already formatted, e.g. "12 March 2024".
    pub date: &'a str,
    /// A retracted claim's card says "Retracted" prominently and plays the rating down.
    pub retracted: bool,
}

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// Why a card could not be drawn: a damaged build (fonts), or the encoder.
#[derive(Debug, thiserror::Error)]
pub enum CardError {
    #[error("the bundled fonts do not parse")]
    Fonts,
    #[error("the PNG encoder failed: {0}")]
    Encoding(#[from] png::EncodingError),
}

/// The card as PNG bytes (opaque RGB, under 300 KB). Same card, same bytes.
pub fn render_png(card: &ShareCard) -> Result<Vec<u8>, CardError> {
    if !text::fonts_ready() {
        return Err(CardError::Fonts);
    }
    let mut canvas = canvas::Canvas::new(WIDTH, HEIGHT, palette::PAPER);
    card::draw_top(&mut canvas, card);
    if card.retracted {
        rating::draw_retracted(&mut canvas, card.rating);
    } else {
        rating::draw_rating(&mut canvas, card.rating);
    }
    Ok(canvas.encode_png()?)
}

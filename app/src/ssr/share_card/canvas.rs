//! An opaque RGB pixel buffer with the few shapes the card needs, and its PNG encoding.

use super::palette::Rgb;

/// A rectangle in pixels (top-left corner, size).
#[derive(Clone, Copy, Debug)]
pub(super) struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

pub(super) struct Canvas {
    width: u32,
    height: u32,
    pixels: Vec<u8>,
}

impl Canvas {
    pub fn new(width: u32, height: u32, background: Rgb) -> Canvas {
        let pixels = background.repeat(width as usize * height as usize);
        Canvas { width, height, pixels }
    }

    /// Mixes `colour` into one pixel by `coverage` (0 = untouched, 1 = replaced); pixels outside
    /// the canvas are ignored so callers need not clip.
    pub fn blend(&mut self, x: i32, y: i32, colour: Rgb, coverage: f32) {
        if x < 0 || y < 0 || x >= self.width as i32 || y >= self.height as i32 || coverage <= 0.0 {
            return;
        }
        let a = coverage.min(1.0);
        let at = (y as usize * self.width as usize + x as usize) * 3;
        for (channel, target) in self.pixels[at..at + 3].iter_mut().zip(colour) {
            let mixed = f32::from(*channel) + (f32::from(target) - f32::from(*channel)) * a;
            *channel = mixed.round() as u8;
        }
    }

    /// Fills a rectangle whose corners are rounded by `radius`, anti-aliased on the curves.
    pub fn fill_rounded(&mut self, r: Rect, radius: f32, colour: Rgb) {
        let radius = radius.min(r.w / 2.0).min(r.h / 2.0).max(0.0);
        // The centres of the corner circles span this inner box; a pixel's distance from it
        // decides its coverage.
        let (ix0, ix1) = (r.x + radius, r.x + r.w - radius);
        let (iy0, iy1) = (r.y + radius, r.y + r.h - radius);
        for py in r.y.floor() as i32..(r.y + r.h).ceil() as i32 {
            for px in r.x.floor() as i32..(r.x + r.w).ceil() as i32 {
                let (cx, cy) = (px as f32 + 0.5, py as f32 + 0.5);
                let dx = (ix0 - cx).max(cx - ix1).max(0.0);
                let dy = (iy0 - cy).max(cy - iy1).max(0.0);
                // In a corner square: how far inside the corner's circle the pixel's centre is.
                let corner =
                    if dx > 0.0 && dy > 0.0 { radius + 0.5 - (dx * dx + dy * dy).sqrt() } else { 1.0 };
                // Straight edges: how much of the pixel lies inside the rectangle.
                let across = (cx - r.x + 0.5).min(r.x + r.w - cx + 0.5).clamp(0.0, 1.0);
                let down = (cy - r.y + 0.5).min(r.y + r.h - cy + 0.5).clamp(0.0, 1.0);
                let coverage = corner.clamp(0.0, 1.0) * across * down;
                self.blend(px, py, colour, coverage);
            }
        }
    }

    pub fn fill_rect(&mut self, r: Rect, colour: Rgb) {
        self.fill_rounded(r, 0.0, colour);
    }

    /// The canvas as an 8-bit RGB PNG. `Fast` (fdeflate) keeps a whole render well under the
    /// time budget and, on flat-coloured cards like these, within a few per cent of `Balanced`.
    pub fn encode_png(&self) -> Result<Vec<u8>, png::EncodingError> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, self.width, self.height);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(&self.pixels)?;
        writer.finish()?;
        Ok(out)
    }
}

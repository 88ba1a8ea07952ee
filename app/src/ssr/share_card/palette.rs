//! The card's colours: the site's status palette (style/main.css) and the neutrals around it.
//! Every text colour here is used on a background it keeps at least 4.5:1 contrast with (WCAG AA
//! for normal text); the tests check the pairs the card actually draws.

use crate::model::Status;

/// An sRGB colour, 8 bits a channel (the card is opaque RGB).
pub(super) type Rgb = [u8; 3];

/// A status's colours, as in main.css: `ink` for words on `bg`, `fill` for the marked step.
#[derive(Clone, Copy, Debug)]
pub(super) struct StatusColours {
    pub ink: Rgb,
    pub bg: Rgb,
    pub fill: Rgb,
}

const fn hex(v: u32) -> Rgb {
    [(v >> 16) as u8, (v >> 8) as u8, v as u8]
}

const fn colours(ink: u32, bg: u32, fill: u32) -> StatusColours {
    StatusColours { ink: hex(ink), bg: hex(bg), fill: hex(fill) }
}

/// Kept in step with the `--<status>-ink`, `-bg` and `-fill` variables in style/main.css, so a
/// shared card looks like the badge on the page it links to.
const STATUS_COLOURS: [(Status, StatusColours); 7] = [
    (Status::BeingChecked, colours(0x1e3a8a, 0xdbeafe, 0x2563eb)),
    (Status::True, colours(0x14532d, 0xdcfce7, 0x15803d)),
    (Status::MostlyTrue, colours(0x365314, 0xecfccb, 0x4d7c0f)),
    (Status::Misleading, colours(0x7c2d12, 0xffedd5, 0xc2410c)),
    (Status::False, colours(0x7f1d1d, 0xfee2e2, 0xb91c1c)),
    (Status::Unverifiable, colours(0x581c87, 0xf3e8ff, 0x7e22ce)),
    (Status::Opinion, colours(0x374151, 0xe5e7eb, 0x6b7280)),
];

/// The colours of `status`; neutral grey if the table ever missed one (a test guards that).
pub(super) fn status_colours(status: Status) -> StatusColours {
    STATUS_COLOURS
        .iter()
        .find(|(s, _)| *s == status)
        .map_or(colours(0x374151, 0xe5e7eb, 0x6b7280), |(_, c)| *c)
}

pub(super) const PAPER: Rgb = hex(0xffffff);
pub(super) const INK: Rgb = hex(0x111827);
pub(super) const INK_SOFT: Rgb = hex(0x4b5563);
pub(super) const ACCENT: Rgb = hex(0x1d4ed8);
/// The scale's unmarked steps: visible on every status background without competing with the
/// marked step's fill.
pub(super) const STEP_IDLE: Rgb = hex(0xffffff);
pub(super) const STEP_IDLE_EDGE: Rgb = hex(0x9ca3af);
/// The retraction banner, as `.retraction` and `.retracted-badge` in main.css.
pub(super) const RETRACTED_BG: Rgb = hex(0x374151);
pub(super) const RETRACTED_INK: Rgb = hex(0xffffff);
pub(super) const RETRACTED_SOFT: Rgb = hex(0xd1d5db);

#[cfg(test)]
pub(super) fn contrast(a: Rgb, b: Rgb) -> f64 {
    fn luminance(c: Rgb) -> f64 {
        let lin = |v: u8| {
            let s = f64::from(v) / 255.0;
            if s <= 0.03928 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
    }
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

//! Breaking text into lines and shortening it, independent of fonts: widths come from a
//! `measure` closure, so the same rules serve pixels on the card and characters in alt text.

/// Lines of text, and whether the text had to be cut to fit.
#[derive(Debug, PartialEq)]
pub(super) struct Lines {
    pub lines: Vec<String>,
    pub cut: bool,
}

/// Breaks `text` (words separated by single spaces) into lines no wider than `max_width`, between
/// words. Only a word wider than a whole line is broken, between characters: it starts on the
/// current line and fills each line, as CSS `overflow-wrap: anywhere` would.
pub(super) fn wrap(text: &str, max_width: f32, measure: &dyn Fn(&str) -> f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
        if measure(&candidate) <= max_width {
            line = candidate;
        } else if measure(word) <= max_width {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        } else {
            line = break_word(candidate, max_width, measure, &mut lines);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Pushes full lines of `text` (a line so far, then an over-long word) onto `lines`, breaking
/// between characters; returns what is left for the next line.
fn break_word(
    text: String,
    max_width: f32,
    measure: &dyn Fn(&str) -> f32,
    lines: &mut Vec<String>,
) -> String {
    let mut piece = String::new();
    for c in text.chars() {
        piece.push(c);
        if measure(&piece) > max_width {
            piece.pop();
            // A character wider than a whole line still gets a line of its own.
            if !piece.trim().is_empty() {
                lines.push(piece.trim_end().to_owned());
                piece.clear();
            }
            if c != ' ' {
                piece.push(c);
            }
        }
    }
    piece
}

/// `text` in at most `max_lines` lines (at least one); if it does not fit, the last line is cut
/// after a whole word and ends with `ellipsis`.
pub(super) fn fit_lines(
    text: &str,
    max_width: f32,
    max_lines: usize,
    ellipsis: &str,
    measure: &dyn Fn(&str) -> f32,
) -> Lines {
    let mut lines = wrap(text, max_width, measure);
    let max_lines = max_lines.max(1);
    if lines.len() <= max_lines {
        return Lines { lines, cut: false };
    }
    lines.truncate(max_lines);
    let last = lines.pop().unwrap_or_default();
    lines.push(with_ellipsis(&last, max_width, ellipsis, measure));
    Lines { lines, cut: true }
}

/// `line` shortened a word at a time from its end until it fits with `ellipsis` after it. Dangling
/// separators go first, so the cut reads "… a claim…" rather than "… a claim,…".
fn with_ellipsis(line: &str, max_width: f32, ellipsis: &str, measure: &dyn Fn(&str) -> f32) -> String {
    let mut kept = line;
    loop {
        let trimmed = kept.trim_end_matches([' ', ',', ';', ':', '-', '–', '—']);
        let candidate = format!("{trimmed}{ellipsis}");
        if trimmed.is_empty() || measure(&candidate) <= max_width {
            return candidate;
        }
        kept = match trimmed.rsplit_once(' ') {
            Some((head, _)) => head,
            // A single word too wide to take the ellipsis (it was broken to fit a line): drop a
            // character at a time.
            None => trimmed.char_indices().last().map_or("", |(at, _)| &trimmed[..at]),
        };
    }
}

/// The largest of `sizes` (largest first) at which all of `text` fits in `max_lines(size)` lines;
/// failing that, the smallest size with the text cut by `fit_lines`.
pub(super) fn fit_sizes(
    text: &str,
    sizes: &[f32],
    max_width: f32,
    max_lines: &dyn Fn(f32) -> usize,
    ellipsis: &str,
    measure: &dyn Fn(&str, f32) -> f32,
) -> (f32, Lines) {
    let smallest = sizes.last().copied().unwrap_or(16.0);
    for &size in sizes.iter().take(sizes.len().saturating_sub(1)) {
        let lines = wrap(text, max_width, &|s| measure(s, size));
        if lines.len() <= max_lines(size) {
            return (size, Lines { lines, cut: false });
        }
    }
    let lines = fit_lines(text, max_width, max_lines(smallest), ellipsis, &|s| measure(s, smallest));
    (smallest, lines)
}

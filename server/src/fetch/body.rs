//! The response body: its content type checked first, then read chunk by chunk up to the size
//! limit (never buffered whole before it is counted), then decoded from its character set.

use super::{FetchError, Fetched};
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// The content types read: HTML and plain text; `html` says which.
fn kind(content_type: &str) -> Result<bool, FetchError> {
    let essence = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    match essence.as_str() {
        "text/html" | "application/xhtml+xml" => Ok(true),
        "text/plain" => Ok(false),
        "" => Err(FetchError::ContentType("of no declared type".to_owned())),
        other => Err(FetchError::ContentType(other.chars().take(100).collect())),
    }
}

pub async fn read(mut response: reqwest::Response, limit: usize) -> Result<Fetched, FetchError> {
    let final_url = response.url().clone();
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let html = kind(&content_type)?;
    if response.content_length().is_some_and(|n| n > limit as u64) {
        return Err(FetchError::TooLarge(limit));
    }
    let mut bytes = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(|e| super::resolve::explain(e, &final_url))? {
        if bytes.len() + chunk.len() > limit {
            return Err(FetchError::TooLarge(limit));
        }
        bytes.extend_from_slice(&chunk);
    }
    let text =
        decode(&bytes, charset(&content_type).or_else(|| html.then(|| meta_charset(&bytes)).flatten()))?;
    Ok(Fetched { final_url, html, text })
}

/// The `charset` parameter of a content type.
fn charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (name, value) = p.split_once('=')?;
        name.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches('"').to_owned())
    })
}

/// The character set an HTML page declares in its first kilobytes (`<meta charset=…>` or the
/// `http-equiv` form), as browsers look for it.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")?;
    let value: String = head[at + 8..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!value.is_empty()).then_some(value)
}

/// Decodes the body: a byte-order mark first, then the declared character set; undeclared text
/// that is not valid UTF-8 is read as Windows-1252 (what browsers assume for Latin-1 pages).
fn decode(bytes: &[u8], declared: Option<String>) -> Result<String, FetchError> {
    let encoding = match declared {
        Some(label) => Encoding::for_label(label.as_bytes())
            .ok_or(FetchError::Charset(label.chars().take(40).collect()))?,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => WINDOWS_1252,
    };
    let (text, _, _) = encoding.decode(bytes);
    Ok(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_html_and_plain_text_are_read() {
        assert_eq!(kind("text/html; charset=utf-8").ok(), Some(true));
        assert_eq!(kind("application/xhtml+xml").ok(), Some(true));
        assert_eq!(kind("TEXT/PLAIN").ok(), Some(false));
        let refused = kind("application/pdf").err().map(|e| e.to_string());
        assert_eq!(refused.as_deref(), Some("the page is application/pdf, not HTML or plain text"));
        assert!(kind("").is_err());
    }

    #[test]
    fn the_character_set_comes_from_the_header_then_the_page_then_the_bytes() {
        let latin1 = b"<p>caf\xe9 \x93quoted\x94</p>";
        assert_eq!(
            decode(latin1, charset("text/html; charset=ISO-8859-1")).ok().as_deref(),
            Some("<p>café “quoted”</p>")
        );
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>na\xefve</body></html>";
        let text = decode(page, meta_charset(page)).unwrap_or_default();
        assert!(text.contains("naïve"), "{text}");
        assert_eq!(decode(b"caf\xe9", None).ok().as_deref(), Some("café"), "undeclared, not UTF-8");
        assert_eq!(decode("café".as_bytes(), None).ok().as_deref(), Some("café"));
        assert!(decode(b"x", Some("klingon".into())).is_err());
    }
}

//! The command line's two formats: the JSON contract (`{"claims": [...]}`) and a listing for a
//! person to read.

use super::Candidate;
use crate::{Kind, Quantity};
use serde::{Serialize, Serializer};

#[derive(Serialize)]
struct JsonClaim<'a> {
    kind: &'static str,
    text: &'a str,
    span: [usize; 2],
    speaker: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentence: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quantity: Option<JsonQuantity<'a>>,
    confidence: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    in_quote: Option<[usize; 2]>,
}

#[derive(Serialize)]
struct JsonQuantity<'a> {
    #[serde(serialize_with = "whole_as_integer")]
    value: f64,
    #[serde(serialize_with = "optional_whole_as_integer")]
    of: Option<f64>,
    unit: &'a str,
    change: Option<&'static str>,
    qualifier: Option<&'static str>,
}

/// 565000000, not 565000000.0: whole numbers print as integers.
fn whole_as_integer<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

fn optional_whole_as_integer<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => whole_as_integer(v, s),
        None => s.serialize_none(),
    }
}

fn json_quantity(q: &Quantity) -> JsonQuantity<'_> {
    JsonQuantity {
        value: q.value,
        of: q.of,
        unit: &q.unit,
        change: q.change.map(|c| c.as_str()),
        qualifier: q.qualifier.map(|q| q.as_str()),
    }
}

/// `{"claims": [...]}`, one claim a line, as the command line prints it.
pub fn json(candidates: &[Candidate]) -> String {
    let claims: Vec<String> = candidates
        .iter()
        .map(|c| {
            let claim = JsonClaim {
                kind: c.kind.as_str(),
                text: &c.text,
                span: [c.span.0, c.span.1],
                speaker: c.speaker.as_deref(),
                sentence: c.sentence.as_deref(),
                quantity: c.quantity.as_ref().map(json_quantity),
                confidence: (c.confidence * 100.0).round() / 100.0,
                in_quote: c.in_quote.map(|(a, b)| [a, b]),
            };
            serde_json::to_string(&claim).unwrap_or_default()
        })
        .collect();
    if claims.is_empty() {
        return "{\"claims\": []}\n".to_owned();
    }
    format!("{{\"claims\": [\n  {}\n]}}\n", claims.join(",\n  "))
}

/// A numbered listing: kind, who, the words, and the parsed figure.
pub fn listing(candidates: &[Candidate]) -> String {
    let quotes = candidates.iter().filter(|c| c.kind == Kind::Quote).count();
    let mut out = format!(
        "{} candidate{}: {} quote{}, {} numeric\n",
        candidates.len(),
        if candidates.len() == 1 { "" } else { "s" },
        quotes,
        if quotes == 1 { "" } else { "s" },
        candidates.len() - quotes
    );
    for (n, c) in candidates.iter().enumerate() {
        let who = c.speaker.as_deref().unwrap_or("(no speaker found)");
        out.push_str(&format!(
            "\n{:>3}. {:<7} {}  [bytes {}–{}]\n",
            n + 1,
            c.kind.label(),
            who,
            c.span.0,
            c.span.1
        ));
        out.push_str(&format!("     “{}”\n", c.text));
        if let Some(q) = &c.quantity {
            let noun = q.noun().map(|n| format!(" {n}")).unwrap_or_default();
            out.push_str(&format!("     figure: {}{}\n", q.headline(), noun));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::extract;
    use super::*;

    #[test]
    fn json_follows_the_contract_with_whole_numbers_as_integers() {
        let text = "The ministry said 54 of 69 drones were shot down overnight.";
        let out = json(&extract(text).unwrap());
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let claim = &v["claims"][0];
        assert_eq!(claim["kind"], "numeric");
        assert_eq!(claim["span"], serde_json::json!([0, text.len()]));
        assert_eq!(claim["speaker"], "the ministry");
        assert_eq!(
            claim["quantity"],
            serde_json::json!({"value": 54, "of": 69, "unit": "drones", "change": null, "qualifier": null})
        );
        assert!(out.contains("\"value\":54,"), "{out}");
    }

    #[test]
    fn json_gives_each_candidate_a_confidence_and_ties_a_figure_to_its_quote() {
        let text = "Maria Lopez spoke. “Sales fell. Then they rose 25 percent,” Lopez said.";
        let v: serde_json::Value = serde_json::from_str(&json(&extract(text).unwrap())).unwrap();
        let claims = v["claims"].as_array().unwrap();
        assert!(claims.iter().all(|c| c["confidence"].as_f64().is_some_and(|x| (0.0..=1.0).contains(&x))));
        let quote = claims.iter().find(|c| c["kind"] == "quote").unwrap();
        let figure = claims.iter().find(|c| c["kind"] == "numeric").unwrap();
        assert_eq!(figure["in_quote"], quote["span"]);
        assert_eq!(figure["speaker"], "Maria Lopez");
    }

    #[test]
    fn the_listing_names_kind_speaker_and_figure() {
        let text = "“We will not be rushed into a bad deal,” Lopez told reporters. Prices rose 25 percent.";
        let out = listing(&extract(text).unwrap());
        assert!(out.starts_with("2 candidates: 1 quote, 1 numeric"), "{out}");
        assert!(out.contains("Quote   Lopez"), "{out}");
        assert!(out.contains("figure: +25%"), "{out}");
    }
}

//! The API's closed vocabularies as OpenAPI enums, built from the model's own lists (`ALL`), so
//! that the document can never name a value the code does not produce or accept.

use app::model::{Attribution, ClaimKind, RulingKind, SpeakerKind, Status};
use std::borrow::Cow;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;

fn string_enum<'a>(description: &str, values: impl Iterator<Item = &'a str>) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
        .enum_values(Some(values.collect::<Vec<_>>()))
        .into()
}

/// A schema-only type: `$name` in the document, described by `$schema`.
macro_rules! schema_type {
    ($name:ident, $schema:expr) => {
        pub struct $name;

        impl utoipa::PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                $schema
            }
        }

        impl utoipa::ToSchema for $name {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($name))
            }
        }
    };
}

schema_type!(
    StatusName,
    string_enum(
        "`being_checked` (published, no ruling yet), or the published ruling's rating; `opinion` is not rated.",
        Status::ALL.iter().map(|s| s.as_str())
    )
);
schema_type!(
    RatingName,
    string_enum(
        "A ruling's rating: is what they said accurate? `opinion` is not rated.",
        Status::RATINGS.iter().map(|s| s.as_str())
    )
);
schema_type!(
    ClaimKindName,
    string_enum("A quote, or a numeric claim.", ClaimKind::ALL.iter().map(|k| k.as_str()))
);
schema_type!(
    AttributionName,
    string_enum(
        "Did they say it? A quote's attribution, apart from its accuracy.",
        Attribution::ALL.iter().map(|a| a.as_str())
    )
);
schema_type!(
    RulingKindName,
    string_enum(
        "`ruling` (the first), `correction` (changed the rating or attribution) or `clarification` (same rating, other words).",
        RulingKind::ALL.iter().map(|k| k.as_str())
    )
);
schema_type!(
    SpeakerKindName,
    string_enum("A person or an organization.", SpeakerKind::ALL.iter().map(|k| k.as_str()))
);

/// A query parameter as the API reads it: surrounding white space is dropped and an empty value
/// is the same as none (what an HTML form sends for a field left blank).
fn lenient(pattern: &str) -> String {
    format!("^{BLANK}*(?:{pattern})?{BLANK}*$")
}

/// What Rust's `str::trim` drops (Unicode White_Space), spelled out: `\s` differs between regex
/// dialects (Python's takes the information separators U+001C–U+001F too).
const BLANK: &str = r"[\t\n\x0B\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]";

/// A query parameter taking one of `values` (or blank).
fn lenient_enum<'a>(of: RefOr<Schema>, values: impl Iterator<Item = &'a str>) -> RefOr<Schema> {
    let alternatives: Vec<&str> = values.collect();
    let padded =
        ObjectBuilder::new().schema_type(Type::String).pattern(Some(lenient(&alternatives.join("|"))));
    utoipa::openapi::schema::AnyOfBuilder::new().item(of).item(padded).into()
}

/// A query parameter matching `pattern` (or blank).
fn lenient_string(description: &str, pattern: &str) -> RefOr<Schema> {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
        .pattern(Some(lenient(pattern)))
        .into()
}

/// A public id (claims, sources, page positions): 8 characters of Crockford's base 32.
pub const PUBLIC_ID: &str = "[0-9a-hjkmnp-tv-z]{8}";
/// A speaker's slug: at most 80 characters (the look-ahead, up to a blank or the end), single
/// hyphens between words.
fn slug() -> String {
    format!("(?=[a-z0-9-]{{1,80}}(?:{BLANK}|$))[a-z0-9]+(?:-[a-z0-9]+)*")
}

schema_type!(
    StatusParam,
    lenient_enum(
        RefOr::Ref(utoipa::openapi::Ref::from_schema_name("StatusName")),
        Status::ALL.iter().map(|s| s.as_str())
    )
);
schema_type!(
    ClaimKindParam,
    lenient_enum(
        RefOr::Ref(utoipa::openapi::Ref::from_schema_name("ClaimKindName")),
        ClaimKind::ALL.iter().map(|k| k.as_str())
    )
);
schema_type!(SlugParam, lenient_string("A speaker's slug", &slug()));
schema_type!(IdParam, lenient_string("A public id", PUBLIC_ID));

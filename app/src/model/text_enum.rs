//! Enumerations stored as text: one declaration gives each its values, labels, parsing and its
//! database type, so that the stored form, the URL form and the serde form are the same string
//! and a value the code does not know is an error when read, never a silent default.

/// Declares a fieldless enum whose variants are stored as the given snake_case strings, with a
/// label each. Generates `ALL`, `as_str`, `parse`, `label`, `accepted_values`, `Display` (the
/// label), serde (the stored string) and, on the server, `sqlx::Type` (TEXT).
#[macro_export]
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = ($value:literal, $label:literal) ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "ssr", derive(sqlx::Type))]
        #[cfg_attr(feature = "ssr", sqlx(rename_all = "snake_case"))]
        // Stored as plain text on PostgreSQL too (not a type of its own), as on SQLite.
        #[cfg_attr(feature = "ssr", sqlx(type_name = "text"))]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in the order they are shown.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored form, also used in URLs and JSON.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $value),+ }
            }

            /// Parses the stored form; `None` for anything else.
            pub fn parse(value: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.as_str() == value)
            }

            /// What a person reads.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The accepted stored forms, comma-separated, for error messages.
            pub fn accepted_values() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use crate::model::desk::RetractionAction;
    use crate::model::{
        Attribution, BulkAction, Change, ClaimKind, Decision, DeskAction, Qualifier, Role, RulingKind,
        RulingState, SpeakerKind, Stage, Status,
    };

    /// serde and sqlx derive their strings from the variant names; `as_str` is written out. They
    /// must agree, or a value would be stored under one name and looked up under another.
    fn agrees<T: serde::Serialize + Copy>(all: &[T], as_str: impl Fn(T) -> &'static str) {
        for &value in all {
            assert_eq!(serde_json::to_string(&value).unwrap(), format!("\"{}\"", as_str(value)));
        }
    }

    #[test]
    fn stored_forms_agree_with_serde() {
        agrees(Status::ALL, Status::as_str);
        agrees(Attribution::ALL, Attribution::as_str);
        agrees(Stage::ALL, Stage::as_str);
        agrees(RulingKind::ALL, RulingKind::as_str);
        agrees(RulingState::ALL, RulingState::as_str);
        agrees(Decision::ALL, Decision::as_str);
        agrees(ClaimKind::ALL, ClaimKind::as_str);
        agrees(SpeakerKind::ALL, SpeakerKind::as_str);
        agrees(BulkAction::ALL, BulkAction::as_str);
        agrees(DeskAction::ALL, DeskAction::as_str);
        agrees(RetractionAction::ALL, RetractionAction::as_str);
        agrees(Role::ALL, Role::as_str);
        agrees(Change::ALL, Change::as_str);
        agrees(Qualifier::ALL, Qualifier::as_str);
    }

    #[test]
    fn values_round_trip_and_unknown_ones_are_refused() {
        for &status in Status::ALL {
            assert_eq!(Status::parse(status.as_str()), Some(status));
        }
        assert_eq!(Status::parse("True"), None, "stored forms are lowercase");
        assert_eq!(Stage::parse("deleted"), None);
    }
}

//! Full-text search over claims: SQLite FTS5 today (a `tsvector` column will do the same job for
//! PostgreSQL). The rest of the code passes plain terms from `model::search` and never sees the
//! query syntax built here.

use crate::model::search::PREFIX_MIN_CHARS;
use sqlx::{QueryBuilder, Sqlite};

/// An FTS5 MATCH expression requiring every term: `"trade" "putin"*`. Each term is a quoted
/// string of letters and digits (see `model::search::terms`), so user input can never be read as
/// FTS5 syntax; terms of three or more characters also match as prefixes.
pub fn match_expression(terms: &[String]) -> String {
    terms
        .iter()
        .map(|term| {
            let quoted = format!("\"{}\"", term.replace('"', "\"\""));
            if term.chars().count() >= PREFIX_MIN_CHARS {
                quoted + "*"
            } else {
                quoted
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Starts a claim query from the search index when there are terms, so that SQLite begins with the
/// (usually few) matching rows instead of scanning claims; `CROSS JOIN` pins that join order.
/// `joins` are added after `claims c`; the builder is left ready for `AND` conditions on `c`.
pub fn push_claims_from(qb: &mut QueryBuilder<'_, Sqlite>, terms: &[String], joins: &str) {
    if terms.is_empty() {
        qb.push(" FROM claims c").push(joins).push(" WHERE 1 = 1");
    } else {
        qb.push(" FROM claims_fts CROSS JOIN claims c ON c.id = claims_fts.rowid")
            .push(joins)
            .push(" WHERE claims_fts MATCH ")
            .push_bind(match_expression(terms));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::search::terms;

    #[test]
    fn every_term_is_quoted_and_long_ones_match_as_prefixes() {
        assert_eq!(match_expression(&terms("Putin trade of")), "\"putin\"* \"trade\"* \"of\"");
    }

    #[test]
    fn syntax_in_the_input_stays_inert() {
        assert_eq!(
            match_expression(&terms("NEAR(a b) OR \"x\" -y")),
            "\"near\"* \"a\" \"b\" \"or\" \"x\" \"y\""
        );
    }
}

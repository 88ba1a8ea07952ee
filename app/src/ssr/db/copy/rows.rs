//! Rows as `claimtrack copy` carries them: values of four kinds, whatever the backend, and the
//! checksum of a table's rows rendered canonically, so that a table read from SQLite and the same
//! table read from PostgreSQL hash alike exactly when they hold the same values.

use sha2::{Digest, Sha256};

/// A stored value. Booleans travel as integers (0/1), as SQLite keeps them; PostgreSQL's
/// `boolean` columns get them back as booleans ([`Class::Bool`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

/// What a column holds, from its declared type on either backend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    Int,
    Real,
    Text,
    Bool,
}

impl Class {
    /// SQLite's declared type (by its affinity rules: "INT" anywhere is an integer) or
    /// PostgreSQL's `information_schema` data type; `None` for a type copy does not carry.
    pub fn of_declared(declared: &str) -> Option<Class> {
        let upper = declared.to_ascii_uppercase();
        if upper.starts_with("BOOL") {
            Some(Class::Bool)
        } else if upper.contains("INT") {
            Some(Class::Int)
        } else if upper.contains("REAL") || upper.contains("FLOA") || upper.contains("DOUB") {
            Some(Class::Real)
        } else if upper.contains("TEXT") || upper.contains("CHAR") || upper.contains("CLOB") {
            Some(Class::Text)
        } else {
            None
        }
    }

    /// Whether two sides' columns carry the same values (a boolean is an integer on SQLite).
    pub fn compatible(self, other: Class) -> bool {
        let widen = |c: Class| if c == Class::Bool { Class::Int } else { c };
        widen(self) == widen(other)
    }
}

/// A column of a copied table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    pub name: String,
    pub class: Class,
}

/// `value` as a column of `class` keeps it: an integer in a REAL column is its float (SQLite
/// may hand one back so), a boolean an integer; anything else that does not fit is refused
/// rather than changed.
pub fn coerce(value: Value, class: Class) -> Result<Value, String> {
    match (value, class) {
        (Value::Null, _) => Ok(Value::Null),
        (Value::Int(n), Class::Int | Class::Bool) => Ok(Value::Int(n)),
        (Value::Int(n), Class::Real) => Ok(Value::Real(n as f64)),
        (Value::Real(x), Class::Real) => Ok(Value::Real(x)),
        (Value::Text(s), Class::Text) => Ok(Value::Text(s)),
        (value, class) => Err(format!("{value:?} does not fit a {class:?} column")),
    }
}

/// The running checksum of a table: SHA-256 over every row in key order, each value rendered
/// with its kind and (for text) its length, so that no two different rows render alike. Floats
/// are rendered by their bits: equal means identical, not merely close.
pub struct Checksum {
    hasher: Sha256,
    rows: u64,
}

impl Default for Checksum {
    fn default() -> Self {
        Checksum { hasher: Sha256::new(), rows: 0 }
    }
}

impl Checksum {
    pub fn add(&mut self, row: &[Value]) {
        for value in row {
            match value {
                Value::Null => self.hasher.update(b"n;"),
                Value::Int(n) => self.hasher.update(format!("i{n};")),
                Value::Real(x) => self.hasher.update(format!("r{:016x};", x.to_bits())),
                Value::Text(s) => {
                    self.hasher.update(format!("t{}:", s.len()));
                    self.hasher.update(s.as_bytes());
                }
            }
        }
        self.hasher.update(b"\n");
        self.rows += 1;
    }

    /// The rows counted and the hex digest.
    pub fn finish(self) -> (u64, String) {
        (self.rows, format!("{:x}", self.hasher.finalize()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sum(rows: &[Vec<Value>]) -> String {
        let mut checksum = Checksum::default();
        rows.iter().for_each(|r| checksum.add(r));
        checksum.finish().1
    }

    #[test]
    fn text_boundaries_and_kinds_change_the_checksum() {
        let t = |s: &str| Value::Text(s.to_owned());
        assert_ne!(sum(&[vec![t("ab"), t("c")]]), sum(&[vec![t("a"), t("bc")]]));
        assert_ne!(sum(&[vec![Value::Int(1)]]), sum(&[vec![t("1")]]));
        assert_ne!(sum(&[vec![Value::Null]]), sum(&[vec![t("")]]));
        assert_ne!(sum(&[vec![Value::Real(0.1)]]), sum(&[vec![Value::Real(0.1 + 1e-17 * 2.0)]]));
        assert_eq!(sum(&[vec![Value::Real(54.0)]]), sum(&[vec![Value::Real(54.0)]]));
    }

    #[test]
    fn declared_types_of_both_backends_are_classed() {
        assert_eq!(Class::of_declared("INTEGER"), Some(Class::Int));
        assert_eq!(Class::of_declared("bigint"), Some(Class::Int));
        assert_eq!(Class::of_declared("double precision"), Some(Class::Real));
        assert_eq!(Class::of_declared("REAL"), Some(Class::Real));
        assert_eq!(Class::of_declared("text"), Some(Class::Text));
        assert_eq!(Class::of_declared("boolean"), Some(Class::Bool));
        assert_eq!(Class::of_declared("tsvector"), None);
        assert!(Class::Bool.compatible(Class::Int));
        assert!(!Class::Text.compatible(Class::Int));
    }

    #[test]
    fn coercion_keeps_values_or_refuses() {
        assert_eq!(coerce(Value::Int(3), Class::Real), Ok(Value::Real(3.0)));
        assert_eq!(coerce(Value::Int(1), Class::Bool), Ok(Value::Int(1)));
        assert!(coerce(Value::Text("3".into()), Class::Int).is_err());
        assert!(coerce(Value::Real(3.5), Class::Int).is_err());
    }
}

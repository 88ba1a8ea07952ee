//! The directory's query string: canonical, and bad values refused with what is accepted.

use super::*;

fn parse(q: &str) -> Result<DirectoryQuery, DirectoryQueryError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(q).unwrap();
    DirectoryQuery::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

#[test]
fn the_query_string_is_canonical() {
    let query = parse("after=xi-jinping&utm=1&letter=x&q=%20Xi%20%20Jin%20").unwrap();
    assert_eq!(query.to_query_string(), "?q=Xi+Jin&letter=X&after=xi-jinping");
    assert_eq!(parse(&query.to_query_string()[1..]).unwrap(), query);
    assert_eq!(parse("q=&letter=&after=").unwrap().to_query_string(), "");
    assert_eq!(query.first_page().to_query_string(), "?q=Xi+Jin&letter=X");
}

#[test]
fn bad_parameters_say_what_is_accepted() {
    assert_eq!(parse("letter=ab").unwrap_err().field, "letter");
    assert_eq!(parse("letter=%C3%89").unwrap_err().field, "letter");
    assert_eq!(parse("after=..%2Fetc").unwrap_err().field, "after");
    assert_eq!(parse(&format!("q={}", "a".repeat(101))).unwrap_err().field, "q");
    assert!(parse(&format!("q={}", "a".repeat(100))).is_ok());
}

//! Permalinks that unfurl, ClaimReview, feeds, the JSON API against its OpenAPI document,
//! exports, the embed card — and a hostile claim text through every format.

#![allow(clippy::unwrap_used)] // Test helpers may panic: a panic is a failed test.

use crate::support::{enc, TestApp};
use app::model::Role;
use axum::http::StatusCode;
use serde_json::Value;

fn json_ld(page: &crate::support::Page) -> Option<Value> {
    let start = page.body.find(r#"<script type="application/ld+json">"#)? + 35;
    let end = start + page.body[start..].find("</script>")?;
    Some(serde_json::from_str(&page.body[start..end]).unwrap())
}

#[tokio::test]
async fn a_permalink_carries_canonical_open_graph_and_twitter_tags() {
    let app = TestApp::with_demo().await;
    let id = app.claim_id("a model of cooperation").await;
    let page = app.get(&format!("/claims/{id}")).await;
    let url = format!("https://claims.example.org/claims/{id}");
    page.assert_contains(&format!(r#"<link href="{url}" rel="canonical">"#));
    page.assert_contains(&format!(r#"<meta property="og:url" content="{url}">"#));
    page.assert_contains(r#"<meta property="og:title" content="Vladimir Putin: “a model of cooperation…” — Opinion — not rated">"#);
    page.assert_contains(r#"<meta property="og:description" content="Vladimir Putin said “a model of cooperation between major powers in the 21st century”. Verified: they said it. Opinion — not rated: Putin said it; it is his characterisation of the relationship, not a checkable fact.">"#);
    page.assert_contains(r#"<meta name="twitter:card" content="summary_large_image">"#);
    page.assert_contains(r#"<meta property="og:type" content="article">"#);
    page.assert_contains(r#"href="/speakers/vladimir-putin/feed.atom""#);
    // Copy link, cite and embed, as selectable text.
    page.assert_contains(&format!(r#"<textarea id="permalink-url" readonly rows="1">{url}</textarea>"#));
    page.assert_contains("claimtrack, “Vladimir Putin: a model of cooperation between major powers in the 21st century” — Opinion — not rated, Dec 30, 2022.");
    page.assert_contains(&format!("&lt;iframe src=&quot;{url}/embed&quot;"));
    page.assert_needs_no_javascript();
}

#[tokio::test]
async fn a_rated_claim_embeds_claim_review_and_an_unrated_one_does_not() {
    let app = TestApp::with_demo().await;
    let id = app.claim_id("Moscow is a much needier").await;
    let ld = json_ld(&app.get(&format!("/claims/{id}")).await).expect("JSON-LD on a rated claim");
    let review = &ld[0];
    assert_eq!(review["@context"], "https://schema.org");
    assert_eq!(review["@type"], "ClaimReview");
    assert_eq!(review["url"], format!("https://claims.example.org/claims/{id}"));
    assert_eq!(review["claimReviewed"], "Moscow is a much needier partner than China is");
    assert_eq!(review["reviewRating"]["ratingValue"], 4);
    assert_eq!(review["reviewRating"]["bestRating"], 5);
    assert_eq!(review["reviewRating"]["worstRating"], 1);
    assert_eq!(review["reviewRating"]["alternateName"], "Mostly true");
    assert_eq!(
        review["reviewBody"],
        "Trade figures bear it out: China matters far more to Russia than Russia does to China."
    );
    assert_eq!(review["author"]["@type"], "Organization");
    assert_eq!(review["author"]["name"], "claimtrack");
    assert_eq!(review["datePublished"], "2023-01-16");
    let item = &review["itemReviewed"];
    assert_eq!(item["@type"], "Claim");
    assert_eq!(item["author"]["@type"], "Person");
    assert_eq!(item["author"]["name"], "Alexander Gabuev");
    assert_eq!(item["datePublished"], "2022-12-30");
    assert_eq!(
        item["firstAppearance"]["url"],
        "https://www.washingtonpost.com/world/2022/12/30/putin-xi-call-cooperation-ukraine/"
    );
    let quotation = &ld[1];
    assert_eq!(quotation["@type"], "Quotation");
    assert_eq!(quotation["creator"]["name"], "Alexander Gabuev");

    // A corrected numeric claim: dated by its first ruling, modified by the correction.
    let trade = app.claim_id("Sino-Russian trade").await;
    let review = json_ld(&app.get(&format!("/claims/{trade}")).await).expect("JSON-LD on the trade claim");
    assert_eq!(
        (review["datePublished"].as_str(), review["dateModified"].as_str()),
        (Some("2022-12-31"), Some("2023-01-13"))
    );
    assert_eq!(review["reviewRating"]["ratingValue"], 4);

    // Opinions, unverifiable claims and claims being checked rate nothing on the scale.
    for unrated in ["a model of cooperation", "all 16 self-detonating", "In the face of a difficult"] {
        let id = app.claim_id(unrated).await;
        assert!(json_ld(&app.get(&format!("/claims/{id}")).await).is_none(), "{unrated}");
    }
}

/// Adds a claim with the hostile text and publishes a ruling on it (a one-person desk).
async fn hostile_claim(app: &TestApp) -> (crate::support::Editor, String) {
    let editor = app.sign_in("maria", Role::Editor).await;
    let text = "He said \"</script><script>alert(1)</script>\",\nthen: =HYPERLINK(\"x\") & <!-- done";
    let body = format!("kind=quote&text={}&speaker=Putin&said_on=2022-12-30", enc(text));
    let done = app.post_as("/claims/new", &body, &editor).await;
    let desk = done.headers["location"].to_str().unwrap().to_owned();
    let id = desk.trim_start_matches("/claims/").trim_end_matches("/desk").to_owned();
    assert_eq!(
        app.post_as(&format!("{desk}/assign"), "seen=&assignee=maria", &editor).await.status,
        StatusCode::SEE_OTHER
    );
    let ruling = "basis=&rating=false&attribution=misattributed&verdict=Never+said";
    let published = app.post_as(&format!("/claims/{id}/ruling"), ruling, &editor).await;
    assert_eq!(published.headers["location"], format!("/claims/{id}"), "{}", published.body);
    (editor, id)
}

const HOSTILE: &str = "He said \"</script><script>alert(1)</script>\",\nthen: =HYPERLINK(\"x\") & <!-- done";

#[tokio::test]
async fn a_hostile_claim_text_survives_every_format_intact_and_inert() {
    let mut app = TestApp::with_demo().await;
    app.state.sign_offs = 0;
    let (_, id) = hostile_claim(&app).await;

    // The permalink: JSON-LD cannot be ended early, and still says exactly the text.
    let page = app.get(&format!("/claims/{id}")).await;
    page.assert_lacks("<script>alert");
    let ld = json_ld(&page).unwrap();
    assert_eq!(ld[1]["text"], HOSTILE);

    // The API.
    let api: Value = serde_json::from_str(&app.get(&format!("/api/v1/claims/{id}")).await.body).unwrap();
    assert_eq!(api["text"], HOSTILE);

    // The feed, read by a feed parser.
    let feed = feed_rs::parser::parse(app.get("/feed.atom").await.body.as_bytes()).unwrap();
    assert!(feed.entries[0].title.as_ref().unwrap().content.contains("</script><script>alert(1)</script>"));

    // CSV: read back by a CSV parser, the text is intact but defused for spreadsheets only where
    // a cell would start a formula (this one starts with "He").
    let csv_body = app.get("/export/claims.csv").await.body;
    let mut reader = csv::Reader::from_reader(csv_body.as_bytes());
    let record = reader
        .deserialize::<app::model::export::ExportRow>()
        .map(Result::unwrap)
        .find(|r| r.id == id)
        .unwrap();
    assert_eq!(record.text, HOSTILE);
    assert_eq!(record.status, "false");

    // JSON lines.
    let jsonl = app.get("/export/claims.jsonl").await.body;
    let row: app::model::export::ExportRow = jsonl
        .lines()
        .map(|l| serde_json::from_str::<app::model::export::ExportRow>(l).unwrap())
        .find(|r| r.id == id)
        .unwrap();
    assert_eq!(row.text, HOSTILE);

    // The embed card.
    let embed = app.get(&format!("/claims/{id}/embed")).await;
    embed.assert_lacks("<script");
    embed.assert_contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
}

#[tokio::test]
async fn exports_round_trip_every_claim_and_defuse_formulas() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let body = format!("kind=quote&text={}&speaker=Putin&said_on=2022-12-30", enc("=1+2 is what he wrote"));
    let added = app.post_as("/claims/new", &body, &editor).await;
    let desk = added.headers["location"].to_str().unwrap();
    assert_eq!(app.post_as(&format!("{desk}/publish"), "", &editor).await.status, StatusCode::SEE_OTHER);

    let csv_page = app.get("/export/claims.csv").await;
    assert_eq!(csv_page.headers["content-type"], "text/csv; charset=utf-8; header=present");
    assert_eq!(csv_page.headers["content-disposition"], "attachment; filename=\"claims.csv\"");
    let mut reader = csv::Reader::from_reader(csv_page.body.as_bytes());
    assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), app::model::export::COLUMNS.to_vec());
    let rows: Vec<app::model::export::ExportRow> = reader.deserialize().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 11, "the ten published claims and the new one, not intake");
    let formula = rows.iter().find(|r| r.text.contains("is what he wrote")).unwrap();
    assert_eq!(formula.text, "'=1+2 is what he wrote", "a spreadsheet shows it as text");
    let missiles = rows.iter().find(|r| r.text.contains("54 of 69")).unwrap();
    assert_eq!((missiles.quantity_value, missiles.quantity_of), (Some(54.0), Some(69.0)));
    assert_eq!(missiles.first_source_outlet.as_deref(), Some("The Washington Post"));

    let jsonl = app.get("/export/claims.jsonl").await.body;
    let json_rows: Vec<app::model::export::ExportRow> =
        jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(json_rows.len(), 11);
    assert_eq!(
        json_rows.iter().find(|r| r.text.contains("is what he wrote")).unwrap().text,
        "=1+2 is what he wrote"
    );
}

#[tokio::test]
async fn feeds_list_verdicts_newest_first_with_links_to_permalinks() {
    let app = TestApp::with_demo().await;
    let all = app.get("/feed.atom").await;
    assert_eq!(all.headers["content-type"], "application/atom+xml; charset=utf-8");
    let feed = feed_rs::parser::parse(all.body.as_bytes()).unwrap();
    // Published rulings and corrections only: no claim being checked, no proposal.
    assert_eq!(feed.entries.len(), 6);
    let times: Vec<_> = feed.entries.iter().map(|e| e.updated.unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "newest first");
    assert!(feed.entries[0].links[0].href.starts_with("https://claims.example.org/claims/"));
    assert_eq!(feed.entries[0].authors[0].name, "Demo desk writer");
    assert!(!all.body.contains("54 of 69"), "the proposal awaiting sign-off is not announced");

    let mostly =
        feed_rs::parser::parse(app.get("/feed.atom?status=mostly_true").await.body.as_bytes()).unwrap();
    assert_eq!(mostly.entries.len(), 2);
    assert!(mostly.entries[0].title.as_ref().unwrap().content.starts_with("Mostly true — Alexander Gabuev"));
    assert!(mostly.entries[1]
        .title
        .as_ref()
        .unwrap()
        .content
        .starts_with("Correction: Mostly true — Vladimir Putin"));
    let putin =
        feed_rs::parser::parse(app.get("/speakers/vladimir-putin/feed.atom").await.body.as_bytes()).unwrap();
    assert_eq!(putin.entries.len(), 4);
    let pushilin =
        feed_rs::parser::parse(app.get("/speakers/denis-pushilin/feed.atom").await.body.as_bytes()).unwrap();
    assert!(pushilin.entries.is_empty(), "being checked: nothing to announce yet");

    assert_eq!(app.get("/feed.atom?status=bogus").await.status, StatusCode::BAD_REQUEST);
    assert_eq!(app.get("/feed.atom?status=being_checked").await.status, StatusCode::BAD_REQUEST);
    assert_eq!(app.get("/speakers/nobody/feed.atom").await.status, StatusCode::NOT_FOUND);
    app.get("/").await.assert_contains(
        r#"<link href="/feed.atom" rel="alternate" title="New fact-checks" type="application/atom+xml">"#,
    );
}

#[tokio::test]
async fn the_corrections_log_lists_changed_verdicts_and_the_methodology_the_scale() {
    let app = TestApp::with_demo().await;
    let log = app.get("/corrections").await;
    log.assert_contains("Trade rose 29.3% in 2022, more than the 25% Putin forecast.");
    log.assert_contains(r#"<span class="badge status-unverifiable">Unverifiable</span> → <span class="badge status-mostly_true">Mostly true</span>"#);
    log.assert_contains("The rating changed from Unverifiable to Mostly true.");
    log.assert_needs_no_javascript();
    let method = app.get("/methodology").await;
    for line in [
        "5 of 5",
        "4 of 5",
        "2 of 5",
        "1 of 5",
        "Not rated",
        r#"href="/corrections""#,
        "Did they say it?",
        "Is what they said accurate?",
    ] {
        method.assert_contains(line);
    }
}

#[tokio::test]
async fn only_the_embed_card_may_be_framed() {
    let app = TestApp::with_demo().await;
    let id = app.claim_id("a model of cooperation").await;
    let page = app.get(&format!("/claims/{id}")).await;
    assert_eq!(page.headers["x-frame-options"], "DENY");
    assert!(page.headers["content-security-policy"].to_str().unwrap().ends_with("frame-ancestors 'none'"));
    let embed = app.get(&format!("/claims/{id}/embed")).await;
    assert_eq!(embed.status, StatusCode::OK);
    assert!(embed.headers.get("x-frame-options").is_none());
    assert!(embed.headers["content-security-policy"].to_str().unwrap().contains("frame-ancestors *"));
    embed.assert_contains("Vladimir Putin");
    embed.assert_contains(r#"<span class="badge s-opinion">Opinion — not rated</span> <span class="badge s-opinion">Said it</span>"#);
    embed.assert_contains(&format!(r#"href="https://claims.example.org/claims/{id}""#));
    assert_eq!(app.get("/claims/zzzzzzzz/embed").await.status, StatusCode::NOT_FOUND);
}

/// A small checker for the subset of JSON Schema utoipa writes: types, required properties,
/// nullable (type arrays or oneOf with null), arrays, $ref, maps.
fn check(doc: &Value, schema: &Value, value: &Value, path: &str) {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/components/schemas/");
        return check(doc, &doc["components"]["schemas"][name], value, path);
    }
    if let Some(options) = schema.get("oneOf").or(schema.get("anyOf")).and_then(Value::as_array) {
        if value.is_null() && options.iter().any(|o| o["type"] == "null") {
            return;
        }
        let non_null: Vec<&Value> = options.iter().filter(|o| o["type"] != "null").collect();
        return check(doc, non_null[0], value, path);
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        // A flattened type: one object with the properties of every part.
        let mut merged = serde_json::json!({ "type": "object", "properties": {}, "required": [] });
        for part in all {
            let part = match part.get("$ref").and_then(Value::as_str) {
                Some(r) => &doc["components"]["schemas"][r.trim_start_matches("#/components/schemas/")],
                None => part,
            };
            for (k, v) in part["properties"].as_object().into_iter().flatten() {
                merged["properties"][k] = v.clone();
            }
            for r in part["required"].as_array().into_iter().flatten() {
                merged["required"].as_array_mut().unwrap().push(r.clone());
            }
        }
        return check(doc, &merged, value, path);
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    let actual = match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    assert!(
        types.is_empty() || types.contains(&actual) || (actual == "integer" && types.contains(&"number")),
        "{path}: {actual} where the schema says {types:?}"
    );
    if let (Value::Object(map), Some(props)) = (value, schema.get("properties").and_then(Value::as_object)) {
        for required in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
            let key = required.as_str().unwrap();
            assert!(map.contains_key(key), "{path}: required `{key}` missing");
        }
        for (key, v) in map {
            let sub =
                props.get(key).unwrap_or_else(|| panic!("{path}: `{key}` is not in the OpenAPI document"));
            check(doc, sub, v, &format!("{path}.{key}"));
        }
    }
    if let (Value::Array(items), Some(item_schema)) = (value, schema.get("items")) {
        for (i, item) in items.iter().enumerate() {
            check(doc, item_schema, item, &format!("{path}[{i}]"));
        }
    }
}

#[tokio::test]
async fn every_api_route_answers_as_its_openapi_document_says() {
    let app = TestApp::with_demo().await;
    let doc_page = app.get("/api/v1/openapi.json").await;
    let doc: Value = serde_json::from_str(&doc_page.body).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let claim = app.claim_id("a model of cooperation").await;
    let source = app.source_id("The Week").await;
    let routes = [
        ("/api/v1/claims", "/api/v1/claims?status=true&status=being_checked"),
        ("/api/v1/claims/{id}", &*format!("/api/v1/claims/{claim}")),
        ("/api/v1/speakers", "/api/v1/speakers"),
        ("/api/v1/speakers/{slug}", "/api/v1/speakers/vladimir-putin"),
        ("/api/v1/sources/{id}", &*format!("/api/v1/sources/{source}")),
    ];
    let documented: Vec<&String> = doc["paths"].as_object().unwrap().keys().collect();
    assert_eq!(documented.len(), routes.len(), "every documented route is tested: {documented:?}");
    for (template, url) in routes {
        let page = app.get(url).await;
        assert_eq!(page.status, StatusCode::OK, "{url}");
        assert_eq!(page.headers["access-control-allow-origin"], "*");
        let schema =
            &doc["paths"][template]["get"]["responses"]["200"]["content"]["application/json"]["schema"];
        assert!(!schema.is_null(), "{template} documents its 200 answer");
        check(&doc, schema, &serde_json::from_str(&page.body).unwrap(), template);
    }
    // Errors are problem documents, also as documented.
    for (template, url) in [
        ("/api/v1/claims/{id}", "/api/v1/claims/zzzzzzzz"),
        ("/api/v1/claims", "/api/v1/claims?status=bogus"),
    ] {
        let page = app.get(url).await;
        assert!(page.status.is_client_error());
        assert_eq!(page.headers["content-type"], "application/problem+json");
        let status = page.status.as_str().to_owned();
        let schema = &doc["paths"][template]["get"]["responses"][&status]["content"]
            ["application/problem+json"]["schema"];
        assert!(!schema.is_null(), "{template} documents {status}");
        check(&doc, schema, &serde_json::from_str(&page.body).unwrap(), url);
    }
}

#[tokio::test]
async fn api_answers_carry_etags_and_paging_links() {
    let app = TestApp::empty().await;
    let speaker = app::ssr::db::testing::add_speaker(&app.db, "Pat Doe", &[]).await.unwrap();
    for n in 0..25 {
        app::ssr::db::testing::add_claim(
            &app.db,
            speaker,
            &format!("claim {n}"),
            app::ssr::db::testing::day(n),
            None,
            None,
        )
        .await
        .unwrap();
    }
    let first = app.get("/api/v1/claims?kind=quote").await;
    let etag = first.headers["etag"].to_str().unwrap().to_owned();
    let body: Value = serde_json::from_str(&first.body).unwrap();
    assert_eq!(body["claims"].as_array().unwrap().len(), 20);
    let next = body["next"].as_str().unwrap();
    assert!(next.starts_with("https://claims.example.org/api/v1/claims?kind=quote&after="), "{next}");
    let second: Value =
        serde_json::from_str(&app.get(next.trim_start_matches("https://claims.example.org")).await.body)
            .unwrap();
    assert_eq!(second["claims"].as_array().unwrap().len(), 5);
    assert!(second["next"].is_null());

    let again = app
        .request(
            axum::http::Request::get("/api/v1/claims?kind=quote")
                .header("if-none-match", &etag)
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
}

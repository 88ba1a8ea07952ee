//! What a shared link shows and what crawlers and other sites' scripts read: share images, the
//! tags on every public page, the sitemap and robots.txt, the speakers directory, CORS on open
//! data, and the headers every answer carries.

#![allow(clippy::unwrap_used)] // Test helpers may panic: a panic is a failed test.

use crate::support::TestApp;
use app::model::Role;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// A GET answered with its raw bytes (a PNG is not text).
async fn get_bytes(app: &TestApp, path: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let request = Request::get(path).body(Body::empty()).unwrap();
    let response = server::router(app.state.clone()).oneshot(request).await.unwrap();
    let (status, headers) = (response.status(), response.headers().clone());
    (status, headers, response.into_body().collect().await.unwrap().to_bytes().to_vec())
}

/// The `content` of the first `<meta {attribute}="{name}" …>` on the page.
fn meta(page: &crate::support::Page, attribute: &str, name: &str) -> Option<String> {
    let tag = format!("<meta {attribute}=\"{name}\" content=\"");
    let start = page.body.find(&tag)? + tag.len();
    let end = start + page.body[start..].find('"')?;
    Some(page.body[start..end].replace("&amp;", "&"))
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

#[tokio::test]
async fn a_published_claim_has_a_share_image_that_changes_with_the_claim() {
    let app = TestApp::with_demo().await;
    let id = app.claim_id("Moscow is a much needier").await;
    let page = app.get(&format!("/claims/{id}")).await;
    let image = meta(&page, "property", "og:image").unwrap();
    assert!(image.starts_with(&format!("https://claims.example.org/claims/{id}/share.png?v=")), "{image}");
    assert_eq!(meta(&page, "name", "twitter:image").as_deref(), Some(image.as_str()));
    assert_eq!(meta(&page, "name", "twitter:card").as_deref(), Some("summary_large_image"));
    assert_eq!(meta(&page, "property", "og:image:width").as_deref(), Some("1200"));
    assert_eq!(meta(&page, "property", "og:image:height").as_deref(), Some("630"));
    assert_eq!(meta(&page, "property", "og:image:type").as_deref(), Some("image/png"));
    let alt = meta(&page, "property", "og:image:alt").unwrap();
    assert!(alt.starts_with("Alexander Gabuev: “Moscow is a much needier partner than China is” — rated Mostly true by claimtrack"), "{alt}");

    let path = image.strip_prefix("https://claims.example.org").unwrap();
    let (status, headers, png) = get_bytes(&app, path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers["content-type"], "image/png");
    assert!(headers.get("content-encoding").is_none(), "a PNG is not compressed again");
    assert_eq!(png_size(&png), (1200, 630));
    assert!(png.len() < 300 * 1024, "{} bytes", png.len());

    // Retracted: the card says so, and its address changes so that chat apps fetch it again.
    let ann = app.sign_in("ann", Role::Admin).await;
    let retract = app.post_as(&format!("/claims/{id}/retract"), "reason=Misattributed", &ann).await;
    assert_eq!(retract.status, StatusCode::SEE_OTHER);
    let page = app.get(&format!("/claims/{id}")).await;
    let retracted_image = meta(&page, "property", "og:image").unwrap();
    assert_ne!(retracted_image, image);
    assert!(meta(&page, "property", "og:image:alt").unwrap().contains("retracted by claimtrack"));
    assert!(meta(&page, "property", "og:description").unwrap().ends_with("Retracted."));
    let (_, _, retracted_png) = get_bytes(&app, path).await;
    assert_ne!(retracted_png, png, "the cached card was replaced");
}

#[tokio::test]
async fn a_claim_in_intake_has_no_share_image_and_is_not_in_the_sitemap() {
    let app = TestApp::with_demo().await;
    let intake = app.claim_id("Putin may not see it").await;
    let (status, _, _) = get_bytes(&app, &format!("/claims/{intake}/share.png")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let sitemap = app.get("/sitemap.xml").await;
    sitemap.assert_lacks(&format!("/claims/{intake}<"));
    let published = app.claim_id("Moscow is a much needier").await;
    sitemap
        .assert_contains(&format!("<url><loc>https://claims.example.org/claims/{published}</loc><lastmod>"));
}

#[tokio::test]
async fn every_public_page_type_carries_canonical_open_graph_and_twitter_tags() {
    let app = TestApp::with_demo().await;
    let claim = app.claim_id("a model of cooperation").await;
    let source = app.source_id("The Week").await;
    let pages = [
        "/".to_owned(),
        "/?status=false".to_owned(),
        "/speakers".to_owned(),
        "/speakers/vladimir-putin".to_owned(),
        format!("/sources/{source}"),
        "/methodology".to_owned(),
        "/corrections".to_owned(),
        "/api".to_owned(),
        format!("/claims/{claim}"),
    ];
    for path in pages {
        let page = app.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let url = format!("https://claims.example.org{path}");
        page.assert_contains(&format!(r#"<link href="{}" rel="canonical">"#, url.replace('&', "&amp;")));
        assert_eq!(meta(&page, "property", "og:url").as_deref(), Some(url.as_str()), "{path}");
        let title = meta(&page, "property", "og:title").unwrap();
        assert!(!title.is_empty() && title.chars().count() <= 70, "{path}: {title}");
        assert_eq!(meta(&page, "name", "twitter:title").as_deref(), Some(title.as_str()), "{path}");
        for (attribute, name) in [
            ("property", "og:description"),
            ("name", "description"),
            ("property", "og:site_name"),
            ("name", "twitter:card"),
        ] {
            assert!(meta(&page, attribute, name).is_some_and(|v| !v.is_empty()), "{path}: {name}");
        }
    }
    // A long claim's title is cut at a word, well under X's limit; the description keeps it all.
    let page = app.get(&format!("/claims/{claim}")).await;
    assert_eq!(
        meta(&page, "property", "og:title").as_deref(),
        Some("Vladimir Putin: “a model of cooperation…” — Opinion — not rated")
    );
}

#[tokio::test]
async fn the_sitemap_lists_speakers_sources_and_pages_and_robots_txt_points_to_it() {
    let app = TestApp::with_demo().await;
    let sitemap = app.get("/sitemap.xml").await;
    assert_eq!(sitemap.status, StatusCode::OK);
    assert_eq!(sitemap.headers["content-type"], "application/xml; charset=utf-8");
    sitemap.assert_contains(r#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#);
    sitemap.assert_contains("<url><loc>https://claims.example.org/speakers</loc></url>");
    sitemap.assert_contains("<url><loc>https://claims.example.org/speakers/vladimir-putin</loc><lastmod>");
    let source = app.source_id("The Week").await;
    sitemap.assert_contains(&format!("<url><loc>https://claims.example.org/sources/{source}</loc><lastmod>"));
    let published: i64 =
        sqlx::query_scalar(&app.sql("SELECT count(*) FROM claims WHERE list_seq IS NOT NULL"))
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(sitemap.body.matches("/claims/").count() as i64, published);
    // A part of a split sitemap answers too; a made-up one does not.
    assert_eq!(app.get("/sitemaps/claims-0.xml").await.status, StatusCode::OK);
    assert_eq!(app.get("/sitemaps/claims-00.xml").await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get("/sitemaps/claims-7.xml").await.status, StatusCode::NOT_FOUND, "past the last part");
    let robots = app.get("/robots.txt").await;
    robots.assert_contains("Sitemap: https://claims.example.org/sitemap.xml");
    robots.assert_contains("Disallow: /desk");
    // Rules match by prefix: none may hide a public page (`/speakers/new…` would hide "Newt").
    for line in robots.body.lines().filter_map(|l| l.strip_prefix("Disallow: ")) {
        for public in
            ["/speakers/newt-gingrich", "/claims/new4x2ab", "/sources/newsroom1", "/speakers", "/api"]
        {
            assert!(!public.starts_with(line), "{line} hides {public}");
        }
    }
}

#[tokio::test]
async fn past_ten_thousand_addresses_the_sitemap_is_an_index_of_parts_that_list_each_once() {
    let app = TestApp::empty().await;
    app::ssr::db::bench::generate(&app.db, 12_000, 11).await.unwrap();
    let index = app.get("/sitemap.xml").await;
    index.assert_contains("<sitemapindex");
    let parts: Vec<String> = index
        .body
        .split("<loc>")
        .skip(1)
        .map(|rest| {
            rest[..rest.find("</loc>").unwrap()].trim_start_matches("https://claims.example.org").to_owned()
        })
        .collect();
    assert!(
        parts.contains(&"/sitemaps/pages.xml".to_owned())
            && parts.contains(&"/sitemaps/claims-0.xml".to_owned()),
        "{parts:?}"
    );
    let mut claims = Vec::new();
    for part in &parts {
        let page = app.get(part).await;
        assert_eq!(page.status, StatusCode::OK, "{part}");
        assert!(page.body.matches("<url>").count() <= 10_000, "{part}");
        claims.extend(page.body.match_indices("/claims/").map(|(i, _)| page.body[i..i + 16].to_owned()));
    }
    let published: i64 =
        sqlx::query_scalar(&app.sql("SELECT count(*) FROM claims WHERE list_seq IS NOT NULL"))
            .fetch_one(&app.pool)
            .await
            .unwrap();
    if published > 10_000 {
        assert!(parts.contains(&"/sitemaps/claims-1.xml".to_owned()), "{parts:?}");
    }
    let total = claims.len();
    claims.sort();
    claims.dedup();
    assert_eq!(claims.len(), total, "no claim twice");
    assert_eq!(claims.len() as i64, published, "every published claim");
}

#[tokio::test]
async fn the_speakers_directory_lists_published_speakers_a_to_z_with_search_and_letters() {
    let app = TestApp::with_demo().await;
    let page = app.get("/speakers").await;
    assert_eq!(page.status, StatusCode::OK);
    let listed = page.links("/speakers/");
    let mut sorted = listed.clone();
    sorted.sort_by_key(|s| s.to_lowercase());
    assert_eq!(listed, sorted, "A to Z");
    assert!(listed.contains(&"/speakers/vladimir-putin".to_owned()));
    page.assert_contains("3 fact-checks");
    // Readers find the directory from every page's header.
    app.get("/methodology").await.assert_contains(r#"<a href="/speakers">Speakers</a>"#);

    let found = app.get("/speakers?q=putin").await;
    assert_eq!(found.links("/speakers/"), vec!["/speakers/vladimir-putin".to_owned()]);
    found.assert_contains("1 speaker matching “putin”");
    let by_letter = app.get("/speakers?letter=x").await;
    assert_eq!(by_letter.links("/speakers/"), vec!["/speakers/xi-jinping".to_owned()]);
    by_letter.assert_contains(r#"aria-current="page">X</a>"#);
    let bad = app.get("/speakers?letter=xy").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    bad.assert_contains("“letter” is one letter, A to Z.");
    let gone = app.get("/speakers?after=no-such-speaker").await;
    assert_eq!(gone.status, StatusCode::BAD_REQUEST);
    gone.assert_contains("start again from the first page");
    page.assert_needs_no_javascript();
}

#[tokio::test]
async fn the_speakers_directory_pages_through_every_speaker_once() {
    let app = TestApp::empty().await;
    app::ssr::db::bench::generate(&app.db, 6_000, 7).await.unwrap();
    let mut seen = Vec::new();
    let mut next = Some("/speakers".to_owned());
    while let Some(path) = next.take() {
        let page = app.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        seen.extend(page.links("/speakers/").into_iter().filter(|l| l != "/speakers/new"));
        next = page.links("/speakers?").into_iter().find(|l| l.contains("after="));
    }
    let expected: i64 = sqlx::query_scalar(
        &app.sql("SELECT count(DISTINCT speaker_id) FROM speaker_claim_counts WHERE n > 0"),
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(expected > 100, "more than one page: {expected}");
    let mut unique = seen.clone();
    unique.dedup();
    assert_eq!(unique.len(), seen.len(), "no speaker twice");
    assert_eq!(seen.len() as i64, expected);
}

#[tokio::test]
async fn a_search_for_a_speakers_name_offers_their_page_above_the_claims() {
    let app = TestApp::with_demo().await;
    let page = app.get("/?q=putin").await;
    let offer = page.body.find("speakers-named").expect("the speaker is offered");
    let first_claim = page.body.find("claim-card").unwrap();
    assert!(offer < first_claim, "above the claims");
    page.assert_contains(r#"<a href="/speakers/vladimir-putin" class="speaker-link">Vladimir Putin</a>"#);
    app.get("/?q=sanctions").await.assert_lacks("speakers-named");
}

#[tokio::test]
async fn open_data_is_readable_across_origins_with_its_etag_and_pages_are_not() {
    let app = TestApp::with_demo().await;
    let preflight = app
        .request(
            Request::options("/api/v1/claims")
                .header("origin", "https://elsewhere.example")
                .header("access-control-request-method", "GET")
                .header("access-control-request-headers", "if-none-match")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(preflight.status, StatusCode::NO_CONTENT);
    assert_eq!(preflight.headers["access-control-allow-origin"], "*");
    assert!(preflight.headers["access-control-allow-headers"].to_str().unwrap().contains("If-None-Match"));
    let api = app.get("/api/v1/claims").await;
    assert!(api.headers["access-control-expose-headers"].to_str().unwrap().contains("ETag"));
    assert!(api.headers.contains_key("etag"));
    let page = app.get("/").await;
    assert!(page.headers.get("access-control-allow-origin").is_none());
    assert!(page.headers["permissions-policy"].to_str().unwrap().contains("camera=()"));
}

#[tokio::test]
async fn a_feed_given_two_ratings_answers_with_a_problem_document() {
    let app = TestApp::with_demo().await;
    let page = app.get("/feed.atom?status=false&status=true").await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert_eq!(page.headers["content-type"], "application/problem+json");
    let problem: serde_json::Value = serde_json::from_str(&page.body).unwrap();
    assert_eq!(problem["param"], "status");
    assert!(problem["detail"].as_str().unwrap().contains("one rating"));
    let unknown = app.get("/feed.atom?status=bogus").await;
    assert_eq!(unknown.headers["content-type"], "application/problem+json");
    assert_eq!(app.get("/feed.atom?status=false").await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_export_and_the_api_say_the_same_of_every_claim_under_the_same_names() {
    let app = TestApp::with_demo().await;
    let export = app.get("/export/claims.jsonl").await;
    assert_eq!(export.status, StatusCode::OK);
    let rows: Vec<serde_json::Value> =
        export.body.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(rows.len() > 5);
    for row in rows {
        let id = row["id"].as_str().unwrap();
        let api: serde_json::Value =
            serde_json::from_str(&app.get(&format!("/api/v1/claims/{id}")).await.body).unwrap();
        for field in ["id", "url", "kind", "text", "said_on", "status", "attribution", "verdict", "retracted"]
        {
            assert_eq!(row[field], api[field], "{id}: {field}");
        }
        assert_eq!(row["speaker"], api["speaker"]["name"], "{id}");
        assert_eq!(row["speaker_slug"], api["speaker"]["slug"], "{id}");
        for field in ["value", "unit", "of", "change", "qualifier"] {
            assert_eq!(row[format!("quantity_{field}")], api["quantity"][field], "{id}: quantity_{field}");
        }
        for field in ["id", "url", "title", "outlet", "published_on"] {
            assert_eq!(
                row[format!("first_source_{field}")],
                api["first_source"][field],
                "{id}: first_source_{field}"
            );
        }
        // The document's own address, named as the API's source names it.
        let source_id = row["first_source_id"].as_str().unwrap();
        let source: serde_json::Value =
            serde_json::from_str(&app.get(&format!("/api/v1/sources/{source_id}")).await.body).unwrap();
        assert_eq!(row["first_source_source_url"], source["source_url"], "{id}");
        assert_eq!(row["first_source_url"], source["url"], "{id}");
    }
}

#[tokio::test]
async fn the_openapi_document_names_its_vocabularies_limits_and_revalidation() {
    let app = TestApp::with_demo().await;
    let doc: serde_json::Value = serde_json::from_str(&app.get("/api/v1/openapi.json").await.body).unwrap();
    assert_eq!(doc["servers"][0]["url"], "https://claims.example.org");
    let schemas = &doc["components"]["schemas"];
    let values = |name: &str| -> Vec<String> {
        schemas[name]["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect()
    };
    let statuses: Vec<String> = app::model::Status::ALL.iter().map(|s| s.as_str().to_owned()).collect();
    assert_eq!(values("StatusName"), statuses);
    assert_eq!(values("ClaimKindName"), ["quote", "numeric"]);
    assert!(values("AttributionName").contains(&"misattributed".to_owned()));
    assert_eq!(schemas["Claim"]["properties"]["status"]["$ref"], "#/components/schemas/StatusName");
    let list = &doc["paths"]["/api/v1/claims"]["get"];
    let param = |name: &str| {
        list["parameters"].as_array().unwrap().iter().find(|p| p["name"] == name).unwrap().clone()
    };
    assert_eq!(param("q")["schema"]["maxLength"], 200);
    assert!(param("after")["schema"]["$ref"].as_str().unwrap().ends_with("/IdParam"));
    assert!(schemas["IdParam"]["pattern"].as_str().unwrap().contains("[0-9a-hjkmnp-tv-z]{8}"));
    assert_eq!(param("If-None-Match")["in"], "header");
    assert!(list["responses"]["304"].is_object());
    assert!(list["responses"]["200"]["headers"]["ETag"].is_object());
    // The exports' schema, generated from the export's type, names exactly the export's columns.
    let export: Vec<&str> =
        schemas["ExportRow"]["properties"].as_object().unwrap().keys().map(String::as_str).collect();
    let mut columns = app::model::export::COLUMNS.to_vec();
    columns.sort_unstable();
    let mut export = export;
    export.sort_unstable();
    assert_eq!(export, columns);
}

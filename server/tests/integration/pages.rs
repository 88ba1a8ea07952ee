//! The public pages, as a reader gets them over HTTP.

#![allow(clippy::unwrap_used)] // Test helpers may panic: a panic is a failed test.

use crate::support::TestApp;
use app::ssr::db::testing::{add_claim, add_source, add_speaker, day};
use axum::http::StatusCode;

#[tokio::test]
async fn the_home_page_lists_the_newest_fact_checks_with_speaker_source_rating_and_quantity() {
    let app = TestApp::with_demo().await;
    let page = app.get("/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.headers["content-type"], "text/html; charset=utf-8");
    page.assert_contains("<h1 id=\"results-heading\">Latest fact-checks</h1>");
    page.assert_contains("5 fact-checks");
    page.assert_contains("Moscow is a much needier partner than China is");
    page.assert_contains("+25%");
    page.assert_contains("16 of 16 (100%)");
    page.assert_contains(r#"<span class="badge status-mostly_true">Mostly true</span>"#);
    page.assert_contains(r#"<span class="badge status-opinion">Opinion — not rated</span>"#);
    page.assert_contains(r#"<span class="badge attribution attribution-verified"><span class="visually-hidden">Attribution: </span>Said it</span>"#);
    page.assert_contains(r#"href="/speakers/alexander-gabuev""#);
    page.assert_contains("The Washington Post");
    page.assert_contains(r#"<time datetime="2022-12-30">Dec 30, 2022</time>"#);
    // The newest ruling first, not the newest claim: Gabuev's was ruled on 16 January.
    assert!(page.body.find("needier partner").unwrap() < page.body.find("a model of cooperation").unwrap());
    // Claims being checked are one click away, not mixed in.
    page.assert_lacks("54 of 69");
    page.assert_contains(r#"<a href="/?status=being_checked">Claims being checked (5)</a>"#);
    assert_eq!(page.links("/sources/").len(), 5, "every claim links its source");
    assert_eq!(page.links("/claims/").len(), 5, "every claim links its permalink");
    page.assert_needs_no_javascript();

    let checking = app.get("/?status=being_checked").await;
    checking.assert_contains("<h1 id=\"results-heading\">Claims being checked</h1>");
    checking.assert_contains("54 of 69 (78.3%)");
    checking.assert_contains("cruise missiles");
    checking.assert_contains(r#"<span class="badge status-being_checked">Being checked</span>"#);
    checking.assert_contains(r#"<a href="/">See the fact-checks</a>"#);
    assert_eq!(checking.links("/claims/").len(), 5);
}

#[tokio::test]
async fn filters_are_query_parameters_and_show_counts_per_status() {
    let app = TestApp::with_demo().await;
    let page = app.get("/?status=opinion&status=unverifiable").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("3 claims · Unverifiable, Opinion — not rated");
    page.assert_contains("a model of cooperation between major powers");
    page.assert_lacks("needier partner");
    // Counts per status are shown under the other filters, and the boxes stay ticked.
    page.assert_contains(r#"<span class="count">5</span><span class="visually-hidden"> matching</span>"#);
    page.assert_contains(r#"id="filter-status-opinion" name="status" value="opinion" checked"#);

    let page = app.get("/?kind=numeric&speaker=vladimir-putin").await;
    page.assert_contains("Fact-checks: claims by Vladimir Putin");
    page.assert_contains("Sino-Russian trade is set to increase by 25 percent");
    assert_eq!(page.links("/claims/").len(), 1);
    page.assert_contains(r#"<option value="numeric" selected"#);

    let week = app.source_id("The Week").await;
    let page = app.get(&format!("/?source={week}")).await;
    page.assert_contains("Fact-checks: claims in “Putin and Xi reaffirm Russia-China relations amid unrest”");
    assert_eq!(page.links("/claims/").len(), 2);
}

#[tokio::test]
async fn search_highlights_the_matched_words() {
    let app = TestApp::with_demo().await;
    let page = app.get("/?q=NEEDIER+partner").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("Fact-checks matching “NEEDIER partner”");
    page.assert_contains("<mark>needier</mark> <mark>partner</mark>");
    page.assert_contains("1 fact-check");
    page.assert_contains(r#"value="NEEDIER partner""#);
    // By speaker alias: the published claim, not the one in intake.
    let page = app.get("/?q=Gabuev").await;
    assert_eq!(page.links("/claims/").len(), 1);
}

#[tokio::test]
async fn a_search_with_more_matches_than_are_counted_says_how_many_at_least() {
    let app = TestApp::with_demo().await;
    // 1,200 more claims with a common word, straight into the table (the triggers index them).
    sqlx::query(&app.sql(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1200) \
         INSERT INTO claims (kind, text, speaker_id, said_on, stage, status, list_seq) \
         SELECT 'quote', 'Tariffs will rise, part ' || i, (SELECT min(id) FROM speakers), '2023-01-01', \
                'published', 'false', 1000 + i FROM n",
    ))
    .execute(&app.pool)
    .await
    .unwrap();
    let page = app.get("/?q=tariffs").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("1,000+ fact-checks");
    page.assert_contains(
        r#"<span class="count">1,000+</span><span class="visually-hidden"> matching</span>"#,
    );
    assert_eq!(page.links("/claims/").len(), 20);
    let api = app.get("/api/v1/claims?q=tariffs").await;
    api.assert_contains(r#""status_counts_capped_at":1000"#);
    api.assert_contains(r#""false":1000"#);
    // Without a search the counts stay exact.
    app.get("/?kind=quote").await.assert_contains(r#"<span class="count">1,20"#);
}

#[tokio::test]
async fn an_empty_result_says_so_and_offers_to_clear_the_filters() {
    let app = TestApp::with_demo().await;
    let page = app.get("/?q=zeppelin&kind=quote").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("No claims match these filters.");
    page.assert_contains(r#"<a class="button" href="/">Clear the filters</a>"#);
}

#[tokio::test]
async fn bad_filter_values_get_a_clear_400_page() {
    let app = TestApp::with_demo().await;
    for (path, expected) in [
        ("/?status=bogus", "“bogus” is not a status. Use one of: being_checked, true, mostly_true"),
        ("/?status=unverified", "“unverified” is not a status"),
        ("/?after=garbage", "“garbage” is not a page position"),
        ("/?before=2022-12-30.!!!!!!!!", "is not a page position"),
        ("/?before=!!!!!!!!", "is not a page position"),
        ("/?kind=opinion", "“opinion” is not a kind of claim. Use quote or numeric."),
        ("/?speaker=%3Cscript%3E", "is not a speaker id"),
        ("/?source=1", "is not a source id"),
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{path}");
        page.assert_contains(expected);
        page.assert_lacks("<script>");
    }
    let long = format!("/?q={}", "a".repeat(201));
    let page = app.get(&long).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    page.assert_contains("The search is too long. Use at most 200 characters.");
}

#[tokio::test]
async fn hostile_search_input_is_inert() {
    let app = TestApp::with_demo().await;
    for q in [
        "%22",
        "NEAR(",
        "*",
        "%27%3B+DROP+TABLE+claims%3B",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "%E2%80%9C",
    ] {
        let page = app.get(&format!("/?q={q}")).await;
        assert_eq!(page.status, StatusCode::OK, "{q}");
        page.assert_lacks("<script>alert");
    }
}

#[tokio::test]
async fn pages_of_the_list_link_to_each_other_with_the_filters_kept() {
    let app = TestApp::empty().await;
    let speaker = add_speaker(&app.db, "Pat Doe", &[]).await.unwrap();
    for n in 0..25 {
        add_claim(&app.db, speaker, &format!("Numbered claim {n}"), day(n), None, None).await.unwrap();
    }
    let first = app.get("/?kind=quote").await;
    first.assert_contains("Numbered claim 24");
    first.assert_lacks("Newer");
    let older = first.links("/?kind=quote&amp;after=".replace("&amp;", "&").as_str());
    let older =
        first.links("/?").into_iter().find(|l| l.contains("after=")).unwrap_or_else(|| panic!("{older:?}"));
    assert!(older.contains("kind=quote"), "{older}");
    let second = app.get(&older).await;
    assert_eq!(second.status, StatusCode::OK);
    second.assert_contains("Numbered claim 4<");
    second.assert_lacks("Numbered claim 5<");
    second.assert_contains("‹ Newer");
    second.assert_contains("« Newest");
    second.assert_lacks("Older ›");
}

#[tokio::test]
async fn a_claim_permalink_shows_everything_about_it() {
    let app = TestApp::with_demo().await;
    let id = app.claim_id("a model of cooperation").await;
    let page = app.get(&format!("/claims/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("“a model of cooperation between major powers in the 21st century”");
    page.assert_contains("President of Russia");
    page.assert_contains(r#"<time datetime="2022-12-30">Dec 30, 2022</time>"#);
    // Both appearances with their outlets and links out.
    page.assert_contains("Putin and Xi highlight Russia-China cooperation against backdrop of war");
    page.assert_contains("The Week");
    page.assert_contains(
        r#"href="https://www.washingtonpost.com/world/2022/12/30/putin-xi-call-cooperation-ukraine/""#,
    );
    // The ruling is the centre: did they say it, is it accurate, verdict, text, evidence, who.
    page.assert_contains("<h2 id=\"ruling-heading\">The ruling</h2>");
    page.assert_contains("<h3>Did they say it?</h3>");
    page.assert_contains("Verified: they said it");
    page.assert_contains("<h3>Is what they said accurate?</h3>");
    page.assert_contains(r#"<strong class="rating-words">Opinion — not rated</strong>"#);
    page.assert_contains(
        r#"role="img" aria-label="Opinion — not rated: not on the scale from True to False.""#,
    );
    page.assert_contains(
        "Putin said it; it is his characterisation of the relationship, not a checkable fact.",
    );
    page.assert_contains("is <strong>not</strong> an endorsement of what it says");
    page.assert_contains(r#"<a href="https://theweek.com/china/1019715/putin-and-xi-reaffirm-russia-china-relations-amid-unrest" rel="nofollow">The Week, 30 Dec. 2022</a>"#);
    page.assert_contains("By Demo desk writer · signed off by Demo desk editor");
    let ruling = page.body.find("The ruling</h2>").unwrap();
    let appearances = page.body.find("id=\"appearances-heading\"").unwrap();
    let history = page.body.find("id=\"history-heading\"").unwrap();
    assert!(ruling < appearances && appearances < history, "ruling, then appearances, then history");
    // Readers never see the desk: notes, assignees, proposals.
    page.assert_lacks("Both reports give the same words");
    page.assert_lacks("Editor tools");
    page.assert_contains(&format!(r#"readonly rows="1">https://claims.example.org/claims/{id}</textarea>"#));
    // At most 70 characters: who said it and the rating stay, the claim is cut at a word.
    page.assert_contains("<title>Vladimir Putin: “a model of…” — Opinion — not rated — claimtrack</title>");
}

#[tokio::test]
async fn a_numeric_permalink_shows_what_follows_from_the_figure() {
    let app = TestApp::with_demo().await;
    let id = app.claim_id("the country's air defense").await;
    let page = app.get(&format!("/claims/{id}")).await;
    page.assert_contains("54 of 69 (78.3%)");
    page.assert_contains("54 of 69 cruise missiles is 78.3%.");
    page.assert_contains("The other 15 (21.7%) are not covered by the claim.");
    let id = app.claim_id("Sino-Russian trade").await;
    let page = app.get(&format!("/claims/{id}")).await;
    page.assert_contains("The new level is 1.25× the earlier one.");
    // A corrected ruling: the correction note in the ruling, and both rulings in the history.
    page.assert_contains("<strong>Correction: </strong>China's customs published the full-year figures");
    page.assert_contains("<strong>Correction</strong>");
    page.assert_contains("<strong>Ruling published</strong>");
    page.assert_contains("The year was not over: no full-year figure existed to check it against.");
}

#[tokio::test]
async fn speaker_pages_show_profile_ratings_and_claims() {
    let app = TestApp::with_demo().await;
    let page = app.get("/speakers/vladimir-putin").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("<h1>Vladimir Putin</h1>");
    page.assert_contains("President of Russia");
    page.assert_contains("Also known as: Putin · Russian President Vladimir Putin");
    page.assert_contains(r#"<svg width="100%" height="20" role="img""#);
    // The chart counts rated claims only: Putin's two quotes are opinions, not rated.
    page.assert_contains(r#"aria-label="Ratings: 1 mostly true""#);
    page.assert_contains("3 fact-checks");
    assert_eq!(page.links("/claims/").len(), 3);
    page.assert_contains(r#"href="/?speaker=vladimir-putin""#);
}

#[tokio::test]
async fn source_pages_show_metadata_and_the_claims_in_them() {
    let app = TestApp::with_demo().await;
    let id = app.source_id("The Week").await;
    let page = app.get(&format!("/sources/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("<h1>Putin and Xi reaffirm Russia-China relations amid unrest</h1>");
    page.assert_contains("2 fact-checks appear");
    page.assert_contains(
        "https://theweek.com/china/1019715/putin-and-xi-reaffirm-russia-china-relations-amid-unrest",
    );
    assert_eq!(page.links("/claims/").len(), 2);
}

#[tokio::test]
async fn unknown_pages_and_ids_get_a_404_page() {
    let app = TestApp::with_demo().await;
    for path in [
        "/nope",
        "/claims/zzzzzzzz",
        "/claims/not-an-id",
        "/claims/%3Cscript%3E",
        "/speakers/nobody",
        "/speakers/Not_A_Slug",
        "/sources/zzzzzzzz",
        "/sources/12",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        page.assert_contains("<h1>Not found</h1>");
        page.assert_contains(r#"<a href="/">Browse the fact-checks</a>"#);
        page.assert_lacks("<script>");
    }
}

#[tokio::test]
async fn healthz_answers_ok() {
    let app = TestApp::empty().await;
    let page = app.get("/healthz").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.body, "ok\n");
}

#[tokio::test]
async fn the_stylesheet_is_cached_for_a_year_and_compressed() {
    let app = TestApp::empty().await;
    let home = app.get("/").await;
    let href = home.links("/style/").pop().expect("a stylesheet link");
    let request = axum::http::Request::get(&href)
        .header("accept-encoding", "gzip")
        .body(axum::body::Body::empty())
        .unwrap();
    let css = app.request(request).await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(css.headers["content-type"], "text/css; charset=utf-8");
    assert_eq!(css.headers["cache-control"], "public, max-age=31536000, immutable");
    assert_eq!(css.headers["content-encoding"], "gzip");
    let stale = app.get("/style/claimtrack.0000000000000000.css").await;
    assert_eq!(stale.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn text_from_the_database_is_escaped_everywhere() {
    let app = TestApp::empty().await;
    let speaker =
        add_speaker(&app.db, "Mallory <img src=x onerror=alert(1)>", &["\"><script>alert(2)</script>"])
            .await
            .unwrap();
    let source = add_source(&app.db, 1, "</title><script>alert(3)</script>", "Evil & Co").await.unwrap();
    add_claim(
        &app.db,
        speaker,
        "<script>alert(4)</script> \" onmouseover=\"alert(5)",
        day(0),
        None,
        Some(source),
    )
    .await
    .unwrap();
    let id = app.claim_id("<script>").await;
    let source_id = app::model::public_id::encode(source);
    for path in [
        "/".to_owned(),
        format!("/claims/{id}"),
        "/speakers/mallory-img-src-x-onerror-alert-1".into(),
        format!("/sources/{source_id}"),
        "/?q=script".into(),
    ] {
        let page = app.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        for raw in ["<script>alert", "<img src=x", "</title><script>", "\"><script>"] {
            page.assert_lacks(raw);
        }
        page.assert_needs_no_javascript();
    }
    let page = app.get(&format!("/sources/{source_id}")).await;
    page.assert_contains("<title>&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt; — claimtrack</title>");
}

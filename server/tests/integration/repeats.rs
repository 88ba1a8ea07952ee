//! Repeats found, not re-checked: an import's review suggests the existing claims a candidate
//! repeats (by any speaker), the editor attaches it as a repetition, and the permalink shows the
//! repetitions' timeline.

#![allow(clippy::unwrap_used)] // Test helpers may panic: a panic is a failed test.

use crate::support::{enc, TestApp};
use app::model::Role;
use axum::http::StatusCode;

/// A later article: a researcher restating the demo's Gabuev quote in other words, and a trade
/// figure that differs from the demo's (40 percent, not 25).
const LATER: &str = "Analysts weighed the summit.\r\n\
“Russia is a much needier partner than China,” said Jane Doe, a researcher.\r\n\
Officials said Sino-Russian trade is set to increase by 40 percent this year.";

const SOURCE: &str =
    "url=https%3A%2F%2Flater.example%2Fsummit&title=Summit+weighed&outlet=Later+Wire&published_on=2023-06-01";

/// The add step's body, every candidate ticked; `repeat_of` for the quote.
fn add_body(repeat_of: &str) -> String {
    let found = app::ssr::extract::extract(&LATER.replace("\r\n", "\n")).unwrap();
    let mut body = format!("step=add&{SOURCE}&text={}&candidates={}", enc(LATER), found.len());
    for (i, c) in found.iter().enumerate() {
        let speaker = c.speaker.clone().unwrap_or_else(|| "Officials".to_owned());
        body.push_str(&format!(
            "&pick={i}&c{i}_kind={}&c{i}_text={}&c{i}_speaker={}&c{i}_start={}&c{i}_end={}",
            c.kind.as_str(),
            enc(&c.text),
            enc(&speaker),
            c.span.0,
            c.span.1
        ));
        match &c.quantity {
            Some(q) => body.push_str(&format!(
                "&c{i}_quantity_value={}&c{i}_quantity_unit={}",
                q.value,
                enc(&q.unit)
            )),
            None => body.push_str(&format!("&c{i}_repeat_of={}", enc(repeat_of))),
        }
    }
    body
}

#[tokio::test]
async fn the_review_suggests_the_claim_a_candidate_repeats_and_not_one_with_another_figure() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let gabuev = app.claim_id("Moscow is a much needier partner").await;
    let trade = app.claim_id("Sino-Russian trade is set to increase by 25").await;

    let review = app.post_as("/import", &format!("step=review&{SOURCE}&text={}", enc(LATER)), &editor).await;
    assert_eq!(review.status, StatusCode::OK, "{}", review.body);
    review.assert_needs_no_javascript();
    review.assert_contains("Already in the archive?");
    review.assert_contains(&format!(r#"value="{gabuev}""#));
    review.assert_contains("Moscow is a much needier partner than China is");
    review.assert_contains("None of these: add it as a new claim");
    // 40 percent is another claim than 25 percent, however alike the words.
    review.assert_lacks(&format!(r#"value="{trade}""#));
    // Alike but not the same: the editor decides; "a new claim" stays chosen.
    assert!(!review.body.contains(&format!(r#"value="{gabuev}" checked"#)), "preselected a paraphrase");
}

#[tokio::test]
async fn a_candidate_attached_as_a_repetition_becomes_an_appearance_with_its_own_speaker_and_date() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let gabuev = app.claim_id("Moscow is a much needier partner").await;

    let added = app.post_as("/import", &add_body(&gabuev), &editor).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);

    // No duplicate: the restatement is an appearance of the existing claim.
    let duplicates: i64 = sqlx::query_scalar(
        &app.sql("SELECT count(*) FROM claims WHERE text LIKE 'Russia is a much needier%'"),
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(duplicates, 0);
    let page = app.get_as(&format!("/claims/{gabuev}"), &editor).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("Repetitions");
    page.assert_contains("Said 2 times");
    page.assert_contains("Jane Doe");
    page.assert_contains("Summit weighed");
    page.assert_contains("In these words: <q>Russia is a much needier partner than China</q>");
    page.assert_contains(r#"datetime="2023-06-01""#);
    page.assert_contains("repeated");
    page.assert_needs_no_javascript();

    // The API gives each appearance's own speaker, day and words, as the permalink does.
    let api = app.get(&format!("/api/v1/claims/{gabuev}")).await;
    assert_eq!(api.status, StatusCode::OK, "{}", api.body);
    let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    let appearances = json["appearances"].as_array().unwrap();
    assert_eq!(appearances.len(), 2, "{json}");
    assert!(appearances[0]["speaker"].is_null(), "the first is the claim's own speaker's");
    assert!(appearances[0]["words"].is_null(), "in the claim's words");
    let repetition = &appearances[1];
    assert_eq!(repetition["title"], "Summit weighed");
    assert_eq!(repetition["speaker"]["name"], "Jane Doe");
    assert!(repetition["speaker"]["url"].as_str().unwrap().ends_with("/speakers/jane-doe"), "{repetition}");
    assert_eq!(repetition["said_on"], "2023-06-01");
    assert_eq!(repetition["words"], "Russia is a much needier partner than China");

    // Attaching it again from the same source changes nothing.
    let again = app.post_as("/import", &add_body(&gabuev), &editor).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    let appearances: i64 = sqlx::query_scalar(&app.sql(
        "SELECT count(*) FROM appearances WHERE claim_id = (SELECT id FROM claims WHERE text LIKE 'Moscow is a much needier%')",
    ))
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(appearances, 2);
}

#[tokio::test]
async fn a_repetition_of_a_claim_that_does_not_exist_is_refused_beside_the_candidate() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let refused = app.post_as("/import", &add_body("zzzzzz"), &editor).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    refused.assert_contains("That claim no longer exists, was retracted or discarded");
    refused.assert_contains("Summit weighed");
    let added: i64 = sqlx::query_scalar(&app.sql("SELECT count(*) FROM sources WHERE outlet = 'Later Wire'"))
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(added, 0, "nothing half-written");
}

/// The claim form's body for the Gabuev quote said again by Putin in The Week.
fn restated_claim(extra: &str) -> String {
    format!(
        "kind=quote&text={}&speaker={}&said_on=2023-01-05&add_sources={}{extra}",
        enc("Moscow is a much needier partner than China"),
        enc("Vladimir Putin"),
        enc("https://theweek.com/china/1019715/putin-and-xi-reaffirm-russia-china-relations-amid-unrest")
    )
}

#[tokio::test]
async fn the_claim_form_shows_what_a_new_claim_may_repeat_before_saving_and_attaches_the_chosen_one() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let gabuev = app.claim_id("Moscow is a much needier partner").await;
    let claims = || async {
        sqlx::query_scalar::<_, i64>(&app.sql("SELECT count(*) FROM claims"))
            .fetch_one(&app.pool)
            .await
            .unwrap()
    };
    let before = claims().await;

    let shown = app.post_as("/claims/new", &restated_claim(""), &editor).await;
    assert_eq!(shown.status, StatusCode::OK, "{}", shown.body);
    shown.assert_contains("Nothing is saved yet: this claim may already be in the archive.");
    shown.assert_contains(&format!(r#"value="{gabuev}""#));
    shown.assert_contains(r#"name="repeats_seen" value="1""#);
    shown.assert_needs_no_javascript();
    assert_eq!(claims().await, before, "nothing saved while the editor chooses");

    let attached = app
        .post_as("/claims/new", &restated_claim(&format!("&repeats_seen=1&repeat_of={gabuev}")), &editor)
        .await;
    assert_eq!(attached.status, StatusCode::SEE_OTHER, "{}", attached.body);
    assert_eq!(attached.headers["location"], format!("/claims/{gabuev}#appearances-heading"));
    assert_eq!(claims().await, before, "a repetition, not a duplicate");
    let page = app.get_as(&format!("/claims/{gabuev}"), &editor).await;
    page.assert_contains("Said 2 times");
    page.assert_contains("Vladimir Putin</a> in");

    // "None of these": a new claim after all.
    let added = app.post_as("/claims/new", &restated_claim("&repeats_seen=1&repeat_of="), &editor).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    assert!(added.headers["location"].to_str().unwrap().ends_with("/desk"));
    assert_eq!(claims().await, before + 1);
}

#[tokio::test]
async fn a_repetition_needs_the_source_it_was_said_in() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let gabuev = app.claim_id("Moscow is a much needier partner").await;
    let body = format!(
        "kind=quote&text={}&speaker={}&said_on=2023-01-05&repeats_seen=1&repeat_of={gabuev}",
        enc("Moscow is a much needier partner than China"),
        enc("Vladimir Putin")
    );
    let refused = app.post_as("/claims/new", &body, &editor).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    refused.assert_contains("Give the address of the source where it was said again");
    refused.assert_contains("Moscow is a much needier partner than China");
}

#[tokio::test]
async fn a_speaker_who_only_repeated_a_claim_has_a_page_feed_and_sitemap_entry_and_merges_take_it_along() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let gabuev = app.claim_id("Moscow is a much needier partner").await;
    let added = app.post_as("/import", &add_body(&gabuev), &editor).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);

    // Jane Doe has no claim of her own, but the permalink links readers to her page.
    let permalink = app.get(&format!("/claims/{gabuev}")).await;
    permalink.assert_contains(r#"href="/speakers/jane-doe""#);
    let page = app.get("/speakers/jane-doe").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.assert_contains("Claims Jane Doe repeated");
    page.assert_contains(&format!(r#"href="/claims/{gabuev}""#));
    page.assert_contains("Moscow is a much needier partner than China is");
    page.assert_contains("Summit weighed");
    page.assert_contains(r#"datetime="2023-06-01""#);
    page.assert_needs_no_javascript();
    let api = app.get("/api/v1/speakers/jane-doe").await;
    assert_eq!(api.status, StatusCode::OK, "{}", api.body);
    let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    assert_eq!(json["repeated"][0]["claim"]["id"], gabuev.as_str());
    assert_eq!(json["repeated"][0]["said_on"], "2023-06-01");
    assert_eq!(json["repeated"][0]["source"]["title"], "Summit weighed");
    // Readers reach her everywhere a speaker with claims is reached: her feed (empty: she has no
    // rulings of her own) and the sitemap.
    let feed = app.get("/speakers/jane-doe/feed.atom").await;
    assert_eq!(feed.status, StatusCode::OK, "{}", feed.body);
    app.get("/sitemap.xml").await.assert_contains("/speakers/jane-doe</loc>");
    // The claim's own speaker's page lists it as theirs, not as repeated.
    app.get("/speakers/alexander-gabuev").await.assert_lacks("repeated");

    // Merged into another speaker, her repetition is theirs…
    let merged = app.post_as("/speakers/jane-doe/merge", "target=Dmitry+Peskov", &editor).await;
    assert_eq!(merged.status, StatusCode::SEE_OTHER, "{}", merged.body);
    let peskov = app.get("/speakers/dmitry-peskov").await;
    peskov.assert_contains("Claims Dmitry Peskov repeated");
    peskov.assert_contains(&format!(r#"href="/claims/{gabuev}""#));
    app.get(&format!("/claims/{gabuev}")).await.assert_contains(r#"href="/speakers/dmitry-peskov""#);
    // …and merged into the claim's own speaker, it is a repetition by the claim's speaker.
    let merged = app.post_as("/speakers/dmitry-peskov/merge", "target=Alexander+Gabuev", &editor).await;
    assert_eq!(merged.status, StatusCode::SEE_OTHER, "{}", merged.body);
    let by_others: i64 = sqlx::query_scalar(&app.sql(
        "SELECT count(*) FROM appearances WHERE speaker_id IS NOT NULL AND claim_id = (SELECT id FROM claims WHERE text LIKE 'Moscow is a much needier%')",
    ))
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(by_others, 0, "a repetition by the claim's own speaker names no other");
    let permalink = app.get(&format!("/claims/{gabuev}")).await;
    permalink.assert_contains("Said 2 times");
    permalink.assert_lacks("Peskov</a> in");
}

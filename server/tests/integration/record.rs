//! Numbers checked against the record: recorded figures through the editors' forms, and the
//! comparison wherever readers meet the claim — permalink, API, ClaimReview, feed, export.

#![allow(clippy::unwrap_used)] // Test helpers may panic: a panic is a failed test.

use crate::support::{enc, Editor, TestApp};
use app::model::Role;
use axum::http::StatusCode;

const TRADE: &str = "Sino-Russian trade is set to increase";
const MISSILES: &str = "the country's air defense had intercepted 54 of 69";
const SENTENCE: &str =
    "Claimed +25% · Recorded +29.3% (General Administration of Customs of China, 2022 compared \
                        with 2021) · understated by 4.3 percentage points";

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(&app.sql(sql)).fetch_one(&app.pool).await.unwrap()
}

async fn version(app: &TestApp, id: &str) -> i64 {
    let id = app::model::public_id::decode(id).unwrap();
    sqlx::query_scalar(&app.sql("SELECT version FROM claims WHERE id = ?"))
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// A complete record form for a share, compared by the ruling.
fn share_form(version: i64, figure: &str) -> String {
    share_form_from(version, figure, "https://www.kyivindependent.com/missiles", "Kyiv Independent")
}

fn share_form_from(version: i64, figure: &str, url: &str, publisher: &str) -> String {
    format!(
        "version={version}&figure={}&shape=share&unit=&period={}&source_url={}&source_title={}&publisher={}\
         &published_on=2023-01-02&accessed_on=&note=&compared=1",
        enc(figure),
        enc("the attack of 29 December 2022"),
        enc(url),
        enc("Air defence tally, 29 December"),
        enc(publisher),
    )
}

#[tokio::test]
async fn the_demo_trade_claim_reads_understated_everywhere_readers_look() {
    let app = TestApp::with_demo().await;
    let id = app.claim_id(TRADE).await;

    let api = app.get(&format!("/api/v1/claims/{id}")).await;
    assert_eq!(api.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&api.body).unwrap();
    assert_eq!(json["period"], "2022 compared with 2021");
    let compared = json["recorded"].as_array().unwrap().iter().find(|f| f["compared"] == true).unwrap();
    assert_eq!(compared["value"], 29.3);
    assert_eq!(compared["shape"], "change");
    assert_eq!(compared["unit"], "percent");
    assert_eq!(json["comparison"]["outcome"], "compared");
    assert_eq!(json["comparison"]["direction"], "understated");
    assert!((json["comparison"]["difference"].as_f64().unwrap() + 4.3).abs() < 1e-9, "{}", api.body);
    assert_eq!(json["comparison"]["sentence"], SENTENCE);

    let page = app.get(&format!("/claims/{id}")).await;
    page.assert_contains("Against the record");
    page.assert_contains(SENTENCE);
    page.assert_contains(r#"class="comparison-chart""#);
    page.assert_contains(r#"aria-label="Chart: claimed +25% against recorded +29.3%"#);
    page.assert_contains("$190.27 billion");
    page.assert_needs_no_javascript();
    // ClaimReview's reviewBody carries the comparison after the verdict.
    page.assert_contains("more than the 25% Putin forecast. Claimed +25%");

    let feed = app.get("/feed.atom").await;
    feed.assert_contains("understated by 4.3 percentage points");
    let csv = app.get("/export/claims.csv").await;
    let line = csv.body.lines().find(|l| l.contains("Sino-Russian")).unwrap();
    assert!(line.contains(",2022 compared with 2021,29.3,percent,,2022 compared with 2021,"), "{line}");
    assert!(line.contains(",understated,understated by 4.3 percentage points"), "{line}");
}

#[tokio::test]
async fn an_editor_records_a_figure_and_readers_see_the_comparison() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let id = app.claim_id(MISSILES).await;
    let v = version(&app, &id).await;

    let form = app.get_as(&format!("/claims/{id}/record"), &editor).await;
    assert_eq!(form.status, StatusCode::OK);
    form.assert_contains("No recorded figure is marked for comparison yet.");
    form.assert_contains(r#"value="share" checked"#);

    let saved = app.post_as(&format!("/claims/{id}/record"), &share_form(v, "54 of 72"), &editor).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(version(&app, &id).await, v + 1, "the claim moved to its next version");

    let page = app.get(&format!("/claims/{id}")).await;
    page.assert_contains("Claimed 54 of 69 (78.3%) · Recorded 54 of 72 (75%)");
    page.assert_contains("overstated");
    page.assert_contains("recorded figure");
    let api: serde_json::Value =
        serde_json::from_str(&app.get(&format!("/api/v1/claims/{id}")).await.body).unwrap();
    assert_eq!(api["comparison"]["direction"], "overstated");
    assert_eq!(api["recorded"][0]["of"], 72.0);

    // The editor's page suggests a rating, and says it is only a suggestion.
    let record = app.get_as(&format!("/claims/{id}/record"), &editor).await;
    record.assert_contains("Suggested rating: Mostly true.");
    record.assert_contains("A suggestion only");
}

#[tokio::test]
async fn a_bad_figure_is_refused_beside_its_field_and_nothing_is_saved() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let id = app.claim_id(MISSILES).await;
    let before = count(&app, "SELECT count(*) FROM recorded_figures").await;
    let v = version(&app, &id).await;
    let body = share_form_from(v, "lots of missiles maybe", "javascript:alert(1)", "");
    let page = app.post_as(&format!("/claims/{id}/record"), &body, &editor).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    page.assert_contains("lots of missiles maybe");
    page.assert_contains("Use a full web address starting with https:// or http://.");
    page.assert_contains("Enter the publisher.");
    page.assert_contains(r#"aria-invalid="true""#);
    page.assert_contains(r#"value="Air defence tally, 29 December""#);

    let too_many = app.post_as(&format!("/claims/{id}/record"), &share_form(v, "80 of 69"), &editor).await;
    assert_eq!(too_many.status, StatusCode::UNPROCESSABLE_ENTITY);
    too_many.assert_contains("A part cannot be larger than its whole.");
    assert_eq!(count(&app, "SELECT count(*) FROM recorded_figures").await, before, "nothing was written");
    assert_eq!(version(&app, &id).await, v);
}

#[tokio::test]
async fn check_shows_what_was_understood_and_saves_nothing() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let id = app.claim_id(TRADE).await;
    let before = count(&app, "SELECT count(*) FROM recorded_figures").await;
    let v = version(&app, &id).await;
    let body = format!(
        "version={v}&figure={}&shape=change&period={}&source_url=&source_title=&publisher=&check=1",
        enc("+31.5 percent"),
        enc("2022 compared with 2021")
    );
    let page = app.post_as(&format!("/claims/{id}/record"), &body, &editor).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.assert_contains("Understood: </strong>+31.5%");
    page.assert_contains("Against the claim: understated by 6.5 percentage points");
    assert_eq!(count(&app, "SELECT count(*) FROM recorded_figures").await, before);

    // A period other than the claim's is refused, not compared.
    let other = body.replace(&enc("2022 compared with 2021"), &enc("2021 compared with 2020"));
    let page = app.post_as(&format!("/claims/{id}/record"), &other, &editor).await;
    page.assert_contains("Not comparable:");
}

#[tokio::test]
async fn a_record_saved_from_an_old_version_is_refused_and_the_editor_told() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let id = app.claim_id(MISSILES).await;
    let v = version(&app, &id).await;
    let first = app.post_as(&format!("/claims/{id}/record"), &share_form(v, "54 of 72"), &editor).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let second = app.post_as(&format!("/claims/{id}/record"), &share_form(v, "50 of 69"), &editor).await;
    assert_eq!(second.status, StatusCode::CONFLICT);
    second.assert_contains("Someone else changed this claim");
    second.assert_contains(r#"value="50 of 69""#);
    assert_eq!(count(&app, "SELECT count(*) FROM recorded_figures WHERE of = 69").await, 0);
}

#[tokio::test]
async fn a_withdrawn_figure_stays_in_the_history_but_leaves_the_readers_pages() {
    let app = TestApp::with_demo().await;
    let editor: Editor = app.sign_in("maria", Role::Editor).await;
    let id = app.claim_id(MISSILES).await;
    let v = version(&app, &id).await;
    app.post_as(&format!("/claims/{id}/record"), &share_form(v, "54 of 72"), &editor).await;
    let figure: i64 = count(&app, "SELECT max(id) FROM recorded_figures").await;
    let refused = app
        .post_as(&format!("/claims/{id}/record/{figure}/withdraw"), &format!("version={}", v + 1), &editor)
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_contains("Say why the figure is withdrawn");
    let done = app
        .post_as(
            &format!("/claims/{id}/record/{figure}/withdraw"),
            &format!("version={}&reason={}", v + 1, enc("The tally was revised")),
            &editor,
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    // Gone from the comparison and the API; the history keeps what it said and why it went.
    let page = app.get(&format!("/claims/{id}")).await;
    page.assert_lacks("<strong>54 of 72 (75%)</strong>");
    page.assert_lacks("Against the record");
    page.assert_contains("The tally was revised");
    let api: serde_json::Value =
        serde_json::from_str(&app.get(&format!("/api/v1/claims/{id}")).await.body).unwrap();
    assert_eq!(api["recorded"].as_array().unwrap().len(), 0, "{api}");
    let desk = app.get_as(&format!("/claims/{id}/record"), &editor).await;
    desk.assert_contains("withdrawn");
    assert!(
        sqlx::query(&app.sql("DELETE FROM recorded_figures")).execute(&app.pool).await.is_err(),
        "never deleted"
    );
}

#[tokio::test]
async fn comparing_other_shapes_is_refused_with_the_reason() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let id = app.claim_id(TRADE).await;
    let figure: i64 = count(&app, "SELECT id FROM recorded_figures WHERE shape = 'level'").await;
    let v = version(&app, &id).await;
    let body = format!(
        "version={v}&figure={}&shape=level&period=2022&source_url={}&source_title=Trade&publisher={}\
         &published_on=2023-01-13&compared=1",
        enc("$190.27 billion"),
        enc("http://english.customs.gov.cn/"),
        enc("General Administration of Customs of China")
    );
    let saved = app.post_as(&format!("/claims/{id}/record/{figure}"), &body, &editor).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let api: serde_json::Value =
        serde_json::from_str(&app.get(&format!("/api/v1/claims/{id}")).await.body).unwrap();
    assert_eq!(api["comparison"]["outcome"], "refused");
    assert!(api["comparison"]["reason"].as_str().unwrap().len() > 10, "{api}");
    app.get(&format!("/claims/{id}")).await.assert_contains("Not compared: ");
}

#[tokio::test]
async fn the_claim_form_reads_figures_as_people_write_them() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let body = format!(
        "kind=numeric&text={}&speaker=Putin&said_on=2022-12-30&quantity_value={}&quantity_unit=\
         &quantity_of=&quantity_change=&quantity_qualifier=&figure_period={}&figure_baseline=&add_sources=",
        enc("Russia will spend 1.1 billion dollars"),
        enc("$1.1bn"),
        enc("in 2023")
    );
    let checked = app.post_as("/claims/new", &format!("{body}&check=1"), &editor).await;
    assert_eq!(checked.status, StatusCode::OK, "{}", checked.body);
    checked.assert_contains("Understood: </strong>$1,100,000,000");
    assert_eq!(count(&app, "SELECT count(*) FROM claims WHERE text LIKE 'Russia will spend%'").await, 0);

    let saved = app.post_as("/claims/new", &body, &editor).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let (value, unit, period): (f64, String, String) = sqlx::query_as(&app.sql(
        "SELECT quantity_value, quantity_unit, figure_period FROM claims WHERE text LIKE 'Russia will spend%'",
    ))
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((value, unit.as_str(), period.as_str()), (1.1e9, "USD", "in 2023"));
}

#[tokio::test]
async fn the_largest_figure_the_form_accepts_is_stored_and_edits_keep_every_field() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let id = app.claim_id(TRADE).await;
    let level = |version: i64, figure: &str, unit: &str, read_on: &str| {
        format!(
            "version={version}&figure={}&shape=level&unit={unit}&period=2022&source_url={}&source_title=Trade\
             &publisher=Customs&published_on=2023-01-13&accessed_on={read_on}",
            enc(figure),
            enc("http://english.customs.gov.cn/")
        )
    };
    // Just under the bound: the schema takes whatever the form takes (no 500).
    let v = version(&app, &id).await;
    let big = app
        .post_as(&format!("/claims/{id}/record"), &level(v, "999,999,999,999,999.5", "", ""), &editor)
        .await;
    assert_eq!(big.status, StatusCode::SEE_OTHER, "{}", big.body);

    // A unit the parser would read as a scale word: the edit form shows the figure without it,
    // so saving the form unchanged keeps the value.
    let v = version(&app, &id).await;
    let metres = app.post_as(&format!("/claims/{id}/record"), &level(v, "5", "m", ""), &editor).await;
    assert_eq!(metres.status, StatusCode::SEE_OTHER, "{}", metres.body);
    let figure = count(&app, "SELECT max(id) FROM recorded_figures").await;
    let form = app.get_as(&format!("/claims/{id}/record/{figure}"), &editor).await;
    form.assert_contains(r#"name="figure" value="5""#);
    form.assert_contains(r#"name="unit" value="m""#);

    // Changing only the date it was read is an edit like any other.
    let v = version(&app, &id).await;
    let read = app
        .post_as(&format!("/claims/{id}/record/{figure}"), &level(v, "5", "m", "2023-02-01"), &editor)
        .await;
    assert_eq!(read.status, StatusCode::SEE_OTHER, "{}", read.body);
    let (value, accessed): (f64, String) =
        sqlx::query_as(&app.sql("SELECT value, accessed_on FROM recorded_figures WHERE id = ?"))
            .bind(figure)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!((value, accessed.as_str()), (5.0, "2023-02-01"));
    assert_eq!(version(&app, &id).await, v + 1);
}

//! Importing an article: the review page, adding the ticked candidates, duplicates becoming
//! appearances, the source's text with its claims marked, and the command line.

#![allow(clippy::unwrap_used)] // Test helpers may panic: a panic is a failed test.

use crate::support::{claimtrack, enc, TestApp};
use app::model::Role;
use axum::http::StatusCode;

const ARTICLE: &str = "Russian President Vladimir Putin spoke to Xi by video link.\r\n\
“We aim to strengthen cooperation between the armed forces of Russia and China,” Putin said.\r\n\
Trade envoy Maria Lopez joined the call. “We will not be rushed into a bad deal,” Lopez told reporters.\r\n\
The ministry said 54 of 69 drones were shot down overnight.";

fn source_fields(url: &str) -> String {
    format!("url={}&title={}&outlet=Wire&published_on=2022-12-30", enc(url), enc("Leaders talk"))
}

/// The add step's body for the review's candidates, all ticked, with `speaker` for the numeric one.
fn add_body(url: &str, text: &str, numeric_speaker: &str) -> String {
    let found = app::ssr::extract::extract(text).unwrap();
    let mut body = format!("step=add&{}&text={}&candidates={}", source_fields(url), enc(text), found.len());
    for (i, c) in found.iter().enumerate() {
        let speaker = c.speaker.clone().unwrap_or_default();
        let speaker =
            if c.kind == app::model::ClaimKind::Numeric { numeric_speaker.to_owned() } else { speaker };
        body.push_str(&format!(
            "&pick={i}&c{i}_kind={}&c{i}_text={}&c{i}_speaker={}&c{i}_start={}&c{i}_end={}",
            c.kind.as_str(),
            enc(&c.text),
            enc(&speaker),
            c.span.0,
            c.span.1
        ));
        if let Some(q) = &c.quantity {
            body.push_str(&format!("&c{i}_quantity_value={}&c{i}_quantity_unit={}", q.value, enc(&q.unit)));
            if let Some(of) = q.of {
                body.push_str(&format!("&c{i}_quantity_of={of}"));
            }
        }
    }
    body
}

#[tokio::test]
async fn the_review_page_lists_every_candidate_with_its_speaker_matched_and_needs_no_javascript() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let form = app.get_as("/import", &editor).await;
    assert_eq!(form.status, StatusCode::OK);
    form.assert_contains("Find the claims");
    form.assert_needs_no_javascript();

    let body = format!("step=review&{}&text={}", source_fields("https://wire.example/leaders"), enc(ARTICLE));
    let review = app.post_as("/import", &body, &editor).await;
    assert_eq!(review.status, StatusCode::OK, "{}", review.body);
    review.assert_contains("Found 3 candidates: 2 quotes and 1 numeric claim.");
    review.assert_contains("Matches the existing speaker Vladimir Putin.");
    review.assert_contains("A new speaker will be added.");
    review.assert_contains(r#"value="Maria Lopez""#);
    review.assert_contains(r#"name="c2_quantity_of" value="69""#);
    review.assert_contains(
        r#"<mark class="claim-mark claim-mark-quote">We will not be rushed into a bad deal</mark>"#,
    );
    review.assert_contains(r##"href="#candidate-2""##);
    review.assert_needs_no_javascript();
}

#[tokio::test]
async fn adding_creates_claims_links_duplicates_and_shows_them_in_the_sources_text() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let text = app::model::import::normalise_article(ARTICLE);
    let url = "https://wire.example/leaders";
    let done = app.post_as("/import", &add_body(url, &text, "Ministry of Defence"), &editor).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let location = done.headers["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with("/desk?source="), "the new claims go to the desk's intake: {location}");
    assert!(location.contains("&added=2&linked=1&already=0#intake"), "{location}");
    let desk = app.get_as(location.split('#').next().unwrap(), &editor).await;
    desk.assert_contains("Imported: 2 claims added; 1 claim already known and now linked to this source.");
    desk.assert_contains(r#"Intake — unassigned <span class="count">2</span>"#);

    let source = location.trim_start_matches("/desk?source=").split('&').next().unwrap().to_owned();
    let page = app.get_as(&format!("/sources/{source}"), &editor).await;
    page.assert_contains("The text, with its claims");
    page.assert_contains(r#"<mark class="claim-mark claim-mark-numeric">The ministry said 54 of 69 drones were shot down overnight.</mark>"#);
    assert!(page.links("/claims/").len() >= 3, "{:?}", page.links("/claims/"));

    // The demo's Putin quote gained an appearance rather than a twin.
    let twins: i64 =
        sqlx::query_scalar("SELECT count(*) FROM claims WHERE text LIKE 'We aim to strengthen%'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(twins, 1);
    let new_speaker: String =
        sqlx::query_scalar("SELECT kind FROM speakers WHERE name = 'Ministry of Defence'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(new_speaker, "organization");
    let spans: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM appearances WHERE start_byte IS NOT NULL
            AND source_id = (SELECT id FROM sources WHERE url = 'https://wire.example/leaders')",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(spans, 3);

    // The same import again changes nothing.
    let again = app.post_as("/import", &add_body(url, &text, "Ministry of Defence"), &editor).await;
    let location = again.headers["location"].to_str().unwrap().to_owned();
    assert!(location.contains("&added=0&linked=0&already=3"), "{location}");
}

/// Readers never get a source's whole text: its page shows each published claim in its sentence
/// and a link to the original; editors see the text with every claim marked.
#[tokio::test]
async fn readers_see_each_published_claim_in_its_sentence_never_the_whole_text() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let text = app::model::import::normalise_article(ARTICLE);
    let done =
        app.post_as("/import", &add_body("https://wire.example/excerpts", &text, "Ministry"), &editor).await;
    let location = done.headers["location"].to_str().unwrap().to_owned();
    let source = location.trim_start_matches("/desk?source=").split('&').next().unwrap().to_owned();

    // The demo's published Putin quote is marked in this source; the new claims are in intake.
    let reader = app.get(&format!("/sources/{source}")).await;
    assert_eq!(reader.status, StatusCode::OK);
    reader.assert_contains("Where its claims stand");
    reader.assert_contains("We aim to strengthen cooperation between the armed forces of Russia and China");
    reader.assert_contains("” Putin said.");
    reader.assert_contains(r#"href="https://wire.example/excerpts""#);
    for unpublished_or_elsewhere in ["spoke to Xi by video link", "rushed into a bad deal", "54 of 69 drones"]
    {
        assert!(
            !reader.body.contains(unpublished_or_elsewhere),
            "readers must not see “{unpublished_or_elsewhere}”"
        );
    }
    assert!(!reader.body.contains("The text, with its claims"));

    let desk = app.get_as(&format!("/sources/{source}"), &editor).await;
    desk.assert_contains("The text, with its claims");
    desk.assert_contains("spoke to Xi by video link");
    desk.assert_contains("Only editors see the whole text.");
}

#[tokio::test]
async fn bad_input_comes_back_beside_its_field_and_nothing_is_added() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let text = app::model::import::normalise_article(ARTICLE);
    let before: i64 = sqlx::query_scalar("SELECT count(*) FROM claims").fetch_one(&app.pool).await.unwrap();

    let no_speaker = app.post_as("/import", &add_body("https://wire.example/x", &text, ""), &editor).await;
    assert_eq!(no_speaker.status, StatusCode::UNPROCESSABLE_ENTITY);
    no_speaker.assert_contains(
        r#"<p id="speaker-error-2" role="alert" class="field-error">Enter the speaker's name.</p>"#,
    );
    no_speaker.assert_contains(r#"value="Maria Lopez""#);

    // Without an address (with one, an empty text means "fetch it": see `fetching`).
    let empty = app
        .post_as("/import", "step=review&url=&title=T&outlet=O&published_on=2022-12-30&text=", &editor)
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    empty.assert_contains("The text is empty");

    let undated = app
        .post_as(
            "/import",
            &format!("step=review&url={}&title=T&outlet=O&text=Hi", enc("https://wire.example/z")),
            &editor,
        )
        .await;
    assert_eq!(undated.status, StatusCode::UNPROCESSABLE_ENTITY);
    undated.assert_contains("Give the article's date");

    let after: i64 = sqlx::query_scalar("SELECT count(*) FROM claims").fetch_one(&app.pool).await.unwrap();
    assert_eq!(before, after);
}

#[tokio::test]
async fn readers_and_forged_forms_cannot_import() {
    let app = TestApp::with_demo().await;
    let page = app.get("/import").await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "readers are sent to sign in");
    assert_eq!(page.headers["location"], "/login?next=%2Fimport");
    let anonymous = app.request(crate::support::form("/import", "step=review&text=x", None)).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    let editor = app.sign_in("maria", Role::Editor).await;
    let forged =
        app.request(crate::support::form("/import", "step=review&text=x", Some(&editor.cookie))).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
}

#[test]
fn extract_prints_the_json_contract_and_refuses_bad_input_clearly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    let out = claimtrack(dir.path(), &["extract", "a.txt", "--format", "json"], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = json["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 3);
    assert_eq!(claims[1]["speaker"], "Maria Lopez");
    assert_eq!(claims[2]["quantity"]["value"], 54);
    for c in claims {
        let (s, e) = (c["span"][0].as_u64().unwrap() as usize, c["span"][1].as_u64().unwrap() as usize);
        assert_eq!(&ARTICLE[s..e], c["text"].as_str().unwrap());
    }
    let listing = claimtrack(dir.path(), &["extract", "-"], Some(ARTICLE.as_bytes()));
    assert!(String::from_utf8_lossy(&listing.stdout).starts_with("3 candidates: 2 quotes, 1 numeric"));

    let invalid = claimtrack(dir.path(), &["extract", "-"], Some(b"caf\xe9"));
    assert!(!invalid.status.success());
    assert!(String::from_utf8_lossy(&invalid.stderr).contains("is not UTF-8 text (invalid byte at offset 3)"));
    let empty = claimtrack(dir.path(), &["extract", "-"], Some(b"  "));
    assert!(!empty.status.success());
    assert!(String::from_utf8_lossy(&empty.stderr).contains("the text is empty"));
}

#[test]
fn import_adds_every_candidate_with_a_speaker_or_lists_them_on_a_dry_run() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    let args = [
        "import",
        "a.txt",
        "--url",
        "https://wire.example/a",
        "--title",
        "Leaders talk",
        "--outlet",
        "Wire",
        "--date",
        "2022-12-30",
    ];
    let dry = claimtrack(dir.path(), &[&args[..], &["--dry-run"]].concat(), None);
    assert!(dry.status.success(), "{}", String::from_utf8_lossy(&dry.stderr));
    assert!(String::from_utf8_lossy(&dry.stdout).contains("Dry run: nothing was added."));
    assert!(!dir.path().join("claimtrack.db").exists());

    let done = claimtrack(dir.path(), &args, None);
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    let said = String::from_utf8_lossy(&done.stdout).into_owned();
    assert!(
        said.contains("3 claim(s) added to the desk's intake (private), 0 existing claim(s) linked, 0 already there; 3 new speaker(s)"),
        "{said}"
    );
    let again = claimtrack(dir.path(), &args, None);
    assert!(String::from_utf8_lossy(&again.stdout).contains(
        "0 claim(s) added to the desk's intake (private), 0 existing claim(s) linked, 3 already there"
    ));
    // With --publish, new claims are published as being checked.
    let published = claimtrack(
        dir.path(),
        &[
            "import",
            "-",
            "--url",
            "https://wire.example/b",
            "--title",
            "Talks",
            "--outlet",
            "Wire",
            "--date",
            "2022-12-31",
            "--publish",
        ],
        Some("“Prices will fall by spring,” said Kim Roe, the central bank governor.".as_bytes()),
    );
    assert!(published.status.success(), "{}", String::from_utf8_lossy(&published.stderr));
    assert!(String::from_utf8_lossy(&published.stdout)
        .contains("1 claim(s) added and published as being checked"));
    let exported = claimtrack(dir.path(), &["export", "--format", "jsonl"], None);
    let lines = String::from_utf8_lossy(&exported.stdout).into_owned();
    assert_eq!(lines.lines().count(), 1, "only the published claim is public: {lines}");
    assert!(lines.contains("Prices will fall by spring") && lines.contains(r#""status":"being_checked""#));

    let undated = claimtrack(dir.path(), &args[..8], None);
    assert!(!undated.status.success());
    assert!(String::from_utf8_lossy(&undated.stderr).contains("--date is needed"));
}

#[tokio::test]
async fn an_article_can_be_imported_into_a_source_picked_from_the_list() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let source = app.source_id("The Week").await;
    let form = app.get_as("/import", &editor).await;
    form.assert_contains(&format!(r#"<option value="{source}">Putin and Xi reaffirm Russia-China relations amid unrest — The Week, 2022-12-30</option>"#));

    let body =
        format!("step=review&source_id={source}&url=&title=&outlet=&published_on=&text={}", enc(ARTICLE));
    let review = app.post_as("/import", &body, &editor).await;
    assert_eq!(review.status, StatusCode::OK, "{}", review.body);
    review.assert_contains(r#"value="https://theweek.com/china/1019715/putin-and-xi-reaffirm-russia-china-relations-amid-unrest""#);
    review.assert_contains(r#"name="published_on" value="2022-12-30""#);

    let unknown = app
        .post_as("/import", &format!("step=review&source_id=zzzzzzzz&text={}", enc(ARTICLE)), &editor)
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    unknown.assert_contains("That source does not exist; pick another or a new one.");
}

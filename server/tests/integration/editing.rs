//! The editorial workflow over HTTP: statuses, edits, conflicts, retractions, refusals.

#![allow(clippy::unwrap_used)] // Test helpers may panic: a panic is a failed test.

use crate::support::{enc, form, Editor, TestApp};
use app::model::Role;
use axum::http::StatusCode;

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(&app.sql(sql)).fetch_one(&app.pool).await.unwrap()
}

/// Takes the claim (assigned to nobody) and proposes a ruling on it; returns the answer.
async fn take_and_propose(app: &TestApp, id: &str, editor: &Editor, body: &str) -> crate::support::Page {
    let taken = app
        .post_as(&format!("/claims/{id}/desk/assign"), &format!("seen=&assignee={}", editor.username), editor)
        .await;
    assert_eq!(taken.status, StatusCode::SEE_OTHER, "{}", taken.body);
    app.post_as(&format!("/claims/{id}/ruling"), body, editor).await
}

#[tokio::test]
async fn a_bad_ruling_form_shows_its_errors_beside_the_fields_and_keeps_the_input() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let id = app.claim_id("In the face of a difficult").await;
    let body = format!(
        "basis=&rating=false&verdict=&body={}&evidence_url={}&evidence_title=Bad&evidence_note=",
        enc("Kept *ruling text*"),
        enc("javascript:alert(1)")
    );
    let page = take_and_propose(&app, &id, &editor, &body).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    page.assert_contains("Enter the verdict (one line).");
    page.assert_contains(
        "Say whether they said it: a quote's ruling rates the attribution apart from the accuracy.",
    );
    page.assert_contains("Link 1: Use a full web address starting with https:// or http://.");
    page.assert_contains(">Kept *ruling text*</textarea>");
    page.assert_contains(r#"id="rating-false" name="rating" value="false" checked"#);
    page.assert_contains(r#"aria-invalid="true""#);
    assert_eq!(count(&app, "SELECT count(*) FROM rulings WHERE claim_id = (SELECT id FROM claims WHERE text LIKE 'In the face%')").await, 0, "nothing was written");
}

#[tokio::test]
async fn a_ruling_proposed_meanwhile_is_a_conflict_not_an_overwrite() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let id = app.claim_id("In the face of a difficult").await;
    let body = "basis=&rating=opinion&attribution=verified&verdict=Said+it";
    assert_eq!(take_and_propose(&app, &id, &editor, body).await.status, StatusCode::SEE_OTHER);
    // The same form again, written from the blank it started with: the first proposal is newer.
    let again = app
        .post_as(
            &format!("/claims/{id}/ruling"),
            "basis=&rating=false&attribution=altered&verdict=Refuted",
            &editor,
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    again.assert_contains("The ruling changed while you were writing");
    again.assert_contains(r#"value="Refuted""#);
    assert_eq!(count(&app, "SELECT count(*) FROM rulings WHERE verdict = 'Refuted'").await, 0);
}

async fn edit_body(
    app: &TestApp,
    id: &str,
    editor: &crate::support::Editor,
    text: &str,
    version: i64,
) -> crate::support::Page {
    let body = format!(
        "version={version}&kind=quote&text={}&speaker={}&said_on=2022-12-30",
        enc(text),
        enc("Putin")
    );
    app.post_as(&format!("/claims/{id}/edit"), &body, editor).await
}

#[tokio::test]
async fn an_edit_creates_a_revision_shown_in_the_history() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let id = app.claim_id("We aim to strengthen").await;
    let form = app.get_as(&format!("/claims/{id}/edit"), &editor).await;
    assert_eq!(form.status, StatusCode::OK);
    form.assert_contains(r#"<input type="hidden" name="version" value="1">"#);
    form.assert_contains(r#"<option value="Vladimir Putin">"#);
    let done =
        edit_body(&app, &id, &editor, "We aim to strengthen cooperation between our armed forces.", 1).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let public = app.get(&format!("/claims/{id}")).await;
    public.assert_contains("“We aim to strengthen cooperation between our armed forces.”");
    public.assert_contains("Edited (version 2)");
    public.assert_contains(
        "<del>We aim to strengthen cooperation between the armed forces of Russia and China.</del>",
    );
    public.assert_contains("<ins>We aim to strengthen cooperation between our armed forces.</ins>");
    assert_eq!(count(&app, "SELECT version FROM claims WHERE text LIKE 'We aim%'").await, 2);
    // The search index follows the edit.
    let found = app.get("/?q=our+armed+forces").await;
    found.assert_contains("1 fact-check");
}

#[tokio::test]
async fn a_stale_edit_is_refused_with_the_newer_version_and_the_typed_text_kept() {
    let app = TestApp::with_demo().await;
    let first = app.sign_in("maria", Role::Editor).await;
    let second = app.sign_in("li", Role::Editor).await;
    let id = app.claim_id("We aim to strengthen").await;
    assert_eq!(edit_body(&app, &id, &first, "First editor's text.", 1).await.status, StatusCode::SEE_OTHER);
    let stale = edit_body(&app, &id, &second, "Second editor's text.", 1).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    stale.assert_contains("Someone else saved this claim (now version 2) while you were editing it.");
    stale.assert_contains("The saved version now (version 2)");
    stale.assert_contains("First editor's text.");
    stale.assert_contains(">Second editor&#39;s text.</textarea>");
    stale.assert_contains(r#"<input type="hidden" name="version" value="2">"#);
    assert_eq!(count(&app, "SELECT count(*) FROM claims WHERE text = 'Second editor''s text.'").await, 0);
    // Saving again, deliberately, on the newer version goes through.
    assert_eq!(edit_body(&app, &id, &second, "Second editor's text.", 2).await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn claim_forms_report_every_problem_beside_its_field() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let body = format!(
        "kind=numeric&text=&speaker={}&said_on=2999-01-01&quantity_value=lots&quantity_unit=&add_sources={}",
        enc("Nobody Known"),
        enc("javascript:alert(1)")
    );
    let page = app.post_as("/claims/new", &body, &editor).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "Enter the claim's words, exactly as said or reported.",
        "The date is in the future.",
        "“lots” is not a figure claimtrack reads",
        "Give the unit: percent, a currency code such as USD, or what is counted (drones).",
        "Use a full web address starting with https:// or http://.",
    ] {
        page.assert_contains(message);
    }
    page.assert_contains(r#"value="Nobody Known""#);
    // A well-formed claim by an unknown speaker is refused with a way forward.
    let body = format!("kind=quote&text=Hello&speaker={}&said_on=2022-12-30", enc("Nobody Known"));
    let page = app.post_as("/claims/new", &body, &editor).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    page.assert_contains(
        "There is no speaker “Nobody Known”. Use a known name or alias, or add the speaker first.",
    );
    assert_eq!(count(&app, "SELECT count(*) FROM claims WHERE text = 'Hello'").await, 0);
}

#[tokio::test]
async fn an_editor_adds_a_numeric_claim_by_alias_with_an_appearance() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let body = format!(
        "kind=numeric&text={}&speaker={}&said_on=2022-12-30&quantity_value=565%2C000%2C000&quantity_unit=USD&add_sources={}",
        enc("Trade rose by $565 million"),
        enc("russian president vladimir putin"),
        enc("https://theweek.com/china/1019715/putin-and-xi-reaffirm-russia-china-relations-amid-unrest"),
    );
    let done = app.post_as("/claims/new", &body, &editor).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let location = done.headers["location"].to_str().unwrap().to_owned();
    assert!(location.ends_with("/desk"), "a new claim goes to the desk: {location}");
    let permalink = location.trim_end_matches("/desk").to_owned();
    assert_eq!(app.get(&permalink).await.status, StatusCode::NOT_FOUND, "in intake: private");
    let page = app.get_as(&permalink, &editor).await;
    page.assert_contains("Not public: this claim is in the desk's intake.");
    page.assert_contains("$565 million");
    page.assert_contains("Vladimir Putin");
    page.assert_contains("Putin and Xi reaffirm Russia-China relations amid unrest");
    page.assert_contains("Added");
    page.assert_contains("By maria (display)");
}

#[tokio::test]
async fn a_retracted_claim_stays_at_its_permalink_marked_with_the_reason() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let id = app.claim_id("a model of cooperation").await;
    let before = count(&app, "SELECT count(*) FROM claims").await;
    let empty = app.post_as(&format!("/claims/{id}/retract"), "reason=", &editor).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    empty.assert_contains("Say why the claim is retracted; readers will see it.");
    let done = app.post_as(&format!("/claims/{id}/retract"), "reason=Misattributed+quote", &editor).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let page = app.get(&format!("/claims/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("Retracted. </strong>Misattributed quote");
    page.assert_lacks("application/ld+json");
    let list = app.get("/").await;
    list.assert_contains(r#"<span class="badge retracted-badge">Retracted</span>"#);
    assert_eq!(count(&app, "SELECT count(*) FROM claims").await, before, "nothing deleted");
    // An intake claim is not public: it is discarded, not retracted.
    let private = app.claim_id("Putin may not see it").await;
    let refused = app.post_as(&format!("/claims/{private}/retract"), "reason=x", &editor).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    refused.assert_contains("discard it from the desk instead");
}

#[tokio::test]
async fn readers_and_forgers_change_nothing() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let id = app.claim_id("In the face of a difficult").await;
    let path = format!("/claims/{id}/desk/assign");
    let body = "seen=&assignee=maria";
    // No session: 401.
    let anonymous = app.request(form(&path, body, None)).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
    anonymous.assert_contains("Please sign in to do this.");
    // A session but no (or a wrong) token: 403.
    let no_token = app.request(form(&path, body, Some(&editor.cookie))).await;
    assert_eq!(no_token.status, StatusCode::FORBIDDEN);
    let wrong =
        app.request(form(&path, &format!("csrf=x{}&{body}", editor.csrf), Some(&editor.cookie))).await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    // GET never changes anything.
    let get = app.get_as(&format!("/claims/{id}/desk?seen=&assignee=maria"), &editor).await;
    assert_eq!(get.status, StatusCode::OK);
    let anyone = [
        "/claims/new".to_owned(),
        format!("/claims/{id}/edit"),
        format!("/claims/{id}/retract"),
        format!("/claims/{id}/ruling"),
        format!("/claims/{id}/desk/note"),
        format!("/claims/{id}/desk/publish"),
        format!("/claims/{id}/desk/discard"),
        format!("/claims/{id}/desk/review"),
        "/desk".to_owned(),
    ];
    for path in &anyone {
        let page = app
            .request(form(
                path,
                "kind=quote&text=x&speaker=Putin&said_on=2022-12-30&reason=x&body=x&rating=true&verdict=x",
                None,
            ))
            .await;
        assert_eq!(page.status, StatusCode::UNAUTHORIZED, "{path}");
    }
    // Editors' pages send readers to sign in, and back.
    for path in [
        "/claims/new".to_owned(),
        format!("/claims/{id}/edit"),
        format!("/claims/{id}/ruling"),
        "/desk".to_owned(),
    ] {
        let page = app.get(&path).await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{path}");
        let location = page.headers["location"].to_str().unwrap();
        assert!(location.starts_with("/login?next=%2F"), "{path}: {location}");
    }
    assert_eq!(
        count(&app, "SELECT count(*) FROM claims WHERE assignee_id IS NOT NULL").await,
        1,
        "only the demo's"
    );
    assert_eq!(count(&app, "SELECT count(*) FROM claim_revisions WHERE editor_id IN (SELECT id FROM users WHERE username = 'maria')").await, 0);
}

#[tokio::test]
async fn a_refused_form_shows_hostile_input_back_as_text() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let id = app.claim_id("In the face of a difficult").await;
    let xss = "</textarea><script>alert(1)</script>";
    let page =
        take_and_propose(&app, &id, &editor, &format!("basis=&rating=true&verdict=&body={}", enc(xss))).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    page.assert_lacks("<script>alert(1)");
    page.assert_contains("&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>");
    let page =
        app.post_as("/claims/new", &format!("kind=quote&text={}&speaker=&said_on=", enc(xss)), &editor).await;
    page.assert_lacks("<script>alert(1)");
}

#[tokio::test]
async fn hostile_text_in_every_field_is_rendered_inert() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let signer = app.sign_in("li", Role::Editor).await;
    let id = app.claim_id("In the face of a difficult").await;
    let xss = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
    let body = format!(
        "basis=&rating=false&attribution=altered&verdict={}&body={}&evidence_url={}&evidence_title={}&evidence_note={}",
        enc(xss),
        enc(&format!("{xss}\n\n[click](javascript:alert(3)) [data](data:text/html,x) <a href=\"javascript:alert(4)\">a</a>")),
        enc("https://example.org/evidence"),
        enc(xss),
        enc(xss),
    );
    let done = take_and_propose(&app, &id, &editor, &body).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    // An evidence URL that would break out of its attribute is not even stored.
    let ruling = count(&app, "SELECT max(id) FROM rulings").await;
    let quoted = format!(
        "basis={ruling}&rating=false&attribution=altered&verdict=x&evidence_url={}&evidence_title=t",
        enc("https://example.org/\"onmouseover=\"alert(5)")
    );
    assert_eq!(
        app.post_as(&format!("/claims/{id}/ruling"), &quoted, &editor).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let approved = app
        .post_as(
            &format!("/claims/{id}/desk/review"),
            &format!("ruling={ruling}&decision=approve&note={}", enc(xss)),
            &signer,
        )
        .await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.body);
    let edit = format!("version=1&kind=quote&text={}&speaker=Putin&said_on=2022-12-30", enc(xss));
    let claim = app.claim_id("We aim to strengthen").await;
    assert_eq!(
        app.post_as(&format!("/claims/{claim}/edit"), &edit, &editor).await.status,
        StatusCode::SEE_OTHER
    );
    for path in
        [format!("/claims/{id}"), format!("/claims/{claim}"), "/".to_owned(), format!("/claims/{id}/desk")]
    {
        let page =
            if path.ends_with("/desk") { app.get_as(&path, &editor).await } else { app.get(&path).await };
        page.assert_lacks("<script>alert");
        page.assert_lacks("<img src=x");
        page.assert_lacks("href=\"javascript:");
        page.assert_lacks("href=\"data:");
        page.assert_lacks("\"onmouseover=\"");
        page.assert_lacks("onerror=alert(2)>");
        page.assert_needs_no_javascript();
    }
}

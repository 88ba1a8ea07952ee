//! The fact-check desk over HTTP: private intake, assignment, notes, proposals, sign-off and
//! send-back, publication, corrections and clarifications, retractions and their reversal, bulk
//! actions, and what readers can (never) see.

#![allow(clippy::unwrap_used)] // Test helpers may panic: a panic is a failed test.

use crate::support::{enc, Editor, Page, TestApp};
use app::model::Role;
use axum::http::StatusCode;

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(&app.sql(sql)).fetch_one(&app.pool).await.unwrap()
}

/// Adds a claim through the form, as an editor does; returns its public id (it is in intake).
/// The texts are alike ("First bulk words", "Second bulk words"): the editor has chosen "a new
/// claim" over any existing claim the form would suggest (`repeats_seen`).
async fn add_claim(app: &TestApp, editor: &Editor, text: &str) -> String {
    let body = format!("kind=quote&text={}&speaker=Putin&said_on=2022-12-30&repeats_seen=1", enc(text));
    let done = app.post_as("/claims/new", &body, editor).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let location = done.headers["location"].to_str().unwrap();
    location.trim_start_matches("/claims/").trim_end_matches("/desk").to_owned()
}

async fn assign(app: &TestApp, id: &str, by: &Editor, to: &str, seen: &str) -> Page {
    app.post_as(&format!("/claims/{id}/desk/assign"), &format!("seen={seen}&assignee={to}"), by).await
}

async fn propose(app: &TestApp, id: &str, by: &Editor, basis: &str, rest: &str) -> Page {
    app.post_as(&format!("/claims/{id}/ruling"), &format!("basis={basis}&{rest}"), by).await
}

async fn review(app: &TestApp, id: &str, by: &Editor, ruling: i64, decision: &str, note: &str) -> Page {
    app.post_as(
        &format!("/claims/{id}/desk/review"),
        &format!("ruling={ruling}&decision={decision}&note={}", enc(note)),
        by,
    )
    .await
}

async fn newest_ruling(app: &TestApp) -> i64 {
    count(app, "SELECT max(id) FROM rulings").await
}

const OPINION: &str =
    "rating=opinion&attribution=verified&verdict=Said+it%3B+an+opinion&body=Both+outlets+agree.";

#[tokio::test]
async fn intake_is_invisible_to_readers_on_every_public_surface() {
    let app = TestApp::with_demo().await;
    let maria = app.sign_in("maria", Role::Editor).await;
    let id = add_claim(&app, &maria, "Zanzibar quintessential secret words").await;
    let source = app.source_id("The Week").await;
    let body = format!("version=1&kind=quote&text=Zanzibar+quintessential+secret+words&speaker=Putin&said_on=2022-12-30&add_sources={}",
        enc("https://theweek.com/china/1019715/putin-and-xi-reaffirm-russia-china-relations-amid-unrest"));
    assert_eq!(app.post_as(&format!("/claims/{id}/edit"), &body, &maria).await.status, StatusCode::SEE_OTHER);

    assert_eq!(app.get(&format!("/claims/{id}")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("/claims/{id}/embed")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("/api/v1/claims/{id}")).await.status, StatusCode::NOT_FOUND);
    for path in [
        "/".to_owned(),
        "/?status=being_checked".into(),
        "/?q=zanzibar".into(),
        "/?q=zanzibar&status=being_checked&status=true&status=false&status=opinion".into(),
        "/speakers/vladimir-putin".into(),
        format!("/sources/{source}"),
        "/feed.atom".into(),
        "/speakers/vladimir-putin/feed.atom".into(),
        "/api/v1/claims".into(),
        "/api/v1/claims?q=zanzibar".into(),
        "/api/v1/claims?status=being_checked".into(),
        "/api/v1/speakers/vladimir-putin".into(),
        format!("/api/v1/sources/{source}"),
        "/export/claims.csv".into(),
        "/export/claims.jsonl".into(),
        "/corrections".into(),
    ] {
        let page = app.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        page.assert_lacks("Zanzibar");
        page.assert_lacks(&id);
    }
    // Speakers and sources met only in intake do not exist for readers.
    let gabuev_intake = app.claim_id("Putin may not see it").await;
    assert_eq!(app.get(&format!("/claims/{gabuev_intake}")).await.status, StatusCode::NOT_FOUND);
    let samoa = app.source_id("Wikinews (CC BY 2.5)").await;
    assert_eq!(app.get(&format!("/sources/{samoa}")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(app.get(&format!("/api/v1/sources/{samoa}")).await.status, StatusCode::NOT_FOUND);
    let speakers = app.get("/api/v1/speakers").await;
    speakers.assert_lacks("Sheldon");
    speakers.assert_contains("Vladimir Putin");
    // Editors see it, marked as not public, and can open it on the desk.
    let page = app.get_as(&format!("/claims/{id}"), &maria).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("Not public: this claim is in the desk's intake.");
    page.assert_contains(r#"<meta name="robots" content="noindex">"#);
    let desk = app.get_as("/desk", &maria).await;
    desk.assert_contains("Zanzibar quintessential secret words");
}

#[tokio::test]
async fn assignment_is_recorded_and_a_concurrent_one_is_a_conflict() {
    let app = TestApp::with_demo().await;
    let maria = app.sign_in("maria", Role::Editor).await;
    let li = app.sign_in("li", Role::Editor).await;
    let id = add_claim(&app, &maria, "Words to be checked").await;
    // Maria takes it.
    assert_eq!(assign(&app, &id, &maria, "maria", "").await.status, StatusCode::SEE_OTHER);
    let mine = app.get_as("/desk", &maria).await;
    let section =
        &mine.body[mine.body.find("id=\"assigned\"").unwrap()..mine.body.find("id=\"sign-off\"").unwrap()];
    assert!(section.contains("Words to be checked"), "{section}");
    // Li, who saw it unassigned, tries to take it too: told, not overwritten.
    let late = assign(&app, &id, &li, "li", "").await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    late.assert_contains(
        "Someone changed who works on this claim while you were looking (it is now assigned to “maria”)",
    );
    // Li gives it to himself knowingly; then to nobody.
    assert_eq!(assign(&app, &id, &li, "li", "maria").await.status, StatusCode::SEE_OTHER);
    assert_eq!(assign(&app, &id, &li, "", "li").await.status, StatusCode::SEE_OTHER);
    // An unknown editor is refused beside the field.
    let unknown = assign(&app, &id, &li, "nobody", "").await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    unknown.assert_contains("No editor is called “nobody”. Choose one from the list.");
    let log = app.get_as(&format!("/claims/{id}/desk"), &maria).await;
    log.assert_contains("Assigned: maria (display)");
    log.assert_contains("Assigned: li (display)");
    log.assert_contains("li (display) — Unassigned");
    assert_eq!(
        count(&app, "SELECT count(*) FROM desk_events WHERE action IN ('assigned', 'unassigned')").await,
        3
    );
}

#[tokio::test]
async fn notes_are_private_and_append_only() {
    let app = TestApp::with_demo().await;
    let maria = app.sign_in("maria", Role::Editor).await;
    let id = app.claim_id("Sino-Russian trade").await;
    let empty = app.post_as(&format!("/claims/{id}/desk/note"), "body=+", &maria).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    empty.assert_contains("Write the note.");
    let done = app
        .post_as(
            &format!("/claims/{id}/desk/note"),
            &format!("body={}", enc("Called the **ministry**: no answer.")),
            &maria,
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let desk = app.get_as(&format!("/claims/{id}/desk"), &maria).await;
    desk.assert_contains("Called the <strong>ministry</strong>: no answer.");
    desk.assert_contains("maria (display) · ");
    for page in [
        app.get(&format!("/claims/{id}")).await,
        app.get(&format!("/api/v1/claims/{id}")).await,
        app.get("/feed.atom").await,
    ] {
        page.assert_lacks("Called the");
        page.assert_lacks("The full-year figures come from China");
    }
    assert!(
        sqlx::query(&app.sql("DELETE FROM claim_notes")).execute(&app.pool).await.is_err(),
        "append-only"
    );
}

#[tokio::test]
async fn a_ruling_is_not_published_by_its_author_alone_and_readers_see_it_once_signed_off() {
    let app = TestApp::with_demo().await;
    let maria = app.sign_in("maria", Role::Editor).await;
    let li = app.sign_in("li", Role::Editor).await;
    let id = app.claim_id("In the face of a difficult").await;
    // Only the assignee writes the ruling.
    let not_mine = propose(&app, &id, &maria, "", OPINION).await;
    assert_eq!(not_mine.status, StatusCode::CONFLICT);
    not_mine.assert_contains("Only the claim's assignee writes its ruling.");
    assert_eq!(assign(&app, &id, &maria, "maria", "").await.status, StatusCode::SEE_OTHER);
    let form = app.get_as(&format!("/claims/{id}/ruling"), &maria).await;
    form.assert_contains("Did they say it?");
    form.assert_contains(r#"<input type="hidden" name="basis" value="">"#);
    let proposed = propose(&app, &id, &maria, "", OPINION).await;
    assert_eq!(proposed.status, StatusCode::SEE_OTHER, "{}", proposed.body);
    let ruling = newest_ruling(&app).await;
    // Readers see it still being checked; nothing about the proposal.
    let public = app.get(&format!("/claims/{id}")).await;
    public.assert_contains("Our desk is checking this claim.");
    public.assert_lacks("Both outlets agree.");
    // Its author cannot sign it off.
    let own = review(&app, &id, &maria, ruling, "approve", "").await;
    assert_eq!(own.status, StatusCode::CONFLICT);
    own.assert_contains("You wrote this ruling, so another editor has to sign it off.");
    assert_eq!(
        count(&app, &format!("SELECT count(*) FROM ruling_reviews WHERE ruling_id = {ruling}")).await,
        0
    );
    // Li sees it awaiting his sign-off, and approves: published.
    let desk = app.get_as("/desk", &li).await;
    let section =
        &desk.body[desk.body.find("id=\"sign-off\"").unwrap()..desk.body.find("id=\"sent-back\"").unwrap()];
    assert!(section.contains("In the face of a difficult"), "{section}");
    let approved = review(&app, &id, &li, ruling, "approve", "").await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER, "{}", approved.body);
    assert_eq!(approved.headers["location"], format!("/claims/{id}"));
    let public = app.get(&format!("/claims/{id}")).await;
    public.assert_contains("Said it; an opinion");
    public.assert_contains("Both outlets agree.");
    public.assert_contains("By maria (display) · signed off by li (display)");
    public.assert_contains("Verified: they said it");
    // A first ruling puts it at the top of the fact-checks, and the work is done.
    let home = app.get("/").await;
    assert!(
        home.body.find("In the face of a difficult").unwrap() < home.body.find("needier partner").unwrap()
    );
    assert_eq!(
        count(&app, "SELECT count(*) FROM claims WHERE text LIKE 'In the face%' AND assignee_id IS NULL")
            .await,
        1
    );
    // In the API and the feed too.
    app.get(&format!("/api/v1/claims/{id}")).await.assert_contains(r#""signed_off_by":["li (display)"]"#);
    app.get("/feed.atom").await.assert_contains("Said it; an opinion");
}

#[tokio::test]
async fn more_sign_offs_need_more_editors_and_none_lets_an_editor_publish_alone() {
    let mut app = TestApp::with_demo().await;
    app.state.sign_offs = 2;
    let maria = app.sign_in("maria", Role::Editor).await;
    let li = app.sign_in("li", Role::Editor).await;
    let ann = app.sign_in("ann", Role::Admin).await;
    let id = app.claim_id("In the face of a difficult").await;
    assign(&app, &id, &maria, "maria", "").await;
    propose(&app, &id, &maria, "", OPINION).await;
    let ruling = newest_ruling(&app).await;
    assert_eq!(
        review(&app, &id, &li, ruling, "approve", "").await.headers["location"],
        format!("/claims/{id}/desk#ruling")
    );
    app.get_as(&format!("/claims/{id}/desk"), &maria)
        .await
        .assert_contains("awaiting sign-off (1 of 2 approvals)");
    assert_eq!(review(&app, &id, &li, ruling, "approve", "").await.status, StatusCode::CONFLICT, "once each");
    assert_eq!(
        review(&app, &id, &ann, ruling, "approve", "").await.headers["location"],
        format!("/claims/{id}")
    );
    app.get(&format!("/claims/{id}")).await.assert_contains("signed off by li (display), ann (display)");

    // A one-person desk: the proposal is published at once.
    app.state.sign_offs = 0;
    let other = app.claim_id("aggressive U.S. military buildup").await;
    assign(&app, &other, &maria, "maria", "").await;
    let done = propose(
        &app,
        &other,
        &maria,
        "",
        "rating=unverifiable&attribution=verified&verdict=Reported+by+one+outlet",
    )
    .await;
    assert_eq!(done.headers["location"], format!("/claims/{other}"));
    app.get(&format!("/claims/{other}")).await.assert_contains("Reported by one outlet");
}

#[tokio::test]
async fn a_ruling_sent_back_returns_to_its_author_with_the_note_and_is_amended_from_where_it_was() {
    let app = TestApp::with_demo().await;
    let maria = app.sign_in("maria", Role::Editor).await;
    let li = app.sign_in("li", Role::Editor).await;
    let id = app.claim_id("In the face of a difficult").await;
    assign(&app, &id, &maria, "maria", "").await;
    propose(&app, &id, &maria, "", OPINION).await;
    let first = newest_ruling(&app).await;
    let no_note = review(&app, &id, &li, first, "send_back", " ").await;
    assert_eq!(no_note.status, StatusCode::UNPROCESSABLE_ENTITY);
    no_note.assert_contains("Say what should change");
    let back = review(&app, &id, &li, first, "send_back", "Cite China's own readout of the call.").await;
    assert_eq!(back.status, StatusCode::SEE_OTHER);
    // Maria finds it sent back, with the note, and the form starts from her ruling.
    let desk = app.get_as("/desk", &maria).await;
    let section =
        &desk.body[desk.body.find("id=\"sent-back\"").unwrap()..desk.body.find("id=\"mine\"").unwrap()];
    assert!(
        section.contains("Sent back by li (display): Cite China's own readout of the call."),
        "{section}"
    );
    let form = app.get_as(&format!("/claims/{id}/ruling"), &maria).await;
    form.assert_contains("Cite China's own readout of the call.");
    form.assert_contains(&format!(r#"<input type="hidden" name="basis" value="{first}">"#));
    form.assert_contains(r#"value="Said it; an opinion""#);
    form.assert_contains(">Both outlets agree.</textarea>");
    form.assert_contains(r#"id="attribution-verified" name="attribution" value="verified" checked"#);
    // The amendment replaces it; the sent-back ruling is kept.
    let amended = propose(
        &app,
        &id,
        &maria,
        &first.to_string(),
        &format!(
            "{OPINION}&evidence_url={}&evidence_title=Xinhua+readout",
            enc("https://example.org/readout")
        ),
    )
    .await;
    assert_eq!(amended.status, StatusCode::SEE_OTHER, "{}", amended.body);
    let second = newest_ruling(&app).await;
    assert_eq!(
        count(&app, &format!("SELECT count(*) FROM rulings WHERE id = {first} AND state = 'withdrawn'"))
            .await,
        1
    );
    // The old one can no longer be answered; the new one can.
    assert_eq!(review(&app, &id, &li, first, "approve", "").await.status, StatusCode::CONFLICT);
    assert_eq!(review(&app, &id, &li, second, "approve", "").await.status, StatusCode::SEE_OTHER);
    let public = app.get(&format!("/claims/{id}")).await;
    public.assert_contains("Xinhua readout");
    public.assert_lacks("Cite China");
}

#[tokio::test]
async fn changing_a_published_rating_is_a_listed_correction_and_rewording_a_clarification() {
    let app = TestApp::with_demo().await;
    let maria = app.sign_in("maria", Role::Editor).await;
    let li = app.sign_in("li", Role::Editor).await;
    let id = app.claim_id("all 16 self-detonating drones").await;
    let published = count(&app, "SELECT ruling_id FROM claims WHERE text LIKE 'all 16%'").await;
    assign(&app, &id, &maria, "maria", "").await;
    // The form starts from the published ruling.
    let form = app.get_as(&format!("/claims/{id}/ruling"), &maria).await;
    form.assert_contains(&format!(r#"<input type="hidden" name="basis" value="{published}">"#));
    form.assert_contains(r#"id="rating-unverifiable" name="rating" value="unverifiable" checked"#);
    form.assert_contains("Correction note");
    // A clarification: same rating, new words, no note needed; not listed.
    let reworded =
        "rating=unverifiable&verdict=Only+Ukraine%27s+air+force+counted+the+drones%3B+nobody+else+did.";
    assert_eq!(
        propose(&app, &id, &maria, &published.to_string(), reworded).await.status,
        StatusCode::SEE_OTHER
    );
    let clarification = newest_ruling(&app).await;
    review(&app, &id, &li, clarification, "approve", "").await;
    app.get("/corrections").await.assert_lacks("nobody else did");
    app.get("/feed.atom").await.assert_lacks("nobody else did");
    let page = app.get(&format!("/claims/{id}")).await;
    page.assert_contains("<strong>Clarification</strong>");
    page.assert_contains("nobody else did.");
    // A correction: another rating needs a note for readers.
    assign(&app, &id, &maria, "maria", "").await;
    let rerated = "rating=false&verdict=Russian+figures+show+two+drones+hit+their+targets.";
    let refused = propose(&app, &id, &maria, &clarification.to_string(), rerated).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_contains("it is a correction: write a note for readers");
    let noted = format!("{rerated}&note={}", enc("Two drones were later found to have struck."));
    assert_eq!(
        propose(&app, &id, &maria, &clarification.to_string(), &noted).await.status,
        StatusCode::SEE_OTHER
    );
    let correction = newest_ruling(&app).await;
    review(&app, &id, &li, correction, "approve", "").await;
    let corrections = app.get("/corrections").await;
    corrections.assert_contains("Two drones were later found to have struck.");
    corrections.assert_contains(r#"<span class="badge status-unverifiable">Unverifiable</span> → <span class="badge status-false">False</span>"#);
    corrections.assert_contains("China's customs published the full-year figures");
    let feed = app.get("/feed.atom").await;
    feed.assert_contains("Correction: False — Ukrainian Air Force");
    // Every ruling is kept; the claim kept its place in the list.
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM rulings WHERE claim_id = (SELECT id FROM claims WHERE text LIKE 'all 16%')"
        )
        .await,
        3
    );
}

#[tokio::test]
async fn a_retraction_is_reversed_by_an_admin_with_a_reason_and_both_are_listed() {
    let app = TestApp::with_demo().await;
    let maria = app.sign_in("maria", Role::Editor).await;
    let ann = app.sign_in("ann", Role::Admin).await;
    let id = app.claim_id("Moscow is a much needier").await;
    assert_eq!(
        app.post_as(&format!("/claims/{id}/retract"), "reason=Misattributed", &maria).await.status,
        StatusCode::SEE_OTHER
    );
    // A retracted claim cannot be rated.
    assign(&app, &id, &maria, "maria", "").await;
    let rate = propose(&app, &id, &maria, "", OPINION).await;
    assert_eq!(rate.status, StatusCode::CONFLICT);
    rate.assert_contains("A retracted claim cannot be rated.");
    // Editors cannot reverse it; admins can, with a reason.
    assert_eq!(
        app.post_as(&format!("/claims/{id}/reinstate"), "reason=x", &maria).await.status,
        StatusCode::FORBIDDEN
    );
    let no_reason = app.post_as(&format!("/claims/{id}/reinstate"), "reason=", &ann).await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    let done = app
        .post_as(&format!("/claims/{id}/reinstate"), "reason=The+attribution+was+right+after+all", &ann)
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let page = app.get(&format!("/claims/{id}")).await;
    page.assert_lacks("Retracted. </strong>");
    page.assert_contains("<strong>Retraction reversed</strong>");
    page.assert_contains("application/ld+json");
    let corrections = app.get("/corrections").await;
    corrections.assert_contains("<strong>Retracted</strong>");
    corrections.assert_contains("Misattributed");
    corrections.assert_contains("<strong>Retraction reversed</strong>");
    corrections.assert_contains("The attribution was right after all");
}

#[tokio::test]
async fn intake_is_discarded_with_a_reason_restored_and_published_only_by_choice() {
    let app = TestApp::with_demo().await;
    let maria = app.sign_in("maria", Role::Editor).await;
    let id = add_claim(&app, &maria, "Words nobody checks").await;
    let no_reason = app.post_as(&format!("/claims/{id}/desk/discard"), "reason=", &maria).await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    no_reason.assert_contains("Say why it is discarded.");
    assert_eq!(
        app.post_as(&format!("/claims/{id}/desk/discard"), "reason=Not+a+claim", &maria).await.status,
        StatusCode::SEE_OTHER
    );
    let desk = app.get_as(&format!("/claims/{id}/desk"), &maria).await;
    desk.assert_contains("Discarded by maria (display) ");
    desk.assert_contains("Not a claim");
    assert_eq!(
        app.post_as(&format!("/claims/{id}/desk/publish"), "", &maria).await.status,
        StatusCode::CONFLICT
    );
    assert_eq!(
        app.post_as(&format!("/claims/{id}/desk/restore"), "", &maria).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(app.get(&format!("/claims/{id}")).await.status, StatusCode::NOT_FOUND, "still private");
    assert_eq!(
        app.post_as(&format!("/claims/{id}/desk/publish"), "", &maria).await.status,
        StatusCode::SEE_OTHER
    );
    let page = app.get(&format!("/claims/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains(r#"<strong class="rating-words">Being checked</strong>"#);
    app.get("/?status=being_checked").await.assert_contains("Words nobody checks");
    assert_eq!(
        count(&app, "SELECT count(*) FROM claims WHERE text = 'Words nobody checks'").await,
        1,
        "kept throughout"
    );
}

#[tokio::test]
async fn bulk_actions_change_every_ticked_intake_claim_or_none() {
    let app = TestApp::with_demo().await;
    let maria = app.sign_in("maria", Role::Editor).await;
    let a = add_claim(&app, &maria, "First bulk words").await;
    let b = add_claim(&app, &maria, "Second bulk words").await;
    let c = add_claim(&app, &maria, "Third bulk words").await;
    let desk = app.get_as("/desk", &maria).await;
    desk.assert_contains(&format!(r#"name="claim" value="{a}""#));
    let missing = app.post_as("/desk", "action=assign&assignee=", &maria).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    missing.assert_contains("Tick at least one claim.");
    missing.assert_contains("Choose the editor to assign them to.");
    let done =
        app.post_as("/desk", &format!("action=assign&assignee=maria&claim={a}&claim={b}"), &maria).await;
    assert_eq!(done.headers["location"], "/desk?done=assign&n=2#intake");
    app.get_as("/desk?done=assign&n=2", &maria).await.assert_contains("2 claims assigned.");
    // One of the ticked claims left intake meanwhile: nothing changes.
    app.post_as(&format!("/claims/{c}/desk/publish"), "", &maria).await;
    let stale =
        app.post_as("/desk", &format!("action=discard&reason=Duplicates&claim={a}&claim={c}"), &maria).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    stale.assert_contains(&format!("no longer in intake (changed meanwhile): {c}"));
    assert_eq!(count(&app, "SELECT count(*) FROM claims WHERE stage = 'discarded'").await, 0);
    let discarded =
        app.post_as("/desk", &format!("action=discard&reason=Duplicates&claim={a}&claim={b}"), &maria).await;
    assert_eq!(discarded.status, StatusCode::SEE_OTHER);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM claims WHERE stage = 'discarded' AND discard_reason = 'Duplicates'"
        )
        .await,
        2
    );
}

#[tokio::test]
async fn the_desk_counts_each_section_and_filters_by_speaker_source_and_kind() {
    let app = TestApp::with_demo().await;
    let ann = app.sign_in("ann", Role::Admin).await;
    let desk = app.get_as("/desk", &ann).await;
    assert_eq!(desk.status, StatusCode::OK);
    let intake_total =
        count(&app, "SELECT count(*) FROM claims WHERE stage = 'intake' AND assignee_id IS NULL").await;
    desk.assert_contains(&format!(r#"Intake — unassigned <span class="count">{intake_total}</span>"#));
    desk.assert_contains(r#"Awaiting my sign-off <span class="count">1</span>"#);
    desk.assert_contains("Proposed Unverifiable by Demo desk writer · 0 approval(s)");
    desk.assert_needs_no_javascript();
    let gabuev = app.get_as("/desk?speaker=alexander-gabuev", &ann).await;
    gabuev.assert_contains(r#"Intake — unassigned <span class="count">1</span>"#);
    gabuev.assert_contains("Putin may not see it");
    let numeric = app.get_as("/desk?kind=numeric", &ann).await;
    numeric.assert_lacks("Putin may not see it");
    let week = app.source_id("The Week").await;
    let in_week = app.get_as(&format!("/desk?source={week}"), &ann).await;
    in_week.assert_contains(r#"Intake — unassigned <span class="count">0</span>"#);
    let bad = app.get_as("/desk?kind=opinion", &ann).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn importing_sends_claims_to_intake_unless_the_editor_publishes_them() {
    let app = TestApp::with_demo().await;
    let maria = app.sign_in("maria", Role::Editor).await;
    let text = "“We will not be rushed into a bad deal,” Maria Lopez told reporters.";
    let fields = |publish: &str, n: u32| {
        format!(
            "step=add&url={}&title=Talks&outlet=Wire&published_on=2024-05-06&text={}&candidates=1&pick=0&c0_kind=quote&c0_text={}&c0_speaker=Maria+Lopez{publish}",
            enc(&format!("https://example.org/talks-{n}")),
            enc(text),
            enc("We will not be rushed into a bad deal"),
        )
    };
    let private = app.post_as("/import", &fields("", 1), &maria).await;
    assert_eq!(private.status, StatusCode::SEE_OTHER, "{}", private.body);
    assert!(private.headers["location"].to_str().unwrap().starts_with("/desk?source="));
    app.get("/?q=rushed&status=being_checked").await.assert_lacks("rushed into");
    app.get_as("/desk", &maria).await.assert_contains("We will not be rushed into a bad deal");
}

/// A database of the schema before the desk (migrations up to 0005), with claims in each state
/// the old status history could leave them in; then the desk's migration.
#[tokio::test]
async fn the_migration_publishes_verdicts_as_rulings_and_sends_unreviewed_claims_to_intake() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old-migrations");
    std::fs::create_dir(&old).unwrap();
    let all = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../migrations");
    for entry in std::fs::read_dir(&all).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.as_str() < "20261129000006" {
            std::fs::copy(&path, old.join(&name)).unwrap();
        }
    }
    let pool = app::ssr::db::pool::connect(&dir.path().join("claims.db")).await.unwrap();
    sqlx::migrate::Migrator::new(old.as_path()).await.unwrap().run(&pool).await.unwrap();
    let setup = "
        INSERT INTO users (id, username, display_name, role) VALUES (1, 'old', 'Old editor', 'editor');
        INSERT INTO speakers (id, slug, name, kind) VALUES (1, 'pat-doe', 'Pat Doe', 'person');
        INSERT INTO claims (id, kind, text, speaker_id, said_on, created_at) VALUES
            (1, 'quote', 'never reviewed', 1, '2024-01-01', '2024-01-01T00:00:00.000Z'),
            (2, 'quote', 'under review', 1, '2024-01-02', '2024-01-02T00:00:00.000Z'),
            (3, 'quote', 'rated then corrected', 1, '2024-01-03', '2024-01-03T00:00:00.000Z'),
            (4, 'quote', 'rated then reopened', 1, '2024-01-04', '2024-01-04T00:00:00.000Z');
        INSERT INTO verifications (claim_id, status, verdict, rationale, editor_id, created_at) VALUES
            (2, 'in_review', 'Checking the transcript', 'Asked the ministry.', 1, '2024-02-01T00:00:00.000Z'),
            (3, 'true', 'Accurate', 'First look.', 1, '2024-02-02T00:00:00.000Z'),
            (3, 'false', 'Inaccurate after all', 'The transcript differs.', 1, '2024-02-03T00:00:00.000Z'),
            (4, 'misleading', 'Out of context', '', 1, '2024-02-04T00:00:00.000Z'),
            (4, 'in_review', 'Reopened', '', 1, '2024-02-05T00:00:00.000Z');
        INSERT INTO evidence_links (verification_id, position, url, title) VALUES (3, 0, 'https://example.org/t', 'Transcript');";
    sqlx::raw_sql(setup).execute(&pool).await.unwrap();
    app::ssr::db::pool::migrate(&pool).await.unwrap();

    type Row = (String, Option<String>, Option<String>, Option<i64>);
    let rows: Vec<Row> = sqlx::query_as("SELECT stage, status, verdict, list_seq FROM claims ORDER BY id")
        .fetch_all(&pool)
        .await
        .unwrap();
    assert_eq!(rows[0], ("intake".into(), None, None, None), "never reviewed: intake");
    assert_eq!(
        (rows[1].0.as_str(), rows[1].1.as_deref()),
        ("published", Some("being_checked")),
        "under review: public, being checked"
    );
    assert_eq!((rows[2].1.as_deref(), rows[2].2.as_deref()), (Some("false"), Some("Inaccurate after all")));
    assert_eq!(rows[3].1.as_deref(), Some("being_checked"), "reopened: being checked again");
    let rulings: Vec<(i64, String, String, String, Option<String>)> =
        sqlx::query_as("SELECT claim_id, rating, kind, state, note FROM rulings ORDER BY id")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(rulings.len(), 3);
    assert_eq!(
        (rulings[0].1.as_str(), rulings[0].2.as_str(), rulings[0].3.as_str()),
        ("true", "ruling", "superseded")
    );
    assert_eq!(
        (rulings[1].1.as_str(), rulings[1].2.as_str(), rulings[1].3.as_str()),
        ("false", "correction", "published")
    );
    assert_eq!(rulings[1].4.as_deref(), Some("The rating changed from “true” to “false”."));
    assert_eq!(rulings[2].3, "superseded", "the reopened claim's verdict is kept, no longer current");
    let evidence: i64 = sqlx::query_scalar("SELECT count(*) FROM ruling_evidence WHERE ruling_id = 3")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(evidence, 1);
    let notes: Vec<String> =
        sqlx::query_scalar("SELECT body FROM claim_notes ORDER BY id").fetch_all(&pool).await.unwrap();
    assert_eq!(
        notes,
        vec![
            "Status set to “In review”: Checking the transcript\n\nAsked the ministry.",
            "Status set to “In review”: Reopened"
        ]
    );

    // Readers see the published ones, newest fact-check first, with the correction listed.
    let state = app::ssr::AppState::new(app::ssr::db::Db::from(pool.clone()), "https://claims.example.org");
    let get = |path: &'static str| {
        let state = state.clone();
        async move {
            use tower::ServiceExt;
            let response = server::router(state)
                .oneshot(axum::http::Request::get(path).body(axum::body::Body::empty()).unwrap())
                .await
                .unwrap();
            let status = response.status();
            let bytes = http_body_util::BodyExt::collect(response.into_body()).await.unwrap().to_bytes();
            (status, String::from_utf8_lossy(&bytes).into_owned())
        }
    };
    let (_, home) = get("/").await;
    assert!(
        home.contains("rated then corrected")
            && !home.contains("never reviewed")
            && !home.contains("under review")
    );
    let (_, checking) = get("/?status=being_checked").await;
    assert!(checking.contains("under review") && checking.contains("rated then reopened"));
    let (_, corrections) = get("/corrections").await;
    assert!(corrections.contains("The rating changed from “true” to “false”."), "{corrections}");
    let (status, _) = get("/claims/ckmxx4ey").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "claim 1 is intake");
}

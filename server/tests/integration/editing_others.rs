//! Sources, speakers and accounts over HTTP.

#![allow(clippy::unwrap_used)] // Test helpers may panic: a panic is a failed test.

use crate::support::{enc, TestApp};
use app::model::Role;
use axum::http::StatusCode;

#[tokio::test]
async fn an_editor_adds_and_edits_a_source_with_its_history_kept() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let body = format!(
        "url={}&title={}&outlet=Reuters&author=&published_on=2022-12-31&body={}",
        enc("https://www.reuters.com/world/putin-xi"),
        enc("Putin, Xi talk trade"),
        enc("Full text.")
    );
    let done = app.post_as("/sources/new", &body, &editor).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let location = done.headers["location"].to_str().unwrap().to_owned();
    let page = app.get_as(&location, &editor).await;
    page.assert_contains("<h1>Putin, Xi talk trade</h1>");
    page.assert_contains("Edit the source");

    // The same address twice is refused on the address field.
    let again = app.post_as("/sources/new", &body, &editor).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    again.assert_contains("Another source already has the address https://www.reuters.com/world/putin-xi.");

    let id = location.trim_start_matches("/sources/");
    let edit = format!(
        "version=1&url={}&title={}&outlet=Reuters",
        enc("https://www.reuters.com/world/putin-xi"),
        enc("Putin and Xi talk trade")
    );
    assert_eq!(
        app.post_as(&format!("/sources/{id}/edit"), &edit, &editor).await.status,
        StatusCode::SEE_OTHER
    );
    let stale = app.post_as(&format!("/sources/{id}/edit"), &edit, &editor).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    stale.assert_contains("Someone else saved this source (now version 2)");
    let revisions: i64 = sqlx::query_scalar(&app.sql(
        "SELECT count(*) FROM source_revisions WHERE source_id = (SELECT id FROM sources WHERE outlet = 'Reuters')",
    ))
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(revisions, 2);

    let bad = app.post_as("/sources/new", "url=ftp%3A%2F%2Fx&title=&outlet=", &editor).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_contains("Use a full web address starting with https:// or http://.");
    bad.assert_contains("Enter the title.");
    bad.assert_contains(r#"value="ftp://x""#);
}

#[tokio::test]
async fn an_editor_adds_a_speaker_whose_aliases_are_searchable_and_usable_in_claims() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let body = format!(
        "name={}&slug=&kind=person&description={}&aliases={}",
        enc("Wang Wenbin"),
        enc("Chinese foreign ministry spokesman"),
        enc("Wang\nSpokesman Wang")
    );
    let done = app.post_as("/speakers/new", &body, &editor).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.headers["location"], "/speakers/wang-wenbin");
    // Readers meet a speaker once one of their claims is published; editors at once.
    assert_eq!(app.get("/speakers/wang-wenbin").await.status, StatusCode::NOT_FOUND);
    let page = app.get_as("/speakers/wang-wenbin", &editor).await;
    page.assert_contains("Also known as: Spokesman Wang · Wang");
    let claim = "kind=quote&text=Hello&speaker=spokesman+wang&said_on=2022-12-30";
    let added = app.post_as("/claims/new", claim, &editor).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    let desk = added.headers["location"].to_str().unwrap().to_owned();
    assert_eq!(app.post_as(&format!("{desk}/publish"), "", &editor).await.status, StatusCode::SEE_OTHER);
    app.get("/?q=spokesman&status=being_checked").await.assert_contains("1 claim");
    app.get("/speakers/wang-wenbin").await.assert_contains("Also known as: Spokesman Wang · Wang");
    let taken = app.post_as("/speakers/new", "name=Wang+Wenbin&kind=person", &editor).await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    taken.assert_contains("Another speaker already has the address /speakers/wang-wenbin.");
}

#[tokio::test]
async fn merging_a_duplicate_moves_claims_and_redirects_its_page() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let dup = "name=V.+Putin&slug=v-putin&kind=person&aliases=Vova";
    assert_eq!(app.post_as("/speakers/new", dup, &editor).await.status, StatusCode::SEE_OTHER);
    let claim = "kind=quote&text=Duplicate+speaker+quote&speaker=v-putin&said_on=2022-12-30";
    assert_eq!(app.post_as("/claims/new", claim, &editor).await.status, StatusCode::SEE_OTHER);
    let self_merge = app.post_as("/speakers/v-putin/merge", "target=V.+Putin", &editor).await;
    assert_eq!(self_merge.status, StatusCode::UNPROCESSABLE_ENTITY);
    self_merge.assert_contains("A speaker cannot be merged into themselves.");

    let done = app.post_as("/speakers/v-putin/merge", "target=Vladimir+Putin", &editor).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.headers["location"], "/speakers/vladimir-putin");
    let moved = app.get("/speakers/v-putin").await;
    assert_eq!(moved.status, StatusCode::MOVED_PERMANENTLY);
    assert_eq!(moved.headers["location"], "/speakers/vladimir-putin");
    let target = app.get("/speakers/vladimir-putin").await;
    target.assert_contains("3 fact-checks");
    target.assert_contains("V. Putin");
    target.assert_contains("Vova");
    let id = app.claim_id("Duplicate speaker quote").await;
    app.get_as(&format!("/claims/{id}"), &editor).await.assert_contains("<del>V. Putin</del>");
}

#[tokio::test]
async fn admins_manage_accounts_and_editors_cannot() {
    let app = TestApp::with_demo().await;
    let admin = app.sign_in("boss", Role::Admin).await;
    let editor = app.sign_in("maria", Role::Editor).await;

    let page = app.get_as("/admin/users", &admin).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_contains("<td>maria</td>");
    let forbidden = app.get_as("/admin/users", &editor).await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    let escalate = app
        .post_as(
            "/admin/users",
            "username=evil&display_name=Evil&role=admin&password=a+long+enough+passphrase",
            &editor,
        )
        .await;
    assert_eq!(escalate.status, StatusCode::FORBIDDEN);

    let weak = app
        .post_as("/admin/users", "username=li&display_name=Li&role=editor&password=password", &admin)
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    weak.assert_contains("This is one of the most common passwords");
    weak.assert_contains(r#"value="li""#);
    let added = app
        .post_as(
            "/admin/users",
            "username=li&display_name=Li&role=editor&password=a+long+enough+passphrase",
            &admin,
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    let dup = app
        .post_as(
            "/admin/users",
            "username=li&display_name=Li&role=editor&password=a+long+enough+passphrase",
            &admin,
        )
        .await;
    dup.assert_contains("There is already an account named “li”.");

    let reset = app.post_as("/admin/users/maria/password", "password=short", &admin).await;
    assert_eq!(reset.status, StatusCode::UNPROCESSABLE_ENTITY);
    reset.assert_contains("Use at least 8 characters.");
    assert_eq!(
        app.post_as("/admin/users/maria/password", "password=brand+new+passphrase", &admin).await.status,
        StatusCode::SEE_OTHER
    );
    // Her old session ended with the new password.
    app.get_as("/", &editor).await.assert_contains(r#"<a href="/login">Sign in</a>"#);

    assert_eq!(app.post_as("/admin/users/li/disable", "", &admin).await.status, StatusCode::SEE_OTHER);
    app.get_as("/admin/users", &admin).await.assert_contains("<td>Disabled</td>");
    for spelling in ["boss", "BOSS", "Boss"] {
        let own = app.post_as(&format!("/admin/users/{spelling}/disable"), "", &admin).await;
        assert_eq!(own.status, StatusCode::BAD_REQUEST, "{spelling}");
        own.assert_contains("You cannot disable your own account");
    }
    app.get_as("/", &admin).await.assert_contains("boss (display)");

    // The demo's desks sign records and never sign in: they cannot be given a password.
    let system =
        app.post_as("/admin/users/demo-editor/password", "password=brand+new+passphrase", &admin).await;
    assert_eq!(system.status, StatusCode::UNPROCESSABLE_ENTITY);
    system.assert_contains("is a system account that signs records and cannot sign in");
    let hash: Option<String> =
        sqlx::query_scalar(&app.sql("SELECT password_hash FROM users WHERE username = 'demo-editor'"))
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(hash, None);
}

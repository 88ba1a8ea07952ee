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
            if c.kind == app::ssr::extract::Kind::Numeric { numeric_speaker.to_owned() } else { speaker };
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
        sqlx::query_scalar(&app.sql("SELECT count(*) FROM claims WHERE text LIKE 'We aim to strengthen%'"))
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(twins, 1);
    let new_speaker: String =
        sqlx::query_scalar(&app.sql("SELECT kind FROM speakers WHERE name = 'Ministry of Defence'"))
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(new_speaker, "organization");
    let spans: i64 = sqlx::query_scalar(&app.sql(
        "SELECT count(*) FROM appearances WHERE start_byte IS NOT NULL
            AND source_id = (SELECT id FROM sources WHERE url = 'https://wire.example/leaders')",
    ))
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(spans, 3);

    // The same import again changes nothing.
    let again = app.post_as("/import", &add_body(url, &text, "Ministry of Defence"), &editor).await;
    let location = again.headers["location"].to_str().unwrap().to_owned();
    assert!(location.contains("&added=0&linked=0&already=3"), "{location}");
}

/// A quotation that states figures is offered once: its figures are ticked inside the quote's box
/// and credited to whoever the editor says spoke the quote. A candidate the extractor is unsure
/// of starts unticked and says why.
#[tokio::test]
async fn a_quote_with_figures_is_shown_once_and_unsure_candidates_start_unticked() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let article = "Trade envoy Maria Lopez arrived in Geneva on Monday.\n\n\
                   “We shot down 54 of 69 drones overnight, and exports rose 12%,” Lopez told reporters.\n\n\
                   The ministry said the total reached 300 on Friday.";
    let url = "https://wire.example/figures-in-quotes";
    let body = format!("step=review&{}&text={}", source_fields(url), enc(article));
    let review = app.post_as("/import", &body, &editor).await;
    assert_eq!(review.status, StatusCode::OK, "{}", review.body);
    review.assert_contains(
        "Found 4 candidates: 1 quote and 3 numeric claims (2 of them inside quotes, shown with them).",
    );
    // The quoted sentence is never a second, editable candidate: one text box for the quote, one
    // for the ministry's sentence.
    assert_eq!(review.body.matches(r#"<textarea id="text-"#).count(), 2, "{}", review.body);
    assert_eq!(review.body.matches(r#"class="candidate-figure""#).count(), 2);
    let quote_box = review.body.find(r#"id="candidate-3""#).expect("the quote's box");
    let figure_boxes: Vec<usize> =
        review.body.match_indices(r#"class="candidate-figure""#).map(|(i, _)| i).collect();
    assert!(figure_boxes.iter().all(|&f| f > quote_box), "the figures are inside the quote's box");
    assert!(review.body.contains(r#"name="pick" value="0" checked"#), "a sure figure starts ticked");
    // "the total reached 300" has no unit: the extractor is unsure, so it starts unticked.
    review.assert_contains("Unsure (50% confident): check the words and the speaker");
    assert!(!review.body.contains(r#"name="pick" value="3" checked"#), "{}", review.body);
    review.assert_needs_no_javascript();

    // Added with the quote's speaker corrected: the figures follow the quote's speaker.
    let mut add = format!(
        "step=add&{}&text={}&candidates=4",
        source_fields(url),
        enc(&app::model::import::normalise_article(article))
    );
    let found = app::ssr::extract::extract(&app::model::import::normalise_article(article)).unwrap();
    for (i, c) in found.iter().enumerate() {
        let q = c.quantity.clone().map(app::model::Quantity::from);
        let quote = c.in_quote.and_then(|span| {
            found.iter().position(|o| o.span == span && o.in_quote.is_none() && o.quantity.is_none())
        });
        add.push_str(&format!(
            "&c{i}_kind={}&c{i}_text={}&c{i}_speaker={}&c{i}_start={}&c{i}_end={}&c{i}_in={}&c{i}_quantity_value={}&c{i}_quantity_unit={}&c{i}_quantity_of={}",
            app::model::ClaimKind::from(c.kind).as_str(),
            enc(&c.text),
            enc(if c.in_quote.is_some() { "" } else { "Maria Lopez-Ortega" }),
            c.span.0,
            c.span.1,
            quote.map(|q| q.to_string()).unwrap_or_default(),
            q.as_ref().map(|q| q.value.to_string()).unwrap_or_default(),
            q.as_ref().map(|q| enc(&q.unit)).unwrap_or_default(),
            q.as_ref().and_then(|q| q.of).map(|v| v.to_string()).unwrap_or_default(),
        ));
    }
    add.push_str("&pick=0&pick=1&pick=2");
    let done = app.post_as("/import", &add, &editor).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let speakers: Vec<String> = sqlx::query_scalar(&app.sql(
        "SELECT DISTINCT s.name FROM claims c JOIN speakers s ON s.id = c.speaker_id
          JOIN appearances a ON a.claim_id = c.id JOIN sources src ON src.id = a.source_id WHERE src.url = ?",
    ))
    .bind(url)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        speakers,
        ["Maria Lopez-Ortega"],
        "the figures in the quote are credited to the quote's speaker"
    );
}

/// Speaker suggestions come from the speakers already known: a surname alone finds the one known
/// speaker of that name; a surname two known speakers share is left to the editor.
#[tokio::test]
async fn a_surname_alone_is_matched_to_the_one_known_speaker_of_that_name() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let insert = app.sql("INSERT INTO speakers (slug, name, kind) VALUES (?, ?, 'person')");
    let add_speaker = |slug: &'static str, name: &'static str| sqlx::query(&insert).bind(slug).bind(name);
    add_speaker("anna-kowalczyk", "Anna Kowalczyk").execute(&app.pool).await.unwrap();
    let text = "“We are ready to talk,” Kowalczyk said on Tuesday.";
    let review = format!("step=review&{}&text={}", source_fields("https://wire.example/surname"), enc(text));
    let page = app.post_as("/import", &review, &editor).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.assert_contains("Matches the existing speaker Anna Kowalczyk.");
    page.assert_contains(r#"value="Anna Kowalczyk""#);

    add_speaker("piotr-kowalczyk", "Piotr Kowalczyk").execute(&app.pool).await.unwrap();
    let shared = app.post_as("/import", &review, &editor).await;
    assert!(!shared.body.contains("Matches the existing speaker"), "two of that name: the editor chooses");
    shared.assert_contains("A new speaker will be added.");
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
    let before: i64 =
        sqlx::query_scalar(&app.sql("SELECT count(*) FROM claims")).fetch_one(&app.pool).await.unwrap();

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

    let after: i64 =
        sqlx::query_scalar(&app.sql("SELECT count(*) FROM claims")).fetch_one(&app.pool).await.unwrap();
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

#[test]
fn import_makes_a_candidate_that_repeats_an_archived_claim_a_repetition_unless_told_not_to() {
    let dir = tempfile::tempdir().unwrap();
    assert!(claimtrack(dir.path(), &["demo"], None).status.success());
    let restated = "“Moscow is a much needier partner than China is,” said Jane Doe, a researcher.";
    let args = |url: &str| {
        [
            "import",
            "-",
            "--url",
            url,
            "--title",
            "Summit weighed",
            "--outlet",
            "Later Wire",
            "--date",
            "2023-06-01",
        ]
        .map(str::to_owned)
    };
    let dry = claimtrack(
        dir.path(),
        &[&args("https://later.example/a")[..], &["--dry-run".into()]]
            .concat()
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        Some(restated.as_bytes()),
    );
    let said = String::from_utf8_lossy(&dry.stdout).into_owned();
    assert!(said.contains("Jane Doe repeats claim ") && said.contains(" by Alexander Gabuev ("), "{said}");
    assert!(said.contains("Dry run: nothing was added."), "{said}");

    let done = claimtrack(
        dir.path(),
        &args("https://later.example/a").iter().map(String::as_str).collect::<Vec<_>>(),
        Some(restated.as_bytes()),
    );
    let said = String::from_utf8_lossy(&done.stdout).into_owned();
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    assert!(
        said.contains("0 claim(s) added to the desk's intake (private), 1 existing claim(s) linked"),
        "{said}"
    );

    let mut separate: Vec<String> = args("https://later.example/b").to_vec();
    separate.push("--no-repeats".into());
    let done = claimtrack(
        dir.path(),
        &separate.iter().map(String::as_str).collect::<Vec<_>>(),
        Some(restated.as_bytes()),
    );
    let said = String::from_utf8_lossy(&done.stdout).into_owned();
    assert!(!said.contains(" repeats claim "), "{said}");
    assert!(
        said.contains("1 claim(s) added to the desk's intake (private), 0 existing claim(s) linked"),
        "{said}"
    );
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

/// Every version of a source's text is kept for editors, and each claim's words are found again
/// when the text changes: moved words keep their mark, gone words are reported — to readers as a
/// short note, to editors with the passage as it was — and come back when the words do.
#[tokio::test]
async fn a_changed_text_is_kept_as_a_version_and_claims_are_anchored_again() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let text = app::model::import::normalise_article(ARTICLE);
    let url = "https://wire.example/versions";
    let done = app.post_as("/import", &add_body(url, &text, "Ministry of Defence"), &editor).await;
    let location = done.headers["location"].to_str().unwrap().to_owned();
    let source = location.trim_start_matches("/desk?source=").split('&').next().unwrap().to_owned();
    let putin: String =
        sqlx::query_scalar(&app.sql("SELECT id FROM claims WHERE text LIKE 'We aim to strengthen%'"))
            .fetch_one(&app.pool)
            .await
            .map(|id: i64| app::model::public_id::encode(id))
            .unwrap();
    let quote = "We aim to strengthen cooperation between the armed forces of Russia and China";
    let edit = |body: &str, version: i64| {
        format!(
            "url={}&title={}&outlet=Wire&author=&published_on=2022-12-30&body={}&version={version}",
            enc(url),
            enc("Leaders talk"),
            enc(body)
        )
    };
    let version = || async {
        sqlx::query_scalar::<_, i64>(&app.sql("SELECT version FROM sources WHERE url = ?"))
            .bind(url)
            .fetch_one(&app.pool)
            .await
            .unwrap()
    };

    // Each appearance records its place as a text-quote selector, with the version it is in.
    let anchored = || async {
        sqlx::query_as::<_, (Option<String>, Option<String>, Option<String>, Option<i64>, Option<i64>)>(
            &app.sql(
                "SELECT a.anchor_exact, a.anchor_prefix, a.anchor_suffix, a.anchored_in, a.start_byte
               FROM appearances a JOIN claims c ON c.id = a.claim_id JOIN sources s ON s.id = a.source_id
              WHERE s.url = ? AND c.text LIKE 'We aim to strengthen%'",
            ),
        )
        .bind(url)
        .fetch_one(&app.pool)
        .await
        .unwrap()
    };
    let (exact, prefix, suffix, version_in, first_start) = anchored().await;
    assert_eq!(exact.as_deref(), Some(quote));
    assert!(prefix.unwrap().ends_with("video link.\n“"));
    assert!(suffix.unwrap().starts_with(",” Putin said."));
    assert_eq!(version_in, Some(1));

    // Words moved by a new first paragraph keep their mark, on the same words.
    let moved = format!("An editor's note was added at the top.\n\n{text}");
    let saved =
        app.post_as(&format!("/sources/{source}/edit"), &edit(&moved, version().await), &editor).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let (exact, _, _, version_in, start) = anchored().await;
    assert_eq!((exact.as_deref(), version_in), (Some(quote), Some(2)), "anchored again in version 2");
    assert_eq!(
        start.unwrap() - first_start.unwrap(),
        "An editor's note was added at the top.\n\n".len() as i64
    );
    let page = app.get_as(&format!("/sources/{source}"), &editor).await;
    page.assert_contains(&format!(r#"<mark class="claim-mark claim-mark-quote">{quote}</mark>"#));
    page.assert_contains("Versions of the text");
    assert!(
        page.body.contains("<td>2</td><td>edited</td>") && page.body.contains("<td>1</td><td>pasted</td>"),
        "{}",
        page.body
    );
    let hashes: Vec<String> =
        sqlx::query_scalar(&app.sql("SELECT sha256 FROM source_snapshots ORDER BY id DESC LIMIT 2"))
            .fetch_all(&app.pool)
            .await
            .unwrap();
    use sha2::Digest;
    let expected: String =
        sha2::Sha256::digest(moved.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hashes[0], expected);
    assert!(
        !app.get(&format!("/sources/{source}")).await.body.contains("Versions of the text"),
        "editors only"
    );

    // The quoted sentence removed: the claim has no place in the text, and says so.
    let without = moved.replace(
        "“We aim to strengthen cooperation between the armed forces of Russia and China,” Putin said.",
        "Putin spoke.",
    );
    assert_ne!(without, moved);
    app.post_as(&format!("/sources/{source}/edit"), &edit(&without, version().await), &editor).await;
    let reader = app.get(&format!("/claims/{putin}")).await;
    reader.assert_contains("The quoted words are no longer in this source (its text changed");
    assert!(!reader.body.contains("It read"), "the passage is for editors");
    let desk_view = app.get_as(&format!("/claims/{putin}"), &editor).await;
    desk_view.assert_contains("It read");
    desk_view.assert_contains("Near there now");
    assert!(!app
        .get_as(&format!("/sources/{source}"), &editor)
        .await
        .body
        .contains(&format!(r#"claim-mark-quote">{quote}"#)));

    // The words back (a re-import of the first text): the mark is back and the note gone.
    let again = app.post_as("/import", &add_body(url, &text, "Ministry of Defence"), &editor).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    assert!(!app.get(&format!("/claims/{putin}")).await.body.contains("no longer in this source"));
    let page = app.get_as(&format!("/sources/{source}"), &editor).await;
    page.assert_contains(&format!(r#"<mark class="claim-mark claim-mark-quote">{quote}</mark>"#));
    assert_eq!(anchored().await.3, Some(4), "found again in version 4");
    let versions: i64 =
        sqlx::query_scalar(&app.sql(
            "SELECT count(*) FROM source_snapshots s JOIN sources o ON o.id = s.source_id WHERE o.url = ?",
        ))
        .bind(url)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(versions, 4, "pasted, edited, edited, pasted again");
}

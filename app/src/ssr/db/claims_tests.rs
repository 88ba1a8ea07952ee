//! Tests of the public claim list: published claims only, newest fact-check first, filters,
//! search, counts, pagination and the search index's upkeep.

use super::list;
use crate::model::{public_id, ClaimKind, ListQuery, Page, Quantity, Status, PAGE_SIZE};
use crate::ssr::db::testing::{
    add_claim, add_intake_claim, add_source, add_speaker, day, publish_being_checked, rate,
};
use crate::ssr::db::Db;
use crate::ssr::demo;
use sqlx::SqlitePool;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn texts(page: &crate::model::ClaimListPage) -> Vec<String> {
    page.claims.iter().map(|c| c.text.clone()).collect()
}

fn search(q: &str) -> ListQuery {
    ListQuery { q: Some(q.into()), ..ListQuery::default() }
}

fn being_checked() -> ListQuery {
    ListQuery { statuses: vec![Status::BeingChecked], ..ListQuery::default() }
}

#[sqlx::test(migrations = "../migrations")]
async fn the_demo_lists_its_fact_checks_newest_ruling_first(pool: SqlitePool) -> TestResult {
    let pool = Db::from(pool);
    let demo::Loaded::Claims(n) = demo::load_if_empty(&pool).await? else { return Err("not loaded".into()) };
    assert!(n > 11, "the fixture's claims and the imported article's: {n}");
    let page = list(&pool, &ListQuery::default()).await?;
    assert_eq!(
        texts(&page),
        vec![
            "Moscow is a much needier partner than China is",
            "all 16 self-detonating drones that attacked the country had been destroyed",
            "Sino-Russian trade is set to increase by 25 percent",
            "We aim to strengthen cooperation between the armed forces of Russia and China.",
            "a model of cooperation between major powers in the 21st century",
        ],
        "ordered by when their first ruling was published, not by when they were said"
    );
    let trade = &page.claims[2];
    assert_eq!(
        (trade.status, trade.verdict.as_deref()),
        (Some(Status::MostlyTrue), Some("Trade rose 29.3% in 2022, more than the 25% Putin forecast."))
    );
    assert_eq!(trade.first_source.as_ref().map(|s| s.outlet.as_str()), Some("The Washington Post"));
    assert_eq!(trade.quantity.as_ref().map(Quantity::headline).as_deref(), Some("+25%"));
    assert_eq!(page.status_counts.sum(Status::RATINGS), (5, false));
    assert_eq!(page.status_counts.get(Status::BeingChecked), 5);
    assert_eq!(page.status_counts.get(Status::Opinion), 2);
    assert_eq!((page.older, page.newer), (None, None));

    let checking = list(&pool, &being_checked()).await?;
    assert_eq!(checking.claims.len(), 5);
    assert!(checking.claims[0].text.contains("54 of 69"), "{:?}", texts(&checking));
    assert!(checking.claims.iter().all(|c| c.status == Some(Status::BeingChecked) && c.verdict.is_none()));
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn intake_and_discarded_claims_never_reach_a_list_a_search_or_a_count(pool: SqlitePool) -> TestResult {
    let pool = Db::from(pool);
    demo::load_if_empty(&pool).await?;
    // The demo's intake: a Gabuev quote, and claims imported from an article about measles.
    assert!(list(&pool, &search("price to pay")).await?.claims.is_empty());
    assert!(list(&pool, &ListQuery { statuses: Status::ALL.to_vec(), ..search("measles") })
        .await?
        .claims
        .is_empty());
    let gabuev = ListQuery {
        speaker: Some("alexander-gabuev".into()),
        statuses: Status::ALL.to_vec(),
        ..ListQuery::default()
    };
    assert_eq!(texts(&list(&pool, &gabuev).await?), vec!["Moscow is a much needier partner than China is"]);
    let all = ListQuery { statuses: Status::ALL.to_vec(), ..ListQuery::default() };
    let page = list(&pool, &all).await?;
    assert_eq!(page.status_counts.total(), (10, false), "ten claims are public");
    let counted: i64 = sqlx::query_scalar("SELECT sum(n) FROM claim_counts").fetch_one(pool.sqlite()).await?;
    assert_eq!(counted, 10);
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn loading_the_demo_twice_loads_it_once(pool: SqlitePool) -> TestResult {
    let pool = Db::from(pool);
    demo::load_if_empty(&pool).await?;
    assert_eq!(demo::load_if_empty(&pool).await?, demo::Loaded::SkippedNotEmpty);
    assert_eq!(list(&pool, &ListQuery::default()).await?.status_counts.total().0, 10);
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn filters_combine_and_counts_ignore_only_the_status_filter(pool: SqlitePool) -> TestResult {
    let pool = Db::from(pool);
    demo::load_if_empty(&pool).await?;
    let two =
        ListQuery { statuses: vec![Status::BeingChecked, Status::Unverifiable], ..ListQuery::default() };
    let page = list(&pool, &two).await?;
    assert_eq!(page.claims.len(), 6);
    assert!(page
        .claims
        .iter()
        .all(|c| matches!(c.status, Some(Status::BeingChecked | Status::Unverifiable))));
    assert_eq!(page.status_counts.total().0, 10, "counts are taken without the status filter");

    let putin_numbers = ListQuery {
        kind: Some(ClaimKind::Numeric),
        speaker: Some("vladimir-putin".into()),
        ..ListQuery::default()
    };
    let page = list(&pool, &putin_numbers).await?;
    assert_eq!(texts(&page), vec!["Sino-Russian trade is set to increase by 25 percent"]);
    assert_eq!(page.speaker_name.as_deref(), Some("Vladimir Putin"));

    let week = sqlx::query_scalar!(r#"SELECT id AS "id!" FROM sources WHERE outlet = 'The Week'"#)
        .fetch_one(pool.sqlite())
        .await?;
    let in_the_week = ListQuery { source: Some(public_id::encode(week)), ..ListQuery::default() };
    let page = list(&pool, &in_the_week).await?;
    assert_eq!(page.claims.len(), 2);
    assert_eq!(
        page.source_title.as_deref(),
        Some("Putin and Xi reaffirm Russia-China relations amid unrest")
    );

    let nobody = ListQuery { speaker: Some("no-such-speaker".into()), ..ListQuery::default() };
    let page = list(&pool, &nobody).await?;
    assert!(page.claims.is_empty());
    assert_eq!(page.status_counts.total().0, 0);
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn search_covers_text_speaker_aliases_and_source_titles(pool: SqlitePool) -> TestResult {
    let pool = Db::from(pool);
    demo::load_if_empty(&pool).await?;
    assert_eq!(
        texts(&list(&pool, &search("needier")).await?),
        vec!["Moscow is a much needier partner than China is"]
    );
    // "missile" is a prefix of "missiles" (a claim being checked).
    assert_eq!(
        list(&pool, &ListQuery { statuses: vec![Status::BeingChecked], ..search("missile") })
            .await?
            .claims
            .len(),
        1
    );
    assert!(list(&pool, &search("missile")).await?.claims.is_empty(), "not a fact-check yet");
    // An alias of the speaker ("Chinese leader Xi Jinping") finds their claims.
    let by_alias =
        list(&pool, &ListQuery { statuses: vec![Status::BeingChecked], ..search("chinese leader") }).await?;
    assert_eq!(by_alias.claims.len(), 1);
    assert_eq!(by_alias.claims[0].speaker.name, "Xi Jinping");
    // Words of a source title ("backdrop") find the fact-checks appearing in it.
    assert_eq!(list(&pool, &search("backdrop")).await?.claims.len(), 5);
    // All words must match.
    assert!(list(&pool, &search("needier missiles")).await?.claims.is_empty());
    // Search syntax in the input is inert, never an error.
    for hostile in
        ["\"", "NEAR(", "a OR", "*", "-x", "'; DROP TABLE claims; --", "^", "{text}:x", "factcheck"]
    {
        list(&pool, &search(hostile)).await?;
    }
    assert!(
        list(&pool, &search("factcheck")).await?.claims.is_empty(),
        "the index's own tokens are not words"
    );
    // The search narrows the counts too.
    let page = list(&pool, &search("putin")).await?;
    assert_eq!(page.status_counts.sum(Status::RATINGS).0 as usize, page.claims.len());
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn the_search_index_follows_edits_and_publication(pool: SqlitePool) -> TestResult {
    let pool = Db::from(pool);
    let speaker = add_speaker(&pool, "Maria Lopez", &[]).await?;
    let private = add_intake_claim(&pool, speaker, "We will not be rushed", day(0), None, None).await?;
    let everything = |q: &str| ListQuery { statuses: Status::ALL.to_vec(), ..search(q) };
    assert!(list(&pool, &everything("rushed")).await?.claims.is_empty(), "intake is not indexed");
    publish_being_checked(&pool, private).await?;
    assert_eq!(list(&pool, &everything("rushed")).await?.claims.len(), 1, "published: indexed");
    assert!(list(&pool, &search("rushed")).await?.claims.is_empty(), "being checked is not a fact-check");
    rate(&pool, private, Status::False).await?;
    assert_eq!(list(&pool, &search("rushed")).await?.claims.len(), 1, "ruled: a fact-check");
    let claim = private;

    sqlx::query!("UPDATE claims SET text = 'A deal is close' WHERE id = ?", claim)
        .execute(pool.sqlite())
        .await?;
    assert!(list(&pool, &search("rushed")).await?.claims.is_empty(), "old words leave the index");
    assert_eq!(list(&pool, &search("deal")).await?.claims.len(), 1);

    sqlx::query!("INSERT INTO speaker_aliases (speaker_id, alias) VALUES (?, 'Minister Lopez')", speaker)
        .execute(pool.sqlite())
        .await?;
    assert_eq!(list(&pool, &search("minister")).await?.claims.len(), 1);

    sqlx::query!("UPDATE speakers SET name = 'María López-Ruiz' WHERE id = ?", speaker)
        .execute(pool.sqlite())
        .await?;
    assert_eq!(
        list(&pool, &search("ruiz")).await?.claims.len(),
        1,
        "renamed speakers are found by the new name"
    );
    assert_eq!(list(&pool, &search("lopez")).await?.claims.len(), 1, "diacritics are folded");

    let source = add_source(&pool, 1, "Budget talks stall", "Wire").await?;
    sqlx::query!("INSERT INTO appearances (claim_id, source_id) VALUES (?, ?)", claim, source)
        .execute(pool.sqlite())
        .await?;
    assert_eq!(list(&pool, &search("budget")).await?.claims.len(), 1);
    sqlx::query!("UPDATE sources SET title = 'Talks resume' WHERE id = ?", source)
        .execute(pool.sqlite())
        .await?;
    assert!(list(&pool, &search("budget")).await?.claims.is_empty());
    assert_eq!(list(&pool, &search("resume")).await?.claims.len(), 1);
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn a_first_ruling_tops_the_list_and_a_correction_keeps_its_place(pool: SqlitePool) -> TestResult {
    let pool = Db::from(pool);
    let speaker = add_speaker(&pool, "Pat Doe", &[]).await?;
    let early = add_intake_claim(&pool, speaker, "early words", day(0), None, None).await?;
    publish_being_checked(&pool, early).await?;
    add_claim(&pool, speaker, "later words", day(5), None, None).await?;
    rate(&pool, early, Status::Misleading).await?;
    assert_eq!(texts(&list(&pool, &ListQuery::default()).await?), vec!["early words", "later words"]);
    add_claim(&pool, speaker, "newest words", day(1), None, None).await?;
    rate(&pool, early, Status::False).await?;
    assert_eq!(
        texts(&list(&pool, &ListQuery::default()).await?),
        vec!["newest words", "early words", "later words"],
        "a correction does not move a fact-check"
    );
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn paging_neither_skips_nor_repeats_when_claims_are_published(pool: SqlitePool) -> TestResult {
    let pool = Db::from(pool);
    let speaker = add_speaker(&pool, "Pat Doe", &[]).await?;
    for n in 0..45 {
        add_claim(&pool, speaker, &format!("claim number {n}"), day(n / 3), None, None).await?;
    }
    let first = list(&pool, &ListQuery::default()).await?;
    assert_eq!(first.claims.len(), PAGE_SIZE);
    assert_eq!(first.claims[0].text, "claim number 44");
    let older = first.older.ok_or("a second page")?;

    // New fact-checks are published before the reader pages on.
    add_claim(&pool, speaker, "late news", day(20), None, None).await?;
    add_claim(&pool, speaker, "late old news", day(0), None, None).await?;

    let second = list(&pool, &ListQuery::default().with_page(Page::After(older))).await?;
    assert_eq!(second.claims.len(), PAGE_SIZE);
    assert_eq!(second.claims[0].text, "claim number 24", "continues right after the first page");
    let third =
        list(&pool, &ListQuery::default().with_page(Page::After(second.older.ok_or("third")?))).await?;
    assert_eq!(third.older, None, "the last page has no Older link");

    let mut seen: Vec<String> = Vec::new();
    for page in [&first, &second, &third] {
        seen.extend(texts(page));
    }
    let originals: Vec<&String> = seen.iter().filter(|t| t.starts_with("claim number")).collect();
    assert_eq!(originals.len(), 45, "every original claim exactly once");
    let unique: std::collections::HashSet<_> = originals.iter().collect();
    assert_eq!(unique.len(), 45);

    // Newer from the second page leads back to the first page's claims, and on to what arrived since.
    let back =
        list(&pool, &ListQuery::default().with_page(Page::Before(second.newer.ok_or("newer")?))).await?;
    assert_eq!(texts(&back), texts(&first));
    let top = list(&pool, &ListQuery::default().with_page(Page::Before(back.newer.ok_or("newest")?))).await?;
    assert_eq!(top.newer, None, "the first page has no Newer link");
    assert_eq!(top.claims[0].text, "late old news", "paging back to the top shows a full first page");
    assert_eq!(top.claims.len(), PAGE_SIZE);
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn paging_back_from_deep_pages_returns_the_page_before(pool: SqlitePool) -> TestResult {
    let pool = Db::from(pool);
    let speaker = add_speaker(&pool, "Pat Doe", &[]).await?;
    for n in 0..70 {
        add_claim(&pool, speaker, &format!("claim {n}"), day(n), None, None).await?;
    }
    let first = list(&pool, &ListQuery::default()).await?;
    let second = list(&pool, &ListQuery::default().with_page(Page::After(first.older.ok_or("2")?))).await?;
    let third = list(&pool, &ListQuery::default().with_page(Page::After(second.older.ok_or("3")?))).await?;
    let back =
        list(&pool, &ListQuery::default().with_page(Page::Before(third.newer.ok_or("newer")?))).await?;
    assert_eq!(texts(&back), texts(&second));
    assert_eq!(back.older, second.older);
    assert!(back.newer.is_some());
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn the_kept_counts_follow_publication_rulings_and_kind_changes(pool: SqlitePool) -> TestResult {
    let pool = Db::from(pool);
    demo::load_if_empty(&pool).await?;
    let speaker = add_speaker(&pool, "Counted Person", &[]).await?;
    let claim = add_intake_claim(&pool, speaker, "Counted words", day(3), None, None).await?;
    publish_being_checked(&pool, claim).await?;
    for status in [Status::False, Status::False, Status::True] {
        rate(&pool, claim, status).await?;
    }
    sqlx::query("UPDATE claims SET kind = 'numeric', quantity_value = 1, quantity_unit = 'x' WHERE id = ?")
        .bind(claim)
        .execute(pool.sqlite())
        .await?;
    let kept: Vec<(String, String, i64)> =
        sqlx::query_as("SELECT kind, status, n FROM claim_counts WHERE n > 0 ORDER BY kind, status")
            .fetch_all(pool.sqlite())
            .await?;
    let counted: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT kind, status, count(*) FROM claims WHERE status IS NOT NULL GROUP BY kind, status ORDER BY kind, status",
    )
    .fetch_all(pool.sqlite())
    .await?;
    assert_eq!(kept, counted);
    let numeric = ListQuery { kind: Some(ClaimKind::Numeric), ..ListQuery::default() };
    let page = list(&pool, &numeric).await?;
    assert_eq!(page.status_counts.sum(Status::RATINGS).0 as usize, page.claims.len());
    assert_eq!(
        page.status_counts.get(Status::True),
        counted.iter().filter(|(k, s, _)| k == "numeric" && s == "true").map(|r| r.2).sum::<i64>()
    );
    Ok(())
}

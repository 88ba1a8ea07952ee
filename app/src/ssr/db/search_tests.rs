//! Tests of search in list order (migrations 0005, 0006): paging through a search, status filters
//! and capped counts answered by the index, the index following rulings, and the per-speaker
//! counts the triggers keep.

use super::list;
use crate::model::{public_id, ClaimKind, ClaimListPage, ListQuery, Page, Status, COUNT_CAP, PAGE_SIZE};
use crate::ssr::db::testing::{add_claim, add_speaker, day, rate};
use crate::ssr::db::Db;
use sqlx::SqlitePool;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn search(q: &str) -> ListQuery {
    ListQuery { q: Some(q.into()), ..ListQuery::default() }
}

/// The internal ids of a page's claims, in order.
fn ids(page: &ClaimListPage) -> Vec<i64> {
    page.claims.iter().filter_map(|c| public_id::decode(&c.public_id)).collect()
}

/// Every page of `query`, following the Older links, as claim ids in the order shown.
async fn walk(pool: &Db, query: &ListQuery) -> Result<Vec<i64>, Box<dyn std::error::Error>> {
    let mut seen = Vec::new();
    let mut page = list(pool, query).await?;
    loop {
        seen.extend(ids(&page));
        match page.older {
            Some(cursor) => page = list(pool, &query.with_page(Page::After(cursor))).await?,
            None => return Ok(seen),
        }
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn a_search_pages_newest_first_like_the_list(pool: SqlitePool) -> TestResult {
    let pool = Db::from(pool);
    let speaker = add_speaker(&pool, "Pat Doe", &[]).await?;
    for n in 0..53 {
        add_claim(&pool, speaker, &format!("tariff claim {n}"), day((n * 37) % 19), None, None).await?;
    }
    let unrelated = add_claim(&pool, speaker, "unrelated words", day(5), None, None).await?;

    // The search shows exactly the list's claims that match, in the list's order.
    let everything = walk(&pool, &ListQuery::default()).await?;
    let expected: Vec<_> = everything.into_iter().filter(|id| *id != unrelated).collect();
    let searched = walk(&pool, &search("tariff")).await?;
    assert_eq!(searched, expected);
    let mut sorted = searched.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(searched, sorted, "newest published first");

    // Paging back from the third page gives the second page again.
    let first = list(&pool, &search("tariff")).await?;
    let second = list(&pool, &search("tariff").with_page(Page::After(first.older.ok_or("2")?))).await?;
    let third = list(&pool, &search("tariff").with_page(Page::After(second.older.ok_or("3")?))).await?;
    assert_eq!(third.claims.len(), 53 - 2 * PAGE_SIZE);
    let back = list(&pool, &search("tariff").with_page(Page::Before(third.newer.ok_or("newer")?))).await?;
    assert_eq!(ids(&back), ids(&second));
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn the_index_follows_rulings(pool: SqlitePool) -> TestResult {
    let pool = Db::from(pool);
    let speaker = add_speaker(&pool, "Pat Doe", &[]).await?;
    let old = add_claim(&pool, speaker, "harbour levy", day(1), None, None).await?;
    let new = add_claim(&pool, speaker, "harbour fees", day(2), None, None).await?;
    assert_eq!(ids(&list(&pool, &search("harbour")).await?), vec![new, old]);

    rate(&pool, old, Status::False).await?;
    assert_eq!(ids(&list(&pool, &search("harbour")).await?), vec![new, old], "a correction keeps the place");
    let false_only = ListQuery { statuses: vec![Status::False], ..search("harbour") };
    assert_eq!(ids(&list(&pool, &false_only).await?), vec![old]);
    let page = list(&pool, &search("harbour")).await?;
    assert_eq!((page.status_counts.get(Status::False), page.status_counts.get(Status::True)), (1, 1));

    rate(&pool, old, Status::MostlyTrue).await?;
    assert!(list(&pool, &false_only).await?.claims.is_empty(), "the old status leaves the index");
    let two_words = ListQuery { statuses: vec![Status::MostlyTrue], ..search("harbour") };
    assert_eq!(ids(&list(&pool, &two_words).await?), vec![old], "mostly_true is one token");
    // A search for the status's words finds nothing: they are not the claim's words.
    assert!(list(&pool, &search("mostlytrue")).await?.claims.is_empty());
    assert!(list(&pool, &search("false")).await?.claims.is_empty());

    // Filters the index does not hold are checked on the claims.
    let numeric = ListQuery { kind: Some(ClaimKind::Numeric), ..search("harbour") };
    assert!(list(&pool, &numeric).await?.claims.is_empty());
    let by_pat = ListQuery { speaker: Some("pat-doe".into()), ..search("harbour levy") };
    assert_eq!(ids(&list(&pool, &by_pat).await?), vec![old]);
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn a_searchs_counts_stop_at_the_cap_and_say_so(pool: SqlitePool) -> TestResult {
    let pool = Db::from(pool);
    let speaker = add_speaker(&pool, "Pat Doe", &[]).await?;
    // Straight into the table: a thousand claims through add_claim would be slow for a unit test.
    sqlx::query(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) \
         INSERT INTO claims (kind, text, speaker_id, said_on, created_at, stage, status, list_seq) \
         SELECT 'quote', 'common word ' || i, ?, '2024-01-01', '2024-01-01T00:00:00Z', 'published', 'true', i FROM n",
    )
    .bind(COUNT_CAP + 5)
    .bind(speaker)
    .execute(pool.sqlite())
    .await?;
    add_claim(&pool, speaker, "rare word", day(0), None, None).await?;

    let common = list(&pool, &search("common")).await?;
    assert_eq!(common.status_counts.get(Status::True), COUNT_CAP);
    assert!(common.status_counts.is_lower_bound(Status::True));
    assert_eq!(common.status_counts.total(), (COUNT_CAP, true));
    assert_eq!(common.claims.len(), PAGE_SIZE);

    let rare = list(&pool, &search("rare")).await?;
    assert_eq!(rare.status_counts.total(), (1, false));
    // Without a search the counts are exact, however many.
    assert_eq!(list(&pool, &ListQuery::default()).await?.status_counts.total(), (COUNT_CAP + 6, false));
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn the_kept_speaker_counts_follow_inserts_verdicts_and_merges(pool: SqlitePool) -> TestResult {
    let pool = Db::from(pool);
    let ann = add_speaker(&pool, "Ann Lee", &[]).await?;
    let bob = add_speaker(&pool, "Bob Roe", &[]).await?;
    let mut claims = Vec::new();
    for n in 0..6 {
        claims.push(
            add_claim(&pool, if n < 4 { ann } else { bob }, &format!("words {n}"), day(n), None, None)
                .await?,
        );
    }
    rate(&pool, claims[0], Status::False).await?;
    rate(&pool, claims[0], Status::True).await?;
    rate(&pool, claims[4], Status::Misleading).await?;
    sqlx::query("UPDATE claims SET speaker_id = ? WHERE speaker_id = ?")
        .bind(ann)
        .bind(bob)
        .execute(pool.sqlite())
        .await?;

    let kept: Vec<(i64, String, i64)> =
        sqlx::query_as("SELECT speaker_id, status, n FROM speaker_claim_counts WHERE n > 0 ORDER BY 1, 2")
            .fetch_all(pool.sqlite())
            .await?;
    let counted: Vec<(i64, String, i64)> =
        sqlx::query_as("SELECT speaker_id, status, count(*) FROM claims WHERE status IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2")
            .fetch_all(pool.sqlite())
            .await?;
    assert_eq!(kept, counted);
    let anns = list(&pool, &ListQuery { speaker: Some("ann-lee".into()), ..ListQuery::default() }).await?;
    assert_eq!(anns.status_counts.total(), (6, false));
    assert_eq!(anns.status_counts.get(Status::Misleading), 1);
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn a_prefix_finds_every_word_it_begins_however_many_there_are(pool: SqlitePool) -> TestResult {
    let pool = Db::from(pool);
    let speaker = add_speaker(&pool, "María López", &[]).await?;
    // More words beginning with "zet" than are looked up one by one: FTS5's prefix query takes over.
    for n in 0..20 {
        add_claim(&pool, speaker, &format!("zet{n}word and missiles"), day(n), None, None).await?;
    }
    add_claim(&pool, speaker, "one missile", day(30), None, None).await?;
    assert_eq!(walk(&pool, &search("zet")).await?.len(), 20);
    assert_eq!(walk(&pool, &search("zet1")).await?.len(), 11, "zet1, zet10 … zet19");
    assert_eq!(walk(&pool, &search("missile")).await?.len(), 21, "missile and missiles");
    assert_eq!(walk(&pool, &search("missiles zet3")).await?.len(), 1);
    assert!(walk(&pool, &search("missilez")).await?.is_empty());
    // Accented terms are folded by the index, as the text was.
    assert_eq!(walk(&pool, &search("lópez missile")).await?.len(), 21);
    assert_eq!(walk(&pool, &search("maria")).await?.len(), 21);
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn every_filter_of_a_search_is_answered_by_the_index_and_follows_changes(
    pool: SqlitePool,
) -> TestResult {
    let pool = Db::from(pool);
    use crate::ssr::db::testing::add_source;
    let pat = add_speaker(&pool, "Pat Doe", &[]).await?;
    let kim = add_speaker(&pool, "Kim Roe", &[]).await?;
    let wire = add_source(&pool, 1, "Wire story", "Wire").await?;
    let pats = add_claim(&pool, pat, "budget talks", day(1), None, Some(wire)).await?;
    let kims = add_claim(&pool, kim, "budget cuts", day(2), None, None).await?;
    let ids = |page: ClaimListPage| ids(&page);
    let budget = |f: fn(ListQuery) -> ListQuery| f(search("budget"));

    assert_eq!(
        ids(list(&pool, &budget(|q| ListQuery { speaker: Some("kim-roe".into()), ..q })).await?),
        vec![kims]
    );
    assert!(list(&pool, &budget(|q| ListQuery { speaker: Some("nobody".into()), ..q }))
        .await?
        .claims
        .is_empty());
    let in_wire = ListQuery { source: Some(crate::model::public_id::encode(wire)), ..search("budget") };
    assert_eq!(ids(list(&pool, &in_wire).await?), vec![pats]);
    let numeric = budget(|q| ListQuery { kind: Some(ClaimKind::Numeric), ..q });
    assert!(list(&pool, &numeric).await?.claims.is_empty());

    // A change of kind, a new appearance and a merge of speakers move the claim between filters.
    sqlx::query("UPDATE claims SET kind = 'numeric', quantity_value = 3, quantity_unit = 'x' WHERE id = ?")
        .bind(kims)
        .execute(pool.sqlite())
        .await?;
    let page = list(&pool, &numeric).await?;
    assert_eq!(ids(page.clone()), vec![kims]);
    assert_eq!(page.status_counts.total(), (1, false), "the counts take the filters too");
    sqlx::query("INSERT INTO appearances (claim_id, source_id) VALUES (?, ?)")
        .bind(kims)
        .bind(wire)
        .execute(pool.sqlite())
        .await?;
    assert_eq!(ids(list(&pool, &in_wire).await?), vec![kims, pats]);
    sqlx::query("UPDATE claims SET speaker_id = ? WHERE id = ?")
        .bind(pat)
        .bind(kims)
        .execute(pool.sqlite())
        .await?;
    assert_eq!(
        ids(list(&pool, &budget(|q| ListQuery { speaker: Some("pat-doe".into()), ..q })).await?),
        vec![kims, pats]
    );
    assert!(list(&pool, &budget(|q| ListQuery { speaker: Some("kim-roe".into()), ..q }))
        .await?
        .claims
        .is_empty());
    // Filter words typed into the search are only words: "numeric" is not a kind there.
    assert!(list(&pool, &search("numeric")).await?.claims.is_empty());
    assert!(list(&pool, &search("speaker1")).await?.claims.is_empty());
    Ok(())
}

/// The default list of a search (every fact-check) is filtered on the claims' own status rather
/// than by the index's `factcheck` token: claims being checked stay out of it, in order, across
/// pages, and appear under their own filter; a ruling moves a claim from one to the other.
#[sqlx::test(migrations = "../migrations")]
async fn a_search_lists_fact_checks_apart_from_claims_being_checked(pool: SqlitePool) -> TestResult {
    let pool = Db::from(pool);
    use super::super::testing::{add_intake_claim, publish_being_checked};
    let speaker = add_speaker(&pool, "Pat Doe", &[]).await?;
    let (mut checked, mut being_checked) = (Vec::new(), Vec::new());
    for n in 0..40 {
        let text = format!("ferry subsidy claim {n}");
        if n % 3 == 0 {
            let id = add_intake_claim(&pool, speaker, &text, day(n % 17), None, None).await?;
            publish_being_checked(&pool, id).await?;
            being_checked.push(id);
        } else {
            checked.push(add_claim(&pool, speaker, &text, day(n % 17), None, None).await?);
        }
    }
    let in_list_order = |ids: &[i64], listed: &[i64]| {
        listed.iter().copied().filter(|id| ids.contains(id)).collect::<Vec<_>>()
    };
    let everything = walk(&pool, &ListQuery::default()).await?;
    let fact_checks = walk(&pool, &search("ferry")).await?;
    assert_eq!(fact_checks, in_list_order(&checked, &everything), "every fact-check, none being checked");
    let only_being_checked = ListQuery { statuses: vec![Status::BeingChecked], ..search("ferry") };
    let all_being_checked = ListQuery { statuses: vec![Status::BeingChecked], ..ListQuery::default() };
    let listed = walk(&pool, &all_being_checked).await?;
    assert_eq!(walk(&pool, &only_being_checked).await?, in_list_order(&being_checked, &listed));

    rate(&pool, being_checked[0], Status::False).await?;
    assert!(walk(&pool, &search("ferry")).await?.contains(&being_checked[0]), "ruled: now a fact-check");
    assert!(!walk(&pool, &only_being_checked).await?.contains(&being_checked[0]));
    Ok(())
}

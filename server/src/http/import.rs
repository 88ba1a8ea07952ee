//! `POST /import`: the two steps of importing an article. `step=review` runs the extractor and
//! shows the page again as a review form filled with the candidates; `step=add` adds the ticked
//! ones in one transaction and redirects to the source, where they are shown in the text.
//! An address given without text (or with the "Fetch" button) is fetched first: the page's main
//! text and metadata fill the form, and the review follows as for pasted text.

use super::extract::{Editor, Posted, Untyped};
use crate::fetch::Fetcher;
use app::model::forms::source::SourceForm;
use app::model::import::{field, normalise_article, parse_review, LOW_CONFIDENCE, MAX_CANDIDATES};
use app::model::{CurrentUser, FormState, Quantity};
use app::ssr::{editing::import, extract, AppState};
use app::AppError;
use axum::extract::{Extension, State};
use axum::http::StatusCode;
use axum::response::Response;

type Answer = Result<Response, AppError>;

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

pub async fn submit(
    State(state): State<AppState>,
    Extension(fetcher): Extension<Fetcher>,
    Editor(user): Editor,
    mut posted: Posted<Untyped>,
) -> Answer {
    if posted.form.text("step") == "add" {
        return add(state, posted, user).await;
    }
    if wants_fetch(&posted.form) {
        if let Err(message) = fill_from_address(&fetcher, &mut posted.form).await {
            return Ok(posted
                .again(&state, vec![("url".into(), message)], StatusCode::UNPROCESSABLE_ENTITY)
                .await);
        }
    }
    review(state, posted).await
}

/// The "Fetch" button, or an address with no text pasted.
fn wants_fetch(form: &FormState) -> bool {
    let typed = |name: &str| !form.text(name).trim().is_empty();
    form.value("fetch") == Some("1") || (typed("url") && !typed("text") && !typed("source_id"))
}

/// Fills the form from the page at the typed address: the text and the canonical address always
/// (the page's own), the title, outlet, author and date only where the editor left them empty.
async fn fill_from_address(fetcher: &Fetcher, form: &mut FormState) -> Result<(), String> {
    let fetched = fetcher.fetch_article(&form.text("url")).await;
    let (from, found) = fetched.map_err(|e| format!("{}.", capitalise(&e.to_string())))?;
    if found.text.is_empty() {
        return Err("No article text was found at that address; paste the text instead.".into());
    }
    let mut set = |name: &str, value: String| {
        form.values.retain(|(n, _)| n != name);
        form.values.push((name.to_owned(), value));
    };
    set("text", found.text);
    set("url", found.url);
    set("fetched", from.to_string());
    let date = found.published_on.map(|d| d.to_string()).unwrap_or_default();
    for (name, value) in
        [("title", found.title), ("outlet", found.outlet), ("author", found.author), ("published_on", date)]
    {
        if form.text(name).trim().is_empty() && !value.is_empty() {
            form.values.retain(|(n, _)| n != name);
            form.values.push((name.to_owned(), value));
        }
    }
    Ok(())
}

/// The source fields and text as typed, checked; then the review form filled from the extractor.
async fn review(state: AppState, mut sub: Posted<Untyped>) -> Answer {
    let text = normalise_article(sub.form.value("text").unwrap_or_default());
    let mut problems = Vec::new();
    // A source picked from the list: its details stand in for the typed ones.
    let picked = sub.form.text("source_id");
    if !picked.is_empty() {
        match import::existing_source(&state.db, &picked).await {
            Ok(Some(source)) => {
                sub.form.values.retain(|(n, _)| !["url", "title", "outlet"].contains(&n.as_str()));
                sub.form.values.push(("url".into(), source.url));
                sub.form.values.push(("title".into(), source.title));
                sub.form.values.push(("outlet".into(), source.outlet));
                if let Some(date) = source.published_on.filter(|_| sub.form.text("published_on").is_empty()) {
                    sub.form.values.retain(|(n, _)| n != "published_on");
                    sub.form.values.push(("published_on".into(), date.to_string()));
                }
            }
            Ok(None) => problems.push((
                "source_id".to_owned(),
                "That source does not exist; pick another or a new one.".to_owned(),
            )),
            Err(error) => return Err(error),
        }
    }
    if let Err(e) = extract::check(&text) {
        problems.push(("text".to_owned(), format!("{}.", capitalise(&e.to_string()))));
    }
    let source_form = SourceForm { body: String::new(), ..sub.form.decode::<SourceForm>() };
    if let Err(p) = source_form.parse(today()) {
        problems.extend(p);
    }
    if sub.form.text("published_on").is_empty() && !problems.iter().any(|(f, _)| f == "published_on") {
        problems.push((
            "published_on".into(),
            "Give the article's date: imported claims are dated by it.".into(),
        ));
    }
    if !problems.is_empty() {
        return Ok(sub.again(&state, problems, StatusCode::UNPROCESSABLE_ENTITY).await);
    }
    let mut found = match extract::extract(&text) {
        Ok(found) => found,
        Err(e) => {
            let problems = vec![("text".into(), e.to_string())];
            return Ok(sub.again(&state, problems, StatusCode::UNPROCESSABLE_ENTITY).await);
        }
    };
    let mut values: Vec<(String, String)> = ["url", "title", "outlet", "author", "published_on", "fetched"]
        .iter()
        .map(|n| ((*n).to_owned(), sub.form.text(n)))
        .collect();
    if found.len() > MAX_CANDIDATES {
        values.push((
            "notice".into(),
            format!("Only the first {MAX_CANDIDATES} of {} candidates are shown.", found.len()),
        ));
        found.truncate(MAX_CANDIDATES);
    }
    let names: Vec<String> = found.iter().filter_map(|c| c.speaker.clone()).collect();
    let known = import::known_speakers(&state.db, &names).await?;
    values.push(("step".into(), "review".into()));
    values.push(("text".into(), text));
    values.push(("candidates".into(), found.len().to_string()));
    for (i, c) in found.iter().enumerate() {
        let existing = c.speaker.as_ref().and_then(|s| known.get(s).cloned());
        let speaker = existing.clone().or_else(|| c.speaker.clone()).unwrap_or_default();
        // A candidate starts ticked when it has a speaker and the extractor is fairly sure of it.
        if !speaker.is_empty() && c.confidence >= LOW_CONFIDENCE {
            values.push(("pick".into(), i.to_string()));
        }
        let mut push = |name: &str, value: String| values.push((field(i, name), value));
        push("kind", c.kind.as_str().to_owned());
        push("text", c.text.clone());
        push("speaker", speaker);
        push("known", existing.unwrap_or_default());
        push("start", c.span.0.to_string());
        push("end", c.span.1.to_string());
        push("confidence", format!("{:.2}", c.confidence));
        // A figure inside a quotation is shown inside that quote's box: which candidate it is.
        let holder = c
            .in_quote
            .and_then(|span| found.iter().position(|q| q.kind == extract::Kind::Quote && q.span == span));
        if let Some(quote) = holder {
            push("in", quote.to_string());
        }
        if let Some(q) = c.quantity.clone() {
            quantity_fields(&Quantity::from(q), &mut push);
        }
    }
    sub.form = FormState::new(values);
    Ok(sub.again(&state, Vec::new(), StatusCode::OK).await)
}

fn quantity_fields(q: &Quantity, push: &mut impl FnMut(&str, String)) {
    let number = |v: f64| if v.fract() == 0.0 && v.abs() < 1e15 { format!("{v:.0}") } else { v.to_string() };
    push("quantity_value", number(q.value));
    push("quantity_unit", q.unit.clone());
    push("quantity_of", q.of.map(number).unwrap_or_default());
    push("quantity_change", q.change.map(|c| c.as_str().to_owned()).unwrap_or_default());
    push("quantity_qualifier", q.qualifier.map(|q| q.as_str().to_owned()).unwrap_or_default());
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Adds the ticked candidates (to intake, or published as being checked when the editor chose
/// so) and goes to the desk, or to the source's page when they were published.
async fn add(state: AppState, posted: Posted<Untyped>, user: CurrentUser) -> Answer {
    let parsed = parse_review(&posted.form, today());
    let publish = posted.form.value("publish") == Some("1");
    let db = state.db.clone();
    // Carried from the review: the address the text was fetched from, if it was.
    let fetched_from = Some(posted.form.text("fetched")).filter(|f| f.starts_with("http") && f.len() <= 2048);
    posted
        .answer(&state, parsed, |(source, accepted)| async move {
            let r =
                import::accept(&db, user.id, &source, &accepted, publish, fetched_from.as_deref()).await?;
            let counts = format!("added={}&linked={}&already={}", r.added, r.linked, r.already);
            Ok(if publish {
                format!("/sources/{}?{counts}#text", r.source_public_id)
            } else {
                format!("/desk?source={}&{counts}#intake", r.source_public_id)
            })
        })
        .await
}

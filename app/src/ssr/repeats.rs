//! The repeats matcher: for a claim an editor is about to add, the existing claims that say the
//! same thing, by any speaker — so the new occurrence becomes a repetition of a claim already
//! checked instead of a duplicate.
//!
//! Finding: each of the new claim's words is looked up in the search index, at most
//! [`WORD_CAP`] matches each, so a word's rarity is known and only rare words bring candidates
//! (a word in half the archive would bring half the archive); numeric claims also bring the
//! claims stating the same figure; claims still in intake (not indexed) are read as well. Then
//! every candidate is scored by `model::repeats::score` and the best few above the threshold are
//! offered.

use crate::model::repeats::{
    index_forms, lookup_words, read, same_figure, score_read, Known, Probe, Reading, Suggestion, Weights,
    MAX_PROBES, SUGGEST_FROM,
};
use crate::ssr::db::Db;
use crate::ssr::db::{self, repeats::KnownRow};
use crate::AppError;
use std::collections::HashMap;

/// Matches read per word; a word with this many or more is common, and brings no candidates by
/// itself (only with the others, through [`ALL_OF`]).
pub const WORD_CAP: usize = 300;
/// Candidates having every one of the probe's rarest words: this many words (or, when they are
/// common, [`ALL_OF_MORE`])…
const ALL_OF: usize = 4;
const ALL_OF_MORE: usize = 6;
/// …and at most this many claims.
const FROM_ALL_OF: i64 = 20;
/// Candidates scored from the words' matches, the likeliest first.
const FROM_WORDS: usize = 40;
/// Candidates stating the same figure, scored.
const FROM_FIGURE: i64 = 100;
/// The newest claims in intake scored against every probe.
const FROM_INTAKE: i64 = 1000;
/// Suggestions offered per claim.
pub const OFFERED: usize = 3;

/// The suggestions for each probe, in order. Probes past [`MAX_PROBES`] get none, and a probe's
/// text is read only up to the longest a claim may be.
pub async fn suggest_each(db: &Db, probes: &[Probe]) -> Result<Vec<Vec<Suggestion>>, AppError> {
    let matcher = Matcher::new(db).await?;
    let mut all = Vec::with_capacity(probes.len());
    for (n, probe) in probes.iter().enumerate() {
        if n >= MAX_PROBES || probe.text.len() > crate::model::forms::claim::TEXT_MAX * 4 {
            all.push(Vec::new());
            continue;
        }
        all.push(matcher.suggest(probe).await?);
    }
    Ok(all)
}

/// Finds repeats for one claim or many (an import's candidates), reading the intake once.
pub struct Matcher<'a> {
    db: &'a Db,
    archive: usize,
    /// The intake's newest claims, read once.
    intake: Vec<(i64, Known, Reading)>,
}

/// A claim row as the scorer takes it, read.
fn prepared(row: KnownRow) -> (i64, Known, Reading) {
    let quantity = row.quantity();
    let reading = read(&row.text);
    (row.id, Known { kind: row.kind, text: row.text, quantity, said_on: Some(row.said_on) }, reading)
}

impl<'a> Matcher<'a> {
    pub async fn new(db: &'a Db) -> Result<Self, AppError> {
        let archive = db::repeats::archive_size(db).await?;
        let intake = db::repeats::in_intake(db, FROM_INTAKE).await?.into_iter().map(prepared).collect();
        Ok(Matcher { db, archive, intake })
    }

    /// The existing claims that say what `probe` says, best first, at most [`OFFERED`].
    pub async fn suggest(&self, probe: &Probe) -> Result<Vec<Suggestion>, AppError> {
        let scored = self.scored(probe).await?;
        let ids: Vec<i64> = scored.iter().map(|(id, _, _)| *id).collect();
        let mut summaries: HashMap<String, crate::model::ClaimSummary> = db::claims::summaries(self.db, &ids)
            .await?
            .into_iter()
            .map(|c| (c.public_id.clone(), c))
            .collect();
        Ok(scored
            .into_iter()
            .filter_map(|(id, score, same_figure)| {
                let claim = summaries.remove(&crate::model::public_id::encode(id))?;
                Some(Suggestion { claim, score, same_figure })
            })
            .collect())
    }

    /// `(claim id, score, same figure)` of the best candidates above the threshold.
    async fn scored(&self, probe: &Probe) -> Result<Vec<(i64, f64, bool)>, AppError> {
        self.ranked(probe, SUGGEST_FROM).await
    }

    /// `(claim id, score, same figure)` of the best candidates scoring `from` or more, best first,
    /// at most [`OFFERED`] (the measurement of the matcher reads them below the threshold too).
    pub async fn ranked(&self, probe: &Probe, from: f64) -> Result<Vec<(i64, f64, bool)>, AppError> {
        let reading = read(&probe.text);
        let (weights, fetched) = self.candidates(probe, &reading).await?;
        let fetched: Vec<(i64, Known, Reading)> = fetched.into_iter().map(prepared).collect();
        let mut scored: Vec<(i64, f64, bool)> = fetched
            .iter()
            .chain(&self.intake)
            .map(|(id, known, known_reading)| {
                let same = same_figure(probe.quantity.as_ref(), known.quantity.as_ref());
                (*id, score_read(probe, &reading, &weights, known, known_reading), same)
            })
            .filter(|(_, s, _)| *s >= from)
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
        scored.dedup_by_key(|(id, _, _)| *id);
        scored.truncate(OFFERED);
        Ok(scored)
    }

    /// Claims having every one of the [`ALL_OF`] rarest words (`rarest` is rarest first); when
    /// that finds as many as asked (the words are common: many claims have them all), every one
    /// of the [`ALL_OF_MORE`] rarest, which only a claim said again nearly word for word has.
    async fn having_all(&self, rarest: &[Vec<String>]) -> Result<Vec<i64>, AppError> {
        if rarest.len() < 2 {
            return Ok(Vec::new());
        }
        let few = &rarest[..rarest.len().min(ALL_OF)];
        let found = db::repeats::claims_with_all_words(self.db, few, FROM_ALL_OF).await?;
        if found.len() < FROM_ALL_OF as usize || rarest.len() <= ALL_OF {
            return Ok(found);
        }
        let more = &rarest[..rarest.len().min(ALL_OF_MORE)];
        db::repeats::claims_with_all_words(self.db, more, FROM_ALL_OF).await
    }

    /// The words' weights, and the published claims worth scoring (the intake is scored too).
    async fn candidates(
        &self,
        probe: &Probe,
        reading: &Reading,
    ) -> Result<(Weights, Vec<KnownRow>), AppError> {
        let lookups = lookup_words(reading);
        let forms: Vec<Vec<String>> = lookups.iter().map(|(w, x)| index_forms(w, x)).collect();
        let matches = db::repeats::claims_with_words(self.db, &forms, WORD_CAP).await?;
        let counts: Vec<(String, usize)> =
            lookups.iter().zip(&matches).map(|((w, _), keys)| (w.clone(), keys.len())).collect();
        let weights = Weights::from_counts(&counts, self.archive);
        let mut likeliest: HashMap<i64, f64> = HashMap::new();
        for ((word, _), keys) in lookups.iter().zip(&matches) {
            if keys.len() < WORD_CAP {
                for key in keys {
                    *likeliest.entry(*key).or_default() += weights.of(word);
                }
            }
        }
        let mut keys: Vec<(i64, f64)> = likeliest.into_iter().collect();
        keys.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
        let mut keys: Vec<i64> = keys.into_iter().take(FROM_WORDS).map(|(k, _)| k).collect();
        // The rarest few words together: what a claim said again nearly word for word has.
        let mut rarest: Vec<(usize, &Vec<String>)> = matches.iter().map(Vec::len).zip(&forms).collect();
        rarest.sort_by_key(|(count, _)| *count);
        let rarest: Vec<Vec<String>> = rarest.into_iter().map(|(_, f)| f.clone()).collect();
        keys.extend(self.having_all(&rarest).await?);
        let mut rows = db::repeats::published_at(self.db, &keys).await?;
        if let Some(q) = &probe.quantity {
            rows.extend(db::repeats::stating_figure(self.db, q.value, FROM_FIGURE).await?);
        }
        Ok((weights, rows))
    }
}

//! The desk's forms: assigning, notes, discarding, signing off, the intake's bulk actions,
//! retracting and reinstating.

use super::{line, text_block, Problems};
use crate::model::{public_id, BulkAction, Decision};
use serde::Deserialize;

pub const NOTE_MAX: usize = 20_000;
pub const REASON_MAX: usize = 500;
pub const REVIEW_NOTE_MAX: usize = 2000;
/// Claims one bulk action may change.
pub const BULK_MAX: usize = 200;

/// Assigning a claim: to an editor (by username) or to nobody (""). `seen` is the assignee the
/// editor saw, so that taking a claim someone else took meanwhile is a conflict, not a theft.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct AssignForm {
    pub assignee: String,
    pub seen: String,
}

/// Who to assign to (`None`: nobody), and who the editor saw assigned.
#[derive(Clone, Debug, PartialEq)]
pub struct AssignInput {
    pub assignee: Option<String>,
    pub seen: Option<String>,
}

impl AssignForm {
    pub fn parse(&self) -> Result<AssignInput, Problems> {
        let mut problems = Problems::new();
        let assignee = line(&self.assignee, "assignee", "editor's username", 64, false, &mut problems);
        let seen = self.seen.trim();
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(AssignInput {
            assignee: (!assignee.is_empty()).then_some(assignee),
            seen: (!seen.is_empty()).then(|| seen.chars().take(64).collect()),
        })
    }
}

/// A research note.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct NoteForm {
    pub body: String,
}

impl NoteForm {
    pub fn parse(&self) -> Result<String, Problems> {
        let mut problems = Problems::new();
        let body = text_block(&self.body, "body", NOTE_MAX, Some("Write the note."), &mut problems);
        if problems.is_empty() {
            Ok(body)
        } else {
            Err(problems)
        }
    }
}

/// A reason: for discarding, retracting or reinstating a claim.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ReasonForm {
    pub reason: String,
}

impl ReasonForm {
    /// The reason, required; `what` says what it is for ("why it is discarded").
    pub fn parse(&self, what: &str) -> Result<String, Problems> {
        let mut problems = Problems::new();
        let missing = format!("Say {what}.");
        let reason = text_block(&self.reason, "reason", REASON_MAX, Some(&missing), &mut problems);
        if problems.is_empty() {
            Ok(reason)
        } else {
            Err(problems)
        }
    }
}

/// A reviewer's answer to a proposed ruling.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ReviewForm {
    /// The ruling reviewed (its id), so that an answer never lands on a newer proposal.
    pub ruling: String,
    pub decision: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReviewInput {
    pub ruling_id: i64,
    pub decision: Decision,
    pub note: Option<String>,
}

impl ReviewForm {
    pub fn parse(&self) -> Result<ReviewInput, Problems> {
        let mut problems = Problems::new();
        let ruling_id = self.ruling.trim().parse::<i64>().ok();
        if ruling_id.is_none() {
            problems
                .push(("".into(), "The form does not say which ruling it answers. Reload the page.".into()));
        }
        let decision = Decision::parse(self.decision.trim());
        if decision.is_none() {
            problems.push(("decision".into(), "Choose Approve or Send back.".into()));
        }
        let missing = (decision == Some(Decision::SendBack))
            .then_some("Say what should change: the author reads it when the ruling comes back.");
        let note = text_block(&self.note, "note", REVIEW_NOTE_MAX, missing, &mut problems);
        match (ruling_id, decision, problems.is_empty()) {
            (Some(ruling_id), Some(decision), true) => {
                Ok(ReviewInput { ruling_id, decision, note: (!note.is_empty()).then_some(note) })
            }
            _ => Err(problems),
        }
    }
}

/// The intake list's one form: the ticked claims and what to do with them.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct BulkForm {
    pub action: String,
    pub claim: Vec<String>,
    pub assignee: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BulkInput {
    pub action: BulkAction,
    /// Internal claim ids.
    pub claims: Vec<i64>,
    pub assignee: Option<String>,
    pub reason: Option<String>,
}

impl BulkForm {
    pub fn parse(&self) -> Result<BulkInput, Problems> {
        let mut problems = Problems::new();
        let action = BulkAction::parse(self.action.trim());
        if action.is_none() {
            problems.push((
                "action".into(),
                "Choose what to do: assign, publish as being checked, or discard.".into(),
            ));
        }
        let claims: Vec<i64> = self.claim.iter().filter_map(|c| public_id::decode(c.trim())).collect();
        if claims.is_empty() {
            problems.push(("claim".into(), "Tick at least one claim.".into()));
        } else if claims.len() > BULK_MAX {
            problems.push(("claim".into(), format!("Tick at most {BULK_MAX} claims at once.")));
        }
        let assignee = line(&self.assignee, "assignee", "editor", 64, false, &mut problems);
        if action == Some(BulkAction::Assign) && assignee.is_empty() {
            problems.push(("assignee".into(), "Choose the editor to assign them to.".into()));
        }
        let missing = (action == Some(BulkAction::Discard)).then_some("Say why they are discarded.");
        let reason = text_block(&self.reason, "reason", REASON_MAX, missing, &mut problems);
        match (action, problems.is_empty()) {
            (Some(action), true) => Ok(BulkInput {
                action,
                claims,
                assignee: (!assignee.is_empty()).then_some(assignee),
                reason: (!reason.is_empty()).then_some(reason),
            }),
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_send_back_needs_a_note_and_an_approval_does_not() {
        let form = ReviewForm { ruling: "3".into(), decision: "send_back".into(), note: " ".into() };
        assert_eq!(form.parse().unwrap_err()[0].0, "note");
        let approve = ReviewForm { decision: "approve".into(), ..form }.parse().unwrap();
        assert_eq!(approve, ReviewInput { ruling_id: 3, decision: Decision::Approve, note: None });
    }

    #[test]
    fn bulk_actions_say_what_they_miss() {
        let one = public_id::encode(1);
        let assign = BulkForm { action: "assign".into(), claim: vec![one.clone()], ..BulkForm::default() };
        assert_eq!(assign.parse().unwrap_err()[0].0, "assignee");
        let discard = BulkForm { action: "discard".into(), claim: vec![one.clone()], ..BulkForm::default() };
        assert_eq!(discard.parse().unwrap_err()[0].0, "reason");
        let none = BulkForm { action: "publish".into(), claim: vec!["bogus".into()], ..BulkForm::default() };
        assert_eq!(none.parse().unwrap_err()[0].0, "claim");
        let publish = BulkForm { action: "publish".into(), claim: vec![one], ..BulkForm::default() };
        assert_eq!(publish.parse().unwrap().claims, vec![1]);
    }

    #[test]
    fn notes_and_reasons_are_required_and_bounded() {
        assert!(NoteForm { body: "  ".into() }.parse().is_err());
        assert!(NoteForm { body: "x".repeat(NOTE_MAX + 1) }.parse().is_err());
        assert_eq!(
            NoteForm { body: " Called the ministry.\r\n ".into() }.parse().unwrap(),
            "Called the ministry."
        );
        let reason = ReasonForm { reason: String::new() }.parse("why it is discarded").unwrap_err();
        assert_eq!(reason[0].1, "Say why it is discarded.");
    }
}

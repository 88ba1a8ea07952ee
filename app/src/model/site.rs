//! Who publishes this claimtrack, and where: for absolute links and structured data.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteInfo {
    /// The public base URL, without a trailing slash.
    pub url: String,
    /// The publishing organisation, named as the author of reviews.
    pub org_name: String,
}

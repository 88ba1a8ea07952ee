//! The resolver the HTTP client uses: each name looked up once, every address it gives checked,
//! and only the addresses that pass handed to the client, which connects to one of them. There is
//! no second lookup whose answer could differ from the one checked (DNS rebinding).

use super::{FetchError, Reach};
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use std::net::SocketAddr;
use std::sync::Arc;
use url::Url;

pub struct Checked(pub Arc<Reach>);

/// A name refused, carried through the client's error to [`explain`].
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct Refusal(String, FetchError);

impl Resolve for Checked {
    fn resolve(&self, name: Name) -> Resolving {
        let reach = self.0.clone();
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let found: Vec<SocketAddr> = match tokio::net::lookup_host((host.as_str(), 0)).await {
                Ok(addrs) => addrs.collect(),
                Err(_) => Vec::new(),
            };
            if found.is_empty() {
                let error = FetchError::NoSuchHost(host.clone());
                return Err(Box::new(Refusal(host, error)) as Box<dyn std::error::Error + Send + Sync>);
            }
            let allowed: Vec<SocketAddr> =
                found.iter().copied().filter(|a| reach.refuses(a.ip()).is_none()).collect();
            if allowed.is_empty() {
                // Every address is refused: name the first, with its class.
                let ip = found[0].ip();
                let class = reach.refuses(ip).unwrap_or(super::address::Class::Reserved);
                let error = FetchError::Refused { host: host.clone(), ip, class };
                return Err(Box::new(Refusal(host, error)) as Box<dyn std::error::Error + Send + Sync>);
            }
            Ok(Box::new(allowed.into_iter()) as Addrs)
        })
    }
}

/// The client's error as the editor should read it: a refusal from the resolver as itself, a
/// timeout as the time limit, anything else as "could not be reached" with its cause.
pub fn explain(error: reqwest::Error, url: &Url) -> FetchError {
    let host = url.host_str().unwrap_or_default().to_owned();
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&error);
    while let Some(e) = source {
        if let Some(Refusal(_, refusal)) = e.downcast_ref::<Refusal>() {
            return match refusal {
                FetchError::Refused { host, ip, class } => {
                    FetchError::Refused { host: host.clone(), ip: *ip, class: *class }
                }
                _ => FetchError::NoSuchHost(host),
            };
        }
        source = e.source();
    }
    let cause = if error.is_connect() {
        "the connection failed".to_owned()
    } else if error.is_timeout() {
        "the connection timed out".to_owned()
    } else {
        // The innermost cause says the most ("connection reset", "invalid certificate").
        let mut last = error.to_string();
        let mut source = std::error::Error::source(&error);
        while let Some(e) = source {
            last = e.to_string();
            source = e.source();
        }
        last
    };
    FetchError::Unreachable(host, cause)
}

//! Fetching an article by its address, safely: the editor names the page, the server fetches it,
//! so a name must never steer the server into its own network or tie it up. Here: http and https
//! only; each host resolved once and every address checked (`address`) before a connection is
//! made to exactly that address; redirects followed by hand, each hop checked the same way; one
//! time limit over the whole fetch; the body counted as it streams; HTML and plain text only.
//! `article` then finds the main text and the metadata.

pub mod address;
pub mod article;
mod body;
pub mod depth;
mod resolve;

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;
use url::Url;

/// The longest a whole fetch (every redirect, every byte) may take.
pub const TIME_LIMIT: Duration = Duration::from_secs(15);
/// The largest body read, in bytes.
pub const SIZE_LIMIT: usize = 5 * 1024 * 1024;
/// Redirects followed before giving up.
pub const MAX_REDIRECTS: usize = 5;
/// Fetches in progress at once on one server; past it, a fetch is refused at once (an editor
/// tries again) rather than queued behind slow pages.
pub const MAX_AT_ONCE: usize = 8;
/// The longest address accepted.
pub const MAX_URL_LEN: usize = 2048;

/// Which addresses a fetch may reach.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Reach {
    /// Public addresses only (the default).
    #[default]
    Public,
    /// Any address: `--allow-private-addresses`, for tests and intranets.
    Any,
    /// Public addresses and exactly these (a test's own servers, to show that a redirect from an
    /// allowed host into another local address is refused).
    PublicAnd(Vec<IpAddr>),
}

impl Reach {
    pub fn from_flag(allow_private_addresses: bool) -> Reach {
        if allow_private_addresses {
            Reach::Any
        } else {
            Reach::Public
        }
    }

    /// Why `ip` may not be reached, if it may not.
    fn refuses(&self, ip: IpAddr) -> Option<address::Class> {
        match self {
            Reach::Any => None,
            Reach::PublicAnd(allowed) if allowed.contains(&ip) => None,
            _ => address::refused(ip),
        }
    }
}

/// Every way a fetch is refused or fails, each said so that an editor knows what to do.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("“{0}” is not a web address; give one starting with https://")]
    NotAnAddress(String),
    #[error("the address is {0} characters long; the most accepted is {MAX_URL_LEN}")]
    TooLong(usize),
    #[error("only http and https addresses can be fetched, not {0}:")]
    Scheme(String),
    #[error("the host {} {}; claimtrack fetches only public addresses", host_is(host, ip), class.describe())]
    Refused { host: String, ip: IpAddr, class: address::Class },
    #[error("the host {0} could not be found")]
    NoSuchHost(String),
    #[error("the host {0} could not be reached: {1}")]
    Unreachable(String, String),
    #[error("the page redirected more than {MAX_REDIRECTS} times")]
    TooManyRedirects,
    #[error("the page redirected to an address that cannot be read")]
    BadRedirect,
    #[error("the server answered {0}")]
    Status(u16),
    #[error("the page took longer than {} seconds to fetch", .0.as_secs())]
    Timeout(Duration),
    #[error("the page is larger than {} MB", .0 >> 20)]
    TooLarge(usize),
    #[error("the page is {0}, not HTML or plain text")]
    ContentType(String),
    #[error("the page's character set “{0}” is not one claimtrack reads")]
    Charset(String),
    #[error("{MAX_AT_ONCE} pages are being fetched already; try again in a moment")]
    Busy,
    #[error("the page's elements nest more than {} deep; it cannot be read safely", article::MAX_DEPTH)]
    TooDeep,
    #[error("the page could not be read")]
    Unreadable,
    #[error("this server cannot fetch pages ({0}); paste the article's text instead")]
    NoClient(String),
}

/// A page fetched: where it ended up, and its text decoded.
#[derive(Debug)]
pub struct Fetched {
    pub final_url: Url,
    pub html: bool,
    pub text: String,
}

/// Fetches pages within the limits. Cheap to clone (one connection pool).
#[derive(Clone, Debug)]
pub struct Fetcher {
    /// The client, or why it could not be made (no TLS backend): then every fetch answers that
    /// error instead of the server failing to start or falling back to unchecked connections.
    client: Result<reqwest::Client, String>,
    reach: Arc<Reach>,
    at_once: Arc<tokio::sync::Semaphore>,
    pub time_limit: Duration,
    pub size_limit: usize,
}

impl Fetcher {
    pub fn new(reach: Reach) -> Fetcher {
        Fetcher::with_limits(reach, TIME_LIMIT, SIZE_LIMIT)
    }

    pub fn with_limits(reach: Reach, time_limit: Duration, size_limit: usize) -> Fetcher {
        let reach = Arc::new(reach);
        let client = reqwest::Client::builder()
            // Redirects are followed by hand, so that each hop is checked.
            .redirect(reqwest::redirect::Policy::none())
            // A proxy would connect on our behalf to an address we never checked.
            .no_proxy()
            .dns_resolver(Arc::new(resolve::Checked(reach.clone())))
            .connect_timeout(time_limit)
            .user_agent(concat!("claimtrack/", env!("CARGO_PKG_VERSION"), " (fact-check desk)"))
            .build()
            .map_err(|e| e.to_string());
        if let Err(e) = &client {
            tracing::error!(error = %e, "the HTTP client for import by address could not be made");
        }
        let at_once = Arc::new(tokio::sync::Semaphore::new(MAX_AT_ONCE));
        Fetcher { client, reach, at_once, time_limit, size_limit }
    }

    /// Fetches `address`, following up to [`MAX_REDIRECTS`] redirects, within the time limit.
    pub async fn fetch(&self, address: &str) -> Result<Fetched, FetchError> {
        let _permit = self.at_once.try_acquire().map_err(|_| FetchError::Busy)?;
        self.fetch_page(address).await
    }

    /// Fetches `address` and reads its main text and metadata (see `article`); the page counts
    /// against [`MAX_AT_ONCE`] until it is read.
    pub async fn fetch_article(&self, address: &str) -> Result<(Url, article::Article), FetchError> {
        let _permit = self.at_once.try_acquire().map_err(|_| FetchError::Busy)?;
        let page = self.fetch_page(address).await?;
        let from = page.final_url.clone();
        Ok((from, article::read_safely(page).await?))
    }

    async fn fetch_page(&self, address: &str) -> Result<Fetched, FetchError> {
        let url = parse(address)?;
        match tokio::time::timeout(self.time_limit, self.follow(url)).await {
            Ok(result) => result,
            Err(_) => Err(FetchError::Timeout(self.time_limit)),
        }
    }

    async fn follow(&self, mut url: Url) -> Result<Fetched, FetchError> {
        for _ in 0..=MAX_REDIRECTS {
            self.check(&url)?;
            let client = self.client.as_ref().map_err(|e| FetchError::NoClient(e.clone()))?;
            let response = client
                .get(url.clone())
                .header(reqwest::header::ACCEPT, "text/html,application/xhtml+xml,text/plain;q=0.9")
                .send()
                .await
                .map_err(|e| resolve::explain(e, &url))?;
            let status = response.status();
            if status.is_redirection() {
                let location =
                    response.headers().get(reqwest::header::LOCATION).and_then(|l| l.to_str().ok());
                url = location.and_then(|l| url.join(l).ok()).ok_or(FetchError::BadRedirect)?;
                continue;
            }
            if !status.is_success() {
                return Err(FetchError::Status(status.as_u16()));
            }
            return body::read(response, self.size_limit).await;
        }
        Err(FetchError::TooManyRedirects)
    }

    /// The scheme, and a host given as an address (a name is checked when it is resolved).
    fn check(&self, url: &Url) -> Result<(), FetchError> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(FetchError::Scheme(url.scheme().to_owned()));
        }
        let ip = match url.host() {
            Some(url::Host::Ipv4(v4)) => IpAddr::V4(v4),
            Some(url::Host::Ipv6(v6)) => IpAddr::V6(v6),
            Some(url::Host::Domain(_)) => return Ok(()),
            None => return Err(FetchError::NotAnAddress(url.to_string())),
        };
        match self.reach.refuses(ip) {
            Some(class) => Err(FetchError::Refused { host: ip.to_string(), ip, class }),
            None => Ok(()),
        }
    }
}

/// An address as typed: trimmed, bounded, parsed (which also normalises numeric IPv4 hosts:
/// `http://2130706433/` is `http://127.0.0.1/`).
pub fn parse(address: &str) -> Result<Url, FetchError> {
    let address = address.trim();
    if address.len() > MAX_URL_LEN {
        return Err(FetchError::TooLong(address.len()));
    }
    let url = Url::parse(address).map_err(|_| FetchError::NotAnAddress(shorten(address)))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(FetchError::Scheme(url.scheme().to_owned()));
    }
    if url.host().is_none() {
        return Err(FetchError::NotAnAddress(shorten(address)));
    }
    Ok(url)
}

/// "localhost is 127.0.0.1," for a name, "127.0.0.1 is" for an address.
fn host_is(host: &str, ip: &IpAddr) -> String {
    if host.trim_matches(['[', ']']) == ip.to_string() {
        format!("{ip} is")
    } else {
        format!("{host} is {ip},")
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 80 {
        format!("{}…", s.chars().take(80).collect::<String>())
    } else {
        s.to_owned()
    }
}

//! The real binary, run as a user runs it: started on a free port, spoken to over TCP.

#![allow(clippy::unwrap_used)] // Test helpers may panic: a panic is a failed test.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

pub fn claimtrack(db: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_claimtrack"));
    command.arg("--db").arg(db).env_remove("CLAIMTRACK_DB").env("RUST_LOG", "warn");
    command
}

pub struct Server {
    pub child: Child,
    pub addr: String,
}

impl Drop for Server {
    /// A failed test must not leave its server running.
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// The server's resident memory, in MiB (Linux).
    pub fn rss_mib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        let kib: u64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0);
        kib / 1024
    }
}

/// Starts `serve` on a free port of 127.0.0.1 with `args`, and waits until it listens.
pub fn start_with(db: &Path, args: &[&str]) -> Server {
    let mut child = claimtrack(db)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .args(args)
        .env("RUST_LOG", "info")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut sent = false;
        for line in stderr.lines().map_while(Result::ok) {
            if let (false, Some(i)) = (sent, line.find("http://127.0.0.1:")) {
                let addr: String = line[i + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ':')
                    .collect();
                let _ = tx.send(addr);
                sent = true;
            }
        }
    });
    let addr = rx.recv_timeout(Duration::from_secs(30)).expect("the server starts");
    Server { child, addr }
}

pub struct Reply {
    pub status: u16,
    pub head: String,
    pub body: String,
}

/// A minimal HTTP/1.1 exchange over a fresh connection.
pub async fn http(
    addr: &str,
    method: &str,
    path: &str,
    cookie: Option<&str>,
    body: &str,
) -> std::io::Result<Reply> {
    http_from("127.0.0.1", addr, method, path, cookie, body).await
}

/// A connection to `addr` from the loopback address `local` (127.0.0.2, …): another client, as
/// the server's per-address limits see it.
pub async fn connect_from(local: &str, addr: &str) -> std::io::Result<tokio::net::TcpStream> {
    let socket = tokio::net::TcpSocket::new_v4()?;
    socket.bind(format!("{local}:0").parse().map_err(std::io::Error::other)?)?;
    socket.connect(addr.parse().map_err(std::io::Error::other)?).await
}

/// [`http`] from the loopback address `local`.
pub async fn http_from(
    local: &str,
    addr: &str,
    method: &str,
    path: &str,
    cookie: Option<&str>,
    body: &str,
) -> std::io::Result<Reply> {
    let exchange = async {
        let mut stream = connect_from(local, addr).await?;
        let mut request =
            format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nAccept: text/html\r\n");
        if let Some(cookie) = cookie {
            request.push_str(&format!("Cookie: {cookie}\r\n"));
        }
        if method == "POST" {
            request.push_str(&format!(
                "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n",
                body.len()
            ));
        }
        request.push_str("\r\n");
        request.push_str(body);
        stream.write_all(request.as_bytes()).await?;
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).await?;
        let text = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        Ok(Reply { status, head: head.to_owned(), body: body.to_owned() })
    };
    tokio::time::timeout(Duration::from_secs(15), exchange)
        .await
        .unwrap_or_else(|_| Err(std::io::Error::other("timed out")))
}

/// Signs `username` in over HTTP; returns the session cookie and the forms' CSRF token.
pub async fn sign_in(addr: &str, username: &str, password: &str) -> (String, String) {
    let body = format!("username={username}&password={}", password.replace(' ', "+"));
    let reply = http(addr, "POST", "/login", None, &body).await.unwrap();
    assert_eq!(reply.status, 303, "{}", reply.head);
    let cookie = reply
        .head
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let home = http(addr, "GET", "/", Some(&cookie), "").await.unwrap();
    let csrf =
        home.body.split(r#"name="csrf" value=""#).nth(1).unwrap().split('"').next().unwrap().to_owned();
    (cookie, csrf)
}

//! `claimtrack serve`: open the store, bind, serve until Ctrl-C or SIGTERM, shut down cleanly.

use crate::cli::{open, ServeArgs};
use anyhow::Context;
use app::ssr::{accounts, auth::sessions, demo, AppState};
use std::time::{Duration, Instant};

pub async fn serve(db_path: &app::ssr::db::Target, args: ServeArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let db = open(db_path).await?;
    if args.demo {
        match demo::load_if_empty(&db).await.map_err(|e| anyhow::anyhow!("{e}"))? {
            demo::Loaded::Claims(n) => tracing::info!(claims = n, "loaded the demo data"),
            demo::Loaded::SkippedNotEmpty => tracing::info!("the database has claims; demo data not loaded"),
        }
    }
    if let Some(password) = accounts::ensure_first_admin(&db).await.map_err(|e| anyhow::anyhow!("{e}"))? {
        // Printed once, to the console only (never to the log): nobody can sign in yet.
        println!(
            "\nCreated the account “admin” with the password:\n\n    {password}\n\n\
             Sign in at /login and keep it safe; it is not shown again. Change it with:\n\
             \x20   claimtrack --db {} user passwd admin\n",
            db_path.display()
        );
    }
    let site_url = args.site_url.clone().unwrap_or_else(|| format!("http://{}", args.addr));
    let mut state = AppState::new(db.clone(), &site_url);
    state.org_name = args.org_name.clone();
    state.sign_offs = args.sign_offs;
    state.tolerances = args.rating_tolerances;
    spawn_session_sweeper(state.clone());
    let shutdown = shutdown_signal();
    let listener = tokio::net::TcpListener::bind(args.addr).await.with_context(|| {
        format!("cannot listen on {} (is another program using it? try --addr)", args.addr)
    })?;
    let local = listener.local_addr()?;
    tracing::info!(
        db = %db_path.display(),
        startup_ms = started.elapsed().as_millis() as u64,
        "claimtrack is serving on http://{local}"
    );

    let options = crate::http::Options {
        max_in_flight: args.max_in_flight.max(1),
        max_per_client: args.max_per_client as usize,
        page_cache: args.page_cache,
        body_timeout: Duration::from_secs(args.body_timeout),
        trusted_proxies: args.trusted_proxies.clone(),
        fetch_reach: crate::fetch::Reach::from_flag(args.allow_private_addresses),
    };
    let app = crate::http::router_with(state, options);
    let limits = crate::connections::Limits {
        header_timeout: Duration::from_secs(args.header_timeout),
        shutdown_grace: Duration::from_secs(args.shutdown_grace),
    };
    crate::connections::serve(listener, app, limits, shutdown).await;
    db.close().await;
    tracing::info!("stopped; the database is closed");
    Ok(())
}

/// Removes expired sessions every hour (sign-ins sweep too), so the table stays small.
fn spawn_session_sweeper(state: AppState) {
    tokio::spawn(async move {
        let mut every_hour = tokio::time::interval(Duration::from_secs(3600));
        loop {
            every_hour.tick().await;
            match sessions::clean_up(&state.db, &state.sessions, chrono::Utc::now()).await {
                Ok(0) | Err(_) => {}
                Ok(n) => tracing::info!(removed = n, "removed expired sessions"),
            }
        }
    });
}

/// The signals that stop the server (SIGTERM, Ctrl-C), listened for from the moment this is
/// called. `tokio::signal`'s futures register their handler only when first polled, and the
/// accept loop may not poll its shutdown future before the first connection is served: a SIGTERM
/// sent as soon as `/readyz` answered then met the default action and killed the process, with no
/// graceful stop and no closed database. Called before the listener is bound.
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, Signal, SignalKind};
        let terminate = signal(SignalKind::terminate()).ok();
        let interrupt = signal(SignalKind::interrupt()).ok();
        let received = |listener: Option<Signal>| async move {
            match listener {
                Some(mut listener) => {
                    listener.recv().await;
                }
                None => std::future::pending::<()>().await,
            }
        };
        async move {
            tokio::select! {
                () = received(terminate) => {},
                () = received(interrupt) => {},
            }
        }
    }
    #[cfg(not(unix))]
    async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

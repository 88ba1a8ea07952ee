//! `claimtrack user …`: manage editor and admin accounts from the command line.

use anyhow::{bail, Context};
use app::model::Role;
use app::ssr::{accounts, db};
use clap::Subcommand;
use std::io::{BufRead, IsTerminal};

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add an account; the password is asked for (or read from standard input).
    Add {
        /// The username (letters, digits, dots, underscores, hyphens).
        name: String,
        /// `editor` edits content and sets statuses; `admin` also manages accounts.
        #[arg(long, value_parser = ["editor", "admin"])]
        role: String,
        /// The name shown on rulings, notes and edits (default: the username).
        #[arg(long)]
        display_name: Option<String>,
        /// Read the password from the first line of standard input instead of asking.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Set a new password for an account and end its sessions.
    Passwd {
        name: String,
        /// Read the password from the first line of standard input instead of asking.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List the accounts.
    List,
    /// Disable an account: it can no longer sign in; its history stays.
    Disable { name: String },
}

pub async fn run(db: &app::ssr::db::Db, command: UserCommand) -> anyhow::Result<()> {
    let app_error = |e: app::AppError| anyhow::anyhow!("{e}");
    match command {
        UserCommand::Add { name, role, display_name, password_stdin } => {
            let role = Role::parse(&role).context("the role must be editor or admin")?;
            let password = read_password(&name, password_stdin)?;
            let display = display_name.unwrap_or_else(|| name.clone());
            accounts::add(db, &name, &display, role, &password).await.map_err(app_error)?;
            println!("Added the {} account “{name}”.", role.as_str());
        }
        UserCommand::Passwd { name, password_stdin } => {
            let password = read_password(&name, password_stdin)?;
            accounts::change_password(db, &name, &password).await.map_err(app_error)?;
            println!("Changed the password of “{name}”; its sessions have ended.");
        }
        UserCommand::List => {
            println!("{:<24} {:<8} {:<10} NAME", "USERNAME", "ROLE", "STATE");
            for account in db::users::list(db).await.map_err(app_error)? {
                let state = match (account.disabled, account.can_sign_in) {
                    (true, _) => "disabled",
                    (false, false) => "no-login",
                    (false, true) => "active",
                };
                println!(
                    "{:<24} {:<8} {:<10} {}",
                    account.username,
                    account.role.as_str(),
                    state,
                    account.display_name
                );
            }
        }
        UserCommand::Disable { name } => {
            accounts::disable(db, &name, None).await.map_err(app_error)?;
            println!("Disabled “{name}”; its sessions have ended.");
        }
    }
    Ok(())
}

fn read_password(name: &str, from_stdin: bool) -> anyhow::Result<String> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("cannot read the password from standard input")?;
        let password = line.trim_end_matches(['\n', '\r']).to_owned();
        if password.is_empty() {
            bail!("standard input held no password (give it on the first line)");
        }
        return Ok(password);
    }
    if !std::io::stdin().is_terminal() {
        bail!("there is no terminal to ask for the password; pipe it in with --password-stdin");
    }
    let first = rpassword::prompt_password(format!("New password for {name}: "))?;
    let second = rpassword::prompt_password("Repeat it: ")?;
    if first != second {
        bail!("the two passwords differ; nothing was changed");
    }
    Ok(first)
}

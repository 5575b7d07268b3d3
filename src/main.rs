//! The `dossier` command: open the window, or run a headless command on a folder or project.

use std::process::ExitCode;

#[expect(
    clippy::print_stderr,
    reason = "the one place a command's error reaches the terminal, with its chain"
)]
fn main() -> ExitCode {
    match dossier::cli::main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: {e:#}");
            ExitCode::FAILURE
        }
    }
}

//! The `dossier` command: open the window, or run a headless command on a folder or project.

fn main() -> std::process::ExitCode {
    dossier::cli::main()
}

//! Opening an article's original file (the saved page, the PDF, the Word file) with the
//! system's opener: `xdg-open` on Linux and BSD, `open` on macOS, `start` on Windows, or the
//! program given with `--opener`. It runs on a worker: an opener that fails at once (no
//! program for the file type, no opener installed) is reported; one that is still running
//! after a moment has handed the file to a viewer, and is left to finish on its own.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{JobOutput, Jobs, display_name};
use crate::context::jobs::Slot;

/// How long an opener may take to fail before it is taken to have shown the file.
const GRACE: Duration = Duration::from_secs(3);

/// The command that opens `file`: with `opener` when one is given, else the system's.
pub fn open_command(opener: Option<&Path>, file: &Path) -> Command {
    let mut command = match opener {
        Some(program) => Command::new(program),
        None if cfg!(target_os = "macos") => Command::new("open"),
        None if cfg!(target_os = "windows") => {
            let mut c = Command::new("cmd");
            c.args(["/C", "start", ""]);
            c
        }
        None => Command::new("xdg-open"),
    };
    command
        .arg(file)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

/// Run `command` and wait a moment for it to fail; `Ok` when it succeeded or is still running.
fn run(mut command: Command) -> Result<(), String> {
    let program = command.get_program().to_string_lossy().into_owned();
    let mut child = command
        .spawn()
        .map_err(|e| format!("{program} could not be started ({e})"))?;
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => {
                let mut why = String::new();
                if let Some(mut err) = child.stderr.take() {
                    use std::io::Read;
                    let _ = (&mut err).take(400).read_to_string(&mut why);
                }
                let why = why.trim();
                return Err(if why.is_empty() {
                    format!("{program} failed ({status})")
                } else {
                    format!("{program} failed ({status}): {why}")
                });
            }
            Ok(None) if start.elapsed() < GRACE => std::thread::sleep(Duration::from_millis(50)),
            Ok(None) => {
                // A viewer took the file: let it run, and reap it when it ends.
                let _ = std::thread::Builder::new()
                    .name("dossier-opener-wait".into())
                    .spawn(move || child.wait());
                return Ok(());
            }
            Err(e) => return Err(format!("{program} could not be watched ({e})")),
        }
    }
}

impl Jobs {
    /// Open `file` with the opener (see the module docs); the answer comes back as
    /// [`JobOutput::Opened`].
    pub fn open_source(&mut self, file: PathBuf) {
        let command = open_command(self.opener.as_deref(), &file);
        let label = format!("Opening {}", display_name(&file));
        self.spawn(Slot::Open, label, move |_| {
            let result = if file.exists() {
                run(command)
            } else {
                Err("the file is no longer there".to_owned())
            };
            JobOutput::Opened { path: file, result }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_opener_or_the_chosen_program_gets_the_file() {
        let file = Path::new("/data/articles/report.pdf");
        let c = open_command(None, file);
        if cfg!(target_os = "linux") {
            assert_eq!(c.get_program(), "xdg-open");
        }
        assert_eq!(c.get_args().last(), Some(file.as_os_str()));
        let c = open_command(Some(Path::new("/usr/bin/evince")), file);
        assert_eq!(c.get_program(), "/usr/bin/evince");
        assert_eq!(c.get_args().collect::<Vec<_>>(), [file.as_os_str()]);
    }

    #[test]
    fn an_opener_that_cannot_start_is_an_error_naming_it() {
        let missing = Path::new("/nonexistent/dossier-test-opener");
        let e = run(open_command(Some(missing), Path::new("a.pdf"))).expect_err("no program");
        assert!(
            e.contains("dossier-test-opener could not be started"),
            "{e}"
        );
    }
}

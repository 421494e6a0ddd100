//! Exit statuses, in one place (the table in README and the man page).
//! Two places call `std::process::exit`: `main`, with the status a run
//! returned, and the interrupt thread of `kill/sys/unix.rs`, which ends
//! `--kill` at once on a second SIGINT, SIGTERM or SIGHUP with 128 plus
//! its number (the `Hangup`, `Interrupt` and `Terminated` codes below).

/// What portcheck's exit status tells a script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ExitStatus {
    /// The answer is "yes": every given port is free, the kill left them
    /// free, the wait succeeded, or a listing/suggestion was printed.
    Yes = 0,
    /// The answer is "no": a given port is in use, is still held after the
    /// kill, or the wait timed out.
    No = 1,
    /// Usage error: a bad port, duration or flag combination.
    Usage = 2,
    /// Could not complete: permission denied, no free port in range, or an
    /// operating-system error.
    Failure = 3,
    /// `--kill` interrupted by SIGHUP (128 + 1), SIGINT (128 + 2) or
    /// SIGTERM (128 + 15) while it waited, as a shell reports a program
    /// these signals ended.
    Hangup = 129,
    Interrupt = 130,
    Terminated = 143,
}

impl ExitStatus {
    pub(crate) fn code(self) -> i32 {
        self as i32
    }

    /// The status of a `--kill` interrupted by signal `number`.
    pub(crate) fn interrupted(number: i32) -> ExitStatus {
        match number {
            1 => ExitStatus::Hangup,
            15 => ExitStatus::Terminated,
            _ => ExitStatus::Interrupt,
        }
    }

    /// `Yes` or `No`: the answer to the question asked.
    pub(crate) fn answer(yes: bool) -> ExitStatus {
        if yes { ExitStatus::Yes } else { ExitStatus::No }
    }
}

#[cfg(test)]
mod tests {
    use super::ExitStatus;

    #[test]
    fn codes_match_the_documented_table() {
        assert_eq!(ExitStatus::Yes.code(), 0);
        assert_eq!(ExitStatus::No.code(), 1);
        assert_eq!(ExitStatus::Usage.code(), 2);
        assert_eq!(ExitStatus::Failure.code(), 3);
        assert_eq!(ExitStatus::interrupted(2).code(), 130);
        assert_eq!(ExitStatus::interrupted(15).code(), 143);
        assert_eq!(ExitStatus::interrupted(1).code(), 129);
    }
}

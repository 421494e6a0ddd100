//! Whether Linux runs under Windows (WSL), from `/proc/version`: there a
//! Windows program can hold a port that no Linux socket shows. Reading a
//! file that other systems lack is harmless, so this is not per platform.

/// Which WSL the kernel is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Wsl {
    /// WSL 1: Linux calls translated onto the Windows network stack.
    One,
    /// WSL 2: a Linux VM; with mirrored networking Windows and it share ports.
    Two,
}

/// The WSL portcheck runs under, if any (read when a note needs it).
pub(crate) fn wsl() -> Option<Wsl> {
    wsl_in(&std::fs::read_to_string("/proc/version").ok()?)
}

/// Reads the kernel release, the third word of `/proc/version`
/// (`Linux version 5.15.153.1-microsoft-standard-WSL2 (…)`): Microsoft's
/// kernels name themselves there (`4.4.0-19041-Microsoft` on WSL 1). The
/// rest of the line (the builder, the compiler) is not looked at.
fn wsl_in(version: &str) -> Option<Wsl> {
    let release = version.split_whitespace().nth(2)?.to_ascii_lowercase();
    if !release.contains("microsoft") {
        return None;
    }
    Some(if release.contains("wsl2") || release.contains("microsoft-standard") {
        Wsl::Two
    } else {
        Wsl::One
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wsl_is_read_from_the_kernel_release() {
        let wsl2 = "Linux version 5.15.153.1-microsoft-standard-WSL2 (root@941d701f84f1) (gcc (GCC) 11.2.0, GNU ld (GNU Binutils) 2.37) #1 SMP Fri Mar 29 23:14:13 UTC 2024\n";
        assert_eq!(wsl_in(wsl2), Some(Wsl::Two));
        let custom = "Linux version 6.6.36.3-microsoft-standard-WSL2+ (ana@box) (gcc (Ubuntu 13.2.0) 13.2.0) #2 SMP PREEMPT_DYNAMIC Tue Jul  9 10:00:00 CEST 2024\n";
        assert_eq!(wsl_in(custom), Some(Wsl::Two));
        let wsl1 = "Linux version 4.4.0-19041-Microsoft (Microsoft@Microsoft.com) (gcc version 5.4.0 (GCC) ) #1237-Microsoft Sat Sep 11 14:32:00 PST 2021\n";
        assert_eq!(wsl_in(wsl1), Some(Wsl::One));
        let debian = "Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)\n";
        assert_eq!(wsl_in(debian), None);
        // Microsoft named outside the release (an Azure build host) is not WSL.
        let azure = "Linux version 6.5.0-1017-azure (buildd@microsoft.example) (gcc 12.3.0) #17-Ubuntu SMP\n";
        assert_eq!(wsl_in(azure), None);
        assert_eq!(wsl_in(""), None);
        assert_eq!(wsl_in("garbage"), None);
    }
}

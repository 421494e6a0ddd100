//! What people paste where a PORT goes, read as the port: `:5000`,
//! `localhost:5000`, `127.0.0.1:5000` and `[::1]:5000` (Flask's "Running
//! on" line), `http://127.0.0.1:5000/path` (a URL without a port is 80 for
//! http, 443 for https; its path is never read as `/tcp`), and `5000,5001`.
//! A host that is not this machine is a usage error: portcheck sees only
//! this machine's ports. Also the flag mistakes worth one clear line:
//! `--kill=5000`.

use std::ffi::OsString;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use crate::error::usage;
use crate::i18n::{msg, t};

/// How one pasted PORT was read: the note, and the address it names
/// (`127.0.0.1:5000`; `localhost` is 127.0.0.1), whose own answer the
/// report adds.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Pasted {
    /// `127.0.0.1:5000 → port 5000`.
    pub(crate) note: String,
    pub(crate) at: Option<SocketAddr>,
}

/// The PORT arguments as plain port words (`5000`, `53/udp`, `http`), and
/// how each pasted form was read.
pub(super) fn expand(
    args: &[String],
    this_machine: &dyn Fn(&str) -> bool,
) -> anyhow::Result<(Vec<String>, Vec<Pasted>)> {
    let mut words = Vec::new();
    let mut notes = Vec::new();
    for arg in args {
        let read = read(arg, this_machine)?;
        if read.len() != 1 || read[0] != *arg {
            let note =
                t!("cli-pasted", arg = arg.as_str(), count = read.len(), ports = read.join(", "));
            notes.push(Pasted { note, at: address(arg) });
        }
        words.extend(read);
    }
    Ok((words, notes))
}

/// The address and port a single pasted form names: an IP literal or
/// `localhost` (127.0.0.1) with a numeric port; `None` otherwise.
fn address(arg: &str) -> Option<SocketAddr> {
    let text = arg.split_once("://").map_or(arg, |(_, rest)| {
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        authority.rsplit_once('@').map_or(authority, |(_, a)| a)
    });
    let (host, port) = host_and_port(text)?;
    let port: u16 = port.parse().ok().filter(|&p| p != 0)?;
    let ip = match host.to_ascii_lowercase().trim_end_matches('.') {
        "localhost" => IpAddr::V4(Ipv4Addr::LOCALHOST),
        other => other.parse().ok()?,
    };
    Some(SocketAddr::new(ip, port))
}

/// One argument as port words: itself when it is not a pasted form.
fn read(arg: &str, this_machine: &dyn Fn(&str) -> bool) -> anyhow::Result<Vec<String>> {
    if arg.contains(',') {
        let mut out = Vec::new();
        for part in arg.split(',').map(str::trim) {
            if part.is_empty() {
                return Err(usage(msg!("cli-paste-empty-between-commas", arg = arg)));
            }
            out.extend(read(part, this_machine)?);
        }
        return Ok(out);
    }
    if let Some((scheme, rest)) = arg.split_once("://") {
        return url(arg, scheme, rest, this_machine).map(|p| vec![p]);
    }
    match host_and_port(arg) {
        Some((host, port)) => {
            check_host(arg, host, this_machine)?;
            if port.is_empty() {
                return Err(usage(msg!("cli-paste-no-port", arg = arg)));
            }
            Ok(vec![port.to_string()])
        }
        None => Ok(vec![arg.to_string()]),
    }
}

/// `http://host[:port][/path]`: the port, else the scheme's.
fn url(
    arg: &str,
    scheme: &str,
    rest: &str,
    this_machine: &dyn Fn(&str) -> bool,
) -> anyhow::Result<String> {
    let default = match scheme.to_ascii_lowercase().as_str() {
        "http" | "ws" => "80",
        "https" | "wss" => "443",
        _ => {
            return Err(usage(msg!("cli-paste-scheme", arg = arg)));
        }
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let authority = authority.rsplit_once('@').map_or(authority, |(_, a)| a);
    match host_and_port(authority) {
        Some((host, port)) => {
            check_host(arg, host, this_machine)?;
            Ok(if port.is_empty() { default.to_string() } else { port.to_string() })
        }
        None => {
            check_host(arg, authority, this_machine)?;
            Ok(default.to_string())
        }
    }
}

/// `host:port`, `[v6]:port` or `:port` split at the port's colon; `None`
/// when the text has no such colon (a bare port, name or range).
fn host_and_port(text: &str) -> Option<(&str, &str)> {
    if let Some(rest) = text.strip_prefix('[') {
        let (host, after) = rest.split_once(']')?;
        return Some((host, after.strip_prefix(':').unwrap_or(after)));
    }
    let (host, port) = text.rsplit_once(':')?;
    // `::1` alone, or `fe80::1:5000`: an IPv6 address needs brackets.
    (!host.contains(':')).then_some((host, port))
}

/// Refuses a host that is not this machine, by name.
fn check_host(arg: &str, host: &str, this_machine: &dyn Fn(&str) -> bool) -> anyhow::Result<()> {
    if host.is_empty() || this_machine(host) {
        return Ok(());
    }
    // A URL's user:password@ is never echoed: it may be a secret.
    let arg = match (arg.split_once("://"), arg.rfind('@')) {
        (Some((scheme, _)), Some(at)) => format!("{scheme}://{}", &arg[at + 1..]),
        _ => arg.to_string(),
    };
    Err(usage(msg!(
        "cli-paste-other-machine",
        arg = crate::sanitize::escape(&arg),
        host = crate::sanitize::escape(host)
    )))
}

/// Whether `host` names this machine: `localhost`, this machine's name,
/// the wildcard and loopback addresses, and the interfaces' addresses.
pub(super) fn this_machine(host: &str) -> bool {
    let name = host.trim_end_matches('.').to_ascii_lowercase();
    if name == "localhost" || name.ends_with(".localhost") {
        return true;
    }
    if let Ok(ip) = host.split('%').next().unwrap_or(host).parse::<IpAddr>() {
        return ip.is_loopback()
            || ip.is_unspecified()
            || crate::host::interfaces().addresses.iter().any(|(_, a, _)| *a == ip);
    }
    crate::host::name().is_some_and(|h| {
        let h = h.to_ascii_lowercase();
        h == name || h.split('.').next() == Some(name.as_str())
    })
}

/// Mode flags that take no value, as people write them with one
/// (`--kill=5000`): one line showing the flag and the port apart.
pub(super) fn flag_with_value(args: &[OsString]) -> Option<anyhow::Error> {
    args.iter().skip(1).filter_map(|a| a.to_str()).take_while(|a| *a != "--").find_map(|w| {
        let (flag, value) = w.split_once('=')?;
        let flag = match flag {
            "--kill" | "-k" => "--kill",
            "--suggest" => "--suggest",
            _ => return None,
        };
        let plain = !value.is_empty()
            && value.bytes().all(|b| b.is_ascii_alphanumeric() || b"-/:.,[]".contains(&b));
        let port = if plain { value } else { "PORT" };
        Some(usage(msg!("cli-flag-takes-no-value", flag = flag, port = port)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(host: &str) -> bool {
        ["localhost", "127.0.0.1", "::1", "0.0.0.0", "192.168.0.7", "devbox"].contains(&host)
    }

    #[test]
    fn pasted_forms_read_as_the_port() {
        let table: &[(&str, &[&str])] = &[
            ("5000", &["5000"]),
            (":5000", &["5000"]),
            ("localhost:5000", &["5000"]),
            ("127.0.0.1:5000", &["5000"]),
            ("0.0.0.0:5000", &["5000"]),
            ("192.168.0.7:5000", &["5000"]),
            ("[::1]:5000", &["5000"]),
            ("http://127.0.0.1:5000/", &["5000"]),
            ("http://localhost:5000/tcp", &["5000"]),
            ("http://localhost:5000/api/udp?x=1", &["5000"]),
            ("HTTP://localhost", &["80"]),
            ("https://localhost/", &["443"]),
            ("https://[::1]/x", &["443"]),
            ("http://user:pw@localhost:8080/", &["8080"]),
            ("5000,5001", &["5000", "5001"]),
            ("5000, 5001", &["5000", "5001"]),
            (":5000,localhost:5001", &["5000", "5001"]),
            ("127.0.0.1:53/udp", &["53/udp"]),
            ("devbox:3000", &["3000"]),
            ("3000-3010", &["3000-3010"]),
            ("53/udp", &["53/udp"]),
        ];
        for (arg, want) in table {
            let got = read(arg, &local).unwrap_or_else(|e| panic!("{arg}: {e}"));
            assert_eq!(got, *want, "{arg}");
        }
    }

    #[test]
    fn another_machine_and_bad_pastes_are_named() {
        let table: &[(&str, &str)] = &[
            ("example.com:5000", "example.com is another machine"),
            ("http://example.com:5000/", "example.com is another machine"),
            ("https://example.com", "example.com is another machine"),
            ("10.9.9.9:80", "10.9.9.9 is another machine"),
            ("[2001:db8::1]:80", "2001:db8::1 is another machine"),
            ("5000,", "empty between commas"),
            ("localhost:", "no port after"),
            ("ftp://localhost:21", "only http:// and https://"),
        ];
        let err = read("http://me:s3cret@example.com/", &local).unwrap_err().to_string();
        assert!(!err.contains("s3cret") && err.contains("'http://example.com/'"), "{err}");
        for (arg, want) in table {
            let err = read(arg, &local).expect_err(arg).to_string();
            assert!(err.contains(want) && err.contains(&format!("'{arg}'")), "{arg}: {err}");
        }
    }

    #[test]
    fn notes_say_how_each_paste_was_read() {
        let args: Vec<String> =
            ["127.0.0.1:5000", "8000", "5000,5001"].iter().map(|s| s.to_string()).collect();
        let (words, notes) = expand(&args, &local).unwrap();
        assert_eq!(words, ["5000", "8000", "5000", "5001"]);
        let notes: Vec<(&str, Option<SocketAddr>)> =
            notes.iter().map(|p| (p.note.as_str(), p.at)).collect();
        let at = "127.0.0.1:5000".parse().ok();
        assert_eq!(
            notes,
            [("127.0.0.1:5000 → port 5000", at), ("5000,5001 → ports 5000, 5001", None)]
        );
        for (arg, want) in [
            ("localhost:5000", "127.0.0.1:5000"),
            ("http://[::1]:8080/x", "[::1]:8080"),
            ("http://u:p@192.168.0.7:5000/", "192.168.0.7:5000"),
        ] {
            assert_eq!(address(arg), want.parse().ok(), "{arg}");
        }
        assert_eq!(address(":5000"), None);
        assert_eq!(address("http://localhost/"), None);
    }

    #[test]
    fn kill_with_a_value_shows_the_flag_apart() {
        let args = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        let err = flag_with_value(&args(&["portcheck", "--kill=5000"])).unwrap().to_string();
        assert_eq!(err, "--kill takes no value: write --kill 5000");
        let err = flag_with_value(&args(&["portcheck", "-k=$(x)"])).unwrap().to_string();
        assert_eq!(err, "--kill takes no value: write --kill PORT");
        assert!(flag_with_value(&args(&["portcheck", "--grace=5s", "--kill", "5000"])).is_none());
    }

    #[test]
    fn this_machine_knows_loopback_and_not_a_documentation_address() {
        assert!(this_machine("localhost") && this_machine("127.0.0.1") && this_machine("::1"));
        assert!(!this_machine("192.0.2.1") && !this_machine("example.invalid"));
    }
}

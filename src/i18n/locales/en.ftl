# portcheck's messages in English: the source language, compiled in, and the
# fallback for every other language. build.rs checks that every language has
# the same ids, each with the same variables (docs/i18n.md).
#
# Rules: one message per sentence a person reads, written whole; plurals
# through a selector on a number; no terms or message references (each
# message is parsed alone, on first use); commands, flags and protocol
# words stay as they are in every language.

## --wait-free / --wait-listen (src/report/text/wait.rs)

# The label before a port whose wait ended as asked.
wait-ok = OK
# The label before a port whose wait ran out.
wait-timed-out = Timed out:
wait-free = { $label } Port { $port } is free.
# $reason: one of the refused-* messages.
wait-refused = { $label } Port { $port } cannot be bound: { $reason }; waiting does not change that.
wait-time-wait = { $label } Port { $port } still has { $count } { $count ->
        [one] connection
       *[other] connections
    } in TIME_WAIT.
# $holders: "pid 4242 (python3)", joined with ", ".
wait-held = { $label } Port { $port } is still held by { $holders }.
wait-held-unseen = { $label } Port { $port } is still held by a socket portcheck cannot see.
wait-listening = { $label } Port { $port } is listening.
wait-listening-by = { $label } Port { $port } is listening: { $holders }.
wait-nothing-listens = { $label } Nothing listens on port { $port }.
# $seconds: already formatted with two decimals ("1.50").
wait-waited = Waited { $seconds }s.

## Why a port cannot be bound although nothing holds it (Windows)

refused-excluded-range = it is inside an excluded port range
refused-exclusive-bind = another program has bound it exclusively
refused-access-denied = access denied, though nothing is bound there (security software or a policy)

## The command line: usage errors, --help, exit statuses (src/cli.rs, src/cli/*.rs)

# $arg: the argument as typed (lossy when not UTF-8).
cli-not-utf8 = invalid argument '{ $arg }': not valid UTF-8
cli-port-signed = invalid port '{ $arg }': ports are numbers from 1 to 65535
# $protocol: tcp or udp, as the argument asked.
cli-only-tcp-selected = '{ $arg }' asks for { $protocol } but only TCP was selected
cli-only-udp-selected = '{ $arg }' asks for { $protocol } but only UDP was selected
# $proto: what followed the '/'.
cli-bad-protocol = invalid protocol '{ $proto }' in '{ $arg }': use /tcp or /udp
cli-port-empty = invalid port '{ $arg }': empty; give a number from 1 to 65535
cli-range-no-end = invalid range '{ $arg }': missing the end port
cli-range-reversed = invalid range '{ $arg }': { $first } is greater than { $last }; write { $last }-{ $first }
cli-port-unknown = invalid port '{ $arg }': not a number from 1 to 65535 nor a known service name
cli-port-zero = invalid port '{ $arg }': port 0 is not a real port (1-65535)
cli-port-out-of-range = invalid port '{ $arg }': out of range, ports are 1-65535
cli-duration-bad = invalid duration '{ $arg }': use a number with ms, s, m or h, such as 500ms or 30s
cli-duration-too-long = invalid duration '{ $arg }': at most 365 days (8760h, 525600m, 31536000s)
cli-signal-bad = invalid signal '{ $arg }': use a name such as TERM, INT, HUP or a number
# How a pasted PORT was read: "127.0.0.1:5000 → port 5000"; $ports joined with ", ".
cli-pasted = { $arg } → { $count ->
        [one] port
       *[other] ports
    } { $ports }
cli-paste-empty-between-commas = invalid port '{ $arg }': empty between commas; write 5000,5001 or 5000 5001
cli-paste-no-port = invalid port '{ $arg }': no port after the ':'
cli-paste-scheme = invalid port '{ $arg }': only http:// and https:// addresses are read as a port
cli-paste-other-machine = invalid port '{ $arg }': { $host } is another machine; portcheck sees only this machine's ports
# $flag: --kill or --suggest; $port: the value given with '=', or PORT.
cli-flag-takes-no-value = { $flag } takes no value: write { $flag } { $port }
# $mode: the flag $flag needs (--kill, --suggest).
cli-needs-mode = { $flag } needs { $mode }: add { $mode } to the command
cli-flag-not-on-windows = { $flag } is not on Windows: there are no signals, --kill ends a process with TerminateProcess
# $n: a bare number given as a DURATION; $port: the PORT after it.
cli-bare-duration = invalid duration '{ $n }' for { $flag }: a bare number is seconds, and { $n } looks like a port (PORT '{ $port }' follows); write { $n }s if you mean { $n } seconds, or give { $flag } its duration before the ports
cli-wait-needs-port = --wait-free and --wait-listen need a PORT: portcheck --wait-free 30s 5000
cli-kill-needs-port = --kill needs a PORT: portcheck --kill 5000
cli-exposed-takes-no-port = --exposed lists every exposed socket; it takes no PORT
# $value: the PORT environment variable's value.
cli-bad-port-variable = invalid $PORT '{ $value }': use a number from 1 to 65535
cli-suggest-one-base = --suggest takes one base PORT, not a list or a range
# clap's errors (src/cli/clap_says.rs); $arg: the flag as clap names it (--color <WHEN>).
cli-unknown-flag = unexpected argument '{ $arg }' found (see 'portcheck --help')
cli-unknown-flag-similar = unexpected argument '{ $arg }' found; a similar argument exists: '{ $similar }' (see 'portcheck --help')
cli-unknown-flag-as-value = unexpected argument '{ $arg }' found; to pass '{ $arg }' as a value, use '-- { $arg }' (see 'portcheck --help')
cli-flag-twice = the argument '{ $arg }' cannot be used multiple times (see 'portcheck --help')
cli-flags-conflict = the argument '{ $arg }' cannot be used with '{ $prior }' (see 'portcheck --help')
cli-flag-alone = the argument '{ $arg }' cannot be used with one or more of the other specified arguments (see 'portcheck --help')
cli-value-missing = a value is required for '{ $arg }' but none was supplied (see 'portcheck --help')
cli-value-invalid = invalid value '{ $value }' for '{ $arg }' (see 'portcheck --help')
# Any other clap error: $clap is clap's own (English) line.
cli-clap-error = { $clap } (see 'portcheck --help')

help-about = Who holds this port, how it is bound, and what kind of port it is.
help-ports = Ports to check: 5000, 3000-3010, http, 53/udp
help-tcp = Only TCP
help-udp = Only UDP
help-ipv4 = Only IPv4
help-ipv6 = Only IPv6
help-json = Machine-readable output: one JSON object, every mode
help-quiet = Print nothing but what a script needs (the numbers of --suggest); the exit status carries the answer. --json still prints JSON
help-completions = Print a shell completion script for SHELL and exit
help-exposed = List only sockets reachable from other machines (not loopback)
help-wide = Show command lines whole (on a terminal they are shortened to fit)
help-color = When to use colour; `auto` honours NO_COLOR and never colours a pipe
help-lang = The language of the output: en or ko (else PORTCHECK_LANG, else the locale)
help-kill = Stop every process holding PORT: SIGTERM, wait --grace, then SIGKILL
help-yes = Do not ask before killing (without a terminal, --kill is the consent)
help-grace = How long holders get to exit before SIGKILL
help-signal = The first signal to send: a name (TERM, INT, HUP) or a number
help-force = Send SIGKILL at once (refusals still apply)
help-dry-run = Show what would be signalled; signal nothing
help-settle = How long to watch a freed port for a respawned holder
help-suggest = Print the nearest free port at or above PORT (else $PORT, else 8000), bind-checked, outside the ephemeral range
help-count = How many free ports to suggest
help-wait-free = Wait until every PORT is free (bindable); exit 1 at the deadline
help-wait-listen = Wait until every PORT has a listener (IPv4 or IPv6); exit 1 at the deadline
help-help = Print help
help-version = Print version
help-heading-kill = Kill
help-heading-suggest = Suggest
help-heading-wait = Wait
# clap's own words, said by portcheck in languages other than English.
help-heading-arguments = Arguments
help-heading-options = Options
help-usage-heading = Usage:
help-usage = portcheck [OPTIONS] [PORT]...
# $value: a flag's default value (5s).
help-default = [default: { $value }]
# $values: a flag's possible values, joined with ", ".
help-possible = [possible values: { $values }]
help-port-text =
    PORT is a number (5000), a range (3000-3010) or a service name (http,
    postgresql), each optionally followed by /tcp or /udp (53/udp). What is
    pasted is read as the port: :5000, localhost:5000, 127.0.0.1:5000,
    { "[" }::1]:5000, http://localhost:5000/ (http:// alone is 80, https:// 443) and
    5000,5001; a host that is not this machine is a usage error. Without PORT,
    every listening TCP socket and bound UDP socket is listed.
help-free-text =
    A port reported free was bound by portcheck on the wildcard address for each
    selected protocol and family, and released.
help-duration-text =
    DURATION is a number with ms, s, m or h (500ms, 30s, 2m), at most 365 days;
    a bare number is seconds (one of 1024 or more before a PORT is refused: write
    5432s).
help-exit-heading = Exit status:
exit-yes = yes: every given port is free (after --kill too), the wait succeeded, or the listing or suggestion was printed
exit-no = no: a given port is in use (still held after --kill), or the wait timed out
exit-usage = usage error: a bad port, range, service name, duration or flag
exit-failure = could not complete: permission denied, no free port to suggest, a port that could not be probed (unknown), or an operating-system error
exit-interrupted = --kill interrupted by SIGHUP, SIGINT (Ctrl-C) or SIGTERM while it waited: what was signalled and what still holds the port is reported
help-examples-heading = Examples:
help-example-port = who holds port 5000, and what to do about it
help-example-range = a range and a UDP port
help-example-list = every listening socket with its owners
help-example-exposed = only the sockets other machines can reach
help-example-quiet = CI preflight: silent, exit 1 if one is taken
help-example-kill = stop whatever holds 5000 (asks on a terminal)
help-example-suggest = the nearest free port at or above 5000
help-example-wait = CI: wait until the server you started listens
help-example-json = the same report as one JSON object

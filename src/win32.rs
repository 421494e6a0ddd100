//! Every Win32 call portcheck makes, behind safe functions: the one module
//! where `unsafe` is allowed (Cargo.toml denies it everywhere else). Each
//! call carries a SAFETY comment. Callers see Rust types and error codes,
//! never raw handles.
//!
//! Windows only: `mod win32` is declared under `cfg(windows)`.

#![allow(unsafe_code)]

use std::os::windows::io::{AsRawHandle, FromRawHandle, OwnedHandle};
use std::ptr::{null, null_mut};
use std::sync::OnceLock;
use std::time::Duration;

use windows_sys::Win32::Foundation::{
    ERROR_BUFFER_OVERFLOW, ERROR_INSUFFICIENT_BUFFER, ERROR_NO_DATA, FILETIME, GetLastError,
    HANDLE, NO_ERROR, WAIT_TIMEOUT,
};
use windows_sys::Win32::NetworkManagement::IpHelper::{
    GAA_FLAG_SKIP_ANYCAST, GAA_FLAG_SKIP_DNS_SERVER, GAA_FLAG_SKIP_MULTICAST, GetAdaptersAddresses,
    GetExtendedTcpTable, GetExtendedUdpTable, IF_TYPE_SOFTWARE_LOOPBACK, IP_ADAPTER_ADDRESSES_LH,
    MIB_TCP6ROW_OWNER_MODULE, MIB_TCP6TABLE_OWNER_MODULE, MIB_TCPROW_OWNER_MODULE,
    MIB_TCPTABLE_OWNER_MODULE, MIB_UDP6ROW_OWNER_MODULE, MIB_UDP6TABLE_OWNER_MODULE,
    MIB_UDPROW_OWNER_MODULE, MIB_UDPTABLE_OWNER_MODULE, TCP_TABLE_OWNER_MODULE_ALL,
    UDP_TABLE_OWNER_MODULE,
};
use windows_sys::Win32::NetworkManagement::Ndis::IfOperStatusUp;
use windows_sys::Win32::Networking::WinSock::{
    AF_INET, AF_INET6, AF_UNSPEC, INVALID_SOCKET, IPPROTO_IPV6, IPPROTO_TCP, IPPROTO_UDP,
    IPV6_V6ONLY, SO_EXCLUSIVEADDRUSE, SOCK_DGRAM, SOCK_STREAM, SOCKADDR, SOCKADDR_IN, SOCKADDR_IN6,
    SOCKET_ADDRESS, SOL_SOCKET, WSADATA, WSAGetLastError, WSAStartup, bind, closesocket,
    setsockopt, socket,
};
use windows_sys::Win32::Security::{
    GetTokenInformation, LookupAccountSidW, SID_NAME_USE, TOKEN_ELEVATION, TOKEN_QUERY, TOKEN_USER,
    TokenElevation, TokenUser,
};
use windows_sys::Win32::System::Console::{
    ENABLE_VIRTUAL_TERMINAL_PROCESSING, GetConsoleMode, GetStdHandle, STD_OUTPUT_HANDLE,
    SetConsoleMode,
};
use windows_sys::Win32::System::Threading::{
    GetCurrentProcess, GetProcessTimes, OpenProcess, OpenProcessToken,
    PROCESS_QUERY_LIMITED_INFORMATION, PROCESS_SYNCHRONIZE, PROCESS_TERMINATE, TerminateProcess,
    WaitForMultipleObjects, WaitForSingleObject,
};

mod console;
pub(crate) use console::console_width;

/// Initialises Winsock once (std does this too, but only for its own
/// sockets). Returns the WSAStartup error, if any.
fn winsock() -> Result<(), i32> {
    static STARTED: OnceLock<i32> = OnceLock::new();
    let code = *STARTED.get_or_init(|| {
        let mut data = WSADATA {
            wVersion: 0,
            wHighVersion: 0,
            iMaxSockets: 0,
            iMaxUdpDg: 0,
            lpVendorInfo: std::ptr::null_mut(),
            szDescription: [0; 257],
            szSystemStatus: [0; 129],
        };
        // SAFETY: `data` is a valid, writable WSADATA for the call's
        // duration; version 2.2 is what every Windows since 98 supports.
        unsafe { WSAStartup(0x0202, &raw mut data) }
    });
    if code == 0 { Ok(()) } else { Err(code) }
}

/// A Winsock socket, closed on drop.
struct Sock(usize);

impl Drop for Sock {
    fn drop(&mut self) {
        // SAFETY: `self.0` is a socket this struct alone owns, closed once.
        unsafe { closesocket(self.0) };
    }
}

/// The last Winsock error.
fn last_wsa() -> i32 {
    // SAFETY: no arguments; reads this thread's last Winsock error.
    unsafe { WSAGetLastError() }
}

/// Sets an `i32`-valued socket option.
fn set_int(s: &Sock, level: i32, name: i32, value: i32) -> Result<(), i32> {
    let bytes = value.to_ne_bytes();
    // SAFETY: `s.0` is an open socket; `bytes` is 4 readable bytes that
    // outlive the call, and the length passed says 4.
    let rc = unsafe { setsockopt(s.0, level, name, bytes.as_ptr(), 4) };
    if rc == 0 { Ok(()) } else { Err(last_wsa()) }
}

/// Binds the wildcard address of `v6` or IPv4 on `port`, TCP or UDP, with
/// SO_EXCLUSIVEADDRUSE (never SO_REUSEADDR, which on Windows lets a
/// second socket steal a bound port), IPV6_V6ONLY on IPv6, then closes
/// the socket. `Err` is the Winsock error code of the step that failed
/// and which step it was.
pub(crate) fn bind_exclusive(tcp: bool, v6: bool, port: u16) -> Result<(), (&'static str, i32)> {
    winsock().map_err(|e| ("WSAStartup", e))?;
    let (af, ty, proto) = (
        i32::from(if v6 { AF_INET6 } else { AF_INET }),
        if tcp { SOCK_STREAM } else { SOCK_DGRAM },
        if tcp { IPPROTO_TCP } else { IPPROTO_UDP },
    );
    // SAFETY: plain integer arguments; the result is checked below.
    let raw = unsafe { socket(af, ty, proto) };
    if raw == INVALID_SOCKET {
        return Err(("socket", last_wsa()));
    }
    let s = Sock(raw);
    set_int(&s, SOL_SOCKET, SO_EXCLUSIVEADDRUSE, 1).map_err(|e| ("SO_EXCLUSIVEADDRUSE", e))?;
    let rc = if v6 {
        set_int(&s, IPPROTO_IPV6, IPV6_V6ONLY, 1).map_err(|e| ("IPV6_V6ONLY", e))?;
        let addr =
            SOCKADDR_IN6 { sin6_family: AF_INET6, sin6_port: port.to_be(), ..Default::default() };
        // SAFETY: `addr` is a valid SOCKADDR_IN6 (the unspecified address)
        // living across the call, and its size is passed with it.
        unsafe { bind(s.0, (&raw const addr).cast::<SOCKADDR>(), size_of::<SOCKADDR_IN6>() as i32) }
    } else {
        let addr =
            SOCKADDR_IN { sin_family: AF_INET, sin_port: port.to_be(), ..Default::default() };
        // SAFETY: as above, a valid SOCKADDR_IN (0.0.0.0) and its size.
        unsafe { bind(s.0, (&raw const addr).cast::<SOCKADDR>(), size_of::<SOCKADDR_IN>() as i32) }
    };
    if rc == 0 { Ok(()) } else { Err(("bind", last_wsa())) }
}

/// A process handle: while it is open, the pid cannot be reused (the
/// Windows counterpart of a pidfd).
pub(crate) struct Process(OwnedHandle);

/// Opens `pid` with the rights to wait on it and terminate it. `Err` is
/// the Win32 error (ERROR_ACCESS_DENIED for an elevated process seen from
/// an ordinary terminal, ERROR_INVALID_PARAMETER for a pid that is gone).
pub(crate) fn open_process(pid: u32) -> Result<Process, u32> {
    let rights = PROCESS_TERMINATE | PROCESS_SYNCHRONIZE | PROCESS_QUERY_LIMITED_INFORMATION;
    // SAFETY: integer arguments; a null result is checked before use.
    let h = unsafe { OpenProcess(rights, 0, pid) };
    if h.is_null() {
        // SAFETY: no arguments; reads this thread's last error.
        return Err(unsafe { GetLastError() });
    }
    // SAFETY: `h` is a fresh handle that nothing else owns or closes.
    Ok(Process(unsafe { OwnedHandle::from_raw_handle(h) }))
}

fn millis(d: Duration) -> u32 {
    u32::try_from(d.as_millis()).unwrap_or(u32::MAX - 1)
}

impl Process {
    /// Whether the process has exited (its handle is signalled).
    pub(crate) fn exited(&self) -> bool {
        // SAFETY: the handle is open for the lifetime of `self`.
        unsafe { WaitForSingleObject(self.0.as_raw_handle(), 0) != WAIT_TIMEOUT }
    }

    /// When the process was created (FILETIME: 100 ns since 1601), read
    /// from the open handle, so it is this process's whatever its pid.
    pub(crate) fn created(&self) -> Option<u64> {
        created_of(self.0.as_raw_handle())
    }

    /// TerminateProcess with exit code 1. `Err` is the Win32 error.
    pub(crate) fn terminate(&self) -> Result<(), u32> {
        // SAFETY: the handle is open and was opened with PROCESS_TERMINATE.
        if unsafe { TerminateProcess(self.0.as_raw_handle(), 1) } != 0 {
            return Ok(());
        }
        // SAFETY: no arguments; reads this thread's last error.
        Err(unsafe { GetLastError() })
    }
}

/// GetProcessTimes's creation time of the process `h` (FILETIME).
fn created_of(h: HANDLE) -> Option<u64> {
    let zero = FILETIME { dwLowDateTime: 0, dwHighDateTime: 0 };
    let (mut created, mut exited, mut kernel, mut user) = (zero, zero, zero, zero);
    // SAFETY: `h` is an open process handle with at least
    // PROCESS_QUERY_LIMITED_INFORMATION; the four FILETIMEs are writable.
    let ok = unsafe {
        GetProcessTimes(h, &raw mut created, &raw mut exited, &raw mut kernel, &raw mut user)
    };
    let ticks = (u64::from(created.dwHighDateTime) << 32) | u64::from(created.dwLowDateTime);
    (ok != 0 && ticks != 0).then_some(ticks)
}

/// When `pid` was created (FILETIME), or `None` when it cannot be opened
/// (gone, or refused).
pub(crate) fn process_created(pid: u32) -> Option<u64> {
    // SAFETY: integer arguments; a null result is checked.
    let h = unsafe { OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid) };
    if h.is_null() {
        return None;
    }
    // SAFETY: `h` is a fresh handle owned by nothing else.
    let process = unsafe { OwnedHandle::from_raw_handle(h) };
    created_of(process.as_raw_handle())
}

/// One row of the owner-module socket tables: the socket, its owner and
/// when it was created (FILETIME; 0 where Windows does not say).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SocketCreated {
    pub(crate) tcp: bool,
    pub(crate) address: std::net::IpAddr,
    pub(crate) port: u16,
    pub(crate) pid: u32,
    pub(crate) created: u64,
}

/// Fills a table by the size-then-fill protocol of GetExtended*Table:
/// `call(buffer, size)` returns the Win32 error. The buffer is u64s, so
/// every row type is aligned.
fn fill_table(call: impl Fn(*mut core::ffi::c_void, *mut u32) -> u32) -> Option<Vec<u64>> {
    let mut size = 0u32;
    for _ in 0..4 {
        let mut buf = vec![0u64; (size as usize).div_ceil(8).max(1)];
        let mut len = u32::try_from(buf.len() * 8).ok()?;
        match call(buf.as_mut_ptr().cast(), &raw mut len) {
            NO_ERROR => return Some(buf),
            ERROR_INSUFFICIENT_BUFFER => size = len,
            _ => return None,
        }
    }
    None
}

/// The rows of a filled table: a u32 count, then `T`s from `offset`.
/// Only as many rows as the buffer holds are read.
fn table_rows<T: Copy>(buf: &[u64], offset: usize) -> Vec<T> {
    let bytes = buf.len() * 8;
    // SAFETY: the buffer holds at least 8 bytes; it starts with the count.
    let n = unsafe { *buf.as_ptr().cast::<u32>() } as usize;
    let room = bytes.saturating_sub(offset) / size_of::<T>();
    // SAFETY: `offset` is the table's row offset (offset_of!), the rows
    // lie inside the buffer (n is capped by `room`), and the buffer is
    // 8-aligned, enough for every row type here (alignment 8 at most).
    unsafe {
        let first = buf.as_ptr().cast::<u8>().add(offset).cast::<T>();
        std::slice::from_raw_parts(first, n.min(room)).to_vec()
    }
}

/// The network-order port of a table row.
fn row_port(port: u32) -> u16 {
    u16::from_be((port & 0xffff) as u16)
}

/// Every socket of the owner-module tables (TCP_TABLE_OWNER_MODULE_ALL,
/// UDP_TABLE_OWNER_MODULE, IPv4 and IPv6) with its create timestamp.
/// A table Windows (or Wine) does not serve is skipped.
pub(crate) fn sockets_created() -> Vec<SocketCreated> {
    use std::mem::offset_of;
    use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
    let (v4_af, v6_af) = (u32::from(AF_INET), u32::from(AF_INET6));
    // SAFETY (the four calls): the buffer is writable for `len` bytes and
    // `len` is writable; the table class matches the row type read.
    let tcp =
        |af| move |b, l| unsafe { GetExtendedTcpTable(b, l, 0, af, TCP_TABLE_OWNER_MODULE_ALL, 0) };
    let udp =
        |af| move |b, l| unsafe { GetExtendedUdpTable(b, l, 0, af, UDP_TABLE_OWNER_MODULE, 0) };
    let v4 = |a: u32| IpAddr::V4(Ipv4Addr::from(a.to_ne_bytes()));
    let v6 = |a: [u8; 16]| IpAddr::V6(Ipv6Addr::from(a));
    let mut out = Vec::new();
    out.extend(rows_of(
        fill_table(tcp(v4_af)),
        offset_of!(MIB_TCPTABLE_OWNER_MODULE, table),
        |r: &MIB_TCPROW_OWNER_MODULE| {
            created(true, v4(r.dwLocalAddr), r.dwLocalPort, r.dwOwningPid, r.liCreateTimestamp)
        },
    ));
    out.extend(rows_of(
        fill_table(tcp(v6_af)),
        offset_of!(MIB_TCP6TABLE_OWNER_MODULE, table),
        |r: &MIB_TCP6ROW_OWNER_MODULE| {
            created(true, v6(r.ucLocalAddr), r.dwLocalPort, r.dwOwningPid, r.liCreateTimestamp)
        },
    ));
    out.extend(rows_of(
        fill_table(udp(v4_af)),
        offset_of!(MIB_UDPTABLE_OWNER_MODULE, table),
        |r: &MIB_UDPROW_OWNER_MODULE| {
            created(false, v4(r.dwLocalAddr), r.dwLocalPort, r.dwOwningPid, r.liCreateTimestamp)
        },
    ));
    out.extend(rows_of(
        fill_table(udp(v6_af)),
        offset_of!(MIB_UDP6TABLE_OWNER_MODULE, table),
        |r: &MIB_UDP6ROW_OWNER_MODULE| {
            created(false, v6(r.ucLocalAddr), r.dwLocalPort, r.dwOwningPid, r.liCreateTimestamp)
        },
    ));
    out
}

/// The rows of a table that was filled (none when it was not), each made
/// into a [`SocketCreated`].
fn rows_of<T: Copy>(
    buf: Option<Vec<u64>>,
    offset: usize,
    each: impl Fn(&T) -> SocketCreated,
) -> Vec<SocketCreated> {
    buf.map(|b| table_rows::<T>(&b, offset).iter().map(each).collect()).unwrap_or_default()
}

/// One [`SocketCreated`] from a row's fields (port in network order).
fn created(
    tcp: bool,
    address: std::net::IpAddr,
    port: u32,
    pid: u32,
    created: i64,
) -> SocketCreated {
    SocketCreated {
        tcp,
        address,
        port: row_port(port),
        pid,
        created: u64::try_from(created).unwrap_or(0),
    }
}

/// Waits until one of `procs` exits or `limit` passes.
pub(crate) fn wait_any(procs: &[&Process], limit: Duration) {
    // WaitForMultipleObjects takes at most 64 handles.
    let handles: Vec<_> = procs.iter().take(64).map(|p| p.0.as_raw_handle()).collect();
    if handles.is_empty() {
        return;
    }
    // SAFETY: `handles` holds `len` open handles (each borrowed from a
    // live Process) and lives across the call.
    unsafe { WaitForMultipleObjects(handles.len() as u32, handles.as_ptr(), 0, millis(limit)) };
}

/// The account `pid` runs as (`DOMAIN\\name` without the domain), from
/// its token: OpenProcess, OpenProcessToken, GetTokenInformation(TokenUser),
/// LookupAccountSidW. `None` when any step is refused.
pub(crate) fn process_user(pid: u32) -> Option<String> {
    // SAFETY: integer arguments; a null result is checked.
    let h = unsafe { OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid) };
    if h.is_null() {
        return None;
    }
    // SAFETY: `h` is a fresh handle owned by nothing else.
    let process = unsafe { OwnedHandle::from_raw_handle(h) };
    let mut token = std::ptr::null_mut();
    // SAFETY: the process handle is open; `token` is a writable HANDLE.
    if unsafe { OpenProcessToken(process.as_raw_handle(), TOKEN_QUERY, &raw mut token) } == 0 {
        return None;
    }
    // SAFETY: `token` was just opened and is owned by nothing else.
    let token = unsafe { OwnedHandle::from_raw_handle(token) };
    // TOKEN_USER is a pointer to the SID followed by the SID itself: a
    // u64 buffer keeps it aligned.
    let mut buf = [0u64; 64];
    let mut len = 0u32;
    // SAFETY: `buf` is writable for the length passed; `len` is writable.
    let ok = unsafe {
        GetTokenInformation(
            token.as_raw_handle(),
            TokenUser,
            buf.as_mut_ptr().cast(),
            size_of_val(&buf) as u32,
            &raw mut len,
        )
    };
    if ok == 0 {
        return None;
    }
    // SAFETY: on success the buffer starts with a TOKEN_USER, aligned.
    let sid = unsafe { (*buf.as_ptr().cast::<TOKEN_USER>()).User.Sid };
    let (mut name, mut domain) = ([0u16; 256], [0u16; 256]);
    let (mut name_len, mut domain_len, mut kind) = (256u32, 256u32, SID_NAME_USE::default());
    // SAFETY: `sid` points into `buf`, alive here; both name buffers are
    // writable for the lengths passed, which the call updates.
    let ok = unsafe {
        LookupAccountSidW(
            std::ptr::null(),
            sid,
            name.as_mut_ptr(),
            &raw mut name_len,
            domain.as_mut_ptr(),
            &raw mut domain_len,
            &raw mut kind,
        )
    };
    let name = name.get(..name_len as usize)?;
    (ok != 0).then(|| String::from_utf16_lossy(name))
}

/// This thread's last Win32 error.
fn last_error() -> u32 {
    // SAFETY: no arguments; reads this thread's last error.
    unsafe { GetLastError() }
}

/// Whether portcheck's own token is elevated (GetTokenInformation with
/// TokenElevation): the Windows counterpart of running as root. `Err` is
/// the Win32 error of the step that failed.
pub(crate) fn token_elevated() -> Result<bool, u32> {
    let mut token = null_mut();
    // SAFETY: GetCurrentProcess returns a pseudo-handle that needs no
    // closing; `token` is a writable HANDLE.
    if unsafe { OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &raw mut token) } == 0 {
        return Err(last_error());
    }
    // SAFETY: `token` was just opened and is owned by nothing else.
    let token = unsafe { OwnedHandle::from_raw_handle(token) };
    let mut elevation = TOKEN_ELEVATION { TokenIsElevated: 0 };
    let mut len = 0u32;
    // SAFETY: the token is open with TOKEN_QUERY; `elevation` is a
    // writable TOKEN_ELEVATION of the size passed; `len` is writable.
    let ok = unsafe {
        GetTokenInformation(
            token.as_raw_handle(),
            TokenElevation,
            (&raw mut elevation).cast(),
            size_of::<TOKEN_ELEVATION>() as u32,
            &raw mut len,
        )
    };
    if ok == 0 {
        return Err(last_error());
    }
    Ok(elevation.TokenIsElevated != 0)
}

/// One network adapter as GetAdaptersAddresses lists it. Addresses are
/// the raw SOCKADDR bytes: `crate::host` reads them (safe code, unit-tested).
pub(crate) struct Adapter {
    /// The friendly name ("Ethernet", "Wi-Fi", "Loopback Pseudo-Interface 1").
    pub(crate) name: String,
    /// OperStatus is IfOperStatusUp.
    pub(crate) up: bool,
    /// IfType is IF_TYPE_SOFTWARE_LOOPBACK.
    pub(crate) loopback: bool,
    /// IfIndex (IPv4) and Ipv6IfIndex (the scope id of link-local
    /// addresses); 0 where the protocol is not on the adapter.
    pub(crate) indexes: [u32; 2],
    /// Each unicast address: its SOCKADDR bytes and on-link prefix length.
    pub(crate) unicast: Vec<(Vec<u8>, u8)>,
}

/// Every adapter with its unicast addresses (GetAdaptersAddresses over
/// IPv4 and IPv6, without anycast, multicast and DNS server lists). `Err`
/// is the Win32 error.
pub(crate) fn adapters() -> Result<Vec<Adapter>, u32> {
    let flags = GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST | GAA_FLAG_SKIP_DNS_SERVER;
    let mut len: u32 = 16 * 1024;
    // The list can grow between the size query and the call: a few tries.
    for _ in 0..4 {
        // u64s: the structs need 8-byte alignment; at least `len` bytes.
        let mut buf = vec![0u64; (len as usize).div_ceil(8)];
        // SAFETY: `buf` is writable and 8-aligned for at least `len` bytes,
        // the size passed; `len` is writable; the reserved pointer is null.
        let rc = unsafe {
            GetAdaptersAddresses(
                u32::from(AF_UNSPEC),
                flags,
                null(),
                buf.as_mut_ptr().cast(),
                &raw mut len,
            )
        };
        match rc {
            0 if len == 0 => return Ok(Vec::new()),
            0 => return Ok(walk(&buf)),
            ERROR_NO_DATA => return Ok(Vec::new()),
            ERROR_BUFFER_OVERFLOW => {}
            e => return Err(e),
        }
    }
    Err(ERROR_BUFFER_OVERFLOW)
}

/// The adapters of the list GetAdaptersAddresses wrote into `buf`.
fn walk(buf: &[u64]) -> Vec<Adapter> {
    let mut out = Vec::new();
    let mut p = buf.as_ptr().cast::<IP_ADAPTER_ADDRESSES_LH>();
    while !p.is_null() {
        // SAFETY: `p` is the list's head at the start of `buf` or a `Next`
        // pointer of it; every node lives in `buf`, borrowed for this call.
        let a = unsafe { &*p };
        let mut unicast = Vec::new();
        let mut u = a.FirstUnicastAddress;
        while !u.is_null() {
            // SAFETY: a node of the same list, in `buf`.
            let address = unsafe { &*u };
            unicast.push((sockaddr_bytes(&address.Address), address.OnLinkPrefixLength));
            u = address.Next;
        }
        // SAFETY: both members of the union start with Length and IfIndex
        // (the other is an alignment u64 over the same bytes).
        let index = unsafe { a.Anonymous1.Anonymous.IfIndex };
        out.push(Adapter {
            name: wide(a.FriendlyName),
            up: a.OperStatus == IfOperStatusUp,
            loopback: a.IfType == IF_TYPE_SOFTWARE_LOOPBACK,
            indexes: [index, a.Ipv6IfIndex],
            unicast,
        });
        p = a.Next;
    }
    out
}

/// The bytes of a SOCKET_ADDRESS's SOCKADDR (at most 128), or none.
fn sockaddr_bytes(a: &SOCKET_ADDRESS) -> Vec<u8> {
    let len = usize::try_from(a.iSockaddrLength).unwrap_or(0).min(128);
    if a.lpSockaddr.is_null() || len == 0 {
        return Vec::new();
    }
    // SAFETY: the list says `lpSockaddr` points at `iSockaddrLength`
    // readable bytes inside the buffer the caller keeps alive.
    unsafe { std::slice::from_raw_parts(a.lpSockaddr.cast::<u8>(), len) }.to_vec()
}

/// A NUL-terminated UTF-16 string (at most 256 units), lossily.
fn wide(p: *const u16) -> String {
    if p.is_null() {
        return String::new();
    }
    let mut units = Vec::new();
    for i in 0..256 {
        // SAFETY: `p` is a NUL-terminated string of the adapter list;
        // reading stops at the NUL.
        let c = unsafe { *p.add(i) };
        if c == 0 {
            break;
        }
        units.push(c);
    }
    String::from_utf16_lossy(&units)
}

/// Turns on escape-sequence processing for the console on stdout; the
/// Win32 error when stdout is no console or the console refuses.
pub(crate) fn enable_virtual_terminal() -> Result<(), u32> {
    // SAFETY: GetStdHandle takes a constant and returns a handle that
    // this process does not own (no closing).
    let out = unsafe { GetStdHandle(STD_OUTPUT_HANDLE) };
    let mut mode = 0;
    // SAFETY: `out` is the std handle (GetConsoleMode fails cleanly for
    // a non-console or invalid handle); `mode` is a writable CONSOLE_MODE.
    if unsafe { GetConsoleMode(out, &raw mut mode) } == 0 {
        return Err(last_error());
    }
    if mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
        return Ok(());
    }
    // SAFETY: the same console handle, with a mode built from its own.
    if unsafe { SetConsoleMode(out, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) } == 0 {
        return Err(last_error());
    }
    Ok(())
}

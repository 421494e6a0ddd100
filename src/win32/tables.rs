//! The owner-module socket tables (GetExtendedTcpTable and
//! GetExtendedUdpTable), read for each socket's create timestamp.

use windows_sys::Win32::Foundation::{ERROR_INSUFFICIENT_BUFFER, NO_ERROR};
use windows_sys::Win32::NetworkManagement::IpHelper::{
    GetExtendedTcpTable, GetExtendedUdpTable, MIB_TCP6ROW_OWNER_MODULE, MIB_TCP6TABLE_OWNER_MODULE,
    MIB_TCPROW_OWNER_MODULE, MIB_TCPTABLE_OWNER_MODULE, MIB_UDP6ROW_OWNER_MODULE,
    MIB_UDP6TABLE_OWNER_MODULE, MIB_UDPROW_OWNER_MODULE, MIB_UDPTABLE_OWNER_MODULE,
    TCP_TABLE_OWNER_MODULE_ALL, UDP_TABLE_OWNER_MODULE,
};
use windows_sys::Win32::Networking::WinSock::{AF_INET, AF_INET6};

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

//! The network adapters and their unicast addresses
//! (GetAdaptersAddresses), as raw SOCKADDR bytes for `crate::host`.

use std::ptr::null;

use windows_sys::Win32::Foundation::{ERROR_BUFFER_OVERFLOW, ERROR_NO_DATA};
use windows_sys::Win32::NetworkManagement::IpHelper::{
    GAA_FLAG_SKIP_ANYCAST, GAA_FLAG_SKIP_DNS_SERVER, GAA_FLAG_SKIP_MULTICAST, GetAdaptersAddresses,
    IF_TYPE_SOFTWARE_LOOPBACK, IP_ADAPTER_ADDRESSES_LH,
};
use windows_sys::Win32::NetworkManagement::Ndis::IfOperStatusUp;
use windows_sys::Win32::Networking::WinSock::{AF_UNSPEC, SOCKET_ADDRESS};

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

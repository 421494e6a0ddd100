//! The user's UI language where the locale variables are usually unset
//! (Windows, macOS): `sys-locale` asks the platform. Elsewhere there is
//! none; the variables decide.

/// The UI language's tag (`ko-KR`), if the platform has one.
#[cfg(any(windows, target_os = "macos"))]
pub(super) fn language() -> Option<String> {
    sys_locale::get_locale()
}

/// The UI language's tag: none off Windows and macOS.
#[cfg(not(any(windows, target_os = "macos")))]
pub(super) fn language() -> Option<String> {
    None
}

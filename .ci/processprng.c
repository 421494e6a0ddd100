/* bcryptprimitives.dll for Wine 8.0, which lacks ProcessPrng: Rust's std
 * (1.78 and later) imports it for its random keys. It forwards to
 * BCryptGenRandom with the system-preferred RNG. .ci/windows builds it
 * with the mingw gcc and copies it into the Wine prefix's system32. */
#include <windows.h>
#include <bcrypt.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    return BCryptGenRandom(NULL, data, (ULONG)len, BCRYPT_USE_SYSTEM_PREFERRED_RNG) == 0;
}

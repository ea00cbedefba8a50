#ifndef CERTAUDIT_CDIRECTIO_H
#define CERTAUDIT_CDIRECTIO_H
/// File-system calls Swift's Glibc module cannot reach: a flag glibc's headers hide, a system call
/// glibc does not wrap.

/// `O_DIRECT`, which glibc's headers only define under `_GNU_SOURCE` (so Swift's Glibc module does
/// not have it), and whose value differs between architectures; 0 where the system has none.
int ca_o_direct_flag(void);

/// Opens `path`, relative to the folder open as `folder`, with `flags` (as `openat`), refusing to
/// leave the folder or to follow any symbolic link on the way: Linux's `openat2` with
/// `RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS`, one call where checking each component takes one each.
/// Returns the descriptor, or -1 with `errno`: `ELOOP` for a symbolic link on the way, `EXDEV` for a
/// path that would leave the folder, `ENOSYS` (or `EPERM` under some sandboxes) where the kernel
/// (before 5.6) or the system's headers lack the call, which the caller then does without.
int ca_open_beneath(int folder, const char *path, int flags);
#endif

#ifndef CERTAUDIT_CTHREADPRIORITY_H
#define CERTAUDIT_CTHREADPRIORITY_H
/// A thread's scheduling priority, which Swift's Glibc module cannot reach: Linux keeps a nice value
/// per thread, named by the thread's ID (`gettid`, which the module does not declare).

/// Lowers the calling thread's priority: adds `niceness` (above 0) to its nice value, capped at 19.
/// Only the caller's thread is affected, and an unprivileged process cannot raise it back: call it
/// on a thread that ends with its work. Returns 0, or -1 with `errno`; does nothing (0) where the
/// system keeps no per-thread nice value.
int ca_lower_thread_priority(int niceness);
#endif

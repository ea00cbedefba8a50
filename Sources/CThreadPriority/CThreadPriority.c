#include "CThreadPriority.h"
#include <errno.h>
#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

int ca_lower_thread_priority(int niceness) {
#if defined(__linux__)
    if (niceness <= 0) return 0;
    id_t thread = (id_t)syscall(SYS_gettid);
    errno = 0;
    int current = getpriority(PRIO_PROCESS, thread);
    if (current == -1 && errno != 0) return -1;
    int lowered = current + niceness > 19 ? 19 : current + niceness;
    return setpriority(PRIO_PROCESS, thread, lowered);
#else
    (void)niceness;
    return 0;
#endif
}

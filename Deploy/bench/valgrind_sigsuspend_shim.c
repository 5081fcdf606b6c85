/* LD_PRELOAD shim for running craftd under valgrind 3.19 (Debian 12).
 *
 * libdispatch's main thread (Swift's async main ends in dispatch_main) parks in
 * sigsuspend(&mask) with `static const sigset_t mask` -- read-only memory. valgrind's
 * rt_sigsuspend wrapper rewrites the client's mask in place (to keep its own signals
 * deliverable) and dies with SIGSEGV ("the 'impossible' happened", faulting address in
 * libdispatch). This shim hands the real sigsuspend a writable copy. Built by
 * Deploy/bench/profile.sh; measurement only, never linked into craftd. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <signal.h>

int sigsuspend(const sigset_t *mask) {
  static int (*real)(const sigset_t *);
  if (!real) real = (int (*)(const sigset_t *))dlsym(RTLD_NEXT, "sigsuspend");
  sigset_t copy = *mask;
  return real(&copy);
}

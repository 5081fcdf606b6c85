// libFuzzer's driver entry point (compiler-rt, LLVM 11+). SwiftPM gives executables their own
// `main`, so craft-fuzz calls the driver itself instead of linking libFuzzer's `main`.
#include <stddef.h>
#include <stdint.h>
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

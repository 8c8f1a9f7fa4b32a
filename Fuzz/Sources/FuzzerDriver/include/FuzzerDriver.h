#ifndef READINESS_FUZZER_DRIVER_H
#define READINESS_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver (LLVM 11 and later), linked in by -sanitize=fuzzer. We call it from our own main
// instead of letting libFuzzer supply main(): SwiftPM renames an executable's main for testing, which
// leaves nothing for libFuzzer's main to replace.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif

// SwiftPM links Linux executables with `--defsym main=<Module>_main` (testable executables),
// which hides libFuzzer's own main. This entry point hands control to libFuzzer's driver.
#include "FuzzerEntry.h"

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int IRFuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}

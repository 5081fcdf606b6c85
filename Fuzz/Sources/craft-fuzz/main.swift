// Entry point: with `CRAFT_FUZZ_LIST_TYPES=1`, prints the message type of each first-byte value
// (so `run.sh` can turn the contract's test vectors into a seed corpus); otherwise runs libFuzzer.

import CFuzzDriver
import Glibc

if getenv("CRAFT_FUZZ_LIST_TYPES") != nil {
  for (index, type) in messageTypes.enumerated() { print(index, type.protoMessageName) }
  exit(0)
}
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })

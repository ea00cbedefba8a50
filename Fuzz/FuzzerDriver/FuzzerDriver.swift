/// Hands a fuzz target to libFuzzer's driver: SwiftPM names an executable target's entry point
/// `<Target>_main`, so each target's entry point calls this, which parses libFuzzer's flags and runs
/// `target` on every input after `warmUp` (one-time initialisation, kept out of leak accounting).
public func runFuzzer(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, warmUp: () -> Void,
    target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt {
    var count = argc
    var arguments = argv
    warmUp()
    return llvmFuzzerRunDriver(&count, &arguments, target)
}

/// libFuzzer's `LLVMFuzzerRunDriver`, bound by its C name.
@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

"""The request loop of the Python workers that the peer-comparison drivers talk to, as
org.jfits.bench.RequestLoop is for the JVM harnesses: it says READY, then answers each stdin line
`LIB OP FILE ...` (split at blanks) with one line, `OK seconds checksum` or `ERR message`, until
`quit` or the end of input.

Each request: `prepare(parts)` runs untimed and returns the call to time; the previous result is
dropped and the garbage collected; with `settle_seconds`, the call runs untimed for that long first
(as the JVM cutout harness does between its GC and its clock); then the call is timed `repeats(parts)`
times and the mean printed, with `checksum(result)` computed outside the timing.
"""
import gc
import sys
import time


def serve(prepare, checksum=len, repeats=lambda parts: 1, settle_seconds=0.0):
    print("READY", flush=True)
    keep = None
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] == "quit":
            break
        try:
            keep = None
            call = prepare(parts)
            calls = repeats(parts)
            gc.collect()
            if settle_seconds > 0:
                settle_until = time.perf_counter() + settle_seconds
                while True:
                    keep = call()
                    if time.perf_counter() >= settle_until:
                        break
                keep = None
            t0 = time.perf_counter()
            for _ in range(calls):
                keep = call()
            seconds = (time.perf_counter() - t0) / calls
            print("OK %.6f %s" % (seconds, checksum(keep)), flush=True)
        except Exception as e:  # noqa: BLE001
            print("ERR " + repr(e).replace("\n", " "), flush=True)

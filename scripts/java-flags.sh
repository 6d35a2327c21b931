# Sourced by the jfits launchers: sets the array jfits_java_flags to the JVM flags jfits needs on the
# java found on PATH, and exports GLIBC_TUNABLES=glibc.malloc.hugetlb=1 (unless set already): large
# arrays then get transparent huge pages, as numpy asks for its own, and a 64 MiB image costs 32 page
# faults instead of 16384 (a 4096 x 4096 float32 read: 0.12 s -> 0.014 s on the benchmark VM). JDK 22+ warns when native libraries (ND4J's) load unless native access is
# granted; JDK 23+ warns about sun.misc.Unsafe (used by javacpp) unless it is allowed.
jfits_java_flags=(-Djava.awt.headless=true
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.logFile=System.err)
jfits_java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
if [[ -n "$jfits_java_major" ]] && ((jfits_java_major >= 22)); then
  jfits_java_flags+=(--enable-native-access=ALL-UNNAMED)
fi
if [[ -n "$jfits_java_major" ]] && ((jfits_java_major >= 23)); then
  jfits_java_flags+=(--sun-misc-unsafe-memory-access=allow)
fi
export GLIBC_TUNABLES="${GLIBC_TUNABLES:-glibc.malloc.hugetlb=1}"

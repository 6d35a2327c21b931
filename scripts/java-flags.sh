# Sourced by the jfits launchers: sets the array jfits_java_flags to the JVM flags jfits needs on the
# java found on PATH (and jfits_java_version to its `java -version` line), and exports GLIBC_TUNABLES=glibc.malloc.hugetlb=1 (unless set already): large
# arrays then get transparent huge pages, as numpy asks for its own, and a 64 MiB image costs 32 page
# faults instead of 16384 (a 4096 x 4096 float32 read: 0.12 s -> 0.014 s on the benchmark VM). JDK 22+ warns when native libraries (ND4J's) load unless native access is
# granted; JDK 23+ warns about sun.misc.Unsafe (used by javacpp) unless it is allowed.
# JVM warnings go to stderr, never into a command's output on stdout.
jfits_java_flags=(-Djava.awt.headless=true -Xlog:disable -Xlog:all=warning:stderr
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.logFile=System.err)
jfits_java_version=$(java -version 2>&1 | head -n 1)
jfits_java_major=$(sed -n 's/.*version "\([0-9]*\).*/\1/p' <<< "$jfits_java_version")
if [[ -n "$jfits_java_major" ]] && ((jfits_java_major >= 22)); then
  jfits_java_flags+=(--enable-native-access=ALL-UNNAMED)
fi
if [[ -n "$jfits_java_major" ]] && ((jfits_java_major >= 23)); then
  jfits_java_flags+=(--sun-misc-unsafe-memory-access=allow)
fi
export GLIBC_TUNABLES="${GLIBC_TUNABLES:-glibc.malloc.hugetlb=1}"

# jfits_command_line_flags FOLDER CLASSPATH SAMPLE.fits: adds to jfits_java_flags what the command
# line runs best with. The throughput collector (ParallelGC: `info` over 1000 files in 1.2 s instead
# of G1's 1.5 s). Class data sharing: the classes that `jfits info SAMPLE.fits` loads are archived
# once per java version in FOLDER (again when the first jar of CLASSPATH is newer than the archive),
# which starts later commands about 0.1 s sooner. The JVM ignores a stale, foreign or empty archive: when
# archiving fails, an empty file stands in so that it is not tried on every start.
jfits_command_line_flags() {
  local folder=$1 classpath=$2 sample=$3
  local archive
  jfits_java_flags+=(-XX:+UseParallelGC)
  archive="$folder/jfits-cli-$(cksum <<< "$jfits_java_version" | cut -d ' ' -f 1).jsa"
  if [[ -w "$folder" ]] && [[ ! -f "$archive" || "${classpath%%:*}" -nt "$archive" ]]; then
    if java "${jfits_java_flags[@]}" -XX:ArchiveClassesAtExit="$archive.$$" -cp "$classpath" \
        org.jfits.cli.Main info "$sample" > /dev/null 2>&1; then
      mv -f "$archive.$$" "$archive"
    else
      rm -f "$archive.$$"
      : > "$archive"
    fi
  fi
  if [[ -f "$archive" ]]; then
    jfits_java_flags+=(-XX:SharedArchiveFile="$archive")
  fi
}

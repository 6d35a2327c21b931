#!/usr/bin/env bash
# Installs the jfits command for the current user (or under PREFIX):
#   scripts/install.sh [PREFIX]      default PREFIX: ~/.local
# Puts the jars in PREFIX/lib/jfits and a launcher in PREFIX/bin/jfits.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
prefix=${1:-$HOME/.local}
scripts/setup.sh
mvn -B -q -ntp -pl core -am package -DskipTests

lib="$prefix/lib/jfits"
rm -rf "$lib.new"
mkdir -p "$lib.new" "$prefix/bin"
cp core/target/jfits-core-*.jar "$lib.new/"
IFS=':' read -r -a jars < core/target/runtime-classpath.txt || true  # the file has no final newline
cp "${jars[@]}" "$lib.new/"
rm -rf "$lib" && mv "$lib.new" "$lib"

cp scripts/java-flags.sh "$lib/java-flags.sh"
cp samples/astropy_test0.fits "$lib/class-sharing-sample.fits"
jar=$(ls "$lib"/jfits-core-*.jar | grep -v -- -tests.jar | head -n 1)
cat > "$prefix/bin/jfits.new" <<LAUNCHER
#!/usr/bin/env bash
source "$lib/java-flags.sh"
jfits_command_line_flags "$lib" "$jar:$lib/*" "$lib/class-sharing-sample.fits"
exec java \${JFITS_JAVA_OPTS:-} "\${jfits_java_flags[@]}" -cp "$jar:$lib/*" org.jfits.cli.Main "\$@"
LAUNCHER
chmod +x "$prefix/bin/jfits.new"
mv "$prefix/bin/jfits.new" "$prefix/bin/jfits"
echo "installed: $prefix/bin/jfits"

# Sourced by ./microjam and ./test: sets JAVA_HOME to a JDK 21 or newer, or says what is missing.
# Looks at $JAVA_HOME, then java on PATH, then the JDKs under /usr/lib/jvm.
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | cut -d. -f1
}
is_jdk21() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  local major; major=$(java_major "$1")
  [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null
}
find_java_home() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ] && is_jdk21 "$JAVA_HOME"; then return 0; fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if is_jdk21 "$candidate"; then export JAVA_HOME="$candidate"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if is_jdk21 "$candidate"; then export JAVA_HOME="$candidate"; return 0; fi
  done
  echo "microjam: needs a JDK 21 or newer (java and javac): set JAVA_HOME to one${JAVA_HOME:+ (JAVA_HOME=$JAVA_HOME is not)}, or put its bin on PATH" >&2
  return 1
}

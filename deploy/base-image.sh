#!/usr/bin/env bash
# Builds the base image the MicroJam container image is layered on, without a Docker daemon or a registry:
# a minimal Debian (debootstrap, from Debian's own mirror), the fonts the research plots draw text with, and
# a Java runtime cut by jlink from this machine's JDK to the modules the server uses. Written as a
# `docker save` archive (deploy/target/microjam-base.tar), which Jib reads as `tar://…` (the `image` profile).
# Where a registry is reachable, any JDK 25 image can be the base instead: -Dmicrojam.image.base=eclipse-temurin:25-jre.
#
#   deploy/base-image.sh            (as root: debootstrap needs it; about 3 minutes and 60 MB of downloads)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/bin/find-java.sh"
find_java_home || exit 1
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=${DEBIAN_SUITE:-bookworm}
out="$root/deploy/target"
jar="$root/microjam-server/target/microjam.jar"
[ "$(id -u)" = 0 ] || { echo "base-image: debootstrap needs root" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "base-image: needs debootstrap (apt-get install debootstrap)" >&2; exit 1; }
[ -f "$jar" ] || { echo "base-image: build the server first (./mvnw -pl microjam-server -am package -DskipTests): jlink keeps the modules its jar uses" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
echo "base-image: Debian $suite (minbase) from $mirror…" >&2
debootstrap --variant=minbase --include=fontconfig,fonts-dejavu-core "$suite" "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
# What a server never reads: the package caches and lists, documentation, manual pages, translations.
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
       "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/* "$rootfs"/var/log/*

# The modules the server's jar needs (jdeps), plus the Vector API (RoboJam's kernel, an incubator module that
# jdeps cannot always see in a jar), jdk.crypto.ec for TLS, jdk.unsupported and jdk.management for the libraries.
modules=$("$JAVA_HOME/bin/jdeps" --ignore-missing-deps --multi-release 25 --print-module-deps -q "$jar")
modules=$(echo "${modules:+$modules,}jdk.incubator.vector,jdk.crypto.ec,jdk.unsupported,jdk.management" | tr , '\n' | sort -u | paste -sd,)
echo "base-image: a Java runtime with $modules" >&2
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --output "$rootfs/opt/java"

# The server runs as an unprivileged user that owns only /data (its SQLite file, certificate, research reports).
echo "microjam:x:10001:10001:MicroJam:/data:/usr/sbin/nologin" >>"$rootfs/etc/passwd"
echo "microjam:x:10001:" >>"$rootfs/etc/group"
mkdir -p "$rootfs/data" && chown 10001:10001 "$rootfs/data"

# The health check, one command for Docker's HEALTHCHECK and Kubernetes' probes alike. It needs no curl: bash
# opens the port itself and reads /health's status line (plain HTTP is answered on the container's loopback,
# where a probe from outside would be redirected to HTTPS). /health is 503 while PostgreSQL is unreachable.
cat >"$rootfs/usr/local/bin/microjam-health" <<'HEALTH'
#!/bin/bash
exec 3<>"/dev/tcp/127.0.0.1/${MICROJAM_PORT:-8080}" || exit 1
printf 'GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
IFS= read -r -t 3 status <&3 && [[ $status == *" 200 "* ]]
HEALTH
chmod 755 "$rootfs/usr/local/bin/microjam-health"

# One layer, reproducible: sorted names, numeric owners, one fixed time.
mkdir -p "$work/image"
tar --sort=name --numeric-owner --mtime=@0 --xattrs -C "$rootfs" -cf "$work/image/layer.tar" .
diff_id=$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
# Durations in nanoseconds.
cat >"$work/image/config.json" <<EOF
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],
   "User":"10001","WorkingDir":"/data",
   "Healthcheck":{"Test":["CMD","microjam-health"],
     "Interval":10000000000,"Timeout":3000000000,"StartPeriod":60000000000,"Retries":3}},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/base-image.sh: debootstrap $suite minbase, fontconfig, fonts-dejavu-core; jlink $modules"}]}
EOF
config_id=$(sha256sum "$work/image/config.json" | cut -d' ' -f1)
mv "$work/image/config.json" "$work/image/$config_id.json"
echo "[{\"Config\":\"$config_id.json\",\"RepoTags\":[\"microjam-base:$suite\"],\"Layers\":[\"layer.tar\"]}]" >"$work/image/manifest.json"
mkdir -p "$out"
tar --sort=name --mtime=@0 -C "$work/image" -cf "$out/microjam-base.tar" manifest.json "$config_id.json" layer.tar
echo "base-image: $out/microjam-base.tar ($(du -h "$out/microjam-base.tar" | cut -f1))" >&2

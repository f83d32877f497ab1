#!/usr/bin/env bash
# Builds, without a registry or a Docker daemon, the base image the service's image is layered on (mvn -Pimage):
# a docker-archive tarball with this machine's Java 17 runtime (JAVA_HOME, symlinks resolved), the shared libraries it
# loads, a non-root user 185, /tmp, and the initial ruleset in the working directory (rules/ and decision-tables/,
# imported on the very first start against an empty database). Use it where no base image can be pulled; with a
# registry at hand, pass -Dquarkus.jib.base-jvm-image=<an OpenJDK 17 runtime image> instead.
# Usage: build-base-image.sh <project directory> <output .tar>
set -euo pipefail
project=$(cd "$1" && pwd)
out=$2
java_home=${IMAGE_JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
[ -x "$java_home/bin/java" ] || { echo "No Java runtime at $java_home (set IMAGE_JAVA_HOME)" >&2; exit 1; }
"$java_home/bin/java" -version 2>&1 | grep -q 'version "17' || { echo "$java_home is not Java 17" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
mkdir -p "$root/opt/java" "$root/tmp" "$root/etc" "$root/home/jboss" "$root/lib64"
chmod 1777 "$root/tmp"
# the runtime, symlinks followed (Debian points conf/ and cacerts into /etc); a server needs no desktop libraries
tar -C "$java_home" -chf - --exclude=./lib/src.zip --exclude=./jmods --exclude=./demo --exclude=./man \
    --exclude=./lib/libawt_xawt.so --exclude=./lib/libsplashscreen.so --exclude=./lib/libjawt.so \
    --exclude=./lib/libjsound.so . \
  | tar -C "$root/opt/java" -xf - 2>/dev/null || true
mv "$root/opt/java" "$root/opt/openjdk" && mkdir -p "$root/opt/java" && mv "$root/opt/openjdk" "$root/opt/java/openjdk"
# every shared library the runtime's executables and libraries load, at the path the loader looks for it
find "$root/opt/java/openjdk" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 \
  | xargs -0 ldd 2>/dev/null | awk '/=> \//{print $3} /^\s*\/.*ld-linux/{print $1}' | sort -u \
  | while read -r lib; do
      mkdir -p "$root$(dirname "$lib")"
      cp -L "$lib" "$root$lib"
    done
for lib in /lib64/ld-linux-x86-64.so.2 /lib/x86_64-linux-gnu/ld-linux-x86-64.so.2; do
  [ -e "$lib" ] && mkdir -p "$root$(dirname "$lib")" && cp -L "$lib" "$root$lib"
done
printf 'root:x:0:0:root:/root:/sbin/nologin\njboss:x:185:185:service:/home/jboss:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\njboss:x:185:\n' > "$root/etc/group"
cp -r "$project/rules" "$project/decision-tables" "$root/home/jboss/"

layer=$work/layer.tar
# reproducible: fixed owner and times; the working directory belongs to the service's user
tar -C "$root" --sort=name --mtime='2026-01-01 00:00:00' --owner=0 --group=0 --numeric-owner -cf "$layer" .
diff_id=$(sha256sum "$layer" | cut -d' ' -f1)
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"],
           "User":"185","WorkingDir":"/home/jboss"},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]}}
JSON
echo '[{"Config":"config.json","RepoTags":["order-release-base:local"],"Layers":["layer.tar"]}]' > "$work/manifest.json"
mkdir -p "$(dirname "$out")"
tar -C "$work" -cf "$out" manifest.json config.json layer.tar
echo "Base image $out: $(du -h "$out" | cut -f1), Java runtime from $java_home"

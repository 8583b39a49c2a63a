#!/usr/bin/env bash
# Runs the MicroJam image where there is no container engine (as on the machine it is built on): its layers
# unpacked in order into one directory, then the image's own Entrypoint and Cmd, Env, User and WorkingDir from
# its config, in a chroot with its own /proc. Root is needed (chroot, unshare). Ctrl-C stops it.
#
#   deploy/run-image-here.sh microjam-server/target/microjam-image.tar /tmp/microjam-root [HTTP-PORT]
#   then: chroot --userspec=10001:10001 /tmp/microjam-root env MICROJAM_PORT=HTTP-PORT microjam-health; echo $?
set -euo pipefail
image=${1:?the image archive (microjam-server/target/microjam-image.tar)}
root=${2:?an empty directory to unpack it into}
port=${3:-18080}
[ "$(id -u)" = 0 ] || { echo "run-image-here: needs root (chroot)" >&2; exit 1; }
unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
tar -C "$unpacked" -xf "$image"
rm -rf "$root" && mkdir -p "$root"
for layer in $(python3 -c 'import json, sys; print(" ".join(json.load(open(sys.argv[1]))[0]["Layers"]))' "$unpacked/manifest.json"); do
  tar -C "$root" -xzf "$unpacked/$layer"
done
# The command line, as a container engine would assemble it from the image's config (HTTPS on the next port).
python3 - "$unpacked/manifest.json" "$port" >"$root/run-image.sh" <<'PY'
import json, os, shlex, sys
manifest = json.load(open(sys.argv[1]))[0]
config = json.load(open(os.path.join(os.path.dirname(sys.argv[1]), manifest["Config"])))["config"]
env = config["Env"] + ["MICROJAM_PORT=" + sys.argv[2], "MICROJAM_HTTPS_PORT=" + str(int(sys.argv[2]) + 1)]
print("cd %s && exec env -i %s %s" % (shlex.quote(config["WorkingDir"]), " ".join(map(shlex.quote, env)),
                                      " ".join(map(shlex.quote, config["Entrypoint"] + config["Cmd"]))))
print("# user " + config["User"])
PY
user=$(sed -n 's/^# user //p' "$root/run-image.sh")
exec unshare --mount --pid --fork --mount-proc="$root/proc" chroot --userspec="$user:$user" "$root" /bin/bash /run-image.sh

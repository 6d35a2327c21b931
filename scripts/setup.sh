#!/usr/bin/env bash
# Installs what jfits needs on a Debian/Ubuntu machine that has a JDK (17 or later) and Maven.
#   scripts/setup.sh          build tools only (checks java and mvn)
#   scripts/setup.sh test     also the reference tools the tests compare against (astropy, numpy,
#                             matplotlib, fitsio, fitsverify, fpack/funpack), nginx (the HTTP
#                             server of the remote-file tests), openssl (their TLS certificate) and
#                             Jupyter, which executes the notebooks
#   scripts/setup.sh jupyter  build tools and Jupyter (Debian's packages, run with /usr/bin/python3)
#   scripts/setup.sh bench    the peers the benchmarks time jfits against (astropy, fitsio, numpy)
# Packages already installed are left alone; apt-get runs only when something is missing.
set -euo pipefail

need_command() {
  command -v "$1" >/dev/null 2>&1 || { echo "setup: '$1' is required ($2)" >&2; exit 1; }
}
need_command java "a JDK 17 or later"
need_command mvn "Apache Maven 3.8 or later"

java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [[ "${java_major%%.*}" -lt 17 ]]; then
  echo "setup: java $java_major found; jfits needs 17 or later" >&2
  exit 1
fi

packages=()
jupyter=(jupyter-core jupyter-client jupyter-nbconvert jupyter-notebook python3-nbclient
  python3-nbformat python3-ipykernel)
case "${1:-}" in
  test)
    # Debian's own python3 (/usr/bin/python3) runs the reference checks and the notebooks.
    packages+=(python3 python3-numpy python3-astropy python3-matplotlib python3-fitsio fitsverify libcfitsio-bin nginx
      openssl "${jupyter[@]}") ;;
  jupyter)
    packages+=(python3 "${jupyter[@]}") ;;
  bench)
    packages+=(python3 python3-numpy python3-astropy python3-fitsio) ;;
esac

missing=()
for p in ${packages[@]+"${packages[@]}"}; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

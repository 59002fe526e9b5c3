#!/usr/bin/env bash
# The test command: installs what the tests need on a fresh Debian machine (python3, git, npm,
# Chromium with its driver for the explorer's browser tests, and a single-node Slurm cluster,
# as root), starts the cluster, then runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v python3 >/dev/null || need+=(python3)
command -v git >/dev/null || need+=(git)
command -v npm >/dev/null || need+=(npm)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test: ${need[*]} missing; install them (as root: apt-get install ${need[*]})" >&2
    exit 2
  fi
  echo "test: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${need[@]}"
fi

# sed reads to the end: head would close the pipe, and Maven dies of the broken pipe.
java -version 2>&1 | sed -n 1p
mvn -v 2>&1 | sed -n 1p

# The explorer's browser tests drive Debian's Chromium; in CI they must never be skipped.
unset XYZ_BROWSER_OPTIONAL

# The Slurm tests run against a real single-node cluster (munge, slurmdbd on MariaDB,
# slurmctld, slurmd); in CI they must never be skipped.
unset XYZ_SLURM_OPTIONAL
slurm_start=$SECONDS
if sinfo -h >/dev/null 2>&1; then
  # A cluster that answers is used as it is: its configuration is not ours to rewrite.
  echo "test: using the Slurm cluster that is already up"
else
  # Stop on the way out only a cluster that this run started.
  trap 'scripts/slurm-cluster.sh stop' EXIT
  scripts/slurm-cluster.sh up
  echo "test: Slurm cluster up in $((SECONDS - slurm_start)) s"
fi

# The suite itself; with a cluster already up, this line alone is enough.
mvn -B verify

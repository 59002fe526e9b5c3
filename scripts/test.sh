#!/usr/bin/env bash
# The test command: installs what the tests need on a fresh Debian machine (python3, git and
# a single-node Slurm cluster, as root), starts the cluster, then runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v python3 >/dev/null || need+=(python3)
command -v git >/dev/null || need+=(git)
if [ ${#need[@]} -gt 0 ]; then
  echo "ci: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${need[@]}"
fi

java -version 2>&1 | head -1
mvn -v | head -1

# The Slurm tests run against a real single-node cluster (munge, slurmdbd on MariaDB,
# slurmctld, slurmd); in CI they must never be skipped.
unset XYZ_SLURM_OPTIONAL
slurm_start=$SECONDS
if ! sinfo -h >/dev/null 2>&1; then
  # Stop on the way out only a cluster that this run started.
  trap 'scripts/slurm-cluster.sh stop' EXIT
fi
scripts/slurm-cluster.sh up
echo "ci: Slurm cluster up in $((SECONDS - slurm_start)) s"

# The suite itself; with a cluster already up, this line alone is enough.
mvn -B verify

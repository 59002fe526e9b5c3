#!/usr/bin/env bash
# A real single-node Slurm cluster for the tests: munge, MariaDB, slurmdbd (so that sacct answers
# as on a production cluster), slurmctld and slurmd, from Debian's packages, without systemd.
#
#   scripts/slurm-cluster.sh up       install if needed, configure, start, wait until idle
#   scripts/slurm-cluster.sh install  install the Debian packages (as root)
#   scripts/slurm-cluster.sh start    write the configuration and start the daemons
#   scripts/slurm-cluster.sh wait     wait until the node is idle and accounting answers
#   scripts/slurm-cluster.sh status   show the daemons and the node
#   scripts/slurm-cluster.sh stop     cancel every job, stop the daemons this script started
#
# Knobs: SLURM_CPUS=N advertises N CPUs (default: the machine's); SLURM_WAIT_SECS (default 60).
# The script only ever stops processes whose ids it recorded when it started them.
set -euo pipefail

state=/run/xyz-slurm
conf=/etc/slurm
packages=(slurmctld slurmd slurm-client munge slurmdbd mariadb-server)

log() { echo "slurm-cluster: $*" >&2; }

need_root() {
  if [ "$(id -u)" != 0 ]; then
    log "must run as root (it installs packages and starts daemons); try: sudo $0 $1"
    exit 2
  fi
}

install_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  # apt must not start the daemons itself: this script starts them and records their ids.
  local policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    policy=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod 755 "$policy"
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
  [ -n "$policy" ] && rm -f "$policy"
  return 0
}

# Writes $2 into $1 only when the content changes; returns 0 when it changed.
write_if_changed() {
  local file=$1 content=$2
  if [ -f "$file" ] && [ "$(cat "$file")" = "$content" ]; then
    return 1
  fi
  printf '%s\n' "$content" > "$file"
  return 0
}

configure() {
  local host cpus hw
  host=$(hostname -s)
  hw=$(slurmd -C | head -1 | sed -e 's/^NodeName=[^ ]* //')
  cpus=${SLURM_CPUS:-}
  mkdir -p "$conf" /var/spool/slurmctld /var/spool/slurmd /var/log/slurm "$state"
  local overrides=""
  if [ -n "$cpus" ]; then
    hw=$(echo "$hw" | sed -e "s/CPUs=[0-9]*/CPUs=$cpus/" \
      -e "s/CoresPerSocket=[0-9]*/CoresPerSocket=$cpus/" \
      -e "s/SocketsPerBoard=[0-9]*/SocketsPerBoard=1/" \
      -e "s/ThreadsPerCore=[0-9]*/ThreadsPerCore=1/")
    overrides="SlurmdParameters=config_overrides"
  fi
  local changed=1
  write_if_changed "$conf/slurm.conf" "# Written by scripts/slurm-cluster.sh: a test cluster.
ClusterName=ci
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
MailProg=/bin/true
MpiDefault=none
SwitchType=switch/none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
ReturnToService=2
KillWait=5
MinJobAge=300
MaxArraySize=1001
MaxJobCount=20000
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0,bf_interval=1,sched_min_interval=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=1024
AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=127.0.0.1
JobCompType=jobcomp/filetxt
JobCompLoc=/var/log/slurm/jobcomp.log
JobAcctGatherType=jobacct_gather/linux
JobAcctGatherFrequency=task=1
$overrides
NodeName=$host $hw NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP" && changed=0
  local dbd="AuthType=auth/munge
DbdHost=localhost
DbdAddr=127.0.0.1
SlurmUser=root
StorageType=accounting_storage/mysql
StorageHost=localhost
StorageUser=slurm
StoragePass=slurmci
StorageLoc=slurm_acct_db
LogFile=/var/log/slurm/slurmdbd.log
PidFile=/run/slurmdbd.pid"
  write_if_changed "$conf/slurmdbd.conf" "$dbd" && changed=0
  chmod 600 "$conf/slurmdbd.conf"
  return $changed
}

# Whether the process recorded under name $1 runs and is the program $2.
ours_alive() {
  local pidfile="$state/$1.pid" pid
  [ -f "$pidfile" ] || return 1
  pid=$(cat "$pidfile")
  [ -r "/proc/$pid/comm" ] || return 1
  [ "$(cat "/proc/$pid/comm")" = "$2" ] || return 1
  # A zombie has exited; its parent has not reaped it yet.
  [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]
}

# Whether a live (not zombie) process runs program $1: a stopped daemon lingers as a zombie
# until its parent reaps it, and must not be taken for a running one.
running() {
  local pid
  for pid in $(pgrep -x "$1" 2>/dev/null); do
    [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ] && return 0
  done
  return 1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() {
  local what=$1 secs=$2; shift 2
  local deadline=$((SECONDS + secs))
  until "$@"; do
    if [ $SECONDS -ge $deadline ]; then
      log "$what did not come up within ${secs}s; see /var/log/slurm/"
      return 1
    fi
    sleep 0.2
  done
}

# Starts daemon $1 (program $2) with the rest as its command line, unless one already runs;
# records the id of the one it started, read from the daemon's own pid file $3.
start_daemon() {
  local name=$1 comm=$2 pidfile=$3; shift 3
  if running "$comm"; then
    return 0
  fi
  rm -f "$pidfile"
  "$@"
  wait_for "$name's pid file" 20 test -s "$pidfile"
  cp "$pidfile" "$state/$name.pid"
}

start() {
  mkdir -p "$state"
  local restart=1
  configure && restart=0
  if [ $restart = 0 ] && running slurmctld; then
    log "configuration changed: restarting slurmctld and slurmd"
    stop_daemon slurmd slurmd
    stop_daemon slurmctld slurmctld
  fi
  install -d -o munge -g munge -m 0755 /run/munge
  start_daemon munged munged /run/munge/munged.pid runuser -u munge -- /usr/sbin/munged
  install -d -o mysql -g mysql /run/mysqld
  if ! running mariadbd; then
    setsid /usr/sbin/mariadbd --user=mysql >/var/log/slurm/mariadb.log 2>&1 < /dev/null &
    wait_for "mariadb" 30 test -S /run/mysqld/mysqld.sock
    wait_for "mariadb's pid file" 20 test -s /run/mysqld/mysqld.pid
    cp /run/mysqld/mysqld.pid "$state/mariadbd.pid"
  fi
  wait_for "mariadb" 30 mariadb -uroot -e "SELECT 1" >/dev/null
  mariadb -uroot -e "CREATE DATABASE IF NOT EXISTS slurm_acct_db;
    CREATE USER IF NOT EXISTS 'slurm'@'localhost' IDENTIFIED BY 'slurmci';
    GRANT ALL ON slurm_acct_db.* TO 'slurm'@'localhost';"
  start_daemon slurmdbd slurmdbd /run/slurmdbd.pid /usr/sbin/slurmdbd
  wait_for "slurmdbd" 30 port_open 6819
  start_daemon slurmctld slurmctld /run/slurmctld.pid /usr/sbin/slurmctld
  start_daemon slurmd slurmd /run/slurmd.pid /usr/sbin/slurmd
}

node_ready() {
  local s
  s=$(sinfo -h -o %T 2>/dev/null) || return 1
  case "$s" in idle|mixed|allocated) ;; *) return 1 ;; esac
  sacct -n -X -S now-1minutes >/dev/null 2>&1
}

wait_ready() {
  wait_for "the Slurm node" "${SLURM_WAIT_SECS:-60}" node_ready
  log "up: $(sinfo -h -o '%P %a %D %T %N')"
}

stop_daemon() {
  local name=$1 comm=$2 pid
  ours_alive "$name" "$comm" || { rm -f "$state/$name.pid"; return 0; }
  pid=$(cat "$state/$name.pid")
  kill "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 20))
  while ours_alive "$name" "$comm"; do
    if [ $SECONDS -ge $deadline ]; then
      kill -9 "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
  done
  rm -f "$state/$name.pid"
}

stop() {
  if running slurmctld; then
    # Stopping slurmd leaves running jobs alive; cancel them first and wait for their steps.
    local users
    users=$(squeue -h -o %u 2>/dev/null | sort -u || true)
    for u in $users; do scancel -u "$u" 2>/dev/null || true; done
    local deadline=$((SECONDS + 30))
    while { [ -n "$(squeue -h 2>/dev/null)" ] || pgrep -x slurmstepd >/dev/null; } \
      && [ $SECONDS -lt $deadline ]; do
      sleep 0.2
    done
  fi
  stop_daemon slurmd slurmd
  stop_daemon slurmctld slurmctld
  stop_daemon slurmdbd slurmdbd
  stop_daemon mariadbd mariadbd
  stop_daemon munged munged
  log "stopped"
}

status() {
  for d in munged mariadbd slurmdbd slurmctld slurmd; do
    if running "$d"; then
      echo "$d: running$(ours_alive "$d" "$d" && echo ' (started by this script)')"
    else
      echo "$d: stopped"
    fi
  done
  sinfo 2>/dev/null || true
}

case "${1:-}" in
  up) need_root up; install_packages; start; wait_ready ;;
  install) need_root install; install_packages ;;
  start) need_root start; start ;;
  wait) wait_ready ;;
  stop) need_root stop; stop ;;
  status) status ;;
  *)
    echo "usage: $0 up|install|start|wait|status|stop" >&2
    exit 2
    ;;
esac

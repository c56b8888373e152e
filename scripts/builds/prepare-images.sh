#!/usr/bin/env bash
# Build the stand-in base images the build suite (tests/builds) needs, locally, with buildah: no
# image registry is reachable from these machines. Images are tagged under the names the fixture
# Dockerfiles use, so the Dockerfiles build unmodified. Each image is built once and kept in
# buildah's store; a label records its version (IMAGES_VERSION, the recipe and the base image), and
# an image whose label differs is rebuilt.
#
#   scripts/builds/prepare-images.sh [busybox|debian|go|node|python|rust|java]...   (default: all)
#
# Fast from nothing: the Debian base is made by mmdebstrap when installed (debootstrap otherwise, or
# with PREPARE_BOOTSTRAP=debootstrap), keeps no docs, man pages or locales and lets dpkg skip fsync
# (force-unsafe-io), as the official slim images do; `apt-get update` runs once and its lists, like the downloaded .debs, are
# mounted into the builds instead of being stored in the images; images that share packages are
# layered (node = node-slim + npm, python = python-slim + venv, jdk = jre + javac, golang and
# diamol/golang = go-toolchain + the standard library in the build cache); independent image
# chains build concurrently (PREPARE_JOBS, default 2). Prints a line per image on stdout: "built
# <label> <seconds>" or "current <label>".
#
# Runs as root. Safety: every removal goes through remove_tmp, which only removes a non-empty path
# inside this script's own temporary directory, after unmounting; images and containers are removed
# with buildah, never by deleting the store.
set -euo pipefail

IMAGES_VERSION=3
LABEL=io.dockerfile-opt.images-version
# npm from the npm registry (Debian's npm package pulls in some 470 packages); 10.9 runs on
# bookworm's Node 18.
NPM_VERSION=10.9.2
export BUILDAH_ISOLATION=chroot STORAGE_DRIVER=${STORAGE_DRIVER:-overlay}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
JOBS=${PREPARE_JOBS:-2}
SCRIPT_DIR=$(cd "$(dirname "$0")" && pwd)

WORK_DIR=$(mktemp -d /tmp/dockerfile-opt-images.XXXXXX)
LOG_DIR="$WORK_DIR/logs"
APT_LISTS="$WORK_DIR/apt-lists"
mkdir -p "$LOG_DIR" "$WORK_DIR/build"

remove_tmp() {
  local path=${1:?remove_tmp needs a path}
  case "$path" in
    */..|*/../*) echo "prepare-images: refusing to remove $path (contains ..)" >&2; return 1 ;;
    "${WORK_DIR:?}"/?*) ;;
    *) echo "prepare-images: refusing to remove $path (outside $WORK_DIR)" >&2; return 1 ;;
  esac
  if findmnt -rn -o TARGET | grep -qF -- "$path"; then
    echo "prepare-images: $path still has mounts; not removing it" >&2
    return 1
  fi
  rm -rf --one-file-system -- "$path"
}

declare -A CHAIN_OF_PID=()
cleanup() {
  # Chains still running (after an error or a signal) use the work directory: stop them first.
  local pid
  for pid in "${!CHAIN_OF_PID[@]}"; do
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  # debootstrap mounts /proc and /sys inside its target; undo them before anything is deleted.
  local target
  for target in $(findmnt -rn -o TARGET | grep -F -- "${WORK_DIR:?}/" | sort -r); do
    umount -l -- "$target" || true
  done
  local entry
  for entry in rootfs rootfs.tar busybox build apt-lists apt-archives logs debootstrap.log; do
    [ -e "$WORK_DIR/$entry" ] && { remove_tmp "$WORK_DIR/$entry" || true; }
  done
  rm -f -- "${WORK_DIR:?}/apt-lists.lock" "${WORK_DIR:?}/summary" "${WORK_DIR:?}/dpkg.cfg"
  rmdir -- "$WORK_DIR" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf 'prepare-images: %s\n' "$*" >&2; }

# What became of each image, one line each ("current <label>" or "built <label> <seconds>"),
# printed on stdout at the end for the caller (tests/builds/run.ts) to report.
SUMMARY="$WORK_DIR/summary"
reused() { log "$1 is current"; echo "current $1" >>"$SUMMARY"; }
built() { log "$1 built in $2 s"; echo "built $1 $2" >>"$SUMMARY"; }

# True when every name exists with the wanted version label.
current_as() {
  local wanted=$1 name version
  shift
  for name in "$@"; do
    version=$(buildah inspect --type image --format "{{index .OCIv1.Config.Labels \"$LABEL\"}}" "$name" 2>/dev/null) || return 1
    [ "$version" = "$wanted" ] || return 1
  done
}

image_id() {
  buildah inspect --type image --format '{{.FromImageID}}' "$1"
}

tag_all() {
  local image=$1; shift
  local name
  for name in "$@"; do buildah tag "$image" "$name"; done
}

# Commit a working container as the first name and tag the others; removes the container.
commit_as() {
  local container=$1 version=$2 first=$3; shift 3
  buildah config --label "$LABEL=$version" "$container"
  buildah commit --quiet --format docker --rm "$container" "$first" >/dev/null
  tag_all "$first" "$@"
}

build_busybox() {
  local names=(localhost/dockerfile-opt/busybox docker.io/library/busybox:latest docker.io/diamol/base:latest)
  current_as "$IMAGES_VERSION" "${names[@]}" && { reused busybox; return; }
  log "busybox (from busybox-static)"
  local root="$WORK_DIR/busybox" applet started=$SECONDS
  mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/root"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $("$root/bin/busybox" --list); do
    [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  chmod 1777 "$root/tmp"
  local container
  container=$(buildah from --quiet scratch)
  buildah add --quiet "$container" "$root" / >/dev/null
  buildah config --env PATH=/bin --cmd /bin/sh "$container"
  commit_as "$container" "$IMAGES_VERSION" "${names[@]}"
  remove_tmp "$root"
  built busybox $((SECONDS - started))
}

# The stand-in for distroless/static: no shell, only what a static binary needs.
build_static() {
  local names=(localhost/dockerfile-opt/static gcr.io/distroless/static-debian12:latest)
  current_as "$IMAGES_VERSION" "${names[@]}" && { reused static; return; }
  log "static (distroless stand-in)"
  local root="$WORK_DIR/build/static" started=$SECONDS
  mkdir -p "$root/etc" "$root/tmp"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnonroot:x:65532:\n' >"$root/etc/group"
  cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ca-certificates.crt"
  chmod 1777 "$root/tmp"
  local container
  container=$(buildah from --quiet scratch)
  buildah add --quiet "$container" "$root" / >/dev/null
  commit_as "$container" "$IMAGES_VERSION" "${names[@]}"
  remove_tmp "$root"
  built static $((SECONDS - started))
}

# dpkg and apt settings of the Debian base, as in the official slim images: no docs, man pages,
# info or locales (copyright files stay); no fsync per unpacked file (an image build is thrown away
# if it fails); no binary package caches left in the image.
DPKG_OPTIONS=(force-unsafe-io 'path-exclude=/usr/share/doc/*' 'path-include=/usr/share/doc/*/copyright'
  'path-exclude=/usr/share/man/*' 'path-exclude=/usr/share/info/*' 'path-exclude=/usr/share/locale/*'
  'path-exclude=/usr/share/lintian/*')
APT_OPTIONS=('Dir::Cache::pkgcache "";' 'Dir::Cache::srcpkgcache "";' 'Acquire::Languages "none";')

build_debian() {
  local names=(localhost/dockerfile-opt/debian:bookworm docker.io/library/debian:bookworm-slim gcr.io/distroless/cc-debian12:latest)
  current_as "$IMAGES_VERSION" "${names[@]}" && { reused debian; return; }
  local started=$SECONDS option root="$WORK_DIR/rootfs"
  printf '%s\n' "${DPKG_OPTIONS[@]}" >"$WORK_DIR/dpkg.cfg"
  if [ "${PREPARE_BOOTSTRAP:-}" != debootstrap ] && command -v mmdebstrap >/dev/null; then
    log "debian (mmdebstrap --variant=minbase bookworm)"
    # The dpkg settings go in after mmdebstrap has extracted the essential packages, before it
    # installs them: given as --dpkgopt, path-exclude makes it pipe every package through its
    # Python tar filter while extracting (the bootstrap took 172 s that way, 75 s this way, at
    # load 4 to 5). What that extraction put on the excluded paths is deleted below.
    local args=(--variant=minbase --format=directory --dpkgopt=force-unsafe-io
      "--extract-hook=cp '$WORK_DIR/dpkg.cfg' \"\$1/etc/dpkg/dpkg.cfg.d/dockerfile-opt\"")
    for option in "${APT_OPTIONS[@]}"; do args+=("--aptopt=$option"); done
    mmdebstrap "${args[@]}" bookworm "$root" "$MIRROR" >"$WORK_DIR/debootstrap.log" 2>&1 \
      || { tail -20 "$WORK_DIR/debootstrap.log" >&2; return 1; }
  else
    log "debian (debootstrap --variant=minbase bookworm; install mmdebstrap for a faster one)"
    debootstrap --variant=minbase bookworm "$root" "$MIRROR" >"$WORK_DIR/debootstrap.log" 2>&1 \
      || { tail -20 "$WORK_DIR/debootstrap.log" >&2; return 1; }
    cp "$WORK_DIR/dpkg.cfg" "$root/etc/dpkg/dpkg.cfg.d/dockerfile-opt"
    printf '%s\n' "${APT_OPTIONS[@]}" >"$root/etc/apt/apt.conf.d/dockerfile-opt"
  fi
  # What was unpacked before the excludes were set.
  find "${root:?}/usr/share/doc" -xdev -mindepth 1 ! -name copyright ! -type d -delete
  local excluded
  for excluded in man info locale lintian; do
    [ ! -e "$root/usr/share/$excluded" ] || remove_tmp "$root/usr/share/$excluded"
    mkdir -p "$root/usr/share/$excluded"
  done
  # Without man1, update-alternatives fails on the man page links of packages such as the JRE.
  mkdir -p "$root/usr/share/man/man1"
  remove_tmp "$root/var/cache/apt/archives"; mkdir -p "$root/var/cache/apt/archives/partial"
  find "${root:?}/var/lib/apt/lists" -xdev -mindepth 1 -maxdepth 1 -type f -delete
  tar -C "$root" --one-file-system -cf "$WORK_DIR/rootfs.tar" .
  remove_tmp "$root"
  local container
  container=$(buildah from --quiet scratch)
  buildah add --quiet "$container" "$WORK_DIR/rootfs.tar" / >/dev/null
  buildah config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --cmd bash "$container"
  commit_as "$container" "$IMAGES_VERSION" "${names[@]}"
  remove_tmp "$WORK_DIR/rootfs.tar"
  built debian $((SECONDS - started))
}

# `apt-get update` once for every package build: the lists are mounted (read-only) into them.
ensure_apt_lists() {
  local lock
  exec {lock}>"$WORK_DIR/apt-lists.lock"
  flock "$lock"
  if [ ! -e "$APT_LISTS/.updated" ]; then
    log "apt-get update (shared by the package builds)"
    mkdir -p "$APT_LISTS"
    local container status=0
    container=$(buildah from --quiet --pull=never localhost/dockerfile-opt/debian:bookworm)
    buildah run -v "$APT_LISTS:/var/lib/apt/lists" "$container" -- apt-get update -q >"$LOG_DIR/apt-update.log" 2>&1 || status=$?
    buildah rm "$container" >/dev/null
    [ "$status" -eq 0 ] || { tail -20 "$LOG_DIR/apt-update.log" >&2; exec {lock}>&-; return 1; }
    touch "$APT_LISTS/.updated"
  fi
  exec {lock}>&-
}

# An image made from another with a few Dockerfile lines (the directory $WORK_DIR/build/<label> is
# the build context), tagged with the names that follow. The lines may install Debian packages:
# `apt-get install` finds the shared lists and downloads into a directory outside the image.
build_from() {
  local base=$1 label=$2 lines=$3; shift 3
  # The recipe and the base image are part of the version: editing a recipe or rebuilding a base
  # rebuilds this image.
  local version dir="$WORK_DIR/build/$label"
  version="$IMAGES_VERSION-$(printf '%s\n%s\n%s' "$(image_id "$base")" "$lines" "$(cd "$dir" 2>/dev/null && sha256sum -- *)" | sha256sum | cut -c1-12)"
  current_as "$version" "$@" && { reused "$label"; return; }
  log "$label"
  local started=$SECONDS
  mkdir -p "$dir" "$WORK_DIR/apt-archives/$label"
  # Context files fetched only when the image is built (their version is in the lines).
  if declare -F "context_$label" >/dev/null; then "context_$label" "$dir"; fi
  case "$lines" in *apt-get*) ensure_apt_lists ;; esac
  cat >"$dir/Dockerfile" <<EOF
FROM $base
$lines
LABEL $LABEL=$version
EOF
  # No --layers: one layer per image, committed once. No CA bundle mount here: the ca-certificates
  # package writes that file.
  buildah bud --pull=never --format docker \
    -v "$APT_LISTS:/var/lib/apt/lists:ro" -v "$WORK_DIR/apt-archives/$label:/var/cache/apt/archives" \
    -t "$1" "$dir" >"$LOG_DIR/$label.build.log" 2>&1 \
    || { tail -20 "$LOG_DIR/$label.build.log" >&2; return 1; }
  local first=$1; shift
  tag_all "$first" "$@"
  remove_tmp "$dir"
  remove_tmp "$WORK_DIR/apt-archives/$label"
  built "$label" $((SECONDS - started))
}

apt_install() {
  printf 'RUN DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends %s' "$*"
}

# The Go images come with the standard library compiled into Go's build cache (GOCACHE, root's
# default /root/.cache/go-build) for the settings the fixture builds use; otherwise every cold
# build compiles it again (the go fixture's cold build took 94 s that way, 12 s this way, on two
# cores at load 5). Debian's Go 1.19 ships the library compiled only for its defaults (cgo on, no
# -trimpath), which the fixtures do not use. Go's cache keys include the build settings: a fixture
# that builds with other ones still builds, only at the old speed. The cache files get a
# modification time in the future, because on a hit Go sets an entry's time to now when it is more
# than an hour old (and trims entries unused for five days): every entry a build uses would be
# copied into the build's layer (the go fixture's: 67 MB instead of 9 MB), so the size of an image
# built FROM these would depend on how old this image is.
GO_CACHE_FROZEN='find "$(go env GOCACHE)" -type f -exec touch -d "2100-01-01 00:00:00 UTC" {} +'
chain_go() {
  # GO111MODULE=auto: the diamol lab has no go.mod and builds in GOPATH mode, as on old Go images.
  build_from localhost/dockerfile-opt/debian:bookworm go-toolchain "$(apt_install golang-go ca-certificates)
ENV GOPATH=/go GO111MODULE=auto
RUN mkdir -p /go && chmod 777 /go" \
    localhost/dockerfile-opt/go-toolchain
  # fixtures/apps/go: CGO_ENABLED=0 go build -trimpath.
  build_from localhost/dockerfile-opt/go-toolchain golang "RUN CGO_ENABLED=0 go build -trimpath std && $GO_CACHE_FROZEN" \
    localhost/dockerfile-opt/golang docker.io/library/golang:1.22
  # diamol/golang builds static binaries that run on the small diamol/base; without a C compiler
  # in this stand-in, cgo would still link net dynamically against glibc. fixtures/apps/diamol-lab:
  # go build, without flags. A sibling of golang rather than built on it, so that it does not
  # carry golang's -trimpath cache (about 100 MB) into the lab's images.
  build_from localhost/dockerfile-opt/go-toolchain diamol-golang "ENV CGO_ENABLED=0
RUN go build std && $GO_CACHE_FROZEN" \
    localhost/dockerfile-opt/diamol-golang docker.io/diamol/golang:latest
}
context_node() {
  (cd "$1" && npm pack --silent "npm@$NPM_VERSION" >/dev/null) \
    || { log "npm pack npm@$NPM_VERSION failed (is the npm registry reachable?)"; return 1; }
}
chain_node() {
  build_from localhost/dockerfile-opt/debian:bookworm node-slim "$(apt_install nodejs)" \
    localhost/dockerfile-opt/node-slim docker.io/library/node:20-slim
  build_from localhost/dockerfile-opt/node-slim node "COPY npm-$NPM_VERSION.tgz /tmp/
$(apt_install ca-certificates) \\
 && mkdir -p /usr/lib/node_modules/npm \\
 && tar -xzf /tmp/npm-$NPM_VERSION.tgz --strip-components=1 -C /usr/lib/node_modules/npm \\
 && rm /tmp/npm-$NPM_VERSION.tgz \\
 && ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/bin/npx \\
 && npm --version" \
    localhost/dockerfile-opt/node docker.io/library/node:20
}
chain_python() {
  build_from localhost/dockerfile-opt/debian:bookworm python-slim "$(apt_install python3 python-is-python3)" \
    localhost/dockerfile-opt/python-slim docker.io/library/python:3.12-slim
  build_from localhost/dockerfile-opt/python-slim python "$(apt_install python3-venv)" \
    localhost/dockerfile-opt/python docker.io/library/python:3.12
}
chain_rust() {
  build_from localhost/dockerfile-opt/debian:bookworm rust "$(apt_install cargo rustc libc6-dev)" \
    localhost/dockerfile-opt/rust docker.io/library/rust:1.80
}
chain_java() {
  build_from localhost/dockerfile-opt/debian:bookworm java-jre "$(apt_install default-jre-headless)" \
    localhost/dockerfile-opt/jre docker.io/library/eclipse-temurin:21-jre
  build_from localhost/dockerfile-opt/jre java "$(apt_install default-jdk-headless)" \
    localhost/dockerfile-opt/jdk docker.io/library/eclipse-temurin:21-jdk
  # The maven image: the JDK image with a javac/jar stand-in for mvn.
  local dir="$WORK_DIR/build/maven"
  mkdir -p "$dir"
  cp "$SCRIPT_DIR/mvn-standin.sh" "$dir/mvn"
  build_from localhost/dockerfile-opt/jdk maven 'COPY mvn /usr/local/bin/mvn
RUN chmod 755 /usr/local/bin/mvn' \
    localhost/dockerfile-opt/maven docker.io/library/maven:3.9-eclipse-temurin-21
}

# Runs the chains (functions chain_<name>), up to JOBS at a time, each logging to its own file;
# prints every log when all are done and fails if one failed.
run_chains() {
  local name pid status failed=() running=0
  declare -A name_of=()
  for name in "$@"; do
    while [ "$running" -ge "$JOBS" ]; do
      status=0; wait -n -p pid || status=$?
      running=$((running - 1)); unset "CHAIN_OF_PID[$pid]"
      [ "$status" -eq 0 ] || failed+=("${name_of[$pid]}")
    done
    "chain_$name" >"$LOG_DIR/chain-$name.log" 2>&1 &
    name_of[$!]=$name; CHAIN_OF_PID[$!]=$name; running=$((running + 1))
  done
  while [ "$running" -gt 0 ]; do
    status=0; wait -n -p pid || status=$?
    running=$((running - 1)); unset "CHAIN_OF_PID[$pid]"
    [ "$status" -eq 0 ] || failed+=("${name_of[$pid]}")
  done
  for name in "$@"; do cat "$LOG_DIR/chain-$name.log" >&2; done
  if [ "${#failed[@]}" -gt 0 ]; then
    log "failed: ${failed[*]}"
    return 1
  fi
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(busybox debian go node python rust java)
chains=()
started=$SECONDS
for target in "${targets[@]}"; do
  case "$target" in
    busybox) build_busybox; build_static ;;
    debian) build_debian ;;
    go | node | python | rust | java) chains+=("$target") ;;
    *) echo "prepare-images: unknown image set \"$target\"" >&2; exit 2 ;;
  esac
done
# Longest chains first, each once (go compiles its standard library twice).
ordered=()
for target in go java rust node python; do
  case " ${chains[*]} " in *" $target "*) ordered+=("$target") ;; esac
done
if [ ${#ordered[@]} -gt 0 ]; then
  build_debian
  run_chains "${ordered[@]}"
fi
log "done in $((SECONDS - started)) s"
[ ! -e "$SUMMARY" ] || cat -- "$SUMMARY"

#!/usr/bin/env bash
# Build the stand-in base images the build suite (tests/builds) needs, locally, with buildah: no
# image registry is reachable from these machines. Images are tagged under the names the fixture
# Dockerfiles use, so the Dockerfiles build unmodified. Each image is built once and kept in
# buildah's store; a label records IMAGES_VERSION, and an image whose label differs is rebuilt.
#
#   scripts/builds/prepare-images.sh [busybox|debian|go|node|python|rust|java]...   (default: all)
#
# Runs as root. Safety: every removal goes through remove_tmp, which only removes a non-empty path
# inside this script's own temporary directory, after unmounting; images and containers are removed
# with buildah, never by deleting the store.
set -euo pipefail

IMAGES_VERSION=1
LABEL=io.dockerfile-opt.images-version
export BUILDAH_ISOLATION=chroot STORAGE_DRIVER=overlay
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SCRIPT_DIR=$(cd "$(dirname "$0")" && pwd)

WORK_DIR=$(mktemp -d /tmp/dockerfile-opt-images.XXXXXX)
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
cleanup() {
  # debootstrap mounts /proc and /sys inside its target; undo them before anything is deleted.
  local target
  for target in $(findmnt -rn -o TARGET | grep -F -- "${WORK_DIR:?}/" | sort -r); do
    umount -l -- "$target" || true
  done
  remove_tmp "$WORK_DIR/rootfs" 2>/dev/null || true
  remove_tmp "$WORK_DIR/rootfs.tar" 2>/dev/null || true
  remove_tmp "$WORK_DIR/busybox" 2>/dev/null || true
  remove_tmp "$WORK_DIR/build" 2>/dev/null || true
  remove_tmp "$WORK_DIR/debootstrap.log" 2>/dev/null || true
  rmdir -- "$WORK_DIR" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { printf 'prepare-images: %s\n' "$*" >&2; }

# True when every name exists with the wanted version label (default: IMAGES_VERSION).
current() {
  current_as "$IMAGES_VERSION" "$@"
}
current_as() {
  local wanted=$1 name version
  shift
  for name in "$@"; do
    version=$(buildah inspect --type image --format "{{index .OCIv1.Config.Labels \"$LABEL\"}}" "$name" 2>/dev/null) || return 1
    [ "$version" = "$wanted" ] || return 1
  done
}

tag_all() {
  local image=$1; shift
  local name
  for name in "$@"; do buildah tag "$image" "$name"; done
}

# Commit a working container as the first name and tag the others; removes the container.
commit_as() {
  local container=$1 first=$2; shift 2
  buildah config --label "$LABEL=$IMAGES_VERSION" "$container"
  buildah commit --quiet --format docker --rm "$container" "$first" >/dev/null
  tag_all "$first" "$@"
}

build_busybox() {
  local names=(localhost/dockerfile-opt/busybox docker.io/library/busybox:latest docker.io/diamol/base:latest)
  current "${names[@]}" && { log "busybox is current"; return; }
  log "busybox (from busybox-static)"
  local root="$WORK_DIR/busybox" applet
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
  commit_as "$container" "${names[@]}"
  remove_tmp "$root"
}

# The stand-in for distroless/static: no shell, only what a static binary needs.
build_static() {
  local names=(localhost/dockerfile-opt/static gcr.io/distroless/static-debian12:latest)
  current "${names[@]}" && { log "static is current"; return; }
  log "static (distroless stand-in)"
  local root="$WORK_DIR/build/static"
  mkdir -p "$root/etc" "$root/tmp"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnonroot:x:65532:\n' >"$root/etc/group"
  cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ca-certificates.crt"
  chmod 1777 "$root/tmp"
  local container
  container=$(buildah from --quiet scratch)
  buildah add --quiet "$container" "$root" / >/dev/null
  commit_as "$container" "${names[@]}"
  remove_tmp "$root"
}

build_debian() {
  local names=(localhost/dockerfile-opt/debian:bookworm docker.io/library/debian:bookworm-slim)
  current "${names[@]}" && { log "debian is current"; return; }
  log "debian (debootstrap --variant=minbase bookworm)"
  local root="$WORK_DIR/rootfs"
  debootstrap --variant=minbase bookworm "$root" "$MIRROR" >"$WORK_DIR/debootstrap.log" 2>&1 \
    || { tail -20 "$WORK_DIR/debootstrap.log" >&2; return 1; }
  tar -C "$root" --one-file-system -cf "$WORK_DIR/rootfs.tar" .
  remove_tmp "$root"
  local container
  container=$(buildah from --quiet scratch)
  buildah add --quiet "$container" "$WORK_DIR/rootfs.tar" / >/dev/null
  buildah config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --cmd bash "$container"
  commit_as "$container" "${names[@]}"
  remove_tmp "$WORK_DIR/rootfs.tar"
}

# An image made by installing Debian packages on the debian base (plus extra Dockerfile lines).
build_on_debian() {
  local label=$1 packages=$2 extra=$3; shift 3
  build_from localhost/dockerfile-opt/debian:bookworm "$label" \
    "RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $packages && rm -rf /var/lib/apt/lists/*
$extra" "$@"
}

# An image made from another with a few Dockerfile lines, tagged with the names that follow.
build_from() {
  local base=$1 label=$2 lines=$3; shift 3
  # The recipe is part of the version: editing it rebuilds this image, and only this one.
  local version
  version="$IMAGES_VERSION-$(printf '%s\n%s' "$base" "$lines" | sha256sum | cut -c1-12)"
  current_as "$version" "$@" && { log "$label is current"; return; }
  log "$label"
  local dir="$WORK_DIR/build/$label"
  mkdir -p "$dir"
  cat >"$dir/Dockerfile" <<EOF
FROM $base
$lines
LABEL $LABEL=$version
EOF
  # No CA bundle mount here: the ca-certificates package writes that file. --layers: an image whose
  # later lines change reuses its package layer.
  buildah bud --pull=never --layers --format docker -t "$1" "$dir" >"$WORK_DIR/build/$label.log" 2>&1 \
    || { tail -20 "$WORK_DIR/build/$label.log" >&2; return 1; }
  local first=$1; shift
  tag_all "$first" "$@"
  remove_tmp "$dir"
}

build_go() {
  # GO111MODULE=auto: the diamol lab has no go.mod and builds in GOPATH mode, as on old Go images.
  build_on_debian go 'golang-go ca-certificates' 'ENV GOPATH=/go GO111MODULE=auto
RUN mkdir -p /go && chmod 777 /go' \
    localhost/dockerfile-opt/golang docker.io/library/golang:1.22
  # diamol/golang builds static binaries that run on the small diamol/base; without a C compiler
  # in this stand-in, cgo would still link net dynamically against glibc.
  build_from localhost/dockerfile-opt/golang diamol-golang 'ENV CGO_ENABLED=0' docker.io/diamol/golang:latest
}
build_node() {
  build_on_debian node 'nodejs npm ca-certificates' '' localhost/dockerfile-opt/node docker.io/library/node:20
  build_on_debian node-slim 'nodejs' '' localhost/dockerfile-opt/node-slim docker.io/library/node:20-slim
}
build_python() {
  build_on_debian python 'python3 python3-venv python-is-python3' '' localhost/dockerfile-opt/python docker.io/library/python:3.12
  build_on_debian python-slim 'python3 python-is-python3' '' localhost/dockerfile-opt/python-slim docker.io/library/python:3.12-slim
}
build_rust() {
  build_on_debian rust 'cargo rustc libc6-dev' '' localhost/dockerfile-opt/rust docker.io/library/rust:1.80
  # distroless/cc: glibc and libgcc, no shell; Debian's minbase is the closest stand-in we can make.
  tag_all localhost/dockerfile-opt/debian:bookworm gcr.io/distroless/cc-debian12:latest
}
build_java() {
  build_on_debian java 'default-jdk-headless' '' localhost/dockerfile-opt/jdk docker.io/library/eclipse-temurin:21-jdk
  build_on_debian java-jre 'default-jre-headless' '' localhost/dockerfile-opt/jre docker.io/library/eclipse-temurin:21-jre
  local names=(localhost/dockerfile-opt/maven docker.io/library/maven:3.9-eclipse-temurin-21)
  current "${names[@]}" && { log "maven is current"; return; }
  log "maven (the JDK image with a javac/jar stand-in for mvn)"
  local dir="$WORK_DIR/build/maven"
  mkdir -p "$dir"
  cp "$SCRIPT_DIR/mvn-standin.sh" "$dir/mvn"
  printf 'FROM localhost/dockerfile-opt/jdk\nCOPY mvn /usr/local/bin/mvn\nRUN chmod 755 /usr/local/bin/mvn\nLABEL %s=%s\n' "$LABEL" "$IMAGES_VERSION" >"$dir/Dockerfile"
  buildah bud --quiet --pull=never --format docker -t "${names[0]}" "$dir" >/dev/null
  tag_all "${names[@]}"
  remove_tmp "$dir"
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(busybox debian go node python rust java)
for target in "${targets[@]}"; do
  case "$target" in
    busybox) build_busybox; build_static ;;
    debian) build_debian ;;
    go | node | python | rust | java) build_debian; "build_$target" ;;
    *) echo "prepare-images: unknown image set \"$target\"" >&2; exit 2 ;;
  esac
done
log "done"

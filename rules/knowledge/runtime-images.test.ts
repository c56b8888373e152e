import { describe, expect, test } from '@jest/globals';
import { findToolchain, normalizeImageName, runtimeHasUser, runtimeOverride, type RuntimeNeeds } from './runtime-images.js';

const plain: RuntimeNeeds = { shell: false, cgo: false };

/** The runtime image for `image` (`name:tag`), or the missing piece, or `runtime` when it is one already. */
function runtimeOf(image: string, needs: RuntimeNeeds = plain): string {
  const colon = image.lastIndexOf(':') > image.lastIndexOf('/') ? image.lastIndexOf(':') : -1;
  const name = colon === -1 ? image : image.slice(0, colon);
  const tag = colon === -1 ? null : image.slice(colon + 1);
  const match = findToolchain(name, tag);
  if (!match) return 'runtime';
  const choice = match.entry.runtime(match.tag, needs);
  return 'image' in choice ? choice.image : `missing: ${choice.missing}`;
}

describe('runtime-images', () => {
  test('maps toolchain tags to runtime images', () => {
    const cases: Array<[string, string]> = [
      ['golang:1.22', 'gcr.io/distroless/static-debian12'],
      ['golang:1.21-bullseye', 'gcr.io/distroless/static-debian11'],
      ['golang:1.23-alpine3.19', 'alpine:3.19'],
      ['docker.io/library/golang:1.22', 'gcr.io/distroless/static-debian12'],
      ['rust:1.80-slim-bookworm', 'gcr.io/distroless/cc-debian12'],
      ['maven:3.8.6-openjdk-11-slim', 'eclipse-temurin:11-jre'],
      ['maven:3-jdk-8', 'eclipse-temurin:8-jre'],
      ['maven:3.9.6-amazoncorretto-21', 'eclipse-temurin:21-jre'],
      ['maven:3.9-ibm-semeru-17-focal', 'eclipse-temurin:17-jre'],
      ['gradle:jdk17-alpine', 'eclipse-temurin:17-jre-alpine'],
      ['amazoncorretto:17', 'eclipse-temurin:17-jre'],
      ['eclipse-temurin:21', 'eclipse-temurin:21-jre'],
      ['node', 'node:slim'],
      ['node:22-trixie', 'node:22-trixie-slim'],
      ['python:3.13-bullseye', 'python:3.13-slim-bullseye'],
      ['mcr.microsoft.com/dotnet/sdk:9.0-noble', 'mcr.microsoft.com/dotnet/aspnet:9.0-noble'],
      ['mcr.microsoft.com/dotnet/sdk', 'missing: the .NET version (tag the SDK image, e.g. `mcr.microsoft.com/dotnet/sdk:8.0`)'],
      ['maven', 'missing: the Java version (tag the image with its JDK, e.g. `maven:3.9-eclipse-temurin-21`)'],
      ['diamol/golang', 'diamol/base'],
    ];
    for (const [image, runtime] of cases) expect([image, runtimeOf(image)]).toEqual([image, runtime]);
  });

  test('cgo and a shell change the native runtime', () => {
    expect(runtimeOf('golang:1.22', { shell: false, cgo: true })).toBe('gcr.io/distroless/base-debian12');
    expect(runtimeOf('golang:1.22', { shell: true, cgo: false })).toBe('alpine:3.20');
    expect(runtimeOf('golang:1.22-bookworm', { shell: true, cgo: true })).toBe('debian:bookworm-slim');
    expect(runtimeOf('rust:1.80', { shell: true, cgo: false })).toBe('debian:bookworm-slim');
  });

  test('runtime images and other images are no toolchain', () => {
    for (const image of ['node:20-slim', 'node:20-alpine', 'python:3.12-slim-bookworm', 'eclipse-temurin:21-jre-alpine', 'openjdk:17-jre', 'nginx:1.27', 'ubuntu:24.04']) {
      expect([image, runtimeOf(image)]).toEqual([image, 'runtime']);
    }
  });

  test('the option: name with tag wins over the name; Docker Hub prefixes are ignored', () => {
    const overrides = { golang: 'a', 'golang:1.22': 'b', 'ghcr.io/x/builder': 'c' };
    expect(runtimeOverride(overrides, 'docker.io/library/golang', '1.22')).toBe('b');
    expect(runtimeOverride(overrides, 'golang', '1.21')).toBe('a');
    expect(runtimeOverride(overrides, 'ghcr.io/x/builder', null)).toBe('c');
    expect(runtimeOverride(overrides, 'rust', '1')).toBeNull();
    expect(normalizeImageName('index.docker.io/library/node')).toBe('node');
  });

  test('users the runtime images are known to have', () => {
    expect(runtimeHasUser('node:20-slim', 'node')).toBe(true);
    expect(runtimeHasUser('mcr.microsoft.com/dotnet/aspnet:8.0', 'app')).toBe(true);
    expect(runtimeHasUser('gcr.io/distroless/static-debian12', 'nonroot')).toBe(true);
    expect(runtimeHasUser('eclipse-temurin:21-jre', '1000')).toBe(true);
    expect(runtimeHasUser('eclipse-temurin:21-jre', 'root')).toBe(true);
    expect(runtimeHasUser('eclipse-temurin:21-jre', 'gradle')).toBe(false);
    expect(runtimeHasUser('python:3.12-slim', 'node')).toBe(false);
  });
});

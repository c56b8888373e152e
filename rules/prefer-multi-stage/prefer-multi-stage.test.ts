import { describe, expect, test } from '@jest/globals';
import { fixRule, lintMessages, lintRule } from '../_test/harness.js';
import { readmeExamples, readmeMismatches } from '../_test/readme.js';
import rule from './index.js';

const SEED = 'FROM diamol/golang\nWORKDIR web\nCOPY index.html .\nCOPY main.go .\nRUN go build -o /web/server\nRUN chmod +x /web/server\nCMD ["/web/server"]\nENV USER=sixeyed\nEXPOSE 80\n';

/** The runtime image a finding names, or why there is no fix. */
function verdict(text: string, options: unknown[] = []): string[] {
  return lintRule(rule, text, options).map((f) => {
    const runtime = /copy the artifact into "?([^".]+(?:\.[^".]+)*)"?/.exec(f.message)?.[1] ?? '?';
    const missing = /cannot tell (.*)\.$/.exec(f.message)?.[1];
    return missing ? `${f.text} -> ${runtime} (no fix: ${missing})` : `${f.text} -> ${runtime}`;
  });
}

describe('prefer-multi-stage', () => {
  test('reports the final FROM image of the seed lab with the toolchain and the runtime image', () => {
    expect(lintRule(rule, SEED)).toEqual([
      {
        ruleId: 'prefer-multi-stage',
        message:
          'The final stage runs `go build` on the toolchain image "diamol/golang" and ships the toolchain, sources and caches; build in a builder stage and copy the artifact into "diamol/base".',
        line: 1,
        column: 6,
        endLine: 1,
        endColumn: 19,
        text: 'diamol/golang',
      },
    ]);
  });

  test('the rewrite is an unsafe, late fix: an editor suggestion, never an ESLint autofix', () => {
    const [message] = lintMessages(rule, SEED);
    expect(message?.fix).toBeUndefined();
    expect(message?.fixDetails).toMatchObject({ safety: 'unsafe', late: true });
    expect(message?.suggestions?.map((s) => s.desc)).toEqual(['Rewrite into a "builder" stage and a runtime stage from diamol/base']);
    expect(fixRule(rule, SEED)).toBe(SEED);
  });

  test('rewrites the seed lab: chmod in the builder, WORKDIR before the copies, index.html last', () => {
    expect(fixRule(rule, SEED, { unsafe: true })).toBe(
      'FROM diamol/golang AS builder\nWORKDIR web\nCOPY main.go .\nRUN go build -o /web/server\nRUN chmod +x /web/server\n\n' +
        'FROM diamol/base\nWORKDIR web\nCMD ["/web/server"]\nENV USER=sixeyed\nEXPOSE 80\n\nCOPY --from=builder /web/server .\nCOPY index.html .\n',
    );
  });

  test('maps every toolchain image to its runtime image', () => {
    const cases: Array<[string, string]> = [
      ['FROM golang:1.22-alpine\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/app .\nCMD ["/bin/app"]\n', 'golang:1.22-alpine -> alpine:3.20'],
      ['FROM golang:1.21-bullseye\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /bin/app .\nCMD ["/bin/app"]\n', 'golang:1.21-bullseye -> gcr.io/distroless/static-debian11'],
      ['FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /bin/app .\nCMD /bin/app --port 80\n', 'golang:1.22 -> debian:bookworm-slim'],
      ['FROM maven:3-openjdk-17\nWORKDIR /app\nCOPY . .\nRUN mvn package\nCMD ["java", "-jar", "target/app.jar"]\n', 'maven:3-openjdk-17 -> eclipse-temurin:17-jre'],
      ['FROM gradle:8-jdk21-alpine\nWORKDIR /app\nCOPY . .\nRUN gradle bootJar\nCMD ["java", "-jar", "build/libs/app.jar"]\n', 'gradle:8-jdk21-alpine -> eclipse-temurin:21-jre-alpine'],
      ['FROM eclipse-temurin:21-jdk\nWORKDIR /app\nCOPY . .\nRUN ./mvnw -B package\nCMD ["java", "-jar", "target/app.jar"]\n', 'eclipse-temurin:21-jdk -> eclipse-temurin:21-jre'],
      ['FROM openjdk:17\nWORKDIR /app\nCOPY . .\nRUN ./gradlew build\nCMD ["java", "-jar", "build/libs/app.jar"]\n', 'openjdk:17 -> eclipse-temurin:17-jre'],
      ['FROM diamol/maven\nWORKDIR /app\nCOPY . .\nRUN mvn package\nCMD ["java", "-jar", "target/app.jar"]\n', 'diamol/maven -> diamol/openjdk'],
      ['FROM node:20-bookworm\nWORKDIR /app\nCOPY . .\nRUN yarn install && yarn build\nCMD ["node", "dist/main.js"]\n', 'node:20-bookworm -> node:20-bookworm-slim'],
      ['FROM node:lts\nWORKDIR /app\nCOPY . .\nRUN npx tsc\nCMD ["node", "lib/index.js"]\n', 'node:lts -> node:lts-slim'],
      ['FROM diamol/node\nWORKDIR /app\nCOPY . .\nRUN npm run build\nCMD ["node", "dist/server.js"]\n', 'diamol/node -> diamol/node'],
      ['FROM rust:1.80-alpine\nWORKDIR /app\nCOPY . .\nRUN cargo build --release\nCMD ["./target/release/app"]\n', 'rust:1.80-alpine -> alpine:3.20'],
      ['FROM python:3.12-bookworm\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen\nCMD ["python", "main.py"]\n', 'python:3.12-bookworm -> python:3.12-slim-bookworm'],
      ['FROM mcr.microsoft.com/dotnet/sdk:8.0-alpine\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -o /out\nWORKDIR /out\nENTRYPOINT ["dotnet", "app.dll"]\n', 'mcr.microsoft.com/dotnet/sdk:8.0-alpine -> mcr.microsoft.com/dotnet/aspnet:8.0-alpine'],
      ['FROM diamol/dotnet-sdk\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -o out\nENTRYPOINT ["dotnet", "out/app.dll"]\n', 'diamol/dotnet-sdk -> diamol/dotnet-aspnet'],
      ['FROM docker.io/library/golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app\nCMD ["/app"]\n', 'docker.io/library/golang:1.22 -> gcr.io/distroless/base-debian12'],
    ];
    for (const [text, expected] of cases) expect(verdict(text)).toEqual([expected]);
  });

  test('cgo is off with CGO_ENABLED=0 from ENV, ARG, the command or an export; on otherwise', () => {
    const go = (build: string): string[] => verdict(`FROM golang:1.22\nWORKDIR /src\nCOPY . .\n${build}\nCMD ["/app"]\n`);
    const runtime = (lines: string): string => (go(lines)[0] ?? '').replace('golang:1.22 -> ', '');
    expect(runtime('ENV CGO_ENABLED=0\nRUN go build -o /app .')).toBe('gcr.io/distroless/static-debian12');
    expect(runtime('ARG CGO_ENABLED=0\nRUN go build -o /app .')).toBe('gcr.io/distroless/static-debian12');
    expect(runtime('RUN CGO_ENABLED=0 go build -o /app .')).toBe('gcr.io/distroless/static-debian12');
    expect(runtime('RUN export CGO_ENABLED=0 && go build -o /app .')).toBe('gcr.io/distroless/static-debian12');
    expect(runtime('RUN CGO_ENABLED=0 && go build -o /app .')).toBe('gcr.io/distroless/base-debian12');
    expect(runtime('ENV CGO_ENABLED=0\nRUN CGO_ENABLED=1 go build -o /app .')).toBe('gcr.io/distroless/base-debian12');
  });

  test('go build without -o: named after the file or the package, nothing for several packages', () => {
    const fixedGo = (build: string): string => fixRule(rule, `FROM golang:1.22\nWORKDIR /src\nCOPY . .\n${build}\nCMD ["/app"]\n`, { unsafe: true });
    expect(fixedGo('RUN CGO_ENABLED=0 go build -trimpath ./cmd/server/')).toContain('COPY --from=builder /src/server .\n');
    expect(fixedGo('RUN CGO_ENABLED=0 go build -ldflags "-s -w" main.go')).toContain('COPY --from=builder /src/main .\n');
    expect(fixedGo('RUN go build ./cmd/a ./cmd/b')).not.toContain('AS builder');
    expect(fixedGo('RUN go build ./...')).not.toContain('AS builder');
  });

  test('pip install builds native wheels when the stage installs a compiler; without one it is no build', () => {
    const native = 'FROM python:3.12\nRUN apt-get update && apt-get install -y build-essential\nRUN python -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n';
    expect(fixRule(rule, native, { unsafe: true })).toBe(
      'FROM python:3.12 AS builder\nRUN apt-get update && apt-get install -y build-essential\nRUN python -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n\n' +
        'FROM python:3.12-slim\nENV PATH=/opt/venv/bin:$PATH\nWORKDIR /app\nCMD ["python", "app.py"]\n\nCOPY --from=builder /opt/venv /opt/venv\nCOPY . .\n',
    );
    const withoutVenv = 'FROM python:3.12\nRUN apt-get update && apt-get install -y gcc\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "app.py"]\n';
    expect(verdict(withoutVenv)).toEqual([
      'python:3.12 -> python:3.12-slim (no fix: where the packages are installed (install them into a virtualenv, e.g. `python -m venv /opt/venv`))',
    ]);
    expect(lintRule(rule, 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n')).toEqual([]);
  });

  test('headers are build-only for a static Go binary', () => {
    const text = 'FROM golang:1.22-alpine\nRUN apk add --no-cache git musl-dev linux-headers sqlite-dev\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /bin/app .\nCMD ["/bin/app"]\n';
    expect(fixRule(rule, text, { unsafe: true })).toBe(
      'FROM golang:1.22-alpine AS builder\nRUN apk add --no-cache git musl-dev linux-headers sqlite-dev\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /bin/app .\n\nFROM alpine:3.20\nWORKDIR /src\nCMD ["/bin/app"]\n\nCOPY --from=builder /bin/app /bin/app\n',
    );
  });

  test('reports without a fix, naming what is missing', () => {
    const cases: Array<[string, string]> = [
      ['FROM maven:3.9\nWORKDIR /app\nCOPY . .\nRUN mvn package\nCMD ["java", "-jar", "target/app.jar"]\n', 'the Java version (tag the image with its JDK, e.g. `maven:3.9-eclipse-temurin-21`)'],
      ['FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release\nENTRYPOINT ["dotnet", "bin/app.dll"]\n', 'the publish directory (add `-o <dir>` to `dotnet publish`)'],
      ['FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN poetry build\nCMD ["app"]\n', 'where the packages are installed (install them into a virtualenv, e.g. `python -m venv /opt/venv`)'],
      ['FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["npm", "start"]\n', 'the build output directory (CMD runs no file under dist/, build/ or out/)'],
      ['FROM golang:1.22\nCOPY . .\nRUN go build -o app .\nCMD ["./app"]\n', 'the working directory of the build (the base image sets it; add an absolute WORKDIR)'],
      ['FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go install ./cmd/app\nCMD ["app"]\n', 'where `go install` puts the binary (build with `go build -o <path>`)'],
      ['FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nRUN useradd -u 1000 app\nUSER app\nCMD ["/app"]\n', 'how to create the user of the RUN on line 5 in the runtime image'],
      ['FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nRUN mkdir /data\nCMD ["/app"]\n', 'whether the RUN on line 5, after the build, prepares the runtime image'],
      ['FROM python:3.12\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN python -m venv /venv\nCOPY . /app\nRUN /venv/bin/pip install /app\nCMD ["/venv/bin/app"]\n', 'which run-time libraries the artifact built against libpq-dev needs (installed by the RUN on line 2)'],
      ['FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "server.js", "--static", "dist/"]\n', 'how the runtime stage gets "server.js", which the container runs'],
      ['FROM gradle:8-jdk21\nWORKDIR /home/gradle/app\nCOPY . .\nRUN gradle bootJar\nUSER gradle\nCMD ["java", "-jar", "build/libs/app.jar"]\n', 'whether "eclipse-temurin:21-jre" has the user "gradle" (name a runtime image that has it in the `runtimeImages` option, or use a numeric USER)'],
      ['FROM maven:3.9-eclipse-temurin-21\nWORKDIR /app\nCOPY . .\nRUN mvn package\nCMD ["mvn", "spring-boot:run"]\n', 'how to start the app without the toolchain (CMD runs `mvn spring-boot:run`)'],
      ['FROM eclipse-temurin:21-jdk\nWORKDIR /app\nCOPY . .\nRUN javac -d out src/Main.java\nCMD ["java", "-cp", "out", "Main"]\n', 'the output of `javac` (package it with Maven or Gradle)'],
      ['FROM maven:3.9-eclipse-temurin-21\nWORKDIR /app\nCOPY . .\nRUN mvn package\nCMD ["java", "-cp", "target/classes", "app.Main"]\n', 'the jar that CMD/ENTRYPOINT runs (name it, e.g. `java -jar target/app.jar`)'],
    ];
    for (const [text, missing] of cases) {
      const [finding] = lintRule(rule, text);
      const message = finding?.message ?? '';
      expect(message.slice(message.indexOf('No automatic rewrite'))).toBe(`No automatic rewrite: the rule cannot tell ${missing}.`);
      expect(fixRule(rule, text, { unsafe: true })).toBe(text);
    }
  });

  test('stays quiet on slim runtimes, on stages that build nothing, and on proper multi-stage files', () => {
    const valid = [
      'FROM node:20-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/index.js"]\n',
      'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nCMD ["node", "server.js"]\n',
      'FROM python:3.12-slim\nRUN python -m venv /venv\n',
      'FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n',
      'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go vet ./... && go test ./...\n',
      'FROM golang:1.22\nRUN go install golang.org/x/tools/gopls@latest\n',
      'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nCMD ["/app"]\n',
      'ARG BASE\nFROM ${BASE}\nRUN go build -o /app .\n',
      'FROM ubuntu:24.04\nRUN go build -o /app .\n',
      'FROM golang:1.22\nRUN ["go", "build", "-o", "/app", "."]\n',
      'FROM eclipse-temurin:21-jdk\nRUN javac --version && java --version\n',
    ];
    for (const text of valid) expect(lintRule(rule, text)).toEqual([]);
  });

  test('lower-case keywords and the stage name: the builder is named, the runtime keeps the original name', () => {
    const text = 'from golang:1.22 as app\nworkdir /src\ncopy . .\nrun go build -o /bin/app\ncmd ["/bin/app"]\n';
    expect(fixRule(rule, text, { unsafe: true })).toBe(
      'from golang:1.22 as builder\nworkdir /src\ncopy . .\nrun go build -o /bin/app\n\nfrom gcr.io/distroless/base-debian12 as app\nworkdir /src\ncmd ["/bin/app"]\n\ncopy --from=builder /bin/app /bin/app\n',
    );
  });

  test('picks a free builder name and keeps earlier stages untouched', () => {
    const text = 'FROM alpine:3.20 AS builder\nRUN echo hi > /hi\n\nFROM golang:1.22\nWORKDIR /src\nCOPY --from=builder /hi /hi\nCOPY . .\nRUN go build -o /bin/app\nCMD ["/bin/app"]\n';
    expect(fixRule(rule, text, { unsafe: true })).toBe(
      'FROM alpine:3.20 AS builder\nRUN echo hi > /hi\n\nFROM golang:1.22 AS build\nWORKDIR /src\nCOPY --from=builder /hi /hi\nCOPY . .\nRUN go build -o /bin/app\n\nFROM gcr.io/distroless/base-debian12\nWORKDIR /src\nCMD ["/bin/app"]\n\nCOPY --from=build /bin/app /bin/app\n',
    );
  });

  test('keeps a USER and an ENV that shape the build in both stages, and an ARG the runtime uses', () => {
    const text = 'FROM node:20\nARG VERSION=1\nWORKDIR /app\nUSER node\nENV NODE_ENV=production\nCOPY --chown=node . .\nRUN npm ci && npm run build\nLABEL version=$VERSION\nCMD ["node", "dist/index.js"]\n';
    expect(fixRule(rule, text, { unsafe: true })).toBe(
      'FROM node:20 AS builder\nARG VERSION=1\nWORKDIR /app\nUSER node\nENV NODE_ENV=production\nCOPY --chown=node . .\nRUN npm ci && npm run build\nRUN npm prune --omit=dev\n\n' +
        'FROM node:20-slim\nARG VERSION=1\nWORKDIR /app\nUSER node\nENV NODE_ENV=production\nLABEL version=$VERSION\nCMD ["node", "dist/index.js"]\n\n' +
        'COPY --from=builder /app/node_modules ./node_modules\nCOPY --from=builder /app/package.json .\nCOPY --from=builder /app/dist ./dist\n',
    );
  });

  test('moves a jar out of target/ and points ENTRYPOINT at it; a shell HEALTHCHECK needs a shell', () => {
    const text = 'FROM maven:3.9-eclipse-temurin-21\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\nHEALTHCHECK CMD java -version || exit 1\nENTRYPOINT ["java", "-jar", "/app/target/app-1.0.jar"]\n';
    expect(fixRule(rule, text, { unsafe: true })).toBe(
      'FROM maven:3.9-eclipse-temurin-21 AS builder\nWORKDIR /app\nCOPY . .\nRUN mvn -B package\n\n' +
        'FROM eclipse-temurin:21-jre\nWORKDIR /app\nHEALTHCHECK CMD java -version || exit 1\nENTRYPOINT ["java", "-jar", "/app/app-1.0.jar"]\n\nCOPY --from=builder /app/target/app-1.0.jar .\n',
    );
    const go = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /bin/app\nHEALTHCHECK CMD /bin/app -health || exit 1\nCMD ["/bin/app"]\n';
    expect(verdict(go)).toEqual(['golang:1.22 -> alpine:3.20']);
    const curl = go.replace('/bin/app -health', 'curl -f http://localhost/');
    expect(verdict(curl)).toEqual([
      'golang:1.22 -> alpine:3.20 (no fix: whether "alpine:3.20" has curl for the HEALTHCHECK (name a runtime image that has it in the `runtimeImages` option))',
    ]);
    expect(fixRule(rule, curl, { unsafe: true, options: [{ runtimeImages: { golang: 'diamol/base' } }] })).toContain('\nFROM diamol/base\n');
  });

  test('follows a cp of the artifact, and a cargo install lands on the PATH', () => {
    const copied = 'FROM maven:3.9-eclipse-temurin-17\nWORKDIR /app\nCOPY . .\nRUN mvn package && cp target/*.jar app.jar\nCMD ["java", "-jar", "app.jar"]\n';
    expect(fixRule(rule, copied, { unsafe: true })).toBe(
      'FROM maven:3.9-eclipse-temurin-17 AS builder\nWORKDIR /app\nCOPY . .\nRUN mvn package && cp target/*.jar app.jar\n\nFROM eclipse-temurin:17-jre\nWORKDIR /app\nCMD ["java", "-jar", "app.jar"]\n\nCOPY --from=builder /app/app.jar .\n',
    );
    const installed = 'FROM rust:1.80\nWORKDIR /src\nCOPY . .\nRUN cargo install --path . --bin web\nCMD ["web"]\n';
    expect(fixRule(rule, installed, { unsafe: true })).toBe(
      'FROM rust:1.80 AS builder\nWORKDIR /src\nCOPY . .\nRUN cargo install --path . --bin web\n\nFROM gcr.io/distroless/cc-debian12\nWORKDIR /src\nCMD ["web"]\n\nCOPY --from=builder /usr/local/cargo/bin/web /usr/local/bin/web\n',
    );
  });

  test('copies: sources to the builder, pages to the runtime, files that may be either to both', () => {
    const text =
      '# syntax=docker/dockerfile:1\nFROM golang:1.22\nWORKDIR /app\nCOPY go.mod main.go ./\nCOPY cmd/ ./cmd/\nCOPY static ./static\nCOPY migrations ./migrations\nCOPY <<EOF config.toml\nport = 80\nEOF\n' +
      'RUN CGO_ENABLED=0 go build -o /bin/app .\nCMD ["/bin/app"]\n';
    expect(fixRule(rule, text, { unsafe: true })).toBe(
      '# syntax=docker/dockerfile:1\nFROM golang:1.22 AS builder\nWORKDIR /app\nCOPY go.mod main.go ./\nCOPY cmd/ ./cmd/\nCOPY migrations ./migrations\nCOPY <<EOF config.toml\nport = 80\nEOF\nRUN CGO_ENABLED=0 go build -o /bin/app .\n\n' +
        'FROM gcr.io/distroless/static-debian12\nWORKDIR /app\nCMD ["/bin/app"]\n\nCOPY --from=builder /bin/app /bin/app\nCOPY static ./static\nCOPY migrations ./migrations\nCOPY <<EOF config.toml\nport = 80\nEOF\n',
    );
  });

  test('a bundler may read pages: a Node build keeps them in the builder and the runtime', () => {
    const text = 'FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY src ./src\nCOPY public ./public\nRUN npm run build\nCMD ["node", "dist/server.js"]\n';
    expect(fixRule(rule, text, { unsafe: true })).toBe(
      'FROM node:20 AS builder\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY src ./src\nCOPY public ./public\nRUN npm run build\nRUN npm prune --omit=dev\n\n' +
        'FROM node:20-slim\nWORKDIR /app\nCMD ["node", "dist/server.js"]\n\nCOPY --from=builder /app/node_modules ./node_modules\nCOPY --from=builder /app/package.json .\nCOPY --from=builder /app/dist ./dist\nCOPY public ./public\n',
    );
  });

  test('npm start: the output directory comes from package.json when the context is readable', () => {
    const text = 'FROM node:20\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\nCOPY . .\nRUN yarn build\nCMD ["npm", "start"]\n';
    const readContextFile = (path: string): string | null =>
      path === 'package.json' ? '{ "scripts": { "start": "node build/server.js" }, "dependencies": { "express": "^4.21.0" } }' : null;
    expect(fixRule(rule, text, { unsafe: true, readContextFile })).toBe(
      'FROM node:20 AS builder\nWORKDIR /app\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\nCOPY . .\nRUN yarn build\nRUN yarn install --production --frozen-lockfile\n\n' +
        'FROM node:20-slim\nWORKDIR /app\nCMD ["npm", "start"]\n\nCOPY --from=builder /app/node_modules ./node_modules\nCOPY --from=builder /app/package.json .\nCOPY --from=builder /app/build ./build\n',
    );
    expect(fixRule(rule, text, { unsafe: true })).toBe(text);
  });

  test('an app whose package.json has no dependencies ships no node_modules (npm ci creates none)', () => {
    const text = 'FROM node:20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nCMD ["node", "dist/server.js"]\n';
    const readContextFile = (path: string): string | null => (path === 'package.json' ? '{ "name": "x", "devDependencies": { "typescript": "6.0.3" } }' : null);
    expect(fixRule(rule, text, { unsafe: true, readContextFile })).toBe(
      'FROM node:20 AS builder\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n\n' +
        'FROM node:20-slim\nWORKDIR /app\nCMD ["node", "dist/server.js"]\n\nCOPY --from=builder /app/package.json .\nCOPY --from=builder /app/dist ./dist\n',
    );
  });

  test('a quoted WORKDIR is the directory inside the quotes', () => {
    const text = 'FROM golang:1.22\nWORKDIR "/srv/app"\nCOPY . .\nRUN CGO_ENABLED=0 go build -o server .\nCMD ["./server"]\n';
    expect(fixRule(rule, text, { unsafe: true })).toBe(
      'FROM golang:1.22 AS builder\nWORKDIR "/srv/app"\nCOPY . .\nRUN CGO_ENABLED=0 go build -o server .\n\nFROM gcr.io/distroless/static-debian12\nWORKDIR "/srv/app"\nCMD ["./server"]\n\nCOPY --from=builder /srv/app/server .\n',
    );
  });

  test('a WORKDIR the model cannot resolve makes the artifact destination absolute', () => {
    const text = 'FROM golang:1.22\nWORKDIR ${GOPATH}/src/app\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\nCMD ["/out/app"]\n';
    expect(fixRule(rule, text, { unsafe: true })).toBe(
      'FROM golang:1.22 AS builder\nWORKDIR ${GOPATH}/src/app\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nWORKDIR ${GOPATH}/src/app\nCMD ["/out/app"]\n\nCOPY --from=builder /out/app /out/app\n',
    );
  });

  test('an absolute publish directory keeps its place, and what is moved out of it after the build goes along', () => {
    const text = 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app && mv /app/workers /workers\nENTRYPOINT ["dotnet", "/app/web.dll"]\n';
    expect(fixRule(rule, text, { unsafe: true })).toBe(
      'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS builder\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app && mv /app/workers /workers\n\n' +
        'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nWORKDIR /src\nENTRYPOINT ["dotnet", "/app/web.dll"]\n\nCOPY --from=builder /app /app\nCOPY --from=builder /workers /workers\n',
    );
  });

  test('the runtimeImages option overrides the map, the most specific key first', () => {
    const text = 'FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go build -o /app\nCMD ["/app"]\n';
    expect(verdict(text, [{ runtimeImages: { golang: 'alpine:3.20' } }])).toEqual(['golang:1.22 -> alpine:3.20']);
    expect(verdict(text, [{ runtimeImages: { golang: 'alpine:3.20', 'golang:1.22': 'chainguard/static' } }])).toEqual(['golang:1.22 -> chainguard/static']);
    expect(verdict(text, [{ runtimeImages: { 'golang:1.21': 'alpine:3.20' } }])).toEqual(['golang:1.22 -> gcr.io/distroless/base-debian12']);
  });

  test('a backtick escape directive and a BOM stay in place', () => {
    const text = '\uFEFF# escape=`\nFROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build `\n    -o /bin/app .\nCMD ["/bin/app"]\n';
    expect(fixRule(rule, text, { unsafe: true })).toBe(
      '\uFEFF# escape=`\nFROM golang:1.22 AS builder\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build `\n    -o /bin/app .\n\nFROM gcr.io/distroless/static-debian12\nWORKDIR /src\nCMD ["/bin/app"]\n\nCOPY --from=builder /bin/app /bin/app\n',
    );
  });

  test('a continuation with a comment line, exec-form and shell-form CMD, and CRLF line endings', () => {
    const text = 'FROM golang:1.22\r\nWORKDIR /src\r\nCOPY . .\r\nRUN go build \\\r\n# static\r\n  -o /bin/app .\r\nCMD /bin/app\r\n';
    expect(fixRule(rule, text, { unsafe: true })).toBe(
      'FROM golang:1.22 AS builder\r\nWORKDIR /src\r\nCOPY . .\r\nRUN go build \\\r\n# static\r\n  -o /bin/app .\r\n\r\nFROM debian:bookworm-slim\r\nWORKDIR /src\r\nCMD /bin/app\r\n\r\nCOPY --from=builder /bin/app /bin/app\r\n',
    );
  });
});

describe('prefer-multi-stage README', () => {
  const readme = new URL('./README.md', import.meta.url);

  test('the bad example is reported and the good one is not', () => {
    expect(readmeMismatches(rule, readme)).toEqual({ bad: 1, good: 1, badWithoutFinding: [], goodWithFinding: [] });
  });

  test('the good example is the rule\'s own rewrite of the bad one', () => {
    const { bad, good } = readmeExamples(readme);
    expect(fixRule(rule, bad[0] as string, { unsafe: true })).toBe(good[0]);
  });
});

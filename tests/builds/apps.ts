/** The fixture apps the build suite builds, and what each must show. */

export interface AppSpec {
  name: string;
  /** Build context with the original Dockerfile, relative to the repository. */
  context: string;
  /** Image sets scripts/builds/prepare-images.sh must have made first. */
  images: string[];
  /** The source file edited before the rebuild, relative to the context. */
  touch: string;
  /** What the app answers once started (all fixture apps are servers). */
  probeUrl: string;
  /**
   * Steps of the rewritten build that must come from the cache after the source edit: its
   * dependency and toolchain steps (instruction text as the builder prints it).
   */
  cachedAfterEdit: RegExp[];
  /** Files the app needs at runtime, in the rewritten final image. */
  runtimeFiles: string[];
  /** Why the app is not built here; reported as skipped, never as passed. */
  skip?: string;
}

export const APPS: AppSpec[] = [
  {
    name: 'diamol-lab',
    context: 'fixtures/apps/diamol-lab',
    // The Go stand-ins hold the standard library compiled for the settings these two Dockerfiles
    // build with (prepare-images.sh, chain_go): change those and update the images too.
    images: ['busybox', 'go'],
    touch: 'main.go',
    probeUrl: 'http://127.0.0.1:80/',
    // The builder stage has no dependency step; its WORKDIR and the runtime stage's settings are
    // what a source edit must not rebuild.
    cachedAfterEdit: [/^WORKDIR web$/, /^CMD \["\/web\/server"\]$/, /^ENV USER=sixeyed$/, /^EXPOSE 80$/],
    runtimeFiles: ['/web/server', '/web/index.html'],
  },
  {
    name: 'go',
    context: 'fixtures/apps/go',
    images: ['busybox', 'go'],
    touch: 'main.go',
    probeUrl: 'http://127.0.0.1:8080/',
    cachedAfterEdit: [/^COPY go\.mod \.\/$/, /^RUN go mod download$/],
    runtimeFiles: ['/usr/local/bin/hello', '/src/templates/index.html'],
  },
  {
    name: 'node',
    context: 'fixtures/apps/node',
    images: ['node'],
    touch: 'src/server.js',
    probeUrl: 'http://127.0.0.1:3000/',
    cachedAfterEdit: [/^COPY package\.json package-lock\.json \.\/$/, /^RUN npm ci$/],
    runtimeFiles: ['/app/dist/server.js', '/app/package.json'],
  },
  {
    name: 'python',
    context: 'fixtures/apps/python',
    images: ['python'],
    touch: 'app.py',
    probeUrl: 'http://127.0.0.1:8000/',
    cachedAfterEdit: [/^RUN python -m venv \/opt\/venv$/, /^COPY requirements\.txt \.$/, /^RUN pip install --no-cache-dir -r requirements\.txt$/],
    runtimeFiles: ['/app/app.py', '/opt/venv/bin/python'],
  },
  {
    name: 'rust',
    context: 'fixtures/apps/rust',
    images: ['rust'],
    touch: 'src/main.rs',
    probeUrl: 'http://127.0.0.1:8080/',
    cachedAfterEdit: [/^COPY Cargo\.toml Cargo\.lock \.\/$/],
    runtimeFiles: ['/usr/src/hello/hello'],
  },
  {
    name: 'java-maven',
    context: 'fixtures/apps/java-maven',
    // The maven image's `mvn` is a javac/jar stand-in (scripts/builds/mvn-standin.sh): Maven
    // Central, where the real one gets its plugins, is not reachable.
    images: ['java'],
    touch: 'src/main/java/example/Hello.java',
    probeUrl: 'http://127.0.0.1:8080/',
    cachedAfterEdit: [/^COPY pom\.xml \.$/, /^RUN mvn -B dependency:go-offline$/],
    runtimeFiles: ['/app/hello-1.0.0.jar'],
  },
  {
    name: 'java-gradle',
    context: 'fixtures/apps/java-gradle',
    images: [],
    touch: 'src/main/java/example/Hello.java',
    probeUrl: 'http://127.0.0.1:8080/',
    cachedAfterEdit: [],
    runtimeFiles: [],
    skip: 'gradle needs the Gradle plugin portal and Maven Central, which are not reachable from these machines',
  },
  {
    name: 'dotnet',
    context: 'fixtures/apps/dotnet',
    images: [],
    touch: 'Program.cs',
    probeUrl: 'http://127.0.0.1:8080/',
    cachedAfterEdit: [],
    runtimeFiles: [],
    skip: 'no .NET SDK in Debian bookworm to build a stand-in sdk image from, and NuGet is not reachable',
  },
];

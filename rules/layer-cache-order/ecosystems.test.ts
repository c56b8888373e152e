import { describe, expect, test } from '@jest/globals';
import { parseShell } from '@dockerfile-opt/core';
import { ECOSYSTEMS, ecosystemById, matchBuildCommand, matchesAnyGlob } from '../knowledge/ecosystems.js';

/** `[ecosystem id, kind]` of the first command of `script`, or null. */
function classify(script: string): [string, string] | null {
  const command = parseShell(script, 0).commands[0];
  if (!command) throw new Error(`no command in ${script}`);
  const match = matchBuildCommand(command);
  return match ? [match.ecosystem.id, match.kind] : null;
}

describe('knowledge/ecosystems', () => {
  test('ids are unique and every ecosystem has manifests and an install', () => {
    expect(new Set(ECOSYSTEMS.map((e) => e.id)).size).toBe(ECOSYSTEMS.length);
    for (const e of ECOSYSTEMS) {
      expect({ id: e.id, manifests: e.manifests.length > 0, installs: e.installs.length > 0 }).toEqual({ id: e.id, manifests: true, installs: true });
      expect(ecosystemById.get(e.id)).toBe(e);
    }
  });

  test.each([
    ['npm ci', ['npm', 'install']],
    ['npm install --omit=dev', ['npm', 'install']],
    ['npm install express', null],
    ['npm install -g pm2', ['npm', 'housekeeping']],
    ['npm cache clean --force', ['npm', 'housekeeping']],
    ['npm run build', ['npm', 'build']],
    ['yarn', ['yarn', 'install']],
    ['yarn install --frozen-lockfile', ['yarn', 'install']],
    ['pnpm fetch --prod', ['pnpm', 'install']],
    ['bun install', ['bun', 'install']],
    ['pip install --no-cache-dir -r requirements.txt', ['pip', 'install']],
    ['python3 -m pip install -r requirements/prod.txt', ['pip', 'install']],
    ['pip3 install --upgrade pip', ['pip', 'housekeeping']],
    ['pip install .', ['pip', 'build']],
    ['pip install -e .', ['pip', 'build']],
    ['pip install ./vendor/pkg', null],
    ['poetry install --no-root', ['poetry', 'install']],
    ['poetry install', ['poetry', 'build']],
    ['uv sync --frozen --no-install-project', ['uv', 'install']],
    ['uv sync --frozen', ['uv', 'build']],
    ['uv pip install -r requirements.txt', ['pip', 'install']],
    ['pipenv install --deploy --system', ['pipenv', 'install']],
    ['go mod download -x', ['go', 'install']],
    ['go build -o /out/app ./cmd/app', ['go', 'build']],
    ['go install ./cmd/...', ['go', 'build']],
    ['go install golang.org/x/tools/gopls@latest', ['go', 'housekeeping']],
    ['mvn -B dependency:go-offline', ['maven', 'install']],
    ['./mvnw -f pom.xml dependency:resolve', ['maven', 'install']],
    ['mvn -B package -DskipTests', ['maven', 'build']],
    ['gradle dependencies --no-daemon', ['gradle', 'install']],
    ['./gradlew build -x test', ['gradle', 'build']],
    ['cargo fetch', ['cargo', 'install']],
    ['cargo build --release', ['cargo', 'build']],
    ['cargo install ripgrep', ['cargo', 'housekeeping']],
    ['composer install --no-scripts --no-autoloader', ['composer', 'install']],
    ['composer install --no-dev', ['composer', 'build']],
    ['bundle install --jobs 4', ['bundler', 'install']],
    ['dotnet restore App.csproj', ['dotnet', 'install']],
    ['dotnet publish -c Release -o /out', ['dotnet', 'build']],
    ['apt-get install -y curl', null],
    ['npm ci --prefix "$DIR"', null],
  ])('%s', (script, expected) => {
    expect(classify(script)).toEqual(expected);
  });

  test('the match carries the manifests an install names and its operands', () => {
    const command = parseShell('pip install -r base.txt --constraint=constraints.txt', 0).commands[0];
    const match = command ? matchBuildCommand(command) : null;
    expect(match?.manifestPaths).toEqual(['base.txt', 'constraints.txt']);
    const restore = parseShell('dotnet restore src/App/App.csproj', 0).commands[0];
    expect(restore ? matchBuildCommand(restore)?.operands.map((w) => w.value) : null).toEqual(['restore', 'src/App/App.csproj']);
  });

  test('matchesAnyGlob matches relative paths, with ** also at the top level', () => {
    expect(matchesAnyGlob('./package.json', ['package.json'])).toBe(true);
    expect(matchesAnyGlob('src/App/App.csproj', ['**/*.csproj'])).toBe(true);
    expect(matchesAnyGlob('App.csproj', ['**/*.csproj'])).toBe(true);
    expect(matchesAnyGlob('requirements-dev.txt', ['requirements*.txt'])).toBe(true);
    expect(matchesAnyGlob('docs/requirements.txt', ['requirements*.txt'])).toBe(false);
    expect(matchesAnyGlob('index.html', ['**/*.go', 'go.mod'])).toBe(false);
  });
});

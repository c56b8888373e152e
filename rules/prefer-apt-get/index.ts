import { defineRule, type TextEdit } from '@dockerfile-opt/core';
import { runVisitors } from '../_shared/commands.js';
import { packageManagerCalls } from '../_shared/package-managers.js';

/** `apt` subcommands with an exact counterpart in the scripting tools: [program, subcommand]. */
const COUNTERPARTS: Record<string, readonly [string, string]> = {
  install: ['apt-get', 'install'],
  reinstall: ['apt-get', 'reinstall'],
  remove: ['apt-get', 'remove'],
  purge: ['apt-get', 'purge'],
  update: ['apt-get', 'update'],
  upgrade: ['apt-get', 'upgrade'],
  'full-upgrade': ['apt-get', 'dist-upgrade'],
  'dist-upgrade': ['apt-get', 'dist-upgrade'],
  autoremove: ['apt-get', 'autoremove'],
  autopurge: ['apt-get', 'autopurge'],
  clean: ['apt-get', 'clean'],
  autoclean: ['apt-get', 'autoclean'],
  'dist-clean': ['apt-get', 'dist-clean'],
  source: ['apt-get', 'source'],
  'build-dep': ['apt-get', 'build-dep'],
  download: ['apt-get', 'download'],
  satisfy: ['apt-get', 'satisfy'],
  search: ['apt-cache', 'search'],
  show: ['apt-cache', 'show'],
  showsrc: ['apt-cache', 'showsrc'],
  policy: ['apt-cache', 'policy'],
  depends: ['apt-cache', 'depends'],
  rdepends: ['apt-cache', 'rdepends'],
};

export default defineRule({
  id: 'prefer-apt-get',
  meta: {
    category: 'correctness',
    severity: 'warn',
    recommended: true,
    fixable: 'sometimes',
    fixSafety: 'safe',
    sources: ['DL3027'],
    description: 'Scripts use `apt-get` and `apt-cache`; `apt` is meant for people at a terminal.',
    messages: {
      useInstead: '"apt" is for interactive use and its output and behaviour may change between releases: use "{{replacement}}".',
      noCounterpart: '"apt" is for interactive use and its output and behaviour may change between releases: use apt-get, apt-cache or dpkg-query.',
    },
    schema: [],
  },
  create(ctx) {
    return runVisitors((run) => {
      for (const call of packageManagerCalls(ctx.model, run)) {
        if (call.manager !== 'apt') continue;
        const programWord = call.invocation.programWord;
        const counterpart = call.subcommand ? COUNTERPARTS[call.subcommand.value] : undefined;
        if (!counterpart || !call.subcommand) {
          ctx.report({ range: programWord.range, messageId: 'noCounterpart' });
          continue;
        }
        const [program, subcommand] = counterpart;
        // Keep a path prefix (`/usr/bin/apt`) as written.
        const edits: TextEdit[] = [{ range: [programWord.range[1] - 'apt'.length, programWord.range[1]], text: program }];
        if (subcommand !== call.subcommand.value) edits.push({ range: call.subcommand.range, text: subcommand });
        ctx.report({
          range: programWord.range,
          messageId: 'useInstead',
          data: { replacement: `${program} ${subcommand}` },
          // A quoted program word (`"apt"`) gets no fix: the rename edits the last three characters.
          fix: programWord.text.endsWith('apt') ? { description: `Use ${program} ${subcommand}`, edits } : null,
        });
      }
    });
  },
});

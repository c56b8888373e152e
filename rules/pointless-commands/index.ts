import { defineRule } from '@dockerfile-opt/core';
import { invocations, runVisitors } from '../_shared/commands.js';

/** What each command would do in a build, for the message. */
const POINTLESS: Record<string, string> = {
  ssh: 'opens a remote session; fetch files with curl or COPY, or pass keys with RUN --mount=type=ssh',
  vim: 'is an interactive editor; edit files with sed or COPY them in',
  shutdown: 'cannot stop a container build',
  service: 'starts a service that stops as soon as the RUN ends; start it from the ENTRYPOINT',
  ps: 'lists the processes of a build step, which are gone when it ends',
  free: 'reports the memory of the build host, not of the running container',
  top: 'is an interactive monitor',
  kill: 'signals processes of a build step, which are gone when it ends',
  mount: 'mounts nothing that outlives the RUN; use RUN --mount or VOLUME',
  ifconfig: 'shows or changes the build network, not the network of the running container',
};

export default defineRule({
  id: 'pointless-commands',
  meta: {
    category: 'maintainability',
    severity: 'warn',
    recommended: false,
    fixable: 'none',
    sources: ['DL3001'],
    description: 'RUN avoids commands that make no sense in an image build (ssh, vim, service, ps, kill, ...).',
    messages: { pointless: '"{{command}}" {{why}}.' },
    schema: [],
  },
  create(ctx) {
    return runVisitors((run) => {
      const all = invocations(ctx.model, run);
      for (const invocation of all) {
        const why = POINTLESS[invocation.program];
        if (!why) continue;
        // Setup that needs a running service (`service mysql start && mysql < init.sql`), or that
        // stops a process the RUN started itself (`kill $pid`), has a purpose.
        if (invocation.program === 'service' && invocation !== all.at(-1)) continue;
        if (invocation.program === 'kill' && invocation.args.some((a) => !a.isStatic)) continue;
        ctx.report({ range: invocation.programWord.range, messageId: 'pointless', data: { command: invocation.program, why } });
      }
    });
  },
});

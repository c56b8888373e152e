import { defineRule } from '@dockerfile-opt/core';

/** Linux signal names (without the SIG prefix) the runtime accepts. */
const SIGNALS = new Set(
  'ABRT ALRM BUS CHLD CLD CONT FPE HUP ILL INT IO IOT KILL PIPE POLL PROF PWR QUIT SEGV STKFLT STOP SYS TERM TRAP TSTP TTIN TTOU URG USR1 USR2 VTALRM WINCH XCPU XFSZ'.split(' '),
);
const REALTIME = /^RTM(IN(\+([1-9]|1[0-5]))?|AX(-([1-9]|1[0-4]))?)$/;

export default defineRule({
  id: 'stopsignal-valid',
  meta: {
    category: 'correctness',
    severity: 'error',
    recommended: true,
    fixable: 'none',
    description: '`STOPSIGNAL` names a signal (`SIGTERM`, `TERM`) or gives its number.',
    messages: { invalid: '"{{value}}" is not a signal: use a name such as SIGTERM or SIGQUIT, or a signal number.' },
    schema: [],
  },
  create(ctx) {
    return {
      STOPSIGNAL(node) {
        const arg = node.args[0];
        if (!arg || node.args.length > 1) return;
        const value = ctx.model.expand(arg.value, node).value;
        // an ARG without a known value is checked when the build gives it one
        if (value === null) return;
        const name = value.toUpperCase().replace(/^SIG/, '');
        if (/^\d+$/.test(value) ? Number(value) > 0 : SIGNALS.has(name) || REALTIME.test(name)) return;
        ctx.report({ node: arg, messageId: 'invalid', data: { value } });
      },
    };
  },
});

import type { InstructionNode, RuleVisitors } from '@dockerfile-opt/core';

/**
 * The same visitors, also called for the trigger of `ONBUILD <instruction>`: a trigger is written
 * here, so its syntax and names are checked here, although it runs in a downstream build.
 */
export function withOnbuildTriggers(visitors: RuleVisitors): RuleVisitors {
  const byType = visitors as Record<string, ((node: InstructionNode) => void) | undefined>;
  return {
    ...visitors,
    ONBUILD(node) {
      visitors.ONBUILD?.(node);
      if (node.trigger) byType[node.trigger.type]?.(node.trigger);
    },
  };
}

import { rulesById } from '@dockerfile-opt/rules';

/** A rule's message as its own template words it, so that exact expectations survive rewording. */
export function messageOf(ruleId: string, messageId: string, data: Record<string, string> = {}): string {
  const template = rulesById.get(ruleId)?.meta.messages[messageId];
  if (template === undefined) throw new Error(`no message ${ruleId}/${messageId}`);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => {
    const value = data[key];
    if (value === undefined) throw new Error(`no value for {{${key}}} in ${ruleId}/${messageId}`);
    return value;
  });
}

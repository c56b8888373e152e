import { writeFileSync } from 'node:fs';
import { rules } from '@dockerfile-opt/rules';
import { renderRulesDoc } from './rules-doc.js';

writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesDoc(rules));

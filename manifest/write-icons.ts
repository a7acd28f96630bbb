/**
 * Regenerates manifest/color.png and manifest/outline.png after a change to draw-icons.ts:
 * `npm run build && node dist/manifest/write-icons.js`, then commit the PNGs.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { drawColorIcon, drawOutlineIcon, ICON_FILES } from './draw-icons';
import { encodePng } from './png-encode';
import { findProjectRoot } from '../bot/project-root';

const dir = path.join(findProjectRoot(__dirname), 'manifest');
writeFileSync(path.join(dir, ICON_FILES.color), encodePng(drawColorIcon()));
writeFileSync(path.join(dir, ICON_FILES.outline), encodePng(drawOutlineIcon()));
console.log(`icons written to ${dir}`);

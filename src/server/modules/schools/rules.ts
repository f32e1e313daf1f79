import type { Level } from '../../../shared/school-year.ts';

/**
 * Classes made up from published counts (the demo, or an import that knows
 * only "8 classes, 196 pupils"): levels spread evenly, multi-level classes
 * when there are fewer classes than levels, pupils shared out. Such classes
 * are marked `generated` so nobody mistakes them for the school's own list.
 */
export interface GeneratedClass {
  name: string;
  levels: Level[];
  pupils: number;
}

function spread(levels: readonly Level[], count: number): Level[][] {
  if (count <= 0 || levels.length === 0) return [];
  if (count >= levels.length) {
    const out: Level[][] = [];
    const base = Math.floor(count / levels.length);
    const extra = count % levels.length;
    levels.forEach((level, i) => {
      for (let k = 0; k < base + (i < extra ? 1 : 0); k++) out.push([level]);
    });
    return out;
  }
  // Fewer classes than levels: consecutive levels grouped (multi-level classes).
  const out: Level[][] = [];
  let start = 0;
  for (let i = 0; i < count; i++) {
    const size = Math.floor(levels.length / count) + (i < levels.length % count ? 1 : 0);
    out.push(levels.slice(start, start + size) as Level[]);
    start += size;
  }
  return out;
}

function share(total: number, parts: number): number[] {
  if (parts <= 0) return [];
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => base + (i < total % parts ? 1 : 0));
}

export function generateClasses(input: {
  kind: string;
  classes: number;
  pupils: number;
  pupilsMaternelle?: number | undefined;
  pupilsElementaire?: number | undefined;
}): GeneratedClass[] {
  const mat: Level[] = ['PS', 'MS', 'GS'];
  const elem: Level[] = ['CP', 'CE1', 'CE2', 'CM1', 'CM2'];
  let groups: Level[][];
  let pupils: number[];
  if (input.kind === 'primaire') {
    const pm = input.pupilsMaternelle ?? 0;
    const pe = input.pupilsElementaire ?? Math.max(0, input.pupils - pm);
    const total = pm + pe || 1;
    let cm = input.classes > 1 ? Math.round((input.classes * pm) / total) : 0;
    if (pm > 0 && cm === 0 && input.classes > 1) cm = 1;
    if (pe > 0 && cm === input.classes && input.classes > 1) cm = input.classes - 1;
    const ce = input.classes - cm;
    const gm = spread(mat, cm);
    const ge = spread(elem, ce);
    groups = [...gm, ...ge];
    pupils = [...share(pm, gm.length), ...share(pe, ge.length)];
    if (gm.length === 0 && ge.length > 0) pupils = share(input.pupils, ge.length);
  } else {
    groups = spread(input.kind === 'maternelle' ? mat : elem, input.classes);
    pupils = share(input.pupils, groups.length);
  }
  const seen = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const g of groups) counts.set(g.join('-'), (counts.get(g.join('-')) ?? 0) + 1);
  return groups.map((levels, i) => {
    const base = levels.join('-');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const name = (counts.get(base) ?? 0) > 1 ? `${base} ${String.fromCharCode(64 + n)}` : base;
    return { name, levels, pupils: pupils[i] ?? 0 };
  });
}

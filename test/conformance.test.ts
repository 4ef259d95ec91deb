// docs/conformance.md lists every quantitative rule of the five source documents (issue 29). Each row's checked
// values name a shipped scenario and a JSON path; the file must hold exactly that number, so the table and the
// scenarios cannot drift apart. A row without a checked value must say why in its last column.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/golden.ts';

interface Row {
  id: string;
  cells: string[];
}

function rows(): Row[] {
  const md = readFileSync(`${ROOT}docs/conformance.md`, 'utf8');
  return md
    .split('\n')
    .filter((l) => /^\| \d{3}-\d+ \|/.test(l))
    .map((l) => {
      // Split on the table's pipes, not on pipes inside code spans (there are none in paths).
      const cells = l
        .slice(1, -1)
        .split(' | ')
        .map((c) => c.trim());
      return { id: cells[0], cells };
    });
}

/** The value at a JSON path such as `rulesets[0].tracks[1].deductible.value`. */
function at(data: unknown, path: string): unknown {
  let node = data;
  for (const seg of path.match(/[^.[\]]+/g) ?? []) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[/^\d+$/.test(seg) ? Number(seg) : seg];
  }
  return node;
}

const CHECK = /`([\w.-]+\.json)#([^`]+)` = (-?\d+(?:\.\d+)?)/g;

describe('docs/conformance.md', () => {
  const all = rows();

  it('has a row for each of the five documents, each row seven cells and a unique number', () => {
    expect(new Set(all.map((r) => r.id.slice(0, 3)))).toEqual(new Set(['000', '001', '002', '003', '004']));
    for (const r of all) expect(r.cells, r.id).toHaveLength(7);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(70);
  });

  it("every checked value is the shipped scenario's value at its path", () => {
    const files = new Map<string, unknown>();
    let checked = 0;
    for (const r of all) {
      for (const [, file, path, value] of r.cells[4].matchAll(CHECK)) {
        if (!files.has(file)) files.set(file, JSON.parse(readFileSync(`${ROOT}scenarios/${file}`, 'utf8')));
        expect(at(files.get(file), path), `${r.id}: ${file}#${path}`).toBe(Number(value));
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(50);
  });

  it('a row without a checked value says why; every test it names exists', () => {
    for (const r of all) {
      const checks = [...r.cells[4].matchAll(CHECK)].length;
      if (checks === 0) {
        expect(r.cells[4], r.id).toBe('—');
        expect(r.cells[6].length, `${r.id} has no checked value and no reason`).toBeGreaterThan(10);
      }
      for (const [file] of r.cells[5].matchAll(/test\/[\w.-]+\.test\.ts/g))
        expect(existsSync(`${ROOT}${file}`), `${r.id}: ${file}`).toBe(true);
    }
  });
});

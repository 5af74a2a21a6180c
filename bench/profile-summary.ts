/**
 * Summarises a V8 .cpuprofile (from `BENCH_CPU_PROF=1 npm run bench`): where the process spent
 * its CPU, grouped by package (self time) plus the hottest functions, and the inclusive time of
 * a few frames that mark the request pipeline's stages.
 *
 *   node --import tsx bench/profile-summary.ts bench/profiles/api-….cpuprofile
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Frames whose inclusive time says something about a request's stages (label, function name,
 * url fragment; empty = any). Inclusive time only follows synchronous stacks: work resumed
 * after an await is charged to whatever frame resumed it.
 */
const stages: [label: string, functionName: string, urlPart: string][] = [
  ['zod response serialisation (fastify-type-provider-zod)', '', '/fastify-type-provider-zod/'],
  ['zod, all', '', '/node_modules/zod/'],
  ['drizzle-orm, all (query building, row mapping)', '', '/node_modules/drizzle-orm/'],
  ['pg client (pg, pg-protocol, pg-pool, pg-types)', '', '/node_modules/pg'],
  ['fastify core', '', '/node_modules/fastify/'],
  ['pino (logging)', '', '/node_modules/pino'],
  ['helmet', '', '/node_modules/helmet/'],
  ['toCustomer', 'toCustomer', ''],
  ['findCustomers (synchronous part)', 'findCustomers', ''],
];

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native / builtin)';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) return 'node internals';
  const src = url.indexOf('/src/');
  if (src >= 0)
    return `app ${url
      .slice(src + 1)
      .split('/')
      .slice(0, 3)
      .join('/')}`;
  const bench = url.indexOf('/bench/');
  if (bench >= 0) return 'bench';
  return url;
}

function summarise(path: string): void {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);

  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const total = [...self.values()].reduce((sum, value) => sum + value, 0);
  const idle = [...self.entries()]
    .filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)')
    .reduce((sum, [, value]) => sum + value, 0);
  const busy = total - idle;

  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, time] of self) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') continue;
    const pkg = packageOf(frame.url, frame.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + time);
    const name = `${frame.functionName || '(anonymous)'} — ${pkg}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + time);
  }

  // Inclusive time of a stage: samples with at least one matching frame on their stack.
  const stageTime = new Map<string, number>();
  profile.samples.forEach((leaf, index) => {
    const seen = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)!.callFrame;
      for (const [label, functionName, urlPart] of stages) {
        if (
          (!functionName || frame.functionName === functionName) &&
          (!urlPart || frame.url.includes(urlPart))
        ) {
          seen.add(label);
        }
      }
    }
    for (const label of seen) {
      stageTime.set(label, (stageTime.get(label) ?? 0) + (profile.timeDeltas[index] ?? 0));
    }
  });

  const pct = (value: number) => `${((value / busy) * 100).toFixed(1).padStart(5)} %`;
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log(`\n${path}`);
  console.log(
    `wall ${(total / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s (${((busy / total) * 100).toFixed(0)} %); shares below are of busy time`,
  );
  console.log('\nself time by package:');
  for (const [name, time] of top(byPackage, 15)) console.log(`  ${pct(time)}  ${name}`);
  console.log('\nhottest functions (self):');
  for (const [name, time] of top(byFunction, 25)) console.log(`  ${pct(time)}  ${name}`);
  console.log('\ninclusive time of pipeline stages:');
  for (const [label] of stages) console.log(`  ${pct(stageTime.get(label) ?? 0)}  ${label}`);
}

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error('usage: node --import tsx bench/profile-summary.ts <file.cpuprofile>…');
  process.exitCode = 1;
}
for (const path of paths) summarise(path);

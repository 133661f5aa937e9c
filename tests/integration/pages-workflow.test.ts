import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { basicSite } from '../fixtures/basic.ts';
import { BIN, makeProject, read, REPO, removeProject } from '../helpers/fixture.ts';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  container?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  on: { push?: { branches?: string[] }; workflow_dispatch?: unknown };
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}

const workflow = parse(readFileSync(path.join(REPO, '.github/workflows/pages.yml'), 'utf8')) as Workflow;
const build = workflow.jobs.build!;
const test = workflow.jobs.test!;
const deploy = workflow.jobs.deploy!;
const indexOf = (job: Job, test: (s: Step) => boolean) => job.steps.findIndex(test);
const action = (name: string) => (s: Step) => s.uses?.split('@')[0] === name;
const runs = (pattern: RegExp) => (s: Step) => s.run !== undefined && pattern.test(s.run);
const buildStep = build.steps.find(runs(/folio build/))!;

describe('the GitHub Pages workflow', () => {
  it('runs on pushes to main and by hand', () => {
    expect(workflow.on.push?.branches).toEqual(['main']);
    expect('workflow_dispatch' in workflow.on).toBe(true);
  });

  it('uses only official actions, each at a major version', () => {
    const uses = Object.values(workflow.jobs).flatMap((j) => j.steps.map((s) => s.uses).filter((u): u is string => u !== undefined));
    expect(uses.length).toBeGreaterThanOrEqual(6);
    for (const u of uses) expect(u).toMatch(/^actions\/[a-z-]+@v\d+$/);
  });

  it('builds on an active LTS Node with npm ci and the npm cache, in order, without running the tests first', () => {
    const setupNode = build.steps.find(action('actions/setup-node'))!;
    const node = Number(setupNode.with?.['node-version']);
    // Node 20 reached end of life in April 2026; LTS lines are the even ones from 22 on.
    expect(node).toBeGreaterThanOrEqual(22);
    expect(node % 2).toBe(0);
    expect(setupNode.with?.cache).toBe('npm');
    const order = [
      indexOf(build, action('actions/checkout')),
      indexOf(build, action('actions/setup-node')),
      indexOf(build, runs(/^npm ci$/m)),
      indexOf(build, (s) => s === buildStep),
      indexOf(build, action('actions/upload-pages-artifact')),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(indexOf(build, runs(/npm (run )?test/))).toBe(-1);
  });

  it('runs the tests in a job of their own on the same Node, with Chromium, and deploys only when they pass', () => {
    const node = String(build.steps.find(action('actions/setup-node'))!.with?.['node-version']);
    expect(String(test.steps.find(action('actions/setup-node'))!.with?.['node-version'])).toBe(node);
    expect(test.container).toBe(`node:${node}-bookworm`);
    const order = [indexOf(test, runs(/^npm ci$/m)), indexOf(test, runs(/apt-get install .*chromium/)), indexOf(test, runs(/^npm test$/m))];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(test.needs).toBeUndefined();
    expect(build.needs).toBeUndefined();
    expect(deploy.needs).toEqual(['test', 'build']);
  });

  it('builds with the URL and base path that configure-pages reports, after restoring the render cache', () => {
    const configure = build.steps.find(action('actions/configure-pages'))!;
    expect(configure.id).toBe('pages');
    expect(buildStep.run).toContain('--url "${{ steps.pages.outputs.origin }}"');
    expect(buildStep.run).toContain('--base "${{ steps.pages.outputs.base_path }}/"');
    const cache = build.steps.find(action('actions/cache'))!;
    expect(cache.with?.path).toBe('.cache/folio');
    expect(cache.with?.key).toMatch(/hashFiles\([^)]*'content\/\*\*'[^)]*'package-lock\.json'/);
    expect(String(cache.with?.['restore-keys'])).toMatch(/^folio-\$\{\{ runner\.os \}\}-\s*$/);
    expect(indexOf(build, action('actions/configure-pages'))).toBeLessThan(indexOf(build, (s) => s === buildStep));
    expect(indexOf(build, action('actions/cache'))).toBeLessThan(indexOf(build, (s) => s === buildStep));
    expect(build.steps.find(action('actions/upload-pages-artifact'))!.with?.path).toBe('dist');
  });

  it('deploys in its own job with the permissions, environment and concurrency deploy-pages documents', () => {
    expect(deploy.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    // The build job gets no write access.
    expect(build.permissions).toBeUndefined();
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
    const step = deploy.steps.find(action('actions/deploy-pages'))!;
    expect(step.id).toBe('deployment');
    expect(deploy.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
  });
});

// The build line, with the values configure-pages gives a user site ("") and a project site.
describe('the workflow build command', () => {
  let project: string;
  beforeAll(() => {
    project = makeProject(basicSite);
  });
  afterAll(() => removeProject(project));

  for (const [basePath, base] of [['', '/'], ['/folio', '/folio/']] as const) {
    it(`builds a site under ${base} when base_path is "${basePath}"`, () => {
      const command = buildStep
        .run!.replace('npx folio', `"${process.execPath}" "${BIN}"`)
        .replace('${{ steps.pages.outputs.origin }}', 'https://octo.github.io')
        .replace('${{ steps.pages.outputs.base_path }}', basePath);
      const r = spawnSync('sh', ['-c', command], { cwd: project, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true' } });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const mae = read(project, 'dist/posts/mae/index.html');
      expect(mae).toContain(`<link rel="canonical" href="https://octo.github.io${base}posts/mae/">`);
      expect(mae).toContain(`href="${base}posts/bert/`);
      expect(read(project, 'dist/robots.txt')).toContain(`Sitemap: https://octo.github.io${base}sitemap.xml`);
    });
  }
});

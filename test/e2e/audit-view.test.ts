// The audit log in the real UI: the server host and the station in this process, two simulated
// vehicles as their own process over TCP, the built renderer in Debian's Chromium. Operations by a
// pilot and a refused wrong token are listed newest first, filtered by vehicle and to refusals, in
// English and Chinese; an observer (who may not call listAudit) gets no audit button.
import { request } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleCall } from '../../shared/contract/dispatch';
import { startTcpSim, type SimProcess } from '../support/gcs-cli';
import { SHOTS, startUiStation, type UiStation } from '../support/ui-station';
import { waitFor } from '../support/wait';

describe('audit view in Chromium', () => {
  let ui: UiStation;
  let page: Page;
  let sim: SimProcess;

  beforeAll(async () => {
    sim = await startTcpSim(['--vehicles', '2']);
    ui = await startUiStation({ auditRefusals: true });
    const { station, server } = ui;
    const alice = { role: 'pilot' as const, name: 'alice' };
    await handleCall(station, alice, 'openLink', { spec: `tcp:127.0.0.1:${sim.tcpPort}` });
    await waitFor('both vehicles', () => station.getVehicles().length >= 2, 20_000);
    await handleCall(station, alice, 'command', { key: '1:1', action: 'setMode', mode: 'GUIDED' });
    await handleCall(station, alice, 'clearPlan', { key: '2:1', types: ['mission'] });
    await handleCall(station, alice, 'command', { key: '2:1', action: 'setMode', mode: 'LOITER' });
    expect(await httpStatus(server.port, '/?token=guessed')).toBe(401);
    page = await ui.open();
  }, 90_000);

  afterAll(async () => {
    await ui?.close();
    sim?.child.kill('SIGKILL');
  });

  const rows = () => page.getByTestId('audit-row');
  const shown = async () =>
    rows().evaluateAll((trs) => trs.map((tr) => ({ kind: tr.getAttribute('data-kind'), vehicle: tr.getAttribute('data-vehicle'), started: Number(tr.getAttribute('data-started')) })));

  it('lists operations and refusals, newest first', async () => {
    await page.getByTestId('audit-open').click();
    await page.getByTestId('audit-dialog').waitFor();
    await expect.poll(async () => rows().count(), { timeout: 10_000 }).toBe(4);
    const list = await shown();
    expect(list.map((r) => r.kind)).toEqual(['refusal', 'command', 'clear', 'command']);
    expect(list.map((r) => r.vehicle)).toEqual(['', '2:1', '2:1', '1:1']);
    for (let i = 1; i < list.length; i++) expect(list[i - 1]!.started).toBeGreaterThanOrEqual(list[i]!.started);
    const first = (await rows().first().textContent()) ?? '';
    expect(first).toMatch(/Refusal.*Refused.*wrong token/);
    expect((await rows().last().textContent()) ?? '').toMatch(/Command.*Pilot · alice.*Done.*setMode mode=GUIDED/);
    await page.screenshot({ path: join(SHOTS, 'audit-view-en.png') });
  }, 30_000);

  it('filters by vehicle, and to refusals only', async () => {
    await page.getByTestId('audit-filter').selectOption('1:1');
    await expect.poll(async () => (await shown()).map((r) => r.vehicle), { timeout: 5_000 }).toEqual(['1:1']);
    await page.getByTestId('audit-filter').selectOption('2:1');
    await expect.poll(async () => (await shown()).map((r) => r.kind), { timeout: 5_000 }).toEqual(['command', 'clear']);
    await page.getByTestId('audit-filter').selectOption('refusals');
    await expect.poll(async () => (await shown()).map((r) => r.kind), { timeout: 5_000 }).toEqual(['refusal']);
    await page.getByTestId('audit-filter').selectOption('');
    await expect.poll(async () => rows().count(), { timeout: 5_000 }).toBe(4);
  }, 30_000);

  it('a new operation appears at the top after Refresh', async () => {
    await handleCall(ui.station, { role: 'pilot', name: 'bob' }, 'command', { key: '1:1', action: 'setMode', mode: 'LOITER' });
    await page.getByTestId('audit-refresh').click();
    await expect.poll(async () => rows().count(), { timeout: 5_000 }).toBe(5);
    expect((await rows().first().textContent()) ?? '').toMatch(/Pilot · bob.*mode=LOITER/);
  }, 30_000);

  it('speaks Chinese', async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('audit-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('lang-switch').click();
    const zh = page.getByTestId('lang-option-zh-CN');
    if (await zh.count()) await zh.click();
    await expect.poll(async () => (await page.getByTestId('audit-open').textContent()) ?? '', { timeout: 5_000 }).toBe('审计');
    await page.getByTestId('audit-open').click();
    await expect.poll(async () => (await page.getByTestId('audit-dialog').textContent()) ?? '', { timeout: 5_000 }).toMatch(/审计日志.*最新在前/);
    expect((await rows().first().textContent()) ?? '').toMatch(/指令.*飞手 · bob.*完成/);
    await page.screenshot({ path: join(SHOTS, 'audit-view-zh.png') });
  }, 30_000);

  it('an observer gets no audit button (the station would refuse listAudit); a commander does', async () => {
    const other = await ui.open({ role: 'observer' });
    try {
      await other.getByTestId('connect-open').waitFor();
      await expect.poll(async () => (await other.getByTestId('connection-state').textContent()) ?? '', { timeout: 10_000 }).toMatch(/Observer/);
      expect(await other.getByTestId('audit-open').count()).toBe(0);
      await other.goto(`${ui.server.url}&role=commander`);
      await other.getByTestId('audit-open').click();
      await expect.poll(async () => other.getByTestId('audit-row').count(), { timeout: 10_000 }).toBe(5);
    } finally {
      await other.close();
    }
  }, 30_000);
});

function httpStatus(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

import { describe, expect, it } from 'vitest';
import type { AppBridge } from '../../shared/api/contract';
import { ApiCallError, clientFromBridge, createFakeClient } from './client';
import { createHttpBridge, HOST_UNREACHABLE } from './http-bridge';

const office = { scheme: 'GSO_2004' as const, level: 'DISTRICT' as const, code: '017', name: 'Huyện Đông Anh', parents: ['Thành phố Hà Nội'], communeCount: 24 };

describe('api client', () => {
  it('unwraps data and throws the service’s code and message', async () => {
    const bridge: AppBridge = {
      call: async (method) =>
        (method === 'office.get'
          ? { ok: true, data: office }
          : { ok: false, error: { code: 'PERIOD_LOCKED', message: 'Kỳ báo cáo đã khóa.' } }) as never,
      on: () => () => undefined,
    };
    const client = clientFromBridge(bridge);
    await expect(client.call('office.get', {})).resolves.toEqual(office);
    await expect(client.call('communes.list', { periodId: '2025-Q3' })).rejects.toMatchObject({ code: 'PERIOD_LOCKED', message: 'Kỳ báo cáo đã khóa.' });
  });

  it('fake client answers from handlers and reports missing ones', async () => {
    const client = createFakeClient({ 'office.get': () => office });
    await expect(client.call('office.get', {})).resolves.toEqual(office);
    await expect(client.call('units.schemes', {})).rejects.toBeInstanceOf(ApiCallError);
  });

  it('HTTP bridge posts JSON with the token and maps a dead host to an envelope', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const ok = createHttpBridge('T0KEN', async (url, init) => {
      seen.push({ url: String(url), init });
      return new Response(JSON.stringify({ ok: true, data: null }), { status: 200 });
    });
    await expect(ok.call('office.get', {})).resolves.toEqual({ ok: true, data: null });
    expect(seen[0]?.url).toBe('/api/office.get');
    expect(new Headers(seen[0]?.init?.headers).get('X-PCMT-Token')).toBe('T0KEN');

    const dead = createHttpBridge('T0KEN', () => Promise.reject(new TypeError('fetch failed')));
    await expect(dead.call('office.get', {})).resolves.toMatchObject({ ok: false, error: { code: HOST_UNREACHABLE } });
  });
});

/**
 * Simple-read throughput of the practice company: GET item by id with a valid token, limits
 * raised out of the way, several requests in flight over keep-alive connections.
 */
import { Agent, request } from 'node:http';
import { startPracticeCompany } from '../../src-main/sandbox/index.js';
import { companySize, scaled } from './scale';

const DURATION_MS = scaled(3000, 200);
const IN_FLIGHT = 8;
const GOAL = 2000;

function get(agent: Agent, url: URL, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

export async function run(): Promise<Array<{ area: string; measure: string; value: string; goal: string }>> {
  const sb = await startPracticeCompany({ size: companySize('large'), seed: 1, limits: { perSecond: 1e9, perMinute: 1e9, concurrent: 1e6 } });
  const agent = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT });
  try {
    const token = sb.issueTokens().access_token;
    let reads = 0;
    let failures = 0;
    const stopAt = performance.now() + DURATION_MS;
    const started = performance.now();
    await Promise.all(Array.from({ length: IN_FLIGHT }, async (_, w) => {
      for (let i = w; performance.now() < stopAt; i += IN_FLIGHT) {
        const url = new URL(`${sb.baseUrl}/v3/company/${sb.realmId}/item/${(i % scaled(9000, 3)) + 1}?minorversion=75`);
        if ((await get(agent, url, token)) === 200) reads++;
        else failures++;
      }
    }));
    const perSecond = reads / ((performance.now() - started) / 1000);
    const note = failures > 0 ? ` (${failures} failed)` : '';
    return [{ area: 'sandbox', measure: 'GET item by id (reads/s, 8 in flight)', value: `${Math.round(perSecond)}${note}`, goal: `>= ${GOAL}` }];
  } finally {
    agent.destroy();
    await sb.close();
  }
}

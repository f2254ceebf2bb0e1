// The sweeper waits for requests in flight before it takes the database for a flush; it must never
// wait longer than it said, and must go on as soon as the last request is answered.
import Fastify from 'fastify';
import { RequestsInFlight, trackRequestsInFlight } from '../../../src/common/http/requests-in-flight';

describe('RequestsInFlight', () => {
  it('settles at once when nothing is in flight', async () => {
    const inFlight = new RequestsInFlight();
    let settled = false;
    void inFlight.settled(10_000).then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(true);
  });

  it('settles when the last request in flight is answered, not before', async () => {
    jest.useFakeTimers();
    try {
      const inFlight = new RequestsInFlight();
      inFlight.started();
      inFlight.started();
      let settled = false;
      void inFlight.settled(10_000).then(() => (settled = true));
      inFlight.finished();
      await Promise.resolve();
      expect(settled).toBe(false);
      inFlight.finished();
      await Promise.resolve();
      expect(settled).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('gives up waiting after its limit when requests keep coming', async () => {
    jest.useFakeTimers();
    try {
      const inFlight = new RequestsInFlight();
      inFlight.started();
      let settled = false;
      void inFlight.settled(10).then(() => (settled = true));
      jest.advanceTimersByTime(9);
      await Promise.resolve();
      expect(settled).toBe(false);
      jest.advanceTimersByTime(1);
      await Promise.resolve();
      expect(settled).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('counts a Fastify request from arrival to answer, error answers included', async () => {
    const fastify = Fastify();
    const inFlight = new RequestsInFlight();
    trackRequestsInFlight(fastify, inFlight);
    let duringHandler: boolean | undefined;
    fastify.get('/ok', async () => {
      let settledEarly = false;
      void inFlight.settled(50).then(() => (settledEarly = true));
      await new Promise((resolve) => setTimeout(resolve, 5));
      duringHandler = settledEarly;
      return { ok: true };
    });
    fastify.get('/fail', async () => {
      throw new Error('boom');
    });
    expect((await fastify.inject({ method: 'GET', url: '/ok' })).statusCode).toBe(200);
    expect(duringHandler).toBe(false);
    expect((await fastify.inject({ method: 'GET', url: '/fail' })).statusCode).toBe(500);
    let settled = false;
    void inFlight.settled(10_000).then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(true);
    await fastify.close();
  });
});

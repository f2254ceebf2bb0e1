// How many HTTP requests this instance is answering right now, so that background work (the clock
// sweeper's flushes) can let them through first instead of taking the database's CPU under them.
import { Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

@Injectable()
export class RequestsInFlight {
  private count = 0;
  private waiting = new Set<() => void>();

  started(): void {
    this.count += 1;
  }

  finished(): void {
    this.count = Math.max(0, this.count - 1);
    if (this.count === 0) for (const wake of this.waiting) wake();
  }

  /** Resolves once no request is in flight, or after `maxMs` at the latest (requests keep coming). */
  settled(maxMs: number): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiting.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, maxMs);
      this.waiting.add(wake);
    });
  }
}

/** Counts each request from its arrival to its answer (or the client's hang-up), once. */
export function trackRequestsInFlight(fastify: FastifyInstance, inFlight: RequestsInFlight): void {
  const open = new WeakSet<object>();
  const close = (request: object) => {
    if (open.delete(request)) inFlight.finished();
  };
  fastify.addHook('onRequest', (request, _reply, done) => {
    open.add(request);
    inFlight.started();
    done();
  });
  fastify.addHook('onResponse', (request, _reply, done) => {
    close(request);
    done();
  });
  fastify.addHook('onRequestAbort', (request, done) => {
    close(request);
    done();
  });
}

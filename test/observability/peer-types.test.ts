import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { metrics, trace } from '@opentelemetry/api';
import { Registry } from 'prom-client';
import { Server, type MetricsOptions, type TracingOptions } from '../../src';

/** Every `.d.ts` file under `directory`. */
function declarationFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.d.ts'))
    .map((file) => join(directory, file));
}

describe('The optional peers in the published types', () => {
  it('are never imported by a declaration file, so a project without them compiles', () => {
    // This file runs from dist/test/observability: the declarations tsc emitted for src/ are in dist/src.
    const files = declarationFiles(join(__dirname, '..', '..', 'src'));
    expect(files.length).to.be.greaterThan(50);
    const importing = files.filter((file) =>
      /(?:from|import\()\s*['"](?:@opentelemetry\/[^'"]+|prom-client)['"]/.test(readFileSync(file, 'utf8')),
    );
    expect(importing).to.deep.equal([]);
  });

  it("take the packages' own objects: the global providers and a prom-client Registry", async () => {
    // These assignments are the compile-time check: the structural option types accept the real classes.
    const registry = new Registry();
    const metricsOptions: MetricsOptions = { openTelemetry: metrics.getMeterProvider(), prometheus: registry };
    const tracingOptions: TracingOptions = { tracerProvider: trace.getTracerProvider() };
    const server = new Server({ logger: false, metrics: metricsOptions, tracing: tracingOptions });
    try {
      expect(server.metricsRegistry).to.equal(registry);
      expect(await registry.metrics()).to.include('# TYPE classio_events_received_total counter');
    } finally {
      await server.close();
    }
  });
});

import type { Random } from './rng';

export type ServiceName = 'workspaces' | 'sts' | 'sso' | 'ssoOidc' | 'oidc' | 'dynamodb';

/** What can go wrong on one service (and optionally one operation). */
export interface FaultSpec {
  /** Added before the response is written. Real time, because it exercises timeouts. */
  readonly latencyMs?: number;
  /** Fraction (0–1) of requests answered with a 500 InternalFailure. */
  readonly error500Rate?: number;
  /** Fraction (0–1) of requests answered with a 503 ServiceUnavailable. */
  readonly error503Rate?: number;
  /** Fraction (0–1) of requests answered with the protocol's throttling error. */
  readonly throttleRate?: number;
  /** Fraction (0–1) of requests whose socket is destroyed without a response (1 = all). */
  readonly dropConnectionRate?: number;
  /** The service's idea of "now" is off by this much (Date header, SigV4 time checks). */
  readonly clockSkewMs?: number;
}

export type FaultOutcome = 'none' | 'error500' | 'error503' | 'throttle' | 'drop';

export interface Faults {
  /** Sets the fault for a service, or for one operation of it (operation wins over service). */
  set(service: ServiceName, spec: FaultSpec, operation?: string): void;
  clear(service?: ServiceName, operation?: string): void;
  /** The effective spec for a request (operation-level members override service-level ones). */
  spec(service: ServiceName, operation?: string): FaultSpec;
  /** Rolls the dice for one request. */
  decide(service: ServiceName, operation?: string): FaultOutcome;
}

export interface FaultSetting {
  readonly service: ServiceName;
  readonly operation?: string;
  readonly spec: FaultSpec;
}

export function createFaults(random: Random, initial: readonly FaultSetting[] = []): Faults {
  const table = new Map<string, FaultSpec>();
  const key = (service: ServiceName, operation?: string): string => `${service}/${operation ?? '*'}`;

  const faults: Faults = {
    set(service, spec, operation) {
      table.set(key(service, operation), spec);
    },
    clear(service, operation) {
      if (service === undefined) {
        table.clear();
        return;
      }
      if (operation !== undefined) {
        table.delete(key(service, operation));
        return;
      }
      for (const k of [...table.keys()]) if (k.startsWith(`${service}/`)) table.delete(k);
    },
    spec(service, operation) {
      const base = table.get(key(service)) ?? {};
      const specific = operation === undefined ? undefined : table.get(key(service, operation));
      return { ...base, ...specific };
    },
    decide(service, operation) {
      const spec = faults.spec(service, operation);
      // One roll per request keeps outcomes mutually exclusive and reproducible.
      const roll = random();
      let edge = 0;
      const bands: [number | undefined, FaultOutcome][] = [
        [spec.dropConnectionRate, 'drop'],
        [spec.error500Rate, 'error500'],
        [spec.error503Rate, 'error503'],
        [spec.throttleRate, 'throttle'],
      ];
      for (const [rate, outcome] of bands) {
        if (rate === undefined || rate <= 0) continue;
        edge += rate;
        if (roll < edge || rate >= 1) return outcome;
      }
      return 'none';
    },
  };
  for (const setting of initial) faults.set(setting.service, setting.spec, setting.operation);
  return faults;
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { getCompoundEntityRef, type Entity } from '@backstage/catalog-model';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import type { EntityDeployments } from '@lambda-paved-road/plugin-lambda-paved-road-common';
import { lambdaPavedRoadApiRef } from '../api';

/** The config key of the auto-refresh interval; 0 turns it off. */
export const REFRESH_INTERVAL_KEY =
  'lambdaPavedRoad.frontend.refreshIntervalSeconds';
export const DEFAULT_REFRESH_INTERVAL_SECONDS = 30;

export interface DeploymentsState {
  /** The last response; kept while a refresh runs so the page does not flash. */
  value?: EntityDeployments;
  /** The last request's error; `value` may still hold an older response. */
  error?: Error;
  loading: boolean;
  refresh: () => void;
  /** Seconds between automatic refreshes, 0 when off. */
  intervalSeconds: number;
  lastUpdated?: Date;
}

const isHidden = () =>
  typeof document !== 'undefined' && document.visibilityState === 'hidden';

/**
 * Loads an entity's deployments and refreshes them every
 * `lambdaPavedRoad.frontend.refreshIntervalSeconds` while the page is
 * visible; a hidden tab makes no calls and refreshes when shown again if
 * the data went stale meanwhile.
 */
export function useDeployments(entity: Entity): DeploymentsState {
  const api = useApi(lambdaPavedRoadApiRef);
  const config = useApi(configApiRef);
  const intervalSeconds = Math.max(
    0,
    config.getOptionalNumber(REFRESH_INTERVAL_KEY) ??
      DEFAULT_REFRESH_INTERVAL_SECONDS,
  );
  const { kind, namespace, name } = getCompoundEntityRef(entity);

  const [state, setState] = useState<
    Omit<DeploymentsState, 'refresh' | 'intervalSeconds'>
  >({
    loading: true,
  });
  const inFlight = useRef<AbortController>();
  const lastLoad = useRef(0);

  const load = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    lastLoad.current = Date.now();
    setState(s => ({ ...s, loading: true }));
    api
      .getDeployments({ kind, namespace, name }, { signal: controller.signal })
      .then(
        value => {
          if (!controller.signal.aborted) {
            setState({ value, loading: false, lastUpdated: new Date() });
          }
        },
        error => {
          if (!controller.signal.aborted) {
            setState(s => ({ ...s, error, loading: false }));
          }
        },
      );
  }, [api, kind, namespace, name]);

  useEffect(() => {
    setState({ loading: true });
    load();
    return () => inFlight.current?.abort();
  }, [load]);

  useEffect(() => {
    if (intervalSeconds === 0) return undefined;
    const periodMs = intervalSeconds * 1000;
    const timer = setInterval(() => {
      if (!isHidden()) load();
    }, periodMs);
    const onVisibility = () => {
      if (!isHidden() && Date.now() - lastLoad.current >= periodMs) load();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalSeconds, load]);

  return { ...state, refresh: load, intervalSeconds };
}

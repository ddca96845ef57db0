import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, asApiError } from '../api/client.ts';

export interface RequestState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Runs the request again (keeps the last data on screen while loading). */
  reload: () => void;
}

/**
 * Runs `fetcher` on mount and whenever its identity changes; aborts the previous run. Pass a
 * module-level function or a `useCallback` so it only reruns when its inputs change.
 */
export function useRequest<T>(fetcher: (signal: AbortSignal) => Promise<T>): RequestState<T> {
  const [state, setState] = useState<Omit<RequestState<T>, 'reload'>>({
    data: undefined,
    error: undefined,
    loading: true,
  });
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(() => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState((s) => ({ ...s, error: undefined, loading: true }));
    fetcher(current.signal).then(
      (data) => {
        if (!current.signal.aborted) setState({ data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (!current.signal.aborted) setState((s) => ({ ...s, error: asApiError(error), loading: false }));
      },
    );
  }, [fetcher]);

  useEffect(() => {
    run();
    return () => controller.current?.abort();
  }, [run]);

  return { ...state, reload: run };
}

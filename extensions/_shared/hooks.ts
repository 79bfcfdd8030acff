import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { type ApiError, type ApiResult, newIdempotencyKey } from "./api";

export type Loaded<T> =
  { state: "loading" } | { state: "ready"; data: T } | { state: "error"; status: number; error: ApiError };

/**
 * Loads once on mount; `reload(true)` refreshes in the background, keeping what is shown. A "checking" answer is
 * not shown: what is shown stays (loading, at first) and the load is tried again when the answer says.
 */
export function useLoad<T>(load: () => Promise<ApiResult<T>>) {
  const [value, setValue] = useState<Loaded<T>>({ state: "loading" });
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const reload = useCallback(
    (quiet = false): Promise<void> => {
      clearTimeout(timer.current);
      if (!quiet) setValue({ state: "loading" });
      return load().then((result) => {
        // a "checking" answer (`pending`, docs/customer-api.md): asked again after `retryAfterSeconds` (1–30 s)
        const check = result.ok && (result.data as { pending?: boolean; retryAfterSeconds?: number });
        if (check && check.pending)
          timer.current = setTimeout(() => reload(true), Math.min(30, Math.max(1, check.retryAfterSeconds || 2)) * 1e3);
        else if (result.ok) setValue({ state: "ready", data: result.data });
        else if (!quiet) setValue({ state: "error", status: result.status, error: result.error });
      });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `load` is rebuilt each render; the first one is the one
    [],
  );
  useEffect(() => {
    void reload();
    return () => clearTimeout(timer.current);
  }, [reload]);
  return [value, reload, setValue] as const;
}

/**
 * One submit at a time (a second click while the first is in flight does nothing). Each submit gets a new
 * Idempotency-Key; `retry()` resends the same payload with the same key, so the server applies it at most once.
 */
export function useSubmit<P, T>(
  send: (payload: P, key: string) => Promise<ApiResult<T>>,
  /** Called with every answer, whether from a submit or a retry. */
  onResult?: (result: ApiResult<T>) => void,
) {
  const [state, setState] = useState<{ pending: boolean; result?: ApiResult<T> }>({ pending: false });
  const inFlight = useRef(false);
  const last = useRef<{ payload: P; key: string } | null>(null);

  // no async functions in the extensions: each one costs bundle size (see amendApi)
  const run = (attempt: { payload: P; key: string } | null): Promise<ApiResult<T> | undefined> => {
    if (inFlight.current || !attempt) return Promise.resolve(undefined);
    inFlight.current = true;
    last.current = attempt;
    setState((s) => ({ pending: true, result: s.result }));
    return send(attempt.payload, attempt.key).then((result) => {
      inFlight.current = false;
      setState({ pending: false, result });
      onResult?.(result);
      return result;
    });
  };
  return {
    pending: state.pending,
    result: state.result,
    submit: (payload: P) => run({ payload, key: newIdempotencyKey() }),
    retry: () => run(last.current),
    clear: () => setState({ pending: false }),
  };
}

import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  jobApiPaths,
  jobItemPageSchema,
  jobListSchema,
  jobSchema,
  type CreateJobRequest,
  type Job,
  type JobItemState,
  type JobState,
} from '@devpi-dashboard/dashboard-api';
import { query, request } from '../../../lib/api-client';
import { notify } from '../../../lib/toast';

export const jobKeys = {
  all: ['jobs'] as const,
  list: () => [...jobKeys.all, 'list'] as const,
  detail: (id: string) => [...jobKeys.all, 'detail', id] as const,
  items: (id: string, filter: { state?: JobItemState; offset: number; limit: number }) => [...jobKeys.all, 'items', id, filter] as const,
};

/** States in which a job changes without anyone clicking: the page polls while in them. */
const MOVING: readonly JobState[] = ['planning', 'running'];
export const POLL_MS = 1_500;

/** A job moves while it plans or runs, and while its preview's file sizes are being measured. */
export const isMoving = (job: Job | undefined) => job !== undefined && (MOVING.includes(job.state) || (job.state === 'awaiting_confirmation' && job.measuring));

export const jobListQueryOptions = () =>
  queryOptions({
    queryKey: jobKeys.list(),
    queryFn: () => request(jobListSchema, jobApiPaths.list),
    refetchInterval: (q) => (q.state.data?.jobs.some(isMoving) ? POLL_MS : false),
  });

export const jobQueryOptions = (id: string) =>
  queryOptions({
    queryKey: jobKeys.detail(id),
    queryFn: () => request(jobSchema, jobApiPaths.job(id)),
    refetchInterval: (q) => (isMoving(q.state.data) ? POLL_MS : false),
  });

export const jobItemsQueryOptions = (id: string, filter: { state?: JobItemState; offset: number; limit: number }, moving: boolean) =>
  queryOptions({
    queryKey: jobKeys.items(id, filter),
    queryFn: () => request(jobItemPageSchema, `${jobApiPaths.items(id)}${query({ ...filter })}`),
    placeholderData: keepPreviousData,
    refetchInterval: moving ? POLL_MS : false,
  });

const json = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });

export function useCreateJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateJobRequest) => request(jobSchema, jobApiPaths.list, json(input)),
    onSuccess: (job) => {
      queryClient.setQueryData(jobKeys.detail(job.id), job);
      return queryClient.invalidateQueries({ queryKey: jobKeys.list() });
    },
  });
}

type Action = 'start' | 'cancel' | 'pause' | 'resume';
const done: Record<Action, string> = { start: 'Job started.', cancel: 'Job cancelled.', pause: 'Job paused.', resume: 'Job resumed.' };

/** Start (confirm the preview), cancel, pause or resume; the answer is the job as it is now. */
export function useJobAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, confirm }: { action: Action; confirm?: string }) => request(jobSchema, jobApiPaths[action](id), json(confirm === undefined ? {} : { confirm })),
    onSuccess: (job, { action }) => {
      notify(done[action]);
      queryClient.setQueryData(jobKeys.detail(id), job);
      return queryClient.invalidateQueries({ queryKey: jobKeys.all });
    },
  });
}

import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  jobApiPaths,
  jobSchema,
  licenceApiPaths,
  licenceReportSchema,
  osvImportResultSchema,
  vulnerabilityApiPaths,
  vulnerabilityPageSchema,
  vulnerabilityStatusSchema,
  type VulnerabilityFilter,
} from '@devpi-dashboard/dashboard-api';
import { query, request } from '../../../lib/api-client';

/** The job kind the BFF registers for a scan (apps/bff/src/supply/vulns/scan-job.ts). */
export const VULN_SCAN_KIND = 'vulnerability-scan';

export interface FindingListFilter extends VulnerabilityFilter {
  offset?: number;
  limit?: number;
}

export const supplyKeys = {
  all: ['supply'] as const,
  findings: () => [...supplyKeys.all, 'findings'] as const,
  findingList: (filter: FindingListFilter) => [...supplyKeys.findings(), filter] as const,
  status: () => [...supplyKeys.all, 'status'] as const,
  licences: (user: string, index: string) => [...supplyKeys.all, 'licences', user, index] as const,
};

export const findingsQueryOptions = (filter: FindingListFilter) =>
  queryOptions({
    queryKey: supplyKeys.findingList(filter),
    queryFn: () => request(vulnerabilityPageSchema, `${vulnerabilityApiPaths.list}${query({ ...filter })}`),
    placeholderData: keepPreviousData,
  });

export const vulnerabilityStatusQueryOptions = () =>
  queryOptions({ queryKey: supplyKeys.status(), queryFn: () => request(vulnerabilityStatusSchema, vulnerabilityApiPaths.status) });

export const licenceReportQueryOptions = (user: string, index: string) =>
  queryOptions({ queryKey: supplyKeys.licences(user, index), queryFn: () => request(licenceReportSchema, licenceApiPaths.report(user, index)) });

/** Download links; the browser sends the session cookie with them. */
export const findingsCsvUrl = (filter: VulnerabilityFilter) => `${vulnerabilityApiPaths.exportCsv}${query({ ...filter })}`;
export const licencesCsvUrl = (user: string, index: string) => licenceApiPaths.exportCsv(user, index);

/** Root replaces the OSV database with a dump (`PyPI/all.zip`); the file streams, it is never read here. */
export function useUploadDump() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      request(osvImportResultSchema, vulnerabilityApiPaths.dump, { method: 'PUT', body: file, headers: { 'Content-Type': 'application/zip' } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supplyKeys.status() }),
  });
}

/** Creates the scan job; its page (plan, confirm, progress) is the Jobs screen's. */
export function useStartScan() {
  return useMutation({
    mutationFn: () =>
      request(jobSchema, jobApiPaths.list, { method: 'POST', body: JSON.stringify({ kind: VULN_SCAN_KIND, params: {} }), headers: { 'Content-Type': 'application/json' } }),
  });
}

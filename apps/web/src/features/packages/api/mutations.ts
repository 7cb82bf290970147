import type { UploadInput } from '@devpi-dashboard/devpi-client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { devpi, devpiWithUploadProgress } from '../../../lib/api-client';
import { splitIndex } from '../lib/params';
import { packageKeys } from './packages';
import { notify } from '../../../lib/toast';

const split = splitIndex;

/** Everything under one index: a write there can change its lists, projects and versions. */
function useInvalidateIndex() {
  const queryClient = useQueryClient();
  return (name: string) => queryClient.invalidateQueries({ queryKey: packageKeys.index(name) });
}

/** Uploads a release file through the BFF's proxy with twine's protocol, reporting progress. */
export function useUpload(index: string) {
  const invalidate = useInvalidateIndex();
  return useMutation({
    mutationFn: ({ input, onProgress }: { input: UploadInput; onProgress: (loaded: number, total: number) => void }) => {
      const [user, name] = split(index);
      return devpiWithUploadProgress(onProgress).upload(user, name, input);
    },
    onSuccess: () => invalidate(index),
  });
}

/** Every release of a project on this index, and the project itself (devpi's `DELETE /<u>/<i>/<p>`). */
export function useDeleteProject(index: string) {
  const invalidate = useInvalidateIndex();
  return useMutation({
    mutationFn: ({ project, force }: { project: string; force: boolean }) => {
      const [user, name] = split(index);
      return devpi.deleteProject(user, name, project, { force });
    },
    onSuccess: (_result, { project }) => {
      notify(`${project} deleted from ${index}.`);
      return invalidate(index);
    },
  });
}

export function useDeleteVersion(index: string) {
  const invalidate = useInvalidateIndex();
  return useMutation({
    mutationFn: ({ project, version, force }: { project: string; version: string; force: boolean }) => {
      const [user, name] = split(index);
      return devpi.deleteVersion(user, name, project, version, { force });
    },
    onSuccess: (_result, { project, version }) => {
      notify(`${project} ${version} deleted from ${index}.`);
      return invalidate(index);
    },
  });
}

/** `fileIndex` is where the file lives (for an inherited version, a base). */
export function useDeleteFile(index: string) {
  const invalidate = useInvalidateIndex();
  return useMutation({
    mutationFn: ({ fileIndex, path, force }: { fileIndex: string; path: string; force: boolean }) => {
      const [user, name] = split(fileIndex);
      return devpi.deleteFile(user, name, path, { force });
    },
    onSuccess: (_result, { fileIndex, path }) => {
      notify(`${path.split('/').pop() ?? path} deleted.`);
      return Promise.all([invalidate(index), invalidate(fileIndex)]);
    },
  });
}

export function usePush(index: string) {
  const invalidate = useInvalidateIndex();
  return useMutation({
    mutationFn: ({ project, version, target }: { project: string; version: string; target: string }) => {
      const [user, name] = split(index);
      return devpi.push(user, name, { name: project, version, targetindex: target });
    },
    onSuccess: (_result, { project, version, target }) => {
      notify(`${project} ${version} pushed to ${target}.`);
      return invalidate(target);
    },
  });
}

export function useRefreshMirrorProject(index: string) {
  const invalidate = useInvalidateIndex();
  return useMutation({
    mutationFn: (project: string) => {
      const [user, name] = split(index);
      return devpi.refreshMirrorProject(user, name, project);
    },
    onSuccess: () => invalidate(index),
  });
}

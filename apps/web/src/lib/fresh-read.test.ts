import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { freshOnRefetch, freshRead } from './api-client';

describe('freshOnRefetch', () => {
  it('leaves a first load a plain GET, and asks for devpi’s current state on a refetch', () => {
    const client = new QueryClient();
    const queryKey = ['supply', 'guard', '*'];
    expect(freshOnRefetch({ client, queryKey })).toEqual({});
    client.setQueryData(queryKey, { indexes: [] });
    expect(freshOnRefetch({ client, queryKey })).toBe(freshRead);
    expect(new Headers(freshRead.headers).get('Cache-Control')).toBe('no-cache');
  });
});

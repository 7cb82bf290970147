import { makeSdist, makeWheel } from '@devpi-dashboard/devpi-sim';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Blob as NodeBlob } from 'node:buffer';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { xhrFetch } from '../../../lib/xhr-fetch';
import { UploadDropzone } from './upload-dropzone';

// The upload transport: what the BFF's devpi proxy answers, with the progress XHR reports.
vi.mock('../../../lib/xhr-fetch', () => ({ xhrFetch: vi.fn() }));
const transport = vi.mocked(xhrFetch);

const spec = { name: 'acme-hello', version: '0.1.0', summary: 'Tiny' };

/** A browser File (typed as the upload form sends it, so the client does not copy it); jsdom's Blob has no arrayBuffer() or stream(), so slicing and reading go to Node's Blob. */
function distFile(dist: { filename: string; content: Uint8Array | Buffer }): File {
  const bytes = new Uint8Array(dist.content);
  const blob = new NodeBlob([bytes]);
  return Object.assign(new File([bytes], dist.filename, { type: 'application/octet-stream' }), {
    slice: (start?: number, end?: number) => blob.slice(start, end),
    stream: () => blob.stream(),
    arrayBuffer: () => blob.arrayBuffer(),
  });
}

/** devpi's refusal of a second, different file under the same name (transcript 096). */
const conflict = (filename: string) =>
  new Response(JSON.stringify({ message: '\n\n\n\n\n', code: `409 ${filename} already exists in non-volatile index`, title: `${filename} already exists in non-volatile index` }), {
    status: 409,
    statusText: `${filename} already exists in non-volatile index`,
    headers: { 'Content-Type': 'application/json' },
  });

function renderDropzone() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(<QueryClientProvider client={client}><MemoryRouter><UploadDropzone index="alice/dev" /></MemoryRouter></QueryClientProvider>);
}

const uploaded: string[] = [];
transport.mockImplementation(async (_input, init, onProgress) => {
  const content = init.body instanceof FormData ? init.body.get('content') : null;
  const filename = content instanceof File ? content.name : '?';
  uploaded.push(filename);
  onProgress(content instanceof File ? content.size : 0, content instanceof File ? content.size : 0);
  if (filename.endsWith('.tar.gz')) return conflict(filename);
  return new Response('', { status: 200, statusText: 'OK' });
});

afterEach(() => {
  cleanup();
  uploaded.length = 0;
});

describe('UploadDropzone', () => {
  it('uploads a dropped wheel and its sdist, each with its own result and devpi\'s message on failure', async () => {
    const wheel = makeWheel(spec);
    const sdist = makeSdist(spec);
    renderDropzone();
    const zone = screen.getByText('Upload to alice/dev').closest('.dropzone');
    if (!zone) throw new Error('no drop zone');
    fireEvent.drop(zone, { dataTransfer: { files: [distFile(wheel), distFile(sdist)] } });

    const list = await screen.findByRole('list', { name: 'Uploads to alice/dev' });
    await waitFor(() => expect(within(list).getAllByRole('listitem').map((li) => li.dataset['step'])).toEqual(['done', 'failed']));
    const [wheelRow, sdistRow] = within(list).getAllByRole('listitem');
    expect(wheelRow).toHaveTextContent(`${wheel.filename}Uploaded: acme-hello 0.1.0 is on alice/dev.`);
    expect(within(wheelRow as HTMLElement).getByRole('link', { name: 'acme-hello 0.1.0' })).toBeInTheDocument();
    expect(sdistRow).toHaveTextContent(`Not uploaded: ${sdist.filename} already exists in non-volatile index`);
    expect(uploaded).toEqual([wheel.filename, sdist.filename]);
  });

  it('takes several files from the picker and says which one is no distribution', async () => {
    const wheel = makeWheel({ ...spec, version: '0.2.0' });
    renderDropzone();
    const input = screen.getByLabelText('Choose files to upload');
    expect(input).toHaveAttribute('multiple');
    await userEvent.setup({ applyAccept: false }).upload(input, [new File(['hello'], 'notes.txt'), distFile(wheel)]);

    const list = await screen.findByRole('list', { name: 'Uploads to alice/dev' });
    await waitFor(() => expect(within(list).getAllByRole('listitem').map((li) => li.dataset['step'])).toEqual(['failed', 'done']));
    expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('notes.txtNot uploaded: Only wheels (.whl) and source distributions');
    expect(uploaded).toEqual([wheel.filename]);

    await userEvent.click(screen.getByRole('button', { name: 'Clear finished uploads' }));
    expect(screen.queryByRole('list', { name: 'Uploads to alice/dev' })).not.toBeInTheDocument();
  });
});

import type { ReleaseFile } from '@devpi-dashboard/dashboard-api';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FileTable, nameParts } from './file-table';

const sha256 = '933f52d2c14c0e6a1d3b7c0e4f8b9a2d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b';
const filename = 'acme_hello-0.1.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl';
const file: ReleaseFile = {
  filename,
  url: `https://devpi.example.com/root/acme/+f/933/f52d2c14c0e6a/${filename}`,
  index: 'root/acme',
  path: `+f/933/f52d2c14c0e6a/${filename}`,
  kind: 'wheel',
  pythonTag: 'cp312',
  size: 1142,
  sha256,
  history: [{ what: 'upload', who: 'alice', when: '2026-11-24T13:55:00Z', dst: 'root/acme' }],
};

afterEach(cleanup);

describe('FileTable', () => {
  it('breaks names after - and ., and after _ only inside parts too long for a line', () => {
    expect(nameParts('acme_hello-0.1.0-py3-none-any.whl')).toEqual(['acme_hello-', '0.', '1.', '0-', 'py3-', 'none-', 'any.', 'whl']);
    expect(nameParts('a-company_internal_package_name-1.0.tar.gz')).toEqual(['a-', 'company_', 'internal_', 'package_', 'name-', '1.', '0.', 'tar.', 'gz']);
  });

  it('lets a long wheel name wrap only after its separators, and names the link by the whole file name', () => {
    render(<FileTable files={[file]} canDelete={false} onDelete={() => undefined} />);
    const link = screen.getByRole('link', { name: filename });
    expect(link).toHaveAttribute('href', file.url);
    expect(link).toHaveTextContent(filename);
    expect(link.querySelectorAll('wbr')).toHaveLength(nameParts(filename).length - 1);
  });

  it('shows the sha256 shortened under the name, with the full value in the title, the accessible text and the copy button', () => {
    render(<FileTable files={[file]} canDelete={false} onDelete={() => undefined} />);
    expect(screen.queryByRole('columnheader', { name: 'SHA256' })).toBeNull();
    const [, row] = screen.getAllByRole('row');
    const cell = within(row as HTMLElement).getAllByRole('cell')[0] as HTMLElement;
    expect(within(cell).getByTitle(sha256)).toHaveTextContent(`${sha256.slice(0, 12)}…`);
    expect(within(cell).getByText(`sha256 ${sha256}`)).toHaveClass('visually-hidden');
    expect(within(cell).getByRole('button', { name: `Copy the sha256 of ${filename}` })).toBeInTheDocument();
    expect(within(row as HTMLElement).getByText('1.1 KB')).toBeInTheDocument();
  });

  it('says so when devpi recorded no sha256', () => {
    render(<FileTable files={[{ ...file, sha256: null }]} canDelete={false} onDelete={() => undefined} />);
    expect(screen.getByText('no sha256 recorded')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Copy the sha256/ })).toBeNull();
  });
});

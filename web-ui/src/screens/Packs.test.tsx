import { fireEvent, render, screen, within } from '@testing-library/react';
import { mockFetch, signIn } from '../test/fetchMock';
import { PackUploadScreen } from './Packs';

describe('PackUploadScreen', () => {
  it('uploads the files as multipart parts named by file and shows the engine errors at file, line and column', async () => {
    signIn();
    const calls = mockFetch((c) => c.url === '/api/packs' && c.method === 'POST' ? { status: 400, body: {
      status: 400, title: 'Invalid pack', detail: '2 problems',
      errors: [{ file: 'strategies.yaml', line: 12, column: 7, message: "unknown indicator 'rsx' (did you mean 'rsi'?)" }, { file: 'pack.yaml', line: 0, column: 0, message: 'missing' }],
    } } : undefined);
    render(<PackUploadScreen />);
    const input = screen.getByLabelText('Pack files (YAML)');
    const files = [new File(['pack: {}'], 'pack.yaml'), new File(['strategies: []'], 'strategies.yaml')];
    fireEvent.change(input, { target: { files } });
    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
    const table = await screen.findByRole('table', { name: 'Pack problems' });
    const cells = within(table).getAllByRole('row')[1].textContent;
    expect(cells).toContain('strategies.yaml');
    expect(cells).toContain('12');
    expect(cells).toContain('7');
    expect(cells).toContain("did you mean 'rsi'");
    const form = calls[0].body as FormData;
    expect(form.get('strategies.yaml')).toBeInstanceOf(File);
    expect(calls[0].headers['Content-Type']).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { evidenceForm } from './evidence.api';
import { fileSize, localInputValue } from './evidence.format';

describe('evidence upload', () => {
  it('sends the text fields before the file, and leaves out the empty ones', () => {
    const file = new File([new Uint8Array([137, 80, 78, 71])], 'ad 123.png', { type: 'image/png' });
    const form = evidenceForm({
      platformId: 'p1',
      file,
      url: 'https://ads.example.org/ad/123',
      capturedAt: '2022-09-06T07:15:00.000Z',
      handling: 'TLP:RED',
    });
    expect([...form.keys()]).toEqual(['platformId', 'url', 'capturedAt', 'handling', 'file']);
    const minimal = evidenceForm({ platformId: 'p1', file });
    expect([...minimal.keys()]).toEqual(['platformId', 'file']);
    expect((minimal.get('file') as File).name).toBe('ad 123.png');
  });

  it('shows sizes people read and a datetime-local value in this zone', () => {
    expect(fileSize(70, 'en')).toBe('70 byte');
    expect(fileSize(1536, 'en')).toBe('1.5 kB');
    expect(fileSize(25 * 1024 * 1024, 'nl')).toBe('25 MB');
    expect(localInputValue(new Date(2022, 8, 6, 9, 5))).toBe('2022-09-06T09:05');
  });
});

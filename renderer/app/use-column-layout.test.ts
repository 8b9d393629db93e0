import { describe, expect, it } from 'vitest';
import { layoutFromState, stateFromLayout } from './use-column-layout';

describe('column layout', () => {
  it('keeps order, rounded and bounded widths, and hidden columns', () => {
    const layout = layoutFromState([
      { colId: 'name', width: 241.6, hide: false },
      { colId: 'note', width: 5000, hide: true },
      { colId: 'tiny', width: 3 },
    ]);
    expect(layout).toEqual([
      { colId: 'name', width: 242, isHidden: false },
      { colId: 'note', width: 2000, isHidden: true },
      { colId: 'tiny', width: 20, isHidden: false },
    ]);
  });

  it('restores widths only where one was remembered', () => {
    expect(stateFromLayout([{ colId: 'a', width: null, isHidden: true }, { colId: 'b', width: 90, isHidden: false }])).toEqual([
      { colId: 'a', hide: true },
      { colId: 'b', hide: false, width: 90 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { pickLead } from '@/lib/front-page';

const card = (id: number, image: boolean) => ({ id, image: image ? { key: `k${id}` } : null });

describe('pickLead', () => {
  it('leads with the newest when it has a picture', () => {
    const { lead, latest } = pickLead([card(1, true), card(2, true), card(3, false)]);
    expect(lead?.id).toBe(1);
    expect(latest.map((a) => a.id)).toEqual([2, 3]);
  });

  it('skips newer articles without a picture, keeping them first in the latest list', () => {
    const { lead, latest } = pickLead([card(1, false), card(2, false), card(3, true), card(4, true)]);
    expect(lead?.id).toBe(3);
    expect(latest.map((a) => a.id)).toEqual([1, 2, 4]);
  });

  it('leads with the newest when none has a picture', () => {
    const { lead, latest } = pickLead([card(1, false), card(2, false)]);
    expect(lead?.id).toBe(1);
    expect(latest.map((a) => a.id)).toEqual([2]);
  });

  it('has no lead on an empty site', () => {
    expect(pickLead([])).toEqual({ lead: null, latest: [] });
  });
});

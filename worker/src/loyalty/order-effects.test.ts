import { describe, expect, it } from 'vitest';
import { earnsOn } from './order-effects';

describe('earnsOn: which order event earns', () => {
  it('earns on delivery for every order when the programme earns on delivery', () => {
    expect(earnsOn('order.delivered', 'order.delivered', 'prepaid')).toBe(true);
    expect(earnsOn('order.delivered', 'order.delivered', 'cod')).toBe(true);
    expect(earnsOn('order.delivered', 'order.placed', 'prepaid')).toBe(false);
    expect(earnsOn('order.delivered', 'order.placed', 'cod')).toBe(false);
  });

  it('earns prepaid orders at placement, but COD (and unknown) orders only once delivered', () => {
    expect(earnsOn('order.placed', 'order.placed', 'prepaid')).toBe(true);
    expect(earnsOn('order.placed', 'order.delivered', 'prepaid')).toBe(false);
    expect(earnsOn('order.placed', 'order.placed', 'cod')).toBe(false);
    expect(earnsOn('order.placed', 'order.delivered', 'cod')).toBe(true);
    expect(earnsOn('order.placed', 'order.placed', null)).toBe(false);
    expect(earnsOn('order.placed', 'order.delivered', null)).toBe(true);
  });
});

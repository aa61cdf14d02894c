import { type RefObject, useLayoutEffect, useState } from 'react';
import { fitGrid, type GridShape } from './wall.logic';

/** The smallest scale the wall's text goes down to before it gives up shrinking. */
const MIN_SCALE = 0.3;

/**
 * Whether a cell's content needs more room than the cell has, measured from
 * layout sizes (offset and client boxes, which transforms such as a number's
 * flash do not change): the children's heights and gaps against the cell's
 * inner height, a child wider than the cell, a clamped child (a label cut at
 * two lines), or a marked line (`data-fit-line`) whose content is wider.
 */
export function cellOverflows(cell: HTMLElement): boolean {
  const style = getComputedStyle(cell);
  const innerHeight = cell.clientHeight - Number.parseFloat(style.paddingTop) - Number.parseFloat(style.paddingBottom);
  const innerWidth = cell.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
  const gap = Number.parseFloat(style.rowGap) || 0;
  const children = [...cell.children].filter((child): child is HTMLElement => child instanceof HTMLElement);
  let used = gap * Math.max(0, children.length - 1);
  for (const child of children) {
    used += child.offsetHeight;
    if (child.offsetWidth > innerWidth + 1) return true;
    // a marked line holds one number whose glyphs may reach past its line box: its width is checked below
    if (!child.hasAttribute('data-fit-line') && child.scrollHeight > child.clientHeight + 1) return true;
  }
  for (const line of cell.querySelectorAll<HTMLElement>('[data-fit-line]')) {
    const content = line.firstElementChild;
    if (content instanceof HTMLElement && content.offsetWidth > line.clientWidth + 1) return true;
  }
  return used > innerHeight + 1;
}

/**
 * Keeps the figures of the wall inside their cells: picks the grid for the
 * area the container has (`fitGrid`), then lowers the text scale
 * (`--fit`, which every size in the cells multiplies) until no cell
 * overflows. Runs again when the area or `content` changes.
 */
export function useFitGrid(ref: RefObject<HTMLElement | null>, count: number, content: unknown): GridShape {
  const [area, setArea] = useState({ width: 0, height: 0 });

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setArea({ width: element.clientWidth, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);

  const shape = fitGrid(count, area.width, area.height);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const cells = [...element.querySelectorAll<HTMLElement>('[data-fit-cell]')];
    let scale = 1;
    element.style.setProperty('--fit', String(scale));
    while (scale > MIN_SCALE && cells.some(cellOverflows)) {
      scale = Math.round((scale - 0.05) * 100) / 100;
      element.style.setProperty('--fit', String(scale));
    }
  }, [ref, shape.columns, shape.rows, area.width, area.height, content]);

  return shape;
}

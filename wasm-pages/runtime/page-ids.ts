import { PAGE_ID_SPAN } from '../../bridge/index.ts';

/** The node ids of one mounted page: its container (made by the world) and its own range. */
export interface PageIds {
  /** The page's container node: the parent of its top nodes, never created or removed by the page. */
  readonly rootId: number;
  /** The first id the page may create; it may use PAGE_ID_SPAN ids from here. */
  readonly firstId: number;
}

/** The last id a page may use. */
export const lastPageId = (ids: PageIds): number => ids.firstId + PAGE_ID_SPAN - 1;

// A mount takes the container id plus PAGE_ID_SPAN page ids. Stepping by PAGE_ID_SPAN alone would
// give the next container the previous page's last id, so the step is one more than the span.
const STRIDE = PAGE_ID_SPAN + 1;
const MAX_NODE_ID = 0xffff_ffff;

/**
 * Hands out id ranges for mounts. A range comes back with `release` once the removal of its page's
 * container has been sent (the world releases after the frame that carries it), so a new page on
 * a recycled range always creates its nodes after the old ones are gone, and a TV session can
 * mount pages for ever. The first range is the one ABI.md shows (rootId 16777216).
 *
 * @example
 * const ids = new PageIdAllocator().allocate(); // { rootId: 16777216, firstId: 16777217 }
 */
export class PageIdAllocator {
  private next = PAGE_ID_SPAN;
  private readonly free: PageIds[] = [];

  /** The range of a page whose container removal has been sent; it may be handed out again. */
  release(ids: PageIds): void {
    this.free.push(ids);
  }

  /** Throws only if about 250 pages are mounted at the same time (the u32 id space is used up). */
  allocate(): PageIds {
    const recycled = this.free.pop();
    if (recycled !== undefined) return recycled;
    const rootId = this.next;
    if (rootId + PAGE_ID_SPAN > MAX_NODE_ID) {
      throw new Error(
        `the WASM world has used up its node ids (${Math.floor((rootId - PAGE_ID_SPAN) / STRIDE)} mounts of ` +
          `${STRIDE} ids each): start a new worker to mount more pages`,
      );
    }
    this.next += STRIDE;
    return { rootId, firstId: rootId + 1 };
  }
}
